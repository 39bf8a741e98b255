from aiogram.fsm.state import State, StatesGroup


class ApplicationForm(StatesGroup):  # the name is bot.services.contests.APPLICATION_FORM
    nomination = State()
    street = State()
    house = State()
    entrance = State()
    apartment = State()
    committee = State()
    center = State()
    description = State()
    photos = State()
    name = State()
    phone = State()
    summary = State()
    edit = State()
