"""The demo texts of the CMS: stories, practices, events (with the 2012 conference), news and standard pages.

Arabic first; entries with an "en" part also get an English translation. Kept apart from hub/demo.py, which
only builds pages from these texts.
"""


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


STORIES = [
    {
        "slug": "hebron-e-portal-launch",
        "municipality": "hebron",
        "category": "portal-services",
        "date": "2012-06-12",
        "featured": True,
        "ar": {
            "title": "إطلاق البوابة الإلكترونية لبلدية الخليل",
            "alt": "رسم لنافذة البوابة الإلكترونية تظهر فيها مربعات الخدمات",
            "summary": "على هامش المؤتمر الدولي الأول للبلديات الإلكترونية أطلقت بلدية الخليل بوابتها الإلكترونية، "
            "فصار المواطن يتابع معاملاته ويدفع رسومه ويقدّم شكواه دون أن يقف في طابور.",
            "heading": "من الشباك إلى الشاشة",
            "body": _p(
                "بدأ العمل على البوابة قبل عامين بحصر الخدمات الأكثر طلباً: رخص الحِرَف، وبراءات الذمة، "
                "ومتابعة معاملات البناء. أعادت البلدية رسم كل إجراء قبل أتمتته، فحذفت خطوات لا حاجة إليها.",
                "أُطلقت البوابة رسمياً في حزيران 2012 أمام وفود البلديات المشاركة في المؤتمر، "
                "ودُرّب ستون موظفاً على استقبال الطلبات الإلكترونية والرد عليها.",
            ),
            "quote": "لم يعد على المواطن أن يأتي إلى البلدية ليعرف أين وصلت معاملته.",
            "attribution": "مدير وحدة تكنولوجيا المعلومات في بلدية الخليل",
            "figures": [("42", "خدمة متاحة عبر البوابة"), ("60", "موظفاً تدرّبوا على النظام")],
        },
        "en": {
            "title": "Hebron launches its e-portal",
            "alt": "Drawing of the e-portal window with its service tiles",
            "summary": "During the first international conference on e-municipalities, Hebron launched its e-portal: "
            "citizens now follow their files, pay fees and file complaints without queueing.",
            "heading": "From the counter to the screen",
            "body": _p(
                "Work began two years earlier by listing the most requested services: trade licences, clearance "
                "certificates and building files. Each procedure was redesigned before it was automated.",
                "The portal was launched in June 2012 before the delegations at the conference, and sixty staff "
                "were trained to receive and answer online requests.",
            ),
            "quote": "Citizens no longer have to come to the municipality to find out where their file is.",
            "attribution": "Head of the IT unit, Hebron Municipality",
            "figures": [("42", "services available on the portal"), ("60", "staff trained on the system")],
        },
    },
    {
        "slug": "nablus-e-payment",
        "municipality": "nablus",
        "category": "e-payment",
        "date": "2018-03-01",
        "featured": True,
        "ar": {
            "title": "الدفع الإلكتروني لفواتير الماء والكهرباء في نابلس",
            "alt": "رسم لهاتف محمول عليه فاتورة مدفوعة بجانب بطاقة مصرفية وقطع نقدية",
            "summary": "ربطت بلدية نابلس نظام الفوترة بالبنوك المحلية ومحافظ الدفع، فانخفضت الطوابير "
            "وارتفعت نسبة التحصيل.",
            "heading": "ربط الفوترة بالبنوك",
            "body": _p(
                "اتفقت البلدية مع أربعة بنوك على واجهة موحّدة للاستعلام عن الفاتورة ودفعها، "
                "وتصل المبالغ إلى حساب البلدية في اليوم نفسه مع إشعار آلي للمشترك.",
            ),
            "quote": "صار التحصيل يأتي إلينا بدل أن نذهب إليه.",
            "attribution": "المدير المالي لبلدية نابلس",
            "figures": [("35%", "من الفواتير تُدفع إلكترونياً"), ("12%", "زيادة في نسبة التحصيل")],
        },
        "en": {
            "title": "Paying water and electricity bills online in Nablus",
            "alt": "Drawing of a phone showing a paid bill beside a bank card and coins",
            "summary": "Nablus connected its billing system to local banks and payment wallets: queues shrank and "
            "collection rose.",
            "heading": "Billing connected to the banks",
            "body": _p(
                "The municipality agreed a single interface with four banks for looking up and paying a bill; "
                "payments reach the municipal account the same day and the subscriber gets a receipt automatically.",
            ),
            "quote": "Collection now comes to us instead of us going after it.",
            "attribution": "Finance director, Nablus Municipality",
            "figures": [("35%", "of bills paid online"), ("12%", "rise in collection rate")],
        },
    },
    {
        "slug": "ramallah-online-building-permits",
        "municipality": "ramallah",
        "category": "e-permits",
        "date": "2019-09-15",
        "featured": True,
        "ar": {
            "title": "رخص البناء عبر الإنترنت في رام الله",
            "alt": "رسم لمخطط بيت على ورق أزرق وعليه ختم الموافقة",
            "summary": "يقدّم المهندس المخططات إلكترونياً ويتابع ملاحظات الأقسام حتى صدور الرخصة، "
            "فانخفضت مدة الترخيص من ثلاثة أشهر إلى ثلاثة أسابيع.",
            "heading": "مسار واحد لكل الأقسام",
            "body": _p(
                "كان الملف الورقي يتنقل بين التنظيم والهندسة والمالية. اليوم يرى كل قسم الملف نفسه "
                "ويسجّل ملاحظاته عليه، ويصل المهندسَ إشعار بكل خطوة.",
            ),
            "quote": "أهم ما تغيّر أن الجميع يرى الملف نفسه في الوقت نفسه.",
            "attribution": "رئيسة قسم التنظيم في بلدية رام الله",
            "figures": [("21", "يوماً متوسط مدة الترخيص"), ("90%", "من الطلبات تُقدَّم إلكترونياً")],
        },
        "en": {
            "title": "Online building permits in Ramallah",
            "alt": "Drawing of a house plan on a blueprint with an approval stamp",
            "summary": "Engineers submit drawings online and follow each department's comments until the permit "
            "is issued: permits now take three weeks instead of three months.",
            "heading": "One route through every department",
            "body": _p(
                "The paper file used to travel between planning, engineering and finance. Now every department "
                "sees the same file and records its comments on it, and the engineer is notified at each step.",
            ),
            "quote": "The biggest change is that everyone sees the same file at the same time.",
            "attribution": "Head of planning, Ramallah Municipality",
            "figures": [("21", "days on average to a permit"), ("90%", "of applications submitted online")],
        },
    },
    {
        "slug": "bethlehem-gis",
        "municipality": "bethlehem",
        "category": "gis-planning",
        "date": "2016-05-10",
        "ar": {
            "title": "نظام المعلومات الجغرافية في بيت لحم",
            "alt": "رسم لخريطة قطع أراضٍ وطرق ومجرى ماء عليها دبابيس مواقع",
            "summary": "رقمنت بلدية بيت لحم خرائط الشبكات والأراضي والمواقع الأثرية في نظام واحد "
            "يستخدمه المهندسون وقسم السياحة والمواطنون.",
            "heading": "خريطة واحدة للمدينة",
            "body": _p(
                "جُمعت طبقات المياه والصرف الصحي والطرق وحدود القطع في قاعدة بيانات جغرافية واحدة، "
                "ونُشرت خريطة عامة للمواقع السياحية على البوابة.",
            ),
            "quote": "صرنا نعرف مكان كل صمام قبل أن نحفر.",
            "attribution": "مهندس الشبكات في بلدية بيت لحم",
            "figures": [("14", "طبقة بيانات جغرافية"), ("40%", "أقل في زمن إصلاح الأعطال")],
        },
    },
    {
        "slug": "jenin-citizen-complaints",
        "municipality": "jenin",
        "category": "complaints",
        "date": "2019-11-20",
        "ar": {
            "title": "نظام شكاوى المواطنين في جنين",
            "alt": "رسم لهاتف فيه رسائل شكوى بجانب دبوس موقع وعمود إنارة",
            "summary": "يسجّل المواطن شكواه عبر الموقع أو الهاتف أو تطبيق الجوال، ويتابعها برقم مرجعي "
            "حتى إغلاقها، وتنشر البلدية إحصاءات الشكاوى كل شهر.",
            "heading": "كل شكوى لها رقم وموعد",
            "body": _p(
                "تُحال الشكوى آلياً إلى القسم المختص، ولكل نوع مدة قصوى للرد. "
                "إذا تجاوزت الشكوى مدتها تُرفع إلى المدير تلقائياً.",
            ),
            "quote": "الشفافية في الأرقام جعلت الأقسام تتنافس على سرعة الرد.",
            "attribution": "مدير العلاقات العامة في بلدية جنين",
            "figures": [("4", "أيام متوسط مدة إغلاق الشكوى"), ("8000", "شكوى عولجت في السنة الأولى")],
        },
        "en": {
            "title": "Citizen complaints in Jenin",
            "alt": "Drawing of a phone with complaint messages beside a location pin and a street light",
            "summary": "Citizens file complaints on the website, by phone or in the mobile app and follow them with "
            "a reference number; the municipality publishes complaint statistics every month.",
            "heading": "Every complaint has a number and a deadline",
            "body": _p(
                "Each complaint is routed to the right department automatically, with a maximum response time "
                "per type; overdue complaints are escalated to the director.",
            ),
            "quote": "Publishing the numbers made departments compete on response time.",
            "attribution": "Head of public relations, Jenin Municipality",
            "figures": [("4", "days on average to close a complaint"), ("8000", "complaints handled in year one")],
        },
    },
    {
        "slug": "tulkarm-archive-digitisation",
        "municipality": "tulkarm",
        "category": "documents-archiving",
        "date": "2017-02-14",
        "ar": {
            "title": "أرشفة ملفات الأبنية إلكترونياً في طولكرم",
            "alt": "رسم لخزانة ملفات ورزمة وثائق تمر تحت ضوء الماسح الضوئي",
            "summary": "مسحت بلدية طولكرم ستين ألف وثيقة من أرشيف الأبنية وفهرستها، فصار استخراج "
            "ملف قديم يستغرق دقائق بدل أيام.",
            "heading": "أرشيف لا يضيع",
            "body": _p(
                "عمل فريق من خريجي الجامعات المحلية ستة أشهر على المسح والفهرسة، "
                "وربطت كل وثيقة برقم القطعة في نظام المعلومات الجغرافية.",
            ),
            "quote": "الملف الذي كان يحتاج يومين من البحث صار على بعد نقرة.",
            "attribution": "رئيس قسم الأرشيف في بلدية طولكرم",
            "figures": [("60000", "وثيقة ممسوحة"), ("5", "دقائق لاستخراج ملف")],
        },
    },
    {
        "slug": "qalqilya-financial-system",
        "municipality": "qalqilya",
        "category": "finance-erp",
        "date": "2020-01-05",
        "ar": {
            "title": "نظام مالي موحّد في قلقيلية",
            "alt": "رسم لتقرير مالي فيه أعمدة وخط صاعد",
            "summary": "استبدلت بلدية قلقيلية جداول متفرقة بنظام مالي ومحاسبي موحّد مرتبط بالفوترة "
            "والمشتريات، وتصدر تقاريرها الشهرية في يومها الأول.",
            "heading": "رقم واحد للحقيقة",
            "body": _p(
                "اختارت البلدية نظاماً يصدّر بياناته بصيغ مفتوحة، واشترطت في العقد تسليم "
                "البيانات والتوثيق عند انتهاء الخدمة.",
            ),
            "quote": "اشترطنا أن تبقى بياناتنا لنا مهما تغيّر المورّد.",
            "attribution": "المدير المالي لبلدية قلقيلية",
            "figures": [("1", "يوم لإصدار التقرير الشهري"), ("0", "جداول يدوية متبقية")],
        },
    },
    {
        "slug": "al-bireh-open-data",
        "municipality": "al-bireh",
        "category": "open-data",
        "date": "2021-10-01",
        "ar": {
            "title": "البيانات المفتوحة في بلدية البيرة",
            "alt": "رسم لجدول بيانات ومخطط دائري وزر تنزيل",
            "summary": "تنشر بلدية البيرة موازنتها ورخص البناء الصادرة وإحصاءات الشكاوى بيانات مفتوحة "
            "يعيد الباحثون والصحفيون استخدامها.",
            "heading": "ما يُنشر يُحسَّن",
            "body": _p(
                "بدأت البلدية بثلاث مجموعات بيانات بصيغة CSV مع وصف لكل حقل، "
                "وتحدّثها شهرياً من الأنظمة مباشرة دون تدخل يدوي.",
            ),
            "quote": "نشر البيانات أجبرنا على تنظيفها، وهذا وحده كان مكسباً.",
            "attribution": "منسقة التحول الرقمي في بلدية البيرة",
            "figures": [("12", "مجموعة بيانات منشورة"), ("3000", "تنزيل في السنة")],
        },
    },
]

