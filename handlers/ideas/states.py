from aiogram.fsm.state import State, StatesGroup


class IdeaForm(StatesGroup):
    kind = State()
    category = State()
    place = State()
    text = State()
    photos = State()
    summary = State()
    nearby = State()


class IdeaAddition(StatesGroup):
    """The author adds a photo or a few words to an item already sent."""

    add = State()
