## Статистика
stats-bad-period =
    Не понял период. Примеры:
    /stats неделя — последние 7 дней
    /stats месяц — последние 30 дней
    /stats год — последние 365 дней
    /stats 2024 — год
    /stats 2024-05 — месяц
    /stats 2024-05-01..2024-08-31 — даты с и по
    Район — после периода: /stats 2024 Рудничный
stats-bad-district = Район «{ $district }» не найден. Районы: { $names }. Проще — /stats и кнопка района под ответом.
stats-other-district = Вам доступна статистика только своего района.
stats-title = <b>Статистика: { $place }, { $period }</b>
    (в скобках — изменение к предыдущему периоду той же длины)
stats-all-districts = все районы
stats-line = { $name }: { $value } ({ $change })
stats-change-new = новое
stats-change-none = —
stats-roles = Пользователи с согласием: { $roles }
stats-contest-line = Заявки на «{ $title }»: { $count }
fig-reports = Принятых отчётов
fig-subbotnik = — субботников
fig-action = — акций
fig-event = — мероприятий
fig-other = — другого
fig-participants = Участников
fig-yards = Благоустроено дворов
fig-trees = Высажено деревьев и кустарников
fig-flowerbeds = Разбито клумб
fig-seedlings = Высажено рассады
fig-bags = Мешков мусора
fig-decorated = Украшено подъездов, окон, балконов
fig-snow_figures = Снежных фигур
fig-elders_confirmed = Подтверждено старших
fig-club_members = Участников кружков
fig-attendance = Посещений занятий
fig-events_held = Мероприятий центров
fig-event_signups = Записей на мероприятия
fig-applications = Заявок на конкурсы
fig-announcements_sent = Доставлено объявлений
fig-announcements_blocked = Заблокировали бота
fig-users_new = Новых пользователей
chart-reports = Отчёты
chart-participants = Участники
chart-by-district = Отчёты по районам
year-bad = Как писать: /year 2024
year-caption = Отчёт за { $year } год
export-usage = Как писать: /export отчёты 2024 (вместо «отчёты» — записи, заявки или люди; период — как в /stats)
export-what-reports = Отчёты
export-what-signups = Записи в кружки и на мероприятия
export-what-applications = Заявки на конкурсы
export-what-users = Люди
export-caption = { $what }, { $period }: строк { $rows }
audit-title = <b>Журнал действий</b> (последние { $n })
audit-line = { $at } — { $action }: { $actor } → { $target } { $details }
audit-broadcast-create = рассылка создана
audit-broadcast-stop = рассылка остановлена
audit-consent-given = согласие дано
audit-contest-create = конкурс создан
audit-contest-edit = конкурс изменён
audit-contest-juror = назначен член жюри
audit-contest-place = место присуждено
audit-contest-publish = итоги опубликованы
audit-contest-results = итоги разосланы
audit-contest-stage = этап конкурса сменён
audit-elder-confirm = старший подтверждён
audit-elder-reject = заявка старшего отклонена
audit-elder-revoke = старший отозван
audit-idea-move = идея передана в другой район
audit-idea-status = статус идеи изменён
audit-report-accept = отчёт принят
audit-report-return = отчёт возвращён
audit-role-grant = роль выдана
audit-role-revoke = роль снята
audit-user-erased = данные удалены по просьбе
audit-export = выгрузка
audit-center-edit = карточка центра изменена
audit-field-field = поле
audit-field-before = было:
audit-field-after = стало:
audit-field-announcement = рассылка
audit-field-audience = кому
audit-field-audience-id = номер
audit-field-urgent = срочно
audit-field-contest = конкурс
audit-field-stage = этап
audit-field-application = заявка
audit-field-place = место
audit-field-winners = победителей
audit-field-report = отчёт
audit-field-registration = заявка старшего
audit-field-idea = идея
audit-field-status = статус
audit-field-district = район
audit-field-what = что
audit-field-period = период
audit-field-rows = строк
audit-field-role = роль
audit-field-center = центр
audit-empty = Журнал пуст.

## Таблицы XLSX
xlsx-sheet-summary = Итоги
xlsx-sheet-districts = По районам
xlsx-sheet-centers = По центрам
xlsx-sheet-committees = По комитетам
xlsx-sheet-reports = Отчёты
xlsx-sheet-contests = Конкурсы
xlsx-sheet-applications = Заявки
xlsx-sheet-scores = Оценки
xlsx-head-summary = Показатель | Значение
xlsx-head-districts = Район | Отчётов | Участников
xlsx-head-centers = Центр | Район | Участников кружков | Мероприятий | Записей на мероприятия
xlsx-head-committees = Окружной комитет | Отчётов | Участников
xlsx-head-reports = № | Дата | Район | Вид | Участников | Мешков | Деревьев | Клумб | Рассады | Дворов | Украшено | Снежных фигур
xlsx-head-contests = Конкурс | Заявок
xlsx-head-applications = № | Номинация | Район | Адрес | Ответственный | Телефон | Статус | Место | Баллы
xlsx-head-scores = Заявка | Член жюри | Этап | Критерий | Балл | Комментарий

