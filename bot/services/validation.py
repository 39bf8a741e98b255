"""Parsing what people type. Each parser returns the value or raises InputError with a locale key."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo


class InputError(ValueError):
    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_ = args


class Refusal(InputError):
    """A tap or an answer the bot does not act on (a stale button, someone else's object): not
    an error of the bot; what the update wrote so far is kept."""


MAX_ROW_ID = 2**31 - 1  # the largest id of a database row
MAX_TELEGRAM_ID = 2**53  # Telegram's user ids fit in 52 bits


def parse_id(text: str | None, high: int = MAX_ROW_ID) -> int | None:
    """An id typed in a command or carried by a button: None unless it is plain ASCII digits
    within 1..high (so «99999999999999999999», «-5» or «²» are simply «not found»)."""
    value = (text or "").strip()
    if not re.fullmatch(r"\d{1,16}", value, re.ASCII):
        return None
    number = int(value)
    return number if 0 < number <= high else None


def parse_user_ref(text: str) -> int | str | None:
    """«123456789» (a Telegram id) or «@username»; None for anything else."""
    value = text.strip()
    if value.startswith("@") and 1 < len(value) <= 65:
        return value
    return parse_id(value, MAX_TELEGRAM_ID)


def parse_count(text: str, low: int, high: int) -> int:
    cleaned = text.strip().replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"[+-]?\d{1,12}", cleaned):
        raise InputError("input-not-number", low=low, high=high)
    value = int(cleaned)
    if value < low or value > high:
        raise InputError("input-out-of-range", low=low, high=high)
    return value


def parse_text(text: str | None, max_len: int, min_len: int = 1, letters: bool = False) -> str:
    """Free text: trimmed (short fields on one line), within the lengths, with at least one
    letter or digit (emoji or punctuation alone say nothing); `letters`: a name, street, place
    or title, which needs a letter («-5» is no club name)."""
    value = " ".join((text or "").split()) if max_len <= 300 else (text or "").strip()
    if len(value) < min_len:
        raise InputError("input-too-short", min=min_len)
    if len(value) > max_len:
        raise InputError("input-too-long", max=max_len, length=len(value))
    if not any(c.isalpha() for c in value) and (letters or not any(c.isdigit() for c in value)):
        raise InputError("input-no-letters" if letters else "input-no-words")
    return value


MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
# Monday first, as date.weekday() counts: the forms people write after «в» and alone.
WEEKDAYS = (
    ("понедельник", "пн"),
    ("вторник", "вт"),
    ("среду", "среда", "ср"),
    ("четверг", "чт"),
    ("пятницу", "пятница", "пт"),
    ("субботу", "суббота", "сб"),
    ("воскресенье", "вс"),
)
DAYS_AGO = {"сегодня": 0, "вчера": 1, "позавчера": 2}
DAYS_AHEAD = {"сегодня": 0, "завтра": 1, "послезавтра": 2}


def parse_date(text: str, today: date, max_age_days: int) -> date:
    """A past date as people write it: 15.11.2026, 15.11, «15 ноября», «9 мая 2026», «вчера»,
    «позавчера», «в субботу» (the last Saturday, today included); not in the future, not older
    than `max_age_days`."""
    value = " ".join(text.lower().replace("ё", "е").split()).removeprefix("в ").strip(" .")
    if value in DAYS_AGO:
        found = today - timedelta(days=DAYS_AGO[value])
    elif (weekday := next((i for i, f in enumerate(WEEKDAYS) if value in f), None)) is not None:
        found = today - timedelta(days=(today.weekday() - weekday) % 7)
    else:
        found = _calendar_date(value, today)
    check_date(found, today, max_age_days)
    return found


def _calendar_date(value: str, today: date, bad: str = "input-bad-date") -> date:
    match = re.fullmatch(r"(\d{1,2})[./-](\d{1,2})(?:[./-](\d{2}|\d{4}))?", value, re.ASCII)
    named = re.fullmatch(r"(\d{1,2}) ([а-я]+)(?: (\d{4}))?(?: г(?:ода?)?)?", value)
    if match:
        day, month, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    elif named and named.group(2) in MONTHS:
        day, year_text = int(named.group(1)), named.group(3)
        month = MONTHS.index(named.group(2)) + 1
    else:
        raise InputError(bad)
    year = int(year_text) if year_text else today.year
    if year < 100:
        year += 2000
    try:
        return date(year, month, day)
    except ValueError:
        raise InputError(bad) from None


TIMES = ("09:00", "10:00", "11:00", "12:00", "14:00", "16:00")  # a time of day, as buttons
MAX_DAYS_AHEAD = 90


def parse_clock(text: str | None) -> time:
    """«10:00», «10.30», «9»."""
    value = (text or "").strip().replace(".", ":").replace("-", ":")
    try:
        hour, _, minute = value.partition(":")
        found = time(int(hour), int(minute or 0))
    except ValueError:
        raise InputError("gather-bad-time") from None
    return found


def future_moment(day: date, clock: time, tz: tzinfo, now: datetime) -> datetime:
    """A day and a time of day in the city, as UTC: later than now, within 90 days."""
    moment = datetime.combine(day, clock, tzinfo=tz)
    if moment <= now:
        raise InputError("gather-in-past")
    if moment > now + timedelta(days=MAX_DAYS_AHEAD):
        raise InputError("gather-too-far", days=MAX_DAYS_AHEAD)
    return moment.astimezone(UTC)


def parse_end_date(text: str, today: date, max_days: int) -> date:
    """A coming date (a vote's last day, a contest's deadline): 15.12, «15 декабря», 15.12.2026;
    a date without a year that has passed this year is next year's."""
    value = " ".join(text.lower().replace("ё", "е").split()).removeprefix("до ").strip(" .")
    found = coming_date(value, today, "input-bad-end-date")
    if found <= today:
        raise InputError("vote-end-past")
    if found > today + timedelta(days=max_days):
        raise InputError("vote-end-far", days=max_days)
    return found


def coming_date(value: str, today: date, bad: str) -> date:
    """A date as people write it of something to come: a date without a year that has passed
    this year is next year's («10 января» written in December); «сегодня», «завтра»,
    «послезавтра»."""
    if value in DAYS_AHEAD:
        return today + timedelta(days=DAYS_AHEAD[value])
    found = _calendar_date(value, today, bad)
    year_given = re.search(r"\d{4}", value) or re.fullmatch(r"\d{1,2}[./-]\d{1,2}[./-]\d{2}", value)
    if found < today and not year_given:
        found = found.replace(year=found.year + 1)
    return found


def check_date(value: date, today: date, max_age_days: int) -> None:
    if value > today:
        raise InputError("input-date-future")
    if value < today - timedelta(days=max_age_days):
        raise InputError("input-date-too-old", days=max_age_days)
