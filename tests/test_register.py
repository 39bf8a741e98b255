from __future__ import annotations

from aiogram.methods import EditMessageReplyMarkup
from sqlalchemy import func, select

from bot.keyboards.callbacks import PageCb, RegDecisionCb
from handlers.elders_staff import ElderRevokeCb
from handlers.help import HelpCb
from handlers.register.states import NewTerritoryCb
from storage.models import ElderRegistration, NoticeCopy, RegistrationStatus, Role
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import contact_update, sticker_update, tg_user

STAFF = tg_user(2001, username="olga_staff")
OTHER_STAFF = tg_user(2002, username="ivan_staff")


ROLES = {"house_elder": "Старший дома", "entrance_elder": "Старший подъезда"}


async def _staff(harness: Harness, admin, user=STAFF, center: str = "optimist") -> None:
    await harness.say(admin, f"/grant {user.id} staff {center}")


async def _registrations(harness: Harness) -> list[ElderRegistration]:
    async with harness.session_factory() as s:
        return list((await s.execute(select(ElderRegistration))).scalars())


async def _until_street(harness: Harness, user, role: str = "house_elder") -> None:
    await harness.onboard(user)
    await harness.say(user, "/register")
    await harness.press(user, ROLES[role])
    await harness.press(user, "Кемерово")
    await harness.press(user, "Центральный район")
    sent = await harness.press(user, "Нет в списке")
    assert "название вашего окружного комитета" in joined(sent)
    await harness.say(user, "Комитет «Весенний»")


async def test_registration_confirmed_end_to_end(harness: Harness, resident, admin):
    await _staff(harness, admin)
    await harness.onboard(resident)
    sent = await harness.say(resident, "/register")
    assert "Кто вы в ТОС?" in joined(sent)
    assert "Старший дома" in buttons(sent) and "Хозяйка дома" in buttons(sent)
    assert "❌ Отмена" in buttons(sent)
    sent = await harness.press(resident, "Старший подъезда")
    assert "Кемерово" in buttons(sent)
    sent = await harness.press(resident, "Кемерово")
    sent = await harness.press(resident, "Центральный район")
    assert "окружной комитет" in joined(sent).lower()
    assert "№ 5 «Юность»" == buttons(sent)[0]  # the district's own committee comes first
    sent = await harness.press(resident, "№ 5 «Юность»")
    assert "Улица" in joined(sent)
    await harness.say(resident, "ул. Весенняя")
    sent = await harness.say(resident, "17а")
    assert "подъезда" in joined(sent)
    assert "Нужно число от 1 до 99" in joined(await harness.say(resident, "второй"))
    assert "от 1 до 99" in joined(await harness.say(resident, "0"))
    sent = await harness.say(resident, "2")
    assert "фамилия, имя" in joined(sent)
    sent = await harness.say(resident, "Иванова Мария Петровна")
    assert "📱 Поделиться контактом" in buttons(sent)
    sent = await harness.feed(contact_update(resident, "8 913 123-45-67", resident.id))
    summary = joined(sent)
    assert "Старший подъезда" in summary and "ул. Весенняя, д. 17а, подъезд 2" in summary
    assert "Иванова Мария Петровна" in summary and "+79131234567" in summary
    assert "№ 5 «Юность»" in summary

    # «✏️ Изменить» on the summary: the name comes straight back to it; the territory walks its
    # steps again (street, house, entrance), then the summary.
    await harness.press(resident, "✏️ Изменить")
    assert "фамилия, имя" in joined(await harness.press(resident, "ФИО"))
    sent = await harness.say(resident, "Иванова Мария Ивановна")
    assert "Иванова Мария Ивановна" in joined(sent) and "✅ Отправить" in buttons(sent)
    await harness.press(resident, "✏️ Изменить")
    assert "Улица" in joined(await harness.press(resident, "Территория"))
    await harness.say(resident, "ул. Весенняя")
    await harness.say(resident, "17а")
    sent = await harness.say(resident, "3")
    assert "ул. Весенняя, д. 17а, подъезд 3" in joined(sent) and "✅ Отправить" in buttons(sent)

    sent = await harness.press(resident, "✅ Отправить")
    assert "Заявка отправлена" in joined(sent)
    [reg] = await _registrations(harness)
    assert reg.status is RegistrationStatus.PENDING and reg.entrance == 3 and reg.house == "17а"
    to_staff = [r for r in sent if getattr(r, "chat_id", None) == STAFF.id]
    to_admin = [r for r in sent if getattr(r, "chat_id", None) == admin.id]
    assert to_staff and "Заявка старшего №" in to_staff[0].text  # type: ignore[attr-defined]
    assert to_admin, "admins get the application too"
    user = await harness.db_user(resident.id)
    assert user is not None and user.full_name == "Иванова Мария Ивановна"
    assert user.phone == "+79131234567" and user.role is Role.RESIDENT

    assert "на рассмотрении" in joined(await harness.say(resident, "/report"))
    async with harness.session_factory() as s:
        copies = dict((await s.execute(select(NoticeCopy.chat_id, NoticeCopy.message_id))).all())
    assert set(copies) == {STAFF.id, admin.id}
    sent = await harness.tap(STAFF, RegDecisionCb(id=reg.id, confirm=True))
    retired = {
        (r.chat_id, r.message_id)  # type: ignore[attr-defined]
        for r in sent
        if isinstance(r, EditMessageReplyMarkup) and r.reply_markup is None
    }
    assert (admin.id, copies[admin.id]) in retired  # the other decider's buttons are gone
    async with harness.session_factory() as s:
        assert (await s.execute(select(NoticeCopy))).first() is None
    assert f"Заявка № {reg.id} подтверждена" in joined(sent)
    told = [r for r in sent if getattr(r, "chat_id", None) == resident.id]
    assert told and "подтверждена" in told[0].text  # type: ignore[attr-defined]
    user = await harness.db_user(resident.id)
    assert user is not None and user.role is Role.ELDER
    assert "подтверждена" in joined(await harness.say(resident, "/register"))
    await harness.say(resident, "/help")
    assert "/report" in joined(await harness.tap(resident, HelpCb(section="elder")))


