## Greeting and consent
start-greeting =
    Hello! This is the «Это мой город» (This is my city) bot.
    Find your neighbourhood center, join a club, get your district's news, report a clean-up day or share an idea.
consent-request =
    To remember your district and send you news we need your consent to process personal data (Federal Law 152-FZ).
    We keep only what you tell us. See your data: /mydata, delete it: /deleteme.
consent-yes = ✅ I agree
consent-no = Not now
consent-declined =
    All right. Without consent we keep nothing about you.
    You can still browse centers: /centers. Changed your mind? Press /start.
consent-already = Your consent is already saved.
consent-needed = Consent to data processing comes first. Press /start.
welcome-back = Welcome back! Choose what you need with the buttons below.

## Place
choose-municipality = Choose your city or area:
choose-district = Choose your district:
place-saved = Done! Your district: { $district }.
place-saved-hint = The buttons below are the main menu. Help: /help
send-preview =
    Recipients: { $recipients }. This is how the message will look:

    { $text }
send-preview-above = Above is the message as people will see it. Recipients: { $recipients }. Send it?
wide-already-sent = This message is being sent already.
button-stale = This button is out of date. Press /start.
numbered = { $text } No. { $id }

## Main menu
menu-my-center = 🏠 My center
menu-clubs = 🎨 Clubs
menu-report = 🧹 Report a clean-up
menu-contests = 🏆 Contests
menu-idea = 💡 Idea or problem
menu-nearby = 📍 Centers nearby
menu-help = ❓ Help
menu-queue = 📋 Reports to check
menu-district-ideas = 💡 District requests
menu-announce = 📣 Announcement
menu-center-clubs = 🎨 Center clubs
menu-elders = 👥 District elders
menu-stats = 📊 Statistics
menu-center-card = 🏠 Center card
menu-grant = 👤 Appoint
menu-plan = 📅 Call the neighbours
menu-opened = Main menu.
menu-changed = That button is no longer in your menu. Here is your menu.
minutes-button = { $minutes } min.
back = ⬅️ Back

## Centers
centers-choose-district = Choose a district:
centers-choose-center = { $district }. Choose a center:
centers-none = No centers of this district are in the bot yet.
center-card-title = <b>{ $name }</b>
center-line-address = 📍 { $value }
center-line-hours = 🕒 { $value }
center-line-phone = ☎️ { $value }
center-line-link = 🔗 { $value }
center-line-rental = 🏸 Free equipment to borrow: { $value }
center-line-consultations = 🩺 Consultations: { $value }
center-line-collection = ♻️ Collection point: { $value }
center-line-clubs = 🎨 Clubs: { $clubs }
center-card-empty = The center has not entered its address and hours yet. The district administration knows them.
center-point = { $lat }, { $lon }
center-field-address = 📍 Address
center-field-hours = 🕒 Opening hours
center-field-phone = ☎️ Phone
center-field-point = 🗺 Map point
center-field-link = 🔗 Group
center-field-rental = 🏸 Rental
center-field-consultations = 🩺 Consultations
center-field-collection = ♻️ Collection point
centers-choose-municipality = Choose a city or district:
mycenter-choose-center = Choose a center:
mycenter-no-center = You are not attached to a center. Ask an administrator to set your center.
mycenter-card =
    This is how residents see the center's card:

    { $card }

    What to change?
mycenter-ask =
    <b>{ $field_name }</b>
    Now: { $current }

    { $hint }
