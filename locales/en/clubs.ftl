## Clubs: residents
club-cat-creative = Arts
club-cat-sport = Sport
club-cat-health = Health
club-cat-education = Education
club-cat-children = Children
club-cat-seniors = Older people
club-cat-leisure = Leisure
club-age-kids = children under 7
club-age-school = children 7–14
club-age-teens = teenagers 14–18
club-age-adults = adults
club-age-seniors = 60+
club-age-all = everyone
weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun
clubs-need-district = Choose your district first: /start
clubs-title = <b>Clubs</b>: { $place }{ $filters }
clubs-filter-category = , { $category }
clubs-filter-kids = , for children
clubs-none = No clubs match. Change the filter.
clubs-none-yet = No clubs have been entered here yet: the centers add them themselves. Look again later, or see «📍 Centers nearby».
clubs-line = { $name } — { $center } ({ $free })
clubs-free = places: { $free }
clubs-full = full
clubs-btn-center = 🏠 Center
clubs-btn-category = 🏷 Category
clubs-btn-kids = 👶 For children
clubs-btn-kids-on = 👶 For children ✓
clubs-btn-all = All
clubs-btn-all-centers = All centers of the district
clubs-btn-district = 🗺 Another district
clubs-choose-center = Choose a center:
clubs-choose-category = Choose a category:
club-card =
    <b>{ $name }</b>
    { $center }
    🏷 { $category }, { $age }
    🗓 { $schedule }{ $leader }
    { $places }
    { $description }
club-places-free = ✅ Free places: { $free } of { $capacity }
club-places-full = ⏳ No places, waiting: { $waiting }. You can join the waiting list.
club-closed = 🔒 The club is closed: no sign-ups.
club-join = ✍️ Sign up
club-join-child = 👶 Sign up a child
club-back-list = ⬅️ To the list
club-ask-own-name = What name should we put down? Write your name and surname:
club-ask-child-name = The child's first name:
club-ask-child-age = How old is the child?
club-joined = You are signed up: «{ $name }». { $next }
club-joined-child = { $child } is signed up: «{ $name }». { $next }
club-next = Next session: { $when }.
club-waiting = No places: you are number { $position } on the waiting list. We will tell you when a place frees up.
club-already = Already signed up: «{ $name }».
club-already-waiting = You are already waiting for «{ $name }» (No. { $position }).
club-is-closed = This club is closed: no sign-ups.
club-need-consent = Signing up needs consent to data processing: /start
club-promoted = A place freed up — you are signed up: «{ $name }». { $next }
club-card-leader = 👤 Leader: { $leader }
club-adults-only = This club is for adults: a child cannot be signed up.

## Events
events-title = <b>Events</b>: { $place }
events-none = No upcoming events yet.
events-line = { $when } — { $title } ({ $free })
event-card =
    <b>{ $title }</b>
    { $center }
    🗓 { $when }, { $minutes } min.
    { $places }
    { $description }
event-places-free = ✅ Free places: { $free } of { $capacity }
event-joined = You are signed up for «{ $title }», { $when }.
event-joined-child = { $child } is signed up for «{ $title }», { $when }.
event-promoted = A place freed up — you are signed up for «{ $title }», { $when }.
event-is-closed = The event is cancelled or over.

## My sign-ups
my-empty = You have no sign-ups. Clubs: /clubs, events: /events
my-title = <b>My sign-ups</b>
my-club-line = «{ $name }» { $who }— { $status }
my-event-line = «{ $title }», { $when } { $who }— { $status }
my-who-child = ({ $child })
my-status-enrolled = signed up
my-status-waiting = waiting, No. { $position }
my-next = next: { $when }
my-cancel = Cancel: «{ $name }»{ $who }
my-cancelled = Sign-up cancelled: «{ $name }».
my-not-yours = This is not your sign-up.

## Reminders and settings
reminder-club = ⏰ Reminder: «{ $name }» — { $when }, { $center }.
reminder-event = ⏰ Reminder: «{ $title }» — { $when }, { $center }.
settings-title = <b>Settings</b>
    Club session reminders: { $club }. Change them with the buttons below.
    Announcements: ✅ — they come, 🔕 — switched off. Tap to switch.
settings-current = ✅ { $choice }
settings-closed = Settings saved. Open them again: /settings
settings-club-off = off
settings-club-minutes = { $hours ->
        [24] a day before
        [one] { $hours } hour before
       *[other] { $hours } hours before
    }
