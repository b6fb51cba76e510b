"""Forms of the cooperation pages; they only shape input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _


class NominationForm(forms.Form):
    project = forms.ModelChoiceField(queryset=None, label=_("Project"))
    what_it_does = forms.CharField(label=_("What the service does"), max_length=2000, widget=forms.Textarea)
    users_count = forms.IntegerField(label=_("Number of users"), min_value=0, max_value=100_000_000)
    what_changed = forms.CharField(label=_("What changed"), max_length=2000, widget=forms.Textarea)

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects


class ScoreForm(forms.Form):
    """One score and comment field per criterion of the edition."""

    def __init__(self, *args, criteria, score_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name, min_value=0, max_value=score_max
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        data = self.cleaned_data
        return {c.pk: (data[f"score_{c.pk}"], data.get(f"comment_{c.pk}", "")) for c in self.criteria}
