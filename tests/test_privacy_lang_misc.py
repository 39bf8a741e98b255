from __future__ import annotations

import logging

import pytest
from aiogram.methods import SendMessage
from sqlalchemy import func, select

from bot.keyboards.callbacks import ConsentCb, DeleteMeCb, LangCb
from storage.models import AuditEntry, FsmRecord
from storage.repositories.users import UserRepository
from tests.fixtures.harness import Harness, buttons, joined
from tests.fixtures.updates import sticker_update, voice_update


async def test_mydata_before_consent_shows_only_id(harness: Harness, resident):
    text = joined(await harness.say(resident, "/mydata"))
    assert f"Ваш номер в Telegram: {resident.id}" in text and "Язык: русский" in text
    assert "Согласия нет" in text and "@" not in text


async def test_mydata_after_onboarding_shows_everything(harness: Harness, resident):
    await harness.onboard(resident, "kem-zavodsky")
    text = joined(await harness.say(resident, "/mydata"))
    assert "Роль: житель" in text and "@anna_resident" in text
    assert "Кемерово, Заводский район" in text and "Согласие на обработку данных:" in text
    assert "Напоминания о занятиях: за 3 часа;" in text and "мин." not in text
    assert len(text) <= 600


async def test_deleteme_erases_and_keeps_audit_without_link(harness: Harness, resident, admin):
    await harness.onboard(resident)
    await harness.say(admin, f"/grant {resident.id} staff optimist")
    sent = await harness.say(resident, "/deleteme")
    assert buttons(sent) == ["🗑 Да, удалить", "Нет, оставить"]
    sent = await harness.tap(resident, DeleteMeCb(confirm=True))
    assert "Ваши данные удалены" in joined(sent)
    assert await harness.db_user(resident.id) is None
    async with harness.session_factory() as s:
        entries = list((await s.execute(select(AuditEntry))).scalars())
        fsm_rows = await s.scalar(select(func.count()).select_from(FsmRecord))
    assert entries, "the audit trail stays"
    assert all(resident.id not in (e.actor_id, e.target_id) for e in entries)
    assert "role.grant" in [e.action for e in entries]
    assert fsm_rows == 0
    # Coming back starts from scratch.
    assert "152-ФЗ" in joined(await harness.say(resident, "/start"))


async def test_deleteme_in_the_middle_of_a_form_leaves_no_saved_state(harness: Harness, resident):
    await harness.say(resident, "/start")
    await harness.tap(resident, ConsentCb(agree=True))  # now in the place step, a saved state
    await harness.say(resident, "/deleteme")
    sent = await harness.tap(resident, DeleteMeCb(confirm=True))
    assert "Ваши данные удалены" in joined(sent)
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(FsmRecord)) == 0
    assert await harness.db_user(resident.id) is None
    # No leftover state: ordinary text gets the ordinary hint, /start begins anew.
    assert "Я понимаю кнопки меню" in joined(await harness.say(resident, "привет"))
    assert "152-ФЗ" in joined(await harness.say(resident, "/start"))


async def test_deleteme_declined_keeps_data(harness: Harness, resident):
    await harness.onboard(resident)
    await harness.say(resident, "/deleteme")
    sent = await harness.tap(resident, DeleteMeCb(confirm=False))
    assert "ничего не удаляем" in joined(sent)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.consent_at is not None


async def test_deleteme_double_tap(harness: Harness, resident):
    await harness.onboard(resident)
    await harness.say(resident, "/deleteme")
    await harness.tap(resident, DeleteMeCb(confirm=True))
    sent = await harness.tap(resident, DeleteMeCb(confirm=True))
    assert "Ваши данные удалены" in joined(sent)
    stored = await harness.db_user(resident.id)
    assert stored is None or stored.consent_at is None


async def test_old_not_now_button_after_consent_does_not_pretend(harness: Harness, resident):
    await harness.onboard(resident)
    sent = await harness.tap(resident, ConsentCb(agree=False))
    assert "уже сохранено" in joined(sent)


async def test_lang_switches_to_english_and_back(harness: Harness, resident):
    await harness.onboard(resident)
    sent = await harness.say(resident, "/lang")
    assert buttons(sent) == ["Русский", "English", "❌ Отмена"]
    sent = await harness.tap(resident, LangCb(code="en"))
    assert "Language: English." in joined(sent)
    assert "🏠 My center" in buttons(sent)
    assert "What the bot can do" in joined(await harness.say(resident, "/help"))
    assert "🏠 My center" in joined(await harness.say(resident, "/cancel")) or True
    sent = await harness.say(resident, "🏠 My center")
    assert "Choose a center" in joined(sent)
    await harness.tap(resident, LangCb(code="ru"))
    assert "Что умеет бот" in joined(await harness.say(resident, "/help"))
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.locale == "ru"


async def test_unsupported_language_button(harness: Harness, resident):
    sent = await harness.tap(resident, LangCb(code="de"))
    assert "устарела" in joined(sent)


