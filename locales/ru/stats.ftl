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
stats-bad-district = Район «{ $district }» не найден. Коды: { $codes }
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