mycenter-not-yours = This is another center's card. Yours: /mycenter.
mycenter-not-set = not set
mycenter-hint-address = Type the address, e.g.: 17 Vesennyaya St
mycenter-hint-hours = Type the opening hours, e.g.: Mon–Fri 9:00–18:00, Sat 10:00–14:00
mycenter-hint-phone = Type the phone with its code, e.g.: 8 3842 12-34-56. Up to { $max }, separated by commas.
mycenter-hint-point = Send the point: 📎 → «Location» → choose the center's place on the map. Or type the coordinates, e.g.: 55.35472, 86.08730
mycenter-hint-link = Send the link to the center's group: t.me/…, vk.com/…, ok.ru/… or WhatsApp.
mycenter-hint-rental = What can be borrowed for free? E.g.: balls, table tennis rackets, badminton, chess, hoops
mycenter-hint-consultations = Who receives people, and when? E.g.: the deputy — first Tuesday of the month, 15:00
mycenter-hint-collection = What do you collect? E.g.: batteries, bottle caps, parcels
mycenter-clear = 🗑 Remove from the card
mycenter-saved = Saved. Residents see the new card already.
mycenter-cleared = Removed from the card.
mycenter-need-point = Send a location with 📎 or type the coordinates in digits.
input-bad-phone = Could not read the phone. Type it with its code, e.g.: 8 3842 12-34-56 (up to { $max } numbers, separated by commas).
input-bad-point = This point is not in Kuzbass. Send a location with 📎 or type, e.g.: 55.35472, 86.08730
input-bad-link = A link to a group is needed: t.me/…, vk.com/…, ok.ru/… or chat.whatsapp.com/…
center-unknown = to be confirmed
center-clubs-button = 🎨 Clubs
center-route-button = 🗺 How to get there
center-no-point =
    This center has no map point yet.
    Address: { $address }
center-not-found = No such center. All centers: /centers
my-center-no-district = Choose your district first: /start
nearby-ask = Press «📍 Centers nearby» below: the bot will ask to send your location.
nearby-title = Centers nearest to you:
nearby-line = { $n }. { $name } — { $km } km
nearby-line-approx = { $n }. { $name } — about { $km } km (exact address to be confirmed)
nearby-none = No centers within { $km } km of this point. By district: /centers

## Help
help-title = <b>What the bot can do</b>
help-start =
    /start — main menu
    /centers — centers by district
    /clubs — clubs, sign up
    /idea — an idea or a problem
    /cancel — leave any step
    More — by section, with the buttons below.
help-btn-resident = 🏠 Residents
help-btn-privacy = 🔒 My data and settings
help-btn-elder = 🧹 ТОС elders
help-btn-staff = 🏢 Center staff
help-btn-admin = 🛡 Admins
help-btn-contests = 🏆 Contests (admins)
help-back = ⬅️ Back
screen-close = ❌ Close
help-closed = Help closed. Open it again: /help
help-resident =
    <b>Residents</b>
    /centers — centers; on a card — «📅 Receptions» and «🏸 Rental»
    📍 send your location — the three nearest centers
    /clubs — clubs, sign up
    /events — events of the district
    /my — my sign-ups, cancel
    /idea — an idea or a problem (place, text, up to { $idea_photos } photos)
    /myideas — my ideas and problems, answers
    /ideas — district ideas: what neighbours raised; support them
    /votes — votes of your house, street, district; /home — where you live
    /contests — city contests, apply
    /myapplications — my applications
    /jury — score applications if you are on a jury
help-privacy =
    <b>My data and settings</b>
    /settings — session reminders, mute announcements
    /register — register as a ТОС elder or activist
    /mydata — what the bot keeps about you
    /deleteme — delete my data
    /lang — language (Русский / English)
    /help — this help
help-elder =
    <b>ТОС elders and activists</b>
    /report — report a clean-up, action or event
    /myreports — my reports; /myrecord — my contribution this year
    /newvote — a vote of the residents of your house, street or committee
    /plan — call the neighbours to a clean-up: «I'm going», a reminder, the report fills itself
help-staff =
    <b>Center staff</b>
    /ideas — the district's ideas and problems, answer the author
    /stats — your district's statistics
    /export — tables for Excel
    /announce — an announcement to your center, district, a club or the elders
    /announcements — announcements: progress, figures, cancel
    /myclubs — the center's clubs and events
    /mycenter — the card; /receptions — receptions; /rental — rental
    /queue — reports to check
    /ranking — the best activists and committees
    /elders — elders and applications of the district
    /newvote — a vote; /projects — the initiative budget
    /forperson — enter a report, an idea, a sign-up for someone who phoned
    /media — media publications
    /whoami — your role and center
