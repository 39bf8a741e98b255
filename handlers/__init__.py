"""Feature routers in the order they are tried; catch-alls last."""

from __future__ import annotations

import sys

from aiogram import Router

from bot.filters.roles import HasRole, IsAdmin, IsStaff
from handlers import (
    admin,
    announce,
    center_card,
    centers,
    clubs,
    common,
    contests,
    contests_admin,
    elders_staff,
    errors,
    fallback,
    forms,
    gatherings,
    help,
    ideas,
    invitations,
    jury,
    lang,
    media,
    moderation,
    myreports,
    natural,
    on_behalf,
    people,
    places,
    privacy,
    receptions,
    recognition,
    register,
    registry,
    rental,
    reports,
    settings,
    staff_clubs,
    start,
    stats,
    votes,
)
from storage.models import Role


def forms_routers() -> list[Router]:
    """Every form of the bot (aiogram-dialog dialogs), each behind the role that may fill it."""
    return [
        forms.interrupted,
        ideas.idea_dialog,
        ideas.addition_dialog,
        register.register_dialog,
        contests.application_dialog,
        jury.jury_dialog,
        clubs.signup_dialog,
        # Votes: residents' homes; staff's and elders' votes (the right is checked at each step).
        votes.home_dialog,
        votes.vote_dialog,
        natural.natural_dialog,  # what a message sent outside any form is
        # One typed answer (a reason, a comment, a message): each answer checks its own right.
        forms.asked,
        # Staff fill in the report too, for an elder who phoned (/forperson).
        _area(
            "elder-forms",
            HasRole(Role.ELDER, Role.STAFF, Role.ADMIN),
            reports.report_dialog,
            gatherings.gather_dialog,
        ),
        _area(
            "staff-forms",
            IsStaff(),
            announce.announce_dialog,
            staff_clubs.item_dialog,
            center_card.card_dialog,
            votes.paper_dialog,
            votes.project_dialog,
            on_behalf.for_person_dialog,
            receptions.reception_dialog,
            media.media_dialog,
        ),
        _area(
            "admin-forms",
            IsAdmin(),
            contests_admin.contest_dialog,
            registry.registry_dialog,
            people.people_dialog,
            forms.confirm_send,  # a city- or district-wide send after its preview
            invitations.invite_dialog,
        ),
    ]


def _detach_module_routers() -> None:
    """Module routers (and dialogs) are process-wide; a new Dispatcher in the same process (tests,
    benchmarks) takes them over from the previous one."""
    for name, module in list(sys.modules.items()):
        if name.startswith(f"{__name__}."):
            for value in vars(module).values():
                if isinstance(value, Router):
                    value._parent_router = None


def _area(name: str, role_filter: HasRole, *children: Router) -> Router:
    """A group of feature routers for one role: the role is checked once for the whole group,
    so other users' updates skip all of it."""
    area = Router(name=name)
    area.message.filter(role_filter)
    area.callback_query.filter(role_filter)
    area.include_routers(*children)
    return area


def get_routers() -> list[Router]:
    _detach_module_routers()
    return [
        forms.errors_router,  # a button of a form that is over
        errors.router,
        common.router,  # /cancel works in every state
        centers.router,  # the most used screens first: fewer routers to pass on the way
        votes.router,  # a vote's invitation brings thousands of taps within minutes
        receptions.router,  # «📅 Приёмы» from a center's card; /receptions checks staff itself
        rental.router,  # «🏸 Прокат» likewise; /rental checks staff itself
        start.router,
        places.router,
        clubs.router,
        help.router,
        lang.router,
        privacy.router,
        settings.router,
        _area("elders", HasRole(Role.ELDER), reports.router, myreports.router),
        gatherings.router,  # «Иду» for everyone; /plan checks the elder's territories itself
        register.router,  # after the elders' area: answers /report for everyone else
        _area(
            "staff",
            IsStaff(),
            elders_staff.router,
            moderation.router,
            staff_clubs.router,
            center_card.router,
            announce.router,
            ideas.staff_router,
            votes.staff_router,
            on_behalf.router,
            media.router,
            stats.router,
            admin.staff_router,
            _area(
                "admins",
                IsAdmin(),
                contests_admin.router,
                registry.router,
                stats.admin_router,
                admin.router,
            ),
        ),
        contests.router,
        jury.router,
        ideas.router,
        recognition.router,  # /myrecord for everyone; /ranking and /awards check the role
        invitations.router,  # «Приду» for the guests; /invite checks the admin
        fallback.stray_buttons,  # a button no router took and no form made: stale
        *forms_routers(),  # after commands and menu buttons: they are answered in a form too
        natural.router,  # words or a photo outside any form: «Это идея? Отчёт? Кружок?»
        fallback.router,  # catch-alls last
    ]
