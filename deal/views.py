"""Views of the Deal: thin; they parse the request, call a service or selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import DetailView, ListView, TemplateView

from deal import imports, selectors, services
from deal.constants import ROUTE, Fase, is_regular_step
from deal.forms import (
    ContactmomentForm,
    DoelstellingForm,
    FaseForm,
    InitiatiefForm,
    KennisItemForm,
    OndertekenForm,
    PartnerCreateForm,
    PartnerForm,
    PartnerImportForm,
    ToezeggingForm,
    VoortgangForm,
)
from deal.models import (
    GezamenlijkeDoelstelling,
    Initiatief,
    KennisItem,
    Partner,
    Toezegging,
    Voortgang,
)
from inclusie import fragments
from inclusie.downloads import private_file_response
from inclusie.exports import csv_response, xlsx_response
from inclusie.form_views import ServiceFormView
from inclusie.fragments import Deferred
from inclusie.list_views import FilteredListView
from inclusie.permissions import CHANGE, VIEW, AreaMixin, public_view, requires


class FormCrumbs:
    """A form page's breadcrumbs (docs/interface.md): the trail to the page it belongs to."""

    template_name = "deal/form.html"

    def crumbs(self) -> list[tuple[str, str]]:
        return []

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)  # type: ignore[misc]
        ctx["kruimels"] = self.crumbs()
        return ctx


def partner_crumbs(partner: Partner | None = None) -> list[tuple[str, str]]:
    crumbs = [(_("Partners van de Deal"), reverse("deal:partner-list"))]
    if partner is not None:
        crumbs.append((partner.organisatie.naam, partner.get_absolute_url()))
    return crumbs


def toezegging_crumbs(toezegging: Toezegging) -> list[tuple[str, str]]:
    return [
        *partner_crumbs(toezegging.partner),
        (toezegging.titel, toezegging.get_absolute_url()),
    ]


