"""/settings: when to be reminded of club sessions (or not at all)."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.context import Ctx
from bot.keyboards.builders import Rows, inline
from bot.keyboards.callbacks import RowId
from bot.views import edit_markup, edit_or_send, reminder_text
from handlers.forms import refuse
from storage.models import User


class SettingsCb(CallbackData, prefix="set"):
    minutes: RowId  # CLOSE: «❌ Закрыть»


class MuteCb(CallbackData, prefix="mute"):
    kind: str  # "news" | "contests"


router = Router(name=__name__)

CHOICES = ((60, "settings-1h"), (180, "settings-3h"), (1440, "settings-1d"), (0, "settings-off"))
CLOSE = 1
MUTABLE = ("news", "contests", "votes", "actions")


def muted_kinds(user: User) -> set[str]:
    return {k for k in user.muted.split(",") if k}


def settings_screen(ctx: Ctx) -> tuple[str, InlineKeyboardMarkup]:
    """The reminder's four choices (the current one marked), the announcements one may switch
    off and on, and «❌ Закрыть»; the screen stays as it is changed."""
    current = ctx.user.club_reminder_min
    choices: list[tuple[str, CallbackData]] = [
        (ctx.i18n.get("settings-current", choice=ctx.i18n.get(key)), SettingsCb(minutes=m))
        if m == current
        else (ctx.i18n.get(key), SettingsCb(minutes=m))
        for m, key in CHOICES
    ]
    muted = muted_kinds(ctx.user)
    rows: Rows = [choices[:2], choices[2:]]
    for kind in MUTABLE:
        label = ctx.i18n.get(
            "settings-off-kind" if kind in muted else "settings-on",
            kind=ctx.i18n.get(f"settings-kind-{kind}"),
        )
        rows.append([(label, MuteCb(kind=kind))])
    rows.append([(ctx.i18n.get("screen-close"), SettingsCb(minutes=CLOSE))])
    text = ctx.i18n.get("settings-title", club=reminder_text(ctx.i18n, ctx.user.club_reminder_min))
    return text, inline(*rows)


@router.message(Command("settings"))
async def settings_menu(message: Message, ctx: Ctx) -> None:
    text, markup = settings_screen(ctx)
    await message.answer(text, reply_markup=markup)


@router.callback_query(SettingsCb.filter(F.minutes == CLOSE))
async def settings_closed(callback: CallbackQuery, ctx: Ctx) -> None:
    await edit_or_send(callback, ctx.i18n.get("settings-closed"))


@router.callback_query(SettingsCb.filter())
async def settings_chosen(callback: CallbackQuery, callback_data: SettingsCb, ctx: Ctx) -> None:
    if callback_data.minutes not in dict(CHOICES):
        refuse()
    if ctx.user.club_reminder_min != callback_data.minutes:
        ctx.user.club_reminder_min = callback_data.minutes
        await ctx.clubs.drop_unsent_club_reminders(ctx.user.id)  # the planner makes them anew
    await callback.answer(
        ctx.i18n.get("settings-saved", club=reminder_text(ctx.i18n, callback_data.minutes))
    )
    await edit_or_send(callback, *settings_screen(ctx))


@router.callback_query(MuteCb.filter())
async def mute_toggled(callback: CallbackQuery, callback_data: MuteCb, ctx: Ctx) -> None:
    if callback_data.kind not in MUTABLE:
        refuse()
    muted = muted_kinds(ctx.user) ^ {callback_data.kind}
    ctx.user.muted = ",".join(sorted(muted))
    await edit_markup(callback, settings_screen(ctx)[1])
