"""Registries that let each app add to the shared shell without editing it.

Apps register navigation items and home-page panels in their AppConfig.ready().
The navigation shows an item when the user may view its area; the home page
shows a panel when the user's role is listed. This keeps the shell in one place
and lets features arrive without merge conflicts in shared templates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from inclusie.permissions import VIEW, allowed


@dataclass(frozen=True)
class NavSection:
    """A top item of the main menu: one task, with the pages for it beneath."""

    code: str
    label: Any
    order: int


# Navigation by task: at most six top items for any role (tests/inclusie/test_navigation.py).
# An app puts its pages in one of these with NavItem(section=...); a section with one
# page for a role shows as that page's link, one with more as a submenu.
SECTIONS: dict[str, NavSection] = {
    s.code: s
    for s in (
        NavSection("start", _("Home"), 0),
        NavSection("mijn", _("Mijn ambassadeurschap"), 5),
        NavSection("deal", _("Deal en netwerk"), 10),
        NavSection("bijeenkomsten", _("Bijeenkomsten"), 20),
        NavSection("beleid", _("Beleid en advies"), 30),
        NavSection("resultaten", _("Resultaten"), 40),
        NavSection("beheer", _("Beheer"), 90),
    )
}


@dataclass(frozen=True)
class NavItem:
    label: Any  # a lazy string, or a callable(gemeente) -> str for configurable terms
    url_name: str
    area: str
    order: int = 100
    action: str = VIEW
    section: str = ""  # a code in SECTIONS; empty: a top item of its own

    def text(self, gemeente) -> str:
        return str(self.label(gemeente) if callable(self.label) else self.label)


@dataclass(frozen=True)
class HomePanel:
    """A block on a role's home page: "what needs me now?"."""

    template: str
    roles: tuple[str, ...]
    context: Callable[[Any], dict] = field(default=lambda request: {})
    order: int = 100


@dataclass(frozen=True)
class PublicLink:
    """A page under /openbaar/ listed on the public index."""

    label: Any
    url_name: str
    order: int = 100


_nav: list[NavItem] = []
_panels: list[HomePanel] = []
_public: list[PublicLink] = []


def register_public_link(link: PublicLink) -> None:
    if all(existing.url_name != link.url_name for existing in _public):
        _public.append(link)


def public_links() -> list[dict]:
    return [
        {"label": str(i.label), "url": reverse(i.url_name)}
        for i in sorted(_public, key=lambda i: i.order)
    ]


def register_nav(item: NavItem) -> None:
    if all(existing.url_name != item.url_name for existing in _nav):
        _nav.append(item)


def register_panel(panel: HomePanel) -> None:
    if all(existing.template != panel.template for existing in _panels):
        _panels.append(panel)


def nav_for(user, gemeente, path: str = "") -> list[dict]:
    """The main menu for this user: sections by task, each with the pages the user may open.

    Each section is {"code", "label", "items", "current"}; each item {"label", "url",
    "url_name", "current"}. `path` (the request's) marks the current page and section: the
    item whose URL is the longest prefix of the path (the home page only on itself).

    The menu depends only on the role, the language, the gemeente's terms and the URL
    prefix, so it is built once per process for each of those (`_role_nav`); a request
    only copies it and marks where it is.
    """
    _key, role_nav = _role_nav(user, gemeente)
    here = _here(role_nav, path)
    sections = [
        {**section, "items": [dict(item) for item in section["items"]]} for section in role_nav
    ]
    if here is not None:
        url, exact = here
        for section in sections:
            for item in section["items"]:
                if item["url"] == url:
                    item["current"] = "page" if exact else "true"
                    section["current"] = True
    return sections


def _here(role_nav: list[dict], path: str) -> tuple[str, bool] | None:
    """(URL of the menu item the path is in, whether it is that page itself), or None."""
    urls = [item["url"] for section in role_nav for item in section["items"]]
    within = [u for u in urls if u == path or (u != "/" and path.startswith(u))]
    if not within:
        return None
    url = max(within, key=len)
    return url, url == path


NAV_TEMPLATE = "includes/hoofdmenu.html"
# (menu key, current item) -> the menu's HTML
_nav_html_cache: dict[tuple, str] = {}


