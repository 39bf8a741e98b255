## Receptions (consultations) at the centers
center-receptions-button = 📅 Receptions
reception-none = No receptions at «{ $center }» yet. The center's staff add them.
reception-list = <b>Receptions: { $center }</b>
    Choose one:
reception-line = { $when } { $specialist }: { $topic } (places: { $free })
reception-card =
    <b>{ $specialist }</b>
    Topic: { $topic }
    When: { $when }, { $minutes } min.
    Free places: { $free }
reception-you-are-booked = ✅ You are booked.
reception-book = 📅 Book
reception-book-ask = ✍️ Book and ask a question in advance
reception-ask-question = Your question to the specialist (only the center's staff and the specialist see it):
reception-booked = You are booked: { $specialist }, { $when }. The bot reminds you the day before. Cancel on the reception's card.
reception-cancel = ❌ Cancel the booking
reception-cancelled = The booking is cancelled, the place is free again.
reception-closed = This reception is over or cancelled.
reception-full = All places are taken.
reception-already = You are already booked for this reception.
reception-not-booked = You are not booked for this reception.
reception-need-district = First choose your district: /start
reception-staff-only = Receptions are added by the center's staff.
reception-not-yours = This is another center's reception.
reception-staff-title = <b>The center's receptions</b>
reception-staff-none = No receptions yet. Add the first:
reception-staff-line = { $when } { $specialist } — booked { $booked } of { $places }
reception-new = ➕ New reception
reception-staff-card =
    <b>{ $specialist }</b> — { $topic }
    { $when }
    Booked:
reception-question-line = {" "}— question: { $question }
reception-nobody = nobody yet
reception-came = ✅ { $n } came
reception-missed = ✖️ { $n } did not come
reception-marked = Marked.
reception-ask-specialist = Who receives? For example: deputy Ivanov I. I., a pension fund lawyer
reception-ask-topic = The topic? For example: housing services
reception-ask-length = How long is one person's reception?
reception-ask-places = How many people can book? (1–50)
reception-summary =
    <b>Check the reception</b>
    { $specialist } — { $topic }
    When: { $when }, { $minutes } min. each
    Places: { $places }
reception-already-sent = This reception has been added already.
reception-created = The reception is added: { $when }. Residents see it on the center's card («📅 Receptions»).
reception-reminder = ⏰ A reminder: tomorrow, { $when } — «{ $specialist }» ({ $topic }). Can't come? Cancel on the center's card.
specialist-give = 🔑 Access for the specialist
specialist-close = 🚫 Close the specialist's access
specialist-link =
    Forward this message to the specialist ({ $specialist }). Opening the link, they will see in the bot who booked their receptions at «{ $center }» and their questions — nothing else. One person can use the link.
    { $link }
specialist-closed = Access closed: { $specialist } no longer sees the bookings.
specialist-nothing-to-close = The specialist ({ $specialist }) has no access.
specialist-link-closed = This link no longer works. Ask the center for a new one.
specialist-link-used = Someone else has already used this link. Ask the center for a new one.
specialist-consent-first = To see the bookings, first give your consent to data processing, then open the link again.
specialist-welcome = Done: you see the bookings of the receptions ({ $specialist }) at «{ $center }». The list is always at /receptions.
specialist-title = <b>Your upcoming receptions</b> — tap one to see who booked:
specialist-none = You have no upcoming receptions yet. When the center adds them, they will be here: /receptions
specialist-not-yours = This is another specialist's reception.
