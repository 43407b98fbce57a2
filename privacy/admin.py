from django.contrib import admin

from privacy.models import Bewaartermijn, PersoonsVerzoek, RetentieRun


@admin.register(Bewaartermijn)
class BewaartermijnAdmin(admin.ModelAdmin):
    list_display = ("soort", "maanden", "gewijzigd_door", "updated_at")


@admin.register(RetentieRun)
class RetentieRunAdmin(admin.ModelAdmin):
    list_display = ("peildatum", "status", "aanleiding", "gestart_op", "klaar_op")
    readonly_fields = ("aantallen", "details", "fout")


@admin.register(PersoonsVerzoek)
class PersoonsVerzoekAdmin(admin.ModelAdmin):
    list_display = ("created_at", "soort", "persoon_ref", "user_ref", "door")
    readonly_fields = ("resultaat",)
