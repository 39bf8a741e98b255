"""Sports-equipment rental: staff list the inventory, residents book an item for a window from
the center's card, the last item goes to exactly one, staff mark issued and returned, an
overdue return gets one polite reminder."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.methods import SendMessage
from sqlalchemy import select

from bot.keyboards.callbacks import CenterCb, RentalCb
from storage.models import Announcement, Rental, RentalItem, RentalStatus
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import tg_user

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист»
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой»
SECOND = tg_user(1002)
TZ = ZoneInfo("Asia/Novokuznetsk")


async def rows(harness: Harness, model) -> list:  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


async def stocked(harness: Harness, admin, quantity: int = 1) -> RentalItem:  # type: ignore[no-untyped-def]
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.say(STAFF, "/rental")
    await harness.press(STAFF, "➕ Добавить предмет")
    assert "Напишите цифрами" in joined(await harness.say(STAFF, "Мяч волейбольный, много"))
    added = await harness.say(STAFF, f"Мяч волейбольный, {quantity}")
    assert f"Добавлено: Мяч волейбольный — {quantity} шт." in joined(added)
    [item] = await rows(harness, RentalItem)
    return item


async def booked_by_many(harness: Harness, item: RentalItem, count: int) -> None:
    """`count` residents with long names book the item for the day after tomorrow."""
    from bot.services.rental import book, window
    from storage.models import User
    from storage.repositories.rental import RentalRepository

    starts, ends = window(datetime.now(TZ).date() + timedelta(days=2), 10, TZ, datetime.now(UTC))
    for n in range(count):
        person = tg_user(6100 + n, first_name=f"Житель{n}")
        await harness.onboard(person)
        async with harness.session_factory() as s:
            repo, user = RentalRepository(s), await s.get(User, person.id)
            assert user is not None
            user.full_name = f"Петрова-Водкина Анастасия Номер {n}"
            await book(repo, await repo.get(item.id), user, starts, ends, datetime.now(UTC))
            await s.commit()


def tomorrow(harness: Harness) -> str:
    day = datetime.now(TZ).date() + timedelta(days=1)
    return str(harness.dp["i18n_core"].get(f"weekday-{day.weekday()}", "ru")) + day.strftime(
        " %d.%m"
    )


async def test_book_from_the_card_issue_return_and_the_overdue_reminder(
    harness: Harness, admin, resident
):
    item = await stocked(harness, admin)
    for user in (resident, SECOND):
        await harness.onboard(user)
    await harness.tap(resident, CenterCb(action="card", id=item.center_id))
    listed = await harness.press(resident, "🏸 Прокат")
    assert "Мяч волейбольный — свободно 1 из 1" in buttons(listed)
    await harness.press(resident, "Мяч волейбольный — свободно 1 из 1")
    await harness.press(resident, tomorrow(harness))
    asked = await harness.press(resident, "10:00–12:00 (свободно 1)")
    assert "Как вас записать?" in joined(asked)  # staff will hand the ball to a name
    assert "буквами" in joined(await harness.say(resident, "12345"))
    assert await rows(harness, Rental) == []
    booked = await harness.say(resident, "Петрова Анна")
    assert "Забронировано: Мяч волейбольный" in joined(booked)
    assert "Заберите в ЦРН «Оптимист» и верните" in joined(booked)  # no «центре «ЦРН «…»»»

    # The same window for someone else: no ball left then (not offered, and a forged tap refused).
    await harness.tap(SECOND, CenterCb(action="card", id=item.center_id))
    await harness.press(SECOND, "🏸 Прокат")
    await harness.press(SECOND, "Мяч волейбольный — свободно 1 из 1")
    windows = await harness.press(SECOND, tomorrow(harness))
    assert "10:00–12:00 (свободно 1)" not in buttons(windows)
    assert "12:00–14:00 (свободно 1)" in buttons(windows)
    day = (datetime.now(TZ).date() + timedelta(days=1)).isoformat()
    forged = await harness.tap(SECOND, RentalCb(action="take", id=item.id, value=f"{day}|10"))
    assert "свободных уже нет" in joined(forged)  # at once, before the name is asked
    assert "Как вас записать?" not in joined(forged)
    bad = await harness.tap(SECOND, RentalCb(action="take", id=item.id, value="вчера|10"))
    assert "устарела" in joined(bad)

    [rental] = await rows(harness, Rental)
    stock = await harness.say(STAFF, "/rental")
    assert "1. Мяч волейбольный — Петрова Анна" in joined(stock) and "забронировано" in joined(
        stock
    )
    far = await harness.tap(FAR_STAFF, RentalCb(action="issued", id=rental.id))
    assert "другого центра" in joined(far)
    await harness.press(STAFF, "📤 1 выдан")
    twice = await harness.tap(STAFF, RentalCb(action="issued", id=rental.id))
    assert "Уже отмечено" in joined(twice)
    assert "Выдано инвентаря в прокат: 1" in joined(await harness.say(STAFF, "/stats"))
    assert "Выдано инвентаря в прокат: 0" in joined(await harness.say(FAR_STAFF, "/stats"))

    async with harness.session_factory() as s:  # the window passed an hour ago
        row = await s.get(Rental, rental.id)
        assert row is not None
        row.starts_at = datetime.now(UTC) - timedelta(hours=3)
        row.ends_at = datetime.now(UTC) - timedelta(hours=1)
        await s.commit()
    notices = harness.dp["gathering_notices"]
    assert await notices.tick(datetime.now(UTC)) == 1
    assert await notices.tick(datetime.now(UTC)) == 0  # once
    [reminder] = [a for a in await rows(harness, Announcement) if a.audience == "rental"]
    assert "верните в центр" in reminder.text
    await harness.say(STAFF, "/rental")
    await harness.press(STAFF, "📥 1 возвращён")
    [rental] = await rows(harness, Rental)
    assert rental.status is RentalStatus.RETURNED and rental.returned_at is not None


async def test_a_booking_can_be_cancelled_and_the_item_is_free_again(
    harness: Harness, admin, resident
):
    item = await stocked(harness, admin)
    await harness.onboard(resident)
    day = (datetime.now(TZ).date() + timedelta(days=1)).isoformat()
    await harness.tap(resident, RentalCb(action="take", id=item.id, value=f"{day}|14"))
    await harness.say(resident, "Петрова Анна")
    await harness.tap(resident, CenterCb(action="card", id=item.center_id))
    await harness.press(resident, "🏸 Прокат")
    mine = await harness.press(resident, "🗂 Мои брони")  # in place of the center's list
    assert not [r for r in mine if isinstance(r, SendMessage)]
    [cancel] = [b for b in buttons(mine) if b.startswith("❌ Мяч")]
    assert buttons(mine)[-2:] == ["⬅️ Назад", "❌ Закрыть"]
    cancelled = await harness.press(resident, cancel)
    assert "Бронь отменена" in joined(cancelled)
    assert "У вас нет броней" in joined(cancelled) and cancel not in buttons(cancelled)
    assert "Прокат" in joined(await harness.press(resident, "⬅️ Назад"))  # the center's list
    again = await harness.tap(resident, RentalCb(action="take", id=item.id, value=f"{day}|14"))
    assert "Забронировано" in joined(again)
    # The windows it was booked on, as they are now: the taken one is no longer offered.
    assert "14:00–16:00 (свободно 1)" not in buttons(again)
    assert "12:00–14:00 (свободно 1)" in buttons(again)
    [first, second] = await rows(harness, Rental)
    assert first.status is RentalStatus.CANCELLED and second.status is RentalStatus.BOOKED


async def test_the_last_item_taken_while_the_name_is_typed_is_said(
    harness: Harness, admin, resident
):
    item = await stocked(harness, admin)
    await harness.onboard(SECOND)
    await harness.tap(SECOND, CenterCb(action="card", id=item.center_id))
    await harness.press(SECOND, "🏸 Прокат")
    await harness.press(SECOND, "Мяч волейбольный — свободно 1 из 1")
    await harness.press(SECOND, tomorrow(harness))
    asked = await harness.press(SECOND, "12:00–14:00 (свободно 1)")
    assert "Как вас записать?" in joined(asked)
    from bot.services.rental import book, window
    from storage.models import User
    from storage.repositories.rental import RentalRepository

    await harness.onboard(resident)
    starts, ends = window(datetime.now(TZ).date() + timedelta(days=1), 12, TZ, datetime.now(UTC))
    async with harness.session_factory() as s:
        repo, other = RentalRepository(s), await s.get(User, resident.id)
        assert other is not None
        await book(repo, await repo.get(item.id), other, starts, ends, datetime.now(UTC))
        await s.commit()
    late = await harness.say(SECOND, "Сидоров Пётр")
    assert "свободных уже нет" in joined(late)
    assert [r.user_id for r in await rows(harness, Rental)] == [resident.id]


async def test_the_last_item_goes_to_exactly_one(pg_or_sqlite_harness: Harness, admin):
    harness = pg_or_sqlite_harness
    item = await stocked(harness, admin, quantity=2)
    people = [tg_user(6000 + i) for i in range(6)]
    for user in people:
        await harness.onboard(user)
    from bot.services.rental import book, window
    from bot.services.validation import InputError
    from storage.models import User
    from storage.repositories.rental import RentalRepository

    starts, ends = window(datetime.now(TZ).date() + timedelta(days=2), 10, TZ, datetime.now(UTC))

    async def try_book(user_id: int) -> bool:
        async with harness.session_factory() as s:
            repo = RentalRepository(s)
            user = await s.get(User, user_id)
            assert user is not None
            try:
                await book(repo, await repo.get(item.id), user, starts, ends, datetime.now(UTC))
            except InputError as exc:
                assert exc.key == "rental-none-free"
                return False
            return True

    won = await asyncio.gather(*(try_book(u.id) for u in people))
    assert sum(won) == 2  # never more than the center has
    assert len([r for r in await rows(harness, Rental) if r.status is RentalStatus.BOOKED]) == 2


async def test_a_long_list_of_bookings_comes_as_short_messages(harness: Harness, admin):
    """Twelve bookings held: staff's /rental lists them all in messages an elder reads at once
    (the harness fails any over 600 characters), the «Выдан» buttons under the last."""
    await booked_by_many(harness, await stocked(harness, admin, quantity=12), 12)
    sent = await harness.say(STAFF, "/rental")
    texts = [m.text for m in sent if isinstance(m, SendMessage)]
    assert len(texts) >= 2 and all(len(t) <= 600 for t in texts)
    assert all(f"Анастасия Номер {n}" in "\n".join(texts) for n in range(12))
    marks = [b for b in buttons(sent) if b.endswith(" выдан")]
    last = sent[-1]
    assert len(marks) == 12 and isinstance(last, SendMessage) and last.reply_markup is not None


async def test_staff_page_through_many_bookings(pg_or_sqlite_harness: Harness, admin, resident):
    """Twenty bookings: /rental shows the items and the first fifteen, «▶️» the five after them,
    numbered on (the list stopped at thirty with no way to the rest); «выдан» works from page
    two; a resident's /rental is refused."""
    harness = pg_or_sqlite_harness
    await booked_by_many(harness, await stocked(harness, admin, quantity=20), 20)

    def marks(sent: list) -> list[str]:
        return [b for b in buttons(sent) if b.endswith(" выдан")]

    sent = await harness.say(STAFF, "/rental")
    assert marks(sent) == [f"📤 {n} выдан" for n in range(1, 16)]
    assert "Мяч волейбольный" in joined(sent) and "Страница 1 из 2" in joined(sent)
    sent = await harness.press(STAFF, "▶️")
    assert marks(sent) == [f"📤 {n} выдан" for n in range(16, 21)]
    assert "Страница 2 из 2" in joined(sent) and "◀️" in buttons(sent)
    sent = await harness.press(STAFF, "📤 16 выдан")
    assert "Отмечено: выдано" in joined(sent)
    issued = [r for r in await rows(harness, Rental) if r.status is RentalStatus.ISSUED]
    assert len(issued) == 1
    await harness.onboard(resident)
    assert "Прокатом занимаются сотрудники" in joined(await harness.say(resident, "/rental"))
