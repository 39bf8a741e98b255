## Общие подсказки ввода
input-not-number = Нужно число от { $low } до { $high }. Напишите цифрами, например: 12
input-out-of-range = Число должно быть от { $low } до { $high }.
input-too-short = Слишком коротко. Напишите подробнее.
input-no-letters = Здесь нужны слова — название, имя или адрес буквами.
input-no-words = Здесь нужен текст — буквами или цифрами.
input-too-long = Слишком длинно: { $length ->
        [one] { $length } знак
        [few] { $length } знака
       *[other] { $length } знаков
    }, можно до { $max }. Сократите, пожалуйста.
input-bad-date = Не понял дату. Напишите, например: 15 ноября, вчера, в субботу или 21.11.2026
input-bad-end-date = Не понял дату. Напишите, например: 31 декабря или 31.12.2026
input-date-future = Эта дата ещё не наступила. Укажите прошедшую дату.
input-date-too-old = Можно сообщить о деле не старше { $days } дней.
input-bad-name = Напишите фамилию и имя (можно с отчеством) буквами, например: Иванова Мария Петровна
input-bad-house = Напишите номер дома, например: 17, 34а или 12/1
input-photo-needs-caption = Добавьте к фото подпись — это ответ автору.
input-need-text = Напишите ответ текстом или нажмите кнопку выше.
input-menu-text = Сейчас идёт заполнение формы. Ответьте на вопрос выше или нажмите /cancel.
wizard-back = ⬅️ Назад
wizard-cancel = ❌ Отмена
wizard-skip = Пропустить
wizard-send = ✅ Отправить
wizard-edit = ✏️ Изменить
wizard-edit-which = Что изменить?
wizard-done-button = ✅ Готово

## Регистрация старшего
reg-need-consent = Регистрация требует согласия на обработку данных. Нажмите /start.
reg-start = Регистрация старшего / активиста ТОС. Это займёт пару минут.
reg-ask-role = Кто вы в ТОС?
tos-role-house_elder = Старший дома
tos-role-entrance_elder = Старший подъезда
tos-role-street_elder = Старший улицы
tos-role-house_committee = Председатель домового комитета
tos-role-street_committee = Председатель уличного комитета
tos-role-district_committee = Председатель окружного комитета
tos-role-mkd_council = Председатель совета МКД
tos-role-activist = Активист ТОС
tos-role-house_mistress = Хозяйка дома
reg-ask-district = В каком районе ваша территория?
reg-ask-committee = Ваш окружной комитет ТОС:
reg-committee-other = Нет в списке
reg-ask-committee-other = Напишите название вашего окружного комитета:
reg-ask-street = Улица (например: ул. Весенняя или пр. Ленина):
reg-ask-house = Номер дома:
reg-ask-entrance = Номер подъезда:
reg-ask-name = Ваши фамилия, имя и отчество:
reg-ask-phone = Нажмите кнопку «📱 Поделиться контактом» внизу — так мы получим ваш номер.
reg-share-contact = 📱 Поделиться контактом
reg-not-own-contact = Это чужой контакт. Нажмите кнопку «📱 Поделиться контактом» — нужен ваш собственный номер.
reg-phone-by-button = Номер нужен через кнопку «📱 Поделиться контактом» внизу.
reg-phone-below = Телефон нужен, чтобы сотрудник центра мог с вами связаться. Кнопка «📱 Поделиться контактом» — внизу экрана.
reg-phone-saved = Спасибо, номер получен.
reg-summary =
    <b>Проверьте заявку</b>
    Роль: { $role }
    Район: { $district }
    Окружной комитет: { $committee }
    Территория: { $territory }
    ФИО: { $name }
    Телефон: { $phone }
reg-territory-none = весь комитет
reg-territory-street = { $street }
reg-territory-house = { $street }, д. { $house }
reg-territory-entrance = { $street }, д. { $house }, подъезд { $entrance }
reg-sent = Заявка отправлена сотрудникам центра вашего района. Мы сообщим о решении. Статус: /register
reg-already-sent = Эта заявка уже отправлена.
reg-duplicate = У вас уже есть заявка на эту территорию (№ { $id }, { $status }).
reg-status-title = <b>Ваши заявки</b>
reg-status-line = № { $id }. { $role }, { $territory } — { $status }
reg-status-new = Зарегистрировать ещё одну территорию:
reg-new-button = ➕ Новая территория
reg-status-pending = на рассмотрении
reg-status-confirmed = подтверждена
reg-status-rejected = отклонена
reg-status-revoked = отозвана
reg-edit-role = Роль
reg-edit-district = Район
reg-edit-committee = Комитет
reg-edit-territory = Территория
reg-edit-name = ФИО
reg-edit-phone = Телефон
reg-incomplete = Заполнены не все шаги. Нажмите «Изменить».

