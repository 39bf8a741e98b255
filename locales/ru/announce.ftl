## Объявления
ann-ask-text = Текст объявления (до { $max } знаков).
ann-ask-photo = Добавить одно фото? Пришлите его или нажмите «Без фото».
ann-no-photo = Без фото
ann-ask-audience = Кому отправить?
ann-aud-center = Люди моего центра (записаны в кружки и на мероприятия)
ann-aud-district = Жители моего района
ann-aud-club = Участники кружка
ann-aud-elders = Старшие района
ann-aud-municipality = Весь муниципалитет
ann-aud-all = Все пользователи бота
ann-choose-club = Какого кружка?
ann-choose-district = Какой район?
ann-choose-municipality = Какой муниципалитет?
ann-ask-when = Когда отправить?
ann-now = Сейчас
ann-later = Запланировать
ann-urgent = 🚨 Срочно — сейчас, за минуты (платно)
ann-ask-datetime = Дата и время отправки, например: 25 декабря 10:00 или 25.12.2026 10:00
ann-preview-title = Так увидят получатели ({ $count }):
ann-preview-when = Отправка: { $when }
ann-preview-now = сразу
ann-preview-duration = { $minutes ->
        [0] Займёт меньше минуты.
       *[other] Займёт около { $minutes } мин.
    }
ann-preview-urgent = 🚨 Срочная рассылка: Telegram спишет со счёта бота { $stars } { $stars ->
        [one] звезду
        [few] звезды
       *[other] звёзд
    } (0,1 за сообщение).
ann-preview-balance = На счёте бота: { $balance } ⭐.
ann-preview-balance-short = На счёте бота только { $balance } ⭐: когда звёзды кончатся, рассылка продолжится обычным темпом.
ann-photo-long = К фото подойдёт подпись до { $max } знаков: текст придёт отдельным сообщением после фото.
ann-no-center = Вы не привязаны к центру. Обратитесь к администратору.
ann-no-recipients = В этой аудитории пока никого нет (или все отключили такие объявления).
ann-queued = Рассылка № { $id } запущена.
ann-queued-urgent = 🚨 Срочная рассылка № { $id } запущена.
ann-scheduled = Рассылка № { $id } запланирована на { $when }.
ann-progress = Рассылка № { $id }: отправлено { $sent } из { $total }, заблокировали бота: { $blocked }
ann-progress-waiting = Рассылка № { $id }: отправлено { $sent } из { $total }, заблокировали бота: { $blocked }. ⏳ Ожидаем связь с Telegram — остальные уйдут, как только она появится.
ann-done = Рассылка № { $id } завершена: отправлено { $sent } из { $total }, заблокировали бота: { $blocked }, ошибок: { $failed }.
ann-stopped-summary = Рассылка № { $id } остановлена: отправлено { $sent } из { $total }.
ann-stop = ⏹ Остановить
ann-stopped = Остановлено.
ann-already-ended = Рассылка уже закончилась.
ann-not-yours = Это не ваша рассылка.
ann-list-empty = Рассылок пока не было.
ann-list-title = <b>Рассылки</b>
ann-list-line = № { $id } { $when } — { $status }: { $sent } из { $total }, заблок.: { $blocked }. { $preview }
ann-status-scheduled = запланирована
ann-status-sending = идёт
ann-status-waiting = ждём связь с Telegram
ann-status-done = завершена
ann-status-stopped = остановлена
ann-cancel-scheduled = Отменить № { $id }
ann-photo-only = Нужна фотография (или нажмите «Без фото»).
ann-text-only = Нужен текст объявления.

## Отключение рассылок (настройки)
settings-kind-news = новости центров и района
settings-kind-contests = конкурсы
settings-kind-votes = приглашения на голосования
settings-kind-actions = приглашения на субботники
settings-on = ✅ { $kind }
settings-off-kind = 🔕 { $kind }

## Конкурсы: быстрые команды
contest-open = 🏆 Открыт конкурс «{ $title }». Заявки принимаются до { $deadline }.
contest-reminder = ⏳ До окончания приёма заявок на конкурс «{ $title }» осталось { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    } (срок — { $deadline }).
contest-draft-reminder = ❗ Ваша заявка на конкурс «{ $title }» не отправлена! До конца приёма { $days ->
        [one] { $days } день
        [few] { $days } дня
       *[other] { $days } дней
    } (срок — { $deadline }). Откройте заявку и нажмите «Отправить».
contest-results = 🏆 Итоги конкурса «{ $title }»:
    { $text }
contest-results-queued = Итоги конкурса № { $id } отправляются.
contest-results-already = Итоги этого конкурса уже отправлены.
ann-already-sent = Эта рассылка уже создана.
