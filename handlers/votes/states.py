from aiogram.fsm.state import State, StatesGroup


class VoteForm(StatesGroup):
    scope = State()
    target = State()
    street = State()
    house = State()
    question = State()
    options = State()
    mode = State()
    winners = State()
    ends = State()
    date = State()
    summary = State()


class PaperForm(StatesGroup):
    """Paper ballots of an offline meeting: how many people, then each option's count."""

    people = State()
    count = State()
    summary = State()


class HomeForm(StatesGroup):
    """Where the resident lives: asked once (or /home), every step may be skipped."""

    ask = State()
    street = State()
    house = State()
    entrance = State()
    committee = State()


class ProjectForm(StatesGroup):
    """An idea becomes a project of the initiative budget."""

    title = State()
    cost = State()
    description = State()
    summary = State()
