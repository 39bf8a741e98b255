## Приветствие и согласие
start-greeting =
    Здравствуйте! Это бот «Это мой город».
    Здесь можно найти свой центр по работе с населением, записаться в кружок, узнать новости района, сообщить о субботнике или предложить идею.
consent-request =
    Чтобы запомнить ваш район и присылать новости, нужно ваше согласие на обработку персональных данных (152-ФЗ).
    Мы храним только то, что вы сами укажете. Посмотреть свои данные — /mydata, удалить — /deleteme.
consent-yes = ✅ Согласен
consent-no = Не сейчас
consent-declined =
    Хорошо. Без согласия мы ничего о вас не храним.
    Центры можно посмотреть и без него: /centers. Передумаете — нажмите /start.
consent-already = Согласие уже сохранено.
consent-needed = Сначала нужно согласие на обработку данных. Нажмите /start.
welcome-back = С возвращением! Выберите, что нужно, кнопками внизу.

## Выбор места
choose-municipality = Выберите ваш город или район:
choose-district = Выберите ваш район:
place-saved = Готово! Ваш район: { $district }.
place-saved-hint = Кнопки внизу — главное меню. Помощь: /help
send-preview =
    Получат: { $recipients } чел. Так будет выглядеть сообщение:

    { $text }
send-preview-above = Выше — сообщение так, как его увидят. Получат: { $recipients } чел. Отправить?
wide-already-sent = Это сообщение уже отправляется.
button-stale = Эта кнопка устарела. Нажмите /start.
numbered = { $text } № { $id }

## Главное меню
menu-my-center = 🏠 Мой центр
menu-clubs = 🎨 Кружки и клубы
menu-report = 🧹 Сообщить о субботнике
menu-contests = 🏆 Конкурсы
menu-idea = 💡 Идея или проблема
menu-nearby = 📍 Центры рядом
menu-help = ❓ Помощь
menu-queue = 📋 Отчёты на проверку
menu-district-ideas = 💡 Обращения района
menu-announce = 📣 Объявление
menu-center-clubs = 🎨 Кружки центра
menu-elders = 👥 Старшие района
menu-stats = 📊 Статистика
menu-center-card = 🏠 Карточка центра
menu-grant = 👤 Назначить роль
menu-plan = 📅 Позвать соседей
menu-opened = Главное меню.
menu-changed = Этой кнопки в вашем меню больше нет. Вот ваше меню.
minutes-button = { $minutes } мин.
back = ⬅️ Назад

## Центры
centers-choose-district = Выберите район:
centers-choose-center = { $district }. Выберите центр:
centers-none = В этом районе пока нет центров в боте.
center-card-title = <b>{ $name }</b>
center-line-address = 📍 { $value }
center-line-hours = 🕒 { $value }
center-line-phone = ☎️ { $value }
center-line-link = 🔗 { $value }
center-line-rental = 🏸 Бесплатный прокат: { $value }
center-line-consultations = 🩺 Приёмы: { $value }
center-line-collection = ♻️ Пункт сбора: { $value }
center-line-clubs = 🎨 Кружков: { $clubs }
center-card-empty = Адрес и часы работы центр ещё не внёс. Узнать их можно в администрации района.
center-point = { $lat }, { $lon }
center-field-address = 📍 Адрес
center-field-hours = 🕒 Часы работы
center-field-phone = ☎️ Телефон
center-field-point = 🗺 Точка на карте
center-field-link = 🔗 Группа центра
center-field-rental = 🏸 Прокат
center-field-consultations = 🩺 Приёмы
center-field-collection = ♻️ Пункт сбора
centers-choose-municipality = Выберите город или округ:
mycenter-choose-center = Выберите центр:
mycenter-no-center = Вы не закреплены за центром. Попросите администратора указать ваш центр.
mycenter-card =
    Так карточку центра видят жители:

    { $card }

    Что изменить?
mycenter-ask =
    <b>{ $field_name }</b>
    Сейчас: { $current }

    { $hint }
