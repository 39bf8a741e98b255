"""/report: a confirmed elder reports a субботник, action or event, with figures and photos."""

from handlers.reports.dialogs import report_dialog
from handlers.reports.handlers import router, start_report

__all__ = ["report_dialog", "router", "start_report"]
