from django.db import migrations, models

# A frozen copy of the endings in inclusie.terms at the time of this migration: a
# migration must give the same result later, whatever that module becomes.
HET_ENDINGS = (
    "speerpunt", "punt", "thema", "spoor", "domein", "veld", "onderdeel", "project",
    "programma", "gebied", "doel", "traject", "plan", "netwerk", "platform", "overleg",
    "vraagstuk", "cluster", "team", "terrein", "dossier",
)  # fmt: skip
DE_ENDINGS = (
    "pijler", "lijn", "tafel", "opgave", "ambitie", "pilaar", "werkgroep", "groep",
    "agenda", "prioriteit", "koers", "route", "richting", "focus",
)  # fmt: skip


def guess(word: str) -> str:
    word = (word or "").strip().lower()
    matches = [(len(e), "het") for e in HET_ENDINGS if word.endswith(e)]
    matches += [(len(e), "de") for e in DE_ENDINGS if word.endswith(e)]
    return max(matches)[1] if matches else "de"


def set_articles(apps, schema_editor):
    GemeenteProfiel = apps.get_model("inclusie", "GemeenteProfiel")
    for profiel in GemeenteProfiel.objects.all():
        profiel.term_lidwoord = guess(profiel.term_pijler)
        profiel.save(update_fields=["term_lidwoord"])


class Migration(migrations.Migration):
    dependencies = [
        ("inclusie", "0005_gemeente_huisstijl_ondertekening"),
    ]

    operations = [
        migrations.AddField(
            model_name="gemeenteprofiel",
            name="term_lidwoord",
            field=models.CharField(
                choices=[("de", "de"), ("het", "het")],
                default="de",
                help_text="De pijler, het speerpunt, de uitvoeringslijn.",
                max_length=3,
                verbose_name="lidwoord",
            ),
        ),
        migrations.RunPython(set_articles, migrations.RunPython.noop),
    ]
