"""A town, a district, a neighbourhood, an estate or an attraction that the message itself tells as a place is a kept
``PLACE``, not a person (session 43's 43-7, a second look at session 41's towns of docs/pending/s41-1.patch, with
the message's own cues instead of a gazetteer).

By the labelling conventions (``tests/data/pii/build.py``) a town, a suburb, a landmark, an estate or a site named
alone is a kept ``PLACE``; the NER model and the CRF tagger take many such names for a ``PERSON`` ("in Santo Amaro",
"w Łodzi", "v obci Velké Meziříčí", "Gebiet Oerlikon", "naar Dierenpark Amersfoort", "zum Wildpark Schwarze Berge",
"Rabie Ridge ext 2", "Bayan Lepas hub", "Grüße aus Graz"). :func:`drop_place_persons` (wired after the PERSON check
in the default detector, only when the check is on, so that the check's training rows are unchanged; after the
filters in the rules-only one) drops a ``PERSON`` span that only names a place the message tells as one:

- the span (less edge punctuation) is one to four words, each capitalised (or a particle: "San Juan de
  Lurigancho", "Zell am See"), no digit, not all capitals;
- and a cue of place in the message's language says it is a place: a place preposition that no person's name
  follows right before it ("in", "near", "across", "whole of", "im Gebiet", "nach", "zum", "w", "we", "v", "ve",
  "em", "ở", "tại", "huko", "kat", "dekat", "lângă", "ties", "alueella", "območju", "obci", "zona",
  "quartiere"...), or a place word right before it or opening it ("Dierenpark", "Wildpark", "Parkhaus", "Brgy.",
  "khu", "phường", "vestiging", "site de", "armazém", "Skladište", "depo"...), or a place word right after it
  ("area", "hub", "side", "junction", "estate", "ext", "market"...);
- a signature's "Grüße aus Graz" (or "saluto da Lecco", "greetings from Leeds") that the model ran into the name on
  the next line loses its place line only: the name stays masked.

Session 45 (45-8) widened the cues for districts, stations, malls and landmarks of Africa, Asia, the Middle East and
Latin America (and Europe's stations and airports):

- a landmark's preposition before it ("opposite Mama Cass", "frente al metro Ñuble", "karibu na", "depan", "mbele
  ya"): such a landmark stays a place even after someone's address in the sentence before, unless it touches the
  address's span; never a first name after it ("behind Sarah Jones in the queue");
- a place's word closing the span ("Roma Termini", "Ramez mall", "Banani lake"; capitalised only where it is no
  surname: "Temple", "Plaza", "Lake", "Park" are names), a Turkish locative ("Kadıköy Moda'da"), a place's word after
  it ("Gulberg wali branch", "Moda parkının", "Huduma Centre", "Hedensted Kommune") or opening it ("Canton Ticino",
  "Perumahan Griya Asri", "Flughafen München", "Cité Ennasr", "Sede Chapinero"), more prepositions ("hapa", Arabizi
  "bel", Tagalog "dito sa", "lufthavn", "cawangan", "a la altura de"), hyphenated names ("Lyon Part-Dieu");
- a route in a message about a journey (a train, a flight, a ride, luggage, a flight's number): "fra Gardermoen til
  Málaga", "the 17:42 Waterloo to Guildford", French "à Juvisy"; never a first name, nor after a name's word ("change
  the name on my booking from Jon Mcavoy to …");
- a town after a place the message told, ending its clause ("in Ferndale, Randburg since 14:00"), never a first name
  ("in Leeds, Tom."); a chain store and its suburb ("Boxer Jabavu", "Carrefour Maadi"; the brands of pii_brands.txt
  and a short list of chains); "your Andheri West store";
- a span of the model that opens with lower-case words ("jana jioni hapa Kahawa West", "behind Ramez mall") is read
  from its first capitalised word, its cue among the words before; the same words told as a place elsewhere in the
  message ("Kære borgere i Hedensted" … "Hedensted Kommune") are a place too.

Session 48 (48-4): Spanish and French "en" before a town in a Spanish or French message ("sin fibra en Carabanchel";
never after "confío en", before a first name, or in Dutch and Scandinavian text, where "en" is "and" or "a"),
Polish "przy" and a car park's word before it ("parking przy Galerii Kazimierz", "na parkiralištu"), a hospital's,
a hotel's, a landmark's or a depot's word after it ("Mama Lucy hospital", "Panthapath signal", "Kadıköy şubesinde",
"Jaipur mein").

What it never takes (the look-alikes): a person's name after a name's cue ("Frau", "Mr", "Hi", "soy", "my
daughter"), a possessive ("in Maria's name"), a speaker before a colon, a name followed by another capitalised word
(a firm: "Kilbride Fresh Produce"), a place inside the writer's own address (after "I live in", "deliver to", a
form's label "City:", a street earlier on its line, a postcode after it, or right next to another span: an ADDRESS,
a ZIP, a phone), any kind other than ``PERSON``. Prepositions that a person's name follows as often ("to", "from",
"de", "à", "en", "na", "i", "u", "di", "bei", "van") are no cue. German "im" is one only in a message with German
words (a chat's "im" is "I'm": "hi im Lwazi Dube") and Dutch "naar" only when it asks for no one ("Vraag naar Ruud"):
both narrowed after the merge, when the seen sets showed them losing names. At most 40 spans a message are looked at.
"""

