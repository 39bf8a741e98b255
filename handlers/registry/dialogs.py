"""The windows of /registry."""

from __future__ import annotations

from aiogram_dialog import Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from handlers.forms import SEND, Tr, form_dialog, nav
from handlers.registry import handlers as h
from handlers.registry.states import RegistryForm as F

registry_dialog = form_dialog(
    "registry",
    Window(
        Tr("registry-intro"),
        Button(Tr("registry-download"), id="download", on_click=h.on_download),
        nav(),
        MessageInput(h.on_file),
        state=F.start,
    ),
    Window(
        Tr("registry-preview"),
        # «Применить» twice: the second tap finds the form closed and says it was applied.
        Button(Tr("registry-apply"), id=f"{SEND}registry", on_click=h.on_apply, when="ready"),
        nav(),
        MessageInput(h.on_file),
        state=F.preview,
        getter=h.preview,
    ),
)
