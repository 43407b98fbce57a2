import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView, TemplateView

from inclusie.form_views import ServiceFormView
from inclusie.permissions import CHANGE, VIEW, AreaMixin
from privacy import selectors, services
from privacy.forms import BewaartermijnenForm, WissenForm
from privacy.models import PersoonsVerzoek, RetentieRun


class PrivacyIndexView(AreaMixin, TemplateView):
    area, action = "privacy", VIEW
    template_name = "privacy/index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            runs=RetentieRun.objects.select_related("door")[:5],
            verzoeken=PersoonsVerzoek.objects.select_related("door")[:10],
            **kwargs,
        )


class BewaartermijnenView(ServiceFormView):
    area, action = "privacy", CHANGE
    template_name = "privacy/bewaartermijnen.html"
    form_class = BewaartermijnenForm
    title = _("Bewaartermijnen")
    success_message = _("De bewaartermijnen zijn opgeslagen.")
    success_url = reverse_lazy("privacy:voorbeeld")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "termijnen": selectors.termijnen()}

    def back_url(self) -> str:
        return reverse("privacy:index")

    def breadcrumbs(self):
        return [(_("Beheer"), reverse("beheer")), (_("Privacy"), reverse("privacy:index"))]

    def perform(self, form):
        return services.bewaartermijnen_update(maanden=form.cleaned_data, by=self.request.user)


class RetentieVoorbeeldView(AreaMixin, TemplateView):
    """What the next run will do, before it runs: counts and records per kind."""

    area, action = "privacy", VIEW
    template_name = "privacy/voorbeeld.html"

    def get_context_data(self, **kwargs):
        voorbeeld = selectors.retentie_preview()
        return super().get_context_data(
            voorbeeld=voorbeeld, totaal=sum(v.count for v in voorbeeld), **kwargs
        )


class RetentieStartView(AreaMixin, View):
    area, action = "privacy", CHANGE

    def post(self, request, *args, **kwargs):
        services.retentie_run_queue(by=request.user)
        messages.success(request, _("De bewaartermijnen worden nu toegepast."))
        return redirect("privacy:runs")


class RetentieRunListView(AreaMixin, ListView):
    area, action = "privacy", VIEW
    template_name = "privacy/runs.html"
    paginate_by = 25
    queryset = RetentieRun.objects.select_related("door")

    def get_context_data(self, **kwargs):
        from inclusie.persondata import retention_kinds

        labels = {k.code: str(k.label) for k in retention_kinds()}
        return super().get_context_data(labels=labels, **kwargs)


class VerzoekZoekView(AreaMixin, TemplateView):
    area, action = "privacy", VIEW
    template_name = "privacy/zoeken.html"

    def get_context_data(self, **kwargs):
        q = self.request.GET.get("q", "")[:200]
        personen, users = selectors.persoon_zoeken(q)
        return super().get_context_data(q=q, personen=personen, users=users, **kwargs)


class SubjectMixin:
    def subject(self):
        found = selectors.subject_ref(self.kwargs["soort"], self.kwargs["pk"])
        if found is None:
            raise Http404
        return found


class VerzoekDetailView(SubjectMixin, ServiceFormView):
    """Everything about one person across all apps; export it, or erase it with a reason."""

    area, action = "privacy", VIEW
    template_name = "privacy/detail.html"
    form_class = WissenForm
    submit_label = _("Gegevens wissen")
    success_message = _(
        "De gegevens zijn gewist of geanonimiseerd, behalve wat een wettelijke plicht bewaart."
    )

    def get_context_data(self, **kwargs):
        subject, ref = self.subject()
        return super().get_context_data(
            title=_("Persoonsgegevens van %(naam)s") % {"naam": subject},
            subject=subject,
            inzage_url=reverse(f"privacy:inzage-{self.kwargs['soort']}", args=[subject.pk]),
            gevonden=selectors.persoonsgegevens(ref),
            **kwargs,
        )

    def back_url(self) -> str:
        return reverse("privacy:zoeken")

    def breadcrumbs(self):
        return [
            (_("Beheer"), reverse("beheer")),
            (_("Privacy"), reverse("privacy:index")),
            (_("Verzoek over persoonsgegevens"), reverse("privacy:zoeken")),
        ]

    def post(self, request, *args, **kwargs):
        # Viewing is VIEW; erasing needs CHANGE in the same area.
        if not self.can("privacy", CHANGE):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        _subject, ref = self.subject()
        return services.verzoek_wissen(
            ref=ref, reden=form.cleaned_data["reden"], by=self.request.user
        )

    def get_success_url(self) -> str:
        return reverse("privacy:verzoek-log", args=[self.object.pk])


class VerzoekExportView(AreaMixin, SubjectMixin, View):
    """Access request: every record about this person as JSON or as a tagged PDF."""

    area, action = "privacy", VIEW

    def get(self, request, *args, **kwargs):
        formaat = request.GET.get("formaat", "pdf")
        if formaat not in ("json", "pdf"):
            raise Http404
        subject, ref = self.subject()
        gevonden = selectors.persoonsgegevens(ref)
        services.verzoek_inzage(subject=subject, ref=ref, formaat=formaat, by=request.user)
        name = f"inzage-{self.kwargs['soort']}-{self.kwargs['pk']}"
        if formaat == "json":
            body = json.dumps(
                selectors.as_json(subject, ref, gevonden), ensure_ascii=False, indent=2
            )
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
        else:
            from inclusie.pdf import render_to_pdf

            title = str(_("Inzage in persoonsgegevens"))
            pdf = render_to_pdf(
                "pdf/inzage.html",
                {"subject": subject, "gevonden": gevonden, "ref": ref},
                title=title,
            )
            response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}.{formaat}"'
        response["Cache-Control"] = "no-store"
        return response


class VerzoekLogView(AreaMixin, TemplateView):
    area, action = "privacy", VIEW
    model = PersoonsVerzoek
    template_name = "privacy/verzoek.html"

    def get_context_data(self, **kwargs):
        from django.shortcuts import get_object_or_404

        from inclusie.persondata import person_sources

        verzoek = get_object_or_404(PersoonsVerzoek, pk=self.kwargs["pk"])
        labels = {s.code: str(s.label) for s in person_sources()}
        rows = [
            {"label": labels.get(code, code), **data} for code, data in verzoek.resultaat.items()
        ]
        return super().get_context_data(verzoek=verzoek, rows=rows, **kwargs)
