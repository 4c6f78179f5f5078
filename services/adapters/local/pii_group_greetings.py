"""Salutations to a group or a role, and the common words that open a sentence, taken for persons (session 44,
candidate 44-2): a filter of the detector's PERSON spans, run after the role filter (pii_role_names).

What it drops (a PERSON span only, never another kind):
- in a salutation line ("Dear …", "Sehr geehrte …", "Tisztelt …", "Estimado …", "Gentile …", "Kære …", "Beste …",
  "Head …", "Уважаеми …", and the greetings of the other European languages our mail mixes), a span made only of
  the words that address a group or a role rather than a person — residents, citizens, neighbours, tenants, owners,
  parents, customers, taxpayers, members, colleagues, an insurer — with their joining words: "Tisztelt Lakosok!",
  "Estimado vecino:", "Gentile contribuente", "Kære borger", "Head lapsevanemad", "Sehr geehrte Eigentümerinnen und
  Eigentümer", "Tisztelt Biztosító!", "Уважаеми съседи"; and a span inside a salutation that ends in a team's or a
  department's word ("Dear Council Tax team", "Hallo Support-Team");
- a span whose first word is a common word that opens a sentence and is never a name — a conjunction, a pronoun, a
  polite verb ("Wenn Sie", "Sollten Sie E-Mails …", "Jūsų", "Atsiprašome už nepatogumus", "Заповядайте",
  "Lähetetty Outlook") — unless a given name we know follows it in the span (the span is then cut to start there);
- "Jos" (Finnish "if") and "Mina" (Estonian "I", Swedish "my"), given names elsewhere, only alone, at a sentence's
  start, before a lower-case word of their language ("Jos lasku on jo maksettu", "Mina olen Marko Tamm");
- a span made only of common nouns that a notice or an order capitalises ("Anträge", "Reifen", "Größe", "Gepäck");
- a span holding no given name we know on a mail client's "sent from" footer line ("Lähetetty Outlook for Android
  -sovelluksesta", "Gesendet von meinem iPhone"); never a line that goes on after a colon ("Sent from WhatsApp: hi,
  this is Rukhsana Begum").

What it never takes (the look-alikes):
- a person's name in a salutation: "Tisztelt Fekete Ildikó!", "Kære Jens", "Estimado Sr. Pérez", "Dear Mr Smith and
  team" (a title, a joining word or a possessive in the salutation: the team rule stands down), "Sehr geehrte Frau
  Bürger" (a title before the word);
- "Jos Verstappen", "Mina Rahimi", "Mina called": the given name before a capitalised word, or before a word of no
  language the rule knows;
- a span holding a given name we know or a title after its opener ("Wenn Sie Anna …" keeps "Anna …", "Ihre Frau
  Huber" keeps "Frau Huber").
Plain set look-ups over at most _MAX_WORDS words a span, at most _MAX_SPANS spans a message; linear patterns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_role_names, pii_rules
from services.models import PiiSpan


def _words(block: str) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", w).casefold() for w in block.split())


# the greetings that open a salutation line (lower case)
_GREETINGS = _words("""
dear hi hello hey attn attention to
sehr geehrte geehrter geehrtes liebe lieber liebes hallo guten tag
tisztelt kedves
estimado estimada estimados estimadas querido querida queridos queridas hola buenos días apreciado apreciada
gentile gentili egregio egregia egregi caro cara cari care spettabile buongiorno
kære kaere hej hei kjære bästa käre kära
beste geachte lieve
head hea lugupeetud kallis kallid
hyvä hyvät arvoisa arvoisat
gerbiamas gerbiama gerbiami gerbiamieji mielas mieli mielieji
cienījamais cienījamā cienījamie godātais godātā godātie
szanowny szanowna szanowni drogi droga drodzy
vážený vážená vážení milý milá milí
poštovani poštovana poštovane dragi draga drage
уважаеми уважаема уважаемый уважаемая уважаемые скъпи дорогие шановні
stimate stimată stimați dragă dragi
cher chère chers chères bonjour madame monsieur
prezado prezada prezados prezadas caro cara caros olá
αγαπητέ αγαπητή αγαπητοί αξιότιμε αξιότιμη αξιότιμοι
sayın değerli
""")
# the words that address a group or a role rather than a person (lower case, every form we meet)
_GROUPS = _words("""
residents resident citizens citizen neighbours neighbors neighbour neighbor customer customers client clients member
members colleagues colleague parents guardians tenants tenant homeowner homeowners householder householders occupier
occupiers taxpayer taxpayers policyholder policyholders applicant applicants patient patients users user subscriber
subscribers everyone all sir sirs madam team insurer insurers
bürgerinnen bürger bürgern einwohnerinnen einwohner eigentümerinnen eigentümer mieterinnen mieter kundinnen kunden
kundin kunde nachbarinnen nachbarn anwohnerinnen anwohner eltern kolleginnen kollegen mitglieder mitgliedern damen
herren teilnehmerinnen teilnehmer versicherte versicherer versicherung nutzerinnen nutzer steuerpflichtige
lakosok lakók lakótársak lakótárs ügyfelünk ügyfelünkk ügyfeleink ügyfél szülők biztosító biztosítóm hölgyem uram
kollégák kolléga tulajdonosok tulajdonostársak bérlők partnerünk partnereink szomszédok
vecino vecina vecinos vecinas cliente clientes contribuyente contribuyentes propietario propietaria propietarios
socio socia socios usuario usuaria usuarios señores familias compañeros compañeras padres asegurado asegurada
contribuente contribuenti utente utenti condomino condòmino condomini genitori famiglie cittadini cittadino soci
colleghi residenti assicurato assicurata clientela
borger borgere kunde kunder beboer beboere forældre foreldre medlem medlemmer kollegaer kolleger naboer
kund medlemmar föräldrar grannar hyresgäster vårdnadshavare
huurder huurders bewoner bewoners klant klanten ouders buren leden collega's collega deelnemer deelnemers
verzekerde verzekeraar
lapsevanemad lapsevanem elanikud elanik klient kliendid naabrid korteriomanikud kolleegid liikmed
asukkaat asukas asiakas asiakkaamme asiakkaat vanhemmat huoltajat jäsenet naapurit
iedzīvotāji klienti vecāki kaimiņi dzīvokļu īpašnieki
gyventojai gyventojau klientai kliente tėveliai tėvai kaimynai savininkai
mieszkańcy klienci klientko kliencie sąsiedzi państwo ubezpieczyciel
občané občania zákazníci zákazníku rodiče rodičia sousedé susedia obyvatelia obyvatelé
građani građanke stanari roditelji susjedi susedi korisnici korisniče
съседи граждани клиенти клиент родители колеги собственици живущи абонати
cetățeni locatari clienți client părinți vecini asigurat
vizinhos vizinho condóminos condôminos moradores pais encarregados contribuinte segurado segurada associado associada
voisins voisin résidents habitants adhérent adhérente adhérents assuré assurée assurés contribuable abonné abonnée
sociétaire copropriétaires parents
κάτοικοι πελάτη πελάτες γονείς συνάδελφοι
""")
# the last word of a salutation to a team or a department ("Dear Council Tax team", "Hallo Support-Team")
_HEADS = _words("""
team teams department dept office desk helpdesk support service services unit section
abteilung kundenservice kundendienst service-team support-team
équipe equipo equipe squadra ufficio servizio tým tiimi tiim csapat zespół dział
""")
# titles and joining words after which a salutation names a person, not a team
_PERSON_MARKS = _words("""
mr mrs ms miss dr prof sir and & und og en et y e i és a ja och
herr frau hr fr pan pani sr sra señor señora m mme monsieur madame signor signora sig sig.ra dott
""")
_TITLES = _PERSON_MARKS - frozenset("and & und og en et y e i és a ja och".split())
# the joining words a group salutation may hold ("Bürgerinnen und Bürger", "Damen und Herren")
_JOINS = frozenset("and or und oder és vagy y o e ed og eller en of ja või ir un i a и и/или et ou και ve".split())
# common words that open a sentence and are never a name (lower case)
_OPENERS = _words("""
wenn sollten sollte falls bitte vielen leider gerne hiermit anbei daher deshalb außerdem zudem sofern soweit sobald
nachdem während weil obwohl ihre ihren ihrem ihrer unsere unser können könnten möchten würden
jos kun koska mutta että lähetetty pahoittelemme muistathan otathan ystävällisin
palun aitäh vabandame lugupidamisega saadetud
jūsų mūsų atsiprašome dėkojame prašome informuojame primename pagarbiai
jūsu mūsu atvainojamies lūdzam informējam
заповядайте благодарим молим извиняваме уведомяваме вашият вашата пожалуйста спасибо извините
jeśli jeżeli prosimy dziękujemy przepraszamy informujemy uprzejmie
pokud prosíme děkujeme omlouváme informujeme ďakujeme ospravedlňujeme
kérjük köszönjük elnézést tájékoztatjuk amennyiben
molimo zahvaljujemo ispričavamo obavještavamo izvinjavamo obaveštavamo
vänligen skickat skickad sendt vennlig venlig
indien verzonden
disculpen gracias obrigado obrigada grazie inviato envoyé enviado
""")
# the pronouns and particles an opener carries ("Wenn Sie", "Atsiprašome už")
_OPENER_TAIL = _words("""
sie ihnen ihr ihre du dich dir wir es sich sie, uns
už dėl už jūsų jums mes
za na od do se si vám vás vam
""")
# given names that are also a common opener, and the words of their language that show it is the opener
_GIVEN_OPENERS = {
    "jos": frozenset("on ei jo se sinulla teillä sinä te olet olette haluat haluatte et ette tarvitset lasku "
                     "maksu laskun tilauksesi kysyttävää".split()),
    "mina": frozenset("olen elan ei ka oma tahan soovin sain pass är har var barn vänner dagar kollegor "
                      "på".split()),
}
# common nouns a notice or an order capitalises, never a name (German, lower case)
_NOUNS = _words("""
anträge antrag anträgen formulare formular unterlagen reifen größe größen farbe menge gepäck koffer elektrogeräte
sperrmüll bauschutt sondermüll altpapier grünschnitt hausrat möbel termine termin rechnung rechnungen zahlung
zahlungen kosten gebühren rückfragen hinweise ersatz lieferung bestellung rücksendung kündigung vertrag schlüssel
zählerstand ersatzteile
""")
# a mail client's "sent from" line
_SENT_FROM = re.compile(r"(?im)^[ \t]{0,8}(?:sent from|sent with|get outlook|gesendet von|gesendet mit|von meinem|"
                        r"envoyé de|envoyé depuis|enviado desde|enviado do|enviado de|inviato da|verzonden met|"
                        r"verstuurd vanaf|skickat från|sendt fra|sendt fra min|lähetetty|saadetud|wysłane z|"
                        r"odesláno z|odoslané z|poslano z|küldve|trimis de pe|отправлено с|изпратено от)\b[^\n:]{0,80}$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:]\s{1,4}|\n[ \t\-•*]{0,8})$")
_MAX_WORDS = 8
_MAX_SPANS = 200


def _plain(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip(".,:;!'’")).casefold()


def _line(text: str, start: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return a, len(text) if b < 0 else b


def _given_name(text: str, span: PiiSpan) -> bool:
    return any(_plain(w) in pii_rules.GIVEN_NAMES for w in _WORD.findall(text[span.start:span.end])[:_MAX_WORDS])


def _group_salutation(text: str, span: PiiSpan) -> bool:
    """The span lies in a salutation line's addressee and addresses a group, a role or a team."""
    a, b = _line(text, span.start)
    if span.end > b or b - a > 160:
        return False
    head = _WORD.findall(text[a:b])[:_MAX_WORDS + 4]
    lows = [_plain(w) for w in head]
    n = 0
    while n < len(lows) and n < 3 and lows[n] in _GREETINGS:
        n += 1
    if n == 0 or span.start < a + text[a:b].find(head[n - 1]) + len(head[n - 1]):
        return False  # no greeting opens the line, or the span holds it
    words = [_plain(w) for w in _WORD.findall(text[span.start:span.end])]
    if not words or len(words) > _MAX_WORDS:
        return False
    if any(w in pii_rules.GIVEN_NAMES and w not in _GROUPS for w in words) or any(w in _TITLES for w in words):
        return False
    before = [_plain(w) for w in _WORD.findall(text[a:span.start])]
    if before and before[-1] in _TITLES:
        return False  # "Sehr geehrte Frau Bürger": a person's name
    addressee = re.split(r"[!,:;.?]", text[a:b], maxsplit=1)[0]
    if span.end > a + len(addressee):
        return False
    groupish = _GROUPS | pii_role_names.ROLES
    if any(w in _GROUPS or w in pii_role_names.ROLES for w in words) and all(
            w in groupish or w in _JOINS or w in pii_role_names.COMPANIONS or w in pii_role_names.COMPLEMENTS
            for w in words):
        return True  # "Tisztelt Lakosok!", "Sehr geehrte Eigentümerinnen und Eigentümer"
    tail = [_plain(w) for w in _WORD.findall(addressee)][n:]
    return (bool(tail) and tail[-1].rsplit("-", 1)[-1] in _HEADS and len(tail) <= 6
            and not any(w in _PERSON_MARKS for w in tail) and "'" not in addressee and "’" not in addressee)


