"""Input an attacker or a careless hand sends: long values, ids out of range, someone else's
objects, double taps, junk in free text. Each gets a clear answer and nothing is lost."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import EditMessageReplyMarkup, SendMessage
from sqlalchemy import select

from bot.i18n import create_core
from bot.keyboards.callbacks import ClubCb, ConsentCb, ContestCb, IdeaCb
from bot.views import MESSAGE_MAX, visible_length
from handlers.staff_clubs.handlers import FieldCb
from storage.models import Announcement, Contest, Idea
from tests.fixtures.harness import Harness, joined
from tests.fixtures.updates import tg_user
from tests.test_clubs import STAFF, join, make_club


async def test_long_values_go_around_fluent():
    core = create_core("ru")
    await core.startup()
    text = "д" * 4000
    assert core.get("staff-message-from", "ru", name="Хор", text=text).endswith(text)


@pytest.mark.users_long_text
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


@pytest.mark.users_long_text
async def test_long_contest_results_are_queued_whole(harness: Harness, admin):
    async with harness.session_factory() as s:
        contest = Contest(
            title="Снежный калейдоскоп",
            deadline=datetime.now(UTC) + timedelta(1),
            criteria="оформление",
        )
        s.add(contest)
        await s.commit()
    await harness.tap(admin, ContestCb(action="admin", id=contest.id))
    await harness.press(admin, "✍️ Итоги своими словами")
    sent = await harness.say(admin, "б" * 4080)
    assert "Слишком длинно: 4\xa0080 знаков" in joined(sent)
    results = ("1 место — двор на ул. Весенней, 5. " * 100)[:3000]
    sent = await harness.say(admin, results)
    assert "Выше — сообщение так, как его увидят" in joined(sent)
    assert all(len(t) <= 4096 for t in joined(sent).split("\n\n"))
    sent = await harness.press(admin, "✅ Отправить")
    assert "отправляются" in joined(sent)
    async with harness.session_factory() as s:
        [text] = (await s.execute(select(Announcement.text))).scalars().all()
    assert results.strip() in text and visible_length(text) <= MESSAGE_MAX


HUGE = "99999999999999999999"  # 20 digits: more than any database column holds


async def test_ids_out_of_range_are_not_found(harness: Harness, admin, resident, caplog):
    caplog.set_level(logging.ERROR)
    await harness.onboard(resident)
    for forged in (
        f"club:card:{HUGE}",
        f"ctr:card:{HUGE}",
        "club:card:-5",
        f"pg:myreports:{HUGE}:0",
        f"idea:support:{HUGE}",
    ):
        assert "устарела" in joined(await harness.tap(resident, forged)), forged
    for forged in (f"ct:results:{HUGE}", f"ct:juror:{HUGE}", f"cpl:{HUGE}:1"):
        assert "устарела" in joined(await harness.tap(admin, forged)), forged
    for command, answer in (
        (f"/whois {HUGE}", "не найден"),
        (f"/grant {HUGE} staff optimist", "не найден"),
        (f"/revoke {HUGE}", "не найден"),
        ("/year ²⁰²⁴", "Как писать: /year"),
        (f"/grant {resident.id} staff {HUGE}", "не найден"),
    ):
        assert answer in joined(await harness.say(admin, command)), command
    await harness.say(admin, f"/audit {HUGE}")  # the default number of entries
    assert "Что-то пошло не так" not in caplog.text and "Unhandled" not in caplog.text


async def test_support_of_another_districts_idea_is_refused(harness: Harness, resident):
    neighbour = tg_user(1010)
    await harness.onboard(resident, "kem-central")
    await harness.onboard(neighbour, "kem-rudnichny")
    async with harness.session_factory() as s:
        far = Idea(
            user_id=neighbour.id,
            kind="problem",
            category="roads",
            district_id=await harness.district_id("kem-rudnichny"),
            text="Яма на дороге",
            lat=55.40,
            lon=86.10,
        )
        near = Idea(
            user_id=neighbour.id,
            kind="problem",
            category="roads",
            district_id=await harness.district_id("kem-central"),
            text="Нет света во дворе",
        )
        s.add_all([far, near])
        await s.commit()
    sent = await harness.tap(resident, IdeaCb(action="support", id=far.id))
    assert "своего района" in joined(sent)
    sent = await harness.tap(resident, IdeaCb(action="support", id=near.id))
    assert "ваш голос учтён" in joined(sent)
    async with harness.session_factory() as s:
        assert (await s.get(Idea, far.id)).supporters == 0  # type: ignore[union-attr]
        assert (await s.get(Idea, near.id)).supporters == 1  # type: ignore[union-attr]


async def test_a_second_consent_tap_is_quiet(harness: Harness, resident, caplog):
    caplog.set_level(logging.INFO)
    await harness.onboard(resident)
    harness.session.fail_next(
        "EditMessageReplyMarkup",
        TelegramBadRequest(
            method=EditMessageReplyMarkup(chat_id=resident.id, message_id=1),
            message="Bad Request: message is not modified: specified new message content and "
            "reply markup are exactly the same",
        ),
    )
    sent = await harness.tap(resident, ConsentCb(agree=True))
    assert "уже сохранено" in joined(sent) and "С возвращением" in joined(sent)
    assert "Unhandled" not in caplog.text and "Traceback" not in caplog.text


async def test_junk_in_names_streets_and_titles_is_refused(harness: Harness, admin, resident):
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.tap(STAFF, FieldCb(target="club", id=0, field="new"))
    for junk in ("-5", "😀🎉🔥", "!!!"):
        assert "Здесь нужны слова" in joined(await harness.say(STAFF, junk)), junk
    await harness.say(STAFF, "Шашки")
    assert "Здесь нужны слова" not in joined(await harness.say(STAFF, "/cancel"))
    await harness.onboard(resident)
    await harness.say(resident, "/register")
    await harness.press(resident, "Старший улицы")
    await harness.press(resident, "Кемерово")
    await harness.press(resident, "Центральный район")
    await harness.press(resident, "Нет в списке")
    assert "Здесь нужны слова" in joined(await harness.say(resident, "😀🎉🔥"))
    sent = await harness.say(resident, "Комитет «Радуга»")
    assert "Здесь нужны слова" not in joined(sent)
    assert "Здесь нужны слова" in joined(await harness.say(resident, "12345"))  # a street


def test_database_errors_carry_no_values():
    """Tracebacks and error texts never show the values of a statement (personal data)."""
    import asyncio
    import tempfile

    from sqlalchemy import text as sql

    from storage.db import create_engine

    async def fail() -> str:
        with tempfile.TemporaryDirectory() as tmp:
            engine = create_engine(f"sqlite+aiosqlite:///{tmp}/x.sqlite3")
            async with engine.begin() as conn:
                await conn.execute(sql("CREATE TABLE t (phone TEXT UNIQUE)"))
                await conn.execute(sql("INSERT INTO t VALUES (:p)"), {"p": "+79130000001"})
                try:
                    await conn.execute(sql("INSERT INTO t VALUES (:p)"), {"p": "+79130000001"})
                except Exception as exc:
                    message = str(exc)
            await engine.dispose()
        return message

    message = asyncio.run(fail())
    assert "UNIQUE" in message and "+79130000001" not in message


async def test_a_forged_page_of_a_staff_or_admin_list_shows_a_resident_nothing(
    harness: Harness, resident
):
    """Every list in pages that is not a resident's: its «▶️» forged by a resident is refused
    with a clear line, and no item of the list is shown."""
    from bot.keyboards.callbacks import PageCb

    await harness.onboard(resident)
    central = await harness.district_id("kem-central")
    refused = {
        "receptions": "Приёмы добавляют сотрудники центра",
        "awards": "Награды вносят администраторы",
        "rental": "Прокатом занимаются сотрудники центра",
        "specialist": "Ближайших приёмов у вас пока нет",  # their own: they have none
    }
    for name, key in (
        ("receptions", 0), ("awards", 2026), ("media", 0), ("district-votes", 0),
        ("gatherings", 0), ("elders", central), ("contests_admin", 0), ("projects", 0),
        ("myclubs", 0), ("rental", 0), ("specialist", 0), ("receptions-of", 99_999),
    ):  # fmt: skip
        sent = joined(await harness.tap(resident, PageCb(list=name, page=1, key=key)))
        assert refused.get(name, "Эта кнопка устарела") in sent, name
        assert "Страница" not in sent, name
