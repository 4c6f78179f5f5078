"""Names in the greeting and the opening sentence of letters and chats in Europe's other languages (session 44, 44-7).

A note from Tallinn, Vilnius, Budapest, Belgrade, Helsinki, Athens, Copenhagen or Utrecht greets its reader by first
name in the vocative or any case its language uses, after a comma too, and its first sentence often names the child
or the relative it is about: "Tere, Kadri!", "Laba diena, Rasa,", "Kedves Erzsébet néni!", "zdravo milane,", "Hej
Birgitte og Jens,", "Поштована госпођо Јовановић,", "Hoi juf Marloes,\\n\\nDaan wordt …", "Hei Saara,\\n\\nEetu on
tänään kotona", "Pozdravljeni,\\n\\nZala bo odsotna", "ο Γιάννης (Β2) θα λείψει", "mojej dcéry Niny Kollárovej",
"mano dukrą Gabiją Petrauskaitę", "Kære forældre til Ida og Karl". The older finders knew these letters' titles
(pii_letter_greetings) and the kin words of the western languages (pii_kin_names); these names were left to the tagger.

:func:`find_letter_openings` proposes, as a PERSON, the name's words only (greeting, title, kin word outside):

- after a greeting of these languages at a line's start, and a courtesy or a school title ("juf", "госпођо",
  "κυρία"): one to three capitalised words that end the greeting line (a comma, a stop, "!", ":", the line's end;
  Hungarian "néni", "bácsi", "úr" or Latvian "kundze" after them); with no title, a given name we know first (and the
  surname after it), one word only after a comma, or two such names joined by "og", "och", "en", "ja", "és", "un",
  "ir", "и", "και"; in a lower-case chat, a given name we know (its vocative ending read off: "milane");
- the first word of the letter's body, after such a greeting line (and a Greek article), when it is a given name we
  know followed by a lower-case word, or any capitalised word (and a second, "Molnár Bence") followed by a class in
  brackets ("(3.b)", "(Β2)");
- after a kin word of Slovak, Lithuanian, Latvian, Estonian, Finnish, Slovene, Croatian / Serbian, Bulgarian,
  Romanian, Greek, the Nordic languages or Dutch in any case ("dcéry", "dukrą", "meitu", "poja", "kćer", "сина си",
  "fiul", "μαθήτρια", "søn", "morfar"), or after "parents of" ("forældre til", "ouders van"): two or three capitalised
  words, or one that is a given name we know or stands before a stop or a lower-case word; and a second name joined
  by "and".

Never what a letter greets that is no one (a group, a role, a customer: "Kære borger", "Tere, head lapsevanemad",
"Hej allihop", "Hei kaikki", "Kære Kunde"; a firm or an office greeted with no title is left to the older finders
and their filters: "Hallo Lieferando-Team", "Kedves Ügyfélszolgálat"), a word that opens a sentence and is no name
("Bilen er klar", "Auto on valmis", "Tämä on"), a lower-case word we do not know as a name, or a kin word in title
case after anything but a sentence's start. :func:`with_letter_openings` adds the names back after the detector's
filters and its learned PERSON check (which drop a lone first name) where no span covers them and no kept value lies
there; a PERSON span over the name and its greeting's, title's or kin word's words ("Bok Marko") is cut to the name.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.adapters.local import pii_found
from services.models import PiiSpan

CAP = 16  # names a message at most
_SCORE = 0.85

# ---- greetings at a line's start (case-insensitive) ------------------------------------------------------------------
_GREETINGS = (
    # Estonian, Latvian, Lithuanian
    r"tere|tervist|tsau|lugupeetud|hea|kallis|armas|labdien|labrīt|sveiki|sveiks|sveika|čau|cienījam(?:ais|ā|ie|ās)|"
    r"mīļ(?:ais|ā)|dārg(?:ais|ā)|laba[ \t]diena|labas(?:[ \t](?:rytas|vakaras))?|sveikas|gerbiam(?:as|a|ieji|osios)|"
    r"mielas|miela|"
    # Finnish, Nordic
    r"hei|heippa|moi|moikka|terve|hyvä|hyvää[ \t](?:päivää|huomenta|iltaa)|päivää|hej|hejsan|hallå|hallo|kære|"
    r"kæreste|kjære|käre|kära|bästa|god[ \t](?:morgen|dag|morgon|kväll|aften)|goddag|godmorgen|hæ|halló|kæri|kæra|"
    # Dutch
    r"hoi|hai|dag|beste|lieve|goedemorgen|goedemiddag|goedenavond|"
    # Hungarian
    r"kedves|tisztelt|szia|sziasztok|szervusz|üdv|jó[ \t]napot(?:[ \t]kívánok)?|"
    # Czech, Slovak, Polish
    r"vážen[áýí]|mil[áýí]|dobrý[ \t]de[nň]|dobry[ \t]de[nň]|ahoj|zdravím|szanown[aiy]|drog[aiy]|dzień[ \t]dobry|"
    r"witam|witaj|cześć|"
    # Slovene, Croatian, Serbian, Bosnian (Latin and Cyrillic)
    r"pozdravljen[aio]?|živjo|spoštovan[aio]?|dober[ \t]dan|poštovan[aio]?|postovan[aio]?|dragi|draga|dobar[ \t]dan|"
    r"zdravo|bok|pozdrav|ćao|dobro[ \t]jutro|поштован[аио]?|драг[аио]|добар[ \t]дан|здраво|ћао|поздрав|"
    # Bulgarian, Russian, Ukrainian
    r"здравейте|здравей|уважаем(?:а|и|ая|ый|ий)|скъп(?:а|и|o)|добър[ \t]ден|здравствуйте|привет|добрый[ \t]день|"
    r"шановн(?:ий|а|і)|добрий[ \t]день|вітаю|привіт|дорог(?:ой|ая|ий|а)|"
    # Greek
    r"αγαπητ[έήοί]|αξιότιμ[εηοι]|καλημέρα|καλησπέρα|γεια(?:[ \t]σ(?:ου|ας))?|χαίρετε|"
    # Romanian
    r"stimat[ăae]|dragă|dragi|bună[ \t]ziua|buna[ \t]ziua|bună|buna|salut|salutare")
_GREETING = re.compile(rf"(?im:^[ \t]{{0,3}}(?:{_GREETINGS})(?![\w'’-]))")
# courtesy and school titles between the greeting and the name (lower case, as written or capitalised)
_TITLES = frozenset("""juf juffrouw meester mevrouw meneer heer fru frk frk. hr hr. herra rouva neiti härra proua pr.
ponia pone ponas poniai gospa gospod gospodična gospođo gospođa gospodine gospodin gospođice gđo gđa g-đo
госпођо госпођа господине господин госпођице г-ђо г-дине κυρία κύριε κα κα. κ. κος teta tetka tante onkel tant
farbror moster täti setä tädi onu ciocia ciociu wujku domnule doamna doamnă
učitelko učiteľka opettaja õpetaja mokytoja skolotāja""".split())
_SEP = re.compile(r"[ \t]{0,2}(,)?[ \t]{1,3}|[ \t]{0,2}(,)")
# what ends the greeted name: punctuation or the line's end, or a title said after the name ("Erzsébet néni!")
_END = re.compile(r"(?:[ \t]{1,2}(?:néni|bácsi|úr|asszony|kisasszony|kundze|kungs))?[ \t]{0,2}(?:([,!:.])|\r?\n|\Z)")
_TITLE_GAP = re.compile(r"\.?[ \t]{1,2}")
_PARTICLES = frozenset("van von de der den ter ten la le da di dos del".split())
_AND = frozenset("og och en ja és un ir и і και şi și i a".split())
# a name's word in any letters, with hyphens and apostrophes ("Aino-Maria", "D'Angelo")
_WORD = re.compile(r"[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,2}")

# what a greeting names that is no one, and words that open a body's sentence and are no name (lower case)
_NOT_NAMES = frozenset("""
alle allemaal allen allihop allihopa allesammen alla kaikki kaikille kõik kõigile visi visiem visiems všichni všetci
wszyscy wszystkim mindenki mindenkinek svima svi vsi vsem toți tuturor всички всем всім όλοι όλους
igen igjen weer opet ponovo znowu znova még taas uudelleen atkal jälle vēlreiz vaan då
team teamet tiimi tim tým zespół csapat komanda ekipa ομάδα команда kunde kunder klant klanten kund kunden asiakas
klient klienti klienci ügyfél borger borgere medborger medlem medlemmer lid leden jäsen jäsenet liige liikmed naaber
nabo naboer granne grannar buren buurman buurvrouw beboer beboere bewoner bewoners asukas asukkaat elanik elanikud
forældre foreldre föräldrar vårdnadshavare ouders vanhemmat huoltaja lapsevanem lapsevanemad vanemad vecāki tėvai
tėveliai rodiče rodičia rodzice szülők starši roditelji părinți γονείς родители батьки kollega kolleger kollegor
kollegaer collega collega's kolleegid kolegos kolēģi kolegové kolegowie kolegice kolegi kollégák колеги συνάδελφοι
herre herrer dame damer heren dames damen herren naiset herrat ponios ponai dames sir madam
lapset deca djeca otroci děti deti dzieci gyerekek vaikai bērni lapsed børn barn kinderen kids
fakturaen faktura factuur lasku arve rēķins sąskaita račun račun faktúra számla
""".split())
_OPENERS = frozenset("""
det der den dette denne her nu vi jeg jag vi hun hon han de du ni jeres eders dere tak takk tack
het dit dat er hier nu ik wij we zij ze hij jij u jullie daar morgen vandaag gisteren
tämä se ne nyt tässä meillä minulla teillä hän he me minä te kiitos tänään huomenna eilen
see siin nüüd meil mul teil tema nad ma mina me te aitäh täna homme eile
tas šeit tagad mums man jums viņš viņa viņi es mēs jūs paldies šodien rīt vakar
tai čia dabar mums man jums jis ji jie aš mes jūs ačiū šiandien rytoj vakar
ez itt most nekünk nekem önnek ő ők én mi ön köszönöm ma holnap tegnap
to tady teď nyní my já vy on ona oni děkuji dnes zítra včera toto tu teraz ja wy dziękuję dziś jutro wczoraj
ovo ono tu sad sada mi ja vi on ona oni hvala danas sutra jučer juče tole tukaj zdaj jaz danes jutri včeraj
acesta aici acum noi eu voi el ea ei mulțumesc azi mâine ieri
это здесь сейчас мы я вы он она они спасибо сегодня завтра вчера това тук сега ние аз вие той тя те благодаря днес
утре вчера це тут зараз ми я ви він вона вони дякую сьогодні завтра вчора
αυτό εδώ τώρα εμείς εγώ εσείς αυτός αυτή αυτοί ευχαριστώ σήμερα αύριο χθες
meie teie minu sinu nende meidän teidän hänen heidän mūsų jūsų mūsu jūsu naš naša naše vaš vaša vaše наш наша ваш
ваша ons onze jullie vores jeres vår våre vårt deres din ditt dine mój moja nasza nasz wasz
""".split())

# given names of these countries we know (lower case; the older list holds the western ones): children's and adults'
# names common in Finland, Estonia, Latvia, Lithuania, the Nordic countries, the Netherlands, Hungary, Czechia,
# Slovakia, Poland, Slovenia, Croatia, Serbia, Romania, Bulgaria and Greece (words that are also common nouns left out:
# Ilma, Tuuli, Satu, Lumi, Onni, Toivo, Meri, Dag, Bo, Sol)
_GIVEN = frozenset("""
eetu eelis eemeli aatu niko ilmari vilho aino eino leo elias väinö oliver niilo veeti otto aapo akseli joona lauri
juho aleksi jari mikko
matti antti jukka pekka timo sami janne ville tuomas teemu saara emma aada venla sofia helmi ella iida pihla lilja
aino-maria sanna anni laura jenni katja riikka heidi päivi tiina tarja kaisa liisa hanna minna tanja
kadri liis kristiina mari triin kertu grete maarja laura anu kati kaja piret marko mart tõnu rasmus karl-erik
jaan andres priit rein siim kristjan oskar robin henri sander
līga ilze inese anna dace kristīne jānis andris mārtiņš artūrs kārlis edgars roberts rasa jurgita vaida
ieva gabija gabiją austėja emilija kamilė tomas lukas jonas matas darius mantas rokas dovydas agnė rūta
ida karl freja frida alma ella clara agnes ellen astrid ebba wilma saga elsa nora sofie emil noah lucas oscar
william magnus henrik mette birgitte jens lars ole søren kasper mikkel rasmus anders nikolaj annika karin ingrid
kristin kari mette sindre stian amund jonas ola kari siri ingrid maja tuva nils erik johan gösta elin lina linnea
daan sem milan luuk bram thijs lucas finn jesse ruben lars sanne marloes femke anouk lotte fleur eva lieke nienke
esmee noor tess saar julia mila roos riet ruud bart joost jeroen kees henk gert
bence máté levente dominik dániel ádám balázs péter gábor zoltán lászló istván jános anna hanna zsófia lili
eszter réka erzsébet katalin ildikó edit erika judit anikó krisztina zsuzsa bálint
tereza eliška anna adéla natálie viktorie jakub jan tomáš matyáš vojtěch adam ondřej petr pavel martin marek radek
nina nela ema sofia laura matej samuel michal filip lukáš jozef peter juraj miro zuzana silvia
zala ema mia lana eva sara nika lara ana luka jakob filip nik mark jan žan tina maja urška mojca gregor matej
jelena ivana marina ana petra sara lucija mia nikola luka ivan marko filip david josip ante dario zoran
милош марко лука стефан никола лазар милена јелена ана мила сара драган саша милан
andrei andreea ioana maria elena mihai alexandru ștefan radu cristian sorin ionuț bianca daria irina
георги стефан пламен десислава петя мария ива николай иван
γιάννης γιώργος νίκος κώστας δημήτρης μαρία ελένη κατερίνα σοφία γεωργία αναστασία ευαγγελία
kristo kaspar karl-kristjan mihkel tanel indrek margus kaido urmas toomas kersti tiiu kaire kätlin merike ülle anneli
reet sirje helen kerli katrin
jānis pēteris andrejs aivars gints raivis dainis juris laura kristīne ieva zane elīna evija baiba agnese dace
antanas jonas petras mindaugas tadas arnas domantas justas paulius rimas aistė eglė giedrė indrė jolanta kristina
lina milda neringa rasa simona vilma vaida rūta
juha kari seppo esa heikki ilkka jussi kalle markku mika olli pasi petri tero tommi vesa johanna kirsi leena maija
marja merja mervi outi pirjo satu sari susanna terhi tuula ulla
bjørn eirik espen geir halvor håkon knut morten ola petter rune sigurd stein svein trond øyvind arne gunnar gustav
hans per-erik bengt göran håkan lennart mats stefan ulf åsa berit birgit camilla hege ingvild kirsten lise marit
randi solveig tone turid ulla ylva trine pia lene hanne tine jette rikke stine malene signe sigrid oda thea hedda
anneke ingrid joke marieke mirjam petra sanne willemijn wim bas jelle jochem koen maarten pim sjoerd stijn wouter
andrás attila csaba ferenc gyula imre józsef károly mihály miklós sándor tamás tibor ágnes andrea beáta dóra
gabriella ilona irén mária márta nóra orsolya piroska rita szilvia tünde viktória zsófi
jiří josef karel miroslav stanislav václav zdeněk jana hana lenka lucie markéta martina michaela monika veronika
jaroslav ladislav ľubomír milan dušan ivana katarína lucia mária zuzka
aleš andrej blaž boštjan gašper janez jure luka miha primož rok tadej žiga alenka barbara katja mateja nataša
nina polona špela tjaša
ante branko dragan goran hrvoje igor josip krešimir mario mate mladen nenad tomislav vedran vlado željko andrea
dragana gordana ivona jasna kristina maja mirjana sanja snježana tanja vesna
драгана јелена марија милица снежана тијана бојан владимир горан душан дејан зоран младен ненад ненад
alexandra ana-maria camelia carmen cristina diana gabriela ioana larisa loredana mihaela monica roxana adrian bogdan
claudiu cosmin dan florin gabriel george ionel lucian marian marius ovidiu sebastian valentin vlad
ангел борис васил веселин димитър емил калин красимир любомир тодор цветан валентина весела галя гергана
даниела ивана калина мариана милена радослава силвия теодора
αλέξανδρος ανδρέας αντώνης βασίλης ευάγγελος θανάσης μανώλης μιχάλης παναγιώτης σπύρος στέλιος χρήστος
αγγελική αλεξάνδρα βασιλική δήμητρα ειρήνη ιωάννα κωνσταντίνα νικολέτα παναγιώτα χριστίνα δανάη
""".split())
# vocatives read off to the nominative we know: Lithuanian "Tomai" → Tomas, Latvian "Jāni" → Jānis, Serbian and
# Croatian "Milane" → Milan, Greek "Γιώργο" → Γιώργος, "Κώστα" → Κώστας
_VOCATIVE_ENDS = (("ai", "as"), ("i", "is"), ("e", ""), ("ο", "ος"), ("α", "ας"), ("ε", "ος"))

# ---- kin words of these languages in any case (lower case; none that is an English word: "make", "far", "last") ---
_KIN = frozenset("""
syn syna synovi synom dcéra dcéry dcéru dcére dcérou dieťa dieťaťa manžel manžela manželka manželky manželku sestra
sestry sestru vnuk vnuka vnučka vnučky vnučku sūnus sūnų sūnaus sūnui duktė dukra dukrą dukters dukros dukrai
dukteriai vaikas vaiką vaiko žmona žmoną vyras vyrą brolis brolį sesuo seserį anūkas anūką anūkė anūkę dēls dēlu
dēla meita meitu meitas bērns bērnu bērna sieva sievu vīrs vīru brālis brāli māsa māsu mazdēls mazmeita poeg poja
poega tütar tütre tütart abikaasa vend venna õde õe poika poikani pojan poikaa poikamme tytär tyttäreni tyttären
tytärtä tyttäremme lapsi lapsen lapseni lapsemme mieheni vaimoni veljeni siskoni lapselleni pojalleni tyttärelleni
lastemme сина дъщеря дъщеря дъщерята внука внучката morfar farfar mormor farmor bedstefar bedstemor oldefar μαθητής
μαθητή μαθήτρια μαθήτριας sina hči hčer hčerko hčerka hčere otrok otroka mož moža žena ženo kći kćer kćeri kćerka
kćerku ćerka ćerku ćerke dijete djeteta dete deteta muž muža supruga suprugu suprug supruga син сина сину ћерка
ћерку ћерке кћи кћер дете детета муж мужа супруга супругу брат брата сестра сестру fiul fiului fiica fiicei copilul
copilului soțul soția fratele sora nepotul nepoata søn sønn sønnen datter datteren dotter dottern barnet barnebarn
hustru bror broren søster syster zoontje dochtertje kleinzoon kleindochter
""".split())
# possessives that may stand between (or after, Romanian "fiul meu") a kin word and the name
_AFTER_KIN = frozenset("meu mea nostru noastră moj moja moje mojo moju min mitt mit mi си".split())
_PARENTS_OF = re.compile(r"(?i:(?<![\w'’])(?:forældre|foreldre|föräldrar|vårdnadshavare|ouders|mamma|pappa|"
                         r"moder|fader|moeder|vader|mama|papa)[ \t](?:til|till|van|åt))(?=[ \t])")
_OWN = re.compile(r"[ \t]([^\W\d_]{2,8})(?=[ \t])")
_KIN_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{2,20}(?![\w'’-])")
# a class in brackets after a child's name: "(3.b)", "(Β2)", "(5.A)", "(groep 5)"
_CLASS = re.compile(r"[ \t]{0,2}\((?:(?i:groep|gruppe|klasse|klass|klas|luokka|klase|klasė|osztály|razred|třída|"
                    r"trieda|τμήμα|τάξη|клас|група|grupa|skupina|clasa)[ \t])?"
                    r"(?:\d{1,2}[ \t]?\.?[ \t]?[^\W\d_]?|[^\W\d_]\d{1,2})\)")
_LOWER_NEXT = re.compile(r"[ \t]{1,2}[^\W\d_]")


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names we know (the older list and this module's); words that are never a name here; words that are no name
    unless a given name we know ("Nora", "Milan" on the older lists of words)."""
    from services.adapters.local import pii_kin_names, pii_rules  # imported at call time: pii_rules imports modules

    never = _NOT_NAMES | _OPENERS | _KIN | _TITLES
    rather_not = (pii_rules.NOT_NAMES | pii_rules.NOT_ADDRESSEES | pii_kin_names._lists()[1]) - _GIVEN
    return pii_rules.GIVEN_NAMES | _GIVEN, never, rather_not


