"""What the city's annual report counts events and reports by: the summer programme «Лето» and its
four directions, the six thematic projects of «Кемерово», and the «молодёжное» flag."""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from storage.models import DIRECTIONS, PROJECTS

PROGRAMMES = ("leto",)
SUMMER_MONTHS = (6, 7, 8)


class Tagged(Protocol):
    programme: str | None
    direction: str | None
    project: str | None
    youth: bool


def default_tags(day: date | None) -> dict[str, Any]:
    """A form's starting tags: an event or a report in June–August is of «Лето» unless untoggled."""
    summer = day is not None and day.month in SUMMER_MONTHS
    return {
        "programme": "leto" if summer else None,
        "direction": None,
        "project": None,
        "youth": False,
    }


def toggled(tags: dict[str, Any], what: str) -> dict[str, Any]:
    """One tap on the tags window: «leto» and «youth» switch on and off; a direction or a project
    is chosen (the same one again clears it). A direction belongs to «Лето»: it switches it on,
    and switching «Лето» off clears the direction. Unknown values change nothing."""
    tags = {**default_tags(None), **tags}
    kind, _, value = what.partition("-")
    if kind == "leto":
        tags["programme"] = None if tags["programme"] else "leto"
        if not tags["programme"]:
            tags["direction"] = None
    elif kind == "youth":
        tags["youth"] = not tags["youth"]
    elif kind == "direction" and value in DIRECTIONS:
        tags["direction"] = None if tags["direction"] == value else value
        if tags["direction"]:
            tags["programme"] = "leto"
    elif kind == "project" and value in PROJECTS:
        tags["project"] = None if tags["project"] == value else value
    return tags


def clean(tags: dict[str, Any] | None) -> dict[str, Any]:
    """Only the values the city counts (a draft is data the user's client sent back to us)."""
    tags = tags or {}
    programme = tags.get("programme") if tags.get("programme") in PROGRAMMES else None
    return {
        "programme": programme,
        "direction": tags.get("direction")
        if programme and tags.get("direction") in DIRECTIONS
        else None,
        "project": tags.get("project") if tags.get("project") in PROJECTS else None,
        "youth": bool(tags.get("youth")),
    }


def apply(item: Tagged, tags: dict[str, Any] | None) -> None:
    for name, value in clean(tags).items():
        setattr(item, name, value)


def of(item: Tagged) -> dict[str, Any]:
    return {
        "programme": item.programme,
        "direction": item.direction,
        "project": item.project,
        "youth": bool(item.youth),
    }
