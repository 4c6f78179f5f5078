"""Full names and given names in Cyrillic, Greek, Arabic, Hebrew, Georgian and Armenian script without a cue
(session 45, candidate 45-12).

pii_script_names, pii_script_name_cues, pii_script_person_cues and pii_script_signatures take a name in these
scripts after a cue ("меня зовут", "اسمي", "معاك", a title, a patronymic, a sign-off word); a name that no cue
introduces was missed: "Ελένη Σταθοπούλου: 14068203513", "Клієнт: Марія Шевчук, моя мама", "Коваленко Ігор", "أنا
منى إبراهيم" after "لو سمحت", "لـفهد العتيبي", "ნინო ბერიძე", a name signing ("…гроші. Оксана"), addressed
("Κώστα, δες …") or labelling a speaker's turn ("فيصل: …", "الموظفة ياسمين: …", "Оператор (Максим): …").

:func:`with_script_given_names` (run after the PERSON check) adds, as a PERSON, where no span covers it:

- Cyrillic and Greek (cased): a capitalised given name of our lists (common Russian, Ukrainian, Bulgarian, Serbian,
  Kazakh and Greek given names, with the Greek vocatives) with a capitalised surname after it, or a surname of a
  surname's shape before it ("Коваленко Ігор", "Παπαδόπουλος Γιώργος"); the given name alone where it stands as a
  name: mid-sentence (not a sentence's first word), on a line of its own, closing the message, addressed at a line's
  start before a comma, or in brackets after a speaker's role;
- Cyrillic and Greek, an initial: a given name with a surname's initial ("Айгерим Б."), an initial with a surname of
  a surname's shape ("Д. Йорданов", "Α. Κωνσταντίνου"), never the letters that shorten a place's or a street's word
  ("с. Петрово", "Λ. Συγγρού") nor before a number ("Н. Вапцаров 10");
- Arabic script (Arabic, Persian, Urdu) and Hebrew (uncased): a given name of our lists followed by a second given
  name, a surname of our lists or (Arabic) a word with the article ("فهد العتيبي"); the given name alone where it
  labels a speaker's turn ("ريم: …", "ريم (مصرف …): …", "نمائندہ عائشہ: …", "الموظف فيصل: …"), signs the message on
  its last line, or follows an agent's role word ("الموظفة ياسمين");
- Georgian and Armenian: a given name of our lists with a surname of their shape (-ძე, -შვილი, -ია, -ური …;
  -յան, -յանց, -ունի).

A Cyrillic or Greek surname before a given name has a surname's ending ("-енко", "-ук", "-ов", "-ος", "-ου" …) or
the two words are a line's whole answer ("Клієнт: Мельник Андрій").

Never: a given name that is a word too ("Надежда", "Вера", "Роза", "София" (also the town), "Σοφία", "Ελπίδα",
"Νίκη", "أمل", "نور", "سعيد", "عمر", "حسن", "علي", "שיר", "טל", "אבי") alone, nor leading a pair but before a
surname of a surname's shape, a true given name or a listed surname; a word of address or a greeting as a surname
("Αγαπητή Μαρία", "Дякую Ігор"); a name after a saint's, a street's, a venue's or a firm's word ("Св. Георги",
"Αγίου Νικολάου", "ул. Иван Вазов", "стадион Васил Левски", "شارع خالد بن الوليد") or inside quotes ("читалище
„Христо Ботев“"); a name before a firm's word ("Мария ООО", "Μαρία ΑΕ"); an Arabic name before "الله" or a
service word ("أحمد الله", "سعد العميل"); a name inside an e-mail or a handle. Every pattern is anchored and
bounded; a message is read for at most CAP names over its first _MAX_TEXT characters.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found
from services.models import PiiSpan

CAP = 16
_SCORE = 0.85
_MAX_TEXT = 6000

# ---- given names (common names of each language, nominative; Greek vocatives as well) -------------------------------
_CYRILLIC_NAMES = frozenset("""
Александр Алексей Анатолий Андрей Антон Аркадий Артём Артем Артур Богдан Борис Вадим Валентин Валерий Василий Виктор
Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Глеб Григорий Даниил Данил Денис Дмитрий Евгений Егор
Иван Игорь Илья Кирилл Константин Леонид Максим Матвей Михаил Никита Николай Олег Павел Пётр Петр Роман Руслан Семён
Семен Сергей Станислав Степан Тимофей Тимур Фёдор Федор Юрий Ярослав Рустам Айдар Ильдар Марат Ринат Азат Нурлан
Ерлан Асхат Данияр Арман Бауыржан Ержан Айгерим Динара Асель Алия Гульнара Жанар Айжан Салтанат Мадина Камила Зарина
Анастасия Анна Алина Алёна Алена Алла Антонина Валентина Валерия Варвара Вероника Виктория Галина Дарья Диана Евгения
Екатерина Елена Елизавета Жанна Зинаида Зоя Инна Ирина Карина Кира Кристина Ксения Лариса Людмила Маргарита Марина
Мария Наталья Наталия Нина Оксана Олеся Ольга Полина Светлана Снежана Таисия Тамара Татьяна Ульяна Юлия Яна
Андрій Антон Богдан Василь Віктор Віталій Володимир Дмитро Євген Іван Ігор Юрій Микола Михайло Олександр Олексій Олег
Остап Петро Роман Сергій Степан Тарас Ярослав Григорій Данило Кирило Максим Назар Павло Тимофій Анатолій Валентин
Олена Оксана Ірина Марія Наталія Тетяна Людмила Ганна Галина Катерина Юлія Світлана Анастасія Вікторія Дарина Софія
Христина Соломія Ярина Леся Мирослава Зоряна Богдана Уляна Олеся Лариса Валентина Віра Ольга Інна Діана Аліна
Георги Димитър Иван Никола Петър Стоян Христо Тодор Васил Красимир Пламен Цветан Бойко Любомир Веселин Ивайло Мирослав
Калоян Мартин Кирил Борислав Асен Ангел Радослав Явор Митко Валентин Десислава Йорданка Цветелина Гергана Радостина
Теодора Мариела Петя Росица Силвия Станка Стефка Ваня Милена Галя Даниела Виктория Бистра Албена Невена Ралица Весела
Марија Милица Јована Ана Драгана Јелена Снежана Весна Бранка Мирјана Тамара Милош Марко Никола Стефан Душан Милан
Милорад Драган Зоран Горан Дејан Небојша Жељко Војислав Александар Петар Мирослав Ђорђе Јован Лазар Вук
""".split())
# Cyrillic given names that are words too: never alone, never leading a pair
_CYRILLIC_WORDS = frozenset("""Надежда Вера Любовь Слава Роза Лилия Мир Лада Ангел Весела Мартин Асен Марат Кира
Станка Ваня Галя Петя Весна Вук Лазар Явор Леся Мирослава Богдана София Софія Алла Ана Анна Яна Нина""".split())
_GREEK_NAMES = frozenset("""
Γιώργος Γιώργο Γεώργιος Γεώργιε Κώστας Κώστα Κωνσταντίνος Κωνσταντίνε Δημήτρης Δημήτρη Δημήτριος Νίκος Νίκο Νικόλαος
Γιάννης Γιάννη Ιωάννης Παναγιώτης Παναγιώτη Βασίλης Βασίλη Βασίλειος Μιχάλης Μιχάλη Μιχαήλ Χρήστος Χρήστο Αντώνης
Αντώνη Σπύρος Σπύρο Θανάσης Θανάση Αθανάσιος Στέλιος Στέλιο Στυλιανός Μανώλης Μανώλη Εμμανουήλ Άγγελος Άγγελε Πέτρος
Πέτρο Αλέξανδρος Αλέξανδρε Ηλίας Ηλία Θοδωρής Θοδωρή Θεόδωρος Λευτέρης Λευτέρη Ελευθέριος Απόστολος Αποστόλη
Σταύρος Σταύρο Χαράλαμπος Μπάμπης Μπάμπη Τάσος Τάσο Άρης Άρη Φώτης Φώτη Λάμπρος Λάμπρο Ευάγγελος Βαγγέλης Βαγγέλη
Θεοδόσης Γρηγόρης Γρηγόρη Πάνος Πάνο Ανδρέας Αντρέας Σωτήρης Σωτήρη Τάκης Μάριος Μάριε Χάρης Χάρη Διονύσης Διονύση
Μαρία Ελένη Αικατερίνη Κατερίνα Βασιλική Βάσω Γεωργία Σταυρούλα Δήμητρα Ευαγγελία Αναστασία Χριστίνα Παναγιώτα Γιώτα
Αγγελική Ιωάννα Κωνσταντίνα Κωνσταντίνα Φωτεινή Δέσποινα Μαρίνα Αθηνά Αλεξάνδρα Βαρβάρα Θεοδώρα Νικολέτα Χαρίκλεια
Ευτυχία Κυριακή Παρασκευή Ροδάνθη Στέλλα Τασούλα Ζωή Αφροδίτη Μαργαρίτα Ευδοκία Ολγα Όλγα Άννα Αννα Βούλα Ρένα
Λίνα Τίνα Νίκη Ελπίδα Σοφία Ειρήνη Χαρά Δανάη Μυρτώ Ξανθή Χρυσούλα Ευγενία Πολυξένη Μάρθα Ματίνα Ραλλού Λαμπρινή
""".split())
_GREEK_WORDS = frozenset("""Ελπίδα Σοφία Ειρήνη Χαρά Νίκη Ζωή Κυριακή Παρασκευή Αθηνά Στέλλα Δόξα Ξανθή Άγγελε
Άγγελος Ευτυχία Μαργαρίτα Άρη Άρης Χάρη Χάρης""".split())
_ARABIC_NAMES = frozenset("""
محمد أحمد احمد محمود مصطفى علي عمر عمرو خالد يوسف إبراهيم ابراهيم حسن حسين عبدالله عبدالرحمن عبدالعزيز سعد فهد فيصل
سلطان ناصر سامي سامر سمير طارق وليد ياسر هشام عماد رامي كريم مازن ماجد نبيل وائل زياد باسل بلال حمزة أنس انس
صالح سليمان عثمان إسماعيل اسماعيل يحيى زكريا منصور راشد سعود تركي بندر نايف مشعل عادل هاني هيثم أيمن ايمن أسامة
اسامة شريف عصام جمال كمال أشرف اشرف إياد اياد نادر رائد فادي جورج إلياس الياس ميشيل أنطوان شادي حازم معاذ عبدالكريم
فاطمة عائشة مريم زينب خديجة سارة ساره نورة نوره هند ريم دينا منى رنا رانيا لينا سلمى ياسمين هبة هدى أسماء اسماء
شيماء آية اية منة مي ندى نهى سمر غادة رشا لمى جنى دعاء إيمان ايمان مروة مها سعاد ليلى نادية هالة عبير رحاب
بسمة حنان سناء وفاء أمل امل نور نوال سهام لبنى ريهام روان شهد جود لجين أروى اروى ماريا ميرا حسام تامر خليل
نادين جميلة لطيفة رزان تالا ديما لانا سوسن رغد سلوى نجلاء غدير عبدالرحيم عبدالمجيد موسى عيسى هادي
علی حسین رضا مهدی امیر حمید مجید سعید آرش بابک کاوه سیاوش فرهاد بهرام پویا نیما سینا امید مهران رامین کامران
مریم فاطمه زهرا سارا نگار نازنین لیلا شیرین مینا پریسا مهسا الهام فرشته سمیرا نرگس آزاده
عائشہ فاطمہ زینب صائمہ نادیہ عمران فرحان عثمان بلال حمزہ عاصم کاشف ثاقب وقاص شاہد زاہد طاہر نوید عدنان
""".split())
# Arabic-script given names that are ordinary words too: never alone, never leading a pair
_ARABIC_WORDS = frozenset("""أمل امل نور سعيد سعاد هدى منى مي ندى وفاء إيمان ايمان رحاب بسمة حنان جود شهد كريم
عادل جمال كمال هاني رائد ماجد ناصر منصور راشد صالح امید سعید نور مها ليلى آية اية علی علي حسن حسین عمر نبيل هبة
جنى دعاء سامي يحيى پویا آزاده الهام فرشته نرگس""".split())
_HEBREW_NAMES = frozenset("""
דוד משה יוסי יוסף אבי אברהם יעקב יצחק דני דניאל מיכאל איתי יונתן עומר נועם אורי רועי עידו אלון אמיר גיא יואב
אסף שי ניר רון תומר בן עמית אריאל אליהו שמואל חיים מאיר מרדכי נתן אהרון ישראל אליעזר צבי רפאל יובל אביב שלמה
שרה רחל לאה רבקה מרים מיכל נועה שירה תמר יעל רונית אורית דנה הילה ענבל טליה אביגיל מאיה רותם ליאת סיגל אסתר
חנה אילנה גלית קרן אפרת שני נעמה עדי הדס אורנה רינה ציפי יהודית שושנה ליאור אלה חן טל שיר נגה
איתן עמרי הראל אליאור יהונתן שמעון אריה בתיה אילת מורן סיון לימור אושרת
""".split())
_HEBREW_WORDS = frozenset("""אבי בן רון שי גיא חן טל שיר נגה אור גיל דן עדי אלה ישראל חיים נתן אביב אמיר מאיר
אלון צבי רינה אסף מרים תמר שרה""".split())
_HEBREW_SURNAMES = frozenset("""
כהן לוי מזרחי פרץ ביטון דהן אברהם פרידמן אזולאי מלכה אגבאריה כץ יוסף דוד עמר אוחיון חדד גבאי בן דוד שפירא
קליין ברק גולדברג רוזנברג אשכנזי חזן מימון סויסה יעקב אלון גרינברג וייס ליבוביץ סלים נחום אלמוג ששון
""".split())
_GEORGIAN_NAMES = frozenset("""
გიორგი დავით ნიკოლოზ ლევან ირაკლი ზურაბ ალექსანდრე ლაშა გიგა თორნიკე ბექა ლუკა სანდრო დიმიტრი ვახტანგ თამაზ
ნინო მარიამ ანა თამარ ნათია ეკატერინე სალომე ქეთევან მაკა ლელა ხათუნა ნანა მანანა თეონა ელენე ნატო სოფო
""".split())
_ARMENIAN_NAMES = frozenset("""
Արամ Արմեն Արթուր Դավիթ Գևորգ Հայկ Տիգրան Նարեկ Վահե Կարեն Սամվել Արսեն Գրիգոր Հովհաննես Ռուբեն Աշոտ Միքայել Էդգար
Անի Մարիամ Աննա Լուսինե Նարինե Գայանե Սոնա Արմինե Տաթև Լիլիթ Հասմիկ Անահիտ Սիրանուշ Մարինե Էլեն Քրիստինե
""".split())

# ---- letters and word shapes -------------------------------------------------------------------------------------------
_CY = "\u0400-\u04ff"
_EL = "\u0386\u0388-\u03ce\u1f00-\u1ffc"
_AR = "\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u06d5"
_HE = "\u05d0-\u05ea"
_KA = "\u10d0-\u10fa"
_HY = "\u0531-\u0556\u0561-\u0587"
_CASED_WORD = re.compile(rf"(?<![{_CY}{_EL}\w])[А-ЯЁІЇЄҐЈЉЊЋЏΑ-ΩΆΈΉΊΌΎΏ][{_CY}{_EL}'’]{{1,24}}(?![{_CY}{_EL}\w])")
_UNCASED_WORD = re.compile(rf"(?<![{_AR}{_HE}{_KA}{_HY}])(?<![^\W\u0640])(?:[{_AR}]{{2,20}}|[{_HE}]{{2,15}}|[{_KA}]{{2,20}}|"
                           rf"[{_HY}]{{2,20}})(?![{_AR}{_HE}{_KA}{_HY}\w])")
_CY_SURNAME_END = re.compile(r"(?:енко|ко|чук|юк|ук|як|ов|ова|ев|ева|ёв|ин|ина|ын|ский|ская|цкий|цкая|ський|ська|"
                             r"цький|цька|ич|ић|вич|ян|дзе|швили|иев|ски|ска)\Z")
_PATRONYMIC_END = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|івна|ївна)\Z")
_EL_SURNAME_END = re.compile(r"(?:ος|ης|ας|άς|ής|ού|ου|ίδη|άκη|ά|ή)\Z")
_KA_SURNAME_END = re.compile(r"(?:ძე|შვილი|ია|ავა|ანი|ური|ელი|აძე|იანი)\Z")
_HY_SURNAME_END = re.compile(r"(?:յան|յանց|ունի|ան)\Z")

# words before a name that make it a saint's, a street's, a place's or a firm's
_BEFORE = re.compile(r"(?i:(?<![^\W\d_])(?:св|свети|света|святой|святая|святого|святої|святого|святий|свята|"
                     r"ул|улица|улице|вул|вулиця|вулиці|бул|булевард|бульвар|пр|проспект|пл|площадь|площа|пер|"
                     r"переулок|провулок|наб|набережная|село|гр|город|місто|кв|жк|тц|трц|бц|банк|банка|банку|"
                     r"άγιος|αγίου|αγίας|αγία|αγ|οδός|οδό|οδού|οδ|λεωφόρος|λεωφόρου|λεωφ|πλατεία|πλατείας|"
                     r"ξενοδοχείο|ξενοδοχείου|εταιρεία|εταιρείας|εστιατόριο|φαρμακείο|κατάστημα|"
                     r"شارع|ش|طريق|ميدان|حي|جامع|مسجد|مدرسة|مستشفى|شركة|مؤسسة|مطعم|صيدلية|محل|فندق|بنك|مصرف|دوار|"
                     r"الملك|الملكة|الأمير|الامير|الأميرة|الاميرة|الإمام|الامام|"
                     r"خیابان|کوچه|میدان|بلوار|רחוב|רח|שדרות|שד|קניון|מלון|בית|חברת|"
                     r"отель|готель|хотел|кафе|ресторан|магазин|аптека|салон|клиника|клініка|школа|гимназия|компания|компанія|фирма|"
                     r"аеродром|летище|аэропорт|аеропорт|музей|университет|університет|театр|парк|метро|станция|стадион|"
                     r"αεροδρόμιο|πανεπιστήμιο|σταθμός|γήπεδο|μουσείο|مطار|جامعة|ملعب|محطة|מוזיאון|נמל|"
                     r"hotel|street|st|ul|ulica)\.?[ \t]{1,2})$")
_FIRM_AFTER = re.compile(r"(?i:[ \t]{1,2}(?:ооо|оао|зао|пао|ао|ип|еоод|оод|ет|ад|тов|фоп|ае|α\.ε\.?|επε|ικε|οε|εε|"
                         r"ltd|llc|inc|group|гмбх|холдинг|групп|груп|shop|маркет|market|хотел|отель|готель|"
                         r"ресторан|кафе|аптека|клиник|клініка|салон|студия|студія|εστιατόριο|ξενοδοχείο|институт|інститут|центр|"
                         r"фонд|банк|театр|университет|університет|школа|лицей|ліцей|гимназия|гімназія|"
                         r"لل|للتجارة|للمقاولات|للخدمات|ستور|ماركت|בע.מ)(?![^\W\d_]))")
_SENTENCE_START = re.compile(r"(?:^|[.!?;:…»\"“\n][ \t]{0,3}|[-–—•*][ \t]{1,3})$")
_LABEL_BEFORE = re.compile(r"[ \t]{0,4}(?:[^\s:]{1,24}(?:[ \t][^\s:]{1,24})?[ \t]{0,2}:[ \t]{0,3})?")
_LINE_ALONE_AFTER = re.compile(r"[ \t]{0,2}[.!,]?[ \t]{0,2}(?:\r?\n|\Z)")
_ROLE = re.compile(r"(?i:(?<![^\W\d_])(?:оператор|операторка|консультант|агент|agent|менеджер|специалист|спеціаліст|"
                   r"служител|співробітник|υπάλληλος|υπάλληλο|εκπρόσωπος|الموظف|الموظفة|موظف|موظفة|المندوب|"
                   r"المندوبة|مندوب|الممثل|الممثلة|ممثل|خدمة[ \t]العملاء|نمائندہ|نمائندے|پشتیبان|کارشناس|اپراتور|"
                   r"נציג|נציגה|הנציג|הנציגה|טכנאי|שליח|כונן)(?:[ \t]{0,2}\(|[ \t]{1,2})$)")
# words of address before a name that end like a surname ("Αγαπητή Μαρία", "Уважаемая Анна")
_NOT_SURNAMES = frozenset("""Αγαπητή Αγαπητέ Αγαπητοί Κυρία Κύριε Κύριος Κυρίου Καλή Καλέ Φίλη Φίλε Συνάδελφε
Дорогая Дорогой Уважаемая Уважаемый Шановна Шановний Скъпа Скъпи Поштовани Поштована Драга Драги Госпожа Господин
Пані Пане Госпожо Господине Колега Колего Сестра Брат Мама Папа Тато Бабушка Дедушка Привет Привіт Здравствуйте
Здравствуй Спасибо Дякую Вітаю Здравей Здравейте Благодаря Мерси Хвала Здраво Добрый Добрий Доброго Добро Пока Алло
Ευχαριστώ Γεια Καλημέρα Καλησπέρα Χαίρετε Ναι Όχι Да Нет Ні Так Не Оператор Клиент Клієнт Клиентка""".split())
# a family name with the article: a nisba ("العتيبي", "الزعبي") or one of these; never an adjective of that shape
_AR_FAMILIES = frozenset("""العلي الأحمد الاحمد السيد النجار الخطيب الحسن الحسين المصري الشامي الحلبي الصباح
الخليفة الرشيد العمر الصالح الجبور المحمد الشمري العبدالله الحداد الخياط الأسعد الاسعد""".split())
_AR_ADJECTIVES = frozenset("""الحالي التالي الثاني الثالث الماضي الجاي الإلكتروني الالكتروني الشخصي الوطني المدني
الأساسي الاساسي البنكي الكهربائي الدولي المحلي الرئيسي الفعلي الحقيقي النهائي التخصصي الطبي الجامعي الذهبي الفضي
الإضافي الاضافي العادي السنوي اليومي الحكومي الخاص الثانوي""".split())
_AR_NOT_SECOND = frozenset("""الله الرحمن الرحيم اللهم الخير النور الحمد السلام العميل العميلة الموظف الموظفة
المندوب الرقم العنوان الشحنة الطلب الحساب البطاقة الهوية الجوال البنك الشركة اليوم الآن الان بكرة أمس""".split())


def _given_cased(word: str) -> bool:
    return word in _CYRILLIC_NAMES or word in _GREEK_NAMES


def _word_name(word: str) -> bool:
    return word in _CYRILLIC_WORDS or word in _GREEK_WORDS or word in _ARABIC_WORDS or word in _HEBREW_WORDS


def _blocked(text: str, start: int, end: int) -> bool:
    """A saint's, a street's or a firm's word around the name, or the name inside an e-mail or a handle."""
    before = text[max(0, start - 24):start]
    if _BEFORE.search(before) or before.endswith(("@", "/", "#", "_", "-", "„", "«", '"', "“")):
        return True
    return _FIRM_AFTER.match(text, end) is not None or text[end:end + 1] in ("@", "_", "-")


