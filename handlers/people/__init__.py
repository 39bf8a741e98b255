"""Admins find a person by name or @username and give or take a role by buttons."""

from handlers.people.dialogs import people_dialog

__all__ = ["people_dialog"]
