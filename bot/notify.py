"""Messages the bot sends on its own (decisions, new applications, reports to check): in the
recipient's language, and never failing the action that caused them (a blocked bot, a chat never
opened)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup, Message, ReplyKeyboardMarkup
from aiogram_i18n import I18nContext

from bot.context import Ctx
from bot.keyboards.builders import main_menu
from storage.models import Role, User

logger = logging.getLogger(__name__)

Render = Callable[[I18nContext], tuple[str, InlineKeyboardMarkup | ReplyKeyboardMarkup | None]]


CAPTION_MAX = 1024  # Telegram's limit for a photo's caption


async def tell_rendered(
    ctx: Ctx, recipient: User | None, render: Render, photo: str | None = None
) -> Message | None:
    """The message sent (with a photo, when given), or None when it could not be."""
    if recipient is None:
        return None
    with ctx.i18n.use_locale(recipient.locale or ctx.settings.default_locale):
        text, markup = render(ctx.i18n)
    bot = ctx.bot
    try:
        if photo is not None and len(text) <= CAPTION_MAX:
            return await bot.send_photo(recipient.id, photo, caption=text, reply_markup=markup)
        if photo is not None:
            await bot.send_photo(recipient.id, photo)
        return await bot.send_message(recipient.id, text, reply_markup=markup)
    except TelegramAPIError as exc:
        logger.info("Notification not delivered: %s", type(exc).__name__)
        return None


async def retire_buttons(bot: Bot, copies: list[tuple[int, int]]) -> None:
    """Other deciders' copies of a notice lose their buttons once one of them has decided."""
    for chat_id, message_id in copies:
        try:
            await bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )
        except TelegramAPIError as exc:  # deleted, too old: nothing to press there anyway
            logger.info("Buttons not retired: %s", type(exc).__name__)


async def tell(ctx: Ctx, recipient: User | int | None, key: str, **args: str) -> bool:
    """One message to a person (or their id; None, an author who deleted their data: nobody)."""
    if isinstance(recipient, int):
        recipient = await ctx.users.get(recipient)
    sent = await tell_rendered(ctx, recipient, lambda t: (t.get(key, **args), None))
    return sent is not None


async def tell_each(ctx: Ctx, user_ids: Iterable[int | None], key: str, **args: str) -> int:
    """Tell each of these people once; how many got the message."""
    told = 0
    for user_id in sorted({u for u in user_ids if u}):
        told += await tell(ctx, user_id, key, **args)
    return told


async def tell_with_menu(
    ctx: Ctx,
    recipient: User,
    role: Role,
    text: Callable[[I18nContext], str],
    at_center: bool = True,
) -> None:
    """A notice that changes what a person may do, with the main menu of the role they have now:
    the buttons under their typing field change with it."""
    await tell_rendered(ctx, recipient, lambda t: (text(t), main_menu(t, role, at_center)))