def nav_html(user, gemeente, path: str = "") -> str:
    """The main menu as HTML: rendered once per process for each menu and current item.

    The menu is the same for everyone with the same role, language and gemeente terms,
    and the page only decides which item is current, so every page after the first
    costs a dictionary lookup instead of a template render.
    """
    from django.template.loader import render_to_string
    from django.utils.safestring import mark_safe

    key, role_nav = _role_nav(user, gemeente)
    here = _here(role_nav, path)
    html_key = (key, here)
    html = _nav_html_cache.get(html_key)
    if html is None:
        if len(_nav_html_cache) > 4096:  # menus x pages with a menu item: small; bound it
            _nav_html_cache.clear()
        sections = nav_for(user, gemeente, path)
        html = render_to_string(NAV_TEMPLATE, {"hoofdnavigatie": sections}) if sections else ""
        _nav_html_cache[html_key] = html
    return mark_safe(html)  # noqa: S308 - our own template, rendered with autoescape


# (role, active, language, URL prefix, gemeente version, registry size) -> the menu
_nav_cache: dict[tuple, list[dict]] = {}


def _role_nav(user, gemeente) -> tuple[tuple, list[dict]]:
    """(cache key, menu) of this user's role: built once per process."""
    from django.urls import get_script_prefix
    from django.utils.translation import get_language

    key = (
        getattr(user, "role", None),
        bool(getattr(user, "is_authenticated", False) and user.is_active),
        get_language(),
        get_script_prefix(),
        getattr(gemeente, "pk", None),
        getattr(gemeente, "updated_at", None),
        len(_nav),
    )
    cached = _nav_cache.get(key)
    if cached is None:
        if len(_nav_cache) > 256:  # roles x languages x profile versions: small; bound it
            _nav_cache.clear()
        cached = _nav_cache[key] = _build_nav(user, gemeente)
    return key, cached


def _build_nav(user, gemeente) -> list[dict]:
    items = [i for i in sorted(_nav, key=lambda i: i.order) if allowed(user, i.area, i.action)]
    entries: list[dict[str, Any]] = [
        {
            "label": i.text(gemeente),
            "url": reverse(i.url_name),
            "url_name": i.url_name,
            "section": i.section if i.section in SECTIONS else f"item-{i.url_name}",
            "order": i.order,
            "current": False,
        }
        for i in items
    ]
    sections: dict[str, dict] = {}
    for entry in entries:
        code = entry["section"]
        if code not in sections:
            known = SECTIONS.get(code)
            sections[code] = {
                "code": code.replace(":", "-"),
                "label": str(known.label) if known else entry["label"],
                "order": known.order if known else entry["order"],
                "items": [],
                "current": False,
            }
        sections[code]["items"].append(entry)
    return sorted(sections.values(), key=lambda s: s["order"])


PANEL_FRAGMENT_TEMPLATE = "inclusie/panels/fragment.html"


def panels_for(request) -> list[dict]:
    """The role's home panels, each rendered once and kept in the shared cache.

    Each comes back as {"template": PANEL_FRAGMENT_TEMPLATE, "html": ...}, so a page that
    includes `panel.template` with `panel` shows the HTML. The key holds the data version
    (inclusie/fragments.py: any write makes every panel stale at once), the user, the
    role, the language and the day: one person's panel never reaches another person.
    """
    from django.core.cache import cache
    from django.template.loader import render_to_string
    from django.utils import timezone
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    from inclusie import fragments

    user = request.user
    role = getattr(user, "role", None)
    chosen = [p for p in sorted(_panels, key=lambda p: p.order) if role in p.roles]
    if not chosen:
        return []
    prefix = ":".join(
        [
            "panel",
            fragments.version(),  # read before the data, so a later write outdates it
            str(user.pk),
            str(role),
            get_language() or "",
            timezone.localdate().isoformat(),
        ]
    )
    keys = {p.template: f"{prefix}:{p.template}" for p in chosen}
    found = cache.get_many(list(keys.values()))
    rendered: dict[str, str] = {}
    panels = []
    for p in chosen:
        key = keys[p.template]
        html = found.get(key)
        if html is None:
            context = {"template": p.template, **p.context(request)}
            html = rendered[key] = render_to_string(p.template, {"panel": context}, request)
        panels.append({"template": PANEL_FRAGMENT_TEMPLATE, "html": mark_safe(html)})  # noqa: S308 - our own rendered template
    if rendered:
        cache.set_many(rendered, fragments.TIMEOUT)
    return panels


