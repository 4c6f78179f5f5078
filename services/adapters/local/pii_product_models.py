"""A vehicle named by its make and model, an appliance, a fitting or a device named by its brand and model or series,
is a kept ``PRODUCT``, never a person (session 44's 44-3).

By the labelling conventions (``tests/data/pii/build.py``) a product's name is a kept ``PRODUCT``; the NER model, the
CRF tagger and the given-name finder take many a make and model for a person's name, in every language and letter
case: "seu Renault Mégane (14-RT-77)", "Mașina mea: CJ 44 KLT, Dacia Logan", "Vehicle: Ford Focus YD19 KXT", "el del
seat leon gris", "Produkt: Pralka Bosch Serie 6 WGG244Z0PL", "Ny WC (Gustavsberg Nautic)", "Miele W1", "Samsung Galaxy
A54", "Vaillant ecoTEC plus", "Hyundai i30", "VW Touran", "ŠKODA OCTAVIA". :func:`drop_product_models` (wired after
the PERSON check in the default detector, after the filters in the rules-only one) finds such names and drops a
``PERSON`` span (or an ``ADDRESS`` span wholly inside one) over them:

- a make or brand we know (one or two words: "Land Rover", "Alfa Romeo", "Mercedes-Benz"), in any case;
- right after it on the same line (spaces only), its model: a model we know ("Focus", "Logan", "Mégane", "leon",
  "Yaris", "Octavia"...), a series we know ("Serie", "Galaxy", "Pixel", "ecoTEC"...), or a model code with a digit
  ("i30", "208", "X5", "W1", "CX-5", "A54"; never a year such as 2019); after a brand that is never a person's name
  ("Gustavsberg", "Vaillant", "Samsung", "Renault"...) also any capitalised or mixed-case word that is no first name
  we know ("Nautic", "Mégane", "iPhone");
- the part of a span outside the product name stays masked when it still holds a name: a first name we know or two
  capitalised words ("Ford Focus Jan Kowalski" keeps "Jan Kowalski"); a lone appliance word or a colour ("Pralka",
  "gris") goes with it.

What it never takes (the look-alikes): a make or brand that is as often a person's name ("Ford", "Kia", "Seat",
"Bosch", "Braun", "Philips", "Suzuki", "Honda", "Mercedes") before anything but a model or series we know or a model
code ("Harrison Ford called", "Kia Johnson", "Maria Bosch Vidal", "Suzuki Hanako"); a make followed by a first name
("Toyota Sarah"); a year after a make ("Ford 2019"); a name on the next line; the registration plate, the VIN, a phone
or any other kind next to the product (only ``PERSON`` and ``ADDRESS`` spans are looked at). At most 4,000 words a
message are read, and at most 40 spans looked at.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local import pii_rules
from services.models import PiiSpan

_MAX_WORDS = 4000
_MAX_SPANS = 40

# makes (then brands) that are never (or hardly ever) a person's name: any capitalised model after them
_PLAIN_MAKES = frozenset("""
renault dacia toyota hyundai škoda skoda volkswagen vw vauxhall opel peugeot citroën citroen nissan mazda subaru
mitsubishi chevrolet lexus audi bmw volvo fiat cupra lancia saab tesla jeep infiniti acura cadillac buick chrysler
polestar lada iveco mg byd geely chery maruti mahindra proton perodua daihatsu ssangyong kgm isuzu dacia-renault
yamaha kawasaki ducati vespa piaggio
""".split())
_PLAIN_BRANDS = _PLAIN_MAKES | frozenset("""
gustavsberg vaillant viessmann buderus junkers baxi ariston miele electrolux whirlpool beko samsung indesit hotpoint
zanussi gorenje liebherr haier hisense panasonic xiaomi huawei oppo oneplus realme nokia motorola lenovo asus acer
canon epson nintendo kärcher karcher delonghi de'longhi nespresso tefal rowenta thermomix roborock ecovacs irobot garmin
fitbit gopro sonos geberit hansgrohe duravit ifö daikin toshiba fujitsu grundig medion elica franke teka balay
vorwerk husqvarna stihl makita dewalt ryobi
""".split())
# makes and brands that are as often a person's name: only a model or series we know or a model code after them
_NAME_BRANDS = frozenset("""
ford kia seat honda suzuki mercedes porsche ferrari alfa mini smart jaguar dodge lincoln bentley austin morris rover
bosch siemens braun philips hoover candy dyson neff smeg aeg lg hp sony apple google brother jura grohe roca sharp
worcester
""".split())
_VEHICLE_NAME_MAKES = frozenset(
    "ford kia seat honda suzuki mercedes mercedes-benz porsche ferrari alfa mini smart jaguar dodge lincoln bentley "
    "austin morris rover land range aston rolls rolls-royce".split())
_TWO_WORD_BRANDS = frozenset("""
land rover|range rover|alfa romeo|mercedes benz|mercedes-benz|aston martin|rolls royce|rolls-royce|worcester bosch|
mitsubishi electric|ideal standard|de dietrich""".replace("\n", "").split("|"))
# vehicle models and appliance or device series we know (any make or brand before them)
_MODELS = frozenset("""
fiesta focus mondeo kuga puma ka galaxy s-max c-max b-max transit ranger mustang tourneo ecosport escort
corsa astra insignia mokka zafira meriva vectra agila combo crossland grandland adam frontera
golf polo passat tiguan touran touareg sharan caddy t-roc t-cross arteon jetta beetle scirocco lupo fox taigo id.3
id.4 id.5 amarok crafter multivan california
yaris corolla auris aygo rav4 prius c-hr camry hilux avensis verso proace supra highlander
civic jazz cr-v hr-v accord insight
micra qashqai juke note x-trail leaf navara primera almera pulsar ariya
clio mégane megane captur kadjar scenic scénic twingo laguna kangoo zoe zoé talisman espace arkana austral trafic
master koleos fluence
partner rifter expert boxer traveller
berlingo picasso xsara saxo c-elysée c-elysee jumpy jumper spacetourer
punto panda tipo bravo doblo ducato qubo
picanto rio ceed cee'd proceed xceed sportage sorento niro stonic soul carens venga optima stinger
tucson kona ioniq getz matrix bayon staria
fabia octavia superb kodiaq karoq kamiq rapid yeti scala citigo roomster enyaq
logan sandero duster jogger lodgy dokker
vitara jimny ignis baleno celerio splash alto sx4 s-cross
outlander lancer pajero asx colt eclipse l200 space-star
impreza forester outback xv legacy
leon ibiza arona ateca alhambra toledo tarraco altea formentor born
giulietta giulia mito stelvio tonale ypsilon
cooper countryman clubman
sprinter vito citan viano a-klasse b-klasse c-klasse e-klasse a-class b-class c-class e-class s-class
defender discovery evoque velar freelander
wrangler renegade compass cherokee
serie series galaxy pixel iphone ipad macbook airpods redmi thinkpad ideapad zenbook vivobook playstation xbox
ecotec ecotec+ vitodens logamax cerapur greenstar roomba accent hue airfryer lattego sonicare senseo bravia oled qled
airwrap supersonic eurosmart grohtherm aquaclean talis elitebook probook pavilion envy
león hiace land-cruiser
""".split())
# what a lower-case make may be followed by only when it is a model we know ("seat leon", "ford focus"), never one
# of these common words: "the seat up", "a mini note"
_LOWER_MAKES = frozenset("seat mini smart jaguar".split())
_LOWER_WORDS = frozenset("up ka note golf polo spring rapid swift jazz panda leaf soul focus matrix partner expert "
                         "master combo fox born insight accent series serie galaxy compass discovery defender "
                         "eclipse legacy alto splash".split())

_WORD = re.compile(r"(?<![\w'’.-])[^\W_](?:\w|['’.+-](?=\w)){0,29}\+?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_CODE = re.compile(r"(?=[\w-]{0,11}\d)[A-Za-z]{0,4}-?\d{1,4}(?:[.-]?[A-Za-z]{1,3}\d{0,3})?")
_APPLIANCE_CODE = re.compile(r"(?=[\w-]{0,19}\d)[A-Za-z0-9-]{2,20}")
_GAP = re.compile(r"[ \t]{1,2}")


def _model(word: str, low: str, make: str, plain: bool, brand_capital: bool) -> bool:
    """Whether a word after a make or brand is its model."""
    if low in _MODELS:
        return brand_capital or word[0].isupper() or not (make in _LOWER_MAKES and low in _LOWER_WORDS)
    if _CODE.fullmatch(word):
        return not _YEAR.fullmatch(word) or word.endswith("008")  # "Peugeot 3008", never "Ford 2019"
    if not plain or not brand_capital or low in pii_rules.FIRST_NAMES or len(word) < 2:
        return False
    return word[0].isupper() or any(c.isupper() for c in word[1:])  # "Nautic", "AquaClean", "iPhone", "ecoTEC"


def product_names(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each vehicle's make and model, each appliance's or device's brand and model or series."""
    words = [(m.start(), m.end(), m.group()) for m in itertools.islice(_WORD.finditer(text), _MAX_WORDS)]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words) - 1:
        start, end, word = words[i]
        low = word.lower()
        nxt = words[i + 1]
        j = i + 1
        pair = f"{low} {nxt[2].lower()}"
        if pair in _TWO_WORD_BRANDS and _GAP.fullmatch(text[end:nxt[0]]):
            end, j, plain = nxt[1], i + 2, True  # "Land Rover Defender", "Alfa Romeo Giulia"
        elif low in _TWO_WORD_BRANDS:
            plain = True  # "Mercedes-Benz Sprinter"
        elif low in _PLAIN_BRANDS:
            plain = True
        elif low in _NAME_BRANDS:
            plain = False
        else:
            i += 1
            continue
        if j >= len(words) or not _GAP.fullmatch(text[end:words[j][0]]):
            i = j
            continue
        m_start, m_end, model = words[j]
        if not _model(model, model.lower(), low, plain, word[0].isupper()) or (
                _alone_on_line(text, start, m_end) and model.lower() not in _MODELS and not _CODE.fullmatch(model)):
            i = j  # a make and an unknown word alone on a line are a signature's shape: "Regards,\nSkoda Novak"
            continue
        stop = m_end  # a vehicle's model runs on over no code: "Ford Focus YD19 KXT" leaves the plate out
        vehicle = low in _PLAIN_MAKES or low in _VEHICLE_NAME_MAKES
        for k in range(j + 1, min(j + 4, len(words))):  # "Serie 6 WGG244Z0PL", "Galaxy A54", "ecoTEC plus"
            w_start, w_end, more = words[k]
            if not _GAP.fullmatch(text[stop:w_start]) or not (
                    more.lower() in _MODELS or more.lower() in ("plus", "pro", "max", "ultra", "lite")
                    or (_APPLIANCE_CODE.fullmatch(more) and any(c.isalpha() for c in more) and not vehicle)
                    or (more.isdigit() and len(more) <= 2)):
                break
            stop = w_end
        found.append((start, stop))
        i = j + 1
    return found


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is all its line holds (but spaces and closing punctuation)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" \t.,;:!")


