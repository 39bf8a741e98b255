"""/invite (admins): the «Слёт общественности» or another city event — title → day → time →
place → whom (the year's awarded, the confirmed elders or the centers' staff) → where (a district
or the city) → the count → «Отправить»; each guest answers «✅ Приду» / «Не смогу», those coming
are reminded the day before. /invitations: the answers, and who comes as CSV."""

from handlers.invitations.dialogs import invite_dialog
from handlers.invitations.handlers import router

__all__ = ["invite_dialog", "router"]
