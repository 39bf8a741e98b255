## Input hints
input-not-number = A number from { $low } to { $high } is needed. Type digits, e.g.: 12
input-out-of-range = The number must be from { $low } to { $high }.
input-too-short = Too short. Please write a bit more.
input-no-letters = Words are needed here — a name, a title or an address in letters.
input-no-words = Text is needed here — in letters or digits.
input-too-long = Too long: { $length } characters, up to { $max } allowed. Please shorten it.
input-bad-date = I did not understand the date. Write it like: 21.11.2026
input-bad-end-date = I did not understand the date. Write it like: 31.12.2026
input-date-future = That date has not come yet. Give a past date.
input-date-too-old = You can report work done within the last { $days } days.
input-bad-name = Write your surname and name (patronymic optional) in letters, e.g.: Ivanova Maria
input-bad-house = Write the house number, e.g.: 17, 34a or 12/1
input-photo-needs-caption = Add a caption to the photo — it is the answer to the author.
input-need-text = Please answer in text or press a button above.
input-menu-text = You are filling in a form. Answer the question above or press /cancel.
wizard-back = ⬅️ Back
wizard-cancel = ❌ Cancel
wizard-skip = Skip
wizard-send = ✅ Send
wizard-edit = ✏️ Change
wizard-edit-which = What do you want to change?
wizard-done-button = ✅ Done

## Elder registration
reg-need-consent = Registration needs your consent to data processing. Press /start.
reg-start = Registering as a ТОС elder / activist. It takes a couple of minutes.
reg-ask-role = Who are you in the ТОС?
tos-role-house_elder = House elder
tos-role-entrance_elder = Entrance elder
tos-role-street_elder = Street elder
tos-role-house_committee = Chair of a house committee
tos-role-street_committee = Chair of a street committee
tos-role-district_committee = Chair of a district committee
tos-role-mkd_council = Chair of an apartment building council
tos-role-activist = ТОС activist
tos-role-house_mistress = Private house keeper
reg-ask-district = Which district is your territory in?
reg-ask-committee = Your ТОС district committee:
reg-committee-other = Not in the list
reg-ask-committee-other = Write the name of your district committee:
reg-ask-street = Street (e.g.: Vesennyaya st.):
reg-ask-house = House number:
reg-ask-entrance = Entrance number:
reg-ask-name = Your full name:
reg-ask-phone = Press «📱 Share contact» below so we get your number.
reg-share-contact = 📱 Share contact
reg-not-own-contact = That is someone else's contact. Press «📱 Share contact»: your own number is needed.
reg-phone-by-button = The number is needed through the «📱 Share contact» button below.
reg-phone-below = The phone lets the center staff reach you. The «📱 Share contact» button is at the bottom of the screen.
reg-phone-saved = Thank you, the number is received.
reg-summary =
    <b>Check your application</b>
    Role: { $role }
    District: { $district }
    District committee: { $committee }
    Territory: { $territory }
    Name: { $name }
    Phone: { $phone }
reg-territory-none = the whole committee
reg-territory-street = { $street }
reg-territory-house = { $street }, house { $house }
reg-territory-entrance = { $street }, house { $house }, entrance { $entrance }
reg-sent = The application is sent to your district's center staff. We will tell you the decision. Status: /register
reg-already-sent = This application is already sent.
reg-duplicate = You already have an application for this territory (No. { $id }, { $status }).
reg-status-title = <b>Your applications</b>
reg-status-line = No. { $id }. { $role }, { $territory } — { $status }
reg-status-new = Register one more territory:
reg-new-button = ➕ New territory
reg-status-pending = under review
reg-status-confirmed = confirmed
reg-status-rejected = rejected
reg-status-revoked = revoked
reg-edit-role = Role
reg-edit-district = District
reg-edit-committee = Committee
reg-edit-territory = Territory
reg-edit-name = Name
reg-edit-phone = Phone
reg-incomplete = Not every step is filled in. Press «Change».

## Decisions (staff)
reg-new-application =
    <b>Elder application No. { $id }</b>
    { $summary }
reg-confirm = ✅ Confirm
reg-reject = ❌ Reject
reg-ask-reject-reason = Write the reason for rejecting application No. { $id } (the applicant will see it):
reg-confirmed-staff = Application No. { $id } is confirmed.
reg-rejected-staff = Application No. { $id } is rejected.
reg-already-decided = Application No. { $id } is already decided: { $status }.
reg-not-your-district = This application is not from your district.
reg-confirmed-user = Your application No. { $id } is confirmed! You can now report clean-ups and actions: /report
reg-rejected-user = Your application No. { $id } is rejected. Reason: { $reason }
reg-revoked-user = Your role under application No. { $id } is revoked. Reason: { $reason }
elders-title = <b>Elders of { $district }</b>
elders-empty = { $district }: no elders or applications yet.
elders-line = No. { $id }. { $name } — { $role }, { $territory } ({ $status })
elders-revoke = Revoke
elders-ask-revoke-reason = Write the reason for revoking No. { $id }:
elders-revoked = No. { $id } is revoked.
elders-choose-district = The elders of which district?
elders-no-center = You are not bound to a center. Please ask an admin.
page-prev = ◀️
page-next = ▶️
page-of = Page { $page } of { $pages }.
## Access
elder-only-pending = Your elder application is still under review. Status: /register
elder-only-none = Confirmed ТОС elders and activists can report clean-ups. Become one — your center confirms the application.
elder-only-register = 📝 Register as an elder or activist

## Staff enter for someone who phoned
behalf-staff-only = Center staff enter for the people of their own district.
behalf-ask-who = For whom?
behalf-elder = 👤 An elder from the district's list
behalf-other = ✍️ Someone else (without the bot)
behalf-ask-elder = Choose the elder, or type a part of their surname to find them:
behalf-no-elder = No elder of the district has «{ $name }» in their name. Type it another way, or choose:
behalf-ask-name = The full name of the person who phoned:
behalf-ask-phone = Their phone? For example: 8 913 123-45-67
behalf-bad-phone = I did not understand the phone. Write 10–11 digits, for example: 8 913 123-45-67
behalf-ask-consent =
    Does the person agree that the center keeps their name and phone for this?
    Ask them and tap if they agree: the consent is noted as given orally.
behalf-consent = ✅ Consent given orally
behalf-ask-what = What do we enter for { $person }?
behalf-report = 🧹 A clean-up report
behalf-idea = 💡 An idea or a problem
behalf-signup = 🎨 A club sign-up
behalf-ask-club = Which club of your center?
behalf-not-yours = This person is not of your district.
behalf-already = This person is already signed up for «{ $name }».
behalf-signed-up = { $person } is signed up for «{ $name }» — entered by staff.
behalf-waiting = No places: { $person } is on the waiting list of «{ $name }», place { $position }.
behalf-idea-sent = Item № { $id } is entered for { $person } — marked «entered by staff».
behalf-idea-told = Center staff entered your item № { $id } from your call. The answer comes here: /myideas
behalf-report-sent = Report № { $id } is entered for { $person } and sent for checking — marked «entered by staff».
behalf-report-told = Center staff entered your report № { $id } from your call. See: /myreports
export-entered-by-staff = entered by staff
