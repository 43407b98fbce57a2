"""Prose from the snapshot: sentences that say what changed and what it means.

The raadsmededeling is written for a council, not a dashboard. This module turns
the frozen figures of a half year (and of the half year before) into Dutch
sentences - "Sinds de vorige mededeling hebben twee organisaties de Deal
ondertekend; het zijn er nu zeven." - with small counts in words, correct plurals
(ngettext), money as "€ 17.658,80" and each indicator's duiding beside its number.

Pure functions over snapshot data; :mod:`monitoring.services.raadsmededeling`
puts the sentences into the draft sections. Known figures get their own
sentence; any other figure gets a plain generic one, so a new figure never
breaks the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inclusie.dutch import aantal, euro, getal, opsomming
from inclusie.terms import Term

# Figures offered first when the adviser has not chosen the kern yet.
DEFAULT_KERN = (
    "deal.partners_per_stage",
    "ambassadeurs.actief",
    "bijeenkomsten.gehouden",
    "klankbord.adviezen",
    "signalen.per_thema",
    "opdracht.budget",
)
KERN_MIN, KERN_MAX = 3, 6
# Figures that only make sense as part of another figure's sentence.
FOLDED = {
    "deal.ondertekend": "deal.partners_per_stage",
    "relaties.organisaties_nieuw": "relaties.organisaties",
    "opdracht.uren": "opdracht.budget",
}


@dataclass
class Fact:
    """One figure of the half year with the half year before it."""

    code: str
    label: str
    unit: str
    value: Any
    previous: Any
    kind: str = ""  # "stock" or "flow" when the snapshot says so
    group: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def is_breakdown(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def total(self) -> float | None:
        return _total(self.value)

    @property
    def previous_total(self) -> float | None:
        return _total(self.previous)

    @property
    def has_data(self) -> bool:
        """False when both periods are empty or zero: such a figure says nothing."""
        return bool(_total(self.value)) or bool(_total(self.previous))


def _total(value) -> float | None:
    if isinstance(value, dict):
        numbers = [v for v in value.values() if isinstance(v, int | float)]
        return sum(numbers) if numbers else None
    if isinstance(value, bool):
        return int(value)
    return value if isinstance(value, int | float) else None


def _int(value) -> int:
    return int(round(value or 0))


def facts_from_snapshots(current: dict, previous: dict | None) -> list[Fact]:
    """Facts for every figure of the current snapshot's data, matched to the previous one.

    Reads the snapshot's own previous value when it carries one (a frozen snapshot
    may), else the previous snapshot's value.
    """
    before = {f["code"]: f for f in (previous or {}).get("figures", [])}
    facts = []
    for item in current.get("figures", []):
        prev_item = before.get(item["code"], {})
        prev_value = item["previous"] if "previous" in item else prev_item.get("value")
        facts.append(
            Fact(
                code=item["code"],
                label=str(item.get("label", item["code"])),
                unit=str(item.get("unit") or ""),
                value=item.get("value"),
                previous=prev_value,
                kind=str(item.get("kind", "")),
                group=str(item.get("group", item["code"].split(".", 1)[0])),
            )
        )
    return facts


# --- small phrases -------------------------------------------------------------------


def _count_noun(n, singular: str, plural: str) -> str:
    return f"{aantal(_int(n))} {singular if _int(n) == 1 else plural}"


def _change(now, before, *, unit: str = "") -> str:
    """ ", een halfjaar eerder waren het er negen" style tail, or "" when unknown."""
    if not isinstance(before, int | float) or not isinstance(now, int | float):
        return ""
    suffix = f" {unit}" if unit else ""
    if round(now, 1) == round(before, 1):
        return _("evenveel als een halfjaar eerder")
    if before == 0:
        return _("een halfjaar eerder nog geen")
    return _("een halfjaar eerder was dat %(before)s%(unit)s") % {
        "before": _fmt_value(before, unit),
        "unit": suffix if unit not in ("%", "euro") else "",
    }


def _fmt_value(value, unit: str = "") -> str:
    if unit == "euro":
        return euro(value)
    if unit == "%":
        return f"{getal(value)} procent"
    if isinstance(value, int | float) and float(value).is_integer():
        return aantal(int(value))
    return getal(value)


def _breakdown_list(value: dict, *, limit: int = 4) -> str:
    """ "drie ambassadeursbijeenkomsten" is beyond us generically: "ambassadeursbijeenkomst
    (drie), klankbordgroep (één)" - the largest first, zeros left out."""
    items = sorted(
        ((k, v) for k, v in value.items() if isinstance(v, int | float) and v),
        key=lambda kv: -kv[1],
    )
    parts = [f"{k[:1].lower() + k[1:]} ({aantal(_int(v))})" for k, v in items[:limit]]
    rest = len(items) - limit
    if rest > 0:
        parts.append(ngettext("één ander", "%(n)s andere", rest) % {"n": aantal(rest)})
    return opsomming(parts)


