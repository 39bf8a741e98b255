"""Every form is built from the same parts: each window has «❌ Отмена», and every window but a
form's first offers «⬅️ Назад» once the user came from somewhere."""

from __future__ import annotations

from aiogram import Router
from aiogram_dialog import Dialog
from aiogram_dialog.widgets.kbd import Button, Cancel

from handlers import get_routers
from handlers.forms import Tr, back
from tests.fixtures.harness import Harness, buttons, joined


def _buttons(widget: object) -> list[object]:
    found = [widget]
    for child in getattr(widget, "buttons", ()):
        found += _buttons(child)
    return found


def _dialogs(routers: list[Router]) -> list[Dialog]:
    found = []
    for router in routers:
        found += [router] if isinstance(router, Dialog) else []
        found += _dialogs(router.sub_routers)
    return found


def test_every_window_of_every_form_has_back_and_cancel():
    dialogs = _dialogs(get_routers())  # every form a user can reach
    assert len(dialogs) == 26
    for dialog in dialogs:
        for state, window in dialog.windows.items():
            widgets = _buttons(getattr(window, "keyboard", None))
            cancels = [w for w in widgets if isinstance(w, Cancel)]
            backs = [
                w
                for w in widgets
                if isinstance(w, Button) and getattr(w.on_click, "callback", None) is back
            ]
            assert cancels, f"{state} has no «Отмена»"
            texts = {w.text.key for w in cancels if isinstance(w.text, Tr)}
            assert texts & {"wizard-cancel", "form-continue"}, state
            if dialog.name not in ("interrupted", "asked", "jury", "natural"):
                assert backs, f"{state} has no «Назад»"


async def test_idea_form_asks_once_and_goes_back(harness: Harness, resident):
    await harness.onboard(resident)
    sent = await harness.say(resident, "/idea")
    assert joined(sent).count("Что вы хотите отправить?") == 1
    assert "❌ Отмена" in buttons(sent) and "⬅️ Назад" not in buttons(sent)
    await harness.press(resident, "💡 Идея")
    sent = await harness.press(resident, "Освещение")
    assert {"⬅️ Назад", "❌ Отмена"} <= set(buttons(sent))
    sent = await harness.press(resident, "⬅️ Назад")
    assert "Тема" in joined(sent)
    sent = await harness.say(resident, "/idea")  # in the middle: the draft is not dropped
    assert "Продолжить черновик или начать заново?" in joined(sent)
    sent = await harness.press(resident, "▶️ Продолжить черновик")
    assert "Тема" in joined(sent)


async def test_staff_answer_to_an_author_has_cancel(harness: Harness, admin, resident):
    from bot.keyboards.callbacks import IdeaCb
    from tests.test_ideas import STAFF, ideas, send_idea

    await harness.say(admin, f"/grant {STAFF.id} staff optimist")
    await harness.onboard(resident)
    await send_idea(harness, resident)
    [idea] = await ideas(harness)
    sent = await harness.tap(STAFF, IdeaCb(action="status", id=idea.id, value="in_progress"))
    assert "❌ Отмена" in buttons(sent)
    sent = await harness.press(STAFF, "❌ Отмена")
    assert "отменили" in joined(sent)
    [idea] = await ideas(harness)
    assert idea.answer is None


def _answers(sent: list) -> list:
    from aiogram.methods import AnswerCallbackQuery

    return [r for r in sent if isinstance(r, AnswerCallbackQuery)]


async def test_every_tap_is_answered_exactly_once(harness: Harness, resident, admin):
    from bot.keyboards.callbacks import ConsentCb
    from tests.test_reports import DONE, _elder, _fill_until_photos

    await harness.say(resident, "/start")
    sent = await harness.tap(resident, ConsentCb(agree=True))  # a handler that says nothing
    assert len(_answers(sent)) == 1 and not _answers(sent)[0].text
    sent = await harness.tap(resident, "no-such-button")  # nobody's button
    [answer] = _answers(sent)
    assert "устарела" in (answer.text or "")
    await _elder(harness, admin, resident)
    await _fill_until_photos(harness, resident)
    sent = await harness.press(resident, DONE)  # a form's alert, then the form's own answer
    [answer] = _answers(sent)
    assert "хотя бы одно фото" in (answer.text or "") and answer.show_alert