def _surname_cased(word: str, given: str) -> bool:
    if _given_cased(word) and word not in _CYRILLIC_WORDS and word not in _GREEK_WORDS:
        return True
    if word.isupper() and len(word) > 1 and not given.isupper():
        return False
    greek = re.match(f"[{_EL}]", word) is not None
    return greek == (re.match(f"[{_EL}]", given) is not None) and len(word) >= 3


def _answer_line(text: str, start: int, end: int) -> bool:
    """Whether the words are a line's whole answer: after the line's start or a speaker's label, before the line's end,
    a comma or a full stop ("Клієнт: Мельник Андрій")."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return _LABEL_BEFORE.fullmatch(line) is not None and _LINE_ALONE_AFTER.match(text, end) is not None


def _alone_ok(text: str, start: int, end: int) -> bool:
    """Where a given name stands alone as a name: mid-sentence, alone on its line, closing the message, addressed at a
    line's start before a comma, or in brackets after a speaker's role."""
    before = text[max(0, start - 40):start]
    after = text[end:end + 3]
    if _ROLE.search(before) or before.endswith("("):
        return True
    if _LINE_ALONE_AFTER.match(text, end) and (before == "" or before.rstrip(" \t").endswith(("\n", ".", "!", ",", "?"))
                                                or before.rstrip(" \t") == ""):
        return True
    if (before == "" or before.endswith("\n")) and after.startswith(","):
        return True
    return _SENTENCE_START.search(before) is None


def _cased(text: str) -> Iterator[tuple[int, int]]:
    words = list(itertools.islice(_CASED_WORD.finditer(text), 400))
    taken_to = -1
    for i, match in enumerate(words):
        word = match.group()
        if match.start() < taken_to or not _given_cased(word):
            continue
        start, end = match.span()
        nxt = words[i + 1] if i + 1 < len(words) else None
        prev = words[i - 1] if i > 0 else None
        if nxt is not None and text[end:nxt.start()] in (" ", "\t") and _surname_cased(nxt.group(), word) \
                and nxt.group() not in _NOT_SURNAMES and (not _word_name(word) or _CY_SURNAME_END.search(nxt.group())
                                                          or _EL_SURNAME_END.search(nxt.group())):
            end = nxt.end()  # given name and surname
            third = words[i + 2] if i + 2 < len(words) else None
            if third is not None and text[end:third.start()] in (" ", "\t") and third.group() not in _NOT_SURNAMES \
                    and (_PATRONYMIC_END.search(nxt.group()) or _CY_SURNAME_END.search(nxt.group())
                         and _CY_SURNAME_END.search(third.group())):
                end = third.end()  # "Ольга Дмитриевна Кузнецова", "Мария Петрова Георгиева"
        elif prev is not None and prev.end() > taken_to and text[prev.end():start] in (" ", "\t") \
                and not _given_cased(prev.group()) and prev.group() not in _NOT_SURNAMES \
                and (_CY_SURNAME_END.search(prev.group()) or _EL_SURNAME_END.search(prev.group())
                     or _answer_line(text, prev.start(), end)):
            start = prev.start()  # surname and given name ("Коваленко Ігор")
        elif _GIVEN_INITIAL.match(text, end) and not _word_name(word):
            end += 2  # a given name and a surname's initial ("Айгерим Б.")
        elif _word_name(word) or not _alone_ok(text, start, end):
            continue
        if _blocked(text, start, end):
            continue
        taken_to = end
        yield start, end


# an initial and a surname ("Д. Йорданов", "Α. Κωνσταντίνου"); not the letters that shorten a place's or a street's
# word (Cyrillic С. село, Г. град, М. місто, П. площадь, Ж.к., Greek Λ. Λεωφόρος, Ο. οδός, Π. πλατεία)
_INITIAL = re.compile(rf"(?<![^\W\d_])([А-ЯЁІЇЄҐЈЉЊЋЏΑ-ΩΆΈΉΊΌΎΏ])\.[ \t]?([А-ЯЁІЇЄҐЈЉЊЋЏΑ-ΩΆΈΉΊΌΎΏ][{_CY}{_EL}]{{3,24}})"
                      rf"(?![{_CY}{_EL}\w.])")
_NUMBER_AFTER = re.compile(r"[ \t]{1,2}\d")
_GIVEN_INITIAL = re.compile(r" [А-ЯЁІЇЄҐЈЉЊЋЏΑ-ΩΆΈΉΊΌΎΏ]\.(?![^\W\d_])")
_NOT_INITIALS = frozenset("\u0421\u0413\u041c\u041f\u0416\u039b\u039f\u03a0")  # Cyrillic С Г М П Ж, Greek Λ Ο Π
_EL_INITIAL_SURNAME_END = re.compile(r"(?:ου|ίδης|ίδη|άκης|άκη|όπουλος|οπούλου|ιάδης|ίδου|άτος|έας)\Z")
_CY_INITIAL_SURNAME_END = re.compile(r"(?:енко|чук|юк|ов|ова|ев|ева|ин|ина|ский|ская|цкий|цкая|ський|ська|вич|ић)\Z")


def _initials(text: str) -> Iterator[tuple[int, int]]:
    for match in itertools.islice(_INITIAL.finditer(text), CAP):
        letter, surname = match.group(1), match.group(2)
        if letter in _NOT_INITIALS or surname in _NOT_SURNAMES or surname.isupper() \
                or _NUMBER_AFTER.match(text, match.end()):  # "Н. Вапцаров 10": a street
            continue
        if (_CY_INITIAL_SURNAME_END.search(surname) if re.match(f"[{_CY}]", surname)
                else _EL_INITIAL_SURNAME_END.search(surname)) and not _blocked(text, match.start(), match.end()):
            yield match.span()


def _uncased_pair(word: str, second: str) -> bool:
    if word in _ARABIC_NAMES:
        if second in _AR_NOT_SECOND:
            return False
        return second in _ARABIC_NAMES or \
            (second.startswith("ال") and len(second) >= 5 and (second.endswith(("ي", "ی")) or second in _AR_FAMILIES)
             and second not in _AR_ADJECTIVES)
    if word in _HEBREW_NAMES:
        return second in _HEBREW_SURNAMES or second in _HEBREW_NAMES
    if word in _GEORGIAN_NAMES:
        return _KA_SURNAME_END.search(second) is not None and len(second) >= 4
    if word in _ARMENIAN_NAMES:
        return _HY_SURNAME_END.search(second) is not None and len(second) >= 4 and second[0].isupper()
    return False


def _alone_uncased(text: str, start: int, end: int) -> bool:
    """A speaker's label ("فيصل: …", "ريم (…): …", "الموظف فيصل: …"), the name after an agent's role word, or the
    message's last line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if _ROLE.search(text[max(0, start - 30):start]):
        return True
    if before.strip(" \t") == "" and re.match(r"[ \t]{0,2}(?::|\([^()\n]{1,40}\)[ \t]{0,2}:)", text[end:end + 48]):
        return True
    return before.strip(" \t") == "" and text[end:].strip(" \t\r\n.!") == ""


