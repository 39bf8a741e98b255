"""Recognition: /myrecord (what the bot knows of my year), /ranking (staff and admins: activists
and committees of a district or the city, with the figures behind each place; admins put a person
forward for the badge or a thanks letter from it) and /awards (the year's list, each letter as a
PDF, all of them as a ZIP, the list as CSV)."""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
from datetime import date
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.charts import chart_labels
from bot.context import Ctx, ctx_of
from bot.documents import Letter, letter_pdf, letters_zip
from bot.exports import csv_bytes, header_row
from bot.keyboards.builders import Pages, Rows, closable, year_choice
from bot.keyboards.callbacks import PageCb, RowId, YearCb
from bot.permissions import may_award, may_see_figures
from bot.services.booklet import make_booklet
from bot.services.recognition import (
    AWARDS,
    MAX_REASON,
    Record,
    committee_ranking,
    give_award,
    parse_reason,
    ranking,
    record_of,
    take_back_award,
)
from bot.services.stats import Period
from bot.services.validation import InputError, parse_id
from handlers.forms import (
    Listed,
    Reply,
    answer_for,
    answer_lines,
    ask_text,
    paged,
    refuse,
    tapped,
)
from handlers.stats import district_choices
from storage.models import Award, User
from storage.repositories.recognition import RecognitionRepository

router = Router(name=__name__)
logger = logging.getLogger(__name__)


class RecordCb(CallbackData, prefix="rec"):
    year: RowId


class RankCb(CallbackData, prefix="rank"):
    """view: people or committees; district 0 = the whole city."""

    view: str
    year: RowId
    district: RowId = 0


class AwardCb(CallbackData, prefix="award"):
    """person (the card), give (a kind), pdf (one letter), zip, csv."""

    action: str
    year: RowId
    user: int = 0
    kind: str = ""


def _year(year: int, today: date) -> Period:
    end = min(today, today.replace(year=year, month=12, day=31))
    return Period(today.replace(year=year, month=1, day=1), end, "year")


def _figures(i18n: I18nContext, record: Record) -> str:
    """«12 отч., 340 уч., 1 место, 8 пос.» — the figures behind a place."""
    return i18n.get(
        "rank-figures",
        reports=record.reports,
        participants=record.participants,
        places=len(record.places),
        attendance=record.attendance,
    )


# --- My record ----------------------------------------------------------------------------------


@router.message(Command("myrecord"))
async def my_record(message: Message, ctx: Ctx) -> None:
    if not ctx.user.has_consent:
        refuse("record-need-consent")
    await show_record(message, ctx.user, ctx.today.year, ctx)


@router.callback_query(RecordCb.filter())
async def record_of_year(callback: CallbackQuery, callback_data: RecordCb, ctx: Ctx) -> None:
    if not ctx.user.has_consent or not 2000 <= callback_data.year <= ctx.today.year:
        refuse()
    await show_record(tapped(callback), ctx.user, callback_data.year, ctx)


async def show_record(reply: Reply, user: User, year: int, ctx: Ctx) -> None:
    repo: RecognitionRepository = ctx.recognition
    record = await record_of(repo, user, _year(year, ctx.today), ctx.tz)
    lines = [ctx.i18n.get("record-title", year=str(year))]
    if not record.merit[0] and not record.places and not record.attendance:
        lines.append(ctx.i18n.get("record-empty"))
    else:
        lines.append(
            ctx.i18n.get("record-reports", reports=record.reports, participants=record.participants)
        )
        lines += [
            ctx.i18n.get("record-place", place=place, contest=html.escape(contest))
            for place, contest in record.places
        ]
        if record.attendance:
            lines.append(ctx.i18n.get("record-attendance", sessions=record.attendance))
    for award in await repo.awards_of(user.id, year):
        lines.append(ctx.i18n.get(f"award-{award.kind}-mine", reason=html.escape(award.reason)))
    other = year - 1 if year == ctx.today.year else year + 1
    other_year = [(ctx.i18n.get("record-other-year", year=str(other)), RecordCb(year=other))]
    markup = closable(ctx.i18n, other_year, close="screen-close")
    await answer_lines(reply, lines, markup)


# --- Rankings ----------------------------------------------------------------------------------


@router.message(Command("ranking"))
async def ranking_command(message: Message, ctx: Ctx) -> None:
    year = ctx.today.year
    if ctx.actor.is_city_admin:
        await show_ranking(message, "people", year, None, ctx)
    elif ctx.actor.is_admin:  # a municipality's admin: one of its districts
        choices = district_choices(
            ctx.actor,
            ctx.directory,
            lambda d: RankCb(view="people", year=year, district=d),
            None,
            ctx.i18n,
        )
        await message.answer(
            ctx.i18n.get("rank-choose-district"), reply_markup=closable(ctx.i18n, *choices)
        )
    elif ctx.actor.is_staff:
        await show_ranking(message, "people", year, ctx.actor.staff_district_id, ctx)
    else:
        await message.answer(ctx.i18n.get("rank-staff-only"))