def _known(word: str) -> bool:
    """A given name we know, or the vocative of one ("Tomai", "milane", "Γιώργο")."""
    from services.adapters.local import pii_rules

    low = word.lower()
    given = _lists()[0]
    if low in given or pii_rules.fold(low) in given:
        return True
    return any(low.endswith(end) and len(low) - len(end) >= (4 if end == "e" else 3)
               and low[:len(low) - len(end)] + base in given
               for end, base in _VOCATIVE_ENDS)


def _never(word: str) -> bool:
    return word in _lists()[1] or word in _lists()[2]


def _name_word(word: str) -> bool:
    """A capitalised word that may be a name's: not shouted, not a word we know is no name."""
    low = word.lower()
    return (len(word) > 1 and word[0].isupper() and not word.isupper() and low not in _lists()[1]
            and (low not in _lists()[2] or _known(word)))


def _words(text: str, pos: int, most: int = 3) -> tuple[int, int, int] | None:
    """Capitalised name words from pos, one space apart, particles between them ("Bram van Leeuwen"): (start, end, how
    many capitalised)."""
    end, count, i = -1, 0, pos
    while count < most:
        m = _WORD.match(text, i)
        if m and count and m.group() in _PARTICLES:
            after = _WORD.match(text, m.end() + 1) if text[m.end():m.end() + 1] == " " else None
            if after and _name_word(after.group()):
                m = after  # "van Leeuwen", "de Groot"
        if not m or not _name_word(m.group()):
            break
        end, count = m.end(), count + 1
        if end < len(text) and text[end] == " ":
            i = end + 1
            continue
        break
    return (pos, end, count) if count else None