def _uncased(text: str) -> Iterator[tuple[int, int]]:
    words = list(itertools.islice(_UNCASED_WORD.finditer(text), 600))
    taken_to = -1
    for i, match in enumerate(words):
        word = match.group()
        core = word[1:] if word[:1] in "لب" and word[1:] in _ARABIC_NAMES and word not in _ARABIC_NAMES else word
        if match.start() < taken_to or not (core in _ARABIC_NAMES or core in _HEBREW_NAMES
                                            or core in _GEORGIAN_NAMES or core in _ARMENIAN_NAMES):
            continue
        start, end = match.start() + len(word) - len(core), match.end()
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and text[end:nxt.start()] in (" ", "\t") and _uncased_pair(core, nxt.group()) and \
                (not _word_name(core) or nxt.group() in _HEBREW_SURNAMES
                 or (nxt.group() in _ARABIC_NAMES or nxt.group() in _HEBREW_NAMES) and not _word_name(nxt.group())):
            end = nxt.end()
        elif core != word or _word_name(core) or not _alone_uncased(text, start, end):
            continue
        if _blocked(text, start, end):
            continue
        taken_to = end
        yield start, end


_ANY = re.compile(f"[{_CY}{_EL}{_AR}{_HE}{_KA}{_HY}]")


def _names_of(text: str) -> list[tuple[int, int]]:
    text = text[:_MAX_TEXT]
    if _ANY.search(text) is None:
        return []
    found = itertools.chain(_cased(text), _initials(text), _uncased(text))
    return [(s, e) for _, s, e, _ in pii_found.unique_persons(found, CAP, _SCORE)]


def _gives_way(span: PiiSpan, start: int, end: int) -> bool:
    """A PERSON span inside the name or over part of it gives way; one holding it stands."""
    return span.kind == "PERSON" and not (span.start <= start and end <= span.end)


def with_script_given_names(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there."""
    found = _names_of(text)
    return pii_found.add_back(spans, found, keep, _gives_way, _SCORE) if found else spans