from __future__ import annotations

import itertools
import re

from services.adapters.local import pii_rules
from services.adapters.local.pii_street_places import _LABEL, _OWN, _SUFFIX, _TYPE_BEFORE
from services.models import PiiSpan

_MAX_SPANS = 40
_EDGE = " \t.,;:!?\"()[]«»“”"
_WORD = r"[^\W\d_][^\W\d_'’-]{0,30}(?:-[^\W\d_][^\W\d_'’-]{0,30}){0,2}"  # "Part-Dieu" (session 45)
_PARTICLE = r"(?:de|do|da|dos|das|del|la|le|am|an|sur|upon|on|in)"
# one to four words, each capitalised or a particle between two ("San Juan de Lurigancho", "Zell am See")
_VALUE = re.compile(rf"{_WORD}(?:[ \t](?:{_PARTICLE}[ \t])?{_WORD}){{0,3}}")
_ARTICLE = r"(?:(?:the|la|le|l['’]|el|il|lo|der|die|das|dem|den|het|de)[ \t])?"
# a place preposition or a place's word right before the span: no person's name follows these
_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:in|near|nearby|across|throughout|around|outside|(?:the[ \t])?whole[ \t]of|all[ \t]over|"
    r"area|areas|suburb|district|estate|neighbourhood|neighborhood|"
    r"im[ \t]gebiet|gebiet|im[ \t]raum|raum|nach|zum|zur|in[ \t]der|stadtteil|ortsteil|"
    r"nabij|omgeving|wijk|buurt|"
    r"w|we|koło|pod|okolice|dzielnica|v|ve|obci|obec|městě|mesto|območju|"
    r"em|perto[ \t]de|bairro|aqui[ \t]em|zona|quartiere|quartier|barrio|colonia|"
    r"ở|tại|khu|khu[ \t]vực|phường|quận|huko|huku|katika|eneo[ \t]la|kat|dekat|daerah|kawasan|kelurahan|"
    r"lângă|în|ties|alueella|kaupunginosassa|"
    r"brgy\.?|barangay|perumnas|dierenpark|wildpark|tierpark|vogelpark|zoo|parkhaus|parking|"
    r"vestiging|locatie|site[ \t]de|site[ \t]d['’]|agence[ \t]de|agência|agência[ \t]de|unidade|filiale|lager|"
    r"almacén|skladište|sklad|depo|armazém|magazzino[ \t]di|entrepôt[ \t]de|stazione[ \t]di|centrale[ \t]di|"
    r"bureau[ \t]de[ \t]poste[ \t]de|cửa[ \t]hàng|chi[ \t]nhánh|sucursal[ \t]de|sucursal|oddział[ \t]w|"
    # session 45 (45-8): Swahili's "here", Arabizi's and Tagalog's "in", a station's, a branch's or a depot's word
    r"hapa|bel|bl|bil|fel|dito[ \t]sa|doon[ \t]sa|metro|subte|estación[ \t]de|estação[ \t]de|gare[ \t]de|bahnhof|"
    r"aeropuerto[ \t]de|aeroporto[ \t]de|aéroport[ \t]de|lufthavn|flygplats|branch|cawangan|depot|warehouse|"
    r"piirkonnas|linnaosas|(?:a[ \t]la[ \t])?altura[ \t]d[eoa]|"
    # session 48 (48-4): Polish "przy" ("parking przy Galerii Kazimierz"), a car park's word in more languages
    r"przy|parkingu|parkiralištu|parkirališču|parkirališče|parkeret[ \t]på|parkert[ \t]på|parkerad[ \t]på)"
    rf"[ \t]{{1,2}}{_ARTICLE}\Z")
