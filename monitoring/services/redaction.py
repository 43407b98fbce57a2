"""Redaction (Woo 5.1.2e) of the raadsmededeling: which texts, through the core engine.

The engine itself is inclusie/redaction.py (one for every publication); the
preview, the adviser's decisions and the log are inclusie/publicatie.py.
"""

from __future__ import annotations

from monitoring.models import OpenbaarAmbtsdrager, Raadsmededeling


def publicatie_teksten(mededeling: Raadsmededeling) -> dict[str, str]:
    """Every text of the raadsmededeling that the public version shows.

    The public PDF renders only these (redacted) texts: a new section or any
    other free text the document gets must be added here, or it is published
    unredacted. tests/monitoring/test_publication.py reads the published PDF back.
    """
    return {k: getattr(mededeling, k) or "" for k in ("onderwerp", *Raadsmededeling.SECTIONS)}


# --- what this app adds to the engine's sources (registered in apps.py) ---------


def office_holders():
    return OpenbaarAmbtsdrager.objects.filter(actief=True).values_list("naam", flat=True)
