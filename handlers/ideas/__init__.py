"""«Идея или проблема»: residents send, support and follow them; staff answer (/ideas)."""

from handlers.ideas.dialogs import idea_dialog
from handlers.ideas.handlers import idea_card, router, staff_router

__all__ = ["idea_card", "idea_dialog", "router", "staff_router"]
