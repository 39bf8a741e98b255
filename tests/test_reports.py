from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from aiogram.methods import EditMessageText, SendMediaGroup, SendMessage
from sqlalchemy import func, select

from bot.keyboards.callbacks import PageCb, ReportCb
from storage.models import Report, ReportStatus
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import (
    document_update,
    photo_update,
    sticker_update,
    tg_user,
    video_update,
)

STAFF = tg_user(2001, username="olga_staff")
FAR_STAFF = tg_user(2002, username="ivan_staff")


async def _elder(harness: Harness, admin, resident) -> None:
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.register_elder(resident, confirm_by=STAFF)


async def _reports(harness: Harness) -> list[Report]:
    async with harness.session_factory() as s:
        return list((await s.execute(select(Report).order_by(Report.id))).scalars())


DONE, SEND = "✅ Готово", "✅ Отправить"


def forged(requests: list, button: str, value: str) -> str:
    """The data of a button on the screen with its value replaced: a forged or stale choice."""
    data = callback_datas(requests)[button]
    return data.rsplit(":", 1)[0] + ":" + value


async def _fill_until_photos(
    harness: Harness,
    user,
    participants: str = "25",
    description: str = "Убрали берег, вывезли мусор.",
) -> None:
    await harness.say(user, "/report")
    await harness.press(user, "Субботник")
    await harness.press(user, "Чистые берега")
    await harness.press(user, "Сегодня")
    await harness.say(user, "Берег реки Искитимки у моста")
    await harness.say(user, participants)
    await harness.press(user, DONE)  # no figures
    await harness.say(user, description)


async def _album(harness: Harness, user, group: str, uniques: list[str]) -> list:
    sent = []
    for unique in uniques:
        sent += await harness.feed(photo_update(user, unique, media_group_id=group))
    return sent


async def _submit_simple(harness: Harness, user, uniques: list[str]) -> None:
    await _fill_until_photos(harness, user)
    await _album(harness, user, f"g-{uniques[0]}", uniques)
    await harness.press(user, DONE)
    await harness.press(user, SEND)