def _opener(text: str, span: PiiSpan) -> PiiSpan | None:
    """The span less a common opener at its head: None when nothing of a name is left, the span cut to its given name
    otherwise; the span itself when no opener heads it."""
    found = list(_WORD.finditer(text, span.start, span.end))[:_MAX_WORDS + 1]
    if not found or len(found) > _MAX_WORDS:
        return span
    lows = [_plain(m.group()) for m in found]
    first = lows[0]
    if first in _GIVEN_OPENERS:
        nxt = _WORD.match(text, span.end + 1) if text[span.end:span.end + 1] == " " else None
        if (len(found) == 1 and nxt is not None and nxt.group()[:1].islower()
                and _SENTENCE_BEFORE.search(text, max(0, span.start - 12), span.start) is not None
                and (_plain(nxt.group()) in _GIVEN_OPENERS[first] or any(c in nxt.group() for c in "äöõüå"))):
            return None  # "Jos lasku on jo maksettu", "Mina olen Marko Tamm"
        return span
    if all(low in _NOUNS for low in lows):
        return None  # "Reifen", "Größe 43"
    if first not in _OPENERS:
        return span
    for m, low in zip(found, lows, strict=True):
        if low in _OPENERS or low in _OPENER_TAIL:
            continue
        if m.group()[:1].isupper() and (low in pii_rules.GIVEN_NAMES or low in _TITLES):
            return PiiSpan(span.kind, m.start(), span.end, span.score)  # "Wenn Sie Anna Berger …", "Ihre Frau Huber"
    return None


def without_group_greetings(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that address a group or a role, or that are a sentence's common opener."""
    if not any(s.kind == "PERSON" for s in spans) or len(spans) > _MAX_SPANS:
        return list(spans)
    sent = [(m.start(), m.end()) for m in _SENT_FROM.finditer(text)][:20]
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON":
            out.append(s)
            continue
        if (any(a <= s.start and s.end <= b for a, b in sent) and not _given_name(text, s)) or _group_salutation(text, s):
            continue
        kept = _opener(text, s)
        if kept is not None:
            out.append(kept)
    return out
