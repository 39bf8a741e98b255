"""The windows of a contest application."""

from __future__ import annotations

from aiogram_dialog.widgets.text import Format, Multi

from bot.services.contests import MAX_PHOTOS
from handlers.contests import handlers as h
from handlers.contests.getters import form
from handlers.contests.states import ApplicationForm as F
from handlers.forms import (
    Tr,
    chosen,
    form_dialog,
    photos,
    summary,
    taken,
    typed,
)

application_dialog = form_dialog(
    "application",
    chosen(
        Multi(Format("<b>{contest}</b>"), Tr("apply-ask-nomination")),
        "nominations",
        h.on_nomination,
        F.nomination,
    ),
    typed("apply-ask-street", h.on_text, F.street),
    typed("apply-ask-house", h.on_text, F.house),
    typed("apply-ask-entrance", h.on_text, F.entrance),
    typed("apply-ask-apartment", h.on_text, F.apartment),
    chosen("apply-ask-committee", "committees", h.on_committee, F.committee, width=2),
    chosen("apply-ask-center", "centers", h.on_center, F.center),
    typed("apply-ask-description", h.on_text, F.description),
    photos("apply-ask-photos", MAX_PHOTOS, h.photos_done, F.photos),
    typed("apply-ask-name", h.on_text, F.name),
    taken("reg-phone-below", h.on_contact, F.phone),
    summary(Tr("apply-summary"), "apply", h.submit, F.summary, h.edit_menu),
    chosen("wizard-edit-which", "editable", h.on_edit, F.edit, width=2),
    getter=form,
)
