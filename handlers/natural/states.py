from aiogram.fsm.state import State, StatesGroup


class Carried(StatesGroup):
    ask = State()
