"""Feature routers in the order they are tried; catch-alls last."""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    centers,
    common,
    errors,
    fallback,
    help,
    lang,
    menu,
    places,
    privacy,
    start,
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
        admin.staff_router,
        admin.router,
        menu.router,
        fallback.router,
    ]
    for router in routers:
        # Module routers are process-wide; a new Dispatcher in the same process (tests, benchmarks)
        # takes them over from the previous one.
        router._parent_router = None
    return routers
