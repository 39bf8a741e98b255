"""The delivery engine over real HTTP against a local Bot API server that answers 429 and 403."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from aiogram import Bot
from sqlalchemy import func, select

from bot.app import create_bot
from bot.broadcast.engine import CONCURRENCY, FLUSH_ROWS, DeliveryEngine
from bot.keyboards.callbacks import AnnouncementCb, ContestCb
from bot.services.validation import MONTHS
from handlers.settings import MuteCb
from storage.models import Announcement, AnnouncementStatus, Outbox, OutboxStatus, User
from tests.conftest import TOKEN
from tests.fixtures.fake_bot_api import FakeBotApi
from tests.fixtures.harness import Harness, buttons, callback_datas, joined, texts
from tests.fixtures.updates import sticker_update, tg_user

STAFF = tg_user(2001, username="olga_staff")


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(TOKEN)
    await server.start()
    yield server
    await server.stop()


async def add_residents(
    harness: Harness, n: int, district: str = "kem-central", first: int = 10_000
) -> list[int]:
    district_id = await harness.district_id(district)
    ids = list(range(first, first + n))
    async with harness.session_factory() as s:
        for uid in ids:
            s.add(
                User(
                    id=uid,
                    consent_at=datetime.now(UTC),
                    district_id=district_id,
                    municipality_id=harness.directory.district(district_id).municipality_id,
                )
            )
        await s.commit()
    return ids


def forged_choice(requests: list, button: str, value: str) -> str:
    """The data of a button on the screen with its value replaced: a forged choice."""
    return callback_datas(requests)[button].rsplit(":", 1)[0] + ":" + value


async def announce(
    harness: Harness,
    text: str = "Субботник в субботу в 10:00",
    audience: str = "district",
    district: str = "kem-central",
    progress_chat: int | None = None,
    urgent: bool = False,
) -> int:
    async with harness.session_factory() as s:
        a = Announcement(
            author_id=1,
            audience=audience,
            audience_id=await harness.district_id(district),
            text=text,
            status=AnnouncementStatus.SCHEDULED,
            send_at=datetime.now(UTC),
            progress_chat_id=progress_chat,
            progress_message_id=77 if progress_chat else None,
            urgent=urgent,
        )
        s.add(a)
        await s.commit()
        return a.id


def engine_for(
    harness: Harness, rate: float = 400, lease: float = 30, paid_rate: float = 1000
) -> DeliveryEngine:
    return DeliveryEngine(
        harness.session_factory,
        harness.dp["i18n_core"],
        "ru",
        harness.user_cache,
        rate,
        lease_seconds=lease,
        paid_rate=paid_rate,
    )


async def wait_done(harness: Harness, announcement_id: int, seconds: float = 30) -> Announcement:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        async with harness.session_factory() as s:
            a = await s.get(Announcement, announcement_id)
            assert a is not None
            if a.status is AnnouncementStatus.DONE:
                return a
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"announcement {announcement_id} not done")
        await asyncio.sleep(0.1)


async def send_through(
    harness: Harness, api: FakeBotApi, announcement_id: int, engine: DeliveryEngine
) -> Announcement:
    """Run `engine` against the local Bot API server until the announcement is done."""
    bot = create_bot(harness.settings.model_copy(update={"telegram_api_url": api.url}))
    engine.start(bot)
    try:
        return await wait_done(harness, announcement_id)
    finally:
        await engine.stop()
        await bot.session.close()


async def under_way(
    harness: Harness, api: FakeBotApi, engine: DeliveryEngine, sent: int
) -> tuple[Bot, int]:
    """An announcement to the district (its residents added first), sent by `engine` through a
    bot of its own until `sent` messages have gone out: the bot and the announcement's id."""
    bot = create_bot(harness.settings.model_copy(update={"telegram_api_url": api.url}))
    announcement_id = await announce(harness)
    engine.start(bot)
    while sum(api.sent_to.values()) < sent:
        await asyncio.sleep(0.01)
    return bot, announcement_id


async def outbox(harness: Harness, announcement_id: int) -> dict[int, Outbox]:
    async with harness.session_factory() as s:
        rows = (
            await s.execute(select(Outbox).where(Outbox.announcement_id == announcement_id))
        ).scalars()
        return {r.chat_id: r for r in rows}


