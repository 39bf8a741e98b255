from aiogram.fsm.state import State, StatesGroup


class RegistryForm(StatesGroup):
    """/registry: download the directory, send it back edited, see the preview, apply."""

    start = State()
    preview = State()