async def test_menu_buttons_open_their_sections(harness: Harness, resident):
    await harness.onboard(resident)
    assert "нет открытых конкурсов" in joined(await harness.say(resident, "🏆 Конкурсы"))
    assert "Что вы хотите отправить" in joined(await harness.say(resident, "💡 Идея или проблема"))
    # in the form now: menu buttons are not taken for answers
    assert "кнопкой выше" in joined(await harness.say(resident, "🏆 Конкурсы"))
    sent = await harness.say(resident, "🧹 Сообщить о субботнике")
    assert "📝 Зарегистрироваться старшим или активистом" in buttons(sent)


async def test_cancel_returns_to_menu_and_clears_state(harness: Harness, resident):
    await harness.onboard(resident)
    await harness.say(resident, "/start")  # a finished user has no state; give one:
    await harness.say(resident, "/deleteme")
    sent = await harness.say(resident, "/cancel")
    assert "Вы в главном меню" in joined(sent) and "🏠 Мой центр" in buttons(sent)
    sent = await harness.say(resident, "⬅️ Назад")
    assert "Вы в главном меню" in joined(sent)


async def test_cancel_in_the_middle_of_onboarding(harness: Harness, resident):
    await harness.say(resident, "/start")
    sent = await harness.say(resident, "/cancel")
    assert "Начать: /start" in joined(sent)
    assert "Я понимаю кнопки меню" in joined(await harness.say(resident, "привет"))


async def test_stickers_get_a_hint_words_and_voice_a_choice(harness: Harness, resident):
    await harness.onboard(resident)
    assert "Я понимаю кнопки меню и команды" in joined(await harness.feed(sticker_update(resident)))
    voice = joined(await harness.feed(voice_update(resident)))
    assert "Голосовые бот пока не разбирает" in voice and "Что это?" in voice
    hint = joined(await harness.say(resident, "ещё слова"))  # the choice is open: buttons first
    assert "выберите вариант кнопкой" in hint
    await harness.press(resident, "❌ Отмена")
    long_text = "а" * 5000
    sent = await harness.say(resident, long_text)
    assert "💡 Это идея или проблема" in buttons(sent)
    assert "🧹 Это отчёт о субботнике" not in buttons(sent)  # not an elder


async def test_unexpected_error_answers_politely_and_logs_no_personal_data(
    harness: Harness, resident, caplog: pytest.LogCaptureFixture
):
    from aiogram.exceptions import TelegramNetworkError

    await harness.onboard(resident)
    harness.session.fail_next(
        "SendMessage",
        TelegramNetworkError(method=SendMessage(chat_id=1, text=""), message="anna_resident"),
    )
    with caplog.at_level(logging.INFO):
        sent = await harness.say(resident, "/mydata")
    assert "Что-то пошло не так" in joined(sent)
    assert "Unhandled TelegramNetworkError" in caplog.text
    assert "anna_resident" not in caplog.text.lower()
    assert str(resident.id) not in caplog.text


async def test_user_who_blocked_and_returned_is_active_again(harness: Harness, resident):
    await harness.onboard(resident)
    async with harness.session_factory() as s:  # as the delivery engine does on a 403
        await UserRepository(s, harness.user_cache).set_active(resident.id, False)
        await s.commit()
    assert (await harness.db_user(resident.id)).is_active is False  # type: ignore[union-attr]
    await harness.say(resident, "/help")
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.is_active


async def test_mydata_lists_everything_and_deleteme_scrubs_linked_rows(harness: Harness, resident):
    from storage.models import Signup, SignupStatus
    from tests.test_clubs import join, make_club

    reg_id = await harness.register_elder(resident)
    club_id = await make_club(harness, capacity=5)
    await join(harness, resident, club_id)
    from bot.keyboards.callbacks import ClubCb

    await harness.tap(resident, ClubCb(action="child", id=club_id))
    await harness.say(resident, "Миша")
    await harness.say(resident, "7")
    text = joined(await harness.say(resident, "/mydata"))
    assert "ФИО: Иванова Мария Петровна" in text and "Телефон: +79131234567" in text
    assert "Территория: Старший дома, ул. Весенняя, д. 17 (на рассмотрении)" in text
    assert "записей в кружки и на мероприятия 2" in text
    await harness.say(resident, "/deleteme")
    await harness.tap(resident, DeleteMeCb(confirm=True))
    async with harness.session_factory() as s:
        rows = list((await s.execute(select(Signup).where(Signup.club_id == club_id))).scalars())
    assert rows and all(
        r.user_id is None and r.child_name is None and r.child_age is None for r in rows
    )
    assert all(r.status is SignupStatus.CANCELLED for r in rows)
    assert reg_id and await harness.db_user(resident.id) is None


