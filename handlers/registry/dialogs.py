"""The windows of /registry."""

from __future__ import annotations

from aiogram_dialog.widgets.kbd import Button

from handlers.forms import SEND, Tr, form_dialog, taken
from handlers.registry import handlers as h
from handlers.registry.states import RegistryForm as F

registry_dialog = form_dialog(
    "registry",
    taken(
        "registry-intro",
        h.on_file,
        F.start,
        Button(Tr("registry-download"), id="download", on_click=h.on_download),
    ),
    taken(
        "registry-preview",
        h.on_file,
        F.preview,
        # «Применить» twice: the second tap finds the form closed and says it was applied.
        Button(Tr("registry-apply"), id=f"{SEND}registry", on_click=h.on_apply, when="ready"),
        getter=h.preview,
    ),
)
