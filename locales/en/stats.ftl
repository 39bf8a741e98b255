## Statistics
stats-bad-period =
    I did not understand the period. Examples:
    /stats week — the last 7 days
    /stats month — the last 30 days
    /stats year — the last 365 days
    /stats 2024 — a year
    /stats 2024-05 — a month
    /stats 2024-05-01..2024-08-31 — a range
    A district by its code after the period: /stats 2024 kem-central
stats-bad-district = District «{ $district }» not found. Districts: { $names }. Easier: /stats and a district button under the answer.
stats-other-district = You can see the statistics of your own district only.
stats-title = <b>Statistics: { $place }, { $period }</b>
    (in brackets: the change against the previous period of the same length)
stats-all-districts = all districts
stats-line = { $name }: { $value } ({ $change })
stats-change-new = new
stats-change-none = —
stats-roles = Users with consent: { $roles }
stats-contest-line = Applications to «{ $title }»: { $count }
fig-reports = Accepted reports
fig-subbotnik = — clean-up days
fig-action = — actions
fig-event = — events
fig-other = — other
fig-participants = Participants
fig-yards = Yards improved
fig-trees = Trees and shrubs planted
fig-flowerbeds = Flowerbeds laid out
fig-seedlings = Seedlings planted
fig-bags = Bags of rubbish
fig-decorated = Entrances, windows, balconies decorated
fig-snow_figures = Snow figures
fig-elders_confirmed = Elders confirmed
fig-club_members = Club members
fig-attendance = Session attendances
fig-events_held = Center events
fig-event_signups = Event sign-ups
fig-applications = Contest applications
fig-announcements_sent = Announcements delivered
fig-announcements_blocked = Blocked the bot
fig-users_new = New users
chart-reports = Reports
chart-participants = Participants
chart-by-district = Reports by district
year-bad = Usage: /year 2024
year-caption = Report for { $year }
export-usage = Usage: /export reports|signups|applications|users [period]
export-what-reports = Reports
export-what-signups = Club and event sign-ups
export-what-applications = Contest applications
export-what-users = People
export-caption = { $what }, { $period }: { $rows } rows
audit-title = <b>Audit log</b> (last { $n })
audit-line = { $at } — { $action }: { $actor } → { $target } { $details }
audit-broadcast-create = announcement created
audit-broadcast-stop = announcement stopped
audit-consent-given = consent given
audit-contest-create = contest created
audit-contest-edit = contest changed
audit-contest-juror = juror added
audit-contest-place = place given
audit-contest-publish = results published
audit-contest-results = results sent
audit-contest-stage = contest stage changed
audit-elder-confirm = elder confirmed
audit-elder-reject = elder application rejected
audit-elder-revoke = elder revoked
audit-idea-move = idea passed to another district
audit-idea-status = idea status changed
audit-report-accept = report accepted
audit-report-return = report returned
audit-role-grant = role given
audit-role-revoke = role taken away
audit-user-erased = data deleted on request
audit-export = export
audit-center-edit = center card changed
audit-field-field = field
audit-field-before = before:
audit-field-after = after:
audit-field-announcement = announcement
audit-field-audience = to
audit-field-audience-id = number
audit-field-urgent = urgent
audit-field-contest = contest
audit-field-stage = stage
audit-field-application = application
audit-field-place = place
audit-field-winners = winners
audit-field-report = report
audit-field-registration = elder application
audit-field-idea = idea
audit-field-status = status
audit-field-district = district
audit-field-what = what
audit-field-period = period
audit-field-rows = rows
audit-field-role = role
audit-field-center = center
audit-empty = The log is empty.

## XLSX sheets
xlsx-sheet-summary = Summary
xlsx-sheet-districts = By district
xlsx-sheet-centers = By center
xlsx-sheet-committees = By committee
xlsx-sheet-reports = Reports
xlsx-sheet-contests = Contests
xlsx-sheet-applications = Applications
xlsx-sheet-scores = Scores
xlsx-head-summary = Figure | Value
xlsx-head-districts = District | Reports | Participants
xlsx-head-centers = Center | District | Club members | Events | Event sign-ups
xlsx-head-committees = District committee | Reports | Participants
xlsx-head-reports = No. | Date | District | Kind | Participants | Bags | Trees | Flowerbeds | Seedlings | Yards | Decorated | Snow figures
xlsx-head-contests = Contest | Applications
xlsx-head-applications = No. | Nomination | District | Address | Responsible | Phone | Status | Place | Points
xlsx-head-scores = Application | Juror | Stage | Criterion | Score | Comment

