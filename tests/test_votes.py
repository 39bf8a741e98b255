"""Votes of a territory: who gets and may cast them, one ballot per person (changeable), paper
ballots apart, results once to every voter; where residents live; the initiative budget's cycle
from an idea to «реализовано»."""

from __future__ import annotations

import asyncio
import io
from collections import Counter
from datetime import UTC, datetime, timedelta

from aiogram.methods import SendDocument, SendMediaGroup, SendMessage, SendPhoto
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from bot.keyboards.callbacks import ProjectCb, VoteCb
from storage.models import (
    Announcement,
    Ballot,
    BallotChoice,
    Idea,
    PaperTally,
    Project,
    ProjectStatus,
    Vote,
)
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import photo_update, tg_user
from tests.test_ideas import _deliver

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
FAR_STAFF = tg_user(2002)  # ЦРН «Боровой», Рудничный район
NEIGHBOUR = tg_user(1002, username="neighbour")
FAR = tg_user(1004)  # lives in Рудничный район
ELDER = tg_user(3001, username="elder")


def to(user, requests) -> list[str]:  # type: ignore[no-untyped-def]
    """What one chat was sent (texts and captions)."""
    return [
        str(getattr(r, "text", None) or getattr(r, "caption", None) or "")
        for r in requests
        if getattr(r, "chat_id", None) == user.id and isinstance(r, SendMessage | SendPhoto)
    ]


async def rows(harness: Harness, model) -> list:  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


async def skip_home(harness: Harness, user) -> list:  # type: ignore[no-untyped-def]
    """/votes asks once where the resident lives: «Не сейчас»."""
    sent = await harness.say(user, "/votes")
    assert "Где вы живёте?" in joined(sent)
    return await harness.press(user, "Не сейчас")


async def staff_starts_vote(
    harness: Harness,
    options: str = "Новые лавочки\nДетская площадка\nОсвещение двора",
    mode: str = "Один",
    scope: str = "🏘 Район",
) -> list:  # type: ignore[no-untyped-def]
    await harness.say(STAFF, "/newvote")
    await harness.press(STAFF, scope)
    return await fill_vote(harness, STAFF, options, mode)


async def fill_vote(harness: Harness, user, options: str, mode: str = "Один") -> list:  # type: ignore[no-untyped-def]
    """The vote form after its territory: the question, the answers, one or several, a week."""
    await harness.say(user, "Что сделать во дворе в первую очередь?")
    await harness.say(user, options)
    await harness.press(user, "✅ Готово")
    await harness.press(user, mode)
    return await harness.press(user, "Неделя")


async def end_vote(harness: Harness, vote_id: int) -> int:
    """The vote's time runs out (its end moved a minute back), then the scheduler's tick."""
    async with harness.session_factory() as s:
        vote = await s.get(Vote, vote_id)
        assert vote is not None
        vote.ends_at = datetime.now(UTC) - timedelta(minutes=1)
        await s.commit()
    queued: int = await harness.dp["vote_notices"].tick(datetime.now(UTC))
    return queued


async def setup_people(harness: Harness, admin, resident) -> None:  # type: ignore[no-untyped-def]
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.say(admin, f"/grant {FAR_STAFF.id} staff borovoy")
    for user in (resident, NEIGHBOUR):
        await harness.onboard(user)
    await harness.onboard(FAR, "kem-rudnichny")


async def test_a_district_vote_reaches_its_residents_only_one_ballot_each_results_once(
    harness: Harness, admin, resident
):
    await setup_people(harness, admin, resident)
    summary = await staff_starts_vote(harness)
    assert "Приглашение получат: 2 чел." in joined(summary)  # the two residents of the district
    assert "Центральный район" in joined(summary)
    send = callback_datas(summary)["✅ Отправить"]
    started = await harness.tap(STAFF, send)
    assert "Голосование началось" in joined(started)
    again = await harness.tap(STAFF, send)  # a double tap starts nothing more
    assert "уже началось" in joined(again)
    [vote] = await rows(harness, Vote)
    assert vote.scope == "district" and len(vote.options) == 3 and not vote.multiple

    before = len(harness.session.requests)
    await _deliver(harness)
    invited = harness.session.requests[before:]
    assert any("Что сделать во дворе" in t for t in to(resident, invited))
    assert not to(FAR, invited)  # another district hears nothing

    # The far resident can neither see nor cast it, even with a forged button.
    assert "Сейчас голосований для вас нет" in joined(await skip_home(harness, FAR))
    refused = await harness.tap(FAR, VoteCb(action="pick", id=vote.id, mask=1))
    assert "другой территории" in joined(refused)

    await skip_home(harness, resident)
    card = await harness.press(resident, "🗳 Что сделать во дворе в первую очередь?")
    assert "Детская площадка" in buttons(card)
    voted = await harness.press(resident, "Детская площадка")
    assert "Голос учтён: Детская площадка" in joined(voted)
    assert "✅ Детская площадка" in buttons(voted)
    twice = await harness.press(resident, "✅ Детская площадка")
    assert "уже выбрали" in joined(twice)
    changed = await harness.press(resident, "Новые лавочки")
    assert "Голос изменён: Новые лавочки" in joined(changed)
    await skip_home(harness, NEIGHBOUR)
    await harness.tap(NEIGHBOUR, VoteCb(action="pick", id=vote.id, mask=1))  # «Новые лавочки»
    assert len(await rows(harness, Ballot)) == 2
    assert len(await rows(harness, BallotChoice)) == 2  # the change replaced the first choice

    assert await end_vote(harness, vote.id) == 1
    assert await harness.dp["vote_notices"].tick(datetime.now(UTC)) == 0  # counted once
    late = await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=2))
    assert "закончилось" in joined(late)
    before = len(harness.session.requests)
    await _deliver(harness)
    sent = harness.session.requests[before:]
    for voter in (resident, NEIGHBOUR):
        results = [t for t in to(voter, sent) if "Итоги" in t]
        assert len(results) == 1
        assert "100 % — Новые лавочки (2)" in results[0] and "▇" in results[0]
    assert not [t for t in to(STAFF, sent) if "Итоги" in t]  # did not vote
    [vote] = await rows(harness, Vote)
    assert vote.closed_at is not None


