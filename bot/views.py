"""Rendering shared by several handlers (texts from locales, HTML-escaped data)."""

from __future__ import annotations

import html
import re
from contextlib import suppress
from datetime import datetime, timedelta
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InputMediaPhoto,
    LinkPreviewOptions,
    Message,
)
from aiogram_i18n import I18nContext
from aiogram_i18n.exceptions import KeyNotFoundError

from bot.config import Settings
from storage.models import ElderRegistration, Report, User
from storage.repositories.directory import CenterRef, Directory, DistrictRef


def center_value(i18n: I18nContext, center: CenterRef, field: str) -> str | None:
    """A field of the center's card as people read it; None when it is not known yet."""
    if field == "point":
        if center.lat is None or center.lon is None:
            return None
        return i18n.get("center-point", lat=f"{center.lat:.5f}", lon=f"{center.lon:.5f}")
    value: str | None = getattr(center, field)
    return value


def center_card(i18n: I18nContext, center: CenterRef, clubs: int) -> str:
    """Only what is known: a line for each filled field, none for what is not."""
    lines = [
        i18n.get("center-card-title", name=html.escape(center.name)),
        html.escape(center.district.name),
    ]
    for field in ("address", "hours", "phone", "link", "rental", "consultations", "collection"):
        value = center_value(i18n, center, field)
        if value:
            lines.append(i18n.get(f"center-line-{field}", value=html.escape(value)))
    if len(lines) == 2:
        lines.append(i18n.get("center-card-empty"))
    if clubs:
        lines.append(i18n.get("center-line-clubs", clubs=clubs))
    return "\n".join(lines)


def local_time(moment: datetime, settings: Settings) -> datetime:
    """Times are stored in UTC and shown in the city's time zone (TIMEZONE)."""
    return moment.astimezone(settings.tz)


def role_name(i18n: I18nContext, role: str) -> str:
    return i18n.get(f"role-{role}")


def plain_name(user: User) -> str:
    """How staff and admins name a person: the name they gave, else their @username, else the
    Telegram number someone typed to find them (as text for a file; person_name for a message)."""
    if user.full_name:
        return user.full_name
    return f"@{user.username}" if user.username else str(user.id)


def person_name(user: User) -> str:
    return html.escape(plain_name(user))


def place_name(user: User, directory: Directory) -> str | None:
    district = directory.district(user.district_id)
    return html.escape(district.full_name) if district else None


async def edit_markup(callback: CallbackQuery, markup: InlineKeyboardMarkup | None) -> None:
    """New buttons under the tapped message (None: none); one too old to edit keeps its own."""
    if isinstance(callback.message, Message):
        with suppress(TelegramBadRequest):  # a double tap: the same buttons already
            await callback.message.edit_reply_markup(reply_markup=markup)


NO_PREVIEW = LinkPreviewOptions(is_disabled=True)  # a list's links: no picture of the first


async def edit_or_send(
    callback: CallbackQuery,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    preview: LinkPreviewOptions | None = None,
) -> None:
    """Replace the screen in place; a double tap (same content) is not an error. A screen longer
    than one short message (a club's description of 1 000 characters) comes as new messages."""
    message = callback.message
    if not isinstance(message, Message) or visible_length(text) > SHORT_MESSAGE:
        if callback.from_user:  # (a message too old, Telegram does not give it back)
            await send_short(callback.bot, callback.from_user.id, text, markup, preview)  # type: ignore[arg-type]
        return
    if message.text is not None:
        try:
            await message.edit_text(text, reply_markup=markup, link_preview_options=preview)
            return
        except TelegramBadRequest:
            pass  # it cannot be edited (too old, a photo): the screen comes as a new message
    await message.answer(text, reply_markup=markup, link_preview_options=preview)


def territory_text(i18n: I18nContext, reg: ElderRegistration | dict[str, Any]) -> str:
    get = reg.get if isinstance(reg, dict) else lambda k: getattr(reg, k)
    street, house, entrance = get("street"), get("house"), get("entrance")
    if entrance:
        return i18n.get(
            "reg-territory-entrance", street=street, house=house, entrance=str(entrance)
        )
    if house:
        return i18n.get("reg-territory-house", street=street, house=house)
    if street:
        return i18n.get("reg-territory-street", street=street)
    return i18n.get("reg-territory-none")


def home_text(i18n: I18nContext, user: User) -> str:
    """«ул. Весенняя, 17, подъезд 2» as the resident gave it."""
    parts = [user.street, user.house]
    if user.entrance:
        parts.append(i18n.get("home-entrance", entrance=user.entrance))
    return ", ".join(p for p in parts if p)


