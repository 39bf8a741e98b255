"""Finding a person and changing their role by buttons (the typed /grant stays a shortcut)."""

from __future__ import annotations

import html
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_i18n import I18nContext

from bot.commands import set_chat_commands
from bot.context import Ctx, ctx_of
from bot.notify import tell_with_menu
from bot.permissions import districts_seen, may_appoint
from bot.services.contest_flow import add_juror
from bot.services.roles import GrantError, Post, apply_grant, apply_revoke, post_of
from bot.services.validation import InputError, parse_text
from bot.views import person_name, role_name
from handlers.forms import existing, form_data, go, refuse, say, tapped
from handlers.people.states import PeopleForm as F
from storage.models import Role, User

SHOWN = 8  # people in the list of matches


def post_suffix(i18n: I18nContext, post: Post) -> str:
    """« Центр: ЦРН «Оптимист».» — where the role holds, for the role's messages."""
    if post.center is not None:
        return i18n.get("whoami-center", name=html.escape(post.center.name))
    if post.district is not None:
        return i18n.get("whoami-office", name=html.escape(post.district.name))
    if post.municipality is not None:
        return i18n.get("whoami-municipality", name=html.escape(post.municipality.name))
    return ""


async def change_role(ctx: Ctx, target: User, role: Role, post: Post) -> str:
    """Give a role (RESIDENT: take it away), audited; the person's menu and a message follow.
    Returns what to tell the admin. A municipality's admin appoints staff of its districts only."""
    current = post_of(target, ctx.directory).district_id or target.district_id
    district_id = post.district_id if role is not Role.RESIDENT else current
    if not may_appoint(ctx.actor, role, district_id) or (
        role is Role.RESIDENT and target.role is Role.ADMIN and not ctx.actor.is_city_admin
    ):
        raise GrantError("grant-not-yours")
    revoke = role is Role.RESIDENT
    change = (
        apply_revoke(target, ctx.settings)
        if revoke
        else apply_grant(target, role, post, ctx.settings)
    )
    where = {
        "center": change.post.center,
        "district": change.post.district,
        "municipality": change.post.municipality,
    }
    await ctx.audit.write(
        ctx.actor.id,
        "role.revoke" if revoke else "role.grant",
        target.id,
        before=change.before.value,
        after=change.after.value,
        **{key: ref.code for key, ref in where.items() if ref is not None},
    )
    await set_chat_commands(ctx.bot, ctx.i18n.core, target.id, role)
    if revoke:  # with the resident's menu instead of staff's
        if change.before is not Role.RESIDENT:
            await tell_with_menu(ctx, target, Role.RESIDENT, lambda t: t.get("revoke-notify"))
        return ctx.i18n.get("revoke-done", who=person_name(target))
    await tell_with_menu(  # their work a tap away
        ctx,
        target,
        role,
        lambda t: t.get(
            "grant-notify", role=role_name(t, role.value), center=post_suffix(t, change.post)
        ),
        at_center=change.post.center is not None,
    )
    return ctx.i18n.get(
        "grant-done",
        who=person_name(target),
        role=role_name(ctx.i18n, role.value),
        center=post_suffix(ctx.i18n, change.post),
    )


async def on_query(message: Message, widget: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    query = parse_text(message.text, max_len=64)
    found = await ctx.users.search(query, SHOWN + 1, districts_seen(ctx.actor))
    if not found:
        refuse("people-none", query=query)
    draft = form_data(manager)
    draft["found"] = [
        (
            ctx.i18n.get(
                "people-line",
                who=person_name(u),
                role=role_name(ctx.i18n, u.role.value),
            )[:64],
            str(u.id),
        )
        for u in found[:SHOWN]
    ]
    draft["more"] = len(found) > SHOWN
    await go(manager, F.found)


async def on_person(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    draft = form_data(manager)
    draft["person"] = int(item)
    await go(manager, F.stage if draft.get("purpose") == "juror" else F.person)


async def on_stage(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    """The person joins the jury of this stage; they judge no entries of their own district."""
    ctx = ctx_of(manager)
    draft = form_data(manager)
    contest = existing(await ctx.contests.get(draft["contest"]))
    target = existing(await ctx.users.get(draft["person"]))
    district_id = post_of(target, ctx.directory).district_id or target.district_id
    try:
        await add_juror(ctx.contests, ctx.audit, ctx.user.id, contest, target, item, district_id)
    except InputError as exc:
        await say(manager, exc.key)
        return
    await manager.done()
    stage = ctx.i18n.get(f"jury-stage-{item}")
    await tapped(cb).answer(
        ctx.i18n.get("jury-added", who=person_name(target), id=contest.id, stage=stage)
    )


async def on_staff(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(role=Role.STAFF.value, scoped=False, office=None)
    await go(manager, F.municipality)


async def on_admin(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(role=Role.ADMIN.value, scoped=False, center=None, office=None)
    await go(manager, F.confirm)


async def on_revoke(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(role=Role.RESIDENT.value, center=None, office=None)
    await go(manager, F.confirm)


async def on_municipality(
    cb: CallbackQuery, widget: Any, manager: DialogManager, item: str
) -> None:
    draft = form_data(manager)
    draft["mun"] = int(item)
    await go(manager, F.confirm if draft.get("role") == Role.ADMIN.value else F.district)


async def on_municipal_admin(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    form_data(manager).update(role=Role.ADMIN.value, scoped=True, center=None, office=None)
    await go(manager, F.municipality)


async def on_office(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    """Staff of the district's administration, at no center."""
    draft = form_data(manager)
    draft.update(center=None, office=draft.get("district"))
    await go(manager, F.confirm)


async def on_district(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager)["district"] = int(item)
    await go(manager, F.center)


async def on_center(cb: CallbackQuery, widget: Any, manager: DialogManager, item: str) -> None:
    form_data(manager).update(center=int(item), office=None)
    await go(manager, F.confirm)


async def on_confirm(cb: CallbackQuery, button: Any, manager: DialogManager) -> None:
    ctx = ctx_of(manager)
    draft = form_data(manager)
    target = existing(await ctx.users.get(draft["person"]))
    post = Post(
        ctx.directory.center(draft.get("center")),
        ctx.directory.district(draft.get("office")),
        ctx.directory.municipality(draft.get("mun")) if draft.get("scoped") else None,
    )
    try:
        text = await change_role(
            ctx, target, Role(draft["role"]), post,
        )  # fmt: skip
    except GrantError as exc:
        await say(manager, exc.reason)
        return
    await manager.done()
    await cb.answer()
    await tapped(cb).answer(text)
    manager.show_mode = ShowMode.NO_UPDATE
