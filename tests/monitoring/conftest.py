import pytest

from inclusie import registry
from inclusie.registry import Figure


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
        ),
        Figure("deal.ondertekend", "Ondertekend", lambda s, e: 5, unit="partners"),
        Figure(
            "pijlers.zonder_ambassadeur", "Pijlers zonder ambassadeur", lambda s, e: {"Werk": 0}
        ),
        Figure("klankbord.reacties_te_laat", "Reacties te laat", lambda s, e: 0),
        Figure("nieuwegroep.iets", "Iets nieuws", lambda s, e: 7),
    ]
    saved = dict(registry._figures)
    for fig in added:
        registry.register_figure(fig)
    yield added
    # Restore the real figures the fakes replaced (e.g. pijlers.zonder_ambassadeur).
    registry._figures.clear()
    registry._figures.update(saved)
