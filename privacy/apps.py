from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Privacy: bewaartermijnen en verzoeken")

    def ready(self) -> None:
        # The core's own person-bearing records (Persoon, User, mails, audit history);
        # every other app registers its own in its AppConfig.ready().
        from privacy import core_records

        core_records.register()

        # Nightly: anonymise or delete what is past its retention period (editable in /admin/).
        from celery.schedules import crontab
        from django.conf import settings

        settings.CELERY_BEAT_SCHEDULE.setdefault(
            "bewaartermijnen-toepassen",
            {"task": "privacy.tasks.apply_retention", "schedule": crontab(hour=2, minute=30)},
        )
