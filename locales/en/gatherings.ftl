## Elders call their neighbours to a clean-up
gather-elders-only = Confirmed ТОС elders and activists can call their neighbours — for their own territory. Registration: /register
gather-list-title = <b>Your clean-ups and actions</b>
gather-list-none = You have not called anyone yet. Call the neighbours of your house, entrance or street with the button below.
gather-list-line = { $when } { $what } — going: { $going }
gather-new = ➕ Call the neighbours
gather-scope-house = 🏠 House: { $place }
gather-scope-entrance = 🚪 Entrance: { $place }
gather-scope-street = 🛣 Street: { $place }
gather-scope-committee = 👥 Committee: { $place }
gather-ask-territory = Whom to call?
gather-ask-day = Which day?
gather-ask-time = At what time? Tap or type, for example: 10:30
gather-bad-time = I did not understand the time. Type, for example: 10:30
gather-in-past = That time has passed. Choose another.
gather-too-far = At most { $days } days from today.
gather-ask-place = Where do you meet? Tap the button, type a place or send a location (📎 → Location).
gather-point = a map point
gather-ask-bring = What to bring? For example: gloves, rakes
gather-ask-photo = You may attach a photo (the meeting place, say) — or tap «No photo».
gather-with-photo = A photo is attached.
gather-summary =
    <b>Check the invitation</b>
    { $kind }: { $action }
    When: { $when }
    Where: { $place }
    Bring: { $bring }
    { $photo }
    Invited: { $count } people.
gather-already-sent = This invitation has been sent already.
gather-not-yours = This is not your territory.
gather-incomplete = Not every answer is filled in. Start again: /plan
gather-sent = The invitation is sent. The bot shows how many neighbours are going: /plan. Those going get a reminder the evening before.
gather-invitation =
    🧹 <b>{ $what }</b>
    When: { $when }
    Where: { $place }
    Bring: { $bring }
    Called by the elder { $name }.
gather-go = ✋ I'm going
gather-no = Can't make it
gather-going = Noted: you are going ({ $when }). The bot reminds you the evening before. Show the elder your name?
gather-show-name = 👤 Show my name
gather-hide-name = Don't show
gather-name-shown = All right, the elder sees your name.
gather-name-hidden = All right, the elder sees only how many are going.
gather-not-going = All right: you can't make it.
gather-cancelled = This clean-up is cancelled.
gather-over = This clean-up is over.
gather-not-invited = This invitation is for the residents of another territory.
gather-card =
    <b>{ $what }</b>
    { $when } · { $place }
    Going: { $going }
    Names shown: { $names }
gather-message = ✉️ Write to those going
gather-cancel = ❌ Cancel
gather-ask-message = What should those going know? A new time, say. (You can write once.)
gather-ask-cancel = Why is it cancelled? A few words for those who meant to come.
gather-messaged = You have written to those going already — once only.
gather-message-text =
    ✉️ { $what }, { $when } — from the elder:
    { $text }
gather-cancelled-text =
    ❌ Cancelled: { $what }, { $when }.
    { $text }
gather-told = Sent to everyone going.
gather-told-cancelled = Cancelled. Everyone who meant to come will be told.
gather-reminder = ⏰ Tomorrow at { $time } — { $what }. Place: { $place }. You said «I'm going» — see you!
gather-how-was-it = How did the clean-up go? { $what }: { $going } people meant to come. Fill in the report — the date, place and participants are there already.
gather-fill-report = 📝 Fill in the report
gathers-title = <b>Elders' clean-ups</b>
gathers-line = { $when } — { $what }, { $place } (going: { $going })
