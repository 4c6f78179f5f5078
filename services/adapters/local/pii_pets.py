"""Pets' names, kept (session 45, candidate 45-7): a PERSON span that is a pet's name is dropped, whichever finder
proposed it (the NER, the CRF tagger, a cue's finder, an add-back), in any language and letter case.

By the labelling conventions (tests/data/pii/build.py, session 24) a pet's name is a kept ``PET``. The older filters
knew a few English and German cues ("my dog Bruno", "unser Hund Bruno", "the name of the dog\\nClient: murphy"); this
module reads the rest of the class, in the languages our messages mix:

- after a species' or a breed's word, with a determiner, a possessive or a preposition before it: "my dog Biscuit",
  "our pup Luna", "il mio cane Tobia", "la mia cagnolina Luna", "unser Kater Herr Müller", "notre chienne Nougat",
  "mi gata Lola", "o meu cão Tobias", "onze konijn Flip", "vores hund Balder", "dla psa Fafik", "pro kocoura Mourek",
  "Kediniz Pamuk", "notre labrador Gaston", "ada anjing namanya Bruno", "a cat called Pickle", "a dog (Biscuit)",
  "Husdjur: katt (Simba)", plural species' two names ("our rabbits Pepper and Salt");
- before a species' or a breed's word in brackets or after a comma: "Pickles (cat, 14)", "Ugo (beagle, 6 anni)",
  "Biscuit (my cocker spaniel)", "Mabel, the spaniel", "Rolo, he's a cockapoo", "Lola, la perrita beagle";
- a pet form's field and a vet's "patient": "Pet name: Mochi", "Pet's name - Rolo", "Name des Tieres: Bello",
  "Nombre de la mascota: Cachupín", "Patient: Juniper" (in a vet's message), "Dog's name is Rolo", "his name is Moose";
- the answer to a pet's name question on the next line: "Wie heißt das Tier?\\nKunde: Bello", "—¿Nombre de la
  mascota?\\n—Cachupín.", "Nome e microchip del gatto?\\nCliente: Mimì";
- a pet owner's words: "Jo (Biscuit's mum)", "il padrone di Briciola", "la dueña de Lola", "owner of Biscuit";
- in a pet's message (a species', a vet's or a pet insurer's word in it): a name before a vet's word ("Biscuit's
  booster", "Luna's dental", "Rocco's x-rays"), after a visit's word and a preposition ("le vaccin contre la rage
  pour Filou", "Tierarzttermin für Bruno"), or booked in ("book Biscuit in"): weak cues, a PERSON span of that one
  word alone is dropped, never a titled name nor one a capitalised word stands beside ("Dr Patel's", "Jane Smith's");
- a title before the pet's name is the pet's ("Mr Pickles", "Lady Marmalade", "Herr Müller"); the same name later in
  the message is the same pet ("Claim for my dog Biscuit … Biscuit's vet bill").

Never taken (look-alikes): the owner's, the vet's and any person's name beside the pet ("Owner: Kimberly Osei",
"Dr Okafor", "it's Mrs Ashdown, Biscuit's mum": Mrs Ashdown stays masked); a child's name after "X's mum" or before a
booster outside a pet's message ("Hi, it's Sarah, Ellie's mum"); a name of two capitalised words ("appointment for
Jane Smith"); a person named "Cat" or "Kat" ("for Cat Jones": a species word with a capital and no possessive is no
cue); a species' word that is another word too outside a pet's message ("Support chat (Marcus)", "my lab results",
"a walking cane"), a nationality ("your Maltese ID"); a "patient:" field outside a vet's message; the answer to a
person's name question ("may i know your name?\ncustomer: Nurul Izzati"); words that are no one's name ("my dog
walker", "our cat sitter Anna": Anna stays masked). Every pattern is linear and every word run bounded; at most 40 cues are read a message.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.models import PiiSpan

_MAX_CUES = 40

# animals, lower case (read case-insensitively); a capitalised one is a cue only after a possessive ("Cat Jones" is
# a person) unless it is a German noun
_ANIMALS = (
    r"dogs?|dog(?:gy|gie|go)|pupp(?:y|ies)|pups?|cats?|kitt(?:y|en|ens)|rabbits?|bunn(?:y|ies)|horses?|pon(?:y|ies)|"
    r"hamsters?|guinea[ \t]pigs?|parrots?|budgies?|tortoises?|ferrets?|gerbils?|moggy|"
    r"hund|hunde|hündin|katze|katzen|kater|kätzchen|welpen?|pferd|kaninchen|meerschweinchen|"
    r"chien|chiens|chienne|chiennes|chat|chats|chatte|chaton|chiot|lapin|cheval|"
    r"perr(?:o|a|os|as|ito|ita)|gat(?:o|a|os|as|ito|ita)|conejo|caballo|cachorr(?:o|a|inho|inha)|"
    r"cane|cani|cagnolin[oa]|gatt[oaie]|gattin[oa]|coniglio|cavallo|cuccio?l[oa]|"
    r"cão|cães|cadela|gatinh[oa]|coelho|"
    r"hond|hondje|honden|kat|katje|poes|poesje|konijn|paard|"
    r"hunden|katt|katten|katta|kisse|kissen|kanin|koira|kissa|"
    r"pies|psa|kot|kota|kotka|kotkę|pes|kocour|kocoura|kočka|kočku|"
    r"köpek|köpeğim|köpeğimiz|köpeğiniz|kedi|kedim|kedimiz|kediniz|anjing|kucing"
)
_BREEDS = (
    r"labrador|lab|spaniel|cockapoo|cavapoo|cavoodle|beagle|collie|kelpie|terrier|greyhound|galga|galgo|poodle|"
    r"retriever|dachshund|dackel|pug|husky|bulldog|bouledogue|whippet|lurcher|schnauzer|shih[ \t]tzu|chihuahua|"
    r"bichon|westie|staffie|sheepdog|labradoodle|goldendoodle|rottweiler|sphynx|ragdoll|tabby|mini[ \t]lop|"
    r"shiba(?:[ \t]inu)?"
)
_SPECIES = _ANIMALS + "|" + _BREEDS
_GERMAN_NOUN = re.compile(r"(?:Hund|Hunde|Hündin|Katze|Katzen|Kater|Kätzchen|Welpe|Welpen|Pferd|Kaninchen|"
                          r"Meerschweinchen|Köpe\w{0,6}|Kedi\w{0,4})")
_POSSESSIVE = frozenset("""my our your his her their mi mis tu su nuestro nuestra mio mia tuo tua nostro nostra suo sua
vostro vostra mon ma mes ton ta notre nos votre son sa mein meine meinen meinem meiner unser unsere unseren unserem
unserer dein deine ihr ihre ihren meu minha nosso nossa seu mijn onze min mitt mine vår vårt vores moja mój mojego
mojej naszego naszej nasz nasza mého našeho náš naše""".split())
# a word before the species' word that makes it a noun phrase ("my dog", "il mio cane", "dla psa", "ada anjing")
_DETERMINER = (
    r"my|our|your|his|her|their|the|a|an|this|that|"
    r"mi|mis|tu|su|nuestr[oa]|el|la|un|una|mio|mia|il|lo|tuo|tua|nostr[oa]|suo|sua|vostr[oa]|"
    r"mon|ma|mes|ton|ta|notre|nos|votre|le|du|au|son|sa|"
    r"mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|unserer|der|die|den|dem|des|das|ein|eine|einen|"
    r"einem|dein|deine|ihr|ihre|ihren|"
    r"meu|minha|nosso|nossa|o|um|uma|seu|"
    r"mijn|onze|ons|de|het|een|"
    r"min|mitt|mine|vår|vårt|vores|"
    r"moja|mój|mojego|mojej|naszego|naszej|nasz|nasza|dla|pro|mého|našeho|náš|naše|ada"
)
# titles a pet is given ("Mr Pickles", "Lady Marmalade", "Herr Müller"); never "Dr" (the vet's)
_TITLE = (r"mr|mrs|ms|miss|lady|lord|sir|dame|herr|frau|madame|monsieur|don|doña|señor|señora|captain|princess|"
          r"prince|king|queen|duke|duchess|count|baron|signor|signora|mister")
_NAME = r"(?<![\w'’-])[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_])){0,24}"
_TITLED = rf"(?<![\w'’-])(?:(?i:{_TITLE})\.?[ \t])?[^\W\d_](?:[^\W\d_]|[-'’](?=[^\W\d_])){{0,24}}"
_CALLED = (r"called|named|namens|chiamat[oa]|si[ \t]chiama|llamad[oa]|se[ \t]llama|nommée?|appelée?|s['’]appelle|"
           r"chamad[oa]|genaamd|heet|heißt|heisst|hedder|heter|namanya|bernama|imieniem|jménem")
_NOT_NAME = frozenset("""
walker walkers sitter sitters minder groomer groomers trainer owner owners food foods bowl bed beds flap flaps tree
trees litter toy toys insurance cover policy policies licence license tag tags hair lead leash collar crate treats
treat door park friendly friendlies show shows breeder breeders lover lovers person people is are was were has had
have and or but with in on at to for from of by the a an it its it's he she his her him they them we i you this that
who which when while if as so not no yes also too just still now then here there because since after before about
into onto over under up down out off again ok okay please pls thanks thank hi hello hey dear sorry yeah yep nope
sitting walking grooming boarding hotel hotels kennel kennels cafe café ate eats eating got gets getting goes went
will would can could should might must did does do doing been being be keeps kept needs need needed loves loved
likes liked seems seemed looks looked vet vets clinic hospital practice surgery team staff nurse doctor mum mom dad
ist sind war hat hatte und oder aber mit bei für von zu auf im der die das den dem des ein eine einen nicht auch
noch schon jetzt hier da ja nein bitte danke frisst humpelt braucht
est et ou mais avec chez pour du des le la les un une pas aussi encore ici oui non merci qui doit
es y o pero con en para por del al los las sí si ya tiene está come
è ed ma da per di della il lo gli non anche ancora qui ha deve
é e mas com em do dos das um uma não sim tem
of maar met bij voor van het een niet ook nog ja nee heeft
er og eller men med til fra af på det et ikke også har
jest lub ale z w nie tak
je nebo s v ne ano má
bir ve ile için
yang dan tapi ke dari tidak ada
""".split())
# a pet's message: a species', a vet's or a pet insurer's word (stricter than pii_kin_names._PET, which adds the
# words a child's message holds too: "booster", "vaccination", "jabs")
_PET_MESSAGE = re.compile(
    rf"(?i:\b(?:{_SPECIES}|pet|pets|pet['’]s|vet|vets|vet['’]s|veterinar\w{{0,12}}|vétérinaire|tierarzt\w{{0,12}}|"
    rf"tierärzt\w{{0,6}}|tierklinik|haustier\w{{0,4}}|mascotas?|dierenarts\w{{0,6}}|huisdier\w{{0,4}}|dyrlæge\w{{0,4}}|"
    rf"veterinär\w{{0,4}}|eläinlääkär\w{{0,4}}|weterynar\w{{0,6}}|veterinář\w{{0,4}}|veteriner|petplan|kennels?|"
    rf"groomers?|cattery|spay(?:ed)?|neuter(?:ed)?|desex\w{{0,4}}|rabies|tollwut\w{{0,8}}|antirr[aá]bica|antirabbica|"
    rf"contre[ \t]la[ \t]rage|wścieklizn\w{{0,2}})\b|[\U0001F408\U0001F415\U0001F436\U0001F431"
    rf"\U0001F43E\U0001F430\U0001F407\U0001F439\U0001F434])")

# "my dog Biscuit", "il mio cane Tobia", "a cat called Pickle", "ada anjing namanya Bruno", "dog (Biscuit)"
_AFTER_SPECIES = re.compile(
    rf"(?:(?<![\w'’-])(?P<det>(?i:{_DETERMINER}))[ \t]{{1,2}}(?:[^\W\d_][\w-]{{0,19}}[ \t]){{0,2}}?"
    rf"(?P<sp>(?i:{_SPECIES})(?:[ \t](?i:{_SPECIES})){{0,2}})|(?<![\w'’-])(?P<tr>(?i:köpeğim|köpeğimiz|köpeğiniz|kedim|kedimiz|kediniz)))"
    rf"(?![\w-])(?:[ \t]{{1,2}}(?i:{_CALLED}))?(?:[ \t]{{0,2}},[ \t]{{0,2}}|[ \t]{{0,2}}\([ \t]?|[ \t]{{1,2}})"
    rf"(?P<name>{_TITLED})(?:[ \t](?i:and|und|et|y|e|en|og|och|i|a|&)[ \t](?P<name2>{_NAME}))?")
# "Husdjur: katt (Simba)", "Pets: cat (Mochi)", "(Bruno 🐶)": a species' word or a pet's emoji beside a name in brackets
_IN_BRACKETS = re.compile(
    rf"(?<![\w'’-])(?P<sp>(?i:{_SPECIES}))[ \t]?\([ \t]?(?P<name>{_TITLED})[ \t]?\)|"
    rf"\([ \t]?(?P<name2>{_TITLED})[ \t]?[\U0001F408\U0001F415\U0001F436\U0001F431\U0001F43E\U0001F429\U0001F430\U0001F407]")
# "Pickles (cat, 14)", "Biscuit (my cocker spaniel)", "Mabel, the spaniel", "Rolo, he's a cockapoo", "ziggy the kelpie"
_BEFORE_SPECIES = re.compile(
    rf"(?P<name>{_TITLED})(?:[ \t]?\([ \t]?(?:(?i:{_DETERMINER})[ \t])?(?:[\w-]{{1,20}}[ \t]){{0,2}}?(?i:{_SPECIES})"
    rf"(?=[ \t]?[,)/;]|[ \t]\d)|(?:,[ \t]{{1,2}}(?i:(?:he|she|it)['’]?s[ \t])?|[ \t])"
    rf"(?i:the|a|an|la|el|un|una|le|il|o)[ \t](?:[\w-]{{1,20}}[ \t]){{0,2}}?(?P<br>(?i:{_BREEDS}))(?![\w-]))")
# a pet form's field, the answer after its label: "Pet name: Mochi", "Name des Tieres: Bello", "Dog's name is Rolo"
_FIELD = re.compile(
    r"(?i:\b(?:pet|pet['’]s|dog['’]?s|cat['’]?s|animal['’]?s|puppy['’]?s|kitten['’]?s)[ \t]name|\bname[ \t]of[ \t]"
    r"(?:the|your|my)[ \t](?:pet|dog|cat|animal|puppy)|\bname[ \t]des[ \t]tier(?:e?s)|\btiername|"
    r"\bnombre[ \t]de[ \t]la[ \t]mascota|\bnombre[ \t]del[ \t](?:perro|gato|animal)|\bnom[ \t]de[ \t]l['’]animal|"
    r"\bnom[ \t]du[ \t](?:chien|chat)|\bnome[ \t]d(?:o|a|el|ell['’])[ \t]?(?:animal|animale|pet|cão|gato|cane|gatto)|"
    r"\bnaam[ \t](?:van[ \t]het[ \t]dier|huisdier|hond|kat)|\bdyrets[ \t]navn|\bdjurets[ \t]namn|"
    r"\bimię[ \t](?:zwierzęcia|psa|kota)|\bjméno[ \t](?:zvířete|psa|kočky)|\bhayvan(?:ın)?[ \t]adı|"
    r"\bpatient(?:['’]s)?(?:[ \t]name)?)"
    rf"(?:[ \t]{{0,2}}[:=–—-]|[ \t](?i:is|ist|es|est|è|é))[ \t]{{0,3}}(?P<name>{_TITLED})")
# "his name is Moose", "Her name is Biscuit", "Its name's Pickle", "Er heisst Balu", "Si chiama Briciola"
_NAME_IS = re.compile(
    rf"(?i:\b(?:(?:his|her|its)[ \t]name(?:['’]s|[ \t]is)|(?:er|sie|es)[ \t]hei(?:ß|ss)t|si[ \t]chiama|se[ \t]llama|"
    rf"(?:il|elle)[ \t]s['’]appelle|chama-se|(?:hij|zij)[ \t]heet|(?:han|hun)[ \t](?:hedder|heter))[ \t]{{1,2}})"
    rf"(?P<name>{_TITLED})")
# the question for a pet's name, a label (or a dash) and the answer on the next line
_QUESTION = re.compile(
    r"(?i:\b(?:name|nome|nombre|nom|naam|navn|namn|imię|jméno|heißt|heisst|called|chiama|llama|appelle|adı)\b"
    r"[^\n?]{0,60}\?[ \t]{0,3}\r?\n[ \t]{0,3}(?:[^\n:]{1,30}:[ \t]{0,3}|[—–-][ \t]{0,2}))")
_PET_IN_QUESTION = re.compile(rf"(?i:\b(?:pet|pets|mascota|tier|tieres|animal|animale|dier|dyr|djur|zwierzę\w{{0,4}}|"
                              rf"breed|raza|raça|razza|rasse|{_SPECIES})\b)")
# "Jo (Biscuit's mum)", "il padrone di Briciola", "la dueña de Lola", "owner of Biscuit"
_OWNER_AFTER = re.compile(rf"(?P<name>{_NAME})['’]s?[ \t](?i:mum|mom|mummy|mommy|dad|daddy|owner|hooman)\b")
_OWNER_BEFORE = re.compile(
    rf"(?i:\b(?:padron[ea]|due[ñn][oa]|propietari[oa]|propriétaire|ma[iî]tresse|besitzer(?:in)?|frauchen|herrchen|"
    rf"don[oa]|tutora?|baasje|eigenaar|owner)[ \t](?:of|di|de|da|do|von|van)[ \t])(?P<name>{_NAME})")
# weak cues, read in a pet's message only: "Biscuit's booster", "vaccin … pour Filou", "book Biscuit in"
_VET_WORD = (r"vet|vets|vet['’]s|booster|boosters|jabs?|vaccinations?|vaccines?|spay|neuter|desexing|castration|"
             r"worming|flea|grooming|dental|x-?rays?|meds|bloods|microchip|kennels?|check-?up|surgery|op|operation")
_BEFORE_VET = re.compile(rf"(?P<name>{_NAME})(?:['’]s|['’])?[ \t](?i:{_VET_WORD})\b")
_VISIT_WORD = (r"booster|vaccin\w{0,6}|vaccino|vacuna|vacina|impfung|impftermin|tierarzttermin|appointment|visit|"
               r"visita|consulta|cita|rendez-vous|rappel|richiamo|check-?up|jabs|dental|claim|castration|kastration|"
               r"stérilisation|sterilizzazione|esterilización|castração|toelettatura|toilettage|grooming|cartella|"
               r"dossier|historial|record|records|reminder|détartrage|dieta|termin")
_FOR = r"for|für|fur|pour|per|para|pro|dla|voor|til|för|de|di|del|della|du"
_AFTER_VISIT = re.compile(rf"(?i:\b(?:{_VISIT_WORD})\b[^\n.?!]{{0,40}}?[ \t](?:{_FOR})[ \t])(?P<name>{_NAME})")
_BOOKED_IN = re.compile(rf"(?i:\b(?:book|booked|bring|squeeze|squeezed|fit|fitted|get)[ \t])(?P<name>{_NAME})"
                        r"[ \t](?i:in)\b")
_CAPITAL_BEFORE = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]{0,24}|(?i:dr|doctor|doktor|dott|dottor|docteur))[ \t]$")
_NAME_AFTER = re.compile(r"[ \t][A-ZÀ-Þ][^\W\d_]")
_TITLED_RE = re.compile(_TITLED)
_PRONOUNS = frozenset("""she's he's it's that's what's there's here's who's she’s he’s it’s that’s there’s here’s
shes hes its thats theres heres i'm i’m im we're we’re they're they’re you're you’re""".split())
# species' words that are other words too ("live chat", "the lab results", "Kat", "pies", "a walking cane")
_AMBIGUOUS = frozenset("chat chats lab kat kot pes pies cane".split())
# the determiners of the species' own language before them ("il mio cane", "mon chat", "onze kat", "mój pies")
_AMBIGUOUS_OK = {"cane": frozenset("mio il un suo nostro tuo vostro".split()),
                 "chat": frozenset("mon notre votre ton son le un du au".split()),
                 "chats": frozenset("mes nos vos les des".split()),
                 "kat": frozenset("onze mijn de een min vores mitt".split()),
                 "kot": frozenset("mój moja nasz mojego naszego dla".split()),
                 "pies": frozenset("mój nasz".split()), "pes": frozenset("náš".split())}
_DETERMINERS = frozenset(re.sub(r"\[([a-z]+)\]", "", _DETERMINER.replace("nuestr[oa]", "nuestro|nuestra").replace(
    "nostr[oa]", "nostro|nostra").replace("vostr[oa]", "vostro|vostra")).split("|"))


def _ok(value: str) -> bool:
    """A word that may be a pet's name (no common word, no species' word, no title alone)."""
    last = value.split()[-1].lower()
    return (last not in _NOT_NAME and last not in _DETERMINERS and last not in _PRONOUNS and re.fullmatch(rf"(?i:{_SPECIES}|{_TITLE})", last) is None)


def _cues(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, strong) of each pet's name a cue points to; a weak cue's name is dropped only as a span alone."""
    pet_message = any(m.group(0).lower() not in _AMBIGUOUS
                      for m in itertools.islice(_PET_MESSAGE.finditer(text), _MAX_CUES))
    for m in _AFTER_SPECIES.finditer(text):
        sp = m.group("sp")
        if sp and sp[:1].isupper() and not _GERMAN_NOUN.fullmatch(sp.split()[0]) and (
                m.group("det").lower() not in _POSSESSIVE) and m.start("sp") - m.end("det") <= 2:
            continue  # "for Cat Jones": a person's name
        if sp and sp.lower() in _AMBIGUOUS and not pet_message and (
                m.group("det").lower() not in _AMBIGUOUS_OK.get(sp.lower(), ())):
            continue  # "the chat Ana opened", "my lab results", "a walking cane"
        yield m.start("name"), m.end("name"), True
        name2 = m.group("name2")
        if name2 and sp and re.search(r"(?i:s|e|i|en|er)$", sp):
            yield m.start("name2"), m.end("name2"), True  # "our rabbits Pepper and Salt", "unsere Katzen Mimi und Momo"
    for m in _BEFORE_SPECIES.finditer(text):
        if m.group("br") and m.group("br").lower() in _AMBIGUOUS:
            continue  # "to chase the lab", "Hi Dr. Feldman, the lab results"
        yield m.start("name"), m.end("name"), True
    for m in _IN_BRACKETS.finditer(text):
        if m.group("sp") and m.group("sp").lower() in _AMBIGUOUS:
            continue  # "Support chat (Marcus)"
        group = "name" if m.group("name") else "name2"
        yield m.start(group), m.end(group), True
    for m in _FIELD.finditer(text):
        if m.group(0)[:7].lower() == "patient" and not pet_message:
            continue  # a hospital's "Patient: John Smith"
        yield m.start("name"), m.end("name"), True
    for m in _QUESTION.finditer(text):  # the question names the pet ("Wie heißt das Tier?", "the dog's name?")
        asked = _PET_IN_QUESTION.search(text, max(text.rfind("\n", 0, m.start()) + 1, m.start() - 40), m.end())
        if asked and asked.group(0).lower() not in _AMBIGUOUS:
            after = _TITLED_RE.match(text, m.end())
            if after and not _NAME_AFTER.match(text, after.end()):  # "Nurul Izzati": a person's answer
                yield after.start(), after.end(), True
    if not pet_message:
        return
    for m in _OWNER_BEFORE.finditer(text):
        yield m.start("name"), m.end("name"), True
    for m in _OWNER_AFTER.finditer(text):  # "it's Mrs Ashdown, Biscuit's mum": her name stays, the pet's goes
        yield m.start("name"), m.end("name"), True
    for m in _NAME_IS.finditer(text):
        if re.search(rf"(?i:\b(?:{_SPECIES}|pet|mascota)\b)", text[max(0, m.start() - 120):m.start()]):
            yield m.start("name"), m.end("name"), True
    for pattern in (_BEFORE_VET, _AFTER_VISIT, _BOOKED_IN):
        for m in pattern.finditer(text):
            start, end = m.start("name"), m.end("name")
            if _CAPITAL_BEFORE.search(text, max(0, start - 26), start) or _NAME_AFTER.match(text, end):
                continue  # "Dr Patel's", "Jane Smith's": a person's name of two words
            yield start, end, False


