"""The one permissions module, as a table: every role × object × own or other district."""

from __future__ import annotations

import pytest

from bot.permissions import (
    Actor,
    districts_seen,
    may_address,
    may_appoint,
    may_manage_announcement,
    may_manage_directory,
    may_moderate,
    may_run_center,
    may_see_figures,
    may_send_urgent,
)
from storage.models import Role

X, Y = 1, 2  # districts; X is in municipality M, Y in another
A, B = 10, 20  # center A is in district X, center B in district Y
M = 100

ACTORS = {
    "resident": Actor(1, Role.RESIDENT, None, None, X),
    "elder": Actor(2, Role.ELDER, None, None, X),
    "staff_A": Actor(3, Role.STAFF, A, X, Y),  # lives in Y, works in X
    "staff_B": Actor(4, Role.STAFF, B, Y, X),
    "staff_no_center": Actor(5, Role.STAFF, None, None, X),
    "admin": Actor(6, Role.ADMIN, None, None, None),
    "office_X": Actor(7, Role.STAFF, None, X, Y),  # the district's administration, no center
    "admin_M": Actor(  # an admin of municipality M only
        8, Role.ADMIN, None, None, None, frozenset({X}), frozenset({A}), M
    ),
}

# (question, then the actors answered «yes»; everyone else must get «no»)
TABLE = [
    (
        "moderate a report, idea or elder of X",
        lambda a: may_moderate(a, X),
        {"staff_A", "admin", "office_X", "admin_M"},
    ),
    ("moderate a report, idea or elder of Y", lambda a: may_moderate(a, Y), {"staff_B", "admin"}),
    ("moderate with no district", lambda a: may_moderate(a, None), {"admin"}),
    ("figures of X", lambda a: may_see_figures(a, X), {"staff_A", "admin", "office_X", "admin_M"}),
    ("figures of the whole city", lambda a: may_see_figures(a, None), {"admin"}),
    ("run clubs of center A", lambda a: may_run_center(a, A), {"staff_A", "admin", "admin_M"}),
    ("run clubs of center B", lambda a: may_run_center(a, B), {"staff_B", "admin"}),
    ("address center A", lambda a: may_address(a, "center", center_id=A), {"staff_A"}),
    ("address a club of A", lambda a: may_address(a, "club", center_id=A), {"staff_A"}),
    (
        "address district X",
        lambda a: may_address(a, "district", X),
        {"staff_A", "admin", "office_X", "admin_M"},
    ),
    ("address the elders of Y", lambda a: may_address(a, "elders", Y), {"staff_B", "admin"}),
    (
        "address municipality M",
        lambda a: may_address(a, "municipality", municipality_id=M),
        {"admin", "admin_M"},
    ),
    (
        "address another municipality",
        lambda a: may_address(a, "municipality", municipality_id=1),
        {"admin"},
    ),
    ("address everyone", lambda a: may_address(a, "all"), {"admin"}),
    ("address an unknown audience", lambda a: may_address(a, "staff", X), set()),
    ("send a paid urgent alert", may_send_urgent, {"admin"}),
    ("stop staff_A's announcement", lambda a: may_manage_announcement(a, 3), {"staff_A", "admin"}),
    ("stop a resident's (none)", lambda a: may_manage_announcement(a, 1), {"admin"}),
    ("keep the registry", may_manage_directory, {"admin"}),
    ("appoint staff in X", lambda a: may_appoint(a, Role.STAFF, X), {"admin", "admin_M"}),
    ("appoint staff in Y", lambda a: may_appoint(a, Role.STAFF, Y), {"admin"}),
    ("appoint an admin", lambda a: may_appoint(a, Role.ADMIN, X), {"admin"}),
]


@pytest.mark.parametrize(("question", "ask", "allowed"), TABLE, ids=[t[0] for t in TABLE])
def test_permission_table(question, ask, allowed):
    answers = {name: ask(actor) for name, actor in ACTORS.items()}
    assert {name for name, yes in answers.items() if yes} == allowed, question


def test_districts_seen():
    assert districts_seen(ACTORS["admin"]) is None  # all
    assert districts_seen(ACTORS["staff_A"]) == [X]
    assert districts_seen(ACTORS["staff_no_center"]) == []
    assert districts_seen(ACTORS["office_X"]) == [X] and districts_seen(ACTORS["admin_M"]) == [X]
    assert districts_seen(ACTORS["resident"]) == [] and districts_seen(ACTORS["elder"]) == []


async def test_the_actor_is_computed_per_update_from_the_row(harness, admin):
    """Staff of «Оптимист» see their district's queue; revoked, not on the very next update."""
    from tests.fixtures.harness import joined
    from tests.fixtures.updates import tg_user

    staff = tg_user(2001, username="olga_staff")
    await harness.say(admin, f"/grant {staff.id} staff optimist")
    assert "Такой команды нет" not in joined(await harness.say(staff, "/queue"))
    await harness.say(admin, f"/revoke {staff.id}")
    assert "Такой команды нет" in joined(await harness.say(staff, "/queue"))


async def test_a_role_is_checked_once_on_the_way_to_any_handler(harness):
    """A role filter sits on the area of routers for that role (the admins' area inside the
    staff's narrows it), never again on a router inside."""
    from bot.filters.roles import HasRole

    for router in harness.dp.chain_tail:
        for kind in ("message", "callback_query"):
            checks = []
            node = router
            while node is not None:
                filters = node.observers[kind]._handler.filters or []
                checks += [f.callback.roles for f in filters if isinstance(f.callback, HasRole)]
                node = node.parent_router
            assert len(set(checks)) == len(checks), f"{router.name}.{kind}: {checks}"