async def test_several_choices_ticked_then_cast_and_too_many_refused(
    harness: Harness, admin, resident
):
    await setup_people(harness, admin, resident)
    await staff_starts_vote(harness, mode="Несколько")
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    assert vote.multiple
    await skip_home(harness, resident)
    await harness.press(resident, "🗳 Что сделать во дворе в первую очередь?")
    ticked = await harness.press(resident, "⬜ Новые лавочки")
    assert "☑️ Новые лавочки" in buttons(ticked)
    await harness.press(resident, "⬜ Освещение двора")
    cast = await harness.press(resident, "✅ Проголосовать")
    assert "Голос учтён: Новые лавочки, Освещение двора" in joined(cast)
    empty = await harness.tap(resident, VoteCb(action="cast", id=vote.id, mask=0))
    assert "хотя бы один" in joined(empty)
    forged = await harness.tap(resident, VoteCb(action="cast", id=vote.id, mask=1 << 9))
    assert "хотя бы один" in joined(forged)  # no option at that place
    assert len(await rows(harness, BallotChoice)) == 2


async def test_paper_ballots_are_added_and_shown_apart(harness: Harness, admin, resident):
    await setup_people(harness, admin, resident)
    await staff_starts_vote(harness)
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    await skip_home(harness, resident)
    await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=2))  # Детская площадка

    far = await harness.tap(FAR_STAFF, VoteCb(action="paper", id=vote.id))
    assert "не вашей территории" in joined(far)
    await harness.tap(STAFF, VoteCb(action="paper", id=vote.id))
    assert "Напишите цифрами" in joined(await harness.say(STAFF, "двадцать"))
    assert "от 1 до" in joined(await harness.say(STAFF, "0"))
    asked = await harness.say(STAFF, "12")
    assert "2. Детская площадка" in joined(asked)
    assert "Нужно 3 числа —" in joined(await harness.say(STAFF, "3, 8"))  # not «3 чисел»
    too_many = await harness.say(STAFF, "3, 13, 1")
    assert "больше, чем людей (12)" in joined(too_many)
    assert "от 0 до" in joined(await harness.say(STAFF, "3, -8, 1"))
    summary = await harness.say(STAFF, "3\n8\n1")
    assert "Голосовали: 12 чел." in joined(summary) and "Детская площадка — 8" in joined(summary)
    back = await harness.press(STAFF, "⬅️ Назад")
    assert "числа через запятую" in joined(back)
    await harness.say(STAFF, "3, 8, 1")
    added = await harness.press(STAFF, "✅ Отправить")
    assert "внесены" in joined(added)
    assert sum(t.count for t in await rows(harness, PaperTally)) == 12

    card = await harness.tap(STAFF, VoteCb(action="staff", id=vote.id))
    assert "1 в боте, 12 на бумаге" in joined(card)
    assert buttons(card)[-2:] == ["⬅️ К голосованиям", "❌ Закрыть"]
    assert "Детская площадка (1 + 8)" in joined(card)
    await end_vote(harness, vote.id)
    [results] = [a for a in await rows(harness, Announcement) if a.audience == "vote-voters"]
    assert "69 % — Детская площадка (9)" in results.text
    assert "из них на бумаге: 8" in results.text and "12 на бумаге" in results.text


