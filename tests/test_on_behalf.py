"""Staff enter a report, an idea or a club sign-up for someone of their district who phoned."""

from __future__ import annotations

import csv
import io

from aiogram.methods import SendDocument, SendMessage
from sqlalchemy import select

from storage.models import Caller, Idea, Report, Signup
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import photo_update, tg_user
from tests.test_clubs import make_club

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой», Рудничный район
ELDER = tg_user(3001, username="elder")


async def rows(harness: Harness, model) -> list:  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


async def staff_and_elder(harness: Harness, admin) -> None:  # type: ignore[no-untyped-def]
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.register_elder(ELDER, confirm_by=STAFF)


async def export(harness: Harness, user, what: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    sent = await harness.say(user, f"/export {what}")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    data = doc.document.data  # type: ignore[union-attr]
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


async def test_an_idea_for_an_elder_who_phoned(harness: Harness, admin):
    await staff_and_elder(harness, admin)
    sent = await harness.say(STAFF, "/forperson")
    assert {"👤 Старший из списка района", "✍️ Другой человек (без бота)"} <= set(buttons(sent))
    listed = await harness.press(STAFF, "👤 Старший из списка района")
    assert "Иванова Мария Петровна" in buttons(listed)
    await harness.say(FAR_STAFF, "/forperson")
    far_list = await harness.press(FAR_STAFF, "👤 Старший из списка района")
    assert "Выберите старшего" in joined(far_list)
    assert "Иванова Мария Петровна" not in buttons(far_list)  # another district's elder
    what = await harness.press(STAFF, "Иванова Мария Петровна")
    assert "Иванова Мария Петровна: что вносим?" in joined(what)
    assert "🧹 Отчёт о субботнике" in buttons(what)
    await harness.press(STAFF, "💡 Идею или проблему")
    await harness.press(STAFF, "⚠️ Проблема")
    await harness.press(STAFF, "Освещение")
    await harness.say(STAFF, "ул. Весенняя, 17")
    await harness.say(STAFF, "Во дворе не горит фонарь, звонила старшая дома")
    await harness.press(STAFF, "Без фото")
    sent = await harness.press(STAFF, "✅ Отправить")
    assert "внесено, автор — Иванова Мария Петровна" in joined(sent)
    told = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == ELDER.id]
    assert told and "по звонку" in told[0].text
    [idea] = await rows(harness, Idea)
    assert idea.user_id == ELDER.id and idea.entered_by == STAFF.id
    assert idea.district_id == await harness.district_id("kem-central")


async def test_a_caller_without_the_bot_signed_up_with_oral_consent(harness: Harness, admin):
    await staff_and_elder(harness, admin)
    club_id = await make_club(harness, capacity=1)
    await harness.say(STAFF, "/forperson")
    await harness.press(STAFF, "✍️ Другой человек (без бота)")
    await harness.say(STAFF, "Петрова Анна Ивановна")
    bad = await harness.say(STAFF, "позвонит позже")
    assert "Не понял телефон" in joined(bad)
    consent = await harness.say(STAFF, "8 913 555-44-33")
    assert "получено устно" in joined(consent)
    assert await rows(harness, Caller) == []  # nothing kept before the consent
    what = await harness.press(STAFF, "✅ Согласие получено устно")
    assert "🧹 Отчёт о субботнике" not in buttons(what)  # reports are elders' only
    await harness.press(STAFF, "🎨 Запись в кружок")
    done = await harness.press(STAFF, "Хор «Рябинушка»")
    assert "Петрова Анна Ивановна записан(а)" in joined(done)
    [caller] = await rows(harness, Caller)
    assert caller.phone == "+79135554433" and caller.consent == "oral"
    [signup] = await rows(harness, Signup)
    assert signup.club_id == club_id and signup.user_id is None
    assert signup.caller_id == caller.id and signup.entered_by == STAFF.id
    table = await export(harness, STAFF, "записи")
    assert table[1][4] == "Петрова Анна Ивановна" and table[1][-1] == "внесено сотрудником"
    assert table[0][:4] == ["№", "Когда записались", "Кружок или мероприятие", "Центр"]
    assert "Оптимист" in table[1][3] and table[1][7] == "записан(а)"  # in words, not codes

    # The last place is taken: the next caller goes to the waiting list.
    await harness.say(STAFF, "/forperson")
    await harness.press(STAFF, "✍️ Другой человек (без бота)")
    await harness.say(STAFF, "Сидоров Пётр")
    await harness.say(STAFF, "+7 (913) 000-11-22")
    await harness.press(STAFF, "✅ Согласие получено устно")
    await harness.press(STAFF, "🎨 Запись в кружок")
    waiting = await harness.press(STAFF, "Хор «Рябинушка»")
    assert "в очереди" in joined(waiting)