# session 45 (45-8): a landmark's preposition right before the span ("opposite Mama Cass", "frente al metro Ñuble",
# "karibu na Quickmart", "depan Indomaret"): a landmark, even in the sentence after someone's address
_LANDMARK_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:opposite|opp\.|behind|beside|next[ \t]to|close[ \t]to|across[ \t]from|in[ \t]front[ \t]of|"
    r"frente[ \t]al?|en[ \t]frente[ \t]de|enfrente[ \t]de|al[ \t]lado[ \t]de|cerca[ \t]de|junto[ \t]al?|"
    r"atrás[ \t]d[oa]|perto[ \t]d[oa]|ao[ \t]lado[ \t]d[oa]|em[ \t]frente[ \t]a[oà]?|en[ \t]face[ \t]de|"
    r"près[ \t]de|à[ \t]côté[ \t]de|gegenüber[ \t](?:von|vom)|tegenover|karibu[ \t]na|mbele[ \t]ya|nyuma[ \t]ya|"
    r"jirani[ \t]na|depan|sebelah|belakang|samping|masjid)"
    r"(?:[ \t](?:the|el|la|o|a|metro|subte|station|estación|estação|gare))?[ \t]{1,2}\Z")
# a place's word opening the span ("Dierenpark Amersfoort", "Wildpark Schwarze Berge", "Gebiet Oerlikon")
_OPENING = re.compile(
    r"(?i)(?:dierenpark|wildpark|tierpark|vogelpark|zoo|parkhaus|naturcenter|quartiere|gebiet|stadtteil|"
    r"vestiging|locatie|site[ \t]de|site[ \t]d['’]|agence[ \t]de|agência|unidade|lager|almacén|skladište|depo|"
    r"armazém|brgy\.?|barangay|perumnas|bairro|barrio|colonia|khu|phường|quận|"
    # session 45 (45-8): a region's, an estate's or a park's word ("Canton Ticino", "Perumahan Griya Asri", "Parc Vista")
    r"canton|kanton|cantone|provincia|province|región|regione|departamento|distrito|comuna|municipio|county|"
    r"perumahan|komplek|kompleks|parc|parque|jardim|residencial|condominio|condomínio|metro|cité|sede|"
    r"flughafen|lufthavn|aeropuerto|aeroporto|aéroport)[ \t]{1,2}(?=[^\W\d_])")
# a place's word right after the span ("the Harrogate and Knaresborough area", "Rabie Ridge ext 2", "Kasoa side")
_AFTER = re.compile(
    r"(?i)[ \t]{1,2}(?:area|areas|district|suburb|neighbourhood|neighborhood|estate|hub|side|junction|"
    r"market|ext\.?|extension|township|village|town[ \t]centre|city[ \t]centre|mall|bus[ \t]stop|"
    r"gebiet|bezirk|wijk|dzielnica|bairro|zona|quartiere|"
    # session 45 (45-8): a landmark's, a station's or a town hall's word after it ("Banani lake", "Gulberg wali
    # branch", "Moda parkının", "Hedensted Kommune", "Kahawa West stage")
    r"(?:wali|wala|wale)[ \t](?:branch|store|shop|office|atm|outlet)|branch(?![ \t](?:manager|head|officer|staff))|"
    r"lake|temple|mosque|masjid|centre|center|centrum|colony|layout|"
    r"station|terminal|airport|roundabout|flyover|stage|bus[ \t]stand|parkı\w{0,6}|"
    r"kommune|kommun|kunta|gemeinde|municipality|"
    # session 48 (48-4): a hospital's, a hotel's, a landmark's or a depot's word after it ("Mama Lucy hospital",
    # "Panthapath signal", "Jewel pickup point", "Kadıköy şubesinde", "Árkád bevásárlóközpontban", "Jaipur mein")
    r"hospital|hotel|castle|interchange|signal|chowk|pickup[ \t]point|pickup[ \t]station|şube\w{0,6}|"
    r"transfer[ \t]merkez\w{0,6}|aktarma[ \t]merkez\w{0,6}|bevásárlóközpont\w{0,6}|mein)(?![\w'’-])")
# the writer's signature greeting from a town: "Grüße aus Graz", "saluto da Lecco", "greetings from Leeds"
_GREETING_FROM = re.compile(
    r"(?i)(?<![\w'’-])(?:grüße|grüßen|gruß|grüsse|gruss|lg|vg|greetings|regards|saluti|saluto|salutations|"
    r"groeten|groetjes|pozdrawiam|pozdrowienia|pozdrav|pozdravy|hälsningar|hilsen|terveisin|saludos|"
    r"cumprimentos|abraços)[ \t](?:aus|from|da|dal|uit|z|ze|iz|från|fra|desde|de|do)[ \t]\Z")