def _holds_name(value: str) -> bool:
    """Whether a piece of a span left outside a product's name still holds a person's name."""
    names = re.findall(r"[^\W\d_][\w'’-]{0,29}", value)
    return any(w.lower() in pii_rules.FIRST_NAMES for w in names) or sum(w[0].isupper() for w in names) >= 2


def drop_product_models(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans over a product's make (or brand) and model, and the ADDRESS spans wholly
    inside one; a PERSON span's part outside the product stays when it still holds a name."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind in ("PERSON", "ADDRESS") for s in spans):
        return spans
    products = product_names(text)
    if not products:
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        over = [(a, b) for a, b in products if a < s.end and s.start < b]
        if not over or s.kind not in ("PERSON", "ADDRESS"):
            out.append(s)
            continue
        if s.kind == "ADDRESS":
            if not (over[0][0] <= s.start and s.end <= over[-1][1] and len(over) == 1):
                out.append(s)
            continue
        a, b = over[0][0], over[-1][1]
        for piece_start, piece_end in ((s.start, a), (b, s.end)):
            piece = text[piece_start:piece_end] if piece_start < piece_end else ""
            if piece.strip() and _holds_name(piece):
                lead = len(piece) - len(piece.lstrip(" \t,;:()-"))
                trail = len(piece.rstrip(" \t,;:()-"))
                out.append(PiiSpan(s.kind, piece_start + lead, piece_start + trail, s.score))
    return out
