"""/help: the commands this user's role may use."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.config import Settings
from bot.services.roles import effective_role
from storage.models import Role, User

router = Router(name=__name__)


def help_text(i18n: I18nContext, role: Role) -> str:
    parts = [i18n.get("help-title"), i18n.get("help-resident")]
    if role is Role.ELDER:
        parts.append(i18n.get("help-elder"))
    if role in (Role.STAFF, Role.ADMIN):
        parts.append(i18n.get("help-staff"))
    if role is Role.ADMIN:
        parts.append(i18n.get("help-admin"))
    parts.append(i18n.get("help-footer"))
    return "\n\n".join(parts)


@router.message(Command("help"))
@router.message(LazyFilter("menu-help"))
async def show_help(message: Message, user: User, settings: Settings, i18n: I18nContext) -> None:
    await message.answer(help_text(i18n, effective_role(user, settings)))