# a name's cue right before: a title, a greeting, a self-introduction, a relative's or a role's word
_NAME_CUE = re.compile(
    r"(?i)(?<![\w'’])(?:mr|mrs|ms|miss|dr|prof|sr|sra|herr|frau|pani|pan|señor|señora|senhor|senhora|dona|doña|"
    r"mme|monsieur|madame|meneer|mevrouw|anh|chị|ông|bà|bapak|pak|ibu|bu|hi|hey|hello|hallo|hola|olá|ciao|"
    r"dear|liebe|lieber|thanks|thank[ \t]you|cheers|regards|love|i['’]m|i[ \t]am|it['’]s|this[ \t]is|soy|sou|"
    r"jestem|ich[ \t]bin|je[ \t]suis|name[ \t]is|named|called|daughter|son|wife|husband|mum|mom|dad|sister|"
    r"brother|friend|colleague|agent|driver|rider|engineer|technician|nimi|jina[ \t]langu[ \t]ni)"
    r"[ \t.,:;!-]{1,3}\Z")
# a verb that takes a person "in": "looping in", "cc'd in", "bringing in", "filling in for"
_VERB_IN = re.compile(r"(?i)(?<![\w'’-])(?:loop|looping|looped|cc|cc['’]d|cc['’]ing|copy|copying|copied|bring|bringing|"
                      r"brought|add|adding|added|rope|roping|roped|call|calling|called|let|letting|pull|pulling|"
                      r"put|putting|sub|subbing|swap|swapping|swapped|fill|filling|filled|check|checking|checked|"
                      r"sign|signing|signed|log|logging|logged|include|including|included|trust|believe|interest|"
                      r"interested|keep|keeping|kept)[ \t]{1,2}in[ \t]{1,2}\Z")
_AFTER_NAME = re.compile(r"(?i)[ \t]{0,2}(?::|['’]s\b|&|[ \t]?(?:speaking|here|says|said|wrote)\b)")
_CAPITAL_AFTER = re.compile(r"[ \t]{1,2}(?!I(?![\w'’]))[A-ZÀ-ÖØ-ÞĀ-Ž]")
_POSTCODE_AFTER = re.compile(r"[ \t]{0,2},?[ \t]{0,2}(?:\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}|\d{2}-\d{3}|"
                             r"\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2})\b")
_STREET_BEFORE = re.compile(rf"(?i)(?<![\w'’-])(?:{_TYPE_BEFORE}[ \t]|[^\W\d_]{{0,30}}{_SUFFIX}(?![\w'’-])|"
                            rf"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]{{0,30}}[ \t](?:road|street|avenue|lane|drive|rd|st|ave)(?![\w'’-])|"
                            rf"(?:flat|apartment|apt|piso|unit)[ \t]\d|"
                            rf"(?<![\w'’-])\d{{1,5}}[A-Za-z]?[ \t]{{1,2}}[^\W\d_][^,\n.!?\d]{{1,40}},[ \t]{{0,2}}\Z)")
# German "im" and Dutch "naar": cues only in a German message, and never after "ask for" (session 43's mend)
_IM_NAAR = re.compile(rf"(?i)(?<![\w'’-])(?P<word>im|naar)[ \t]{{1,2}}{_ARTICLE}\Z")
_GERMAN = re.compile(r"(?<![\w'’-])(?:der|die|das|und|ist|nicht|wir|ich|Sie|mit|auf|für|bei|dem|den|vom|zum)(?![\w'’-])")
_ASKS_FOR = re.compile(r"(?i)(?<![\w'’-])(?:vraag|vragen|vraagt|vroeg|zoek|zoeken|zoekt)[ \t]{1,2}\Z")
_EM_BEFORE = re.compile(r"(?i)(?<![\w'’-])em[ \t]\Z")
# session 48 (48-4): Spanish and French "en" before a town, a district or a country ("sin fibra en Carabanchel", "départ
# en Espagne"): a cue only in a Spanish or French message with no Dutch or Scandinavian words ("Piet en Jan", "en
# Hansen"), never after a verb that takes a person ("confío en", "pensando en", "je pense en") nor before a first name
_EN_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?P<verb>[^\W\d_]{1,20}[ \t]{1,2})?en[ \t]{1,2}(?:(?:el|la|los|las|le)[ \t])?\Z")
_EN_VERB = re.compile(r"(?i)(?:conf[ií]\w{0,6}|pens\w{0,6}|pien\w{0,4}|cre\w{0,4}|fij\w{0,6}|insist\w{0,5}|"
                      r"crois|croire|croyons|cru|nombre|name|ist|und|er|og|och|med|har|fra|från|till|til)[ \t]{1,2}\Z")
