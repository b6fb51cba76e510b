"""Projects: what a municipality did, what it learned, and who reused it; with their review workflow and history.

Only projects_db.services writes these rows, so permissions, history and search indexing happen in one place.
"""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string


def _bilingual(obj) -> str:
    return obj.name_en if (get_language() or "ar").startswith("en") else obj.name_ar


class Category(models.Model):
    """A kind of e-municipality work (e-payment, GIS and planning, ...): a list editors manage."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, allow_unicode=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _bilingual(self)


class Organisation(models.Model):
    """A funder, partner, vendor or contractor: donor, ministry, university, company..."""

    class Kind(models.TextChoices):
        DONOR = "donor", _("Donor")
        MINISTRY = "ministry", _("Ministry")
        UNIVERSITY = "university", _("University")
        COMPANY = "company", _("Company")
        NGO = "ngo", _("Association or NGO")
        OTHER = "other", _("Other")

    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, allow_unicode=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _bilingual(self)


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Project.State.PUBLISHED)


class Project(models.Model):
    """An e-municipality project, recorded so that a peer can learn from it or reuse it."""

    class State(models.TextChoices):
        """Where the record is in its review (not where the project itself is: that is `status`)."""

        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        LIVE = "live", _("Live")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    class Currency(models.TextChoices):
        ILS = "ILS", _("Israeli shekel (ILS)")
        JOD = "JOD", _("Jordanian dinar (JOD)")
        USD = "USD", _("US dollar (USD)")
        EUR = "EUR", _("Euro (EUR)")

    class Maintenance(models.TextChoices):
        IN_HOUSE = "in_house", _("In-house")
        CONTRACT = "contract", _("Under contract")
        COMMUNITY = "community", _("By a community")
        NONE = "none", _("Not maintained")

    class Language(models.TextChoices):
        AR = "ar", _("Arabic")
        EN = "en", _("English")

    # What it is
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True, allow_unicode=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("At most 300 characters."))
    description = RichTextField(_("description"), blank=True)
    language = models.CharField(_("language of the record"), max_length=2, choices=Language.choices)
    title_translation = models.CharField(
        _("title in the other language"), max_length=200, blank=True, help_text=_("English for an Arabic record.")
    )
    summary_translation = models.CharField(_("summary in the other language"), max_length=300, blank=True)
    # Who and what kind
    lead_municipality = models.ForeignKey(
        "places.Municipality", verbose_name=_("lead municipality"), on_delete=models.PROTECT, related_name="projects"
    )
    partner_municipalities = models.ManyToManyField(
        "places.Municipality", verbose_name=_("partner municipalities"), blank=True, related_name="partner_projects"
    )
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="projects"
    )
    # Where the project is
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    launch_date = models.DateField(_("launch date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    # Money and people
    budget_amount = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    budget_currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    funders = models.ManyToManyField(
        Organisation, verbose_name=_("funders and partners"), blank=True, related_name="funded_projects"
    )
    vendors = models.ManyToManyField(
        Organisation, verbose_name=_("vendors and contractors"), blank=True, related_name="supplied_projects"
    )
    maintenance = models.CharField(
        _("maintained"), max_length=20, choices=Maintenance.choices, default=Maintenance.IN_HOUSE
    )
    # Technology
    technologies = models.CharField(_("technologies"), max_length=300, blank=True, help_text=_("Separated by commas."))
    licence = models.CharField(_("licence"), max_length=100, blank=True, help_text=_("If the project is software."))
    live_url = models.URLField(_("live service"), blank=True)
    documentation_url = models.URLField(_("documentation"), blank=True)
    source_url = models.URLField(_("source code"), blank=True)
    # Experience
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    obstacles = models.TextField(_("obstacles met"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=40, blank=True)
    documents = models.ManyToManyField(
        get_document_model_string(), verbose_name=_("documents"), blank=True, related_name="+"
    )
    images = models.ManyToManyField(get_image_model_string(), verbose_name=_("images"), blank=True, related_name="+")
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reused_by",
        help_text=_("The project of another municipality this one replicates."),
    )
    # Review workflow
    state = models.CharField(_("publication state"), max_length=20, choices=State.choices, default=State.DRAFT)
    review_comment = models.TextField(_("editor's comment"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [
            models.Index(fields=["state", "-published_at"], name="project_state_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(budget_amount__gte=0) | models.Q(budget_amount__isnull=True),
                name="project_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects_db:project_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def technology_list(self) -> list[str]:
        return [t.strip() for t in self.technologies.split(",") if t.strip()]

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.start_date and self.launch_date and self.launch_date < self.start_date:
            errors["launch_date"] = _("The launch date cannot be before the start date.")
        if self.budget_amount is not None and not self.budget_currency:
            errors["budget_currency"] = _("Give the currency of the budget.")
        if self.based_on_id and self.pk and self.based_on_id == self.pk:
            errors["based_on"] = _("A project cannot be based on itself.")
        if errors:
            raise ValidationError(errors)


class ProjectOutcome(models.Model):
    """A key figure of a project's result, e.g. "share of bills paid online, 34, %"."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="outcomes")
    label = models.CharField(_("label"), max_length=200)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return f"{self.label}: {self.value} {self.unit}".strip()


class ProjectRevision(models.Model):
    """A pending change to a published project: the public keeps the live row until an editor approves this."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        RETURNED = "returned", _("Returned for changes")

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="pending_revision")
    data = models.JSONField(_("proposed values"))
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.PENDING)
    review_comment = models.TextField(_("editor's comment"), blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")

    def __str__(self) -> str:
        return f"{self.project} ({self.get_state_display()})"


class ProjectChange(models.Model):
    """One line of a project's history: who did what, when, and which fields changed (old and new values)."""

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        EDITED = "edited", _("Edited")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        CHANGE_PROPOSED = "change_proposed", _("Change proposed")
        CHANGE_APPROVED = "change_approved", _("Change approved")
        CHANGE_RETURNED = "change_returned", _("Change returned")
        IMPORTED = "imported", _("Imported")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    diff = models.JSONField(_("changed fields"), default=dict, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)  # e-mail sent (tasks are idempotent)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("project change")
        verbose_name_plural = _("project changes")

    def __str__(self) -> str:
        return f"{self.project_id} {self.action} {self.created_at:%Y-%m-%d %H:%M}"

    def changed_field_labels(self) -> list[str]:
        """The changed fields as the forms name them, in the active language (not "launch_date")."""
        extra = {"outcomes": _("key figures"), "documents": _("documents"), "images": _("images"), "state": _("state")}
        labels = []
        for name in self.diff:
            try:
                field = Project._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
            label = extra.get(name) or getattr(field, "verbose_name", None)  # reverse relations have none
            labels.append(str(label or name))
        return labels
