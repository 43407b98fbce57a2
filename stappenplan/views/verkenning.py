"""Views of the verkenning questionnaire. Thin: parse, call a selector or service, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from inclusie import dates, fragments
from inclusie.constants import Levensdomein, ReportStatus
from inclusie.downloads import private_file_response
from inclusie.exports import csv_response
from inclusie.form_views import ServiceFormView, run_action
from inclusie.fragments import Deferred
from inclusie.ids import query_id
from inclusie.list_views import FilteredListView
from inclusie.models import Wijk
from inclusie.permissions import CHANGE, VIEW, AreaMixin, allowed, requires
from stappenplan import selectors as sel
from stappenplan import services
from stappenplan.forms import (
    AntwoordForm,
    DelenForm,
    HeropenForm,
    VergelijkForm,
    VerkenningStartForm,
)
from stappenplan.models import Antwoord, Stap, Verkenning, Vraag

MAX_KEUZES = 50


class SafeJSONEncoder(DjangoJSONEncoder):
    """Escapes < > & so an answer echoed in JSON can never be read as markup."""

    def encode(self, o):
        return (
            super()
            .encode(o)
            .replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
        )


def json_response(payload: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(payload, status=status, encoder=SafeJSONEncoder)


class VerkenningListView(FilteredListView):
    area, action = "verkenning", VIEW
    template_name = "stappenplan/verkenning/list.html"
    context_object_name = "verkenningen"
    selector = staticmethod(sel.verkenning_list)

    def selector_kwargs(self):
        return {"user": self.request.user}


class VerkenningStartView(ServiceFormView):
    area, action = "verkenning", CHANGE
    form_class = VerkenningStartForm
    title = gettext_lazy("Nieuwe verkenning")
    intro = gettext_lazy(
        "Kies de vragenlijst en het levensdomein. U kunt collega's vragen mee te schrijven. "
        "Antwoorden worden tijdens het typen vanzelf opgeslagen."
    )
    submit_label = gettext_lazy("Verkenning starten")
    success_message = gettext_lazy(
        "De verkenning is gestart. Uw antwoorden worden vanzelf bewaard."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def breadcrumbs(self):
        return [(_("Verkenningen"), reverse("verkenning-list"))]

    def perform(self, form):
        data = form.cleaned_data
        return services.verkenning_create(
            vragenlijst=data["vragenlijst"],
            titel=data["titel"],
            jaar=data["jaar"],
            levensdomein=data["levensdomein"],
            wijk=data["wijk"],
            gedeeld_met=list(data["gedeeld_met"]),
            eigenaar=self.request.user,
        )


class VerkenningDetailView(AreaMixin, TemplateView):
    """The questionnaire: editable for the owner and co-editors, read-only for others."""

    area, action = "verkenning", VIEW
    template_name = "stappenplan/verkenning/detail.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        # Kept in the shared cache until any write (inclusie.fragments), like the person.
        verkenning, mag_wijzigen = fragments.read_through(
            f"verkenning-toegang:{user.pk}:{kwargs['pk']}",
            lambda: self._toegang(kwargs["pk"]),
        )
        ctx.update(
            verkenning=verkenning,
            mag_wijzigen=mag_wijzigen,
            bewerkbaar=mag_wijzigen and not verkenning.is_ingediend,
            # The questionnaire is a cached fragment: read only when it is rendered afresh.
            pagina=Deferred(lambda: self._pagina(verkenning)),
        )
        return ctx

    def _toegang(self, pk: int) -> tuple[Verkenning, bool]:
        """The verkenning if this person may see it (else 404), and whether they may edit."""
        verkenning = sel.verkenning_for_view(user=self.request.user, pk=pk)
        return verkenning, sel.can_edit(user=self.request.user, verkenning=verkenning)

    def _pagina(self, verkenning) -> dict:
        return {
            "delen": sel.verkenning_structuur(verkenning=verkenning),
            "levensdomeinen": Levensdomein.choices,
            "wijken": list(Wijk.objects.order_by("naam").values_list("pk", "naam")),
            "gebeurtenissen": verkenning.gebeurtenissen.select_related("door")[:10],
            "gedeeld_met": list(verkenning.gedeeld_met.all()),
            "rapport": verkenning.rapporten.first(),
            "heropen_form": HeropenForm(),
            "stap_verkenning": Stap.objects.filter(code="verkenning").only("pk").first()
            if allowed(self.request.user, "stappenplan")
            else None,
        }


def _antwoord_json(antwoord: Antwoord) -> dict:
    door = antwoord.gewijzigd_door
    return {
        "versie": antwoord.versie,
        "tekst": antwoord.tekst,
        "keuzes": antwoord.keuzes,
        "overgeslagen": antwoord.overgeslagen,
        "tip": antwoord.tip,
        "staat": antwoord.staat,
        "door": door.get_full_name() if door else "",
        "op": dates.datum_tijd(antwoord.gewijzigd_op) if antwoord.gewijzigd_op else "",
    }


@requires("verkenning", CHANGE)
@require_POST
def antwoord_opslaan(request, pk: int):
    """Autosave endpoint: JSON for the page's script, a redirect for a plain form post."""
    verkenning = sel.verkenning_for_edit(user=request.user, pk=pk)
    wants_json = "application/json" in request.headers.get("Accept", "")
    form = AntwoordForm(request.POST)

    def fail(status: int, payload: dict):
        if wants_json:
            return json_response(payload, status=status)
        messages.error(request, payload.get("melding", _("Het antwoord is niet opgeslagen.")))
        return redirect(verkenning)

    if not form.is_valid():
        fouten = {k: " ".join(v) for k, v in form.errors.items()}
        return fail(400, {"fouten": fouten, "melding": " ".join(fouten.values())})
    vraag = (
        Vraag.objects.select_related("deel")
        .filter(pk=form.cleaned_data["vraag"], deel__vragenlijst_id=verkenning.vragenlijst_id)
        .first()
    )
    if vraag is None:
        raise Http404
    keuzes = tuple(k[:500] for k in request.POST.getlist("keuzes")[:MAX_KEUZES])
    invoer = services.AntwoordInvoer(
        tekst=form.cleaned_data["tekst"],
        keuzes=keuzes,
        overgeslagen=form.cleaned_data["overgeslagen"],
        tip=form.cleaned_data["tip"],
    )
    try:
        antwoord = services.antwoord_save(
            verkenning=verkenning,
            vraag=vraag,
            invoer=invoer,
            versie=form.cleaned_data["versie"],
            by=request.user,
        )
    except services.AntwoordConflict as conflict:
        return fail(
            409,
            {
                "conflict": _antwoord_json(conflict.current),
                "melding": _(
                    "Een collega heeft dit antwoord intussen gewijzigd. Kies welke tekst blijft."
                ),
            },
        )
    except ValidationError as exc:
        fouten = (
            {k: " ".join(v) for k, v in exc.message_dict.items()}
            if hasattr(exc, "error_dict")
            else {"__all__": " ".join(exc.messages)}
        )
        return fail(400, {"fouten": fouten, "melding": " ".join(fouten.values())})
    if not wants_json:
        messages.success(request, _("Het antwoord is opgeslagen."))
        return redirect(f"{verkenning.get_absolute_url()}#vraag-{vraag.pk}")
    return json_response(
        {
            **_antwoord_json(antwoord),
            "deel": vraag.deel_id,
            "voortgang": sel.deel_voortgang(verkenning=verkenning, deel_id=vraag.deel_id),
        }
    )


