"""The caller's answer to an agent's question for an address or a part of one (candidate 38-1, issue 21).

In a call or a chat the agent asks for the address, or for one part of it, and the caller's next turn gives it:
"agente: ¿domicilio?\\ncliente: calle colima ciento veinte, interior cuatro, colonia roma norte", "agent: address po
for verification\\ncustomer: blk twelve lot seven, phase two, mabuhay homes, brgy san isidro, cainta rizal", "agent: and
your address for the assessor\\ncaller: no forty two stroke three, temple road, maharagama", "operatore: e
l'indirizzo di installazione?\\ncliente: via Garibaldi 22, interno 4, Torino", "atendente: e o número?\\ncliente:
setecentos e doze, apartamento oitenta e quatro", "atendente: complemento?\\ncliente: apto 82", "rider: which house is
it\\ncustomer: number 19, the one with the blue van". The address rules read written addresses and English spoken
ones; a house number or a street said in Portuguese, Spanish, Italian, French, German, Dutch or Polish words, a
Philippine block and lot, a Singapore block and unit, a Sri Lankan "no forty two stroke three" and a bare house
number or flat given as the answer were missed, or only their first words masked.

:func:`find_address_answers` (a finder of ``pii_rules.find_all``) proposes an ADDRESS on the line after a question:

- the question: a speaker's turn ("agent:", "atendente:", "[00:00:18] Speaker 1:") asking for an address in the
  languages our calls mix ("address", "endereço", "dirección", "domicilio", "adresse", "indirizzo", "Anschrift",
  "adres", "alamat", "anwani", "thikana", "location", "where should we deliver it", "which house", "block and unit",
  other scripts' words) but not for an e-mail, IP, web or wallet address; or for a house number ("house number",
  "número da casa", "número exterior", "numero civico", "Hausnummer", "huisnummer", "which house") or a flat
  ("complemento?", "apartamento?"); a bare "número?" / "number?" only where an address was being taken in the lines
  before it (a bare "número?" is often a phone's);
- the answer: the next line, another speaker's turn. Fillers ("it's", "yeah", "isso", "sí", "c'est", "tô na") stay
  outside;
- for an address question: the turn's words from the first after the fillers (and the talk before the address, "I
  can see …") to the end of the address: the end of the turn or of its sentence, a label of other data ("zip",
  "pin", "postcode", "phone", "POD", "simu": the postcode rules read a postcode after its label), a "but" clause, a
  date ("ab ersten März"), "that's in <town>", a landmark, a floor or a hotel room said as the turn's last clause of
  its own (", near the vision city", ", au 3e étage", ", room six one four": the conventions' kept PLACE and ROOM;
  a landmark written into the address, "opposite the total petrol station, nairobi", stays inside), five digits said
  after the town alone (a US ZIP, kept; after the state's name it stays inside), polite particles ("po", "please",
  "right"). A street type (or a district word) and a number in one clause, a designator with its number ("flat 4B",
  "lot 22") or a number as a clause of its own beside a street ("forty seven, kingsdown parade") must be in it; a
  false start corrected ("two one five… sorry two five one Hollis Street") is a span of its own; a name asked with
  the address ("naam aur address?") leaves the name's first part to the name rules;
- for a house-number or flat question: the number said alone, its designator inside ("number 19", "apto 82", "flat
  four, sixty two"), and a flat or unit said after it a second span ("setecentos e doze", "apartamento oitenta e
  quatro"); a Spanish floor and door ("tercero B", "4º dcha") after "¿piso y puerta?"; a number said in groups
  ("cinco cinco cinco, dos…": a phone) or of more than six words is none, nor a flat with a block after it
  ("apartamento 82, bloco B": the address walk of pii_presidio would take the kept block with it); a postcode said
  before "nummer 17" after "postcode en huisnummer?" is a span of its own;
- a Ghana digital address read out after its question ("g a one eight three, four four one seven").

Never a turn without a number or without an address word ("same as before", "on the corner of Dover Street and
Queens Road", "the blue house behind the church": a description without a number is left to the other rules), an
order, policy or phone number given after "número de pedido / de telefone" (those questions are no house-number
questions), nor anything past the answer's turn. Plain Python over line pairs; every pattern is anchored and bounded.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_given_names
from services.adapters.local.pii_spoken_numbers import NUMBER_WORDS as _SPOKEN_NUMBER_WORDS

Found = tuple[str, int, int, float]

CAP = 24  # spans a message at most
_SCORE = 0.85
_MAX_LINES = 400  # a long paste is read for its first lines only
_MAX_LINE = 300  # a question or an answer longer than this is no turn of a call
_MAX_NUMBER_WORDS = 6  # a house or flat number said in words; more is a phone or an id read out

# a speaker's label at a line's start, perhaps after a time stamp: "agent:", "[00:01:12] Speaker 2:", "Agent Tyler:"
_LABEL = re.compile(r"[ \t]{0,4}(?:\[[^\]\n]{1,24}\][ \t]{0,2})?([^\W\d_][^\s:：]{0,24}(?:[ \t][^\s:：]{1,24}){0,2})"
                    r"[ \t]{0,2}[:：](?:[ \t]{1,4}|$)")

# ---- the questions --------------------------------------------------------------------------------------------------
_W = r"[^\W\d_][\w'’-]{0,20}"
_ADDRESS_Q = re.compile(
    r"(?i)(?<![\w@.-])(?:address(?:es)?|addy|endere[çc]os?|morada|direcci[óo]n|domicilio|indirizzo|"
    r"(?:[^\W\d_]{2,15})?(?:anschrift|adresse)|adres|adresu|alamat|anwani|thikana|location|premises|which[ \t](?:house|flat|unit|apartment|building)|"
    r"block[ \t]and[ \t]unit|(?:which|what)[ \t]street|street[ \t](?:name|and[ \t]number)|(?:y|e)[ \t](?:la[ \t]calle|"
    r"a[ \t]rua)|calle[ \t]y[ \t]n[úu]mero|rua[ \t]e[ \t]n[úu]mero|ulica[ \t]i[ \t]numer|where[ \t]exactly|"
    rf"where[ \t](?:{_W}[ \t]){{0,4}}(?:deliver|send|bring|drop|ship|install|live|come|find)\w{{0,3}}|"
    rf"dove[ \t](?:{_W}[ \t]){{0,3}}(?:consegn|abit|viv|spedi)\w{{0,6}}|"
    rf"o[ùu][ \t](?:{_W}[ \t]){{0,3}}(?:livr|habit)\w{{0,6}}|"
    rf"d[óo]nde[ \t](?:{_W}[ \t]){{0,3}}(?:entreg|vive|env[íi])\w{{0,6}}|"
    rf"onde[ \t](?:{_W}[ \t]){{0,3}}(?:entreg|mora|envi)\w{{0,6}}|wohin|wo[ \t]wohnen)(?![\w'’])|"
    r"כתובת|पता|پتہ|địa[ \t]chỉ|ที่อยู่|住所|地址|주소|عنوان|адрес")
# an address that is not a home's: e-mail, IP, web, wallet
_OTHER_ADDRESS = re.compile(
    r"(?i)(?:e-?mail|mail|ip|mac|web|wallet|site|correo|courriel|electr[óo]nic[oa]|eletr[ôo]nic[oa]|crypto|bitcoin|"
    r"usdt)[ \t-]{0,2}(?:address|adresse|adres|endere[çc]o|direcci[óo]n|indirizzo)|"
    r"(?:address|adresse|adres|endere[çc]o|direcci[óo]n|indirizzo)[ \t]{1,2}(?:de[ \t]{1,2}|d['’])?(?:e-?mail|ip|"
    r"correo|courriel|mail|web|wallet|electr|eletr)")
# a question for the house or flat number
_NUMBER_Q = re.compile(
    r"(?i)(?<![\w'’])(?:(?:house|door|flat|apartment|apt|unit|building|plot|stand|erf)[ \t]?(?:number|no\.?|num|#)|"
    r"house[ \t]no|which[ \t](?:house|flat|unit|apartment|door)|"
    r"n[úu]mero[ \t](?:d[ao][ \t](?:casa|resid[êe]ncia|im[óo]vel|pr[ée]dio|apartamento|apto|endere[çc]o|porta)|"
    r"exterior|interior|de[ \t](?:la[ \t])?(?:casa|calle|portal|puerta|domicilio))|numero[ \t]civico|civico|"
    r"num[ée]ro[ \t]de[ \t](?:la[ \t])?(?:rue|maison|voie|porte)|hausnummer|hausnr|huisnummer|"
    r"numer[ \t](?:domu|mieszkania|lokalu)|nyumba[ \t]namba|kap[ıi][ \t]numaras[ıi]|daire[ \t]numaras[ıi]|"
    r"nomor[ \t]rumah|nombor[ \t]rumah|no\.?[ \t]rumah|complemento|piso[ \t]y[ \t](?:puerta|letra|depto|departamento)|"
    r"planta[ \t]y[ \t]puerta|andar[ \t]e[ \t](?:apartamento|apto)|(?:cep|c[óo]digo[ \t]postal|post[ \t]?code|zip)[ \t]"
    r"(?:e|y|and)[ \t](?:o[ \t]|el[ \t]|the[ \t])?(?:n[úu]mero|number))(?![\w'’])")
_UNIT_Q = re.compile(r"(?i)(?<![\w'’])(?:complemento|piso[ \t]y|planta[ \t]y|andar[ \t]e|daire)(?![\w'’])")
# a bare "número?", "and the number?", "apartamento?" (an address must have been asked before it)
_BARE_Q = re.compile(
    r"(?i)[ \t¿]{0,3}(?:(?:and|e|y|et|und|en|ok|okay|certo|[óo]timo|perfeito|beleza|vale|bien|gracias|obrigad[oa]|"
    r"thanks|right|great)[, \t]{1,3}){0,2}(?:(?:qual|cu[áa]l)[ \t]{1,2}(?:[ée][ \t]|es[ \t])?)?"
    r"(?:(?:o|a|el|la|the|il|le|your|seu|su)[ \t]{1,2})?"
    r"(?P<word>n[úu]mero|numero|num[ée]ro|number|nummer|apartamento|apto|apartment|flat|unit|depto|departamento|piso|"
    r"interior|interno|appartement)[ \t]{0,2}\?{0,2}[ \t.]{0,3}$")
# the agent reading a street back as a question, the caller adding the number
_STREET_READ_BACK = re.compile(r"(?i)[ \t¿]{0,3}(?:rua|avenida|av\.|calle|via|viale|corso|rue|avenue|street)[ \t]"
                               r"[^\d?\n]{2,50}\?[ \t]{0,3}$")
_UNIT_WORDS = frozenset("apartamento apto apartment flat unit depto departamento piso interior interno appartement "
                        "complemento".split())
# words that show an address is being taken in the lines before a bare "número?"
_ADDRESS_CONTEXT = re.compile(r"(?i)(?<![\w'’])(?:cep|rua|avenida|calle|colonia|bairro|post[ \t]?code|eircode|"
                              r"c[óo]digo[ \t]postal|street|road|entrega|delivery)(?![\w'’])")
_POSTCODE_Q = re.compile(r"(?i)(?<![\w'’])(?:post[ \t]?code|postcode|cep|code[ \t]postal|c[óo]digo[ \t]postal|plz|"
                         r"eircode)(?![\w'’])")
_DIGITAL_Q = re.compile(r"(?i)(?<![\w'’])(?:digital[ \t]address|ghana[ \t]?post(?:[ \t]gps)?|gps[ \t]address|"
                        r"post[ \t]gps)(?![\w'’])")
_NAME_Q = re.compile(r"(?i)(?<![\w'’])(?:name|naam|nombre|nome|nom|nama|jina|pangalan)(?![\w'’])")

# ---- the answers ----------------------------------------------------------------------------------------------------
# multi-word openers read as one: "it is", "i live at", "tô na"
_OPENER = re.compile(
    r"(?i)(?:(?:it[ \t]is|it['’]?s|its|that['’]?s|thats|the[ \t]address[ \t]is|(?:my|our|the)[ \t](?:new[ \t])?address"
    r"(?:['’]s|[ \t]is)|i[ \t]live[ \t](?:at|in)|we[ \t]live[ \t](?:at|in)|i['’]?m[ \t](?:at|in)|im[ \t](?:at|in)|"
    r"we['’]?re[ \t](?:at|in)|we[ \t]are[ \t](?:at|in)|i[ \t]am[ \t](?:at|in)|t[ôo][ \t]n[ao]|moro[ \t](?:n[ao]|em)|"
    r"fica[ \t]n[ao]|(?:[ée]|es|era)(?:[ \t](?:o|a|el|la|n[ao]))?|vivo[ \t]en|c['’]est(?:[ \t](?:au|le))?|yeah|yes|yep|"
    r"yup|sure|um+|uh+|erm|er|so|ok|okay|oh|well|right|isso|sim|sí|si|claro|oui|ouais|euh|alors|ja|genau|also|sì|"
    r"allora|haan(?:[ \t]ji)?|ji|opo|oo|ah|aiyo|hmm|mm|eh|ehm|äh|ähm|olha|então|entao|bom|pois|pues|bueno|vale|mire|"
    r"mira|ecco|dunque)(?![\w'’])[ \t,.:;-]{0,3})")
_MAX_OPENERS = 4
# words that say the turn is no address ("same as before", "hold on")
_NOT_ADDRESS = frozenset("""same don't dont know sorry moment hold wait minute which what why email e-mail gmail mail
phone account order card password não nao sei mesmo momento espera igual mismo ningún ningun même attendez""".split())
_AT_DIGIT = re.compile(r"@|https?:|www\.")

# number words: the languages of pii_spoken_numbers, English, Dutch, German compounds
_EN_NUMBERS = frozenset("""zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
double triple""".split())
_NL_NUMBERS = frozenset("""nul één een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien
zestien zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd""".split())
_MORE_NUMBERS = frozenset("dix-sept dix-huit dix-neuf vingt-et-un trente-et-un quatre-vingt quatre-vingts".split())
# words of those lists that are other words too ("um", "lima", "dos", "oh"): a number only beside another number word
_AMBIGUOUS = frozenset("""um un une una uno bin mia tre sei otto sette nove due dua lima enam sita saba nane
sept cent cents mil mille null nul kumi tano tatu moja oh meia bir satu dos double triple een elf""".split())
# pii_spoken_numbers' joiners, which its word list holds
_SPOKEN_JOINERS = frozenset("y e et na und guion guión traço tracinho ponto punto tiret trattino barra".split())
_JOINERS = frozenset("y e et und en and na".split())
_COMPOUND_NUMBER = re.compile(r"(?i)(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|een|twee|drie|vier|vijf|zes|"
                              r"zeven|acht|negen)(?:und|en|ën)(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|"
                              r"siebzig|achtzig|neunzig|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|"
                              r"negentig)|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)?hundert\w{0,20}|"
                              # Italian: "centoventi", "duecentoventi", "quarantadue", "trentotto"
                              r"(?:(?:due|tre|quattro|cinque|sei|sette|otto|nove)?cento)?(?:vent|trent|quarant|"
                              r"cinquant|sessant|settant|ottant|novant)(?:[aie](?:due|tre|tré|quattro|cinque|sei|"
                              r"sette|nove)?|uno|otto)|(?:due|tre|quattro|cinque|sei|sette|otto|nove)?cento(?:uno|due|tre|"
                              r"quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|"
                              r"sedici|diciassette|diciotto|diciannove)?")
_DIGITS = re.compile(r"\d{1,5}(?:[ \t]?[A-Za-z](?![\w'’]))?(?:[-/][ \t]?\d{1,4}[A-Za-z]?|-[A-Za-z](?![\w'’]))?"
                     r"(?![\w'’])")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]{0,30}")
# a Spanish, Portuguese or Italian floor and door: "4º dcha", "2.º B", "tercero B", "segundo izquierda", "bajo A"
_FLOOR_DOOR = re.compile(
    r"(?i)(?:\d{1,2}\.?[ºª°]|primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[ée]ptim[oa]|octav[oa]|"
    r"noven[oa]|d[ée]cim[oa]|bajo|primeiro|terceiro|oitavo|nono|primo|secondo|terzo|quarto|sesto|settimo|ottavo)"
    r"(?:[ \t](?:piso|andar|planta))?[ \t]?(?:[a-h]|be|ce|izquierda|derecha|izq\.?|izda\.?|dcha\.?|dcho\.?|centro|"
    r"esquerdo|direito|esq\.?|dto\.?)(?![\w'’])")

# a designator before a house or a flat number
_NUMBER_DESIGNATOR = re.compile(
    r"(?i)(?:house[ \t]number|house[ \t]no\.?|h\.?[ \t]?no\.?|number|n[úu]mero|numero|num[ée]ro|nummer|huisnummer|"
    r"hausnummer|nr\.?|no\.?|n[º°]\.?|civico|namba)(?![\w'’])[ \t]{0,2}")
_UNIT_DESIGNATOR = re.compile(
    r"(?i)(?:apartamento|apartment|apt\.?|apto\.?|ap\.|flat|unit|suite|depto\.?|departamento|dpto\.?|interno|"
    r"interior|int\.|piso|appartement|appt\.?|wohnung|mieszkanie|mieszkania|lokal|casa|door)(?![\w'’])[ \t]{0,2}")
_BLOCK = re.compile(r"(?i)(?:bloco|bloque|block|blk|torre|tower|scala|stair|escada|escalera|portal)(?![\w'’])")

# street types, unit and district words that make a turn an address (with a number somewhere in it)
_STREET_WORDS = frozenset("""street st road rd avenue ave av avda avenida lane ln drive dr crescent cres parade terrace tce
grove gardens gdns mews boulevard blvd highway hwy parkway pkwy rise close way court place square park view green
hill walk heights heol ffordd stryd bóthar sráid box
rua travessa alameda praça praca estrada rodovia largo bairro jardim condomínio condominio quadra
calle paseo plaza pasaje camino carrera transversal diagonal jirón jiron privada cerrada callejón callejon colonia col
manzana lote urbanización urbanizacion barrio
via viale corso piazza piazzale vicolo contrada
rue allée allee chemin impasse quai cours route résidence residence immeuble imm lotissement cité hay
weg platz allee gasse ring damm
straat laan plein gracht kade singel dreef
ulica ul aleja osiedle
jalan jl jln lorong lrg gang gg blok taman kampung
mtaa barabara nyumba
brgy barangay purok sitio subd subdivision phase sector gali nagar layout colony mohalla marg bari
sokak sokağı sok cadde caddesi cad mahallesi mah
số đường phường quận hẻm soi moo
רחוב דירה मकान गली नगर مکان بلاک گلی""".split())
# designators that make an address only with their number after them ("house 7", "flat 4B", "lot 22")
_DESIGNATOR_WORDS = frozenset("""house hse flat apt apartment unit suite block blk lot plot stand erf no number nr nº
número numero numéro nummer hausnummer huisnummer casa apartamento apto depto departamento dpto interior int interno
piso bloco villa imm immeuble appartement appt mieszkania mieszkanie lokal wohnung top daire kapı hash condo
shop""".split())
_STREET_SUFFIX = re.compile(r"(?i)(?<![\w'’])[^\W\d_]{2,30}(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|straat|laan|"
                            r"plein|gracht|kade|singel|gatan|gata|vej|gade|katu|tie|hof|markt|ufer|pfad|chaussee)(?![\w'’])")

# where the address ends inside the turn
_STOP = re.compile(
    r"(?i)(?:[?!;]|…|\.\.\.|[ \t,]{1,3}(?:(?:il|the|el|le|la|o|a|my|mi|meu|mon|mio|and|y|e|et)[ \t]){0,2}(?:zip(?:[ \t]code)?|pin(?:[ \t]?code)?|pincode|c\.?p\.?|phone|mobile|tel|"
    r"telefone|tel[ée]fono|simu|email|e-mail|pod|cups|landmark|and[ \t]my|"
    r"my[ \t]name|but|pero|mas|ma|mais|aber|maar|ama|lakini|because|porque|digital[ \t]address|ghana[ \t]post|gps|"
    r"the[ \t]one[ \t]with|for[ \t]the|since|how|when|and[ \t]i|i['’]?m[ \t]the|i[ \t]need|please[ \t]\w|"
    r"post[ \t]?code(?:['’]s)?|eircode(?:['’]s)?|that['’]?s[ \t]in|which[ \t]is[ \t]in|it['’]?s[ \t]in|going|heading|"
    r"to[ \t]the|towards|ab|from|starting|desde|a[ \t]partir|à[ \t]partir|dal|vanaf|seit|od|on[ \t]file|is[ \t]that|"
    r"is[ \t]it|right|correct|correcto|certo|richtig|verdad|n['’]est-ce)"
    r"(?![\w'’]))")
_LEAD_STOP = re.compile(r"(?i)(?:but|pero|mas|mais|aber|maar|ma|because|porque|outside|near|"
                        r"opposite|behind|by|on|at|in[ \t]front|across|next|beside|along|off|just|round|around|corner|"
                        r"between)(?![\w'’])")
# "sorry" and its kin after a false start: "two one five… sorry two five one Hollis Street"
_CORRECTION = re.compile(r"(?i)(?:…|\.\.\.|,|[ \t])[ \t]{0,2}(?:sorry|no[ \t]perd[óo]n|perd[óo]n|desculpa|pardon|"
                         r"scusi|scusa|sorry[ \t]no|i[ \t]mean|quer[ \t]dizer|o[ \t]sea|cioè|ich[ \t]meine|nee|"
                         r"przepraszam)(?![\w'’])[ \t,.]{0,3}(?:no[ \t,]{1,2})?")
# abbreviations whose dot does not end a sentence
_ABBREVIATIONS = frozenset("""st rd ave av avda blvd dr ln no nr n apt apto blk brgy hse col int depto dpto c ul al os m
str pl sq ct cres gdns bldg fl ph jl jln lt mz bl ap sc et imm appt rés res h hno subd opp nº sta sto s sr sra dra jr
mt ft bd pk""".split())
# a landmark said as the turn's last clause of its own: a kept place
_LANDMARK = re.compile(r"(?i)[ \t]{0,2}(?:(?:na|em|ao|al|a|en|de|au|im|am|on[ \t]the|the|el|just|right)[ \t])?(?:room|habitaci[óo]n|quarto|chambre|"
                       r"camera|zimmer|near|nearby|next[ \t]to|close[ \t]to|across[ \t]from|the[ \t]one[ \t]with|"
                       r"the[ \t](?:house|building|one|gate|door)|behind|opposite|opp\.?|beside|by[ \t]the|in[ \t]front|"
                       r"perto|cerca|junto|frente|enfrente|vicino|près|à[ \t]côté|neben|gegenüber|karibu|nyuma|"
                       r"[\w]{1,12}[ \t](?:étage|etage|floor|stock|og|piano|andar))"
                       r"(?![\w'’])")
_TRAILER = re.compile(r"(?i)(?:[ \t,.]{1,3}(?:po|please|pls|lang|right|ji|correct|thanks|thank[ \t]you|yeah|ok|okay|"
                      r"sahi[ \t]hai|por[ \t]favor|bitte|grazie|obrigad[oa]|gracias|ạ|nhé))+[ \t.!]*$")
_EDGE = " \t,.;:-"
# words of talk before the address itself
_TALK = (pii_given_names.FUNCTION_WORDS | frozenset("""i we you it is it's its can see have has got the a an to at on in
my our your we've i've i'm they he she was were be been send sent deliver delivered moved move moving live lived living
address new old now here there so and yes ok no just that this shows says file record system please also still hes
shes he's she's theyre they're""".split())) - {
    "po"}  # "po box four one eight"