_ROMANCE = re.compile(r"(?i)(?<![\w'’-])(?:que|los|las|por|para|con|una|desde|hace|llevo|tengo|sin|est|pas|mon|une|des|"
                      r"les|nous|vous|pour|avec|sans|depuis|dans|je|mais)(?![\w'’-])")
_GERMANIC = re.compile(r"(?i)(?<![\w'’-])(?:het|een|ik|niet|wij|zijn|van|voor|met|och|jag|är|det|att|inte|för|og|jeg|"
                       r"ikke|er|til|med|har|and|the|is|to|of|you)(?![\w'’-])")
_VIETNAMESE = re.compile(r"[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
# session 45 (45-8): a place's word closing the span ("Roma Termini", "Ramez mall", "Banani lake"; capitalised only
# where no surname is one: never "Temple", "Plaza", "Lake", "Park"), or a Turkish locative ("Moda'da", "Kadıköy'de")
_CLOSING = re.compile(r"(?:[ \t]{1,2}(?:termini|mall|market|temple|mosque|masjid|lake|station|airport|terminal|"
                      r"roundabout|flyover|stage|branch|hbf|(?-i:Termini|Mall|Market|Mosque|Masjid|Station|Airport|"
                      r"Roundabout|Flyover|Hbf|Hauptbahnhof|Bahnhof))|['’](?:da|de|ta|te))\Z")
# a route: "fra Gardermoen til Málaga", "the 17:42 Waterloo to Guildford", "from Lagos to Abuja" in a message about a
# journey (a train, a flight, a ticket, luggage, a flight's number)
_ROUTE_FROM = re.compile(r"(?i)(?:(?<![\w'’-])(?:from|fra|från|von|van|desde|z|ze|od|dari)|\d{1,2}[:.h]\d{2})"
                         r"[ \t]{1,2}(?:the[ \t])?\Z")
_ROUTE_TO = re.compile(r"(?i)[ \t]{1,2}(?:to|til|till|nach|naar|para|hasta|do|ke|→|–|-)[ \t]{1,2}(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])")
_ROUTE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:from|fra|från|von|van|desde|z|ze|od|dari)[ \t]{1,2}"
                           r"(?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]{1,30}(?:[ \t](?-i:[A-ZÀ-ÖØ-Þ])[^\W\d_]{1,30}){0,2}"
                           r"(?:[ \t](?-i:airport|station|mall|terminal))?[ \t]{1,2}"
                           r"(?:to|til|till|nach|naar|para|hasta|do|ke|→)[ \t]{1,2}\Z")
_JOURNEY = re.compile(r"(?i)(?<![\w'’-])(?:trains?|flights?|fly|flew|flying|plane|airport|coach|ferry|ticket|tickets|"
                      r"journey|boarding|departure|luggage|baggage|suitcase|zug|flug|bahn|tog|flyet|fly|reise|tåg|flyg|"
                      r"tren|vuelo|billete|treno|volo|biglietto|frecciarossa|italo|vol|billet|tgv|voo|bilhete|pociąg|"
                      r"bilet|koffert|kofferten|koffer|gepäck|bagage|equipaje|bagaglio|bagagem|pnr|ride|cab|taxi|"
                      r"uber|bolt|careem|matatu|driver)(?![\w'’-])|"
                      r"(?<![\w'’-])(?-i:[A-Z]{2}|[A-Z]\d|\d[A-Z])[ \t]?\d{3,4}(?![\w'’-])")
# a greeting from a town whose preposition no person's name follows ("Grüße aus Leipzig", "groeten uit Utrecht",
# "pozdrawiam z Krakowa"; never "regards from Tom", "hilsen fra Ole")
_GREETING_AUS = re.compile(
    r"(?i)(?<![\w'’-])(?:grüße|grüßen|gruß|grüsse|gruss|lg|vg|greetings|groeten|groetjes|pozdrawiam|pozdrowienia|"
    r"pozdrav|pozdravy|saludos)[ \t](?:aus|uit|z|ze|iz|desde)[ \t]\Z")
