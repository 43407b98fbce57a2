"""Questionnaire definitions and the stappenplan steps are content, not demo data.

The loader in stappenplan/vragenlijsten.py is idempotent and versions a definition
that is in use; `manage.py load_vragenlijsten` runs the same loader later.
"""

from django.db import migrations


def load(apps, schema_editor):
    from stappenplan.vragenlijsten import load_vragenlijsten

    load_vragenlijsten(apps)


class Migration(migrations.Migration):
    dependencies = [("stappenplan", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
