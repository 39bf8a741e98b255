"""/jury: a juror scores the entries of their stage one by one (1–10 per criterion, a comment)."""

from __future__ import annotations

import html

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram_i18n import I18nContext

from bot.filters.content import Has
from bot.keyboards.builders import inline
from bot.keyboards.callbacks import ScoreCb
from bot.services.validation import InputError, parse_text
from bot.views import send_album
from bot.wizard import WizardCb
from handlers.states import Jury
from storage.models import Application, Contest, Juror, User
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory

router = Router(name=__name__)


def criteria(contest: Contest) -> list[str]:
    return [c.strip() for c in contest.criteria.split(";") if c.strip()]


def score_keyboard(application_id: int) -> InlineKeyboardMarkup:
    return inline(
        [(str(v), ScoreCb(application=application_id, value=v)) for v in range(1, 6)],
        [(str(v), ScoreCb(application=application_id, value=v)) for v in range(6, 11)],
    )


async def show_next(
    message: Message,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    for juror, contest in await contests.juror_stages(user.id):
        application, left = await contests.next_for(juror, contest)
        if application is None:
            continue
        await state.set_state(Jury.score)
        await state.set_data({"juror_id": juror.id, "application_id": application.id, "values": []})
        nomination = await contests.nomination(application.nomination_id)
        district = directory.district(application.district_id)
        text = i18n.get(
            "jury-card",
            id=application.id,
            nomination=html.escape(nomination.name if nomination else ""),
            district=html.escape(district.name if district else ""),
            address=html.escape(application.address_text),
            description=html.escape(application.description),
            left=left,
        )
        await send_album(bot, user.id, [p.file_id for p in application.photos], text, None)
        await message.answer(
            i18n.get("jury-ask-criterion", criterion=html.escape(criteria(contest)[0])),
            reply_markup=score_keyboard(application.id),
        )
        return
    await state.clear()
    seats = await contests.juror_stages(user.id)
    await message.answer(i18n.get("jury-done" if seats else "jury-none"))


@router.message(Command("jury"))
async def jury(
    message: Message,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    await show_next(message, bot, user, state, contests, directory, i18n)


async def _context(
    state: FSMContext, contests: ContestRepository
) -> tuple[Juror, Contest, Application] | None:
    data = await state.get_data()
    juror = await contests.juror_by_id(data.get("juror_id", 0))
    application = await contests.application(data.get("application_id", 0))
    contest = await contests.get(juror.contest_id) if juror else None
    if (
        juror is None
        or application is None
        or contest is None
        or contest.stage.value != juror.stage
    ):
        return None
    return juror, contest, application


@router.callback_query(ScoreCb.filter())
async def scored(
    callback: CallbackQuery,
    callback_data: ScoreCb,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    found = await _context(state, contests) if await state.get_state() == Jury.score.state else None
    if found is None or not isinstance(callback.message, Message):
        await callback.answer(i18n.get("button-stale"), show_alert=True)
        return
    juror, contest, application = found
    if callback_data.application != application.id:
        target = await contests.application(callback_data.application)
        own = (
            target is not None
            and contest.no_own_district
            and target.district_id == juror.district_id
        )
        await callback.answer(
            i18n.get("jury-own-district" if own else "button-stale"), show_alert=True
        )
        return
    if not 1 <= callback_data.value <= 10:
        await callback.answer(i18n.get("jury-out-of-range"), show_alert=True)
        return
    await callback.answer()
    data = await state.get_data()
    values = [*data["values"], callback_data.value]
    await state.update_data(values=values)
    names = criteria(contest)
    if len(values) < len(names):
        await callback.message.answer(
            i18n.get("jury-ask-criterion", criterion=html.escape(names[len(values)])),
            reply_markup=score_keyboard(application.id),
        )
        return
    await state.set_state(Jury.comment)
    await callback.message.answer(
        i18n.get("jury-ask-comment"),
        reply_markup=inline([(i18n.get("wizard-skip"), WizardCb(wizard="jury", action="skip"))]),
    )


async def _save(
    message: Message,
    comment: str | None,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    found = await _context(state, contests)
    if found is None:
        await state.clear()
        await message.answer(i18n.get("button-stale"))
        return
    juror, _, application = found
    if await contests.has_scored(juror, application.id):
        await message.answer(i18n.get("jury-already"))
    else:
        await contests.save_scores(
            juror, application.id, (await state.get_data())["values"], comment
        )
        await message.answer(i18n.get("jury-saved", id=application.id))
    await show_next(message, bot, user, state, contests, directory, i18n)


@router.message(StateFilter(Jury.comment), Has(F.text))
async def comment_typed(
    message: Message,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    try:
        comment = parse_text(message.text, max_len=500, min_len=2)
    except InputError as exc:
        await message.answer(i18n.get(exc.key, **exc.args_))
        return
    await _save(message, comment, bot, user, state, contests, directory, i18n)


@router.callback_query(
    StateFilter(Jury.comment), WizardCb.filter((F.wizard == "jury") & (F.action == "skip"))
)
async def comment_skipped(
    callback: CallbackQuery,
    bot: Bot,
    user: User,
    state: FSMContext,
    contests: ContestRepository,
    directory: Directory,
    i18n: I18nContext,
) -> None:
    await callback.answer()
    if isinstance(callback.message, Message):
        await _save(callback.message, None, bot, user, state, contests, directory, i18n)