async def test_every_recipient_ends_sent_or_blocked_once(harness: Harness, api: FakeBotApi):
    ids = await add_residents(harness, 120)
    await add_residents(harness, 5, "kem-rudnichny", first=50_000)  # not in the audience
    api.forbidden = set(ids[:6])
    api.retry_after = {ids[10]: 1, ids[20]: 2}
    announcement_id = await announce(harness)
    engine = engine_for(harness)
    done = await send_through(harness, api, announcement_id, engine)
    rows = await outbox(harness, announcement_id)
    assert done.total == 120 and set(rows) == set(ids)
    assert {c for c, r in rows.items() if r.status is OutboxStatus.BLOCKED} == set(ids[:6])
    assert all(r.status is OutboxStatus.SENT for c, r in rows.items() if c not in ids[:6])
    assert all(api.sent_to.get(c) == 1 for c in ids[6:])  # none lost, none twice
    assert not any(c in api.sent_to for c in ids[:6])
    assert engine.stats.retry_after == 3 and rows[ids[20]].status is OutboxStatus.SENT
    async with harness.session_factory() as s:
        blocked = (
            (await s.execute(select(User.is_active).where(User.id.in_(ids[:6])))).scalars().all()
        )
        assert blocked == [False] * 6


async def test_killed_mid_way_and_restarted_completes_within_the_bound(
    harness: Harness, api: FakeBotApi
):
    ids = await add_residents(harness, 400)
    first = engine_for(harness, rate=300, lease=2)  # its rows are taken over 2 s after the crash
    bot, announcement_id = await under_way(harness, api, first, sent=120)
    first.crash()
    await asyncio.sleep(0.2)
    before_restart = sum(api.sent_to.values())
    assert before_restart < 400, "the crash must come mid-way"
    await bot.session.close()  # the next engine sends through a bot of its own
    await send_through(harness, api, announcement_id, engine_for(harness, rate=300))
    assert set(api.sent_to) == set(ids)  # nobody lost
    duplicates = sum(n - 1 for n in api.sent_to.values())
    assert duplicates <= CONCURRENCY + FLUSH_ROWS
    assert max(api.sent_to.values()) <= 2  # nobody gets it more than twice
    assert all(
        r.status is OutboxStatus.SENT for r in (await outbox(harness, announcement_id)).values()
    )


async def test_graceful_stop_and_restart_sends_no_duplicates(harness: Harness, api: FakeBotApi):
    await add_residents(harness, 200)
    first = engine_for(harness, rate=200)
    bot, announcement_id = await under_way(harness, api, first, sent=50)
    await first.stop()  # as on SIGTERM
    await bot.session.close()  # the next engine sends through a bot of its own
    await send_through(harness, api, announcement_id, engine_for(harness, rate=400))
    assert len(api.sent_to) == 200 and max(api.sent_to.values()) == 1


async def test_rate_is_respected(harness: Harness, api: FakeBotApi):
    await add_residents(harness, 30)
    announcement_id = await announce(harness)
    loop = asyncio.get_running_loop()
    started = loop.time()
    await send_through(harness, api, announcement_id, engine_for(harness, rate=20))
    # 30 messages at 20/s cannot take less than 29 intervals.
    assert loop.time() - started >= 29 / 20


