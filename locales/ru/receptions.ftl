## Приёмы (консультации) в центрах
center-receptions-button = 📅 Приёмы
reception-none = Ближайших приёмов в центре «{ $center }» пока нет. Сотрудники центра добавляют их сами.
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
reception-minutes = { $minutes } мин.
reception-ask-places = Сколько человек можно записать? (1–50)
reception-summary =
    <b>Проверьте приём</b>
    { $specialist } — { $topic }
    Когда: { $when }, по { $minutes } мин.
    Мест: { $places }
reception-already-sent = Этот приём уже добавлен.
reception-created = Приём добавлен: { $when }. Жители видят его в карточке центра («📅 Приёмы»).
reception-reminder = ⏰ Напоминаем: завтра, { $when } — приём «{ $specialist }» ({ $topic }). Не сможете — отмените запись в карточке центра.
