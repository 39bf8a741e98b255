from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiogram.methods import SendDocument, SendMessage
from sqlalchemy import event, func, select

from bot.keyboards.callbacks import CenterCb, ClubCb, ClubListCb, EventCb
from bot.services.validation import MONTHS
from handlers.clubs import ClubFilterCb, SignupCb
from handlers.settings import SettingsCb
from handlers.staff_clubs.handlers import AttendCb, FieldCb, SessionCb
from storage.models import (
    Attendance,
    Club,
    ClubSlot,
    Event,
    Reminder,
    Signup,
    SignupStatus,
    User,
)
from storage.repositories.clubs import ClubCounts
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import callback_update, tg_user

TZ = ZoneInfo("Asia/Novokuznetsk")
STAFF = tg_user(2001, username="olga_staff")
FAR_STAFF = tg_user(2002, username="ivan_staff")


async def make_club(
    harness: Harness,
    capacity: int = 2,
    center: str = "optimist",
    slots=((0, time(18, 0), 90),),
    age_group: str = "all",
    leader: str | None = "Анна Петровна",
) -> int:
    center_id = harness.directory.center_by_code(center).id
    async with harness.session_factory() as s:
        club = Club(
            center_id=center_id,
            name="Хор «Рябинушка»",
            description="Поём вместе",
            category="creative",
            age_group=age_group,
            capacity=capacity,
            leader=leader,
            slots=[ClubSlot(weekday=w, starts=t, minutes=m) for w, t, m in slots],
        )
        s.add(club)
        await s.commit()
    harness.forget_club_counts()
    return club.id


async def signups(harness: Harness, club_id: int) -> list[Signup]:
    async with harness.session_factory() as s:
        return list(
            (
                await s.execute(select(Signup).where(Signup.club_id == club_id).order_by(Signup.id))
            ).scalars()
        )


def numbered_club(center_id: int, n: int, active: bool = True) -> Club:
    """«Кружок 07»: one of many clubs of a center, for the tests of long lists."""
    return Club(
        center_id=center_id,
        name=f"Кружок {n:02}",
        category="creative",
        age_group="adults",
        capacity=10,
        active=active,
    )


async def join(harness: Harness, user, club_id: int, name: str = "Петрова Анна") -> list:
    sent = await harness.tap(user, ClubCb(action="join", id=club_id))
    if "Как вас записать" in joined(sent):
        sent = await harness.say(user, name)
    return sent


async def test_catalogue_filters_and_card(demo_harness: Harness, resident):
    harness = demo_harness
    await harness.onboard(resident, "kem-central")
    sent = await harness.say(resident, "🎨 Кружки и клубы")
    assert "Кружки и клубы</b>: Центральный район" in joined(sent)
    labels = [b for b in buttons(sent) if "—" in b]
    assert labels and all("ЦРН" in b and b.startswith("Пример: ") for b in labels)
    assert len(labels) == 8 and "▶️" in buttons(sent) and "◀️" not in buttons(sent)
    sent = await harness.press(resident, "▶️")  # the next page of the same list
    second = [b for b in buttons(sent) if "—" in b]
    assert second and not set(second) & set(labels) and "◀️" in buttons(sent)
    sent = await harness.press(resident, "◀️")
    assert [b for b in buttons(sent) if "—" in b] == labels
    kids = callback_datas(sent)["👶 Для детей"]
    sent = await harness.tap(resident, kids)
    assert "для детей" in joined(sent)
    assert all("Умелые руки" in b for b in buttons(sent) if "—" in b)
    f = ClubFilterCb(what="cat", district=await harness.district_id("kem-central"))
    sent = await harness.tap(resident, f)
    assert "Здоровье" in buttons(sent)
    sent = await harness.tap(resident, callback_datas(sent)["Здоровье"])
    assert "Скандинавская ходьба" in joined(sent) or "ходьба" in " ".join(buttons(sent))
    club_button = next(b for b in buttons(sent) if "ходьба" in b)
    sent = await harness.tap(resident, callback_datas(sent)[club_button])
    card = joined(sent)
    assert (
        "Пример: Скандинавская ходьба" in card
        and "Вт 10:00–11:00" in card
        and "Свободно мест: 20 из 20" in card
    )
    # a walking club for 60+: no child is signed up to it
    assert buttons(sent)[0] == "✍️ Записаться" and "👶 Записать ребёнка" not in buttons(sent)
    sent = await harness.tap(resident, ClubListCb(district=99999))
    assert "устарела" in joined(sent)


