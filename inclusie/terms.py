"""The gemeente's own word for a pijler, with its article, in grammatical Dutch.

A gemeente calls its thematic tables "pijlers", "speerpunten" or "uitvoeringslijnen".
Dutch inflects the words around a noun by its article: "elke pijler" but "elk
speerpunt", "nieuwe pijler" but "nieuw speerpunt", "deze pijler" but "dit speerpunt".
Templates and code never glue "elke" or "nieuwe" to the term themselves; they ask a
`Term` for the form they need:

    {{ gemeente.term.elke }}      -> "elke pijler" / "elk speerpunt"
    {{ gemeente.term.Nieuwe }}    -> "Nieuwe pijler" / "Nieuw speerpunt"
    {{ gemeente.term.de }}        -> "de pijler" / "het speerpunt"

Lower-case names give the form inside a sentence, capitalised names the same form at
the start of one. Each form goes through gettext, so the English interface reads
"every speerpunt" and the translation pass can word it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import models
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _


class Lidwoord(models.TextChoices):
    DE = "de", _("de")
    HET = "het", _("het")


# Nouns whose article the portal knows. Dutch compounds take the article of their
# last part ("uitvoerings-lijn" is "de"), so a term is matched on its ending.
HET_WOORDEN = (
    "speerpunt",
    "punt",
    "thema",
    "spoor",
    "domein",
    "veld",
    "onderdeel",
    "project",
    "programma",
    "gebied",
    "doel",
    "traject",
    "plan",
    "netwerk",
    "platform",
    "overleg",
    "vraagstuk",
    "cluster",
    "team",
    "terrein",
    "dossier",
)
DE_WOORDEN = (
    "pijler",
    "lijn",
    "tafel",
    "opgave",
    "ambitie",
    "pilaar",
    "werkgroep",
    "groep",
    "agenda",
    "prioriteit",
    "koers",
    "route",
    "richting",
    "focus",
)


def known_lidwoord(woord: str) -> str | None:
    """The article of a known noun or a compound ending in one, else None."""
    woord = woord.strip().lower()
    if not woord:
        return None
    # The longest matching ending wins: "speerpunt" before "punt".
    matches = [(len(w), Lidwoord.HET) for w in HET_WOORDEN if woord.endswith(w)]
    matches += [(len(w), Lidwoord.DE) for w in DE_WOORDEN if woord.endswith(w)]
    if not matches:
        return None
    return str(max(matches)[1])


def guess_lidwoord(woord: str) -> str:
    """The article of `woord` when known, else "de" (two thirds of Dutch nouns)."""
    return known_lidwoord(woord) or Lidwoord.DE.value


class Term:
    """One noun with its plural and article, and the inflected forms around it."""

    def __init__(self, enkelvoud: str, meervoud: str, lidwoord: str = "de") -> None:
        self.enkelvoud = (enkelvoud or "").strip()
        self.meervoud = (meervoud or "").strip()
        self.lidwoord = lidwoord if lidwoord in Lidwoord.values else Lidwoord.DE.value

    def __str__(self) -> str:
        return self.enkelvoud

    def __repr__(self) -> str:
        return f"Term({self.lidwoord} {self.enkelvoud}, {self.meervoud})"

    @property
    def het(self) -> bool:
        """True for a het-word: templates can branch on it for a whole sentence."""
        return self.lidwoord == Lidwoord.HET

    def _f(self, de_form: str, het_form: str) -> str:
        template = gettext(het_form) if self.het else gettext(de_form)
        return template % {"term": self.enkelvoud}

    # Forms inside a sentence ------------------------------------------------------
    @property
    def de(self) -> str:
        """ "de pijler" / "het speerpunt"."""
        return self._f(gettext_noop("de %(term)s"), gettext_noop("het %(term)s"))

    @property
    def een(self) -> str:
        """ "een pijler" / "een speerpunt"."""
        return gettext("een %(term)s") % {"term": self.enkelvoud}

    @property
    def elke(self) -> str:
        """ "elke pijler" / "elk speerpunt"."""
        return self._f(gettext_noop("elke %(term)s"), gettext_noop("elk %(term)s"))

    @property
    def nieuwe(self) -> str:
        """ "nieuwe pijler" / "nieuw speerpunt"."""
        return self._f(gettext_noop("nieuwe %(term)s"), gettext_noop("nieuw %(term)s"))

    @property
    def deze(self) -> str:
        """ "deze pijler" / "dit speerpunt"."""
        return self._f(gettext_noop("deze %(term)s"), gettext_noop("dit %(term)s"))

    @property
    def welke(self) -> str:
        """ "welke pijler" / "welk speerpunt"."""
        return self._f(gettext_noop("welke %(term)s"), gettext_noop("welk %(term)s"))

    @property
    def geen(self) -> str:
        """ "geen pijler" / "geen speerpunt"."""
        return gettext("geen %(term)s") % {"term": self.enkelvoud}

    @property
    def de_meervoud(self) -> str:
        """ "de pijlers" / "de speerpunten" (every plural takes "de")."""
        return gettext("de %(terms)s") % {"terms": self.meervoud}

    @property
    def alle(self) -> str:
        """ "alle pijlers" / "alle speerpunten"."""
        return gettext("alle %(terms)s") % {"terms": self.meervoud}

    # The same forms at the start of a sentence (capitalised names on purpose: a
    # template reads {{ gemeente.term.Nieuwe }} where the sentence starts) ----------
    @property
    def Enkelvoud(self) -> str:
        return capfirst(self.enkelvoud)

    @property
    def Meervoud(self) -> str:
        return capfirst(self.meervoud)

    @property
    def De(self) -> str:
        return capfirst(self.de)

    @property
    def Een(self) -> str:
        return capfirst(self.een)

    @property
    def Elke(self) -> str:
        return capfirst(self.elke)

    @property
    def Nieuwe(self) -> str:
        return capfirst(self.nieuwe)

    @property
    def Deze(self) -> str:
        return capfirst(self.deze)

    @property
    def Welke(self) -> str:
        return capfirst(self.welke)

    @property
    def Geen(self) -> str:
        return capfirst(self.geen)

    @property
    def Alle(self) -> str:
        return capfirst(self.alle)


def current_term() -> Term:
    """The term of the gemeente profile (cached), for code outside a template."""
    from inclusie.models import GemeenteProfiel

    return GemeenteProfiel.cached().term


def term_lazy(form: Callable[[Term], str]) -> str:
    """A label computed when it is shown, for registries filled at start-up.

    `term_lazy(lambda t: t.Meervoud)` reads "Speerpunten" on every page once the
    beheerder has chosen that word, without a restart.
    """
    return lazy(lambda: form(current_term()), str)()
