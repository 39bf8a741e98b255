"""Feature routers in the order they are tried; catch-alls last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    announce,
    centers,
    clubs,
    common,
    contests,
    contests_admin,
    elders_staff,
    errors,
    fallback,
    help,
    ideas,
    jury,
    lang,
    moderation,
    myreports,
    places,
    privacy,
    register,
    report,
    settings,
    staff_clubs,
    start,
    stats,
)


def get_routers() -> list[Router]:
    routers = [
        errors.router,
        common.router,  # /cancel works in every state
        start.router,
        places.router,
        help.router,
        lang.router,
        privacy.router,
        centers.router,
        clubs.router,
        settings.router,
        report.router,  # elders only; others fall through to register's answer
        myreports.router,
        register.router,
        elders_staff.router,
        moderation.router,
        staff_clubs.router,
        announce.router,
        contests.router,
        jury.router,
        contests_admin.router,
        ideas.router,
        ideas.staff_router,
        stats.router,
        stats.admin_router,
        admin.staff_router,
        admin.router,
        fallback.router,
    ]
    for router in routers:
        # Module routers are process-wide; a new Dispatcher in the same process (tests, benchmarks)
        # takes them over from the previous one.
        router._parent_router = None
    return routers
