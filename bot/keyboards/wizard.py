"""Keyboards shared by the wizards (registration, reports)."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup
from aiogram_i18n import I18nContext

from bot.keyboards.builders import inline
from bot.wizard import WizardCb


class ChoiceCb(CallbackData, prefix="ch"):
    """A choice made at a wizard step: `value` is a code or an id as text."""

    wizard: str
    step: str
    value: str


def nav_row(i18n: I18nContext, wizard: str, back: bool = True) -> list[tuple[str, CallbackData]]:
    row: list[tuple[str, CallbackData]] = []
    if back:
        row.append((i18n.get("wizard-back"), WizardCb(wizard=wizard, action="back")))
    row.append((i18n.get("wizard-cancel"), WizardCb(wizard=wizard, action="cancel")))
    return row


def choices(
    i18n: I18nContext,
    wizard: str,
    step: str,
    options: Sequence[tuple[str, str]],
    per_row: int = 1,
    back: bool = True,
    extra: Sequence[tuple[str, CallbackData]] = (),
) -> InlineKeyboardMarkup:
    """Options as (text, value) buttons, then any extra buttons, then «Назад» / «Отмена»."""
    buttons = [(text, ChoiceCb(wizard=wizard, step=step, value=value)) for text, value in options]
    rows: list[list[tuple[str, CallbackData]]] = [
        list(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)
    ]
    rows += [[button] for button in extra]
    rows.append(nav_row(i18n, wizard, back))
    return inline(*rows)


def edit_choices(
    i18n: I18nContext, wizard: str, steps: Sequence[tuple[str, str]]
) -> InlineKeyboardMarkup:
    """«Что изменить?» under a summary: one button per step that can be changed."""
    return choices(i18n, wizard, "goto", steps, per_row=2, back=False)


def text_step(i18n: I18nContext, wizard: str, skip: bool = False) -> InlineKeyboardMarkup:
    extra: list[tuple[str, CallbackData]] = []
    if skip:
        extra.append((i18n.get("wizard-skip"), WizardCb(wizard=wizard, action="skip")))
    return inline(*([extra] if extra else []), nav_row(i18n, wizard))


def summary_keyboard(i18n: I18nContext, wizard: str) -> InlineKeyboardMarkup:
    return inline(
        [(i18n.get("wizard-send"), WizardCb(wizard=wizard, action="submit"))],
        [(i18n.get("wizard-edit"), WizardCb(wizard=wizard, action="edit"))],
        [(i18n.get("wizard-cancel"), WizardCb(wizard=wizard, action="cancel"))],
    )


def cancel_only(i18n: I18nContext) -> ReplyKeyboardMarkup:
    """The reply keyboard while a form is open: the main menu is hidden so its buttons are not
    taken for answers."""
    return ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=i18n.get("wizard-cancel"))]], resize_keyboard=True
    )


def contact_keyboard(i18n: I18nContext) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=i18n.get("reg-share-contact"), request_contact=True)],
            [KeyboardButton(text=i18n.get("wizard-cancel"))],
        ],
        resize_keyboard=True,
    )
