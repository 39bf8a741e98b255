from aiogram.fsm.state import State, StatesGroup


class Onboarding(StatesGroup):
    consent = State()
    place = State()


class Moderation(StatesGroup):
    reject_reason = State()  # staff typing why an elder application is rejected
    revoke_reason = State()  # staff typing why a confirmed elder is revoked
    return_comment = State()  # staff typing why a report goes back to its author


class SignupForm(StatesGroup):
    own_name = State()
    child_name = State()
    child_age = State()


class StaffForm(StatesGroup):
    field = State()  # typing the value of one field of a club or event (new or edited)
    message = State()  # typing a message to all members


class IdeasStaff(StatesGroup):
    answer = State()