# five digits said after a town at the turn's end (a US ZIP), inside the address only after the state's name
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_ZIP = re.compile(rf"(?i)([^\W\d_]{{1,20}})[ \t,]{{1,2}}({_DIGIT_WORD}(?:[ \t]{_DIGIT_WORD}){{4}})$")
_US_STATE_ENDS = frozenset("""alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi
missouri montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania island
tennessee texas utah vermont virginia washington wisconsin wyoming columbia""".split())


def find_address_answers(text: str) -> list[Found]:
    """ADDRESS spans in the caller's answers to the agent's address, house-number and flat questions."""
    if "\n" not in text or (":" not in text and "：" not in text):
        return []
    return list(itertools.islice(_answers(text), CAP))


def _answers(text: str) -> Iterator[Found]:
    lines: list[tuple[int, int]] = []
    pos = 0
    for _ in range(_MAX_LINES):
        end = text.find("\n", pos)
        lines.append((pos, len(text) if end < 0 else end))
        if end < 0:
            break
        pos = end + 1
    for i in range(1, len(lines)):
        q_start, q_end = lines[i - 1]
        a_start, a_end = lines[i]
        if q_end - q_start > _MAX_LINE or a_end - a_start > _MAX_LINE:
            continue
        q_label = _LABEL.match(text, q_start, q_end)
        a_label = _LABEL.match(text, a_start, a_end)
        if q_label is None or a_label is None or q_label.group(1).lower() == a_label.group(1).lower():
            continue
        question = text[q_label.end():q_end]
        start = a_label.end()
        if _DIGITAL_Q.search(question):
            yield from _digital(text, start, a_end)
            continue
        kind = _question_kind(text, question, lines, i)
        found: list[Found] = []
        if kind in ("number", "unit"):
            found = list(_number(text, start, a_end, kind == "unit", bool(_POSTCODE_Q.search(question))))
            if not found and _ADDRESS_Q.search(_OTHER_ADDRESS.sub(" ", question)):
                kind = "address"  # "the address on the parcel has no unit number" / "aiyo it's b dash twelve…"
        if kind == "address":
            found = list(_address(text, start, a_end, bool(_NAME_Q.search(question))))
        yield from found


