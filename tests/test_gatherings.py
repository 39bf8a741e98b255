"""An elder calls the residents of their house to a субботник: the invitation reaches only those
who live there and have not muted it, «✋ Иду» / «Не смогу», the elder's count and names, one
message, cancelling, the evening-before reminder, and the report that fills itself."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from aiogram.methods import SendMessage, SendPhoto
from sqlalchemy import select

from bot.keyboards.callbacks import GatheringCb
from storage.models import Announcement, Gathering, GatheringReply, Report
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import photo_update, tg_user
from tests.test_ideas import _deliver

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
ELDER = tg_user(3001, username="elder")
NEIGHBOUR = tg_user(1002, username="neighbour")  # the same house, muted invitations
OTHER_STREET = tg_user(1003)
TZ = ZoneInfo("Asia/Novokuznetsk")


def to(user, requests) -> list[str]:  # type: ignore[no-untyped-def]
    return [
        str(getattr(r, "text", None) or getattr(r, "caption", None) or "")
        for r in requests
        if getattr(r, "chat_id", None) == user.id and isinstance(r, SendMessage | SendPhoto)
    ]


async def rows(harness: Harness, model) -> list:  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


async def live_at(harness: Harness, user, street: str, house: str) -> None:  # type: ignore[no-untyped-def]
    await harness.onboard(user)
    await harness.say(user, "/home")
    await harness.say(user, street)
    await harness.say(user, house)
    await harness.press(user, "Пропустить")  # the entrance
    await harness.press(user, "Не знаю")


async def people(harness: Harness, admin, resident) -> None:  # type: ignore[no-untyped-def]
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.register_elder(ELDER, street="ул. Весенняя", house="17", confirm_by=STAFF)
    await live_at(harness, resident, "Весенняя улица", "д. 17")
    await live_at(harness, NEIGHBOUR, "ул. Весенняя", "17")
    await live_at(harness, OTHER_STREET, "пр. Ленина", "17")
    settings = await harness.say(NEIGHBOUR, "/settings")
    [mute] = [b for b in buttons(settings) if "субботники" in b]
    await harness.press(NEIGHBOUR, mute)


def day_button(harness: Harness, days: int) -> str:
    day = datetime.now(TZ).date() + timedelta(days=days)
    return str(harness.dp["i18n_core"].get(f"weekday-{day.weekday()}", "ru")) + day.strftime(
        " %d.%m"
    )


async def call_neighbours(
    harness: Harness, typed_place: str | None = None, bring: str = "перчатки, мешки"
) -> list:  # type: ignore[no-untyped-def]
    """The elder calls their house; the place is the territory's button unless `typed_place`."""
    await harness.say(ELDER, "/plan")
    sent = await harness.press(ELDER, "➕ Позвать соседей")
    [house] = [b for b in buttons(sent) if b.startswith("🏠 Дом:")]
    await harness.press(ELDER, house)
    await harness.press(ELDER, "Субботник")
    await harness.press(ELDER, "Чистые берега")
    await harness.press(ELDER, day_button(harness, 1))
    await harness.press(ELDER, "10:00")
    if typed_place is not None:
        await harness.say(ELDER, typed_place)
    else:
        [place] = [b for b in buttons(harness.session.requests[-3:]) if b.startswith("📍")] or [""]
        place_screen = harness.session.requests[-3:]
        assert place, joined(place_screen)
        await harness.press(ELDER, place)
    await harness.say(ELDER, bring)
    return await harness.press(ELDER, "Без фото")