@router.callback_query(RankCb.filter())
async def ranking_view(callback: CallbackQuery, callback_data: RankCb, ctx: Ctx) -> None:
    c = callback_data
    if c.view not in ("people", "committees") or not 2000 <= c.year <= ctx.today.year:
        refuse()
    await show_ranking(tapped(callback), c.view, c.year, c.district or None, ctx)


async def show_ranking(
    reply: Reply, view: str, year: int, district_id: int | None, ctx: Ctx
) -> None:
    if not may_see_figures(ctx.actor, district_id):
        refuse("stats-other-district")
    repo: RecognitionRepository = ctx.recognition
    period = _year(year, ctx.today)
    district = ctx.directory.district(district_id) if district_id else None
    place = district.name if district else ctx.i18n.get("stats-all-districts")
    rows: Rows = []
    if view == "people":
        lines = [ctx.i18n.get("rank-people-title", place=html.escape(place), year=str(year))]
        ranked = await ranking(repo, period, ctx.tz, district_id)
        for n, record in ranked:
            lines.append(
                ctx.i18n.get(
                    "rank-line",
                    place=n,
                    name=html.escape(record.name),
                    figures=_figures(ctx.i18n, record),
                )
            )
        awarding = [r for _, r in ranked if may_award(ctx.actor, r.district_id)]
        buttons: list[tuple[str, CallbackData]] = [
            (
                ctx.i18n.get("rank-award", name=r.name)[:64],
                AwardCb(action="person", year=year, user=r.user_id),
            )
            for r in awarding
        ]
        rows += [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
        other_view = "committees"
    else:
        lines = [ctx.i18n.get("rank-committees-title", place=html.escape(place), year=str(year))]

        def committee_name(committee_id: int) -> str | None:
            found = ctx.directory.committee(committee_id)
            return found.name if found else None

        for n, c in await committee_ranking(repo, period, district_id, committee_name):
            lines.append(
                ctx.i18n.get(
                    "rank-committee-line",
                    place=n,
                    name=html.escape(c.name),
                    reports=c.reports,
                    participants=c.participants,
                    activists=c.activists,
                )
            )
        other_view = "people"
    if len(lines) == 1:
        lines.append(ctx.i18n.get("rank-empty"))
    here = district_id or 0
    rows.append(
        [
            (
                ctx.i18n.get(f"rank-view-{other_view}"),
                RankCb(view=other_view, year=year, district=here),
            ),
            (
                ctx.i18n.get("rank-year", year=str(year - 1)),
                RankCb(view=view, year=year - 1, district=here),
            ),
        ]
    )
    if ctx.actor.is_admin:
        rows += district_choices(
            ctx.actor,
            ctx.directory,
            lambda d: RankCb(view=view, year=year, district=d),
            district_id,
            ctx.i18n,
        )
    await answer_lines(reply, lines, closable(ctx.i18n, *rows, close="screen-close"))


# --- Awards ---------------------------------------------------------------------------------------


@router.callback_query(AwardCb.filter(F.action == "person"))
async def award_person(callback: CallbackQuery, callback_data: AwardCb, ctx: Ctx) -> None:
    """A person of the ranking: their record and the awards to give."""
    person = await _awardable(ctx, callback_data.user)
    record = await record_of(
        ctx.recognition,
        person,
        _year(callback_data.year, ctx.today),
        ctx.tz,
    )
    text = ctx.i18n.get(
        "award-person",
        name=html.escape(record.name),
        year=str(callback_data.year),
        figures=_figures(ctx.i18n, record),
    )
    rows: Rows = [
        [
            (
                ctx.i18n.get(f"award-{kind}"),
                AwardCb(action="give", year=callback_data.year, user=person.id, kind=kind),
            )
        ]
        for kind in AWARDS
    ]
    await tapped(callback).answer(text, reply_markup=closable(ctx.i18n, *rows))


async def _awardable(ctx: Ctx, user_id: int) -> User:
    if not ctx.actor.is_admin:
        refuse("awards-admins-only")
    person = await ctx.users.get(user_id)
    if person is None or not person.has_consent:
        refuse("award-gone")
    if not may_award(ctx.actor, person.district_id):
        refuse("award-not-yours")
    return person


@router.callback_query(AwardCb.filter(F.action == "give"))
async def award_give(
    callback: CallbackQuery, callback_data: AwardCb, dialog_manager: DialogManager
) -> None:
    person = await _awardable(ctx_of(dialog_manager), callback_data.user)
    if callback_data.kind not in AWARDS:
        refuse()
    await ask_text(
        dialog_manager,
        "award-reason",
        "award-ask-reason",
        max=MAX_REASON,
        user=person.id,
        kind=callback_data.kind,
        year=callback_data.year,
        name=html.escape(person.full_name or "—"),
    )


@answer_for("award-reason")
async def award_reason(message: Message, manager: DialogManager, args: dict[str, Any]) -> bool:
    ctx = ctx_of(manager)
    reason = parse_reason(message.text)
    try:
        award = await give_award(
            ctx.recognition,
            ctx.audit,
            ctx.actor,
            await ctx.users.get(args["user"]),
            args["kind"],
            args["year"],
            reason,
        )
    except InputError as exc:
        await message.answer(ctx.i18n.get(exc.key, **exc.args_))
        return True
    await message.answer(
        ctx.i18n.get("award-given", award=ctx.i18n.get(f"award-{award.kind}"), name=args["name"])
    )
    return True


AWARDS_PAGE = 15  # people a page, two buttons each


@router.message(Command("awards"))
async def awards_list(message: Message, ctx: Ctx) -> None:
    await year_awards(message, ctx, ctx.today.year)


@paged(router, "awards", command=False)
async def year_awards(ctx: Ctx, at: PageCb) -> Listed:
    """The year's (`at.key`) awards of the admin's territory: the names by kind on the first
    page, the letters (ZIP, CSV), and each award's letter and «убрать», fifteen a page."""
    if not ctx.actor.is_admin:
        refuse("awards-admins-only")
    year = at.key
    awards = await _seen_awards(year, ctx)
    pages = Pages.of(len(awards), at.page, AWARDS_PAGE)
    lines = [ctx.i18n.get("awards-title", year=str(year))]
    if not awards:
        return [*lines, ctx.i18n.get("awards-none")], [], pages
    for kind in AWARDS if pages.page == 0 else ():
        names = [html.escape(name or "—") for a, name in awards if a.kind == kind]
        if names:
            lines.append(ctx.i18n.get(f"awards-{kind}-list", names=", ".join(names)))
    rows: Rows = [
        [
            (ctx.i18n.get("awards-zip"), AwardCb(action="zip", year=year)),
            (ctx.i18n.get("awards-csv"), AwardCb(action="csv", year=year)),
        ]
    ]
    rows += [
        [
            (
                ctx.i18n.get("awards-one", name=name or "—")[:64],
                AwardCb(action="pdf", year=year, user=a.user_id, kind=a.kind),
            ),
            (
                ctx.i18n.get("awards-drop"),
                AwardCb(action="drop", year=year, user=a.user_id, kind=a.kind),
            ),
        ]
        for a, name in awards[pages.offset : pages.offset + pages.size]
    ]
    return lines, rows, pages


@router.callback_query(AwardCb.filter(F.action == "drop"))
async def award_drop(callback: CallbackQuery, callback_data: AwardCb, ctx: Ctx) -> None:
    """A mistaken award taken back (the list is shown again without it)."""
    c = callback_data
    if not ctx.actor.is_admin:
        refuse("awards-admins-only")
    await take_back_award(
        ctx.recognition,
        ctx.audit,
        ctx.actor,
        await ctx.users.get(c.user),
        c.kind,
        c.year,
    )
    await callback.answer(ctx.i18n.get("award-dropped"))
    await year_awards(tapped(callback), ctx, c.year)


async def _seen_awards(year: int, ctx: Ctx) -> list[tuple[Award, str | None]]:
    """The year's awards of the people of the admin's territory."""
    return [
        (award, name)
        for award, name, district_id in await ctx.recognition.awards(year)
        if may_award(ctx.actor, district_id)
    ]


def _letter(award: Award, name: str, ctx: Ctx, city: str) -> Letter:
    return Letter(
        title=ctx.i18n.get(f"letter-title-{award.kind}"),
        person=name,
        lead=ctx.i18n.get(f"letter-lead-{award.kind}", city=city),
        reason=award.reason,
        city=city,
        day=ctx.today,
        signer=ctx.i18n.get("letter-signer"),
        under_lines=(ctx.i18n.get("letter-sign"), ctx.i18n.get("letter-name")),
    )


def _city_of(person: User | None, ctx: Ctx) -> str:
    municipality = ctx.directory.municipality(person.municipality_id) if person else None
    return municipality.name if municipality else ctx.i18n.get("letter-city")


@router.callback_query(AwardCb.filter(F.action.in_(("pdf", "zip", "csv"))))
async def award_documents(callback: CallbackQuery, callback_data: AwardCb, ctx: Ctx) -> None:
    if not ctx.actor.is_admin:
        refuse("awards-admins-only")
    year = callback_data.year
    awards = await _seen_awards(year, ctx)
    if callback_data.action == "pdf":
        awards = [
            (a, n)
            for a, n in awards
            if a.user_id == callback_data.user and a.kind == callback_data.kind
        ]
        if not awards:
            refuse("award-gone")
    named = []
    for n, (award, name) in enumerate(awards, start=1):
        person = await ctx.users.get(award.user_id)
        letter = _letter(award, name or "—", ctx, _city_of(person, ctx))
        named.append((f"{n:03d}-{award.kind}-{award.user_id}.pdf", letter))
    reply = tapped(callback)
    if callback_data.action == "csv":
        rows: list[list[object]] = [list(header_row(ctx.i18n, "awards-csv-head"))]
        rows += [
            [name or "—", ctx.i18n.get(f"award-{a.kind}"), a.reason, a.year] for a, name in awards
        ]
        await reply.answer_document(
            BufferedInputFile(csv_bytes(rows), filename=f"awards-{year}.csv")
        )
    elif callback_data.action == "zip":
        await reply.answer_document(
            BufferedInputFile(letters_zip(named), filename=f"letters-{year}.zip"),
            caption=ctx.i18n.get("awards-zip-caption", count=len(named)),
        )
    else:
        await reply.answer_document(
            BufferedInputFile(letter_pdf([named[0][1]]), filename=f"letter-{year}.pdf")
        )


# --- The year's booklet -------------------------------------------------------------------------

TELEGRAM_FILE_LIMIT = 50 * 1_048_576  # what a bot may send


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f}".replace(".", ",")