async def test_a_child_is_not_signed_up_to_an_adults_club(harness: Harness, resident):
    """An adults' club offers no «Записать ребёнка», and a forged tap is refused; a club whose
    leader is not known shows no «Руководитель» line."""
    await harness.onboard(resident)
    adults = await make_club(harness, age_group="adults", leader=None)
    sent = await harness.tap(resident, ClubCb(action="card", id=adults))
    assert "✍️ Записаться" in buttons(sent) and "👶 Записать ребёнка" not in buttons(sent)
    assert "Руководитель" not in joined(sent) and "уточняется" not in joined(sent)
    assert "для взрослых" in joined(await harness.tap(resident, ClubCb(action="child", id=adults)))
    assert await signups(harness, adults) == []
    everyone = await make_club(harness)
    sent = await harness.tap(resident, ClubCb(action="card", id=everyone))
    assert "👶 Записать ребёнка" in buttons(sent) and "Руководитель: Анна Петровна" in joined(sent)


async def test_sign_up_self_and_child_and_no_double(harness: Harness, resident):
    await harness.onboard(resident)
    club_id = await make_club(harness, capacity=5)
    sent = await harness.tap(resident, ClubCb(action="join", id=club_id))
    assert "Как вас записать" in joined(sent)
    assert "фамилию и имя" in joined(await harness.say(resident, "Аня"))
    sent = await harness.say(resident, "Петрова Анна")
    assert "Вы записаны: «Хор «Рябинушка»»" in joined(sent) and "Ближайшее занятие" in joined(sent)
    assert "Уже записаны" in joined(await harness.tap(resident, ClubCb(action="join", id=club_id)))
    await harness.tap(resident, ClubCb(action="child", id=club_id))
    await harness.say(resident, "Миша")
    assert "от 0 до 17" in joined(await harness.say(resident, "40"))
    sent = await harness.say(resident, "7")
    assert "Миша записан(а)" in joined(sent)
    rows = await signups(harness, club_id)
    assert [(r.who, r.child_age, r.status) for r in rows] == [
        ("", None, SignupStatus.ENROLLED),
        ("миша", 7, SignupStatus.ENROLLED),
    ]
    my = joined(await harness.say(resident, "/my"))
    assert "Хор «Рябинушка»" in my and "(Миша)" in my and "ближайшее" in my


async def test_waiting_list_and_automatic_promotion(harness: Harness, resident):
    first, second = resident, tg_user(1002)
    await harness.onboard(first)
    await harness.onboard(second)
    club_id = await make_club(harness, capacity=1)
    await join(harness, first, club_id)
    sent = await join(harness, second, club_id, "Сидоров Олег")
    assert "в очереди под номером 1" in joined(sent)
    assert "в очереди № 1" in joined(await harness.say(second, "/my"))
    mine = (await signups(harness, club_id))[0]
    other = tg_user(1003)
    assert "не ваша" in joined(await harness.tap(other, SignupCb(action="cancel", id=mine.id)))
    sent = await harness.tap(first, SignupCb(action="cancel", id=mine.id))
    assert "Запись отменена" in joined(sent)
    told = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == second.id]
    assert told and "Освободилось место" in told[0].text
    assert [r.status for r in await signups(harness, club_id)] == [
        SignupStatus.CANCELLED,
        SignupStatus.ENROLLED,
    ]
    assert "устарела" in joined(await harness.tap(first, SignupCb(action="cancel", id=mine.id)))


async def test_racing_for_the_last_places(harness: Harness):
    club_id = await make_club(harness, capacity=3)
    users = [tg_user(5000 + i) for i in range(12)]
    for u in users:
        await harness.onboard(u)
        async with harness.session_factory() as s:
            from storage.models import User as DbUser

            row = await s.get(DbUser, u.id)
            assert row is not None
            row.full_name = f"Житель {u.id}"
            await s.commit()
        harness.forget_user(u.id)
    updates = [callback_update(u, ClubCb(action="join", id=club_id).pack()) for u in users]
    await asyncio.gather(*(harness.dp.feed_update(harness.bot, upd) for upd in updates))
    rows = await signups(harness, club_id)
    assert len(rows) == 12
    assert sum(r.status is SignupStatus.ENROLLED for r in rows) == 3
    assert len({r.user_id for r in rows}) == 12


async def test_closed_club_takes_no_sign_ups(harness: Harness, resident, admin):
    await harness.onboard(resident)
    club_id = await make_club(harness)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await join(harness, resident, club_id)
    sent = await harness.tap(STAFF, ClubCb(action="close", id=club_id))
    assert "закрыт, участникам сообщено (1)" in joined(sent)
    other = tg_user(1004)
    await harness.onboard(other)
    assert "закрыт" in joined(await harness.tap(other, ClubCb(action="join", id=club_id)))
    assert all(r.status is SignupStatus.CANCELLED for r in await signups(harness, club_id))


