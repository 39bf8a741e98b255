from __future__ import annotations

from aiogram.methods import DeleteMyCommands, SetMyCommands
from aiogram.types import BotCommandScopeChat
from sqlalchemy import select

from bot.keyboards.callbacks import ContestCb
from storage.models import AuditEntry, Role, User
from tests.fixtures.harness import Harness, buttons, callback_datas, joined
from tests.fixtures.updates import tg_user


async def _audit(harness: Harness) -> list[AuditEntry]:
    async with harness.session_factory() as s:
        return list((await s.execute(select(AuditEntry).order_by(AuditEntry.id))).scalars())


async def _help_sections(harness: Harness, user) -> dict[str, str]:
    """/help's first screen and every section its buttons open, by button text."""
    from handlers.help import HelpCb

    sent = await harness.say(user, "/help")
    screens = {"": joined(sent)}
    for label, data in callback_datas(sent).items():
        if HelpCb.unpack(data).section != "close":
            screens[label] = joined(await harness.tap(user, data))
    return screens


async def test_help_depends_on_role(harness: Harness, resident, admin):
    resident_help = await _help_sections(harness, resident)
    assert (
        "/centers" in resident_help[""] and "/mydata" in resident_help["🔒 Мои данные и настройки"]
    )
    assert list(resident_help) == ["", "🏠 Жителям", "🔒 Мои данные и настройки"]
    assert "до 5 фото" in resident_help["🏠 Жителям"]  # the limit, from bot/services/ideas
    everything = "\n".join(resident_help.values())
    assert "/grant" not in everything and "/whoami" not in everything
    admin_help = await _help_sections(harness, admin)
    assert (
        "/grant" in admin_help["🛡 Администраторам"] and "/whois" in admin_help["🛡 Администраторам"]
    )
    assert "/whoami" in admin_help["🏢 Сотрудникам центра"]
    assert "/contests_admin" in admin_help["🏆 Конкурсы (для администраторов)"]
    for screens in (resident_help, admin_help):  # short enough for an elderly reader
        assert all(len(text) <= 600 for text in screens.values()), {
            k: len(v) for k, v in screens.items()
        }
    # A forged section button of another role shows the menu, not the section.
    from handlers.help import HelpCb

    sent = joined(await harness.tap(resident, HelpCb(section="admin")))
    assert "/grant" not in sent and "Подробнее" in sent
    assert "закрыта" in joined(await harness.tap(resident, HelpCb(section="close")))


async def test_help_button_from_menu(harness: Harness, resident):
    assert "/centers" in joined(await harness.say(resident, "❓ Помощь"))


async def test_non_admin_gets_plain_refusal_same_as_unknown_command(harness: Harness, resident):
    refusal = joined(await harness.say(resident, "/grant 5 admin"))
    unknown = joined(await harness.say(resident, "/nosuchcommand"))
    assert refusal == unknown == "Такой команды нет или она вам недоступна. Список команд: /help"
    assert joined(await harness.say(resident, "/whois 1")) == refusal
    assert joined(await harness.say(resident, "/whoami")) == refusal
    stored = await harness.db_user(5)
    assert stored is None  # nothing was created by the refused command


async def test_grant_staff_by_id_with_center_code(harness: Harness, admin):
    staff = tg_user(2002, username="Olga_Staff")
    sent = await harness.say(admin, "/grant 2002 staff optimist")
    assert "Готово: 2002 — сотрудник центра. Центр: ЦРН «Оптимист»." in joined(sent)
    stored = await harness.db_user(2002)
    assert stored is not None and stored.role is Role.STAFF and stored.staff_center_id is not None
    scopes = [r for r in sent if isinstance(r, SetMyCommands)]
    assert scopes and all(isinstance(r.scope, BotCommandScopeChat) for r in scopes)
    assert all(r.scope.chat_id == 2002 for r in scopes)  # type: ignore[union-attr]
    assert any(c.command == "whoami" for c in scopes[0].commands)
    assert "Вам выдана роль: сотрудник центра" in joined(sent)
    entries = await _audit(harness)
    assert [(e.action, e.actor_id, e.target_id) for e in entries][-1] == (
        "role.grant",
        admin.id,
        2002,
    )
    assert entries[-1].details == {"before": "resident", "after": "staff", "center": "optimist"}
    whoami = joined(await harness.say(staff, "/whoami"))
    assert "сотрудник центра" in whoami and "Оптимист" in whoami


