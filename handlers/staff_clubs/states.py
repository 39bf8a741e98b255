from aiogram.fsm.state import State, StatesGroup


class ItemForm(StatesGroup):
    """A club's or an event's fields: every one in turn for a new one, one to change it."""

    name = State()
    title = State()
    category = State()
    age_group = State()
    schedule = State()  # the days (or the whole schedule typed)
    clock = State()  # the schedule's start
    length = State()  # and its length
    starts_at = State()
    minutes = State()
    capacity = State()
    leader = State()
    description = State()
    tags = State()