PRACTICES = [
    {
        "slug": "digital-transformation-plan",
        "audience": "leadership",
        "revised": "2024-03-01",
        "ar": {
            "title": "إعداد خطة التحول الرقمي للبلدية",
            "alt": "رسم لطريق صاعد عليه ثلاث رايات وقائمة مهام نصفها منجز",
            "summary": "كيف تعدّ البلدية خطة تحول رقمي واقعية لثلاث سنوات: من حصر الخدمات إلى المؤشرات والموازنة.",
            "body": _p(
                "ابدأوا بحصر الخدمات التي يطلبها المواطنون أكثر، وقيسوا زمن كل منها اليوم.",
                "رتّبوا الأولويات حسب الأثر وسهولة التنفيذ، وخصصوا لكل مشروع مسؤولاً وموازنة ومؤشراً.",
                "راجعوا الخطة كل ستة أشهر مع المجلس البلدي وانشروا ما تحقق.",
            ),
        },
        "en": {
            "title": "Preparing a municipal digital transformation plan",
            "alt": "Drawing of a rising road with three flags and a half-ticked checklist",
            "summary": "How a municipality prepares a realistic three-year digital transformation plan: from a "
            "service inventory to indicators and budget.",
            "body": _p(
                "Start by listing the services citizens request most, and measure how long each takes today.",
                "Rank priorities by impact and ease, and give each project an owner, a budget and an indicator.",
                "Review the plan every six months with the council and publish what was achieved.",
            ),
        },
    },
    {
        "slug": "procuring-software-without-lock-in",
        "audience": "procurement",
        "revised": "2023-11-15",
        "ar": {
            "title": "شراء البرمجيات دون الارتهان للمورّد",
            "alt": "رسم لعقد موقّع ومختوم بجانب مفتاح",
            "summary": "بنود يجب أن يتضمنها عقد شراء البرمجيات لتبقى بيانات البلدية ملكها ويمكنها تغيير المورّد.",
            "body": _p(
                "اشترطوا تصدير جميع البيانات بصيغ مفتوحة موثقة في أي وقت ودون رسوم إضافية.",
                "اطلبوا توثيق الواجهات البرمجية وتسليم الشيفرة المصدرية للتعديلات الخاصة بالبلدية.",
                "حددوا في العقد خطة خروج ومدة انتقالية يلتزم فيها المورّد بالتعاون.",
            ),
        },
        "en": {
            "title": "Procuring software without lock-in",
            "alt": "Drawing of a signed, sealed contract beside a key",
            "summary": "Clauses a software contract needs so that the municipality keeps its data and can "
            "change supplier.",
            "body": _p(
                "Require export of all data in open, documented formats at any time and at no extra cost.",
                "Ask for documented APIs and the source code of municipality-specific changes.",
                "Write an exit plan into the contract, with a transition period in which the supplier cooperates.",
            ),
        },
    },
    {
        "slug": "information-security-basics",
        "audience": "it-staff",
        "revised": "2025-01-20",
        "ar": {
            "title": "أساسيات أمن المعلومات للبلديات الصغيرة",
            "alt": "رسم لدرع فيه قفل بين حاسوب وخوادم",
            "summary": "قائمة تحقق قصيرة لبلدية بلا قسم أمن معلومات: النسخ الاحتياطي، وكلمات المرور، "
            "والتحديثات، والتوعية.",
            "body": _p(
                "خذوا نسخة احتياطية يومية، واحفظوا نسخة خارج المبنى، وجرّبوا الاسترجاع كل ثلاثة أشهر.",
                "فعّلوا التحقق بخطوتين لحسابات البريد والأنظمة المالية.",
                "حدّثوا الأنظمة والبرمجيات شهرياً، ودرّبوا الموظفين على تمييز رسائل التصيد.",
            ),
        },
        "en": {
            "title": "Information security basics for small municipalities",
            "alt": "Drawing of a shield with a padlock between a computer and servers",
            "summary": "A short checklist for a municipality without a security team: backups, passwords, "
            "updates and awareness.",
            "body": _p(
                "Back up daily, keep one copy off site, and test a restore every three months.",
                "Turn on two-factor authentication for e-mail and financial systems.",
                "Update systems and software monthly, and train staff to recognise phishing.",
            ),
        },
    },
    {
        "slug": "accessible-bilingual-websites",
        "audience": "it-staff",
        "revised": "2024-06-10",
        "ar": {
            "title": "مواقع بلدية ثنائية اللغة يسهل الوصول إليها",
            "alt": "رسم لصفحتين متقابلتين تبدأ أسطر إحداهما من اليمين والأخرى من اليسار، مع رمز إمكانية الوصول",
            "summary": "كيف يُبنى موقع البلدية بالعربية والإنجليزية ليخدم الجميع، بمن فيهم ذوو الإعاقة "
            "ومستخدمو الهواتف.",
            "body": _p(
                "اجعلوا العربية لغة أصلية للموقع مع اتجاه من اليمين إلى اليسار، لا ترجمة لاحقة.",
                "أضيفوا نصاً بديلاً لكل صورة، وتأكدوا من إمكانية التصفح بلوحة المفاتيح وتباين الألوان.",
            ),
        },
    },
    {
        "slug": "training-staff-with-universities",
        "audience": "all-staff",
        "revised": "2023-09-01",
        "ar": {
            "title": "تدريب الموظفين بالشراكة مع الجامعات",
            "alt": "رسم لقبعة تخرج فوق أربعة متدربين",
            "summary": "نموذج لاتفاقية بين البلدية والجامعة المحلية لتدريب الموظفين واستقبال طلبة التدريب "
            "العملي في مشاريع التحول الرقمي.",
            "body": _p(
                "حددوا احتياجات التدريب من خطة التحول الرقمي، واتفقوا مع الجامعة على مساقات قصيرة معتمدة.",
                "استقبلوا طلبة التدريب العملي في مشاريع محددة الهدف والمدة، مع مشرف من البلدية.",
            ),
        },
    },
]