mycenter-not-yours = Это карточка другого центра. Ваша — по команде /mycenter.
mycenter-not-set = не указано
mycenter-hint-address = Напишите адрес, например: ул. Весенняя, 17
mycenter-hint-hours = Напишите часы работы, например: пн–пт 9:00–18:00, сб 10:00–14:00
mycenter-hint-phone = Напишите телефон с кодом, например: 8 3842 12-34-56. Можно до { $max } через запятую.
mycenter-hint-point = Отправьте точку: 📎 → «Геопозиция» → выберите место центра на карте. Или напишите координаты, например: 55.35472, 86.08730
mycenter-hint-link = Пришлите ссылку на группу центра: t.me/…, vk.com/…, ok.ru/… или WhatsApp.
mycenter-hint-rental = Что можно бесплатно взять на время? Например: мячи, ракетки для настольного тенниса, бадминтон, шахматы, обручи
mycenter-hint-consultations = Кто ведёт приём и когда? Например: депутат — первый вторник месяца, 15:00; пенсионный фонд — по четвергам
mycenter-hint-collection = Что принимаете? Например: батарейки, крышечки, посылки для бойцов
mycenter-clear = 🗑 Убрать из карточки
mycenter-saved = Сохранено. Жители уже видят новую карточку.
mycenter-cleared = Убрано из карточки.
mycenter-need-point = Отправьте геопозицию через 📎 или напишите координаты цифрами.
input-bad-phone = Не понял телефон. Напишите с кодом города или оператора, например: 8 3842 12-34-56 (до { $max } номеров через запятую).
input-bad-point = Эта точка не в Кузбассе. Отправьте геопозицию через 📎 или напишите, например: 55.35472, 86.08730
input-bad-link = Нужна ссылка на группу: t.me/…, vk.com/…, ok.ru/… или chat.whatsapp.com/…
center-unknown = уточняется
center-clubs-button = 🎨 Кружки
center-route-button = 🗺 Как добраться
center-no-point =
    Точки на карте у этого центра пока нет.
    Адрес: { $address }
center-not-found = Такого центра нет. Список центров: /centers
my-center-no-district = Сначала выберите свой район: /start
nearby-ask = Нажмите кнопку «📍 Центры рядом» внизу — бот попросит разрешение отправить вашу точку.
nearby-title = Ближайшие к вам центры:
nearby-line = { $n }. { $name } — { $km } км
nearby-line-approx = { $n }. { $name } — около { $km } км (точный адрес уточняется)
nearby-none = В радиусе { $km } км от этой точки центров нет. Список по районам: /centers

## Помощь
help-title = <b>Что умеет бот</b>
help-start =
    /start — главное меню
    /centers — центры по районам
    /clubs — кружки и клубы, запись
    /idea — идея или проблема
    /cancel — выйти из любого шага
    Подробнее — по разделам, кнопками ниже.
help-btn-resident = 🏠 Жителям
help-btn-privacy = 🔒 Мои данные и настройки
help-btn-elder = 🧹 Старшим ТОС
help-btn-staff = 🏢 Сотрудникам центра
help-btn-admin = 🛡 Администраторам
help-btn-contests = 🏆 Конкурсы (для администраторов)
help-back = ⬅️ Назад
screen-close = ❌ Закрыть
help-closed = Справка закрыта. Открыть снова: /help
help-resident =
    <b>Жителям</b>
    /centers — центры; в карточке — «📅 Приёмы» и «🏸 Прокат»
    📍 отправьте свою точку — три ближайших центра
    /clubs — кружки и клубы, запись
    /events — мероприятия района
    /my — мои записи, отписаться
    /idea — идея или проблема (место, текст, до { $idea_photos } фото)
    /myideas — мои идеи и проблемы, ответы
    /ideas — идеи района: что уже отправили соседи, поддержать
    /votes — голосования дома, улицы, района; /home — где вы живёте
    /contests — конкурсы города, подать заявку
    /myapplications — мои заявки
    /jury — оценить заявки, если вы в жюри
help-privacy =
    <b>Мои данные и настройки</b>
    /settings — напоминания о занятиях, отключить объявления
    /register — регистрация старшего или активиста ТОС
    /mydata — что бот о вас хранит
    /deleteme — удалить мои данные
    /lang — язык (Русский / English)
    /help — эта справка
help-elder =
    <b>Старшим и активистам ТОС</b>
    /report — сообщить о субботнике, акции, мероприятии
    /myreports — мои отчёты; /myrecord — мой вклад за год
    /newvote — голосование жителей вашего дома, улицы или комитета
    /plan — позвать соседей на субботник: «Иду», напоминание, отчёт сам заполнится
help-staff =
    <b>Сотрудникам центра</b>
    /ideas — идеи и проблемы района
    /stats — статистика района
    /export — таблицы для Excel
    /announce — объявление; /announcements — ход рассылок
    /myclubs — кружки и мероприятия центра
    /mycenter — карточка; /receptions — приёмы; /rental — прокат
    /queue — отчёты на проверку; /elders — старшие района
    /ranking — рейтинг активистов и комитетов
    /newvote — голосование; /projects — инициативный бюджет
    /forperson — внести за позвонившего; /media — публикации в СМИ
    /whoami — ваша роль
