"""The windows of «Позвать соседей на субботник»."""

from __future__ import annotations

from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from bot.services.gatherings import parse_bring
from handlers.forms import (
    Tr,
    day_and_time,
    form_dialog,
    saved_as,
    summary,
    taken,
    typed,
)
from handlers.gatherings import handlers as h
from handlers.gatherings.getters import DAYS_AHEAD, gather_form
from handlers.gatherings.states import GatherForm as G
from handlers.reports.dialogs import what_was_done

gather_dialog = form_dialog(
    "gather",
    *what_was_done(h, G, "gather-ask-territory"),
    *day_and_time(G.day, G.clock, G.place, DAYS_AHEAD),
    taken(
        "gather-ask-place",
        h.on_place,
        G.place,
        Button(Format("📍 {home}"), id="home", on_click=h.home_place, when="home"),
    ),
    typed(
        "gather-ask-bring",
        saved_as("bring", parse_bring, G.photo),
        G.bring,
        Button(Tr("wizard-skip"), id="skip_bring", on_click=h.skip_bring),
    ),
    taken(
        "gather-ask-photo",
        h.on_photo,
        G.photo,
        Button(Tr("ann-no-photo"), id="no_photo", on_click=h.no_photo),
    ),
    summary("gather-summary", "gather", h.submit, G.summary),
    getter=gather_form,
)
