"""/registry: the directory downloaded as XLSX, edited, uploaded back; errors by sheet, row and
column with nothing applied; a preview; «✅ Применить» applies all of it in one go."""

from __future__ import annotations

import io
from typing import Any

from aiogram.methods import SendDocument, SendVenue
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from storage.models import AuditEntry, Center, Club
from tests.fixtures.harness import Harness, button_update, buttons, joined
from tests.fixtures.updates import document_update, text_update


async def _download(harness: Harness, admin: Any) -> Workbook:
    await harness.say(admin, "/registry")
    sent = await harness.press(admin, "⬇️ Скачать справочник")
    [document] = [r for r in sent if isinstance(r, SendDocument)]
    data = document.document.data  # type: ignore[union-attr]
    return load_workbook(io.BytesIO(data))


async def _upload(harness: Harness, admin: Any, book: Workbook, file_id: str) -> list[Any]:
    buffer = io.BytesIO()
    book.save(buffer)
    harness.session.files[file_id] = buffer.getvalue()
    return await harness.feed(
        document_update(admin, file_id, "справочник.xlsx", len(buffer.getvalue()))
    )


def _row_of(sheet: Any, code: str) -> int:
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == code)


def _set(sheet: Any, row: int, **by_header: object) -> None:
    headers = [c.value for c in sheet[1]]
    for header, value in by_header.items():
        sheet.cell(row, headers.index(header.replace("_", " ")) + 1, value)


async def _center(harness: Harness, code: str) -> Center | None:
    async with harness.session_factory() as s:
        found: Center | None = await s.scalar(select(Center).where(Center.code == code))
        return found


async def test_registry_round_trip(pg_or_sqlite_harness: Harness, admin, resident):
    harness = pg_or_sqlite_harness  # the one transaction, on both databases
    book = await _download(harness, admin)
    assert book.sheetnames == ["Муниципалитеты", "Районы", "Центры", "Окружные комитеты", "Кружки"]
    centers = book["Центры"]
    assert [c.value for c in centers[1]][:4] == ["Код", "Район", "Название", "Адрес"]
    optimist, borovoy = _row_of(centers, "optimist"), _row_of(centers, "borovoy")
    _set(centers, optimist, Адрес="ул. Весенняя, 17", Широта=55.3547, Долгота=86.0873)
    _set(centers, optimist, Телефон="12-34")  # a deliberate error
    _set(centers, borovoy, Адрес="пр. Шахтёров, 50", Широта="55,4000", Долгота="86,1000")
    new = centers.max_row + 1
    _set(centers, new, Район="Нет такого района", Название="ЦРН «Новый»")  # and another

    sent = await _upload(harness, admin, book, "first")
    text = joined(sent)
    assert "Ошибок в файле: 2. Ничего не применено" in text
    assert f"Центры, строка {optimist}, «Телефон»: Не понял телефон" in text
    assert f"Центры, строка {new}, «Район»: «Нет такого района» нет в справочнике" in text
    assert "✅ Применить" not in buttons(sent) and "❌ Отмена" in buttons(sent)
    assert (await _center(harness, "optimist")).address is None  # type: ignore[union-attr]

    _set(centers, optimist, Телефон="8 3842 12-34-56")
    _set(centers, new, Район="Центральный район")
    sent = await _upload(harness, admin, book, "second")
    assert "Будет: добавлено 1, изменено 2, закрыто 0" in joined(sent)
    assert f"Центры, строка {new}: новая — ЦРН «Новый»" in joined(sent)
    tap = button_update(harness.session, admin, "✅ Применить")
    sent = await harness.feed(tap)
    assert "Справочник обновлён: добавлено 1, изменено 2, закрыто 0" in joined(sent)
    again = await harness.tap(admin, tap.callback_query.data, tap.callback_query.message.message_id)
    assert "уже применены" in joined(again)

    optimist_row = await _center(harness, "optimist")
    assert optimist_row is not None
    assert (optimist_row.address, optimist_row.phone) == ("ул. Весенняя, 17", "8 3842 12-34-56")
    assert (optimist_row.lat, optimist_row.lon) == (55.3547, 86.0873)
    async with harness.session_factory() as s:
        added = await s.scalar(select(Center).where(Center.name == "ЦРН «Новый»"))
        assert added is not None and added.edited_at is not None and added.active
        assert (
            await s.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action == "registry.apply")
            )
            == 1
        )

    # Residents find the centers by their real points, and the way there.
    await harness.onboard(resident)
    sent = await harness.locate(resident, 55.3550, 86.0880)
    assert "1. ЦРН «Оптимист» — 0,1 км" in joined(sent)
    sent = await harness.press(resident, "ЦРН «Оптимист»")
    assert "📍 ул. Весенняя, 17" in joined(sent)
    sent = await harness.press(resident, "🗺 Как добраться")
    assert [(v.latitude, v.longitude) for v in sent if isinstance(v, SendVenue)] == [
        (55.3547, 86.0873)
    ]


