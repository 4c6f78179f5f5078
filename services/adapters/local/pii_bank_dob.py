"""Bank details and dates of birth in the forms the older rules miss (session 25, second pass).

- **Payment handles that are an account's address**: an Indian UPI id (``name.surname92@okicici``, ``shop@ybl``: a
  handle at a payment app's code, not a mail domain), also said aloud ("nitin dot kale eight two at okaxis").
- **National account numbers by their check digits**: a Polish NRB (26 digits, the IBAN's mod-97 check with "PL"),
  anywhere; a Mexican CLABE (18 digits, weights 3-7-1) in a message that names a CLABE or a transfer.
- **An account number read aloud** after "account" in a message about a bank transfer (routing, transit, institution,
  sort code, BSB, IFSC).
- **A date of birth given as the answer**: after a date-of-birth cue in nine languages ("date of birth?",
  "fecha de nacimiento", "geboortedatum", "data di nascita", "wann sind Sie geboren", "(°…"), the first date of the
  answer — written with digits or month names ("04-Sep-1988", "14 de marzo del 95"), or in words, compound number
  words included ("veertien juli negentienzesentachtig", "neunzehnten elften neunzehnhundertsiebenundfünfzig",
  "eleven fourteen fifty eight").
- **Since session 39, dates of birth in more forms and languages**: the cue's names in some forty languages
  ("doğum tarihiniz", "tanggal lahir", "tarehe ya kuzaliwa", "ngày sinh", "születési idő", "Né(e) le", "дата рождения",
  "تاريخ الميلاد", "วันเกิด", "생년월일"…), "born" and its kin with the date within a few words of it in the same clause
  ("lahir 3 Agustus 1975", "(s. 3.8.1938)", "°22/01/1968"); more numeric layouts ("19. 2. 2003", "1994. 11. 03",
  "1981. július 9", "14 กุมภาพันธ์ 2531", native digits, a Buddhist-era or Devanagari Bikram Sambat year read back to
  ours for the not-this-year test); the number words and months of Turkish, Indonesian, Swahili, Vietnamese and
  Hungarian ("on iki mart seksen dört", "kumi na mbili mwezi wa nne…", "mười hai tháng ba năm chín lăm").
  Never taken: a date after "born" further on or past the clause ("born at the hospital on 4 March", "born 2019),
  booster Tue 15 Dec"), a year alone, a written date of last year or later (an appointment, a delivery, an invoice, a school
  start), a date after another date's word (appointment, order, delivery…) or a time's digits ("15 Dec 16:20").
- **Since session 42, more labels, era and spoken forms**: South Slavic, Baltic, Estonian, Icelandic and Albanian
  labels ("Datum rođenja", "Gimimo data", "dzimšanas datums"), a form's "date and place of birth" ("Datum a místo
  narození", "Date et lieu de naissance"), "geb. am", Lithuanian "gim.", "nata a <town> il", Urdu and Bengali words of
  a call ("tareekh e paidaish", "jonmo tarikh"); a Japanese era date ("昭和52年4月3日", "昭和六十二年四月九日"), a date
  against a Korean particle or a Japanese word ("2019.07.22이에요"); a date said in Hindi or Urdu (Latin letters or
  Devanagari: "baara march unnees sau unhattar", "बारह मार्च उन्नीस सौ नवासी"), Polish, Czech or Russian ("siódmego maja
  osiemdziesiątego dziewiątego", "pátého srpna osmdesát osm"), an Arabic, Persian or Catalan month between a day and a
  year ("١٤ رجب ١٤٠٨", "22 de març de 2024"). Never taken, as before: a date past the label's window or after another
  date's word, a date of last year or later, a "geb." (née) with no date right after it.

Every pattern is linear; the word reading is plain Python over a bounded window.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_ids

Found = tuple[str, int, int, float]  # kind, start, end, score

# payment apps' handles (the part after "@" of a UPI id): never a mail domain, which has a dot
_PSP = ("ybl|ibl|axl|okaxis|okhdfcbank|okhdfc|okicici|oksbi|paytm|pthdfc|ptsbi|ptaxis|ptyes|upi|apl|yapl|axisbank|hdfcbank|icici|"
        "sbi|kotak|pnb|boi|cnrb|barodampay|freecharge|airtel|postbank|indus|federal|fbl|idfcbank|idfcfirst|rbl|yesbank|"
        "uco|unionbank|aubank|kbl|kvb|jio|abfspay|nsdl|waaxis|wahdfcbank|wasbi|waicici|ikwik|jupiteraxis|superyes|"
        "naviaxis|axisb|icicipay|sliceaxis")
_UPI = re.compile(rf"(?<![\w.@+-])[A-Za-z0-9][\w.-]{{0,50}}@(?i:{_PSP})(?![\w@-]|\.[A-Za-z])")
_SPOKEN_UPI = re.compile(rf"(?i:[ \t]at[ \t](?:the[ \t]rate[ \t](?:of[ \t])?)?(?:{_PSP}))(?![\w@-])")
# a handle typed in one token before a spoken " at ": letters first, its digits last ("rakeshyadav88")
_TYPED_HANDLE = re.compile(r"(?<![\w.@-])[A-Za-z][A-Za-z0-9._]{1,40}\d\Z")
_HANDLE_JOIN = frozenset(("dot", "underscore", "hyphen", "dash"))
_NRB = re.compile(r"(?<![\w.,/-])\d\d(?:[ \t]?\d){24}(?![\w/-]|[ \t]?\d|[.,]\d)")
_CLABE = re.compile(r"(?<![\w.,/-])\d{3}[ \t]?\d{3}[ \t]?\d{11}[ \t]?\d(?![\w/-]|[.,]\d)")
_CLABE_CUE = re.compile(r"(?i:clabe|spei|transfer|cuenta|dep[óo]sit)")
_SPOKEN_ACCOUNT = re.compile(r"(?i:\b(?:account|acct|acc)(?:[ \t](?:number|no))?(?:[ \t](?:is|it's|its|was))?[ \t:,]{1,3})")
_BANK_CUE = re.compile(r"(?i:routing|transit|institution|sort[ \t]code|\bbsb\b|\bifsc\b|\bbank\b|direct[ \t]deposit)")

# the names of a date of birth that pii_rules' DOB_BEFORE_CUE reads after a date too ("12/03/1985 (date of birth)")
DOB_WORDS = (r"date[ \t]of[ \t]birth|d\.?o\.?b\.?|birth[ \t]?date|birthday|fecha[ \t]de[ \t]nacimiento|"
             r"date[ \t]de[ \t]naissance|geburtsdatum|data[ \t]di[ \t]nascita|data[ \t]de[ \t]nascimento|"
             r"geboortedatum")
# since session 39: a date of birth's names in the other languages our messages come in (a whole word each), whose
# date may stand up to 45 characters on or open the next speaker's answer ("doğum tarihiniz\nMüşteri: on iki mart…")
_WORLD_LABELS = (
    r"b-?day|date[ \t]a[ \t]birth|geb\.?-?datum|data[ \t]e[ \t]luogo[ \t]di[ \t]nascita|születési[ \t]hely,?[ \t]idő|fecha[ \t]nacimiento|f\.[ \t]?nac\.|data[ \t]nasc\.?|data[ \t]de[ \t]naixement|"
    r"data[ \t]urodzenia|fødselsdato|födelsedatum|syntymäaika|születési[ \t](?:dátum(?:a|át)?|idő)|szül\.[ \t]idő|"
    r"datum[ \t]narozen[íi]|dátum[ \t]narodenia|datum[ \t]rojstva|data[ \t]na[șs]terii|"
    r"doğum[ \t]tarih(?:i|iniz|inizi|in)?|tanggal[ \t]lahir(?:nya)?|tgl\.?[ \t]lahir|tarikh[ \t]lahir|"
    r"tarehe[ \t]ya[ \t]kuzaliwa|ng[àa]y[ \t]sinh|janam[ \t]tithi|itariki[ \t]y['’]amavuko|"
    r"petsa[ \t]ng[ \t]kapanganakan|dáta[ \t]breithe|дат[аиуы][ \t]рождения|дат[аиуі][ \t]народження|дата[ \t]на[ \t]раждане|"
    r"ημερομηνία[ \t]γέννησης|ημ\.[ \t]?γέννησης|و?تاريخ[ \t]ال?ميلاد|و?تاريخ[ \t]ميلادك|تاریخ[ \t]تولد|ו?תאריך[ \t]לידה|"
    # since session 42: South Slavic, Baltic, Icelandic and Albanian labels, a form's "date and place of birth", the
    # Bengali and Urdu words of a spoken call ("ar jonmo tarikh?", "tareekh e paidaish")
    r"datum[ \t]ro[đd]j?enja|датум[ \t]рођења|gimimo[ \t]data|dzimšanas[ \t]datums|sünniaeg|sünnikuupäev|"
    r"fæðingardag(?:ur)?|datëlindja|data[ \t]e[ \t]lindjes|datum[ \t]a[ \t]místo[ \t]narozen[íi]|"
    r"dátum[ \t]a[ \t]miesto[ \t]narodenia|date[ \t]et[ \t]lieu[ \t]de[ \t]naissance|lieu[ \t]et[ \t]date[ \t]de[ \t]naissance|"
    r"fecha[ \t]y[ \t]lugar[ \t]de[ \t]nacimiento|luogo[ \t]e[ \t]data[ \t]di[ \t]nascita|"
    r"data[ \t]e[ \t]local[ \t]de[ \t]nascimento|jonmo[ \t]?tarikh|janmo[ \t]?tarikh|janam[ \t]tar[ie]e?kh|"
    r"tar[ie]e?kh[ \t-]e[ \t-]paidaish|paidaa?ish")
# the same names in scripts whose words hold combining marks (no word boundary to lean on)
_MARKED_LABELS = r"วันเกิด|เกิดวันที่|জন্ম[ \t]?তারিখ|जन्म[ \t]?तिथि|जन्म[ \t]मिति|பிறந்த[ \t]தேதி|생년월일|生年月日|出生日期"
# "born" and its kin: the date must follow within a few words ("born on 3 May 1990", "né(e) le : 12/07/1984", "lahir
# 3 Agustus 1975", "(s. 3.8.1938)", "°22/01/1968"), never a date further on ("born at the Delta hospital on 4 March",
# "born 2019), booster Tue 15 Dec") nor the next speaker's
_WORLD_VERBS = (
    r"born|geboren(?:[ \t](?:am|op))?|n[ée]e?(?:\(e\))?[ \t]le|nacid[oa][ \t]el|naci[óo][ \t]el|nascid[oa][ \t]em|"
    r"nat[oa][ \t]il|nascud[ao][ \t]el|urodzon[ya]|født|född|fødd|syntynyt|született|szül\.|nar\.|narozen[áa]?|naroden[áa]?|"
    r"rojen(?:a|e|ega|o)?|n[ăa]scut[ăa]?|lahir|alizaliwa|sinh[ \t]ng[àa]y|родил(?:ся|ась)|народи(?:вся|лася|лась)|"
    r"роден(?:а|о)?|γεννήθηκε|مواليد|נולד(?:ה|תי)?|"
    # since session 42: "geb. am", Lithuanian "gim.", South Slavic and Latvian "born", Italian "nata a <town> il"
    r"geb\.(?:[ \t]am)?|gim\.|gimęs|gimusi|ro[đd]j?en[ao]?|dzimis|dzimusi|nat[oa][ \t]a")
_DOB_CUE = re.compile(
    rf"(?i:\b(?:{DOB_WORDS})(?![^\W\d_])|data[ \t]urodzenia|wann[ \t]sind[ \t]sie[ \t]geboren|"
    rf"when[ \t]were[ \t]you[ \t]born)|\(°|(?i:(?<![^\W\d_])(?:{_WORLD_LABELS})(?![^\W\d_]))|{_MARKED_LABELS}|"
    rf"(?P<verb>(?i:(?<![^\W\d_])(?:{_WORLD_VERBS})(?![^\W\d_]))|(?<![\w°])°(?=[ \t]?\d)|\(s\.[ \t]?(?=\d))")
_THAI_MONTHS = ("มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|"
                "ธันวาคม")
_HINDI_MONTHS = ("जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|"
                 "दिसम्बर")
_SINO_KOREAN = "[일이삼사오육칠팔구십백천]"  # "팔십오년 구월 이일", the numbers a Korean date is said in ("시월", "유월")
# since session 42: a Japanese era date ("昭和52年4月3日", "昭和六十二年四月九日", "平成元年…"), a word may stand right before it
# ("生年月日は昭和…"); a Hindi date said in Devanagari words ("बारह मार्च उन्नीस सौ नवासी": day, month, the year's hundreds)
_KANJI_NUMBER = "(?:\\d{1,2}|[一二三四五六七八九十]{1,3})"
_JP_ERA_DATE = rf"(?:明治|大正|昭和|平成|令和)[ \t]?(?:{_KANJI_NUMBER}|元)年[ \t]?{_KANJI_NUMBER}月[ \t]?{_KANJI_NUMBER}日"
_HI_WORD = "[\u0900-\u097f]{2,14}"
_HI_SPOKEN_DATE = rf"{_HI_WORD}[ \t](?:{_HINDI_MONTHS})[ \t](?:उन्नीस[ \t]सौ|दो[ \t]हज़?ार)(?:[ \t]{_HI_WORD})?"
_NUMERIC_DATE = re.compile(
    rf"(?:{_JP_ERA_DATE}|(?<![\w./-]){_HI_SPOKEN_DATE}|"
    r"(?:(?<![\w./-])|(?<=[\u3040-\u30ff\uac00-\ud7a3]))(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}[ .-]{0,2}[^\W\d_]{3,10}\.?[ ,-]{1,3}(?:de[ \t]|del[ \t])?(?:\d{4}|\d{2})|"
    r"\d{1,2}[ \t]de[ \t][^\W\d_]{3,10}[ \t]de(?:l)?[ \t](?:\d{4}|\d{2})|"
    r"[^\W\d_]{3,10}\.?[ \t]\d{1,2}(?:st|nd|rd|th)?,?[ \t]\d{4}|"
    # since session 39: spaced dots ("19. 2. 2003"), the year first ("1994. 11. 03", "2015/03/12", "1981. július 9"),
    # a Thai or Hindi month's name, the CJK and Korean layouts ("1985年9月2日", "1985년 9월 2일", "팔십오년 구월 이일");
    # native digits read as digits
    r"\d{1,2}\.[ \t]\d{1,2}\.[ \t]?\d{4}|\d{4}[./][ \t]?\d{1,2}[./][ \t]?\d{1,2}|\d{4}\.?[ \t][^\W\d_]{3,12}[ \t]\d{1,2}|"
    rf"\d{{1,2}}[ \t](?:{_THAI_MONTHS}|{_HINDI_MONTHS})[ \t]\d{{4}}|"
    rf"{_SINO_KOREAN}{{1,8}}년[ \t]?(?:{_SINO_KOREAN}{{1,3}}|시|유)월[ \t]?{_SINO_KOREAN}{{1,3}}일|\d{{4}}[年년][ \t]?\d{{1,2}}[月월][ \t]?\d{{1,2}}[日일]))"
    # a particle may follow a Korean day ("이일이요"), and since session 42 a date's last digit ("2019.07.22이에요")
    r"(?:(?<=[日일])|(?<=\d)(?=[\u3040-\u30ff\uac00-\ud7a3])|(?![\w/]|[.:-]\d))")

_MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre",
    "noviembre", "diciembre", "janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
    "septembre", "octobre", "novembre", "décembre", "januar", "jänner", "februar", "märz", "juni", "juli", "oktober",
    "dezember", "januari", "februari", "maart", "mei", "augustus", "gennaio", "febbraio", "aprile", "maggio",
    "giugno", "luglio", "settembre", "ottobre", "dicembre", "janeiro", "fevereiro", "março", "maio", "junho", "julho",
    "setembro", "outubro", "dezembro",
    # since session 39: Hungarian, Romanian, Turkish, Indonesian, Swahili, Hebrew (with its "in"), and the words
    # "month" of Vietnamese and Swahili that stand for a month's name ("tháng ba", "mwezi wa nne")
    "január", "február", "március", "április", "május", "június", "július", "augusztus", "szeptember", "október",
    "ianuarie", "februarie", "martie", "aprilie", "iunie", "iulie", "septembrie", "octombrie", "noiembrie",
    "decembrie", "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım",
    "aralık", "maret", "agustus", "desember", "machi", "aprili", "julai", "agosti", "septemba", "oktoba", "novemba",
    "desemba", "בינואר", "בפברואר", "במרץ", "באפריל", "במאי", "ביוני", "ביולי", "באוגוסט", "בספטמבר", "באוקטובר",
    "בנובמבר", "בדצמבר", "tháng", "mwezi",
    # since session 42: the months of a date said in Polish, Czech and Russian (the genitive: "siódmego maja",
    # "pátého srpna", "девятнадцатое октября")
    "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
    "listopada", "grudnia", "ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září",
    "října", "listopadu", "prosince", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
    "сентября", "октября", "ноября", "декабря", "gener", "febrer", "març", "maig", "juny", "juliol", "agost",
    "desembre",  # and Catalan's ("nascuda el 22 de març de 2024")
    # and the one-word months of Arabic (Hijri, Egyptian and Levantine names) and Persian, between a day and a year in
    # digits ("١٤ رجب ١٤٠٨", "۱۲ مهر ۱۳۶۵")
    "محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال", "يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو",
    "يونيو", "يوليو", "أغسطس", "اغسطس", "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "شباط", "آذار", "نيسان",
    "أيار", "حزيران", "تموز", "أيلول", "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان",
    "آذر", "بهمن", "اسفند"))
# the pieces number words are made of, in en/de/nl/it/pt/es/fr ("negentien|zes|en|tachtig", "neun|zehn|ten")
_MORPHEMES = frozenset((
    "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thir", "fif", "teen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "first", "second", "third", "th", "ieth", "eth", "twelf", "fifth", "sixth", "eighth", "ninth", "tenth",
    "null", "eins", "ein", "eine", "zwei", "zwo", "drei", "vier", "fünf", "sechs", "sech", "sieben", "sieb", "acht",
    "neun", "zehn", "elf", "zwölf", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
    "neunzig", "hundert", "tausend", "und", "ten", "sten", "te", "ter", "ersten", "erste", "dritten", "dritte",
    "nul", "een", "één", "twee", "drie", "vijf", "zes", "zeven", "negen", "tien", "twaalf", "dertien", "veertien",
    "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd", "duizend", "en",
    "ën", "de", "ste",
    "uno", "una", "due", "tre", "tré", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci", "undici", "dodici",
    "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove", "venti", "vent", "trenta",
    "trent", "quaranta", "quarant", "cinquanta", "cinquant", "sessanta", "sessant", "settanta", "settant", "ottanta",
    "ottant", "novanta", "novant", "cento", "mille", "mila", "primo",
    "um", "dois", "duas", "três", "tres", "quatro", "cinco", "seis", "sete", "oito", "dez", "onze", "doze", "treze",
    "catorze", "quatorze", "quinze", "dezesseis", "dezasseis", "dezessete", "dezassete", "dezoito", "dezenove",
    "dezanove", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa", "cem", "mil",
    "primeiro", "cuatro", "siete", "ocho", "nueve", "diez", "doce", "trece", "catorce", "dieciséis", "dieci", "veinte",
    "veinti", "treinta", "cuarenta", "cincuenta", "sesenta", "ochenta", "cien", "ciento", "primero",
    "deux", "trois", "cinq", "sept", "huit", "neuf", "dix", "douze", "treize", "quatorze", "seize", "vingt", "trente",
    "quarante", "cinquante", "soixante", "cent", "premier",
    # since session 39: Turkish ("on" only before a unit, see _word_date), Indonesian, Swahili, Vietnamese, Hungarian
    "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz", "yirmi", "otuz", "kırk", "elli", "altmış",
    "yetmiş", "seksen", "doksan", "yüz", "bin",
    "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas", "belas",
    "puluh", "ratus", "seratus", "ribu", "seribu",
    "moja", "mbili", "tatu", "nne", "tano", "sita", "saba", "nane", "tisa", "kumi", "ishirini", "thelathini",
    "arobaini", "hamsini", "sitini", "sabini", "themanini", "tisini", "mia", "elfu",
    "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "trăm",
    "nghìn", "ngàn", "linh", "lẻ",
    "egy", "kettő", "két", "három", "négy", "öt", "hat", "hét", "nyolc", "kilenc", "tíz", "tizen", "húsz", "huszon",
    "harminc", "negyven", "ötven", "hatvan", "hetven", "nyolcvan", "kilencven", "száz", "ezer"))
# since session 42: number words read whole only, never as pieces of a longer word ("assi" is no part of "assistente"):
_WHOLE_NUMBER_WORDS = frozenset((
    # Hindi and Urdu said in Latin letters ("baara march unnees sau unhattar", "nau march do hazaar
    # teis"), in the spellings a call's transcript gives them; none that is an English or German word ("sat", "bis")
    "ek", "teen", "chaar", "char", "paanch", "panch", "chhe", "chhah", "saat", "aath", "nau", "das", "dus",
    "gyarah", "gyaarah", "gyara", "baarah", "barah", "baara", "terah", "chaudah", "chauda", "pandrah", "pandra",
    "solah", "satrah", "atharah", "athaarah", "athara", "unnees", "unees", "unnis", "bees", "ikkees", "ikkis", "baees",
    "bais", "teis", "chaubees", "chobees", "pachchees", "pachees", "chhabbees", "chabbis", "sattaees", "sattais",
    "atthaees", "atthais", "untees", "untis", "tees", "iktees", "battees", "taintees", "tetis", "chauntees",
    "paintees", "chhattees", "saintees", "sentis", "adtees", "artees", "untaalees", "chaalees", "chalis", "iktaalees",
    "bayaalees", "taintaalees", "chavaalees", "paintaalees", "chhiyaalees", "saintaalees", "adtaalees", "unchaas",
    "pachaas", "pachas", "ikyaavan", "baavan", "tirpan", "chauvan", "pachpan", "chhappan", "sattaavan", "atthaavan",
    "unsath", "saath", "iksath", "baasath", "basath", "tirsath", "tresath", "chausath", "painsath", "chhiyaasath",
    "sadsath", "adsath", "unhattar", "sattar", "ikhattar", "bahattar", "tihattar", "chauhattar", "pachhattar",
    "chhihattar", "satattar", "athhattar", "atthattar", "unnaasi", "unasi", "assi", "ikyaasi", "bayaasi", "tiraasi",
    "chauraasi", "pachaasi", "chhiyaasi", "sattaasi", "atthaasi", "nawaasi", "navaasi", "nawasi", "nabbe", "nabbay",
    "navve", "nawway", "nabbey", "ikyaanave", "baanave", "tiranave", "chauraanave", "pachaanave", "chhiyaanave",
    "sattaanave", "atthaanave", "ninyaanave", "sau", "hazaar", "hazar", "hajar",
    # and the day's and year's words of a Polish, Czech or Russian date ("siódmego maja osiemdziesiątego dziewiątego",
    # "pátého srpna osmdesát osm", "девятнадцатое октября восемьдесят первого")
    "pierwszego", "drugiego", "trzeciego", "czwartego", "piątego", "szóstego", "siódmego", "ósmego", "dziewiątego",
    "dziesiątego", "jedenastego", "dwunastego", "trzynastego", "czternastego", "piętnastego", "szesnastego",
    "siedemnastego", "osiemnastego", "dziewiętnastego", "dwudziestego", "trzydziestego", "czterdziestego",
    "pięćdziesiątego", "sześćdziesiątego", "siedemdziesiątego", "osiemdziesiątego", "dziewięćdziesiątego",
    "dwutysięcznego", "tysiąc", "tysiąca", "dziewięćset", "dwa", "tysiące",
    "prvního", "druhého", "třetího", "čtvrtého", "pátého", "šestého", "sedmého", "osmého", "devátého", "desátého",
    "jedenáctého", "dvanáctého", "třináctého", "čtrnáctého", "patnáctého", "šestnáctého", "sedmnáctého",
    "osmnáctého", "devatenáctého", "dvacátého", "třicátého", "jedna", "dvě", "tři", "čtyři", "pět", "šest", "sedm",
    "osm", "devět", "devatenáct", "dvacet", "třicet", "čtyřicet", "padesát", "šedesát", "sedmdesát", "osmdesát",
    "devadesát", "tisíc", "tisíce",
    "первое", "второе", "третье", "четвёртое", "четвертое", "пятое", "шестое", "седьмое", "восьмое", "девятое",
    "десятое", "одиннадцатое", "двенадцатое", "тринадцатое", "четырнадцатое", "пятнадцатое", "шестнадцатое",
    "семнадцатое", "восемнадцатое", "девятнадцатое", "двадцатое", "тридцатое", "двадцать", "тридцать", "тысяча",
    "девятьсот", "две", "тысячи", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто",
    "первого", "второго", "третьего", "четвёртого", "четвертого", "пятого", "шестого", "седьмого", "восьмого",
    "девятого", "десятого", "двадцатого", "тридцатого", "сорокового", "пятидесятого", "шестидесятого",
    "семидесятого", "восьмидесятого", "девяностого", "двухтысячного"))
# the Turkish units that make "on" (ten) a number ("on iki mart"): alone it is the English "on" of "born on"
_TR_TEENS = re.compile(r"(?i:[ \t](?:bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz)(?![^\W\d_]))")
_LONGEST = max(len(m) for m in _MORPHEMES)
_DATE_JOINERS = frozenset(("de", "del", "do", "of", "the", "e", "y", "und", "en", "le", "el", "am", "on", "il",
                           "na", "wa", "mwaka", "tahun", "a", "set", "roku", "года"))  # "fifth a June ninety one", "devatenáct set"
_CLAUSE_END = re.compile(r"[)\n;]|[.!?](?:[ \t]|$)")
_WORD = re.compile(r"[^\W\d_]{1,45}|(?<![\w/.:-])\d{1,4}(?![\w/]|[.:-]\d)")  # not a time's digits ("16:20")
# words between a date-of-birth cue and a date that say the date is another one
_OTHER_DATE = re.compile(r"(?i:appointment|order|deliver|booking|expir|issued|since|until|ticket|flight|arriv|"
                         r"depart|visit|termin|cita|rendez|consulta|abfahrt|lieferung|bestell|pedido|commande)")


@functools.lru_cache(maxsize=4096)
def _number_word(word: str) -> bool:
    """A word made wholly of number pieces ("negentienzesentachtig"), or a short one ("fifty")."""
    if word in _MORPHEMES or word in _WHOLE_NUMBER_WORDS:
        return True
    if len(word) < 6:
        return False
    ok = [True] + [False] * len(word)
    for i in range(len(word)):
        if ok[i]:
            for j in range(i + 2, min(len(word), i + _LONGEST) + 1):
                if word[i:j] in _MORPHEMES:
                    ok[j] = True
    return ok[-1]


def _word_date(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The first run of number words and month names in text[start:stop] that reads as a date."""
    run: list[tuple[int, int, str]] = []  # (start, end, role)
    best = None
    for m in _WORD.finditer(text, start, min(len(text), stop + 80)):  # a date that starts in the window may end past it
        if not run and m.start() >= stop:
            break
        word = m.group().lower()
        gap = text[run[-1][1]:m.start()] if run else ""
        if run and (len(gap) > 3 or gap.strip(" \t,-")):
            best = _date_of(text, run) or best
            if best:
                return best
            run = []
        if word in _MONTHS:
            run.append((m.start(), m.end(), "month"))
        elif word == "on" and _TR_TEENS.match(text, m.end()):
            run.append((m.start(), m.end(), "number"))
        elif word.isdigit() or _number_word(word):
            run.append((m.start(), m.end(), "number"))
        elif run and word in _DATE_JOINERS:
            run.append((m.start(), m.end(), "joiner"))
        else:
            best = _date_of(text, run)
            if best:
                return best
            run = []
    return _date_of(text, run)