help-admin =
    <b>Администраторам</b>
    /grant — найти человека по имени и дать ему роль
    /revoke — снять роль; /whois — кто это (тоже поиском по имени)
    /stats — статистика города; период и район — кнопками
    /year — годовой отчёт для Excel и графики (этот год или прошлый — кнопкой)
    /awards — награды; /invite — приглашения; /booklet — буклет года
    /announce — объявление району, городу или всем; «🚨 Срочно» — за минуты, платно
    /audit — последние действия
    /registry — справочник в Excel
    /deadlines — сроки ответа на идеи и проблемы по темам
help-contests =
    <b>Конкурсы — администраторам</b>
    /contests_admin — конкурсы: создать из шаблона или с нуля
    В карточке конкурса — кнопки: жюри, следующий этап, рейтинг и места при равных баллах, итоги (по оценкам жюри или своими словами), таблица для Excel
help-footer = Вопросы — в ваш центр по работе с населением.

## Общие ответы
cancelled = Хорошо, отменили. Вы в главном меню.
cancelled-no-menu = Хорошо, отменили. Начать: /start
unknown-command = Такой команды нет или она вам недоступна. Список команд: /help
unknown-input = Я понимаю кнопки меню и команды. Помощь: /help
natural-ask = Что это? Выберите — бот перенесёт ваш текст и фото в нужную форму.
natural-voice = Голосовые бот пока не разбирает: выберите, что это, и напишите словами.
natural-idea = 💡 Это идея или проблема
natural-report = 🧹 Это отчёт о субботнике
natural-club = 🎨 Найти кружок
wizard-hint = Пожалуйста, выберите вариант кнопкой выше или нажмите /cancel, чтобы выйти.
error-generic = Что-то пошло не так… Попробуйте ещё раз чуть позже или нажмите /start.
error-locked = Сервер занят, ваше действие не сохранено. Повторите через минуту.
error-disk-full = Сервер сейчас не может сохранить данные, ваше действие не сохранено. Повторите позже.

## Язык
lang-choose = Выберите язык / Choose language:
lang-set = Язык: русский.
lang-name-ru = русский
lang-name-en = английский

## Мои данные
mydata-title = <b>Что бот хранит о вас</b>
mydata-id = Ваш номер в Telegram: { $id }
mydata-lang = Язык: { $lang }
mydata-role = Роль: { $role }
mydata-consent = Согласие на обработку данных: { $date }
mydata-no-consent = Согласия нет — кроме номера в Telegram, роли, языка и настроек ничего не храним.
mydata-username = Имя пользователя: @{ $username }
mydata-place = Район: { $place }
mydata-home = Где живёте: { $home } (изменить — /home)
mydata-specialist = Видите записи на приёмы: { $specialist }, { $center }
mydata-center = Центр (сотрудник): { $center }
mydata-name = ФИО: { $name }
mydata-phone = Телефон: { $phone }
mydata-territory = Территория: { $role }, { $territory } ({ $status })
mydata-linked = Связано с вами: отчётов { $reports }, записей в кружки и на мероприятия { $signups }, заявок на конкурсы { $applications }, идей и проблем { $ideas }, наград { $awards }, ответов на приглашения { $invitations }
mydata-settings = Напоминания о занятиях: { $reminders }; отключённые объявления: { $muted }
mydata-footer =
    Удалить свои данные: /deleteme. Удалятся ФИО, телефон, адреса, тексты идей, имена детей и незавершённые заявки на конкурсы. Без связи с вами останутся отчёты о субботниках и адреса победителей, уже объявленные в итогах конкурсов.
deleteme-confirm =
    Удалить все ваши данные? Бот забудет ваш район, согласие, ФИО, телефон, адреса, тексты идей, имена детей и настройки; незавершённые заявки на конкурсы будут отозваны.
    Отчёты о субботниках и адреса победителей, уже объявленные в итогах, останутся, но без связи с вами.
deleteme-yes = 🗑 Да, удалить
deleteme-no = Нет, оставить
deleteme-done = Ваши данные удалены. Чтобы начать заново, нажмите /start.
deleteme-kept = Хорошо, ничего не удаляем.

role-resident = житель
role-elder = старший / активист ТОС
role-staff = сотрудник центра
role-admin = администратор

## Администрирование
people-ask = Кого ищем? Напишите имя, фамилию или @имя в Telegram.
people-none = Никого не нашёл по «{ $query }». Человек должен хоть раз написать боту. Попробуйте фамилию или @имя.
people-choose = Выберите человека:{ $more ->
        [0] {""}
       *[other] {" "}(показаны первые; уточните, если нужного нет)
    }
