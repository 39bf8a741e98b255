"""The report form's windows."""

from __future__ import annotations

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Group
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
from handlers.reports import handlers as h
from handlers.reports.getters import form
from handlers.reports.states import ReportForm as F

report_dialog = Dialog(
    Window(
        Tr("rep-ask-territory"),
        choice("territory", "territories", h.on_territory),
        nav(),
        buttons_only(),
        state=F.territory,
    ),
    Window(
        Tr("rep-ask-kind"),
        choice("kind", "kinds", h.on_kind, width=2),
        nav(),
        buttons_only(),
        state=F.kind,
    ),
    Window(
        Tr("rep-ask-action"),
        choice("action", "actions", h.on_action, width=2),
        Button(Tr("rep-action-own"), id="own", on_click=h.own_action),
        Button(Tr("wizard-skip"), id="skip", on_click=h.skip_action),
        nav(),
        buttons_only(),
        state=F.action,
    ),
    Window(
        Tr("rep-ask-action-other"),
        nav(),
        text_only(h.on_action_other),
        state=F.action_other,
    ),
    Window(
        Tr("rep-ask-date"),
        Group(
            Button(Tr("rep-date-today"), id="today", on_click=h.on_date_button),
            Button(Tr("rep-date-yesterday"), id="yesterday", on_click=h.on_date_button),
            Button(Tr("rep-date-other"), id="other", on_click=h.other_date),
            width=3,
        ),
        nav(),
        text_only(h.on_date_text),
        state=F.date,
    ),
    Window(
        Tr("rep-ask-date-typed"),
        nav(),
        text_only(h.on_date_text),
        state=F.date_typed,
    ),
    Window(
        Tr("rep-ask-place-home", when="home"),
        Tr("rep-ask-place", when=lambda data, w, m: not data["home"]),
        Button(Format("📍 {home}"), id="home", on_click=h.home_place, when="home"),
        nav(),
        MessageInput(h.on_place),
        state=F.place,
    ),
    Window(
        Tr("rep-ask-participants"),
        nav(),
        text_only(h.on_participants),
        state=F.participants,
    ),
    Window(
        Tr("rep-ask-figures"),
        choice("figure", "figure_lines", h.on_figure),
        Button(Tr("wizard-done-button"), id="figures_done", on_click=h.figures_done),
        nav(),
        text_only(h.on_figures_text),
        state=F.figures,
    ),
    Window(
        Tr("rep-ask-figure-value"),
        nav(),
        text_only(h.on_figure_value),
        state=F.figure_value,
    ),
    Window(
        Tr("rep-ask-description"),
        Button(Tr("wizard-skip"), id="skip_description", on_click=h.skip_description),
        nav(),
        text_only(h.on_description),
        state=F.description,
    ),
    Window(
        Tr("rep-ask-photos", when=lambda data, w, m: not data["count"]),
        Tr("rep-photos-count", when="count"),
        Button(Tr("wizard-done-button"), id="photos_done", on_click=h.photos_done),
        nav(),
        MessageInput(h.on_photo),
        state=F.photos,
    ),
    Window(
        Format("{summary}"),
        send_button("rep", h.submit),
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
    name="report",
)
