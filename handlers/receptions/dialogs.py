"""The windows of a reception's form (staff): day, time, who receives, the topic, places."""

from __future__ import annotations

from bot.services.receptions import parse_places, parse_specialist, parse_topic
from handlers.forms import chosen, day_and_time, form_dialog, saved_as, summary, typed
from handlers.receptions import handlers as h
from handlers.receptions.states import ReceptionForm

reception_dialog = form_dialog(
    "reception",
    typed(
        "reception-ask-specialist",
        saved_as("specialist", parse_specialist, ReceptionForm.topic),
        ReceptionForm.specialist,
    ),
    typed(
        "reception-ask-topic",
        saved_as("topic", parse_topic, ReceptionForm.day),
        ReceptionForm.topic,
    ),
    *day_and_time(ReceptionForm.day, ReceptionForm.clock, ReceptionForm.length, h.DAYS_AHEAD),
    chosen("reception-ask-length", "lengths", h.on_length, ReceptionForm.length, width=3),
    typed(
        "reception-ask-places",
        saved_as("places", parse_places, ReceptionForm.summary),
        ReceptionForm.places,
    ),
    summary("reception-summary", "reception", h.submit, ReceptionForm.summary),
    getter=h.form,
)
