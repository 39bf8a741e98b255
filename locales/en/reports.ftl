## Report
rep-ask-territory = Which territory is the report for?
rep-ask-kind = What was held?
rep-kind-subbotnik = Clean-up day
rep-kind-action = Action
rep-kind-event = Event
rep-kind-other = Other
rep-ask-action = Name of the action (if any):
rep-action-own = ✍️ My own name
rep-ask-action-other = Write the name:
rep-ask-date = When was it?
rep-date-today = Today
rep-date-yesterday = Yesterday
rep-date-other = Another date
rep-ask-date-typed = Write the date, e.g.: 15 ноября, в субботу or 15.11.2026 (at most { $days } days ago).
rep-ask-place = Where was it? Write the address or send a location (📎 → Location).
rep-ask-place-home = Where was it? Press the address button, write another address or send a location (📎 → Location).
rep-ask-participants = How many people took part?
rep-ask-figures = Figures, if any, in one message, e.g.: 12 мешков, 5 деревьев, 3 клумбы. Or tap a line. No figures — «Done».
rep-figures-not-understood = I did not understand «{ $part }». Write e.g.: 12 мешков, 5 деревьев, 3 клумбы, 200 рассады.
rep-figure-not-for-kind = «{ $figure }» is not counted in this report. You can change the kind in the summary.
rep-figure-too-big = «{ $figure }»: at most { $high }. Please check the number.
rep-ask-figure-value = { $figure }: write a number (0 removes it).
rep-figure-bags = Bags of rubbish
rep-figure-trees = Trees and shrubs planted
rep-figure-flowerbeds = Flowerbeds laid out
rep-figure-seedlings = Seedlings planted
rep-figure-yards = Yards improved
rep-figure-decorated = Entrances, windows, balconies decorated (not split)
rep-figure-entrances = Entrances decorated
rep-figure-windows = Windows and balconies decorated
rep-figure-snow_towns = Snow towns built
rep-figure-snow_figures = Snow figures built
rep-ask-description = Briefly describe what was done (up to { $max_length } characters). You may skip it.
rep-ask-photos = Send 1 to { $limit } photos (an album is fine). Then press «Done».
rep-photos-count = Photos: { $count } of { $limit }. Send more or press «Done».
rep-photos-limit = No more than { $limit } photos. The extra ones were not added.
rep-photos-need-photo = Photos are needed here. Send a photo or press «Done».
rep-photos-no-video = A video will not do: photos are needed.
rep-photos-no-document = Send the picture as a photo, not as a file.
rep-photos-none = Send at least one photo first.
rep-photo-repeat = This photo is already in the report.
rep-summary =
    <b>{ $title }</b>
    Kind: { $kind }
    Action: { $action }
    Date: { $date }
    Place: { $place }
    Participants: { $participants }
    { $figures }
    Description: { $description }
    Photos: { $photos }
    { $tags }
rep-title-new = Check the report
rep-title-edit = Report No. { $id }: check the changes
rep-none = —
rep-place-point = a point on the map
rep-incomplete = Not filled in: { $steps }. Press «Change».
rep-step-kind = kind
rep-step-date = date
rep-step-place = place
rep-step-participants = participants
rep-step-description = description
rep-step-photos = photos
rep-edit-kind = Kind
rep-edit-action = Action
rep-edit-date = Date
rep-edit-place = Place
rep-edit-participants = Participants
rep-edit-figures = Figures
rep-edit-description = Description
rep-edit-photos = Photos
rep-sent = Report No. { $id } is sent for checking. Thank you! My reports: /myreports
rep-already-sent = This report is already sent.
rep-new-for-staff = New report No. { $id } to check: { $kind }, { $date }. Open: /queue
rep-open = Open No. { $id }

## Statuses
rep-status-submitted = being checked
rep-status-accepted = accepted
rep-status-returned = returned for changes

## My reports
myreports-empty = You have no reports yet. To report: /report
myreports-title = <b>My reports</b>
myreports-line = No. { $id } of { $date } — { $kind }: { $status }
rep-card-status = Status: { $status }
rep-card-title = <b>No. { $id }</b>
rep-card-comment = Checker's comment: { $comment }
rep-card-author = Author: { $name }, { $territory }
rep-card-earlier = ⚠️ Photo { $n } was already in report No. { $id } of { $date }
rep-edit-button = ✏️ Change
rep-cannot-edit = The report is being checked: wait for the decision.
rep-not-yours = This is not your report.

## Checking (staff)
queue-empty = No reports to check.
queue-title = <b>Reports to check</b>: { $count }
queue-oldest = Here are the { $shown } oldest; checked ones leave the list and the next come up.
queue-line = No. { $id } of { $date } — { $kind }, { $district }
mod-accept = ✅ Accept
mod-return = ↩️ Return for changes
mod-ask-comment = Write what to fix in report No. { $id } (the author will see it):
mod-accepted = Report No. { $id } is accepted.
mod-returned = Report No. { $id } is returned to its author.
mod-already = Report No. { $id } is already decided: { $status }.
mod-not-your-district = This report is not from your district.
mod-author-accepted = Your report No. { $id } is accepted. Thank you for the work!
mod-author-returned = Your report No. { $id } was returned for changes: { $comment }
    To fix it: /myreports