def _stage(value: dict, name: str) -> int | None:
    if not isinstance(value, dict):
        return None
    for key, number in value.items():
        if key.lower() == name:
            return _int(number)
    return None


# --- sentences per figure ------------------------------------------------------------


def _deal_partners(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    signed = _stage(fact.value, "ondertekend")
    flow = facts.get("deal.ondertekend")
    new = _int(flow.value) if flow and isinstance(flow.value, int | float) else None
    if new is None and signed is not None:
        before = _stage(fact.previous, "ondertekend")
        new = max(signed - before, 0) if before is not None else None
    sentences = []
    if signed is not None and new:
        sentences.append(
            ngettext(
                "Sinds de vorige mededeling heeft %(n)s organisatie de Deal ondertekend; "
                "het zijn er nu %(total)s.",
                "Sinds de vorige mededeling hebben %(n)s organisaties de Deal ondertekend; "
                "het zijn er nu %(total)s.",
                new,
            )
            % {"n": aantal(new), "total": aantal(signed)}
        )
    elif signed is not None:
        sentences.append(
            ngettext(
                "Sinds de vorige mededeling heeft geen nieuwe organisatie de Deal ondertekend; "
                "de teller staat op %(total)s organisatie.",
                "Sinds de vorige mededeling heeft geen nieuwe organisatie de Deal ondertekend; "
                "het zijn er %(total)s.",
                signed,
            )
            % {"total": aantal(signed)}
        )
    hooked, talking = _stage(fact.value, "aangehaakt"), _stage(fact.value, "in gesprek")
    if hooked or talking:
        sentences.append(
            _("Daarnaast %(verb)s %(aangehaakt)s aangehaakt en %(gesprek)s in gesprek.")
            % {
                "verb": ngettext("is", "zijn", hooked or 0),
                "aangehaakt": _count_noun(hooked or 0, _("organisatie"), _("organisaties")),
                "gesprek": aantal(talking or 0),
            }
        )
    return " ".join(sentences)


def _ambassadeurs_actief(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    now = _int(fact.value)
    text = ngettext(
        "Aan het eind van het halfjaar was er %(n)s actieve ambassadeur",
        "Aan het eind van het halfjaar waren er %(n)s actieve ambassadeurs",
        now,
    ) % {"n": aantal(now)}
    if isinstance(fact.previous, int | float):
        before = _int(fact.previous)
        if before == now:
            text += _("; evenveel als een halfjaar eerder")
        elif before == 0:
            text += _("; een halfjaar eerder nog geen")
        else:
            text += _("; een halfjaar eerder waren het er %(n)s") % {"n": aantal(before)}
    activities = facts.get("ambassadeurs.activiteiten")
    if activities and activities.total:
        text += ". " + ngettext(
            "Samen ondernamen zij %(n)s activiteit: %(list)s",
            "Samen ondernamen zij %(n)s activiteiten, vooral: %(list)s",
            _int(activities.total),
        ) % {
            "n": aantal(_int(activities.total)),
            "list": _breakdown_list(activities.value, limit=3),
        }
    return text + "."


def _bijeenkomsten(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    total = _int(fact.total)
    if not total:
        return _("In dit halfjaar is geen bijeenkomst gehouden.")
    text = ngettext(
        "In dit halfjaar is %(n)s bijeenkomst gehouden: %(list)s.",
        "In dit halfjaar zijn %(n)s bijeenkomsten gehouden: %(list)s.",
        total,
    ) % {"n": aantal(total), "list": _breakdown_list(fact.value)}
    opkomst = facts.get("bijeenkomsten.opkomst")
    if opkomst and isinstance(opkomst.value, int | float) and opkomst.value:
        text += " " + _("Gemiddeld was %(pct)s procent van de genodigden aanwezig.") % {
            "pct": getal(round(opkomst.value))
        }
    return text


def _adviezen(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    total = _int(fact.total)
    if not total:
        return _("De klankbordgroep heeft in dit halfjaar geen advies uitgebracht.")
    text = ngettext(
        "De klankbordgroep gaf %(n)s advies: %(list)s.",
        "De klankbordgroep gaf %(n)s adviezen: %(list)s.",
        total,
    ) % {"n": aantal(total), "list": _breakdown_list(fact.value)}
    late = facts.get("klankbord.reacties_te_laat")
    if late and isinstance(late.value, int | float) and late.value:
        text += " " + ngettext(
            "Op %(n)s advies reageerde de gemeente later dan afgesproken.",
            "Op %(n)s adviezen reageerde de gemeente later dan afgesproken.",
            _int(late.value),
        ) % {"n": aantal(_int(late.value))}
    return text


def _signalen(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    total = _int(fact.total)
    if not total:
        return _("Er zijn in dit halfjaar geen signalen uit de stad vastgelegd.")
    top = max((v for v in fact.value.values() if isinstance(v, int | float)), default=0)
    themes = [k[:1].lower() + k[1:] for k, v in fact.value.items() if v == top and v]
    return ngettext(
        "Uit de stad kwam %(n)s signaal binnen, over %(themes)s.",
        "Uit de stad kwamen %(n)s signalen binnen, de meeste over %(themes)s.",
        total,
    ) % {"n": aantal(total), "themes": opsomming(themes)}


def _budget(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    uren = facts.get("opdracht.uren")
    parts = []
    if uren and isinstance(uren.value, int | float) and uren.value:
        parts.append(
            ngettext(
                "In dit halfjaar werkte de kwartiermaker %(n)s uur",
                "In dit halfjaar werkte de kwartiermaker %(n)s uur",
                _int(uren.value),
            )
            % {"n": getal(uren.value)}
        )
    if isinstance(fact.value, int | float) and fact.value:
        if parts:
            parts.append(
                _("daarvoor is %(bedrag)s van het budget besteed") % {"bedrag": euro(fact.value)}
            )
        else:
            parts.append(
                _("In dit halfjaar is %(bedrag)s van het budget van de kwartiermaker besteed")
                % {"bedrag": euro(fact.value)}
            )
    return "; ".join(parts) + "." if parts else ""


def _organisaties(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    now = _int(fact.value)
    new = facts.get("relaties.organisaties_nieuw")
    text = ngettext(
        "Het portaal heeft %(n)s organisatie in beeld",
        "Het portaal heeft %(n)s organisaties in beeld",
        now,
    ) % {"n": aantal(now)}
    if new and isinstance(new.value, int | float) and new.value:
        text += ngettext(
            "; daarvan is er %(n)s in dit halfjaar bijgekomen",
            "; daarvan zijn er %(n)s in dit halfjaar bijgekomen",
            _int(new.value),
        ) % {"n": aantal(_int(new.value))}
    return text + "."


def _zonder_ambassadeur(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    names = list(fact.value) if isinstance(fact.value, dict) else []
    term = Term(
        ctx.get("term_pijler", "pijler"),
        ctx.get("term_pijlers", "pijlers"),
        ctx.get("term_lidwoord", "de"),
    )
    if not names:
        return _("%(elke)s heeft een ambassadeur.") % {"elke": term.Elke}
    return ngettext(
        "%(de_term)s %(names)s heeft nog geen ambassadeur.",
        "%(de_term)s %(names)s hebben nog geen ambassadeur.",
        len(names),
    ) % {
        "de_term": term.De if len(names) == 1 else capfirst(term.de_meervoud),
        "names": opsomming(names),
    }


def _toezeggingen(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    total = _int(fact.total)
    if not total:
        return ""
    return ngettext(
        "Partners hebben %(n)s toezegging gedaan: %(list)s.",
        "Partners hebben %(n)s toezeggingen gedaan: %(list)s.",
        total,
    ) % {"n": aantal(total), "list": _breakdown_list(fact.value)}


def _stappenplan(fact: Fact, facts: dict[str, Fact], ctx: dict) -> str:
    items = [
        f"{aantal(_int(v))} {k[:1].lower() + k[1:]}"
        for k, v in fact.value.items()
        if isinstance(v, int | float) and v
    ]
    if not items:
        return ""
    return _("Van de stappen van het Stappenplan Inclusief Beleid zijn er %(list)s.") % {
        "list": opsomming(items)
    }


SENTENCES: dict[str, Callable[[Fact, dict[str, Fact], dict], str]] = {
    "deal.partners_per_stage": _deal_partners,
    "deal.toezeggingen": _toezeggingen,
    "ambassadeurs.actief": _ambassadeurs_actief,
    "bijeenkomsten.gehouden": _bijeenkomsten,
    "klankbord.adviezen": _adviezen,
    "signalen.per_thema": _signalen,
    "opdracht.budget": _budget,
    "relaties.organisaties": _organisaties,
    "pijlers.zonder_ambassadeur": _zonder_ambassadeur,
    "stappenplan.status": _stappenplan,
}
# Shown inside another figure's sentence, never on their own.
NOT_ON_THEIR_OWN = {
    *FOLDED,
    "ambassadeurs.activiteiten",
    "bijeenkomsten.opkomst",
    "klankbord.reacties_te_laat",
}


def _generic(fact: Fact) -> str:
    """A plain sentence for a figure without its own phrasing."""
    if fact.is_breakdown:
        total = _int(fact.total)
        return _("%(label)s: %(total)s in totaal (%(list)s).") % {
            "label": fact.label,
            "total": aantal(total),
            "list": _breakdown_list(fact.value),
        }
    unit = fact.unit
    value = _fmt_value(fact.value, unit)
    if unit and unit not in ("%", "euro"):
        value = f"{value} {unit}"
    change = _change(fact.value, fact.previous, unit=unit if unit not in ("%", "euro") else "")
    return (
        _("%(label)s: %(value)s; %(change)s.")
        % {"label": fact.label, "value": value, "change": change}
        if change
        else _("%(label)s: %(value)s.") % {"label": fact.label, "value": value}
    )


def sentence(fact: Fact, facts: dict[str, Fact], ctx: dict | None = None) -> str:
    """The sentence for one figure ("" when there is nothing to say)."""
    if not fact.has_data and fact.code != "pijlers.zonder_ambassadeur":
        return ""
    writer = SENTENCES.get(fact.code)
    return writer(fact, facts, ctx or {}) if writer else _generic(fact)


def kern_options(facts: list[Fact]) -> list[Fact]:
    """Figures the adviser can pick for the kern: those with something to say."""
    return [f for f in facts if f.code not in NOT_ON_THEIR_OWN and f.has_data]


def default_kern(facts: list[Fact]) -> list[str]:
    available = {f.code for f in kern_options(facts)}
    chosen = [c for c in DEFAULT_KERN if c in available][:KERN_MAX]
    for f in kern_options(facts):
        if len(chosen) >= KERN_MIN:
            break
        if f.code not in chosen:
            chosen.append(f.code)
    return chosen


def indicator_sentence(ind: dict, previous: Any) -> str:
    """ "Bij 'Inwoners die zich thuis voelen' ging de waarde van 72 procent naar 74 procent,
    de gewenste richting. <duiding>" """
    unit = ind.get("eenheid") or ""
    now = ind.get("waarde")

    def number(v) -> str:
        return getal(v)

    def with_unit(text: str) -> str:
        if unit == "%":
            return f"{text} procent"
        return f"{text} {unit}" if unit else text

    if isinstance(previous, int | float) and isinstance(now, int | float) and previous != now:
        went_up = now > previous
        richting = str(ind.get("richting", "")).lower()
        if "hoger" in richting:
            oordeel = _("de gewenste richting") if went_up else _("niet de gewenste richting")
        elif "lager" in richting:
            oordeel = _("de gewenste richting") if not went_up else _("niet de gewenste richting")
        else:
            oordeel = ""
        text = _("De waarde ging van %(before)s naar %(now)s") % {
            "before": number(previous),
            "now": with_unit(number(now)),
        }
        text += f", {oordeel}." if oordeel else "."
    elif isinstance(previous, int | float):
        text = _("De waarde bleef %(now)s.") % {"now": with_unit(number(now))}
    else:
        text = _("De waarde is %(now)s.") % {"now": with_unit(number(now))}
    duiding = (ind.get("duiding") or "").strip()
    return f"{text} {duiding}".strip()
