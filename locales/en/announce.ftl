## Announcements
ann-ask-text = The announcement text (up to { $max } characters).
ann-ask-photo = Add one photo? Send it, or press «No photo».
ann-no-photo = No photo
ann-ask-audience = Who should get it?
ann-aud-center = My center's people (signed up to its clubs and events)
ann-aud-district = Residents of my district
ann-aud-club = Members of a club
ann-aud-elders = Elders of the district
ann-aud-municipality = A whole municipality
ann-aud-all = Every user of the bot
ann-choose-club = Which club?
ann-choose-district = Which district?
ann-choose-municipality = Which municipality?
ann-ask-when = When to send?
ann-now = Now
ann-later = Schedule
ann-urgent = 🚨 Urgent — now, in minutes (paid)
ann-ask-datetime = Date and time to send, e.g.: 25.12.2026 10:00
ann-preview-title = This is what recipients will see ({ $count }):
ann-preview-when = Sending: { $when }
ann-preview-now = right away
ann-preview-duration = { $minutes ->
        [0] It takes less than a minute.
       *[other] It takes about { $minutes } min.
    }
ann-preview-urgent = 🚨 Urgent alert: Telegram charges the bot's balance { $stars } { $stars ->
        [one] Star
       *[other] Stars
    } (0.1 per message).
ann-preview-balance = The bot's balance: { $balance } ⭐.
ann-preview-balance-short = The bot has only { $balance } ⭐: when they run out, sending goes on at the usual pace.
ann-photo-long = A photo caption can hold { $max } characters: the text will follow the photo as its own message.
ann-no-center = You are not bound to a center. Please ask an admin.
ann-no-recipients = Nobody is in this audience yet (or everyone muted such announcements).
ann-queued = Announcement No. { $id } is being sent.
ann-queued-urgent = 🚨 Urgent announcement No. { $id } is being sent.
ann-scheduled = Announcement No. { $id } is scheduled for { $when }.
ann-progress = Announcement No. { $id }: sent { $sent } of { $total }, blocked the bot: { $blocked }
ann-progress-waiting = Announcement No. { $id }: sent { $sent } of { $total }, blocked the bot: { $blocked }. ⏳ Waiting for Telegram to be reachable — the rest go out as soon as it is.
ann-done = Announcement No. { $id } is done: sent { $sent } of { $total }, blocked the bot: { $blocked }, errors: { $failed }.
ann-stopped-summary = Announcement No. { $id } was stopped: sent { $sent } of { $total }.
ann-stop = ⏹ Stop
ann-stopped = Stopped.
ann-already-ended = The announcement has already ended.
ann-not-yours = This is not your announcement.
ann-list-empty = No announcements yet.
ann-list-title = <b>Announcements</b>
ann-list-line = No. { $id } { $when } — { $status }: { $sent } of { $total }, blocked: { $blocked }. { $preview }
ann-status-scheduled = scheduled
ann-status-sending = sending
ann-status-waiting = waiting for Telegram
ann-status-done = done
ann-status-stopped = stopped
ann-cancel-scheduled = Cancel No. { $id }
ann-photo-only = A photo is needed (or press «No photo»).
ann-text-only = The announcement text is needed.

## Muting announcements (settings)
settings-kind-news = news of centers and the district
settings-kind-contests = contests
settings-kind-votes = invitations to votes
settings-kind-actions = invitations to clean-ups
settings-on = ✅ { $kind }
settings-off-kind = 🔕 { $kind }

## Contests: shortcuts
contest-open = 🏆 The contest «{ $title }» is open. Applications until { $deadline }.
contest-reminder = ⏳ { $days ->
        [one] { $days } day is
       *[other] { $days } days are
    } left to apply to «{ $title }» (deadline { $deadline }).
contest-draft-reminder = ❗ Your application to «{ $title }» is not sent! { $days ->
        [one] { $days } day is
       *[other] { $days } days are
    } left (deadline { $deadline }). Open it and press «Send».
contest-results = 🏆 Results of «{ $title }»:
    { $text }
contest-results-queued = The results of contest No. { $id } are being sent.
contest-results-already = The results of this contest were already sent.
ann-already-sent = This announcement is already created.
