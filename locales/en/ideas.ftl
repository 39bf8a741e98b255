## Ideas and problems
idea-need-district = Choose your district first: /start
idea-limit = You can send no more than { $limit } ideas and problems a day. Please try tomorrow.
idea-ask-kind = What would you like to send?
idea-kind-idea = 💡 Idea
idea-kind-problem = ⚠️ Problem
idea-ask-category = Topic:
idea-cat-improvement = Improvement
idea-cat-lighting = Lighting
idea-cat-roads = Roads and crossings
idea-cat-rubbish = Rubbish
idea-cat-playgrounds = Children's and sports grounds
idea-cat-transport = Transport
idea-cat-leisure = Leisure
idea-cat-other = Other
idea-ask-place = Where is it? Send a location (📎 → Location) or write the address.
idea-outside = That point is outside your city. Send a place in the city or write the address.
idea-ask-text = Describe it (up to 2000 characters):
idea-ask-photos = You can add up to 5 photos. Send them or press «No photos».
idea-no-photos = No photos
idea-summary =
    <b>Check it</b>
    { $kind }: { $category }
    Where: { $place }
    { $text }
    Photos: { $photos }
idea-point = a point on the map
idea-nearby = Similar ones are already nearby ({ $count }). Maybe support them instead of a new one?
idea-nearby-line = No. { $id }: { $text } (supporters: { $supporters })
idea-support = 👍 Support No. { $id }
idea-send-anyway = Send anyway
idea-sent = Thank you! No. { $id } is sent to the district's staff. The answer will come here; status: /myideas
idea-already-sent = This is already sent.
idea-supported = Thank you, your vote counts. Supporters: { $count }.
idea-support-twice = You already supported No. { $id }.
idea-support-elsewhere = You can support ideas and problems of your district, or those next to the place you are reporting.
idea-support-own = This is your own.
idea-support-closed = This matter is already closed.
idea-status-new = new
idea-status-accepted = accepted
idea-status-in_progress = in progress
idea-status-resolved = resolved
idea-status-rejected = rejected
myideas-empty = You have not sent anything yet. An idea or a problem: /idea
deadlines-title = Answer deadlines for ideas and problems, in working days. New items get the new deadline.
deadlines-button = { $category } — { $days }
deadlines-ask = How many working days to answer «{ $category }»? Type a number from 1 to 60.
deadlines-saved = «{ $category }»: { $days } working days to answer.
deadlines-city-only = Answer deadlines are set by the city's administrators.
myideas-title = <b>My ideas and problems</b>
myideas-line = No. { $id } { $category }: { $status }{ $answer }
myideas-answer = { " " }— answer: { $answer }
idea-text-erased = (the text was deleted at its author's request)
idea-card =
    <b>No. { $id }</b> { $kind } · { $category } · { $status }
    { $district }. { $place }
    { $text }
    Supporters: { $supporters }
idea-card-answer = Answer: { $answer }
idea-status-changed = Your item No. { $id } has a new status: { $status }.{ $answer }
idea-status-supporter = Item No. { $id } you supported has a new status: { $status }.{ $answer }
idea-solved-question = Is the problem solved?
idea-solved-yes = ✅ Yes
idea-solved-no = ❌ No, it is not
idea-solved-thanks = Thank you for answering!
idea-not-resolved-now = This item is no longer «solved» — thank you, no answer is needed.
idea-ask-what-wrong = What is still wrong? Write briefly (up to 500 characters) — the item opens again.
idea-reopened = Item No. { $id } is open again. The district's staff will see your comment.
idea-rate-ask = Thank you! Please rate the answer:
idea-rated = Thank you for rating: { $rating } of 5.
idea-card-reopened = ↩️ The author: «not solved» ({ $times }): { $comment }
idea-card-rating = The author's rating: { $rating } of 5
neighbours-button = 💡 District ideas
neighbours-title = <b>District ideas: { $district }</b> — open ones, the most supported first. If yours is here, support it.
neighbours-line = No. { $id } [👍 { $supporters }] { $category } — { $status }: { $text }
neighbours-support = 👍 No. { $id }
neighbours-map = 🗺 No. { $id }
neighbours-none = Nothing yet — be the first: /idea
myideas-add = ➕ Add to No. { $id }
idea-add-ask = Send a photo or type what to add to the item.
idea-added = Added to item No. { $id }. The staff will see it on its card.
idea-add-closed = The item is closed — nothing can be added. A new one: /idea
idea-add-photos-full = No more photos fit: there are 10 already.
ideas-ask-answer-photo = The answer to the author for «{ $status }» (up to 1000 characters). You may send an «after» photo with the answer as its caption.
idea-card-after-photo = 📷 There is an «after» photo.
idea-alert-one = 🆕 A new problem — { $district }:
idea-alert-many = 🆕 New problems: { $count } — { $district }:
idea-alert-line = No. { $id } { $category }: { $text }
idea-alert-open = 📋 Open the list
idea-take = 🛠 Take it on
idea-taken-staff = No. { $id } is yours now. Answer the author with a status button in /ideas.
idea-taken-author = Your item No. { $id } has been taken on. The bot will tell you the outcome.
idea-already-taken = No. { $id } is already { $status }: { $who }.
idea-overdue = ⏰ Past the answer deadline: { $count } — { $district }:
ideas-title = <b>Ideas and problems: { $district }</b> ({ $filter })
ideas-filter-open = open
ideas-none = Nothing found.
ideas-line = { $late }No. { $id } [{ $supporters }] { $category }: { $text }
ideas-open = Open No. { $id }
ideas-move = ➡️ To another district
ideas-ask-answer = An answer to the author for «{ $status }» (up to 1000 characters):
ideas-ask-reason = The reason for rejecting (the author will see it):
ideas-status-set = No. { $id }: { $status }. The author is told.
ideas-choose-district = Which district should it go to?
ideas-moved = No. { $id } is passed to { $district }.
ideas-not-your-district = This item belongs to another district.
digest-text = 📬 Ideas and problems of { $district } this week: { $new } new, { $overdue } without an answer for over 7 days. Open: /ideas
