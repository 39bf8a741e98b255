"""/registry (admins): download the directory as one XLSX, send it back edited, see what would
change and every error by sheet, row and column, apply all of it or nothing."""

from __future__ import annotations

import asyncio
import html
import io
from typing import Any

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import I18nContext

from bot.context import Ctx, ctx_of
from bot.exports import csv_bytes, workbook_bytes
from bot.notify import tell_each
from bot.permissions import may_manage_directory
from bot.services.clubs import AGE_GROUPS, CATEGORIES
from bot.services.registry import (
    MAX_FILE_MB,
    SHEETS,
    Labels,
    Plan,
    apply_plan,
    plan_upload,
    read_workbook,
    registry_rows,
)
from bot.services.validation import InputError
from bot.views import cut
from handlers.forms import (
    city_admins_only,
    form_data,
    go,
    opens_form,
    refuse,
    say,
)
from handlers.registry.states import RegistryForm as F
from storage.repositories.directory import Directory

router = Router(name=__name__)

SHOWN_PROBLEMS = 3  # in the message; all of them in a file when there are more
SHOWN_CHANGES = 5


def registry_labels(i18n: I18nContext) -> Labels:
    return Labels(
        sheets={s: i18n.get(f"registry-sheet-{s}") for s in SHEETS},
        headers={s: [h.strip() for h in i18n.get(f"registry-head-{s}").split("|")] for s in SHEETS},
        yes=i18n.get("registry-yes"),
        no=i18n.get("registry-no"),
        categories={c: i18n.get(f"club-cat-{c}") for c in CATEGORIES},
        ages={a: i18n.get(f"club-age-{a}") for a in AGE_GROUPS},
    )


@router.message(Command("registry"))
async def registry(message: Message, dialog_manager: DialogManager, ctx: Ctx) -> None:
    if not may_manage_directory(ctx.actor):
        refuse("registry-city-only")
    await open_registry_form(dialog_manager)


open_registry_form = opens_form("registry", F.start, restarts_itself=True)


