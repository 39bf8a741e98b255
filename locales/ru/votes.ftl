## Голосования жителей и инициативный бюджет
votes-need-district = Сначала выберите свой район: /start
votes-title = <b>🗳 Голосования для вас</b>
votes-line = • { $question } — до { $ends }{ $done }
votes-line-done = ✅
votes-none = Сейчас голосований для вас нет. Когда появится — бот пришлёт приглашение.
votes-results-title = <b>Итоги, где вы голосовали:</b>
votes-new = ➕ Новое голосование
votes-mine = 📋 Голосования района
votes-back = ⬅️ К голосованиям
vote-scope-city = 🏙 Весь город
vote-scope-municipality = 🏛 Муниципалитет
vote-scope-district = 🏘 Район
vote-scope-committee = 👥 Комитет ТОС
vote-scope-street = 🛣 Улица
vote-scope-house = 🏠 Дом
vote-own-house = 🏠 Мой дом: { $place }
vote-own-street = 🛣 Моя улица: { $place }
vote-own-committee = 👥 Мой комитет: { $place }
vote-ask-scope = Кто будет голосовать? Выберите территорию:
vote-no-scopes = Голосование могут начать сотрудники центров и подтверждённые старшие (для своей территории).
vote-ask-municipality = Какой муниципалитет?
vote-ask-district = Какой район?
vote-ask-committee = Какой комитет?
vote-ask-street = Какая улица? Например: ул. Весенняя
vote-ask-house = Номер дома? Например: 17 или 5/2
vote-ask-question = Вопрос для голосования (до { $question_max } знаков):
vote-ask-options = Варианты ответа: пришлите их по одному или списком, каждый с новой строки (от { $fewest } до { $most }, каждый до { $longest } знаков).
vote-options-so-far = Варианты ({ $count }):
    { $lines }
    Пришлите ещё или нажмите «✅ Готово».
vote-options-done = ✅ Готово
vote-options-drop = 🗑 Убрать последний
vote-options-few = Нужно хотя бы 2 варианта.
vote-option-repeated = Вариант «{ $option }» уже есть.
vote-options-too-many = Не больше { $most } вариантов.
vote-ask-mode = Сколько вариантов можно выбрать?
vote-mode-one = Один
vote-mode-many = Несколько
vote-ask-winners = Сколько проектов победит?
vote-ask-ends = Сколько длится голосование?
vote-days = { $days ->
    [3] 3 дня
    [7] Неделя
    [14] 2 недели
   *[other] Месяц
}
vote-other-date = 📅 Другая дата
vote-ask-date = До какого числа? Например: 15.12 или 15 декабря (не дальше { $days_most } дней).
vote-end-past = Дата должна быть позже сегодняшней.
vote-end-far = Не дальше { $days } дней от сегодня.
vote-summary =
    <b>Проверьте голосование</b>
    { $question }
    Кто голосует: { $territory }
    { $options }
    { $mode }
    До: { $ends }
    Приглашение получат: { $count } чел.
vote-summary-above = Выше — голосование так, как его увидят. Приглашение получат: { $count } чел.
vote-summary-one = Можно выбрать один вариант.
vote-summary-many = Можно выбрать несколько вариантов.
vote-summary-winners = Победят проектов: { $winners }; каждый выбирает до { $winners }.
vote-already-sent = Это голосование уже началось.
vote-started = Голосование началось. Приглашение получат { $count } чел. Итоги придут всем проголосовавшим { $ends }.
vote-not-yours = Это голосование не вашей территории.
vote-incomplete = Не все ответы заполнены. Начните заново: /newvote
vote-invitation =
    🗳 <b>Голосование — { $territory }</b>
    { $question }
    Голосовать можно до { $ends }.
vote-open-button = 🗳 Голосовать
vote-card =
    🗳 <b>{ $question }</b>
    Кто голосует: { $territory }
    До { $ends }. { $mode }
vote-card-mode-one = Выберите один вариант.
vote-card-mode-many = Отметьте до { $most } и нажмите «Проголосовать».
vote-card-your = Ваш выбор: { $choice }. Изменить можно до конца голосования.
vote-card-projects = Проекты:
    { $lines }
vote-project-line = { $n }. { $title } — { $cost } ₽
vote-cast = ✅ Проголосовать
vote-photos = 🖼 Фото проектов
vote-counted = ✅ Голос учтён: { $choice }. Итоги — { $ends }.
vote-changed = ✅ Голос изменён: { $choice }.
vote-same-again = Вы уже выбрали это.
vote-choose-one = Отметьте хотя бы один вариант.
vote-too-many = Можно выбрать не больше { $most }.
vote-over = Голосование уже закончилось.
vote-not-for-you = Это голосование для жителей другой территории. Где вы живёте — /home.
vote-results =
    📊 <b>Итоги: { $question }</b>
    { $territory }
    { $lines }
    Проголосовали: { $voters } в боте{ $paper }.
