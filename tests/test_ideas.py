from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from aiogram.methods import SendLocation, SendMediaGroup, SendMessage, SendPhoto
from sqlalchemy import func, select

from bot.keyboards.callbacks import IdeaCb
from storage.models import Announcement, Idea, IdeaStatus
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import photo_update, sticker_update, tg_user, video_update

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой», Рудничный район
TZ = ZoneInfo("Asia/Novokuznetsk")
SPOT = (55.3540, 86.0870)  # the centre of Центральный район


CATEGORY = {
    "lighting": "Освещение",
    "rubbish": "Мусор",
    "roads": "Дороги и переходы",
    "other": "Другое",
}


async def send_idea(
    harness: Harness,
    user,
    *,
    point=SPOT,
    address: str | None = None,
    photos: tuple[str, ...] = (),
    category: str = "lighting",
) -> list:  # type: ignore[assignment]
    await harness.say(user, "/idea")
    await harness.press(user, "⚠️ Проблема")
    await harness.press(user, CATEGORY[category])
    if address:
        await harness.say(user, address)
    else:
        await harness.locate(user, *point)
    await harness.say(user, "Не горит фонарь у подъезда, темно и опасно.")
    for unique in photos:
        await harness.feed(photo_update(user, unique, media_group_id=f"g-{user.id}"))
    await harness.press(user, "✅ Готово" if photos else "Без фото")
    return await harness.press(user, "✅ Отправить")


async def ideas(harness: Harness) -> list[Idea]:
    async with harness.session_factory() as s:
        return list((await s.execute(select(Idea).order_by(Idea.id))).scalars())


async def test_problem_with_location_and_album(harness: Harness, resident):
    await harness.onboard(resident, "kem-central")
    sent = await harness.say(resident, "💡 Идея или проблема")
    assert "💡 Идея" in buttons(sent) and "⚠️ Проблема" in buttons(sent)
    await harness.press(resident, "⚠️ Проблема")
    await harness.press(resident, "Освещение")
    assert "Отправьте точку" in joined(await harness.feed(sticker_update(resident)))
    assert "вне вашего города" in joined(await harness.locate(resident, 55.75, 37.62))
    await harness.locate(resident, *SPOT)
    assert "Слишком коротко" in joined(await harness.say(resident, "  а "))
    assert "можно до 2\xa0000" in joined(await harness.say(resident, "ж" * 2001))
    await harness.say(resident, "Не горит фонарь у подъезда.")
    assert "Видео не подходит" in joined(await harness.feed(video_update(resident)))
    sent = []
    for i in range(7):
        sent += await harness.feed(photo_update(resident, f"p{i}", media_group_id="album"))
    assert joined(sent).count("не больше 5 фото") == 1
    sent = await harness.press(resident, "✅ Готово")
    assert "Проблема: Освещение" in joined(sent) and "Фото: 5" in joined(sent)
    send = callback_datas(sent)["✅ Отправить"]
    sent = await harness.tap(resident, send)
    assert "отправлено сотрудникам района" in joined(sent)
    [idea] = await ideas(harness)
    assert (idea.kind, idea.category, idea.status) == ("problem", "lighting", IdeaStatus.NEW)
    assert (idea.lat, idea.lon) == SPOT and len(idea.photos) == 5
    assert "уже отправлено" in joined(
        await harness.tap(resident, send)  # a double tap
    )
    assert len(await ideas(harness)) == 1


