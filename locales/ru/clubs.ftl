## Кружки: жителям
club-cat-creative = Творчество
club-cat-sport = Спорт
club-cat-health = Здоровье
club-cat-education = Образование
club-cat-children = Дети
club-cat-seniors = Старшее поколение
club-cat-leisure = Досуг
club-age-kids = дети до 7 лет
club-age-school = дети 7–14 лет
club-age-teens = подростки 14–18 лет
club-age-adults = взрослые
club-age-seniors = 60+
club-age-all = для всех
weekday-0 = Пн
weekday-1 = Вт
weekday-2 = Ср
weekday-3 = Чт
weekday-4 = Пт
weekday-5 = Сб
weekday-6 = Вс
clubs-need-district = Сначала выберите свой район: /start
clubs-title = <b>Кружки и клубы</b>: { $place }{ $filters }
clubs-filter-category = , { $category }
clubs-filter-kids = , для детей
clubs-none = По этому выбору кружков нет. Измените фильтр.
clubs-none-yet = Здесь кружки пока не внесены: центры добавляют их сами. Загляните позже или посмотрите «📍 Центры рядом».
clubs-line = { $name } — { $center } ({ $free })
clubs-free = мест: { $free }
clubs-full = мест нет
clubs-btn-center = 🏠 Центр
clubs-btn-category = 🏷 Категория
clubs-btn-kids = 👶 Для детей
clubs-btn-kids-on = 👶 Для детей ✓
clubs-btn-all = Все
clubs-btn-all-centers = Все центры района
clubs-btn-district = 🗺 Другой район
clubs-choose-center = Выберите центр:
clubs-choose-category = Выберите категорию:
club-card =
    <b>{ $name }</b>
    { $center }
    🏷 { $category }, { $age }
    🗓 { $schedule }{ $leader }
    { $places }
    { $description }
club-places-free = ✅ Свободно мест: { $free } из { $capacity }
club-places-full = ⏳ Мест нет, в очереди: { $waiting }. Можно встать в очередь.
club-closed = 🔒 Кружок закрыт, запись не ведётся.
club-join = ✍️ Записаться
club-join-child = 👶 Записать ребёнка
club-back-list = ⬅️ К списку
club-ask-own-name = Как вас записать? Напишите имя и фамилию:
club-ask-child-name = Имя ребёнка:
club-ask-child-age = Сколько ребёнку лет?
club-joined = Вы записаны: «{ $name }». { $next }
club-joined-child = { $child } записан(а): «{ $name }». { $next }
club-next = Ближайшее занятие: { $when }.
club-waiting = Мест нет — вы в очереди под номером { $position }. Мы сообщим, когда освободится место.
club-already = Уже записаны: «{ $name }».
club-already-waiting = Вы уже в очереди на «{ $name }» (№ { $position }).
club-is-closed = Этот кружок закрыт — запись не ведётся.
club-need-consent = Для записи нужно согласие на обработку данных: /start
club-promoted = Освободилось место — вы записаны: «{ $name }». { $next }
club-card-leader = 👤 Руководитель: { $leader }
club-adults-only = Этот кружок — для взрослых: записать ребёнка сюда нельзя.

## Мероприятия
events-title = <b>Мероприятия</b>: { $place }
events-none = Ближайших мероприятий пока нет.
events-line = { $when } — { $title } ({ $free })
event-card =
    <b>{ $title }</b>
    { $center }
    🗓 { $when }, { $minutes } мин.
    { $places }
    { $description }
event-places-free = ✅ Свободно мест: { $free } из { $capacity }
event-joined = Вы записаны на «{ $title }», { $when }.
event-joined-child = { $child } записан(а) на «{ $title }», { $when }.
event-promoted = Освободилось место — вы записаны на «{ $title }», { $when }.
event-is-closed = Мероприятие отменено или уже прошло.

## Мои записи
my-empty = У вас нет записей. Кружки: /clubs, мероприятия: /events
my-title = <b>Мои записи</b>
my-club-line = «{ $name }» { $who }— { $status }
my-event-line = «{ $title }», { $when } { $who }— { $status }
my-who-child = ({ $child })
my-status-enrolled = записаны
my-status-waiting = в очереди № { $position }
my-next = ближайшее: { $when }
my-cancel = Отписать: «{ $name }»{ $who }
my-cancelled = Запись отменена: «{ $name }».
my-not-yours = Это не ваша запись.

## Напоминания и настройки
reminder-club = ⏰ Напоминание: «{ $name }» — { $when }, { $center }.
reminder-event = ⏰ Напоминание: «{ $title }» — { $when }, { $center }.
settings-title = <b>Настройки</b>
    Напоминать о занятиях кружков: { $club }. Изменить — кнопками ниже.
    Объявления: ✅ — приходят, 🔕 — выключены. Нажмите, чтобы переключить.
