"""Consultations: «📅 Приёмы» on a center's card (book a place, with a question if one likes;
cancel), /receptions for the center's staff (new reception, bookings, who came)."""

from handlers.receptions.dialogs import reception_dialog
from handlers.receptions.handlers import router

__all__ = ["reception_dialog", "router"]