async def test_nearby_same_category_offers_support(harness: Harness, resident):
    await harness.onboard(resident)
    await send_idea(harness, resident)
    [first] = await ideas(harness)
    neighbour = tg_user(1005)
    await harness.onboard(neighbour)
    sent = await send_idea(harness, neighbour, point=(SPOT[0] + 0.0004, SPOT[1]))  # ~45 m away
    assert "Рядом уже есть похожие (1)" in joined(sent)
    assert f"👍 Поддержать № {first.id}" in buttons(sent)
    sent = await harness.press(neighbour, f"👍 Поддержать № {first.id}")
    assert "Поддержали: 1" in joined(sent)
    assert len(await ideas(harness)) == 1 and (await ideas(harness))[0].supporters == 1
    assert "уже поддержали" in joined(
        await harness.tap(neighbour, IdeaCb(action="support", id=first.id))
    )
    assert "ваше предложение" in joined(
        await harness.tap(resident, IdeaCb(action="support", id=first.id))
    )
    # Another category at the same spot, or «Всё равно отправить», makes a new one.
    sent = await send_idea(
        harness, neighbour, point=(SPOT[0] + 0.0004, SPOT[1]), category="rubbish"
    )
    assert "отправлено" in joined(sent)
    sent = await send_idea(harness, neighbour, point=(SPOT[0] + 0.0004, SPOT[1]))
    sent = await harness.press(neighbour, "Всё равно отправить")
    assert "отправлено" in joined(sent)
    assert len(await ideas(harness)) == 3


async def test_daily_limit(harness: Harness, resident):
    await harness.onboard(resident)
    for i in range(5):
        await send_idea(harness, resident, address=f"ул. Весенняя, {i + 1}", category="other")
    assert len(await ideas(harness)) == 5
    assert "не больше 5" in joined(await harness.say(resident, "/idea"))


