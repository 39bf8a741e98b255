from aiogram.fsm.state import State, StatesGroup


class SignupForm(StatesGroup):
    own_name = State()
    child_name = State()
    child_age = State()
