from aiogram.fsm.state import State, StatesGroup


class ReceptionForm(StatesGroup):
    specialist = State()
    topic = State()
    day = State()
    clock = State()
    length = State()
    places = State()
    summary = State()
