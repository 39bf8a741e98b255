"""/myreports: an elder's reports with their status; open one, change and resend it."""

from __future__ import annotations

import math

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.keyboards.builders import inline, page_nav
from bot.keyboards.callbacks import PageCb, ReportCb
from bot.services.reports import draft_from_report
from bot.views import edit_or_send, report_card, send_album
from handlers.reports import start_report
from storage.models import ReportStatus, User
from storage.repositories.directory import Directory
from storage.repositories.elders import ElderRepository
from storage.repositories.reports import ReportRepository

router = Router(name=__name__)

PAGE = 5


async def _page(user: User, page: int, reports: ReportRepository, i18n: I18nContext):  # type: ignore[no-untyped-def]
    total = await reports.count_of_author(user.id)
    if total == 0:
        return i18n.get("myreports-empty"), None
    pages = math.ceil(total / PAGE)
    page = max(0, min(page, pages - 1))
    lines = [i18n.get("myreports-title", page=str(page + 1), pages=str(pages))]
    rows: list[list[tuple[str, CallbackData]]] = []
    for r in await reports.of_author(user.id, page * PAGE, PAGE):
        line = i18n.get(
            "myreports-line",
            id=str(r.id),
            date=r.held_on.strftime("%d.%m.%Y"),
            kind=i18n.get(f"rep-kind-{r.kind}"),
            status=i18n.get(f"rep-status-{r.status.value}"),
        )
        lines.append(line)
        rows.append([(i18n.get("rep-open", id=str(r.id)), ReportCb(action="open", id=r.id))])
    nav = page_nav(i18n, "myreports", page, pages)
    if nav:
        rows.append(nav)
    return "\n".join(lines), inline(*rows)


@router.message(Command("myreports"))
async def my_reports(
    message: Message, user: User, reports: ReportRepository, i18n: I18nContext
) -> None:
    text, markup = await _page(user, 0, reports, i18n)
    await message.answer(text, reply_markup=markup)


@router.callback_query(PageCb.filter(F.list == "myreports"))
async def my_reports_page(
    callback: CallbackQuery,
    callback_data: PageCb,
    user: User,
    reports: ReportRepository,
    i18n: I18nContext,
) -> None:
    text, markup = await _page(user, callback_data.page, reports, i18n)
    await edit_or_send(callback, text, markup)


@router.callback_query(ReportCb.filter(F.action == "open"))
async def open_report(
    callback: CallbackQuery,
    callback_data: ReportCb,
    bot: Bot,
    user: User,
    reports: ReportRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    report = await reports.get(callback_data.id)
    if report is None or report.author_id != user.id:
        await callback.answer(i18n.get("rep-not-yours"), show_alert=True)
        return
    markup = None
    if report.status is not ReportStatus.SUBMITTED:
        markup = inline([(i18n.get("rep-edit-button"), ReportCb(action="edit", id=report.id))])
    await send_album(
        bot,
        user.id,
        [p.file_id for p in report.photos],
        report_card(i18n, report, directory, []),
        markup,
    )


@router.callback_query(ReportCb.filter(F.action == "edit"))
async def edit_report(
    callback: CallbackQuery,
    callback_data: ReportCb,
    user: User,
    reports: ReportRepository,
    elders: ElderRepository,
    i18n: I18nContext,
    dialog_manager: DialogManager,
) -> None:
    report = await reports.get(callback_data.id)
    if report is None or report.author_id != user.id:
        await callback.answer(i18n.get("rep-not-yours"), show_alert=True)
        return
    if report.status is ReportStatus.SUBMITTED:
        await callback.answer(i18n.get("rep-cannot-edit"), show_alert=True)
        return
    await start_report(dialog_manager, user, elders, draft_from_report(report))