async def test_where_residents_live_decides_house_votes_and_mutes_are_kept(
    harness: Harness, admin, resident
):
    await setup_people(harness, admin, resident)
    sent = await harness.say(resident, "/votes")
    assert "Где вы живёте?" in joined(sent)
    await harness.press(resident, "📍 Указать адрес")
    await harness.say(resident, "улица Весенняя")
    entrance = await harness.say(resident, "17")
    assert "Номер подъезда" in joined(entrance)
    assert "от 1 до 99" in joined(await harness.say(resident, "120"))
    committee = await harness.press(resident, "Пропустить")
    assert "комитет" in joined(committee)
    saved = await harness.press(resident, "Не знаю")
    assert "Сохранено: улица Весенняя, 17" in joined(saved)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.street_key == "street:весенняя" and stored.house == "17"
    again = await harness.say(resident, "/votes")
    assert "Где вы живёте?" not in joined(again)  # asked once

    await harness.say(NEIGHBOUR, "/home")
    await harness.say(NEIGHBOUR, "ул. Весенняя")
    await harness.press(NEIGHBOUR, "Пропустить")  # no house: a street vote reaches, a house one not
    await harness.press(NEIGHBOUR, "Не знаю")

    await harness.say(STAFF, "/newvote")
    await harness.press(STAFF, "🏠 Дом")
    await harness.say(STAFF, "Весенняя ул.")
    await harness.say(STAFF, "д. 17")
    await harness.say(STAFF, "Красим ли подъезд в зелёный?")
    await harness.say(STAFF, "Да")
    await harness.say(STAFF, "Нет")
    await harness.press(STAFF, "✅ Готово")
    await harness.press(STAFF, "Один")
    summary = await harness.press(STAFF, "3 дня")
    assert "Приглашение получат: 1 чел." in joined(summary)
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    refused = await harness.tap(NEIGHBOUR, VoteCb(action="pick", id=vote.id, mask=1))
    assert "другой территории" in joined(refused)

    # A resident who muted votes gets no invitation (and may still vote from /votes).
    settings = await harness.say(resident, "/settings")
    [mute] = [b for b in buttons(settings) if "приглашения на голосования" in b]
    await harness.press(resident, mute)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.muted == "votes"
    await _deliver(harness)
    assert not [t for t in to(resident, harness.session.requests) if "Красим ли подъезд" in t]
    voted = await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=1))
    assert "Голос учтён: Да" in joined(voted)


