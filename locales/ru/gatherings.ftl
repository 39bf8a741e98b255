## Старшие зовут соседей на субботник
gather-elders-only = Позвать соседей могут подтверждённые старшие и активисты ТОС — для своей территории. Регистрация: /register
gather-list-title = <b>Ваши субботники и акции</b>
gather-list-none = Вы пока никого не позвали. Позвать соседей своего дома, подъезда или улицы — кнопкой ниже.
gather-list-line = { $when } { $what } — идут: { $going }
gather-new = ➕ Позвать соседей
gather-scope-house = 🏠 Дом: { $place }
gather-scope-entrance = 🚪 Подъезд: { $place }
gather-scope-street = 🛣 Улица: { $place }
gather-scope-committee = 👥 Комитет: { $place }
gather-ask-territory = Кого позвать?
gather-ask-day = Какой день?
gather-ask-time = Во сколько? Нажмите или напишите, например: 10:30
gather-bad-time = Не понял время. Напишите, например: 10:30
gather-in-past = Это время уже прошло. Выберите другое.
gather-too-far = Не дальше { $days } дней от сегодня.
gather-ask-place = Где встречаемся? Нажмите кнопку, напишите место или отправьте точку (📎 → Геопозиция).
gather-point = точка на карте
gather-ask-bring = Что взять с собой? Например: перчатки, грабли
gather-ask-photo = Можно приложить фото (например, место сбора) — или нажмите «Без фото».
gather-with-photo = Фото приложено.
gather-summary =
    <b>Проверьте приглашение</b>
    { $kind }: { $action }
    Когда: { $when }
    Где: { $place }
    Взять: { $bring }
    { $photo }
    Приглашение получат: { $count } чел.
gather-already-sent = Это приглашение уже отправлено.
gather-not-yours = Это не ваша территория.
gather-incomplete = Не все ответы заполнены. Начните заново: /plan
gather-sent = Приглашение отправлено. Бот покажет, сколько соседей идёт: /plan. Накануне вечером идущим придёт напоминание.
gather-invitation =
    🧹 <b>{ $what }</b>
    Когда: { $when }
    Где: { $place }
    Взять с собой: { $bring }
    Зовёт старший { $name }.
gather-go = ✋ Иду
gather-no = Не смогу
gather-going = Записали: вы идёте ({ $when }). Накануне бот напомнит. Показать старшему ваше имя?
gather-show-name = 👤 Показать имя
gather-hide-name = Не показывать
gather-name-shown = Хорошо, старший увидит ваше имя.
gather-name-hidden = Хорошо, старший увидит только число идущих.
gather-not-going = Хорошо, отметили: не сможете.
gather-cancelled = Этот субботник отменён.
gather-over = Этот субботник уже прошёл.
gather-not-invited = Это приглашение для жителей другой территории.
gather-card =
    <b>{ $what }</b>
    { $when } · { $place }
    Идут: { $going }
    Показали имя: { $names }
gather-message = ✉️ Написать идущим
gather-cancel = ❌ Отменить
gather-ask-message = Что сообщить идущим? Например, новое время. (Написать можно один раз.)
gather-ask-cancel = Почему отменяем? Пара слов для тех, кто собирался прийти.
gather-messaged = Идущим вы уже писали — написать можно один раз.
gather-message-text =
    ✉️ { $what }, { $when } — от старшего:
    { $text }
gather-cancelled-text =
    ❌ Отменён: { $what }, { $when }.
    { $text }
gather-told = Отправлено всем, кто идёт.
gather-told-cancelled = Отменено. Всем, кто собирался прийти, сообщим.
gather-reminder = ⏰ Завтра в { $time } — { $what }. Место: { $place }. Вы сказали «Иду» — ждём!
gather-how-was-it = Как прошёл субботник? { $what }: собирались { $going } чел. Заполните отчёт — дата, место и участники уже внесены.
gather-fill-report = 📝 Заполнить отчёт
gathers-title = <b>Субботники старших</b>
gathers-line = { $when } — { $what }, { $place } (идут: { $going })
