"""`python -m bot`: the settings are checked first — a mistake is one line within a second,
before the bot's heavy imports — then the bot runs (bot/run.py)."""

from __future__ import annotations

import asyncio
from contextlib import suppress

from bot.startup import load_settings

if __name__ == "__main__":
    settings = load_settings()
    from bot.run import main

    with suppress(KeyboardInterrupt):
        asyncio.run(main(settings))