async def test_an_elder_puts_a_vote_to_their_own_house_only(harness: Harness, admin, resident):
    await setup_people(harness, admin, resident)
    await harness.register_elder(ELDER, street="ул. Весенняя", house="17", confirm_by=STAFF)
    sent = await harness.say(ELDER, "/newvote")
    assert "🏠 Мой дом: ул. Весенняя, 17" in buttons(sent)
    assert "🏘 Район" not in buttons(sent)  # not staff
    await harness.press(ELDER, "🏠 Мой дом: ул. Весенняя, 17")
    await harness.say(ELDER, "Ставим ли шлагбаум?")
    await harness.say(ELDER, "Да\nНет")
    await harness.press(ELDER, "✅ Готово")
    await harness.press(ELDER, "Один")
    await harness.press(ELDER, "Неделя")
    await harness.press(ELDER, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    assert vote.scope == "house" and vote.author_id == ELDER.id
    forged = await harness.tap(ELDER, VoteCb(action="paper", id=vote.id))  # the author may
    assert "Сколько человек" in joined(forged)
    nobody = await harness.say(resident, "/newvote")
    assert "подтверждённые старшие" in joined(nobody)


async def test_bad_answers_in_the_vote_form(harness: Harness, admin, resident):
    await setup_people(harness, admin, resident)
    await harness.say(STAFF, "/newvote")
    assert "(до 300 знаков)" in joined(await harness.press(STAFF, "🏘 Район"))
    assert "Слишком коротко" in joined(await harness.say(STAFF, "Где?"))
    asked = await harness.say(STAFF, "Где поставить новую горку?")
    assert "(от 2 до 10, каждый до 60 знаков)" in joined(asked)
    one = await harness.say(STAFF, "У школы")
    assert "✅ Готово" not in buttons(one)  # one option is not a vote
    repeated = await harness.say(STAFF, "у школы")
    assert "уже есть" in joined(repeated)
    eleven = "\n".join(f"Место {n}" for n in range(10))
    assert "Не больше 10" in joined(await harness.say(STAFF, eleven))
    await harness.say(STAFF, "Во дворе")
    # An answer is a button on the card: no longer than the 60 letters a button shows.
    wide = ("Возле площадки у дома номер семнадцать по улице Весенней " * 2)[:61]
    assert "можно до 60" in joined(await harness.say(STAFF, wide))
    assert "Варианты (3)" in joined(await harness.say(STAFF, wide[:60]))
    await harness.press(STAFF, "✅ Готово")
    await harness.press(STAFF, "Один")
    assert "(не дальше 60 дней)" in joined(await harness.press(STAFF, "📅 Другая дата"))
    past = await harness.say(STAFF, "01.01.2020")
    assert "позже сегодняшней" in joined(past)
    far = await harness.say(STAFF, (datetime.now(UTC) + timedelta(days=90)).strftime("%d.%m.%Y"))
    assert "Не дальше 60 дней" in joined(far)
    day = (datetime.now(UTC) + timedelta(days=10)).strftime("%d.%m")
    summary = await harness.say(STAFF, day)
    assert "Проверьте голосование" in joined(summary)
    back = await harness.press(STAFF, "⬅️ Назад")
    assert "До какого числа" in joined(back)
    await harness.press(STAFF, "❌ Отмена")
    assert await rows(harness, Vote) == []


async def test_two_taps_at_once_leave_one_ballot(pg_or_sqlite_harness: Harness, admin, resident):
    harness = pg_or_sqlite_harness
    await setup_people(harness, admin, resident)
    await staff_starts_vote(harness)
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    from bot.services.votes import cast
    from storage.models import User
    from storage.repositories.votes import VoteRepository

    async def tap(option_bit: int) -> None:
        async with harness.session_factory() as s:
            votes = VoteRepository(s)
            fresh = await votes.get(vote.id)
            user = await s.get(User, resident.id)
            assert fresh is not None and user is not None
            try:
                await cast(
                    votes,
                    fresh,
                    user,
                    [o.id for o in fresh.options if 1 << o.position & option_bit],
                    datetime.now(UTC),
                )
                await s.commit()
            except Exception:  # the same choice again, when the other tap won first
                await s.rollback()

    await asyncio.gather(*(tap(1 << (n % 3)) for n in range(8)))
    assert len(await rows(harness, Ballot)) == 1
    assert len(await rows(harness, BallotChoice)) == 1


async def test_the_initiative_budget_from_idea_to_done(harness: Harness, admin, resident):
    await setup_people(harness, admin, resident)
    for author, text, address in (
        (resident, "Сделать сквер у школы", "ул. Весенняя, 17"),
        (NEIGHBOUR, "Поставить спортплощадку", "пр. Ленина, 90"),
    ):
        await harness.say(author, "/idea")
        await harness.press(author, "💡 Идея")
        await harness.press(author, "Благоустройство")
        await harness.say(author, address)
        await harness.say(author, text)
        await harness.feed(photo_update(author, f"before-{author.id}"))
        await harness.press(author, "✅ Готово")
        await harness.press(author, "✅ Отправить")
    ideas = await rows(harness, Idea)
    assert len(ideas) == 2
    await harness.say(FAR_STAFF, "/start")
    refused = await harness.tap(FAR_STAFF, ProjectCb(action="make", id=ideas[0].id))
    assert "другого района" in joined(refused)
    for idea, cost in zip(ideas, ("250 000", "1 200 000 ₽"), strict=True):
        asked = await harness.tap(STAFF, ProjectCb(action="make", id=idea.id))
        assert "(до 150 знаков)" in joined(asked)
        await harness.press(STAFF, "Как в идее")
        assert "Напишите цифрами" in joined(await harness.say(STAFF, "дорого"))
        assert "(до 2\xa0000 знаков)" in joined(await harness.say(STAFF, cost))
        summary = await harness.press(STAFF, "Как в идее")
        assert "Стоимость" in joined(summary)
        saved = await harness.press(STAFF, "✅ Отправить")
        assert "отобран" in joined(saved)
    projects = await rows(harness, Project)
    assert [p.cost for p in projects] == [250_000, 1_200_000]
    assert projects[0].photo is not None  # the idea's photo: «было»
    twice = await harness.tap(STAFF, ProjectCb(action="make", id=ideas[0].id))
    assert "уже сделан" in joined(twice)

    listed = await harness.say(STAFF, "/projects")
    assert "📝 Сделать сквер у школы — 250 000 ₽" in buttons(listed)
    await harness.press(STAFF, "📝 Сделать сквер у школы — 250 000 ₽")
    winners = await harness.press(STAFF, "🗳 Вынести проекты района на голосование")
    assert "Сколько проектов победит?" in joined(winners)
    await harness.press(STAFF, "1")
    await harness.press(STAFF, "Неделя")
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    assert vote.winners == 1 and {p.status for p in await rows(harness, Project)} == {
        ProjectStatus.VOTING
    }

    await skip_home(harness, resident)
    card = await harness.tap(resident, VoteCb(action="open", id=vote.id))
    photos = await harness.press(resident, "🖼 Фото проектов")
    [album] = [r for r in photos if isinstance(r, SendMediaGroup)]
    captions = [str(m.caption) for m in album.media]
    assert captions[0].startswith("1. Сделать сквер у школы") and "250 000" in captions[0]
    async with harness.session_factory() as s:  # one photo alone: Telegram takes no album of 1
        await s.execute(update(Project).where(Project.title.like("Сделать%")).values(photo=None))
        await s.commit()
    photos = await harness.press(resident, "🖼 Фото проектов")
    [photo] = [r for r in photos if isinstance(r, SendPhoto)]
    assert str(photo.caption).startswith("2. Поставить спортплощадку")
    assert "🖼 Фото проектов" in buttons(card)
    await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=2))  # the sports ground
    await skip_home(harness, FAR)
    await harness.tap(NEIGHBOUR, VoteCb(action="pick", id=vote.id, mask=2))
    await end_vote(harness, vote.id)
    square, ground = await rows(harness, Project)
    assert ground.status is ProjectStatus.WON and square.status is ProjectStatus.LOST
    [results] = [a for a in await rows(harness, Announcement) if a.audience == "vote-voters"]
    assert "🏆 Победили: Поставить спортплощадку" in results.text

    refused = await harness.tap(STAFF, ProjectCb(action="done", id=square.id))
    assert "победителем" in joined(refused)
    await harness.tap(STAFF, ProjectCb(action="progress", id=ground.id))
    await harness.feed(photo_update(STAFF, "after-1", caption="Залили основание"))
    await harness.tap(STAFF, ProjectCb(action="done", id=ground.id))
    done = await harness.say(STAFF, "Площадка открыта!")
    assert "Отправлено всем" in joined(done)
    square, ground = await rows(harness, Project)
    assert ground.status is ProjectStatus.DONE and ground.after_photo == "file-after-1"

    before = len(harness.session.requests)
    await _deliver(harness)
    sent = harness.session.requests[before:]
    told = to(NEIGHBOUR, sent)  # the idea's author, and a voter
    assert any("Залили основание" in t for t in told) and any("Реализовано" in t for t in told)
    assert any("Реализовано" in t for t in to(resident, sent))  # voted for it
    assert not to(FAR, sent)
    photos = await harness.tap(resident, ProjectCb(action="photos", id=ground.id))
    [album] = [r for r in photos if isinstance(r, SendMediaGroup)]
    assert [m.caption for m in album.media] == ["Было", "Стало"]

    stats = joined(await harness.say(admin, "/stats"))
    assert "Голосований проведено: 1" in stats and "Проектов реализовано: 1" in stats
    sent = await harness.say(admin, f"/year {datetime.now(UTC).year}")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    book = load_workbook(io.BytesIO(doc.document.data))  # type: ignore[union-attr]
    year_summary = {row[0]: row[1] for row in book["Итоги"].iter_rows(min_row=2, values_only=True)}
    assert year_summary["Голосований проведено"] == 1
    assert year_summary["Участников голосований (в боте и на бумаге)"] == 2
    assert year_summary["Проектов отобрано из идей"] == 2
    assert year_summary["Проектов-победителей"] == 1 and year_summary["Проектов реализовано"] == 1
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(Ballot)) == 2


