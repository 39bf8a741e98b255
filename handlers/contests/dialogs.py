"""The windows of a contest application."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from handlers.contests import handlers as h
from handlers.contests.getters import form
from handlers.contests.states import ApplicationForm as F
from handlers.forms import Tr, buttons_only, choice, draft_from_start, nav, send_button, text_only


def typed(prompt: str, state: State) -> Window:
    return Window(Tr(prompt), nav(), text_only(h.on_text), state=state)


def chosen(prompt: str, items: str, on_click: object, state: State, width: int = 1) -> Window:
    return Window(
        Tr(prompt), choice(items, items, on_click, width), nav(), buttons_only(), state=state
    )


application_dialog = Dialog(
    Window(
        Format("<b>{contest}</b>"),
        Tr("apply-ask-nomination"),
        choice("nomination", "nominations", h.on_nomination),
        nav(),
        buttons_only(),
        state=F.nomination,
    ),
    typed("apply-ask-street", F.street),
    typed("apply-ask-house", F.house),
    typed("apply-ask-entrance", F.entrance),
    typed("apply-ask-apartment", F.apartment),
    chosen("apply-ask-committee", "committees", h.on_committee, F.committee, width=2),
    chosen("apply-ask-center", "centers", h.on_center, F.center),
    typed("apply-ask-description", F.description),
    Window(
        Tr("apply-ask-photos", when=lambda data, w, m: not data["count"]),
        Tr("rep-photos-count", when="count"),
        Button(Tr("wizard-done-button"), id="photos_done", on_click=h.photos_done),
        nav(),
        MessageInput(h.on_photo),
        state=F.photos,
    ),
    typed("apply-ask-name", F.name),
    Window(Tr("reg-phone-below"), nav(), MessageInput(h.on_contact), state=F.phone),
    Window(
        Tr("apply-summary"),
        send_button("apply", h.submit),
        Button(Tr("wizard-edit"), id="edit", on_click=h.edit_menu),
        nav(),
        buttons_only(),
        state=F.summary,
    ),
    Window(
        Tr("wizard-edit-which"),
        choice("goto", "editable", h.on_edit, width=2),
        nav(),
        buttons_only(),
        state=F.edit,
    ),
    getter=form,
    on_start=draft_from_start,
    name="application",
)
