"""Forms of the accounts pages; they validate input and leave every write to services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hub.accounts.models import MembershipRequest, User
from hub.text import SingleLineTextMixin


class ProfileForm(SingleLineTextMixin, forms.ModelForm):
    """The public part of one's own profile, and the language of one's e-mails and of the admin."""

    language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        required=False,  # left out of a post: the preference stays as it is
        help_text=_("The language of the e-mails and notifications we send you, and of the administration pages."),
    )

    class Meta:
        model = User
        fields = ["display_name", "job_title", "bio"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "display_name": _("Shown on your posts and your public profile instead of your user name."),
            "bio": _("A few lines about your work; at most 1000 characters."),
        }


class MembershipRequestForm(SingleLineTextMixin, forms.ModelForm):
    """Ask to be recognised as staff of one municipality."""

    class Meta:
        model = MembershipRequest
        fields = ["municipality", "job_title", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}


class RejectForm(forms.Form):
    """An editor's reason for declining a request; the applicant reads it."""

    reason = forms.CharField(
        label=_("Reason for the rejection"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give the applicant a reason for the rejection.")},
    )