def _greeted(text: str) -> Iterator[tuple[int, int]]:
    """The names a greeting line greets ("Tere, Kadri!", "Hej Birgitte og Jens,", "zdravo milane,")."""
    for g in itertools.islice(_GREETING.finditer(text), 8):
        sep = _SEP.match(text, g.end())
        if not sep:
            continue
        comma, titled = bool(sep.group(1) or sep.group(2)), False
        at = sep.end()
        for _ in range(2):  # "Hoi juf Marloes", "Поштована госпођо Јовановић", "Καλημέрα κυρία Μαρία"
            t = _WORD.match(text, at)
            if not t or t.group().lower() not in _TITLES:
                break
            nxt = _TITLE_GAP.match(text, t.end())
            if not nxt:
                break
            at, comma, titled = nxt.end(), False, True
        lower = g.group().strip()[:1].islower()
        yield from _greeted_names(text, at, comma, titled, lower)


def _greeted_names(text: str, at: int, comma: bool, titled: bool, lower: bool) -> Iterator[tuple[int, int]]:
    """After a title any capitalised name; else a given name we know first (a firm, an office, a team greeted is
    the older finders' and their filters' call: "Hallo Lieferando-Team", "Hej Zilveren Kruis")."""
    first = _words(text, at, 1 if comma else 3)
    if first is None:
        word = _WORD.match(text, at)  # "zdravo milane,": a lower-case chat greets a given name we know
        if lower and word and word.group().islower() and len(word.group()) > 2 and not _never(word.group()):
            w = word.group()
            if _known(w) and text[word.end():word.end() + 1] in (",", "!"):
                yield word.span()
        return
    start, end, _ = first
    if not (titled or _known_first(text, start)):
        return
    if _END.match(text, end):
        yield start, end
        return
    # two names joined by "and": "Hej Birgitte og Jens,"
    joined = _JOINED.match(text, end)
    if comma or not joined or joined.group(1).lower() not in _AND:
        return
    second = _words(text, joined.end(), 2)
    if second and _END.match(text, second[1]) and (titled or _known_first(text, second[0])):
        yield start, end
        yield second[0], second[1]


