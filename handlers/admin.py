"""Admins: /grant, /revoke, /whois. Staff and admins: /whoami. Every change is audited."""

from __future__ import annotations

import html
import logging

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.commands import set_chat_commands
from bot.config import Settings
from bot.filters.roles import IsAdmin, IsStaff
from bot.notify import tell, tell_rendered
from bot.permissions import effective_role
from bot.services.roles import GrantError, apply_grant, apply_revoke
from bot.services.validation import parse_id, parse_user_ref
from bot.views import place_name, role_name
from storage.models import Role, User
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import CenterRef, Directory
from storage.repositories.users import UserRepository

logger = logging.getLogger(__name__)

staff_router = Router(name=f"{__name__}.staff")
staff_router.message.filter(IsStaff())

router = Router(name=__name__)
router.message.filter(IsAdmin())


def _center_suffix(i18n: I18nContext, center: CenterRef | None) -> str:
    return i18n.get("whoami-center", name=html.escape(center.name)) if center else ""


@staff_router.message(Command("whoami"))
async def whoami(
    message: Message, user: User, settings: Settings, directory: Directory, i18n: I18nContext
) -> None:
    role = effective_role(user, settings)
    await message.answer(
        i18n.get(
            "whoami",
            role=role_name(i18n, role.value),
            center=_center_suffix(i18n, directory.center(user.staff_center_id)),
        )
    )


@router.message(Command("grant"))
async def grant(
    message: Message,
    command: CommandObject,
    bot: Bot,
    user: User,
    users: UserRepository,
    directory: Directory,
    audit: AuditRepository,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    args = (command.args or "").split()
    if len(args) not in (2, 3) or args[1].lower() not in ("staff", "admin"):
        await message.answer(i18n.get("grant-usage"))
        return
    who, role = args[0], Role(args[1].lower())
    center = None
    if len(args) == 3:
        code = args[2]
        center = directory.center_by_code(code)
        if center is None:
            center = directory.center(parse_id(code))
        if center is None:
            await message.answer(i18n.get("grant-unknown-center", code=html.escape(code[:64])))
            return
    target = await users.find(parse_user_ref(who), create=True)
    if target is None:
        await message.answer(i18n.get("grant-unknown-user", who=html.escape(who[:65])))
        return
    try:
        change = apply_grant(target, role, center if role is Role.STAFF else None, settings)
    except GrantError as exc:
        await message.answer(i18n.get(exc.reason))
        return
    await audit.write(
        user.id,
        "role.grant",
        target.id,
        before=change.before.value,
        after=change.after.value,
        center=center.code if center and role is Role.STAFF else None,
    )
    suffix = _center_suffix(i18n, change.center)
    await message.answer(
        i18n.get("grant-done", who=str(target.id), role=role_name(i18n, role.value), center=suffix)
    )
    await set_chat_commands(bot, i18n.core, target.id, role)
    await tell_rendered(
        bot,
        target,
        settings,
        i18n,
        lambda t: (
            t.get(
                "grant-notify",
                role=role_name(t, role.value),
                center=_center_suffix(t, change.center),
            ),
            None,
        ),
    )


@router.message(Command("revoke"))
async def revoke(
    message: Message,
    command: CommandObject,
    bot: Bot,
    user: User,
    users: UserRepository,
    audit: AuditRepository,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    args = (command.args or "").split()
    if len(args) != 1:
        await message.answer(i18n.get("revoke-usage"))
        return
    target = await users.find(parse_user_ref(args[0]))
    if target is None:
        await message.answer(i18n.get("grant-unknown-user", who=html.escape(args[0][:65])))
        return
    try:
        change = apply_revoke(target, settings)
    except GrantError as exc:
        await message.answer(i18n.get(exc.reason))
        return
    await audit.write(
        user.id, "role.revoke", target.id, before=change.before.value, after=change.after.value
    )
    await message.answer(i18n.get("revoke-done", who=str(target.id)))
    await set_chat_commands(bot, i18n.core, target.id, Role.RESIDENT)
    if change.before is not Role.RESIDENT:
        await tell(bot, target, settings, i18n, "revoke-notify")


@router.message(Command("whois"))
async def whois(
    message: Message,
    command: CommandObject,
    users: UserRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
) -> None:
    who = (command.args or "").strip()
    target = await users.find(parse_user_ref(who))
    if not who:
        await message.answer(i18n.get("whois-usage"))
        return
    if target is None:
        await message.answer(i18n.get("grant-unknown-user", who=html.escape(who[:65])))
        return
    target = await users.get(target.id)
    assert target is not None
    await message.answer(
        i18n.get(
            "whois",
            id=str(target.id),
            role=role_name(i18n, effective_role(target, settings).value),
            center=_center_suffix(i18n, directory.center(target.staff_center_id)),
            consent=i18n.get("yes") if target.has_consent else i18n.get("no"),
            place=place_name(target, directory) or "—",
        )
    )
