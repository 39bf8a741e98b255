"""/forperson (staff): a report, an idea or a club sign-up for someone of the district who
phoned — an elder from the district's list, or a person without the bot (name, phone, consent
«получено устно»). The chosen form then runs as usual, for that person."""

from handlers.on_behalf.dialogs import for_person_dialog
from handlers.on_behalf.handlers import router

__all__ = ["for_person_dialog", "router"]