async def test_staff_of_another_center_cannot_touch(harness: Harness, admin, resident):
    club_id = await make_club(harness)
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    for action in ("staff", "members", "csv", "close", "edit"):
        sent = await harness.tap(FAR_STAFF, ClubCb(action=action, id=club_id))
        assert "другого центра" in joined(sent)
    sent = await harness.tap(FAR_STAFF, FieldCb(target="club", id=club_id, field="capacity"))
    assert "другого центра" in joined(sent)
    assert "устарела" in joined(await harness.tap(resident, ClubCb(action="close", id=club_id)))
    async with harness.session_factory() as s:
        assert (await s.get(Club, club_id)).active  # type: ignore[union-attr]


async def test_a_clubs_schedule_is_chosen_by_buttons(harness: Harness, admin):
    """Days ticked, the time and the length tapped: no format to learn; «Назад» keeps the days;
    the same schedule changed later from the card the same way."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.tap(STAFF, FieldCb(target="club", id=0, field="new"))
    await harness.say(STAFF, "Скандинавская ходьба")
    await harness.press(STAFF, "Спорт")
    sent = await harness.press(STAFF, "для всех")
    assert "По каким дням" in joined(sent) and "⬜ Пн" in buttons(sent)
    monday = callback_datas(sent)["⬜ Пн"]
    forged_day = monday.rsplit(":", 1)[0] + ":9"  # a weekday that does not exist
    assert "устарела" in joined(await harness.tap(STAFF, forged_day))
    assert "хотя бы один день" in joined(await harness.press(STAFF, "✅ Готово"))
    await harness.press(STAFF, "⬜ Пн")
    await harness.press(STAFF, "⬜ Чт")
    await harness.press(STAFF, "⬜ Сб")
    sent = await harness.press(STAFF, "☑️ Сб")  # changed their mind
    assert {"☑️ Пн", "☑️ Чт", "⬜ Сб"} <= set(buttons(sent))
    sent = await harness.press(STAFF, "✅ Готово")
    assert "Во сколько" in joined(sent) and "18:00" in buttons(sent)
    assert "Не понял время" in joined(await harness.say(STAFF, "вечером"))
    sent = await harness.press(STAFF, "⬅️ Назад")
    assert {"☑️ Пн", "☑️ Чт"} <= set(buttons(sent))  # the days are kept
    await harness.press(STAFF, "✅ Готово")
    sent = await harness.say(STAFF, "10.30")
    assert "Сколько длится" in joined(sent) and "90 мин." in buttons(sent)
    assert "от 15 до 480" in joined(await harness.say(STAFF, "5"))
    sent = await harness.press(STAFF, "90 мин.")
    assert "Сколько мест" in joined(sent)
    await harness.say(STAFF, "20")
    await harness.press(STAFF, "Пропустить")
    sent = await harness.press(STAFF, "Пропустить")
    assert "Кружок «Скандинавская ходьба» создан" in joined(sent)
    async with harness.session_factory() as s:
        club = (await s.execute(select(Club).where(Club.capacity == 20))).scalar_one()
        assert [(sl.weekday, sl.starts, sl.minutes) for sl in club.slots] == [
            (0, time(10, 30), 90),
            (3, time(10, 30), 90),
        ]
    await harness.tap(STAFF, FieldCb(target="club", id=club.id, field="schedule"))
    await harness.press(STAFF, "⬜ Вт")
    await harness.press(STAFF, "✅ Готово")
    await harness.press(STAFF, "18:00")
    assert "Сохранено" in joined(await harness.press(STAFF, "60 мин."))
    async with harness.session_factory() as s:
        changed = await s.get(Club, club.id)
        assert changed is not None
        assert [(sl.weekday, sl.starts, sl.minutes) for sl in changed.slots] == [(1, time(18), 60)]


async def test_staff_create_edit_members_csv_message(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    sent = await harness.say(STAFF, "/myclubs")
    assert "ЦРН «Оптимист»" in joined(sent) and "➕ Кружок" in buttons(sent)
    await harness.tap(STAFF, FieldCb(target="club", id=0, field="new"))
    await harness.say(STAFF, "Шашки для всех")
    await harness.press(STAFF, "Досуг")
    await harness.press(STAFF, "для всех")
    assert "Не понял расписание" in joined(await harness.say(STAFF, "каждый день"))
    await harness.say(STAFF, "ср 17:00 60; сб 11:00 90")
    assert "от 1 до 5" in joined(await harness.say(STAFF, "0"))
    skip_leader = callback_datas(await harness.say(STAFF, "1"))["Пропустить"]
    assert "Описание" in joined(await harness.tap(STAFF, skip_leader))
    # A double tap on «Пропустить» skips nothing more: the description is still asked.
    sent = await harness.tap(STAFF, skip_leader)
    assert "создан" not in joined(sent)
    assert "создан" not in joined(sent)
    sent = await harness.say(STAFF, "Играем по субботам")
    assert "Кружок «Шашки для всех» создан" in joined(sent)
    async with harness.session_factory() as s:
        club = (await s.execute(select(Club).where(Club.name == "Шашки для всех"))).scalar_one()
        assert [(sl.weekday, sl.starts, sl.minutes) for sl in club.slots] == [
            (2, time(17, 0), 60),
            (5, time(11, 0), 90),
        ]
        assert club.capacity == 1 and club.leader is None and club.category == "leisure"
        assert club.description == "Играем по субботам"
    waiting = tg_user(1005)
    await harness.onboard(resident)
    await harness.onboard(waiting)
    await join(harness, resident, club.id)
    await join(harness, waiting, club.id, "Орлов Иван")
    await harness.tap(STAFF, FieldCb(target="club", id=club.id, field="capacity"))
    sent = await harness.say(STAFF, "2")
    assert "Сохранено" in joined(sent)
    assert any(
        isinstance(r, SendMessage) and r.chat_id == waiting.id and "Освободилось" in r.text
        for r in sent
    )
    sent = await harness.tap(STAFF, ClubCb(action="members", id=club.id))
    assert "Петрова Анна" in joined(sent) and "Орлов Иван" in joined(sent)
    await harness.tap(STAFF, ClubCb(action="staff", id=club.id))
    sent = await harness.press(STAFF, "📄 Список для Excel")  # a button in words, not «CSV»
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    content = doc.document.data  # type: ignore[union-attr]
    assert content.startswith("\ufeff".encode()) and "Петрова Анна".encode() in content
    hostile = tg_user(1006)
    await harness.onboard(hostile)
    await join(harness, hostile, club.id, "Сидоров Пётр")
    async with harness.session_factory() as s:  # a name as it might come from any other path
        person = await s.get(User, hostile.id)
        assert person is not None
        person.full_name = '=HYPERLINK("http://evil.example","Иван")'
        await s.commit()
    harness.forget_user(hostile.id)
    sent = await harness.tap(STAFF, ClubCb(action="csv", id=club.id))
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    rows = list(csv.reader(io.StringIO(doc.document.data.decode("utf-8-sig")), delimiter=";"))  # type: ignore[union-attr]
    [row] = [r for r in rows if "HYPERLINK" in r[1]]
    assert row[1] == '\'=HYPERLINK("http://evil.example","Иван")'  # inert in Excel
    assert row[4] == "в очереди"
    await harness.tap(STAFF, ClubCb(action="msg", id=club.id))
    sent = await harness.say(STAFF, "Завтра занятие <b>в 17:00</b>")
    assert "Отправлено: 2 из 2" in joined(sent)
    to_member = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert "&lt;b&gt;" in to_member[0].text


async def club_with_sessions(harness: Harness) -> int:
    """A club that meets tomorrow at 23:00 and met yesterday at 00:05 (Kemerovo's time)."""
    now = datetime.now(UTC)
    soon = (now + timedelta(days=1)).astimezone(TZ)
    past = (now - timedelta(days=1)).astimezone(TZ)
    slots = ((soon.weekday(), time(23, 0), 30), (past.weekday(), time(0, 5), 30))
    return await make_club(harness, slots=slots)


async def test_cancel_a_session_and_attendance(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    now = datetime.now(UTC)
    club_id = await club_with_sessions(harness)
    await harness.onboard(resident)
    await join(harness, resident, club_id)
    reminders = harness.dp["reminders"]
    await reminders.plan(now)
    sent = await harness.tap(STAFF, ClubCb(action="sessions", id=club_id))
    first = next(iter(callback_datas(sent).values()))
    sent = await harness.tap(STAFF, first)
    assert "отменено, участникам сообщено (1)" in joined(sent)
    assert "отменено" in next(
        r.text for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id
    )
    assert "уже отменено" in joined(await harness.tap(STAFF, first))
    cancelled_at = SessionCb.unpack(first).at
    async with harness.session_factory() as s:
        left = await s.scalar(
            select(func.count())
            .select_from(Reminder)
            .where(Reminder.starts_at == datetime.fromtimestamp(cancelled_at, UTC))
        )
        assert left == 0
    sent = await harness.tap(STAFF, ClubCb(action="att", id=club_id))
    session_button = next(iter(callback_datas(sent).values()))
    sent = await harness.tap(STAFF, session_button)
    member = next(b for b in buttons(sent) if "Петрова Анна" in b)
    assert member.startswith("⬜")
    sent = await harness.tap(STAFF, callback_datas(sent)[member])
    assert any("✅ Петрова Анна" in b for b in buttons(sent))
    async with harness.session_factory() as s:
        [mark] = list((await s.execute(select(Attendance))).scalars())
        assert mark.present
    bogus = AttendCb(
        club=club_id, at=int((now + timedelta(days=3)).timestamp()), signup=mark.signup_id
    )
    assert "устарела" in joined(await harness.tap(STAFF, bogus))


async def test_events_create_sign_up_and_reminders(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.tap(STAFF, FieldCb(target="event", id=0, field="new"))
    await harness.say(STAFF, "Новогодний двор")
    assert "уже прошло" in joined(await harness.say(STAFF, "01.01.2020 12:00"))
    assert "Не понял дату" in joined(await harness.say(STAFF, "31.02 12:00"))
    assert "Не понял дату" in joined(await harness.say(STAFF, "на днях"))
    start = (datetime.now(UTC) + timedelta(days=3)).astimezone(TZ).replace(second=0, microsecond=0)
    await harness.say(STAFF, f"{start.day} {MONTHS[start.month - 1]} в {start:%H:%M}")  # as said
    await harness.say(STAFF, "90")
    await harness.say(STAFF, "1")
    sent = await harness.say(STAFF, "Хороводы и конкурсы")
    # The city's report marks: none ticked for a November event (not «Лето»); a direction is
    # offered only under «Лето».
    assert "Сейчас: нет отметок" in joined(sent)
    assert "⬜ Лето" in buttons(sent) and "⬜ Спортивное" not in buttons(sent)
    await harness.press(STAFF, "⬜ Молодёжное")
    sent = await harness.press(STAFF, "⬜ Уютный Кемерово")
    assert "Сейчас: Уютный Кемерово, молодёжное" in joined(sent)
    sent = await harness.press(STAFF, "✅ Готово")
    assert "Мероприятие «Новогодний двор» создано" in joined(sent)
    await harness.onboard(resident)
    sent = await harness.say(resident, "/events")
    assert "Новогодний двор" in " ".join(buttons(sent))
    async with harness.session_factory() as s:
        event = (await s.execute(select(Event))).scalar_one()
    assert (event.youth, event.project, event.programme) == (True, "cozy", None)
    assert event.starts_at.replace(tzinfo=UTC).astimezone(TZ) == start
    # Later marked «Лето», sports, from the card's «Изменить»: the direction switches «Лето» on.
    await harness.tap(STAFF, EventCb(action="edit", id=event.id))
    sent = await harness.press(STAFF, "🏷 Отметки")
    assert "☑️ Молодёжное" in buttons(sent)
    await harness.press(STAFF, "⬜ Лето")
    await harness.press(STAFF, "⬜ Спортивное")
    await harness.press(STAFF, "☑️ Уютный Кемерово")
    assert "Сохранено" in joined(await harness.press(STAFF, "✅ Готово"))
    async with harness.session_factory() as s:
        event = (await s.execute(select(Event))).scalar_one()
    assert (event.programme, event.direction, event.project, event.youth) == (
        "leto",
        "sport",
        None,
        True,
    )
    card = joined(await harness.tap(STAFF, EventCb(action="staff", id=event.id)))
    assert "Отметки: Лето (спортивное), молодёжное" in card
    sent = await harness.tap(resident, EventCb(action="card", id=event.id))
    assert "Свободно мест: 1 из 1" in joined(sent)
    sent = await join_event(harness, resident, event.id)
    assert "Вы записаны на «Новогодний двор»" in joined(sent)
    reminders = harness.dp["reminders"]
    now = datetime.now(UTC)
    assert await reminders.plan(now) == 2  # a day and two hours before
    assert await reminders.plan(now) == 0
    day_before = event.starts_at - timedelta(days=1)
    assert await reminders.send_due(harness.bot, day_before - timedelta(minutes=1)) == 0
    before = len(harness.session.requests)
    assert await reminders.send_due(harness.bot, day_before) == 1
    text = harness.session.requests[before].text  # type: ignore[attr-defined]
    assert "Напоминание: «Новогодний двор»" in text
    assert await reminders.send_due(harness.bot, day_before + timedelta(minutes=5)) == 0


async def join_event(harness: Harness, user, event_id: int) -> list:
    sent = await harness.tap(user, EventCb(action="join", id=event_id))
    if "Как вас записать" in joined(sent):
        sent = await harness.say(user, "Петрова Анна")
    return sent


async def test_club_reminders_on_a_fake_clock_survive_a_restart(sqlite_url: str, resident):
    from tests.conftest import _harness, make_settings

    settings = make_settings(sqlite_url)
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=TZ).astimezone(UTC)  # session Mon 18:00
    async for h in _harness(settings):
        await h.onboard(resident)
        club_id = await make_club(h)
        await join(h, resident, club_id)
        assert await h.dp["reminders"].plan(monday_8) >= 2  # this Monday and the next
    async for h in _harness(settings):  # restart between planning and sending
        reminders = h.dp["reminders"]
        due = datetime(2026, 11, 23, 15, 0, tzinfo=TZ).astimezone(UTC)  # 3 h before
        assert await reminders.send_due(h.bot, due - timedelta(seconds=1)) == 0
        assert await reminders.send_due(h.bot, due) == 1
        assert await reminders.send_due(h.bot, due + timedelta(minutes=1)) == 0
        assert await reminders.plan(due) == 0  # nothing planned twice
    async for h in _harness(settings):
        assert (
            await h.dp["reminders"].send_due(h.bot, datetime(2026, 11, 23, 9, 0, tzinfo=UTC)) == 0
        )


async def test_settings_switch_club_reminders_off(harness: Harness, resident):
    await harness.onboard(resident)
    club_id = await make_club(harness)
    await join(harness, resident, club_id)
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=TZ).astimezone(UTC)
    reminders = harness.dp["reminders"]
    assert await reminders.plan(monday_8) >= 1
    sent = await harness.say(resident, "/settings")
    assert "Напоминать о занятиях кружков: за 3 часа. Изменить" in joined(sent)  # not «ч..»
    assert {"✅ за 3 часа", "за сутки", "✅ конкурсы", "❌ Закрыть"} <= set(buttons(sent))
    sent = await harness.press(resident, "не напоминать")
    assert "Сохранено. Напоминания: не напоминать" in joined(sent)
    # the screen stays, the choice marked, the announcements still there to switch
    assert {"✅ не напоминать", "за 3 часа", "✅ конкурсы"} <= set(buttons(sent))
    assert "✅ за 3 часа" not in buttons(sent)
    assert await reminders.plan(monday_8) == 0
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(Reminder)) == 0
    assert "Напоминания: за 1 час." in joined(await harness.tap(resident, SettingsCb(minutes=60)))
    assert await reminders.plan(monday_8) >= 1
    async with harness.session_factory() as s:
        dues = list((await s.execute(select(Reminder.due_at, Reminder.starts_at))).all())
        assert all(start - due == timedelta(hours=1) for due, start in dues)
    assert "устарела" in joined(await harness.tap(resident, SettingsCb(minutes=7)))
    await harness.say(resident, "/settings")
    sent = await harness.press(resident, "❌ Закрыть")
    assert "Настройки сохранены" in joined(sent) and not buttons(sent)


