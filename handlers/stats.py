"""/stats, /year, /export, /audit: the figures from the data, with charts and files."""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from typing import Annotated

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_i18n import I18nContext, LazyFilter
from pydantic import Field

from bot.charts import chart_labels, stats_chart
from bot.context import Ctx
from bot.exports import csv_bytes
from bot.filters.roles import is_city_admin
from bot.keyboards.builders import Rows, closable, year_choice
from bot.keyboards.callbacks import RowId, YearCb
from bot.permissions import Actor, may_see_figures
from bot.services.exports import export_table
from bot.services.stats import (
    BREAKDOWNS,
    FIGURES,
    Figures,
    Period,
    by_district,
    change,
    collect,
    parse_period,
)
from bot.services.validation import InputError, parse_id
from bot.services.year_report import year_workbook
from bot.views import district_buttons, local_time, person_name, short_messages, text_or
from handlers.forms import Reply, answer_lines, refuse, tapped
from storage.repositories.directory import CenterRef, Directory, DistrictRef
from storage.repositories.stats import StatsRepository


class StatsCb(CallbackData, prefix="st"):
    """/stats of another district (0: the whole city) for the same period as typed."""

    period: Annotated[str, Field(max_length=40)]
    district: RowId


class ExportCb(CallbackData, prefix="ex"):
    """/export alone: what to download, for which year, by a button."""

    what: Annotated[str, Field(max_length=16)]
    year: Annotated[int, Field(ge=2000, le=9999)]


router = Router(name=__name__)

admin_router = Router(name=f"{__name__}.admin")
admin_router.message.filter(is_city_admin)  # the admins' area checks the role
admin_router.callback_query.filter(is_city_admin)


AUDIT_DEFAULT = 10  # entries of /audit without a number
# Audit details whose values are codes, with the locale prefix that names them.
CODED_FIELDS = {
    "before": "role-",
    "after": "role-",
    "field": "center-field-",
    "scope": "vote-scope-",
    "consent": "consent-way-",
    "award": "award-",
    "status": "idea-status-",
    "category": "idea-cat-",
    "stage": "stage-",
    "what": "audit-what-",
}

# What /export writes, by the word typed (Russian first; the English codes still work).
EXPORTS = {
    "отчёты": "reports",
    "отчеты": "reports",
    "записи": "signups",
    "заявки": "applications",
    "люди": "users",
    "reports": "reports",
    "signups": "signups",
    "applications": "applications",
    "users": "users",
}
EXPORT_KINDS = ("reports", "signups", "applications", "users")


def _scope(ctx: Ctx, code: str | None) -> tuple[DistrictRef | None, str | None]:
    """The district the caller may see (None = all, admins only) or an error text."""
    wanted = ctx.directory.find_district(code) if code else None
    if code and wanted is None:
        names = ", ".join(d.name for d in ctx.directory.all_districts())
        return None, ctx.i18n.get(
            "stats-bad-district", district=html.escape(code[:40]), names=names
        )
    target = wanted or (
        None if ctx.actor.is_admin else ctx.directory.district(ctx.actor.staff_district_id)
    )
    if target is None and ctx.actor.is_admin and not ctx.actor.is_city_admin:
        return None, None  # a municipality's admin chooses one of its districts
    if not may_see_figures(ctx.actor, target.id if target else None):
        return None, ctx.i18n.get("stats-other-district")
    return target, None


def _change_text(i18n: I18nContext, now: int, before: int) -> str:
    value = change(now, before)
    if value is None:
        return i18n.get("stats-change-none" if now == 0 else "stats-change-new")
    return f"{value:+.0f}%"


@router.message(Command("stats"))
@router.message(LazyFilter("menu-stats"))
async def stats(message: Message, ctx: Ctx, command: CommandObject | None = None) -> None:
    args = ((command and command.args) or "").split()
    period_text = args[0] if args else "month"
    district, error = _scope(ctx, args[1] if len(args) > 1 else None)
    if error:
        await message.answer(error)
        return
    if district is None and not ctx.actor.is_city_admin:
        choices = district_choices(ctx.actor, ctx.directory, _stats_of(period_text), None, ctx.i18n)
        await message.answer(
            ctx.i18n.get("stats-choose-district"), reply_markup=closable(ctx.i18n, *choices)
        )
        return
    await _show_stats(
        message,
        ctx,
        period_text,
        district,
    )


def _stats_of(period_text: str) -> Callable[[int], CallbackData]:
    return lambda district: StatsCb(period=period_text[:40], district=district)


