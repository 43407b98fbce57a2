from django.contrib import admin

from monitoring import models


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "doeltype", "bron", "actief"]
    list_filter = ["soort", "doeltype", "bron", "actief"]
    search_fields = ["naam"]


@admin.register(models.Meting)
class MetingAdmin(admin.ModelAdmin):
    list_display = ["indicator", "periode", "waarde"]
    list_filter = ["periode"]
    list_select_related = ["indicator"]


@admin.register(models.Rapport)
class RapportAdmin(admin.ModelAdmin):
    list_display = ["soort", "periode", "status", "pogingen", "klaar_op"]
    list_filter = ["status", "soort"]
    readonly_fields = ["claim", "lease_tot", "pogingen", "rendertijd", "paginas"]


@admin.register(models.OpenbaarAmbtsdrager)
class OpenbaarAmbtsdragerAdmin(admin.ModelAdmin):
    list_display = ["naam", "functie"]


admin.site.register(models.Veranderverhaal)


@admin.register(models.Snapshot)
class SnapshotAdmin(admin.ModelAdmin):
    """Read-only: a frozen snapshot is never edited; a new version is made in the portal
    (/monitoring/momentopnamen/), with a reason, and audit-logged."""

    list_display = ["periode", "versie", "gemaakt_op", "gemaakt_door", "reden"]
    list_filter = ["periode"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


admin.site.register(models.Raadsmededeling)
