"""What `python -m bot` says when it cannot start: one line on stderr and exit code 2."""

from __future__ import annotations

import sys
from typing import NoReturn

from pydantic import ValidationError

from bot.config import Settings

EXIT_CONFIG = 2


def fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(EXIT_CONFIG)


def load_settings() -> Settings:
    try:
        return Settings()  # type: ignore[call-arg]
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            name = str(error["loc"][0]).upper() if error["loc"] else "settings"
            reason = (
                "is missing"
                if error["type"] == "missing"
                else error["msg"].removeprefix("Value error, ")
            )
            problems.append(f"{name} {reason}")
        fail("; ".join(problems) + " (see .env.example)")