def _known_first(text: str, start: int) -> bool:
    word = _WORD.match(text, start)
    return word is not None and _known(word.group())


# the greeting line then blank lines before the body: "Hei Saara,\n\n", "Pozdravljeni,\n\n"
_BODY = re.compile(r"[^\n]{0,60}\n(?:[ \t]{0,3}\n){0,2}[ \t]{0,3}")
_ARTICLE = re.compile(r"(?:ο|η|Ο|Η)[ \t]")


def _opening(text: str) -> Iterator[tuple[int, int]]:
    """The child or relative a letter's first sentence names ("Eetu on tänään kotona", "ο Γιάννης (Β2) θα …")."""
    g = _GREETING.search(text, 0, 200)
    if not g:
        return
    body = _BODY.match(text, g.end())
    if not body:
        return
    at = body.end()
    article = _ARTICLE.match(text, at)
    if article:
        at = article.end()
    found = _words(text, at, 2)
    if not found:
        return
    start, end, count = found
    if _CLASS.match(text, end):
        yield start, end  # "Molnár Bence (3.b) holnap …", "ο Γιάννης (Β2) θα …"
        return
    first = _WORD.match(text, start)
    if first is None or not _known(first.group()):
        return
    nxt = _LOWER_NEXT.match(text, first.end())
    if nxt and nxt.group()[-1].islower():
        yield first.span()  # "Eetu on tänään kotona", "Zala bo …", "Daan wordt …"