async def test_closing_a_row_and_adding_a_club(harness: Harness, admin):
    book = await _download(harness, admin)
    centers = book["Центры"]
    _set(centers, _row_of(centers, "vstrecha"), Действует="нет")
    clubs = book["Кружки"]
    _set(
        clubs,
        2,
        Центр="optimist",
        Название="Шахматы",
        Направление="Спорт",
        Возраст="Для всех",
        Мест=12,
        Расписание="пнд 10:00",
    )
    sent = await _upload(harness, admin, book, "clubs-bad")
    assert "Кружки, строка 2, «Расписание»: Не понял расписание" in joined(sent)
    _set(clubs, 2, Расписание="пн 10:00 90; чт 18:00")
    sent = await _upload(harness, admin, book, "clubs-good")
    assert "добавлено 1, изменено 0, закрыто 1" in joined(sent)
    await harness.press(admin, "✅ Применить")
    vstrecha = await _center(harness, "vstrecha")
    assert vstrecha is not None and not vstrecha.active  # closed, not deleted
    async with harness.session_factory() as s:
        club = await s.scalar(select(Club).where(Club.name == "Шахматы"))
        assert club is not None and club.capacity == 12 and len(club.slots) == 2
    sent = await harness.say(admin, "/centers")
    sent = await harness.press(admin, "Кемерово")
    sent = await harness.press(admin, "Центральный район")
    assert "ЦРН «Встреча»" not in buttons(sent) and "ЦРН «Оптимист»" in buttons(sent)


async def test_files_the_registry_cannot_take(harness: Harness, admin):
    book = await _download(harness, admin)
    sent = await harness.feed(text_update(admin, "вот файл"))
    assert "Пришлите файл справочника" in joined(sent)
    sent = await harness.feed(document_update(admin, "pic", "фото.jpg", 1000))
    assert "Это не файл Excel" in joined(sent)
    sent = await harness.feed(document_update(admin, "huge", "справочник.xlsx", 20 * 1024 * 1024))
    assert "Файл больше 5 МБ" in joined(sent)
    harness.session.files["empty"] = b""
    sent = await harness.feed(document_update(admin, "empty", "справочник.xlsx", 0))
    assert "Файл пустой" in joined(sent)
    harness.session.files["text"] = "Код;Название\n".encode()
    sent = await harness.feed(document_update(admin, "text", "справочник.xlsx", 20))
    assert "Это не файл Excel" in joined(sent)
    book["Центры"].cell(1, 3, "Имя")
    del book["Кружки"]
    sent = await _upload(harness, admin, book, "headers")
    assert "Ошибок в файле: 2" in joined(sent)
    assert "Центры, строка 1: заголовки не те, нужны: Код | Район | Название" in joined(sent)
    assert "• Кружки: нет листа с таким названием" in joined(sent)
    assert "✅ Применить" not in buttons(sent)


async def test_only_admins_have_the_registry(harness: Harness, resident):
    await harness.onboard(resident)
    sent = await harness.say(resident, "/registry")
    assert "Скачать справочник" not in joined(sent) + " ".join(buttons(sent))