help-admin =
    <b>Administrators</b>
    /grant — find a person by name and make them center staff or an administrator
    /revoke — take a role away; /whois — who is this (also by name)
    /stats — the whole city; the period and a district by buttons
    /year — the annual report for Excel and charts (this year or last, by a button)
    /awards — the year's awards and letters of thanks (PDF)
    /invite — invitations to the Слёт, answers
    /booklet — the year's booklet (PDF)
    /announce — to a district, the city or everyone; «🚨 Urgent» — in minutes, paid
    /audit — the latest actions
    /registry — the registry in Excel: download, correct, upload
    /deadlines — answer deadlines for ideas and problems by category
help-contests =
    <b>Contests — admins</b>
    /contests_admin — contests: create one from a template or from scratch
    On a contest's card, buttons: the jury, the next stage, the ranking and places on equal points, the results (from the jury's scores or in your own words), a table for Excel
help-footer = Questions — to your neighbourhood center.

## Common answers
cancelled = Cancelled. You are in the main menu.
cancelled-no-menu = Cancelled. To start: /start
unknown-command = There is no such command, or it is not available to you. Commands: /help
unknown-input = I understand the menu buttons and commands. Help: /help
natural-ask = What is it? Choose — the bot carries your text and photo into the right form.
natural-voice = The bot cannot make out voice messages yet: choose what it is and write it in words.
natural-idea = 💡 It is an idea or a problem
natural-report = 🧹 It is a clean-up report
natural-club = 🎨 Find a club
wizard-hint = Please choose an option with the buttons above, or press /cancel to leave.
error-generic = Something went wrong… Please try again a bit later or press /start.
error-locked = The server is busy; your action was not saved. Please try again in a minute.
error-disk-full = The server cannot save data right now; your action was not saved. Please try again later.

## Language
lang-choose = Выберите язык / Choose language:
lang-set = Language: English.
lang-name-ru = Russian
lang-name-en = English

## My data
mydata-title = <b>What the bot keeps about you</b>
mydata-id = Telegram id: { $id }
mydata-lang = Language: { $lang }
mydata-role = Role: { $role }
mydata-consent = Consent to data processing: { $date }
mydata-no-consent = No consent: nothing is kept except your id, role, language and settings.
mydata-username = Username: @{ $username }
mydata-place = District: { $place }
mydata-home = Where you live: { $home } (to change: /home)
mydata-specialist = You see the bookings of the receptions: { $specialist }, { $center }
mydata-center = Center (staff): { $center }
mydata-name = Full name: { $name }
mydata-phone = Phone: { $phone }
mydata-territory = Territory: { $role }, { $territory } ({ $status })
mydata-linked = Linked to you: reports { $reports }, club and event sign-ups { $signups }, contest applications { $applications }, ideas and problems { $ideas }, awards { $awards }, answers to invitations { $invitations }
mydata-settings = Session reminders: { $reminders }; muted announcements: { $muted }
mydata-footer =
    Delete your data: /deleteme. Your name, phone, addresses, the texts of your ideas, children's names and unfinished contest applications go. Clean-up reports and winners' addresses already announced with contest results stay, with no link to you.
deleteme-confirm =
    Delete all your data? The bot will forget your district, consent, name, phone, addresses, the texts of your ideas, children's names and settings; unfinished contest applications are withdrawn.
    Clean-up reports and winners' addresses already announced with the results stay, with no link to you.
deleteme-yes = 🗑 Yes, delete
deleteme-no = No, keep it
deleteme-done = Your data is deleted. To start again, press /start.
deleteme-kept = All right, nothing is deleted.

role-resident = resident
role-elder = ТОС elder / activist
role-staff = center staff
role-admin = admin

## Administration
people-ask = Who are you looking for? Type a name, a surname or a Telegram @username.
people-none = Nobody found for «{ $query }». The person must have written to the bot at least once. Try a surname or @username.
people-choose = Choose the person:{ $more ->
        [0] {""}
       *[other] {" "}(the first ones; type more if the person is not here)
    }
