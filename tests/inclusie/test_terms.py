"""The gemeente's word for a pijler is used grammatically everywhere ("elk speerpunt").

Regression for issue 14: with the term set to "speerpunt" pages said "in elke
speerpunt", "Nieuwe speerpunt" and "deze speerpunt".
"""

import importlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from inclusie.constants import Role
from inclusie.models import GemeenteProfiel
from inclusie.terms import Term, guess_lidwoord, known_lidwoord
from monitoring.prose import Fact, sentence
from pijlers.models import Lidmaatschap
from tests.ambassadeurs.factories import AmbassadeurFactory
from tests.deal.factories import LidmaatschapFactory, PijlerFactory
from tests.factories import GemeenteProfielFactory

# An inflected word before a het-word: wrong Dutch whatever the page.
WRONG_HET = re.compile(r"\b(elke|Elke|nieuwe|Nieuwe|deze|Deze|welke|Welke|de|De) speerpunt\b")


def nl(fn):
    with translation.override("nl"):
        return fn()


def test_term_forms_for_a_de_word_and_a_het_word():
    pijler = Term("pijler", "pijlers", "de")
    speerpunt = Term("speerpunt", "speerpunten", "het")
    forms = ("de", "een", "elke", "nieuwe", "deze", "welke", "alle", "de_meervoud")
    assert nl(lambda: [getattr(pijler, f) for f in forms]) == [
        "de pijler",
        "een pijler",
        "elke pijler",
        "nieuwe pijler",
        "deze pijler",
        "welke pijler",
        "alle pijlers",
        "de pijlers",
    ]
    assert nl(lambda: [getattr(speerpunt, f) for f in forms]) == [
        "het speerpunt",
        "een speerpunt",
        "elk speerpunt",
        "nieuw speerpunt",
        "dit speerpunt",
        "welk speerpunt",
        "alle speerpunten",
        "de speerpunten",
    ]
    assert nl(lambda: (speerpunt.De, speerpunt.Elke, speerpunt.Nieuwe, speerpunt.Deze)) == (
        "Het speerpunt",
        "Elk speerpunt",
        "Nieuw speerpunt",
        "Dit speerpunt",
    )
    assert (speerpunt.Enkelvoud, speerpunt.Meervoud, str(speerpunt)) == (
        "Speerpunt",
        "Speerpunten",
        "speerpunt",
    )
    # capfirst, not str.capitalize: the rest of a word keeps its capitals.
    assert Term("ICT-lijn", "ICT-lijnen", "de").Nieuwe.startswith("Nieuwe ICT-lijn")


@pytest.mark.parametrize(
    "woord, lidwoord",
    [
        ("pijler", "de"),
        ("speerpunt", "het"),
        ("uitvoeringslijn", "de"),
        ("Programmalijn", "de"),
        ("thema", "het"),
        ("aandachtsgebied", "het"),
        ("werkgroep", "de"),
        ("kwartier", "de"),  # unknown: de
    ],
)
def test_guessed_article(woord, lidwoord):
    assert guess_lidwoord(woord) == lidwoord


def test_known_article_ignores_unknown_words():
    assert known_lidwoord("kwartier") is None and known_lidwoord("") is None


@pytest.mark.django_db
def test_migration_sets_the_article_of_existing_profiles():
    migration = importlib.import_module("inclusie.migrations.0006_gemeente_term_lidwoord")
    assert [migration.guess(w) for w in ("pijler", "speerpunt", "uitvoeringslijn", "iets")] == [
        "de",
        "het",
        "de",
        "de",
    ]


@pytest.mark.django_db
def test_profile_refuses_a_wrong_article_and_an_article_in_the_word():
    profiel = GemeenteProfiel.load()
    profiel.term_pijler, profiel.term_pijlers, profiel.term_lidwoord = (
        "speerpunt",
        "speerpunten",
        "de",
    )
    with translation.override("nl"), pytest.raises(ValidationError) as err:
        profiel.full_clean()
    assert "Het is 'het speerpunt'" in str(err.value.message_dict["term_lidwoord"])
    profiel.term_pijler, profiel.term_lidwoord = "het speerpunt", "het"
    with pytest.raises(ValidationError) as err:
        profiel.full_clean()
    assert "term_pijler" in err.value.message_dict
    # An unknown word takes whichever article the beheerder chooses.
    profiel.term_pijler, profiel.term_pijlers, profiel.term_lidwoord = (
        "kwartier",
        "kwartieren",
        "het",
    )
    profiel.full_clean()


