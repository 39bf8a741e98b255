"""Recognition: /myrecord and the rankings against a fixture counted by hand; an award given from
the ranking and its thanks letter as a PDF read back; a person who deleted their data is no longer
named."""

from __future__ import annotations

import asyncio
import csv
import io
import zipfile
from datetime import UTC, date, datetime, timedelta

from aiogram.methods import SendDocument
from pypdf import PdfReader
from sqlalchemy import select

from bot.keyboards.callbacks import DeleteMeCb, YearCb
from handlers.recognition import AwardCb, RankCb
from storage.models import (
    Application,
    ApplicationStatus,
    Attendance,
    Award,
    Club,
    Committee,
    Contest,
    ElderRegistration,
    Nomination,
    RegistrationStatus,
    Report,
    ReportStatus,
    Role,
    Signup,
    SignupStatus,
    User,
)
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import tg_user

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
ANNA, BORIS, VERA, DMITRY = (tg_user(n) for n in (3001, 3002, 3003, 3004))
YEAR = datetime.now(UTC).year


async def seed(harness: Harness) -> None:
    """Central: Анна 3 reports / 60 people / 2 sessions, Борис 3 / 15, Вера 1 / 60 with a
    1st place; Рудничный: Дмитрий 5 / 25. Not counted: a returned report, last year's."""
    central = await harness.district_id("kem-central")
    rudnichny = await harness.district_id("kem-rudnichny")
    city = harness.directory.district(central).municipality_id
    now = datetime.now(UTC)
    day = date(YEAR, 1, 10)
    async with harness.session_factory() as s:
        committees = [
            Committee(code=f"c{n}", municipality_id=city, district_id=central, name=name)
            for n, name in enumerate(("Комитет «Рудник»", "Комитет «Исток»"))
        ]
        s.add_all(committees)
        people = {
            ANNA.id: ("Иванова Анна", central, committees[0]),
            BORIS.id: ("Борисов Борис", central, committees[1]),
            VERA.id: ("Веселова Вера", central, committees[0]),
            DMITRY.id: ("Дмитриев Дмитрий", rudnichny, None),
        }
        for user_id, (name, district, _) in people.items():
            s.add(User(id=user_id, role=Role.ELDER, full_name=name, district_id=district,
                       municipality_id=city, consent_at=now))  # fmt: skip
        await s.flush()
        registrations = {}
        for user_id, (_, district, committee) in people.items():
            registration = ElderRegistration(
                user_id=user_id, tos_role="house_elder", district_id=district,
                committee_id=committee.id if committee else None,
                committee_other=None if committee else "Уличный комитет «Южный»",
                status=RegistrationStatus.CONFIRMED,
            )  # fmt: skip
            s.add(registration)
            registrations[user_id] = registration
        await s.flush()

        def report(user_id: int, participants: int, **extra: object) -> Report:
            return Report(
                author_id=user_id, registration_id=registrations[user_id].id,
                district_id=people[user_id][1], kind="subbotnik", participants=participants,
                held_on=extra.pop("held_on", day), description="…",
                status=extra.pop("status", ReportStatus.ACCEPTED),
            )  # fmt: skip

        s.add_all(
            [
                *(report(ANNA.id, p) for p in (10, 20, 30)),
                report(ANNA.id, 99, status=ReportStatus.RETURNED),
                report(ANNA.id, 99, held_on=date(YEAR - 1, 6, 1)),
                *(report(BORIS.id, 5) for _ in range(3)),
                report(VERA.id, 60),
                *(report(DMITRY.id, 5) for _ in range(5)),
            ]
        )
        contest = Contest(title="Снежный калейдоскоп", deadline=now + timedelta(days=30),
                          criteria="оформление",
                          nominations=[Nomination(position=0, name="Сказки зимнего двора")])  # fmt: skip
        s.add(contest)
        await s.flush()
        s.add(Application(contest_id=contest.id, nomination_id=contest.nominations[0].id,
                          user_id=VERA.id, district_id=central, address_text="ул. Весенняя, 17",
                          address_key="k", address_parts={}, description="…",
                          status=ApplicationStatus.SUBMITTED, place=1))  # fmt: skip
        club = Club(center_id=harness.directory.center_by_code("optimist").id, name="Хор",
                    category="leisure", age_group="all", capacity=10)  # fmt: skip
        s.add(club)
        await s.flush()
        signup = Signup(club_id=club.id, user_id=ANNA.id, who="", status=SignupStatus.ENROLLED)
        s.add(signup)
        await s.flush()
        for n in range(3):
            s.add(Attendance(club_id=club.id, signup_id=signup.id, present=n < 2,
                             starts_at=datetime(YEAR, 1, 5 + n, 10, tzinfo=UTC)))  # fmt: skip
        await s.commit()
    await harness.reload_directory()  # the new committees, as /registry would publish them


