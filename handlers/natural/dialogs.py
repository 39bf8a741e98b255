"""The window asking what a message sent outside any form is."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button

from handlers.forms import Tr, buttons_only, form_dialog, nav
from handlers.natural import handlers as h
from handlers.natural.states import Carried

natural_dialog = form_dialog(
    "natural",
    Window(
        Tr("natural-voice", when=h.is_voice),
        Tr("natural-ask"),
        Button(Tr("natural-idea"), id="idea", on_click=h.as_idea),
        Button(Tr("natural-report"), id="report", on_click=h.as_report, when=h.is_elder),
        Button(Tr("natural-club"), id="club", on_click=h.as_club),
        nav(back_button=False),
        buttons_only(),
        state=Carried.ask,
    ),
)
