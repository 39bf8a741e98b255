"""/announce for staff and admins, /announcements, «Остановить»."""

from handlers.announce.dialogs import announce_dialog
from handlers.announce.handlers import router

__all__ = ["announce_dialog", "router"]
