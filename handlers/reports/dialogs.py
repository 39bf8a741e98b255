"""The report form's windows."""

from __future__ import annotations

from typing import Any

from aiogram_dialog import Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Group
from aiogram_dialog.widgets.text import Format

from bot.services.reports import MAX_PHOTOS
from handlers.forms import (
    Tr,
    choice,
    chosen,
    form_dialog,
    nav,
    photos,
    summary,
    tags_window,
    text_only,
    typed,
)
from handlers.reports import handlers as h
from handlers.reports.getters import form
from handlers.reports.states import ReportForm as F


def what_was_done(steps: Any, states: Any, territory_prompt: str) -> list[Window]:
    """Where, what kind and which action: the first windows of a report and of a субботник
    planned ahead (`steps`: the feature's handlers module, `states`: its form's states)."""
    return [
        chosen(territory_prompt, "territories", steps.on_territory, states.territory),
        chosen("rep-ask-kind", "kinds", steps.on_kind, states.kind, width=2),
        chosen(
            "rep-ask-action",
            "actions",
            steps.on_action,
            states.action,
            Button(Tr("rep-action-own"), id="own", on_click=steps.own_action),
            Button(Tr("wizard-skip"), id="skip", on_click=steps.skip_action),
            width=2,
        ),
        typed("rep-ask-action-other", steps.on_action_other, states.action_other),
    ]


report_dialog = form_dialog(
    "report",
    *what_was_done(h, F, "rep-ask-territory"),
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
    typed("rep-ask-date-typed", h.on_date_text, F.date_typed),
    Window(
        Tr("rep-ask-place-home", when="home"),
        Tr("rep-ask-place", when=lambda data, w, m: not data["home"]),
        Button(Format("📍 {home}"), id="home", on_click=h.home_place, when="home"),
        nav(),
        MessageInput(h.on_place),
        state=F.place,
    ),
    typed("rep-ask-participants", h.on_participants, F.participants),
    Window(
        Tr("rep-ask-figures"),
        choice("figure_lines", "figure_lines", h.on_figure),
        Button(Tr("wizard-done-button"), id="figures_done", on_click=h.figures_done),
        nav(),
        text_only(h.on_figures_text),
        state=F.figures,
    ),
    typed("rep-ask-figure-value", h.on_figure_value, F.figure_value),
    typed(
        "rep-ask-description",
        h.on_description,
        F.description,
        Button(Tr("wizard-skip"), id="skip_description", on_click=h.skip_description),
    ),
    photos("rep-ask-photos", MAX_PHOTOS, h.photos_done, F.photos),
    tags_window(F.tags, h.tags_done),
    summary(Format("{summary}"), "rep", h.submit, F.summary, h.edit_menu),
    chosen("wizard-edit-which", "editable", h.on_edit, F.edit, width=2),
    getter=form,
)