people-line = { $who } — { $role }
people-card =
    <b>{ $who }</b>
    { $about }
people-about =
    Роль: { $role }.{ $post }
    Район: { $place }. В Telegram: { $username }.
people-make-staff = 👩‍💼 Сотрудник центра
people-make-admin = 🛡 Администратор
people-revoke = ↩️ Снять роль
people-confirm = { $who }: { $new_role }.{ $new_post } Подтвердить?
people-apply = ✅ Подтвердить
people-already-sent = Уже сделано.
whoami = Ваша роль: { $role }.{ $center }
people-make-municipal-admin = 🏛 Администратор муниципалитета
people-office = 🏢 Администрация района (без центра)
grant-not-yours = Это может сделать только администратор города: вам доступны сотрудники районов вашего муниципалитета.
whoami-office = { " " }Администрация района: { $name }.
whoami-municipality = { " " }Муниципалитет: { $name }.
whoami-center = { " " }Центр: { $name }.
grant-usage = Наберите просто /grant — бот поможет найти человека по имени и выбрать роль и центр кнопками.
grant-need-center = Укажите центр — проще набрать просто /grant и выбрать его кнопками.
grant-bad-role = Такой роли нет. Наберите просто /grant и выберите роль кнопками.
grant-unknown-center = Центр «{ $code }» не найден.
grant-unknown-user = Пользователь { $who } не найден: он должен хоть раз написать боту.
grant-done = Готово: { $who } — { $role }.{ $center }
grant-notify = Вам выдана роль: { $role }.{ $center } Команды: /help
revoke-usage = Наберите просто /revoke — бот поможет найти человека по имени.
revoke-done = Готово: { $who } теперь житель.
revoke-notify = Ваша роль изменена: теперь вы житель.
revoke-config-admin = Этот администратор назначен в настройках сервера: снять его может только тот, кто ведёт сервер.
whois =
    { $who }: { $role }.{ $center }
    Согласие: { $consent }. Район: { $place }.
yes = да
no = нет

## Команды в меню Telegram
cmd-start = Начать и главное меню
cmd-centers = Центры по районам
cmd-help = Что умеет бот
cmd-mydata = Мои данные
cmd-deleteme = Удалить мои данные
cmd-lang = Язык / Language
cmd-cancel = Выйти из шага
cmd-whoami = Моя роль
cmd-grant = Выдать роль
cmd-revoke = Снять роль
cmd-whois = Кто это
cmd-register = Регистрация старшего ТОС
cmd-clubs = Кружки и клубы
cmd-contests = Конкурсы города
cmd-myapplications = Мои заявки на конкурсы
cmd-jury = Оценить заявки (жюри)
cmd-contests_admin = Конкурсы: создание и итоги
cmd-stats = Статистика за период
cmd-idea = Идея или проблема
cmd-myideas = Мои идеи и проблемы
cmd-ideas = Идеи и проблемы района
cmd-export = Выгрузка таблицы для Excel
cmd-year = Годовой отчёт для Excel
cmd-audit = Журнал действий
cmd-registry = Справочник в Excel
cmd-deadlines = Сроки ответа на обращения
cmd-events = Мероприятия района
cmd-my = Мои записи
cmd-settings = Напоминания
cmd-myclubs = Кружки моего центра
cmd-mycenter = Карточка моего центра
cmd-announce = Новое объявление
cmd-announcements = Мои рассылки
cmd-report = Сообщить о субботнике
cmd-myreports = Мои отчёты
cmd-queue = Отчёты на проверку
cmd-elders = Старшие района
cmd-votes = Голосования
cmd-home = Где я живу
cmd-newvote = Новое голосование
cmd-projects = Проекты инициативного бюджета
cmd-plan = Позвать соседей на субботник
cmd-forperson = Внести за позвонившего
cmd-receptions = Приёмы центра
cmd-rental = Прокат инвентаря
cmd-media = Публикации в СМИ
cmd-myrecord = Мой вклад за год
cmd-ranking = Рейтинг активистов и комитетов
cmd-awards = Награды и благодарственные письма
cmd-invite = Приглашения на городские события
cmd-booklet = Буклет итогов года для печати

form-interrupted = У вас есть незаконченная форма. Продолжить черновик или начать заново?
form-continue = ▶️ Продолжить черновик
form-restart = 🆕 Начать заново
shown-back-cut = { $text }… (дальше ещё { $more ->
        [one] { $more } знак
        [few] { $more } знака
       *[other] { $more } знаков
    }, весь текст сохранён)