async def on_download(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    city_admins_only(manager, "registry-city-only")
    ctx = ctx_of(manager)
    sheets = await registry_rows(ctx.session, registry_labels(ctx.i18n))
    data = await asyncio.to_thread(workbook_bytes, sheets)
    name = ctx.i18n.get("registry-file-name", date=ctx.now.strftime("%Y-%m-%d"))
    await ctx.bot.send_document(
        cb.from_user.id,
        BufferedInputFile(data, filename=name),
        caption=ctx.i18n.get("registry-file-caption"),
    )
    manager.show_mode = ShowMode.SEND  # the instructions again, under the file


async def _plan(manager: DialogManager, file_id: str, progress: Message | None) -> Plan:
    """Download the file and check it against the directory as it is now."""
    ctx = ctx_of(manager)
    buffer = io.BytesIO()
    await ctx.bot.download(file_id, destination=buffer)
    sheets = await asyncio.to_thread(read_workbook, buffer.getvalue())

    async def show(sheet: str) -> None:
        if progress is not None:
            await progress.edit_text(ctx.i18n.get("registry-checking-sheet", sheet=sheet))

    return await plan_upload(ctx.session, sheets, registry_labels(ctx.i18n), show)


async def on_file(message: Message, widget: Any, manager: DialogManager) -> None:
    city_admins_only(manager, "registry-city-only")
    document = message.document
    if document is None:
        refuse("registry-send-file")
    if (document.file_size or 0) > MAX_FILE_MB * 1024 * 1024:
        refuse("registry-too-big", mb=MAX_FILE_MB)
    if not (document.file_name or "").lower().endswith(".xlsx"):
        refuse("registry-not-xlsx")
    i18n = ctx_of(manager).i18n
    progress = await message.answer(i18n.get("registry-checking"))
    try:
        plan = await _plan(manager, document.file_id, progress)
    except InputError as exc:
        await progress.edit_text(i18n.get(exc.key, **exc.args_))
        manager.show_mode = ShowMode.NO_UPDATE
        return
    await progress.edit_text(i18n.get("registry-checked", rows=plan.rows))
    await _remember(manager, document.file_id, plan)
    manager.show_mode = ShowMode.SEND
    await go(manager, F.preview)


async def _remember(manager: DialogManager, file_id: str, plan: Plan) -> None:
    """Keep what the preview shows (small: the file stays in Telegram, the plan is made again)."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    draft.update(
        file_id=file_id, digest=plan.digest, ready=bool(plan.changes) and not plan.problems
    )
    draft["summary"] = _summary(ctx.i18n, plan)
    if len(plan.problems) > SHOWN_PROBLEMS:
        rows: list[list[object]] = [
            [h.strip() for h in ctx.i18n.get("registry-errors-head").split("|")]
        ]
        rows += [[p.sheet, p.row, p.column, _problem_text(ctx.i18n, p)] for p in plan.problems]
        await ctx.bot.send_document(
            ctx.user.id,
            BufferedInputFile(csv_bytes(rows), filename=ctx.i18n.get("registry-errors-file")),
        )


def _problem_text(i18n: I18nContext, problem: Any) -> str:
    text = i18n.get(problem.key, **dict(problem.args))
    return cut(text, 160)


def _summary(i18n: I18nContext, plan: Plan) -> str:
    if plan.problems:
        lines = [i18n.get("registry-has-problems", count=len(plan.problems))]
        for p in plan.problems[:SHOWN_PROBLEMS]:
            kind = "column" if p.column else ("row" if p.row else "sheet")
            where = i18n.get(
                f"registry-where-{kind}",
                sheet=p.sheet,
                row=str(p.row),
                column=p.column,
            )
            lines.append(f"• {html.escape(where)}: {html.escape(_problem_text(i18n, p))}")
        if len(plan.problems) > SHOWN_PROBLEMS:
            lines.append(
                i18n.get("registry-more-problems", count=len(plan.problems) - SHOWN_PROBLEMS)
            )
        return "\n".join(lines)
    if not plan.changes:
        return i18n.get("registry-no-changes")
    lines = [
        i18n.get(
            "registry-will",
            added=plan.count("add"),
            changed=plan.count("change", "open"),
            closed=plan.count("close"),
        )
    ]
    for change in plan.changes[:SHOWN_CHANGES]:
        lines.append(
            i18n.get(
                f"registry-change-{change.kind}",
                sheet=change.sheet,
                row=str(change.row),
                name=html.escape(change.name[:60]),
            )
        )
    if len(plan.changes) > SHOWN_CHANGES:
        lines.append(i18n.get("registry-more-changes", count=len(plan.changes) - SHOWN_CHANGES))
    return "\n".join(lines)


async def preview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    return {"summary": draft.get("summary", ""), "ready": bool(draft.get("ready"))}


async def on_apply(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    city_admins_only(manager, "registry-city-only")
    ctx = ctx_of(manager)
    draft = form_data(manager)
    if not draft.get("ready"):  # a forged tap of the hidden button
        refuse("button-stale")
    plan = await _plan(manager, draft["file_id"], None)
    if plan.digest != draft["digest"] or plan.problems:  # someone changed the directory since
        await _remember(manager, draft["file_id"], plan)
        await say(manager, "registry-changed-meanwhile")
        manager.show_mode = ShowMode.EDIT
        return
    applied = await apply_plan(ctx.session, plan)
    await ctx.audit.write(
        ctx.user.id,
        "registry.apply",
        None,
        added=applied.added,
        changed=applied.changed,
        closed=applied.closed,
    )
    ctx.directory.replace_with(await Directory.load(ctx.session))
    await ctx.directory.publish(ctx.session)
    for club, members in applied.tell:
        await tell_each(
            ctx,
            [s.user_id for s in members],
            "member-club-closed",
            name=html.escape(club.name),
        )
    await manager.done()
    text = ctx.i18n.get(
        "registry-applied", added=applied.added, changed=applied.changed, closed=applied.closed
    )
    await cb.answer(text)
    if isinstance(cb.message, Message):
        await cb.message.answer(text)
