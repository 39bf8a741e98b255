"""A contest's life after the deadline: jury stages, sending the best up to the city stage,
places, results. Plain code over the repository (no Telegram)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiogram_i18n import I18nContext

from bot.exports import header_row, workbook_bytes
from bot.services.contests import ContestNotices, Ranked, places, rank, templates
from bot.services.validation import InputError
from bot.views import plain_name
from storage.models import (
    Application,
    ApplicationStatus,
    Contest,
    ContestStage,
    Juror,
    Nomination,
    User,
)
from storage.repositories.audit import AuditRepository
from storage.repositories.contests import ContestRepository
from storage.repositories.directory import Directory
from storage.repositories.users import UserRepository


def stages_of(contest: Contest) -> list[str]:
    return [s for s in contest.stages.split(",") if s in ("district", "city")] or ["city"]


def final_stage(contest: Contest) -> str:
    return stages_of(contest)[-1]


async def ranking(
    contest: Contest, contests: ContestRepository, stage: str | None = None
) -> dict[int, list[Ranked]]:
    stage = stage or final_stage(contest)
    status = (
        ApplicationStatus.CITY if stage == "city" and "district" in stages_of(contest) else None
    )
    entries = [
        a
        for a in await contests.of_contest(contest.id)
        if status is None or a.status is status or a.place
    ]
    return rank(
        await contests.score_rows(contest.id, stage), {a.id: a.nomination_id for a in entries}
    )


@dataclass
class StageChange:
    stage: ContestStage
    advanced: int = 0  # entries sent up to the city stage
    ties: list[list[int]] | None = None


async def next_stage(contest: Contest, contests: ContestRepository) -> StageChange:
    """apply → (district →) city → ranking. Leaving the district stage sends the best
    `advance_per_district` entries of each district and nomination up; entering ranking fixes the
    places that are not tied."""
    order = [
        ContestStage.APPLY,
        *[ContestStage(s) for s in stages_of(contest)],
        ContestStage.RANKING,
    ]
    if contest.stage not in order[:-1]:
        return StageChange(contest.stage)
    leaving = contest.stage
    contest.stage = order[order.index(leaving) + 1]
    change = StageChange(contest.stage)
    if leaving is ContestStage.DISTRICT:
        change.advanced = await _advance(contest, contests)
    if contest.stage is ContestStage.RANKING:
        change.ties = await _fix_places(contest, contests)
    await contests.session.flush()
    return change


async def _advance(contest: Contest, contests: ContestRepository) -> int:
    applications = {a.id: a for a in await contests.of_contest(contest.id)}
    by_group: dict[tuple[int, int], list[Ranked]] = {}
    for entries in (await ranking(contest, contests, "district")).values():
        for entry in entries:
            a = applications[entry.application_id]
            by_group.setdefault((a.nomination_id, a.district_id), []).append(entry)
    advanced = 0
    for entries in by_group.values():
        for entry in entries[: contest.advance_per_district]:
            if entry.jurors:  # unscored entries do not go up
                applications[entry.application_id].status = ApplicationStatus.CITY
                advanced += 1
    return advanced


async def _fix_places(contest: Contest, contests: ContestRepository) -> list[list[int]]:
    ties = []
    applications = {a.id: a for a in await contests.of_contest(contest.id)}
    for entries in (await ranking(contest, contests)).values():
        fixed, tied = places([e for e in entries if e.jurors])
        for application_id, place in fixed.items():
            applications[application_id].place = place
        if tied:
            ties.append(tied)
    return ties


def winners_of(applications: Sequence[Application]) -> list[Application]:
    """Places 1–3, by nomination and place: what publishing will announce."""
    placed = [a for a in applications if a.place and 1 <= a.place <= 3]
    return sorted(placed, key=lambda a: (a.nomination_id, a.place or 0))


async def publish(contest: Contest, contests: ContestRepository) -> list[Application]:
    """Winners (places 1–3) and participants; returns the winners."""
    applications = await contests.of_contest(contest.id)
    winners = winners_of(applications)
    for a in applications:
        if a in winners:
            a.status = ApplicationStatus.WINNER
        else:
            a.status = ApplicationStatus.PARTICIPANT
            a.place = None
    contest.stage = ContestStage.PUBLISHED
    await contests.session.flush()
    return winners


async def unresolved(contest: Contest, contests: ContestRepository) -> list[list[int]]:
    """Tied groups that still have no place set by the admin."""
    placed = {a.id for a in await contests.of_contest(contest.id) if a.place}
    out = []
    for entries in (await ranking(contest, contests)).values():
        _, tied = places([e for e in entries if e.jurors])
        if tied and not any(t in placed for t in tied):
            out.append(tied)
    return out


MAX_NOMINATIONS = 20


def parse_nominations(text: str | None) -> list[dict[str, str]]:
    """One nomination per line (up to 20, each up to 200 characters)."""
    names = [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
    if not names or len(names) > MAX_NOMINATIONS or any(len(n) > 200 for n in names):
        raise InputError("cadmin-bad-nominations", most=MAX_NOMINATIONS)
    return [{"name": n, "address": "house"} for n in names]


async def create_contest(
    contests: ContestRepository,
    notices: ContestNotices,
    audit: AuditRepository,
    author_id: int,
    draft: dict[str, Any],
    criteria: str,
    now: datetime,
) -> Contest:
    """A contest from a template or from scratch, opened at once: its «конкурс открыт» is queued."""
    template = next((t for t in templates() if t["code"] == draft.get("template")), None) or {}
    nominations: list[dict[str, str]] = template.get("nominations") or draft["nominations"]  # type: ignore[assignment]
    contest = await contests.add(
        Contest(
            template=draft.get("template"),
            title=template.get("title") or draft["title"],
            description=template.get("description", ""),
            audience=draft["audience"],
            audience_id=draft.get("audience_id"),
            applicants=template.get("applicants", "residents,elders"),
            stages=template.get("stages", "district,city"),
            deadline=datetime.fromisoformat(draft["deadline"]),
            criteria=criteria,
            created_by=author_id,
            nominations=[
                Nomination(position=i, name=n["name"], address=n["address"])
                for i, n in enumerate(nominations)
            ],
        )
    )
    await notices.opened(contests.session, contest, now)
    await audit.write(author_id, "contest.create", None, contest=contest.id)
    return contest


async def add_juror(
    contests: ContestRepository,
    audit: AuditRepository,
    actor_id: int,
    contest: Contest,
    target: User,
    stage: str,
    district_id: int | None,
) -> Juror:
    """A juror of one stage of the contest; judges no entries of their own district (`district_id`:
    where they work or live)."""
    if stage not in stages_of(contest):
        raise InputError("button-stale")
    juror = await contests.add_juror(
        Juror(contest_id=contest.id, user_id=target.id, stage=stage, district_id=district_id)
    )
    if juror is None:
        raise InputError("jury-exists")
    await audit.write(actor_id, "contest.juror", target.id, contest=contest.id, stage=stage)
    return juror


async def set_place(
    contests: ContestRepository,
    audit: AuditRepository,
    actor_id: int,
    application_id: int,
    place: int,
) -> Application:
    """An admin's place (1–3) for a tied entry, at the ranking stage only."""
    application = await contests.application(application_id)
    contest = await contests.get(application.contest_id) if application else None
    if application is None or contest is None or not 1 <= place <= 3:
        raise InputError("button-stale")
    if contest.stage is not ContestStage.RANKING:
        raise InputError("cadmin-place-wrong-stage")
    application.place = place
    await audit.write(actor_id, "contest.place", None, application=application.id, place=place)
    return application