def _question_kind(text: str, question: str, lines: list[tuple[int, int]], i: int) -> str:
    """"address", "number", "unit" or "" for the question line ``question`` (line ``i - 1``)."""
    if _NUMBER_Q.search(question):
        return "unit" if _UNIT_Q.search(question) else "number"
    if _STREET_READ_BACK.match(question):
        return "number"  # "rua da consolação?" / "isso, número oitocentos e noventa e seis"
    bare = _BARE_Q.match(question)
    if bare:
        before_start = lines[max(0, i - 5)][0]
        before_end = lines[i - 1][0]
        if any(p.search(text, before_start, before_end) for p in (_ADDRESS_CONTEXT, _ADDRESS_Q, _NUMBER_Q)):
            return "unit" if bare.group("word").lower() in _UNIT_WORDS else "number"
        return ""
    cleaned = _OTHER_ADDRESS.sub(" ", question)
    return "address" if _ADDRESS_Q.search(cleaned) else ""


def _skip_openers(text: str, pos: int, end: int) -> int:
    for _ in range(_MAX_OPENERS):
        m = _OPENER.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    while pos < end and text[pos] in " \t,.:-¿¡\"'“":
        pos += 1
    return pos


def _is_number_word(word: str) -> bool:
    w = word.lower()
    if w in _EN_NUMBERS or w in _NL_NUMBERS or w in _MORE_NUMBERS or (
            w in _SPOKEN_NUMBER_WORDS and w not in _SPOKEN_JOINERS):
        return True
    if "-" in w:
        return all(part in _EN_NUMBERS or part in _SPOKEN_NUMBER_WORDS or part in _NL_NUMBERS for part in w.split("-")
                   if part) and any(c.isalpha() for c in w)
    return _COMPOUND_NUMBER.fullmatch(w) is not None


