"""Demo forum: the forum tree (setup_forum) and a few real questions in Arabic and English, some solved."""

from django.contrib.auth import get_user_model
from machina.core.db.models import get_model

from forum import services

Topic = get_model("forum_conversation", "Topic")
Post = get_model("forum_conversation", "Post")

# (forum key, asker, subject, question, [(replier, reply)], index of the accepted reply or None)
TOPICS = [
    (
        "e-payment", "staff-hebron", "كيف نطابق مدفوعات البنك مع نظام الفوترة؟",
        "نستلم كشفًا يوميًا من البنك لكن أرقام المراجع لا تطابق أرقام الفواتير دائمًا. كيف تعاملتم مع ذلك؟",
        [("staff-nablus", "أضفنا رقم الفاتورة في حقل المرجع عند الدفع، ونطابق آليًا كل ليلة؛ وما لا يتطابق يذهب "
          "إلى قائمة مراجعة يدوية."), ("member", "نستخدم أيضًا المبلغ والتاريخ كمفتاح احتياطي.")], 0,
    ),
    (
        "portals", "staff-nablus", "Sending SMS notifications in Arabic",
        "Our SMS gateway shows question marks instead of Arabic letters. What encoding do you use?",
        [("staff-hebron", "Send the message as UCS-2 (data coding 8). Arabic SMS are limited to 70 characters "
          "per part, so keep notices short.")], 0,
    ),
    (
        "infrastructure", "member", "Backups for a small municipality with one server",
        "We have a single server and no IT team. What is the simplest reliable backup?",
        [("staff-hebron", "Nightly database dumps copied to an external disk and to the ministry's cloud, "
          "and a restore test every month.")], None,
    ),
    (
        "e-payment", "staff-hebron", "العربية في فواتير PDF",
        "تظهر الحروف العربية في الفواتير مقطعة ومن اليسار إلى اليمين. ما الحل؟",
        [("staff-nablus", "استخدموا خطًا يدعم العربية مع مكتبة تشكيل الحروف (shaping) واتجاه النص من اليمين.")], 0,
    ),
]  # fmt: skip


def _author(username: str):
    """The demo account if the accounts demo made it; otherwise a demo author of our own."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user, _created = user_model.objects.get_or_create(
            username=f"forum-{username}", defaults={"email": f"forum-{username}@example.org"}
        )
    return user


def load(*, stdout=None) -> None:
    """Create the forum tree and demo topics (idempotent)."""
    forums = services.setup_forum(stdout=stdout)
    for key, asker, subject, question, replies, accepted in TOPICS:
        if Topic.objects.filter(subject=subject).exists():
            continue
        poster = _author(asker)
        topic = Topic.objects.create(
            forum=forums[key], poster=poster, subject=subject, type=Topic.TOPIC_POST, status=Topic.TOPIC_UNLOCKED
        )
        first = Post.objects.create(topic=topic, poster=poster, subject=subject, content=question, approved=True)
        posts = [
            Post.objects.create(topic=topic, poster=_author(who), subject=f"Re: {subject}", content=text, approved=True)
            for who, text in replies
        ]
        for post in (first, *posts):
            services.post_created(post=post)  # as if written on the site: the authors follow their topics
        if accepted is not None:
            topic.refresh_from_db()
            services.mark_solution(topic=topic, post=posts[accepted], user=poster)
        if stdout:
            stdout.write(f"forum: demo topic {subject}")
