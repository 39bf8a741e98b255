"""Ordered form steps kept in FSM data, shared by the bot's wizards.

A wizard knows its steps, which of them a draft needs (`applies`), and what comes before and after
a step; when a step was opened from the summary («Изменить»), finishing it returns to the summary."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State

SUMMARY = "summary"


class WizardCb(CallbackData, prefix="wz"):
    wizard: str  # "reg" | "rep"
    action: str  # "back" | "cancel" | "skip" | "edit" | "goto" | "submit" | "done"
    step: str = ""


@dataclass(frozen=True)
class Wizard:
    name: str
    steps: tuple[tuple[str, State], ...]
    applies: Callable[[str, dict[str, Any]], bool]

    def state(self, step: str) -> State:
        return dict(self.steps)[step]

    def step_of(self, state: str | None) -> str | None:
        return next((name for name, s in self.steps if s.state == state), None)

    def _order(self) -> list[str]:
        return [name for name, _ in self.steps]

    def next(self, current: str, data: dict[str, Any]) -> str:
        if data.get("from_summary"):
            return SUMMARY
        order = self._order()
        for step in order[order.index(current) + 1 :]:
            if self.applies(step, data):
                return step
        return SUMMARY

    def previous(self, current: str, data: dict[str, Any]) -> str | None:
        if data.get("from_summary"):
            return SUMMARY
        order = self._order()
        for step in reversed(order[: order.index(current)]):
            if self.applies(step, data):
                return step
        return None

    def first(self, data: dict[str, Any]) -> str:
        return next(name for name, _ in self.steps if self.applies(name, data))
