"""/media (staff): the district's publications in newspapers, on TV, radio, sites and social
networks this year, «➕ Добавить публикацию» (link → where → when → «Отправить») and «🗑» for a
mistake. The year's figures count them."""

from handlers.media.dialogs import media_dialog
from handlers.media.handlers import router

__all__ = ["media_dialog", "router"]