async def test_record_and_rankings_match_the_hand_count(pg_or_sqlite_harness: Harness, admin):
    harness = pg_or_sqlite_harness
    await seed(harness)
    record = joined(await harness.say(ANNA, "/myrecord"))
    assert f"Ваш вклад за {YEAR} год" in record
    assert "Принятых отчётов: 3, собрали жителей: 60" in record  # not the returned, not last year
    assert "Посещений занятий: 2" in record  # the session she missed is not counted
    assert "🏆 1 место — «Снежный калейдоскоп»" in joined(await harness.say(VERA, "/myrecord"))
    last = await harness.tap(ANNA, next_year_button := _record_cb(YEAR - 1))
    assert "Принятых отчётов: 1, собрали жителей: 99" in joined(last) and next_year_button

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    sent = await harness.say(STAFF, "/ranking")
    text = joined(sent)
    assert f"Активисты: Центральный район, {YEAR} год" in text
    assert "1. Иванова Анна — отчётов 3, жителей 60, мест 0, посещений 2" in text
    assert "2. Борисов Борис — отчётов 3, жителей 15, мест 0, посещений 0" in text
    assert "3. Веселова Вера — отчётов 1, жителей 60, мест 1, посещений 0" in text
    assert "Дмитриев" not in text  # another district
    assert not [b for b in buttons(sent) if b.startswith("🎖")]  # staff do not award
    forged = await harness.tap(STAFF, AwardCb(action="give", year=YEAR, user=ANNA.id, kind="badge"))
    assert "вносят администраторы" in joined(forged)
    committees = joined(await harness.press(STAFF, "👥 Комитеты"))
    assert "1. Комитет «Рудник» — отчётов 4, жителей 120, активистов 2" in committees
    assert "2. Комитет «Исток» — отчётов 3, жителей 15, активистов 1" in committees
    far = await harness.district_id("kem-rudnichny")
    refused = await harness.tap(STAFF, RankCb(view="people", year=YEAR, district=far))
    assert "только своего района" in joined(refused)

    city = joined(await harness.say(admin, "/ranking"))
    assert "1. Дмитриев Дмитрий — отчётов 5" in city and "2. Иванова Анна" in city
    assert "Уличный комитет «Южный»" in joined(await harness.press(admin, "👥 Комитеты"))


def _record_cb(year: int):  # type: ignore[no-untyped-def]
    from handlers.recognition import RecordCb

    return RecordCb(year=year)