async def test_reminder_to_someone_who_blocked_the_bot(harness: Harness, resident):
    from aiogram.exceptions import TelegramForbiddenError

    await harness.onboard(resident)
    club_id = await make_club(harness)
    await join(harness, resident, club_id)
    reminders = harness.dp["reminders"]
    monday_8 = datetime(2026, 11, 23, 8, 0, tzinfo=TZ).astimezone(UTC)
    await reminders.plan(monday_8)
    harness.session.fail_next(
        "SendMessage",
        TelegramForbiddenError(method=SendMessage(chat_id=resident.id, text=""), message="blocked"),
    )
    due = datetime(2026, 11, 23, 15, 0, tzinfo=TZ).astimezone(UTC)
    assert await reminders.send_due(harness.bot, due) == 0
    assert await reminders.send_due(harness.bot, due + timedelta(minutes=10)) == 0  # not retried
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.is_active is False
    await harness.say(resident, "/help")  # they write again: active again (the cache was evicted)
    assert (await harness.db_user(resident.id)).is_active is True  # type: ignore[union-attr]


async def test_a_fresh_start_shows_no_invented_clubs(sqlite_url: str, resident):
    """Only facts out of demo mode; examples (named «Пример: …») only with DEMO=1, and a start
    out of demo mode closes those a demo run left."""
    from tests.conftest import _harness, make_settings

    async for harness in _harness(make_settings(sqlite_url)):
        await harness.onboard(resident, "kem-central")
        sent = await harness.say(resident, "🎨 Кружки и клубы")
        assert "кружки пока не внесены" in joined(sent)
    async for harness in _harness(make_settings(sqlite_url, demo=True)):
        async with harness.session_factory() as s:
            names = list((await s.execute(select(Club.name).where(Club.active))).scalars())
        assert len(names) == 70 and all(n.startswith("Пример: ") for n in names)
    async for harness in _harness(make_settings(sqlite_url)):
        async with harness.session_factory() as s:
            assert await s.scalar(select(func.count()).select_from(Club).where(Club.active)) == 0
        sent = await harness.say(resident, "🎨 Кружки и клубы")
        assert "кружки пока не внесены" in joined(sent)


