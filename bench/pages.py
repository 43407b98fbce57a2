"""The key pages the benchmarks measure: (label, role, path, target ratio to /health/)."""

from __future__ import annotations

from django.urls import reverse

KEY_TARGET = 0.25
FAST_TARGET = 0.5


def key_pages() -> list[tuple[str, str, str, float]]:
    pages = [
        (f"home ({role})", role, reverse("home"), KEY_TARGET)
        for role in (
            "kwartiermaker",
            "beleidsadviseur",
            "wethouder",
            "klankbordlid",
            "ambassadeur",
            "beheerder",
        )
    ]
    pages += [
        ("personen", "kwartiermaker", reverse("persoon-list"), KEY_TARGET),
        ("organisaties", "kwartiermaker", reverse("organisatie-list"), KEY_TARGET),
        ("openbaar", "", reverse("openbaar"), FAST_TARGET),
        ("dashboard", "wethouder", reverse("dashboard"), FAST_TARGET),
    ]
    return pages