def _number_end(text: str, pos: int, end: int) -> int:
    """Where a house or flat number said at ``pos`` ends (digits, or one to six number words, or a floor and door:
    "4º dcha", "tercero B"); -1: none."""
    m = _DIGITS.match(text, pos, end) or _FLOOR_DOOR.match(text, pos, end)
    if m:
        return m.end()
    last = -1
    words = 0
    at = pos
    for _ in range(_MAX_NUMBER_WORDS * 2 + 1):
        t = _TOKEN.match(text, at, end)
        if t is None:
            break
        if _is_number_word(t.group()):
            words += 1
            if words > _MAX_NUMBER_WORDS:
                return -1
            last = t.end()
        elif last >= 0 and len(t.group()) == 1 and t.group().lower() in "abcdefgh" and _END_OF_PIECE.match(
                text, t.end(), end):
            return t.end()  # "zweiundvierzig b", "forty two a"
        elif not (t.group().lower() in _JOINERS and last >= 0):
            break
        gap = t.end()
        while gap < end and gap - t.end() < 2 and text[gap] in " \t":
            gap += 1
        if gap == t.end() or gap - t.end() > 1:
            break
        at = gap
    return last


def _next_is_number(text: str, pos: int, end: int) -> bool:
    while pos < end and text[pos] in " \t,":
        pos += 1
    if pos < end and text[pos].isdigit():
        return True
    t = _TOKEN.match(text, pos, end)
    return t is not None and _is_number_word(t.group())