async def test_those_who_have_not_voted_are_reminded_once_and_the_author_gets_the_chart(
    harness: Harness, admin, resident
):
    await setup_people(harness, admin, resident)
    await staff_starts_vote(harness)
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    await _deliver(harness)  # the invitation
    await skip_home(harness, resident)
    await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=1))
    async with harness.session_factory() as s:
        row = await s.get(Vote, vote.id)
        assert row is not None
        row.created_at = datetime.now(UTC) - timedelta(days=6)
        row.ends_at = datetime.now(UTC) + timedelta(hours=20)
        await s.commit()
    notices = harness.dp["vote_notices"]
    assert await notices.tick(datetime.now(UTC)) == 1
    assert await notices.tick(datetime.now(UTC)) == 0  # once
    before = len(harness.session.requests)
    await _deliver(harness)
    sent = harness.session.requests[before:]
    assert any("Завтра заканчивается голосование" in t for t in to(NEIGHBOUR, sent))
    assert not to(resident, sent)  # voted already
    assert not to(FAR, sent)

    await end_vote(harness, vote.id)  # without a bot: the results go as text
    [results] = [a for a in await rows(harness, Announcement) if a.audience == "vote-voters"]
    assert results.photo is None

    await staff_starts_vote(harness)
    await harness.press(STAFF, "✅ Отправить")
    second = (await rows(harness, Vote))[-1]
    await harness.tap(resident, VoteCb(action="pick", id=second.id, mask=4))
    async with harness.session_factory() as s:
        row = await s.get(Vote, second.id)
        assert row is not None
        row.ends_at = datetime.now(UTC) - timedelta(minutes=1)
        await s.commit()
    before = len(harness.session.requests)
    await notices.tick(datetime.now(UTC), harness.bot)
    [chart] = [r for r in harness.session.requests[before:] if isinstance(r, SendPhoto)]
    assert chart.chat_id == STAFF.id  # the author first: one upload for all the voters
    results = [a for a in await rows(harness, Announcement) if a.audience == "vote-voters"][-1]
    assert results.photo is not None and "Освещение двора" in results.text


