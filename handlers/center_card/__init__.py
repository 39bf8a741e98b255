"""/mycenter: staff keep their own center's card, admins any center's."""

from handlers.center_card.dialogs import card_dialog
from handlers.center_card.handlers import router

__all__ = ["card_dialog", "router"]