async def test_staff_answers_moves_and_author_is_told(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.onboard(resident, "kem-central")
    await send_idea(harness, resident, photos=("a", "b"))
    await send_idea(harness, resident, address="ул. Весенняя, 5", category="roads")
    first, second = await ideas(harness)
    residents_view = await harness.say(resident, "/ideas")  # the district's list, no staff work
    assert "Идеи района" in joined(residents_view)
    assert not [b for b in buttons(residents_view) if b.startswith("Открыть")]
    sent = await harness.say(STAFF, "/ideas")
    assert f"№ {first.id} [👍 0]" in joined(sent) and f"№ {second.id}" in joined(sent)  # supporters
    assert "Ничего не найдено" in joined(await harness.say(FAR_STAFF, "/ideas"))
    assert "другого района" in joined(
        await harness.tap(FAR_STAFF, IdeaCb(action="open", id=first.id))
    )
    sent = await harness.tap(STAFF, IdeaCb(action="open", id=first.id))
    assert any(isinstance(r, SendLocation) for r in sent) and any(
        isinstance(r, SendMediaGroup) for r in sent
    )
    assert "в работе" in buttons(sent) and buttons(sent)[-1] == "❌ Закрыть"
    await harness.tap(STAFF, IdeaCb(action="status", id=first.id, value="in_progress"))
    sent = await harness.say(STAFF, "Заявка передана в управляющую компанию.")
    assert "Автору сообщено" in joined(sent)
    told = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert told and "в работе" in told[0].text and "управляющую компанию" in told[0].text
    sent = await harness.tap(STAFF, IdeaCb(action="status", id=second.id, value="rejected"))
    assert "Причина отказа" in joined(sent)
    await harness.say(STAFF, "Эта дорога областная, обратитесь в Кузбассавтодор.")
    mine = joined(await harness.say(resident, "/myideas"))
    assert "в работе" in mine and "отклонено" in mine and "Кузбассавтодор" in mine
    sent = await harness.tap(STAFF, IdeaCb(action="move", id=first.id))
    assert "Рудничный район" in buttons(sent)
    rudnichny = await harness.district_id("kem-rudnichny")
    sent = await harness.tap(STAFF, IdeaCb(action="moveto", id=first.id, value=str(rudnichny)))
    assert "передано: Рудничный район" in joined(sent)
    assert "другого района" in joined(await harness.tap(STAFF, IdeaCb(action="open", id=first.id)))
    assert f"№ {first.id}" in joined(await harness.say(FAR_STAFF, "/ideas"))
    sent = await harness.tap(resident, IdeaCb(action="status", id=first.id, value="resolved"))
    assert "устарела" in joined(sent)
    log = joined(await harness.say(admin, "/audit 5"))  # words, not the stored codes
    assert "район Рудничный район" in log and "статус отклонено" in log, log
    assert "kem-rudnichny" not in log and "rejected" not in log


async def test_weekly_digest_once_a_week(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    await send_idea(harness, resident)
    digest = harness.dp["ideas_digest"]
    monday = datetime(2026, 11, 23, 10, 0, tzinfo=TZ)
    assert await digest.tick(datetime(2026, 11, 24, 10, 0, tzinfo=TZ)) == 0  # a Tuesday
    assert await digest.tick(monday.replace(hour=8)) == 0  # too early
    assert await digest.tick(monday) == 1  # only Центральный has staff
    assert await digest.tick(monday.replace(hour=15)) == 0
    async with harness.session_factory() as s:
        [a] = (
            (await s.execute(select(Announcement).where(Announcement.kind == "digest")))
            .scalars()
            .all()
        )
        from storage.repositories.announcements import AnnouncementRepository

        assert await AnnouncementRepository(s).audience_size("staff", a.audience_id, "digest") == 1
    assert "новых 1" in a.text and "без ответа больше 7 дней" in a.text


async def test_restart_in_the_middle_keeps_the_draft(sqlite_url: str, resident):
    from tests.conftest import _harness, make_settings

    settings = make_settings(sqlite_url)
    async for h in _harness(settings):
        await h.onboard(resident)
        await h.say(resident, "/idea")
        await h.press(resident, "💡 Идея")
        await h.press(resident, "Детские и спортивные площадки")
        await h.say(resident, "Двор дома 5 по ул. Мира")
    async for h in _harness(settings):
        await h.say(resident, "Нужна детская площадка.")
        await h.press(resident, "Без фото")
        sent = await h.press(resident, "✅ Отправить")
        assert "отправлено" in joined(sent)
        async with h.session_factory() as s:
            assert await s.scalar(select(func.count()).select_from(Idea)) == 1


async def _deliver(harness: Harness) -> None:
    """One pass of the delivery engine over what is queued."""
    from tests.test_broadcast import engine_for, wait_done

    async with harness.session_factory() as s:
        queued = (await s.execute(select(Announcement.id))).scalars().all()
    engine = engine_for(harness)
    engine.start(harness.bot)
    try:
        for announcement_id in queued:
            await wait_done(harness, announcement_id)
    finally:
        await engine.stop()


async def test_a_new_problem_reaches_staff_at_the_next_tick_and_is_taken(
    harness: Harness, admin, resident
):
    from datetime import UTC

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.onboard(resident)
    await send_idea(harness, resident)
    alerts = harness.dp["idea_alerts"]
    assert await alerts.tick(datetime.now(UTC)) == 1
    assert await alerts.tick(datetime.now(UTC)) == 0  # once
    await _deliver(harness)
    told = [
        r
        for r in harness.session.requests
        if isinstance(r, SendMessage) and r.chat_id == STAFF.id and "Новая проблема" in r.text
    ]
    assert len(told) == 1 and "Не горит фонарь" in told[0].text
    assert not [
        r
        for r in harness.session.requests
        if getattr(r, "chat_id", None) == FAR_STAFF.id and "проблем" in str(getattr(r, "text", ""))
    ]  # another district's staff hear nothing
    [idea] = await ideas(harness)
    assert idea.due_at is not None and idea.notified_at is not None
    sent = await harness.press(STAFF, "🛠 Взять в работу")
    assert "в работе у вас" in joined(sent)
    told = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert told and "взяли в работу" in told[0].text
    [idea] = await ideas(harness)
    assert idea.status is IdeaStatus.IN_PROGRESS and idea.taken_by == STAFF.id
    again = await harness.tap(STAFF, IdeaCb(action="take", id=idea.id))
    assert "уже в работе" in joined(again)
    assert "другого района" in joined(
        await harness.tap(FAR_STAFF, IdeaCb(action="take", id=idea.id))
    )


async def test_a_burst_of_problems_is_one_message(harness: Harness, admin, resident):
    from datetime import UTC

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident)
    for category, point in (
        ("lighting", SPOT),
        ("rubbish", (55.36, 86.09)),
        ("roads", (55.35, 86.1)),
    ):
        await send_idea(harness, resident, category=category, point=point)
    assert await harness.dp["idea_alerts"].tick(datetime.now(UTC)) == 1
    async with harness.session_factory() as s:
        [alert] = (
            await s.execute(select(Announcement).where(Announcement.kind == "problems"))
        ).scalars()
    assert "Новых проблем: 3" in alert.text and alert.button_data == "idea:filter:0:new"


async def test_an_overdue_item_is_escalated_once_and_listed_first(
    pg_or_sqlite_harness: Harness, admin, resident
):
    harness = pg_or_sqlite_harness
    from datetime import UTC, timedelta

    from sqlalchemy import update

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident)
    await send_idea(harness, resident)
    await send_idea(harness, resident, category="rubbish", point=(55.36, 86.09))
    first, second = await ideas(harness)
    async with harness.session_factory() as s:
        await s.execute(
            update(Idea)
            .where(Idea.id == first.id)
            .values(due_at=datetime.now(UTC) - timedelta(days=1), supporters=0)
        )
        await s.execute(update(Idea).where(Idea.id == second.id).values(supporters=5))
        await s.commit()
    alerts = harness.dp["idea_alerts"]
    before = len(harness.session.requests)
    await alerts.tick(datetime.now(UTC), harness.bot)
    escalated = [
        r
        for r in harness.session.requests[before:]
        if isinstance(r, SendMessage) and "Срок ответа прошёл" in r.text
    ]
    assert [r.chat_id for r in escalated] == [admin.id]
    assert "Срок ответа прошёл — Центральный район, обращений: 1" in escalated[0].text
    await alerts.tick(datetime.now(UTC), harness.bot)
    assert (
        len(
            [
                r
                for r in harness.session.requests
                if "Срок ответа прошёл" in str(getattr(r, "text", ""))
            ]
        )
        == 1
    )
    sent = await harness.say(STAFF, "/ideas")
    lines = joined(sent).split("\n")
    assert lines[1].startswith(f"⏰ № {first.id}")  # overdue first, though less supported
    assert f"№ {second.id} [👍 5]" in lines[2]
    today = datetime.now(TZ).date()
    period = f"{today - timedelta(days=3)}..{today}"
    figures = joined(await harness.say(admin, f"/stats {period}"))
    assert "Обращений с просроченным ответом: 1" in figures


