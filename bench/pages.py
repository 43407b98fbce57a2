"""The pages `make bench` measures and the target each must reach (issue 15).

Each page is (label, role, path, kind); `kind` names its target:

- "floor": the signed-in shell (/toegankelijkheid/ while signed in), >= 0.4x /health/;
- "key": the key pages, >= 0.4x the floor;
- "dashboard": >= 0.8x the floor;
- "public": pages without sign-in, >= 0.5x /health/.

For every page p95 <= 3x its own p50, and its query count is the same at every scale.
"""

from __future__ import annotations

from django.urls import reverse

# kind -> (ratio, what it is a ratio of)
TARGETS: dict[str, tuple[float, str]] = {
    "floor": (0.4, "health"),
    "key": (0.4, "floor"),
    "dashboard": (0.8, "floor"),
    "public": (0.5, "health"),
}
P95_OVER_P50 = 3.0
FLOOR = "shell"
ROLES = (
    "kwartiermaker",
    "beleidsadviseur",
    "wethouder",
    "klankbordlid",
    "ambassadeur",
    "beheerder",
)


def key_pages() -> list[tuple[str, str, str, str]]:
    pages = [(FLOOR, "kwartiermaker", reverse("toegankelijkheid"), "floor")]
    pages += [(f"home ({role})", role, reverse("home"), "key") for role in ROLES]
    pages += [
        ("partners", "kwartiermaker", reverse("deal:partner-list"), "key"),
        ("personen", "kwartiermaker", reverse("persoon-list"), "key"),
        ("organisaties", "kwartiermaker", reverse("organisatie-list"), "key"),
        ("bijeenkomsten", "kwartiermaker", reverse("bijeenkomst-list"), "key"),
        ("ambassadeurs", "kwartiermaker", reverse("ambassadeur-list"), "key"),
        ("pijplijn", "kwartiermaker", reverse("deal:pipeline"), "key"),
    ]
    pages += _object_pages()
    pages += [
        ("dashboard", "wethouder", reverse("dashboard"), "dashboard"),
        ("openbaar", "", reverse("openbaar"), "public"),
        ("openbaar deal", "", reverse("deal:openbaar"), "public"),
    ]
    return pages


def _object_pages() -> list[tuple[str, str, str, str]]:
    """Pages of one object: the first pijler, meeting and verkenning of the demo data."""
    from bijeenkomsten.models import Bijeenkomst
    from pijlers.models import Pijler
    from stappenplan.models import Verkenning

    pages = []
    pijler = Pijler.objects.order_by("volgorde", "pk").first()
    if pijler is not None:
        pages.append(("pijler", "kwartiermaker", pijler.get_absolute_url(), "key"))
    meeting = Bijeenkomst.objects.order_by("pk").values_list("pk", flat=True).first()
    if meeting is not None:
        path = reverse("bijeenkomst-detail", args=[meeting])
        pages.append(("bijeenkomst", "kwartiermaker", path, "key"))
    verkenning = (
        Verkenning.objects.filter(eigenaar__username="beleidsadviseur").order_by("pk").first()
    )
    if verkenning is not None:
        pages.append(
            ("verkenning-formulier", "beleidsadviseur", verkenning.get_absolute_url(), "key")
        )
    return pages


def select(pages: list, wanted: str) -> list:
    """The pages whose label contains one of the comma-separated words of `wanted`.

    The floor page always stays: the key pages' targets are ratios of it.
    """
    words = [w.strip() for w in wanted.split(",") if w.strip()]
    if not words:
        return pages
    return [p for p in pages if p[0] == FLOOR or any(w in p[0] for w in words)]