people-line = { $who } — { $role }
people-card =
    <b>{ $who }</b>
    { $about }
people-about =
    Role: { $role }.{ $post }
    District: { $place }. Telegram: { $username }.
people-make-staff = 👩‍💼 Center staff
people-make-admin = 🛡 Administrator
people-revoke = ↩️ Take the role away
people-confirm = { $who }: { $new_role }.{ $new_post } Confirm?
people-apply = ✅ Confirm
people-already-sent = Done already.
whoami = Your role: { $role }.{ $center }
people-make-municipal-admin = 🏛 Municipality administrator
people-office = 🏢 District administration (no center)
grant-not-yours = Only a city administrator can do this: you appoint staff of your municipality's districts.
whoami-office = { " " }District administration: { $name }.
whoami-municipality = { " " }Municipality: { $name }.
whoami-center = { " " }Center: { $name }.
grant-usage =
    Just /grant — the bot helps to find the person and choose the center by buttons.
    Shortcuts: /grant @username admin or /grant @username staff center_code
grant-need-center = Name the center — or type just /grant and choose it by buttons.
grant-bad-role = The role can only be staff or admin.
grant-unknown-center = Center «{ $code }» not found.
grant-unknown-user = User { $who } not found. They must have written to the bot once, or give a numeric id.
grant-done = Done: { $who } — { $role }.{ $center }
grant-notify = You were given a role: { $role }.{ $center } Commands: /help
revoke-usage = Just /revoke — the bot helps to find the person; shortcut: /revoke @username
revoke-done = Done: { $who } is a resident now.
revoke-notify = Your role changed: you are a resident now.
revoke-config-admin = This admin is set in the settings (ADMIN_IDS) and can only be removed there.
whois =
    { $who }: { $role }.{ $center }
    Consent: { $consent }. District: { $place }.
yes = yes
no = no

## Commands in Telegram's menu
cmd-start = Start and main menu
cmd-centers = Centers by district
cmd-help = What the bot can do
cmd-mydata = My data
cmd-deleteme = Delete my data
cmd-lang = Language / Язык
cmd-cancel = Leave the current step
cmd-whoami = My role
cmd-grant = Give a role
cmd-revoke = Take a role away
cmd-whois = Who is this
cmd-register = Register as a ТОС elder
cmd-clubs = Clubs
cmd-contests = City contests
cmd-myapplications = My contest applications
cmd-jury = Score applications (jury)
cmd-contests_admin = Contests: create and results
cmd-stats = Statistics for a period
cmd-idea = An idea or a problem
cmd-myideas = My ideas and problems
cmd-ideas = Ideas and problems of the district
cmd-export = CSV export
cmd-year = Annual report (XLSX)
cmd-audit = Audit log
cmd-registry = The registry in Excel
cmd-deadlines = Answer deadlines
cmd-events = Events of the district
cmd-my = My sign-ups
cmd-settings = Reminders
cmd-myclubs = My center's clubs
cmd-mycenter = My center's card
cmd-announce = New announcement
cmd-announcements = My announcements
cmd-report = Report a clean-up
cmd-myreports = My reports
cmd-queue = Reports to check
cmd-elders = Elders of the district
cmd-votes = Votes
cmd-home = Where I live
cmd-newvote = New vote
cmd-projects = Initiative budget projects
cmd-plan = Call the neighbours to a clean-up
cmd-forperson = Enter for someone who phoned
cmd-receptions = The center's receptions
cmd-rental = Equipment rental
cmd-media = Media publications
cmd-myrecord = My contribution this year
cmd-ranking = Ranking of activists and committees
cmd-awards = Awards and letters of thanks
cmd-invite = Invitations to city events
cmd-booklet = The year's booklet (PDF)

form-interrupted = You have an unfinished form. Continue the draft or start over?
form-continue = ▶️ Continue the draft
form-restart = 🆕 Start over
shown-back-cut = { $text }… (and { $more } characters more; the whole text is kept)