def district_choices(
    actor: Actor,
    directory: Directory,
    button: Callable[[int], CallbackData],
    shown: int | None,
    i18n: I18nContext,
) -> Rows:
    """Buttons of the districts (and the whole city: 0) whose figures this actor may see, but
    the one shown; `button` makes a district's callback data."""
    rows: Rows = []
    if actor.is_city_admin and shown is not None:
        rows.append([(i18n.get("stats-all-districts"), button(0))])
    others = [
        d for d in directory.all_districts() if d.id != shown and may_see_figures(actor, d.id)
    ]
    return rows + district_buttons(others, button)


@router.callback_query(StatsCb.filter())
async def stats_of_district(callback: CallbackQuery, callback_data: StatsCb, ctx: Ctx) -> None:
    """An admin's «по районам» buttons under /stats: the same period, another district."""
    district = ctx.directory.district(callback_data.district) if callback_data.district else None
    if (callback_data.district and district is None) or not may_see_figures(
        ctx.actor, district.id if district else None
    ):
        refuse("stats-other-district")
    await _show_stats(
        tapped(callback),
        ctx,
        callback_data.period,
        district,
    )


async def _show_stats(
    reply: Reply,
    ctx: Ctx,
    period_text: str,
    district: DistrictRef | None,
) -> None:
    try:
        period = parse_period(period_text, ctx.today)
    except InputError as exc:
        await reply.answer(ctx.i18n.get(exc.key))
        return
    district_id = district.id if district else None

    async def figures_of(period: Period, full: bool) -> Figures:
        async with ctx.session_factory() as session:  # each its own connection: both run at once
            return await collect(StatsRepository(session), period, ctx.tz, district_id, full)

    now, before = await asyncio.gather(
        figures_of(period, True), figures_of(period.previous(), False)
    )
    place = district.name if district else ctx.i18n.get("stats-all-districts")
    lines = [ctx.i18n.get("stats-title", place=html.escape(place), period=period.label())]
    for name in FIGURES:
        if name not in now.values:
            continue
        value, old = now.values[name], before.values.get(name, 0)
        if name in BREAKDOWNS and value == old == 0:
            continue
        lines.append(
            ctx.i18n.get(
                "stats-line",
                name=ctx.i18n.get(f"fig-{name}"),
                value=value,
                change=_change_text(ctx.i18n, value, old),
            )
        )
    roles = ", ".join(f"{ctx.i18n.get(f'role-{r}')}: {n}" for r, n in sorted(now.roles.items()))
    lines.append(ctx.i18n.get("stats-roles", roles=roles or "0"))
    lines += [
        ctx.i18n.get("stats-contest-line", title=html.escape(t), count=n) for t, n in now.contests
    ]
    offered = ("week", "month", "year", str(ctx.today.year - 1))
    periods = [p for p in offered if parse_period(p, ctx.today) != period]
    rows: Rows = [  # another period of the same place: a button, not a typed word
        [(ctx.i18n.get("stats-period", period=p), _stats_of(p)(district_id or 0)) for p in periods]
    ]
    if ctx.actor.is_admin:  # another district of the same period
        rows += district_choices(
            ctx.actor, ctx.directory, _stats_of(period_text), district_id, ctx.i18n
        )
    markup = closable(ctx.i18n, *rows, close="screen-close")
    await answer_lines(reply, lines, markup)  # the buttons under the last one
    names = {d.id: d.name for d in ctx.directory.all_districts()}
    districts = by_district(now, names)
    png = await asyncio.to_thread(
        stats_chart, f"{place}, {period.label()}", now.by_month, districts, chart_labels(ctx.i18n)
    )
    await reply.answer_photo(BufferedInputFile(png, filename="stats.png"))