MAX_RULES = 3000
MAX_CRITERIA = 6
CRITERION_LENGTH = (2, 40)  # letters of a criterion's name


def parse_criteria(text: str | None) -> str:
    """What jurors score, one per line (or separated by «;»): 1–6 short names."""
    names = [" ".join(n.split()) for n in re.split(r"[;\n]+", text or "") if n.strip()]
    shortest, longest = CRITERION_LENGTH
    if not 1 <= len(names) <= MAX_CRITERIA or any(not shortest <= len(n) <= longest for n in names):
        raise InputError(
            "cadmin-bad-criteria", max=MAX_CRITERIA, shortest=shortest, longest=longest
        )
    return ";".join(names)


def change_criteria(contest: Contest, criteria: str) -> None:
    """Only while entries are taken: a juror's scores are for the criteria they saw."""
    if contest.stage is not ContestStage.APPLY:
        raise InputError("cadmin-criteria-late")
    contest.criteria = criteria


async def contest_workbook(
    contest: Contest,
    contests: ContestRepository,
    users: UserRepository,
    directory: Directory,
    i18n: I18nContext,
) -> bytes:
    """Applications and scores as XLSX, in words: statuses, stages and jurors by name."""
    names = {n.id: n.name for n in contest.nominations}
    ranked = {
        e.application_id: e
        for entries in (await ranking(contest, contests)).values()
        for e in entries
    }
    applications: list[list[object]] = [header_row(i18n, "xlsx-head-applications")]
    for a in await contests.of_contest(contest.id):
        entry = ranked.get(a.id)
        district = directory.district(a.district_id)
        applications.append(
            [
                a.id,
                names.get(a.nomination_id, ""),
                district.name if district else "—",
                a.address_text,
                a.responsible_name or "",
                a.responsible_phone or "",
                i18n.get(f"app-status-{a.status.value}", place=a.place or 0),
                a.place or "",
                entry.total if entry else 0,
            ]
        )
    crit = [c.strip() for c in contest.criteria.split(";")]
    jurors: dict[int, str] = {}
    for j in await contests.jurors(contest.id):
        person = await users.get(j.user_id)
        jurors[j.id] = plain_name(person) if person else "—"
    scores: list[list[object]] = [header_row(i18n, "xlsx-head-scores")]
    for sc in await contests.all_scores(contest.id):
        scores.append(
            [
                sc.application_id,
                jurors.get(sc.juror_id, "—"),
                i18n.get(f"jury-stage-{sc.stage}"),
                crit[sc.criterion] if sc.criterion < len(crit) else sc.criterion,
                sc.value,
                sc.comment or "",
            ]
        )
    sheets = {
        i18n.get("xlsx-sheet-applications"): applications,
        i18n.get("xlsx-sheet-scores"): scores,
    }
    return await asyncio.to_thread(workbook_bytes, sheets)