async def test_mydata_shows_where_the_resident_lives_and_deleteme_erases_it_keeping_the_ballot(
    harness: Harness, admin, resident
):
    await setup_people(harness, admin, resident)
    await harness.say(resident, "/home")
    await harness.say(resident, "ул. Весенняя")
    await harness.say(resident, "17")
    await harness.say(resident, "2")
    await harness.press(resident, "Не знаю")
    assert "Где живёте: ул. Весенняя, 17, подъезд 2" in joined(
        await harness.say(resident, "/mydata")
    )
    await staff_starts_vote(harness)
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    await harness.tap(resident, VoteCb(action="pick", id=vote.id, mask=1))
    await harness.say(resident, "/deleteme")
    await harness.press(resident, "🗑 Да, удалить")
    assert await harness.db_user(resident.id) is None
    [ballot] = await rows(harness, Ballot)
    assert ballot.user_id is None  # still counted, no longer theirs
    await end_vote(harness, vote.id)
    [results] = [a for a in await rows(harness, Announcement) if a.audience == "vote-voters"]
    assert "Проголосовали: 1 в боте" in results.text


async def test_a_command_in_the_middle_of_the_vote_form_keeps_the_draft(
    harness: Harness, admin, resident
):
    await harness.onboard(STAFF)  # staff live somewhere too
    await setup_people(harness, admin, resident)
    await harness.say(STAFF, "/newvote")
    await harness.press(STAFF, "🏘 Район")
    await harness.say(STAFF, "Где поставить новую горку?")
    asked = await harness.say(STAFF, "/home")
    assert "Продолжить черновик или начать заново?" in joined(asked)
    resumed = await harness.press(STAFF, "▶️ Продолжить черновик")
    assert "Варианты ответа" in joined(resumed)
    asked = await harness.say(STAFF, "/votes")
    assert "Продолжить черновик или начать заново?" in joined(asked)


async def open_vote(harness: Harness, question: str, hours: int, **territory: object) -> int:
    """An open vote with two answers, ending in `hours`, on `territory` (the columns of Vote)."""
    from storage.models import VoteOption

    async with harness.session_factory() as s:
        vote = Vote(
            question=question,
            ends_at=datetime.now(UTC) + timedelta(hours=hours),
            options=[VoteOption(position=1, text="Да"), VoteOption(position=2, text="Нет")],
            **territory,
        )
        s.add(vote)
        await s.commit()
        return vote.id


async def test_the_list_holds_exactly_the_votes_one_may_vote_in(pg_or_sqlite_harness: Harness):
    """The resident's list asks the database which votes reach their home (`reaching`); a vote's
    card asks who lives in its territory (`lives_in`). For every kind of territory and every kind
    of home, the two agree."""
    from storage.models import Committee, User
    from storage.repositories.votes import VoteRepository

    harness = pg_or_sqlite_harness
    central = harness.directory.district(await harness.district_id("kem-central"))
    rudnichny = await harness.district_id("kem-rudnichny")
    assert central is not None
    async with harness.session_factory() as s:
        committee = await s.scalar(select(Committee.id).order_by(Committee.id).limit(1))
    street = {"district_id": central.id, "street_key": "street:весенняя"}
    votes = {
        "city": await open_vote(harness, "Город", 5, scope="city"),
        "municipality": await open_vote(
            harness, "Округ", 5, scope="municipality", municipality_id=central.municipality_id
        ),
        "committee": await open_vote(
            harness, "Комитет", 5, scope="committee", committee_id=committee
        ),
        "district": await open_vote(
            harness,
            "Район",
            5,
            scope="district",
            district_id=central.id,
            municipality_id=central.municipality_id,
        ),
        "street": await open_vote(harness, "Улица", 5, scope="street", **street),
        "house": await open_vote(harness, "Дом", 5, scope="house", house_key="17", **street),
        "ended": await open_vote(harness, "Кончилось", -1, scope="city"),
    }
    homes = {
        "house": {"district_id": central.id, "street_key": "street:весенняя", "house_key": "17"},
        "street": {"district_id": central.id, "street_key": "street:весенняя", "house_key": "3"},
        "no house": {"district_id": central.id, "street_key": "street:весенняя"},
        "district": {"district_id": central.id, "street_key": "street:мира", "house_key": "17"},
        "committee": {"district_id": rudnichny, "committee_id": committee},
        "other district": {"district_id": rudnichny},
        "nowhere": {},
    }
    seen: dict[str, set[int]] = {}
    async with harness.session_factory() as s:
        for n, home in enumerate(homes.values()):
            s.add(User(id=9100 + n, consent_at=datetime.now(UTC), **home))
        await s.commit()
        repo = VoteRepository(s)
        rows_of = {kind: await s.get(Vote, vote_id) for kind, vote_id in votes.items()}
        for n, name in enumerate(homes):
            user = await s.get(User, 9100 + n)
            assert user is not None
            listed = {v.id for v in await repo.open_for(datetime.now(UTC), user, 0, 100)}
            may_vote = {
                vote.id
                for kind, vote in rows_of.items()
                if vote and kind != "ended" and (await repo.standing(vote, user.id))[0]
            }
            assert listed == may_vote, name
            assert await repo.count_open_for(datetime.now(UTC), user) == len(listed)
            seen[name] = listed
    kinds = {vote_id: kind for kind, vote_id in votes.items()}
    assert {kinds[v] for v in seen["house"]} == {
        "city", "municipality", "district", "street", "house"
    }  # fmt: skip
    assert {kinds[v] for v in seen["no house"]} == {"city", "municipality", "district", "street"}
    assert {kinds[v] for v in seen["committee"]} == {"city", "municipality", "committee"}
    assert seen["nowhere"] == set()


