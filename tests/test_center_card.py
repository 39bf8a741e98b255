"""/mycenter: staff keep their own center's card, admins any; residents see only what is known,
the real point in «📍 Центры рядом» and «🗺 Как добраться»; the shipped file no longer overwrites
what the city entered."""

from __future__ import annotations

from aiogram.methods import SendVenue
from sqlalchemy import select

from storage.models import AuditEntry, Center
from storage.reference import load_reference_data
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import photo_update, tg_user

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
FAR_STAFF = tg_user(2002, username="ivan_staff")  # ЦРН «Боровой», Рудничный район


async def _center(harness: Harness, code: str) -> Center:
    async with harness.session_factory() as s:
        return (await s.execute(select(Center).where(Center.code == code))).scalar_one()


async def test_staff_fill_their_card_and_residents_find_the_center(
    pg_or_sqlite_harness: Harness, admin, resident
):
    harness = pg_or_sqlite_harness
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    sent = await harness.say(STAFF, "/mycenter")
    assert "<b>ЦРН «Оптимист»</b>" in joined(sent) and "Что изменить?" in joined(sent)
    assert {"☎️ Телефон", "🗺 Точка на карте", "🏸 Прокат", "❌ Отмена"} <= set(buttons(sent))

    sent = await harness.press(STAFF, "☎️ Телефон")
    assert "Можно до 3 через запятую" in joined(sent)  # the limit, from bot/services/centers
    assert harness.shows(STAFF, "⬅️ Назад") and not harness.shows(STAFF, "🗑 Убрать из карточки")
    assert "Не понял телефон" in joined(await harness.say(STAFF, "12-34-56"))
    sent = await harness.say(STAFF, "8 (3842) 12-34-56, +7 923 123 45 67")
    assert "Сохранено" in joined(sent) and "8 (3842) 12-34-56" in joined(sent)
    assert "Что изменить?" in joined(sent)  # back on the card

    await harness.press(STAFF, "🗺 Точка на карте")
    assert "не в Кузбассе" in joined(await harness.say(STAFF, "86.087, 55.354"))  # swapped
    assert "Отправьте геопозицию" in joined(await harness.feed(photo_update(STAFF, "p1")))
    assert "Сохранено" in joined(await harness.locate(STAFF, 55.3547, 86.0873))

    await harness.press(STAFF, "🔗 Группа центра")
    assert "Нужна ссылка на группу" in joined(await harness.say(STAFF, "google.com/x"))
    await harness.say(STAFF, "vk.com/crn_optimist")
    await harness.press(STAFF, "🕒 Часы работы")
    assert "Слишком длинно" in joined(await harness.say(STAFF, "пн–пт " * 60))
    await harness.say(STAFF, "пн–пт 9:00–18:00")

    center = await _center(harness, "optimist")
    assert center.phone == "8 (3842) 12-34-56, +7 923 123 45 67"
    assert (center.lat, center.lon, center.hours) == (55.3547, 86.0873, "пн–пт 9:00–18:00")
    assert center.link == "https://vk.com/crn_optimist" and center.edited_at is not None
    async with harness.session_factory() as s:
        edits = await s.execute(select(AuditEntry).where(AuditEntry.action == "center.edit"))
        assert len(edits.scalars().all()) == 4

    # A resident: the card shows what is known, the way there is a map point, and the center
    # is measured from its own point.
    await harness.onboard(resident)
    sent = await harness.say(resident, f"/start center_{center.id}")
    card = joined(sent)
    assert "☎️ 8 (3842) 12-34-56" in card and "🕒 пн–пт 9:00–18:00" in card
    assert "ещё не внёс" not in card and "🏸" not in card
    sent = await harness.press(resident, "🗺 Как добраться")
    [venue] = [r for r in sent if isinstance(r, SendVenue)]
    assert (venue.latitude, venue.longitude) == (55.3547, 86.0873)
    sent = await harness.locate(resident, 55.3550, 86.0880)
    first = joined(sent).split("\n")[1]
    assert "ЦРН «Оптимист» — 0,1 км" in first and "уточняется" not in first

    # «Убрать»: the field leaves the card.
    await harness.say(STAFF, "/mycenter")
    sent = await harness.press(STAFF, "🔗 Группа центра")
    assert "Сейчас: https://vk.com/crn_optimist" in joined(sent)
    sent = await harness.press(STAFF, "🗑 Убрать из карточки")
    assert "Убрано из карточки" in joined(sent)
    assert (await _center(harness, "optimist")).link is None


async def test_staff_cannot_edit_another_center_and_a_moved_right_is_gone(harness: Harness, admin):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(STAFF, "/mycenter")
    await harness.press(STAFF, "☎️ Телефон")
    # The admin moves her to another center while the field is open: the old card is not hers.
    await harness.say(admin, f"/grant {STAFF.id} staff borovoy")
    sent = await harness.say(STAFF, "8 3842 11-22-33")
    assert "Это карточка другого центра" in joined(sent)
    assert (await _center(harness, "optimist")).phone is None
    # A resident has no /mycenter at all.
    sent = await harness.say(FAR_STAFF, "/mycenter")
    assert "Сохранено" not in joined(sent) and not harness.shows(FAR_STAFF, "☎️ Телефон")


async def test_admin_chooses_any_center(harness: Harness, admin):
    sent = await harness.say(admin, "/mycenter")
    assert "Выберите город или округ" in joined(sent)
    await harness.press(admin, "Кемерово")
    await harness.press(admin, "Рудничный район")
    sent = await harness.press(admin, "ЦРН «Боровой»")
    assert "<b>ЦРН «Боровой»</b>" in joined(sent)
    await harness.press(admin, "📍 Адрес")
    sent = await harness.press(admin, "⬅️ Назад")
    assert "Что изменить?" in joined(sent)
    await harness.press(admin, "📍 Адрес")
    await harness.say(admin, "пр. Шахтёров, 50")
    assert (await _center(harness, "borovoy")).address == "пр. Шахтёров, 50"


async def test_the_reference_file_does_not_overwrite_what_the_city_entered(harness: Harness, admin):
    await harness.say(admin, "/mycenter")
    for text in ("Кемерово", "Рудничный район", "ЦРН «Боровой»", "☎️ Телефон"):
        await harness.press(admin, text)
    await harness.say(admin, "8 3842 11-22-33")
    async with harness.session_factory() as s:
        await load_reference_data(s)
    center = await _center(harness, "borovoy")
    assert center.phone == "8 3842 11-22-33" and center.active


def test_what_the_card_fields_accept():
    import pytest

    from bot.services.centers import parse_link, parse_phones, parse_point
    from bot.services.validation import InputError

    assert parse_point("55,354 86,087") == parse_point("55.354;86.087") == (55.354, 86.087)
    assert parse_link("t.me/crn_optimist") == "https://t.me/crn_optimist"
    assert parse_link("https://www.vk.com/club1") == "https://vk.com/club1"
    assert parse_phones("+7 (3842) 12-34-56") == "+7 (3842) 12-34-56"
    for bad_point in ("55.354", "55.354, 86.087, 1", "север", "0, 0", "55.3 86.1 км"):
        with pytest.raises(InputError):
            parse_point(bad_point)
    for bad_link in ("vk.com", "http://evil.example/vk.com/x", "t.me"):
        with pytest.raises(InputError):
            parse_link(bad_link)
    for bad_phone in ("12-34-56", "8 3842 12-34-56 доб. 5", "1, 2, 3, 4", "+1 555 123 4567"):
        with pytest.raises(InputError):
            parse_phones(bad_phone)
