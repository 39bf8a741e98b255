"""A way out of every screen that is not a form: a picker sent under a card has «❌ Отмена» (the
picker goes, the card stays above), a choice shown in place of a list has «⬅️ Назад», a screen of
figures has «❌ Закрыть». Forms get theirs by construction (tests/test_forms.py)."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import DeleteMessage, EditMessageReplyMarkup, SendMessage
from sqlalchemy import func, select

from storage.models import Attendance, Idea, SessionCancellation
from tests.fixtures.harness import Harness, buttons, joined
from tests.test_clubs import club_with_sessions, join
from tests.test_ideas import STAFF, send_idea


def deleted(sent: list) -> list[int]:
    return [r.message_id for r in sent if isinstance(r, DeleteMessage)]


async def count(harness: Harness, model: type) -> int:
    async with harness.session_factory() as s:
        return int(await s.scalar(select(func.count()).select_from(model)) or 0)


async def test_the_pickers_under_a_clubs_card_go_with_their_cancel(
    harness: Harness, admin, resident
):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    club_id = await club_with_sessions(harness)
    await harness.onboard(resident)
    await join(harness, resident, club_id)
    await harness.say(STAFF, "🎨 Кружки центра")  # the staff menu
    card = await harness.press(STAFF, "Хор «Рябинушка»: 1 из 2, очередь 0")
    # Closing the club is said in full: «❌ Закрыть» only takes the card away.
    assert buttons(card)[-3:] == ["✏️ Изменить", "🔒 Закрыть кружок", "❌ Закрыть"]

    sent = await harness.press(STAFF, "🚫 Отменить занятие")
    assert "Какое занятие отменить?" in joined(sent) and "❌ Отмена" in buttons(sent)
    sent = await harness.press(STAFF, "❌ Отмена")
    assert len(deleted(sent)) == 1 and not [r for r in sent if isinstance(r, SendMessage)]
    assert await count(harness, SessionCancellation) == 0  # nothing cancelled, nobody told
    assert not harness.shows(STAFF, "❌ Отмена")
    assert harness.shows(STAFF, "🚫 Отменить занятие")  # the card stays

    sent = await harness.press(STAFF, "✏️ Изменить")
    assert "Что изменить?" in joined(sent) and "❌ Отмена" in buttons(sent)
    assert len(deleted(await harness.press(STAFF, "❌ Отмена"))) == 1

    sent = await harness.press(STAFF, "✅ Посещаемость")
    sessions = [b for b in buttons(sent) if b != "❌ Отмена"]
    sent = await harness.press(STAFF, sessions[0])
    await harness.press(STAFF, "⬜ Петрова Анна")
    sent = await harness.press(STAFF, "✅ Готово")  # each tap was kept at once
    assert len(deleted(sent)) == 1
    assert await count(harness, Attendance) == 1


async def test_a_picker_too_old_to_delete_loses_its_buttons(harness: Harness, admin, resident):
    """Telegram lets a bot delete its message for two days; an older picker keeps its text and
    loses its buttons, and nothing it offered is done."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    await send_idea(harness, resident)
    async with harness.session_factory() as s:
        [idea] = list((await s.execute(select(Idea))).scalars())
    await harness.say(STAFF, "/ideas")
    await harness.press(STAFF, f"Открыть № {idea.id}")
    sent = await harness.press(STAFF, "➡️ В другой район")
    assert "В какой район передать?" in joined(sent) and "Рудничный район" in buttons(sent)
    harness.session.fail_next(
        "DeleteMessage",
        TelegramBadRequest(
            method=DeleteMessage(chat_id=STAFF.id, message_id=1),
            message="Bad Request: message can't be deleted for everyone",
        ),
    )
    sent = await harness.press(STAFF, "❌ Отмена")
    assert [r.reply_markup for r in sent if isinstance(r, EditMessageReplyMarkup)] == [None]
    assert not harness.shows(STAFF, "Рудничный район")
    async with harness.session_factory() as s:
        kept = await s.get(Idea, idea.id)
        assert kept is not None and kept.district_id == await harness.district_id("kem-central")


async def test_figures_and_their_choices_close(harness: Harness, admin):
    screens = (  # command, what the screen shows, its way out
        ("/elders", "Кемерово, Центральный район", "❌ Отмена"),
        ("/stats неделя", "За месяц", "❌ Закрыть"),
        ("/export", "Люди, 2026", "❌ Отмена"),
        ("/lang", "English", "❌ Отмена"),
    )
    for command, shown, way_out in screens:
        assert way_out in buttons(await harness.say(admin, command)), command
        assert len(deleted(await harness.press(admin, way_out))) == 1, command
        assert not harness.shows(admin, shown), command
    assert "Выберите" in joined(await harness.say(admin, "/lang"))  # still Russian


async def test_a_club_filter_goes_back_to_the_list_as_it_was(demo_harness: Harness, resident):
    harness = demo_harness
    await harness.onboard(resident, "kem-central")
    await harness.say(resident, "🎨 Кружки и клубы")
    listed = await harness.press(resident, "👶 Для детей")
    sent = await harness.press(resident, "🏷 Категория")
    assert "Выберите категорию" in joined(sent) and "⬅️ Назад" in buttons(sent)
    sent = await harness.press(resident, "⬅️ Назад")
    assert "для детей" in joined(sent) and buttons(sent) == buttons(listed)
    await harness.press(resident, "🏠 Центр")
    sent = await harness.press(resident, "⬅️ Назад")
    assert buttons(sent) == buttons(listed)


async def test_every_list_ends_with_a_way_out(harness: Harness, admin, resident):
    """A list of buttons (made by the paging kit or by hand) ends with «❌ Закрыть»."""
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident, "kem-central")
    await send_idea(harness, resident)
    lists = (  # who, command, a button the list shows
        (resident, "/myideas", "➕ Добавить к № 1"),  # the paging kit's
        (resident, "/ideas", "🗺 № 1"),  # by hand: the district's ideas (not one's own to support)
        (resident, "/myrecord", "📅 2025 год"),
        (STAFF, "/ideas", "Открыть № 1"),
        (admin, "/contests_admin", "➕ С нуля"),
        (admin, "/invitations", "➕ Новое приглашение"),
        (admin, "/ranking", "👥 Комитеты"),
    )
    for user, command, shown in lists:
        sent = await harness.say(user, command)
        assert shown in buttons(sent) and buttons(sent)[-1] == "❌ Закрыть", (command, sent)
        assert len(deleted(await harness.press(user, "❌ Закрыть"))) == 1, command
        assert not harness.shows(user, shown), command