class PartnerObjectMixin(FormCrumbs):
    """Views under /deal/partners/<pk>/: the partner, or 404."""

    model = Partner

    def dispatch(self, request, *args, **kwargs):
        self.partner = get_object_or_404(
            Partner.objects.select_related("organisatie"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def back_url(self) -> str:
        return self.partner.get_absolute_url()

    def crumbs(self) -> list[tuple[str, str]]:
        return partner_crumbs(self.partner)


# --- partners --------------------------------------------------------------------


EXPORT_HEADER = [
    gettext_lazy("Organisatie"),
    gettext_lazy("KvK-nummer"),
    gettext_lazy("Sector"),
    gettext_lazy("Wijk"),
    gettext_lazy("Fase"),
    gettext_lazy("In fase sinds"),
    gettext_lazy("Pijlers"),
    gettext_lazy("Ondertekend op"),
    gettext_lazy("Ondertekenaar"),
    gettext_lazy("Volgende stap"),
    gettext_lazy("Volgende stap op"),
]


class PartnerListView(FilteredListView):
    area, action = "deal", VIEW
    template_name = "deal/partner_list.html"
    selector = staticmethod(selectors.partner_list)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The downloads take the list as filtered (without the page number).
        params = self.request.GET.copy()
        params.pop("page", None)
        query = f"?{params.urlencode()}" if params else ""
        downloads = [
            {
                "label": _("Lijst downloaden (CSV)"),
                "url": reverse("deal:partner-export-csv") + query,
            },
            {
                "label": _("Lijst downloaden (Excel)"),
                "url": reverse("deal:partner-export-xlsx") + query,
            },
        ]
        if self.can("deal", CHANGE):
            ctx["hoofdactie"] = {
                "label": _("Partner toevoegen"),
                "url": reverse("deal:partner-create"),
            }
            imports = {"label": _("Importeren uit CSV"), "url": reverse("deal:partner-import")}
            ctx["meer_acties"] = [imports, *downloads]
        else:
            ctx["meer_acties"], ctx["meer_label"] = downloads, _("Lijst downloaden")
        return ctx


@requires("deal", VIEW)
def partner_export(request, fmt: str):
    """The filtered list as CSV or XLSX (same selector; formulas neutralised)."""
    qs = selectors.partner_list(params=request.GET or None).qs
    rows = selectors.partner_export_rows(qs)
    header = [str(h) for h in EXPORT_HEADER]
    if fmt == "xlsx":
        return xlsx_response("deal-partners", header, rows)
    return csv_response("deal-partners", header, rows)


class PipelineView(AreaMixin, TemplateView):
    area, action = "deal", VIEW
    template_name = "deal/pipeline.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The board is a cached fragment: read from the database only when it is rendered.
        ctx["bord"] = Deferred(
            lambda: dict(
                zip(
                    ("filter", "columns"),
                    selectors.pipeline(params=self.request.GET or None),
                    strict=True,
                )
            )
        )
        ctx["cap"] = selectors.PIPELINE_CARDS_PER_COLUMN
        return ctx


class PartnerCreateView(FormCrumbs, ServiceFormView):
    area, action = "deal", CHANGE
    form_class = PartnerCreateForm
    title = gettext_lazy("Partner toevoegen")
    intro = gettext_lazy(
        "Neem een organisatie op in de Deal. U kunt een bestaande organisatie kiezen of een nieuwe invullen."
    )

    def back_url(self):
        return reverse("deal:partner-list")

    def crumbs(self):
        return partner_crumbs()

    def perform(self, form):
        data = form.cleaned_data
        return services.partner_create(
            organisatie=form.organisatie(),
            by=self.request.user,
            fase=data["fase"],
            pijlers=data.get("pijlers") or [],
            volgende_actie=data.get("volgende_actie") or "",
            volgende_actie_op=data.get("volgende_actie_op"),
        )

    def get_success_message(self, partner):
        return _("%(naam)s staat nu in de Deal.") % {"naam": partner}


class PartnerImportView(FormCrumbs, ServiceFormView):
    """Import partners from CSV: every row is checked first; one wrong row saves nothing."""

    area, action = "deal", CHANGE
    form_class = PartnerImportForm
    template_name = "deal/partner_import.html"
    title = gettext_lazy("Partners importeren")
    submit_label = gettext_lazy("Controleren en importeren")
    success_url = reverse_lazy("deal:partner-list")
    extra_context = {
        "summary_intro": gettext_lazy(
            "Er is niets opgeslagen. Verbeter deze regels en probeer het opnieuw:"
        )
    }

    def back_url(self):
        return reverse("deal:partner-list")

    def crumbs(self):
        return partner_crumbs()

    def perform(self, form):
        upload = form.cleaned_data["bestand"]
        upload.seek(0)
        return imports.partners_import(data=upload.read(), by=self.request.user)

    def get_success_message(self, result):
        n = result.created + result.linked
        message = ngettext("%(n)s partner toegevoegd.", "%(n)s partners toegevoegd.", n) % {"n": n}
        if result.linked:
            message += " " + ngettext(
                "Daarvan stond %(k)s organisatie al in het portaal; die is gekoppeld.",
                "Daarvan stonden %(k)s organisaties al in het portaal; die zijn gekoppeld.",
                result.linked,
            ) % {"k": result.linked}
        return message


def partner_actions(partner: Partner) -> tuple[dict, list[dict]]:
    """What to do now with a partner: one primary action for its stage, the rest in a menu.

    Before the talks lead anywhere the work is conversations; once aangehaakt it is the
    signing; once signed, commitments. A stopped partner can only be taken up again.
    """

    def action(label: str, name: str) -> dict:
        return {"label": label, "url": reverse(f"deal:{name}", args=[partner.pk])}

    contact = action(_("Contactmoment vastleggen"), "contactmoment-create")
    sign = action(_("Ondertekening vastleggen"), "partner-onderteken")
    commitment = action(_("Toezegging toevoegen"), "toezegging-create")
    stage = action(_("Fase wijzigen"), "partner-fase")
    edit = action(_("Gegevens wijzigen"), "partner-update")
    if partner.fase == Fase.ONDERTEKEND:
        return commitment, [contact, edit, stage]
    if partner.fase == Fase.AANGEHAAKT:
        return sign, [contact, commitment, stage, edit]
    if partner.fase == Fase.GESTOPT:
        return action(_("Weer opnemen in de Deal"), "partner-fase"), [contact, edit]
    # "Fase wijzigen" opens with the next stage chosen.
    return contact, [stage, sign, commitment, edit]


class PartnerDetailView(AreaMixin, DetailView):
    area, action = "deal", VIEW
    template_name = "deal/partner_detail.html"
    context_object_name = "partner"

    def get_object(self, queryset=None):
        return selectors.partner_detail(pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        partner = self.object
        ctx["timeline"] = selectors.partner_timeline(partner=partner)
        ctx["route"] = [{"fase": f, "label": Fase(f).label} for f in ROUTE]
        ctx["route_index"] = ROUTE.index(partner.fase) if partner.fase in ROUTE else -1
        if self.can("deal", CHANGE):
            ctx["hoofdactie"], ctx["meer_acties"] = partner_actions(partner)
        return ctx


class PartnerUpdateView(FormCrumbs, ServiceFormView):
    area, action = "deal", CHANGE
    model = Partner
    form_class = PartnerForm
    success_message = gettext_lazy("De gegevens zijn opgeslagen.")

    def get_instance(self):
        return get_object_or_404(
            Partner.objects.select_related("organisatie"), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("%(naam)s wijzigen") % {"naam": ctx["form"].instance}
        return ctx

    def back_url(self):
        return reverse("deal:partner-detail", args=[self.kwargs["pk"]])

    def crumbs(self):
        return partner_crumbs(self.get_instance())

    def perform(self, form):
        return services.partner_update(
            partner=form.save(commit=False),
            pijlers=form.cleaned_data["pijlers"],
            contactpersonen=form.cleaned_data["contactpersonen"],
        )


class PartnerFaseView(PartnerObjectMixin, ServiceFormView):
    """Move a partner to another stage: from the pipeline card, the detail page or this form."""

    area, action = "deal", CHANGE
    form_class = FaseForm
    template_name = "deal/partner_fase.html"

    def get_initial(self):
        # A link may name the stage (?naar=); otherwise the form takes the next one.
        naar = self.request.GET.get("naar")
        return {"naar": naar} if naar else {}

    def get_form_kwargs(self):
        kwargs = {**super().get_form_kwargs(), "partner": self.partner}
        # The pipeline card's "Naar <volgende fase>" button sends its stage as `snel`.
        if "data" in kwargs and kwargs["data"].get("snel"):
            data = kwargs["data"].copy()
            data["naar"] = data["snel"]
            kwargs["data"] = data
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Fase van %(naam)s wijzigen") % {"naam": self.partner}
        ctx["intro"] = _(
            "Nu in fase %(fase)s. Eén stap vooruit kan zonder reden; een fase overslaan, teruggaan of stoppen vraagt om een reden."
        ) % {"fase": str(self.partner.get_fase_display()).lower()}
        if self.partner.fase != Fase.ONDERTEKEND:
            ctx["onderteken_url"] = reverse("deal:partner-onderteken", args=[self.partner.pk])
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        services.partner_move(
            partner=self.partner,
            naar=data["naar"],
            datum=data["datum"],
            reden=data.get("reden") or "",
            by=self.request.user,
        )
        return self.partner

    def get_success_message(self, partner):
        return _("%(naam)s staat nu in fase %(fase)s.") % {
            "naam": partner,
            "fase": partner.get_fase_display(),
        }

    def get_success_url(self):
        if self.request.POST.get("next") == "pipeline":
            return reverse("deal:pipeline") + f"#partner-{self.partner.pk}"
        return self.partner.get_absolute_url()


class PartnerOndertekenView(PartnerObjectMixin, ServiceFormView):
    area, action = "deal", CHANGE
    form_class = OndertekenForm

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # From aangehaakt, signing is the regular next step: no reason to ask for.
        if is_regular_step(self.partner.fase, Fase.ONDERTEKEND):
            del form.fields["reden"]
        return form

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Ondertekening van %(naam)s vastleggen") % {"naam": self.partner}
        ctx["intro"] = _(
            "Vul de datum van ondertekening (niet in de toekomst) en de ondertekenaar in. Het ondertekende document is een PDF van maximaal 10 MB."
        )
        return ctx

    def perform(self, form):
        data = form.cleaned_data
        services.partner_sign(
            partner=self.partner,
            ondertekend_op=data["ondertekend_op"],
            ondertekenaar_naam=data["ondertekenaar_naam"],
            ondertekenaar_functie=data.get("ondertekenaar_functie") or "",
            document=data.get("document"),
            reden=data.get("reden") or "",
            by=self.request.user,
        )
        return self.partner

    def get_success_message(self, partner):
        return _("%(naam)s heeft de Deal ondertekend.") % {"naam": partner}


@requires("deal", VIEW)
def partner_document(request, pk: int):
    partner = get_object_or_404(Partner.objects.select_related("organisatie"), pk=pk)
    return private_file_response(
        partner.ondertekend_document, filename=f"ondertekend-{partner.pk}.pdf"
    )


class ContactmomentCreateView(PartnerObjectMixin, ServiceFormView):
    area, action = "deal", CHANGE
    form_class = ContactmomentForm
    success_message = gettext_lazy("Het contactmoment is vastgelegd.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partner": self.partner}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Contactmoment met %(naam)s") % {"naam": self.partner}
        return ctx

    def perform(self, form):
        services.contactmoment_add(
            partner=self.partner,
            contactmoment=form.save(commit=False),
            by=self.request.user,
            volgende_actie=form.cleaned_data.get("volgende_actie") or "",
            volgende_actie_op=form.cleaned_data.get("volgende_actie_op"),
        )
        return self.partner


class ToezeggingCreateView(PartnerObjectMixin, ServiceFormView):
    area, action = "deal", CHANGE
    form_class = ToezeggingForm
    success_message = gettext_lazy("De toezegging is opgeslagen.")

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Toezegging van %(naam)s") % {"naam": self.partner}
        ctx["intro"] = _(
            "Een toezegging is een bijdrage aan een inclusieve stad, of aan diversiteit en inclusie in de eigen organisatie."
        )
        return ctx

    def perform(self, form):
        toezegging = form.save(commit=False)
        toezegging.partner = self.partner
        return services.toezegging_save(toezegging=toezegging, by=self.request.user)


class ToezeggingDetailView(AreaMixin, DetailView):
    area, action = "deal", VIEW
    template_name = "deal/toezegging_detail.html"
    context_object_name = "toezegging"

    def get_object(self, queryset=None):
        return selectors.toezegging_detail(pk=self.kwargs["pk"])


class ToezeggingUpdateView(FormCrumbs, ServiceFormView):
    area, action = "deal", CHANGE
    model = Toezegging
    form_class = ToezeggingForm
    title = gettext_lazy("Toezegging wijzigen")
    success_message = gettext_lazy("De toezegging is opgeslagen.")

    def get_instance(self):
        return get_object_or_404(
            Toezegging.objects.select_related("partner__organisatie"), pk=self.kwargs["pk"]
        )

    def back_url(self):
        return reverse("deal:toezegging-detail", args=[self.kwargs["pk"]])

    def crumbs(self):
        return toezegging_crumbs(self.get_instance())

    def perform(self, form):
        toezegging = form.save(commit=False)
        return services.toezegging_save(toezegging=toezegging, by=self.request.user)


class VoortgangCreateView(FormCrumbs, ServiceFormView):
    area, action = "deal", CHANGE
    model = Toezegging
    form_class = VoortgangForm
    success_message = gettext_lazy("De voortgang is vastgelegd.")

    def dispatch(self, request, *args, **kwargs):
        self.toezegging = get_object_or_404(
            Toezegging.objects.select_related("partner__organisatie"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def back_url(self):
        return self.toezegging.get_absolute_url()

    def crumbs(self):
        return toezegging_crumbs(self.toezegging)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["title"] = _("Voortgang bij: %(titel)s") % {"titel": self.toezegging}
        ctx["intro"] = _(
            "Beschrijf wat er is gebeurd. Voeg als bewijs een link of een bestand toe."
        )
        return ctx

    def perform(self, form):
        services.voortgang_add(
            toezegging=self.toezegging, voortgang=form.save(commit=False), by=self.request.user
        )
        return self.toezegging


@requires("deal", VIEW)
def voortgang_bestand(request, pk: int):
    voortgang = get_object_or_404(Voortgang, pk=pk)
    return private_file_response(voortgang.bestand)


# --- shared goals -------------------------------------------------------------------


class DoelstellingListView(AreaMixin, ListView):
    area, action = "deal", VIEW
    template_name = "deal/doelstelling_list.html"
    context_object_name = "doelstellingen"

    def get_queryset(self):
        return selectors.doelstellingen()


class DoelstellingCreateView(FormCrumbs, ServiceFormView):
    area, action = "deal", CHANGE
    form_class = DoelstellingForm
    success_message = gettext_lazy("De doelstelling is opgeslagen.")
    title = gettext_lazy("Gezamenlijke doelstelling toevoegen")

    def back_url(self):
        return reverse("deal:doelstelling-list")

    def crumbs(self):
        return [(_("Gezamenlijke doelstellingen"), self.back_url())]

    def perform(self, form):
        return services.doelstelling_save(doelstelling=form.save(commit=False))

    def get_success_url(self):
        return reverse("deal:doelstelling-list")


class DoelstellingUpdateView(DoelstellingCreateView):
    model = GezamenlijkeDoelstelling
    title = gettext_lazy("Gezamenlijke doelstelling wijzigen")

    def get_instance(self):
        return get_object_or_404(GezamenlijkeDoelstelling, pk=self.kwargs["pk"])


# --- initiatives ----------------------------------------------------------------------


class InitiatiefListView(FilteredListView):
    area, action = "initiatieven", VIEW
    template_name = "deal/initiatief_list.html"
    selector = staticmethod(selectors.initiatief_list)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["aantal_los"] = selectors.initiatieven_los_count()
        return ctx


class InitiatiefDetailView(AreaMixin, DetailView):
    area, action = "initiatieven", VIEW
    template_name = "deal/initiatief_detail.html"
    context_object_name = "initiatief"

    def get_object(self, queryset=None):
        return selectors.initiatief_detail(pk=self.kwargs["pk"])


class InitiatiefCreateView(FormCrumbs, ServiceFormView):
    area, action = "initiatieven", CHANGE
    form_class = InitiatiefForm
    success_message = gettext_lazy("Het initiatief is opgeslagen.")
    title = gettext_lazy("Initiatief toevoegen")

    def back_url(self):
        return reverse("deal:initiatief-list")

    def crumbs(self):
        crumbs = [(_("Initiatieven in de stad"), reverse("deal:initiatief-list"))]
        instance = self.get_instance()
        if instance is not None:
            crumbs.append((str(instance), instance.get_absolute_url()))
        return crumbs

    def perform(self, form):
        return services.initiatief_save(
            initiatief=form.save(commit=False),
            personen=form.cleaned_data["personen"],
            verbonden_met=form.cleaned_data["verbonden_met"],
        )


class InitiatiefUpdateView(InitiatiefCreateView):
    model = Initiatief
    title = gettext_lazy("Initiatief wijzigen")

    def get_instance(self):
        return get_object_or_404(Initiatief, pk=self.kwargs["pk"])


# --- knowledge base -------------------------------------------------------------------


class KennisListView(FilteredListView):
    area, action = "kennisbank", VIEW
    template_name = "deal/kennis_list.html"
    selector = staticmethod(selectors.kennis_list)


class KennisDetailView(AreaMixin, DetailView):
    area, action = "kennisbank", VIEW
    template_name = "deal/kennis_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        return selectors.kennis_detail(pk=self.kwargs["pk"])


class KennisCreateView(InitiatiefCreateView):
    area, action = "kennisbank", CHANGE
    form_class = KennisItemForm
    success_message = gettext_lazy("Het kennisitem is opgeslagen.")
    title = gettext_lazy("Kennisitem toevoegen")

    def back_url(self):
        return reverse("deal:kennis-list")

    def crumbs(self):
        crumbs = [(_("Kennisbank"), reverse("deal:kennis-list"))]
        instance = self.get_instance()
        if instance is not None:
            crumbs.append((str(instance), instance.get_absolute_url()))
        return crumbs

    def perform(self, form):
        return services.kennisitem_save(
            item=form.save(commit=False),
            pijlers=form.cleaned_data["pijlers"],
            aspecten=form.cleaned_data["aspecten"],
        )


class KennisUpdateView(KennisCreateView):
    model = KennisItem
    title = gettext_lazy("Kennisitem wijzigen")

    def get_instance(self):
        return get_object_or_404(KennisItem, pk=self.kwargs["pk"])


@requires("kennisbank", VIEW)
def kennis_bestand(request, pk: int):
    item = get_object_or_404(KennisItem, pk=pk)
    return private_file_response(item.bestand)


# --- public -----------------------------------------------------------------------------


@public_view
@method_decorator(fragments.public_page, name="dispatch")
class DealPublicView(TemplateView):
    template_name = "deal/openbaar.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # The rendered list is cached per data version (see the template); the data is
        # only read when that fragment has to be rendered again.
        ctx["deal"] = SimpleLazyObject(selectors.public_deal)
        ctx["versie"] = selectors.public_version()
        return ctx


@login_not_required
def deal_json(request):
    """Open data: the same facts as the public page."""
    from inclusie.models import GemeenteProfiel

    profiel = GemeenteProfiel.cached()
    data = selectors.public_deal()
    body = {
        "gemeente": profiel.naam,
        "programma": profiel.programmanaam,
        "hoe_aansluiten": profiel.hoe_aansluiten,
        **data,
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