async def test_an_elder_calls_the_house_and_the_report_fills_itself(
    harness: Harness, admin, resident
):
    await people(harness, admin, resident)
    summary = await call_neighbours(harness)
    assert "Приглашение получат: 1 чел." in joined(summary)  # the muted neighbour is not counted
    assert "Чистые берега" in joined(summary)
    send = callback_datas(summary)["✅ Отправить"]
    assert "Приглашение отправлено" in joined(await harness.tap(ELDER, send))
    assert "уже отправлено" in joined(await harness.tap(ELDER, send))  # a double tap
    [gathering] = await rows(harness, Gathering)
    assert gathering.scope == "house" and gathering.bring == "перчатки, мешки"

    before = len(harness.session.requests)
    await _deliver(harness)
    sent = harness.session.requests[before:]
    [invitation] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert "Чистые берега" in invitation.text and "перчатки" in invitation.text
    assert {"✋ Иду", "Не смогу"} <= set(buttons([invitation]))
    assert not to(NEIGHBOUR, sent) and not to(OTHER_STREET, sent) and not to(ELDER, sent)

    going = await harness.press(resident, "✋ Иду")
    assert "Записали" in joined(going)
    await harness.press(resident, "👤 Показать имя")
    refused = await harness.tap(OTHER_STREET, GatheringCb(action="go", id=gathering.id))
    assert "другой территории" in joined(refused)
    await harness.tap(NEIGHBOUR, GatheringCb(action="no", id=gathering.id))
    await harness.tap(NEIGHBOUR, GatheringCb(action="go", id=gathering.id))  # changed mind
    await harness.tap(NEIGHBOUR, GatheringCb(action="go", id=gathering.id))  # a double tap
    replies = await rows(harness, GatheringReply)
    assert len(replies) == 2 and all(r.going for r in replies)

    events = joined(await harness.say(STAFF, "/events"))
    assert "Субботники старших" in events and "Чистые берега" in events and "идут: 2" in events
    assert "Субботники старших" not in joined(await harness.say(resident, "/events"))

    await harness.say(ELDER, "/plan")
    card = await harness.tap(ELDER, GatheringCb(action="card", id=gathering.id))
    assert "Идут: 2" in joined(card) and "@anna_resident" in joined(card).lower()
    assert buttons(card)[-1] == "❌ Закрыть"
    assert "neighbour" not in joined(card)  # did not agree to show the name
    stranger = await harness.tap(resident, GatheringCb(action="card", id=gathering.id))
    assert "не ваша территория" in joined(stranger)

    await harness.tap(ELDER, GatheringCb(action="message", id=gathering.id))
    told = await harness.say(ELDER, "Начинаем в 10:30, не в 10")
    assert "Отправлено всем, кто идёт" in joined(told)
    again = await harness.tap(ELDER, GatheringCb(action="message", id=gathering.id))
    assert "один раз" in joined(again)

    notices = harness.dp["gathering_notices"]
    evening = datetime.combine(
        gathering.starts_at.astimezone(TZ).date() - timedelta(days=1),
        datetime.min.time().replace(hour=19),
        tzinfo=TZ,
    )
    assert await notices.tick(evening - timedelta(hours=3)) == 0  # before the evening: nothing
    assert await notices.tick(evening) == 1
    assert await notices.tick(evening) == 0  # once
    reminder = [a for a in await rows(harness, Announcement) if a.audience == "gathering-going"]
    assert any("Завтра в 10:00" in a.text for a in reminder)

    # The day has come and gone (its start moved to this morning).
    async with harness.session_factory() as s:
        row = await s.get(Gathering, gathering.id)
        assert row is not None
        row.starts_at = gathering.starts_at = datetime.now(UTC) - timedelta(hours=4)
        await s.commit()
    before = len(harness.session.requests)
    assert await notices.tick(datetime.now(UTC), harness.bot) == 1
    asked = harness.session.requests[before:]
    assert any("Как прошёл субботник?" in t and "собирались 2" in t for t in to(ELDER, asked))
    assert await notices.tick(datetime.now(UTC), harness.bot) == 0

    # The prefilled report: the elder's actions are counted (the goal is at most 8).
    actions = 0
    figures = await harness.press(ELDER, "📝 Заполнить отчёт")
    actions += 1
    assert "мешк" in joined(figures).lower()
    await harness.say(ELDER, "12 мешков")
    await harness.press(ELDER, "Пропустить")  # description
    for n in range(3):
        await harness.feed(photo_update(ELDER, f"p{n}", media_group_id="album"))
    actions += 3  # the figures, «Пропустить», one album
    summary = await harness.press(ELDER, "✅ Готово")
    assert "Чистые берега" in joined(summary) and "Участников: 3" in joined(summary)
    sent = await harness.press(ELDER, "✅ Отправить")
    actions += 2
    assert "отправлен" in joined(sent)
    assert actions <= 8
    [report] = await rows(harness, Report)
    assert report.gathering_id == gathering.id and report.participants == 3
    assert report.bags == 12 and report.action_id == gathering.action_id
    assert report.held_on == gathering.starts_at.astimezone(TZ).date()