async def test_an_award_from_the_ranking_to_the_letter_and_gone_with_the_person(
    harness: Harness, admin
):
    await seed(harness)
    await harness.say(admin, "/ranking")
    card = await harness.press(admin, "🎖 Иванова Анна")
    assert "отчётов 3, жителей 60" in joined(card) and "❌ Отмена" in buttons(card)
    await harness.press(admin, "📜 Благодарственное письмо")
    assert "Слишком коротко" in joined(await harness.say(admin, "ок"))  # asked again
    reason = "за 3 субботника и 60 соседей, собранных на уборку двора"
    assert "Внесено: 📜 Благодарственное письмо — Иванова Анна" in joined(
        await harness.say(admin, reason)
    )
    await harness.tap(admin, AwardCb(action="give", year=YEAR, user=ANNA.id, kind="letter"))
    assert "уже представлен" in joined(await harness.say(admin, "за всё хорошее сразу"))
    assert "Вам — благодарственное письмо: " + reason in joined(
        await harness.say(ANNA, "/myrecord")
    )

    listed = await harness.say(admin, "/awards")
    assert "📜 Письма: Иванова Анна" in joined(listed)
    sent = await harness.press(admin, "📄 Иванова Анна")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    pdf = PdfReader(io.BytesIO(doc.document.data))  # type: ignore[union-attr]
    text = " ".join(pdf.pages[0].extract_text().split())
    assert len(pdf.pages) == 1
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО" in text and "Иванова Анна" in text
    assert "за 3 субботника и 60 соседей" in text and "Кемерово" in text
    sent = await harness.press(admin, "🗂 Все письма одним архивом")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    with zipfile.ZipFile(io.BytesIO(doc.document.data)) as archive:  # type: ignore[union-attr]
        assert len(archive.namelist()) == 1
    sent = await harness.press(admin, "⬇️ Список для Excel")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    rows = list(csv.reader(io.StringIO(doc.document.data.decode("utf-8-sig")), delimiter=";"))  # type: ignore[union-attr]
    assert rows[1][:3] == ["Иванова Анна", "📜 Благодарственное письмо", reason]

    assert "наград 1" in joined(await harness.say(ANNA, "/mydata"))  # she sees what is kept
    # Her data deleted: no longer in the ranking, the awards or their letters.
    await harness.say(ANNA, "/deleteme")
    await harness.tap(ANNA, DeleteMeCb(confirm=True))
    assert "Иванова" not in joined(await harness.say(admin, "/ranking"))
    assert "Иванова" not in joined(await harness.say(admin, "/awards"))
    async with harness.session_factory() as s:
        assert (await s.execute(select(Award))).first() is None


