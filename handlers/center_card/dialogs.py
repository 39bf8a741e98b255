"""The windows of /mycenter."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button

from handlers.center_card import handlers as h
from handlers.center_card.getters import card
from handlers.center_card.states import CenterCardForm as F
from handlers.forms import Tr, buttons_only, choice, chosen, form_dialog, nav, taken
from handlers.places import place_choices

card_dialog = form_dialog(
    "center_card",
    chosen("centers-choose-municipality", "municipalities", h.on_municipality, F.municipality),
    chosen("centers-choose-district", "districts", h.on_district, F.district),
    chosen("mycenter-choose-center", "centers", h.on_center, F.center),
    Window(
        Tr("mycenter-card"),
        choice("fields", "fields", h.on_field, width=2),
        nav(),
        buttons_only(),
        state=F.card,
        getter=card,
    ),
    taken(
        "mycenter-ask",
        h.on_answer,
        F.field,
        Button(Tr("mycenter-clear"), id="clear", on_click=h.on_clear, when="has_value"),
        getter=card,
    ),
    getter=place_choices,
)
