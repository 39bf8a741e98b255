"""/media: staff record a publication in the media (link or none, where, when), see the year's
list and remove a mistake; another district's staff and residents cannot; /stats counts them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.media import MediaCb
from storage.models import MediaPublication
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import tg_user

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой»
TZ = ZoneInfo("Asia/Novokuznetsk")


async def publications(harness: Harness) -> list[MediaPublication]:
    async with harness.session_factory() as s:
        found = await s.execute(select(MediaPublication).order_by(MediaPublication.id))
        return list(found.scalars())


async def test_staff_record_list_and_remove_publications(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    sent = await harness.say(STAFF, "/media")
    assert "пока не внесено" in joined(sent)
    sent = await harness.press(STAFF, "➕ Добавить публикацию")
    assert "Пришлите ссылку" in joined(sent) and "Без ссылки" in buttons(sent)
    assert "не похоже на ссылку" in joined(await harness.say(STAFF, "газета вышла"))
    assert "можно до 500" in joined(await harness.say(STAFF, "vk.com/" + "a" * 600))
    sent = await harness.say(STAFF, "vk.com/wall-123_45")
    assert "Газета" in buttons(sent) and "Телевидение" in buttons(sent)
    sent = await harness.say(STAFF, "газета «Кемерово»")  # typed instead of a button
    assert "Когда вышла" in joined(sent)
    tomorrow = (datetime.now(TZ) + timedelta(days=1)).strftime("%d.%m.%Y")
    assert "ещё не наступила" in joined(await harness.say(STAFF, tomorrow))
    assert "Не понял дату" in joined(await harness.say(STAFF, "давно"))
    sent = await harness.press(STAFF, "Вчера")
    yesterday = (datetime.now(TZ) - timedelta(days=1)).strftime("%d.%m.%Y")
    text = joined(sent)
    assert "Где: газета «Кемерово»" in text and f"Когда: {yesterday}" in text
    assert "Ссылка: https://vk.com/wall-123_45" in text
    send = callback_datas(sent)["✅ Отправить"]
    assert "войдёт в годовой отчёт" in joined(await harness.tap(STAFF, send))
    assert "уже внесена" in joined(await harness.tap(STAFF, send))  # a double tap
    # Another one without a link, from the buttons; «Назад» on the way.
    await harness.say(STAFF, "/media")
    await harness.press(STAFF, "➕ Добавить публикацию")
    await harness.press(STAFF, "Без ссылки")
    sent = await harness.press(STAFF, "⬅️ Назад")
    assert "Пришлите ссылку" in joined(sent)
    await harness.press(STAFF, "Без ссылки")
    await harness.press(STAFF, "Телевидение")
    sent = await harness.press(STAFF, "Сегодня")
    assert "Ссылка: без ссылки" in joined(sent)
    await harness.press(STAFF, "✅ Отправить")
    first, second = await publications(harness)
    assert (first.url, first.outlet, second.url, second.outlet) == (
        "https://vk.com/wall-123_45",
        "газета «Кемерово»",
        "",
        "Телевидение",
    )
    assert first.district_id == second.district_id == await harness.district_id("kem-central")

    sent = await harness.say(STAFF, "/media")
    assert "газета «Кемерово»: https://vk.com/wall-123_45" in joined(sent)
    far = await harness.say(FAR_STAFF, "/media")
    assert "пока не внесено" in joined(far)  # another district's list
    sent = await harness.tap(FAR_STAFF, MediaCb(action="drop", id=first.id))  # forged
    assert "другого района" in joined(sent)
    assert "Публикаций в СМИ: 2" in joined(await harness.say(STAFF, "/stats"))
    assert "Публикаций в СМИ: 0" in joined(await harness.say(FAR_STAFF, "/stats"))
    await harness.tap(STAFF, MediaCb(action="drop", id=first.id))
    assert [p.id for p in await publications(harness)] == [second.id]
    sent = await harness.tap(STAFF, MediaCb(action="drop", id=first.id))  # a double tap
    assert "уже убрали" in joined(sent)

    assert "недоступна" in joined(await harness.say(resident, "/media"))
    sent = await harness.tap(resident, MediaCb(action="new"))
    assert "Пришлите ссылку" not in joined(sent)


async def test_media_in_the_middle_of_a_form_keeps_the_draft(harness: Harness, admin):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(STAFF, "/media")
    await harness.press(STAFF, "➕ Добавить публикацию")
    await harness.say(STAFF, "t.me/kemerovo/100")
    asked = await harness.say(STAFF, "/media")
    assert "Продолжить черновик или начать заново?" in joined(asked)
    resumed = await harness.press(STAFF, "▶️ Продолжить черновик")
    assert "Где вышла публикация?" in joined(resumed)
    await harness.say(STAFF, "/media")
    again = await harness.press(STAFF, "🆕 Начать заново")
    assert "пока не внесено" in joined(again) and "➕ Добавить публикацию" in buttons(again)
    assert await publications(harness) == []


async def test_every_publication_of_the_year_is_in_reach(harness: Harness, admin):
    """Twelve publications: ten a page, newest first (the list said «последние 10» and the
    older ones could not be taken back); «Убрать» on the second page removes that one."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    district_id = await harness.district_id("kem-central")
    first_day = datetime.now(TZ).date().replace(month=1, day=1)
    async with harness.session_factory() as s:
        s.add_all(
            MediaPublication(
                district_id=district_id, url=f"https://vk.com/wall-1_{n}", outlet=f"Газета {n:02}",
                published_on=first_day + timedelta(days=11 - n),  # «Газета 11» the oldest
            )
            for n in range(12)
        )  # fmt: skip
        await s.commit()
    sent = await harness.say(STAFF, "/media")
    assert len([b for b in buttons(sent) if b.startswith("🗑")]) == 10
    assert "Страница 1 из 2" in joined(sent) and "➕ Добавить публикацию" in buttons(sent)
    rest = await harness.press(STAFF, "▶️")
    [_, oldest] = [b for b in buttons(rest) if b.startswith("🗑")]
    assert "Газета 11" in oldest
    await harness.press(STAFF, oldest)
    left = {p.outlet for p in await publications(harness)}
    assert len(left) == 11 and "Газета 11" not in left