async def test_announce_wizard_preview_send_progress_and_stop(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    other = tg_user(1002)
    await harness.onboard(other, "kem-central")
    await harness.tap(other, MuteCb(kind="news"))  # mutes district news
    far = tg_user(1003)
    await harness.onboard(far, "kem-rudnichny")
    assert "Такой команды нет" in joined(await harness.say(resident, "/announce"))
    sent = await harness.say(STAFF, "/announce")
    assert "Текст объявления" in joined(sent)
    assert "Нужен текст" in joined(await harness.feed(sticker_update(STAFF)))
    await harness.say(STAFF, "Субботник <во дворе> в субботу")
    sent = await harness.press(STAFF, "Без фото")
    assert "Жители моего района" in buttons(sent) and "Все пользователи бота" not in buttons(sent)
    forged = await harness.tap(STAFF, forged_choice(sent, "Жители моего района", "all"))
    assert "устарела" in joined(forged)
    await harness.press(STAFF, "Жители моего района")
    sent = await harness.press(STAFF, "Сейчас")
    text = joined(sent)
    assert "Так увидят получатели (1)" in text  # the muted and the far resident are not counted
    assert "Субботник &lt;во дворе&gt; в субботу" in text
    send = callback_datas(sent)["✅ Отправить"]
    sent = await harness.tap(STAFF, send)
    assert "Рассылка №" in joined(sent)
    assert "уже создана" in joined(await harness.tap(STAFF, send))  # a double tap
    async with harness.session_factory() as s:
        a = (await s.execute(select(Announcement))).scalar_one()
    assert (a.audience, a.audience_id) == ("district", await harness.district_id("kem-central"))
    engine = engine_for(harness)
    engine.start(harness.bot)
    try:
        done = await wait_done(harness, a.id)
    finally:
        await engine.stop()
    assert done.total == 1
    delivered = [
        r
        for r in harness.session.requests
        if getattr(r, "chat_id", None) == resident.id and "во дворе" in str(getattr(r, "text", ""))
    ]
    assert len(delivered) == 1
    edits = [
        r
        for r in harness.session.requests
        if type(r).__name__ == "EditMessageText" and "завершена" in str(getattr(r, "text", ""))
    ]
    assert edits and "отправлено 1 из 1" in edits[-1].text  # type: ignore[attr-defined]
    listing = joined(await harness.say(STAFF, "/announcements"))
    assert f"№ {a.id}" in listing and "завершена" in listing
    assert "уже закончилась" in joined(
        await harness.tap(STAFF, AnnouncementCb(action="stop", id=a.id))
    )


async def test_scheduled_announcement_waits_and_can_be_cancelled(harness: Harness, admin, resident):
    await harness.onboard(resident)
    await harness.say(admin, "/announce")
    await harness.say(admin, "Завтра концерт")
    await harness.press(admin, "Без фото")
    sent = await harness.press(admin, "Весь муниципалитет")
    assert "Кемерово" in buttons(sent)
    await harness.press(admin, "Кемерово")
    await harness.press(admin, "Запланировать")
    assert "уже прошло" in joined(await harness.say(admin, "01.01.2020 10:00"))
    later = (datetime.now(UTC) + timedelta(days=2)).astimezone(ZoneInfo("Asia/Novokuznetsk"))
    await harness.say(admin, later.strftime("%d.%m.%Y %H:%M"))
    sent = await harness.press(admin, "✅ Отправить")
    assert "запланирована" in joined(sent)
    async with harness.session_factory() as s:
        a = (await s.execute(select(Announcement))).scalar_one()
    engine = engine_for(harness)
    await engine._activate_due()  # not due yet: nothing is written to the outbox
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(Outbox)) == 0
    sent = await harness.say(admin, "/announcements")
    assert f"Отменить № {a.id}" in buttons(sent)
    sent = await harness.tap(admin, AnnouncementCb(action="cancel", id=a.id))
    assert "Остановлено" in joined(sent)
    async with harness.session_factory() as s:
        assert (await s.get(Announcement, a.id)).status is AnnouncementStatus.STOPPED  # type: ignore[union-attr]


async def test_staff_cannot_stop_someone_elses(harness: Harness, admin):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    announcement_id = await announce(harness)
    sent = await harness.tap(STAFF, AnnouncementCb(action="stop", id=announcement_id))
    assert "не ваша" in joined(sent)


async def test_contest_messages_open_reminders_once_and_results(harness: Harness, admin, resident):
    from bot.services.contests import ContestNotices
    from storage.models import Contest, ContestNotice

    await harness.onboard(resident)
    assert "Такой команды нет" in joined(await harness.say(resident, "/contests_admin"))
    await harness.say(admin, "/contests_admin")
    await harness.press(admin, "➕ С нуля")
    await harness.say(admin, "Снежный калейдоскоп")
    await harness.say(admin, "Лучший снежный городок")
    assert "позже сегодняшней" in joined(await harness.say(admin, "01.01.2020"))
    assert "Не понял дату" in joined(await harness.say(admin, "скоро"))
    deadline_day = (datetime.now(UTC) + timedelta(days=10)).astimezone(
        ZoneInfo("Asia/Novokuznetsk")
    )
    # as people write it: «7 января» on 28 December is the coming January's
    await harness.say(admin, f"{deadline_day.day} {MONTHS[deadline_day.month - 1]}")
    sent = await harness.press(admin, "🌐 Все жители")
    assert "Получат: 1" in joined(sent) and "Открыт конкурс «Снежный калейдоскоп»" in joined(sent)
    async with harness.session_factory() as s:
        assert (await s.execute(select(Contest))).first() is None  # nothing before «Отправить»
    sent = await harness.press(admin, "✅ Отправить")
    assert "Конкурс №" in joined(sent)
    async with harness.session_factory() as s:
        contest = (await s.execute(select(Contest))).scalar_one()
        notices = dict(
            (await s.execute(select(ContestNotice.notice, ContestNotice.announcement_id))).all()
        )
    assert set(notices) == {"open", "d14"} and notices["d14"] is None  # 14 days had already passed
    notices_service: ContestNotices = harness.dp["contest_notices"]
    assert await notices_service.tick(datetime.now(UTC)) == 0
    seven_before = contest.deadline - timedelta(days=7)
    assert await notices_service.tick(seven_before) == 1
    assert await notices_service.tick(seven_before + timedelta(hours=1)) == 0
    assert await notices_service.tick(contest.deadline - timedelta(hours=23)) == 1  # the last day
    async with harness.session_factory() as s:
        texts = (
            (await s.execute(select(Announcement.text).where(Announcement.kind == "contests")))
            .scalars()
            .all()
        )
    assert any("Открыт конкурс «Снежный калейдоскоп»" in t for t in texts)
    async with harness.session_factory() as s:
        buttons_under = (
            await s.execute(
                select(Announcement.button_text, Announcement.button_data).where(
                    Announcement.kind == "contests"
                )
            )
        ).all()
    assert ("📝 Подать заявку", f"ct:apply:{contest.id}") in buttons_under
    assert any("осталось 7 дней" in t for t in texts) and any("осталось 1 день" in t for t in texts)
    await harness.tap(admin, ContestCb(action="admin", id=contest.id))
    await harness.press(admin, "✍️ Итоги своими словами")  # a contest judged on paper
    sent = await harness.say(admin, "1 место — двор на ул. Весенней")
    assert "Получат: 1" in joined(sent) and "двор на ул. Весенней" in joined(sent)
    sent = await harness.press(admin, "✅ Отправить")
    assert "отправляются" in joined(sent)
    await harness.tap(admin, ContestCb(action="admin", id=contest.id))
    assert "уже отправлены" in joined(await harness.press(admin, "✍️ Итоги своими словами"))
    assert "устарела" in joined(await harness.tap(admin, ContestCb(action="results", id=999)))
    await harness.tap(resident, MuteCb(kind="contests"))
    async with harness.session_factory() as s:
        from storage.repositories.announcements import AnnouncementRepository

        assert await AnnouncementRepository(s).audience_size("all", None, "contests") == 0
        assert await AnnouncementRepository(s).audience_size("all", None, "news") == 1