async def test_a_center_card_counts_its_clubs_once_until_a_club_changes(
    harness: Harness, admin, resident
):
    """The card is what residents open most: its count of clubs is read once and read again
    only after a commit adds, closes or changes a club."""
    center = harness.directory.center_by_code("optimist")
    club_id = await make_club(harness)
    engine = harness.session_factory.kw["bind"]
    counted: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.startswith("SELECT count(*)") and "FROM clubs" in statement:
            counted.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        for _ in range(3):
            card = joined(await harness.tap(resident, CenterCb(action="card", id=center.id)))
            assert "Кружков: 1" in card
        assert len(counted) == 1
        await harness.say(admin, f"/grant {STAFF.id} staff optimist")
        assert "закрыт" in joined(await harness.tap(STAFF, ClubCb(action="close", id=club_id)))
        card = joined(await harness.tap(resident, CenterCb(action="card", id=center.id)))
        assert "Кружков" not in card
        assert len(counted) == 2
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


def test_a_club_count_read_before_a_change_is_not_kept():
    counts = ClubCounts()
    before_read = counts.changes
    counts.forget()  # a club closed (committed) while the count was being read
    counts.keep(7, 3, before_read)
    assert counts.get(7) is None
    counts.keep(7, 2, counts.changes)
    assert counts.get(7) == 2