async def test_an_invitation_to_the_sljot_round_trip(pg_or_sqlite_harness: Harness, admin):
    harness = pg_or_sqlite_harness
    from bot.gathering_notices import GatheringNotices
    from handlers.invitations import InviteCb
    from storage.models import Announcement, CityInvitation, InvitationReply
    from tests.test_ideas import _deliver
    from tests.test_receptions import day_button

    await seed(harness)
    async with harness.session_factory() as s:  # Анна and Дмитрий are the year's awarded
        s.add_all(
            [
                Award(user_id=ANNA.id, kind="letter", year=YEAR, reason="за двор"),
                Award(user_id=DMITRY.id, kind="badge", year=YEAR, reason="за улицу"),
            ]
        )
        await s.commit()
    assert "пока приглашений не было" in joined(await harness.say(admin, "/invitations")).lower()
    await harness.press(admin, "➕ Новое приглашение")
    assert "букв" in joined(await harness.say(admin, "12345"))  # a title needs words
    await harness.press(admin, "Слёт общественности")
    await harness.press(admin, day_button(harness, 10))
    assert "уже прошло" not in joined(await harness.say(admin, "11:00"))
    assert "Слишком коротко" in joined(await harness.say(admin, "ДК"))
    await harness.say(admin, "ДК «Шахтёр», ул. Шестакова, 4")
    await harness.press(admin, f"🏅 Награждённые {YEAR} года")
    sent = await harness.press(admin, "Кемерово, Центральный район")
    text = joined(sent)
    assert "Приглашаем: Слёт общественности" in text and "ДК «Шахтёр»" in text
    assert "Приглашение получат: 1 чел." in text  # Анна: Дмитрий lives in another district
    await harness.press(admin, "⬅️ Назад")
    sent = await harness.press(admin, "🌆 Весь город")
    assert "Приглашение получат: 2 чел." in joined(sent)
    send = next(b for b in buttons(sent) if "Отправить" in b)
    assert "Ответы — /invitations" in joined(await harness.press(admin, send))
    [invitation] = await _rows(harness, CityInvitation)

    before = len(harness.session.requests)
    await _deliver(harness)
    told = [
        r for r in harness.session.requests[before:] if "Приглашаем" in str(getattr(r, "text", ""))
    ]
    assert {r.chat_id for r in told} == {ANNA.id, DMITRY.id}  # type: ignore[attr-defined]
    assert "✅ Приду" in buttons(told) and "Не смогу" in buttons(told)

    yes, no = (InviteCb(action=a, id=invitation.id) for a in ("yes", "no"))
    assert "Ждём вас" in joined(await harness.tap(ANNA, yes))
    assert "Жаль" in joined(await harness.tap(DMITRY, no))
    await harness.tap(DMITRY, yes)  # changed his mind
    await harness.tap(DMITRY, yes)  # a double tap
    assert "другого списка" in joined(await harness.tap(BORIS, yes))  # forwarded to him
    replies = await _rows(harness, InvitationReply)
    assert sorted((r.user_id, r.coming) for r in replies) == [(ANNA.id, True), (DMITRY.id, True)]
    await harness.tap(ANNA, no)
    listed = joined(await harness.say(admin, "/invitations"))
    assert "придут 1, не смогут 1" in listed
    sent = await harness.press(admin, "⬇️ Кто придёт: Слёт общественности")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    rows = list(csv.reader(io.StringIO(doc.document.data.decode("utf-8-sig")), delimiter=";"))  # type: ignore[union-attr]
    assert rows[1:] == [["Дмитриев Дмитрий", "придёт"], ["Иванова Анна", "не сможет"]]

    notices: GatheringNotices = harness.dp["gathering_notices"]
    assert await notices.tick(invitation.starts_at - timedelta(days=2)) == 0
    assert await notices.tick(invitation.starts_at - timedelta(hours=20)) == 1
    assert await notices.tick(invitation.starts_at - timedelta(hours=19)) == 0  # once
    async with harness.session_factory() as s:  # the fake clock's reminder: due now
        for row in (await s.execute(select(Announcement))).scalars():
            row.send_at = min(row.send_at, datetime.now(UTC))
        await s.commit()
    before = len(harness.session.requests)
    await _deliver(harness)
    reminded = [
        r for r in harness.session.requests[before:] if "Завтра" in str(getattr(r, "text", ""))
    ]
    assert [r.chat_id for r in reminded] == [DMITRY.id]  # type: ignore[attr-defined]  # only those coming
    async with harness.session_factory() as s:
        held = await s.get(CityInvitation, invitation.id)
        assert held is not None
        held.starts_at = datetime.now(UTC) - timedelta(minutes=1)
        await s.commit()
    assert "закончилось" in joined(await harness.tap(ANNA, yes))
    assert "отправляют администраторы" in joined(await harness.say(BORIS, "/invite"))


async def _rows(harness: Harness, model):  # type: ignore[no-untyped-def]
    async with harness.session_factory() as s:
        return list((await s.execute(select(model).order_by(model.id))).scalars())


def jpeg(color: tuple[int, int, int]) -> bytes:
    from PIL import Image as PilImage

    buffer = io.BytesIO()
    PilImage.new("RGB", (640, 480), color).save(buffer, format="JPEG")
    return buffer.getvalue()


