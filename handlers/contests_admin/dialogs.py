"""The windows of the contest form (admins): from a template or from scratch."""

from __future__ import annotations

from handlers.contests_admin import handlers as h
from handlers.contests_admin.states import C
from handlers.forms import chosen, form_dialog, summary, typed

contest_dialog = form_dialog(
    "contest",
    chosen(
        "cadmin-choose-template", "templates", h.on_template, C.template, getter=h.template_items
    ),
    typed("cadmin-ask-title", h.on_title, C.title),
    typed("cadmin-ask-nominations", h.on_nominations, C.nominations),
    typed("cadmin-ask-deadline", h.on_deadline, C.deadline),
    chosen("cadmin-ask-audience", "audiences", h.on_audience, C.audience, getter=h.audience_items),
    summary("send-preview", "contest", h.on_send, C.preview, getter=h.preview_items),
)