async def test_admin_sets_the_answer_deadline_of_a_category(harness: Harness, admin, resident):
    from datetime import UTC

    from bot.services.ideas import add_working_days

    sent = await harness.say(admin, "/deadlines")
    assert "Освещение — 8" in buttons(sent) and "❌ Закрыть" in buttons(sent)
    await harness.press(admin, "Освещение — 8")
    assert "от 1 до 60" in joined(await harness.say(admin, "100"))
    assert "3 рабочих дней" in joined(await harness.say(admin, "3"))
    assert "Освещение — 3" in buttons(await harness.say(admin, "/deadlines"))
    await harness.onboard(resident)
    await send_idea(harness, resident)
    [idea] = await ideas(harness)
    assert idea.due_at is not None
    filed = idea.created_at.astimezone(TZ).date()
    assert idea.due_at.astimezone(TZ).date() == add_working_days(filed, 3)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    assert "администраторы города" in joined(await harness.say(STAFF, "/deadlines"))
    assert add_working_days(datetime(2026, 11, 27).date(), 1).isoformat() == "2026-11-30"  # Fri→Mon
    assert datetime.now(UTC)  # (the clock is the real one)


async def test_the_author_closes_the_loop_and_supporters_are_told(
    pg_or_sqlite_harness: Harness, admin, resident
):
    """«решено» asks the author and supporters «Проблема решена?»; «Нет» reopens it with the
    comment; «Да» lets the author rate the answer."""
    harness = pg_or_sqlite_harness
    from datetime import UTC

    neighbour = tg_user(1002, username="neighbour")
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident)
    await harness.onboard(neighbour)
    await send_idea(harness, resident)
    [idea] = await ideas(harness)
    await harness.dp["idea_alerts"].tick(datetime.now(UTC))
    await harness.tap(neighbour, IdeaCb(action="support", id=idea.id))

    sent = await harness.tap(STAFF, IdeaCb(action="status", id=idea.id, value="resolved"))
    assert "фото «после»" in joined(sent)
    assert "подпись" in joined(await harness.feed(photo_update(STAFF, "after")))  # no words
    sent = await harness.feed(photo_update(STAFF, "after", caption="Фонарь заменили 25 ноября."))
    to_author = [r for r in sent if isinstance(r, SendPhoto) and r.chat_id == resident.id]
    to_neighbour = [r for r in sent if isinstance(r, SendPhoto) and r.chat_id == neighbour.id]
    assert to_author and "Проблема решена?" in (to_author[0].caption or "")
    assert to_neighbour and "которое вы поддержали" in (to_neighbour[0].caption or "")
    assert to_author[0].photo == "file-after"  # the staff's photo «после»

    # «Нет»: what is still wrong; the item is open again, with a new deadline, for staff anew.
    sent = await harness.press(resident, "❌ Нет, не решено")
    assert "Что осталось не так?" in joined(sent) and "❌ Отмена" in buttons(sent)
    sent = await harness.say(resident, "Фонарь снова не горит с 26 ноября.")
    assert "открыто снова" in joined(sent)
    [idea] = await ideas(harness)
    assert idea.status is IdeaStatus.NEW and idea.reopened == 1 and idea.answered_at is None
    assert (
        idea.resident_comment == "Фонарь снова не горит с 26 ноября." and idea.notified_at is None
    )
    assert await harness.dp["idea_alerts"].tick(datetime.now(UTC)) == 1  # staff hear again
    stale = await harness.tap(neighbour, IdeaCb(action="solved", id=idea.id, value="yes"))
    assert "уже не в статусе «решено»" in joined(stale)

    # Resolved again; this time «Да», and the author's rating.
    await harness.tap(STAFF, IdeaCb(action="status", id=idea.id, value="resolved"))
    await harness.say(STAFF, "Заменили светильник целиком.")
    sent = await harness.press(resident, "✅ Да")
    assert "Оцените" in joined(sent)
    sent = await harness.press(resident, "⭐⭐⭐⭐")
    assert "4 из 5" in joined(sent)
    [idea] = await ideas(harness)
    assert idea.confirmed_at is not None and idea.rating == 4
    stranger = tg_user(1003)
    await harness.onboard(stranger)
    refused = await harness.tap(stranger, IdeaCb(action="solved", id=idea.id, value="no"))
    assert "устарела" in joined(refused)  # not theirs to answer
    card = joined(await harness.tap(STAFF, IdeaCb(action="open", id=idea.id)))
    assert "«не решено» (1): Фонарь снова не горит" in card and "Оценка автора: 4 из 5" in card
    assert "фото «после»" in card