vote-results-paper = , { $people } на бумаге
vote-result-line = { $bar } { $share } % — { $option } ({ $total })
vote-result-line-short = { $share } % — { $option } ({ $total })
vote-result-paper = из них на бумаге: { $paper }
vote-winners = 🏆 Победили: { $names }
vote-reminder =
    ⏳ Завтра заканчивается голосование — { $territory }:
    { $question }
    Вы ещё не голосовали.
vote-staff-card =
    🗳 <b>{ $question }</b>
    { $territory } · до { $ends }{ $closed }
    Проголосовали: { $voters } в боте, { $people } на бумаге.
    { $lines }
vote-staff-closed = (закончено)
vote-staff-list = <b>Голосования района</b>
vote-staff-none = Голосований пока нет. Начать: /newvote
vote-paper = 📄 Внести бумажные бюллетени
vote-paper-ask-people = Сколько человек голосовало на собрании (на бумаге)?
vote-paper-ask-counts =
    Голоса на бумаге по вариантам — числа через запятую, по порядку:
    { $options }
    Например: 12, 8, 0
vote-paper-count-mismatch = Нужно { $options ->
        [one] { $options } число
        [few] { $options } числа
       *[other] { $options } чисел
    } — по одному на вариант, через запятую.
vote-paper-summary =
    <b>Бумажные бюллетени</b>
    Голосовали: { $people } чел.
    { $lines }
vote-paper-too-many = Голосов за вариант не может быть больше, чем людей ({ $people }).
vote-paper-added = Бумажные бюллетени внесены — в итогах они показаны отдельно.
paper-already-sent = Эти бюллетени уже внесены.

## Где вы живёте
home-ask =
    <b>Где вы живёте?</b>
    Укажите улицу и дом — тогда голосования и приглашения вашего дома и улицы будут приходить вам.
    Адрес видят только сотрудники вашего района. Удалить — /deleteme.
home-give = 📍 Указать адрес
home-later = Не сейчас
home-ask-street = Ваша улица? Например: ул. Весенняя
home-ask-house = Номер дома? Например: 17
home-ask-entrance = Номер подъезда? (чтобы звали на субботники подъезда)
home-entrance = подъезд { $entrance }
home-ask-committee = Ваш окружной комитет ТОС?
home-no-committee = Не знаю
home-skip = Пропустить
home-saved = Сохранено: { $place }. Изменить — /home.
home-nothing = Хорошо. Указать адрес можно позже: /home.

## Инициативный бюджет
project-make = 🏗 В проекты
project-ask-title = Название проекта (до { $title_max } знаков):
project-as-idea = Как в идее
project-ask-cost = Сколько стоит проект, в рублях? Например: 250 000
project-ask-description = Описание проекта для жителей (до { $description_max } знаков):
project-summary =
    <b>Проект</b>
    { $title }
    Стоимость: { $cost } ₽
    { $description }
project-already-sent = Этот проект уже сохранён.
project-exists = Из этой идеи проект уже сделан.
project-saved = Проект № { $id } отобран. Вынести проекты района на голосование: /projects.
project-told = 🏗 Идея № { $idea } отобрана в проекты инициативного бюджета: { $title }. О голосовании бот сообщит.
projects-title = <b>Проекты инициативного бюджета</b>
projects-line = { $status } { $title } — { $cost } ₽
projects-none = Проектов пока нет. Их делают из идей жителей: /ideas → идея → «🏗 В проекты».
project-status-shortlisted = 📝
project-status-voting = 🗳
project-status-won = 🏆
project-status-lost = ▫️
project-status-done = ✅
project-status-name = { $status ->
    [shortlisted] отобран
    [voting] на голосовании
    [won] победил, в работе
    [lost] не прошёл
   *[done] реализован
}
project-card =
    <b>{ $title }</b>
    Стоимость: { $cost } ₽ · { $status }
    { $description }
project-to-vote = 🗳 Вынести проекты района на голосование
project-too-few = Для голосования нужно хотя бы 2 отобранных проекта района.
project-not-shortlisted = Проекты уже на голосовании. Откройте /projects заново.
project-progress = 📸 Ход работ
project-done = ✅ Реализовано
project-photos = 🖼 Было и стало
project-ask-progress = Что сделано? Напишите пару слов — или пришлите фото «стало» с подписью.
project-ask-done = Проект реализован! Пришлите фото «стало» с подписью — или напишите пару слов.
project-progress-sent = Отправлено всем, кто голосовал и поддерживал идею.
project-progress-text = 🏗 <b>{ $title }</b> — ход работ:
    { $text }
project-done-text = ✅ <b>Реализовано: { $title }</b>
    { $text }
project-not-won = Это можно сделать только с проектом-победителем.
project-was = Было
project-became = Стало
vote-chart-online = в боте
vote-chart-paper = на бумаге
project-vote-question = Какие проекты района сделать в первую очередь?
