## Residents' votes and the initiative budget
votes-need-district = First choose your district: /start
votes-title = <b>🗳 Votes for you</b>
votes-line = • { $question } — until { $ends }{ $done }
votes-line-done = ✅
votes-none = There are no votes for you now. When one starts, the bot will invite you.
votes-results-title = <b>Results where you voted:</b>
votes-new = ➕ New vote
votes-mine = 📋 Votes of the district
votes-back = ⬅️ To the votes
vote-scope-city = 🏙 The whole city
vote-scope-municipality = 🏛 Municipality
vote-scope-district = 🏘 District
vote-scope-committee = 👥 ТОС committee
vote-scope-street = 🛣 Street
vote-scope-house = 🏠 House
vote-own-house = 🏠 My house: { $place }
vote-own-street = 🛣 My street: { $place }
vote-own-committee = 👥 My committee: { $place }
vote-ask-scope = Who will vote? Choose the territory:
vote-no-scopes = Votes are started by center staff and confirmed elders (for their own territory).
vote-ask-municipality = Which municipality?
vote-ask-district = Which district?
vote-ask-committee = Which committee?
vote-ask-street = Which street? For example: Vesennyaya st.
vote-ask-house = House number? For example: 17 or 5/2
vote-ask-question = The question (up to { $question_max } characters):
vote-ask-options = The answers: send them one by one or as a list, one per line ({ $fewest } to { $most }, each up to { $longest } characters).
vote-options-so-far = Answers ({ $count }):
    { $lines }
    Send more or tap «✅ Done».
vote-options-done = ✅ Done
vote-options-drop = 🗑 Remove the last
vote-options-few = At least 2 answers are needed.
vote-option-repeated = «{ $option }» is already there.
vote-options-too-many = No more than { $most } answers.
vote-ask-mode = How many answers may one choose?
vote-mode-one = One
vote-mode-many = Several
vote-ask-winners = How many projects win?
vote-ask-ends = How long does the vote last?
vote-days = { $days ->
    [3] 3 days
    [7] A week
    [14] 2 weeks
   *[other] A month
}
vote-other-date = 📅 Another date
vote-ask-date = Until which day? For example: 15.12 or 15 December (at most { $days_most } days ahead).
vote-end-past = The date must be after today.
vote-end-far = At most { $days } days from today.
vote-summary =
    <b>Check the vote</b>
    { $question }
    Who votes: { $territory }
    { $options }
    { $mode }
    Until: { $ends }
    Invited: { $count } people.
vote-summary-above = Above is the vote as people will see it. The invitation reaches { $count } people.
vote-summary-one = One answer may be chosen.
vote-summary-many = Several answers may be chosen.
vote-summary-winners = Projects that win: { $winners }; each person chooses up to { $winners }.
vote-already-sent = This vote has started already.
vote-started = The vote has started. { $count } people get the invitation. The results go to everyone who voted on { $ends }.
vote-not-yours = This vote is not of your territory.
vote-incomplete = Not every answer is filled in. Start again: /newvote
vote-invitation =
    🗳 <b>A vote — { $territory }</b>
    { $question }
    You can vote until { $ends }.
vote-open-button = 🗳 Vote
vote-card =
    🗳 <b>{ $question }</b>
    Who votes: { $territory }
    Until { $ends }. { $mode }
vote-card-mode-one = Choose one answer.
vote-card-mode-many = Tick up to { $most } and tap «Vote».
vote-card-your = Your choice: { $choice }. You can change it until the vote ends.
vote-card-projects = Projects:
    { $lines }
vote-project-line = { $n }. { $title } — { $cost } ₽
vote-cast = ✅ Vote
vote-photos = 🖼 Photos of the projects
vote-counted = ✅ Your vote is counted: { $choice }. Results on { $ends }.
vote-changed = ✅ Your vote is changed: { $choice }.
vote-same-again = You have chosen this already.
vote-choose-one = Tick at least one answer.
vote-too-many = You may choose at most { $most }.
vote-over = The vote is over.
vote-not-for-you = This vote is for the residents of another territory. Where you live: /home.
vote-results =
    📊 <b>Results: { $question }</b>
    { $territory }
    { $lines }
    Voted: { $voters } in the bot{ $paper }.