async def test_report_with_album_and_figures_then_accepted(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    sent = await harness.say(resident, "/report")
    assert "Что проводили?" in joined(sent)
    assert {"Субботник", "Акция", "Мероприятие", "Другое"} <= set(buttons(sent))
    sent = await harness.press(resident, "Субботник")
    assert "Окна Победы" in buttons(sent) and "✍️ Своё название" in buttons(sent)
    action = next(a for a in harness.directory.actions() if a.name == "Чистые берега")
    sent = await harness.press(resident, "Чистые берега")
    assert buttons(sent)[:3] == ["Сегодня", "Вчера", "Другая дата"]
    await harness.press(resident, "Вчера")
    await harness.say(resident, "Берег реки Искитимки")
    sent = await harness.say(resident, "25")
    assert "Мешков мусора: —" in buttons(sent)
    assert not any("Снежных фигур" in b for b in buttons(sent))  # not asked of a субботник
    await harness.press(resident, "Мешков мусора: —")
    sent = await harness.say(resident, "12")
    assert "Мешков мусора: 12" in buttons(sent)
    await harness.press(resident, "Деревьев и кустарников высажено: —")
    await harness.say(resident, "3")
    sent = await harness.press(resident, DONE)
    assert "опишите" in joined(sent)
    sent = await harness.say(resident, "Убрали берег, посадили три куста.")
    assert "от 1 до 10 фото" in joined(sent)

    sent = await _album(harness, resident, "album-1", ["p1", "p2", "p3"])
    new_messages = [r for r in sent if isinstance(r, SendMessage)]
    edits = [r for r in sent if isinstance(r, EditMessageText)]
    assert len(new_messages) == 1 and len(edits) == 2  # one status message, edited as photos come
    assert "Фото: 3 из 10" in (edits[-1].text or "")
    sent = await harness.press(resident, DONE)
    summary = joined(sent)
    assert "Субботник" in summary and "Чистые берега" in summary and "Участников: 25" in summary
    assert "Мешков мусора: 12" in summary and "Деревьев и кустарников высажено: 3" in summary
    assert "Фото: 3" in summary
    local_today = datetime.now(harness.settings.tz).date()  # «вчера» is local
    assert (local_today - timedelta(days=1)).strftime("%d.%m.") in summary

    sent = await harness.press(resident, SEND)
    [report] = await _reports(harness)
    assert f"Отчёт № {report.id} отправлен" in joined(sent)
    assert [p.file_unique_id for p in report.photos] == ["p1", "p2", "p3"]
    assert (report.bags, report.trees, report.participants) == (12, 3, 25)
    assert report.status is ReportStatus.SUBMITTED and report.action_id == action.id
    assert any(getattr(r, "chat_id", None) == STAFF.id for r in sent), "staff are told"

    sent = await harness.say(STAFF, "/queue")
    assert f"№ {report.id}" in joined(sent)
    sent = await harness.tap(STAFF, ReportCb(action="mod", id=report.id))
    albums = [r for r in sent if isinstance(r, SendMediaGroup)]
    assert len(albums) == 1 and [m.media for m in albums[0].media] == [
        "file-p1",
        "file-p2",
        "file-p3",
    ]
    card = joined(sent)
    assert "Иванова Мария Петровна" in card and "на проверке" in card
    assert buttons(sent) == ["✅ Принять", "↩️ Вернуть на доработку", "❌ Закрыть"]
    sent = await harness.tap(STAFF, ReportCb(action="accept", id=report.id))
    assert f"Отчёт № {report.id} принят" in joined(sent)
    told = [r for r in sent if getattr(r, "chat_id", None) == resident.id]
    assert told and "принят" in told[0].text  # type: ignore[attr-defined]
    [report] = await _reports(harness)
    assert report.status is ReportStatus.ACCEPTED and report.moderated_by == STAFF.id
    assert "принят" in joined(await harness.tap(STAFF, ReportCb(action="accept", id=report.id)))
    assert "Отчётов на проверку нет" in joined(await harness.say(STAFF, "/queue"))


async def test_returned_report_is_fixed_and_resent(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    await _submit_simple(harness, resident, ["a1"])
    [report] = await _reports(harness)
    await harness.tap(STAFF, ReportCb(action="return", id=report.id))
    sent = await harness.say(STAFF, "Добавьте фото до уборки")
    assert "возвращён автору" in joined(sent)
    told = [r for r in sent if getattr(r, "chat_id", None) == resident.id]
    assert "Добавьте фото до уборки" in told[0].text  # type: ignore[attr-defined]

    sent = await harness.say(resident, "/myreports")
    assert "возвращён на доработку" in joined(sent)
    sent = await harness.tap(resident, ReportCb(action="open", id=report.id))
    assert "Добавьте фото до уборки" in joined(sent)
    assert buttons(sent) == ["✏️ Изменить", "❌ Закрыть"]
    sent = await harness.tap(resident, ReportCb(action="edit", id=report.id))
    assert f"Отчёт № {report.id}: проверьте изменения" in joined(sent)
    await harness.press(resident, "✏️ Изменить")
    await harness.press(resident, "Фото")
    await _album(harness, resident, "g2", ["b1", "b2"])
    await harness.press(resident, DONE)
    await harness.press(resident, SEND)
    [report] = await _reports(harness)  # the same report, not a new one
    assert report.status is ReportStatus.SUBMITTED and report.moderator_comment is None
    assert [p.file_unique_id for p in report.photos] == ["b1", "b2"]


async def test_editing_an_accepted_report_sends_it_back_to_moderation(
    harness: Harness, resident, admin
):
    await _elder(harness, admin, resident)
    await _submit_simple(harness, resident, ["c1"])
    [report] = await _reports(harness)
    await harness.tap(STAFF, ReportCb(action="accept", id=report.id))
    await harness.tap(resident, ReportCb(action="edit", id=report.id))
    await harness.press(resident, "✏️ Изменить")
    await harness.press(resident, "Участники")
    sent = await harness.say(resident, "40")
    assert "Участников: 40" in joined(sent)
    await harness.press(resident, SEND)
    [report] = await _reports(harness)
    assert report.participants == 40 and report.status is ReportStatus.SUBMITTED


async def test_bad_input_at_every_step(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    await harness.say(resident, "/report")
    assert "кнопкой выше" in joined(await harness.say(resident, "субботник"))
    sent = await harness.press(resident, "Мероприятие")
    sent = await harness.tap(resident, forged(sent, "Окна Победы", "9999"))
    assert "устарела" in joined(sent)
    await harness.press(resident, "Пропустить")
    await harness.press(resident, "Другая дата")
    future = (date.today() + timedelta(days=2)).strftime("%d.%m.%Y")
    assert "ещё не наступила" in joined(await harness.say(resident, future))
    old = (date.today() - timedelta(days=61)).strftime("%d.%m.%Y")
    assert "не старше 60 дней" in joined(await harness.say(resident, old))
    assert "Не понял дату" in joined(await harness.say(resident, "31.02.2026"))
    assert "Не понял дату" in joined(await harness.say(resident, "вчера вечером"))
    await harness.say(resident, (date.today() - timedelta(days=3)).strftime("%d.%m.%Y"))
    assert "Напишите адрес" in joined(await harness.feed(sticker_update(resident)))
    await harness.say(resident, "Двор дома 17")
    assert "Нужно число" in joined(await harness.say(resident, "много"))
    assert "от 1 до 10\xa0000" in joined(await harness.say(resident, "-5"))
    assert "от 1 до 10\xa0000" in joined(await harness.say(resident, "0"))
    assert "от 1 до 10\xa0000" in joined(await harness.say(resident, "99999999"))
    sent = await harness.say(resident, "30")
    sent = await harness.tap(resident, forged(sent, "Снежных фигур построено: —", "bags"))
    assert "устарела" in joined(sent)
    await harness.press(resident, "Снежных фигур построено: —")
    assert "от 0 до 1\xa0000" in joined(await harness.say(resident, "5000"))
    await harness.say(resident, "7")
    # Towns apart from figures, entrances apart from windows and balconies, in one message.
    sent = await harness.say(resident, "2 снежных городка, 3 подъезда и 10 цветущих балконов")
    assert "опишите, что сделали" in joined(sent)  # figures in one message: on to the next step
    assert "можно до 1\xa0000" in joined(await harness.say(resident, "д" * 1001))
    await harness.say(resident, "Слепили снежный городок.")
    assert "нужны фото" in joined(await harness.say(resident, "вот фото"))
    assert "Видео не подходит" in joined(await harness.feed(video_update(resident)))
    assert "не файлом" in joined(await harness.feed(document_update(resident)))
    sent = await harness.press(resident, DONE)
    assert "хотя бы одно фото" in joined(sent)
    await harness.feed(photo_update(resident, "x0"))
    assert "уже есть в отчёте" in joined(await harness.feed(photo_update(resident, "x0")))
    sent = await _album(harness, resident, "big", [f"x{i}" for i in range(1, 13)])  # 12 more
    assert joined(sent).count("не больше 10 фото") == 1
    sent = await harness.press(resident, DONE)
    assert "Фото: 10" in joined(sent) and "Снежных фигур построено: 7" in joined(sent)
    assert "Снежных городков построено: 2" in joined(sent)
    assert "Подъездов украшено: 3" in joined(sent)
    assert "Окон и балконов украшено: 10" in joined(sent)
    assert "Отметки" not in joined(sent)  # a November report is not of «Лето»
    await harness.press(resident, "✏️ Изменить")
    await harness.press(resident, "🏷 Отметки")
    await harness.press(resident, "⬜ Молодёжное")
    sent = await harness.press(resident, "✅ Готово")
    assert "Отметки: молодёжное" in joined(sent)
    send = callback_datas(sent)[SEND]
    await harness.tap(resident, send)
    sent = await harness.tap(resident, send)  # a double tap
    assert "уже отправлен" in joined(sent)
    [report] = await _reports(harness)
    assert len(report.photos) == 10 and report.snow_figures == 7 and report.kind == "event"
    assert (report.snow_towns, report.entrances, report.windows, report.decorated) == (
        2,
        3,
        10,
        None,
    )
    assert report.youth and report.programme is None
    assert report.action_id is None and report.action_other is None


async def test_moderator_of_another_district_cannot_accept(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await _submit_simple(harness, resident, ["d1"])
    [report] = await _reports(harness)
    assert "нет" in joined(await harness.say(FAR_STAFF, "/queue")).lower()
    sent = await harness.tap(FAR_STAFF, ReportCb(action="accept", id=report.id))
    assert "не из вашего района" in joined(sent)
    sent = await harness.tap(FAR_STAFF, ReportCb(action="mod", id=report.id))
    assert "не из вашего района" in joined(sent)
    [report] = await _reports(harness)
    assert report.status is ReportStatus.SUBMITTED
    # An elder is not a moderator either.
    sent = await harness.tap(resident, ReportCb(action="accept", id=report.id))
    assert "устарела" in joined(sent)


async def test_reused_photo_is_flagged_to_the_moderator(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    await _submit_simple(harness, resident, ["same", "fresh"])
    await _submit_simple(harness, resident, ["other", "same"])
    first, second = await _reports(harness)
    sent = await harness.tap(STAFF, ReportCb(action="mod", id=second.id))
    assert f"Фото 2 уже было в отчёте № {first.id}" in joined(sent)
    sent = await harness.tap(STAFF, ReportCb(action="mod", id=first.id))
    assert "уже было" not in joined(sent)


async def test_restart_in_the_middle_keeps_the_draft(sqlite_url: str, resident, admin):
    from tests.conftest import _harness, make_settings

    settings = make_settings(sqlite_url)
    async for h in _harness(settings):
        await _elder(h, admin, resident)
        await _fill_until_photos(h, resident)
        await h.feed(photo_update(resident, "r1"))
    async for h in _harness(settings):
        await h.feed(photo_update(resident, "r2"))
        sent = await h.press(resident, DONE)
        assert "Фото: 2" in joined(sent) and "Участников: 25" in joined(sent)
        await h.press(resident, SEND)
        [report] = await _reports(h)
        assert [p.file_unique_id for p in report.photos] == ["r1", "r2"]


async def test_myreports_pages_and_someone_elses_report(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    for i in range(6):
        await _submit_simple(harness, resident, [f"m{i}"])
    sent = await harness.say(resident, "/myreports")
    assert "Страница 1 из 2" in joined(sent) and "▶️" in buttons(sent)
    sent = await harness.tap(resident, PageCb(list="myreports", page=1))
    assert "Страница 2 из 2" in joined(sent)
    stranger = tg_user(6006)
    await harness.register_elder(stranger, house="40", confirm_by=STAFF)
    first = (await _reports(harness))[0]
    assert "не ваш" in joined(await harness.tap(stranger, ReportCb(action="open", id=first.id)))
    assert "не ваш" in joined(await harness.tap(stranger, ReportCb(action="edit", id=first.id)))
    assert "дождитесь решения" in joined(
        await harness.tap(resident, ReportCb(action="edit", id=first.id))
    )


async def test_elder_of_two_territories_chooses_one(harness: Harness, resident, admin):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.register_elder(resident, confirm_by=STAFF)
    await harness.register_elder(resident, "kem-rudnichny", house="5", confirm_by=FAR_STAFF)
    sent = await harness.say(resident, "/report")
    assert "По какой территории" in joined(sent)
    regs = [b for b in buttons(sent) if "д. 5" in b]
    assert regs
    await harness.press(resident, regs[0])
    await harness.press(resident, "Другое")
    await harness.press(resident, "Пропустить")
    await harness.press(resident, "Сегодня")
    await harness.say(resident, "Улица Боровая")
    await harness.say(resident, "3")
    await harness.press(resident, DONE)
    await harness.say(resident, "Покрасили скамейки.")
    await harness.feed(photo_update(resident, "t1"))
    await harness.press(resident, DONE)
    await harness.press(resident, SEND)
    [report] = await _reports(harness)
    assert report.district_id == await harness.district_id("kem-rudnichny")
    assert "нет" in joined(await harness.say(STAFF, "/queue")).lower()
    assert f"№ {report.id}" in joined(await harness.say(FAR_STAFF, "/queue"))


async def test_author_deletion_keeps_the_figures(harness: Harness, resident, admin):
    from bot.keyboards.callbacks import DeleteMeCb

    await _elder(harness, admin, resident)
    await _submit_simple(harness, resident, ["z1"])
    await harness.say(resident, "/deleteme")
    await harness.tap(resident, DeleteMeCb(confirm=True))
    [report] = await _reports(harness)
    assert report.author_id is None and report.participants == 25
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(Report)) == 1


async def test_report_with_3_photos_and_4_figures_in_12_actions(harness: Harness, resident, admin):
    """What an elder does, counted: a command, a tap, a message or an album is one action."""
    await _elder(harness, admin, resident)
    actions = 0

    async def act(step) -> list:
        nonlocal actions
        actions += 1
        return await step

    await act(harness.say(resident, "/report"))
    await act(harness.press(resident, "Субботник"))
    sent = await act(harness.press(resident, "Чистые берега"))
    assert "напишите: 15 ноября, в субботу" in joined(sent)
    sent = await act(harness.say(resident, "в субботу"))  # typed: no «Другая дата» tap
    assert "Где проходило?" in joined(sent)
    await act(harness.press(resident, "📍 ул. Весенняя, д. 17"))  # the elder's own territory
    sent = await act(harness.say(resident, "25"))
    assert "одним сообщением" in joined(sent)
    assert "Не понял «пять кошек»" in joined(await harness.say(resident, "пять кошек"))
    sent = await harness.say(resident, "3 снежные фигуры")
    assert "«Снежных фигур построено» в этом отчёте не считается" in joined(sent)
    await act(harness.say(resident, "12 мешков, 5 деревьев, 3 клумбы, 200 рассады"))
    await act(harness.say(resident, "Убрали берег всем двором."))
    await act(_album(harness, resident, "g-12", ["p1", "p2", "p3"]))
    await act(harness.press(resident, DONE))
    sent = await act(harness.press(resident, SEND))
    assert "отправлен" in joined(sent)
    assert actions <= 12, actions
    [report] = await _reports(harness)
    today = datetime.now(harness.settings.tz).date()  # the city's day
    saturday = today - timedelta(days=(today.weekday() - 5) % 7)
    assert abs((report.held_on - saturday).days) <= 1  # a midnight between the two readings
    assert (report.bags, report.trees, report.flowerbeds, report.seedlings) == (12, 5, 3, 200)
    assert report.participants == 25 and len(report.photos) == 3
    assert report.place == "ул. Весенняя, д. 17" and report.description


def test_dates_as_people_write_them():
    from bot.services.validation import InputError, parse_date

    friday = date(2026, 11, 27)
    for written, meant in (
        ("15.11.2026", date(2026, 11, 15)),
        ("15.11", date(2026, 11, 15)),
        ("15 ноября", date(2026, 11, 15)),
        ("9 октября 2026 года", date(2026, 10, 9)),
        ("вчера", date(2026, 11, 26)),
        ("Позавчера", date(2026, 11, 25)),
        ("в субботу", date(2026, 11, 21)),
        ("в пятницу", friday),
        ("в понедельник", date(2026, 11, 23)),
        ("сб", date(2026, 11, 21)),
    ):
        assert parse_date(written, friday, 60) == meant, written
    for written, key in (
        ("завтра", "input-bad-date"),
        ("32 ноября", "input-bad-date"),
        ("15 декабря", "input-date-future"),
        ("9 мая", "input-date-too-old"),
        ("²⁰.11", "input-bad-date"),
    ):
        try:
            parse_date(written, friday, 60)
        except InputError as exc:
            assert exc.key == key, written
        else:
            raise AssertionError(f"{written} accepted")


async def test_a_command_in_the_middle_asks_to_continue_or_start_over(
    harness: Harness, resident, admin
):
    await _elder(harness, admin, resident)
    await harness.say(resident, "/report")
    await harness.press(resident, "Субботник")
    await harness.press(resident, "Чистые берега")
    await harness.press(resident, "Вчера")
    sent = await harness.say(resident, "/report")
    assert "Продолжить черновик или начать заново?" in joined(sent)
    sent = await harness.press(resident, "▶️ Продолжить черновик")
    assert "Где проходило?" in joined(sent)
    await harness.say(resident, "Двор дома 17")
    sent = await harness.say(resident, "/start")  # the menu's «📝 Отчёт» or /start alike
    assert "Продолжить черновик" in buttons(sent) or "▶️ Продолжить черновик" in buttons(sent)
    sent = await harness.press(resident, "▶️ Продолжить черновик")
    assert "Сколько человек" in joined(sent)
    sent = await harness.say(resident, "12")
    assert "одним сообщением" in joined(sent)  # the draft kept everything typed before

    await harness.say(resident, "/report")
    sent = await harness.press(resident, "🆕 Начать заново")
    assert "Что проводили?" in joined(sent)
    await harness.press(resident, "Акция")
    await harness.say(resident, "/start")
    sent = await harness.press(resident, "🆕 Начать заново")
    assert "С возвращением" in joined(sent)
    assert "Хочу сказать" not in joined(await harness.say(resident, "Хочу сказать"))
    assert await _reports(harness) == []


async def test_back_goes_the_way_the_user_came_and_cancel_closes(harness: Harness, resident, admin):
    await _elder(harness, admin, resident)
    sent = await harness.say(resident, "/report")
    assert "❌ Отмена" in buttons(sent) and "⬅️ Назад" not in buttons(sent)  # the first window
    await harness.press(resident, "Субботник")
    await harness.press(resident, "Пропустить")
    await harness.press(resident, "Другая дата")
    sent = await harness.press(resident, "⬅️ Назад")
    assert "Когда это было?" in joined(sent)
    sent = await harness.press(resident, "⬅️ Назад")
    assert "Название акции" in joined(sent)
    sent = await harness.press(resident, "⬅️ Назад")
    assert "Что проводили?" in joined(sent) and "⬅️ Назад" not in buttons(sent)
    await harness.press(resident, "Акция")
    await harness.press(resident, "Пропустить")
    sent = await harness.press(resident, "Сегодня")
    assert {"⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await harness.press(resident, "❌ Отмена")
    assert "отменили" in joined(sent)
    sent = await harness.say(resident, "Двор дома 17")  # no form: not taken as the place
    assert "Где проходило" not in joined(sent) and "Сколько" not in joined(sent)


async def test_a_revoked_elder_cannot_go_on_with_a_draft(harness: Harness, resident, admin):
    from handlers.elders_staff import ElderRevokeCb

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    reg_id = await harness.register_elder(resident, confirm_by=STAFF)
    await harness.say(resident, "/report")
    await harness.press(resident, "Субботник")
    await harness.press(resident, "Пропустить")
    await harness.tap(STAFF, ElderRevokeCb(id=reg_id))
    await harness.say(STAFF, "Переехала")
    sent = await harness.press(resident, "Сегодня")
    assert "устарела" in joined(sent)
    assert await _reports(harness) == []


async def test_a_long_queue_says_how_many_wait_and_shows_the_oldest(
    pg_or_sqlite_harness: Harness, admin
):
    """23 reports wait: /queue counts them all and lists the 20 oldest (the rest come up as
    those are checked)."""
    harness = pg_or_sqlite_harness
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    district_id = await harness.district_id("kem-central")
    start = datetime.now(UTC) - timedelta(days=3)
    async with harness.session_factory() as s:
        s.add_all(
            Report(
                district_id=district_id,
                kind="subbotnik",
                held_on=start.date(),
                participants=5,
                description="Убрали двор",
                status=ReportStatus.SUBMITTED,
                submitted_at=start + timedelta(minutes=n),
            )
            for n in range(23)
        )
        await s.commit()
    sent = await harness.say(STAFF, "/queue")
    assert "Отчёты на проверку</b>: 23" in joined(sent) and "20 самых давних" in joined(sent)
    opened = [b for b in buttons(sent) if b.startswith("Открыть")]
    assert len(opened) == 20 and opened[0] == "Открыть № 1" and "Открыть № 21" not in opened


async def test_empty_own_lists_say_where_to_start(harness: Harness, admin, resident):
    """Nothing yet: each of a person's own lists says so in one line, with where to begin, and
    no page arrows."""
    await _elder(harness, admin, resident)
    for command, says in (
        ("/myreports", "У вас пока нет отчётов. Сообщить о деле: /report"),
        ("/my", "У вас нет записей"),
        ("/myapplications", "У вас нет заявок"),
        ("/myideas", "Вы ещё ничего не отправляли"),
    ):
        sent = await harness.say(resident, command)
        assert says in joined(sent) and "Страница" not in joined(sent), command
        assert not buttons(sent), command


async def test_a_long_description_is_shown_back_short_and_kept_whole(
    harness: Harness, resident, admin
):
    """A description of 1 000 characters: the last screen shows its beginning and says the rest
    is kept (it was a screen of 1 300 characters); the report stores every word."""
    await _elder(harness, admin, resident)
    long = ("Убрали берег реки, вывезли мусор, посадили молодые деревья. " * 20)[:1000].strip()
    await _fill_until_photos(harness, resident, description=long)
    await _album(harness, resident, "g-long", ["u-long"])
    summary = joined(await harness.press(resident, DONE))
    assert long[:200] in summary and "весь текст сохранён" in summary
    await harness.press(resident, SEND)
    [report] = await _reports(harness)
    assert report.description == long
