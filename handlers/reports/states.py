from aiogram.fsm.state import State, StatesGroup


class ReportForm(StatesGroup):
    territory = State()
    kind = State()
    action = State()
    action_other = State()
    date = State()
    date_typed = State()
    place = State()
    participants = State()
    figures = State()
    figure_value = State()
    description = State()
    photos = State()
    tags = State()
    summary = State()
    edit = State()