@admin_router.message(Command("year"))
async def year(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """«/year» alone: this year so far or the last one, by a button; «/year 2025» typed."""
    if not command.args:
        markup = year_choice(ctx.i18n, ctx.today.year, "report")
        await message.answer(ctx.i18n.get("year-choose"), reply_markup=markup)
        return
    await _send_year(message, ctx, command.args.strip())


@admin_router.callback_query(YearCb.filter(F.of == "report"))
async def year_tapped(callback: CallbackQuery, callback_data: YearCb, ctx: Ctx) -> None:
    await _send_year(tapped(callback), ctx, str(callback_data.year))


async def _send_year(reply: Reply, ctx: Ctx, arg: str) -> None:
    try:
        if parse_id(arg, 9999) is None:
            raise InputError("year-bad")
        period = parse_period(arg, ctx.today)
    except InputError:
        await reply.answer(ctx.i18n.get("year-bad"))
        return
    data, png = await year_workbook(
        period,
        ctx.i18n,
        ctx.directory,
        ctx.tz,
        ctx.stats_repo,
        ctx.recognition,
    )
    await reply.answer_document(
        BufferedInputFile(data, filename=f"report-{arg}.xlsx"),
        caption=ctx.i18n.get("year-caption", year=arg),
    )
    await reply.answer_photo(BufferedInputFile(png, filename=f"report-{arg}.png"))


@router.message(Command("export"))
async def export(message: Message, command: CommandObject, ctx: Ctx) -> None:
    """«/export» alone: what and which year by buttons; «/export отчёты 2024» typed."""
    args = (command.args or "").split()
    if not args:
        years = (ctx.today.year, ctx.today.year - 1)
        rows: Rows = [
            [
                (
                    ctx.i18n.get(
                        "export-button", what=ctx.i18n.get(f"export-what-{what}"), year=str(y)
                    ),
                    ExportCb(what=what, year=y),
                )
                for y in years
            ]
            for what in EXPORT_KINDS
        ]
        await message.answer(ctx.i18n.get("export-choose"), reply_markup=closable(ctx.i18n, *rows))
        return
    what = EXPORTS.get(args[0].lower())
    if what is None:
        refuse("export-usage")
    await _send_export(message, ctx, what, args[1] if len(args) > 1 else "year")


@router.callback_query(ExportCb.filter())
async def export_tapped(callback: CallbackQuery, callback_data: ExportCb, ctx: Ctx) -> None:
    if callback_data.what not in EXPORT_KINDS:
        refuse()
    await _send_export(tapped(callback), ctx, callback_data.what, str(callback_data.year))


async def _send_export(reply: Reply, ctx: Ctx, what: str, period_text: str) -> None:
    period = parse_period(period_text, ctx.today)
    district, error = _scope(ctx, None)
    if error:
        await reply.answer(error)
        return
    stored = await ctx.stats_repo.export_rows(
        what, period, ctx.tz, district.id if district else None
    )
    rows = export_table(what, stored, ctx.i18n, ctx.directory, ctx.tz)
    await ctx.audit.write(
        ctx.user.id, "export", None, what=what, period=period.label(), rows=len(rows) - 1
    )
    await reply.answer_document(
        BufferedInputFile(csv_bytes(rows), filename=f"{what}-{period.start}-{period.end}.csv"),
        caption=ctx.i18n.get(
            "export-caption",
            what=ctx.i18n.get(f"export-what-{what}"),
            period=period.label(),
            rows=len(rows) - 1,
        ),
    )


@admin_router.message(Command("audit"))
async def audit_log(message: Message, command: CommandObject, ctx: Ctx) -> None:
    arg = (command.args or str(AUDIT_DEFAULT)).strip()
    n = min(parse_id(arg) or AUDIT_DEFAULT, 100)
    entries = await ctx.audit.last(n)
    if not entries:
        await message.answer(ctx.i18n.get("audit-empty"))
        return
    lines = [ctx.i18n.get("audit-title", n=n)]

    async def who(user_id: int | None) -> str:
        """A person by the name they gave (a deleted one, or none: «—»)."""
        found = await ctx.users.get(user_id) if user_id else None
        return person_name(found) if found else "—"

    for e in entries:
        lines.append(
            ctx.i18n.get(
                "audit-line",
                at=local_time(e.at, ctx.settings).strftime("%d.%m.%Y %H:%M"),
                action=_audit_action(ctx.i18n, e.action),
                actor=await who(e.actor_id),
                target=await who(e.target_id),
                details=html.escape(_audit_details(ctx, e.details))[:200],
            )
        )
    for chunk in short_messages(lines):
        await message.answer(chunk)


def _audit_action(i18n: I18nContext, action: str) -> str:
    """«role.grant» in words; an action the locale does not know yet is shown as it is."""
    return text_or(i18n, "audit-" + action.replace(".", "-").replace("_", "-"), action)


def _center(directory: Directory, value: object) -> CenterRef | None:
    """A center written by its code, or by its number (a specialist's access)."""
    if isinstance(value, int):
        return directory.center(value)
    return directory.center_by_code(str(value))


def _audit_details(ctx: Ctx, details: dict[str, object] | None) -> str:
    """«заявка 12, место 2, центр ЦРН «Оптимист»» instead of JSON and codes."""
    parts = []
    for key, value in (details or {}).items():
        if value is None:
            continue
        prefix = CODED_FIELDS.get(key)
        shown = text_or(ctx.i18n, f"{prefix}{value}", str(value)) if prefix else value
        if key == "center" and (center := _center(ctx.directory, value)) is not None:
            shown = center.name
        if key == "district" and (district := ctx.directory.find_district(str(value))):
            shown = district.name
        parts.append(f"{text_or(ctx.i18n, 'audit-field-' + key.replace('_', '-'), key)} {shown}")
    return ", ".join(parts)
