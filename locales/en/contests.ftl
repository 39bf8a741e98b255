## Contests: applicants
contests-none = No contests are open now.
contests-title = <b>Open contests</b>
contests-line = «{ $title }» — applications until { $deadline }
contest-card =
    <b>{ $title }</b>
    { $description }
    Applications until: { $deadline }
    Nominations:
    { $nominations }
contest-rules = Rules: { $rules }
contest-apply = 📝 Apply
contest-not-for-you = This contest is for: { $who }.
contest-who-residents = residents
contest-who-elders = ТОС elders and activists
contest-who-staff = neighbourhood centers
contest-closed = Applications closed on { $deadline }. An application can no longer be sent or changed.
contest-need-district = Choose your district first: /start
contest-need-consent = Applying needs consent to data processing: /start
apply-ask-nomination = Nomination:
apply-ask-street = Street:
apply-ask-house = House number:
apply-ask-entrance = Entrance number:
apply-ask-apartment = Flat number (for a window or balcony):
apply-ask-committee = ТОС district committee:
apply-ask-center = Center:
apply-ask-description = Tell about the work (up to { $max_length } characters):
apply-ask-photos = Send 1 to { $limit } photos (an album is fine), then «Done».
apply-ask-name = Responsible person: surname and name
apply-ask-phone = The responsible person's phone: press «📱 Share contact» below.
apply-summary =
    <b>{ $title }</b>
    Contest: { $contest }
    Nomination: { $nomination }
    Address: { $address }
    Description: { $description }
    Photos: { $photos }
    Responsible: { $name }, { $phone }
apply-title-new = Check the application
apply-title-edit = Application No. { $id }: check the changes
apply-edit-nomination = Nomination
apply-edit-address = Address
apply-edit-description = Description
apply-edit-photos = Photos
apply-edit-responsible = Responsible
apply-duplicate = There is already application No. { $id } for this nomination at this address. A second one is not possible.
apply-duplicate-open = Open application No. { $id }
apply-sent = Application No. { $id } is sent. Status: /myapplications
apply-already-sent = This application is already sent.
apply-incomplete = Not every step is filled in. Press «Change».
apply-address-entrance = { $street }, house { $house }, entrance { $entrance }
apply-address-window = { $street }, house { $house }, flat { $apartment }
apply-address-house = { $street }, house { $house }
myapps-empty = You have no applications. Contests: /contests
myapps-title = <b>My applications</b>
myapps-line = No. { $id } «{ $contest }», { $nomination }: { $status }
app-status-submitted = sent
app-status-withdrawn = withdrawn
app-status-city = at the city stage
app-status-scoring = being scored
app-status-winner = winner, place { $place }
app-status-participant = participant
app-open = Open No. { $id }
app-card-title = <b>No. { $id }</b> “{ $title }”
app-edit = ✏️ Change
app-withdraw = 🗑 Withdraw
app-withdrawn = Application No. { $id } is withdrawn.
app-not-yours = This is not your application.
app-cannot-change = The application can no longer be changed: the contest is being scored.

## Jury
jury-none = You are not on the jury of any open stage.
jury-done = Every entry of the stage is scored. Thank you!
jury-card =
    <b>Application No. { $id }</b> — { $nomination }
    { $district }, { $address }
    { $description }
    Left to score: { $left }
jury-ask-criterion = Score for «{ $criterion }» ({ $lowest }–{ $highest }):
jury-ask-comment = Comment (optional):
jury-saved = The score of application No. { $id } is saved.
jury-already = You have already scored this application.
jury-out-of-range = A score is from { $lowest } to { $highest }.

