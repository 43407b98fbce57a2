"""Home panel: hours this week against plan, budget used, end date near (three queries)."""

from __future__ import annotations

from opdracht import selectors


def opdracht_stand(request) -> dict:
    opdracht = selectors.huidige_opdracht()
    if opdracht is None:
        return {"stand": None}
    return {"stand": selectors.stand(opdracht)}
