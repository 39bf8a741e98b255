"""/contests, applying (a form whose draft survives restarts), /myapplications."""

from handlers.contests.dialogs import application_dialog
from handlers.contests.handlers import router

__all__ = ["application_dialog", "router"]