async def test_a_refused_tap_is_answered_and_is_no_fault(harness: Harness):
    from bot.keyboards.callbacks import PlaceCb
    from tests.fixtures.updates import tg_user

    stranger = tg_user(7007)
    errors = harness.dp["metrics"].handler_errors
    before = errors._value.get()
    sent = await harness.tap(stranger, PlaceCb(level="mun", id=99_999, purpose="browse"))
    [answer] = _answers(sent)
    assert "устарела" in (answer.text or "") and answer.show_alert
    assert errors._value.get() == before  # a stale button is not a fault of the bot
    assert await harness.db_user(stranger.id) is not None  # the first contact is kept


async def test_a_bad_answer_is_told_in_its_window_and_is_no_fault(harness: Harness, resident):
    """A bad typed answer (an InputError from any step) is answered by one error handler: its
    clear line, the window stays, the draft is kept, and the bot counts no fault."""
    await harness.onboard(resident, "kem-central")
    errors = harness.dp["metrics"].handler_errors
    before = errors._value.get()
    await harness.say(resident, "/idea")
    await harness.press(resident, "⚠️ Проблема")
    await harness.press(resident, "Освещение")
    sent = await harness.say(resident, "ул")  # too short for an address
    assert "Слишком коротко" in joined(sent)
    assert "Что-то пошло не так" not in joined(sent)
    assert errors._value.get() == before
    sent = await harness.say(resident, "ул. Весенняя, 5")  # the same window takes it
    assert "Опишите" in joined(sent)
    await harness.say(resident, "Не горит фонарь у подъезда.")
    sent = await harness.press(resident, "Без фото")
    assert "ул. Весенняя, 5" in joined(sent) and "Освещение" in joined(sent)


async def test_every_part_of_the_context_is_there_in_a_real_update(harness: Harness, resident):
    """Handlers take what they need from ctx (bot/context.py): each of its parts is filled from
    the middleware data of a real update, with the type it says, so none fails on first use."""
    import typing

    from bot.context import Ctx

    seen: list[Ctx] = []

    async def capture(handler, event, data):
        seen.append(data["ctx"])
        return await handler(event, data)

    harness.dp.message.outer_middleware(capture)
    await harness.onboard(resident, "kem-central")
    await harness.say(resident, "/help")
    ctx = seen[-1]
    hints = typing.get_type_hints(Ctx)  # the module's names resolve
    assert set(hints) == set(Ctx.__slots__) and len(hints) >= 25
    for name, expected in hints.items():
        value = getattr(ctx, name)
        origin = typing.get_origin(expected) or expected
        assert isinstance(value, origin), (name, type(value))
    assert ctx.user.id == resident.id and ctx.actor.id == resident.id


def test_two_forms_opened_in_the_same_second_have_different_names(monkeypatch):
    """aiogram-dialog's own names repeat within a second 1 time in 100 (a draft overwritten)."""
    import time

    from aiogram_dialog.api.entities.stack import Stack

    from handlers.start import Onboarding

    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    stack = Stack()
    names = {stack.push(Onboarding.consent, None).id for _ in range(90)}
    assert len(names) == 90
    assert max(len(name) for name in names) <= 8


async def test_a_stray_button_in_the_middle_of_a_form_is_answered_as_stale(
    harness: Harness, resident
):
    """An old version's button tapped while a form is open: «устарела», and the form does not
    redraw itself over that old message."""
    from aiogram.methods import EditMessageText

    await harness.onboard(resident)
    await harness.say(resident, "/idea")
    sent = await harness.tap(resident, "zz:gone", message_id=1)
    assert "Эта кнопка устарела" in joined(sent)
    assert not [r for r in sent if isinstance(r, EditMessageText)]
    sent = await harness.press(resident, "💡 Идея")  # the form goes on
    assert "Тема" in joined(sent)