# the lower-case words a span of the model opens with before the place ("jana jioni hapa Kahawa West", "behind Ramez
# mall"): the place's cue is read among them
_LOWER_HEAD = re.compile(r"(?:[^\W\d_A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]{0,30}[ \t]{1,2}){1,6}(?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
# a town after a place the message told, in a chain of places ("in Ferndale, Randburg since 14:00", "dito sa Brgy.
# Malanday, Valenzuela"), ending its clause; never a first name ("in Leeds, Tom.")
_CHAIN_BEFORE = re.compile(r"(?<![\w'’.-])(?P<place>[A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_'’]{1,30}(?:-[^\W\d_'’]{1,30})?"
                           r"(?:[ \t][A-ZÀ-ÖØ-ÞĀ-Ž][^\W\d_'’]{1,30}){0,2}),[ \t]{1,2}\Z")
_CHAIN_AFTER = re.compile(r"(?i)[ \t]{0,2}(?:[.,;:!?()\n]|\Z|[^\w\s]|\d|(?:since|tangu|desde|depuis|seit|sejak|dari|"
                          r"area|side|mbona|hakuna|no|sin|sem|sans|ohne)(?![\w'’-]))")
# a shop named by its suburb: "your Andheri West store", "at Ikeja Allen branch"
_SHOP_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:your|the|our|ur|at|@)[ \t]{1,2}\Z")
_SHOP_AFTER = re.compile(r"(?i)[ \t]{1,2}(?:store|outlet|showroom|branch|depot)(?![\w'’-])")
# a chain of shops or fuel stations whose branch is named by its suburb, after "at", "in", "på"… ("Boxer Jabavu",
# "Clicks Menlyn", "Carrefour Maadi", "Coles Chadstone"), besides the brands of pii_brands.txt
_STORE_BEFORE = re.compile(r"(?i)(?<![\w'’-])(?:at|@|in|from|near|outside|behind|opposite|the|your|our|ur|på|i|w|ve|"
                           r"chez|bei|beim|en|em|di|kat|dekat|na|no|ya|hapa|huko)[ \t]{1,2}\Z")
_CHAINS = frozenset("""boxer checkers clicks coles woolworths spar shoprite naivas quickmart carrefour starbucks hemköp
coop migros indomaret alfamart alfamidi asda sainsbury's kfc engen sasol makro ackermans dis-chem dischem chandarana
uchumi tuskys oxxo éxito exito jumia""".split())
# a name's word before a route: "change the name on my booking from Okafor to Adeyemi" is no journey
_NAME_WORD = re.compile(r"(?i)(?<![\w'’-])(?:name|names|named|nombre|nom|navn|namn|nome|naam|nazwisko|imię|surname|"
                        r"apellido|passenger|pasajero|passager|passageiro)(?![\w'’-])")
_A_BEFORE = re.compile(r"(?<![\w'’-])à[ \t]{1,2}\Z")  # French "à": a place in a message about a journey only
# a home's number right after the place: "Cité Keur Gorgui, villa n°112", "Kahawa Sukari, house 14"
_UNIT_AFTER = re.compile(r"(?i)[ \t]{0,2},?[ \t]{0,2}(?:villa|house|hse|flat|apt|apartment|unit|plot|lot|block|bloc|"
                         r"porte|maison|casa|depto|piso|nyumba|rumah|no|nr|n[°º]|numéro|número)\.?[ \t]?(?:n[°º]\.?[ \t]?)?\d")
_NEXT_TO = re.compile(r"[ \t]{0,3}(?:[,;/–—-][ \t]{0,3})?(?:\r?\n)?[ \t]{0,3}")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _line(text: str, start: int, end: int) -> tuple[str, str]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return text[line_start:start], text[end:len(text) if line_end < 0 else line_end]


def _shaped(value: str) -> bool:
    """One to four capitalised words (particles between), no digit, not all capitals, four letters or more."""
    return (4 <= len(value) <= 60 and value[0].isupper() and not value.isupper() and
            _VALUE.fullmatch(value) is not None and
            all(w[0].isupper() or re.fullmatch(_PARTICLE, w) for w in value.split()))


