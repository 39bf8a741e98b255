"""Staff run their own center's clubs and events: /myclubs, add and edit (forms), members and
waiting list, CSV, a message to all members, cancelling a session, attendance, closing."""

from handlers.staff_clubs.dialogs import item_dialog
from handlers.staff_clubs.handlers import router

__all__ = ["item_dialog", "router"]
