"""Addresses as South-East and South Asia, the Middle East and Turkey write them (session 36, candidate 36-3, issue 21).

The street finders of ``pii_rules`` read the European and American order (number, street, town, postcode); the
layouts of these countries were missed or cut short at their first unknown word:

- Vietnamese: "số 27 ngõ 52 Tô Vĩnh Diện, Thanh Xuân, Hà Nội", "112/7 Nguyễn Thị Minh Khai, Phường 6, Quận 3,
  TP.HCM" (số / ngõ / ngách / hẻm / kiệt / đường / phố, then phường / quận / huyện / xã and the town);
- Indonesian and Malaysian: "Jl. Kenanga No. 14 RT 03/RW 07, Kel. Sukasari, Bogor 16142", "Perum Griya Asri Blok D2
  No. 7, Sidoarjo", "No 8, Jalan SS 2/64, 47300 Petaling Jaya, Selangor", "Lot 2231, Kampung Batu Tiga, Jalan Kuala
  Kangsar, Ipoh", also said in words ("jalan melati nomor tujuh rt tiga rw lima cempaka putih");
- Thai: "99/12 ซอยสุขุมวิท 50 แขวงพระโขนง เขตคลองเตย กรุงเทพฯ 10110" (หมู่บ้าน / ซอย / ถนน / แขวง / เขต / ต. / อ. / จ.);
- Indian in Devanagari, Tamil, Telugu and Bengali: "फ़्लैट 302, साई कृपा अपार्टमेंट, सेक्टर 21, नेरुल", "12, 3வது
  தெரு, காந்தி நகர்", "বাসা ২২, রোড ৭, ধানমন্ডি, ঢাকা"; and in Latin letters "H.No 2-14/3, Kukatpally, Hyderabad";
- Arabic, Persian and Urdu: "١٢ شارع الثورة، الدور الرابع شقة ٨", "قطعة ٣، شارع ١٥، منزل ٢٢، السالمية", "خیابان
  ولیعصر، کوچه نسترن، پلاک ۱۲", "مکان 17، گلی 4، …", and Egyptian Arabizi "12 sh. el nasr, el ma3adi, cairo";
- Turkish: "caferağa mahallesi moda caddesi no 41 daire 6 kadıköy istanbul", "Bahçelievler Mah. 7. Cad. No:41 D:9,
  Çankaya/Ankara".

:func:`find_asian_addresses` (a finder of ``pii_rules.find_all``) proposes one ADDRESS from the address's first
element to its town or postcode: it starts at a house number or a street, lane, block or unit word of the language,
then takes the parts that follow (separated by spaces or commas) while each is an address part of that language (a
lane, a ward, a district, a unit, a floor, a postcode) or a short name that is no word of a sentence (a stop-word list
per language ends it). A chain must hold a number (digits or number words) and a part word of its language, so a
street, shop, branch or landmark named alone stays kept; an order, tracking or meter number has no such words.

Every pattern is linear (bounded repeats, no nested quantifiers over the same characters); the chain walks forward
over at most a dozen parts from each start, and a message yields at most :data:`CAP` spans.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator

CAP = 24
_SCORE = 0.8
Found = tuple[str, int, int, float]

_MAX_PARTS = 12

# ---- shared helpers -----------------------------------------------------------------------------------------------
_LATIN_WORD = re.compile(r"[^\W\d_][\w'’]{0,30}(?:-[\w'’]{1,30}){0,2}")
_DIGITS = "0-9٠-٩۰-۹०-९০-৯௦-௯౦-౯๐-๙"
_DIGITS_SET = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹०१२३४५६७८९০১২৩৪৫৬৭৮৯௦௧௨௩௪௫௬௭௮௯౦౧౨౩౪౫౬౭౮౯๐๑๒๓๔๕๖๗๘๙"


def _words(text: str, pos: int, limit: int, ok: Callable[[str], bool]) -> int:
    """The end of up to ``limit`` Latin words from ``pos`` (one space or tab between) that ``ok`` accepts."""
    end = -1
    for _ in range(limit):
        m = _LATIN_WORD.match(text, pos)
        if m is None or not ok(m.group()):
            break
        end = m.end()
        if end < len(text) and text[end] in " \t" and end + 1 < len(text) and text[end + 1] not in " \t":
            pos = end + 1
        else:
            break
    return end


def _sep(text: str, pos: int, commas: str = ",") -> int:
    """Past the separator after a part: one or two spaces, or a comma (or "،", "/") and a space."""
    n = len(text)
    i = pos
    if i < n and text[i] in commas:
        i += 1
    j = i
    while j < n and j - i < 2 and text[j] in " \t":
        j += 1
    return j


# ==== Vietnamese =====================================================================================================
_VI_LANE = re.compile(r"(?i:ngõ|ngõ|ngách|ngách|hẻm|hẻm|kiệt|ngo|ngach|hem|kiet)[ \t]?\d{1,4}[A-Za-z]?(?:/\d{1,4}){0,3}"
                      r"(?![\w/])")
_VI_ADMIN_WORDS = (r"phường|phuong|p\.|quận|quan|q\.|huyện|huyen|h\.|xã|xa|thị[ \t]xã|thị[ \t]trấn|tx\.|tt\.|"
                   r"thành[ \t]phố|thanh[ \t]pho|tp\.?|tỉnh|tinh|tổ|khu[ \t]phố|kp\.|thôn|ấp|khu[ \t]đô[ \t]thị|kđt")
_VI_ADMIN = re.compile(rf"(?i:{_VI_ADMIN_WORDS})(?![^\W\d_])[ \t]?")
_VI_STREET = re.compile(r"(?i:đường|phố|duong|pho|đ\.)(?![^\W\d_])[ \t]?")
_VI_HCM = re.compile(r"(?i:tp\.?[ \t]?hcm|tp\.?[ \t]?hồ[ \t]chí[ \t]minh|hcmc|hà[ \t]nội|ha[ \t]noi|sài[ \t]gòn)(?![\w])")
_VI_START = re.compile(r"(?<![\w/.-])(?:(?i:số|so|sn|nhà[ \t]số|nhà)[ \t]?)?\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?){0,3}"
                       r"(?![\w/.,-]|,\d)")
_VI_STOP = frozenset("""và là của cho giúp em anh chị ạ nhé nha nhá ơi với thì mà để khi nếu được không chưa đã đang sẽ
gửi giao nhận số điện thoại sđt sdt tên người hàng đơn mã cảm ơn xin vui lòng""".split())


def _vi_cap(word: str) -> bool:
    return word[0].isupper() and word.lower() not in _VI_STOP


def _vi_part(text: str, pos: int) -> tuple[int, bool] | None:
    """The end of one Vietnamese part at ``pos`` and whether it is a part word (lane, ward, street word…)."""
    m = _VI_LANE.match(text, pos)
    if m:
        return m.end(), True
    m = _VI_HCM.match(text, pos)
    if m:
        return m.end(), True
    for word in (_VI_ADMIN, _VI_STREET):
        m = word.match(text, pos)
        if m:
            num = re.compile(r"\d{1,3}(?![\w])").match(text, m.end())
            if num:
                return num.end(), True
            end = _words(text, m.end(), 5, _vi_cap)
            if end > 0:
                return end, True
    end = _words(text, pos, 5, _vi_cap)
    return (end, False) if end > 0 else None


_VI_LETTERS = re.compile(r"(?i:[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]|(?<![\w])(?:ngo|hem|ngach)[ \t]\d)")


def _vietnamese(text: str) -> Iterator[tuple[int, int]]:
    if not _VI_LETTERS.search(text):
        return
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _VI_START.finditer(text):
        if m.start() < walked:
            continue
        end, parts, cue = _chain(text, m.end(), _vi_part)
        walked = end
        lead_cue = m.group().lower().startswith(("số", "so", "sn", "nhà"))
        if cue and (parts >= 2 or lead_cue):  # "size số 2 Màu Đen, Xanh" holds no part word
            yield m.start(), end


def _chain(text: str, pos: int, part: Callable[[str, int], tuple[int, bool] | None],
           commas: str = ",") -> tuple[int, int, bool]:
    """Walk over the parts after a start: (the end of the last part, how many parts, whether one was a part word)."""
    end, parts, cue = pos, 0, False
    for _ in range(_MAX_PARTS):
        nxt = _sep(text, end, commas)
        if nxt == end:
            break
        found = part(text, nxt)
        if found is None or found[0] <= nxt:
            break
        end, parts, cue = found[0], parts + 1, cue or found[1]
    return end, parts, cue


# ==== Indonesian and Malaysian =======================================================================================
_ID_NUMBER_WORDS = frozenset("""nol kosong satu dua tiga empat lima enam tujuh delapan lapan sembilan sepuluh sebelas
belas puluh ratus seratus""".split())
_ID_NUMWORDS = r"(?:" + "|".join(sorted(_ID_NUMBER_WORDS, key=lambda w: (-len(w), w))) + r")"
_ID_NO = re.compile(rf"(?i:no\.?|nomor|nombor|no:|nmr\.?)[ \t]?(?:\d{{1,4}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?){{0,2}}"
                    rf"(?![\w/])|{_ID_NUMWORDS}(?:[ \t]{_ID_NUMWORDS}){{0,3}}(?![\w]))")
_ID_RT = re.compile(rf"(?i:rt\.?)[ \t]?(?:\d{{1,3}}|{_ID_NUMWORDS})(?![\w])(?:(?:[ \t]?/[ \t]?|[ \t,]{{1,2}})(?i:rw\.?)"
                    rf"[ \t]?(?:\d{{1,3}}|{_ID_NUMWORDS})(?![\w]))?|(?i:rw\.?)[ \t]?\d{{1,3}}(?![\w])")
_ID_BLOK = re.compile(r"(?i:blok|blk\.?|block)[ \t]?[A-Z]{0,2}\d{1,3}[A-Z]?(?![\w])|(?i:blok|blk\.?)[ \t]?[A-Z](?![\w])"
                      r"|(?i:lot|unit|tingkat|lantai)[ \t]?\d{1,5}[A-Za-z]?(?:-\d{1,3}){0,2}(?![\w])")
_ID_STREET_WORDS = (r"jl\.|jln\.?|jalan|gg\.|gang|lorong|lrg\.?|persiaran|lebuh|lebuhraya|perum\.?|perumahan|"
                    r"komplek|kompleks|komp\.|taman|tmn\.?|kampung|kg\.|bandar|pangsapuri|residensi|kondominium|"
                    r"apartemen|desa|dusun|kelurahan|kel\.|kecamatan|kec\.|kabupaten|kab\.|kota|provinsi|prov\.")
_ID_STREET = re.compile(rf"(?i:{_ID_STREET_WORDS})(?![^\W\d_])[ \t]?")
_ID_POSTCODE = re.compile(r"\d{5}(?![\w])")
_ID_SG_UNIT = re.compile(r"#[ \t]?\d{1,3}-\d{1,5}(?![\w-])|(?:S|(?i:singapore)[ \t])\d{6}(?![\w])")
_ID_KEYWORDS = frozenset("""jl jln jalan gg gang lorong lrg persiaran lebuh lebuhraya perum perumahan komplek kompleks
komp taman tmn kampung kg bandar pangsapuri residensi kondominium apartemen desa dusun kelurahan kel kecamatan kec
kabupaten kab kota provinsi prov no nomor nombor nmr rt rw blok blk block lot unit tingkat lantai""".split())
_ID_STOP = frozenset("""but if instead thx lah i think guard says came ok okay already since when because so not
ya yg yang dan di ke dari untuk atas nama an a.n hp telp tlp wa no. tolong mohon kak kakak mbak
mas bang pak bu bapak ibu encik cik puan tuan saya aku kami kita sudah udah belum tapi bisa boleh dong aja saja
terima kasih makasih tq thanks thank please pls sekarang tadi sini sana itu ini atau juga lagi sama dengan tak tidak
gak nggak nak mau ingin alamat alamatnya penerima paket resi pesanan order kurir kiriman sampai hari jam ada kat pada
the to and for with at in on is my please dekat depan belakang sebelah samping seberang near opposite behind rumah
pagar warna cat gedung toko warung masjid a an ic nric ktp nik""".split())


def _id_name_word(word: str) -> bool:
    low = word.lower().rstrip(".")
    return low not in _ID_STOP and low not in _ID_KEYWORDS and word.lower() not in _ID_STOP


def _id_code(text: str, pos: int) -> int:
    """A Malaysian street code after the name ("SS 2/64", "U S J one", "P13", "Mawar 3")."""
    m = re.compile(r"(?:[A-Z]{1,4}[ \t]?)?\d{1,3}(?:/\d{1,3})?[A-Z]?(?![\w/])").match(text, pos)
    return m.end() if m else -1


def _id_name(text: str, pos: int, limit: int = 4) -> int:
    """A street's or place's name: up to ``limit`` words that are no stop or part word, with codes and numbers."""
    end = -1
    for _ in range(limit):
        code = _id_code(text, pos)
        if code > 0:
            end = code
        else:
            w = _words(text, pos, 1, _id_name_word)
            if w < 0:
                break
            end = w
        if end + 1 < len(text) and text[end] in " \t" and text[end + 1] not in " \t,":
            pos = end + 1
        else:
            break
    return end


def _id_part(text: str, pos: int, lower: bool = False) -> tuple[int, bool] | None:
    for pattern in (_ID_NO, _ID_RT, _ID_BLOK):
        m = pattern.match(text, pos)
        if m:
            return m.end(), True
    m = _ID_SG_UNIT.match(text, pos)
    if m:
        return m.end(), True
    m = _ID_POSTCODE.match(text, pos)
    if m:
        town = _id_name(text, _sep(text, m.end()), 3) if m.end() < len(text) and text[m.end()] in " \t" else -1
        return (town if town > 0 else m.end()), True
    m = _ID_STREET.match(text, pos)
    if m:
        end = _id_name(text, m.end())
        if end > 0:
            return end, True
    return _id_bare_name(text, pos, lower)


def _id_bare_name(text: str, pos: int, lower: bool) -> tuple[int, bool] | None:
    """A district's or town's name without its part word: capitalised after a comma ("…, Cempaka Putih, Jakarta
    Pusat 10510"), or, in an address written in lower case, in lower case ("… rw lima cempaka putih"); it must end
    its clause."""
    after_comma = "," in text[max(0, pos - 3):pos]
    end = _id_name(text, pos, 3)
    if end < 0:
        return None
    words = text[pos:end].split()
    capitalised = all(w[0].isupper() or w[0].isdigit() for w in words)
    if not capitalised and not (lower and text[pos:end].islower()):
        return None
    code = re.compile(r"[ \t]\d{5}(?![\w])").match(text, end)  # "Jakarta Selatan 12730"
    if code:
        return code.end(), True
    if after_comma and _name_ends_clause(text, end, _ID_STOP):
        return end, False
    if lower and (end == len(text) or text[end] in ",.;!?\n"):
        return end, False
    return None




def _name_ends_clause(text: str, end: int, stop: frozenset[str]) -> bool:
    """Whether a bare name is followed by punctuation, the end, a postcode or a stop word (not by more words)."""
    rest = text[end:end + 40]
    if not rest or rest[0] in ",.;:!?)\n،؛؟۔" or rest[:2] in (" -", " –", " ("):
        return True
    m = re.match(r"[ \t]{1,2}(\S+)", rest)
    if m is None:
        return True
    nxt = m.group(1).lower().rstrip(".,;:!?")
    return nxt in stop or nxt in _ID_KEYWORDS


_ID_START = re.compile(rf"(?<![\w.])(?:(?i:{_ID_STREET_WORDS})(?![^\W\d_])|(?i:no\.?|nombor|nomor|no:|lot|unit|blk|blok|block)"
                       rf"[ \t]?(?:\d{{1,4}}[A-Za-z]?(?:[-/]\d{{1,4}}[A-Za-z]?){{0,2}}|{_ID_NUMWORDS}(?:[ \t]"
                       rf"{_ID_NUMWORDS}){{0,3}})(?![\w/])|[A-Z]-\d{{1,2}}-\d{{1,3}}(?![\w-]))")
_HAS_NUMBER = re.compile(rf"\d|(?i:(?<![\w]){_ID_NUMWORDS}(?![\w]))")


def _indonesian(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _ID_START.finditer(text):
        if m.start() < walked:
            continue
        start = m.start()
        lower = m.group().islower()
        part = functools.partial(_id_part, lower=lower)
        street = _ID_STREET.match(text, start)
        if street:
            name_end = _id_name(text, street.end())
            if name_end < 0:
                continue
            end, parts, cue = _chain(text, name_end, part)
            walked = end
        else:
            end, parts, cue = _chain(text, m.end(), part)
            walked = end
            if not any(_ID_STREET.match(text, i) for i in range(m.end(), end)):
                continue  # "No. 3" then names: a street word must follow a leading number
        if parts == 0 or not cue or not _HAS_NUMBER.search(text, start, end):
            continue
        end = _trim(text, start, end)
        yield start, end


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t,.":
        end -= 1
    return end


# ==== Thai ===========================================================================================================
_TH_CHARS = "\u0e01-\u0e3a\u0e40-\u0e4e\u0e2f"
_TH_TOKEN = re.compile(rf"[{_TH_CHARS}][{_TH_CHARS}.\-]{{0,40}}(?:[ \t]?\d{{1,4}}(?:/\d{{1,3}})?)?(?![\w/])")
_TH_PART_WORDS = ("หมู่บ้าน", "ซอย", "ซ.", "ถนน", "ถ.", "แขวง", "ตำบล", "ต.", "เขต", "อำเภอ", "อ.", "จังหวัด", "จ.", "หมู่",
                  "ม.", "อาคาร", "ห้อง", "ชั้น", "คอนโด", "กรุงเทพ", "กทม", "หมู่ที่", "ตรอก", "แยก", "นิคม", "บ้านเลขที่",
                  "เลขที่")
_TH_STOP = ("เบอร์", "โทร", "ค่ะ", "ครับ", "คะ", "นะ", "ชื่อ", "ผู้รับ", "ส่ง", "ได้", "ไม่", "แล้ว", "ยัง", "ขอ", "พัสดุ",
            "เลข", "ที่อยู่", "คุณ", "ขอบคุณ")
_TH_START = re.compile(rf"(?<![\w/.-])(?:(?:บ้าน)?เลขที่[ \t]?)?\d{{1,4}}(?:/\d{{1,4}})?(?![\w/.-])(?=[ \t][{_TH_CHARS}])"
                       rf"|(?<![{_TH_CHARS}])[{_TH_CHARS}]{{2,30}}(?=[ \t](?:อาคาร|ตึก)[ \t]?\S)")
_TH_POSTCODE = re.compile(r"\d{5}(?![\w])")


def _th_part(text: str, pos: int) -> tuple[int, bool] | None:
    m = _TH_POSTCODE.match(text, pos)
    if m:
        return m.end(), True
    if pos < len(text) and text[pos] in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":  # "อาคาร B"
        m = re.compile(r"[A-Z]\d{0,2}(?![\w])").match(text, pos)
        return (m.end(), False) if m else None
    m = _TH_TOKEN.match(text, pos)
    if m is None:
        return None
    token = m.group()
    if token.startswith(_TH_STOP):
        return None
    if token.startswith(_TH_PART_WORDS):
        end = m.end()
        if token.rstrip("0123456789/ \t").endswith(("อาคาร", "ห้อง", "ชั้น", "ซอย", "หมู่", "ม.", "ถ.", "ซ.")):
            b = re.compile(r"[ \t]?(?:[A-Z]\d{0,2}|\d{1,4})(?![\w])").match(text, end)
            end = b.end() if b else end
        return end, True
    # a bare Thai word (a district or a province without its prefix): only before a postcode or a part word
    nxt = _sep(text, m.end())
    if nxt > m.end() and (_TH_POSTCODE.match(text, nxt) or text.startswith(_TH_PART_WORDS, nxt)):
        return m.end(), False
    return None


def _thai(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _TH_START.finditer(text):
        if m.start() < walked:
            continue
        end, parts, cue = _chain(text, m.end(), _th_part)
        walked = end
        if parts >= 2 and cue:
            yield m.start(), _trim(text, m.start(), end)


# ==== Indic scripts (Devanagari, Tamil, Telugu, Bengali, Gujarati, Kannada, Malayalam) ================================
_IN_CHARS = "\u0900-\u0963\u0971-\u097f\u0980-\u09e3\u09f0-\u09ff\u0a80-\u0ae3\u0b80-\u0be5\u0c00-\u0c65\u0c80-\u0ce5" \
            "\u0d00-\u0d65\u200c\u200d"
_IN_WORD = re.compile(rf"(?:[{_DIGITS}]{{1,4}}[{_IN_CHARS}]{{0,6}}|[{_IN_CHARS}][{_IN_CHARS}.\-]{{0,30}}|[A-Za-z]\d{{0,2}})"
                      rf"(?![\w{_IN_CHARS}])")
_IN_UNIT = ("फ़्लैट", "फ्लैट", "फ़्लैट", "मकान", "म.", "प्लॉट", "हाउस", "घर", "ब्लॉक", "सेक्टर", "गली", "रोड", "मार्ग",
            "नगर", "कॉलोनी", "अपार्टमेंट", "सोसाइटी", "बिल्डिंग", "मंज़िल", "मंजिल", "तल", "वार्ड",
            "ఫ్లాట్", "ఇంటి", "ఇల్లు", "ఇ.నం", "వీధి", "రోడ్", "రోడ్డు", "నగర్", "కాలనీ", "అపార్ట్\u200cమెంట్", "సెక్టార్",
            "தெரு", "சாலை", "நகர்", "வீடு", "எண்", "பிளாட்", "அடுக்ககம்", "குடியிருப்பு", "வது", "காலனி", "லேன்",
            "বাসা", "বাড়ি", "ফ্ল্যাট", "রোড", "লেন", "সড়ক", "অ্যাভিনিউ", "এভিনিউ", "নগর", "ব্লক", "সেক্টর", "মহল্লা",
            "ফ্ল্যাট", "ফ্লোর", "তলা",
            "ફ્લેટ", "મકાન", "સોસાયટી", "રોડ", "નગર", "ಮನೆ", "ರಸ್ತೆ", "ನಗರ", "ಕ್ರಾಸ್", "ഫ്ലാറ്റ്", "വീട്", "റോഡ്", "നഗർ")
_IN_STOP = frozenset("""में पर से का की के को है हैं हूँ हूं और या भी तो ही था थी भेज भेजें भेजिए दीजिए कर करें नाम नंबर
फोन मोबाइल पिन पता पर्सल ऑर्डर धन्यवाद जी
இல் மற்றும் நன்றி பெயர் தொலைபேசி அனுப்பு அனுப்புங்கள் உள்ளது
లో మరియు ధన్యవాదాలు పేరు ఫోన్ పంపండి
এ তে আর এবং ধন্যবাদ নাম ফোন নম্বর পাঠান আছে""".split())
_IN_START = re.compile(rf"(?<![\w{_IN_CHARS}])(?:[{_IN_CHARS}][{_IN_CHARS}.]{{0,15}}(?:[ \t][{_IN_CHARS}.]{{1,10}})?"
                       rf"[ \t]?[{_DIGITS}]{{1,5}}(?:[-/][{_DIGITS}A-Za-z]{{1,4}}){{0,3}}|[{_DIGITS}]{{1,5}}"
                       rf"(?:[-/][{_DIGITS}]{{1,4}}){{0,2}}(?:[ \t]?(?:[{_IN_CHARS}]{{1,3}}|[A-Za-z])(?![\w{_IN_CHARS}]))?)"
                       rf"(?=[,،][ \t]?[{_IN_CHARS}{_DIGITS}])")


def _in_unit(word: str) -> bool:
    """Whether an Indic word is (or begins or ends with) an address part word ("3வது", "गांधीनगर")."""
    word = word.lstrip(_DIGITS_SET)
    return any(word.startswith(u) or word.endswith(u) for u in _IN_UNIT)


_IN_PIN = re.compile(rf"[{_DIGITS}]{{3}}[ \t]?[{_DIGITS}]{{3}}(?![\w])")


def _in_part(text: str, pos: int) -> tuple[int, bool] | None:
    """One comma-separated Indic part: one to four words of the scripts (numbers inside), a PIN at its end."""
    end, cue, n = -1, False, 0
    while n < 4:
        pin = _IN_PIN.match(text, pos)
        if pin:
            return pin.end(), True
        m = _IN_WORD.match(text, pos)
        if m is None or m.group() in _IN_STOP:
            break
        end, n = m.end(), n + 1
        cue = cue or _in_unit(m.group())
        if end + 1 < len(text) and text[end] in " \t" and text[end + 1] not in " \t":
            pos = end + 1
        else:
            break
    return (end, cue) if end > 0 else None


_IN_ADDRESS_WORDS = ("पता", "अड्रेस", "एड्रेस", "అడ్రస్", "చిరునామా", "ঠিকানা", "முகவரி", "ವಿಳಾಸ", "വിലാസം", "સરનામું")


def _indic(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _IN_START.finditer(text):
        if m.start() < walked:
            continue
        start = m.start()
        for word in _IN_ADDRESS_WORDS:  # the word "address" (and "my") before the unit is no part of it
            at = m.group().find(word + " ")
            if at >= 0:
                start = m.start() + at + len(word) + 1
        if not re.search(f"[{_IN_CHARS}]", text[m.end():m.end() + 40]) and not re.search(f"[{_IN_CHARS}]", m.group()):
            continue
        end, parts, cue = _chain(text, m.end(), _in_part, ",،")
        walked = end
        lead_cue = any(_in_unit(w) for w in m.group().split())
        if parts >= 2 and (cue or lead_cue):
            yield start, end


# ==== Indian addresses in Latin letters ("H.No 2-14/3, Kukatpally, Hyderabad") =======================================
_HNO_START = re.compile(r"(?<![\w.#])(?:(?i:h\.?[ \t]?no\.?|house[ \t]no\.?|d\.?[ \t]?no\.?|door[ \t]no\.?|plot[ \t]no\.?)"
                        r"[ \t]?\d{1,4}(?:[-/][\dA-Za-z]{1,4}){0,4}|#[ \t]?\d{1,4}(?![\w/#-]))(?![\w/])")
_IN_LATIN_PART = re.compile(
    r"(?:\d{1,2}(?:st|nd|rd|th)[ \t](?:[A-Z][a-z]+[ \t])?(?:Cross|Main|Block|Stage|Phase|Sector|Street|Road|Lane|Floor)"
    r"(?:[ \t]Road)?|(?i:sector|block|phase|gali|street|road|lane|ward)[ \t]?(?:(?i:no)\.?[ \t]?)?\d{1,3}[A-Za-z]?(?:-[A-Z])?)(?![\w])")
_IN_LATIN_STOP = frozenset("""and or the my is to for with at in on please pls thanks thank call phone mobile pin near
opposite behind beside next after before but if hai hain hi ka ki ke mein par pe se ko ji""".split())


def _in_latin_part(text: str, pos: int) -> tuple[int, bool] | None:
    m = _IN_LATIN_PART.match(text, pos)
    if m:
        return m.end(), True
    m = re.compile(r"\d{3}[ \t]?\d{3}(?![\w])").match(text, pos)
    if m:
        return m.end(), False  # a PIN alone after "#884" may be a phone's or an order's digits
    end = _words(text, pos, 4, lambda w: w[0].isupper() and w.lower() not in _IN_LATIN_STOP)
    if end < 0:  # "house no 44 sector 15 gurgaon": a lower-case town only where the clause ends
        end = _words(text, pos, 2, lambda w: w.lower() not in _IN_LATIN_STOP)
        if end > 0 and not _name_ends_clause(text, end, _IN_LATIN_STOP):
            end = -1
    if end > 0:
        pin = re.compile(r"[ \t]\d{3}[ \t]?\d{3}(?![\w])").match(text, end)
        return (pin.end() if pin else end), bool(pin)
    return None


def _indian_latin(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _HNO_START.finditer(text):
        if m.start() < walked:
            continue
        end, parts, cue = _chain(text, m.end(), _in_latin_part)
        walked = end
        if parts >= 1 and (cue or not m.group().startswith("#")):
            yield m.start(), end


# ==== Arabic, Persian and Urdu =======================================================================================
_AR_CHARS = "\u0621-\u063a\u0641-\u065f\u0670-\u06d3\u06d5\u06f0-\u06f9\u0660-\u0669\u200c"
_AR_WORD = re.compile(rf"(?:[{_DIGITS}]{{1,5}}(?:[/-][{_DIGITS}]{{1,4}})?|[{_AR_CHARS}][{_AR_CHARS}.\-]{{0,25}}|"
                      r"[A-Z]-?\d{1,2}(?:/\d)?)(?![\w])")
_AR_PARTS = ("شارع", "ش.", "طريق", "جادة", "حي", "منطقة", "عمارة", "عماره", "بناية", "بنايه", "مبنى", "برج", "الدور",
             "دور", "الطابق", "طابق", "شقة", "شقه", "قطعة", "منزل", "بيت", "فيلا", "مربع", "بلوك", "زقاق", "جادّة",
             "خیابان", "بلوار", "کوچه", "میدان", "بزرگراه", "پلاک", "طبقه", "واحد", "بن‌بست", "بن بست", "کد پستی",
             "مکان", "گلی", "سیکٹر", "بلاک", "فلیٹ", "روڈ", "محلہ", "ہاؤس", "فیز", "کالونی", "منزل", "اپارٹمنٹ")
_AR_STOP = frozenset("""و في من على إلى الى عن مع هل لو ممكن أنا انا بدي عايز عاوز ابغى أبي ابي يا تم رقم الرقم والرقم
هاتف موبايل جوال تليفون تلفون الطلب طلب طلبي الشحنة شحنة شكرا شكراً اسمي الاسم باسم وباسم لكن بس عشان ليش وين متى كيف
اللي الي هو هي هذا هذه ده دي
و در از به با تا را که این آن شماره تلفن موبایل ممنون لطفا لطفاً اسم بنام سفارش
میں سے کا کی کے کو ہے ہیں اور نمبر فون شکریہ براہ کرم آرڈر""".split())
_AR_START = re.compile(rf"(?<![\w{_AR_CHARS}])(?:[{_DIGITS}]{{1,5}}(?:/[{_DIGITS}]{{1,4}})?[ \t](?=شارع|ش\.|طريق|جادة)|"
                       r"(?:شارع|ش\.|طريق|جادة|قطعة|عمارة|عماره|بناية|منزل|فيلا|خیابان|بلوار|میدان|کوچه|مکان|فلیٹ|"
                       r"گھر|سیکٹر|بلاک)(?![\u0621-\u064a\u067e-\u06d3]))")


def _ar_part(text: str, pos: int) -> tuple[int, bool] | None:
    """One part of an Arabic-script address: one to five words (numbers inside), ended by "،", "," or the clause."""
    end, cue, n = -1, False, 0
    while n < 5:
        m = _AR_WORD.match(text, pos)
        if m is None or m.group() in _AR_STOP or (n == 0 and m.group().startswith("و") and len(m.group()) > 4
                                                  and m.group()[1:] in _AR_STOP):
            break
        if m.group().startswith(("رقم", "ورقم", "والرقم", "وتلفون", "وموبايل", "وجوال")):
            break
        end, n = m.end(), n + 1
        cue = cue or any(m.group().startswith(p) or m.group() == p for p in _AR_PARTS)
        if end + 1 < len(text) and text[end] in " \t" and text[end + 1] not in " \t":
            pos = end + 1
        else:
            break
    if end < 0:
        return None
    if n == 5 and not cue:
        return None
    return end, cue


def _arabic(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _AR_START.finditer(text):
        if m.start() < walked:
            continue
        start = m.start()
        first = _ar_part(text, start)
        if first is None:
            continue
        end, parts, cue = _chain(text, first[0], _ar_part, ",،")
        walked = end
        parts += 1
        chain_text = text[start:end]
        if not re.search(f"[{_DIGITS}]", chain_text) or parts < 2 and not re.search(
                rf"[{_DIGITS}].*(?:شقة|شقه|الدور|طابق|پلاک|واحد)|(?:پلاک|شقة|شقه|منزل|مکان)[ \t]?[{_DIGITS}]", chain_text):
            continue
        start = _ar_lead(text, start)
        yield start, _trim(text, start, end)


def _ar_lead(text: str, start: int) -> int:
    """A district or town written before the street ("الشميساني، شارع …", "تهران، خیابان …")."""
    window = text[max(0, start - 60):start]
    m = re.search(rf"(?:^|[:\n][ \t]{{0,2}}|(?:العنوان|عنواني|عنوان|آدرس|آدرسم|ادرس|پتہ)[ \t]{{1,2}})"
                  rf"([{_AR_CHARS}]{{2,20}}(?:[ \t][{_AR_CHARS}]{{2,20}}){{0,1}})[ \t]?[،,][ \t]?$", window)
    if m is None or any(w in _AR_STOP for w in m.group(1).split()):
        return start
    return start - (len(window) - m.start(1))


# ---- Egyptian Arabizi ("12 sh. el nasr, el ma3adi, cairo") -----------------------------------------------------------
_AZ_START = re.compile(r"(?<![\w.])\d{1,4}[ \t](?i:sh\.|share3|shar3|sharia|shari3|st\.)[ \t]?(?i:el|al)[ -][a-z3'’]{2,20}"
                       r"(?:[ \t][a-z3'’]{2,20}){0,2}?(?=[,.]|[ \t](?:w|and|,)[ \t]|$)")
_AZ_PART = re.compile(r"(?i:(?:[a-z3]{3,12}[ \t])?(?:el|al)[ -][a-z3'’]{2,20}|cairo|giza|alex|alexandria|el[ \t]giza|nasr[ \t]city|maadi|"
                      r"zamalek|mohandessin|heliopolis|(?:dor|floor|sha2a|sha'a|shaqa|apt|flat|3emara|emara|3omara)"
                      r"[ \t]?\d{1,3}|\d{1,2}(?:st|nd|rd|th)[ \t]floor)(?![\w])")


def _az_part(text: str, pos: int) -> tuple[int, bool] | None:
    m = _AZ_PART.match(text, pos)
    return (m.end(), True) if m else None


def _arabizi(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _AZ_START.finditer(text):
        if m.start() < walked:
            continue
        end, _, _ = _chain(text, m.end(), _az_part)
        walked = end
        yield m.start(), end


# ==== Turkish ========================================================================================================
_TR_NEIGH = r"(?:mahallesi|mahalle|mah\.?|mh\.?)"
_TR_STREET = r"(?:caddesi|cadde|cad\.?|cd\.?|sokak|sokağı|sokagi|sok\.?|sk\.?|bulvarı|bulvari|blv\.?|bulv\.?)"
_TR_NUMWORDS = (r"(?:sıfır|bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz|on|yirmi|otuz|kırk|elli|altmış|yetmiş|seksen|"
                r"doksan|yüz)")
_TR_NUMBER = rf"(?:\d{{1,4}}[A-Za-z]?(?:/\d{{1,3}}[A-Za-z]?)?|{_TR_NUMWORDS}(?:[ \t]{_TR_NUMWORDS}){{0,3}})(?![\w])"
_TR_NO = re.compile(rf"(?i:no|numara|nu\.|n)[ \t]?[:.]?[ \t]?{_TR_NUMBER}")
_TR_UNIT = re.compile(rf"(?i:daire|d|kat|k|blok|apt\.?|apartmanı|apartmani)[ \t]?[:.]?[ \t]?{_TR_NUMBER}")
_TR_WORD = r"[^\W\d_][\w'’]{0,25}"
_TR_NAME = rf"(?:\d{{1,5}}\.?[ \t]|(?:{_TR_WORD}[ \t]){{1,3}}?)"
_TR_START = re.compile(rf"(?<![\w])(?:{_TR_NAME}(?i:{_TR_NEIGH}|{_TR_STREET}))(?![\w])")
_TR_PART = re.compile(rf"(?:{_TR_NAME}(?i:{_TR_NEIGH}|{_TR_STREET}))(?![\w])")
_TR_STOP = frozenset("""ve ile de da bu şu o ben sen biz siz için ama fakat lütfen teşekkürler teşekkür ederim adres
adresim adresiniz adresi telefon numara numaram numarası kargo sipariş takip yazıyor yanlış gitmiş doğru mı mi mu
mü evet hayır bey hanım efendim tamam olarak benim bizim yeni eski adresinize adresine adresime adresinde""".split())
_TR_CITIES = frozenset("""istanbul i̇stanbul ankara izmir i̇zmir bursa antalya adana konya gaziantep mersin kayseri
eskişehir diyarbakır samsun denizli şanlıurfa trabzon malatya erzurum van sakarya kocaeli muğla aydın tekirdağ
manisa balıkesir hatay""".split())


def _tr_part(text: str, pos: int) -> tuple[int, bool] | None:
    for pattern in (_TR_NO, _TR_UNIT):
        m = pattern.match(text, pos)
        if m:
            return m.end(), True
    m = _TR_PART.match(text, pos)
    if m and not any(w.lower() in _TR_STOP for w in m.group().split()[:-1]):
        return m.end(), True
    m = re.compile(r"\d{5}(?![\w])").match(text, pos)
    if m:
        return m.end(), True
    # the district and the town: "Kadıköy/İstanbul", "Çankaya Ankara", "kadıköy istanbul", "Suadiye"
    m = re.compile(rf"({_TR_WORD})(?:[ \t]?/[ \t]?({_TR_WORD})|[ \t]({_TR_WORD}))?").match(text, pos)
    if m is None or m.group(1).lower() in _TR_STOP:
        return None
    if m.group(2):
        return m.end(), True
    if m.group(3) and m.group(3).lower() in _TR_CITIES:
        return m.end(), True
    if m.group(1).lower() in _TR_CITIES or _name_ends_clause(text, m.end(1), _TR_STOP):
        return m.end(1), False
    return None


def _turkish(text: str) -> Iterator[tuple[int, int]]:
    walked = 0  # a start inside a chain walked already is not walked again (linear)
    for m in _TR_START.finditer(text):
        if m.start() < walked:
            continue
        start = m.start()
        words = m.group().split()
        while len(words) > 1 and (words[0].lower() in _TR_STOP or words[-1][0].isupper() and not (
                words[0][0].isupper() or words[0][0].isdigit())):  # "ama Bahçelievler Mah.", "kombi in Moda Cad."
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        end, parts, _ = _chain(text, m.end(), _tr_part)
        walked = end
        if not re.search(rf"\d|(?i:(?<![\w]){_TR_NUMWORDS}(?![\w]))", text[start:end]):
            continue
        if not (_TR_NO.search(text, m.end(), end) or re.search(r"\d{5}", text[start:end])):
            continue
        yield start, _trim(text, start, end)


# ==== the finder =====================================================================================================
_SCRIPTS = re.compile(rf"[\u0e01-\u0e5b{_IN_CHARS}\u0600-\u06ff]")
_LATIN_CUES = re.compile(r"(?i:ngõ|ngách|hẻm|kiệt|phường|quận|huyện|đường|phố|(?<![\w])(?:số|ngo|hem|jl\.|jln|jalan|gg\.|"
                         r"gang|lorong|lrg|persiaran|lebuh|perum|perumahan|komplek|taman|tmn|kampung|kg\.|rt|rw|kel\.|"
                         r"kec\.|h\.?[ \t]?no|house[ \t]no|door[ \t]no|sh\.|share3|shar3|sharia|mah\.?|mahallesi|"
                         r"mh\.|cad\.|caddesi|cd\.|sokak|sok\.|sk\.|bulvar[ıi]|blv\.)(?![\w])|#[ \t]?\d)")


def find_asian_addresses(text: str) -> Iterator[Found]:
    """ADDRESS spans over addresses in these countries' layouts (the module's docstring)."""
    scripts = _SCRIPTS.search(text) is not None
    latin = _LATIN_CUES.search(text) is not None
    if not scripts and not latin:
        return iter(())
    return itertools.islice(_found(text, scripts, latin), CAP)


def _found(text: str, scripts: bool, latin: bool) -> Iterator[Found]:
    finders: list[Callable[[str], Iterator[tuple[int, int]]]] = []
    if latin:
        finders += [_vietnamese, _indonesian, _indian_latin, _arabizi, _turkish]
    if scripts:
        finders += [_thai, _indic, _arabic]
    spans: list[tuple[int, int]] = []
    for finder in finders:
        for start, end in itertools.islice(finder(text), CAP):
            if end - start < 6:
                continue
            if any(s <= start and end <= e for s, e in spans):
                continue  # inside a span found already (a second start inside the same address)
            spans = [(s, e) for s, e in spans if not (start <= s and e <= end)]
            spans.append((start, end))
    for start, end in sorted(spans):
        yield "ADDRESS", start, end, _SCORE