async def test_a_residents_own_vote_is_reached_among_many_of_the_city(
    pg_or_sqlite_harness: Harness, admin, resident
):
    """Sixty open votes of another district end sooner than the resident's eight: the list came
    from the city's fifty soonest, so theirs were not in it. Now the list is theirs alone, five
    a page, and a vote on the second page takes the ballot."""
    harness = pg_or_sqlite_harness
    await setup_people(harness, admin, resident)
    central = harness.directory.district(await harness.district_id("kem-central"))
    rudnichny = harness.directory.district(await harness.district_id("kem-rudnichny"))
    assert central is not None and rudnichny is not None
    for n in range(60):
        await open_vote(
            harness, f"Чужой вопрос {n}", 1, scope="district", district_id=rudnichny.id,
            municipality_id=rudnichny.municipality_id,
        )  # fmt: skip
    for n in range(8):
        await open_vote(
            harness, f"Вопрос района {n}", 10 + n, scope="district", district_id=central.id,
            municipality_id=central.municipality_id,
        )  # fmt: skip
    first = await skip_home(harness, resident)
    assert "Страница 1 из 2" in joined(first) and "Чужой" not in joined(first)
    assert [b for b in buttons(first) if b.startswith("🗳")] == [
        f"🗳 Вопрос района {n}" for n in range(5)
    ]
    second = await harness.press(resident, "▶️")
    assert [b for b in buttons(second) if b.startswith("🗳")] == [
        f"🗳 Вопрос района {n}" for n in range(5, 8)
    ]
    card = await harness.press(resident, "🗳 Вопрос района 7")
    assert not [r for r in card if isinstance(r, SendMessage)]  # in place of the list
    voted = await harness.press(resident, "Да")
    assert "Голос учтён: Да" in joined(voted)
    [ballot] = await rows(harness, Ballot)
    assert ballot.user_id == resident.id
    # The card took the list's place; «К голосованиям» brings the list back on the same screen.
    back = await harness.press(resident, "⬅️ К голосованиям")
    assert not [r for r in back if isinstance(r, SendMessage)]
    assert "🗳 Вопрос района 0" in buttons(back) and "Страница 1 из 2" in joined(back)


async def test_staff_page_through_their_districts_votes_and_projects(
    harness: Harness, admin, resident
):
    """Twelve votes and twelve projects of the district: ten a page, the rest one «▶️» away
    (the lists stopped at twenty votes and thirty projects); another district's are not there."""
    await setup_people(harness, admin, resident)
    central = harness.directory.district(await harness.district_id("kem-central"))
    rudnichny = await harness.district_id("kem-rudnichny")
    assert central is not None
    for n in range(12):
        await open_vote(
            harness, f"Вопрос {n:02}", 100 - n, scope="district", district_id=central.id
        )
    await open_vote(harness, "Чужой вопрос", 5, scope="district", district_id=rudnichny)
    async with harness.session_factory() as s:
        s.add_all(
            Project(district_id=central.id, title=f"Проект {n:02}", cost=1000 * (n + 1))
            for n in range(12)
        )
        s.add(Project(district_id=rudnichny, title="Чужой проект", cost=500))
        await s.commit()

    await harness.onboard(STAFF)
    await skip_home(harness, STAFF)
    listed = await harness.press(STAFF, "📋 Голосования района")
    assert [b for b in buttons(listed) if b.startswith("🗳")] == [
        f"🗳 Вопрос {n:02}" for n in range(10)
    ]  # the latest to end first
    assert "Страница 1 из 2" in joined(listed)
    rest = await harness.press(STAFF, "▶️")
    assert [b for b in buttons(rest) if b.startswith("🗳")] == ["🗳 Вопрос 10", "🗳 Вопрос 11"]
    card = await harness.press(STAFF, "🗳 Вопрос 11")
    assert "Вопрос 11" in joined(card)
    # The list, the card and back: one screen changing in place.
    assert not [r for r in listed + rest + card if isinstance(r, SendMessage)]
    back = await harness.press(STAFF, "⬅️ К голосованиям")
    assert not [r for r in back if isinstance(r, SendMessage)] and "🗳 Вопрос 00" in buttons(back)

    projects = await harness.say(STAFF, "/projects")
    titles = [b for b in buttons(projects) if "Проект" in b]
    assert len(titles) == 10 and "Страница 1 из 2" in joined(projects)
    rest = await harness.press(STAFF, "▶️")
    more = [b for b in buttons(rest) if "Проект" in b]
    assert len(more) == 2 and not set(more) & set(titles)
    assert "Чужой" not in " ".join(titles + more)
    far = await harness.say(FAR_STAFF, "/projects")
    assert [b for b in buttons(far) if "роект" in b] == ["📝 Чужой проект — 500 ₽"]


