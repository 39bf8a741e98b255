"""/jury: a juror scores the entries of their stage one by one (1–10 per criterion, a comment)."""

from handlers.jury.dialogs import jury_dialog
from handlers.jury.handlers import router

__all__ = ["jury_dialog", "router"]
