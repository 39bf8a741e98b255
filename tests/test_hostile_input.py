"""Input an attacker or a careless hand sends: long values, ids out of range, someone else's
objects, double taps, junk in free text. Each gets a clear answer and nothing is lost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiogram.methods import SendMessage
from sqlalchemy import select

from bot.i18n import create_core
from bot.keyboards.callbacks import ClubCb
from bot.views import MESSAGE_MAX, visible_length
from storage.models import Announcement, Contest
from tests.fixtures.harness import Harness, joined
from tests.test_clubs import STAFF, join, make_club


async def test_long_values_go_around_fluent():
    core = create_core("ru")
    await core.startup()
    text = "д" * 4000
    assert core.get("staff-message-from", "ru", name="Хор", text=text).endswith(text)


async def test_a_4000_character_message_to_all_members_is_delivered(
    harness: Harness, admin, resident
):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    club_id = await make_club(harness)
    await harness.onboard(resident)
    await join(harness, resident, club_id)
    long_text = ("Репетиция <в субботу> & в воскресенье. " * 200)[:4000]
    await harness.tap(STAFF, ClubCb(action="msg", id=club_id))
    sent = await harness.say(STAFF, long_text)
    assert "Отправлено: 1 из 1" in joined(sent)
    [delivered] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert visible_length(delivered.text) <= MESSAGE_MAX
    assert "Репетиция &lt;в субботу&gt; &amp; в воскресенье." in delivered.text
    # More than one message holds: told how much fits, and the form waits for a shorter text.
    await harness.tap(STAFF, ClubCb(action="msg", id=club_id))
    sent = await harness.say(STAFF, "а" * 4095)
    assert "Слишком длинно: 4\xa0095 знаков, можно до 4\xa0074" in joined(sent)
    sent = await harness.say(STAFF, "Короче")
    assert "Отправлено: 1 из 1" in joined(sent)


async def test_long_contest_results_are_queued_whole(harness: Harness, admin):
    async with harness.session_factory() as s:
        contest = Contest(title="Снежный калейдоскоп", deadline=datetime.now(UTC) + timedelta(1))
        s.add(contest)
        await s.commit()
    sent = await harness.say(admin, f"/contest_results {contest.id} {'б' * 4080}")
    assert "Слишком длинно: 4\xa0080 знаков" in joined(sent)
    results = ("1 место — двор на ул. Весенней, 5. " * 100)[:3000]
    sent = await harness.say(admin, f"/contest_results {contest.id} {results}")
    assert "отправляются" in joined(sent)
    async with harness.session_factory() as s:
        [text] = (await s.execute(select(Announcement.text))).scalars().all()
    assert results.strip() in text and visible_length(text) <= MESSAGE_MAX