async def test_reject_asks_reason_and_tells_the_applicant(harness: Harness, resident, admin):
    await _staff(harness, admin)
    reg_id = await harness.register_elder(resident)
    sent = await harness.tap(STAFF, RegDecisionCb(id=reg_id, confirm=False))
    assert "причину отказа" in joined(sent)
    assert "Слишком коротко" in joined(await harness.say(STAFF, "no"))
    sent = await harness.say(STAFF, "Такой дом не в вашем районе")
    assert f"Заявка № {reg_id} отклонена" in joined(sent)
    told = [r for r in sent if getattr(r, "chat_id", None) == resident.id]
    assert "Такой дом не в вашем районе" in told[0].text  # type: ignore[attr-defined]
    [reg] = await _registrations(harness)
    assert reg.status is RegistrationStatus.REJECTED and reg.reason == "Такой дом не в вашем районе"
    # A late tap on «Подтвердить» of the same application changes nothing.
    sent = await harness.tap(STAFF, RegDecisionCb(id=reg_id, confirm=True))
    assert "уже рассмотрена" in joined(sent)
    assert (await harness.db_user(resident.id)).role is Role.RESIDENT  # type: ignore[union-attr]


async def test_staff_of_another_district_cannot_decide(harness: Harness, resident, admin):
    await _staff(harness, admin)
    await _staff(harness, admin, OTHER_STAFF, "borovoy")  # Рудничный район
    reg_id = await harness.register_elder(resident, "kem-central")
    sent = await harness.tap(OTHER_STAFF, RegDecisionCb(id=reg_id, confirm=True))
    assert "не из вашего района" in joined(sent)
    [reg] = await _registrations(harness)
    assert reg.status is RegistrationStatus.PENDING


async def test_a_resident_cannot_press_staff_buttons(harness: Harness, resident, admin):
    reg_id = await harness.register_elder(resident)
    intruder = tg_user(5005)
    sent = await harness.tap(intruder, RegDecisionCb(id=reg_id, confirm=True))
    assert "устарела" in joined(sent)
    [reg] = await _registrations(harness)
    assert reg.status is RegistrationStatus.PENDING


async def test_someone_elses_contact_and_typed_phone_are_refused(harness: Harness, resident):
    await _until_street(harness, resident)
    await harness.say(resident, "ул. Весенняя")
    await harness.say(resident, "17")
    await harness.say(resident, "Петров Пётр")
    sent = await harness.feed(contact_update(resident, "+79990000000", 777))
    assert "чужой контакт" in joined(sent)
    assert "Поделиться контактом" in joined(await harness.say(resident, "+7 913 000 00 00"))
    sent = await harness.feed(contact_update(resident, "+79131112233", resident.id))
    assert "Проверьте заявку" in joined(sent)
    user = await harness.db_user(resident.id)
    assert user is not None and user.phone is None  # nothing is stored before «Отправить»


