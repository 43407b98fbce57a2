import pytest

from inclusie import registry
from inclusie.registry import FLOW, STOCK, Figure, warn_when_any


@pytest.fixture
def fake_figures():
    """Register figures like the other apps will; removed again after the test."""
    from inclusie.models import Organisatie

    added = [
        Figure(
            "deal.partners_per_stage",
            "Partners per fase",
            lambda s, e: {
                "verkend": 3,
                "in gesprek": 2,
                "ondertekend": Organisatie.objects.count(),
            },
            kind=STOCK,
        ),
        Figure("deal.ondertekend", "Ondertekend", lambda s, e: 5, unit="partners", kind=FLOW),
        Figure(
            "pijlers.zonder_ambassadeur",
            "Pijlers zonder ambassadeur",
            lambda s, e: {"Werk": 0},
            kind=STOCK,
            warning=warn_when_any,
        ),
        Figure(
            "klankbord.reacties_te_laat",
            "Reacties te laat",
            lambda s, e: 0,
            kind=STOCK,
            warning=warn_when_any,
        ),
        Figure("nieuwegroep.iets", "Iets nieuws", lambda s, e: 7, kind=FLOW),
    ]
    saved = dict(registry._figures)
    for fig in added:
        registry.register_figure(fig)
    yield added
    # Restore the real figures the fakes replaced (e.g. pijlers.zonder_ambassadeur).
    registry._figures.clear()
    registry._figures.update(saved)