async def test_a_report_for_an_elder_who_phoned(harness: Harness, admin):
    await staff_and_elder(harness, admin)
    await harness.say(STAFF, "/forperson")
    await harness.press(STAFF, "👤 Старший из списка района")
    await harness.press(STAFF, "Иванова Мария Петровна")
    await harness.press(STAFF, "🧹 Отчёт о субботнике")
    await harness.press(STAFF, "Субботник")
    await harness.press(STAFF, "Пропустить")
    await harness.press(STAFF, "Сегодня")
    await harness.press(STAFF, "📍 ул. Весенняя, д. 17")
    await harness.say(STAFF, "15")
    await harness.say(STAFF, "10 мешков")
    await harness.press(STAFF, "Пропустить")
    await harness.feed(photo_update(STAFF, "call-photo"))
    await harness.press(STAFF, "✅ Готово")
    sent = await harness.press(STAFF, "✅ Отправить")
    assert "на проверку, автор — Иванова Мария Петровна" in joined(sent)
    [report] = await rows(harness, Report)
    assert report.author_id == ELDER.id and report.entered_by == STAFF.id
    assert report.participants == 15 and report.bags == 10
    myreports = joined(await harness.say(ELDER, "/myreports"))
    assert f"№ {report.id} от" in myreports  # the elder sees it as their own
    from datetime import UTC, datetime

    table = await export(harness, STAFF, f"отчёты {datetime.now(UTC).year}")
    assert table[1][-1] == "внесено сотрудником"


async def test_residents_cannot_enter_for_others(harness: Harness, resident):
    await harness.onboard(resident)
    assert "Такой команды нет" in joined(await harness.say(resident, "/forperson"))


async def test_a_callers_problem_shows_staff_whom_to_call_back(harness: Harness, admin):
    from bot.keyboards.callbacks import IdeaCb

    await staff_and_elder(harness, admin)
    await harness.say(STAFF, "/forperson")
    await harness.press(STAFF, "✍️ Другой человек (без бота)")
    await harness.say(STAFF, "Петрова Анна Ивановна")
    await harness.say(STAFF, "8 913 555-44-33")
    await harness.press(STAFF, "✅ Согласие получено устно")
    await harness.press(STAFF, "💡 Идею или проблему")
    await harness.press(STAFF, "⚠️ Проблема")
    await harness.press(STAFF, "Мусор")
    await harness.say(STAFF, "ул. Весенняя, 17")
    await harness.say(STAFF, "Контейнеры не вывозят вторую неделю")
    await harness.press(STAFF, "Без фото")
    await harness.press(STAFF, "✅ Отправить")
    [idea] = await rows(harness, Idea)
    [caller] = await rows(harness, Caller)
    assert idea.user_id is None and idea.caller_id == caller.id and idea.entered_by == STAFF.id
    card = joined(await harness.tap(STAFF, IdeaCb(action="open", id=idea.id)))
    assert "Внесено сотрудником по звонку" in card
    assert "Петрова Анна Ивановна, +79135554433" in card
    far = joined(await harness.tap(FAR_STAFF, IdeaCb(action="open", id=idea.id)))
    assert "Петрова" not in far  # another district's staff see nothing of the caller


async def test_a_caller_is_found_among_many_elders_by_a_part_of_the_name(
    pg_or_sqlite_harness: Harness, admin
):
    """A district of seventy elders: the list showed the forty first by name, so «Яковлева» could
    not be chosen. Now the list turns in pages, and a part of the surname typed in any case
    finds her; a name nobody has is said so, and the list stays."""
    from storage.models import ElderRegistration, RegistrationStatus, User

    harness = pg_or_sqlite_harness
    await staff_and_elder(harness, admin)
    district_id = await harness.district_id("kem-central")
    async with harness.session_factory() as s:
        names = [f"Абрамов Старший {n:02}" for n in range(69)] + ["Яковлева Ольга Ивановна"]
        s.add_all(User(id=9300 + n, full_name=name) for n, name in enumerate(names))
        await s.flush()
        s.add_all(
            ElderRegistration(
                user_id=9300 + n, tos_role="house_elder", district_id=district_id,
                street="ул. Мира", house=str(n + 1), status=RegistrationStatus.CONFIRMED,
            )
            for n in range(len(names))
        )  # fmt: skip
        await s.commit()
    await harness.say(STAFF, "/forperson")
    listed = await harness.press(STAFF, "👤 Старший из списка района")
    assert "напишите часть его фамилии" in joined(listed) and "▶️" in buttons(listed)
    assert "Яковлева Ольга Ивановна" not in buttons(listed)
    assert "Слишком коротко" in joined(await harness.say(STAFF, "я"))
    hint = await harness.feed(photo_update(STAFF, "not-a-name"))
    assert "кнопкой" in joined(hint)  # a photo: pointed to the buttons, the list stays
    missing = await harness.say(STAFF, "Зайцев")
    assert "«Зайцев»" in joined(missing) and "нет" in joined(missing)
    found = await harness.say(STAFF, "яковлева")
    assert [b for b in buttons(found) if "Ивановна" in b] == ["Яковлева Ольга Ивановна"]
    what = await harness.press(STAFF, "Яковлева Ольга Ивановна")
    assert "Яковлева Ольга Ивановна: что вносим?" in joined(what)
