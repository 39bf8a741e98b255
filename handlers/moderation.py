"""/queue: staff check their district's reports — accept, or return to the author with a comment."""

from __future__ import annotations

import html
from typing import Any, NoReturn

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx, ctx_of
from bot.keyboards.builders import closable
from bot.keyboards.callbacks import ReportCb
from bot.notify import tell
from bot.permissions import districts_seen, may_moderate
from bot.services.validation import parse_text
from bot.views import local_time, report_card, send_album, territory_text
from handlers.forms import answer_for, answer_lines, ask_text, decided, of_my_district, refuse
from storage.models import Report, ReportStatus

router = Router(name=__name__)

MAX_COMMENT = 500

QUEUE_LIMIT = 20


@router.message(Command("queue"))
@router.message(LazyFilter("menu-queue"))
async def queue(message: Message, ctx: Ctx) -> None:
    districts = districts_seen(ctx.actor)
    pending, total = await ctx.reports.queue(districts, QUEUE_LIMIT) if districts != [] else ([], 0)
    if not pending:
        await message.answer(ctx.i18n.get("queue-empty"))
        return
    lines = [ctx.i18n.get("queue-title", count=total)]
    if total > len(pending):
        lines.append(ctx.i18n.get("queue-oldest", shown=len(pending)))
    rows = []
    for r in pending:
        district = ctx.directory.district(r.district_id)
        lines.append(
            ctx.i18n.get(
                "queue-line",
                id=str(r.id),
                date=r.held_on.strftime("%d.%m.%Y"),
                kind=ctx.i18n.get(f"rep-kind-{r.kind}"),
                district=html.escape(district.name if district else "—"),
            )
        )
        rows.append([(ctx.i18n.get("rep-open", id=str(r.id)), ReportCb(action="mod", id=r.id))])
    await answer_lines(message, lines, closable(ctx.i18n, *rows, close="screen-close"))


@router.callback_query(ReportCb.filter(F.action == "mod"))
async def open_for_moderation(callback: CallbackQuery, callback_data: ReportCb, ctx: Ctx) -> None:
    report = of_my_district(
        await ctx.reports.get(callback_data.id), ctx.actor, "mod-not-your-district"
    )
    extra = []
    author = await ctx.users.get(report.author_id) if report.author_id else None
    registration = await ctx.elders.get(report.registration_id) if report.registration_id else None
    extra.append(
        ctx.i18n.get(
            "rep-card-author",
            name=html.escape((author.full_name if author else None) or "—"),
            territory=html.escape(territory_text(ctx.i18n, registration) if registration else "—"),
        )
    )
    for earlier in await ctx.reports.earlier_photos(report):
        extra.append(
            ctx.i18n.get(
                "rep-card-earlier",
                n=str(earlier.position),
                id=str(earlier.report_id),
                date=local_time(earlier.submitted_at, ctx.settings).strftime("%d.%m.%Y"),
            )
        )
    markup = None
    if report.status is ReportStatus.SUBMITTED:
        markup = closable(
            ctx.i18n,
            [(ctx.i18n.get("mod-accept"), ReportCb(action="accept", id=report.id))],
            [(ctx.i18n.get("mod-return"), ReportCb(action="return", id=report.id))],
            close="screen-close",
        )
    await send_album(
        ctx.bot,
        ctx.user.id,
        [p.file_id for p in report.photos],
        report_card(ctx.i18n, report, ctx.directory, extra),
        markup,
    )


def refuse_already(i18n: I18nContext, report: Report) -> NoReturn:
    refuse("mod-already", id=str(report.id), status=i18n.get(f"rep-status-{report.status.value}"))


@router.callback_query(ReportCb.filter(F.action == "accept"))
async def accept(callback: CallbackQuery, callback_data: ReportCb, ctx: Ctx) -> None:
    report = of_my_district(
        await ctx.reports.get(callback_data.id), ctx.actor, "mod-not-your-district"
    )
    if not await ctx.reports.moderate(report.id, ReportStatus.ACCEPTED, ctx.user.id):
        refuse_already(ctx.i18n, report)
    await ctx.audit.write(ctx.user.id, "report.accept", report.author_id, report=report.id)
    await decided(callback, ctx.i18n.get("mod-accepted", id=str(report.id)))
    await tell(ctx, report.author_id, "mod-author-accepted", id=str(report.id))


@router.callback_query(ReportCb.filter(F.action == "return"))
async def return_ask_comment(
    callback: CallbackQuery, callback_data: ReportCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    report = of_my_district(
        await ctx.reports.get(callback_data.id), ctx.actor, "mod-not-your-district"
    )
    if report.status is not ReportStatus.SUBMITTED:
        refuse_already(ctx.i18n, report)
    await ask_text(dialog_manager, "report-return", "mod-ask-comment", id=str(report.id))


@answer_for("report-return")
async def return_with_comment(
    message: Message, manager: DialogManager, args: dict[str, Any]
) -> bool:
    ctx = ctx_of(manager)
    comment = parse_text(message.text, max_len=MAX_COMMENT, min_len=3)
    report = await ctx.reports.get(int(args["id"]))
    if report is None or not may_moderate(ctx.actor, report.district_id):
        await message.answer(ctx.i18n.get("button-stale"))
        return True
    if not await ctx.reports.moderate(report.id, ReportStatus.RETURNED, ctx.user.id, comment):
        status = ctx.i18n.get(f"rep-status-{report.status.value}")
        await message.answer(ctx.i18n.get("mod-already", id=str(report.id), status=status))
        return True
    await ctx.audit.write(ctx.user.id, "report.return", report.author_id, report=report.id)
    await message.answer(ctx.i18n.get("mod-returned", id=str(report.id)))
    await tell(
        ctx,
        report.author_id,
        "mod-author-returned",
        id=str(report.id),
        comment=html.escape(comment),
    )
    return True