## Admins
cadmin-title = <b>Contests</b>
cadmin-line = No. { $id } «{ $title }» — { $stage }, applications: { $count }
cadmin-new-template = ➕ From a template
cadmin-new-scratch = ➕ From scratch
cadmin-choose-template = Which contest?
cadmin-ask-title = Contest title:
cadmin-ask-nominations = Nominations, one per line:
cadmin-ask-deadline = Application deadline (date), e.g.: 31 December or 31.12.2026
cadmin-ask-audience = Whom to tell about the contest?
cadmin-audience-all = 🌐 All residents
cadmin-audience-municipality = { $name } — all of it
cadmin-created = Contest No. { $id } «{ $title }» is created: { $count ->
        [one] { $count } nomination
       *[other] { $count } nominations
    }, applications until { $deadline }. The opening message is being sent.
cadmin-bad-nominations = At least one nomination is needed (up to { $most }, one per line).
cadmin-card =
    <b>No. { $id } «{ $title }»</b>
    Stage: { $stage }. Applications until { $deadline }.
    Jury: { $jurors }
cadmin-progress-line = { $nomination } / { $district }: applications { $count }, scored { $scored }
cadmin-no-applications = No applications yet.
stage-apply = taking applications
stage-district = district stage (scoring)
stage-city = city stage (scoring)
stage-ranking = fixing the results
stage-published = results published
cadmin-next-stage = ⏭ Close the stage
cadmin-ranking = 🏅 Ranking
cadmin-publish = 📣 Publish the results
cadmin-own-results = ✍️ Results in your own words
cadmin-ask-results = Write the contest results as residents will get them (up to { $max } characters). Before sending you will see how it looks and how many people get it.
cadmin-xlsx = 📊 Table for Excel
cadmin-stage-moved = Stage: { $stage }.
cadmin-advanced = Applications sent up to the city stage: { $count }.
cadmin-ranking-title = <b>Ranking of «{ $title }»</b>
cadmin-ranking-nomination = <b>{ $nomination }</b>
cadmin-ranking-line = { $place } No. { $id } — { NUMBER($total, minimumFractionDigits: 2, maximumFractionDigits: 2) } points ({ $jurors } jurors), { $address }
cadmin-ranking-tie = ⚖️ Equal points for No. { $ids }: set the places with the buttons below.
cadmin-ranking-tie-later = ⚖️ Equal points for No. { $ids }: you will set the places at the «fixing the results» stage.
cadmin-place-set = Application No. { $id }: place { $place }.
cadmin-place-chosen = ✅ No. { $id }: place { $place }
cadmin-place-wrong-stage = Places are set at the results stage.
cadmin-published = Results published: { $winners } winners, messages are being sent.
cadmin-unresolved = There are ties without places: set them with the buttons in «🏅 Ranking» before publishing.
jury-added = { $who } is in the jury of contest No. { $id }: { $stage }.
jury-choose-stage = Which stage will they judge?
jury-stage-district = the district stage
jury-stage-city = the city stage
cadmin-juror = { $who } ({ $stage })
cadmin-edit-rules = 📜 Rules
cadmin-edit-criteria = ⚖️ Criteria
cadmin-ask-rules =
    The contest's rules — shown on its card. Now: { $current }
    Send the text (up to { $max } characters).
cadmin-ask-criteria =
    Which criteria do the jurors score? Now: { $current }
    Send one per line (up to { $max }), e.g.: design
cadmin-rules-saved = The rules are saved: they are on the contest's card.
cadmin-criteria-saved = The criteria are saved.
cadmin-bad-criteria = From 1 to { $max } criteria are needed, one per line, each { $shortest }–{ $longest } characters.
cadmin-criteria-late = The criteria change only before scoring: the jurors already score by the old ones.
cadmin-add-juror = 👩‍⚖️ Add to the jury
cadmin-place-button = No. { $id }: place { $place }
jury-exists = Already on the jury of this stage.
contest-winner = 🏆 Congratulations! Your application No. { $id } («{ $nomination }») took place { $place } in «{ $title }».
contest-results-line = Place { $place } — { $address }
contest-default-criteria = design;creativity;residents' participation