def _own_address(text: str, span: PiiSpan, start: int, end: int, spans: list[PiiSpan], landmark: bool = False) -> bool:
    """Is the place part of someone's address: a form's label, an address's words or a street before it on its line,
    a postcode after it, another (not PERSON) span right next to it or earlier in its sentence? A landmark (session
    45) only by the postcode after it or a span right next to it."""
    before, after = _line(text, start, end)
    if not landmark and (_LABEL.match(before) or _OWN.search(before[-80:]) or _STREET_BEFORE.search(before[-80:])):
        return True
    if _POSTCODE_AFTER.match(after) or _UNIT_AFTER.match(after):
        return True  # "…, 75011 Paris", "Cité Keur Gorgui, villa n°112, Dakar" (session 45)
    for other in spans:
        if other is span or other.kind == "PERSON" or (other.end > span.start and other.start < span.end):
            continue
        gap = text[other.end:span.start] if other.end <= span.start else text[span.end:other.start]
        if _NEXT_TO.fullmatch(gap):
            return True
    return False


def _chain_store(value: str, before: str) -> bool:
    """Is the value a chain's name and the suburb of its branch, after "at", "in", "på"… ("collects at Boxer Jabavu",
    "ombudet på Hemköp Mölndal")? No word of it a given name ("Siri Haugen" is no shop)."""
    from services.adapters.local.pii_presidio import BRANDS  # imported here: pii_presidio imports this module

    words = value.lower().split()
    if not _STORE_BEFORE.search(before) or any(w in pii_rules.GIVEN_NAMES for w in words):
        return False
    return any(len(words) > n and " ".join(words[:n]) in (_CHAINS | BRANDS if n == 1 else BRANDS) for n in (1, 2))


def _place_cued(text: str, start: int, end: int) -> bool:
    """Does the message tell the words at start:end as a place (a preposition or a place's word)?"""
    before, after = _line(text, start, end)
    opening = _OPENING.match(text, start, end)
    closing = _CLOSING.search(text, start, end)
    value = text[opening.end() if opening else start:closing.start() if closing else end]
    if not _shaped(value):
        return False
    if _NAME_CUE.search(before[-40:]) or _AFTER_NAME.match(after) and not (opening and after[:1] == ":"):
        return False  # "Frau Demirci", "in Maria's name", "Bola speaking", "Kemi: ..." (not "dal Canton Ticino: …")
    if _CAPITAL_AFTER.match(after) and not _AFTER.match(after):
        return False  # "in Kilbride Fresh Produce": a firm's name
    if _VERB_IN.search(before[-30:]):
        return False  # "Looping in Nomvula Dlamini", "cc'd in Tom"
    if _EM_BEFORE.search(before[-4:]) and _VIETNAMESE.search(text):
        return False  # Vietnamese "em Lan" (a younger person), not Portuguese "em Santo Amaro"
    tail = before[-40:]
    im_naar = _IM_NAAR.search(tail)
    if im_naar:  # "im Gebiet X" in German mail; never "hi im Lwazi Dube" nor "Vraag naar Ruud"
        cued = (_GERMAN.search(text) is not None if im_naar.group("word").lower() == "im"
                else not _ASKS_FOR.search(tail[:im_naar.start()]))
        if cued:
            return True
    if _en_cue(text, tail, value):
        return True  # "sin fibra en Carabanchel", "départ en Espagne" (session 48)
    if _GREETING_AUS.search(tail) or _chain_store(value, tail) or _SHOP_BEFORE.search(tail) and _SHOP_AFTER.match(after):
        return True  # "Grüße aus Leipzig", "Boxer Jabavu", "your Andheri West store"
    given = value.split()[0].lower() in pii_rules.GIVEN_NAMES  # "the name from Jon Mcavoy to …", "in Leeds, Tom."
    if (_ROUTE_BEFORE.search(before[-80:]) or _ROUTE_FROM.search(tail) and _ROUTE_TO.match(after) or
            _A_BEFORE.search(tail)) and _JOURNEY.search(text) and not given and not _NAME_WORD.search(before[-60:]):
        return True  # "fra Gardermoen til Málaga", "the 17:42 Waterloo to Guildford", "TGV annulé à Lyon Part-Dieu"
    if not given:
        link = _CHAIN_BEFORE.search(before[-80:])
        if link and _CHAIN_AFTER.match(after):
            link_before = before[:len(before) - len(before[-80:]) + link.start("place")][-40:]
            if _shaped(link.group("place")) and not _NAME_CUE.search(link_before) and (
                    _OPENING.match(link.group("place")) or _BEFORE.search(link_before)):
                return True  # "in Ferndale, Randburg since …" (never after a firm's name: "Allianz Service, Vogt")
    return bool(opening or closing or _BEFORE.search(before[-40:]) or _AFTER.match(after) or
                _LANDMARK_BEFORE.search(before[-40:]) and not given)  # "behind Sarah Jones in the queue": a person