async def test_grant_admin_by_username_and_revoke(harness: Harness, admin, resident):
    await harness.onboard(resident)
    sent = await harness.say(admin, "/grant @anna_resident admin")
    assert "Готово: @anna_resident — администратор." in joined(sent)
    assert "/grant" in "\n".join((await _help_sections(harness, resident)).values())
    sent = await harness.say(admin, f"/revoke {resident.id}")
    assert "теперь житель" in joined(sent)
    assert any(isinstance(r, DeleteMyCommands) for r in sent)
    stored = await harness.db_user(resident.id)
    assert stored is not None and stored.role is Role.RESIDENT
    assert [e.action for e in await _audit(harness)][-2:] == ["role.grant", "role.revoke"]


async def test_grant_bad_inputs(harness: Harness, admin):
    assert "Кого ищем?" in joined(await harness.say(admin, "/grant"))
    await harness.say(admin, "/cancel")
    assert "просто /grant" in joined(await harness.say(admin, "/grant 5 king"))
    assert "Укажите центр" in joined(await harness.say(admin, "/grant 5 staff"))
    assert "не найден" in joined(await harness.say(admin, "/grant 5 staff nowhere"))
    assert "не найден" in joined(await harness.say(admin, "/grant @ghost admin"))
    assert "не найден" in joined(await harness.say(admin, "/grant <b>x</b> admin"))
    assert await harness.db_user(5) is None or (await harness.db_user(5)).role is Role.RESIDENT  # type: ignore[union-attr]
    assert [e for e in await _audit(harness) if e.action.startswith("role")] == []


async def test_config_admin_cannot_be_revoked(harness: Harness, admin):
    sent = await harness.say(admin, f"/revoke {admin.id}")
    assert "настройках сервера" in joined(sent)


async def test_whois(harness: Harness, admin, resident):
    await harness.onboard(resident, "kem-kirovsky")
    text = joined(await harness.say(admin, f"/whois {resident.id}"))
    assert "житель" in text and "Согласие: да" in text and "Кировский район" in text
    assert "не найден" in joined(await harness.say(admin, "/whois 424242"))
    assert "Кого ищем?" in joined(await harness.say(admin, "/whois"))


async def test_grant_still_applies_when_the_user_blocked_the_bot(harness: Harness, admin):
    from aiogram.exceptions import TelegramForbiddenError
    from aiogram.methods import SendMessage

    blocked = TelegramForbiddenError(method=SendMessage(chat_id=3003, text=""), message="blocked")
    harness.session.fail_next("SendMessage", blocked, chat_id=3003)
    sent = await harness.say(admin, "/grant 3003 admin")
    assert "Готово: 3003 — администратор." in joined(sent)
    assert "Что-то пошло не так" not in joined(sent)
    stored = await harness.db_user(3003)
    assert stored is not None and stored.role is Role.ADMIN


async def test_role_change_is_seen_at_once_by_the_changed_user(harness: Harness, admin):
    """The user cache must not serve a stale role after a grant or revoke."""
    staff = tg_user(4004, username="petr_staff")
    await harness.say(staff, "/help")  # the row is now cached as a resident
    await harness.say(admin, "/grant 4004 staff lider")
    assert "/whoami" in "\n".join((await _help_sections(harness, staff)).values())
    await harness.say(admin, "/revoke @petr_staff")  # username unknown: no consent given
    assert "/whoami" in "\n".join((await _help_sections(harness, staff)).values())
    await harness.say(admin, "/revoke 4004")
    assert "/whoami" not in "\n".join((await _help_sections(harness, staff)).values())


