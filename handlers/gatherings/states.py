from aiogram.fsm.state import State, StatesGroup


class GatherForm(StatesGroup):
    """An elder calls the neighbours to a субботник or an action."""

    territory = State()
    kind = State()
    action = State()
    action_other = State()
    day = State()
    clock = State()
    place = State()
    bring = State()
    photo = State()
    summary = State()