def _kin(text: str) -> Iterator[tuple[int, int]]:
    """A child's or a relative's name after a kin word ("mojej dcéry Niny Kollárovej", "mano dukrą Gabiją …") or after
    "the parents of" ("forældre til Ida og Karl")."""
    cues: list[int] = []
    for m in itertools.islice(_KIN_WORD.finditer(text), 4000):
        if m.group().lower() in _KIN and not m.group().isupper():
            if m.group()[0].isupper():
                before = text[max(0, m.start() - 8):m.start()].rstrip(" \t")
                if before and before[-1] not in ".!?:\n":
                    continue  # "Manžel Kovács s.r.o.": a kin word in title case after anything but a sentence's start
            at = m.end()
            own = _OWN.match(text, at)
            if own and own.group(1).lower() in _AFTER_KIN:
                at = own.end()
            cues.append(at)
        if len(cues) >= CAP:
            break
    cues.extend(m.end() for m in itertools.islice(_PARENTS_OF.finditer(text), CAP))
    for at in cues:
        if text[at:at + 1] not in (" ", "\t"):
            continue
        found = _words(text, at + 1, 3)
        if not found or not (found[2] > 1 or _known(text[found[0]:found[1]]) or _set_off(text, found[1])):
            continue  # one word: a given name we know, or set off by a stop or a lower-case word ("dcéry Niny z 5.A")
        yield found[0], found[1]
        joined = _JOINED.match(text, found[1])
        if found[2] == 1 and joined and joined.group(1).lower() in _AND:
            second = _words(text, joined.end(), 1)
            if second:
                yield second[0], second[1]


