from aiogram.fsm.state import State, StatesGroup


class ForPerson(StatesGroup):
    who = State()
    elder = State()
    name = State()
    phone = State()
    consent = State()
    what = State()
    club = State()
