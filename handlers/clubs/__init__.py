"""Residents: /clubs with filters, club cards, sign-up (self or a child), /events, /my."""

from handlers.clubs.dialogs import signup_dialog
from handlers.clubs.handlers import router

__all__ = ["router", "signup_dialog"]
