"""Distances and nearest centers (no Telegram here)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from storage.repositories.directory import CenterRef

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class NearbyCenter:
    center: CenterRef
    km: float
    approximate: bool  # measured to the district's centre because the center's point is unknown


NEARBY_MAX_KM = 50  # a point farther from every center is in another city


def nearest_centers(
    lat: float,
    lon: float,
    centers: Iterable[CenterRef],
    limit: int = 3,
    max_km: float = NEARBY_MAX_KM,
) -> list[NearbyCenter]:
    """The `limit` closest centers within `max_km` (a point in another city finds nothing)."""
    found: list[NearbyCenter] = []
    for center in centers:
        district = center.district
        if center.lat is not None and center.lon is not None:
            found.append(NearbyCenter(center, distance_km(lat, lon, center.lat, center.lon), False))
        elif district.lat is not None and district.lon is not None:
            found.append(
                NearbyCenter(center, distance_km(lat, lon, district.lat, district.lon), True)
            )
    found = [f for f in found if f.km <= max_km]
    found.sort(key=lambda n: (n.km, n.approximate, n.center.name))
    return found[:limit]
