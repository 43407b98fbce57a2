import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from deal import services
from deal.constants import Fase
from deal.models import FaseWijziging, Partner
from inclusie.models import Organisatie
from tests.deal.factories import PartnerFactory
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_partner_create_saves_new_organisation_and_first_stage(user_for_role):
    kwm = user_for_role("kwartiermaker")
    partner = services.partner_create(
        organisatie=Organisatie(naam="Bakkerij Het Zuurdesem", kvk_nummer="12345678"), by=kwm
    )
    assert partner.fase == Fase.VERKEND
    stap = FaseWijziging.objects.get(partner=partner)
    assert (stap.van, stap.naar, stap.door) == ("", Fase.VERKEND, kwm)


def test_same_name_and_kvk_is_refused_and_nothing_is_saved():
    OrganisatieFactory(naam="Zorggroep De Linde", kvk_nummer="87654321")
    with pytest.raises(ValidationError) as exc:
        services.partner_create(
            organisatie=Organisatie(naam="zorggroep de linde", kvk_nummer="87654321"), by=None
        )
    assert "al een organisatie" in str(exc.value)
    assert Partner.objects.count() == 0


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234abcd"])
def test_kvk_must_be_eight_digits(kvk):
    with pytest.raises(ValidationError) as exc:
        services.partner_create(organisatie=Organisatie(naam="X", kvk_nummer=kvk), by=None)
    assert "acht cijfers" in str(exc.value)


def test_an_organisation_joins_only_once():
    partner = PartnerFactory()
    with pytest.raises(ValidationError):
        services.partner_create(organisatie=partner.organisatie, by=None)


def test_one_step_forward_needs_no_reason(user_for_role):
    partner = PartnerFactory()
    services.partner_move(partner=partner, naar=Fase.IN_GESPREK, by=user_for_role("kwartiermaker"))
    partner.refresh_from_db()
    assert partner.fase == Fase.IN_GESPREK
    assert partner.fasewijzigingen.count() == 2


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (Fase.VERKEND, Fase.AANGEHAAKT),  # skips forward
        (Fase.AANGEHAAKT, Fase.IN_GESPREK),  # back
        (Fase.IN_GESPREK, Fase.GESTOPT),  # stops
    ],
)
def test_skip_back_or_stop_needs_a_reason(van, naar):
    partner = PartnerFactory(fase=van)
    with pytest.raises(ValidationError) as exc:
        services.partner_move(partner=partner, naar=naar, by=None)
    assert "reden" in exc.value.message_dict
    services.partner_move(partner=partner, naar=naar, by=None, reden="Afgesproken met directeur")
    partner.refresh_from_db()
    assert partner.fase == naar
    assert partner.fasewijzigingen.first().reden == "Afgesproken met directeur"


def test_stage_change_cannot_be_dated_in_the_future():
    partner = PartnerFactory()
    with pytest.raises(ValidationError) as exc:
        services.partner_move(
            partner=partner, naar=Fase.IN_GESPREK, by=None, datum=TODAY() + datetime.timedelta(1)
        )
    assert "toekomst" in str(exc.value)


def test_moving_to_signed_goes_through_signing():
    partner = PartnerFactory(fase=Fase.AANGEHAAKT)
    with pytest.raises(ValidationError):
        services.partner_move(partner=partner, naar=Fase.ONDERTEKEND, by=None)


def test_signing_needs_date_not_in_future_and_signatory():
    partner = PartnerFactory(fase=Fase.AANGEHAAKT)
    with pytest.raises(ValidationError) as exc:
        services.partner_sign(
            partner=partner,
            ondertekend_op=TODAY() + datetime.timedelta(days=1),
            ondertekenaar_naam="  ",
            by=None,
        )
    assert set(exc.value.message_dict) == {"ondertekend_op", "ondertekenaar_naam"}
    services.partner_sign(
        partner=partner, ondertekend_op=TODAY(), ondertekenaar_naam="A. Directeur", by=None
    )
    partner.refresh_from_db()
    assert partner.fase == Fase.ONDERTEKEND and partner.ondertekend_op == TODAY()


def test_signing_straight_from_first_contact_needs_a_reason():
    partner = PartnerFactory(fase=Fase.VERKEND)
    with pytest.raises(ValidationError) as exc:
        services.partner_sign(
            partner=partner, ondertekend_op=TODAY(), ondertekenaar_naam="B", by=None
        )
    assert "reden" in exc.value.message_dict


def test_signing_clears_the_next_step_so_it_leaves_the_follow_up_list():
    from deal.selectors import partners_opvolgen

    partner = PartnerFactory(
        fase=Fase.AANGEHAAKT,
        volgende_actie="Terugbellen over de ondertekening",
        volgende_actie_op=TODAY() - datetime.timedelta(days=1),
    )
    assert partner in partners_opvolgen()
    services.partner_sign(
        partner=partner, ondertekend_op=TODAY(), ondertekenaar_naam="A. Directeur", by=None
    )
    partner.refresh_from_db()
    assert (partner.volgende_actie, partner.volgende_actie_op) == ("", None)
    assert partner not in partners_opvolgen()


def test_a_refused_signing_keeps_the_next_step():
    partner = PartnerFactory(
        fase=Fase.AANGEHAAKT, volgende_actie="Terugbellen", volgende_actie_op=TODAY()
    )
    with pytest.raises(ValidationError):
        services.partner_sign(
            partner=partner, ondertekend_op=TODAY(), ondertekenaar_naam=" ", by=None
        )
    partner.refresh_from_db()
    assert partner.volgende_actie == "Terugbellen" and partner.fase == Fase.AANGEHAAKT


def test_signing_clears_the_next_step_in_the_same_transaction(monkeypatch):
    """If recording the step fails, the signing and the clearing are both undone."""
    partner = PartnerFactory(fase=Fase.AANGEHAAKT, volgende_actie="Terugbellen")

    def boom(**kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(FaseWijziging.objects, "create", boom)
    with pytest.raises(RuntimeError):
        services.partner_sign(
            partner=partner, ondertekend_op=TODAY(), ondertekenaar_naam="A", by=None
        )
    partner.refresh_from_db()
    assert partner.volgende_actie == "Terugbellen" and partner.fase == Fase.AANGEHAAKT