def _set_off(text: str, end: int) -> bool:
    m = _SET_OFF.match(text, end)
    return m is not None and (m.group()[:1] not in (" ", "\t") or m.end() >= len(text) or not text[m.end()].isupper())


_JOINED = re.compile(r"[ \t]([^\W\d_]{1,3})[ \t]")
_SET_OFF = re.compile(r"[ \t]{0,2}(?:[,.;:!?()]|\r?\n|\Z)|[ \t](?=[^\W\d_])")


def _found(text: str) -> Iterator[tuple[int, int]]:
    yield from _greeted(text)
    yield from _opening(text)
    yield from _kin(text)


def find_letter_openings(text: str) -> Iterator[tuple[str, int, int, float]]:
    """The names of the module's docstring, at most CAP, each once."""
    yield from pii_found.unique_persons(_found(text), CAP, _SCORE)


def with_letter_openings(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the names of this module added where no span covers them and no kept value lies there; a
    PERSON span inside the name, or over the name and its greeting's, title's or kin word's words only, gives way."""
    found = [(start, end) for _, start, end, _ in find_letter_openings(text)]
    if not found:
        return spans
    return pii_found.add_back(spans, found, keep, lambda s, a, b: _gives_way(text, s, a, b), _SCORE)


def _gives_way(text: str, span: PiiSpan, start: int, end: int) -> bool:
    if span.kind != "PERSON" or span.start > start and span.end > end:
        return False
    if span.start >= start and span.end <= end:
        return True  # the name or a word of it
    if span.end != end:
        return False
    before = _WORD.findall(text[span.start:start])  # "juf Marloes", "dukrą Gabiją Petrauskaitę"
    return bool(before) and all(w.lower() in _TITLES or w.lower() in _KIN or _GREETING.match(w) for w in before)
