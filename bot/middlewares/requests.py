"""Middlewares of the bot's requests to Telegram (not of incoming updates)."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    EditMessageCaption,
    EditMessageReplyMarkup,
    EditMessageText,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType

from storage.db import has_writes
from storage.fsm import update_session


class CommitBeforeSending(BaseRequestMiddleware):
    """Whatever an update changed is committed before the bot says anything about it: the user
    never sees «сохранено» for a write that a locked or full database then refuses. (The write
    waits out a lock first — DATABASE_LOCK_WAIT.) Requests outside an update pass straight."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        session = update_session.get()
        if session is not None and has_writes(session):
            await session.commit()
        return await make_request(bot, method)


EDITS = (EditMessageText, EditMessageReplyMarkup, EditMessageCaption)


class QuietWhenUnchanged(BaseRequestMiddleware):
    """An edit to what the message already shows (a double tap, a second «Согласен») is done
    already: Telegram's «message is not modified» is no error."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        try:
            return await make_request(bot, method)
        except TelegramBadRequest as exc:
            if isinstance(method, EDITS) and "message is not modified" in exc.message:
                return True
            raise