def pet_names(text: str) -> list[tuple[int, int, bool]]:
    """Where the message names a pet: (start, end, strong) of each name (a title in) and of every other mention of it
    (strong when a strong cue named it)."""
    found: list[tuple[int, int, bool]] = []
    for n, (start, end, strong) in enumerate(_cues(text)):
        if n >= _MAX_CUES:
            break
        if text[start:end].endswith(("'s", "’s")):
            end -= 2  # "Biscuit's vet bill": the name without the possessive
        if end > start and _ok(text[start:end]):
            found.append((start, end, strong))
    if not found:
        return []
    # the same name elsewhere in the message is the same pet, with the title it was given or none
    names: dict[str, bool] = {}
    for start, end, strong in found:
        key = text[start:end].split()[-1].lower()
        names[key] = names.get(key, False) or strong
    for name, strong in list(names.items())[:8]:
        pattern = rf"(?<![\w'’-])(?:(?i:{_TITLE})\.?[ \t])?(?i:{re.escape(name)})(?![\w-])"
        for n, m in enumerate(re.finditer(pattern, text)):
            if n >= _MAX_CUES:
                break
            found.append((m.start(), m.end(), strong))
    strongest: dict[tuple[int, int], bool] = {}
    for start, end, strong in found:
        strongest[(start, end)] = strongest.get((start, end), False) or strong
    return sorted((start, end, strong) for (start, end), strong in strongest.items())


