"""The windows of /media's form: a publication's link, where it came out, and when."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button

from bot.services.media import parse_link, parse_outlet
from handlers.forms import Tr, choice, form_dialog, nav, saved_as, summary, text_only, typed
from handlers.media import handlers as h
from handlers.media.states import MediaForm

media_dialog = form_dialog(
    "media",
    typed(
        "media-ask-link",
        saved_as("url", parse_link, MediaForm.outlet),
        MediaForm.link,
        Button(Tr("media-no-link"), id="no_link", on_click=h.no_link),
    ),
    Window(
        Tr("media-ask-outlet"),
        choice("outlets", "outlets", h.on_outlet, width=3),
        nav(),
        text_only(saved_as("outlet", parse_outlet, MediaForm.day)),
        state=MediaForm.outlet,
    ),
    Window(
        Tr("media-ask-day"),
        choice("days", "days", h.on_day_button, width=2),
        nav(),
        text_only(h.on_day_text),
        state=MediaForm.day,
    ),
    summary("media-summary", "media", h.submit, MediaForm.summary),
    getter=h.form,
)