async def test_appointing_staff_by_name_and_buttons(harness: Harness, admin):
    """No ids, no codes: the person found by name, the center chosen by buttons."""
    olga = tg_user(2005, username="olga_p", first_name="Ольга")
    async with harness.session_factory() as s:  # the name she gave when signing up to a club
        s.add(User(id=olga.id, full_name="Петрова Ольга Ивановна"))
        await s.commit()
    await harness.onboard(olga)
    sent = await harness.say(admin, "/grant")
    assert "Кого ищем?" in joined(sent) and "❌ Отмена" in buttons(sent)
    assert "Никого не нашёл" in joined(await harness.say(admin, "Сидоров"))
    sent = await harness.say(admin, "петрова")  # any case
    assert "Петрова Ольга Ивановна — житель" in buttons(sent)
    sent = await harness.press(admin, "Петрова Ольга Ивановна — житель")
    assert "Роль: житель.\nРайон:" in joined(sent) and "@olga_p" in joined(sent)  # no «Центр: —»
    assert "↩️ Снять роль" not in buttons(sent)
    await harness.press(admin, "👩‍💼 Сотрудник центра")
    await harness.press(admin, "Кемерово")
    sent = await harness.press(admin, "⬅️ Назад")
    assert "Выберите город или округ" in joined(sent)
    await harness.press(admin, "Кемерово")
    await harness.press(admin, "Центральный район")
    sent = await harness.press(admin, "ЦРН «Оптимист»")
    assert (
        "Петрова Ольга Ивановна: сотрудник центра. Центр: ЦРН «Оптимист». Подтвердить?"
        in joined(sent)
    )
    sent = await harness.press(admin, "✅ Подтвердить")
    assert "Готово: Петрова Ольга Ивановна — сотрудник центра. Центр: ЦРН «Оптимист»." in joined(
        sent
    )
    assert "Вам выдана роль: сотрудник центра" in joined(sent)
    stored = await harness.db_user(olga.id)
    assert stored is not None and stored.role is Role.STAFF
    assert [e.action for e in await _audit(harness)][-1] == "role.grant"
    # And back, by the same search.
    await harness.say(admin, "/revoke")
    await harness.say(admin, "@olga")
    sent = await harness.press(admin, "Петрова Ольга Ивановна — сотрудник центра")
    assert "Роль: сотрудник центра. Центр: ЦРН «Оптимист»." in joined(sent)  # once, not twice
    await harness.press(admin, "↩️ Снять роль")
    sent = await harness.press(admin, "✅ Подтвердить")
    assert "теперь житель" in joined(sent)
    stored = await harness.db_user(olga.id)
    assert stored is not None and stored.role is Role.RESIDENT


async def test_an_admin_of_one_municipality_and_staff_without_a_center(
    harness: Harness, admin, resident
):
    """Юрга's admin sees and manages only Юрга; a district administration's staff member works
    without a center."""
    ivan = tg_user(2010, username="ivan_yurga")
    olga = tg_user(2011, username="olga_leninsky")
    for person in (ivan, olga):
        await harness.onboard(person)
    await harness.onboard(resident)  # Анна lives in Центральный район of Кемерово

    await harness.say(admin, "/grant")
    await harness.say(admin, "@ivan")
    await harness.press(admin, "@ivan_yurga — житель")
    await harness.press(admin, "🏛 Администратор муниципалитета")
    sent = await harness.press(admin, "Юрга")
    assert "@ivan_yurga: администратор. Муниципалитет: Юрга. Подтвердить?" in joined(sent)
    sent = await harness.press(admin, "✅ Подтвердить")
    assert "Муниципалитет: Юрга" in joined(sent)

    await harness.say(admin, "/grant")
    await harness.say(admin, "@olga")
    await harness.press(admin, "@olga_leninsky — житель")
    await harness.press(admin, "👩‍💼 Сотрудник центра")
    await harness.press(admin, "Кемерово")
    await harness.press(admin, "Ленинский район")
    await harness.press(admin, "🏢 Администрация района (без центра)")
    sent = await harness.press(admin, "✅ Подтвердить")
    assert "Администрация района: Ленинский район" in joined(sent)
    assert "Ленинский район" in joined(await harness.say(olga, "/whoami"))
    assert "Такой команды нет" not in joined(await harness.say(olga, "/queue"))
    menu = buttons(await harness.say(olga, "/start"))  # a district's administration: no center
    assert "📋 Отчёты на проверку" in menu and "👥 Старшие района" in menu
    assert "🎨 Кружки центра" not in menu and "🏠 Карточка центра" not in menu

    sent = await harness.say(ivan, "/stats")
    assert "Статистика какого района?" in joined(sent)
    assert buttons(sent) == ["Юргинский городской округ", "❌ Отмена"]
    assert "ведут администраторы города" in joined(await harness.say(ivan, "/registry"))
    assert "Такой команды нет" in joined(await harness.say(ivan, "/contests_admin"))
    await harness.say(ivan, "/grant")
    assert "Никого не нашёл" in joined(await harness.say(ivan, "Анна"))  # a Кемерово resident
    await harness.say(ivan, "/cancel")
    sent = await harness.say(ivan, "/mycenter")
    assert buttons(sent)[0] == "Юрга" and "Кемерово" not in buttons(sent), joined(sent) + str(
        buttons(sent)
    )
    stored = await harness.db_user(ivan.id)
    assert stored is not None and stored.role is Role.ADMIN and stored.admin_municipality_id


