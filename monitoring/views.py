"""Thin views: parse the request, call a service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, TemplateView

from inclusie import dates, publicatie
from inclusie.constants import ReportStatus
from inclusie.downloads import private_file_response
from inclusie.form_views import ServiceFormView, call_service, run_action
from inclusie.fragments import Deferred
from inclusie.ids import query_id
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin, allowed, public_view, requires
from inclusie.publicatie_views import (
    LakbesluitView,
    PublicerenMetVoorvertoningForm,
    VoorvertoningView,
)
from monitoring import forms, schedule, selectors
from monitoring.constants import MededelingStatus
from monitoring.models import (
    Indicator,
    Meting,
    Raadsmededeling,
    Rapport,
    Snapshot,
    Veranderverhaal,
    Verhaal,
)
from monitoring.periods import Period
from monitoring.services import (
    imports,
    measurements,
    raadsmededeling,
    redaction,
    reports,
    snapshots,
)

# --- dashboard -----------------------------------------------------------------------


class DashboardView(AreaMixin, TemplateView):
    area, action = "dashboard", VIEW
    template_name = "monitoring/dashboard.html"

    def get_period(self) -> Period:
        code = self.request.GET.get("periode", "")
        try:
            return Period.parse(code) if code else Period.last_completed()
        except ValidationError:
            return Period.last_completed()

    def get_versie(self) -> int | None:
        versie = query_id(self.request.GET, "versie")
        return versie if versie is not None and versie < 10_000 else None

    def get_context_data(self, **kwargs):
        period = self.get_period()
        ctx = super().get_context_data(**kwargs)
        ctx.update(periode=period, vorige_periode=period.previous())
        # The page is a cached fragment: its data is read only when it is rendered afresh.
        ctx["pagina"] = Deferred(lambda: self._pagina(period))
        return ctx

    def _pagina(self, period: Period) -> dict:
        index = selectors.snapshot_index()
        pagina = {
            "beschikbaar_perioden": [Period.parse(code) for code in index],
            "heeft_snapshot": period.code in index,
            "te_besluiten": selectors.raadsmededelingen_te_besluiten(),
            "versies": [],
            "getoonde_versie": None,
            "nieuwste": None,
            "inhoud": "",
        }
        if period.code in index:
            versies = selectors.snapshot_versions(period)
            gekozen = self.get_versie()
            getoond = next((v for v in versies if v.versie == gekozen), versies[0])
            pagina.update(versies=versies, getoonde_versie=getoond, nieuwste=versies[0])
            pagina["inhoud"] = self.body(period, index, getoond)
        return pagina

    def body(self, period: Period, index: dict[str, str], snapshot: Snapshot) -> str:
        """The figures part of the page, rendered once per snapshot version and language.

        Snapshots are frozen (a new version is a new row, which changes the key), and
        the part holds nothing user-specific, so every visitor shares one rendering.
        """
        from django.core.cache import cache
        from django.template.loader import render_to_string
        from django.utils.translation import get_language

        key = "dashboard:v2:{}:{}:{}:{}".format(
            period.code, snapshot.pk, index.get(period.previous().code, "-"), get_language()
        )
        html = cache.get(key)
        if html is None:
            html = render_to_string(
                "monitoring/_dashboard_body.html",
                selectors.dashboard_context(period, versie=snapshot.versie),
            )
            cache.set(key, html, 60 * 60 * 24)
        return html


# --- monitoring overview, veranderverhaal ---------------------------------------------


class MonitoringIndexView(AreaMixin, TemplateView):
    area, action = "monitoring", VIEW
    template_name = "monitoring/index.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["veranderverhalen"] = selectors.veranderverhaal_list()
        ctx["snapshots"] = Snapshot.objects.only("periode", "gemaakt_op")[:6]
        return ctx


class VeranderverhaalDetailView(AreaMixin, DetailView):
    area, action = "monitoring", VIEW
    model = Veranderverhaal
    template_name = "monitoring/veranderverhaal_detail.html"

    def get_queryset(self):
        return Veranderverhaal.objects.select_related("doelstelling")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["keten"] = selectors.veranderverhaal_chain(self.object)
        ctx["schakel_form"] = forms.SchakelForm(veranderverhaal=self.object)
        return ctx


class VeranderverhaalCreateView(ServiceFormView):
    area, action = "monitoring", CHANGE
    model = Veranderverhaal
    form_class = forms.VeranderverhaalForm
    success_message = _("Het veranderverhaal is opgeslagen.")
    title = _("Veranderverhaal toevoegen")

    def perform(self, form):
        return measurements.veranderverhaal_save(veranderverhaal=form.save(commit=False))


class VeranderverhaalUpdateView(VeranderverhaalCreateView):
    title = _("Veranderverhaal wijzigen")

    def get_instance(self):
        return get_object_or_404(Veranderverhaal, pk=self.kwargs["pk"])


class SchakelCreateView(ServiceFormView):
    model = Veranderverhaal  # the pk in the URL (the hostile-input test edits the first one)
    area, action = "monitoring", CHANGE
    form_class = forms.SchakelForm
    success_message = _("De schakel is toegevoegd.")
    title = _("Schakel toevoegen aan het veranderverhaal")

    def dispatch(self, request, *args, **kwargs):
        self.veranderverhaal = get_object_or_404(Veranderverhaal, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "veranderverhaal": self.veranderverhaal}

    def perform(self, form):
        return measurements.schakel_save(schakel=form.save(commit=False))

    def get_success_url(self):
        return self.veranderverhaal.get_absolute_url()


# --- indicators, measurements, stories -------------------------------------------------


class IndicatorListView(FilteredListView):
    area, action = "monitoring", VIEW
    template_name = "monitoring/indicator_list.html"

    def get_queryset(self):
        return selectors.indicator_list()


class IndicatorDetailView(AreaMixin, DetailView):
    area, action = "monitoring", VIEW
    model = Indicator
    template_name = "monitoring/indicator_detail.html"

    def get_queryset(self):
        return selectors.indicator_detail_qs()


class IndicatorCreateView(ServiceFormView):
    area, action = "monitoring", CHANGE
    model = Indicator
    form_class = forms.IndicatorForm
    success_message = _("De indicator is opgeslagen.")
    title = _("Indicator toevoegen")

    def perform(self, form):
        return measurements.indicator_save(indicator=form.save(commit=False))


class IndicatorUpdateView(IndicatorCreateView):
    def get_instance(self):
        return get_object_or_404(Indicator, pk=self.kwargs["pk"])

    title = _("Indicator wijzigen")


class MetingListView(FilteredListView):
    area, action = "monitoring", VIEW
    template_name = "monitoring/meting_list.html"

    def get_queryset(self):
        return selectors.meting_list()


@requires("monitoring", VIEW)
def meting_export(request):
    """All measurements as CSV; cells that look like formulas are neutralised."""
    from inclusie.exports import csv_response

    rows = (
        (m.indicator.naam, m.periode, m.waarde, m.duiding)
        for m in selectors.meting_list().order_by("periode", "indicator__naam").iterator()
    )
    return csv_response("metingen", ["indicator", "periode", "waarde", "duiding"], rows)


class MetingCreateView(ServiceFormView):
    area, action = "monitoring", CHANGE
    model = Meting
    form_class = forms.MetingForm
    success_message = _("De meting is opgeslagen.")
    title = _("Meting invoeren")

    def get_initial(self):
        initial = super().get_initial()
        period = Period.last_completed()
        initial["periode"] = period.code
        if query_id(self.request.GET, "indicator"):
            initial["indicator"] = query_id(self.request.GET, "indicator")
            indicator = Indicator.objects.filter(pk=initial["indicator"]).first()
            computed = measurements.indicator_computed_value(indicator=indicator, period=period)
            if computed is not None:
                # Internal indicators: the portal's own figure is the starting value.
                initial["waarde"] = computed
        return initial

    def perform(self, form):
        return measurements.meting_save(meting=form.save(commit=False), by=self.request.user)

    def get_success_url(self):
        return self.object.indicator.get_absolute_url()


class MetingUpdateView(ServiceFormView):
    area, action = "monitoring", CHANGE
    model = Meting
    form_class = forms.MetingForm
    success_message = _(
        "De meting is opgeslagen. Maak de momentopname opnieuw om haar mee te nemen."
    )
    title = _("Meting wijzigen")

    def get_instance(self):
        return get_object_or_404(Meting, pk=self.kwargs["pk"])

    def perform(self, form):
        return measurements.meting_save(meting=form.save(commit=False), by=self.request.user)

    def get_success_url(self):
        return self.object.indicator.get_absolute_url()


class MetingImportView(ServiceFormView):
    area, action = "monitoring", CHANGE
    form_class = forms.MetingImportForm
    template_name = "monitoring/meting_import.html"
    title = _("Metingen inlezen uit een CSV-bestand")
    submit_label = _("Inlezen")
    success_url = reverse_lazy("monitoring:meting-list")
    extra_context = {
        "summary_intro": _("Er is niets ingelezen. Verbeter deze regels en probeer het opnieuw:")
    }

    def back_url(self):
        return reverse("monitoring:meting-list")

    def perform(self, form):
        upload = form.cleaned_data["bestand"]
        upload.seek(0)
        return imports.metingen_import_csv(data=upload.read(), by=self.request.user)

    def get_success_message(self, result):
        return _("%(n)s metingen ingelezen.") % {"n": result.created}


class VerhaalListView(FilteredListView):
    area, action = "monitoring", VIEW
    template_name = "monitoring/verhaal_list.html"

    def get_queryset(self):
        return selectors.verhaal_list()


class VerhaalCreateView(ServiceFormView):
    area, action = "monitoring", CHANGE
    model = Verhaal
    form_class = forms.VerhaalForm
    success_url = reverse_lazy("monitoring:verhaal-list")
    success_message = _("Het verhaal is opgeslagen.")
    title = _("Verhaal toevoegen")

    def perform(self, form):
        return measurements.verhaal_save(verhaal=form.save(commit=False))


# --- snapshots and the schedule --------------------------------------------------------


class SnapshotView(ServiceFormView):
    """List the snapshots; freeze a half year, or freeze it again as a new version."""

    area, action = "monitoring", CHANGE
    form_class = forms.SnapshotForm
    template_name = "monitoring/snapshots.html"
    title = _("Momentopnamen per halfjaar")
    submit_label = _("Momentopname of nieuwe versie vastleggen")

    def get_initial(self):
        return {"periode": self.request.GET.get("periode") or Period.last_completed().code}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["snapshots"] = Snapshot.objects.select_related("gemaakt_door").defer("data")[:30]
        ctx["planning"] = schedule.current()
        ctx["planning_tekst"] = schedule.in_words(ctx["planning"])
        return ctx

    def perform(self, form):
        period = Period.parse(form.cleaned_data["periode"])
        if Snapshot.objects.filter(periode=period.code).exists():
            return snapshots.snapshot_new_version(
                period=period, by=self.request.user, reden=form.cleaned_data["reden"]
            )
        return snapshots.snapshot_make(period=period, by=self.request.user)

    def get_success_message(self, snapshot):
        return _("De momentopname van %(p)s is vastgelegd (versie %(v)s).") % {
            "p": snapshot.periode,
            "v": snapshot.versie,
        }

    def get_success_url(self):
        return reverse("dashboard") + f"?periode={self.object.periode}"


class PlanningView(ServiceFormView):
    """The beheerder edits when the twice-yearly snapshot runs, in words, not crontab fields."""

    area, action = "beheer", CHANGE
    form_class = forms.PlanningForm
    template_name = "monitoring/planning.html"
    title = _("Planning van de rapporten")
    intro = _(
        "Op dit moment maakt het portaal automatisch een momentopname van het afgelopen "
        "halfjaar en zet het concepten klaar van de raadsmededeling en de "
        "monitoringsrapportage. Standaard kort na 1 januari en 1 juli."
    )
    success_url = reverse_lazy("monitoring:planning")

    def get_initial(self):
        task = schedule.current()
        c = task.crontab
        months = [int(m) for m in c.month_of_year.split(",") if m.isdigit()]
        initial = {"maanden": months, "actief": task.enabled}
        initial["dag"] = int(c.day_of_month) if c.day_of_month.isdigit() else 1
        if c.hour.isdigit() and c.minute.isdigit():
            initial["tijd"] = f"{int(c.hour):02d}:{int(c.minute):02d}"
        return initial

    def get_context_data(self, **kwargs):
        task = schedule.current()
        return {
            **super().get_context_data(**kwargs),
            "planning": task,
            "planning_tekst": schedule.in_words(task),
        }

    def get_success_message(self, task):
        return _("De planning is opgeslagen: %(planning)s.") % {"planning": schedule.in_words(task)}

    def perform(self, form):
        data = form.cleaned_data
        return schedule.update(
            dag=data["dag"],
            maanden=",".join(str(m) for m in sorted(data["maanden"])),
            uur=data["uur"],
            minuut=data["minuut"],
            actief=data["actief"],
        )


# --- reports -------------------------------------------------------------------------


class RapportListView(FilteredListView):
    area, action = "rapporten", VIEW
    template_name = "monitoring/rapport_list.html"

    def get_queryset(self):
        return selectors.rapport_list()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["form"] = forms.RapportRequestForm()
        return ctx


class RapportRequestView(ServiceFormView):
    area, action = "rapporten", CHANGE
    form_class = forms.RapportRequestForm
    title = _("Rapport aanvragen")

    def perform(self, form):
        return reports.rapport_request(
            soort=form.cleaned_data["soort"],
            period=Period.parse(form.cleaned_data["periode"]),
            by=self.request.user,
        )

    def get_success_message(self, rapport):
        # Not a success yet: the report is queued (shown as information).
        messages.info(
            self.request,
            _("Het rapport staat in de wachtrij. U krijgt een e-mail als het klaar is."),
        )
        return ""


class RapportDetailView(AreaMixin, DetailView):
    area, action = "rapporten", VIEW
    model = Rapport
    template_name = "monitoring/rapport_detail.html"

    def get_queryset(self):
        return selectors.rapport_list()

    def get_template_names(self):
        if self.request.headers.get("HX-Request"):
            return ["inclusie/_report_status.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["report"] = self.object
        ctx["can_retry"] = allowed(self.request.user, "rapporten", CHANGE)
        return ctx


@requires("rapporten", CHANGE)
def rapport_opnieuw(request, pk: int):
    rapport = get_object_or_404(Rapport, pk=pk)
    if request.method == "POST" and rapport.status == ReportStatus.FAILED:
        reports.rapport_retry(rapport=rapport)
        messages.info(request, _("Het rapport staat opnieuw in de wachtrij."))
    return redirect(rapport.get_absolute_url())


@requires("rapporten", VIEW)
def rapport_pdf(request, pk: int):
    rapport = get_object_or_404(Rapport, pk=pk, status=ReportStatus.DONE)
    return private_file_response(
        rapport.bestand, filename=f"{rapport.soort}-{rapport.periode}.pdf", inline=True
    )


# --- raadsmededelingen ----------------------------------------------------------------


class RaadsmededelingListView(FilteredListView):
    area, action = "rapporten", VIEW
    template_name = "monitoring/raadsmededeling_list.html"

    def get_queryset(self):
        return selectors.raadsmededeling_list()


class RaadsmededelingDraftView(ServiceFormView):
    area, action = "rapporten", CHANGE
    form_class = forms.RaadsmededelingDraftForm
    title = _("Raadsmededeling opstellen uit de momentopname")

    def get_initial(self):
        return {"periode": Period.last_completed().code}

    def perform(self, form):
        period = Period.parse(form.cleaned_data["periode"])
        return raadsmededeling.raadsmededeling_draft(period=period, by=self.request.user)

    def get_success_message(self, obj):
        return _("Het concept %(nr)s is opgesteld.") % {"nr": obj.nummer}


class RaadsmededelingDetailView(AreaMixin, DetailView):
    area, action = "rapporten", VIEW
    model = Raadsmededeling
    template_name = "monitoring/raadsmededeling_detail.html"

    def get_queryset(self):
        return Raadsmededeling.objects.select_related("goedgekeurd_door").prefetch_related(
            "opmerkingen__door"
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["versies"] = self.object.versies.select_related("gemaakt_door")[:20]
        ctx["rapporten"] = self.object.rapporten.all()[:5]
        headings = raadsmededeling.section_headings()
        ctx["secties"] = [
            {"kop": headings[k], "tekst": getattr(self.object, k)}
            for k in Raadsmededeling.SECTIONS
            if k not in Raadsmededeling.OPTIONAL_SECTIONS or getattr(self.object, k).strip()
        ]
        ctx["opmerking_form"] = forms.OpmerkingForm()
        ctx["goedkeuren_form"] = forms.GoedkeurenForm()
        ctx["lakregels"] = publicatie.lakregels(self.object).select_related("door")
        ctx["momentopname"] = raadsmededeling.mededeling_snapshot(self.object)
        ctx["nieuwere_momentopname"] = raadsmededeling.newer_snapshot(self.object)
        return ctx


def _mededeling_json(mededeling: Raadsmededeling) -> dict:
    last = mededeling.versies.select_related("gemaakt_door").order_by("-versie").first()
    return {
        # "versie" is what static/js/autosave.js sends back: the revision (conflict check).
        "versie": mededeling.revisie,
        "revisie": mededeling.revisie,
        "historie": last.versie if last else None,
        "door": last.gemaakt_door.get_full_name() if last and last.gemaakt_door else "",
        "op": dates.datum_tijd(mededeling.updated_at),
        "velden": {k: getattr(mededeling, k) for k in raadsmededeling.TEXT_FIELDS},
    }


class RaadsmededelingUpdateView(ServiceFormView):
    """The editor: Markdown sections with live preview, autosaved (JSON) or posted (form).

    An approved mededeling is locked: the page says so and every save is refused by
    the service, whichever way it arrives.
    """

    area, action = "rapporten", CHANGE
    model = Raadsmededeling
    form_class = forms.RaadsmededelingForm
    template_name = "monitoring/raadsmededeling_form.html"
    success_message = _("De tekst is opgeslagen.")
    intro = _(
        "Het portaal schreef een eerste versie uit de cijfers van het halfjaar. Pas elke "
        "paragraaf aan zoals u wilt; naast de tekst ziet u meteen hoe die in de PDF komt. "
        "Uw tekst wordt vanzelf opgeslagen, en elke zitting blijft bewaard als versie."
    )

    def wants_json(self) -> bool:
        return "application/json" in self.request.headers.get("Accept", "")

    def get_instance(self):
        if not hasattr(self, "mededeling"):
            self.mededeling = get_object_or_404(Raadsmededeling, pk=self.kwargs["pk"])
        return self.mededeling

    def get(self, request, *args, **kwargs):
        if not self.get_instance().is_concept:
            messages.info(request, _("Deze raadsmededeling is goedgekeurd; de tekst staat vast."))
            return redirect(self.mededeling.get_absolute_url())
        return super().get(request, *args, **kwargs)

    def back_url(self):
        return reverse("monitoring:raadsmededeling-detail", args=[self.kwargs["pk"]])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        mededeling = self.get_instance()
        ctx["title"] = _("Raadsmededeling bewerken %(nr)s") % {"nr": mededeling.nummer}
        ctx["object"] = mededeling
        ctx["kern_form"] = forms.KerncijfersForm(
            choices=raadsmededeling.kern_choices(mededeling),
            initial={"kerncijfers": mededeling.kerncijfers},
        )
        ctx["koppen"] = koppen = raadsmededeling.section_headings()
        numbered = {"inleiding": "1. ", "kader": "2. ", "kern": "3. ", "toelichting": "4. "}
        ctx["koppen_velden"] = {"onderwerp": str(_("Onderwerp"))} | {
            k: numbered.get(k, "") + str(koppen[k]) for k in Raadsmededeling.SECTIONS
        }
        ctx["opmerkingen"] = mededeling.opmerkingen.select_related("door")
        return ctx

    def form_invalid(self, form):
        if self.wants_json():
            fouten = {k: " ".join(v) for k, v in form.errors.items()}
            return JsonResponse(
                {"fouten": fouten, "melding": " ".join(fouten.values())}, status=400
            )
        return super().form_invalid(form)

    def perform(self, form):
        data = {k: form.cleaned_data[k] for k in raadsmededeling.TEXT_FIELDS}
        try:
            obj = raadsmededeling.raadsmededeling_update(
                mededeling=form.instance,
                data=data,
                by=self.request.user,
                revisie=form.cleaned_data.get("revisie"),
                autosave=self.wants_json(),
            )
        except raadsmededeling.RaadsmededelingConflict as conflict:
            melding = _("Een collega heeft de tekst intussen gewijzigd. Kies welke tekst blijft.")
            if self.wants_json():
                return JsonResponse(
                    {"conflict": _mededeling_json(conflict.current), "melding": melding},
                    status=409,
                )
            raise ValidationError(melding) from conflict
        except ValidationError as exc:
            if not self.wants_json():
                raise
            locked = not Raadsmededeling.objects.filter(
                pk=form.instance.pk, status=MededelingStatus.CONCEPT
            ).exists()
            return JsonResponse(
                {"melding": " ".join(exc.messages), "vergrendeld": locked},
                status=423 if locked else 400,
            )
        if self.wants_json():
            return JsonResponse(_mededeling_json(obj))
        return obj


@requires("rapporten", CHANGE)
@require_POST
def raadsmededeling_voorbeeld(request, pk: int):
    """Live preview: the Markdown of one section as the sanitised HTML the PDF will show."""
    get_object_or_404(Raadsmededeling, pk=pk)
    from inclusie.markdown import clean_source, render_markdown

    return HttpResponse(render_markdown(clean_source(request.POST.get("tekst", "")[:50000])))


@requires("rapporten", CHANGE)
@require_POST
def raadsmededeling_kern(request, pk: int):
    """The adviser picks three to six figures; the kern is drafted again from them."""
    mededeling = get_object_or_404(Raadsmededeling, pk=pk)
    form = forms.KerncijfersForm(request.POST, choices=raadsmededeling.kern_choices(mededeling))
    if form.is_valid():
        try:
            raadsmededeling.raadsmededeling_kern_opstellen(
                mededeling=mededeling, codes=form.cleaned_data["kerncijfers"], by=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("De kern is opnieuw opgesteld uit de gekozen cijfers."))
    else:
        messages.error(request, " ".join(" ".join(v) for v in form.errors.values()))
    return redirect(reverse("monitoring:raadsmededeling-update", args=[pk]) + "#kern")


@requires("rapporten", CHANGE)
@require_POST
def raadsmededeling_momentopname(request, pk: int):
    """Move a draft to the newest snapshot version: only when someone chooses to."""
    mededeling = get_object_or_404(Raadsmededeling, pk=pk)
    try:
        mededeling = raadsmededeling.raadsmededeling_snapshot_update(
            mededeling=mededeling, by=request.user
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("De mededeling gebruikt nu versie %(v)s van de momentopname.")
            % {"v": mededeling.momentopname.versie if mededeling.momentopname else "-"},
        )
    return redirect(mededeling.get_absolute_url())


@requires("rapporten", VIEW)
@require_POST
def raadsmededeling_opmerking(request, pk: int):
    """A comment on the draft (the wethouder's, usually), shown beside the editor."""
    mededeling = get_object_or_404(Raadsmededeling, pk=pk)
    form = forms.OpmerkingForm(request.POST)
    if form.is_valid():
        run_action(
            request,
            lambda: raadsmededeling.raadsmededeling_comment(
                mededeling=mededeling, tekst=form.cleaned_data["tekst"], by=request.user
            ),
            success=_("Uw opmerking is geplaatst."),
        )
    else:
        messages.error(request, " ".join(" ".join(v) for v in form.errors.values()))
    return redirect(mededeling.get_absolute_url() + "#opmerkingen")


class RaadsmededelingVersieDiffView(AreaMixin, DetailView):
    """What changed between two versions, section by section, word by word."""

    area, action = "rapporten", VIEW
    model = Raadsmededeling
    template_name = "monitoring/raadsmededeling_diff.html"

    def get_context_data(self, **kwargs):
        from monitoring.diff import diff_versions

        ctx = super().get_context_data(**kwargs)
        versies = list(self.object.versies.select_related("gemaakt_door").order_by("versie"))
        by_number = {v.versie: v for v in versies}

        def number(key: str, default: int | None) -> int | None:
            from inclusie.ids import query_id

            found = query_id(self.request.GET, key)
            return default if found is None else found

        newest = versies[-1].versie if versies else None
        naar = by_number.get(number("naar", newest))
        van_default = naar.versie - 1 if naar else None
        van = by_number.get(number("van", van_default))
        headings = raadsmededeling.section_headings()
        fields = [("onderwerp", _("Onderwerp"))] + [
            (k, headings[k]) for k in Raadsmededeling.SECTIONS
        ]
        ctx.update(
            versies=versies,
            van=van,
            naar=naar,
            verschillen=diff_versions(van, naar, fields) if van and naar else [],
        )
        return ctx


class RaadsmededelingGoedkeurenView(ServiceFormView):
    area, action = "rapporten_goedkeuren", CHANGE
    model = Raadsmededeling
    form_class = forms.GoedkeurenForm
    success_message = _("De raadsmededeling is goedgekeurd.")
    title = _("Raadsmededeling goedkeuren (B&W-besluit)")

    def dispatch(self, request, *args, **kwargs):
        self.mededeling = get_object_or_404(Raadsmededeling, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def perform(self, form):
        return raadsmededeling.raadsmededeling_approve(
            mededeling=self.mededeling, bw_datum=form.cleaned_data["bw_datum"], by=self.request.user
        )


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _mededeling_labels() -> dict[str, str]:
    return {
        k: _first_upper(str(Raadsmededeling._meta.get_field(k).verbose_name))
        for k in ("onderwerp", *Raadsmededeling.SECTIONS)
    } | {"bijlage": _("Bijlage: namen in de tabellen en grafieken")}


class _MededelingDocument:
    model = Raadsmededeling

    def get_document(self):
        return get_object_or_404(Raadsmededeling, pk=self.kwargs["pk"])

    def get_teksten(self, document):
        return redaction.publicatie_teksten(document)

    def get_labels(self, document):
        return _mededeling_labels()

    def get_voorvertoning_url(self, document):
        return reverse("monitoring:raadsmededeling-voorvertoning", args=[document.pk])


class RaadsmededelingVoorvertoningView(_MededelingDocument, VoorvertoningView):
    """The mandatory preview of the public version, with add and lift."""

    area, action = "rapporten", VIEW
    decide_area = "rapporten"
    besluit_url_name = "monitoring:raadsmededeling-lakken"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        m = ctx["document"]
        ctx["titel"] = _("Raadsmededeling %(nr)s: %(onderwerp)s") % {
            "nr": m.nummer,
            "onderwerp": m.onderwerp,
        }
        ctx["back_url"] = m.get_absolute_url()
        ctx["back_label"] = _("Terug naar de raadsmededeling")
        return ctx

    def get_publiceren(self, document):
        info = {
            "titel": _("Publiceren in het openbare archief"),
            "url": reverse("monitoring:raadsmededeling-publish", args=[document.pk]),
            "knop": _("Definitief publiceren"),
            "kan": False,
        }
        if document.status == MededelingStatus.GEPUBLICEERD:
            info["uitleg"] = _("Deze raadsmededeling is gepubliceerd.")
        elif document.status != MededelingStatus.GOEDGEKEURD:
            info["uitleg"] = _(
                "Publiceren kan zodra de wethouder de raadsmededeling heeft goedgekeurd."
            )
        elif not self.can("rapporten_goedkeuren", CHANGE):
            info["uitleg"] = _("De wethouder of de beheerder publiceert.")
        else:
            info["kan"] = True
        return info


class RaadsmededelingLakbesluitView(_MededelingDocument, LakbesluitView):
    area, action = "rapporten", CHANGE
    preview_view = RaadsmededelingVoorvertoningView

    def post(self, request, *args, **kwargs):
        if self.get_document().status == MededelingStatus.GEPUBLICEERD:
            messages.error(request, _("Deze raadsmededeling is al gepubliceerd."))
            return redirect(self.get_voorvertoning_url(self.get_document()))
        return super().post(request, *args, **kwargs)


class RaadsmededelingPublicerenView(AreaMixin, View):
    """POST from the preview only: the fingerprint of the seen preview must match."""

    area, action = "rapporten_goedkeuren", CHANGE
    model = Raadsmededeling
    http_method_names = ["post"]

    def post(self, request, pk):
        mededeling = get_object_or_404(Raadsmededeling, pk=pk)
        form = PublicerenMetVoorvertoningForm(request.POST)
        if form.is_valid():
            obj = call_service(
                form,
                lambda: raadsmededeling.raadsmededeling_publish(
                    mededeling=mededeling, by=request.user, sleutel=form.cleaned_data["sleutel"]
                ),
            )
            if not form.errors:
                messages.success(request, _("De raadsmededeling staat in het openbare archief."))
                return redirect(obj.get_absolute_url())
        view = RaadsmededelingVoorvertoningView()
        view.setup(request, pk=pk)
        return view.render_to_response(view.get_context_data(publiceren_form=form), status=400)


# --- public archive -------------------------------------------------------------------


@public_view
class OpenbaarRaadsmededelingListView(FilteredListView):
    template_name = "monitoring/openbaar_list.html"

    def get_queryset(self):
        return selectors.gepubliceerde_raadsmededelingen()


@login_not_required
def openbaar_pdf(request, pk: int):
    mededeling = get_object_or_404(selectors.gepubliceerde_raadsmededelingen(), pk=pk)
    return private_file_response(
        mededeling.openbare_pdf, filename=f"raadsmededeling-{mededeling.nummer}.pdf", inline=True
    )