async def test_no_filter_runs_in_a_worker_thread(harness: Harness):
    """aiogram runs a synchronous filter (a bare `F.text`, a plain function) in a worker thread
    for every update that reaches it; ours are all async (`Has(F.…)`). aiogram-dialog's own
    background-update route is the one exception (it is not reached by users' updates)."""
    sync = [
        f"{router.name}.{kind}: {event_filter.magic or event_filter.callback!r}"
        for router in harness.dp.chain_tail
        for kind, observer in router.observers.items()
        if kind != "aiogd_update"
        for handler in observer.handlers
        for event_filter in handler.filters or ()
        if not event_filter.awaitable
    ]
    assert not sync, sync


def test_a_long_line_goes_on_in_the_next_message_between_words():
    """short_messages never cuts a text someone wrote: a long line is split at spaces, an
    escaped «&amp;» stays whole, a word longer than a message is split outside its entities."""
    from bot.views import short_messages

    words = [f"слово{n}" for n in range(300)]
    messages = short_messages(["<b>Положение</b>", " ".join(words), "конец"])
    assert all(len(m) <= 600 for m in messages) and len(messages) >= 4
    assert " ".join(messages).split() == ["<b>Положение</b>", *words, "конец"]
    assert short_messages(["x" * 598 + "&amp;y"]) == ["x" * 598, "&amp;y"]
    assert [len(m) for m in short_messages(["я" * 1300])] == [600, 600, 100]


async def test_a_long_choice_comes_in_pages_turned_by_arrows(harness: Harness, admin):
    """The whole region in the directory (forty municipalities of two districts): the contest's
    «Кому объявить» was a button each, 121 under one message, and Telegram takes 100. A choice
    shows twelve rows a page with «◀️ ▶️», and a district on a far page is chosen and stored."""
    from datetime import UTC, datetime, timedelta

    from sqlalchemy import select

    from bot.keyboards.callbacks import ContestCb
    from handlers.forms import CHOICE_ROWS
    from storage.models import Contest, District, Municipality

    async with harness.session_factory() as s:
        for n in range(40):
            s.add(
                Municipality(
                    code=f"m{n:02}", name=f"Округ {n:02}", sort=100 + n,
                    districts=[
                        District(code=f"m{n:02}-{k}", name=f"Район {n:02}-{k}", sort=k)
                        for k in (1, 2)
                    ],
                )
            )  # fmt: skip
        await s.commit()
    await harness.reload_directory()
    await harness.tap(admin, ContestCb(action="new", id=0))
    await harness.say(admin, "Двор без окурков")
    await harness.say(admin, "Чистый двор")
    deadline = datetime.now(UTC) + timedelta(days=5)
    sent = await harness.say(admin, f"{deadline:%d.%m.%Y}")
    pages = 1
    while "Округ 39, Район 39-2" not in buttons(sent):
        shown = buttons(sent)
        assert len(shown) <= CHOICE_ROWS + 4 and "▶️" in shown and "❌ Отмена" in shown
        sent = await harness.press(admin, "▶️")
        pages += 1
    assert pages > 5 and "◀️" in buttons(sent)
    before = await harness.press(admin, "◀️")
    assert "Округ 39, Район 39-2" not in buttons(before)
    await harness.press(admin, "▶️")
    preview = await harness.press(admin, "Округ 39, Район 39-2")
    assert "Получат: 0" in joined(preview)
    await harness.press(admin, "✅ Отправить")
    async with harness.session_factory() as s:
        contest = (await s.execute(select(Contest))).scalar_one()
        district = await s.scalar(select(District).where(District.code == "m39-2"))
        assert district is not None
        assert (contest.audience, contest.audience_id) == ("district", district.id)