def _number(text: str, pos: int, end: int, unit: bool, postcode: bool) -> Iterator[Found]:
    """The house number (or flat) answered, and a flat said after it."""
    pos = _skip_openers(text, pos, end)
    found: list[tuple[int, int]] = []
    at = pos
    after_unit = False
    for _ in range(3):  # "flat four, sixty two", "trezentos e doze, apartamento oitenta e quatro"
        if _BLOCK.match(text, at, end):
            break  # "bloco b": a kept place
        unit_word = _UNIT_DESIGNATOR.match(text, at, end)
        designator = unit_word or _NUMBER_DESIGNATOR.match(text, at, end)
        if found and not designator and not after_unit:
            break
        number_end = _number_end(text, designator.end() if designator else at, end)
        if number_end < 0:
            break
        letters = None if designator else _LETTERS_AFTER.match(text, number_end, end)
        if letters and _spoken_code(text, at, letters.end()):
            break  # "drie acht twee vier, M L": a postcode, not a house number
        if designator or not found:
            found.append((at, number_end))
        else:  # the house number after a flat: "flat four, sixty two"
            found[-1] = (found[-1][0], number_end)
        after_unit = unit_word is not None
        at = number_end
        while at < end and text[at] in " \t,":
            at += 1
    if found and _BLOCK.match(text, at, end):
        return  # "apartamento 82, bloco B": the address rules would take the kept block with the flat
    if found and _next_is_number(text, found[-1][1], end):
        found = []  # a number read in groups: a phone, an id, a postcode before the number
    if not found and not unit:
        # "drie acht twee vier, M L, nummer zeventien": the number further on, the postcode before it
        m = _NUMBER_FURTHER.search(text, pos, end)
        if m:
            number_end = _number_end(text, m.end(), end)
            if number_end > 0 and not _next_is_number(text, number_end, end):
                head_end = m.start()
                while head_end > pos and text[head_end - 1] in " \t,":
                    head_end -= 1
                if postcode and head_end > pos and _spoken_code(text, pos, head_end):
                    found.append((pos, head_end))
                found.append((m.start(), number_end))
    for start, stop in found:
        yield ("ADDRESS", start, stop, _SCORE)


