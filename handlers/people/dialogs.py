"""The windows of the people dialog (admins)."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button

from handlers.forms import SEND, Tr, buttons_only, chosen, form_dialog, nav, typed
from handlers.people import handlers as h
from handlers.people.getters import matches, person, stages
from handlers.people.states import PeopleForm as F
from handlers.places import place_choices

people_dialog = form_dialog(
    "people",
    typed("people-ask", h.on_query, F.search),
    chosen(Tr("people-choose"), "found", h.on_person, F.found, getter=matches),
    Window(
        Tr("people-card"),
        Button(Tr("people-make-staff"), id="staff", on_click=h.on_staff),
        Button(Tr("people-make-admin"), id="admin", on_click=h.on_admin, when="city_admin"),
        Button(
            Tr("people-make-municipal-admin"),
            id="mun_admin",
            on_click=h.on_municipal_admin,
            when="city_admin",
        ),
        Button(Tr("people-revoke"), id="revoke", on_click=h.on_revoke, when="has_role"),
        nav(),
        buttons_only(),
        state=F.person,
        getter=person,
    ),
    chosen("centers-choose-municipality", "municipalities", h.on_municipality, F.municipality),
    chosen("centers-choose-district", "districts", h.on_district, F.district),
    chosen(
        "mycenter-choose-center",
        "centers",
        h.on_center,
        F.center,
        Button(Tr("people-office"), id="office", on_click=h.on_office),
    ),
    Window(
        Tr("people-confirm"),
        Button(Tr("people-apply"), id=f"{SEND}people", on_click=h.on_confirm),
        nav(),
        buttons_only(),
        state=F.confirm,
        getter=person,
    ),
    chosen("jury-choose-stage", "stages", h.on_stage, F.stage, getter=stages),
    getter=place_choices,
)