settings-saved = Saved. Reminders: { $club }.
settings-1h = 1 hour before
settings-3h = 3 hours before
settings-1d = a day before
settings-off = no reminders

## Staff: the center's clubs
myclubs-no-center = You are not bound to a center. Please ask an admin.
myclubs-title = <b>Clubs and events of { $center }</b>
myclubs-club = { $name }: { $enrolled } of { $capacity }, waiting { $waiting }{ $closed }
myclubs-event = { $when } { $title }: { $enrolled } of { $capacity }{ $closed }
myclubs-closed-mark = { " " }(closed)
myclubs-add-club = ➕ Club
myclubs-add-event = ➕ Event
staff-club-card =
    <b>{ $name }</b>{ $closed }
    🗓 { $schedule }
    Signed up: { $enrolled } of { $capacity }, waiting: { $waiting }
staff-event-card =
    <b>{ $title }</b>{ $closed }
    🗓 { $when }, { $minutes } min.
    Signed up: { $enrolled } of { $capacity }, waiting: { $waiting }
staff-members = 👥 Members
staff-csv = 📄 List for Excel
staff-message = ✉️ Message all
staff-cancel-session = 🚫 Cancel a session
staff-attendance = ✅ Attendance
staff-edit = ✏️ Change
staff-close = 🔒 Close the club
staff-close-event = 🔒 Cancel the event
staff-not-your-center = This club belongs to another center.
staff-members-title = <b>Members of «{ $name }»</b>
staff-members-none = Nobody has signed up yet.
staff-member-line = { $n }. { $person }{ $child } — { $status }
staff-member-child = , child: { $child } ({ $age })
staff-member-anon = (deleted their data)
staff-ask-message = Write a message to the members of «{ $name }» (up to { $max } characters):
staff-message-sent = Sent: { $sent } of { $total }.
staff-message-from = ✉️ «{ $name }»:
    { $text }
staff-choose-session = Which session to cancel?
staff-no-sessions = No upcoming sessions.
staff-session-cancelled = Session { $when } is cancelled; members told ({ $count }).
staff-session-already = This session is already cancelled.
member-session-cancelled = 🚫 The «{ $name }» session { $when } is cancelled.
staff-choose-attendance = Which session to mark?
staff-attendance-title = Attendance of «{ $name }», { $when }. Tap the members who came:
staff-attendance-none = No sessions in the last week.
staff-closed = «{ $name }» is closed; members told ({ $count }).
member-club-closed = 🔒 The club «{ $name }» is closed. Your sign-up is cancelled.
member-event-closed = 🔒 The event «{ $title }» is cancelled.
staff-edit-which = What to change?
staff-saved = Saved.
staff-field-name = Name
staff-field-title = Title
staff-field-category = Category
staff-field-age_group = Age
staff-field-schedule = Schedule
staff-field-capacity = Places
staff-field-leader = Leader
staff-field-description = Description
staff-field-starts_at = Date and time
staff-field-minutes = Length
staff-ask-name = Club name:
staff-ask-title = Event title:
staff-ask-category = Category:
staff-ask-age_group = For whom:
staff-ask-schedule = Which days are the sessions on? Tick the days and tap «✅ Done».
    If the time differs between days, type it like: mon 18:00 90; thu 18:30 60 (day, start, minutes).
staff-ask-clock = When does a session start? Choose or type, e.g.: 18:30
staff-ask-length = How long is one session? Choose or type the minutes.
club-no-days = Tick at least one day.
staff-ask-capacity = How many places?
staff-ask-leader = Leader (name):
staff-ask-description = Description (up to { $max_length } characters):
staff-ask-starts_at = Date and time, e.g.: 25.12.2026 18:00
staff-ask-minutes = How many minutes does it last?
staff-club-created = Club «{ $name }» is created.
staff-event-created = Event «{ $title }» is created.
club-bad-schedule = I did not understand the schedule. Example: mon 18:00 90; thu 18:30 60
event-bad-datetime = I did not understand the date and time. Example: 25.12.2026 18:00
event-in-past = That time has passed.
event-too-far = No more than a year ahead.
csv-number = No.
csv-name = Name
csv-child = Child
csv-age = Age
csv-status = Status
csv-status-waiting = waiting list
csv-date = Signed up