_END_OF_PIECE = re.compile(r"[ \t]{0,2}(?:[,.;!?…]|$)")
_LETTERS_AFTER = re.compile(r"[ \t,]{1,3}[A-Za-z]{1,2}(?:[ \t,]{1,3}[A-Za-z])?(?![\w'’])")
_NUMBER_FURTHER = re.compile(r"(?i)(?<![\w'’])(?:huisnummer|hausnummer|nummer|number|n[úu]mero)[ \t]{1,2}")


def _spoken_code(text: str, start: int, end: int) -> bool:
    """A postcode read out: number words and single letters only, four number words at least."""
    words = text[start:end].replace(",", " ").split()
    numbers = sum(1 for w in words if _is_number_word(w) or w.isdigit())
    return 2 <= len(words) <= 10 and numbers >= 1 and all(
        _is_number_word(w) or w.isdigit() or (len(w) <= 2 and w.isalpha()) for w in words) and (
        numbers >= 4 or any(len(w) == 4 and w.isdigit() for w in words))


def _address(text: str, pos: int, end: int, name_asked: bool) -> Iterator[Found]:
    """The address said in the answer's turn (and a false start before it)."""
    pos = _skip_openers(text, pos, end)
    if _AT_DIGIT.search(text, pos, end) or _LEAD_STOP.match(text, pos, end):
        return
    parts: list[tuple[int, int]] = []
    at = pos
    for _ in range(3):  # "two one five… sorry two five one Hollis Street"
        c = _CORRECTION.search(text, at, end)
        if c is None:
            break
        parts.append((at, _address_end(text, at, c.start())))
        at = c.end()
    parts.append((at, _address_end(text, at, end)))
    if name_asked:  # "ramesh sharma, b two fourteen, …": the name's part is the name rules'
        first_start, first_end = parts[0]
        comma = text.find(",", first_start, first_end)
        if comma > 0 and not _has_number(text, first_start, comma):
            parts[0] = (_skip_openers(text, comma + 1, first_end), first_end)
    parts = [(_lead_trim(text, start, stop), _trim(text, start, stop)) for start, stop in parts]
    last_start, last_end = parts[-1]
    if not _is_address(text, last_start, last_end):
        return
    for start, stop in parts[:-1]:
        if stop > start and _has_number(text, start, stop):
            yield ("ADDRESS", start, stop, _SCORE)
    yield ("ADDRESS", last_start, last_end, _SCORE)