async def test_the_booklet_has_a_page_per_district_with_the_best_reports_photos(
    pg_or_sqlite_harness: Harness, admin
):
    harness = pg_or_sqlite_harness
    from aiogram.methods import EditMessageText, GetFile

    from storage.models import ApplicationPhoto, ReportPhoto

    central = await harness.district_id("kem-central")
    rudnichny = await harness.district_id("kem-rudnichny")
    async with harness.session_factory() as s:
        reports = [
            Report(district_id=district, kind="subbotnik", participants=people,
                   held_on=date(YEAR, 5, 1 + n), description=f"Отчёт на {people} человек",
                   place=f"Двор {people}", status=ReportStatus.ACCEPTED, bags=people,
                   photos=[ReportPhoto(position=i, file_id=f"p{people}-{i}", file_unique_id=f"u{people}-{i}")
                           for i in range(3)])
            for n, (district, people) in enumerate(
                [(central, p) for p in (50, 40, 30, 20, 10)] + [(rudnichny, 77)]
            )
        ]  # fmt: skip
        s.add_all(reports)
        contest = Contest(title="Снежный калейдоскоп", deadline=datetime.now(UTC),
                          criteria="оформление",
                          nominations=[Nomination(position=0, name="Сказки зимнего двора")])  # fmt: skip
        s.add(contest)
        await s.flush()
        s.add(Application(contest_id=contest.id, nomination_id=contest.nominations[0].id,
                          district_id=central, address_text="ул. Весенняя, 17", address_key="k",
                          address_parts={}, description="…", status=ApplicationStatus.SUBMITTED,
                          place=1, photos=[ApplicationPhoto(position=0, file_id="w1",
                                                            file_unique_id="w1")]))  # fmt: skip
        await s.commit()
    for people in (50, 40, 30, 20, 10, 77):
        for i in range(3):  # each its own picture (a PDF keeps one copy of equal images)
            harness.session.files[f"p{people}-{i}"] = jpeg((people * 3, 40 * i, 90))
    harness.session.files["w1"] = jpeg((30, 90, 200))

    assert "администраторы города" in joined(await harness.say(STAFF, "/booklet"))
    started = await harness.say(admin, f"/booklet {YEAR}")
    assert "Собираю буклет" in joined(started)
    before = len(harness.session.requests)
    await harness.dp["background"].wait()
    made = harness.session.requests[before:]
    fetched = sorted(r.file_id for r in made if isinstance(r, GetFile))  # type: ignore[attr-defined]
    # The 4 best of Central and the one of Рудничный, two photos each, and the winner's.
    assert fetched == sorted([f"p{p}-{i}" for p in (50, 40, 30, 20, 77) for i in range(2)] + ["w1"])
    phone, printed = (r.document.data for r in made if isinstance(r, SendDocument))  # type: ignore[union-attr]
    pdf = PdfReader(io.BytesIO(phone))
    assert len(PdfReader(io.BytesIO(printed)).pages) == len(pdf.pages)
    assert len(phone) < len(printed)  # the phone edition's photos are lighter
    pages = [" ".join(p.extract_text().split()) for p in pdf.pages]
    districts = [
        d.full_name
        for m in harness.directory.municipalities()
        for d in harness.directory.districts(m.id)
    ]
    for name in districts:  # a page of its own for every district
        assert any(page.startswith(name) for page in pages), name
    first = next(n for n, p in enumerate(pages) if p.startswith("Кемерово, Центральный район"))
    central_pages = " ".join(pages[first : first + 2])  # two reports with photos a page
    assert all(f"Двор {p}" in central_pages for p in (50, 40, 30, 20))
    assert not any("Двор 10" in p for p in pages)  # the fifth best is left out
    assert "Год в цифрах" in " ".join(pages) and "Принятых отчётов 6" in " ".join(pages)
    winners = next(p for p in pages if p.startswith("Победители конкурсов"))
    assert "1 место — «Снежный калейдоскоп», «Сказки зимнего двора»" in winners
    assert sum(len(p.images) for p in pdf.pages) >= 11 + 1  # the photos and the chart
    done = [r for r in made if isinstance(r, EditMessageText)]
    assert "готов" in done[-1].text and f"страниц {len(pdf.pages)}" in done[-1].text  # type: ignore[attr-defined,operator]


