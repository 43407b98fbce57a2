from django.contrib import admin

from pijlers import models


class LidmaatschapInline(admin.TabularInline):
    model = models.Lidmaatschap
    extra = 0
    autocomplete_fields = ["persoon", "organisatie"]


@admin.register(models.Pijler)
class PijlerAdmin(admin.ModelAdmin):
    list_display = ["naam", "eigenaar", "gemeente_rol", "volgorde", "actief"]
    prepopulated_fields = {"slug": ["naam"]}
    inlines = [LidmaatschapInline]
