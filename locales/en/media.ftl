## Media publications (/media)
media-staff-only = Publications are recorded by the staff of centers and district administrations.
media-title = <b>Media publications this year</b>
media-none = No publications recorded this year yet.
media-line = { $day } — { $outlet }: { $url }
media-line-no-link = { $day } — { $outlet }
media-drop = 🗑 Remove: { $day } { $outlet }
media-dropped = Removed
media-not-yours = This publication is another district's or has been removed.
media-add = ➕ Add a publication
media-ask-link = Send the link to the publication: a site, VK, Telegram. No link (a newspaper, TV)? Tap «No link».
media-no-link = No link
media-no-link-mark = no link
media-bad-link = That does not look like a link. Example: https://vk.com/wall-123_45 or t.me/kemerovo/100
media-ask-outlet = Where was it published? Choose or type the name, e.g. the newspaper «Кемерово»
media-outlet-newspaper = Newspaper
media-outlet-tv = TV
media-outlet-radio = Radio
media-outlet-site = Website
media-outlet-social = Social networks
media-ask-day = When was it published? Tap a button or type: 15 November, 15.11.2026
media-today = Today
media-yesterday = Yesterday
media-summary =
    <b>Check the publication</b>
    Where: { $outlet }
    When: { $day }
    Link: { $url }
media-already-sent = This publication has already been recorded.
media-saved = The publication is recorded and will count in the annual report. The list: /media
