"""Forum test data: members with a verified e-mail, verified staff, moderators, topics and posts."""

import factory
from allauth.account.models import EmailAddress
from allauth.account.signals import email_confirmed
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from machina.core.db.models import get_model

from forum import services
from hub.accounts import roles
from hub.accounts.signals import standing_changed

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pass-12345")

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """verified=True (the default) gives the user a verified e-mail address, confirmed as allauth does it (its
        signal puts them in the forum's members group)."""
        self.save()
        if create and extracted is not False:
            address = EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
            email_confirmed.send(sender=EmailAddress, request=None, email_address=address)


def make_member(**kwargs):
    return UserFactory(**kwargs)


def make_staff(municipality=None, **kwargs):
    from hub.places.models import Governorate, Municipality

    if municipality is None:
        governorate, _ = Governorate.objects.get_or_create(
            slug="hebron", defaults={"name_ar": "الخليل", "name_en": "Hebron"}
        )
        municipality, _ = Municipality.objects.get_or_create(
            slug="hebron", defaults={"name_ar": "الخليل", "name_en": "Hebron", "governorate": governorate}
        )
    user = UserFactory(**kwargs)
    user.municipality = municipality
    user.save()
    standing_changed.send(sender=type(user), user=user)  # as accounts' verification service does
    return user


def make_in_group(group_name, **kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get_or_create(name=group_name)[0])
    user.save()
    return user


def make_moderator(**kwargs):
    return make_in_group(roles.FORUM_MODERATORS, **kwargs)


def make_editor(**kwargs):
    return make_in_group(roles.MINISTRY_EDITORS, **kwargs)


def make_topic(*, forum, poster, subject="How do we reconcile bank payments?", content="Question body", approved=True):
    topic = Topic.objects.create(
        forum=forum, poster=poster, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED,
        approved=approved,
    )  # fmt: skip
    post = Post.objects.create(topic=topic, poster=poster, subject=subject, content=content, approved=approved)
    services.post_created(post=post)  # what the new-topic form does after saving
    topic.refresh_from_db()
    return topic


def make_reply(*, topic, poster, content="A reply", approved=True):
    """A reply as the reply form makes it (the author follows the topic; readers are told)."""
    post = Post.objects.create(
        topic=topic, poster=poster, subject=f"Re: {topic.subject}", content=content, approved=approved
    )
    services.post_created(post=post)
    return post
