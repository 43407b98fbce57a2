"""The crispy template pack of our own (inclusie/templates/nlds/): NL Design System fields.

What a screen-reader or keyboard user notices: every control has a label that says in words
that it is required, its description and its error are read with it (aria-describedby), an
invalid control says so (aria-invalid), and a group of radio buttons or checkboxes is a
fieldset with a legend.
"""

import re

import pytest
from django import forms
from django.conf import settings
from django.template import Context, Template

from inclusie.templatetags.nlds_forms import foutsamenvatting


class VoorbeeldForm(forms.Form):
    naam = forms.CharField(label="Naam", help_text="Voor- en achternaam")
    toelichting = forms.CharField(label="Toelichting", widget=forms.Textarea, required=False)
    soort = forms.ChoiceField(
        label="Soort",
        choices=[("a", "Een"), ("b", "Twee")],
        widget=forms.RadioSelect,
        help_text="Kies er een",
    )
    aspecten = forms.MultipleChoiceField(
        label="Aspecten",
        choices=[("x", "X"), ("y", "Y")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    akkoord = forms.BooleanField(label="Akkoord")
    wijk = forms.ChoiceField(label="Wijk", choices=[("", "---"), ("c", "Centrum")])

    def clean(self):
        raise forms.ValidationError("Dit klopt als geheel niet.")


def render(form) -> str:
    return Template("{% load crispy_forms_tags %}{{ form|crispy }}").render(Context({"form": form}))


def tag(html: str, element_id: str) -> str:
    found = re.search(rf'<(input|textarea|select)[^>]*id="{element_id}"[^>]*>', html)
    assert found, f"no control with id {element_id}"
    return found.group(0)


def test_the_pack_is_ours_and_bootstrap5_is_gone():
    assert settings.CRISPY_TEMPLATE_PACK == "nlds"
    assert "crispy_bootstrap5" not in settings.INSTALLED_APPS


def test_a_valid_field_has_label_required_in_words_and_described_by_its_hint():
    html = render(VoorbeeldForm())
    assert (
        '<label class="utrecht-form-label" for="id_naam">Naam <span class="nlds-verplicht">(verplicht)</span></label>'
        in html
    )
    assert 'id="id_naam_helptext"' in html
    naam = tag(html, "id_naam")
    assert 'aria-describedby="id_naam_helptext"' in naam
    assert "utrecht-textbox utrecht-textbox--html-input" in naam
    assert "aria-invalid" not in naam
    # An optional field says nothing about being required.
    assert 'for="id_toelichting">Toelichting</label>' in html
    assert "utrecht-textarea--html-textarea" in tag(html, "id_toelichting")
    assert "utrecht-select--html-select" in tag(html, "id_wijk")
    assert "form-control" not in html and "form-select" not in html


def test_an_invalid_field_points_to_its_message():
    form = VoorbeeldForm(data={})
    form.is_valid()
    html = render(form)
    naam = tag(html, "id_naam")
    assert 'aria-invalid="true"' in naam
    assert 'aria-describedby="id_naam_helptext id_naam_error"' in naam
    assert re.search(r'id="id_naam_error"[^>]*>.*Dit veld is verplicht', html)
    assert "utrecht-form-field--invalid" in html
    wijk = tag(html, "id_wijk")
    assert 'aria-invalid="true"' in wijk and 'aria-describedby="id_wijk_error"' in wijk
    # The form-level error is shown with the form too.
    assert "Dit klopt als geheel niet." in html


def test_radio_buttons_and_checkboxes_sit_in_a_fieldset_with_a_legend():
    form = VoorbeeldForm(data={})
    form.is_valid()
    html = render(form)
    group = re.search(
        r'<fieldset[^>]*aria-describedby="id_soort_helptext id_soort_error"[^>]*>(.*?)</fieldset>',
        html,
        re.S,
    )
    assert group, "the radio group is no described fieldset"
    assert re.search(
        r"<legend[^>]*>Soort <span class=\"nlds-verplicht\">\(verplicht\)</span></legend>",
        group.group(1),
    )
    assert 'type="radio"' in group.group(1) and 'for="id_soort_0"' in group.group(1)
    assert "utrecht-radio-button--html-input" in tag(html, "id_soort_0")
    assert 'aria-invalid="true"' in tag(html, "id_soort_0")
    boxes = re.search(
        r"<fieldset[^>]*>\s*<legend[^>]*>Aspecten</legend>(.*?)</fieldset>", html, re.S
    )
    assert boxes and "utrecht-checkbox--html-input" in tag(html, "id_aspecten_1")
    # A single checkbox has its label after the box and is required in words.
    akkoord = tag(html, "id_akkoord")
    assert (
        "utrecht-checkbox--html-input" in akkoord
        and 'aria-describedby="id_akkoord_error"' in akkoord
    )
    assert 'for="id_akkoord">Akkoord <span class="nlds-verplicht">(verplicht)</span>' in html


def test_the_error_summary_links_every_message_to_its_control():
    form = VoorbeeldForm(data={"naam": "Ans"})
    form.is_valid()
    items = foutsamenvatting(form)
    assert items[0] == {"href": "", "text": "Dit klopt als geheel niet."}
    hrefs = [i["href"] for i in items[1:]]
    # A radio group links to its first option, every other field to its control.
    assert hrefs == ["id_soort_0", "id_akkoord", "id_wijk"]
    assert items[1]["text"] == "Soort: Dit veld is verplicht."


@pytest.mark.django_db
def test_a_form_page_with_errors_says_so_in_its_title(client_for):
    from django.urls import reverse

    from inclusie.constants import Role

    response = client_for(Role.KWARTIERMAKER).post(reverse("organisatie-create"), {"naam": ""})
    html = response.content.decode()
    assert re.search(r"<title>Fout: ", html)
    assert html.count('id="foutsamenvatting"') == 1
    assert 'href="#id_naam"' in html
