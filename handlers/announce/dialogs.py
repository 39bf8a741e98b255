"""The windows of /announce."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button, Row
from aiogram_dialog.widgets.text import Format

from handlers.announce import handlers as h
from handlers.announce.getters import form, preview
from handlers.announce.states import AnnounceForm as F
from handlers.forms import (
    Tr,
    buttons_only,
    chosen,
    form_dialog,
    nav,
    summary,
    taken,
    typed,
)

announce_dialog = form_dialog(
    "announce",
    taken("ann-ask-text", h.on_text, F.text),
    taken(
        "ann-ask-photo",
        h.on_photo,
        F.photo,
        Button(Tr("ann-no-photo"), id="no_photo", on_click=h.no_photo),
    ),
    chosen("ann-ask-audience", "audiences", h.on_audience, F.audience),
    chosen(Format("{target_prompt}"), "targets", h.on_target, F.target),
    Window(
        Tr("ann-ask-when"),
        Row(
            Button(Tr("ann-now"), id="now", on_click=h.on_when),
            Button(Tr("ann-later"), id="later", on_click=h.on_when),
        ),
        Button(Tr("ann-urgent"), id="urgent", on_click=h.on_when, when="admin"),
        nav(),
        buttons_only(),
        state=F.when,
    ),
    typed("ann-ask-datetime", h.on_datetime, F.datetime),
    summary(Format("{lines}"), "ann", h.submit, F.preview, getter=preview),
    getter=form,
)