def _address_end(text: str, pos: int, end: int) -> int:
    """The end of the address in the turn: a stop, a sentence's end, a last clause that is a landmark."""
    stop = end
    m = _STOP.search(text, pos, end)
    if m:
        stop = m.start()
    # a sentence's end: a dot after a word that is no abbreviation
    for dot in re.finditer(r"\.(?=[ \t]|$)", text[pos:stop]):
        at = pos + dot.start()
        word = re.search(r"[\w'’º]{1,20}$", text[max(pos, at - 20):at])
        if word is None or (word.group().lower() not in _ABBREVIATIONS and not word.group().isdigit()
                            and len(word.group()) > 1):
            stop = at
            break
    # a landmark said as the last clause of its own
    for _ in range(2):
        comma = text.rfind(",", pos, stop)
        if comma < 0 or not _LANDMARK.match(text, comma + 1, stop):
            break
        stop = comma
    return stop


def _lead_trim(text: str, start: int, end: int) -> int:
    """Past the words of talk before the address ("I can see 14 Oak Road", "we moved to flat 3, …"): where the first
    number, designator or street type is, when only function words come before it."""
    words = list(itertools.islice(re.finditer(r"[^ \t,]+", text[start:end]), 8))
    for k, w in enumerate(words):
        token = w.group().lower().strip(".")
        following = words[k + 1].group().lower() if k + 1 < len(words) else ""
        if token[:1].isdigit() or _is_number_word(token) or token in _STREET_WORDS or (
                token in _DESIGNATOR_WORDS and (following[:1].isdigit() or _is_number_word(following))):
            if k and all(v.group().lower().strip(".") in _TALK for v in words[:k]):
                return start + w.start()
            return start
        if token not in _TALK:
            return start
    return start