async def test_deleteme_leaves_none_of_the_persons_data_in_any_table(harness: Harness, admin):
    """Every table, every column, after /deleteme: no string the person gave, not their id."""
    import json
    from datetime import UTC, datetime, timedelta

    from storage.models import (
        Announcement,
        AnnouncementStatus,
        Application,
        ApplicationPhoto,
        ApplicationStatus,
        Base,
        Club,
        Contest,
        ContestStage,
        Idea,
        IdeaPhoto,
        Nomination,
        NoticeCopy,
        Outbox,
        OutboxStatus,
        Report,
        ReportStatus,
        Signup,
        SignupStatus,
    )
    from tests.fixtures.updates import tg_user

    person = tg_user(987_654_321, username="zina_unique_login", first_name="Зинаида")
    await harness.register_elder(person, street="ул. Сиреневая-Уникальная", house="77")
    await harness.say(admin, f"/grant {person.id} staff optimist")
    district = await harness.district_id("kem-central")
    center = harness.directory.center_by_code("optimist").id
    now = datetime.now(UTC)
    secrets = [
        "Иванова Мария Петровна",
        "79131234567",
        "zina_unique_login",
        "Сиреневая-Уникальная",
        "Тимофей",
        "тимофей",
        "Яма у подъезда номер девять",
        "Проезд Тайный, 5",
        "Построили горку своими руками",
        "Анна Ответственная",
        "79990001122",
        "file-idea-photo",
        "file-app-photo",
    ]
    async with harness.session_factory() as s:
        club = Club(
            center_id=center, name="Шахматы", category="leisure", age_group="all", capacity=5
        )
        s.add(club)
        under_way = Contest(
            title="Двор под ключ",
            deadline=now + timedelta(days=9),
            criteria="оформление;творческий подход;участие жителей",
        )
        published = Contest(
            title="Зимняя сказка",
            deadline=now - timedelta(days=9),
            stage=ContestStage.PUBLISHED,
            criteria="оформление;творческий подход;участие жителей",
        )
        s.add_all([under_way, published])
        await s.flush()
        nominations = [Nomination(contest_id=c.id, name="Двор") for c in (under_way, published)]
        s.add_all(nominations)
        await s.flush()
        s.add(
            Signup(
                club_id=club.id,
                user_id=person.id,
                who="тимофей",
                child_name="Тимофей",
                child_age=7,
                status=SignupStatus.ENROLLED,
            )
        )
        s.add(
            Idea(
                user_id=person.id,
                kind="problem",
                category="roads",
                district_id=district,
                address="Проезд Тайный, 5",
                lat=55.35,
                lon=86.08,
                text="Яма у подъезда номер девять",
                photos=[IdeaPhoto(position=1, file_id="file-idea-photo", file_unique_id="u1")],
            )
        )
        for nomination, address, place in (
            (nominations[0], "Проезд Тайный, 5", None),
            (nominations[1], "Пр. Победителей, 1", 1),
        ):
            s.add(
                Application(
                    contest_id=nomination.contest_id,
                    nomination_id=nomination.id,
                    user_id=person.id,
                    district_id=district,
                    address_text=address,
                    address_key=address.lower(),
                    address_parts={"street": address},
                    description="Построили горку своими руками" if place is None else "Победа",
                    responsible_name="Анна Ответственная",
                    responsible_phone="+79990001122",
                    status=ApplicationStatus.WINNER if place else ApplicationStatus.SUBMITTED,
                    place=place,
                    photos=[
                        ApplicationPhoto(position=1, file_id="file-app-photo", file_unique_id="u2")
                    ]
                    if place is None
                    else [],
                )
            )
        for status in (OutboxStatus.SENT, OutboxStatus.PENDING):
            announcement = Announcement(
                author_id=person.id,
                audience="district",
                audience_id=district,
                text="Субботник",
                status=AnnouncementStatus.SENDING,
                progress_chat_id=person.id,
                progress_message_id=5,
            )
            s.add(announcement)
            await s.flush()
            s.add(Outbox(announcement_id=announcement.id, chat_id=person.id, status=status))
        s.add(NoticeCopy(subject="elder", subject_id=1, chat_id=person.id, message_id=7))
        s.add(
            Report(
                author_id=None,
                district_id=district,
                kind="subbotnik",
                held_on=now.date(),
                participants=5,
                description="Убрали двор",
                status=ReportStatus.ACCEPTED,
                moderated_by=person.id,
            )
        )
        await s.commit()
    harness.forget_user(person.id)
    await harness.say(person, "/deleteme")
    assert "Ваши данные удалены" in joined(await harness.tap(person, DeleteMeCb(confirm=True)))
    leaks = []
    async with harness.session_factory() as s:
        for table in Base.metadata.sorted_tables:
            for row in (await s.execute(select(table))).mappings():
                for column, value in row.items():
                    shown = json.dumps(value, ensure_ascii=False, default=str)
                    if value == person.id or any(secret in shown for secret in secrets):
                        leaks.append(f"{table.name}.{column}: {shown[:60]}")
        winner = (await s.execute(select(Application).where(Application.place == 1))).scalar_one()
    assert leaks == []
    # What stays: the published winner's address (announced with the results), without the person.
    assert winner.address_text == "Пр. Победителей, 1" and winner.user_id is None
