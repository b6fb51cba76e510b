# ruff: noqa: E501, RUF001  (a data table: Arabic lines run long, and Arabic punctuation is meant)
"""The demo forum community as data: the people who write (the demo accounts and practitioners of other
municipalities) and what they wrote, forum by forum. forum/demo.py loads it through the forum's services.

Dates are days before the load (the forum looks alive whenever the demo is loaded); a reply's `hours` are after
the topic's start. `accepted` is the index of the reply the asker (or a moderator) marked as the answer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Person:
    """A practitioner who only appears in the forum (no password: nobody signs in as them)."""

    username: str
    display_name: str
    job_title: str
    municipality: str = ""  # a municipality slug of the demo places: verified staff of it
    bio: str = ""


@dataclass(frozen=True)
class Reply:
    author: str
    text: str
    hours: int = 3


@dataclass(frozen=True)
class Poll:
    question: str
    options: tuple[str, ...]
    votes: dict[str, tuple[str, ...]]  # option -> usernames who chose it
    max_options: int = 1
    duration: int = 0  # days; 0: never ends
    user_changes: bool = True


@dataclass(frozen=True)
class DemoTopic:
    forum: str  # a key of forum/tree.py
    author: str
    subject: str
    text: str
    days_ago: int
    replies: tuple[Reply, ...] = ()
    accepted: int | None = None
    poll: Poll | None = None
    project: str = ""  # the slug of a demo project the topic discusses
    kind: str = "post"  # post | sticky | announce
    locked: bool = False
    views: int = 0
    tags: tuple[str, ...] = field(default=())


PEOPLE = [
    Person(
        "samer.odeh",
        "سامر عودة",
        "مهندس نظم معلومات جغرافية",
        "ramallah",
        "أدير قاعدة البيانات المكانية لبلدية رام الله منذ 2015.",
    ),
    Person(
        "maha.amro", "مها عمرو", "مسؤولة التحصيل الإلكتروني", "dura", "محاسبة، أتابع مشروع الدفع الإلكتروني في دورا."
    ),
    Person("khaled.saadi", "خالد السعدي", "رئيس قسم الحاسوب", "jenin"),
    Person(
        "nour.qassis",
        "Nour Qassis",
        "Web developer",
        "bethlehem",
        "I maintain the Bethlehem municipality website and its online forms.",
    ),
    Person("yousef.shawa", "يوسف الشوا", "مدير الشبكات", "gaza"),
    Person("rana.abdelhadi", "رنا عبد الهادي", "أخصائية أنظمة مالية", "tulkarm"),
    Person(
        "omar.majali", "عمر المجالي", "مدير وحدة تكنولوجيا المعلومات", "karak", "بلدية الكرك الكبرى، توأمة مع الخليل."
    ),
    Person(
        "lama.haddad",
        "Lama Haddad",
        "Digital services lead",
        "amman",
        "Greater Amman Municipality, digital transformation unit.",
    ),
    Person("basel.nazzal", "باسل نزال", "مسؤول الأرشيف", "qalqilya"),
    Person("ibrahim.astal", "إبراهيم الأسطل", "مهندس شبكات المياه", "khan-yunis"),
    Person(
        "dana.nasser",
        "Dana Nasser",
        "IT officer",
        "birzeit",
        "Small municipality, big plans. I coordinate our university interns.",
    ),
    Person("mahmoud.hroub", "محمود الحروب", "مهندس رخص البناء", "halhul"),
    Person(
        "sara.tamimi",
        "سارة التميمي",
        "محاضرة في هندسة الحاسوب",
        "",
        "جامعة بوليتكنك فلسطين؛ أشرف على مشاريع تخرج مع البلديات.",
    ),
]

TOPICS = [
    # --- Announcements (ministry editors) -------------------------------------------------------------------------
    DemoTopic(
        "announcements", "editor", "أهلًا بكم في منتدى البلديات الإلكترونية: قواعد المشاركة",
        "أهلًا بكم في منتدى العاملين في الخدمات البلدية الإلكترونية.\n\n"
        "- اكتبوا عنوانًا واضحًا يصف المشكلة أو التجربة.\n"
        "- اذكروا البلدية والنظام المستخدم والإصدار إن أمكن.\n"
        "- عندما يحل أحد الردود سؤالكم، اعتمدوه إجابةً ليستفيد غيركم.\n"
        "- لا تنشروا بيانات شخصية للمواطنين ولا كلمات مرور ولا عناوين خوادم داخلية.\n\n"
        "Posts in English are welcome too. يمكنكم ذكر زميل بكتابة @ ثم اسم المستخدم.",
        120, (Reply("moderator", "سنراجع المشاركات الأولى للأعضاء الجدد قبل نشرها، عادةً خلال يوم عمل. شكرًا لالتزامكم."),),
        kind="sticky", views=412,
    ),
    DemoTopic(
        "announcements", "editor", "فتح باب الترشح لجائزة أفضل خدمة بلدية إلكترونية 2026",
        "تعلن وزارة الحكم المحلي بالتعاون مع اتحاد الهيئات المحلية فتح باب الترشح لجائزة أفضل خدمة بلدية إلكترونية "
        "لعام 2026. يُقبل ترشيح أي خدمة تعمل فعليًا منذ ستة أشهر على الأقل، ويُرفق معها رابط الخدمة وعدد المستخدمين "
        "خلال آخر ثلاثة أشهر. التفاصيل والنموذج في صفحة الجائزة على المنصة.",
        40, (
            Reply("editor", "تذكير: يُغلق باب الترشح بعد أسبوعين. يُقبل ترشيح المشاريع المشتركة ضمن التوأمة إذا رشحتها البلدية الفلسطينية الشريكة. أسئلتكم في منتدى البوابات والخدمات الإلكترونية.", 300),
        ), kind="announce", views=265,
    ),
    DemoTopic(
        "announcements", "editor", "Training calendar: first quarter of 2027",
        "The ministry's IT training programme for municipal staff continues in January: information security basics "
        "(Ramallah, 3 days), QGIS for planners (Nablus, 5 days) and e-payment reconciliation (online, 2 sessions). "
        "Each municipality may nominate two staff members per course. Nominations close on 20 December.",
        12,         views=98,
    ),
    DemoTopic(
        "announcements", "editor", "مشاورة: مسودة نظام المعاملات الإلكترونية للهيئات المحلية",
        "نشرنا مسودة نظام المعاملات الإلكترونية للهيئات المحلية للنقاش. نرجو من الأقسام القانونية وأقسام الحاسوب "
        "إرسال ملاحظاتهم خلال ثلاثين يومًا، خصوصًا حول حجية التوقيع الإلكتروني على الرخص ومدة حفظ السجلات. "
        "النقاش التفصيلي في منتدى التشريعات والسياسات.",
        25,
        views=151,
    ),
    DemoTopic(
        "announcements", "editor", "صيانة مجدولة للمنصة يوم الجمعة",
        "ستتوقف المنصة عن العمل يوم الجمعة من السادسة حتى الثامنة صباحًا لتحديث الخوادم. لن تتأثر بوابات البلديات.",
        4, views=37, locked=True,
    ),
    # --- e-Payment --------------------------------------------------------------------------------------------------
    DemoTopic(
        "e-payment", "hebron", "كيف نطابق مدفوعات البنك مع نظام الفوترة؟",
        "نستلم كشفًا يوميًا من البنك لكن أرقام المراجع لا تطابق أرقام الفواتير دائمًا. كيف تعاملتم مع ذلك؟",
        95, (
            Reply("nablus", "أضفنا رقم الفاتورة في حقل المرجع عند الدفع، ونطابق آليًا كل ليلة؛ وما لا يتطابق يذهب إلى قائمة مراجعة يدوية."),
            Reply("member", "نستخدم أيضًا المبلغ والتاريخ كمفتاح احتياطي."),
            Reply("rana.abdelhadi", "في طولكرم طلبنا من البنك ملف MT940 بدل ملف Excel؛ الحقول ثابتة وأسهل في المطابقة الآلية.", 30),
        ), accepted=0, views=341,
    ),
    DemoTopic(
        "e-payment", "hebron", "العربية في فواتير PDF",
        "تظهر الحروف العربية في الفواتير مقطعة ومن اليسار إلى اليمين. ما الحل؟",
        80, (
            Reply("nablus", "استخدموا خطًا يدعم العربية مع مكتبة تشكيل الحروف (shaping) واتجاه النص من اليمين."),
            Reply("nour.qassis", "If you generate the PDF with Python, WeasyPrint handles Arabic shaping and RTL out of the box. ReportLab needs arabic-reshaper + python-bidi.", 8),
        ), accepted=0, views=206,
    ),
    DemoTopic(
        "e-payment", "maha.amro", "أي بوابة دفع تستخدمون؟",
        "نجهز لعطاء بوابة الدفع في دورا ونريد أن نعرف تجارب البلديات الأخرى. صوّتوا واكتبوا لنا العمولة التقريبية إن أمكن.",
        33, (
            Reply("nablus", "نحن على بوابة البنك مباشرة، العمولة 1.2% على البطاقات، والمحافظ الإلكترونية أرخص."),
            Reply("rana.abdelhadi", "جربنا المحفظة الإلكترونية لفواتير الكهرباء مسبقة الدفع، الإقبال ممتاز عند الشباب.", 10),
            Reply("omar.majali", "عندنا في الأردن نظام eFAWATEERcom يغطي كل الفواتير الحكومية؛ لو في شي مشابه عندكم وفّر عليكم كثير.", 22),
        ),
        poll=Poll(
            "ما بوابة الدفع الرئيسية في بلديتكم؟",
            ("بوابة البنك مباشرة", "محفظة إلكترونية", "الدفع في مكاتب البريد والوكلاء", "لا يوجد دفع إلكتروني بعد"),
            {
                "بوابة البنك مباشرة": ("nablus", "hebron", "samer.odeh"),
                "محفظة إلكترونية": ("rana.abdelhadi", "khaled.saadi"),
                "الدفع في مكاتب البريد والوكلاء": ("yousef.shawa",),
                "لا يوجد دفع إلكتروني بعد": ("dana.nasser", "maha.amro"),
            },
        ),
        views=289,
    ),
    DemoTopic(
        "e-payment", "khaled.saadi", "مواطن دفع الفاتورة مرتين، كيف نرجع المبلغ؟",
        "صارت عندنا حالة: المواطن ضغط زر الدفع مرتين والبوابة خصمت مرتين. المحاسبة بتقول ما في إجراء لاسترجاع "
        "المبالغ إلكترونيًا. شو بتعملوا بهيك حالات؟",
        21, (
            Reply("nablus", "أول شيء امنعوا التكرار من الأساس: رقم عملية فريد (idempotency key) لكل فاتورة، والبوابة ترفض العملية الثانية."),
            Reply("rana.abdelhadi", "بالنسبة للاسترجاع: نعمل قيد دائن على حساب المشترك يُخصم من الفاتورة التالية، إلا إذا طلب المواطن استرجاعًا نقديًا بكتاب رسمي.", 6),
            Reply("khaled.saadi", "شكرًا، الحل الثاني مناسب لنا حاليًا، وراح نطلب من الشركة إضافة رقم العملية الفريد.", 28),
        ), accepted=1, views=133,
    ),
    DemoTopic(
        "e-payment", "member", "What share of bills are paid online in Nablus?",
        "I am researching e-payment adoption for a governance study. The project page says Nablus started online water "
        "and electricity payments; is there a figure for the share of bills paid online after the first year?",
        15, (
            Reply("nablus", "About 18% of water bills in the first year, 27% in the second. Electricity prepaid top-ups are higher, around 40%, because people top up from their phones at night."),
            Reply("member", "Very useful, thank you. Did the share grow after you added wallets?", 20),
            Reply("nablus", "Yes, the jump in the second year was mostly wallets. @maha.amro this may help your tender.", 26),
        ), accepted=0, project="nablus-e-payment", views=87,
    ),
    DemoTopic(
        "e-payment", "rana.abdelhadi", "Card fees: does the citizen or the municipality pay?",
        "Our council is split: some want to add the 1.5% card fee to the bill, others say it will kill adoption. "
        "What did your councils decide, and is it even allowed to charge the fee to the citizen?",
        7, (
            Reply("hebron", "في الخليل تتحمل البلدية العمولة؛ وفّرنا بالمقابل كلفة الطوابير والورق والنقل للبنك. الحسبة طلعت لصالحنا."),
            Reply("lama.haddad", "In Amman the fee is absorbed for utility bills and charged for optional services. Check your bylaw: some forbid surcharges on public fees.", 9),
        ), views=54,
    ),
    # --- Permits and licensing --------------------------------------------------------------------------------------
    DemoTopic(
        "permits", "mahmoud.hroub", "التوقيع الإلكتروني على رخص البناء: هل له حجية؟",
        "بدأنا في حلحول إصدار الرخص إلكترونيًا، لكن المحكمة طلبت نسخة موقعة باليد في قضية خلاف على حدود قطعة. "
        "هل اعتمدت أي بلدية التوقيع الإلكتروني رسميًا؟",
        60, (
            Reply("hebron", "نحن نطبع الرخصة مع رمز QR يتحقق منه أي شخص على البوابة، ويوقع المهندس على النسخة الورقية إلى أن يصدر النظام."),
            Reply("editor", "مسودة نظام المعاملات الإلكترونية تعالج هذه النقطة تحديدًا؛ شاركوا ملاحظاتكم في منتدى التشريعات.", 30),
        ), views=176,
    ),
    DemoTopic(
        "permits", "samer.odeh", "Engineering offices upload drawings as 200 MB PDFs",
        "Since we opened online permit applications in Ramallah, engineering offices upload scanned drawings of 150–200 MB. "
        "Our upload limit is 50 MB and the review screen is slow. Do you require DWG, or compressed PDF, or something else?",
        44, (
            Reply("mahmoud.hroub", "نطلب PDF متجه (vector) مصدّر من AutoCAD وليس ممسوحًا ضوئيًا؛ الحجم ينزل لأقل من 10 MB."),
            Reply("nour.qassis", "We published a one-page guide for offices with the export settings (PDF/A, 300 dpi for scans). Complaints dropped within a month.", 5),
            Reply("samer.odeh", "Vector PDF + a short guide it is. Thanks both!", 24),
        ), accepted=0, project="ramallah-building-permits", views=120,
    ),
    DemoTopic(
        "permits", "basel.nazzal", "أرشفة ملفات الرخص القديمة قبل الإطلاق الإلكتروني",
        "عندنا في قلقيلية حوالي 12 ألف ملف رخصة ورقي. هل تنصحون بمسحها كلها قبل إطلاق الخدمة الإلكترونية أم حسب الطلب؟",
        52, (
            Reply("hebron", "مسحنا الملفات النشطة فقط (آخر عشر سنوات) وما تبقى يُمسح عند أول طلب عليه. وفّرنا نصف الكلفة."),
            Reply("sara.tamimi", "طلاب مشروع التخرج عندنا بنوا أداة OCR للعربية لاستخراج رقم القطعة والحوض من الملفات الممسوحة؛ مستعدون للتجربة معكم.", 12),
            Reply("basel.nazzal", "@sara.tamimi ممتاز! راح أتواصل معك لترتيب تجربة على 500 ملف.", 20),
        ), accepted=0, views=143,
    ),
    DemoTopic(
        "permits", "dana.nasser", "Checklist of documents for a building permit",
        "Can someone share the list of documents their municipality requires for a residential building permit? "
        "We want to publish it on the website with the form, so applicants stop coming three times.",
        18, (Reply("mahmoud.hroub", "عندنا: سند الملكية أو حصر الإرث، مخطط المساحة، المخططات المعمارية والإنشائية، براءة ذمة مالية، وموافقة الدفاع المدني للمباني فوق أربعة طوابق."),),
        views=76,
    ),
    DemoTopic(
        "permits", "mahmoud.hroub", "تطبيق لجدولة زيارات الكشف الميداني",
        "المهندسون عندنا يضيعون وقتًا في التنسيق الهاتفي مع المواطنين لزيارات الكشف. هل يستخدم أحد تطبيقًا لحجز المواعيد؟",
        9, (Reply("khaled.saadi", "جربنا Google Calendar مع رابط حجز، بس المواطنين الكبار بالسن ما بعرفوا يستخدموه. رجعنا لرسالة SMS فيها موعد مقترح ويرد المواطن بـ 1 للتأكيد."),),
        views=41,
    ),
    # --- GIS --------------------------------------------------------------------------------------------------------
    DemoTopic(
        "gis", "samer.odeh", "QGIS أم ArcGIS لبلدية متوسطة الحجم؟",
        "رخص ArcGIS عندنا تنتهي نهاية السنة والتجديد مكلف. هل انتقل أحد إلى QGIS بالكامل؟ ما الذي خسرتموه؟",
        70, (
            Reply("ibrahim.astal", "في خان يونس نستخدم QGIS مع PostGIS لشبكات المياه منذ 2019. الخسارة الوحيدة كانت بعض أدوات network analysis، وعوّضناها بـ pgRouting."),
            Reply("sara.tamimi", "ندرّس QGIS في الجامعة، فالخريجون الجدد جاهزون عليه. أنصح بدورة قصيرة للموظفين القدامى فقط.", 10),
            Reply("hebron", "نحن نستخدم الاثنين: ArcGIS للتخطيط الهيكلي وQGIS لباقي الأقسام. قلّلنا عدد الرخص من 12 إلى 3.", 30),
        ), accepted=0, views=298,
    ),
    DemoTopic(
        "gis", "ibrahim.astal", "Which coordinate system do you store parcels in?",
        "Our old cadastral maps are in Palestine 1923 Grid, the new survey is in UTM 36N, and the web map wants Web Mercator. "
        "Do you keep one system in the database and reproject on the fly?",
        48, (
            Reply("samer.odeh", "Store everything in one projected CRS (we use Palestine 1923 / Palestine Grid, EPSG:28191 for legacy compatibility) and let GeoServer reproject for the web. Never store Web Mercator."),
            Reply("ibrahim.astal", "Makes sense. Did you see shifts when converting the old grid?", 6),
            Reply("samer.odeh", "Yes, up to 1–2 m without the proper datum transformation. Use the towgs84 parameters from the survey department, not the defaults.", 9),
        ), accepted=0, views=167,
    ),
    DemoTopic(
        "gis", "khaled.saadi", "تصوير جوي بالدرون لتحديث الخرائط",
        "وصلتنا عروض لتصوير المدينة بالدرون بدقة 5 سم. هل هذا مسموح قانونيًا ومن يعطي التصريح؟ وكم كانت الكلفة عندكم؟",
        36, (Reply("hebron", "احتجنا موافقة أمنية مسبقة أخذت شهرين. الكلفة تقريبًا 40 ألف شيكل لمساحة 30 كم². الصور ممتازة لتحديث المباني المخالفة."),
             Reply("samer.odeh", "نصيحة: اطلبوا في العطاء ملفات orthophoto بصيغة GeoTIFF مع نقاط تحكم أرضية، وليس صورًا فقط.", 20)),
        views=109,
    ),
    DemoTopic(
        "gis", "lama.haddad", "Street addressing: naming streets and numbering buildings",
        "We are rolling out building numbers in two new districts of Amman. How did you handle streets with informal names "
        "people already use? Did you keep them or impose official names?",
        27, (Reply("omar.majali", "في الكرك أبقينا الأسماء المتداولة حيث لا تعارض، وسمّينا الباقي بأسماء شهداء وأعلام المدينة بقرار المجلس."),
             Reply("ibrahim.astal", "We added both names in the GIS (official + local) and the SMS service accepts either.", 8)),
        views=65,
    ),
    DemoTopic(
        "gis", "sara.tamimi", "مشاريع تخرج مقترحة مع البلديات في GIS",
        "نبحث عن مشاكل حقيقية لطلاب السنة الخامسة: خرائط الضجيج، مسارات جمع النفايات، تحليل مواقع الحدائق... "
        "هل لديكم بيانات يمكن مشاركتها مع الطلاب بعد إخفاء البيانات الشخصية؟",
        11, (Reply("ibrahim.astal", "عندنا بيانات مسارات شاحنات النفايات بنظام GPS لسنة كاملة، تصلح لمشروع تحسين مسارات."),
             Reply("basel.nazzal", "@sara.tamimi قلقيلية مهتمة بمشروع خرائط الحدائق والأماكن العامة.", 18)),
        project="bethlehem-gis", views=58,
    ),
    # --- Portals and online services --------------------------------------------------------------------------------
    DemoTopic(
        "portals", "nablus", "Sending SMS notifications in Arabic",
        "Our SMS gateway shows question marks instead of Arabic letters. What encoding do you use?",
        100, (
            Reply("hebron", "Send the message as UCS-2 (data coding 8). Arabic SMS are limited to 70 characters per part, so keep notices short."),
            Reply("khaled.saadi", "وتأكدوا أن مزود الخدمة يدعم concatenated SMS، وإلا الرسالة الطويلة بتوصل مقطعة.", 12),
        ), accepted=0, views=377,
    ),
    DemoTopic(
        "portals", "nour.qassis", "Is your municipal website accessible (WCAG 2.1)?",
        "We ran an automated check on our site: 43 errors, mostly images without alt text and low contrast. "
        "Has anyone gone through a full WCAG 2.1 AA review? Any Arabic-specific pitfalls?",
        58, (
            Reply("lama.haddad", "Arabic pitfalls: set lang=\"ar\" and dir=\"rtl\" on the html element, don't justify Arabic text, and don't use images of text for announcements (screen readers can't read them)."),
            Reply("nour.qassis", "Thanks Lama. We fixed contrast and alt text, down to 5 errors.", 50),
        ), accepted=0, views=154,
    ),
    DemoTopic(
        "portals", "khaled.saadi", "شو أحسن نظام إدارة محتوى لموقع البلدية؟",
        "موقعنا الحالي معمول من شركة قبل 8 سنين وما حدا بقدر يعدّل عليه. بنفكر بـ WordPress أو Wagtail أو Drupal. شو تجربتكم؟",
        46, (
            Reply("nour.qassis", "We moved to Wagtail last year: editors like the page tree and it handles Arabic/English translations well. WordPress has more plugins but needs constant security updates."),
            Reply("hebron", "المهم أن يكون عندكم موظف يعرف النظام؛ النظام الذي لا يعرفه أحد عندكم سيعيدكم لنفس المشكلة.", 20),
            Reply("sara.tamimi", "ممكن نوفر لكم متدرب من الجامعة يعرف Python لستة أشهر.", 40),
        ), views=198,
    ),
    DemoTopic(
        "portals", "yousef.shawa", "تتبع الشكاوى: المواطن يريد أن يعرف أين وصلت شكواه",
        "أكثر الاتصالات عندنا سؤال واحد: شو صار بشكوتي؟ نفكر برقم متابعة ورسالة عند كل تغيير حالة. من جرّب؟",
        30, (
            Reply("khaled.saadi", "نظام الشكاوى في جنين يرسل SMS عند الاستلام والتحويل والإغلاق، مع رابط لتقييم الخدمة. الاتصالات قلّت للنصف تقريبًا."),
            Reply("yousef.shawa", "@khaled.saadi ممكن تشاركنا نص الرسائل؟ بدنا نكون مختصرين لأن الرسالة العربية 70 حرف.", 6),
            Reply("khaled.saadi", "أكيد: «بلدية جنين: استلمنا شكواك رقم 1234، تتابعها على الرابط …». وبعدها رسالة عند الإغلاق فقط.", 9),
        ), accepted=0, project="jenin-complaints", views=121,
    ),
    DemoTopic(
        "portals", "dana.nasser", "Mobile app or a responsive website?",
        "A company offered us a mobile app for 'all municipal services'. We have 6,000 residents. Is an app worth it, or should we just make the website work well on phones?",
        20, (
            Reply("lama.haddad", "For 6,000 residents: a responsive website, plus WhatsApp/SMS notifications. Apps get installed once and forgotten, and you pay for two stores' updates."),
            Reply("yousef.shawa", "نحن عملنا تطبيق للبلاغات لأن الناس بدها تصوّر المشكلة وترسلها بسرعة، بس هذا لمدينة كبيرة.", 7),
        ), accepted=0, views=89,
    ),
    DemoTopic(
        "portals", "omar.majali", "الجائزة: هل تُقبل خدمات التوأمة المشتركة؟",
        "قرأت إعلان جائزة أفضل خدمة بلدية إلكترونية. هل يحق لبلدية أردنية المشاركة في خدمة طورناها مع بلدية الخليل ضمن التوأمة؟",
        38, (Reply("editor", "@omar.majali الجائزة للهيئات المحلية الفلسطينية، لكن الخدمة المشتركة تُقبل إذا رشحتها البلدية الفلسطينية الشريكة وذكرت الشريك.", 5),
             Reply("hebron", "سنرشحها من طرفنا ونذكر الكرك شريكًا، تمام؟", 7),
             Reply("maha.amro", "ونحن سنرشح خدمة دفع فواتير المياه في دورا إن شاء الله.", 30)),
        accepted=0, views=96,
    ),
    DemoTopic(
        "portals", "omar.majali", "بوابة الكرك: ربط الخدمات مع بوابة الخليل ضمن التوأمة",
        "ضمن برنامج التوأمة بين الكرك والخليل نعمل على تبادل نماذج الخدمات الإلكترونية. هل من المفيد توحيد نماذج البيانات (JSON schema) للخدمات المشتركة؟",
        16, (Reply("hebron", "@omar.majali نعم، بدأنا بنموذج طلب براءة الذمة. سنرسل لكم الـ schema والـ API docs هذا الأسبوع."),),
        project="karak-e-portal", views=47,
    ),
    # --- Infrastructure and cloud -----------------------------------------------------------------------------------
    DemoTopic(
        "infrastructure", "member", "Backups for a small municipality with one server",
        "We have a single server and no IT team. What is the simplest reliable backup?",
        90, (
            Reply("hebron", "Nightly database dumps copied to an external disk and to the ministry's cloud, and a restore test every month."),
            Reply("yousef.shawa", "قاعدة 3-2-1: ثلاث نسخ، على وسيطين مختلفين، واحدة خارج المبنى. في غزة تعلمنا هذا بالطريقة الصعبة.", 18),
        ), views=233,
    ),
    DemoTopic(
        "infrastructure", "yousef.shawa", "انقطاع الكهرباء المتكرر والخوادم",
        "الكهرباء عندنا تنقطع 8 ساعات يوميًا أحيانًا. الـ UPS يصمد ساعة فقط. كيف تحمون الخوادم وقواعد البيانات من الإطفاء المفاجئ؟",
        64, (
            Reply("ibrahim.astal", "ربطنا الـ UPS بالخادم عبر USB وبرنامج NUT، فيطفئ الخادم نفسه بأمان عند 20% شحن. وأضفنا ألواح شمسية صغيرة لغرفة الخوادم."),
            Reply("yousef.shawa", "NUT كان الحل، شكرًا. حاليًا نجرب الألواح الشمسية.", 40),
        ), accepted=0, project="deir-al-balah-solar-meters", views=184,
    ),
    DemoTopic(
        "infrastructure", "rana.abdelhadi", "ربط فروع البلدية بشبكة VPN",
        "عندنا ثلاثة مكاتب خدمات جمهور في أحياء بعيدة. حاليًا كل مكتب يدخل النظام عبر الإنترنت مباشرة. ما الطريقة الأسلم والأرخص لربطها؟",
        41, (
            Reply("yousef.shawa", "WireGuard على راوتر بسيط في كل فرع، والخادم لا يقبل اتصالات إلا من داخل الـ VPN. رخيص وسريع ومستقر."),
            Reply("hebron", "ونفس الشيء عندنا مع IPsec لأن الراوترات الموجودة تدعمه. المهم: لا تفتحوا منفذ قاعدة البيانات على الإنترنت أبدًا.", 10),
        ), accepted=0, views=97,
    ),
    DemoTopic(
        "infrastructure", "lama.haddad", "Cloud hosting and data sovereignty",
        "Our legal team asks whether citizens' data may be hosted outside the country. Which clouds do municipalities in the region use, and what did your lawyers say?",
        29, (
            Reply("omar.majali", "في الأردن هناك سحابة حكومية، وبيانات المواطنين يجب أن تبقى عليها. نستخدم السحابة العامة للموقع الإعلامي فقط."),
            Reply("rana.abdelhadi", "We keep personal data on premises and put the public website and static files on a CDN. Salfit's project moved the ERP to the ministry's private cloud.", 12),
        ), project="salfit-cloud", views=73,
    ),
    DemoTopic(
        "infrastructure", "dana.nasser", "Email for municipal staff: own server or hosted?",
        "Our mail server is an old Exchange box nobody dares to update. Should a small municipality still run its own mail?",
        8, (Reply("yousef.shawa", "لا تشغلوا خادم بريد بأنفسكم إذا لم يكن عندكم من يتابعه يوميًا. الخدمة المستضافة مع نطاق البلدية أأمن."),),
        views=31,
    ),
    # --- Information security ---------------------------------------------------------------------------------------
    DemoTopic(
        "security", "khaled.saadi", "رسالة تصيد باسم وزارة المالية وصلت لكل الموظفين",
        "وصلت اليوم رسالة بريد تطلب تحديث بيانات الرواتب عبر رابط. اثنان من الموظفين أدخلا كلمات المرور. ماذا نفعل الآن؟",
        38, (
            Reply("yousef.shawa", "فورًا: غيّروا كلمتي المرور، وأنهوا كل الجلسات المفتوحة، وراجعوا قواعد إعادة التوجيه في صندوقي البريد؛ المهاجمون غالبًا يضيفون قاعدة تحويل."),
            Reply("moderator", "وبلّغوا الوزارة ليصل التحذير لبقية البلديات. ولا تنشروا الرابط الخبيث هنا.", 3),
            Reply("khaled.saadi", "وجدنا فعلًا قاعدة تحويل لعنوان خارجي. شكرًا، تم حذفها وتغيير كلمات المرور.", 6),
        ), accepted=0, views=256,
    ),
    DemoTopic(
        "security", "omar.majali", "Password policy and MFA for the finance system",
        "Auditors want multi-factor authentication on the finance system. The vendor supports TOTP. Any experience rolling it out to 40 accountants?",
        26, (
            Reply("rana.abdelhadi", "Start with the cashiers and managers, give each person 10 minutes at their desk to install the app, and keep printed recovery codes in the safe. We had zero lockouts after the first week."),
            Reply("lama.haddad", "And drop the 90-day forced password change: long passphrases + MFA are safer and people stop writing passwords on sticky notes.", 8),
        ), accepted=0, views=119,
    ),
    DemoTopic(
        "security", "hebron", "خط الأساس لأمن المعلومات في البلديات: من أين نبدأ؟",
        "اطلعت على وثيقة خط الأساس الأمني للبلديات. للبلديات الصغيرة: ما أهم خمسة بنود نطبقها أولًا؟",
        55, (
            Reply("yousef.shawa", "1) نسخ احتياطي مختبر 2) تحديثات تلقائية 3) MFA للبريد والأنظمة المالية 4) حسابات بلا صلاحيات مدير للموظفين 5) جرد الأجهزة. الباقي لاحقًا."),
            Reply("dana.nasser", "This list is gold for small municipalities. We printed it for our council.", 20),
        ), accepted=0, project="apla-security-baseline", views=201,
    ),
    DemoTopic(
        "security", "yousef.shawa", "Ransomware drill: how long did your restore take?",
        "We did a tabletop exercise and then a real restore of the billing database from backup. It took 9 hours. How long does yours take?",
        13, (Reply("samer.odeh", "Ramallah's drill last spring: 5 hours for billing, 2 days for the file server. The file server is now our priority."),),
        project="ramallah-cyber-drill", views=64,
    ),
    # --- Legislation and policy -------------------------------------------------------------------------------------
    DemoTopic(
        "legislation", "mahmoud.hroub", "ملاحظات على مسودة نظام المعاملات الإلكترونية",
        "قرأت المسودة. ملاحظتان: المادة 7 لا تذكر مدة حفظ السجلات الإلكترونية، والمادة 12 تشترط حضور المواطن لاستلام الرخصة، وهذا يلغي فائدة الخدمة.",
        22, (
            Reply("editor", "شكرًا، الملاحظتان في محلهما وسنرفعهما للجنة الصياغة. ما المدة التي تقترحونها للحفظ؟"),
            Reply("basel.nazzal", "نقترح أن تكون مدة حفظ السجل الإلكتروني مثل الورقي تمامًا حسب نظام الأرشيف، مع نسخة بصيغة PDF/A.", 10),
            Reply("hebron", "ملاحظات بلدية الخليل: نقترح إضافة مادة تعتبر الإشعار بالرسائل القصيرة وسيلة تبليغ رسمية، مع حفظ سجل الإرسال.", 48),
        ), project="e-municipality-bylaw", views=92,
    ),
    DemoTopic(
        "legislation", "member", "Open budget data and personal information",
        "Ramallah publishes its budget as open data. Where do municipalities draw the line between transparency and the privacy of suppliers who are individuals?",
        34, (Reply("samer.odeh", "We publish suppliers that are companies by name; individual suppliers are aggregated by category. The legal department signed this rule off."),),
        project="ramallah-open-data", views=71,
    ),
    DemoTopic(
        "legislation", "omar.majali", "الإشعار بالرسائل القصيرة: هل يعتبر تبليغًا رسميًا؟",
        "إذا أرسلنا للمواطن إنذارًا بمخالفة بالـ SMS، هل يُعتبر تبليغًا قانونيًا أم نحتاج ورقة مع مراسل؟",
        10, (Reply("hebron", "عندنا لا يعتبر تبليغًا رسميًا بعد، ولهذا اقترحنا إضافته في النظام الجديد. حاليًا نرسل SMS كتذكير فقط."),),
        views=44,
    ),
    # --- Training ---------------------------------------------------------------------------------------------------
    DemoTopic(
        "training", "dana.nasser", "University interns: how do you make it work?",
        "We host four IT interns from Birzeit University every summer. Half of what they build is never used after they leave. How do you pick projects that last?",
        50, (
            Reply("sara.tamimi", "اختاروا مشاكل صغيرة لها صاحب في البلدية يستلم العمل، واطلبوا توثيقًا وتسليمًا في الأسبوع الأخير. ونحن نقيّم الطلاب على التسليم أيضًا."),
            Reply("hebron", "Pair each intern with a staff member who will maintain the code. No owner, no project.", 12),
            Reply("dana.nasser", "\"No owner, no project\" — adopting this as our rule.", 30),
        ), accepted=1, project="birzeit-student-interns", views=139,
    ),
    DemoTopic(
        "training", "maha.amro", "دورة ICDL للموظفين: هل ما زالت مفيدة؟",
        "الوزارة تعرض تمويل دورات ICDL. بعض الزملاء يقولون إنها قديمة. ما رأيكم؟",
        31, (Reply("khaled.saadi", "مفيدة للموظفين الجدد في الأقسام الإدارية، لكن الأهم تدريب على الأنظمة التي يستخدمونها فعلًا في البلدية."),
             Reply("rana.abdelhadi", "نحن طلبنا بدلها دورة Excel متقدمة لقسم المالية وكان أثرها أكبر بكثير.", 9)),
        views=83,
    ),
    DemoTopic(
        "training", "hebron", "مواد تدريبية من برنامج التوأمة مع الكرك",
        "رفعنا على المنصة مواد الورشة المشتركة مع بلدية الكرك حول تصميم الخدمات الإلكترونية: العروض ونماذج الخدمات وقائمة التحقق. @omar.majali هل نسيت شيئًا؟",
        17, (Reply("omar.majali", "تمام، ناقص فقط تسجيل جلسة تجربة المستخدم، سأرفعه غدًا."),),
        project="hebron-karak-training", views=52,
    ),
    DemoTopic(
        "training", "dana.nasser", "Will the QGIS course in Nablus be recorded?",
        "Our only engineer cannot travel to Nablus for five days (see the training calendar in Announcements). "
        "Will the sessions be recorded, or is there an online option?",
        11, (Reply("editor", "@dana.nasser the theory sessions will be recorded; the labs will not. We will share the recordings in this forum.", 20),
             Reply("samer.odeh", "If it helps, Ramallah can host your engineer for the lab days: we are 20 minutes from Birzeit.", 26)),
        accepted=0, views=45,
    ),
    DemoTopic(
        "training", "sara.tamimi", "Moodle for municipal staff training?",
        "We could host a Moodle instance at the university for municipal staff courses (GIS, security awareness). Would municipalities use it, or is in-person training the only thing that works?",
        6, (Reply("ibrahim.astal", "أونلاين مناسب للتوعية الأمنية، أما GIS فيحتاج تطبيق عملي وجهًا لوجه."),),
        views=27,
    ),
    # --- Municipal staff lounge -------------------------------------------------------------------------------------
    DemoTopic(
        "staff-lounge", "nablus", "كيف تقنعون المجلس البلدي بميزانية التحول الرقمي؟",
        "كل سنة نطلب ميزانية للنسخ الاحتياطي والتراخيص ونسمع: «الأنظمة شغالة، ليش نصرف؟». ما الحجج التي نجحت معكم؟",
        43, (
            Reply("hebron", "الأرقام: عدد المعاملات الإلكترونية، وكم ساعة وفّرنا على المواطنين، ورسوم الطوابير التي اختفت. المجلس يحب الأرقام."),
            Reply("rana.abdelhadi", "وقصة حقيقية: بلدية فقدت بياناتها المالية. بعد ما حكيناها بالجلسة وافقوا على النسخ الاحتياطي فورًا.", 5),
            Reply("maha.amro", "عنا نفس المشكلة بالزبط 😅", 8),
        ), views=160,
    ),
    DemoTopic(
        "staff-lounge", "yousef.shawa", "أدوات صغيرة تستخدمونها يوميًا",
        "شاركونا أداة صغيرة وفّرت عليكم وقتًا. أنا: KeePassXC لكلمات المرور المشتركة، وGreenshot للقطات الشاشة في الدعم الفني.",
        19, (Reply("samer.odeh", "QGIS model builder to automate the weekly parcel report. 2 hours → 5 minutes."),
             Reply("khaled.saadi", "Remmina للدخول عن بعد على أجهزة الأقسام بدل ما ألف على المكاتب.", 6)),
        views=66,
    ),
    DemoTopic(
        "staff-lounge", "khaled.saadi", "شاغر: مبرمج في بلدية جنين",
        "نبحث عن مبرمج Python/Django للعمل على نظام الشكاوى والبوابة. من يعرف أحدًا مناسبًا يرسل لي رسالة.",
        3, views=22,
    ),
    # --- Moderators -------------------------------------------------------------------------------------------------
    DemoTopic(
        "moderators", "moderator", "إرشادات الإشراف: متى نحذف ومتى نعدّل؟",
        "اقتراح: نعدّل المشاركة إذا احتوت رقم هاتف أو بيانات مواطن (مع ذكر سبب التعديل)، ونحذف الإعلانات التجارية فقط. الخلافات الفنية تبقى.",
        110, views=14,
    ),
    DemoTopic(
        "moderators", "moderator", "Spam sign-ups from the same address range",
        "Three new accounts this week posted links to a hosting company. All waited in the moderation queue, so nothing was published. Keep refusing; I will ask the admins about the sign-up rate limit.",
        5, views=9,
    ),
]  # fmt: skip