def _trim(text: str, start: int, end: int) -> int:
    m = _TRAILER.search(text, start, end)
    if m:
        end = m.start()
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    m = _SPOKEN_ZIP.search(text, start, end)
    if m and m.group(1).lower() not in _US_STATE_ENDS and not _is_number_word(m.group(1)):
        end = m.start(2)  # "… lane fresno nine three seven two zero": a ZIP said after the town, a kept ZIP
        while end > start and text[end - 1] in _EDGE:
            end -= 1
    return end


def _has_number(text: str, start: int, end: int) -> bool:
    """Digits, or a number word ("lima", "dos", "um" only beside another one)."""
    if any(c.isdigit() for c in text[start:end]):
        return True
    return _says_number([t.group().lower() for t in _TOKEN.finditer(text, start, end)])


def _says_number(words: list[str]) -> bool:
    if any(w[:1].isdigit() for w in words):
        return True
    numbers = [_is_number_word(w) for w in words]
    return any(n and (words[k] not in _AMBIGUOUS or (k > 0 and numbers[k - 1]) or (k + 1 < len(words) and numbers[k + 1]))
               for k, n in enumerate(numbers))


def _is_address(text: str, start: int, end: int) -> bool:
    """A street type (or a district word) and a number in one clause, a designator with its number ("flat 4B", "lot
    22", "nyumba namba 14"), or a number said as a clause of its own beside a street ("forty seven, kingsdown
    parade"); "Oak Road, the lights have been out for 3 days" is none."""
    if end - start < 3 or not _has_number(text, start, end):
        return False
    clauses: list[list[str]] = []
    for clause in text[start:end].split(",")[:12]:
        tokens = [t.lower().strip(".") for t in clause.split() if t.strip(".")]
        if any(t in _NOT_ADDRESS for t in tokens):
            return False
        clauses.append(tokens)
    streets = [any(t in _STREET_WORDS or _STREET_SUFFIX.fullmatch(t) or t.startswith("#") for t in tokens)
               for tokens in clauses]
    numbers = [_says_number(tokens) for tokens in clauses]
    for k, tokens in enumerate(clauses):
        if streets[k] and numbers[k]:
            return True
        if numbers[k] and all(t[:1].isdigit() or _is_number_word(t) or t in _JOINERS for t in tokens) and (
                (k > 0 and streets[k - 1]) or (k + 1 < len(clauses) and streets[k + 1])):
            return True  # "forty seven, kingsdown parade", "rua das acácias, duzentos e dez"
        for i, t in enumerate(tokens):
            if t in _DESIGNATOR_WORDS and i + 1 < len(tokens) and (
                    tokens[i + 1][:1].isdigit() or _is_number_word(tokens[i + 1]) or
                    (len(tokens[i + 1]) <= 2 and i + 2 < len(tokens) and _is_number_word(tokens[i + 2]))):
                return True
    return False


_DIGIT_GROUP = re.compile(r"\d{1,4}(?![\w'’])")
_GHANA_LETTERS = re.compile(r"(?i)([a-z])[ \t-]?([a-z])(?![\w'’])[ \t,-]{0,3}|([a-z]{2})[ \t-]?(?=\d)")


def _digital(text: str, pos: int, end: int) -> Iterator[Found]:
    """A Ghana digital address read out: its two letters, then six to nine digits (words or figures)."""
    pos = _skip_openers(text, pos, end)
    m = _GHANA_LETTERS.match(text, pos, end)
    if m is None:
        return
    at = m.end()
    digits = 0
    last = -1
    for _ in range(24):
        while at < end and text[at] in " \t,-":
            at += 1
        d = _DIGIT_GROUP.match(text, at, end)
        if d:
            digits += len(d.group())
            last = at = d.end()
            continue
        t = _TOKEN.match(text, at, end)
        if t is None or t.group().lower() not in _EN_NUMBERS:
            break
        digits += 1 if t.group().lower() not in ("double", "triple") else 0
        last = at = t.end()
    if 6 <= digits <= 9 and last > 0:
        yield ("ADDRESS", m.start(), last, _SCORE)
