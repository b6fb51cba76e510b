"""Cooperation: the best e-service award, the follow-up of recommendations, agreements, training and follows.

Only hub.cooperation.services writes these rows (the Wagtail snippets call the same rules through clean()).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel


def _english() -> bool:
    return (get_language() or "ar").startswith("en")


def _pick(obj, field: str) -> str:
    """The English or Arabic value of `field`, falling back to the other language when empty."""
    first, second = ("en", "ar") if _english() else ("ar", "en")
    return getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}")


# ---- the award ----


class AwardEdition(ClusterableModel):
    """One year of the best municipal e-service award: its call, criteria, windows and results."""

    year = models.PositiveIntegerField(_("year"), unique=True, validators=[MinValueValidator(2000)])
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    call_ar = models.TextField(_("call text (Arabic)"))
    call_en = models.TextField(_("call text (English)"), blank=True)
    nominations_open = models.DateTimeField(_("nominations open"))
    nominations_close = models.DateTimeField(_("nominations close"))
    jury_closes = models.DateTimeField(
        _("jury closes"), help_text=_("Jurors score after nominations close and until this moment.")
    )
    results_date = models.DateField(_("results announced on"))
    vote_opens = models.DateTimeField(_("public vote opens"))
    vote_closes = models.DateTimeField(_("public vote closes"))
    score_max = models.PositiveSmallIntegerField(
        _("highest score"), default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("year"),
        FieldPanel("title_ar"),
        FieldPanel("title_en"),
        FieldPanel("call_ar"),
        FieldPanel("call_en"),
        MultiFieldPanel(
            [
                FieldPanel("nominations_open"),
                FieldPanel("nominations_close"),
                FieldPanel("jury_closes"),
                FieldPanel("results_date"),
                FieldPanel("vote_opens"),
                FieldPanel("vote_closes"),
            ],
            heading=_("Dates"),
        ),
        FieldPanel("score_max"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("award edition")
        verbose_name_plural = _("award editions")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:award_edition", kwargs={"year": self.year})

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def call(self) -> str:
        return _pick(self, "call")

    def nominations_are_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.nominations_open <= now < self.nominations_close

    def jury_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.nominations_close <= now < self.jury_closes

    def jury_is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.jury_closes

    def vote_is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.vote_opens <= now < self.vote_closes

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None

    def clean(self):
        errors = {}
        if self.nominations_open and self.nominations_close and self.nominations_close <= self.nominations_open:
            errors["nominations_close"] = _("Nominations must close after they open.")
        if self.nominations_close and self.jury_closes and self.jury_closes <= self.nominations_close:
            errors["jury_closes"] = _("The jury must close after nominations close.")
        if self.vote_opens and self.vote_closes and self.vote_closes <= self.vote_opens:
            errors["vote_closes"] = _("The public vote must close after it opens.")
        if errors:
            raise ValidationError(errors)


class AwardCriterion(models.Model):
    """What the jury scores, with its weight in the final ranking (e.g. usefulness to citizens, weight 3)."""

    edition = ParentalKey(AwardEdition, on_delete=models.CASCADE, related_name="criteria")
    name_ar = models.CharField(_("name (Arabic)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)

    panels = [FieldPanel("name_ar"), FieldPanel("name_en"), FieldPanel("weight"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _pick(self, "name")


class Nomination(models.Model):
    """A municipality's candidate for one edition: one of its live projects with a short case."""

    edition = models.ForeignKey(AwardEdition, on_delete=models.CASCADE, related_name="nominations")
    municipality = models.ForeignKey(
        "places.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="+"
    )
    project = models.ForeignKey(
        "projects_db.Project", verbose_name=_("project"), on_delete=models.PROTECT, related_name="+"
    )
    what_it_does = models.TextField(_("what the service does"), max_length=2000)
    users_count = models.PositiveIntegerField(_("number of users"))
    what_changed = models.TextField(_("what changed"), max_length=2000)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    winner_rank = models.PositiveSmallIntegerField(_("prize"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(fields=["edition", "municipality"], name="nomination_one_per_municipality"),
        ]

    def __str__(self) -> str:
        return f"{self.edition.year}: {self.project}"


class JuryScore(models.Model):
    """One juror's score of one nomination on one criterion, with a comment."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(AwardCriterion, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "criterion", "juror"], name="jury_score_once"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}/{self.criterion_id}/{self.juror_id}: {self.value}"

    def clean(self):
        if self.value is not None and self.criterion_id and self.value > self.criterion.edition.score_max:
            raise ValidationError(
                {"value": _("A score must be between 0 and %(max)s.") % {"max": self.criterion.edition.score_max}}
            )


class PublicVote(models.Model):
    """One verified account's vote in one edition; shown beside the jury's result, never mixed into it."""

    edition = models.ForeignKey(AwardEdition, on_delete=models.CASCADE, related_name="votes")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public vote")
        verbose_name_plural = _("public votes")
        constraints = [models.UniqueConstraint(fields=["edition", "user"], name="public_vote_once")]

    def __str__(self) -> str:
        return f"{self.edition_id}: {self.user_id} → {self.nomination_id}"


# ---- recommendations ----


class ResponsibleBody(models.Model):
    """Who must carry a recommendation out: a ministry, the association of local authorities, universities..."""

    name_ar = models.CharField(_("name (Arabic)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=True)

    panels = [FieldPanel("name_ar"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("responsible body")
        verbose_name_plural = _("responsible bodies")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _pick(self, "name")


class Recommendation(ClusterableModel):
    """A recommendation of a conference, followed until it is done (or dropped)."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    event = models.ForeignKey(
        "hub.EventPage", verbose_name=_("event"), on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, allow_unicode=True)
    title_ar = models.CharField(_("title (Arabic)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    text_ar = models.TextField(_("text (Arabic)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    body = models.ForeignKey(
        ResponsibleBody, verbose_name=_("responsible body"), on_delete=models.PROTECT, related_name="recommendations"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    projects = ParentalManyToManyField("projects_db.Project", verbose_name=_("projects"), blank=True, related_name="+")
    pages = ParentalManyToManyField(
        "wagtailcore.Page",
        verbose_name=_("stories and events"),
        blank=True,
        related_name="+",
        help_text=_("Success stories, practices and events that advance this recommendation."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("event"),
        FieldPanel("number"),
        FieldPanel("slug"),
        FieldPanel("title_ar"),
        FieldPanel("title_en"),
        FieldPanel("text_ar"),
        FieldPanel("text_en"),
        FieldPanel("body"),
        FieldPanel("status"),
        FieldPanel("projects"),
        FieldPanel("pages"),
        InlinePanel("updates", label=_("Progress updates")),
    ]

    class Meta:
        ordering = ["number", "id"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def text(self) -> str:
        return _pick(self, "text")


class ProgressUpdate(models.Model):
    """A dated note by an editor on how a recommendation advanced."""

    recommendation = ParentalKey(Recommendation, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text_ar = models.TextField(_("text (Arabic)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    panels = [FieldPanel("date"), FieldPanel("text_ar"), FieldPanel("text_en")]

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"

    @property
    def text(self) -> str:
        return _pick(self, "text")


# ---- agreements ----


class Agreement(ClusterableModel):
    """A twinning, cooperation, university-partnership or training agreement between municipalities and, for
    some, universities, companies' associations and other institutions; shown on each municipality's page."""

    class Kind(models.TextChoices):
        TWINNING = "twinning", _("Twinning")
        COOPERATION = "cooperation", _("Cooperation agreement")
        UNIVERSITY = "university", _("University partnership")
        TRAINING = "training", _("Training agreement")
        MEMORANDUM = "memorandum", _("Memorandum of understanding")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.TWINNING)
    title_ar = models.CharField(_("title (Arabic)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    signed_on = models.DateField(_("signed on"))
    parties = ParentalManyToManyField("places.Municipality", verbose_name=_("parties"), related_name="+")
    organisations = ParentalManyToManyField(
        "projects_db.Organisation",
        verbose_name=_("other parties"),
        blank=True,
        related_name="+",
        help_text=_("Universities, associations, companies or ministries that signed with the municipalities."),
    )
    aims_ar = models.TextField(_("aims (Arabic)"), blank=True)
    aims_en = models.TextField(_("aims (English)"), blank=True)
    projects = ParentalManyToManyField(
        "projects_db.Project", verbose_name=_("linked projects"), blank=True, related_name="+"
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title_ar"),
        FieldPanel("title_en"),
        FieldPanel("signed_on"),
        FieldPanel("parties"),
        FieldPanel("organisations"),
        FieldPanel("aims_ar"),
        FieldPanel("aims_en"),
        FieldPanel("projects"),
    ]

    class Meta:
        ordering = ["-signed_on", "id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:agreement", kwargs={"pk": self.pk})

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def aims(self) -> str:
        return _pick(self, "aims")


# ---- training ----


class TrainingProgramme(models.Model):
    """A training programme or course: who trains whom (a partner university, a company or a municipality), when,
    on which topics and how many people were trained."""

    class Kind(models.TextChoices):
        PROGRAMME = "programme", _("Training programme")
        COURSE = "course", _("Course")
        WORKSHOP = "workshop", _("Workshop")

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.COURSE)
    title_ar = models.CharField(_("title (Arabic)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=160, unique=True, allow_unicode=True)
    provider = models.ForeignKey(
        "projects_db.Organisation",
        verbose_name=_("trainer (university or institution)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The partner university, company or institution that trains."),
    )
    provider_municipality = models.ForeignKey(
        "places.Municipality",
        verbose_name=_("training municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("A municipality that trains the staff of others (instead of, or with, an institution)."),
    )
    municipalities = models.ManyToManyField(
        "places.Municipality", verbose_name=_("municipalities trained"), related_name="+"
    )
    audience_ar = models.CharField(_("who is trained (Arabic)"), max_length=250)
    audience_en = models.CharField(_("who is trained (English)"), max_length=250, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    topics_ar = models.TextField(_("topics (Arabic)"), help_text=_("One topic a line."))
    topics_en = models.TextField(_("topics (English)"), blank=True, help_text=_("One topic a line."))
    trained_count = models.PositiveIntegerField(_("number of people trained"), null=True, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("under the agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainings",
    )
    event = models.ForeignKey(
        "hub.EventPage",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The training event announcing this programme, if any."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title_ar"),
        FieldPanel("title_en"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("provider"), FieldPanel("provider_municipality"), FieldPanel("municipalities")],
            heading=_("Who trains whom"),
        ),
        FieldPanel("audience_ar"),
        FieldPanel("audience_en"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("topics_ar"),
        FieldPanel("topics_en"),
        FieldPanel("trained_count"),
        FieldPanel("summary_ar"),
        FieldPanel("summary_en"),
        FieldPanel("agreement"),
        FieldPanel("event"),
    ]

    class Meta:
        ordering = ["-starts_on", "id"]
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:training_detail", kwargs={"slug": self.slug})

    @property
    def title(self) -> str:
        return _pick(self, "title")

    @property
    def audience(self) -> str:
        return _pick(self, "audience")

    @property
    def summary(self) -> str:
        return _pick(self, "summary")

    @property
    def topics(self) -> list[str]:
        return [line.strip() for line in _pick(self, "topics").splitlines() if line.strip()]

    def clean(self):
        errors = {}
        if not self.provider_id and not self.provider_municipality_id:
            errors["provider"] = _("Say who trains: an institution, a municipality or both.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("A training cannot end before it starts.")
        if errors:
            raise ValidationError(errors)


# ---- follows and the weekly digest ----


class Follow(models.Model):
    """A signed-in user follows a municipality, a category or a recommendation."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        CATEGORY = "category", _("Category")
        RECOMMENDATION = "recommendation", _("Recommendation")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    target_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [models.UniqueConstraint(fields=["user", "kind", "target_id"], name="follow_once")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.kind} {self.target_id}"


class DigestState(models.Model):
    """When a user's weekly digest last went out, and whether they unsubscribed (idempotent sending)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_sent_at = models.DateTimeField(null=True, blank=True)
    unsubscribed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("digest state")
        verbose_name_plural = _("digest states")

    def __str__(self) -> str:
        return f"digest of {self.user_id}"