async def test_the_longest_vote_is_checked_in_short_screens(harness: Harness, admin, resident):
    """A question of 300 letters and ten answers of 60: «Варианты (10)» shows each answer's
    beginning, and «Проверьте голосование» (which went past 1 000 characters) comes above the
    window as short messages holding every answer whole; the vote stores them whole."""
    await setup_people(harness, admin, resident)
    question = ("Что сделать во дворе дома в первую очередь этим летом и осенью? " * 5)[:300]
    answers = [f"{n}) " + ("Новые лавочки и урны у подъездов, клумбы и освещение " * 2)[:56]
               for n in range(10)]  # fmt: skip
    await harness.say(STAFF, "/newvote")
    await harness.press(STAFF, "🏘 Район")
    await harness.say(STAFF, question)
    listed = joined(await harness.say(STAFF, "\n".join(answers)))
    assert "Варианты (10)" in listed and answers[9][:44] + "…" in listed
    await harness.press(STAFF, "✅ Готово")
    await harness.press(STAFF, "Один")
    sent = await harness.press(STAFF, "Неделя")
    text = joined(sent)
    assert all(a in text for a in answers) and question.strip()[:250] in text
    assert "Выше — голосование так, как его увидят" in text
    await harness.press(STAFF, "✅ Отправить")
    [vote] = await rows(harness, Vote)
    assert [o.text for o in vote.options] == answers


async def test_a_committee_vote_by_staff_and_a_municipality_vote_by_an_admin(
    harness: Harness, admin, resident
):
    """Staff choose a committee of their own district by a button; an admin a municipality.
    The invitation reaches exactly those who live there."""
    from storage.models import Committee, User

    await setup_people(harness, admin, resident)
    async with harness.session_factory() as s:
        yunost = await s.scalar(select(Committee).where(Committee.code == "okt-yunost"))
        assert yunost is not None
        user = await s.get(User, resident.id)
        assert user is not None
        user.committee_id = yunost.id  # as /home records it
        await s.commit()
    options = "Лавочки\nОсвещение"

    await harness.say(STAFF, "/newvote")
    sent = await harness.press(STAFF, "👥 Комитет ТОС")
    assert {"№ 5 «Юность»", "№ 7 «Встреча»", "№ 8 «Оптимист»"} <= set(buttons(sent))
    assert "«Осенний»" not in buttons(sent)  # a committee of another district
    await harness.press(STAFF, "№ 5 «Юность»")
    summary = await fill_vote(harness, STAFF, options)
    assert "«Юность»" in joined(summary) and "Приглашение получат: 1 чел." in joined(summary)
    assert "Голосование началось" in joined(await harness.press(STAFF, "✅ Отправить"))

    await harness.say(admin, "/newvote")
    sent = await harness.press(admin, "🏛 Муниципалитет")
    assert {"Кемерово", "Юрга"} <= set(buttons(sent))
    await harness.press(admin, "Кемерово")
    summary = await fill_vote(harness, admin, options)
    assert "Приглашение получат: 3 чел." in joined(summary)  # both districts' residents
    assert "Голосование началось" in joined(await harness.press(admin, "✅ Отправить"))

    committee_vote, city_vote = await rows(harness, Vote)
    assert (committee_vote.scope, committee_vote.committee_id) == ("committee", yunost.id)
    kemerovo = harness.directory.district(await harness.district_id("kem-central"))
    assert (city_vote.scope, city_vote.municipality_id) == (
        "municipality",
        kemerovo.municipality_id,
    )
    before = len(harness.session.requests)
    await _deliver(harness)
    invited = Counter(
        r.chat_id
        for r in harness.session.requests[before:]
        if isinstance(r, SendMessage) and "Голосование" in r.text
    )
    # The committee's vote to its one resident; the municipality's to all three.
    assert invited == {resident.id: 2, NEIGHBOUR.id: 1, FAR.id: 1}
