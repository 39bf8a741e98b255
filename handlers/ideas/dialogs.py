"""The windows of «Идея или проблема»."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from handlers.forms import (
    SEND,
    Tr,
    buttons_only,
    choice,
    draft_from_start,
    nav,
    send_button,
    text_only,
)
from handlers.ideas import handlers as h
from handlers.ideas.getters import form, similar
from handlers.ideas.states import IdeaForm as F

idea_dialog = Dialog(
    Window(
        Tr("idea-ask-kind"),
        choice("kind", "kinds", h.on_kind, width=2),
        nav(),
        buttons_only(),
        state=F.kind,
    ),
    Window(
        Tr("idea-ask-category"),
        choice("category", "categories", h.on_category, width=2),
        nav(),
        buttons_only(),
        state=F.category,
    ),
    Window(Tr("idea-ask-place"), nav(), MessageInput(h.on_place), state=F.place),
    Window(Tr("idea-ask-text"), nav(), text_only(h.on_text), state=F.text),
    Window(
        Tr("idea-ask-photos", when=lambda data, w, m: not data["count"]),
        Tr("rep-photos-count", when="count"),
        Button(
            Tr("idea-no-photos"),
            id="no_photos",
            on_click=h.photos_done,
            when=lambda d, w, m: not d["count"],
        ),
        Button(Tr("wizard-done-button"), id="photos_done", on_click=h.photos_done, when="count"),
        nav(),
        MessageInput(h.on_photo),
        state=F.photos,
    ),
    Window(
        Tr("idea-summary"),
        send_button("idea", h.submit),
        nav(),
        buttons_only(),
        state=F.summary,
    ),
    Window(
        Tr("idea-nearby"),
        Format("{lines}"),
        choice("support", "supportable", h.support_instead),
        Button(Tr("idea-send-anyway"), id=f"{SEND}idea", on_click=h.send_anyway),
        nav(),
        buttons_only(),
        state=F.nearby,
        getter=similar,
    ),
    getter=form,
    on_start=draft_from_start,
    name="idea",
)