async def test_urgent_alert_is_an_admins_choice_with_its_stars_in_the_preview(
    harness: Harness, admin, resident
):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await add_residents(harness, 24)
    await harness.onboard(resident)
    # Staff: no urgent choice, and a forged tap is refused without leaving the step.
    await harness.say(STAFF, "/announce")
    await harness.say(STAFF, "Субботник в субботу")
    await harness.press(STAFF, "Без фото")
    sent = await harness.press(STAFF, "Жители моего района")
    assert "Сейчас" in buttons(sent) and not any("Срочно" in b for b in buttons(sent))
    forged = await harness.tap(STAFF, callback_datas(sent)["Сейчас"].replace("now", "urgent"))
    assert "устарела" in joined(forged)
    sent = await harness.press(STAFF, "Сейчас")
    assert "Займёт меньше минуты" in joined(sent) and "звёзд" not in joined(sent)
    await harness.say(STAFF, "/cancel")
    # Admin: urgent to everyone; the preview shows the Stars and the bot's balance.
    harness.session.star_balance = 2
    await harness.say(admin, "/announce")
    await harness.say(admin, "Завтра с 9 до 18 не будет холодной воды")
    await harness.press(admin, "Без фото")
    sent = await harness.press(admin, "Все пользователи бота")
    assert any("Срочно" in b for b in buttons(sent))
    sent = await harness.press(admin, "🚨 Срочно — сейчас, за минуты (платно)")
    text = joined(sent)
    assert "Так увидят получатели (25)" in text
    assert "спишет со счёта бота 3 звезды" in text  # 25 messages × 0.1, rounded up
    assert "только 2 ⭐" in text and "обычным темпом" in text
    assert all(len(t) <= 600 for t in texts(sent))
    sent = await harness.press(admin, "✅ Отправить")
    assert "Срочная рассылка №" in joined(sent)
    async with harness.session_factory() as s:
        a = (await s.execute(select(Announcement))).scalar_one()
        assert a.urgent and a.audience == "all"
    engine = engine_for(harness)
    engine.start(harness.bot)
    try:
        await wait_done(harness, a.id)
    finally:
        await engine.stop()
    delivered = [
        r
        for r in harness.session.requests
        if type(r).__name__ == "SendMessage"
        and "холодной воды" in str(getattr(r, "text", ""))
        and getattr(r, "chat_id", None) != admin.id  # not the preview
    ]
    assert len(delivered) == 25
    assert all(r.allow_paid_broadcast for r in delivered)  # type: ignore[attr-defined]
    assert "🚨" in joined(await harness.say(admin, "/announcements"))


async def test_ordinary_announcement_is_not_paid(harness: Harness, api: FakeBotApi):
    await add_residents(harness, 20)
    announcement_id = await announce(harness)
    engine = engine_for(harness)
    await send_through(harness, api, announcement_id, engine)
    assert len(api.sent_to) == 20 and not api.paid_to and engine.stats.paid == 0


