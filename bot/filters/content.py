"""Message-content checks as async filters.

aiogram runs a plain (synchronous) filter — a bare `F.text`, or a bare `State` — in a worker
thread for every update that reaches it; wrapped like this it costs a function call instead."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject
from magic_filter import MagicFilter


class Has(Filter):
    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> bool:
        return bool(self.magic.resolve(event))
