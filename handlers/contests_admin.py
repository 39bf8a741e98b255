"""Admins: /contest_add and /contest_results — contest messages through the delivery engine.
(The contests issue brings the full /contests_admin.)"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.broadcast.engine import DeliveryEngine
from bot.config import Settings
from bot.filters.roles import IsAdmin
from bot.services.contests import ContestNotices, deadline_of, parse_audience, parse_days
from bot.services.validation import InputError, parse_text
from storage.models import Contest, User
from storage.repositories.audit import AuditRepository
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory

router = Router(name=__name__)
router.message.filter(IsAdmin())


@router.message(Command("contest_add"))
async def contest_add(
    message: Message,
    command: CommandObject,
    user: User,
    settings: Settings,
    directory: Directory,
    contest_notices: ContestNotices,
    contests: ContestRepository,
    audit: AuditRepository,
    delivery: DeliveryEngine,
    i18n: I18nContext,
) -> None:
    parts = (command.args or "").split(maxsplit=3)
    now = datetime.now(UTC)
    try:
        if len(parts) != 4:
            raise InputError("contest-add-usage")
        deadline = deadline_of(parts[0], ZoneInfo(settings.timezone), now)
        audience, audience_id = parse_audience(parts[1], directory)
        days = parse_days(parts[2])
        title = parse_text(parts[3], max_len=200, min_len=3)
    except InputError:
        await message.answer(i18n.get("contest-add-usage"))
        return
    contest = await contests.add(
        Contest(
            title=title,
            audience=audience,
            audience_id=audience_id,
            deadline=deadline,
            reminder_days=",".join(map(str, days)),
            created_by=user.id,
        )
    )
    await contest_notices.opened(contests.session, contest, now)
    await audit.write(user.id, "contest.create", None, contest=contest.id)
    await message.answer(
        i18n.get("contest-added", id=contest.id, title=html.escape(title), deadline=parts[0])
    )
    delivery.wake()


@router.message(Command("contest_results"))
async def contest_results(
    message: Message,
    command: CommandObject,
    user: User,
    contest_notices: ContestNotices,
    contests: ContestRepository,
    audit: AuditRepository,
    delivery: DeliveryEngine,
    i18n: I18nContext,
) -> None:
    parts = (command.args or "").split(maxsplit=1)
    if len(parts) != 2 or not parts[0].isdigit():
        await message.answer(i18n.get("contest-results-usage"))
        return
    contest = await contests.get(int(parts[0]))
    if contest is None:
        await message.answer(i18n.get("contest-not-found", id=parts[0][:9]))
        return
    try:
        text = parse_text(parts[1], max_len=3500, min_len=3)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    if not await contest_notices.results(contests.session, contest, text, datetime.now(UTC)):
        await message.answer(i18n.get("contest-results-already"))
        return
    await audit.write(user.id, "contest.results", None, contest=contest.id)
    await message.answer(i18n.get("contest-results-queued", id=contest.id))
    delivery.wake()
