## City invitations (/invite, /invitations)
invite-admins-only = Invitations are sent by admins.
invite-title = <b>Invitations</b>
invite-none = No invitations yet.
invite-line = { $title }, { $when }: coming { $coming }, not coming { $not_coming }
invite-csv = ⬇️ Who comes: { $title }
invite-csv-head = Who | Answer
invite-csv-caption = Answers to «{ $title }»
invite-answer-yes = coming
invite-answer-no = not coming
invite-new = ➕ New invitation
invite-ask-title = To what? Type the name or tap the button.
invite-default-title = Слёт общественности
invite-default-title-button = Слёт общественности
invite-ask-place = Where? For example: ДК «Шахтёр», ул. Шестакова, 4
invite-ask-guests = Whom do we invite?
invite-guests-awarded = 🏅 Awarded in { $year }
invite-guests-elders = 👵 Committee elders
invite-guests-staff = 👩‍💼 Centers' staff
invite-ask-district = From which district?
invite-whole-city = 🌆 The whole city
invite-summary =
    <b>Check the invitation</b>
    { $preview }
    To: { $whom }, { $where }
    It will reach: { $reach } people
invite-message =
    <b>You are invited: { $title }</b>
    🗓 { $when }
    📍 { $place }
    Will you come? Answer with a button.
invite-yes = ✅ I'll come
invite-no = Can't come
invite-already-sent = This invitation has already been sent.
invite-sent = The invitation is sent. Answers: /invitations
invite-coming = Thank you! We expect you on { $when }. We'll remind you the day before.
invite-not-coming = A pity. If your plans change, tap «I'll come».
invite-over = This invitation is over.
invite-not-for-you = This invitation is for another list of guests.
invite-not-yours = This invitation is of another territory.
invite-reminder = ⏰ Tomorrow, { $when }: { $title }. Place: { $place }. We expect you!