async def test_a_right_narrowed_in_the_middle_of_a_preview_is_gone_at_send(harness: Harness, admin):
    """A city admin made a municipality's admin while a contest's results wait in the preview:
    «✅ Отправить» sends nothing."""
    from datetime import UTC, datetime, timedelta

    from storage.models import Announcement, Contest

    boss = tg_user(2020, username="boss")
    await harness.onboard(boss)
    await harness.say(admin, "/grant @boss admin")
    async with harness.session_factory() as s:
        contest = Contest(
            title="Снежный калейдоскоп",
            deadline=datetime.now(UTC) + timedelta(days=1),
            criteria="оформление",
        )
        s.add(contest)
        await s.commit()
    await harness.tap(boss, ContestCb(action="admin", id=contest.id))
    await harness.press(boss, "✍️ Итоги своими словами")
    sent = await harness.say(boss, "1 место — двор на ул. Весенней")
    assert "Получат:" in joined(sent)
    await harness.say(admin, "/grant")
    await harness.say(admin, "@boss")
    await harness.press(admin, "@boss — администратор")
    await harness.press(admin, "🏛 Администратор муниципалитета")
    await harness.press(admin, "Юрга")
    await harness.press(admin, "✅ Подтвердить")
    sent = await harness.press(boss, "✅ Отправить")
    assert "устарела" in joined(sent)
    async with harness.session_factory() as s:
        assert (await s.execute(select(Announcement))).first() is None


async def test_staff_have_their_work_in_the_main_menu(harness: Harness, admin, resident):
    """Staff's menu holds their daily work, each button opening what its command opens; a
    resident's does not, and a revoked right takes the staff menu away."""
    from aiogram.methods import SendMessage

    staff = tg_user(2002, username="olga_staff")
    await harness.onboard(staff)
    await harness.onboard(resident)
    sent = await harness.say(admin, f"/grant {staff.id} staff optimist")
    [told] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == staff.id]
    staff_menu = {"📋 Отчёты на проверку", "💡 Обращения района", "📣 Объявление"}
    assert staff_menu <= set(buttons([told]))
    assert staff_menu <= set(buttons(await harness.say(staff, "/start")))
    for button, screen in (
        ("📋 Отчёты на проверку", "Отчётов на проверку нет"),
        ("💡 Обращения района", "Центральный район"),
        ("🎨 Кружки центра", "Кружки и мероприятия: ЦРН «Оптимист»"),
        ("👥 Старшие района", "Центральный район"),
        ("📊 Статистика", "Статистика: Центральный район"),
        ("📣 Объявление", "Текст объявления"),
    ):
        assert screen in joined(await harness.say(staff, button)), button
    cancelled = await harness.say(staff, "/cancel")  # the announcement's form: back to the menu
    assert staff_menu <= set(buttons(cancelled))
    assert "ЦРН «Оптимист»" in joined(await harness.say(staff, "🏠 Карточка центра"))  # /mycenter

    await harness.onboard(admin)
    menu = set(buttons(await harness.say(admin, "/start")))  # an admin appoints people instead
    assert staff_menu <= menu and "👤 Назначить роль" in menu and "🎨 Кружки центра" not in menu
    assert "Кого ищем?" in joined(await harness.say(admin, "👤 Назначить роль"))
    await harness.say(admin, "/cancel")
    assert "Кого ищем?" not in joined(await harness.say(staff, "👤 Назначить роль"))

    menu = set(buttons(await harness.say(resident, "/start")))
    assert "🧹 Сообщить о субботнике" in menu and not staff_menu & menu
    assert "Отчётов на проверку" not in joined(await harness.say(resident, "📋 Отчёты на проверку"))

    sent = await harness.say(admin, f"/revoke {staff.id}")
    [told] = [r for r in sent if isinstance(r, SendMessage) and r.chat_id == staff.id]
    assert "теперь вы житель" in told.text and not staff_menu & set(buttons([told]))
    # The old keyboard still on the screen (the notice lost on the way, or simply scrolled past):
    # its button brings the person's own menu back, not «Что это?» about its words.
    sent = await harness.say(staff, "📋 Отчёты на проверку")
    assert "Отчётов на проверку" not in joined(sent) and "Что это" not in joined(sent)
    assert "Этой кнопки в вашем меню больше нет" in joined(sent)
    assert "💡 Идея или проблема" in buttons(sent) and not staff_menu & set(buttons(sent))