@pytest.mark.django_db
def test_beheerder_chooses_the_article_on_the_profile_form(client_for):
    client = client_for(Role.BEHEERDER)
    data = {
        "naam": "Gemeente Rijnstad",
        "gemeentecode": "GM0202",
        "programmanaam": "Inclusieve Stad",
        "term_pijler": "speerpunt",
        "term_pijlers": "speerpunten",
    }
    form = client.get(reverse("gemeente-profiel")).content.decode()
    assert 'name="term_lidwoord"' in form and 'type="radio"' in form
    refused = client.post(reverse("gemeente-profiel"), {**data, "term_lidwoord": "de"})
    assert refused.status_code == 200 and "het speerpunt" in refused.content.decode()
    saved = client.post(reverse("gemeente-profiel"), {**data, "term_lidwoord": "het"})
    assert saved.status_code == 302
    assert GemeenteProfiel.load().term.elke == "elk speerpunt"


@pytest.fixture
def speerpunt_gemeente():
    return GemeenteProfielFactory(
        term_pijler="speerpunt", term_pijlers="speerpunten", term_lidwoord="het"
    )


@pytest.mark.django_db
def test_pages_say_elk_nieuw_dit_speerpunt(client_for, speerpunt_gemeente):
    zonder = PijlerFactory(naam="Toegankelijkheid")
    met = PijlerFactory(naam="Werk")
    LidmaatschapFactory(pijler=met, rol=Lidmaatschap.Rol.AMBASSADEUR)
    ambassadeur = AmbassadeurFactory()

    client = client_for(Role.KWARTIERMAKER)
    pages = {
        "home": client.get(reverse("home")).content.decode(),
        "list": client.get(reverse("pijlers:list")).content.decode(),
        "zonder": client.get(zonder.get_absolute_url()).content.decode(),
        "met": client.get(met.get_absolute_url()).content.decode(),
        "ambassadeur": client.get(
            reverse("ambassadeur-detail", args=[ambassadeur.pk])
        ).content.decode(),
        "ambassadeurs": client.get(reverse("ambassadeur-list")).content.decode(),
    }
    beheerder = client_for(Role.BEHEERDER)
    pages["create"] = beheerder.get(reverse("pijlers:create")).content.decode()

    assert "Aan elk speerpunt neemt minstens één ambassadeur deel" in pages["list"]
    assert "Nieuw speerpunt</a>" in pages["list"]  # the kwartiermaker's button
    assert "Nieuw speerpunt" in pages["create"]
    assert "Aan elk speerpunt hoort minstens één ambassadeur deel te nemen" in pages["home"]
    assert "dit speerpunt heeft nog geen ambassadeur" in pages["zonder"]
    assert "Aan dit speerpunt neemt 1 ambassadeur deel" in pages["met"]
    assert "Aan een speerpunt toevoegen" in pages["ambassadeur"]
    assert "Alle speerpunten" in pages["ambassadeurs"]
    for name, html in pages.items():
        assert not WRONG_HET.search(html), (name, WRONG_HET.search(html))
        assert "pijler" not in re.sub(r'(href|action|id|for|name|class)="[^"]*"', "", html).replace(
            "pijlers/", ""
        ).lower().replace("ambassadeur-pijler", ""), name


@pytest.mark.django_db
def test_home_panel_when_every_speerpunt_has_an_ambassador(client_for, speerpunt_gemeente):
    LidmaatschapFactory(pijler=PijlerFactory(), rol=Lidmaatschap.Rol.AMBASSADEUR)
    html = client_for(Role.KWARTIERMAKER).get(reverse("home")).content.decode()
    assert "Aan elk speerpunt neemt minstens één ambassadeur deel." in html


def test_raadsmededeling_sentence_inflects_the_term():
    ctx = {"term_pijler": "speerpunt", "term_pijlers": "speerpunten", "term_lidwoord": "het"}

    def fact(value):
        return Fact("pijlers.zonder_ambassadeur", "Speerpunten zonder ambassadeur", "", value, None)

    with translation.override("nl"):
        assert sentence(fact({}), {}, ctx) == "Elk speerpunt heeft een ambassadeur."
        assert (
            sentence(fact({"Werk": 0}), {}, ctx) == "Het speerpunt Werk heeft nog geen ambassadeur."
        )
        assert sentence(fact({"Werk": 0, "Wonen": 0}), {}, ctx) == (
            "De speerpunten Werk en Wonen hebben nog geen ambassadeur."
        )
        de = {"term_pijler": "pijler", "term_pijlers": "pijlers"}  # an old snapshot's context
        assert sentence(fact({}), {}, de) == "Elke pijler heeft een ambassadeur."


@pytest.mark.django_db
def test_dashboard_heading_and_warning_use_the_term(speerpunt_gemeente):
    from inclusie.registry import figure, figure_section

    with translation.override("nl"):
        assert str(figure_section("pijlers").heading) == "Speerpunten"
        assert str(figure("pijlers.zonder_ambassadeur").label) == "Speerpunten zonder ambassadeur"
