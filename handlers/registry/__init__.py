"""/registry: the directory as one XLSX, downloaded, edited in Excel and sent back (admins)."""

from handlers.registry.dialogs import registry_dialog
from handlers.registry.handlers import router

__all__ = ["registry_dialog", "router"]
