from aiogram.fsm.state import State, StatesGroup


class JuryForm(StatesGroup):
    score = State()
    comment = State()
