from __future__ import annotations

from aiogram.methods import SendMessage

from bot.keyboards.callbacks import ConsentCb, PlaceBackCb, PlaceCb
from tests.fixtures.harness import Harness, buttons, callback_datas, joined, texts


async def test_start_greets_and_asks_consent_storing_only_the_id(harness: Harness, resident):
    sent = await harness.say(resident, "/start")
    text = joined(sent)
    assert "Это мой город" in text
    assert "152-ФЗ" in text
    assert buttons(sent) == ["✅ Согласен", "Не сейчас"]
    stored = await harness.db_user(resident.id)
    assert stored is not None
    assert stored.consent_at is None and stored.username is None and stored.district_id is None


async def test_consent_then_municipality_then_district_gives_main_menu(harness: Harness, resident):
    await harness.say(resident, "/start")
    sent = await harness.tap(resident, ConsentCb(agree=True))
    assert "Выберите ваш город или район" in joined(sent)
    assert buttons(sent)[:2] == ["Кемерово", "Юрга"]
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.consent_at is not None
    assert stored.username == "anna_resident"

    kemerovo = callback_datas(sent)["Кемерово"]
    sent = await harness.tap(resident, kemerovo)
    assert "Выберите ваш район" in joined(sent)
    assert "Центральный район" in buttons(sent) and "ж.р. Лесная Поляна" in buttons(sent)
    assert "⬅️ Назад" in buttons(sent)

    sent = await harness.tap(resident, callback_datas(sent)["Ленинский район"])
    assert "Ваш район: Ленинский район" in joined(sent)
    menu = buttons(sent)
    for label in (
        "🏠 Мой центр",
        "🎨 Кружки и клубы",
        "🧹 Сообщить о субботнике",
        "🏆 Конкурсы",
        "💡 Идея или проблема",
        "❓ Помощь",
    ):
        assert label in menu
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.district_id is not None

    again = await harness.say(resident, "/start")
    assert "С возвращением" in joined(again)


async def test_back_from_districts_returns_to_municipalities(harness: Harness, resident):
    await harness.say(resident, "/start")
    await harness.tap(resident, ConsentCb(agree=True))
    sent = await harness.tap(resident, PlaceBackCb(purpose="home"))
    assert "Выберите ваш город или район" in joined(sent)


async def test_not_now_stores_nothing_and_explains(harness: Harness, resident):
    await harness.say(resident, "/start")
    sent = await harness.tap(resident, ConsentCb(agree=False))
    assert "ничего о вас не храним" in joined(sent)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.consent_at is None and stored.username is None


async def test_district_button_without_consent_is_refused(harness: Harness, resident):
    await harness.say(resident, "/start")
    sent = await harness.tap(resident, PlaceCb(level="dist", id=1, purpose="home"))
    assert "согласие" in joined(sent).lower()
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.district_id is None


async def test_double_tap_on_consent_is_harmless(harness: Harness, resident):
    await harness.say(resident, "/start")
    await harness.tap(resident, ConsentCb(agree=True))
    first = (await harness.db_user(resident.id)).consent_at  # type: ignore[union-attr]
    sent = await harness.tap(resident, ConsentCb(agree=True))
    assert "уже сохранено" in joined(sent)
    assert (await harness.db_user(resident.id)).consent_at == first  # type: ignore[union-attr]


async def test_stale_district_button_is_explained(harness: Harness, resident):
    await harness.say(resident, "/start")
    await harness.tap(resident, ConsentCb(agree=True))
    sent = await harness.tap(resident, PlaceCb(level="dist", id=99999, purpose="home"))
    assert "устарела" in joined(sent)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.district_id is None


async def test_unknown_button_data_is_explained(harness: Harness, resident):
    sent = await harness.tap(resident, "something:old")
    assert "устарела" in joined(sent)


async def test_sticker_during_onboarding_keeps_the_step(harness: Harness, resident):
    from tests.fixtures.updates import sticker_update

    await harness.say(resident, "/start")
    sent = await harness.feed(sticker_update(resident))
    assert "кнопкой выше" in joined(sent)
    # the consent step is still there: the button still works
    sent = await harness.tap(resident, ConsentCb(agree=True))
    assert "Выберите ваш город" in joined(sent)


async def test_deep_link_opens_center_card(harness: Harness, resident):
    async with harness.session_factory() as s:
        from sqlalchemy import select

        from storage.models import Center

        center = (await s.execute(select(Center).where(Center.code == "optimist"))).scalar_one()
    sent = await harness.say(resident, f"/start center_{center.id}")
    text = joined(sent)
    assert "ЦРН «Оптимист»" in text and "Центральный район" in text
    assert "🎨 Кружки" in buttons(sent)
    assert "152-ФЗ" in text  # a newcomer is also asked for consent


async def test_deep_link_to_unknown_center_says_so(harness: Harness, resident):
    sent = await harness.say(resident, "/start center_999999")
    assert "Такого центра нет" in joined(sent)
    sent = await harness.say(resident, "/start garbage")
    assert "Такого центра нет" in joined(sent)


async def test_replies_use_html_and_go_to_the_user(harness: Harness, resident):
    sent = await harness.say(resident, "/start")
    messages = [r for r in sent if isinstance(r, SendMessage)]
    assert messages and all(m.chat_id == resident.id for m in messages)
    assert texts(sent)
