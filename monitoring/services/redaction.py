"""Redaction (Woo 5.1.2e) of personal names in published texts."""

from __future__ import annotations

import re

from inclusie.models import GemeenteProfiel, Persoon, User
from monitoring.constants import (
    WOO_GROND_PERSOONSGEGEVENS,
)
from monitoring.models import (
    OpenbaarAmbtsdrager,
)

# --- veranderverhaal, indicators, measurements, stories ---------------------------


REDACTED = "[gelakt: {grond}]"


def personal_names() -> list[str]:
    """Names of people known to the portal, longest first (so full names win)."""
    names = set(Persoon.objects.exclude(naam="").values_list("naam", flat=True))
    names |= set(User.objects.exclude(naam="").values_list("naam", flat=True))
    allowed = {
        n.strip().lower() for n in OpenbaarAmbtsdrager.objects.values_list("naam", flat=True)
    }
    portefeuillehouder = GemeenteProfiel.load().portefeuillehouder.strip().lower()
    if portefeuillehouder:
        allowed.add(portefeuillehouder)
    return sorted(
        (n.strip() for n in names if len(n.strip()) >= 3 and n.strip().lower() not in allowed),
        key=len,
        reverse=True,
    )


def redact(texts: dict[str, str], names: list[str]) -> tuple[dict[str, str], dict[str, int]]:
    """Replace every personal name with the Woo ground; count what was redacted."""
    counts: dict[str, int] = {}
    if not names:
        return dict(texts), counts
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE
    )
    lookup = {n.lower(): n for n in names}
    marker = REDACTED.format(grond=WOO_GROND_PERSOONSGEGEVENS)

    def substitute(match: re.Match) -> str:
        name = lookup.get(match.group(1).lower(), match.group(1))
        counts[name] = counts.get(name, 0) + 1
        return marker

    return {k: pattern.sub(substitute, v or "") for k, v in texts.items()}, counts
