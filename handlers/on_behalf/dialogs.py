"""The windows of /forperson: whom staff enter something for, and what."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button
from aiogram_dialog.widgets.text import Format

from bot.services.on_behalf import parse_name
from handlers.forms import Tr, buttons_only, chosen, form_dialog, nav, saved_as, typed
from handlers.on_behalf import handlers as h
from handlers.on_behalf.states import ForPerson

for_person_dialog = form_dialog(
    "for_person",
    Window(
        Tr("behalf-ask-who"),
        Button(Tr("behalf-elder"), id="elder", on_click=h.pick_elder),
        Button(Tr("behalf-other"), id="other", on_click=h.other_person),
        nav(),
        buttons_only(),
        state=ForPerson.who,
    ),
    chosen(
        Format("{elder_prompt}"), "elders", h.on_elder, ForPerson.elder, on_text=h.on_elder_name
    ),
    chosen("behalf-ask-club", "clubs", h.on_club, ForPerson.club),
    typed("behalf-ask-name", saved_as("name", parse_name, ForPerson.phone), ForPerson.name),
    typed("behalf-ask-phone", h.on_phone, ForPerson.phone),
    Window(
        Tr("behalf-ask-consent"),
        Button(Tr("behalf-consent"), id="consent", on_click=h.consent_given),
        nav(),
        buttons_only(),
        state=ForPerson.consent,
    ),
    Window(
        Tr("behalf-ask-what"),
        Button(Tr("behalf-report"), id="report", on_click=h.as_report, when=h.is_elder),
        Button(Tr("behalf-idea"), id="idea", on_click=h.as_idea),
        Button(Tr("behalf-signup"), id="signup", on_click=h.as_signup),
        nav(),
        buttons_only(),
        state=ForPerson.what,
    ),
    getter=h.getter,
)
