from aiogram.fsm.state import State, StatesGroup


class PeopleForm(StatesGroup):
    """/grant, /revoke or /whois alone: find a person by name or @username, see who they are,
    give or take a role, the center chosen by buttons."""

    search = State()
    found = State()
    person = State()
    municipality = State()
    district = State()
    center = State()
    confirm = State()
    stage = State()  # a juror: which stage of the contest they judge