## Справочник (/registry)
registry-city-only = Справочник всех муниципалитетов ведут администраторы города. Свой центр: /mycenter.
stats-choose-district = Статистика какого района?
registry-intro =
    <b>Справочник</b>: муниципалитеты, районы, центры, окружные комитеты, кружки.
    1. Нажмите «⬇️ Скачать справочник».
    2. Исправьте или дополните файл в Excel. Чтобы закрыть строку, напишите «нет» в столбце «Действует» — удалять строки не нужно.
    3. Пришлите файл сюда. Бот покажет, что изменится, и ничего не применит без вашего «✅ Применить».
registry-download = ⬇️ Скачать справочник
registry-file-name = справочник-{ $date }.xlsx
registry-file-caption = Справочник. Исправьте и пришлите этот файл обратно.
registry-sheet-municipalities = Муниципалитеты
registry-sheet-districts = Районы
registry-sheet-centers = Центры
registry-sheet-committees = Окружные комитеты
registry-sheet-clubs = Кружки
registry-head-municipalities = Код | Название | Широта | Долгота | Действует
registry-head-districts = Код | Муниципалитет | Название | Широта | Долгота | Действует
registry-head-centers = Код | Район | Название | Адрес | Часы работы | Телефон | Широта | Долгота | Группа | Прокат | Приёмы | Пункт сбора | Действует
registry-head-committees = Код | Муниципалитет | Район | Название | Действует
registry-head-clubs = Номер | Центр | Название | Направление | Возраст | Мест | Руководитель | Расписание | Описание | Действует
registry-yes = да
registry-no = нет
registry-send-file = Пришлите файл справочника (XLSX) — тот, что скачали кнопкой «⬇️ Скачать справочник».
registry-too-big = Файл больше { $mb } МБ. В справочнике столько не бывает: пришлите файл, скачанный из бота.
registry-not-xlsx = Это не файл Excel (XLSX). Сохраните справочник как «Книга Excel (.xlsx)» и пришлите снова.
registry-empty-file = Файл пустой. Пришлите справочник, скачанный из бота.
registry-too-many-rows = В файле больше { $max } строк. Пришлите справочник, скачанный из бота.
registry-checking = ⏳ Проверяю файл…
registry-checking-sheet = ⏳ Проверяю лист «{ $sheet }»…
registry-checked = ✅ Файл проверен: строк { $rows }.
registry-preview = { $summary }
registry-has-problems = ❗ Ошибок в файле: { $count }. Ничего не применено — исправьте и пришлите файл снова.
registry-where-sheet = { $sheet }
registry-where-row = { $sheet }, строка { $row }
registry-where-column = { $sheet }, строка { $row }, «{ $column }»
registry-more-problems = …и ещё { $count } — все ошибки в файле выше.
registry-errors-head = Лист | Строка | Столбец | Ошибка
registry-errors-file = ошибки-справочника.csv
registry-no-changes = Изменений нет: файл совпадает со справочником.
registry-will = Будет: добавлено { $added }, изменено { $changed }, закрыто { $closed }.
registry-change-add = • { $sheet }, строка { $row }: новая — { $name }
registry-change-change = • { $sheet }, строка { $row }: изменена — { $name }
registry-change-open = • { $sheet }, строка { $row }: снова действует — { $name }
registry-change-close = • { $sheet }, строка { $row }: закрыта — { $name }
registry-more-changes = …и ещё { $count }.
registry-apply = ✅ Применить
registry-already-sent = Эти изменения уже применены.
registry-changed-meanwhile = Справочник изменился, пока вы смотрели: проверьте новый итог и нажмите «✅ Применить» ещё раз.
registry-applied = ✅ Справочник обновлён: добавлено { $added }, изменено { $changed }, закрыто { $closed }.
registry-required = нужно заполнить
registry-unknown = «{ $value }» нет в справочнике
registry-ambiguous = «{ $value }» — таких несколько, укажите код
registry-duplicate-code = код { $code } повторяется
registry-bad-code = код — латинские буквы, цифры и дефис, например: crn-optimist
registry-not-number = нужно число, например: 55,35472
registry-point-half = нужны и широта, и долгота
registry-yes-no = напишите «{ $yes }» или «{ $no }»
registry-choose-from = выберите одно из: { $options }
registry-unknown-club = кружка с номером { $id } нет; для нового оставьте номер пустым
registry-no-sheet = нет листа с таким названием
registry-bad-headers = заголовки не те, нужны: { $expected }
audit-registry-apply = справочник обновлён из файла
audit-field-added = добавлено
audit-field-changed = изменено
audit-field-closed = закрыто
