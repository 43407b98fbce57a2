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
    ]
    pages += verkenning_pages()
    return pages


def verkenning_pages() -> list[tuple[str, str, str, float]]:
    """The verkenning form of the first verkenning (the bench runs on demo data)."""
    from inclusie.models import Verkenning

    first = Verkenning.objects.filter(eigenaar__username="beleidsadviseur").order_by("pk").first()
    if first is None:
        return []
    return [("verkenning-formulier", "beleidsadviseur", first.get_absolute_url(), KEY_TARGET)]
