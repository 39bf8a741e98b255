"""Words or a photo sent outside any form are carried into the form the user chooses."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Idea
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import photo_update, tg_user

STAFF = tg_user(2001, username="olga_staff")
ELDER = tg_user(3001, username="elder")


async def test_words_sent_at_the_menu_become_an_idea_without_typing_them_again(
    harness: Harness, resident
):
    await harness.onboard(resident)
    sent = await harness.say(resident, "Во дворе на Весенней, 17 не горит фонарь уже неделю")
    assert "Что это?" in joined(sent)
    assert {"💡 Это идея или проблема", "🎨 Найти кружок", "❌ Отмена"} <= set(buttons(sent))
    await harness.press(resident, "💡 Это идея или проблема")
    await harness.press(resident, "⚠️ Проблема")
    await harness.press(resident, "Освещение")
    photos = await harness.say(resident, "ул. Весенняя, 17")
    assert "фото" in joined(photos).lower()  # the text step is passed over: it came along
    summary = await harness.press(resident, "Без фото")
    assert "не горит фонарь уже неделю" in joined(summary)
    await harness.press(resident, "✅ Отправить")
    async with harness.session_factory() as s:
        [idea] = (await s.execute(select(Idea))).scalars().all()
    assert idea.text == "Во дворе на Весенней, 17 не горит фонарь уже неделю"
    assert idea.kind == "problem" and idea.address == "ул. Весенняя, 17"


async def test_a_photo_with_a_caption_becomes_an_elders_report(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.register_elder(ELDER, confirm_by=STAFF)
    sent = await harness.feed(photo_update(ELDER, "yard", caption="Убрали двор всем подъездом"))
    assert "🧹 Это отчёт о субботнике" in buttons(sent)
    await harness.press(ELDER, "🧹 Это отчёт о субботнике")
    await harness.press(ELDER, "Субботник")
    await harness.press(ELDER, "Пропустить")  # no named action
    await harness.press(ELDER, "Сегодня")
    await harness.press(ELDER, "📍 ул. Весенняя, д. 17")
    await harness.say(ELDER, "12")
    photos = await harness.say(ELDER, "5 мешков")
    assert "Фото: 1 из 10" in joined(photos)  # the description step is passed over: it came along
    summary = await harness.press(ELDER, "✅ Готово")
    assert "Убрали двор всем подъездом" in joined(summary)


async def test_a_club_search_and_cancel_from_the_choice(harness: Harness, resident):
    await harness.onboard(resident)
    await harness.say(resident, "хочу на танцы")
    clubs = await harness.press(resident, "🎨 Найти кружок")
    assert "кружк" in joined(clubs).lower()
    await harness.say(resident, "что-то ещё")
    cancelled = await harness.press(resident, "❌ Отмена")
    assert "Вы в главном меню" in joined(cancelled)


async def test_someone_without_a_district_gets_the_old_hint(harness: Harness, resident):
    assert "Я понимаю кнопки меню" in joined(await harness.say(resident, "привет"))
