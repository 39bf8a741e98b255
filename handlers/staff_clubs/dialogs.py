"""The windows of a club's or an event's form (staff)."""

from __future__ import annotations

from aiogram.fsm.state import State
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button

from handlers.forms import Tr, buttons_only, choice, draft_from_start, nav, text_only
from handlers.staff_clubs import handlers as h
from handlers.staff_clubs.getters import form
from handlers.staff_clubs.states import ItemForm as F


def typed(field: str, state: State, skippable: bool = False) -> Window:
    # Each its own id: a late second tap on the leader's «Пропустить» must not skip the next one.
    skip = Button(Tr("wizard-skip"), id=f"skip_{field}", on_click=h.skip)
    extra = [skip] if skippable else []
    return Window(Tr(f"staff-ask-{field}"), *extra, nav(), text_only(h.on_text), state=state)


def chosen(field: str, items: str, state: State) -> Window:
    return Window(
        Tr(f"staff-ask-{field}"),
        choice(field, items, h.on_choice),
        nav(),
        buttons_only(),
        state=state,
    )


item_dialog = Dialog(
    typed("name", F.name),
    typed("title", F.title),
    chosen("category", "categories", F.category),
    chosen("age_group", "age_groups", F.age_group),
    typed("schedule", F.schedule),
    typed("starts_at", F.starts_at),
    typed("minutes", F.minutes),
    typed("capacity", F.capacity),
    typed("leader", F.leader, skippable=True),
    typed("description", F.description, skippable=True),
    getter=form,
    on_start=draft_from_start,
    name="club_or_event",
)