async def test_residents_see_their_districts_ideas_before_sending(harness: Harness, resident):
    """«💡 Идеи района»: open items of my district, most supported first, support and the map
    from the list; the nearby check also matches an address without a point."""
    neighbour = tg_user(1002, username="neighbour")
    far = tg_user(1004)
    await harness.onboard(resident)
    await harness.onboard(neighbour)
    await harness.onboard(far, "kem-rudnichny")
    await send_idea(harness, resident)  # with a point
    await send_idea(harness, resident, category="rubbish", address="ул. Весенняя, д. 17")
    first, second = await ideas(harness)

    sent = await harness.say(neighbour, "/idea")
    sent = await harness.press(neighbour, "💡 Идеи района")
    text = joined(sent)
    assert "Идеи района: Центральный район" in text and f"№ {first.id}" in text
    assert {f"👍 № {first.id}", f"🗺 № {first.id}", f"🗺 № {second.id}"} <= set(buttons(sent))
    sent = await harness.press(neighbour, f"👍 № {second.id}")
    assert "ваш голос учтён. Поддержали: 1" in joined(sent)
    sent = await harness.press(neighbour, f"🗺 № {first.id}")
    assert [r for r in sent if isinstance(r, SendLocation)]
    sent = await harness.say(neighbour, "/ideas")
    assert joined(sent).split("\n")[1].startswith(f"№ {second.id} [👍 1]")  # most supported first
    assert f"№ {first.id}" not in joined(await harness.say(far, "/ideas"))  # another district

    # The same street and house typed differently is the same place.
    await harness.say(neighbour, "/cancel")
    await harness.say(neighbour, "/idea")
    await harness.press(neighbour, "⚠️ Проблема")
    await harness.press(neighbour, "Мусор")
    await harness.say(neighbour, "Весенняя 17")
    await harness.say(neighbour, "Переполнены баки у дома.")
    await harness.press(neighbour, "Без фото")
    sent = await harness.press(neighbour, "✅ Отправить")
    assert f"№ {second.id}" in joined(sent) and "Поддержать" in joined(sent) + " ".join(
        buttons(sent)
    )


