from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.state import State, StatesGroup


class RegisterForm(StatesGroup):
    role = State()
    municipality = State()
    district = State()
    committee = State()
    committee_other = State()
    street = State()
    house = State()
    entrance = State()
    full_name = State()
    phone = State()
    summary = State()
    edit = State()


class NewTerritoryCb(CallbackData, prefix="regnew"):
    """«➕ Новая территория» under the list of one's applications."""
