"""Admins: /grant, /revoke, /whois. Staff and admins: /whoami. Every change is audited."""

from __future__ import annotations

import html
import logging

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.config import Settings
from bot.permissions import Actor, effective_role
from bot.services.roles import GrantError, Post, post_of
from bot.services.validation import parse_id, parse_user_ref
from bot.views import person_name, place_name, role_name
from handlers.forms import opens_form
from handlers.people.handlers import change_role, post_suffix
from handlers.people.states import PeopleForm
from storage.models import Role, User
from storage.repositories.audit import AuditRepository
from storage.repositories.directory import Directory
from storage.repositories.users import UserRepository

logger = logging.getLogger(__name__)

staff_router = Router(name=f"{__name__}.staff")

router = Router(name=__name__)


@staff_router.message(Command("whoami"))
async def whoami(
    message: Message, user: User, settings: Settings, directory: Directory, i18n: I18nContext
) -> None:
    role = effective_role(user, settings)
    await message.answer(
        i18n.get(
            "whoami",
            role=role_name(i18n, role.value),
            center=post_suffix(i18n, post_of(user, directory)),
        )
    )


# Find a person by name and give them a role (or, with purpose="juror" and a contest, a place in
# its jury); another form's draft is not dropped.
open_people = opens_form("people", PeopleForm.search, restarts_itself=True)


@router.message(Command("grant", "revoke"))
async def grant_or_revoke(
    message: Message,
    command: CommandObject,
    bot: Bot,
    actor: Actor,
    users: UserRepository,
    directory: Directory,
    audit: AuditRepository,
    settings: Settings,
    i18n: I18nContext,
    dialog_manager: DialogManager,
) -> None:
    """«/grant» or «/revoke» alone: find the person and choose by buttons; «/grant 123 staff
    optimist» and «/revoke 123» are the typed shortcuts."""
    if not command.args:
        await open_people(dialog_manager)
        return
    args = command.args.split()
    granting = command.command == "grant"
    center = None
    if not granting:
        if len(args) != 1:
            await message.answer(i18n.get("revoke-usage"))
            return
        role = Role.RESIDENT
    else:
        if len(args) not in (2, 3) or args[1].lower() not in ("staff", "admin"):
            await message.answer(i18n.get("grant-usage"))
            return
        role = Role(args[1].lower())
        if len(args) == 3:
            code = args[2]
            center = directory.center_by_code(code) or directory.center(parse_id(code))
            if center is None:
                await message.answer(i18n.get("grant-unknown-center", code=html.escape(code[:64])))
                return
    who = args[0]
    target = await users.find(parse_user_ref(who), create=granting)
    if target is None:
        await message.answer(i18n.get("grant-unknown-user", who=html.escape(who[:65])))
        return
    try:
        text = await change_role(
            bot, actor, target, role, Post(center), audit, directory, settings, i18n
        )
    except GrantError as exc:
        text = i18n.get(exc.reason)
    await message.answer(text)


@router.message(Command("whois"))
async def whois(
    message: Message,
    command: CommandObject,
    users: UserRepository,
    directory: Directory,
    settings: Settings,
    i18n: I18nContext,
    dialog_manager: DialogManager,
) -> None:
    who = (command.args or "").strip()
    if not who:
        await open_people(dialog_manager)
        return
    target = await users.find(parse_user_ref(who))
    if target is None:
        await message.answer(i18n.get("grant-unknown-user", who=html.escape(who[:65])))
        return
    target = await users.get(target.id)
    assert target is not None
    await message.answer(
        i18n.get(
            "whois",
            who=person_name(target),
            role=role_name(i18n, effective_role(target, settings).value),
            center=post_suffix(i18n, post_of(target, directory)),
            consent=i18n.get("yes") if target.has_consent else i18n.get("no"),
            place=place_name(target, directory) or "—",
        )
    )
