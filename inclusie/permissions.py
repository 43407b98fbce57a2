"""The one permission map: per area, what each role may view and change.

Every view declares the area and action it needs:

- class-based views: ``area = "deal"`` and ``action = VIEW`` (or ``CHANGE``)
  as class attributes (use :class:`AreaMixin` for readability);
- function views: the :func:`requires` decorator;
- public views: Django's ``login_not_required`` decorator (or :class:`PublicMixin`).

:class:`PermissionMapMiddleware` enforces the map for every request before the
view runs. A view of ours that declares nothing is refused (closed by default),
and the URL x role matrix test fails on it, so no page can slip through.

Object-level rules (an ambassador sees only their own profile) are enforced by
the selectors that views use to fetch objects (404 for other people's data).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.decorators import method_decorator

from inclusie.constants import Role

VIEW = "view"
CHANGE = "change"
V = frozenset({VIEW})
VC = frozenset({VIEW, CHANGE})

K, B, W, L, A, H = (
    Role.KWARTIERMAKER,
    Role.BELEIDSADVISEUR,
    Role.WETHOUDER,
    Role.KLANKBORDLID,
    Role.AMBASSADEUR,
    Role.BEHEERDER,
)

# area -> role -> allowed actions. A role missing from an area has no access.
PERMISSION_MAP: dict[str, dict[str, frozenset[str]]] = {
    # Own home page and account: everyone signed in.
    "home": {K: VC, B: VC, W: VC, L: VC, A: VC, H: VC},
    "account": {K: VC, B: VC, W: VC, L: VC, A: VC, H: VC},
    # Gemeente profile, users, lists the beheerder maintains.
    "beheer": {H: VC},
    # Shared contacts: organisations and persons.
    "relaties": {K: VC, B: V, H: VC},
    # The Inclusie Deal: partners, stages, commitments, shared goals.
    "deal": {K: VC, B: V, W: V, H: VC},
    # Pijlers (or speerpunten / uitvoeringslijnen).
    "pijlers": {K: VC, B: V, W: V, L: V, A: V, H: VC},
    # Register of initiatives in the city.
    "initiatieven": {K: VC, B: VC, W: V, L: V, A: V, H: VC},
    # Knowledge base: documents, links, trainings.
    "kennisbank": {K: VC, B: VC, W: V, L: V, A: V, H: VC},
    # Meetings of every body (agenda, attendance, minutes, actions).
    "bijeenkomsten": {K: VC, B: V, W: V, L: V, A: V, H: VC},
    # Own invitations, RSVP and calendar feed.
    "agenda": {K: VC, B: VC, W: VC, L: VC, A: VC, H: VC},
    # Ambassadors: profiles and activities (the kwartiermaker's view).
    "ambassadeurs": {K: VC, B: V, H: VC},
    # Coaching log: private to kwartiermaker and beheerder.
    "coaching": {K: VC, H: VC},
    # Self-service of an ambassador: own profile and activities.
    "mijn_ambassadeurschap": {A: VC},
    # Klankbordgroep: members, coverage, adviezen.
    "klankbord": {K: VC, B: VC, W: V, L: V, H: VC},
    # Signals from the city.
    "signalen": {K: VC, B: V, W: V, L: VC, A: VC, H: VC},
    # The kwartiermaker assignment, hours and budget.
    "opdracht": {K: VC, W: V, H: VC},
    # Movisie stappenplan and randvoorwaarden (werkgroep, participation).
    "stappenplan": {K: V, B: VC, W: V, H: VC},
    # Verkenning questionnaires.
    "verkenning": {K: V, B: VC, H: VC},
    # Indicators, measurements, veranderverhaal.
    "monitoring": {K: V, B: VC, W: V, H: VC},
    # The wethouder's half-year dashboard.
    "dashboard": {K: V, B: V, W: V, H: V},
    # Reports (raadsmededeling, monitoringsrapportage): drafting.
    "rapporten": {K: V, B: VC, W: V, H: VC},
    # Approving a raadsmededeling (B&W date) and publishing it.
    "rapporten_goedkeuren": {W: VC, H: VC},
    # Audit trail of personal-data changes.
    "audit": {H: V},
    # Retention periods and people's requests about their data (AVG art. 15/17).
    "privacy": {H: VC},
}


def allowed(user: Any, area: str, action: str = VIEW) -> bool:
    """May this user perform `action` in `area`?"""
    if area not in PERMISSION_MAP:
        raise KeyError(f"Unknown permission area {area!r}; add it to PERMISSION_MAP")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return action in PERMISSION_MAP[area].get(user.role, frozenset())


def requires(area: str, action: str = VIEW) -> Callable:
    """Decorator for function views: declare the area and action the view needs."""
    if area not in PERMISSION_MAP:
        raise KeyError(f"Unknown permission area {area!r}")

    def decorate(view: Callable) -> Callable:
        view.permission_area = area  # type: ignore[attr-defined]
        view.permission_action = action  # type: ignore[attr-defined]
        return view

    return decorate


class AreaMixin:
    """Class-based views: set `area` and `action`; the middleware enforces them."""

    area: str = ""
    action: str = VIEW

    def can(self, area: str, action: str = VIEW) -> bool:
        return allowed(self.request.user, area, action)  # type: ignore[attr-defined]


def is_public(view_func: Callable) -> bool:
    return getattr(view_func, "login_required", True) is False


def declared_permission(view_func: Callable) -> tuple[str, str] | None:
    """The (area, action) a view declares, or None."""
    cls = getattr(view_func, "view_class", None)
    if cls is not None and getattr(cls, "area", ""):
        return cls.area, getattr(cls, "action", VIEW)
    area = getattr(view_func, "permission_area", "")
    if area:
        return area, getattr(view_func, "permission_action", VIEW)
    return None


# Views from Django and third-party apps that carry their own protection.
THIRD_PARTY_PREFIXES = (
    "django.contrib.admin",
    "django.views.i18n",
    "django.views.static",
    "django.contrib.auth.views",
)


def is_third_party(view_func: Callable) -> bool:
    module = getattr(view_func, "__module__", "") or ""
    cls = getattr(view_func, "view_class", None)
    if cls is not None:
        module = cls.__module__
    owner = getattr(view_func, "__self__", None)  # bound methods of AdminSite
    if owner is not None:
        module = type(owner).__module__
    return module.startswith(THIRD_PARTY_PREFIXES) or module == "inclusie.admin"


class PermissionMapMiddleware:
    """Enforce PERMISSION_MAP before any view of ours runs."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func: Callable, view_args, view_kwargs):
        if is_public(view_func):
            return None
        declared = declared_permission(view_func)
        if declared is None:
            if is_third_party(view_func):
                return None
            # Closed by default: a view that forgot to declare its area is refused.
            raise PermissionDenied("View declares no permission area")
        if not request.user.is_authenticated:
            return None  # LoginRequiredMiddleware already redirected; defensive.
        area, action = declared
        if not allowed(request.user, area, action):
            raise PermissionDenied
        return None


class TemplatePermissions:
    """`{% if can.deal.change %}` in templates: the same map, for showing buttons."""

    def __init__(self, user: Any) -> None:
        self.user = user

    def __getitem__(self, area: str) -> dict[str, bool]:
        return {action: allowed(self.user, area, action) for action in (VIEW, CHANGE)}

    def __contains__(self, area: str) -> bool:
        return area in PERMISSION_MAP


def public_view(cls):
    """Class decorator for public class-based views (no sign-in)."""
    from django.contrib.auth.decorators import login_not_required

    return method_decorator(login_not_required, name="dispatch")(cls)
