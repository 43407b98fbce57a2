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
    pages += _meeting_pages()
    pages += deal_pages()
    pages += verkenning_pages()
    return pages


def deal_pages() -> list[tuple[str, str, str, float]]:
    """The Deal's key pages; a pijler page needs a real object (the first one)."""
    from pijlers.models import Pijler

    pages = [
        ("deal partners", "kwartiermaker", reverse("deal:partner-list"), KEY_TARGET),
        ("deal pijplijn", "kwartiermaker", reverse("deal:pipeline"), KEY_TARGET),
        ("openbaar deal", "", reverse("deal:openbaar"), FAST_TARGET),
    ]
    pijler = Pijler.objects.order_by("volgorde", "pk").first()
    if pijler is not None:
        pages.append(("pijler", "kwartiermaker", pijler.get_absolute_url(), KEY_TARGET))
    return pages


def _meeting_pages() -> list[tuple[str, str, str, float]]:
    """The detail page of the first meeting (needs the seeded database)."""
    from bijeenkomsten.models import Bijeenkomst

    first = Bijeenkomst.objects.order_by("pk").values_list("pk", flat=True).first()
    if first is None:
        return []
    return [
        ("bijeenkomst", "kwartiermaker", reverse("bijeenkomst-detail", args=[first]), KEY_TARGET)
    ]


def verkenning_pages() -> list[tuple[str, str, str, float]]:
    """The verkenning form of the first verkenning (the bench runs on demo data)."""
    from stappenplan.models import Verkenning

    first = Verkenning.objects.filter(eigenaar__username="beleidsadviseur").order_by("pk").first()
    if first is None:
        return []
    return [("verkenning-formulier", "beleidsadviseur", first.get_absolute_url(), KEY_TARGET)]