@requires("verkenning", CHANGE)
@require_POST
def verkenning_indienen(request, pk: int):
    """Submit; with questions still open, first a page that lists them and asks to confirm.

    Works without JavaScript: the confirmation is a server-rendered page whose button posts
    again with ``bevestigd=1``.
    """
    verkenning = sel.verkenning_for_edit(user=request.user, pk=pk)
    if not verkenning.is_ingediend and request.POST.get("bevestigd") != "1":
        open_vragen = sel.open_vragen(verkenning=verkenning)
        if open_vragen:
            return render(
                request,
                "stappenplan/verkenning/indienen_bevestigen.html",
                {
                    "verkenning": verkenning,
                    "open_vragen": open_vragen,
                    "aantal_open": sum(len(items) for _deel, items in open_vragen),
                },
            )
    run_action(
        request,
        lambda: services.verkenning_submit(verkenning=verkenning, by=request.user),
        success=_("De verkenning is ingediend. Ze is nu alleen nog te lezen."),
    )
    return redirect(verkenning)


class VerkenningFormView(ServiceFormView):
    """A form page of one verkenning the user may edit; back to it afterwards."""

    area, action = "verkenning", CHANGE
    model = Verkenning

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.verkenning = sel.verkenning_for_edit(user=request.user, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def back_url(self):
        return self.verkenning.get_absolute_url()

    def breadcrumbs(self):
        return [
            (_("Verkenningen"), reverse("verkenning-list")),
            (self.verkenning.titel, self.verkenning.get_absolute_url()),
        ]

    def get_success_url(self):
        return self.verkenning.get_absolute_url()


class VerkenningHeropenView(VerkenningFormView):
    form_class = HeropenForm
    title = gettext_lazy("Verkenning heropenen")
    success_message = gettext_lazy("De verkenning is heropend en kan weer worden bewerkt.")

    def perform(self, form):
        return services.verkenning_reopen(
            verkenning=self.verkenning, by=self.request.user, reden=form.cleaned_data["reden"]
        )


class VerkenningDelenView(VerkenningFormView):
    form_class = DelenForm
    title = gettext_lazy("Verkenning delen met collega's")
    intro = gettext_lazy(
        "Wie u toevoegt, krijgt een e-mail en ziet de verkenning op de eigen startpagina "
        "onder 'Met u gedeeld'."
    )
    success_message = gettext_lazy("Opgeslagen wie de verkenning samen met u invult.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "verkenning": self.verkenning}

    def perform(self, form):
        return services.verkenning_share_set(
            verkenning=self.verkenning,
            met=list(form.cleaned_data["gedeeld_met"]),
            by=self.request.user,
        )


@requires("verkenning", VIEW)
def verkenning_csv(request, pk: int):
    verkenning = sel.verkenning_for_view(user=request.user, pk=pk)
    rows = []
    for deel in sel.verkenning_structuur(verkenning=verkenning):
        for item in deel.items:
            for it in [item, *item.deelvragen]:
                antwoord = it.antwoord
                rows.append(
                    [
                        deel.deel.nummer,
                        it.vraag.nummer,
                        it.vraag.tekst,
                        str(Antwoord.Staat(it.staat).label),
                        it.weergave,
                        antwoord.tip if antwoord and antwoord.overgeslagen else "",
                    ]
                )
    return csv_response(
        f"verkenning-{verkenning.pk}",
        [
            _("Deel"),
            _("Vraag"),
            _("Vraagtekst"),
            _("Staat"),
            _("Antwoord"),
            _("Hoe vinden we het antwoord?"),
        ],
        rows,
    )


@requires("verkenning", VIEW)
@require_POST
def rapport_aanvragen(request, pk: int):
    verkenning = sel.verkenning_for_view(user=request.user, pk=pk)
    services.rapport_request(verkenning=verkenning, by=request.user)
    messages.info(request, _("Het PDF-rapport wordt gemaakt. Dit duurt meestal enkele seconden."))
    return redirect(f"{verkenning.get_absolute_url()}#rapport")


@requires("verkenning", VIEW)
def rapport_status(request, pk: int):
    rapport = sel.rapport_for_user(user=request.user, pk=pk)
    return render(request, "inclusie/_report_status.html", {"report": rapport})


@requires("verkenning", VIEW)
def rapport_download(request, pk: int):
    rapport = sel.rapport_for_user(user=request.user, pk=pk)
    if rapport.status != ReportStatus.DONE:
        raise Http404
    return private_file_response(
        rapport.bestand, filename=f"verkenning-{rapport.verkenning_id}.pdf"
    )


class VergelijkView(AreaMixin, TemplateView):
    area, action = "verkenning", VIEW
    template_name = "stappenplan/verkenning/vergelijk.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        qs = sel.verkenningen_visible(user=self.request.user).order_by("-jaar", "titel")
        params = self.request.GET.copy()
        if params.get("a") and not params.get("b"):
            # Suggest last year's verkenning of the same levensdomein (or the newest other one).
            a_id = query_id(params, "a")
            a = qs.filter(pk=a_id).first() if a_id else None
            if a is not None:
                other = qs.exclude(pk=a.pk)
                suggestie = (
                    other.filter(levensdomein=a.levensdomein, jaar__lt=a.jaar).first()
                    or other.first()
                )
                if suggestie is not None:
                    params["b"] = str(suggestie.pk)
        form = VergelijkForm(params or None, queryset=qs)
        ctx["form"] = form
        if form.is_bound and form.is_valid():
            ctx["a"], ctx["b"] = form.cleaned_data["a"], form.cleaned_data["b"]
            ctx["rijen"] = sel.vergelijking(a=ctx["a"], b=ctx["b"])
        return ctx
