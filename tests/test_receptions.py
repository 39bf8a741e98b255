"""Consultations: staff publish a reception, residents book from the center's card (with a
question or without), the last place goes to exactly one, cancelling frees it, staff mark who
came, those booked are reminded."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.keyboards.callbacks import CenterCb, ReceptionCb
from storage.models import Announcement, Booking, Reception
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import tg_user
from tests.test_ideas import _deliver

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист»
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой»
SECOND = tg_user(1002)
THIRD = tg_user(1003)
TZ = ZoneInfo("Asia/Novokuznetsk")


async def rows(harness: Harness, model) -> list:  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


def day_button(harness: Harness, days: int) -> str:
    day = datetime.now(TZ).date() + timedelta(days=days)
    return str(harness.dp["i18n_core"].get(f"weekday-{day.weekday()}", "ru")) + day.strftime(
        " %d.%m"
    )


async def publish(harness: Harness, admin, places: str = "2") -> Reception:  # type: ignore[no-untyped-def]
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    await harness.say(STAFF, "/receptions")
    await harness.press(STAFF, "➕ Новый приём")
    await harness.say(STAFF, "Депутат Иванов И. И.")
    await harness.say(STAFF, "Вопросы ЖКХ")
    await harness.press(STAFF, day_button(harness, 1))
    await harness.press(STAFF, "10:00")
    await harness.press(STAFF, "20 мин.")
    assert "от 1 до 50" in joined(await harness.say(STAFF, "500"))
    summary = await harness.say(STAFF, places)
    assert "Депутат Иванов И. И." in joined(summary) and f"Мест: {places}" in joined(summary)
    send = callback_datas(summary)["✅ Отправить"]
    assert "Приём добавлен" in joined(await harness.tap(STAFF, send))
    assert "уже добавлен" in joined(await harness.tap(STAFF, send))
    [reception] = await rows(harness, Reception)
    return reception


async def open_card(harness: Harness, user, reception: Reception) -> list:  # type: ignore[no-untyped-def]
    await harness.tap(user, CenterCb(action="card", id=reception.center_id))
    listed = await harness.press(user, "📅 Приёмы")
    [item] = [b for b in buttons(listed) if "Депутат Иванов" in b]
    return await harness.press(user, item)


async def test_residents_book_cancel_and_staff_mark_who_came(harness: Harness, admin, resident):
    reception = await publish(harness, admin)
    for user in (resident, SECOND, THIRD):
        await harness.onboard(user)
    card = await open_card(harness, resident, reception)
    assert "Свободных мест: 2" in joined(card)
    # Someone the specialist could not call by name is asked it first, then the question.
    asked = await harness.press(resident, "✍️ Записаться и задать вопрос заранее")
    assert "Как вас записать?" in joined(asked)
    assert "буквами" in joined(await harness.say(resident, "12345"))  # asked again
    assert await rows(harness, Booking) == []
    asked = await harness.say(resident, "Петрова Анна")
    assert "Ваш вопрос специалисту" in joined(asked)
    booked = await harness.say(resident, "Когда починят крышу над 3 подъездом?")
    assert "Вы записаны: Депутат Иванов И. И." in joined(booked)
    again = await harness.tap(resident, ReceptionCb(action="book", id=reception.id))
    assert "уже записаны" in joined(again)
    await open_card(harness, SECOND, reception)
    await harness.press(SECOND, "📅 Записаться")
    assert "Вы записаны" in joined(await harness.say(SECOND, "Сидоров Пётр"))
    await harness.tap(THIRD, ReceptionCb(action="book", id=reception.id))
    full = await harness.say(THIRD, "Орлов Иван")
    assert "Все места уже заняты" in joined(full)

    cancelled = await harness.tap(SECOND, ReceptionCb(action="cancel", id=reception.id))
    assert "место освободилось" in joined(cancelled)
    # The card the tap was on shows how things are now: the place free to book again.
    assert "Свободных мест: 1" in joined(cancelled) and "📅 Записаться" in buttons(cancelled)
    booked = await harness.tap(THIRD, ReceptionCb(action="book", id=reception.id))
    assert "Вы записаны" in joined(booked)
    assert "❌ Отменить запись" in buttons(booked) and "📅 Записаться" not in buttons(booked)
    live = [b for b in await rows(harness, Booking) if b.live]
    assert {b.user_id for b in live} == {resident.id, THIRD.id}
    assert next(b for b in live if b.user_id == resident.id).question.startswith("Когда починят")

    card = await harness.tap(STAFF, ReceptionCb(action="staff", id=reception.id))
    assert "1. Петрова Анна — вопрос: Когда починят крышу" in joined(card)
    assert "2. Орлов Иван" in joined(card)
    assert "✅ 1 пришёл" in buttons(card)
    far = await harness.tap(FAR_STAFF, ReceptionCb(action="staff", id=reception.id))
    assert "другого центра" in joined(far)
    resident_forged = await harness.tap(resident, ReceptionCb(action="staff", id=reception.id))
    assert "другого центра" in joined(resident_forged)
    first = live[0]
    await harness.tap(STAFF, ReceptionCb(action="came", id=first.id))
    refused = await harness.tap(FAR_STAFF, ReceptionCb(action="missed", id=first.id))
    assert "другого центра" in joined(refused)
    marked = {b.id: b.came for b in await rows(harness, Booking)}
    assert marked[first.id] is True

    notices = harness.dp["gathering_notices"]
    assert await notices.tick(reception.starts_at - timedelta(days=2)) == 0
    assert await notices.tick(reception.starts_at - timedelta(hours=20)) == 1
    assert await notices.tick(reception.starts_at - timedelta(hours=19)) == 0  # once
    [reminder] = [a for a in await rows(harness, Announcement) if a.audience == "reception"]
    async with harness.session_factory() as s:
        row = await s.get(Announcement, reminder.id)
        assert row is not None
        row.send_at = datetime.now(UTC)
        await s.commit()
    before = len(harness.session.requests)
    await _deliver(harness)
    told = {getattr(r, "chat_id", None) for r in harness.session.requests[before:]}
    assert {resident.id, THIRD.id} <= told and SECOND.id not in told


async def test_the_last_place_goes_to_exactly_one(pg_or_sqlite_harness: Harness, admin):
    harness = pg_or_sqlite_harness
    reception = await publish(harness, admin, places="1")
    people = [tg_user(5000 + i) for i in range(6)]
    for user in people:
        await harness.onboard(user)
    from bot.services.receptions import book
    from bot.services.validation import InputError
    from storage.models import User
    from storage.repositories.receptions import ReceptionRepository

    async def try_book(user_id: int) -> bool:
        async with harness.session_factory() as s:
            repo = ReceptionRepository(s)
            fresh = await repo.get(reception.id)
            user = await s.get(User, user_id)
            assert fresh is not None and user is not None
            try:
                await book(repo, fresh, user, None, datetime.now(UTC))
            except InputError as exc:
                assert exc.key == "reception-full"
                return False
            return True

    won = await asyncio.gather(*(try_book(u.id) for u in people))
    assert sum(won) == 1
    assert len([b for b in await rows(harness, Booking) if b.live]) == 1


async def test_receptions_held_and_people_who_came_in_stats(harness: Harness, admin, resident):
    reception = await publish(harness, admin)
    await harness.onboard(resident)
    await harness.tap(resident, ReceptionCb(action="book", id=reception.id))
    await harness.say(resident, "Петрова Анна")
    [booking] = await rows(harness, Booking)
    await harness.tap(STAFF, ReceptionCb(action="came", id=booking.id))
    async with harness.session_factory() as s:  # the reception took place an hour ago
        row = await s.get(Reception, reception.id)
        assert row is not None
        row.starts_at = datetime.now(UTC) - timedelta(hours=1)
        await s.commit()
    stats = joined(await harness.say(STAFF, "/stats"))
    assert "Приёмов (консультаций) проведено: 1" in stats
    assert "Человек пришли на приёмы: 1" in stats
    far = joined(await harness.say(FAR_STAFF, "/stats"))
    assert "Приёмов (консультаций) проведено: 0" in far


SPECIALIST = tg_user(1500)
STRANGER = tg_user(1501)


async def test_a_specialist_sees_only_their_own_bookings_until_the_access_is_closed(
    harness: Harness, admin, resident
):
    reception = await publish(harness, admin)
    async with harness.session_factory() as s:  # another specialist's reception, same center
        other = Reception(
            center_id=reception.center_id, specialist="Пенсионный фонд", topic="Пенсии",
            starts_at=reception.starts_at, minutes=20, places=3,
        )  # fmt: skip
        s.add(other)
        await s.commit()
    await harness.onboard(resident)
    await open_card(harness, resident, reception)
    await harness.press(resident, "✍️ Записаться и задать вопрос заранее")
    await harness.say(resident, "Петрова Анна")
    await harness.say(resident, "Когда починят крышу?")

    await harness.say(STAFF, "/receptions")
    await harness.press(
        STAFF, next(b for b in buttons(await harness.say(STAFF, "/receptions")) if "Иванов" in b)
    )
    sent = await harness.press(STAFF, "🔑 Доступ специалисту")
    [link] = re.findall(r"https://t\.me/etomoygorod_bot\?start=(spec_[\w-]+)", joined(sent))
    again = await harness.tap(STAFF, ReceptionCb(action="access", id=reception.id))
    assert link in joined(again)  # the link not yet opened is given again, not a second one

    assert "сначала дайте согласие" in joined(await harness.say(SPECIALIST, f"/start {link}"))
    await harness.onboard(SPECIALIST)
    sent = await harness.say(SPECIALIST, f"/start {link}")
    assert "вы видите записи на приёмы (Депутат Иванов И. И.)" in joined(sent)
    assert [b for b in buttons(sent) if "Вопросы ЖКХ" in b] and not [
        b for b in buttons(sent) if "Пенсии" in b
    ]
    card = await harness.tap(SPECIALIST, ReceptionCb(action="staff", id=reception.id))
    assert "Когда починят крышу?" in joined(card)
    assert not [b for b in buttons(card) if "пришёл" in b or "Доступ" in b]  # looks only
    refused = await harness.tap(SPECIALIST, ReceptionCb(action="staff", id=other.id))
    assert "другого специалиста" in joined(refused)
    [booking] = await rows(harness, Booking)
    await harness.tap(SPECIALIST, ReceptionCb(action="came", id=booking.id))  # forged
    assert (await rows(harness, Booking))[0].came is None
    await harness.onboard(STRANGER)
    assert "уже воспользовался" in joined(await harness.say(STRANGER, f"/start {link}"))
    assert "сотрудники центра" in joined(await harness.say(STRANGER, "/receptions"))
    assert "Вопросы ЖКХ" in " ".join(buttons(await harness.say(SPECIALIST, "/receptions")))
    mine = joined(await harness.say(SPECIALIST, "/mydata"))  # they see what is kept of them
    assert "Видите записи на приёмы: Депутат Иванов И. И., ЦРН «Оптимист»" in mine

    sent = await harness.tap(STAFF, ReceptionCb(action="unaccess", id=reception.id))
    assert "больше не видит" in joined(sent)
    # Gone on the specialist's very next update.
    assert "сотрудники центра" in joined(await harness.say(SPECIALIST, "/receptions"))
    refused = await harness.tap(SPECIALIST, ReceptionCb(action="staff", id=reception.id))
    assert "Когда починят крышу?" not in joined(refused)
    assert "больше не действует" in joined(await harness.say(SPECIALIST, f"/start {link}"))


async def many_receptions(harness: Harness, first: Reception, specialist: str, count: int) -> None:
    """`count` more receptions at the same center, each half an hour earlier than `first`: they all
    come before it in a list (soonest first)."""
    async with harness.session_factory() as s:
        s.add_all(
            Reception(
                center_id=first.center_id,
                specialist=specialist,
                topic=f"Тема {n}",
                starts_at=first.starts_at - timedelta(minutes=30 * (n + 1)),
                minutes=20,
                places=3,
            )
            for n in range(count)
        )
        await s.commit()


async def test_every_reception_of_a_busy_center_is_in_reach(
    pg_or_sqlite_harness: Harness, admin, resident
):
    """A center with twenty-nine receptions: residents and staff page through all of them, and
    a specialist finds both of theirs (their name typed two ways) although twenty-seven of another
    specialist come first (the list stopped at the twenty soonest, so theirs were not in it)."""
    harness = pg_or_sqlite_harness
    reception = await publish(harness, admin)  # Депутат Иванов И. И., the latest
    await many_receptions(harness, reception, "Пенсионный фонд", 27)
    async with harness.session_factory() as s:  # the deputy typed another way, sooner
        s.add(
            Reception(
                center_id=reception.center_id, specialist="депутат иванов и.и.", topic="Дороги",
                starts_at=reception.starts_at - timedelta(minutes=5), minutes=20, places=2,
            )
        )  # fmt: skip
        await s.commit()
    await harness.onboard(resident)
    await harness.tap(resident, CenterCb(action="card", id=reception.center_id))
    listed = await harness.press(resident, "📅 Приёмы")
    assert "Страница 1 из 3" in joined(listed) and "Назад" in " ".join(buttons(listed))
    assert len([b for b in buttons(listed) if "Тема" in b]) == 10
    await harness.press(resident, "▶️")
    last = await harness.press(resident, "▶️")
    assert "Страница 3 из 3" in joined(last) and "▶️" not in buttons(last)
    [item] = [b for b in buttons(last) if "Вопросы ЖКХ" in b]
    assert "мест: 2" in item
    await harness.press(resident, item)
    await harness.press(resident, "📅 Записаться")
    assert "Вы записаны" in joined(await harness.say(resident, "Петрова Анна"))
    assert [b.reception_id for b in await rows(harness, Booking) if b.live] == [reception.id]

    staff = await harness.say(STAFF, "/receptions")
    assert len([b for b in buttons(staff) if "Пенсионный фонд" in b]) == 10
    assert "➕ Новый приём" in buttons(staff) and "Страница 1 из 3" in joined(staff)
    await harness.press(STAFF, "▶️")
    last = await harness.press(STAFF, "▶️")
    assert [b for b in buttons(last) if "Иванов" in b and "записано 1 из 2" in b]

    sent = await harness.press(STAFF, next(b for b in buttons(last) if "Иванов" in b))
    sent = await harness.press(STAFF, "🔑 Доступ специалисту")
    [link] = re.findall(r"\?start=(spec_[\w-]+)", joined(sent))
    await harness.onboard(SPECIALIST)
    opened = await harness.say(SPECIALIST, f"/start {link}")
    mine = [b for b in buttons(opened) if b not in ("▶️", "❌ Закрыть")]
    assert len(mine) == 2 and "Дороги" in mine[0] and "Вопросы ЖКХ" in mine[1], mine
    assert not [b for b in buttons(opened) if "Тема" in b]
    again = await harness.say(SPECIALIST, "/receptions")
    assert buttons(again) == buttons(opened)