@router.message(Command("booklet"))
async def booklet_command(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """«/booklet» alone: this year so far or the last one, by a button; «/booklet 2025» typed."""
    if not ctx.actor.is_city_admin:
        refuse("booklet-city-only")
    if not command.args:
        markup = year_choice(ctx.i18n, ctx.today.year, "booklet")
        await message.answer(ctx.i18n.get("booklet-choose"), reply_markup=markup)
        return
    year = parse_id(command.args.strip(), ctx.today.year)
    if year is None or year < 2000:
        refuse("booklet-usage")
    await make_booklet_of(message, ctx, year)


@router.callback_query(YearCb.filter(F.of == "booklet"))
async def booklet_tapped(callback: CallbackQuery, callback_data: YearCb, ctx: Ctx) -> None:
    if not ctx.actor.is_city_admin or callback_data.year > ctx.today.year:
        refuse()
    await make_booklet_of(tapped(callback), ctx, callback_data.year)


async def make_booklet_of(reply: Reply, ctx: Ctx, year: int) -> None:
    """The booklet is made in the background: one progress message, edited, then the PDF."""
    progress = await reply.answer(ctx.i18n.get("booklet-started", year=str(year)))

    async def tell(text: str) -> None:
        with contextlib.suppress(TelegramAPIError):  # «message is not modified» and the like
            await progress.edit_text(text)

    async def make() -> None:
        try:
            made = await make_booklet(
                ctx.session_factory,
                ctx.bot,
                ctx.i18n,
                ctx.directory,
                ctx.tz,
                year,
                ctx.today,
                tell,
                chart_labels(ctx.i18n),
            )
            await ctx.bot.send_document(
                reply.chat.id,
                BufferedInputFile(made.phone, filename=f"booklet-{year}.pdf"),
                caption=ctx.i18n.get("booklet-caption-phone", year=str(year)),
            )
            printed = len(made.printed) <= TELEGRAM_FILE_LIMIT
            if printed:
                await ctx.bot.send_document(
                    reply.chat.id,
                    BufferedInputFile(made.printed, filename=f"booklet-{year}-print.pdf"),
                    caption=ctx.i18n.get("booklet-caption-print", year=str(year)),
                )
        except asyncio.CancelledError:  # the process is stopping: say so rather than «⏳» forever
            with contextlib.suppress(Exception):
                await tell(ctx.i18n.get("booklet-interrupted"))
            raise
        except Exception:
            logger.exception("The booklet of %s was not made", year)
            await tell(ctx.i18n.get("booklet-failed"))
            return
        key = "booklet-done" if printed else "booklet-done-too-big"
        await tell(
            ctx.i18n.get(
                key,
                year=str(year),
                pages=made.pages,
                phone=_megabytes(len(made.phone)),
                print=_megabytes(len(made.printed)),
            )
        )

    ctx.background.spawn(make(), name=f"booklet-{year}")