def without_pets(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans without the PERSON spans that are a pet's name (a title and a possessive "'s" in): kept PETs. A PERSON
    span that holds a strong cue's pet name and more keeps the rest ("Mrs Ashdown, Biscuit" → "Mrs Ashdown")."""
    if not any(s.kind == "PERSON" for s in spans):
        return spans
    pets = pet_names(text)
    if not pets:
        return spans
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON":
            out.append(s)
            continue
        start, end = s.start, s.end
        for a, b, strong in pets:
            if a <= start and end <= b + 2 and text[b:end] in ("", "'s", "’s", "'", "’", "s"):
                start = end = -1  # the pet's name alone
                break
            if not strong or end <= a or b <= start:
                continue
            if a <= start < b < end:  # "Biscuit, Mrs Ashdown": the words after the pet's name
                rest = re.match(r"['’]?s?[ \t,]{1,3}", text[b:end])
                start = b + rest.end() if rest else end
            elif start < a < end <= b + 2:  # "Mrs Ashdown, Biscuit": the words before it
                rest = re.search(r"[ \t,(\[–—-]{1,4}$", text[start:a])
                end = start + rest.start() if rest else start
        if start < 0 or end <= start:
            continue
        if (start, end) != (s.start, s.end):
            words = [w.strip(".,'’()").lower() for w in text[start:end].split()]
            if not any(len(w) > 1 for w in words) or all(
                    w in _NOT_NAME or w in _DETERMINERS or re.fullmatch(rf"(?:{_SPECIES}|{_TITLE}|dr|doctor)", w)
                    for w in words):
                continue  # "Unser Hund", "Kediniz", "mum", "Mr": what is left is no one's name
            s = PiiSpan(s.kind, start, end, s.score)
        out.append(s)
    return out
