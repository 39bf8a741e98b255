"""The one error handler: log without personal data, answer politely."""

from __future__ import annotations

import logging
import traceback
from contextlib import suppress

from aiogram import Router
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ErrorEvent
from aiogram_i18n import I18nContext

from bot.metrics import Metrics
from storage.db import FAULT_LOG, storage_fault

router = Router(name=__name__)
logger = logging.getLogger(__name__)


def where(exc: BaseException) -> str:
    """file:line of the innermost frame, without the exception's message (it may hold user text)."""
    frames = traceback.extract_tb(exc.__traceback__)
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"


@router.errors()
async def on_error(
    event: ErrorEvent, i18n: I18nContext | None = None, metrics: Metrics | None = None
) -> None:
    exc = event.exception
    fault = storage_fault(exc)
    if fault is not None:  # nothing of the update was saved, and the user is told so
        if metrics is not None:
            metrics.storage_fault(fault)
        logger.error(
            "Not saved, %s: %s at %s (update %s)",
            FAULT_LOG[fault],
            type(exc).__name__,
            where(exc),
            event.update.update_id,
        )
    else:
        logger.error(
            "Unhandled %s at %s (update %s)", type(exc).__name__, where(exc), event.update.update_id
        )
    key = f"error-{fault}" if fault else "error-generic"
    text = i18n.get(key) if i18n is not None else "Что-то пошло не так…"
    with suppress(TelegramAPIError):
        if event.update.callback_query is not None:
            await event.update.callback_query.answer(text, show_alert=True)
        elif event.update.message is not None:
            await event.update.message.answer(text)
