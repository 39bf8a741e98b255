"""The windows of a club's or an event's form (staff)."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button

from handlers.forms import Tr, chosen, form_dialog, tags_window, typed
from handlers.staff_clubs import handlers as h
from handlers.staff_clubs.getters import form
from handlers.staff_clubs.states import ItemForm as F


def field(name: str, state: State, skippable: bool = False) -> Window:
    # Each its own id: a late second tap on the leader's «Пропустить» must not skip the next one.
    skip = [Button(Tr("wizard-skip"), id=f"skip_{name}", on_click=h.skip)] if skippable else []
    return typed(f"staff-ask-{name}", h.on_text, state, *skip)


DAYS_DONE = Button(Tr("wizard-done-button"), id="days_done", on_click=h.days_done)

item_dialog = form_dialog(
    "club_or_event",
    field("name", F.name),
    field("title", F.title),
    chosen("staff-ask-category", "categories", h.on_choice, F.category),
    chosen("staff-ask-age_group", "age_groups", h.on_choice, F.age_group),
    # the schedule by buttons: the days, the start, the length (different times on different
    # days are typed in the first window)
    chosen(
        "staff-ask-schedule", "days", h.on_day, F.schedule, DAYS_DONE, width=4, on_text=h.on_text
    ),
    chosen("staff-ask-clock", "times", h.on_clock, F.clock, width=3, on_text=h.clock_typed),
    chosen("staff-ask-length", "lengths", h.on_length, F.length, width=4, on_text=h.length_typed),
    field("starts_at", F.starts_at),
    field("minutes", F.minutes),
    field("capacity", F.capacity),
    field("leader", F.leader, skippable=True),
    field("description", F.description, skippable=True),
    tags_window(F.tags, h.tags_done),
    getter=form,
)