async def test_bad_name_house_and_wrong_message_types(harness: Harness, resident):
    await _until_street(harness, resident)
    assert "Напишите ответ текстом" in joined(await harness.feed(sticker_update(resident)))
    assert "заполнение формы" in joined(await harness.say(resident, "🏠 Мой центр"))
    assert "Слишком длинно: 101 знак," in joined(await harness.say(resident, "у" * 101))  # plural
    await harness.say(resident, "ул. Весенняя")
    assert "номер дома" in joined(await harness.say(resident, "дом у речки"))
    await harness.say(resident, "17")
    assert "фамилию и имя" in joined(await harness.say(resident, "Мария"))
    assert "фамилию и имя" in joined(await harness.say(resident, "Мария 123"))
    assert "Поделиться" in joined(await harness.say(resident, "Мария Иванова"))


async def test_back_goes_to_the_previous_step_and_stale_committee(harness: Harness, resident):
    await _until_street(harness, resident)
    sent = await harness.press(resident, "⬅️ Назад")
    assert "название вашего окружного комитета" in joined(sent)
    sent = await harness.press(resident, "⬅️ Назад")
    assert "Ваш окружной комитет" in joined(sent)
    data = callback_datas(sent)["№ 5 «Юность»"]
    sent = await harness.tap(resident, data.rsplit(":", 1)[0] + ":99999")
    assert "устарела" in joined(sent)


async def test_double_submit_makes_one_application(harness: Harness, resident):
    await harness.register_elder(resident)
    send = next(
        callback_datas([r])["✅ Отправить"]
        for r in reversed(harness.session.requests)
        if "✅ Отправить" in callback_datas([r])
    )
    sent = await harness.tap(resident, send)  # a double tap
    assert "уже отправлена" in joined(sent)
    assert len(await _registrations(harness)) == 1


async def test_same_territory_twice_is_refused_another_is_fine(harness: Harness, resident, admin):
    await _staff(harness, admin)
    await harness.register_elder(resident, confirm_by=STAFF)
    await harness.register_elder(resident)  # same street and house again
    assert len(await _registrations(harness)) == 1
    await harness.register_elder(resident, house="19")  # a second house: allowed
    regs = await _registrations(harness)
    assert len(regs) == 2 and {r.house for r in regs} == {"17", "19"}
    status = joined(await harness.say(resident, "/register"))
    assert "д. 17 — подтверждена" in status and "д. 19 — на рассмотрении" in status


async def test_register_needs_consent(harness: Harness, resident):
    assert "согласия" in joined(await harness.say(resident, "/register"))
    assert "согласия" in joined(await harness.tap(resident, NewTerritoryCb()))  # an old button


async def test_a_resident_who_would_report_is_led_to_the_registration(harness: Harness, resident):
    """«🧹 Сообщить о субботнике» before being an elder: a button into the registration form,
    not a command to type; after /deleteme the same old button asks for consent first."""
    await harness.onboard(resident)
    sent = await harness.say(resident, "🧹 Сообщить о субботнике")
    assert "подтверждённые старшие" in joined(sent)
    sent = await harness.press(resident, "📝 Зарегистрироваться старшим или активистом")
    assert "Старший дома" in buttons(sent) and "❌ Отмена" in buttons(sent)
    await harness.press(resident, "❌ Отмена")
    await harness.say(resident, "/deleteme")
    await harness.press(resident, "🗑 Да, удалить")
    sent = await harness.tap(resident, NewTerritoryCb())
    assert "согласия" in joined(sent) and "Старший дома" not in buttons(sent)
    async with harness.session_factory() as s:
        assert (await s.execute(select(func.count()).select_from(ElderRegistration))).scalar() == 0


async def test_restart_in_the_middle_of_registration(sqlite_url: str, resident):
    from tests.conftest import _harness, make_settings

    settings = make_settings(sqlite_url)
    async for h in _harness(settings):
        await _until_street(h, resident)
    async for h in _harness(settings):  # a new Dispatcher on the same database
        sent = await h.say(resident, "ул. Весенняя")
        assert "Номер дома" in joined(sent)


