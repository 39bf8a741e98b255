"""Every button tap is answered exactly once, without each handler saying so: a handler answers
only when it has something to tell (an alert, a short note); a tap nobody answered is answered
blank when it is handled, so the button's clock never spins. A second answer to the same tap (a
form that answered, then its framework) is dropped instead of failing at Telegram."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import CallbackQuery, TelegramObject


@dataclass
class Tap:
    id: str
    answered: bool = False


current_tap: ContextVar[Tap | None] = ContextVar("current_tap", default=None)


class AnswerEveryTap(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        assert isinstance(event, CallbackQuery)
        tap = Tap(event.id)
        token = current_tap.set(tap)
        try:
            # An error is answered by the error handler (with what went wrong), not blank here.
            result = await handler(event, data)
            if not tap.answered:
                with suppress(TelegramAPIError):
                    await event.answer()
            return result
        finally:
            current_tap.reset(token)


class AnswerOnce(BaseRequestMiddleware):
    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        tap = current_tap.get()
        if isinstance(method, AnswerCallbackQuery) and tap and tap.id == method.callback_query_id:
            if tap.answered:
                return True
            tap.answered = True
        return await make_request(bot, method)
