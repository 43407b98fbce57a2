"""The preview before publishing (Woo 5.1.2e), shared by every kind of publication.

An app subclasses :class:`VoorvertoningView` (area with VIEW) and
:class:`LakbesluitView` (area with CHANGE) and tells which document, which
texts and where the publish form posts. The preview logs that it was seen;
the publish service refuses a fingerprint that is not the current one.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from inclusie import publicatie
from inclusie.form_views import call_service
from inclusie.models import Lakvoorvertoning
from inclusie.permissions import AreaMixin
from inclusie.redaction import HANDMATIG, WOO_GROND


class LakToevoegenForm(forms.Form):
    def __init__(self, *args, **kwargs):
        # Own ids: the page also has lift forms with a "reden" field.
        kwargs.setdefault("auto_id", "toevoegen_%s")
        super().__init__(*args, **kwargs)

    tekst = forms.CharField(
        label=gettext_lazy("Tekst die gelakt moet worden"),
        max_length=300,
        help_text=gettext_lazy(
            "Selecteer de tekst hierboven met de muis, of typ of plak hem hier. "
            "Hij wordt overal in het document gelakt."
        ),
        error_messages={"required": gettext_lazy("Vul de tekst in die u wilt lakken.")},
    )
    reden = forms.CharField(
        label=gettext_lazy("Waarom (optioneel)"),
        required=False,
        max_length=500,
        help_text=gettext_lazy("Bijvoorbeeld: hieruit is te herleiden over wie het gaat."),
    )


class LakOpheffenForm(forms.Form):
    sleutel = forms.CharField(widget=forms.HiddenInput, max_length=500)
    reden = forms.CharField(
        label=gettext_lazy("Waarom mag dit openbaar?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
        error_messages={
            "required": gettext_lazy(
                "Schrijf in een zin waarom deze tekst niet gelakt hoeft te worden."
            )
        },
    )


class PublicerenMetVoorvertoningForm(forms.Form):
    sleutel = forms.CharField(widget=forms.HiddenInput, max_length=64)
    bevestig = forms.BooleanField(
        label=gettext_lazy(
            "Ik heb elke lakking gecontroleerd. Ik weet dat publiceren niet ongedaan kan worden."
        ),
        error_messages={
            "required": gettext_lazy("Vink aan dat u de voorvertoning hebt gecontroleerd.")
        },
    )


class _DocumentMixin(AreaMixin):
    """What an app tells about its publication."""

    def get_document(self):
        raise NotImplementedError

    def get_teksten(self, document) -> dict[str, str]:
        raise NotImplementedError

    def get_labels(self, document) -> dict[str, str]:
        """A readable name per text key ("3. Kern van de boodschap", "Agendapunt 2: verslag")."""
        return {}

    def get_voorvertoning_url(self, document) -> str:
        raise NotImplementedError


class VoorvertoningView(_DocumentMixin, TemplateView):
    template_name = "inclusie/publicatie/voorvertoning.html"
    besluit_url_name = ""  # the app's LakbesluitView url (takes the document pk)
    decide_area = ""  # the area whose CHANGE right lets someone add and lift

    def get_publiceren(self, document) -> dict | None:
        """{"url": ..., "kan": bool, "uitleg": str} or None when nothing can be published."""
        return None

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        document = self.get_document()
        teksten = self.get_teksten(document)
        result = publicatie.redactie(document, teksten)
        user = self.request.user
        if not Lakvoorvertoning.objects.filter(
            **publicatie._ref(document), sleutel=result.sleutel, door=user
        ).exists():
            publicatie.voorvertoning_vastleggen(document=document, result=result, by=user)
        labels = self.get_labels(document)
        velden = [
            {
                "key": key,
                "label": labels.get(key, key),
                "segmenten": result.segmenten(key),
                "hits": result.hits.get(key, []),
            }
            for key in teksten
            if (teksten[key] or "").strip()
        ]
        per_soort: dict[str, int] = {}
        for h in result.alle_hits:
            if not h.opgeheven:
                per_soort[h.soort] = per_soort.get(h.soort, 0) + 1
        publiceren = self.get_publiceren(document)
        ctx.update(
            {
                "document": document,
                "velden": velden,
                "labels": labels,
                "result": result,
                "per_soort": sorted(per_soort.items()),
                "grond": WOO_GROND,
                "handmatig": HANDMATIG,
                "besluiten": publicatie.lakbesluiten(document).order_by("-op", "-pk"),
                "mag_beslissen": bool(self.decide_area) and self.can(self.decide_area, "change"),
                "besluit_url": self._besluit_url(document),
                "toevoegen_form": kwargs.get("toevoegen_form") or LakToevoegenForm(),
                "opheffen_fout": kwargs.get("opheffen_fout"),
                "opheffen_sleutel": (
                    kwargs["opheffen_fout"].data.get("sleutel")
                    if kwargs.get("opheffen_fout")
                    else None
                ),
                "publiceren": publiceren,
                "publiceren_form": kwargs.get("publiceren_form")
                or PublicerenMetVoorvertoningForm(initial={"sleutel": result.sleutel}),
            }
        )
        return ctx

    def _besluit_url(self, document) -> str:
        from django.urls import reverse

        return reverse(self.besluit_url_name, args=[document.pk]) if self.besluit_url_name else ""


class LakbesluitView(_DocumentMixin, TemplateView):
    """POST only: add a redaction or lift one; then back to the preview."""

    http_method_names = ["post"]
    preview_view: type[VoorvertoningView] = VoorvertoningView

    def post(self, request, *args, **kwargs):
        document = self.get_document()
        teksten = self.get_teksten(document)
        terug = self.get_voorvertoning_url(document)
        if request.POST.get("actie") == "opheffen":
            form = LakOpheffenForm(request.POST)
            if form.is_valid():
                call_service(
                    form,
                    lambda: publicatie.lakking_opheffen(
                        document=document,
                        teksten=teksten,
                        sleutel=form.cleaned_data["sleutel"],
                        reden=form.cleaned_data["reden"],
                        by=request.user,
                    ),
                )
            if form.errors:
                return self._again(request, kwargs, opheffen_fout=form)
            messages.success(request, _("De lakking is opgeheven. De reden staat in het logboek."))
            return HttpResponseRedirect(terug + "#lakkingen")
        form = LakToevoegenForm(request.POST)
        if form.is_valid():
            call_service(
                form,
                lambda: publicatie.lakking_toevoegen(
                    document=document,
                    teksten=teksten,
                    tekst=form.cleaned_data["tekst"],
                    reden=form.cleaned_data["reden"],
                    by=request.user,
                ),
            )
        if form.errors:
            return self._again(request, kwargs, toevoegen_form=form)
        messages.success(request, _("De tekst is gelakt, overal waar hij voorkomt."))
        return HttpResponseRedirect(terug + "#lakkingen")

    def _again(self, request, kwargs, **forms_with_errors):
        view = self.preview_view()
        view.setup(request, **kwargs)
        view.request = request
        return view.render_to_response(view.get_context_data(**forms_with_errors), status=400)
