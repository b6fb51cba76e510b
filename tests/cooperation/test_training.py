"""Training as a first-class record: editors record programmes in the Wagtail admin (through the service), readers
find them in a list and on their own page, on the municipality pages and on the page of a training event."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from hub.accounts.roles import MINISTRY_EDITORS
from hub.cooperation import services
from hub.cooperation.models import TrainingProgramme
from projects_db.models import Organisation
from tests.hub.factories import make_event
from tests.projects_db.factories import MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/cooperation/trainingprogramme/add/"


@pytest.fixture
def university(db):
    return Organisation.objects.create(slug="ppu", name_ar="جامعة بوليتكنك فلسطين", name_en="Palestine Polytechnic")


@pytest.fixture
def editor_client(client):
    user = UserFactory(username="ministry-editor")
    user.groups.add(Group.objects.get(name=MINISTRY_EDITORS))
    client.force_login(user)
    return client, user


def form(*municipalities, provider=None, **changes) -> dict:
    return {
        "kind": "course",
        "title_ar": "دورة نظم المعلومات الجغرافية",
        "title_en": "GIS course",
        "slug": "gis-course",
        "provider": provider.pk if provider else "",
        "provider_municipality": "",
        "municipalities": [m.pk for m in municipalities],
        "audience_ar": "مهندسو البلديات",
        "audience_en": "Municipal engineers",
        "starts_on": "2012-10-06",
        "ends_on": "2012-11-29",
        "topics_ar": "أساسيات\nالرقمنة",
        "topics_en": "Basics\nDigitising",
        "trained_count": "26",
        "summary_ar": "",
        "summary_en": "",
        "agreement": "",
        "event": "",
    } | changes


def en(url_name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(url_name, kwargs=kwargs)


def test_an_editor_records_a_training_in_the_admin_and_readers_see_it(client, editor_client, hebron, university):
    admin, editor = editor_client
    response = admin.post(ADD, form(hebron, provider=university))
    assert response.status_code == 302, response.content.decode()[:2000]
    training = TrainingProgramme.objects.get()
    assert ModelLogEntry.objects.for_instance(training).get(action="wagtail.create").user == editor
    client.logout()
    listing = client.get(en("cooperation:training")).content.decode()
    assert "GIS course" in listing and "Palestine Polytechnic" in listing and "26 people trained" in listing
    page = client.get(en("cooperation:training_detail", slug="gis-course")).content.decode()
    assert "Digitising" in page and "Municipal engineers" in page and "6 October 2012" in page
    with translation.override("en"):
        municipality_page = client.get(hebron.get_absolute_url()).content.decode()
    assert training.get_absolute_url() in municipality_page


def test_a_training_without_a_trainer_or_trainees_is_refused_and_nothing_changes(editor_client, hebron):
    admin, editor = editor_client
    response = admin.post(ADD, form(hebron))  # nobody trains
    assert response.status_code == 200
    assert "حدّدوا من يدرّب: مؤسسة أو بلدية أو كلتاهما." in response.content.decode()  # the admin speaks Arabic
    with pytest.raises(ValidationError):
        services.training_create(user=editor, data=form(hebron) | {"municipalities": []})
    assert not TrainingProgramme.objects.exists()


def test_a_training_event_links_its_programme(client, sections, editor, hebron, university):  # noqa: F811
    event = make_event(sections["events"]["ar"], kind="training", slug="skills-week")
    training = services.training_create(
        user=editor,
        data={
            "kind": "programme",
            "title_ar": "أسبوع المهارات الرقمية",
            "title_en": "Digital skills week",
            "slug": "skills-week",
            "provider": university,
            "municipalities": [hebron],
            "audience_ar": "موظفو تقنية المعلومات",
            "starts_on": event.start.date(),
            "topics_ar": "أمن المعلومات",
            "event": event,
        },
    )
    page = client.get(event.url).content.decode()
    assert training.get_absolute_url() in page
    seminar = make_event(sections["events"]["ar"], kind="seminar", slug="a-seminar")
    with pytest.raises(ValidationError):
        services.training_update(user=editor, training=training, data={"event": seminar})


def test_the_training_list_costs_the_same_queries_with_more_programmes(
    client, editor, hebron, university, django_assert_num_queries
):
    def add(n):
        services.training_create(
            user=editor,
            data={
                "title_ar": f"دورة {n}",
                "title_en": f"Course {n}",
                "slug": f"course-{n}",
                "provider": university,
                "municipalities": [hebron, MunicipalityFactory()],
                "audience_ar": "موظفون",
                "starts_on": "2013-01-01",
                "topics_ar": "موضوع",
            },
        )

    add(0)
    url = en("cooperation:training")
    client.get(url)
    with django_assert_num_queries(4) as first:  # programmes, their municipalities, two totals
        client.get(url)
    for n in range(1, 6):
        add(n)
    with django_assert_num_queries(len(first.captured_queries)):
        assert "Course 5" in client.get(url).content.decode()
