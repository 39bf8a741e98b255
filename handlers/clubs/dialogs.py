"""The windows of signing up for a club or an event: one's own name, or a child's name and age."""

from __future__ import annotations

from handlers.clubs import handlers as h
from handlers.clubs.states import SignupForm
from handlers.forms import form_dialog, typed

signup_dialog = form_dialog(
    "signup",
    typed("club-ask-own-name", h.own_name, SignupForm.own_name),
    typed("club-ask-child-name", h.child_name, SignupForm.child_name),
    typed("club-ask-child-age", h.child_age, SignupForm.child_age),
)
