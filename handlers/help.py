"""/help: a short first screen, then a section per role with buttons (each under 600 characters)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.context import Ctx
from bot.keyboards.builders import inline
from bot.services.ideas import MAX_PHOTOS as IDEA_PHOTOS
from bot.views import edit_or_send
from storage.models import Role


class HelpCb(CallbackData, prefix="help"):
    section: str  # a section of /help, "menu" or "close"


router = Router(name=__name__)

SECTIONS: dict[Role, tuple[str, ...]] = {
    Role.RESIDENT: ("resident", "privacy"),
    Role.ELDER: ("resident", "elder", "privacy"),
    Role.STAFF: ("resident", "staff", "privacy"),
    Role.ADMIN: ("resident", "staff", "admin", "contests", "privacy"),
}


def sections_for(role: Role) -> tuple[str, ...]:
    return SECTIONS.get(role, SECTIONS[Role.RESIDENT])


def help_menu(i18n: I18nContext, role: Role) -> tuple[str, InlineKeyboardMarkup]:
    rows = [[(i18n.get(f"help-btn-{s}"), HelpCb(section=s))] for s in sections_for(role)]
    rows.append([(i18n.get("screen-close"), HelpCb(section="close"))])
    text = "\n".join((i18n.get("help-title"), i18n.get("help-start")))
    return text, inline(*rows)


@router.message(Command("help"))
@router.message(LazyFilter("menu-help"))
async def show_help(message: Message, ctx: Ctx) -> None:
    text, markup = help_menu(ctx.i18n, ctx.actor.role)
    await message.answer(text, reply_markup=markup)


@router.callback_query(HelpCb.filter())
async def help_section(callback: CallbackQuery, callback_data: HelpCb, ctx: Ctx) -> None:
    role = ctx.actor.role
    section = callback_data.section
    if section == "close":
        await edit_or_send(callback, ctx.i18n.get("help-closed"))
        return
    if section not in sections_for(role):  # the menu, or a section this role no longer has
        text, markup = help_menu(ctx.i18n, role)
        await edit_or_send(callback, text, markup)
        return
    # The limits reach the texts from where they are kept (an idea's photos: bot/services/ideas).
    text = "\n".join(
        (ctx.i18n.get(f"help-{section}", idea_photos=str(IDEA_PHOTOS)), ctx.i18n.get("help-footer"))
    )
    markup = inline(
        [
            (ctx.i18n.get("help-back"), HelpCb(section="menu")),
            (ctx.i18n.get("screen-close"), HelpCb(section="close")),
        ]
    )
    await edit_or_send(callback, text, markup)