# --- Slot panels: one app's data on another app's page ---------------------
#
# A page of one app (a pijler's page) has a named slot; other apps register
# panels for it in their AppConfig.ready(). The page renders whatever is
# registered, so pijlers shows partners, commitments and meetings without
# importing the deal or meetings apps (dependencies point one way).


@dataclass(frozen=True)
class SlotPanel:
    """A block an app adds to another app's page, e.g. the Deal's partners on a pijler.

    `context(request, obj) -> dict` computes what the template shows for the
    page's object (`obj`, e.g. the pijler); it must use a fixed number of queries.
    The panel shows only to users who may view `area` (empty: everyone who sees
    the page).
    """

    slot: str
    template: str
    context: Callable[[Any, Any], dict]
    area: str = ""
    order: int = 100


_slot_panels: list[SlotPanel] = []


def register_slot_panel(panel: SlotPanel) -> None:
    if all(
        (existing.slot, existing.template) != (panel.slot, panel.template)
        for existing in _slot_panels
    ):
        _slot_panels.append(panel)


def slot_panels(slot: str, request, obj) -> list[dict]:
    """The panels for `slot` this user may see, each as {"template": ..., **context}."""
    chosen = [
        p
        for p in sorted(_slot_panels, key=lambda p: p.order)
        if p.slot == slot and (not p.area or allowed(request.user, p.area, VIEW))
    ]
    return [{"template": p.template, **p.context(request, obj)} for p in chosen]


# --- What waits for a decision ---------------------------------------------
#
# The wethouder's home starts with what waits for their decision. Each app that
# has such things (a raadsmededeling to approve, an advies waiting for the
# gemeente's response) registers a source; the core panel lists them, most
# urgent first. A source returns a few items with a fixed number of queries.


@dataclass(frozen=True)
class Decision:
    label: str  # what to decide, in a sentence ("Raadsmededeling 2026-3 goedkeuren")
    url: str
    kind: str  # a short category ("Raadsmededeling", "Advies klankbordgroep")
    due: Any = None  # a date, when there is a deadline
    overdue: bool = False


@dataclass(frozen=True)
class DecisionSource:
    code: str
    roles: tuple[str, ...]
    items: Callable[[Any], list[Decision]]  # request -> decisions


_decision_sources: dict[str, DecisionSource] = {}


def register_decision_source(source: DecisionSource) -> None:
    _decision_sources[source.code] = source


def decisions_for(request) -> list[Decision]:
    """Everything waiting for this user's role to decide: overdue first, then by deadline."""
    role = getattr(request.user, "role", None)
    items = [
        item
        for source in _decision_sources.values()
        if role in source.roles
        for item in source.items(request)
    ]
    return sorted(items, key=lambda d: (not d.overdue, d.due is None, d.due or 0))


# --- Figures for monitoring -------------------------------------------------
#
# Each app registers the internal output figures it can compute from its own
# data (in its AppConfig.ready()), and the dashboard sections they appear in.
# The monitoring app snapshots every figure per half year, so the dashboard and
# the reports read frozen numbers; monitoring itself knows no app's codes.

STOCK = "stock"  # the state at the end of the period (computed from dated history)
FLOW = "flow"  # what happened inside the period (events dated in [start, end))
KINDS = (STOCK, FLOW)


@dataclass(frozen=True)
class FigureSection:
    """A heading on the dashboard and in the report appendix that groups figures."""

    code: str
    heading: Any  # a lazy string: rendered in the reader's language
    order: int = 100


@dataclass(frozen=True)
class Figure:
    """A figure computed from the portal's own data for a period.

    `compute(start, end)` gets two dates (inclusive start, exclusive end) and
    returns either a number (int/float) or a dict of label -> number for a
    breakdown (e.g. partners per stage). It must use a fixed number of queries.

    `kind` is required: a STOCK is the state at `end` and must be computed from
    dated history (phase changes, status histories, start and end dates), so a
    past period computed today gives the state it had then; a FLOW counts the
    events dated inside the period. `section` is the dashboard section (a
    registered FigureSection; by default the part of the code before the dot).
    `warning(value) -> bool` makes the figure a warning at the top of the
    dashboard instead of a figure in its section when the rule holds.
    """

    code: str  # e.g. "deal.partners_per_stage"
    label: Any  # a lazy string; the snapshot stores its Dutch source text and the code
    compute: Callable[[Any, Any], Any]
    unit: Any = ""
    order: int = 100
    kind: str = ""
    section: str = ""
    warning: Callable[[Any], bool] | None = None
    # Breakdown labels are choice labels (translated on display) unless they are data,
    # such as a pijler's own name, which stays as the gemeente wrote it.
    labels_are_data: bool = False

    @property
    def group(self) -> str:
        return self.section or self.code.split(".", 1)[0]


