from __future__ import annotations

from aiogram.methods import SendMessage, SendVenue
from sqlalchemy import select, update

from bot.keyboards.callbacks import CenterCb, PlaceCb
from storage.models import Center, District, Municipality
from tests.fixtures.harness import Harness, buttons, callback_datas, joined


async def _center(harness: Harness, code: str) -> Center:
    async with harness.session_factory() as s:
        return (await s.execute(select(Center).where(Center.code == code))).scalar_one()


async def test_centers_district_list_card_and_back(demo_harness: Harness, resident):
    harness = demo_harness
    sent = await harness.say(resident, "/centers")
    places = ["Кемерово", "Юрга", "Кемеровский муниципальный район"]
    assert buttons(sent) == [*places, "❌ Отмена"]  # a way out of the first step too
    sent = await harness.tap(resident, callback_datas(sent)["Кемерово"])
    assert "Рудничный район" in buttons(sent)
    assert buttons(sent)[-2:] == ["⬅️ Назад", "❌ Отмена"]
    sent = await harness.tap(resident, callback_datas(sent)["Рудничный район"])
    assert "Рудничный район. Выберите центр" in joined(sent)
    assert {"ЦРН «Боровой»", "ЦРН «Красновка»", "ЦРН «Северный»", "ЦРН «Радуга»"} <= set(
        buttons(sent)
    )
    sent = await harness.tap(resident, callback_datas(sent)["ЦРН «Боровой»"])
    card = joined(sent)
    assert "<b>ЦРН «Боровой»</b>" in card and "Рудничный район" in card
    # Only what is known: no wall of «уточняется», no way to a place nobody has marked yet.
    assert "уточняется" not in card and "Кружков: 2" in card
    assert "Адрес и часы работы центр ещё не внёс" in card
    assert buttons(sent) == ["🎨 Кружки", "📅 Приёмы", "🏸 Прокат", "⬅️ Назад", "❌ Закрыть"]
    # The center's receptions and rental replace its card in place, and «Назад» brings it back.
    for button, title in (("📅 Приёмы", "приёмов в ЦРН «Боровой»"), ("🏸 Прокат", "не внесён")):
        shown = await harness.press(resident, button)
        assert not any(isinstance(r, SendMessage) for r in shown), button
        assert title in joined(shown) and buttons(shown)[-2:] == ["⬅️ Назад", "❌ Закрыть"]
        back = await harness.press(resident, "⬅️ Назад")
        assert "<b>ЦРН «Боровой»</b>" in joined(back)
        assert not any(isinstance(r, SendMessage) for r in back)
    sent = await harness.tap(resident, callback_datas(sent)["⬅️ Назад"])
    assert "Рудничный район. Выберите центр" in joined(sent)


async def test_district_without_centers_says_so(harness: Harness, resident):
    async with harness.session_factory() as s:
        yurga = (
            await s.execute(select(District).where(District.code == "yurga-city"))
        ).scalar_one()
    sent = await harness.tap(resident, PlaceCb(level="dist", id=yurga.id, purpose="browse"))
    assert "пока нет центров" in joined(sent)


async def test_route_sends_venue_when_point_known_and_address_otherwise(harness: Harness, resident):
    borovoy = await _center(harness, "borovoy")
    sent = await harness.tap(resident, CenterCb(action="route", id=borovoy.id))
    assert "Точки на карте у этого центра пока нет" in joined(sent)
    async with harness.session_factory() as s:
        await s.execute(
            update(Center)
            .where(Center.id == borovoy.id)
            .values(lat=55.40, lon=86.10, address="ул. Примерная, 1")
        )
        await s.commit()
    await harness.reload_directory()
    sent = await harness.tap(resident, CenterCb(action="route", id=borovoy.id))
    venues = [r for r in sent if isinstance(r, SendVenue)]
    assert len(venues) == 1
    assert (venues[0].latitude, venues[0].longitude) == (55.40, 86.10)
    assert venues[0].address == "ул. Примерная, 1" and venues[0].title == "ЦРН «Боровой»"


async def test_clubs_button_opens_the_centers_clubs(demo_harness: Harness, resident):
    harness = demo_harness
    sent = await harness.say(resident, "/centers")
    sent = await harness.tap(resident, callback_datas(sent)["Кемерово"])
    sent = await harness.tap(resident, callback_datas(sent)["Рудничный район"])
    sent = await harness.tap(resident, callback_datas(sent)["ЦРН «Боровой»"])
    assert "Кружков: 2" in joined(sent)
    sent = await harness.tap(resident, callback_datas(sent)["🎨 Кружки"])
    assert "Кружки и клубы</b>: ЦРН «Боровой»" in joined(sent)
    examples = [b for b in buttons(sent) if "ЦРН «Боровой»" in b]
    assert len(examples) == 2 and all(b.startswith("Пример: ") for b in examples)


async def test_stale_center_button(harness: Harness, resident):
    sent = await harness.tap(resident, CenterCb(action="card", id=987654))
    assert "устарела" in joined(sent)


async def test_location_returns_three_nearest_with_distances(harness: Harness, resident):
    # A point in Lesnaya Polyana: its only center comes first.
    sent = await harness.locate(resident, 55.4210, 86.2010)
    text = joined(sent)
    lines = [line for line in text.splitlines() if line[:2] in ("1.", "2.", "3.")]
    assert len(lines) == 3
    assert lines[0].startswith("1. ЦРН «Лесная поляна» — около 0,1 км")
    assert (
        len(buttons(sent)) == 3 + 1 and buttons(sent)[-1] == "❌ Закрыть"
    )  # three and the way out


async def test_exact_point_beats_district_estimate(harness: Harness, resident):
    async with harness.session_factory() as s:
        await s.execute(
            update(Center).where(Center.code == "raduga").values(lat=55.3001, lon=86.0001)
        )
        await s.commit()
    await harness.reload_directory()
    sent = await harness.locate(resident, 55.3, 86.0)
    first = next(line for line in joined(sent).splitlines() if line.startswith("1."))
    assert first == "1. ЦРН «Радуга» — 0,0 км"


async def test_location_far_away_finds_nothing(harness: Harness, resident):
    sent = await harness.locate(resident, 55.75, 37.62)  # Moscow
    assert "В радиусе 50 км" in joined(sent)


async def test_my_center_lists_centers_of_my_district(harness: Harness, resident):
    await harness.onboard(resident, "kem-central")
    sent = await harness.say(resident, "🏠 Мой центр")
    assert "Центральный район. Выберите центр" in joined(sent)
    assert "ЦРН «Оптимист»" in buttons(sent)


async def test_my_center_with_single_center_opens_card(harness: Harness, resident):
    await harness.onboard(resident, "kem-lesnaya")
    sent = await harness.say(resident, "🏠 Мой центр")
    assert "<b>ЦРН «Лесная поляна»</b>" in joined(sent)


async def test_my_center_before_choosing_district(harness: Harness, resident):
    sent = await harness.say(resident, "🏠 Мой центр")
    assert "Сначала выберите свой район" in joined(sent)


async def test_nearby_button_text_from_desktop_explains(harness: Harness, resident):
    sent = await harness.say(resident, "📍 Центры рядом")
    assert "попросит разрешение" in joined(sent)


async def test_single_municipality_skips_the_municipality_step(harness: Harness, resident):
    async with harness.session_factory() as s:
        await s.execute(
            update(Municipality).where(Municipality.code != "kemerovo").values(active=False)
        )
        await s.commit()
    await harness.reload_directory()
    sent = await harness.say(resident, "/centers")
    assert "Центральный район" in buttons(sent)
    assert all(isinstance(r, SendMessage) for r in sent)
