"""The reference data (municipalities, districts, centers, committees) as an in-memory snapshot.

It is read on almost every update, so it is loaded once instead of queried each time. Whoever
changes the reference rows publishes the new snapshot's fingerprint (`publish`, in app_state);
with several processes, each compares it with its own on every update (`refresh_if_changed`) and
reloads in place, so every holder of the Directory object sees the change."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Action, AppState, Center, Committee, District, Municipality

VERSION_KEY = "directory"


@dataclass(frozen=True)
class MunicipalityRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class DistrictRef:
    id: int
    code: str
    name: str
    municipality: MunicipalityRef
    lat: float | None
    lon: float | None

    @property
    def municipality_id(self) -> int:
        return self.municipality.id

    @property
    def full_name(self) -> str:
        return f"{self.municipality.name}, {self.name}"


@dataclass(frozen=True)
class CenterRef:
    id: int
    code: str
    name: str
    district: DistrictRef
    address: str | None
    phone: str | None
    hours: str | None
    lat: float | None
    lon: float | None
    link: str | None = None
    rental: str | None = None
    consultations: str | None = None
    collection: str | None = None

    @property
    def district_id(self) -> int:
        return self.district.id


@dataclass(frozen=True)
class CommitteeRef:
    id: int
    code: str
    name: str
    municipality: MunicipalityRef
    district: DistrictRef | None


@dataclass(frozen=True)
class ActionRef:
    id: int
    code: str
    name: str


@dataclass
class Directory:
    _municipalities: dict[int, MunicipalityRef] = field(default_factory=dict)
    _districts: dict[int, DistrictRef] = field(default_factory=dict)
    _centers: dict[int, CenterRef] = field(default_factory=dict)
    _committees: dict[int, CommitteeRef] = field(default_factory=dict)
    _actions: dict[int, ActionRef] = field(default_factory=dict)
    version: str = ""

    @classmethod
    async def load(cls, session: AsyncSession) -> Directory:
        d = cls()
        for m in (
            await session.execute(
                select(Municipality).where(Municipality.active).order_by(Municipality.sort)
            )
        ).scalars():
            d._municipalities[m.id] = MunicipalityRef(m.id, m.code, m.name)
        for ds in (
            await session.execute(select(District).where(District.active).order_by(District.sort))
        ).scalars():
            if ds.municipality_id in d._municipalities:
                d._districts[ds.id] = DistrictRef(
                    ds.id, ds.code, ds.name, d._municipalities[ds.municipality_id], ds.lat, ds.lon
                )
        for c in (
            await session.execute(select(Center).where(Center.active).order_by(Center.name))
        ).scalars():
            if c.district_id in d._districts:
                d._centers[c.id] = CenterRef(
                    c.id,
                    c.code,
                    c.name,
                    d._districts[c.district_id],
                    c.address,
                    c.phone,
                    c.hours,
                    c.lat,
                    c.lon,
                    c.link,
                    c.rental,
                    c.consultations,
                    c.collection,
                )
        for k in (
            await session.execute(
                select(Committee).where(Committee.active).order_by(Committee.name)
            )
        ).scalars():
            if k.municipality_id in d._municipalities:
                d._committees[k.id] = CommitteeRef(
                    k.id,
                    k.code,
                    k.name,
                    d._municipalities[k.municipality_id],
                    d._districts.get(k.district_id) if k.district_id else None,
                )
        for a in (
            await session.execute(select(Action).where(Action.active).order_by(Action.sort))
        ).scalars():
            d._actions[a.id] = ActionRef(a.id, a.code, a.name)
        d.version = d.fingerprint()
        return d

    def fingerprint(self) -> str:
        content = repr(
            (self._municipalities, self._districts, self._centers, self._committees, self._actions)
        )
        return hashlib.sha256(content.encode()).hexdigest()[:32]

    def replace_with(self, other: Directory) -> None:
        self._municipalities = other._municipalities
        self._districts = other._districts
        self._centers = other._centers
        self._committees = other._committees
        self._actions = other._actions
        self.version = other.version

    async def publish(self, session: AsyncSession) -> None:
        """Tell other processes this snapshot is current (the caller commits)."""
        row = await session.get(AppState, VERSION_KEY)
        if row is None:
            session.add(AppState(key=VERSION_KEY, value=self.version))
        elif row.value != self.version:
            row.value = self.version

    async def refresh_if_changed(self, session: AsyncSession) -> bool:
        """Reload when another process published a different snapshot (one small read)."""
        published = await session.scalar(select(AppState.value).where(AppState.key == VERSION_KEY))
        if published is None or published == self.version:
            return False
        self.replace_with(await Directory.load(session))
        return True

    def actions(self) -> list[ActionRef]:
        return list(self._actions.values())

    def action(self, action_id: int | None) -> ActionRef | None:
        return self._actions.get(action_id) if action_id else None

    def municipalities(self) -> list[MunicipalityRef]:
        return list(self._municipalities.values())

    def municipality(self, municipality_id: int | None) -> MunicipalityRef | None:
        return self._municipalities.get(municipality_id) if municipality_id else None

    def districts(self, municipality_id: int) -> list[DistrictRef]:
        return [d for d in self._districts.values() if d.municipality.id == municipality_id]

    def district(self, district_id: int | None) -> DistrictRef | None:
        return self._districts.get(district_id) if district_id else None

    def all_districts(self) -> list[DistrictRef]:
        """Every district, municipality by municipality."""
        return [d for m in self.municipalities() for d in self.districts(m.id)]

    def find_district(self, words: str) -> DistrictRef | None:
        """A district as a person names it: its code, its name, or the first word of its name
        when only one district has it («Рудничный»)."""
        words = words.strip().lower()
        exact = [d for d in self.all_districts() if words in (d.code, d.name.lower())]
        found = exact or [d for d in self.all_districts() if d.name.lower().split()[0] == words]
        return found[0] if len(found) == 1 else None

    def centers(self, district_id: int) -> list[CenterRef]:
        return [c for c in self._centers.values() if c.district.id == district_id]

    def all_centers(self) -> list[CenterRef]:
        return list(self._centers.values())

    def center(self, center_id: int | None) -> CenterRef | None:
        return self._centers.get(center_id) if center_id else None

    def center_by_code(self, code: str) -> CenterRef | None:
        return next((c for c in self._centers.values() if c.code == code), None)

    def committees(
        self, municipality_id: int, district_id: int | None = None
    ) -> list[CommitteeRef]:
        """Committees of a municipality: those of the district first, then those with no district."""
        found = [k for k in self._committees.values() if k.municipality.id == municipality_id]
        if district_id is None:
            return found
        return [k for k in found if k.district and k.district.id == district_id] + [
            k for k in found if k.district is None
        ]

    def committee(self, committee_id: int | None) -> CommitteeRef | None:
        return self._committees.get(committee_id) if committee_id else None
