"""Words, a photo with a caption or a voice message sent outside any form: instead of «I only
understand buttons», the bot offers what it could be — an idea or a problem, a субботник report
(elders), a club — and carries the text and the photo into the chosen form."""

from handlers.natural.dialogs import natural_dialog
from handlers.natural.handlers import router

__all__ = ["natural_dialog", "router"]
