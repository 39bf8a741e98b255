"""Votes of a territory, paper ballots, where residents live, and the initiative budget."""

from handlers.votes.dialogs import home_dialog, paper_dialog, project_dialog, vote_dialog
from handlers.votes.handlers import router, staff_router

__all__ = ["home_dialog", "paper_dialog", "project_dialog", "router", "staff_router", "vote_dialog"]