def _date_of(text: str, run: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    while run and run[-1][2] == "joiner":
        run = run[:-1]
    numbers = sum(1 for *_, role in run if role == "number")
    months = sum(1 for *_, role in run if role == "month")
    if not months and all(role != "number" or text[a:b].isdigit() for a, b, role in run):
        return None  # digits alone are the numeric reader's, not a date in words
    if (months and numbers) or numbers >= 3:
        return run[0][0], run[-1][1]
    return None


def _answer_window(text: str, start: int) -> tuple[int, int]:
    """Where the answer to a cue ending at ``start`` lies: to the end of the next speaker's turn, else 45 characters
    with no word of another date between."""
    first = pii_ids.SPEAKER_AHEAD.search(text, start, min(len(text), start + 120))
    if not first:
        stop = min(len(text), start + 45)
        other = _OTHER_DATE.search(text, start, stop)
        return start, other.start() if other else stop
    second = pii_ids.SPEAKER_AHEAD.search(text, first.end(), min(len(text), first.end() + 120))
    return first.end(), second.start() if second else min(len(text), first.end() + 100)


def _handle_before(text: str, at: int) -> int:
    """Start of a UPI handle said aloud that ends at ``at`` ("nitin dot kale eight two"), or -1."""
    typed = _TYPED_HANDLE.search(text, max(0, at - 45), at)  # since session 42: "vikramjoshi88 at okicici"
    if typed:
        return typed.start()
    words = list(re.finditer(r"[^\W\d_]{1,20}", text[max(0, at - 120):at]))
    offset = max(0, at - 120)
    i = len(words) - 1
    while i >= 0 and words[i].group().lower() in pii_ids.DIGIT_WORDS:
        i -= 1  # the digits at the handle's end
    if i < 0:
        return -1
    first = i
    while first >= 2 and words[first - 1].group().lower() in _HANDLE_JOIN:
        first -= 2
    if first == i and i == len(words) - 1:
        return -1  # one plain word before "at": "meet at ybl…" is not a handle
    return offset + words[first].start()


def _nrb_ok(digits: str) -> bool:
    return int(digits[2:] + "2521" + digits[:2]) % 97 == 1  # PL = 25 21


def _clabe_ok(digits: str) -> bool:
    total = sum(int(d) * w % 10 for d, w in zip(digits[:17], [3, 7, 1] * 6, strict=False))
    return (10 - total % 10) % 10 == int(digits[17])


def find_bank_and_birth(text: str) -> Iterator[Found]:
    """The forms of the module's docstring."""
    if "@" in text:
        for m in _UPI.finditer(text):
            yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    low = text.lower()
    if " at " in low:
        for m in _SPOKEN_UPI.finditer(text):
            begin = _handle_before(text, m.start())
            if begin >= 0:  # a handle typed in one token scores above the name a name rule reads in its letters
                typed = not any(c.isspace() for c in text[begin:m.start()])
                yield "BANK_ACCOUNT", begin, m.end(), 0.95 if typed else 0.8
    digits_in = sum(c.isdigit() for c in text)
    if digits_in >= 18:
        for m in _NRB.finditer(text):
            digits = re.sub(r"\D", "", m.group())
            if len(digits) == 26 and _nrb_ok(digits):
                yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
        if _CLABE_CUE.search(text):
            for m in _CLABE.finditer(text):
                digits = re.sub(r"\D", "", m.group())
                if _clabe_ok(digits):
                    yield "BANK_ACCOUNT", m.start(), m.end(), 0.85
    if "acc" in low and _BANK_CUE.search(text):
        for m in _SPOKEN_ACCOUNT.finditer(text):
            end = pii_ids.spoken_at(text, m.end())
            if end > 0:
                yield "BANK_ACCOUNT", m.end(), end, 0.8
    for m in itertools.islice(_DOB_CUE.finditer(text), 40):  # a message names a birth date a few times at most
        stop = min(len(text), m.end() + 45)  # the date right after its cue ("Date of birth: 1993-07-19") …
        other = _OTHER_DATE.search(text, m.end(), stop)
        if m.group("verb"):  # … right after "born" (since session 39), in the same clause
            close = _CLAUSE_END.search(text, m.end(), min(len(text), m.end() + 16))
            found = _date_in(text, m.end(), close.start() if close else min(len(text), m.end() + 16), near=True)
            if found:
                yield "DOB", found[0], found[1], 0.8
            continue
        found = _date_in(text, m.end(), other.start() if other else stop)
        if not found:  # … or the first date of the next speaker's answer
            found = _date_in(text, *_answer_window(text, m.end()))
        if found:
            yield "DOB", found[0], found[1], 0.8


def _date_in(text: str, begin: int, stop: int, near: bool = False) -> tuple[int, int] | None:
    """The first date of text[begin:stop] (in digits, with a month's name, or in words) that can be a birth date; a
    near one (after "born") starts in that window."""
    numeric = _NUMERIC_DATE.search(text, begin, stop + 40 if near else stop)
    if near and numeric and numeric.start() >= stop:
        numeric = None
    words = _word_date(text, begin, numeric.start() if numeric else stop)
    if words:
        return words
    if not numeric or not _has_month_or_digits(numeric.group()):
        return None
    years = [_common_era(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", numeric.group())]
    if any(y >= datetime.date.today().year - 1 for y in years):  # read per call: a server runs into a new year
        return None  # an expiry, an appointment or this year's date, not a birth
    return numeric.start(), numeric.end()


def _common_era(year: str) -> int:
    """A year in the common era: a Thai Buddhist-era year (2400 on) less 543, a Nepali Bikram Sambat year (more than
    ten years ahead of ours: the detector reads Devanagari digits as ASCII ones) less 57."""
    value = int(year)
    if value >= 2400:
        return value - 543
    if datetime.date.today().year + 10 < value < 2100:
        return value - 57
    return value


def _has_month_or_digits(value: str) -> bool:
    if re.search(_THAI_MONTHS, value) or re.search(_HINDI_MONTHS, value) or re.search(r"[年년]", value):
        return True
    letters = re.findall(r"[^\W\d_]{3,12}", value)
    return all(w.lower().rstrip(".") in _MONTHS or w.lower() in ("de", "del") for w in letters)
