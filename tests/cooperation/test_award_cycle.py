"""The award's full cycle: nominate → score → rank → publish → vote, and every rule refused with nothing changed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from hub.cooperation import selectors, services
from hub.cooperation.models import JuryScore, Nomination, PublicVote
from tests.cooperation.conftest import make_juror, make_verified, move_to
from tests.projects_db.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def _nominate(user, edition, project):
    return services.nomination_create(
        user=user,
        edition=edition,
        project=project,
        what_it_does="Pay bills online",
        users_count=900,
        what_changed="Shorter queues",
    )


def _score_all(juror, nomination, values):
    criteria = list(nomination.edition.criteria.all())
    return services.scores_submit(
        user=juror, nomination=nomination, scores={c.pk: (v, "ok") for c, v in zip(criteria, values, strict=True)}
    )


def test_full_cycle_nominate_score_rank_publish_vote(
    edition, staff_hebron, staff_nablus, hebron_service, nablus_service, jurors, editor, voter
):
    hebron_nomination = _nominate(staff_hebron, edition, hebron_service)
    nablus_nomination = _nominate(staff_nablus, edition, nablus_service)
    services.nomination_update(
        user=staff_hebron,
        nomination=hebron_nomination,
        project=hebron_service,
        what_it_does="Pay water bills",
        users_count=1000,
        what_changed="Queues halved",
    )
    move_to(edition, "jury")
    # usefulness (weight 3), ease (weight 1)
    _score_all(jurors[0], hebron_nomination, [8, 4])
    _score_all(jurors[1], hebron_nomination, [6, 6])
    _score_all(jurors[0], nablus_nomination, [9, 1])
    _score_all(jurors[1], nablus_nomination, [9, 1])
    ranking = selectors.edition_ranking(edition=edition)
    # Hebron: (3*7 + 1*5)/4 = 6.5 ; Nablus: (3*9 + 1*1)/4 = 7.0
    assert [(r.nomination.pk, str(r.score), r.rank) for r in ranking] == [
        (nablus_nomination.pk, "7.00", 1),
        (hebron_nomination.pk, "6.50", 2),
    ]
    move_to(edition, "closed")
    services.results_publish(user=editor, edition=edition, winner_ids=[nablus_nomination.pk])
    edition.refresh_from_db()
    assert edition.results_published
    services.vote_cast(user=voter, nomination=hebron_nomination)
    # The public vote is shown beside the jury result and never changes it.
    ranking = selectors.edition_ranking(edition=edition)
    assert [(r.nomination.pk, str(r.score), r.votes) for r in ranking] == [
        (nablus_nomination.pk, "7.00", 0),
        (hebron_nomination.pk, "6.50", 1),
    ]


def test_equal_scores_share_a_rank_and_are_marked_tied(edition, hebron_service, nablus_service, jurors):
    a = Nomination.objects.create(
        edition=edition,
        municipality=hebron_service.lead_municipality,
        project=hebron_service,
        what_it_does="x",
        users_count=1,
        what_changed="y",
    )
    b = Nomination.objects.create(
        edition=edition,
        municipality=nablus_service.lead_municipality,
        project=nablus_service,
        what_it_does="x",
        users_count=1,
        what_changed="y",
    )
    move_to(edition, "jury")
    _score_all(jurors[0], a, [5, 5])
    _score_all(jurors[0], b, [5, 5])
    ranking = selectors.edition_ranking(edition=edition)
    assert [r.rank for r in ranking] == [1, 1]
    assert all(r.tied for r in ranking)


def test_nominating_outside_the_window_is_refused(edition, staff_hebron, hebron_service):
    move_to(edition, "jury")
    with pytest.raises(ValidationError, match="not open"):
        _nominate(staff_hebron, edition, hebron_service)
    assert not Nomination.objects.exists()


def test_a_second_nomination_of_the_same_municipality_is_refused(edition, staff_hebron, hebron_service, hebron):
    _nominate(staff_hebron, edition, hebron_service)
    colleague = make_verified("colleague")
    colleague.municipality = hebron
    colleague.save()
    other = ProjectFactory(lead_municipality=hebron, category=hebron_service.category)
    with pytest.raises(ValidationError, match="already"):
        _nominate(colleague, edition, other)
    assert Nomination.objects.get().project == hebron_service


def test_staff_cannot_nominate_another_municipalitys_project(edition, staff_nablus, hebron_service):
    with pytest.raises(ValidationError, match="your own municipality"):
        _nominate(staff_nablus, edition, hebron_service)
    assert not Nomination.objects.exists()


def test_a_member_who_is_not_staff_cannot_nominate(edition, member, hebron_service):
    with pytest.raises(PermissionDenied):
        _nominate(member, edition, hebron_service)


def test_a_project_that_is_not_live_cannot_be_nominated(edition, staff_hebron, hebron, category):
    planned = ProjectFactory(lead_municipality=hebron, category=category, status="planned")
    with pytest.raises(ValidationError, match="live"):
        _nominate(staff_hebron, edition, planned)


def test_nomination_cannot_be_edited_after_the_window(edition, staff_hebron, hebron_service):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    with pytest.raises(ValidationError):
        services.nomination_update(
            user=staff_hebron,
            nomination=nomination,
            project=hebron_service,
            what_it_does="changed",
            users_count=1,
            what_changed="changed",
        )
    nomination.refresh_from_db()
    assert nomination.what_it_does == "Pay bills online"


def test_scoring_by_a_non_juror_is_refused(edition, staff_hebron, hebron_service, editor):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    with pytest.raises(PermissionDenied):
        _score_all(editor, nomination, [5, 5])
    assert not JuryScore.objects.exists()


@pytest.mark.parametrize("bad", [11, -1, None])
def test_scores_outside_the_scale_are_refused_and_nothing_is_saved(edition, staff_hebron, hebron_service, jurors, bad):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    with pytest.raises(ValidationError, match="between 0 and 10"):
        _score_all(jurors[0], nomination, [7, bad])
    assert not JuryScore.objects.exists()


def test_scoring_before_nominations_close_is_refused(edition, staff_hebron, hebron_service, jurors):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    with pytest.raises(ValidationError, match="not scoring"):
        _score_all(jurors[0], nomination, [7, 7])


def test_results_cannot_be_published_before_the_jury_closes_or_by_a_non_editor(
    edition, staff_hebron, hebron_service, editor, jurors
):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    with pytest.raises(ValidationError):
        services.results_publish(user=editor, edition=edition, winner_ids=[nomination.pk])
    move_to(edition, "closed")
    with pytest.raises(PermissionDenied):
        services.results_publish(user=jurors[0], edition=edition, winner_ids=[nomination.pk])
    edition.refresh_from_db()
    assert not edition.results_published


def test_voting_twice_or_without_verified_email_is_refused(edition, staff_hebron, hebron_service, voter, member):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    services.vote_cast(user=voter, nomination=nomination)
    with pytest.raises(ValidationError, match="already voted"):
        services.vote_cast(user=voter, nomination=nomination)
    with pytest.raises(ValidationError, match="Confirm your e-mail"):
        services.vote_cast(user=member, nomination=nomination)
    assert PublicVote.objects.count() == 1


def test_voting_outside_the_vote_window_is_refused(edition, staff_hebron, hebron_service, voter):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    edition.vote_closes = edition.vote_opens
    edition.save()
    with pytest.raises(ValidationError, match="not open"):
        services.vote_cast(user=voter, nomination=nomination)
    assert not PublicVote.objects.exists()


# ---- the pages, with their permissions on the server ----


def test_jury_pages_are_404_for_everyone_but_jurors(client, edition, staff_hebron, hebron_service, editor, member):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    urls = [
        reverse("cooperation:jury", kwargs={"year": edition.year}),
        reverse("cooperation:jury_score", kwargs={"year": edition.year, "pk": nomination.pk}),
    ]
    for user in (staff_hebron, editor, member):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 404
    client.logout()
    for url in urls:
        assert client.get(url).status_code == 302  # to sign-in


def test_a_juror_scores_through_the_page_and_sees_only_their_own_scores(
    client, edition, staff_hebron, hebron_service, jurors
):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    other = jurors[1]
    _score_all(other, nomination, [2, 2])
    client.force_login(jurors[0])
    url = reverse("cooperation:jury_score", kwargs={"year": edition.year, "pk": nomination.pk})
    page = client.get(url).content.decode()
    assert 'value="2"' not in page  # another juror's score is not shown
    criteria = list(edition.criteria.all())
    data = {f"score_{c.pk}": "9" for c in criteria} | {f"comment_{c.pk}": "Strong" for c in criteria}
    assert client.post(url, data).status_code == 302
    assert JuryScore.objects.filter(juror=jurors[0]).count() == 2
    # The ranking stays closed to jurors until the jury closes.
    assert client.get(reverse("cooperation:ranking", kwargs={"year": edition.year})).status_code == 404


def test_a_score_outside_the_scale_on_the_page_shows_an_error_and_saves_nothing(
    client, edition, staff_hebron, hebron_service, jurors
):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "jury")
    client.force_login(jurors[0])
    criteria = list(edition.criteria.all())
    data = {f"score_{c.pk}": "12" for c in criteria}
    response = client.post(reverse("cooperation:jury_score", kwargs={"year": edition.year, "pk": nomination.pk}), data)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not JuryScore.objects.exists()


def test_staff_nominate_through_the_page_in_arabic(client, edition, staff_hebron, hebron_service):
    client.force_login(staff_hebron)
    url = reverse("cooperation:nominate", kwargs={"year": edition.year})
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "project": hebron_service.pk,
            "what_it_does": "دفع الفواتير",
            "users_count": "50",
            "what_changed": "أقل انتظاراً",
        },
    )
    assert response.status_code == 302
    assert Nomination.objects.get().users_count == 50


def test_the_nomination_page_is_404_for_members_who_are_not_staff(client, edition, member):
    client.force_login(member)
    assert client.get(reverse("cooperation:nominate", kwargs={"year": edition.year})).status_code == 404


def test_an_editor_publishes_winners_from_the_ranking_page(client, edition, staff_hebron, hebron_service, editor):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    move_to(edition, "closed")
    client.force_login(editor)
    url = reverse("cooperation:ranking", kwargs={"year": edition.year})
    assert client.post(url, {"winner": [nomination.pk]}).status_code == 302
    nomination.refresh_from_db()
    assert nomination.winner_rank == 1
    client.logout()
    winners = client.get(reverse("cooperation:award_winners")).content.decode()
    assert hebron_service.get_absolute_url() in winners


def test_a_non_juror_gets_404_on_the_ranking(client, edition, member):
    move_to(edition, "closed")
    client.force_login(member)
    assert client.get(reverse("cooperation:ranking", kwargs={"year": edition.year})).status_code == 404


def test_anonymous_voting_is_sent_to_sign_in_and_counts_nothing(client, edition, staff_hebron, hebron_service):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    response = client.post(reverse("cooperation:vote", kwargs={"year": edition.year, "pk": nomination.pk}))
    assert response.status_code == 302
    assert not PublicVote.objects.exists()


def test_a_second_vote_through_the_page_shows_a_clear_message(client, edition, staff_hebron, hebron_service, voter):
    nomination = _nominate(staff_hebron, edition, hebron_service)
    client.force_login(voter)
    with translation.override("en"):
        url = reverse("cooperation:vote", kwargs={"year": edition.year, "pk": nomination.pk})
    client.post(url)
    response = client.post(url, follow=True)
    assert PublicVote.objects.count() == 1
    assert "You have already voted in this edition." in response.content.decode()


def test_the_public_award_page_lists_nominees_with_pinned_queries(
    client, edition, staff_hebron, hebron_service, django_assert_max_num_queries
):
    _nominate(staff_hebron, edition, hebron_service)
    url = reverse("cooperation:award_edition", kwargs={"year": edition.year})
    client.get(url)
    with django_assert_max_num_queries(12) as first:
        body = client.get(url).content.decode()
    assert "Hebron e-payment" in body
    for n in range(3):
        project = ProjectFactory(category=hebron_service.category)
        make_juror(f"j{n}")
        from hub.cooperation.models import Nomination as N

        N.objects.create(
            edition=edition,
            municipality=project.lead_municipality,
            project=project,
            what_it_does="x",
            users_count=1,
            what_changed="y",
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)