def _en_cue(text: str, tail: str, value: str) -> bool:
    """Session 48 (48-4): is "en" right before the value a place's preposition: a Spanish or French message (two of
    their words more than of Dutch, Scandinavian or English ones), no verb that takes a person before it, no first
    name as the value's first word?"""
    en = _EN_BEFORE.search(tail)
    if en is None or en.group("verb") and _EN_VERB.search(en.group("verb")):
        return False
    if value.split()[0].lower() in pii_rules.GIVEN_NAMES:
        return False
    head = text[:2000]
    romance = {w.lower() for w in _ROMANCE.findall(head)}
    return len(romance) >= 2 and len(romance) > len({w.lower() for w in _GERMANIC.findall(head)})


def _landmark(text: str, start: int, end: int) -> bool:
    """Is the span told as a landmark (a landmark's preposition before it, its word closing it)?"""
    return bool(_CLOSING.search(text, start, end) or _LANDMARK_BEFORE.search(_line(text, start, end)[0][-40:]))


def _greeting_place(text: str, span: PiiSpan, spans: list[PiiSpan]) -> PiiSpan | None:
    """A span of "Graz\\nResi Hörmann" after "Grüße aus": the name line alone; None when it is not one."""
    start, end = _trim(text, span.start, span.end)
    newline = text.find("\n", start, end)
    if newline < 0 or not _GREETING_FROM.search(_line(text, start, end)[0][-40:]):
        return None
    head_end = _trim(text, start, newline)[1]
    if not _shaped(text[start:head_end]) or _own_address(text, span, start, head_end, spans):
        return None
    name_start = newline + 1
    while name_start < end and text[name_start] in " \t":
        name_start += 1
    return PiiSpan(span.kind, name_start, span.end, span.score) if name_start < end else None


def _named_elsewhere(text: str, span: PiiSpan, words: set[str], spans: list[PiiSpan]) -> bool:
    """Is a word of the span in another PERSON span of the message ("Herr Okafor" … "in der Mietsache Okafor")?"""
    for other in spans:
        if other is span or other.kind != "PERSON" or (other.end > span.start and other.start < span.end):
            continue
        if words & {w.lower() for w in re.findall(r"[^\W\d_]{3,30}", text[other.start:other.end])}:
            return True
    return False


def is_place(text: str, span: PiiSpan, spans: list[PiiSpan]) -> bool:
    """Is a PERSON span only a place the message tells as one, and no part of someone's address?"""
    start, end = _trim(text, span.start, span.end)
    if "\n" in text[start:end]:
        return False
    head = _LOWER_HEAD.match(text, start, end)
    if head:  # session 45 (45-8): "jana jioni hapa Kahawa West", "behind Ramez mall": the place after the words
        start = head.end()
    words = {w.lower() for w in re.findall(r"[^\W\d_]{3,30}", text[start:end])}
    if _named_elsewhere(text, span, words, spans):
        return False
    if _place_cued(text, start, end):
        return not _own_address(text, span, start, end, spans, _landmark(text, start, end))
    return _told_elsewhere(text, span, start, end, spans)


def _told_elsewhere(text: str, span: PiiSpan, start: int, end: int, spans: list[PiiSpan]) -> bool:
    """Session 45 (45-8): does the message tell the same words as a place elsewhere ("Kære borgere i Hedensted" …
    "Hedensted Kommune"), and never as part of someone's address? At most four other mentions are looked at."""
    value = text[start:end]
    before, after = _line(text, start, end)
    if (not _shaped(value) or _NAME_CUE.search(before[-40:]) or value.split()[0].lower() in pii_rules.GIVEN_NAMES
            or not (before + after).strip(_EDGE)):
        return False  # a name's cue before it, a first name, a line of its own (a signature's "Florence")
    mentions = (m for m in re.finditer(rf"(?<![\w'’-]){re.escape(value)}(?![\w'’-])", text) if m.start() != start)
    for m in itertools.islice(mentions, 4):
        other = PiiSpan(span.kind, m.start(), m.end(), span.score)
        if _place_cued(text, m.start(), m.end()) and not _own_address(text, other, m.start(), m.end(), spans):
            return True
    return False


def drop_place_persons(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that only name a place the message tells as one (a greeting's town cut off a
    signature's name)."""
    if not spans or len(spans) > _MAX_SPANS or not any(s.kind == "PERSON" for s in spans):
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON":
            out.append(s)
            continue
        cut = _greeting_place(text, s, spans)
        if cut is not None:
            out.append(cut)
        elif not is_place(text, s, spans):
            out.append(s)
    return out
