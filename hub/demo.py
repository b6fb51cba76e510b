"""Demo content of the site itself: the home page in Arabic and English."""

from hub import services

HOME_AR = {
    "title": "مركز معرفة البلديات الإلكترونية",
    "intro": "منصة تتبادل فيها البلديات ما تعلمته في بناء الخدمات الإلكترونية: قصص نجاح، ممارسات فضلى، "
    "قاعدة بيانات للمشاريع، روابط بوابات البلديات، ومنتدى للعاملين في تقنية المعلومات.",
}
HOME_EN = {
    "title": "e-Municipality Knowledge Hub",
    "intro": "Where municipalities share what they learned building e-services: success stories, best practices, "
    "a database of projects, links to every municipal portal, and a forum for the people who run them.",
}


def load(*, stdout=None) -> None:
    services.site_ensure_home(
        title_ar=HOME_AR["title"], intro_ar=HOME_AR["intro"], title_en=HOME_EN["title"], intro_en=HOME_EN["intro"]
    )
    if stdout:
        stdout.write("home page: Arabic and English")