async def test_a_center_with_many_clubs_lists_them_in_pages(
    pg_or_sqlite_harness: Harness, admin, resident
):
    """Twenty clubs (one closed) and two coming events: /myclubs shows fifteen a page, open
    clubs first, each with its members and queue counted, «▶️» to the rest."""
    harness = pg_or_sqlite_harness
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    first = await make_club(harness, capacity=1)
    center_id = harness.directory.center_by_code("optimist").id
    async with harness.session_factory() as s:
        s.add_all(numbered_club(center_id, n, active=n != 1) for n in range(1, 20))
        s.add_all(
            Event(
                center_id=center_id,
                title=f"Праздник {n}",
                starts_at=datetime.now(UTC) + timedelta(days=n),
                minutes=60,
                capacity=30,
            )
            for n in (1, 2)
        )
        await s.commit()
    harness.forget_club_counts()
    await harness.onboard(resident)
    await join(harness, resident, first)
    second = tg_user(1002)
    await harness.onboard(second)
    await join(harness, second, first, name="Сидоров Пётр")  # in the queue
    sent = await harness.say(STAFF, "/myclubs")
    listed = [b for b in buttons(sent) if ": " in b]
    assert len(listed) == 15 and listed[0] == "Кружок 02: 0 из 10, очередь 0"
    assert not any("закрыт" in b for b in listed) and "▶️" in buttons(sent)
    sent = await harness.press(STAFF, "▶️")
    rest = [b for b in buttons(sent) if ": " in b]
    assert len(rest) == 7 and "Хор «Рябинушка»: 1 из 1, очередь 1" in rest
    assert rest.index("Кружок 01: 0 из 10, очередь 0 (закрыт)") == 4  # after the open ones
    assert len([b for b in rest if "Праздник" in b and "0 из 30" in b]) == 2
    assert "◀️" in buttons(sent) and "▶️" not in buttons(sent) and "➕ Кружок" in buttons(sent)


