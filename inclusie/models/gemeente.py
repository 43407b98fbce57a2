import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inclusie.terms import Lidwoord, Term, known_lidwoord
from inclusie.uploads import UploadValidator

from .base import TimeStampedModel

gemeentecode_validator = RegexValidator(
    regex=re.compile(r"^GM\d{4}$"),
    message=_("Vul een CBS-gemeentecode in: GM gevolgd door vier cijfers, bijvoorbeeld GM0150."),
)


kleur_validator = RegexValidator(
    regex=re.compile(r"^#[0-9a-fA-F]{6}$"),
    message=_("Vul een kleur in als # gevolgd door zes tekens 0-9 of a-f, bijvoorbeeld #00466e."),
)


def contrast_with_white(colour: str) -> float:
    """WCAG 2.1 contrast ratio of a #rrggbb colour against white."""

    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return 1.05 / (luminance + 0.05)


class GemeenteProfiel(TimeStampedModel):
    """The one gemeente this portal serves, and the words it uses."""

    naam = models.CharField(_("naam gemeente"), max_length=120, default="Voorbeeldgemeente")
    gemeentecode = models.CharField(
        _("CBS-gemeentecode"),
        max_length=6,
        validators=[gemeentecode_validator],
        default="GM0000",
        help_text=_("GM gevolgd door vier cijfers, bijvoorbeeld GM0150."),
    )
    programmanaam = models.CharField(_("naam programma"), max_length=120, default="Meedoen")
    portefeuillehouder = models.CharField(
        _("portefeuillehouder"),
        max_length=120,
        blank=True,
        help_text=_("De wethouder die het programma in portefeuille heeft."),
    )
    team = models.CharField(_("team"), max_length=120, blank=True)
    term_pijler = models.CharField(
        _("woord voor een thematafel (enkelvoud)"),
        max_length=40,
        default="pijler",
        help_text=_("Bijvoorbeeld pijler, speerpunt of uitvoeringslijn."),
    )
    term_lidwoord = models.CharField(
        _("lidwoord"),
        max_length=3,
        choices=Lidwoord.choices,
        default=Lidwoord.DE,
        help_text=_("De pijler, het speerpunt, de uitvoeringslijn."),
    )
    term_pijlers = models.CharField(
        _("woord voor thematafels (meervoud)"),
        max_length=40,
        default="pijlers",
        help_text=_("Bijvoorbeeld pijlers, speerpunten of uitvoeringslijnen."),
    )
    hoe_aansluiten = models.TextField(
        _("tekst 'Hoe doet u mee?'"),
        blank=True,
        help_text=_(
            "Korte uitleg op de openbare Deal-pagina voor organisaties die willen aansluiten."
        ),
    )
    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    burgemeester = models.CharField(
        _("burgemeester"),
        max_length=120,
        blank=True,
        help_text=_("Naam zoals die onder een raadsmededeling staat, bijvoorbeeld 'R.C. König'."),
    )
    secretaris = models.CharField(
        _("gemeentesecretaris"),
        max_length=120,
        blank=True,
        help_text=_("Naam zoals die onder een raadsmededeling staat."),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="huisstijl/",
        blank=True,
        validators=[UploadValidator(kinds=("png", "jpg"), max_mb=2)],
        help_text=_("PNG of JPEG, hoogstens 2 MB. Staat in het briefhoofd van raadsmededelingen."),
    )
    huisstijlkleur = models.CharField(
        _("huisstijlkleur"),
        max_length=7,
        blank=True,
        default="#00466e",
        validators=[kleur_validator],
        help_text=_(
            "Kleur van koppen en lijnen in de documenten, als #rrggbb. Kies een donkere kleur: "
            "witte of lichte tekst moet erop leesbaar blijven."
        ),
    )

    class Meta:
        verbose_name = _("gemeenteprofiel")
        verbose_name_plural = _("gemeenteprofiel")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="gemeenteprofiel_singleton")
        ]

    def __str__(self) -> str:
        return self.naam

    def save(self, *args, **kwargs):
        from django.core.cache import cache

        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    def clean(self) -> None:
        if self.huisstijlkleur and kleur_validator.regex.match(self.huisstijlkleur):
            if contrast_with_white(self.huisstijlkleur) < 4.5:
                raise ValidationError(
                    {
                        "huisstijlkleur": _(
                            "Deze kleur is te licht: witte tekst op knoppen in deze kleur, en "
                            "links en koppen in deze kleur op wit, zijn slecht leesbaar (contrast "
                            "%(ratio)s:1, minimaal 4,5:1 volgens WCAG). Kies een donkerdere kleur."
                        )
                        % {
                            "ratio": f"{contrast_with_white(self.huisstijlkleur):.1f}".replace(
                                ".", ","
                            )
                        }
                    }
                )
        if (
            self.term_pijler
            and self.term_pijlers
            and self.term_pijler.strip() == self.term_pijlers.strip()
        ):
            raise ValidationError(
                {"term_pijlers": _("Het meervoud moet anders zijn dan het enkelvoud.")}
            )
        self._clean_term()

    def _clean_term(self) -> None:
        term = (self.term_pijler or "").strip()
        first, _sep, rest = term.partition(" ")
        if rest and first.lower() in ("de", "het", "een"):
            raise ValidationError(
                {
                    "term_pijler": _(
                        "Vul het woord zonder lidwoord in (%(woord)s) en kies het lidwoord "
                        "hieronder."
                    )
                    % {"woord": rest}
                }
            )
        known = known_lidwoord(term)
        if known and self.term_lidwoord and known != self.term_lidwoord:
            raise ValidationError(
                {
                    "term_lidwoord": _(
                        "Het is '%(goed)s', niet '%(fout)s'. Kies het lidwoord '%(lidwoord)s'."
                    )
                    % {
                        "goed": f"{known} {term}",
                        "fout": f"{self.term_lidwoord} {term}",
                        "lidwoord": known,
                    }
                }
            )

    @property
    def term(self) -> Term:
        """The word for a pijler with its article: `term.elke`, `term.Nieuwe`, ..."""
        return Term(self.term_pijler, self.term_pijlers, self.term_lidwoord)

    CACHE_KEY = "gemeenteprofiel"
    CACHE_SECONDS = 900  # saving drops it at once; this bounds a change made around save()

    @classmethod
    def cached(cls) -> "GemeenteProfiel":
        """The profile for page rendering, from the shared cache (Redis in production),
        kept in each process until the data version changes (inclusie.fragments).

        Saving drops it from that cache and is a write, so every process shows a change
        at once; fragments that show the profile key on its `updated_at`.
        """
        from inclusie import fragments

        return fragments.kept_in_process(cls.CACHE_KEY, cls._from_shared_cache)

    @classmethod
    def _from_shared_cache(cls) -> "GemeenteProfiel":
        from django.core.cache import cache

        profiel = cache.get(cls.CACHE_KEY)
        if profiel is None:
            profiel = cls.objects.filter(pk=1).first() or cls()
            cache.set(cls.CACHE_KEY, profiel, cls.CACHE_SECONDS)
        return profiel

    @classmethod
    def load(cls) -> "GemeenteProfiel":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj


class Wijk(models.Model):
    """A neighbourhood (wijk) or village (kern) of the gemeente."""

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    is_kern = models.BooleanField(_("is een kern (dorp)"), default=False)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Een wijk die niet meer actief is, staat niet meer in de keuzelijsten; "
            "organisaties en initiatieven in die wijk houden haar."
        ),
    )

    class Meta:
        verbose_name = _("wijk of kern")
        verbose_name_plural = _("wijken en kernen")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam


class DiversiteitsAspect(models.Model):
    """An aspect of the Movisie diversiteitsvlechtwerk.

    Used as a tag for *knowledge* and *reach* ("who is missing from our view?"),
    never as a characteristic of a person (AVG art. 9).
    """

    naam = models.CharField(_("naam"), max_length=120, unique=True)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Een aspect dat niet meer actief is, kunt u niet meer kiezen; kennis die het al "
            "draagt, houdt het."
        ),
    )

    class Meta:
        verbose_name = _("diversiteitsaspect")
        verbose_name_plural = _("diversiteitsaspecten")
        ordering = ["volgorde", "naam"]

    def __str__(self) -> str:
        return self.naam
