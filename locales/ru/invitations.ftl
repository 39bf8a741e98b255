## Приглашения города (/invite, /invitations)
invite-admins-only = Приглашения отправляют администраторы.
invite-title = <b>Приглашения</b>
invite-none = Пока приглашений не было.
invite-line = { $title }, { $when }: придут { $coming }, не смогут { $not_coming }
invite-csv = ⬇️ Кто придёт: { $title }
invite-csv-head = Кто | Ответ
invite-csv-caption = Ответы на приглашение «{ $title }»
invite-answer-yes = придёт
invite-answer-no = не сможет
invite-new = ➕ Новое приглашение
invite-ask-title = Куда приглашаем? Напишите название или нажмите кнопку.
invite-default-title = Слёт общественности
invite-default-title-button = Слёт общественности
invite-ask-place = Где? Например: ДК «Шахтёр», ул. Шестакова, 4
invite-ask-guests = Кого приглашаем?
invite-guests-awarded = 🏅 Награждённые { $year } года
invite-guests-elders = 👵 Старшие ТОС
invite-guests-staff = 👩‍💼 Сотрудники центров
invite-ask-district = Из какого района?
invite-whole-city = 🌆 Весь город
invite-summary =
    <b>Проверьте приглашение</b>
    { $preview }
    Кому: { $whom }, { $where }
    Приглашение получат: { $reach } чел.
invite-message =
    <b>Приглашаем: { $title }</b>
    🗓 { $when }
    📍 { $place }
    Придёте? Ответьте кнопкой.
invite-yes = ✅ Приду
invite-no = Не смогу
invite-already-sent = Это приглашение уже отправлено.
invite-sent = Приглашение отправлено. Ответы — /invitations
invite-coming = Спасибо! Ждём вас { $when }. Накануне напомним.
invite-not-coming = Жаль. Если планы изменятся — нажмите «Приду».
invite-over = Это приглашение уже закончилось.
invite-not-for-you = Это приглашение для другого списка гостей.
invite-not-yours = Это приглашение другой территории.
invite-reminder = ⏰ Завтра, { $when }: { $title }. Место: { $place }. Ждём вас!
