"""Elders call their neighbours to субботники and actions (/plan)."""

from handlers.gatherings.dialogs import gather_dialog
from handlers.gatherings.handlers import router

__all__ = ["gather_dialog", "router"]