EVENTS = [
    {
        "slug": "first-international-conference-e-municipalities-2012",
        "kind": "conference",
        "start": "2012-06-11T09:00",
        "end": "2012-06-12T16:00",
        "venue_ar": "الخليل، فلسطين",
        "venue_en": "Hebron, Palestine",
        "ar": {
            "title": "المؤتمر الدولي الأول للبلديات الإلكترونية — الخليل 2012",
            "alt": "رسم لقاعة مؤتمر فيها منصة وشاشة وصفوف من الحضور",
            "summary": "جمع المؤتمر البلديات الفلسطينية وشركاءها من الخارج لتبادل تجارب البلديات "
            "الإلكترونية، وخرج بتوصيات منها إنشاء هذا المركز.",
            "organisers": "وزارة الحكم المحلي، بلدية الخليل، اتحاد الهيئات المحلية",
            "agenda": [
                ("09:00", "الافتتاح وكلمات الجهات المنظمة", "وزير الحكم المحلي، رئيس بلدية الخليل"),
                ("10:30", "تجارب البلديات في الخدمات الإلكترونية", "ممثلو البلديات"),
                ("13:00", "إطلاق البوابة الإلكترونية لبلدية الخليل", "بلدية الخليل"),
            ],
            "recommendations": _p(
                "إنشاء موقع إلكتروني تشرف عليه الوزارة بالتعاون مع اتحاد الهيئات المحلية لنشر قصص النجاح "
                "والممارسات الفضلى.",
                "إنشاء قاعدة بيانات لمشاريع البلديات الإلكترونية والخبرات المكتسبة منها.",
                "إنشاء منتدى إلكتروني للعاملين في تقنية المعلومات في البلديات.",
                "تشجيع التوأمة والتدريب المشترك، وجائزة سنوية لأفضل خدمة بلدية إلكترونية.",
            ),
        },
        "en": {
            "title": "First International Conference on e-Municipalities — Hebron 2012",
            "alt": "Drawing of a conference hall with a lectern, a screen and rows of delegates",
            "summary": "The conference brought Palestinian municipalities and partners from abroad together to "
            "share e-municipality experience; its recommendations include creating this hub.",
            "organisers": "Ministry of Local Government, Hebron Municipality, Association of Local Authorities",
            "agenda": [
                ("09:00", "Opening and words from the organisers", "Minister of Local Government, Mayor of Hebron"),
                ("10:30", "Municipal experience with e-services", "Municipal representatives"),
                ("13:00", "Launch of Hebron Municipality's e-portal", "Hebron Municipality"),
            ],
            "recommendations": _p(
                "Create a website run by the ministry with the association of local authorities to publish "
                "success stories and best practices.",
                "Build a database of e-municipality projects and the experience gained in each.",
                "Open an electronic forum for the people who run municipal IT.",
                "Encourage twinning and shared training, and a yearly award for the best municipal e-service.",
            ),
        },
    },
    {
        "slug": "gis-seminar-2025",
        "kind": "seminar",
        "start": "2025-04-22T10:00",
        "end": "2025-04-22T14:00",
        "venue_ar": "نابلس، قاعة البلدية",
        "venue_en": "Nablus, municipal hall",
        "ar": {
            "title": "ندوة نظم المعلومات الجغرافية في البلديات",
            "alt": "رسم لخريطة معروضة على شاشة أمام الحضور",
            "summary": "عرضت فيها بلديات بيت لحم ونابلس وطولكرم كيف تستخدم الخرائط الرقمية في التخطيط والصيانة.",
            "organisers": "وزارة الحكم المحلي",
            "agenda": [("10:00", "خرائط الشبكات في بيت لحم", "بلدية بيت لحم")],
        },
    },
    {
        "slug": "e-payment-workshop",
        "kind": "workshop",
        "days_from_now": 30,
        "hours": (9, 13),
        "venue_ar": "",
        "venue_en": "",
        "online_url": "https://meet.example.org/e-payment-workshop",
        "registration_url": "https://forms.example.org/e-payment-workshop",
        "ar": {
            "title": "ورشة عمل: الدفع الإلكتروني في البلديات",
            "alt": "رسم لحاسوب محمول عليه اجتماع مرئي بستة مشاركين",
            "summary": "ورشة عمل عن بُعد حول ربط أنظمة الفوترة البلدية بالبنوك ومحافظ الدفع.",
            "organisers": "وزارة الحكم المحلي، سلطة النقد",
            "agenda": [("09:00", "تجربة نابلس في الدفع الإلكتروني", "بلدية نابلس")],
        },
        "en": {
            "title": "Workshop: e-payment in municipalities",
            "alt": "Drawing of a laptop showing a video meeting with six participants",
            "summary": "An online workshop on connecting municipal billing to banks and payment wallets.",
            "organisers": "Ministry of Local Government, Palestine Monetary Authority",
            "agenda": [("09:00", "Nablus's experience with e-payment", "Nablus Municipality")],
        },
    },
    {
        "slug": "digital-skills-training-week",
        "kind": "training",
        "days_from_now": 60,
        "hours": (9, 15),
        "venue_ar": "رام الله، جامعة بيرزيت",
        "venue_en": "Ramallah, Birzeit University",
        "ar": {
            "title": "أسبوع تدريب المهارات الرقمية لموظفي البلديات",
            "alt": "رسم لتقويم ظُلّل فيه أسبوع التدريب وبجانبه قبعة تخرج",
            "summary": "دورة مكثفة بالشراكة مع الجامعات في إدارة المشاريع الرقمية وأمن المعلومات.",
            "organisers": "وزارة الحكم المحلي، جامعة بيرزيت",
            "agenda": [("09:00", "إدارة المشاريع الرقمية", "جامعة بيرزيت")],
        },
    },
]

