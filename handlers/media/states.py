from aiogram.fsm.state import State, StatesGroup


class MediaForm(StatesGroup):
    link = State()
    outlet = State()
    day = State()
    summary = State()
