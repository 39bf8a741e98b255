"""The windows of «Идея или проблема»."""

from __future__ import annotations

from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format, Multi

from bot.services.ideas import MAX_PHOTOS
from handlers.forms import (
    SEND,
    Tr,
    chosen,
    form_dialog,
    photos,
    summary,
    taken,
    typed,
)
from handlers.ideas import handlers as h
from handlers.ideas.getters import form, similar
from handlers.ideas.states import IdeaAddition
from handlers.ideas.states import IdeaForm as F

idea_dialog = form_dialog(
    "idea",
    chosen(
        "idea-ask-kind",
        "kinds",
        h.on_kind,
        F.kind,
        Button(Tr("neighbours-button"), id="neighbours", on_click=h.show_neighbours),
        width=2,
    ),
    chosen("idea-ask-category", "categories", h.on_category, F.category, width=2),
    taken("idea-ask-place", h.on_place, F.place),
    typed("idea-ask-text", h.on_text, F.text),
    photos(
        "idea-ask-photos",
        MAX_PHOTOS,
        h.photos_done,
        F.photos,
        Button(
            Tr("idea-no-photos"),
            id="no_photos",
            on_click=h.photos_done,
            when=lambda d, w, m: not d["count"],
        ),
        required=False,
        done_when="count",
    ),
    summary("idea-summary", "idea", h.submit, F.summary),
    chosen(
        Multi(Tr("idea-nearby"), Format("{lines}")),
        "supportable",
        h.support_instead,
        F.nearby,
        Button(Tr("idea-send-anyway"), id=f"{SEND}idea", on_click=h.send_anyway),
        getter=similar,
    ),
    getter=form,
)

addition_dialog = form_dialog(
    "idea_addition",
    taken("idea-add-ask", h.on_addition, IdeaAddition.add),
)
