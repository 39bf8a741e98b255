"""/myreports: an elder's reports with their status; open one, change and resend it."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.keyboards.builders import Pages, Rows, closable
from bot.keyboards.callbacks import PageCb, ReportCb
from bot.services.reports import draft_from_report
from bot.views import report_card, send_album
from handlers.forms import Listed, paged, refuse
from handlers.reports import start_report
from storage.models import ReportStatus

router = Router(name=__name__)

PAGE = 5


@paged(router, "myreports", empty="myreports-empty")
async def my_reports(ctx: Ctx, at: PageCb) -> Listed:
    pages = Pages.of(await ctx.reports.count_of_author(ctx.user.id), at.page, PAGE)
    lines = [ctx.i18n.get("myreports-title")]
    rows: Rows = []
    for r in await ctx.reports.of_author(ctx.user.id, pages.offset, PAGE):
        line = ctx.i18n.get(
            "myreports-line",
            id=str(r.id),
            date=r.held_on.strftime("%d.%m.%Y"),
            kind=ctx.i18n.get(f"rep-kind-{r.kind}"),
            status=ctx.i18n.get(f"rep-status-{r.status.value}"),
        )
        lines.append(line)
        rows.append([(ctx.i18n.get("rep-open", id=str(r.id)), ReportCb(action="open", id=r.id))])
    return lines, rows, pages


@router.callback_query(ReportCb.filter(F.action == "open"))
async def open_report(callback: CallbackQuery, callback_data: ReportCb, ctx: Ctx) -> None:
    report = await ctx.reports.get(callback_data.id)
    if report is None or report.author_id != ctx.user.id:
        refuse("rep-not-yours")
    markup = None
    if report.status is not ReportStatus.SUBMITTED:
        edit = [(ctx.i18n.get("rep-edit-button"), ReportCb(action="edit", id=report.id))]
        markup = closable(ctx.i18n, edit, close="screen-close")
    await send_album(
        ctx.bot,
        ctx.user.id,
        [p.file_id for p in report.photos],
        report_card(ctx.i18n, report, ctx.directory, []),
        markup,
    )


@router.callback_query(ReportCb.filter(F.action == "edit"))
async def edit_report(
    callback: CallbackQuery, callback_data: ReportCb, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    report = await ctx.reports.get(callback_data.id)
    if report is None or report.author_id != ctx.user.id:
        refuse("rep-not-yours")
    if report.status is ReportStatus.SUBMITTED:
        refuse("rep-cannot-edit")
    await start_report(dialog_manager, ctx.user, ctx.elders, draft_from_report(report))
