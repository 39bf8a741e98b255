from aiogram.fsm.state import State, StatesGroup


class Onboarding(StatesGroup):
    consent = State()
    place = State()
