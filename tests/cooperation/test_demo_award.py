"""The demo award can be tried as loaded: an edition whose jury is scoring (jurors in the jury group, nominees with
their own cases) that an editor walks to its winners without touching a date, and next year's call with Hebron's
nomination, made by Hebron's staff account, which that account can edit."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from hub.accounts import roles
from hub.accounts.models import User
from hub.cooperation import services
from hub.cooperation.models import AwardEdition, JuryScore, Nomination, ProgressUpdate

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(demo_module):
    """The whole demo (load_demo_data), a fresh copy for this module (tests/conftest.py `demo_module`)."""


def _judged():
    return AwardEdition.objects.get(year=timezone.localdate().year)


def _upcoming():
    return AwardEdition.objects.get(year=timezone.localdate().year + 1)


def test_this_years_demo_edition_is_scoring_with_two_jurors_of_the_jury_group(demo, db):
    edition = _judged()
    assert edition.jury_is_open() and not edition.nominations_are_open()
    jurors = User.objects.filter(groups__name=roles.AWARD_JURY).order_by("username")
    assert [juror.username for juror in jurors] == ["juror", "juror2"]
    nominations = list(edition.nominations.all())
    assert len(nominations) == 4
    # Each nominee tells its own case: no two share what they do or what changed.
    assert len({n.what_it_does for n in nominations}) == len({n.what_changed for n in nominations}) == 4
    assert JuryScore.objects.filter(nomination__edition=edition, juror__username="juror").exists()
    assert not JuryScore.objects.filter(nomination__edition=edition, juror__username="juror2").exists()
    assert _upcoming().nominations_are_open()


def test_an_editor_walks_the_demo_award_from_scoring_to_the_winners_without_editing_a_date(
    demo,
    db,
    client,
):
    edition = _judged()
    page = client.get(reverse("cooperation:award_edition", kwargs={"year": _upcoming().year}))
    assert edition.get_absolute_url() in page.content.decode()  # the judged edition is linked from the call
    # The second juror scores every nomination.
    client.force_login(User.objects.get(username="juror2"))
    assert client.get(reverse("cooperation:jury", kwargs={"year": edition.year})).status_code == 200
    criteria = list(edition.criteria.all())
    for value, nomination in enumerate(edition.nominations.order_by("pk"), start=5):
        data = {f"score_{c.pk}": value for c in criteria} | {f"comment_{c.pk}": "" for c in criteria}
        url = reverse("cooperation:jury_score", kwargs={"year": edition.year, "pk": nomination.pk})
        assert client.post(url, data).status_code == 302
    assert JuryScore.objects.filter(juror__username="juror2").count() == 4 * len(criteria)
    # The editor ranks, closes the jury and publishes the first two.
    client.force_login(User.objects.get(username="editor"))
    ranking_url = reverse("cooperation:ranking", kwargs={"year": edition.year})
    ranking = client.get(ranking_url)
    assert ranking.status_code == 200 and "close-jury" in ranking.content.decode()
    client.post(ranking_url, {"winner": [n.pk for n in edition.nominations.all()[:1]]})  # refused: jury open
    assert not Nomination.objects.filter(edition=edition, winner_rank__isnull=False).exists()
    assert client.post(ranking_url, {"action": "close-jury"}).status_code == 302
    edition.refresh_from_db()
    assert edition.jury_is_closed() and not edition.results_published
    top = [row.nomination.pk for row in ranking.context["ranking"]][:2]
    assert client.post(ranking_url, {"winner": top}).status_code == 302
    winners = edition.nominations.filter(winner_rank__isnull=False).order_by("winner_rank")
    assert list(winners.values_list("pk", flat=True)) == top


def test_hebrons_demo_nomination_was_made_by_hebrons_staff_who_can_edit_it(demo, db, client):
    hebron = User.objects.get(username="hebron")
    nomination = Nomination.objects.get(edition=_upcoming(), municipality__slug="hebron")
    assert nomination.nominated_by == hebron
    client.force_login(hebron)
    url = reverse("cooperation:nominate", kwargs={"year": _upcoming().year})
    form = client.get(url)
    assert form.status_code == 200
    data = {
        "project": nomination.project_id,
        "what_it_does": nomination.what_it_does,
        "users_count": 53_000,
        "what_changed": "صار 40% من الفواتير يُدفع عبر البوابة.",
    }
    assert client.post(url, data).status_code == 302
    nomination.refresh_from_db()
    assert (nomination.users_count, nomination.what_changed) == (53_000, data["what_changed"])


def test_a_nomination_recorded_by_the_operator_is_edited_by_its_staff(demo, db):
    nomination = Nomination.objects.filter(edition=_upcoming()).get()
    Nomination.objects.filter(pk=nomination.pk).update(nominated_by=None)  # as `load_demo_data` records one
    nomination.refresh_from_db()
    services.nomination_update(
        user=User.objects.get(username="hebron"),
        nomination=nomination,
        project=nomination.project,
        what_it_does=nomination.what_it_does,
        users_count=60_000,
        what_changed=nomination.what_changed,
    )
    nomination.refresh_from_db()
    assert nomination.users_count == 60_000 and nomination.nominated_by is None


def test_a_model_error_on_a_field_the_form_lacks_names_that_field(demo, db, client, monkeypatch):
    def refuse(**kwargs):
        raise ValidationError({"nominated_by": ["This field cannot be blank."]})

    monkeypatch.setattr(services, "nomination_update", refuse)
    nomination = Nomination.objects.get(edition=_upcoming(), municipality__slug="hebron")
    client.force_login(User.objects.get(username="hebron"))
    url = reverse("cooperation:nominate", kwargs={"year": _upcoming().year}).replace("/ar/", "/en/")
    data = {"project": nomination.project_id, "what_it_does": "x", "users_count": 1, "what_changed": "y"}
    page = client.post(url, data)
    assert page.status_code == 200
    assert "Nominated by: This field cannot be blank." in page.content.decode()


def test_every_recommendation_update_of_the_demo_says_something_of_its_own(demo, db):
    texts = list(ProgressUpdate.objects.values_list("text_en", flat=True))
    assert len(texts) >= 10 and len(set(texts)) == len(texts)
