"""Registries for personal data (AVG): who is in which records, and how long we keep them.

Each app registers, in its AppConfig.ready():

- :class:`PersonSource`: a kind of record that can hold data about one person, how to
  find the records of one person (by Persoon, by User account, by e-mail address), how
  to show them in an access request (art. 15) and how to erase or anonymise one for an
  erasure request (art. 17) - or why a legal duty keeps it (``kept_because``);
- :class:`RetentionKind`: a kind of personal data with a retention period (default in
  months, the beheerder changes it), which records are past it, and what happens to them;
- a *persons in use* hook: the Persoon ids the app still needs now (a current seat, an
  active ambassador), so a retention run never anonymises someone who is still active.

The ``privacy`` app reads these registries; the core knows no app.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import QuerySet


@dataclass(frozen=True)
class PersonRef:
    """One person as the registries look for them."""

    persoon_ids: frozenset[int] = frozenset()
    user_ids: frozenset[int] = frozenset()
    emails: frozenset[str] = frozenset()

    @classmethod
    def for_persoon(cls, persoon) -> PersonRef:
        users = {persoon.user_id} if persoon.user_id else set()
        emails = {persoon.email.lower()} if persoon.email else set()
        if persoon.user_id:
            emails.add(persoon.user.email.lower())
        return cls(frozenset({persoon.pk}), frozenset(users), frozenset(emails))

    @classmethod
    def for_user(cls, user) -> PersonRef:
        from inclusie.models import Persoon

        persoon = Persoon.objects.filter(user=user).first()
        persons = {persoon.pk} if persoon else set()
        emails = {user.email.lower()}
        if persoon and persoon.email:
            emails.add(persoon.email.lower())
        return cls(frozenset(persons), frozenset({user.pk}), frozenset(emails))


@dataclass(frozen=True)
class PersonSource:
    code: str  # "ambassadeurs.coachingnotitie"
    label: Any
    find: Callable[[PersonRef], Iterable[Any]]
    describe: Callable[[Any], dict[str, Any]]
    # Erase or anonymise one record; returns what was done (a short Dutch phrase).
    erase: Callable[[Any], str] | None = None
    # Why a legal duty keeps these records (then `erase` is None).
    kept_because: Any = ""
    order: int = 100


@dataclass(frozen=True)
class RetentionKind:
    code: str  # "ambassadeurs"
    label: Any
    default_months: int
    starts: Any  # from which moment the period runs, for the beheerder
    action: Any  # "anonimiseren" or "verwijderen", for the beheerder
    expired: Callable[[date], QuerySet]  # records whose period ended before the cutoff date
    apply: Callable[[QuerySet], int]  # anonymise/delete them; returns how many
    describe: Callable[[Any], str] = str
    order: int = 100


_sources: dict[str, PersonSource] = {}
_kinds: dict[str, RetentionKind] = {}
_in_use: list[Callable[[], QuerySet]] = []


def register_person_source(source: PersonSource) -> None:
    _sources[source.code] = source


def person_sources() -> list[PersonSource]:
    return sorted(_sources.values(), key=lambda s: (s.order, s.code))


def register_retention_kind(kind: RetentionKind) -> None:
    _kinds[kind.code] = kind


def retention_kinds() -> list[RetentionKind]:
    return sorted(_kinds.values(), key=lambda k: (k.order, k.code))


def retention_kind(code: str) -> RetentionKind | None:
    return _kinds.get(code)


def register_persons_in_use(hook: Callable[[], QuerySet]) -> None:
    """`hook()` returns a values_list queryset of Persoon ids the app still needs today."""
    if hook not in _in_use:
        _in_use.append(hook)


def exclude_in_use(queryset: QuerySet, persoon_field: str = "persoon") -> QuerySet:
    """Leave out records of persons some app still needs (SQL subqueries, no loop)."""
    for hook in _in_use:
        queryset = queryset.exclude(**{f"{persoon_field}__in": hook()})
    return queryset


def describe_fields(obj, names: Iterable[str]) -> dict[str, Any]:
    """Readable field name -> readable value, for access requests."""
    result: dict[str, Any] = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        label = str(model_field.verbose_name)
        if getattr(model_field, "choices", None):
            value = getattr(obj, f"get_{name}_display")()
        elif model_field.many_to_many:
            value = ", ".join(str(o) for o in getattr(obj, name).all())
        else:
            value = getattr(obj, name)
        if value is None or value == "":
            continue
        if isinstance(value, bool):
            value = "ja" if value else "nee"
        result[label[:1].upper() + label[1:]] = (
            value if isinstance(value, int | float) else str(value)
        )
    return result
