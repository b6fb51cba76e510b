"""Places: governorates and municipalities (with their portal links and the last check of each portal).

The tables keep the names they had when these models lived in projects_db. This app imports no other app of the
project: the municipality page's address comes from settings.ABSOLUTE_URL_OVERRIDES, and the apps that show a
place's name listen to hub.places.signals.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Country(models.TextChoices):
    PALESTINE = "PS", _("Palestine")
    JORDAN = "JO", _("Jordan")


class Governorate(models.Model):
    """An administrative governorate (the 16 Palestinian ones, and partners' abroad)."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.PALESTINE)

    class Meta:
        db_table = "projects_db_governorate"
        ordering = ["name_en"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "ar").startswith("en") else self.name_ar


class Municipality(models.Model):
    """A local authority: municipality, village council or joint council, with its portal."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        VILLAGE_COUNCIL = "village_council", _("Village council")
        JOINT_COUNCIL = "joint_council", _("Joint council")

    name_ar = models.CharField(_("name (Arabic)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        allow_unicode=True,
        help_text=_("Used in the address of the municipality's page; Arabic letters are allowed."),
    )
    governorate = models.ForeignKey(
        Governorate, verbose_name=_("governorate"), on_delete=models.PROTECT, related_name="municipalities"
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.MUNICIPALITY)
    portal_url = models.URLField(_("portal address"), blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    is_partner = models.BooleanField(
        _("partner from abroad"), default=False, help_text=_("A partner municipality outside Palestine.")
    )
    # Written only by hub.places.services.municipality_record_portal_check (the check_portals command).
    portal_ok = models.BooleanField(_("portal reachable"), null=True, blank=True)
    portal_status = models.CharField(_("portal check result"), max_length=200, blank=True)
    portal_checked_at = models.DateTimeField(_("portal checked at"), null=True, blank=True)

    class Meta:
        db_table = "projects_db_municipality"
        ordering = ["name_en"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "ar").startswith("en") else self.name_ar
