"""Parsing what people type. Each parser returns the value or raises InputError with a locale key."""

from __future__ import annotations

import re
from datetime import date, timedelta


class InputError(ValueError):
    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


def parse_count(text: str, low: int, high: int) -> int:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[+-]?\d{1,12}", cleaned):
        raise InputError("input-not-number", low=low, high=high)
    value = int(cleaned)
    if value < low or value > high:
        raise InputError("input-out-of-range", low=low, high=high)
    return value


def parse_text(text: str | None, max_len: int, min_len: int = 1) -> str:
    value = " ".join((text or "").split()) if max_len <= 300 else (text or "").strip()
    if len(value) < min_len:
        raise InputError("input-too-short", min=min_len)
    if len(value) > max_len:
        raise InputError("input-too-long", max=max_len, length=len(value))
    return value


def parse_date(text: str, today: date, max_age_days: int) -> date:
    """DD.MM.YYYY or DD.MM (this year); not in the future, not older than `max_age_days`."""
    match = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?", text.strip())
    if not match:
        raise InputError("input-bad-date")
    day, month = int(match.group(1)), int(match.group(2))
    year = int(match.group(3)) if match.group(3) else today.year
    if year < 100:
        year += 2000
    try:
        value = date(year, month, day)
    except ValueError:
        raise InputError("input-bad-date") from None
    check_date(value, today, max_age_days)
    return value


def check_date(value: date, today: date, max_age_days: int) -> None:
    if value > today:
        raise InputError("input-date-future")
    if value < today - timedelta(days=max_age_days):
        raise InputError("input-date-too-old", days=max_age_days)