async def test_the_author_adds_a_photo_or_words_later(harness: Harness, resident):
    await harness.onboard(resident)
    await send_idea(harness, resident)
    [idea] = await ideas(harness)
    sent = await harness.say(resident, "/myideas")
    assert f"➕ Добавить к № {idea.id}" in buttons(sent)
    sent = await harness.press(resident, f"➕ Добавить к № {idea.id}")
    assert "Пришлите фото или напишите" in joined(sent) and "❌ Отмена" in buttons(sent)
    assert "Добавлено" in joined(await harness.feed(photo_update(resident, "after-1")))
    await harness.say(resident, "/myideas")
    await harness.press(resident, f"➕ Добавить к № {idea.id}")
    assert "Слишком коротко" in joined(await harness.say(resident, "да"))
    assert "Добавлено" in joined(await harness.say(resident, "Фонарь мигает и по утрам."))
    [idea] = await ideas(harness)
    assert len(idea.photos) == 1 and idea.photos[0].file_unique_id == "after-1"
    assert "Фонарь мигает и по утрам." in idea.text and idea.text.startswith("Не горит фонарь")
    stranger = tg_user(1009)
    await harness.onboard(stranger)
    assert "устарела" in joined(await harness.tap(stranger, IdeaCb(action="add", id=idea.id)))
    for n in range(2, 11):  # up to the ten an item holds
        await harness.tap(resident, IdeaCb(action="add", id=idea.id))
        assert "Добавлено" in joined(await harness.feed(photo_update(resident, f"after-{n}")))
    await harness.tap(resident, IdeaCb(action="add", id=idea.id))
    full = await harness.feed(photo_update(resident, "after-11"))
    assert "Фото больше не поместится: их уже 10." in joined(full)


