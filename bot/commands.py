"""The command lists Telegram shows: everyone's by default, staff/admin extras per chat."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault
from aiogram_i18n.cores import BaseCore

from bot.config import SUPPORTED_LOCALES
from storage.models import Role

logger = logging.getLogger(__name__)

RESIDENT_COMMANDS = (
    "start",
    "centers",
    "contests",
    "myapplications",
    "jury",
    "idea",
    "ideas",
    "myideas",
    "votes",
    "home",
    "clubs",
    "events",
    "my",
    "settings",
    "register",
    "help",
    "mydata",
    "deleteme",
    "lang",
    "cancel",
)
ELDER_COMMANDS = ("report", "myreports", "myrecord", "plan", "newvote", *RESIDENT_COMMANDS)
STAFF_COMMANDS = (
    "stats",
    "export",
    "announce",
    "announcements",
    "myclubs",
    "mycenter",
    "queue",
    "elders",
    "newvote",
    "projects",
    "forperson",
    "receptions",
    "rental",
    "media",
    "ranking",
    *RESIDENT_COMMANDS,
    "whoami",
)
ADMIN_COMMANDS = (
    *STAFF_COMMANDS,
    "year",
    "awards",
    "invite",
    "booklet",
    "audit",
    "registry",
    "deadlines",
    "contests_admin",
    "grant",
    "revoke",
    "whois",
)
EXTRA = {Role.ELDER: ELDER_COMMANDS, Role.STAFF: STAFF_COMMANDS, Role.ADMIN: ADMIN_COMMANDS}


def commands_for(role: Role) -> tuple[str, ...]:
    return EXTRA.get(role, RESIDENT_COMMANDS)


def _commands(core: BaseCore, names: tuple[str, ...], locale: str) -> list[BotCommand]:
    return [BotCommand(command=n, description=core.get(f"cmd-{n}", locale)) for n in names]


async def set_default_commands(bot: Bot, core: BaseCore, default_locale: str) -> None:
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(_commands(core, RESIDENT_COMMANDS, default_locale), scope=scope)
    for locale in SUPPORTED_LOCALES:
        await bot.set_my_commands(
            _commands(core, RESIDENT_COMMANDS, locale), scope=scope, language_code=locale
        )


async def set_chat_commands(bot: Bot, core: BaseCore, chat_id: int, role: Role) -> None:
    """Elders, staff and admins get their extra commands in their own chat; residents get the
    default list back."""
    scope = BotCommandScopeChat(chat_id=chat_id)
    try:
        if role in EXTRA:
            for locale in (None, *SUPPORTED_LOCALES):
                await bot.set_my_commands(
                    _commands(core, commands_for(role), locale or "ru"),
                    scope=scope,
                    language_code=locale,
                )
        else:
            for locale in (None, *SUPPORTED_LOCALES):
                await bot.delete_my_commands(scope=scope, language_code=locale)
    except TelegramAPIError as exc:  # e.g. the user never opened the chat
        logger.info("Chat commands not updated: %s", type(exc).__name__)