async def test_elders_list_and_revoke(harness: Harness, resident, admin):
    await _staff(harness, admin)
    reg_id = await harness.register_elder(resident, confirm_by=STAFF)
    other = tg_user(3003, username="anna")
    await harness.register_elder(other, house="21")
    sent = await harness.say(STAFF, "/elders")
    text = joined(sent)
    assert "Иванова Мария Петровна" in text and "подтверждена" in text and "на рассмотрении" in text
    assert f"Отозвать № {reg_id}" in buttons(sent)
    sent = await harness.tap(STAFF, ElderRevokeCb(id=reg_id))
    assert "причину отзыва" in joined(sent)
    sent = await harness.say(STAFF, "Переехала в другой район")
    assert "отозваны" in joined(sent)
    user = await harness.db_user(resident.id)
    assert user is not None and user.role is Role.RESIDENT
    assert "📝 Зарегистрироваться старшим или активистом" in buttons(
        await harness.say(resident, "/report")
    )
    assert "Такой команды нет" in joined(await harness.say(resident, "/elders"))


async def test_elders_list_in_short_pages(harness: Harness, admin):
    """Four applications a page: even the longest names and territories stay one short message
    (the harness fails any message over 600 characters)."""
    await _staff(harness, admin)
    for n in range(5):
        street = f"ул. {'Березовая' * 10}" if n < 4 else "ул. Весенняя"  # 94 letters
        user = tg_user(3100 + n, username=f"elder{n}")
        await harness.register_elder(user, street=street, house=str(n + 1))
    sent = await harness.say(STAFF, "/elders")
    first = [b for b in buttons(sent) if b.startswith("✅")]
    assert "Страница 1 из 2" in joined(sent) and len(first) == 4
    assert "▶️" in buttons(sent) and "◀️" not in buttons(sent)
    sent = await harness.press(STAFF, "▶️")
    second = [b for b in buttons(sent) if b.startswith("✅")]
    assert "Страница 2 из 2" in joined(sent) and len(second) == 1 and second[0] not in first
    assert "◀️" in buttons(sent) and "▶️" not in buttons(sent)
    # An admin names the district as people do: its name, or its first word alone.
    for words in ("Центральный район", "центральный"):
        sent = await harness.say(admin, f"/elders {words}")
        assert "Старшие района Центральный район" in joined(sent), words
    assert "Старшие какого района" in joined(await harness.say(admin, "/elders Луна"))
    # Another district's staff cannot page through this one's list by a forged button.
    await _staff(harness, admin, OTHER_STAFF, "borovoy")  # Рудничный район
    [reg, *_] = await _registrations(harness)
    forged = await harness.tap(OTHER_STAFF, PageCb(list="elders", page=1, key=reg.district_id))
    assert "не из вашего района" in joined(forged) and "Березовая" not in joined(forged)


async def test_deleteme_removes_applications(harness: Harness, resident):
    from bot.keyboards.callbacks import DeleteMeCb

    await harness.register_elder(resident)
    await harness.say(resident, "/deleteme")
    await harness.tap(resident, DeleteMeCb(confirm=True))
    async with harness.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(ElderRegistration)) == 0


async def test_a_confirmed_elder_gets_the_elders_menu_and_loses_it_with_the_right(
    harness: Harness, resident, admin
):
    from aiogram.methods import SendMessage

    await _staff(harness, admin)
    reg_id = await harness.register_elder(resident)
    assert "📅 Позвать соседей" not in buttons(await harness.say(resident, "/start"))
    sent = await harness.tap(STAFF, RegDecisionCb(id=reg_id, confirm=True))
    [told] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert "подтверждена" in told.text
    assert {"🧹 Сообщить о субботнике", "📅 Позвать соседей"} <= set(buttons([told]))
    assert "Вы пока никого не позвали" in joined(await harness.say(resident, "📅 Позвать соседей"))
    assert "📅 Позвать соседей" in buttons(await harness.say(resident, "/start"))

    await harness.tap(STAFF, ElderRevokeCb(id=reg_id))
    sent = await harness.say(STAFF, "Переехала в другой район")
    [told] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == resident.id]
    assert "отозваны" in told.text and "📅 Позвать соседей" not in buttons([told])
    assert "могут подтверждённые старшие" in joined(
        await harness.say(resident, "📅 Позвать соседей")
    )