async def test_a_club_with_a_long_description_shows_it_whole(harness: Harness, resident):
    """A description may be 1 000 characters: the card then comes as short messages (the harness
    fails one over 600) with every word and «Записаться» under the last."""
    club_id = await make_club(harness)
    words = [f"Занятие{n}" for n in range(100)]
    async with harness.session_factory() as s:
        club = await s.get(Club, club_id)
        assert club is not None
        club.description = " ".join(words)  # 989 characters
        await s.commit()
    await harness.onboard(resident)
    sent = await harness.tap(resident, ClubCb(action="card", id=club_id))
    texts = [r.text for r in sent if isinstance(r, SendMessage)]
    assert len(texts) >= 2 and all(len(t) <= 600 for t in texts)
    assert all(word in " ".join(texts).split() for word in words)
    assert "✍️ Записаться" in buttons(sent)
    sent = await harness.press(resident, "✍️ Записаться")  # the buttons under the last work
    assert "Как вас записать" in joined(sent) or "записаны" in joined(sent).lower()


async def test_my_signups_come_in_pages(pg_or_sqlite_harness: Harness, resident):
    """Ten sign-ups: /my shows eight a page, the oldest first, «Страница 1 из 2» and «▶️» to the
    last two (before, every sign-up was a button under one list); one cancelled from the second
    page is gone for good."""
    harness = pg_or_sqlite_harness
    await harness.onboard(resident)
    await join(harness, resident, await make_club(harness))
    center_id = harness.directory.center_by_code("optimist").id
    async with harness.session_factory() as s:
        clubs = [numbered_club(center_id, n) for n in range(2, 11)]
        s.add_all(clubs)
        await s.flush()
        s.add_all(
            Signup(club_id=c.id, user_id=resident.id, status=SignupStatus.ENROLLED) for c in clubs
        )
        await s.commit()
    harness.forget_club_counts()

    def cancels(sent: list) -> list[str]:
        return [b for b in buttons(sent) if b.startswith("Отписать")]

    sent = await harness.say(resident, "/my")
    first = cancels(sent)
    assert len(first) == 8 and first[0] == "Отписать: «Хор «Рябинушка»»"
    assert "Страница 1 из 2" in joined(sent) and "▶️" in buttons(sent) and "◀️" not in buttons(sent)
    sent = await harness.press(resident, "▶️")
    assert cancels(sent) == ["Отписать: «Кружок 09»", "Отписать: «Кружок 10»"]
    assert "Страница 2 из 2" in joined(sent) and "▶️" not in buttons(sent)
    sent = await harness.press(resident, "◀️")
    assert cancels(sent) == first
    await harness.press(resident, "▶️")
    sent = await harness.press(resident, "Отписать: «Кружок 10»")
    assert "Запись отменена: «Кружок 10»" in joined(sent)
    async with harness.session_factory() as s:
        live = await s.scalar(
            select(func.count())
            .select_from(Signup)
            .where(Signup.user_id == resident.id, Signup.status == SignupStatus.ENROLLED)
        )
    assert live == 9
    await harness.say(resident, "/my")
    sent = await harness.press(resident, "▶️")
    assert cancels(sent) == ["Отписать: «Кружок 09»"]


