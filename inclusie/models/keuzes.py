from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Keuze(models.Model):
    """One choice of a list the beheerder keeps: a sector, a theme of a commitment ...

    Rows store `waarde` (a fixed code); `naam` is what people see and may change.
    The lists and their first contents come from the apps (inclusie.keuzes).
    """

    lijst = models.CharField(_("lijst"), max_length=32, db_index=True)
    waarde = models.SlugField(
        _("code"),
        max_length=32,
        blank=True,
        help_text=_("Vast; wordt gemaakt uit de naam."),
    )
    naam = models.CharField(_("naam"), max_length=120)
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    actief = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_(
            "Een keuze die niet meer actief is, wordt niet meer aangeboden; wat haar al "
            "heeft, houdt haar."
        ),
    )

    class Meta:
        verbose_name = _("keuze")
        verbose_name_plural = _("keuzes")
        ordering = ["lijst", "volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["lijst", "waarde"], name="keuze_lijst_waarde_uniek"),
            models.UniqueConstraint(fields=["lijst", "naam"], name="keuze_lijst_naam_uniek"),
        ]

    def __str__(self) -> str:
        return self.naam

    def clean(self) -> None:
        # A new choice gets its code from its name; the code never changes afterwards,
        # because rows store it.
        if not self.waarde:
            self.waarde = slugify(self.naam)[:32].strip("-") or "keuze"
            base, n = self.waarde, 2
            others = Keuze.objects.filter(lijst=self.lijst).exclude(pk=self.pk)
            while others.filter(waarde=self.waarde).exists():
                self.waarde = f"{base[:28]}-{n}"
                n += 1
        if self.pk:
            stored = Keuze.objects.filter(pk=self.pk).values_list("waarde", flat=True).first()
            if stored and stored != self.waarde:
                raise ValidationError({"waarde": _("De code van een keuze verandert niet.")})
