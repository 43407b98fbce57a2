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
    teksten = {k: getattr(mededeling, k) or "" for k in ("onderwerp", *Raadsmededeling.SECTIONS)}
    labels = appendix_labels(mededeling)
    if labels:
        # The appendix's labels go through the same engine in the PDF (`{% lakt %}`); here
        # they are one text, so the preview shows their redactions, the fingerprint covers
        # them and the log counts them.
        teksten["bijlage"] = "; ".join(labels)
    return teksten


def appendix_labels(mededeling: Raadsmededeling) -> list[str]:
    """The labels of the appendix's tables and charts, each once, in the order printed."""
    from monitoring.periods import Period
    from monitoring.selectors import report_appendix
    from monitoring.services.raadsmededeling import mededeling_snapshot

    snapshot = mededeling_snapshot(mededeling)
    sections = report_appendix(
        Period.parse(mededeling.periode),
        with_charts=False,
        versie=snapshot.versie if snapshot else None,
    )
    labels = [str(row[0]) for s in sections for fig in s["breakdowns"] for row in fig["rows"]]
    return list(dict.fromkeys(label for label in labels if label.strip()))


# --- what this app adds to the engine's sources (registered in apps.py) ---------


def office_holders():
    return OpenbaarAmbtsdrager.objects.filter(actief=True).values_list("naam", flat=True)
