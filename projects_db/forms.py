"""Staff and editor forms of projects_db. They validate input only; projects_db.services does the writing."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.accounts.roles import is_editor, staff_municipality_id
from hub.places import selectors as places
from hub.text import SingleLineTextMixin
from projects_db import fields
from projects_db.models import Organisation, Project
from projects_db.uploads import validate_document, validate_image

FORM_FIELDS = fields.EDITABLE_FIELDS  # the one declaration (projects_db.fields)


# ProjectOutcome.value: 14 digits, two of them decimals.
OUTCOME_DECIMALS = 2
OUTCOME_LIMIT = Decimal("1e12")


def parse_outcomes(text: str) -> list[dict]:
    """One key figure per line: "label | value | unit" (unit optional)."""
    outcomes = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) not in (2, 3) or not parts[0]:
            raise forms.ValidationError(
                _("Line %(line)s: write “label | value | unit”."), params={"line": number}, code="outcome"
            )
        try:
            value = Decimal(parts[1].replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(
                _("Line %(line)s: the value must be a number."), params={"line": number}, code="outcome"
            ) from None
        if not value.is_finite():
            raise forms.ValidationError(
                _("Line %(line)s: the value must be a number."), params={"line": number}, code="outcome"
            )
        # Stored with two decimals: a value that would be rounded (1e-50 to 0.00) is refused, not changed.
        if -value.normalize().as_tuple().exponent > OUTCOME_DECIMALS:
            raise forms.ValidationError(
                _("Line %(line)s: the value may have at most two decimal places."),
                params={"line": number},
                code="outcome",
            )
        if abs(value) >= OUTCOME_LIMIT:
            raise forms.ValidationError(
                _("Line %(line)s: the value must be less than a trillion (1,000,000,000,000)."),
                params={"line": number},
                code="outcome",
            )
        value = value.quantize(Decimal(1).scaleb(-OUTCOME_DECIMALS))  # "34.500" is 34.50, exactly
        outcomes.append({"label": parts[0][:200], "value": value, "unit": (parts[2] if len(parts) == 3 else "")[:40]})
    return outcomes


def format_outcomes(outcomes: list[dict]) -> str:
    return "\n".join(f"{o['label']} | {o['value'].normalize():f} | {o.get('unit', '')}".rstrip(" |") for o in outcomes)


def https_by_default(field, **kwargs):
    """Model fields to form fields; an address typed without a scheme is taken as https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class ProjectForm(SingleLineTextMixin, forms.ModelForm):
    """Create or edit a project. Staff record projects of their own municipality only."""

    outcomes_text = forms.CharField(
        label=_("Outcomes (key figures)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "dir": "auto"}),
        help_text=_("One per line: label | value | unit, e.g. “share of bills paid online | 34 | %”."),
    )
    new_document = forms.FileField(label=_("Add a document"), required=False, validators=[validate_document])
    new_image = forms.FileField(label=_("Add an image"), required=False, validators=[validate_image])

    class Meta:
        model = Project
        fields = FORM_FIELDS
        formfield_callback = https_by_default
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "summary_translation": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "lessons_learned": forms.Textarea(attrs={"rows": 4}),
            "obstacles": forms.Textarea(attrs={"rows": 4}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "launch_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, project: Project | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["partner_municipalities"].queryset = places.municipalities().order_by("name_en")
        self.fields["funders"].queryset = Organisation.objects.all()
        self.fields["vendors"].queryset = Organisation.objects.all()
        based_on = Project.objects.published().select_related("lead_municipality")
        if project is not None:
            based_on = based_on.exclude(pk=project.pk)
        self.fields["based_on"].queryset = based_on
        if not is_editor(user):
            # Whatever is posted, staff record projects of their own municipality.
            own = staff_municipality_id(user)
            self.fields["lead_municipality"].queryset = places.municipalities().filter(pk=own)
            self.fields["lead_municipality"].initial = own
            self.fields["lead_municipality"].empty_label = None

    def clean_outcomes_text(self):
        return parse_outcomes(self.cleaned_data.get("outcomes_text", ""))

    def _post_clean(self):
        # The service validates the model (full_clean); here only the form fields are checked.
        pass

    def service_data(self) -> dict:
        """The cleaned values in the shape projects_db.services expects."""
        data = {name: self.cleaned_data.get(name) for name in FORM_FIELDS}
        for name in ("partner_municipalities", "funders", "vendors"):
            data[name] = list(data[name] or [])
        data["outcomes"] = self.cleaned_data.get("outcomes_text", [])
        data["new_document"] = self.cleaned_data.get("new_document")
        data["new_image"] = self.cleaned_data.get("new_image")
        return data


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what needs to change.")},
    )
