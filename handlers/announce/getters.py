"""The data each window of /announce shows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram_dialog import DialogManager

from bot.context import Ctx
from bot.permissions import audiences, may_send_urgent
from bot.services.announcements import estimate
from bot.views import MESSAGE_MAX, when_text
from handlers.forms import form_data

TARGET_PROMPTS = {"club": "ann-choose-club", "municipality": "ann-choose-municipality"}


async def form(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    audience = draft.get("audience", "")
    if audience == "club":
        targets = [(c.name[:60], c.id) for c in await ctx.clubs.clubs([ctx.actor.center_id or 0])]
    elif audience == "municipality":
        targets = [(m.name[:60], m.id) for m in ctx.directory.municipalities()]
    else:  # an admin's district or elders: which district
        targets = [(d.full_name[:60], d.id) for d in ctx.directory.all_districts()]
    return {
        "max": MESSAGE_MAX,
        "audiences": [(ctx.i18n.get(f"ann-aud-{c}"), c) for c in audiences(ctx.actor)],
        "targets": targets,
        "target_prompt": ctx.i18n.get(TARGET_PROMPTS.get(audience, "ann-choose-district")),
        "admin": may_send_urgent(ctx.actor),
    }


async def preview(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    draft = form_data(dialog_manager)
    urgent = bool(draft.get("urgent"))
    cost = estimate(
        draft.get("count", 0),
        draft.get("text", ""),
        bool(draft.get("photo")),
        ctx.settings.paid_broadcast_rate if urgent else ctx.settings.broadcast_rate,
        urgent,
    )
    when = (
        when_text(datetime.fromisoformat(draft["send_at"]), ctx.settings)
        if draft.get("send_at")
        else ctx.i18n.get("ann-preview-now")
    )
    lines = [
        ctx.i18n.get("ann-preview-when", when=when),
        ctx.i18n.get("ann-preview-duration", minutes=cost.minutes),
    ]
    if urgent:
        lines.append(ctx.i18n.get("ann-preview-urgent", stars=cost.stars))
        balance = await star_balance(ctx.bot)
        if balance is not None:
            key = "ann-preview-balance" if balance >= cost.stars else "ann-preview-balance-short"
            lines.append(ctx.i18n.get(key, balance=balance))
    return {"lines": "\n".join(lines)}


async def star_balance(bot: Bot) -> int | None:
    """The bot's Stars, or None when Telegram does not tell (the preview then omits it)."""
    try:
        return (await bot.get_my_star_balance()).amount
    except TelegramAPIError:
        return None
