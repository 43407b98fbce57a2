"""In-app guidance per step and randvoorwaarde, in our own words.

Based on the ideas of Movisie's stappenplan Inclusief Beleid (2023); the texts
are a short retelling for advisers at work, not quotations.
"""

from django.utils.translation import gettext_lazy as _

GUIDANCE = {
    "verkenning": {
        "kern": _(
            "Begin met kijken waar de gemeente nu staat. Wat verstaan collega's onder inclusie, "
            "wie steunt het, waar zit energie, welk beleid is er al en welk geld en welke tijd "
            "zijn er? Zie dit als stap nul: de basis voor alle andere stappen."
        ),
        "knelpunten": [
            (
                _("Er blijkt weinig steun te zijn."),
                _("Werk dan eerst aan draagvlak (stap 2) voordat u plannen maakt."),
            ),
            (
                _("Niemand heeft nog een beeld van wat inclusie hier betekent."),
                _("Noteer dat als uitkomst; het wordt een vraag voor de visie (stap 3)."),
            ),
        ],
        "lessen": [
            _(
                "Kijk ook naar de eigen organisatie: wie inclusief beleid wil, geeft zelf het voorbeeld."
            ),
            _("Praat met managers van alle afdelingen; zo weten collega's u later te vinden."),
            _("Zorg dat niet één persoon alles draagt. Verdeel taken over de domeinen."),
        ],
    },
    "agenderen": {
        "kern": _(
            "Zet inclusie op de agenda en zorg voor steun, binnen de gemeente en daarbuiten. "
            "Dat is niet eenmalig: blijf nagaan of iedereen nog hetzelfde doel voor ogen heeft."
        ),
        "knelpunten": [
            (
                _("Inclusie is 'van die ene collega'."),
                _("Spreek samen af wie waarvoor verantwoordelijk is, op elk niveau."),
            ),
            (
                _("Er is wel wil, maar geen tijd."),
                _("Bouw voort op wat teams al doen; nieuw beleid is niet altijd nodig."),
            ),
            (
                _("Er is weerstand of inclusiemoeheid."),
                _("Ga het gesprek aan en laat zien welke vragen uit de stad erom vragen."),
            ),
        ],
        "lessen": [
            _("Een wethouder met inclusie in de portefeuille geeft een duidelijk mandaat."),
            _(
                "Cijfers van bijvoorbeeld de GGD of het antidiscriminatiebureau helpen in gesprekken."
            ),
            _("Luister vooral naar partners die dicht bij inwoners staan."),
        ],
    },
    "visie": {
        "kern": _(
            "Leg vast waarom de gemeente inclusief beleid wil en waar ze naartoe werkt. Werk de "
            "visie uit tot een plan met doelen, resultaten en een aanpak, voor de stad en voor "
            "de eigen organisatie."
        ),
        "knelpunten": [
            (
                _("Iedereen bedoelt iets anders met inclusie."),
                _("Maak de definitie en het doel concreet en toets ze bij collega's en partners."),
            ),
        ],
        "lessen": [
            _("Beantwoord eerst samen de vraag 'waarom'; anders worden acties los zand."),
            _("Gooi goed doelgroepbeleid niet weg, maar kijk ook naar verschillen binnen groepen."),
            _("Leer van andere gemeenten, maar vertaal het naar uw eigen situatie."),
        ],
    },
    "uitvoeren": {
        "kern": _(
            "Breng de visie in de praktijk. Sluit aan bij bestaand beleid en verbreed het waar "
            "nodig. Houd het verschil tussen het doel (outcome) en de acties (output) helder."
        ),
        "knelpunten": [
            (
                _("Niet iedereen ziet welk probleem het beleid oplost."),
                _("Betrek inwoners en partners zodat hun ervaringen zichtbaar worden."),
            ),
            (
                _("De link met de begroting is lastig."),
                _("Laat zien voor wie het beleid werkt en meet wat het oplevert."),
            ),
            (
                _("Er wordt voorbijgegaan aan wat er al is."),
                _("Ga met de aanjagers om tafel en bundel bestaande initiatieven."),
            ),
        ],
        "lessen": [
            _("Begin bij een thema en breng de groepen samen die daarbij horen."),
            _("Sociaal werkers kunnen ervaringen van inwoners naar de beleidstafel brengen."),
        ],
    },
    "evalueren": {
        "kern": _(
            "Denk al bij het maken van beleid na over hoe u volgt of het werkt. Bepaal eerst "
            "wát u wilt weten en pas daarna hóe u het meet. Cijfers zijn een begin van het "
            "gesprek; zet er altijd verhalen van inwoners naast."
        ),
        "knelpunten": [
            (
                _("Effecten zijn moeilijk één op één aan te tonen."),
                _("Maak een veranderverhaal en onderscheid veranderdoelen van procesdoelen."),
            ),
            (
                _("Te strakke einddoelen remmen het leren."),
                _("Zie inclusie als een lange weg waarop u steeds bijstuurt."),
            ),
        ],
        "lessen": [
            _("Meet met mate en ontwerp de meting samen met wie het betreft."),
            _("Gebruik wat er al is, zoals GGD-cijfers, en vul aan met een stadsgesprek of panel."),
            _("Begin klein: een korte evaluatie is al een goed begin."),
        ],
    },
    "vlechtwerk": {
        "kern": _(
            "Mensen verschillen op veel punten tegelijk: leeftijd, taal, inkomen, beperking en "
            "meer. Vraag bij elke stap: wie missen we, en voor wie werkt dit beleid niet?"
        ),
        "knelpunten": [],
        "lessen": [
            _("Zorg voor meerdere stemmen, ook binnen één groep."),
            _("Blijf leren: u doet het nooit in één keer helemaal goed."),
        ],
    },
    "werkgroep": {
        "kern": _(
            "Vorm een groep van acht tot tien aanjagers uit verschillende domeinen. Spreek af "
            "wat de groep doet (aanjagen, monitoren of kennis delen) en hoe ze zich verhoudt "
            "tot de afdelingen. Zo hangt het thema niet aan één persoon."
        ),
        "knelpunten": [
            (
                _("Onduidelijk wie erin moet."),
                _(
                    "Kies op basis van het doel: verbinders voor draagvlak, een procesbegeleider voor monitoren."
                ),
            ),
            (
                _("Rol en taken zijn vaag."),
                _("Leg doel en verantwoordelijkheden vast, anders valt de groep uit elkaar."),
            ),
        ],
        "lessen": [],
    },
    "participatie": {
        "kern": _(
            "Betrek inwoners en partners vanaf het begin, via panels, wijkgesprekken, "
            "rondetafels of een stadsgesprek. Zoek ook mensen op die u normaal niet hoort."
        ),
        "knelpunten": [
            (
                _("Alleen de bekende gezichten reageren."),
                _("Ga de wijk in, communiceer eenvoudig en zoek netwerken die u nog niet kent."),
            ),
            (
                _("De inbreng loopt sterk uiteen."),
                _("Maak vooraf een planning en spelregels en wees eerlijk over wat er kan."),
            ),
        ],
        "lessen": [],
    },
}