async def test_attendance_of_a_large_club_comes_in_pages(harness: Harness, admin):
    """A walking club of 130 (capacity may be up to 5 000): its attendance was a button a person
    under one message, and Telegram refuses more than 100. Now twenty a page; a mark on the last
    page is stored and the page stays where it was."""
    from storage.models import User

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    past = (datetime.now(UTC) - timedelta(days=1)).astimezone(TZ)
    club_id = await make_club(harness, capacity=200, slots=((past.weekday(), time(0, 5), 30),))
    async with harness.session_factory() as s:
        s.add_all(User(id=7000 + n, full_name=f"Ходок {n:03}") for n in range(130))
        await s.flush()
        s.add_all(
            Signup(club_id=club_id, user_id=7000 + n, status=SignupStatus.ENROLLED)
            for n in range(130)
        )
        await s.commit()
    sent = await harness.tap(STAFF, ClubCb(action="att", id=club_id))
    sent = await harness.tap(STAFF, next(iter(callback_datas(sent).values())))
    people = [b for b in buttons(sent) if "Ходок" in b]
    assert people == [f"⬜ Ходок {n:03}" for n in range(20)] and "▶️" in buttons(sent)
    assert "Страница 1 из 7" in joined(sent)
    for _ in range(6):
        sent = await harness.press(STAFF, "▶️")
    people = [b for b in buttons(sent) if "Ходок" in b]
    assert people == [f"⬜ Ходок {n:03}" for n in range(120, 130)] and "▶️" not in buttons(sent)
    sent = await harness.press(STAFF, "⬜ Ходок 125")
    people = [b for b in buttons(sent) if "Ходок" in b]
    assert "✅ Ходок 125" in people and "⬜ Ходок 120" in people
    async with harness.session_factory() as s:
        [mark] = list((await s.execute(select(Attendance))).scalars())
        signup = await s.get(Signup, mark.signup_id)
        assert mark.present and signup is not None and signup.user_id == 7125


async def test_every_coming_event_of_the_district_is_in_reach(harness: Harness, resident):
    """Twenty-four events at the district's centers: ten a page, soonest first (the list stopped
    at twenty with no way to the rest); an event on the last page opens."""
    center_id = harness.directory.center_by_code("optimist").id
    async with harness.session_factory() as s:
        s.add_all(
            Event(
                center_id=center_id, title=f"Праздник {n:02}", minutes=60, capacity=30,
                starts_at=datetime.now(UTC) + timedelta(days=1, hours=n),
            )
            for n in range(24)
        )  # fmt: skip
        await s.commit()
    harness.forget_club_counts()
    await harness.onboard(resident, "kem-central")
    sent = await harness.say(resident, "/events")
    listed = [b for b in buttons(sent) if "Праздник" in b]
    assert [b.split(" — ")[1].split(" (")[0] for b in listed] == [
        f"Праздник {n:02}" for n in range(10)
    ]
    assert "Страница 1 из 3" in joined(sent)
    await harness.press(resident, "▶️")
    rest = await harness.press(resident, "▶️")
    more = [b for b in buttons(rest) if "Праздник" in b]
    assert len(more) == 4 and "Праздник 23" in more[-1]
    card = await harness.press(resident, more[-1])
    assert "Праздник 23" in joined(card)
    back = await harness.press(resident, "⬅️ К списку")  # the card replaced the list in place
    assert [b for b in buttons(back) if "Праздник" in b] == listed
