"""Choosing a municipality and a district, shared by onboarding (`home`) and /centers (`browse`).

The last step differs and lives with its feature: start.py saves the district, centers.py lists its
centers."""

from __future__ import annotations

from typing import Any

from aiogram import F, Router
from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_i18n import I18nContext

from bot.context import Ctx
from bot.keyboards.builders import districts_keyboard, municipalities_keyboard
from bot.keyboards.callbacks import PlaceBackCb, PlaceCb
from bot.views import edit_or_send
from handlers.forms import Reply, form_data, refuse
from storage.repositories.directory import Directory

router = Router(name=__name__)


async def place_choices(dialog_manager: DialogManager, ctx: Ctx, **_: Any) -> dict[str, Any]:
    """A dialog's choice of municipality → district → center (kept as mun, district, center);
    a municipality's admin sees only theirs."""
    draft = form_data(dialog_manager)
    scope = ctx.actor.admin_municipality_id
    return {
        "municipalities": [
            (m.name, str(m.id)) for m in ctx.directory.municipalities() if scope in (None, m.id)
        ],
        "districts": [(d.name, str(d.id)) for d in ctx.directory.districts(draft.get("mun", 0))],
        "centers": [(c.name, str(c.id)) for c in ctx.directory.centers(draft.get("district", 0))],
    }


DISTRICT_PROMPT = {
    "home": "choose-district",
    "browse": "centers-choose-district",
    "clubs": "centers-choose-district",
}


async def ask_place(message: Reply, i18n: I18nContext, directory: Directory, purpose: str) -> None:
    municipalities = directory.municipalities()
    if len(municipalities) == 1:
        await message.answer(
            i18n.get(DISTRICT_PROMPT[purpose]),
            reply_markup=districts_keyboard(
                i18n, directory.districts(municipalities[0].id), purpose, with_back=False
            ),
        )
        return
    await message.answer(
        i18n.get("choose-municipality"),
        reply_markup=municipalities_keyboard(i18n, municipalities, purpose),
    )


@router.callback_query(PlaceBackCb.filter(F.purpose.in_(DISTRICT_PROMPT)))
async def back_to_municipalities(
    callback: CallbackQuery, callback_data: PlaceBackCb, ctx: Ctx
) -> None:
    await edit_or_send(
        callback,
        ctx.i18n.get("choose-municipality"),
        municipalities_keyboard(ctx.i18n, ctx.directory.municipalities(), callback_data.purpose),
    )


@router.callback_query(PlaceCb.filter((F.level == "mun") & F.purpose.in_(DISTRICT_PROMPT)))
async def municipality_chosen(callback: CallbackQuery, callback_data: PlaceCb, ctx: Ctx) -> None:
    if callback_data.purpose == "home" and not ctx.user.has_consent:
        refuse("consent-needed")
    municipality = ctx.directory.municipality(callback_data.id)
    if municipality is None:
        refuse()
    await edit_or_send(
        callback,
        ctx.i18n.get(DISTRICT_PROMPT[callback_data.purpose]),
        districts_keyboard(
            ctx.i18n,
            ctx.directory.districts(municipality.id),
            callback_data.purpose,
            with_back=len(ctx.directory.municipalities()) > 1,
        ),
    )
