"""«Идея или проблема»: residents send, support and follow them; staff answer (/ideas)."""

from handlers.ideas.dialogs import addition_dialog, idea_dialog
from handlers.ideas.handlers import idea_card, router, staff_router

__all__ = ["addition_dialog", "idea_card", "idea_dialog", "router", "staff_router"]
