from django.contrib import admin

from deal import models


class FaseWijzigingInline(admin.TabularInline):
    model = models.FaseWijziging
    extra = 0
    readonly_fields = ["van", "naar", "datum", "reden", "door", "vastgelegd_op"]


@admin.register(models.Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["organisatie", "fase", "fase_sinds", "ondertekend_op"]
    list_filter = ["fase", "pijlers"]
    search_fields = ["organisatie__naam", "organisatie__kvk_nummer"]
    list_select_related = ["organisatie"]
    autocomplete_fields = ["organisatie"]
    inlines = [FaseWijzigingInline]


@admin.register(models.Toezegging)
class ToezeggingAdmin(admin.ModelAdmin):
    list_display = ["titel", "partner", "soort", "status", "openbaar"]
    list_filter = ["soort", "status", "thema"]
    list_select_related = ["partner__organisatie"]


@admin.register(models.GezamenlijkeDoelstelling)
class DoelstellingAdmin(admin.ModelAdmin):
    list_display = ["titel", "volgorde"]


@admin.register(models.Initiatief)
class InitiatiefAdmin(admin.ModelAdmin):
    list_display = ["naam", "status", "eigenaar", "wijk", "pijler"]
    list_filter = ["status", "pijler"]
    search_fields = ["naam"]


@admin.register(models.KennisItem)
class KennisItemAdmin(admin.ModelAdmin):
    list_display = ["titel", "soort", "thema"]
    list_filter = ["soort", "thema"]


admin.site.register(models.Contactmoment)
