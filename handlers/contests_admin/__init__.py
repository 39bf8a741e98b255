"""City admins: /contests_admin — create a contest from a template or from scratch, run its
stages and jury, settle ties, publish the results; every send after its preview."""

from handlers.contests_admin.dialogs import contest_dialog
from handlers.contests_admin.handlers import router

__all__ = ["contest_dialog", "router"]
