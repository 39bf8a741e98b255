"""The windows of the elder's application (/register)."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from handlers.forms import (
    Tr,
    buttons_only,
    choice,
    draft_from_start,
    nav,
    send_button,
    text_only,
)
from handlers.register import handlers as h
from handlers.register.getters import form
from handlers.register.states import RegisterForm as F


def typed(prompt: str, state: State) -> Window:
    return Window(Tr(prompt), nav(), text_only(h.on_text), state=state)


register_dialog = Dialog(
    Window(
        Tr("reg-start"),
        Tr("reg-ask-role"),
        choice("role", "roles", h.on_role),
        nav(),
        buttons_only(),
        state=F.role,
    ),
    Window(
        Tr("choose-municipality"),
        choice("municipality", "municipalities", h.on_municipality, width=2),
        nav(),
        buttons_only(),
        state=F.municipality,
    ),
    Window(
        Tr("reg-ask-district"),
        choice("district", "districts", h.on_district, width=2),
        nav(),
        buttons_only(),
        state=F.district,
    ),
    Window(
        Tr("reg-ask-committee"),
        choice("committee", "committees", h.on_committee, width=2),
        Button(Tr("reg-committee-other"), id="not_listed", on_click=h.committee_not_listed),
        nav(),
        buttons_only(),
        state=F.committee,
    ),
    typed("reg-ask-committee-other", F.committee_other),
    typed("reg-ask-street", F.street),
    typed("reg-ask-house", F.house),
    typed("reg-ask-entrance", F.entrance),
    typed("reg-ask-name", F.full_name),
    Window(Tr("reg-phone-below"), nav(), MessageInput(h.on_contact), state=F.phone),
    Window(
        Format("{summary}"),
        send_button("reg", h.submit),
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
    name="register",
)