## Решение по заявке (сотрудникам)
reg-new-application =
    <b>Заявка старшего № { $id }</b>
    { $summary }
reg-confirm = ✅ Подтвердить
reg-reject = ❌ Отклонить
reg-ask-reject-reason = Напишите причину отказа для заявки № { $id } (её увидит заявитель):
reg-confirmed-staff = Заявка № { $id } подтверждена.
reg-rejected-staff = Заявка № { $id } отклонена.
reg-already-decided = Заявка № { $id } уже рассмотрена: { $status }.
reg-not-your-district = Эта заявка не из вашего района.
reg-confirmed-user = Ваша заявка № { $id } подтверждена! Теперь вы можете сообщать о субботниках и акциях: /report
reg-rejected-user = Ваша заявка № { $id } отклонена. Причина: { $reason }
reg-revoked-user = Ваши полномочия по заявке № { $id } отозваны. Причина: { $reason }
elders-title = <b>Старшие района { $district }</b>
elders-empty = { $district }: старших и заявок пока нет.
elders-line = № { $id }. { $name } — { $role }, { $territory } ({ $status })
elders-revoke = Отозвать
elders-ask-revoke-reason = Напишите причину отзыва для № { $id }:
elders-revoked = Полномочия по № { $id } отозваны.
elders-choose-district = Старшие какого района?
elders-no-center = Вы не привязаны к центру. Обратитесь к администратору.
page-prev = ◀️
page-next = ▶️
page-of = Страница { $page } из { $pages }.
## Доступ
elder-only-pending = Ваша заявка старшего ещё на рассмотрении. Статус: /register
elder-only-none = Сообщать о субботниках могут подтверждённые старшие и активисты ТОС. Станьте одним из них — заявку подтвердит ваш центр.
elder-only-register = 📝 Зарегистрироваться старшим или активистом

## Сотрудник вносит за человека, который позвонил
behalf-staff-only = Вносить за людей могут сотрудники центров своего района.
behalf-ask-who = За кого вносим?
behalf-elder = 👤 Старший из списка района
behalf-other = ✍️ Другой человек (без бота)
behalf-ask-elder = Выберите старшего или напишите часть его фамилии, чтобы найти:
behalf-no-elder = Старших, в имени которых есть «{ $name }», в районе нет. Напишите иначе или выберите:
behalf-ask-name = Фамилия, имя и отчество того, кто позвонил:
behalf-ask-phone = Его телефон? Например: 8 913 123-45-67
behalf-bad-phone = Не понял телефон. Напишите 10–11 цифр, например: 8 913 123-45-67
behalf-ask-consent =
    Человек согласен, чтобы центр хранил его имя и телефон для этой записи?
    Спросите его и нажмите, если он согласен: согласие отметим как «получено устно».
behalf-consent = ✅ Согласие получено устно
behalf-ask-what = { $person }: что вносим?
behalf-report = 🧹 Отчёт о субботнике
behalf-idea = 💡 Идею или проблему
behalf-signup = 🎨 Запись в кружок
behalf-ask-club = В какой кружок вашего центра?
behalf-not-yours = Это человек не вашего района.
behalf-already = Этот человек уже записан в «{ $name }».
behalf-signed-up = { $person } записан(а) в «{ $name }» — внесено сотрудником.
behalf-waiting = Мест нет: { $person } в очереди в «{ $name }», место в очереди: { $position }.
behalf-idea-sent = Обращение № { $id } внесено, автор — { $person }. Отмечено «внесено сотрудником».
behalf-idea-told = Сотрудник центра внёс ваше обращение № { $id } по звонку. Ответ придёт сюда: /myideas
behalf-report-sent = Отчёт № { $id } ушёл на проверку, автор — { $person }. Отмечен «внесено сотрудником».
behalf-report-told = Сотрудник центра внёс ваш отчёт № { $id } по звонку. Посмотреть: /myreports
export-entered-by-staff = внесено сотрудником
