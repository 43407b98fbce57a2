"""Choice lists the beheerder keeps (sectors, themes): stored rows, not code.

A model field that takes its choices from such a list is a `KeuzeField`:

    sector = KeuzeField(_("sector"), keuzelijst="sector", max_length=32, default="overig")

`org.get_sector_display()`, model validation and forms work as with fixed choices; the
form offers only the active choices (plus the value a row already has, see
inclusie.beheer.only_active_choices). The first contents come from a data migration;
until then (a fresh database) the app's TextChoices stand in, so nothing breaks.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.db import models
from django.db.utils import DatabaseError
from django.utils.text import capfirst
from django.utils.translation import gettext

CACHE_PREFIX = "keuzelijst:"
_defaults: dict[str, list[tuple[str, str]]] = {}

# Within one request a list is read from the shared cache once: a list page shows
# `get_sector_display()` for every row, each of which asks for the list's choices.
# The memo is emptied when a request starts, and lives at most MEMO_SECONDS elsewhere
# (Celery tasks, commands), so a change by the beheerder shows at the next request.
MEMO_SECONDS = 1.0
_memo: dict[tuple, tuple[float, object]] = {}


def _remembered(key: tuple, compute: Callable):
    import time

    now = time.monotonic()
    hit = _memo.get(key)
    if hit is not None and now - hit[0] < MEMO_SECONDS:
        return hit[1]
    value = compute()
    _memo[key] = (now, value)
    return value


def clear_memo(**kwargs) -> None:
    _memo.clear()


def register_defaults(lijst: str, choices) -> None:
    """The TextChoices a list starts from (used before the data migration has run)."""
    _defaults[lijst] = [(str(v), str(label)) for v, label in choices]


def _rows(lijst: str) -> list[tuple[str, str, bool]]:
    """(waarde, naam, actief) of the list, from the shared cache (one query a minute).

    A shipped choice missing from the table (a database just flushed or not yet migrated)
    stands in from the app's TextChoices: rows are deactivated, never deleted, so a code
    is only missing where nobody kept the list yet.
    """
    return _remembered(("rows", lijst), lambda: _shared_rows(lijst))


def _shared_rows(lijst: str) -> list[tuple[str, str, bool]]:
    from django.core.cache import cache

    key = CACHE_PREFIX + lijst
    rows = cache.get(key)
    if rows is None:
        from inclusie.models import Keuze

        try:
            rows = list(
                Keuze.objects.filter(lijst=lijst)
                .order_by("volgorde", "naam")
                .values_list("waarde", "naam", "actief")
            )
        except DatabaseError:  # the table does not exist yet (migrating a fresh database)
            return [(v, label, True) for v, label in _defaults.get(lijst, [])]
        stored = {row[0] for row in rows}
        rows += [(v, label, True) for v, label in _defaults.get(lijst, []) if v not in stored]
        cache.set(key, rows, 60)
    return rows


def lijsten_vullen() -> None:
    """Store the shipped choices of every list that has none (after `seed_demo --reset`)."""
    from inclusie.models import Keuze

    for lijst, choices in _defaults.items():
        if Keuze.objects.filter(lijst=lijst).exists():
            continue
        Keuze.objects.bulk_create(
            Keuze(lijst=lijst, waarde=v, naam=label, volgorde=i)
            for i, (v, label) in enumerate(choices, start=1)
        )
        forget(lijst)


def forget(lijst: str) -> None:
    """Drop a list from the cache after the beheerder changed it."""
    from django.core.cache import cache

    cache.delete(CACHE_PREFIX + lijst)
    clear_memo()


def keuzes(lijst: str, *, alleen_actief: bool = False, ook: str = "") -> list[tuple[str, str]]:
    """[(waarde, label)]: every choice, or the active ones (plus `ook`, a value kept).

    The label goes through gettext: the choices the portal shipped with have their
    Dutch name as msgid, so the English interface keeps its translation; a name the
    beheerder typed has none and shows as typed.
    """
    from django.utils.translation import get_language

    def compute() -> list[tuple[str, str]]:
        return [
            (waarde, gettext(naam))
            for waarde, naam, actief in _rows(lijst)
            if actief or not alleen_actief or waarde == ook
        ]

    return list(_remembered(("keuzes", lijst, get_language(), alleen_actief, ook), compute))


def choices_for(lijst: str) -> Callable[[], list[tuple[str, str]]]:
    def choices() -> list[tuple[str, str]]:
        return keuzes(lijst)

    choices.keuzelijst = lijst  # type: ignore[attr-defined]
    return choices


class KeuzeField(models.CharField):
    """A CharField whose choices are a list the beheerder keeps (see module docstring)."""

    def __init__(self, *args, keuzelijst: str, **kwargs):
        self.keuzelijst = keuzelijst
        kwargs["choices"] = choices_for(keuzelijst)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices", None)
        kwargs["keuzelijst"] = self.keuzelijst
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        lijst, blank = self.keuzelijst, self.blank

        def active() -> list[tuple[str, str]]:
            offered = keuzes(lijst, alleen_actief=True)
            return [("", "---------"), *offered] if blank else offered

        defaults = {
            "required": not blank,
            "label": capfirst(self.verbose_name),
            "help_text": self.help_text,
            "choices": active,
            "coerce": str,
            "empty_value": "",
        }
        if self.has_default():
            defaults["initial"] = self.get_default()
        for key in ("form_class", "choices_form_class", "max_length"):
            kwargs.pop(key, None)
        defaults.update(kwargs)
        field = forms.TypedChoiceField(**defaults)
        field.keuzelijst = lijst  # type: ignore[attr-defined]
        return field
