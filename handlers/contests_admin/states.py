from aiogram.fsm.state import State, StatesGroup


class C(StatesGroup):
    """The contest form: from a template (template, deadline, audience) or from scratch."""

    template = State()
    title = State()
    nominations = State()
    deadline = State()
    audience = State()
    preview = State()
