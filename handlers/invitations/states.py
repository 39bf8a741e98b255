from aiogram.fsm.state import State, StatesGroup


class InviteForm(StatesGroup):
    title = State()
    day = State()
    clock = State()
    place = State()
    guests = State()
    district = State()
    summary = State()