async def test_urgent_alert_overtakes_a_long_ordinary_broadcast(harness: Harness, api: FakeBotApi):
    ids = await add_residents(harness, 200)
    api.rate_limit = 20  # the free limit; paid messages count apart
    bot = create_bot(harness.settings.model_copy(update={"telegram_api_url": api.url}))
    ordinary = await announce(harness, "Концерт в субботу")
    engine = engine_for(harness, rate=19)
    engine.start(bot)
    try:
        while not api.sent_to:
            await asyncio.sleep(0.01)
        urgent = await announce(harness, "Штормовое предупреждение", urgent=True)
        engine.wake()
        await wait_done(harness, urgent)
        rows = await outbox(harness, ordinary)
        assert sum(r.status is OutboxStatus.SENT for r in rows.values()) < 200  # still going
    finally:
        await engine.stop()
        await bot.session.close()
    urgent_rows = await outbox(harness, urgent)
    assert set(urgent_rows) == set(ids)
    assert all(r.status is OutboxStatus.SENT for r in urgent_rows.values())
    assert api.paid_to == dict.fromkeys(ids, 1)  # each once, all paid
    assert api.rejected_429 == 0


async def test_urgent_alert_out_of_stars_goes_on_at_the_free_rate(
    harness: Harness, api: FakeBotApi
):
    ids = await add_residents(harness, 120)
    api.star_tenths = 50  # enough for 50 paid messages
    announcement_id = await announce(harness, "Отключение воды", urgent=True)
    engine = engine_for(harness, paid_rate=200)
    done = await send_through(harness, api, announcement_id, engine)
    assert api.sent_to == dict.fromkeys(ids, 1)  # everyone once: nobody lost, nobody twice
    assert sum(api.paid_to.values()) == 50 and engine.stats.paid == 50
    assert not done.urgent  # went on unpaid
    rows = await outbox(harness, announcement_id)
    assert all(r.status is OutboxStatus.SENT for r in rows.values())


async def test_every_announce_screen_has_back_and_cancel(harness: Harness, admin, resident):
    """Driven by button text: every screen offers «⬅️ Назад» (but the first) and «❌ Отмена»;
    «Назад» shows the screen before with the rest of the form kept."""
    await harness.onboard(resident)

    async def press(sent: list, label: str) -> list:
        return await harness.tap(admin, callback_datas(sent)[label])

    sent = await harness.say(admin, "/announce")
    assert "до 4\xa0096 знаков" in joined(sent) and buttons(sent) == ["❌ Отмена"]
    sent = await harness.say(admin, "Завтра нет воды")
    assert {"Без фото", "⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await press(sent, "⬅️ Назад")  # back to the text
    assert "Текст объявления" in joined(sent)
    sent = await harness.say(admin, "Завтра нет воды с 9 до 18")
    sent = await press(sent, "Без фото")
    assert {"Все пользователи бота", "⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await press(sent, "Весь муниципалитет")
    assert {"⬅️ Назад", "❌ Отмена"} <= set(buttons(sent)) and "Кемерово" in buttons(sent)
    sent = await press(sent, "⬅️ Назад")  # back to the audience
    assert "Кому отправить?" in joined(sent)
    sent = await press(sent, "Все пользователи бота")
    assert {"Сейчас", "Запланировать", "⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await press(sent, "Запланировать")
    assert "Дата и время" in joined(sent) and {"⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await press(sent, "⬅️ Назад")  # back to «Когда отправить?»
    sent = await press(sent, "Сейчас")
    assert "Так увидят получатели (1)" in joined(sent)
    assert "Завтра нет воды с 9 до 18" in joined(sent)  # the text was kept all along
    assert {"✅ Отправить", "⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await press(sent, "❌ Отмена")
    assert "отменили" in joined(sent)
    async with harness.session_factory() as s:
        assert (await s.execute(select(Announcement))).first() is None  # nothing was sent


async def test_a_long_text_with_a_photo_is_told_it_follows_the_photo(harness: Harness, admin):
    """A caption holds 1 024 characters (Telegram's limit, from bot/services/announcements): a
    longer text with a photo is told it comes as a message of its own after the photo."""
    from tests.fixtures.updates import photo_update

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(STAFF, "/announce")
    await harness.say(STAFF, ("Субботник во дворе в субботу, приходите всей семьёй. " * 30)[:1500])
    sent = await harness.feed(photo_update(STAFF, "u-poster"))
    assert "подпись до 1\xa0024 знаков" in joined(sent)