def registration_summary(
    i18n: I18nContext, data: dict[str, Any], directory: Directory, title: bool = True
) -> str:
    """An elder application as staff and the applicant see it (HTML-escaped)."""
    district = directory.district(data.get("district_id"))
    committee = directory.committee(data.get("committee_id"))
    committee_name = committee.name if committee else (data.get("committee_other") or "—")
    text = i18n.get(
        "reg-summary",
        role=i18n.get(f"tos-role-{data['tos_role']}") if data.get("tos_role") else "—",
        district=html.escape(district.full_name) if district else "—",
        committee=html.escape(committee_name),
        territory=html.escape(territory_text(i18n, data)),
        name=html.escape(data.get("full_name") or "—"),
        phone=html.escape(data.get("phone") or "—"),
    )
    return text if title else text.split("\n", 1)[1]


def cut(text: str, room: int) -> str:
    """The text whole if it fits `room` letters, else its beginning and «…» (room letters in all)."""
    return text if len(text) <= room else text[: room - 1] + "…"


SHOWN_BACK = 300  # letters of a person's own long text that a form's summary shows back


def shown_back(i18n: I18nContext, text: str | None, room: int = SHOWN_BACK) -> str:
    """A person's own text as a form's last screen shows it back (HTML): whole when short, else
    its beginning, cut between words, and how much more is kept — the screen stays short."""
    text = text or ""
    if len(text) <= room:
        return html.escape(text)
    cut = text[:room].rsplit(maxsplit=1)[0] if " " in text[:room] else text[:room]
    return i18n.get("shown-back-cut", text=html.escape(cut), more=len(text) - len(cut))


def report_summary(
    i18n: I18nContext, data: dict[str, Any], directory: Directory, in_form: bool = False
) -> str:
    """A report (a wizard draft, or a stored report via `draft_from_report`) as text; `in_form`:
    the form's last screen, where a long description is shown back cut."""
    from bot.services.reports import draft_tags, figures_for

    none = i18n.get("rep-none")
    action = directory.action(data.get("action_id"))
    action_name = action.name if action else (data.get("action_other") or none)
    held_on = data.get("held_on")
    place = data.get("place") or (i18n.get("rep-place-point") if data.get("lat") else none)
    figures = data.get("figures", {})
    figure_lines = [
        f"{i18n.get(f'rep-figure-{f}')}: {figures[f]}"
        for f in figures_for(data.get("kind", ""))
        if f in figures
    ]
    title = (
        i18n.get("rep-title-edit", id=str(data["report_id"]))
        if data.get("report_id")
        else i18n.get("rep-title-new")
    )
    text = i18n.get(
        "rep-summary",
        title=title,
        kind=i18n.get(f"rep-kind-{data['kind']}") if data.get("kind") else none,
        action=html.escape(action_name),
        date=_date_text(held_on) if held_on else none,
        place=html.escape(place),
        participants=str(data.get("participants") or none),
        figures="\n".join(figure_lines),
        description=(
            shown_back(i18n, data.get("description"))
            if in_form and data.get("description")
            else html.escape(data.get("description") or none)
        ),
        photos=str(len(data.get("photos", []))),
        tags=_tags_line(i18n, draft_tags(data)),
    )
    return "\n".join(line for line in text.split("\n") if line.strip())


def _tags_line(i18n: I18nContext, tags: dict[str, Any]) -> str:
    text = tags_text(i18n, tags)
    return i18n.get("tags-line", tags=text) if text else ""


def _date_text(iso: str) -> str:
    from datetime import date

    return date.fromisoformat(iso).strftime("%d.%m.%Y")


