"""The windows of /invite: an invitation to the «Слёт общественности» or another city event."""

from __future__ import annotations

from aiogram_dialog.widgets.kbd import Button

from bot.services.recognition import parse_place, parse_title
from handlers.forms import Tr, chosen, day_and_time, form_dialog, saved_as, summary, typed
from handlers.invitations import handlers as h
from handlers.invitations.states import InviteForm

invite_dialog = form_dialog(
    "invite",
    typed(
        "invite-ask-title",
        saved_as("title", parse_title, InviteForm.day),
        InviteForm.title,
        Button(Tr("invite-default-title-button"), id="usual", on_click=h.usual_title),
    ),
    *day_and_time(InviteForm.day, InviteForm.clock, InviteForm.place, h.DAYS_AHEAD),
    typed("invite-ask-place", saved_as("place", parse_place, InviteForm.guests), InviteForm.place),
    chosen("invite-ask-guests", "guest_lists", h.on_guests, InviteForm.guests),
    chosen("invite-ask-district", "districts", h.on_district, InviteForm.district, width=2),
    summary("invite-summary", "invite", h.submit, InviteForm.summary),
    getter=h.form,
)