settings-current = ✅ { $choice }
settings-closed = Настройки сохранены. Открыть снова: /settings
settings-club-off = не напоминать
settings-club-minutes = за { $hours ->
        [24] сутки
        [one] { $hours } час
        [few] { $hours } часа
       *[many] { $hours } часов
    }
settings-saved = Сохранено. Напоминания: { $club }.
settings-1h = за 1 час
settings-3h = за 3 часа
settings-1d = за сутки
settings-off = не напоминать

## Сотрудникам: кружки центра
myclubs-no-center = Вы не привязаны к центру. Обратитесь к администратору.
myclubs-title = <b>Кружки и мероприятия: { $center }</b>
myclubs-club = { $name }: { $enrolled } из { $capacity }, очередь { $waiting }{ $closed }
myclubs-event = { $when } { $title }: { $enrolled } из { $capacity }{ $closed }
myclubs-closed-mark = { " " }(закрыт)
myclubs-add-club = ➕ Кружок
myclubs-add-event = ➕ Мероприятие
staff-club-card =
    <b>{ $name }</b>{ $closed }
    🗓 { $schedule }
    Записаны: { $enrolled } из { $capacity }, в очереди: { $waiting }
staff-event-card =
    <b>{ $title }</b>{ $closed }
    🗓 { $when }, { $minutes } мин.
    Записаны: { $enrolled } из { $capacity }, в очереди: { $waiting }
staff-members = 👥 Участники
staff-csv = 📄 Список для Excel
staff-message = ✉️ Написать всем
staff-cancel-session = 🚫 Отменить занятие
staff-attendance = ✅ Посещаемость
staff-edit = ✏️ Изменить
staff-close = 🔒 Закрыть кружок
staff-close-event = 🔒 Отменить мероприятие
staff-not-your-center = Это кружок другого центра.
staff-members-title = <b>Участники «{ $name }»</b>
staff-members-none = Пока никто не записан.
staff-member-line = { $n }. { $person }{ $child } — { $status }
staff-member-child = , ребёнок: { $child } ({ $age })
staff-member-anon = (удалил свои данные)
staff-ask-message = Напишите сообщение участникам «{ $name }» (до { $max } знаков):
staff-message-sent = Отправлено: { $sent } из { $total }.
staff-message-from = ✉️ «{ $name }»:
    { $text }
staff-choose-session = Какое занятие отменить?
staff-no-sessions = Ближайших занятий нет.
staff-session-cancelled = Занятие { $when } отменено, участникам сообщено ({ $count }).
staff-session-already = Это занятие уже отменено.
member-session-cancelled = 🚫 Занятие «{ $name }» { $when } отменено.
staff-choose-attendance = За какое занятие отметить?
staff-attendance-title = Посещаемость «{ $name }», { $when }. Нажимайте на участников:
staff-attendance-none = За последнюю неделю занятий не было.
staff-closed = «{ $name }» закрыт, участникам сообщено ({ $count }).
member-club-closed = 🔒 Кружок «{ $name }» закрыт. Запись отменена.
member-event-closed = 🔒 Мероприятие «{ $title }» отменено.
staff-edit-which = Что изменить?
staff-saved = Сохранено.
staff-field-name = Название
staff-field-title = Название
staff-field-category = Категория
staff-field-age_group = Возраст
staff-field-schedule = Расписание
staff-field-capacity = Мест
staff-field-leader = Руководитель
staff-field-description = Описание
staff-field-starts_at = Дата и время
staff-field-minutes = Длительность
staff-ask-name = Название кружка:
staff-ask-title = Название мероприятия:
staff-ask-category = Категория:
staff-ask-age_group = Для кого:
staff-ask-schedule = По каким дням занятия? Отметьте дни и нажмите «✅ Готово».
    Если в разные дни разное время, напишите так: пн 18:00 90; чт 18:30 60 (день, начало, минут).
staff-ask-clock = Во сколько начинается занятие? Выберите или напишите, например: 18:30
staff-ask-length = Сколько длится одно занятие? Выберите или напишите число минут.
club-no-days = Отметьте хотя бы один день.
staff-ask-capacity = Сколько мест?
staff-ask-leader = Руководитель (имя):
staff-ask-description = Описание (до { $max_length } знаков):
staff-ask-starts_at = Дата и время, например: 25 декабря 18:00 или 25.12.2026 18:00
staff-ask-minutes = Сколько минут длится?
staff-club-created = Кружок «{ $name }» создан.
staff-event-created = Мероприятие «{ $title }» создано.
club-bad-schedule = Не понял расписание. Пример: пн 18:00 90; чт 18:30 60
event-bad-datetime = Не понял дату и время. Пример: 25 декабря 18:00
event-in-past = Это время уже прошло.
event-too-far = Не дальше чем на год вперёд.
csv-number = №
csv-name = Имя
csv-child = Ребёнок
csv-age = Возраст
csv-status = Статус
csv-status-waiting = в очереди
csv-date = Дата записи