def warn_when_any(value) -> bool:
    """Warning rule: a non-zero number, or a breakdown with any entry (e.g. names)."""
    if isinstance(value, dict):
        return bool(value)
    return bool(value)


_figures: dict[str, Figure] = {}
_sections: dict[str, FigureSection] = {}


def register_figure(figure: Figure) -> None:
    if figure.kind not in KINDS:
        raise ValueError(f"Figure {figure.code} must declare its kind (STOCK or FLOW).")
    _figures[figure.code] = figure


def register_figure_section(section: FigureSection) -> None:
    _sections[section.code] = section


def figures() -> list[Figure]:
    return sorted(_figures.values(), key=lambda f: (f.order, f.code))


def figure(code: str) -> Figure | None:
    return _figures.get(code)


def figure_section(code: str) -> FigureSection | None:
    return _sections.get(code)


def figure_sections() -> list[FigureSection]:
    return sorted(_sections.values(), key=lambda s: (s.order, s.code))


# --- Sources for redaction (Woo 5.1.2e) ---------------------------------------
#
# Every app that holds a person in a field registers where those people are, so
# the one redaction engine (inclusie/redaction.py) knows every name, e-mail
# address, username and phone number. Apps also register what must stay
# readable: public office holders and the names of public things (pijlers).


@dataclass(frozen=True)
class RedactionSource:
    """`people()` yields inclusie.redaction.PersonRef; the others yield strings."""

    code: str
    people: Callable[[], Any] = field(default=lambda: ())
    office_holders: Callable[[], Any] = field(default=lambda: ())
    public_phrases: Callable[[], Any] = field(default=lambda: ())


_redaction_sources: dict[str, RedactionSource] = {}


def register_redaction_source(source: RedactionSource) -> None:
    _redaction_sources[source.code] = source


def redaction_sources() -> list[RedactionSource]:
    return [_redaction_sources[k] for k in sorted(_redaction_sources)]


# --- Beheer: the beheerder's pages, gathered under one "Beheer" ---------------
#
# Apps register the lists and settings their beheerder maintains; the core's
# Beheer page shows them, and the reference lists get the core's list, form and
# (de)activate pages (inclusie/beheer_views.py), so no app writes its own.


@dataclass(frozen=True)
class ReferenceList:
    """A list the beheerder keeps on the portal's own pages (wijken, ambtsdragers ...).

    `model` ("app_label.Model") must have a boolean `actief`: rows are deactivated,
    never deleted, so what refers to them keeps its value. Deactivated rows are not
    offered in the portal's forms any more (inclusie.beheer.only_active_choices).
    """

    code: str  # the part of the URL: /beheer/lijsten/<code>/
    model: str
    label: Any  # plural, a lazy string: "Wijken en kernen"
    add_label: Any  # "Wijk toevoegen"
    fields: tuple[str, ...]
    intro: Any = ""
    order: int = 100
    # For lists that share a model (inclusie.Keuze): the rows of this list, and what a
    # new row gets, e.g. {"lijst": "sector"}.
    where: dict = field(default_factory=dict)

    def get_model(self):
        from django.apps import apps

        return apps.get_model(self.model)


@dataclass(frozen=True)
class BeheerLink:
    """A page of an app that belongs under Beheer (the report schedule, questionnaires)."""

    label: Any
    url_name: str
    description: Any = ""
    order: int = 100


_reference_lists: dict[str, ReferenceList] = {}
_beheer_links: list[BeheerLink] = []


def register_reference_list(lijst: ReferenceList) -> None:
    _reference_lists[lijst.code] = lijst


def reference_lists() -> list[ReferenceList]:
    return sorted(_reference_lists.values(), key=lambda r: (r.order, r.code))


def reference_list(code: str) -> ReferenceList | None:
    return _reference_lists.get(code)


def register_beheer_link(link: BeheerLink) -> None:
    if all(existing.url_name != link.url_name for existing in _beheer_links):
        _beheer_links.append(link)


def beheer_links() -> list[dict]:
    return [
        {"label": str(i.label), "url": reverse(i.url_name), "description": str(i.description)}
        for i in sorted(_beheer_links, key=lambda i: i.order)
    ]
