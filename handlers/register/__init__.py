"""/register: a ТОС elder's application for a territory, and its status."""

from handlers.register.dialogs import register_dialog
from handlers.register.handlers import router

__all__ = ["register_dialog", "router"]
