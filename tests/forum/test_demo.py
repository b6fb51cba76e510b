import pytest
from machina.core.db.models import get_model

from forum import demo
from forum.models import TopicSolution

pytestmark = pytest.mark.django_db


def test_demo_forum_loads_twice_without_duplicates():
    demo.load()
    demo.load()
    assert get_model("forum_conversation", "Topic").objects.count() == 4
    assert TopicSolution.objects.count() == 3