async def test_a_long_problem_reaches_staff_whole_in_short_messages(
    harness: Harness, admin, resident
):
    """A problem may be 2 000 characters, its answer 1 000: the staff's card comes as messages
    of ≤ 600 (the harness fails a longer one), all of the text in them, the buttons under the
    last."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    await send_idea(harness, resident)
    [idea] = await ideas(harness)
    sentences = [f"Фонарь № {n} у подъезда не горит с октября, темно и опасно." for n in range(32)]
    async with harness.session_factory() as s:
        stored = await s.get(Idea, idea.id)
        assert stored is not None
        stored.text = " ".join(sentences)  # 1 900 characters, as the form allows
        await s.commit()
    sent = await harness.tap(STAFF, IdeaCb(action="open", id=idea.id))
    texts = [r.text for r in sent if isinstance(r, SendMessage)]
    assert len(texts) >= 4 and all(len(t) <= 600 for t in texts)
    assert all(sentence in " ".join(texts) for sentence in sentences)
    last = [r for r in sent if isinstance(r, SendMessage)][-1]
    assert last.reply_markup is not None and "в работе" in buttons(sent)


async def test_staff_page_through_their_districts_items(
    pg_or_sqlite_harness: Harness, admin, resident
):
    """Twenty-three open items and two resolved: /ideas shows ten a page, the most supported
    first, «▶️» / «◀️» turn the pages, a filter starts again at its first page."""
    harness = pg_or_sqlite_harness
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    district_id = await harness.district_id("kem-central")
    async with harness.session_factory() as s:
        s.add_all(
            Idea(
                kind="problem",
                category="rubbish",
                district_id=district_id,
                text=f"Контейнер № {n} переполнен",
                supporters=n,
                status=IdeaStatus.RESOLVED if n > 23 else IdeaStatus.NEW,
            )
            for n in range(1, 26)
        )
        await s.commit()

    def opened(sent: list) -> list[str]:
        return [b for b in buttons(sent) if b.startswith("Открыть")]

    sent = await harness.say(STAFF, "/ideas")
    first = opened(sent)
    assert len(first) == 10 and "Страница 1 из 3" in joined(sent) and "▶️" in buttons(sent)
    assert "Контейнер № 23 переполнен" in joined(sent) and "◀️" not in buttons(sent)
    sent = await harness.press(STAFF, "▶️")
    second = opened(sent)
    assert len(second) == 10 and not set(first) & set(second) and "Страница 2 из 3" in joined(sent)
    sent = await harness.press(STAFF, "▶️")
    assert len(opened(sent)) == 3 and "▶️" not in buttons(sent)
    assert "Контейнер № 1 переполнен" in joined(sent)
    sent = await harness.press(STAFF, "◀️")
    assert opened(sent) == second
    sent = await harness.tap(STAFF, IdeaCb(action="filter", id=99, value="open"))  # forged page
    assert "Страница 3 из 3" in joined(sent) and len(opened(sent)) == 3
    sent = await harness.press(STAFF, "решено")
    assert len(opened(sent)) == 2 and "Страница" not in joined(sent)


async def test_my_ideas_come_in_pages(pg_or_sqlite_harness: Harness, resident):
    """Seven items: /myideas shows the newest five with «➕ Добавить» under the open ones,
    «▶️» to the two oldest; a staff answer of 900 characters comes whole in short messages."""
    harness = pg_or_sqlite_harness
    await harness.onboard(resident, "kem-central")
    district_id = await harness.district_id("kem-central")
    answer = " ".join(f"слово{n}" for n in range(120))  # 899 characters
    async with harness.session_factory() as s:
        items = [
            Idea(
                user_id=resident.id,
                kind="problem",
                category="rubbish",
                district_id=district_id,
                text=f"Контейнер № {n} переполнен",
                status=IdeaStatus.RESOLVED if n == 1 else IdeaStatus.NEW,
                answer=answer if n == 1 else None,
            )
            for n in range(1, 8)
        ]
        s.add_all(items)
        await s.commit()
    sent = await harness.say(resident, "/myideas")
    adds = [b for b in buttons(sent) if b.startswith("➕ Добавить")]
    assert adds == [f"➕ Добавить к № {i.id}" for i in reversed(items[2:])]
    assert "Страница 1 из 2" in joined(sent) and "◀️" not in buttons(sent)
    sent = await harness.press(resident, "▶️")
    texts = [m.text for m in sent if isinstance(m, SendMessage)]
    assert len(texts) >= 2 and "Страница 2 из 2" in texts[-1]
    assert re.findall(r"слово\d+", joined(sent)) == answer.split()
    assert [b for b in buttons(sent) if b.startswith("➕")] == [f"➕ Добавить к № {items[1].id}"]
    assert "◀️" in buttons(sent)


async def test_a_long_idea_is_shown_back_short_and_kept_whole(harness: Harness, admin, resident):
    """2 000 characters: the form's last screen shows the beginning and says the rest is kept
    (it was one screen of 2 065 characters); the item stores every word, and staff's card of
    it comes in short messages."""
    await harness.onboard(resident)
    await harness.say(resident, "/idea")
    await harness.press(resident, "💡 Идея")
    await harness.press(resident, "Освещение")
    await harness.say(resident, "ул. Весенняя, 17")
    long = ("Поставьте фонарь у третьего подъезда, вечером темно и скользко. " * 40)[:2000]
    await harness.say(resident, long)
    summary = joined(await harness.press(resident, "Без фото"))
    assert long[:250] in summary and "весь текст сохранён" in summary
    await harness.press(resident, "✅ Отправить")
    async with harness.session_factory() as s:
        [idea] = (await s.execute(select(Idea))).scalars().all()
    assert idea.text == long.strip()
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    card = await harness.tap(STAFF, IdeaCb(action="open", id=idea.id))
    assert long[-40:].strip() in joined(card)  # all of it, within the 600 of each message