NEWS = [
    {
        "slug": "knowledge-hub-launched",
        "date": "2026-09-01",
        "ar": {
            "title": "إطلاق مركز معرفة البلديات الإلكترونية",
            "summary": "أطلقت وزارة الحكم المحلي المركز تنفيذاً لتوصيات مؤتمر الخليل 2012.",
            "body": _p("يجمع المركز قصص النجاح والممارسات الفضلى وقاعدة بيانات المشاريع والمنتدى في مكان واحد."),
        },
        "en": {
            "title": "The e-Municipality Knowledge Hub is launched",
            "summary": "The Ministry of Local Government launched the hub, following the Hebron 2012 recommendations.",
            "body": _p("The hub brings stories, practices, the project database and the forum together in one place."),
        },
    },
    {
        "slug": "best-e-service-award-call",
        "date": "2026-10-15",
        "ar": {
            "title": "فتح باب الترشح لجائزة أفضل خدمة بلدية إلكترونية",
            "summary": "تدعو الوزارة البلديات إلى ترشيح خدماتها الإلكترونية لجائزة هذا العام.",
            "body": _p(
                "تُقبل الترشيحات حتى نهاية العام، وتعلن النتائج في المؤتمر السنوي.",
                'شروط الجائزة ومعاييرها ونموذج الترشيح على <a href="/ar/cooperation/award/">صفحة جائزة أفضل خدمة'
                " بلدية إلكترونية</a>.",
            ),
        },
    },
    {
        "slug": "twinning-programme",
        "date": "2026-11-10",
        "ar": {
            "title": "برنامج توأمة رقمية بين بلديات فلسطينية وأردنية",
            "summary": "وقّعت خمس بلديات اتفاقيات توأمة لتبادل الخبرات في الخدمات الإلكترونية.",
            "body": _p("يتضمن البرنامج زيارات تبادلية وتدريباً مشتركاً ومشاريع تجريبية."),
        },
    },
]

