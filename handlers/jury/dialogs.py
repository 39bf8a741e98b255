"""The windows of the jury's scoring: a score per criterion, then a comment."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.kbd import Button, Group, Select
from aiogram_dialog.widgets.text import Format

from handlers.forms import Tr, buttons_only, form_dialog, nav, text_only
from handlers.jury import handlers as h
from handlers.jury.states import JuryForm

jury_dialog = form_dialog(
    "jury",
    Window(
        Tr("jury-ask-criterion"),
        Group(
            Select(
                Format("{item[0]}"),
                id="score",
                item_id_getter=lambda item: item[1],
                items="scores",
                on_click=h.on_score,
            ),
            width=5,
        ),
        Button(Tr("wizard-back"), id="back_score", on_click=h.back_a_score, when="scored"),
        nav(back_button=False),
        buttons_only(),
        state=JuryForm.score,
    ),
    Window(
        Tr("jury-ask-comment"),
        Button(Tr("wizard-skip"), id="skip_comment", on_click=h.skip_comment),
        Button(Tr("wizard-back"), id="back_score", on_click=h.back_a_score),
        nav(back_button=False),
        text_only(h.on_comment),
        state=JuryForm.comment,
    ),
    getter=h.window_data,
)