async def test_a_mistaken_award_is_taken_back_once(harness: Harness, admin):
    await seed(harness)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    async with harness.session_factory() as s:
        s.add(Award(user_id=BORIS.id, kind="badge", year=YEAR, reason="по ошибке"))
        await s.commit()
    drop = AwardCb(action="drop", year=YEAR, user=BORIS.id, kind="badge")
    assert "вносят администраторы" in joined(await harness.tap(STAFF, drop))
    assert "🏅 Знак: Борисов Борис" in joined(await harness.say(admin, "/awards"))
    sent = await harness.press(admin, "🗑 Убрать")
    assert "Убрано" in joined(sent) and "Пока никого не отметили" in joined(sent)
    assert "больше нет в боте или награду уже убрали" in joined(await harness.tap(admin, drop))
    async with harness.session_factory() as s:
        assert (await s.execute(select(Award))).first() is None


async def test_a_booklet_cut_short_by_a_restart_says_so(harness: Harness, admin):
    from aiogram.methods import EditMessageText

    asked = await harness.say(admin, "/booklet")  # alone: this year so far or the last
    assert buttons(asked) == [f"{YEAR} (по сегодня)", str(YEAR - 1), "❌ Отмена"]
    assert "Собираю буклет" in joined(await harness.press(admin, str(YEAR - 1)))
    await harness.dp["background"].wait()
    assert "устарела" in joined(await harness.tap(admin, YearCb(of="booklet", year=YEAR + 1)))
    assert "Как писать: /booklet" in joined(await harness.say(admin, "/booklet 1999"))
    assert "Как писать: /booklet" in joined(await harness.say(admin, f"/booklet {YEAR + 1}"))
    await harness.say(admin, f"/booklet {YEAR}")
    await asyncio.sleep(0)  # the work has begun
    before = len(harness.session.requests)
    await harness.dp["background"].stop()  # what shutdown does
    edits = [r for r in harness.session.requests[before:] if isinstance(r, EditMessageText)]
    assert "прервалась" in edits[-1].text  # type: ignore[operator]
    assert not [r for r in harness.session.requests[before:] if isinstance(r, SendDocument)]


async def test_every_award_of_a_busy_year_is_in_reach(pg_or_sqlite_harness: Harness, admin):
    """Forty people thanked in a year: each one's letter and «Убрать» fifteen a page (the list
    stopped at twenty, so the rest could not be printed one by one or taken back); a far
    page's «Убрать» takes that award back."""
    harness = pg_or_sqlite_harness
    district_id = await harness.district_id("kem-central")
    async with harness.session_factory() as s:
        s.add_all(
            User(id=8000 + n, full_name=f"Житель {n:02}", district_id=district_id,
                 consent_at=datetime.now(UTC))
            for n in range(40)
        )  # fmt: skip
        await s.flush()
        s.add_all(
            Award(user_id=8000 + n, kind="letter", year=YEAR, reason="за двор") for n in range(40)
        )
        await s.commit()
    sent = await harness.say(admin, "/awards")
    assert "Житель 39" in joined(sent)  # every name is said on the first page
    assert [b for b in buttons(sent) if b.startswith("📄")] == [
        f"📄 Житель {n:02}" for n in range(15)
    ]
    assert "Страница 1 из 3" in joined(sent) and "🗂 Все письма одним архивом" in buttons(sent)
    await harness.press(admin, "▶️")
    last = await harness.press(admin, "▶️")
    assert [b for b in buttons(last) if b.startswith("📄")] == [
        f"📄 Житель {n:02}" for n in range(30, 40)
    ]
    pdf = await harness.press(admin, "📄 Житель 37")
    assert [r for r in pdf if isinstance(r, SendDocument)]
    await harness.tap(admin, AwardCb(action="drop", year=YEAR, user=8037, kind="letter"))
    async with harness.session_factory() as s:
        left = {a.user_id for a in (await s.execute(select(Award))).scalars()}
    assert len(left) == 39 and 8037 not in left
