import factory
from factory.django import DjangoModelFactory

from inclusie.constants import Role, Sector
from inclusie.models import GemeenteProfiel, Organisatie, Persoon, User, Wijk
from inclusie.terms import guess_lidwoord

PASSWORD = "een-heel-goed-wachtwoord-2026"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@voorbeeld.nl")
    naam = factory.Sequence(lambda n: f"Gebruiker {n}")
    role = Role.KWARTIERMAKER
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class WijkFactory(DjangoModelFactory):
    class Meta:
        model = Wijk
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Wijk {n}")


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    sector = Sector.BEDRIJF
    wijk = factory.SubFactory(WijkFactory)


class PersoonFactory(DjangoModelFactory):
    class Meta:
        model = Persoon

    naam = factory.Sequence(lambda n: f"Persoon {n}")
    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.nl")
    organisatie = factory.SubFactory(OrganisatieFactory)


class GemeenteProfielFactory(DjangoModelFactory):
    class Meta:
        model = GemeenteProfiel
        django_get_or_create = ["id"]

    id = 1
    naam = "Gemeente Teststad"
    gemeentecode = "GM0123"
    term_pijler = "pijler"
    term_pijlers = "pijlers"
    # "speerpunt" gets "het" unless a test says otherwise, as the beheerder's form requires.
    term_lidwoord = factory.LazyAttribute(lambda o: guess_lidwoord(o.term_pijler))