## Registry (/registry)
registry-city-only = The registry of all municipalities is kept by the city's administrators. Your center: /mycenter.
stats-choose-district = Figures of which district?
registry-intro =
    <b>Registry</b>: municipalities, districts, centers, committees, clubs.
    1. Press «⬇️ Download the registry».
    2. Correct or complete the file in Excel. To close a row, write «no» in the «Active» column — do not delete rows.
    3. Send the file back here. The bot shows what will change and applies nothing until you press «✅ Apply».
registry-download = ⬇️ Download the registry
registry-file-name = registry-{ $date }.xlsx
registry-file-caption = The registry. Correct it and send this file back.
registry-sheet-municipalities = Municipalities
registry-sheet-districts = Districts
registry-sheet-centers = Centers
registry-sheet-committees = Committees
registry-sheet-clubs = Clubs
registry-head-municipalities = Code | Name | Latitude | Longitude | Active
registry-head-districts = Code | Municipality | Name | Latitude | Longitude | Active
registry-head-centers = Code | District | Name | Address | Opening hours | Phone | Latitude | Longitude | Group | Rental | Consultations | Collection point | Active
registry-head-committees = Code | Municipality | District | Name | Active
registry-head-clubs = Number | Center | Name | Category | Age | Places | Leader | Schedule | Description | Active
registry-yes = yes
registry-no = no
registry-send-file = Send the registry file (XLSX) — the one downloaded with «⬇️ Download the registry».
registry-too-big = The file is over { $mb } MB. Send the file downloaded from the bot.
registry-not-xlsx = This is not an Excel file (XLSX). Save it as «Excel Workbook (.xlsx)» and send it again.
registry-empty-file = The file is empty. Send the registry downloaded from the bot.
registry-too-many-rows = The file has over { $max } rows. Send the registry downloaded from the bot.
registry-checking = ⏳ Checking the file…
registry-checking-sheet = ⏳ Checking the sheet «{ $sheet }»…
registry-checked = ✅ File checked: { $rows } rows.
registry-preview = { $summary }
registry-has-problems = ❗ Errors in the file: { $count }. Nothing applied — correct them and send the file again.
registry-where-sheet = { $sheet }
registry-where-row = { $sheet }, row { $row }
registry-where-column = { $sheet }, row { $row }, «{ $column }»
registry-more-problems = …and { $count } more — all errors are in the file above.
registry-errors-head = Sheet | Row | Column | Error
registry-errors-file = registry-errors.csv
registry-no-changes = No changes: the file matches the registry.
registry-will = To be applied: added { $added }, changed { $changed }, closed { $closed }.
registry-change-add = • { $sheet }, row { $row }: new — { $name }
registry-change-change = • { $sheet }, row { $row }: changed — { $name }
registry-change-open = • { $sheet }, row { $row }: active again — { $name }
registry-change-close = • { $sheet }, row { $row }: closed — { $name }
registry-more-changes = …and { $count } more.
registry-apply = ✅ Apply
registry-already-sent = These changes are applied already.
registry-changed-meanwhile = The registry changed while you were looking: check the new summary and press «✅ Apply» again.
registry-applied = ✅ Registry updated: added { $added }, changed { $changed }, closed { $closed }.
registry-required = must be filled in
registry-unknown = «{ $value }» is not in the registry
registry-ambiguous = «{ $value }» — there are several, give the code
registry-duplicate-code = code { $code } is repeated
registry-bad-code = a code is Latin letters, digits and hyphens, e.g.: crn-optimist
registry-not-number = a number is needed, e.g.: 55.35472
registry-point-half = both latitude and longitude are needed
registry-yes-no = write «{ $yes }» or «{ $no }»
registry-choose-from = choose one of: { $options }
registry-unknown-club = there is no club number { $id }; leave the number empty for a new one
registry-no-sheet = no sheet with this name
registry-bad-headers = wrong headers, expected: { $expected }
audit-registry-apply = registry updated from a file
audit-field-added = added
audit-field-changed = changed
audit-field-closed = closed
