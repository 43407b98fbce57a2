from django.contrib import admin

from ambassadeurs.models import Activiteit, Ambassadeur, CoachingNotitie, StatusWijziging


@admin.register(Ambassadeur)
class AmbassadeurAdmin(admin.ModelAdmin):
    list_display = ["persoon", "status", "aangemeld_op", "actief_sinds", "gestopt_op"]
    list_filter = ["status"]
    search_fields = ["persoon__naam"]
    autocomplete_fields = ["persoon"]
    filter_horizontal = ["bereik"]


@admin.register(Activiteit)
class ActiviteitAdmin(admin.ModelAdmin):
    list_display = ["titel", "ambassadeur", "soort", "datum"]
    list_filter = ["soort"]
    list_select_related = ["ambassadeur__persoon"]


admin.site.register(CoachingNotitie)
admin.site.register(StatusWijziging)