async def send_album(
    bot: Bot,
    chat_id: int,
    photos: list[str],
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> None:
    """Photos (file_ids) as albums of up to 10 (Telegram's limit), then the card's text in short
    messages (an idea of 2 000 characters with its answer), the buttons under the last."""
    for start in range(0, len(photos), 10):
        chunk = photos[start : start + 10]
        if len(chunk) == 1:
            await bot.send_photo(chat_id, chunk[0])
        else:
            await bot.send_media_group(chat_id, [InputMediaPhoto(media=f) for f in chunk])
    await send_short(bot, chat_id, text, markup)


async def send_short(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    preview: LinkPreviewOptions | None = None,
) -> None:
    """A text in messages an elder reads at once (short_messages), the buttons under the last."""
    texts = short_messages(text.split("\n"))
    for n, part in enumerate(texts, start=1):
        await bot.send_message(
            chat_id,
            part,
            reply_markup=markup if n == len(texts) else None,
            link_preview_options=preview,
        )


def report_card(
    i18n: I18nContext,
    report: Report,
    directory: Directory,
    extra: list[str],
) -> str:
    from bot.services.reports import draft_from_report

    data = draft_from_report(report)
    data.pop("report_id")
    body = report_summary(i18n, data, directory).split("\n", 1)[1]
    title = i18n.get("rep-card-title", id=str(report.id))
    lines = [
        title,
        body,
        i18n.get("rep-card-status", status=i18n.get(f"rep-status-{report.status.value}")),
    ]
    if report.moderator_comment:
        lines.append(i18n.get("rep-card-comment", comment=html.escape(report.moderator_comment)))
    return "\n".join([*lines, *extra])


def when_text(moment: datetime, settings: Settings) -> str:
    """A session or event time as the city reads it: «пт 21.11 18:00» in TIMEZONE."""
    local = local_time(moment, settings)
    return local.strftime("%d.%m %H:%M")


def schedule_text(i18n: I18nContext, slots: Any) -> str:
    parts = []
    for slot in slots:
        end = (datetime.combine(datetime.min, slot.starts) + timedelta(minutes=slot.minutes)).time()
        parts.append(f"{i18n.get(f'weekday-{slot.weekday}')} {slot.starts:%H:%M}–{end:%H:%M}")
    return ", ".join(parts) or "—"


MESSAGE_MAX = 4096  # characters Telegram shows in one message (tags and entities not counted)


def visible_length(html_text: str) -> int:
    """What Telegram counts of an HTML message: the text without tags, entities as one."""
    return len(html.unescape(re.sub(r"<[^>]*>", "", html_text)))


def room_for(i18n: I18nContext, key: str, **args: Any) -> int:
    """How many characters of user text fit into the message `key` (its `text` left empty)."""
    return MESSAGE_MAX - visible_length(i18n.get(key, text="", **args))


def reminder_text(i18n: I18nContext, minutes: int) -> str:
    """When club sessions are reminded: «за 3 ч.», «не напоминать»."""
    if minutes == 0:
        return i18n.get("settings-club-off")
    return i18n.get("settings-club-minutes", hours=minutes // 60)


def muted_text(i18n: I18nContext, muted: str) -> str:
    """The kinds of announcements a user switched off, in words (or «—»)."""
    kinds = [k for k in muted.split(",") if k]
    return ", ".join(i18n.get(f"settings-kind-{k}") for k in kinds) or "—"


SHORT_MESSAGE = 600  # what an elderly reader takes in at once


def short_messages(lines: list[str], limit: int = SHORT_MESSAGE) -> list[str]:
    """Lines gathered into as few messages as possible, none longer than `limit`; a longer line
    (a text someone wrote) goes on in the next message, split between words."""
    messages: list[str] = []
    current = ""
    for piece in (piece for line in lines for piece in _pieces(line, limit)):
        if current and len(current) + 1 + len(piece) > limit:
            messages.append(current)
            current = piece
        else:
            current = f"{current}\n{piece}" if current else piece
    if current:
        messages.append(current)
    return messages


def _pieces(line: str, limit: int) -> list[str]:
    """A line cut at the last space before `limit` (an escaped «&amp;» is never cut: it has none);
    a word longer than `limit` at `limit`, outside an «&…;»."""
    pieces = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit + 1)
        if cut <= 0:
            amp = line.rfind("&", 0, limit)
            cut = amp if amp > 0 and ";" not in line[amp:limit] else limit
        pieces.append(line[:cut].rstrip())
        line = line[cut:].lstrip()
    return [*pieces, line]


def text_or(i18n: I18nContext, key: str, fallback: str) -> str:
    """The locale's text for `key`, or `fallback` for a key it does not have."""
    try:
        return str(i18n.get(key))
    except KeyNotFoundError:
        return fallback


def tags_text(i18n: I18nContext, tags: dict[str, Any] | None) -> str:
    """«Лето (спортивное), Уютный Кемерово, молодёжное» — or empty without marks."""
    from bot.services.tags import clean

    marks = clean(tags)
    parts = []
    if marks["programme"]:
        leto = i18n.get("tag-leto")
        if marks["direction"]:
            leto += f" ({i18n.get('tag-direction-' + marks['direction']).lower()})"
        parts.append(leto)
    if marks["project"]:
        parts.append(i18n.get(f"tag-project-{marks['project']}"))
    if marks["youth"]:
        parts.append(i18n.get("tag-youth").lower())
    return ", ".join(parts)


def district_names(districts: list[DistrictRef]) -> list[tuple[DistrictRef, str]]:
    """Each district with its name as a list of them says it: with its town where the list
    holds several towns («Кемерово, Центральный район» beside «Новокузнецк, Центральный район»)."""
    several = len({d.municipality_id for d in districts}) > 1
    return [(d, d.full_name if several else d.name) for d in districts]


def district_buttons(districts: list[DistrictRef], button: Any) -> list[list[tuple[str, Any]]]:
    """Districts as buttons, two a row; `button` makes a district's callback data."""
    choices = [(name, button(d.id)) for d, name in district_names(districts)]
    return [choices[i : i + 2] for i in range(0, len(choices), 2)]
