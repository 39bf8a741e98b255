from aiogram.fsm.state import State, StatesGroup


class AnnounceForm(StatesGroup):
    text = State()
    photo = State()
    audience = State()
    target = State()
    when = State()
    datetime = State()
    preview = State()
