"""Admins: /grant, /revoke, /whois. Staff and admins: /whoami. Every change is audited."""

from __future__ import annotations

import html
import logging

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_dialog import DialogManager
from aiogram_i18n import LazyFilter

from bot.context import Ctx
from bot.permissions import effective_role
from bot.services.roles import GrantError, Post, post_of
from bot.services.validation import parse_id, parse_user_ref
from bot.views import person_name, place_name, role_name
from handlers.forms import opens_form, refuse
from handlers.people.handlers import change_role, post_suffix
from handlers.people.states import PeopleForm
from storage.models import Role

logger = logging.getLogger(__name__)

staff_router = Router(name=f"{__name__}.staff")

router = Router(name=__name__)


@staff_router.message(Command("whoami"))
async def whoami(message: Message, ctx: Ctx) -> None:
    role = effective_role(ctx.user, ctx.settings)
    await message.answer(
        ctx.i18n.get(
            "whoami",
            role=role_name(ctx.i18n, role.value),
            center=post_suffix(ctx.i18n, post_of(ctx.user, ctx.directory)),
        )
    )


# Find a person by name and give them a role (or, with purpose="juror" and a contest, a place in
# its jury); another form's draft is not dropped.
open_people = opens_form("people", PeopleForm.search, restarts_itself=True)


@router.message(Command("grant", "revoke"))
@router.message(LazyFilter("menu-grant"))
async def grant_or_revoke(
    message: Message,
    dialog_manager: DialogManager,
    ctx: Ctx,
    command: CommandObject | None = None,
) -> None:
    """«/grant», «/revoke» or «👤 Назначить роль» alone: find the person and choose by buttons;
    «/grant 123 staff optimist» and «/revoke 123» are the operator's typed shortcuts."""
    if command is None or not command.args:
        await open_people(dialog_manager)
        return
    args = command.args.split()
    granting = command.command == "grant"
    center = None
    if not granting:
        if len(args) != 1:
            refuse("revoke-usage")
        role = Role.RESIDENT
    else:
        if len(args) not in (2, 3) or args[1].lower() not in ("staff", "admin"):
            refuse("grant-usage")
        role = Role(args[1].lower())
        if len(args) == 3:
            code = args[2]
            center = ctx.directory.center_by_code(code) or ctx.directory.center(parse_id(code))
            if center is None:
                refuse("grant-unknown-center", code=html.escape(code[:64]))
    who = args[0]
    target = await ctx.users.find(parse_user_ref(who), create=granting)
    if target is None:
        refuse("grant-unknown-user", who=html.escape(who[:65]))
    try:
        text = await change_role(
            ctx,
            target,
            role,
            Post(center),
        )
    except GrantError as exc:
        text = ctx.i18n.get(exc.reason)
    await message.answer(text)


@router.message(Command("whois"))
async def whois(
    message: Message, command: CommandObject, dialog_manager: DialogManager, ctx: Ctx
) -> None:
    who = (command.args or "").strip()
    if not who:
        await open_people(dialog_manager)
        return
    target = await ctx.users.find(parse_user_ref(who))
    if target is None:
        refuse("grant-unknown-user", who=html.escape(who[:65]))
    target = await ctx.users.get(target.id)
    assert target is not None
    await message.answer(
        ctx.i18n.get(
            "whois",
            who=person_name(target),
            role=role_name(ctx.i18n, effective_role(target, ctx.settings).value),
            center=post_suffix(ctx.i18n, post_of(target, ctx.directory)),
            consent=ctx.i18n.get("yes") if target.has_consent else ctx.i18n.get("no"),
            place=place_name(target, ctx.directory) or "—",
        )
    )
