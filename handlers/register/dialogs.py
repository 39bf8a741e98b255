"""The windows of the elder's application (/register)."""

from __future__ import annotations

from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format, Multi

from handlers.forms import (
    Tr,
    chosen,
    form_dialog,
    summary,
    taken,
    typed,
)
from handlers.register import handlers as h
from handlers.register.getters import form
from handlers.register.states import RegisterForm as F

register_dialog = form_dialog(
    "register",
    chosen(Multi(Tr("reg-start"), Tr("reg-ask-role")), "roles", h.on_role, F.role),
    chosen("choose-municipality", "municipalities", h.on_municipality, F.municipality, width=2),
    chosen("reg-ask-district", "districts", h.on_district, F.district, width=2),
    chosen(
        "reg-ask-committee",
        "committees",
        h.on_committee,
        F.committee,
        Button(Tr("reg-committee-other"), id="not_listed", on_click=h.committee_not_listed),
        width=2,
    ),
    typed("reg-ask-committee-other", h.on_text, F.committee_other),
    typed("reg-ask-street", h.on_text, F.street),
    typed("reg-ask-house", h.on_text, F.house),
    typed("reg-ask-entrance", h.on_text, F.entrance),
    typed("reg-ask-name", h.on_text, F.full_name),
    taken("reg-phone-below", h.on_contact, F.phone),
    summary(Format("{summary}"), "reg", h.submit, F.summary, h.edit_menu),
    chosen("wizard-edit-which", "editable", h.on_edit, F.edit, width=2),
    getter=form,
)