STANDARD = [
    {
        "slug": "about",
        "ar": {
            "title": "عن المركز",
            "intro": "مركز معرفة البلديات الإلكترونية منصة تديرها وزارة الحكم المحلي "
            "بالتعاون مع اتحاد الهيئات المحلية.",
            "body": _p("نشأ المركز من توصيات المؤتمر الدولي الأول للبلديات الإلكترونية في الخليل عام 2012."),
        },
        "en": {
            "title": "About the hub",
            "intro": "The e-Municipality Knowledge Hub is run by the Ministry of Local Government with the "
            "Association of Local Authorities.",
            "body": _p(
                "It grew out of the recommendations of the first international conference on "
                "e-municipalities in Hebron, 2012."
            ),
        },
    },
    {
        "slug": "terms",
        "ar": {"title": "شروط الاستخدام", "intro": "", "body": _p("يُستخدم المحتوى لأغراض غير تجارية مع ذكر المصدر.")},
        "en": {"title": "Terms of use", "intro": "", "body": _p("Content may be reused non-commercially with credit.")},
    },
    {
        "slug": "privacy",
        "ar": {"title": "سياسة الخصوصية", "intro": "", "body": _p("لا نشارك بياناتك الشخصية مع أي طرف ثالث.")},
        "en": {"title": "Privacy", "intro": "", "body": _p("We do not share your personal data with third parties.")},
    },
]
