# The redaction log moves to the core (inclusie.Lakregel), shared by every publication.

from django.db import migrations


def copy_log(apps, schema_editor):
    Old = apps.get_model("monitoring", "Lakregel")
    New = apps.get_model("inclusie", "Lakregel")
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not Old.objects.exists():
        return
    ct, _created = ContentType.objects.get_or_create(app_label="monitoring", model="raadsmededeling")
    for row in Old.objects.all():
        new = New.objects.create(
            content_type=ct,
            object_id=row.raadsmededeling_id,
            soort="persoonsnaam",
            tekst=row.tekst,
            aantal=row.aantal,
            grond=row.grond,
            door_id=row.door_id,
        )
        New.objects.filter(pk=new.pk).update(op=row.op)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0002_alter_snapshot_options_snapshot_reden_and_more"),
        ("inclusie", "0002_lakbesluit_lakregel_lakvoorvertoning"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_log, migrations.RunPython.noop),
        migrations.DeleteModel(name="Lakregel"),
    ]