async def test_cancelling_tells_those_going_and_closes_the_invitation(
    harness: Harness, admin, resident
):
    await people(harness, admin, resident)
    summary = await call_neighbours(harness)
    await harness.tap(ELDER, callback_datas(summary)["✅ Отправить"])
    [gathering] = await rows(harness, Gathering)
    await harness.tap(resident, GatheringCb(action="go", id=gathering.id))
    await harness.tap(ELDER, GatheringCb(action="cancel", id=gathering.id))
    done = await harness.say(ELDER, "Дождь, перенесём")
    assert "Отменено" in joined(done)
    late = await harness.tap(resident, GatheringCb(action="go", id=gathering.id))
    assert "отменён" in joined(late)
    before = len(harness.session.requests)
    await _deliver(harness)
    told = to(resident, harness.session.requests[before:])
    assert any("Отменён" in t and "Дождь" in t for t in told)
    after = gathering.starts_at + timedelta(hours=4)
    assert await harness.dp["gathering_notices"].tick(after, harness.bot) == 0


async def test_only_confirmed_elders_call_and_bad_times_are_refused(
    harness: Harness, admin, resident
):
    await people(harness, admin, resident)
    assert "подтверждённые старшие" in joined(await harness.say(resident, "/plan"))
    forged = await harness.tap(resident, GatheringCb(action="new", id=0))
    assert "подтверждённые старшие" in joined(forged)
    await harness.say(ELDER, "/plan")
    sent = await harness.press(ELDER, "➕ Позвать соседей")
    [house] = [b for b in buttons(sent) if b.startswith("🏠 Дом:")]
    await harness.press(ELDER, house)
    await harness.press(ELDER, "Субботник")
    await harness.press(ELDER, "Пропустить")
    await harness.press(ELDER, day_button(harness, 0))
    assert "Не понял время" in joined(await harness.say(ELDER, "утром"))
    past = (datetime.now(TZ) - timedelta(hours=1)).strftime("%H:%M")
    if datetime.now(TZ).hour >= 1:
        assert "уже прошло" in joined(await harness.say(ELDER, past))
    back = await harness.press(ELDER, "⬅️ Назад")
    assert "Какой день?" in joined(back)


async def test_staff_page_through_the_districts_subbotniki(harness: Harness, admin):
    """Spring: twelve субботники called in the district. Staff see them ten a page, soonest
    first, before the events (the list stopped at twenty; a city admin saw twenty of the whole
    city); another district's are not among them."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    central = await harness.district_id("kem-central")
    rudnichny = await harness.district_id("kem-rudnichny")
    soon = datetime.now(UTC) + timedelta(days=1)
    async with harness.session_factory() as s:
        s.add_all(
            Gathering(
                kind="subbotnik", action_other=f"Двор {n:02}", scope="district",
                district_id=central, starts_at=soon + timedelta(hours=n),
            )
            for n in range(12)
        )  # fmt: skip
        s.add(
            Gathering(
                kind="subbotnik", action_other="Чужой двор", scope="district",
                district_id=rudnichny, starts_at=soon,
            )
        )  # fmt: skip
        await s.commit()
    events = await harness.say(STAFF, "/events")
    text = joined(events)
    assert "Субботники старших" in text and "Страница 1 из 2" in text
    assert all(f"Двор {n:02}" in text for n in range(10)) and "Двор 10" not in text
    assert "Чужой двор" not in text
    rest = joined(await harness.press(STAFF, "▶️"))
    assert "Двор 10" in rest and "Двор 11" in rest and "Двор 09" not in rest


async def test_long_answers_are_shown_back_short_and_kept_whole(harness: Harness, admin, resident):
    """A place and «что взять» of 300 characters each: «Проверьте приглашение» shows their
    beginnings and says the rest is kept (the screen went past 600); the invitation stores both
    whole."""
    await people(harness, admin, resident)
    place = ("Двор за домом, у детской площадки и старых гаражей, вход со стороны реки. " * 5)[:300]
    bring = ("Перчатки, мешки для мусора, грабли, лопаты, вёдра, краску и кисти. " * 5)[:300]
    summary = joined(await call_neighbours(harness, typed_place=place, bring=bring))
    assert place[:80] in summary and bring[:80] in summary
    assert summary.count("весь текст сохранён") == 2
    await harness.press(ELDER, "✅ Отправить")
    [gathering] = await rows(harness, Gathering)
    assert (gathering.place, gathering.bring) == (place.strip(), bring.strip())
