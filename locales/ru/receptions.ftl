## Приёмы (консультации) в центрах
center-receptions-button = 📅 Приёмы
reception-none = Ближайших приёмов в { $center } пока нет. Сотрудники центра добавляют их сами.
reception-list = <b>Приёмы: { $center }</b>
    Выберите приём:
reception-line = { $when } { $specialist }: { $topic } (мест: { $free })
reception-card =
    <b>{ $specialist }</b>
    Тема: { $topic }
    Когда: { $when }, { $minutes } мин.
    Свободных мест: { $free }
reception-you-are-booked = ✅ Вы записаны.
reception-book = 📅 Записаться
reception-book-ask = ✍️ Записаться и задать вопрос заранее
reception-ask-question = Ваш вопрос специалисту (его увидят только сотрудники центра и специалист):
reception-booked = Вы записаны: { $specialist }, { $when }. Накануне бот напомнит. Отменить — в карточке приёма.
reception-cancel = ❌ Отменить запись
reception-cancelled = Запись отменена, место освободилось.
reception-closed = Этот приём уже прошёл или отменён.
reception-full = Все места уже заняты.
reception-already = Вы уже записаны на этот приём.
reception-not-booked = Вы не записаны на этот приём.
reception-need-district = Сначала выберите свой район: /start
reception-staff-only = Приёмы добавляют сотрудники центра.
reception-not-yours = Это приём другого центра.
reception-staff-title = <b>Приёмы центра</b>
reception-staff-none = Приёмов пока нет. Добавьте первый:
reception-staff-line = { $when } { $specialist } — записано { $booked } из { $places }
reception-new = ➕ Новый приём
reception-staff-card =
    <b>{ $specialist }</b> — { $topic }
    { $when }
    Записались:
reception-question-line = {" "}— вопрос: { $question }
reception-nobody = пока никто
reception-came = ✅ { $n } пришёл
reception-missed = ✖️ { $n } не пришёл
reception-marked = Отмечено.
reception-ask-specialist = Кто принимает? Например: депутат Иванов И. И., юрист пенсионного фонда
reception-ask-topic = Тема приёма? Например: вопросы ЖКХ
reception-ask-length = Сколько длится приём одного человека?
reception-ask-places = Сколько человек можно записать? (1–50)
reception-summary =
    <b>Проверьте приём</b>
    { $specialist } — { $topic }
    Когда: { $when }, по { $minutes } мин.
    Мест: { $places }
reception-already-sent = Этот приём уже добавлен.
reception-created = Приём добавлен: { $when }. Жители видят его в карточке центра («📅 Приёмы»).
reception-reminder = ⏰ Напоминаем: завтра, { $when } — приём «{ $specialist }» ({ $topic }). Не сможете — отмените запись в карточке центра.
specialist-give = 🔑 Доступ специалисту
specialist-close = 🚫 Закрыть доступ специалисту
specialist-link =
    Перешлите это сообщение специалисту ({ $specialist }). Открыв ссылку, он увидит в боте, кто записан на его приёмы в { $center }, и их вопросы — больше ничего. Ссылкой может воспользоваться один человек.
    { $link }
specialist-closed = Доступ закрыт: { $specialist } больше не видит записи.
specialist-nothing-to-close = У специалиста ({ $specialist }) нет доступа.
specialist-link-closed = Эта ссылка больше не действует. Попросите в центре новую.
specialist-link-used = Этой ссылкой уже воспользовался другой человек. Попросите в центре новую.
specialist-consent-first = Чтобы видеть записи на приёмы, сначала дайте согласие на обработку данных, а потом откройте ссылку ещё раз.
specialist-welcome = Готово: вы видите записи на приёмы ({ $specialist }) в { $center }. Список всегда — по команде /receptions.
specialist-title = <b>Ваши ближайшие приёмы</b> — нажмите, чтобы увидеть, кто записан:
specialist-none = Ближайших приёмов у вас пока нет. Когда центр их добавит, они появятся здесь: /receptions
specialist-not-yours = Это приём другого специалиста.
