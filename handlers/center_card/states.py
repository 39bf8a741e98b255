from aiogram.fsm.state import State, StatesGroup


class CenterCardForm(StatesGroup):
    """/mycenter: admins first choose the center; staff open their own card at once."""

    municipality = State()
    district = State()
    center = State()
    card = State()
    field = State()