vote-results-paper = , { $people } on paper
vote-result-line = { $bar } { $share } % — { $option } ({ $total })
vote-result-line-short = { $share } % — { $option } ({ $total })
vote-result-paper = of them on paper: { $paper }
vote-winners = 🏆 Won: { $names }
vote-reminder =
    ⏳ The vote ends tomorrow — { $territory }:
    { $question }
    You have not voted yet.
vote-staff-card =
    🗳 <b>{ $question }</b>
    { $territory } · until { $ends }{ $closed }
    Voted: { $voters } in the bot, { $people } on paper.
    { $lines }
vote-staff-closed = (over)
vote-staff-list = <b>Votes of the district</b>
vote-staff-none = No votes yet. Start one: /newvote
vote-paper = 📄 Enter paper ballots
vote-paper-ask-people = How many people voted at the meeting (on paper)?
vote-paper-ask-counts =
    Paper votes per answer — numbers separated by commas, in this order:
    { $options }
    For example: 12, 8, 0
vote-paper-count-mismatch = { $options } numbers are needed — one per answer, separated by commas.
vote-paper-summary =
    <b>Paper ballots</b>
    Voted: { $people } people.
    { $lines }
vote-paper-too-many = An answer cannot have more votes than people ({ $people }).
vote-paper-added = The paper ballots are entered — the results show them apart.
paper-already-sent = These ballots are entered already.
vote-chart-online = in the bot
vote-chart-paper = on paper
project-vote-question = Which projects of the district should be done first?

## Where you live
home-ask =
    <b>Where do you live?</b>
    Give your street and house — then the votes and invitations of your house and street reach you.
    Only the staff of your district see the address. To delete it: /deleteme.
home-give = 📍 Give the address
home-later = Not now
home-ask-street = Your street? For example: Vesennyaya st.
home-ask-house = House number? For example: 17
home-ask-entrance = Entrance number? (for your entrance's clean-ups)
home-entrance = entrance { $entrance }
home-ask-committee = Your ТОС committee?
home-no-committee = I don't know
home-skip = Skip
home-saved = Saved: { $place }. To change it: /home.
home-nothing = All right. You can give the address later: /home.

## Initiative budget
project-make = 🏗 To the projects
project-ask-title = The project's name (up to { $title_max } characters):
project-as-idea = As in the idea
project-ask-cost = What does the project cost, in roubles? For example: 250 000
project-ask-description = The project's description for residents (up to { $description_max } characters):
project-summary =
    <b>Project</b>
    { $title }
    Cost: { $cost } ₽
    { $description }
project-already-sent = This project is saved already.
project-exists = A project has been made from this idea already.
project-saved = Project № { $id } is shortlisted. Put the district's projects to a vote: /projects.
project-told = 🏗 Idea № { $idea } is shortlisted for the initiative budget: { $title }. The bot will tell you about the vote.
projects-title = <b>Initiative budget projects</b>
projects-line = { $status } { $title } — { $cost } ₽
projects-none = No projects yet. They are made from residents' ideas: /ideas → an idea → «🏗 To the projects».
project-status-shortlisted = 📝
project-status-voting = 🗳
project-status-won = 🏆
project-status-lost = ▫️
project-status-done = ✅
project-status-name = { $status ->
    [shortlisted] shortlisted
    [voting] in a vote
    [won] won, in progress
    [lost] did not pass
   *[done] done
}
project-card =
    <b>{ $title }</b>
    Cost: { $cost } ₽ · { $status }
    { $description }
project-to-vote = 🗳 Put the district's projects to a vote
project-too-few = A vote needs at least 2 shortlisted projects of the district.
project-not-shortlisted = The projects are in a vote already. Open /projects again.
project-progress = 📸 Progress
project-done = ✅ Done
project-photos = 🖼 Before and after
project-ask-progress = What has been done? Write a few words — or send a photo «after» with a caption.
project-ask-done = The project is done! Send a photo «after» with a caption — or write a few words.
project-progress-sent = Sent to everyone who voted and supported the idea.
project-progress-text = 🏗 <b>{ $title }</b> — progress:
    { $text }
project-done-text = ✅ <b>Done: { $title }</b>
    { $text }
project-not-won = This is only for a project that won.
project-was = Before
project-became = After
