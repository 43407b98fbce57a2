"""Questionnaire and stappenplan content, loaded by migration 0005 and `load_vragenlijsten`.

The question texts are Movisie's (Handreiking Inclusief beleid voor gemeenten,
2023, Bijlage 1-3) and the gemeente Arnhem's "foto per speerpunt"; the UI credits
the source. The help texts are ours.

Why a loader instead of fixtures: the same function runs in the data migration
(so every database, test or production, has the content) and from
``manage.py load_vragenlijsten`` when the content changes later. It never edits
a questionnaire that is in use: a changed definition becomes a new version.
"""

from __future__ import annotations

MOVISIE = "Movisie, Handreiking Inclusief beleid voor gemeenten (2023)"

# (number, text, help text, kind, options, [(letter, text), ...])
_SKIP_HELP = "Weet u het nog niet? Sla de vraag over en schrijf op hoe u het antwoord kunt vinden."

VRAGENLIJSTEN = [
    {
        "code": "bijlage-1",
        "titel": "Verkenning inclusief beleid (Bijlage 1)",
        "bron": MOVISIE,
        "vraagt_levensdomein": True,
        "volgorde": 1,
        "inleiding": (
            "In deel 1 beschrijft u uw gemeente. In deel 2 kiest u één levensdomein en "
            "eventueel één wijk of kern. In deel 3 kijkt u wat er in dat levensdomein al "
            "gebeurt en waar vragen en kansen liggen. Loopt een vraag vooruit op uw proces? "
            "Sla hem dan over en noteer hoe u het antwoord later kunt vinden."
        ),
        "delen": [
            {
                "nummer": 1,
                "titel": "Introductie gemeente en algemene stand van zaken inclusief beleid",
                "vragen": [
                    (
                        "1",
                        "Informatie over de gemeente: inwoneraantal, politiek bestuur, wijken/kernen, bijzonderheden?",
                        "Cijfers vindt u vaak bij de CBS-wijkcijfers of in de begroting.",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "2",
                        "Wat is inclusief beleid in jouw gemeente en vanuit welk perspectief wordt het ingevuld?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "3",
                        "In hoeverre is er (politiek) draagvlak voor inclusief beleid en waar zit dat?",
                        "Denk aan het coalitieakkoord, moties en uitspraken van wethouders.",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "4",
                        "Wat is er tot nu toe al gedaan op het gebied van inclusief beleid in jouw gemeente?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "5",
                        "Wat is de belangrijkste vraag over inclusief beleid binnen jouw gemeente?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                ],
            },
            {
                "nummer": 2,
                "titel": "Selectie levensdomein en eventueel wijk/kern",
                "vragen": [
                    (
                        "1",
                        "Kies één van de zes VNG-levensdomeinen (onderwijs & ontwikkeling, thuis, werk & inkomen, vrije tijd, vervoer of welzijn, gezondheid & ondersteuning).",
                        "Kies op basis van uw eigen ervaring en signalen, gesprekken met collega's en partners, of de prioriteiten van raad en programma's.",
                        "levensdomein",
                        [],
                        [],
                    ),
                    (
                        "2",
                        "Eventueel: kies één wijk/kern in de gemeente.",
                        "Niet verplicht. Een wijk of kern maakt de vragen kleiner en concreter. Kiest u er een, kijk dan in deel 3 steeds naar die wijk of kern.",
                        "wijk",
                        [],
                        [],
                    ),
                    (
                        "3",
                        "Waarom kiest u dit levensdomein (en deze wijk of kern)?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                ],
            },
            {
                "nummer": 3,
                "titel": "De verkenning van het levensdomein",
                "vragen": [
                    (
                        "1",
                        "Wat zijn belangrijke thema's en vraagstukken binnen het gekozen levensdomein?",
                        "",
                        "open",
                        [],
                        [
                            (
                                "a",
                                "Wat zou binnen deze thema's en vraagstukken de gewenste situatie zijn?",
                            ),
                            (
                                "b",
                                "Hoe kan inclusief beleid bijdragen aan een verbetering van de situatie?",
                            ),
                            (
                                "c",
                                "Als een wijk/kern gekozen is, wat speelt er specifiek in deze wijk/kern dat belangrijk/interessant/problematisch is?",
                            ),
                        ],
                    ),
                    (
                        "2",
                        "Wat is de huidige stand van zaken?",
                        "",
                        "open",
                        [],
                        [
                            ("a", "Denk hierbij aan beleid, acties, initiatieven."),
                            ("b", "Hoe zijn deze tot stand gekomen?"),
                            ("c", "Wat gaat er goed? Wat kan er beter?"),
                            (
                                "d",
                                "Er zijn (bijna) altijd blinde vlekken. Wat zou dit bij jullie kunnen zijn?",
                            ),
                        ],
                    ),
                    (
                        "3",
                        "Hoe staat het binnen dit levensdomein met het bewustzijn, definitie van en visie op inclusief beleid? Is er een gevoel van urgentie?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "4",
                        "Wiens draagvlak is echt nodig (op alle lagen: van bestuur tot uitvoering) binnen dit levensdomein?",
                        "",
                        "open",
                        [],
                        [
                            ("a", "Op welke lagen (van bestuur tot uitvoering)?"),
                            ("b", "Waar en waartegen bestaat weerstand en bij wie?"),
                        ],
                    ),
                    (
                        "5",
                        "Waar zit energie en leiderschap binnen de gemeentelijke organisatie en binnen het levensdomein?",
                        "",
                        "open",
                        [],
                        [
                            (
                                "a",
                                "Hoe wordt er nu met hen samengewerkt en/of hoe zou er met hen samengewerkt moeten worden?",
                            ),
                            (
                                "b",
                                "Wie zijn mogelijke kartrekkers en rolmodellen binnen het levensdomein?",
                            ),
                        ],
                    ),
                    (
                        "6",
                        "Welke partners en inwoners zijn belangrijk om te betrekken in dit levensdomein?",
                        "",
                        "open",
                        [],
                        [
                            (
                                "a",
                                "Hoe krijg je zicht op ervaringen van inwoners: waar lopen zij in het dagelijks leven tegenaan qua in- en uitsluiting?",
                            ),
                            (
                                "b",
                                "Met wie wordt er nu samengewerkt? Waarom met hen? Wat doen zij?",
                            ),
                            ("c", "Wie missen er? En waardoor komt dat?"),
                            ("d", "Hoe krijg je zicht op 'onzichtbare' of 'stille' inwoners?"),
                        ],
                    ),
                    (
                        "7",
                        "Welke middelen zijn er beschikbaar om inclusief beleid vorm te geven?",
                        "",
                        "open",
                        [],
                        [
                            ("a", "Financieel"),
                            ("b", "Tijd"),
                        ],
                    ),
                ],
            },
        ],
    },
    {
        "code": "bijlage-2",
        "titel": "Vragen rondom inwonerparticipatie (Bijlage 2)",
        "bron": MOVISIE,
        "vraagt_levensdomein": False,
        "volgorde": 2,
        "inleiding": "Vragen om met collega's en partners te bespreken voordat u inwoners betrekt.",
        "delen": [
            {
                "nummer": 1,
                "titel": "Inwonerparticipatie",
                "vragen": [
                    (
                        "1",
                        "Hoe zorg je voor meerstemmigheid bij het zicht krijgen op leefwerelden en ervaringen van inwoners?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "2",
                        "Wat zijn gevoeligheden /overwegingen bij het zicht krijgen op leefwerelden van inwoners?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "3",
                        "Wat zijn voorbeelden van inwonerparticipatie die wel en niet zijn gelukt? Wat zijn mogelijke redenen daarvoor?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "4",
                        "Wat zou een concreet beleidsdoel zijn om de ervaring van inwoners bij te betrekken en als startpunt te nemen? Hoe ga je dat vormgeven?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                ],
            }
        ],
    },
    {
        "code": "bijlage-3",
        "titel": "Vragen rondom evaluatie en monitoring (Bijlage 3)",
        "bron": MOVISIE,
        "vraagt_levensdomein": False,
        "volgorde": 3,
        "inleiding": "Bepaal eerst wát u wilt weten en waarom; pas daarna hóe u het meet.",
        "delen": [
            {
                "nummer": 1,
                "titel": "Evaluatie en monitoring",
                "vragen": [
                    (
                        "1",
                        "Wat is het doel van monitoring? Welke vraag moet het beantwoorden?",
                        "",
                        "open",
                        [],
                        [
                            ("a", "Waarom willen we dit weten? Need to know, nice to know"),
                            ("b", "Hoor je degene wie het betreft? Inwoner centraal"),
                            (
                                "c",
                                "Hoor je degene die ermee moet werken? Aansluiting primaire proces",
                            ),
                        ],
                    ),
                    (
                        "2",
                        "Wat willen we met dit beleid/deze activiteit bereiken? Gewenste outcome?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "3",
                        "Hoe zie je het in het dagelijks leven van inwoners als dat lukt?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "4",
                        "Hoe kun je dat in kaart brengen?",
                        "Combineer cijfers altijd met verhalen van inwoners.",
                        "open",
                        [],
                        [],
                    ),
                ],
            }
        ],
    },
    {
        "code": "foto-per-speerpunt",
        "titel": "Foto per speerpunt",
        "bron": "Gemeente Arnhem, programma Inclusie (fase 1: inventariseren)",
        "vraagt_levensdomein": False,
        "volgorde": 4,
        "inleiding": (
            "Een momentopname van wat er nu speelt bij één speerpunt, gemaakt samen met uw "
            "collega uit het wijkteam. Het hoeft niet volledig te zijn: wat u nu weet is een goed begin."
        ),
        "delen": [
            {
                "nummer": 1,
                "titel": "De foto",
                "vragen": [
                    ("1", "Voor welk speerpunt maakt u de foto?", "", "open", [], []),
                    (
                        "2",
                        "Wat speelt er?",
                        "Zowel in de eigen organisatie als in de wijk.",
                        "open",
                        [],
                        [],
                    ),
                    ("3", "Wat gaat nu goed?", "", "open", [], []),
                    ("4", "Waar zit energie?", "", "open", [], []),
                    ("5", "Waar liggen kansen?", "", "open", [], []),
                    (
                        "6",
                        "Waar zijn nog witte vlekken en waar zouden we op kunnen/moeten inzetten?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "7",
                        "Waar ligt de kracht van inclusie bij dit speerpunt? Waarom willen we dit?",
                        "",
                        "open",
                        [],
                        [],
                    ),
                    (
                        "8",
                        "Welke rol(len) heeft de gemeente bij dit onderwerp?",
                        "Sturen: de gemeente bepaalt. Samenwerken: gelijkwaardig met anderen. Stimuleren: anderen doen het, de gemeente helpt.",
                        "meerkeuze",
                        ["Sturen", "Samenwerken", "Stimuleren"],
                        [],
                    ),
                ],
            }
        ],
    },
]

# code, soort, nummer, titel
STAPPEN = [
    ("verkenning", "stap", 1, "De verkenning (startpunt)"),
    ("agenderen", "stap", 2, "Agenderen en draagvlak creëren"),
    ("visie", "stap", 3, "Visieontwikkeling"),
    ("uitvoeren", "stap", 4, "Ontwikkelen en uitvoeren van het beleid"),
    ("evalueren", "stap", 5, "Evalueren en borgen"),
    ("vlechtwerk", "randvoorwaarde", 1, "De intersectionele blik van het diversiteitsvlechtwerk"),
    ("werkgroep", "randvoorwaarde", 2, "Een werkgroep van aanjagers"),
    ("participatie", "randvoorwaarde", 3, "Inwoners en partners betrekken"),
]


def _definition(spec: dict) -> list:
    """A comparable form of a questionnaire spec (to detect changes)."""
    return [
        (
            d["nummer"],
            d["titel"],
            [
                tuple(map(str, (v[0], v[1], v[2], v[3]))) + (tuple(v[4]), tuple(v[5]))
                for v in d["vragen"]
            ],
        )
        for d in spec["delen"]
    ]


def _stored_definition(vragenlijst, Deel, Vraag) -> list:
    out = []
    for deel in Deel.objects.filter(vragenlijst=vragenlijst).order_by("nummer"):
        vragen = list(Vraag.objects.filter(deel=deel).order_by("volgorde"))
        hoofd = [v for v in vragen if v.hoofdvraag_id is None]
        rows = []
        for v in hoofd:
            subs = tuple(
                (s.nummer[len(v.nummer) :], s.tekst) for s in vragen if s.hoofdvraag_id == v.pk
            )
            rows.append((v.nummer, v.tekst, v.hulptekst, v.soort, tuple(v.opties), subs))
        out.append((deel.nummer, deel.titel, rows))
    return out


def _create(spec: dict, versie: int, Vragenlijst, Deel, Vraag, actief: bool = True):
    vragenlijst = Vragenlijst.objects.create(
        code=spec["code"],
        versie=versie,
        titel=spec["titel"],
        bron=spec["bron"],
        inleiding=spec["inleiding"],
        vraagt_levensdomein=spec["vraagt_levensdomein"],
        volgorde=spec["volgorde"],
        actief=actief,
    )
    for d in spec["delen"]:
        deel = Deel.objects.create(vragenlijst=vragenlijst, nummer=d["nummer"], titel=d["titel"])
        volgorde = 0
        for nummer, tekst, hulp, soort, opties, subs in d["vragen"]:
            volgorde += 10
            hoofd = Vraag.objects.create(
                deel=deel,
                nummer=nummer,
                tekst=tekst,
                hulptekst=hulp,
                soort=soort,
                opties=list(opties),
                volgorde=volgorde,
            )
            for letter, subtekst in subs:
                volgorde += 1
                Vraag.objects.create(
                    deel=deel,
                    hoofdvraag=hoofd,
                    nummer=f"{nummer}{letter}",
                    tekst=subtekst,
                    soort="open",
                    volgorde=volgorde,
                )
    return vragenlijst


def load_vragenlijsten(models) -> dict[str, str]:
    """Create or update the questionnaires and steps; `models` is a model namespace (apps).

    Returns code -> what happened ("nieuw", "ongewijzigd", "bijgewerkt", "nieuwe versie").
    """
    Vragenlijst = models.get_model("stappenplan", "Vragenlijst")
    Deel = models.get_model("stappenplan", "Deel")
    Vraag = models.get_model("stappenplan", "Vraag")
    Verkenning = models.get_model("stappenplan", "Verkenning")
    Stap = models.get_model("stappenplan", "Stap")
    # Versions the beheerder made in the portal (migration 0005 adds the field; the data
    # migration 0002 runs this loader on the older model, which has none).
    has_own = any(f.name == "door_gemeente" for f in Vragenlijst._meta.get_fields())
    result = {}
    for spec in VRAGENLIJSTEN:
        versions = Vragenlijst.objects.filter(code=spec["code"])
        highest = versions.order_by("-versie").first()
        shipped = (
            (versions.filter(door_gemeente=False) if has_own else versions)
            .order_by("-versie")
            .first()
        )
        if highest is None or shipped is None:
            versie = highest.versie + 1 if highest else 1
            _create(spec, versie, Vragenlijst, Deel, Vraag, actief=highest is None)
            result[spec["code"]] = "nieuw"
            continue
        if _stored_definition(shipped, Deel, Vraag) == _definition(spec):
            result[spec["code"]] = "ongewijzigd"
            continue
        own_in_use = has_own and versions.filter(door_gemeente=True, actief=True).exists()
        if Verkenning.objects.filter(vragenlijst=shipped).exists() or shipped.pk != highest.pk:
            # Never rewrite what was answered, nor a version the beheerder made after it.
            # When the gemeente uses its own version, the new content waits beside it.
            if not own_in_use:
                versions.update(actief=False)
            _create(spec, highest.versie + 1, Vragenlijst, Deel, Vraag, actief=not own_in_use)
            result[spec["code"]] = "nieuwe versie"
        else:
            versie, actief = shipped.versie, shipped.actief
            shipped.delete()
            _create(spec, versie, Vragenlijst, Deel, Vraag, actief=actief)
            result[spec["code"]] = "bijgewerkt"
    for code, soort, nummer, titel in STAPPEN:
        Stap.objects.update_or_create(
            code=code, defaults={"soort": soort, "nummer": nummer, "titel": titel}
        )
    return result
