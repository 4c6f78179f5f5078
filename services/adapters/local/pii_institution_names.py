"""Institutions, firms, teams and header words taken for persons (session 39, candidate 39-3): a filter of the
detector's PERSON spans, run after the learned PERSON check (pii_person_check).

What it drops (a PERSON span only, never another kind):
- a span naming an institution, a public body, a firm or a place of business: it holds, or is written right next to,
  a word that names such a thing in one of the languages our mail mixes — a kindergarten, school, clinic, pharmacy,
  municipality and its offices, a department or team, a shop, depot, station or district ("Päiväkoti Kuusikko",
  "Tallinna Kivimäe Põhikool", "Telekom Srbija", "Mutualité Saint-Michel", "Administratie Hoogland", "Gemeng Mamer",
  "Stasiun Sudirman", "im Bürgerbüro Mitte", "l'école Jean-Jaurès"), or a company's legal form follows it ("Kluge
  Elektrotechnik GmbH", "Tatra Components s.r.o.", "Kowalski i Synowie Sp.j.", "Van Lier Metaal B.V.");
- a span made only of capitalised common nouns of those languages (with their articles and pronouns), the words of
  headers, form fields and a line's start ("Τιμολόγιο", "Ποσό", "Zamówienia", "Pacjenci", "Správa", "Mandatsreferenz",
  "Ihrem Schreiben").

What it never takes (the look-alikes):
- a name inside a firm's name when the same name is masked elsewhere in the message (the conventions of
  tests/data/pii/build.py: "this is Aarav Patel of Patel & Co" keeps "Patel" masked in the firm too), or said
  elsewhere after a first name we know or a title, or before a first name ("Malerbetrieb Ostermeier / Inh. Florian
  Ostermeier", "Idraulica Bianchi di Bianchi Marco"); a surname particle alone ("t.n.v. Van") is a cut name, kept;
- a span over a line break (a signature read as one span) and a span holding a first name we know and more words
  ("Usługi Remontowe Paweł Grabowski": a sole trader's own name);
- a name merely near such a word: the word must touch the span (only spaces between; a connector such as "&", "i",
  "und" before a legal form or a firm word), a comma, a colon or a line break ends the search; lower-case English
  words before a name ("the school Emma goes to") are not read, only the non-English institution words in this list;
- a surname that is also a word: no word of the lists is a given name or a surname we know (none is inside a labelled
  PERSON span of tests/data/pii, tests/adapters/local/test_pii_institution_names.py checks), short ambiguous words
  ("Bank", "Hall", "Park", "Church", "Kool", "Koch", "Richter") are left out, and compound endings are read only on
  words longer than the ending by three letters.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_rules, pii_trade_firms
from services.models import PiiSpan

# words naming an institution, a public body, a firm or its place of business (lower case): a PERSON span holding one,
# or touching one, is no one's name
HEADS = frozenset("""
school schools primary secondary academy college nursery kindergarten preschool playgroup clinic clinics hospital
pharmacy council municipality department dept depot station terminal warehouse supermarket superstore headquarters
lettings estates properties motors logistics packaging supplies solicitors insurance assurance brokers consulting
ferries airways airlines utilities telecom telekom ministry bureau agency authority association foundation society
cooperative parish library museum zoo mosque airport university polytechnic campus marketplace pharmacies surgeries
practice mutual energy
schule grundschule gymnasium realschule gesamtschule mittelschule volksschule kita kindergarten kindertagesstätte
praxis klinik klinikum krankenhaus apotheke gemeinde stadtverwaltung landratsamt rathaus bürgerbüro bürgeramt
finanzamt jobcenter behörde verwaltung hausverwaltung paketshop filiale bahnhof haltestelle versicherung krankenkasse
sparkasse volksbank stadtwerke verein stiftung genossenschaft betriebsrat praxisteam kundenservice niederlassung
markt gasthof kanzlei gruppe energie autohaus baumarkt drogerie drogeriemarkt getränkemarkt supermarkt lager wohnungsgenossenschaft
basisschool gemeente administratie huisartsenpraktijk praktijk apotheek ziekenhuis kinderopvang winkel
groothandel groep bouwmaterialen kwekerij mondzorg woonstichting stichting vereniging magazijn afhaalpunt bakkerij slagerij
école collège lycée crèche mairie préfecture mutualité mutuelle clinique pharmacie hôpital agence cabinet société
ateliers atelier boulangerie finques magasin gare banque caisse assurances secrétariat syndic garage entreprise
colegio escuela instituto guardería ayuntamiento municipalidad alcaldía clínica farmacia consultorio gestoría
administraciones fincas muebles aguas suministros tienda almacén sucursal estación distribuidora ferretería panadería
scuola asilo liceo istituto academia comune municipio clinica ospedale ufficio condominio panificio caseificio cartotecnica
agriturismo officina autofficina ditta negozio stazione associazione azienda poliambulatorio
torrefazione
escola creche colégio câmara freguesia farmácia loja lojas estação mutualidade seguros reparadora oficina
szkoła szkoły szkole przedszkole przedszkola żłobek urząd urzędu urzędzie gmina gminy przychodnia przychodni apteka
apteki sklep sklepu kwiaciarnia kwiaciarni biuro biura spółdzielnia hurtownia piekarnia
škola školka školy úřad obec lékárna lékárně lékárny nemocnice poliklinika obchod prodejna pošta pojišťovna
poisťovňa poisťovne
šola vrtec vrtić vrtića općina občina lekarna lekarne ljekarna bolnica trgovina
iroda iskola óvoda önkormányzat önkormányzata hivatal gyógyszertár áruház
școala școală grădinița primăria spitalul farmacia
ryhmä hammashoitola päiväkoti päiväkodin koulu koulun lukio apteekki terveysasema sairaala toiminimi rakennuspalvelu sähkölaitos
põhikool keskkool algkool gümnaasium lasteaed vallavalitsus linnavalitsus apteek haigla
skola pirmsskolas mokykla darželis savivaldybė vaistinė
förskola förskolan skolan skole børnehave børnehuset barnehage kommun kommune apotek apoteket vårdcentral
vårdcentralen avdelning avdeling energi vatten borgerservice sjukhus sygehus butik butikk borettslag bryggeri lageret dækcentret skolekontoret
σχολείο δήμος δήμου φαρμακείο νοσοκομείο
okulu belediyesi eczanesi hastanesi hizmetleri
sekolah stasiun kelurahan kecamatan puskesmas apotek toko masjid kantor pangsapuri
barangay brgy
shule zahanati hospitali
gemeng schoul
""".split())

# the same words read as the ending of a compound ("Grundschule", "Bürgerbüro", "Põhikool", "Förskolan"): only on a
# word longer than the ending by three letters or more
HEAD_ENDS = ("schule", "kindergarten", "büro", "verwaltung", "versicherung", "kasse", "klinik", "praxis", "apotheke",
             "zentrum", "bahnhof", "markt", "gemeinde", "amt", "skolan", "skola", "skole", "koulu", "apotheek",
             "praktijk", "school", "centret", "centralen", "huset", "bedrijf", "werkstatt", "werkstätten", "service",
             "kantoor", "kanzlei", "förvaltningen", "etaten", "schulhaus")

# a company's legal form right after the span (as written, case kept)
LEGAL_FORMS = frozenset("""GmbH AG KG OHG UG mbH e.K. e.V. eG Ltd Ltd. Limited LLC LLP Inc Inc. PLC plc Corp Corp.
B.V. BV N.V. NV V.O.F. VOF S.A. SA S.L. SL SLU S.L.U. S.A.S. SAS SARL S.à.r.l. SNC snc s.n.c. S.p.A. SpA S.r.l. Srl srl
S.R.L. SRL Lda Lda. Ltda Ltda. S.A.U. Sp. Sp.j. Sp.k. sp. s.r.o. a.s. d.o.o. d.d. EOOD OOD AD Oy Oyj AB ApS A/S ASA
Kft. Kft Zrt. Zrt Bt. Pty Bhd Sdn Tbk ЕООД ООД АД ТОВ ООО OÜ AS SIA UAB
Sons Söhne Synowie Wspólnicy Figli Filhos Hijos Zonen Fils Frères Fratelli Hermanos Irmãos Partners Associates
Associati Gebrüder""".split())
# the words that may join a name to a legal form or a firm word after it ("Kowalski i Synowie", "Marsh & Tillot
# Solicitors")
_JOINS = frozenset("& i e y und and et og och en".split())
# institution words that name the place of the name right after them even in lower case ("à l'école Jean-Jaurès",
# "shule Mbezi Secondary", "v lékárně U Zlatého hada"); English ones are not here ("the school Emma goes to")
_LOWER_BEFORE = frozenset("""école escola escuela scuola shule sekolah stasiun stazione gare gemeente gemeng toiminimi
lékárně lékárna lekarna ditta masjid brgy barangay przychodni przychodnia przedszkole przedszkola kita mairie
colegio collège lycée päiväkoti academia cabinet""".split())

# capitalised common nouns of headers, form fields and a line's start, in the languages our mail mixes (lower case):
# a PERSON span made of these (and of articles and pronouns) is no one's name
NOUNS = frozenset("""
invoice invoices amount amounts total subtotal balance payment payments orders order supplier suppliers customer
customers client clients patient patients parents parent student students applicant applicants leaseholders tenants
remittance reference subject attachment attachments description quantity status settings notifications
rechnung rechnungen betrag summe gesamt gesamtbetrag zahlung zahlungen bestellung bestellungen lieferant lieferanten
kunden kundin patienten eltern mieter vermieter miete kaution anhang anlage betreff formular unterlagen daten
mandatsreferenz gläubiger personalausweis reisepass führerschein liefertermin lieferung prämie gutschein ersatz
anzeige schreiben schadens zeitfenster fahrzeug abholung anliegen kreditoren debitoren abschlag
factuur facturen bedrag totaal betaling bestelling bestellingen leverancier klant klanten huurder
facture factures montant paiement commande commandes fournisseur fournisseurs patients locataire pièce objet
factura facturas importe pago pedido pedidos proveedor proveedores cliente clientes pacientes inquilino asunto
fattura fatture importo pagamento ordine ordini fornitore fornitori pazienti allegato oggetto
fatura faturas montante encomenda encomendas fornecedor fornecedores referência entidade assunto
faktura faktury kwota płatność zamówienie zamówienia zamówień dostawca dostawcy klient klienci pacjent pacjenci
rodzice załącznik temat
objednávka objednávky částka platba dodavatel zákazník pacienti rodiče příloha správa správy predmet
račun iznos plaćanje narudžba dobavljač kupac
számla összeg rendelés szállító vevő szülők
lasku laskut summa tilaus toimittaja asiakas asiakkaat
summa tellimus tarnija klient
faktura belopp betalning beställning leverantör kunder
regning beløb betaling bestilling leverandør kunde
τιμολόγιο τιμολόγια ποσό ποσά πληρωμή παραγγελία προμηθευτής πελάτης ασθενείς γονείς σύνολο συνολο
fatura tutar ödeme sipariş tedarikçi müşteri
tagihan jumlah pembayaran pesanan pemasok pelanggan
""".split())
# articles, pronouns and prepositions that may stand with those nouns in a header ("Ihrem Schreiben", "Ihres Schadens")
_NOUN_COMPANIONS = frozenset("""der die das des dem den ihr ihre ihrem ihren ihres ihrer sein seine seinem seinen seines
seiner mein meine meinem meinen meines meiner unser unsere unserem unseren unseres eingang mit laut von vom zur zum
le la les du des de votre vos notre nos el los las del su sus il lo gli della delle dei o os as da do dos das
the your our of
""".split())

_SPEAKING = re.compile(r"[ \t,]{1,3}(?i:speaking|here|hier|am apparat|al habla|à l'appareil|la telefon|bol|calling|"
                       r"falando|parla|aan de lijn|przy telefonie|u telefonu|puhelimessa)\b")
# surname particles and joining words, which name no one alone ("Van" masked elsewhere is not "Van Leeuwen")
_PARTICLES = _JOINS | frozenset("van von der den de da di del della dos das du la le ter ten op st saint san".split()) | {""}
_TITLES = frozenset("mr mrs ms miss dr herr frau inh pan pani sig sr sra dott avv ing mag".split())
_MORE_TITLES = frozenset("dra dña dona prof".split())  # session 45: titles a name after which is a person's
_INITIAL = re.compile(r"[^\W\d_]\.")  # "P." of "P. Lahtinen"
_ABBREVIATIONS = frozenset({"brgy", "dept", "st"})  # head words written with a full stop before a name
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}|&|\d[\w.-]{0,20}")
_BEFORE = re.compile(r"([^\W\d_][\w.-]{0,38})[ \t]{1,4}$")
_GAP = re.compile(r"[ \t]{1,4}")
_GIVEN_ABOVE = re.compile(r"(?:^|\n)[ \t]{0,4}([^\W\d_][\w-]{0,30})[ \t]{0,4}\n[ \t]{0,4}$")  # a first name alone above
_MAX_SPANS = 200  # spans read per message: more are kept as they are


def _plain(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip(".'’-")).casefold()


@functools.cache
def _firm_words() -> frozenset[str]:
    """HEADS and the department and trade words of pii_firm_words.txt (imported here: pii_presidio imports this)."""
    from services.adapters.local import pii_presidio

    return HEADS | pii_presidio.DEPARTMENT_WORDS | pii_presidio.TRADE_WORDS


def _is_head(word: str) -> bool:
    low = _plain(word)
    if low in _firm_words():
        return True
    if any(low.endswith(end) and len(low) >= len(end) + 3 for end in HEAD_ENDS):
        return True
    return word[:1].isupper() and _trade(low)  # session 43 (43-8): a trade word, capitalised ("Heizung Maier")


def _trade(low: str) -> bool:
    return low in pii_trade_firms.WORDS or any(
        low.endswith(end) and len(low) >= len(end) + 3 for end in pii_trade_firms.ENDS) or any(
        low.startswith(start) and len(low) >= len(start) + 3 for start in pii_trade_firms.STARTS)


def _words_after(text: str, end: int, limit: int = 4) -> list[str]:
    """The words right after end on the same line, separated by spaces only (a comma, colon or break ends them)."""
    out: list[str] = []
    pos = end
    while len(out) < limit:
        gap = _GAP.match(text, pos)
        if gap is None:
            break
        word = _WORD.match(text, gap.end())
        if word is None:
            break
        out.append(word.group())
        pos = word.end()
    return out


def _word_before(text: str, start: int) -> str | None:
    """The word right before start, separated by spaces only ("im Bürgerbüro" → "Bürgerbüro"; "l'école" → "école")."""
    head = text[max(0, start - 40):start]
    m = _BEFORE.search(head)
    if m is None:
        return None
    word = re.split(r"['’]", m.group(1))[-1]
    if word.endswith(".") and _plain(word) not in _ABBREVIATIONS:
        return None  # "Little Acorns Nursery. Leo had a bump": a sentence ends there
    return word


def _firm_after(text: str, end: int) -> bool:
    """A legal form or a firm word follows the span, the words between capitalised or joining words."""
    for word in _words_after(text, end):
        bare = word.rstrip(",;:")
        if bare in LEGAL_FORMS or (bare[:1].isupper() and _is_head(bare)):
            return True  # "Ingvild i kundeservice" is a person in a team, "Kundeservice" after a name a firm's
        if bare.casefold() in _JOINS:
            continue
        if not bare[:1].isupper() or bare != word:
            return False
    return False


def _institution(text: str, span: PiiSpan) -> bool:
    if "\n" in text[span.start:span.end]:
        return False  # "Im Auftrag\nKerstin Mahlberg\nStadtkasse Göttingen": a signature read as one span
    words = _WORD.findall(text[span.start:span.end])
    title = _BEFORE.search(text[max(0, span.start - 40):span.start])
    if title and _plain(title.group(1)) in _TITLES | _MORE_TITLES:
        return False  # "con la Dra. Villalobos en Clínica Dental Sonríe": a titled person beside her clinic
    if len(words) == 2 and _INITIAL.fullmatch(words[0]) and words[1][:1].isupper():
        return False  # "Rakennuspalvelu P. Lahtinen": a sole trader's initial and surname, his name (session 45)
    if len(words) == 1 and _under_first_name(text, span):
        return False  # "Cheers,\nGareth\nLloyd Roofing & Guttering": the sole trader's surname under his first name
    if len(words) > 1 and any(_plain(w) in pii_rules.GIVEN_NAMES for w in words) and not _shop_of_one_name(words):
        return False  # "Tom Reilly Acme Logistics Ltd", "Usługi Remontowe Paweł Grabowski": a person's full name
    if any(_is_head(w) or (w in LEGAL_FORMS and len(w) > 2) for w in words):
        return True  # "Tiszavirág Kft" ("SL" or "AS" inside a span may be initials: read only after one)
    if _firm_after(text, span.end):
        return True
    if _SPEAKING.match(text, span.end):
        return False  # "Lanka Telecom Dilani speaking", "Telcora, Priya here": the agent after her firm's name
    before = _word_before(text, span.start)
    if before is None or not _is_head(before) or (words and _plain(words[0]) in pii_rules.GIVEN_NAMES):
        return False  # "Lanka Telecom Dilani speaking": the agent after her firm's name
    return before[:1].isupper() or _plain(before) in _LOWER_BEFORE


def _under_first_name(text: str, span: PiiSpan) -> bool:
    """A name word before a trade word of pii_trade_firms, under a first name alone on the line above: the sole
    trader's surname ("Gareth\nLloyd Roofing & Guttering"), masked by the conventions."""
    above = _GIVEN_ABOVE.search(text[max(0, span.start - 40):span.start])
    after = _words_after(text, span.end, 1)
    return bool(above and _plain(above.group(1)) in pii_rules.GIVEN_NAMES and after and after[0][:1].isupper()
                and _trade(_plain(after[0])))


def _shop_of_one_name(words: list[str]) -> bool:
    """Capitalised trade words of pii_trade_firms and ONE other word, a first name too: "Autoservice Horst",
    "Harrison Heating" (a shop named after its owner's first name; "Usługi Remontowe Paweł Grabowski" is a person's)."""
    if len(words) > 3 or not all(w[:1].isupper() or _plain(w) in _JOINS for w in words):
        return False
    plain = [_plain(w) for w in words]
    others = [p for p in plain if not _trade(p) and p not in _JOINS]
    return len(others) == 1 and len(others[0]) > 2 and any(_trade(p) for p in plain)


def _common_nouns(text: str, span: PiiSpan) -> bool:
    words = [_plain(w) for w in text[span.start:span.end].split()]
    return (bool(words) and any(w in NOUNS for w in words)
            and all(w in NOUNS or w in _NOUN_COMPANIONS for w in words))


def _said_as_name(text: str, span: PiiSpan, word: str) -> bool:
    """The word stands elsewhere in the text after or before a first name we know, or after a title."""
    low = text.casefold()
    pos, seen = low.find(word), 0
    while pos >= 0 and seen < 20:
        seen += 1
        end = pos + len(word)
        if (pos < span.start or pos >= span.end) and (pos == 0 or not low[pos - 1].isalnum()) and (
                end >= len(low) or not low[end].isalnum()):
            before = _BEFORE.search(text[max(0, pos - 40):pos])
            after = _words_after(text, end, 1)
            if (before and (_plain(before.group(1)) in pii_rules.GIVEN_NAMES or _plain(before.group(1)) in _TITLES)) or (
                    after and _plain(after[0]) in pii_rules.GIVEN_NAMES):
                return True
        pos = low.find(word, pos + 1)
    return False


def _named_elsewhere(text: str, span: PiiSpan, spans: Sequence[PiiSpan]) -> bool:
    """A word of the span that is no firm word is borne by another PERSON span of the message (spans naming an
    institution themselves are not given: "Van Dijk Logistiek B.V." twice is no one's name)."""
    mine = {_plain(w) for w in _WORD.findall(text[span.start:span.end]) if not _is_head(w)} - _PARTICLES
    if not mine:
        return not any(_is_head(w) for w in _WORD.findall(text[span.start:span.end]))  # "t.n.v. Van": a cut name
    if any(_said_as_name(text, span, w) for w in mine):
        return True  # "Malerbetrieb Ostermeier / Inh. Florian Ostermeier", "Idraulica Bianchi di Bianchi Marco"
    for other in spans:
        if other.kind != "PERSON" or (other.start < span.end and span.start < other.end):
            continue
        theirs = {_plain(w) for w in _WORD.findall(text[other.start:other.end])}
        if mine & theirs or any(_genitive_of(w, name) or _gendered_of(w, name) for w in mine for name in theirs):
            return True
    return False


# genitives that change the stem's end: Estonian "Kask" -> "Kase", "Kuusk" -> "Kuuse", "Kukk" -> "Kuke", "Sepp" ->
# "Sepa"; Finnish "Virtanen" -> "Virtasen"
_STEM_GENITIVES = (("sk", "se"), ("kk", "ke"), ("pp", "pa"), ("tt", "ta"), ("nen", "sen"))


def _genitive_of(word: str, name: str) -> bool:
    """The firm's word is the name with a genitive ending of one or two letters: "Per Lundgren, Lundgrens Bygg AB",
    "Rein Tamm, Tamme Ehitus OÜ", or a genitive of a changed stem ("Rein Kask, Kase Torutööd OÜ", "Virtasen Sähkö")."""
    if len(name) > 3 and any(name.endswith(end) and word == name[:-len(end)] + gen
                             for end, gen in _STEM_GENITIVES):
        return True
    return len(name) > 3 and word.startswith(name) and 0 < len(word) - len(name) <= 2


# the masculine and feminine forms of one surname (since session 47, blind115c: "Beata Lewandowska … Lewandowski i
# Wspólnicy Sp.j."): Polish -ski/-ska, -cki/-cka, -dzki/-dzka; Czech and Slovak -ý/-á; Russian, Bulgarian, Czech -ov/-ova,
# -ev/-eva, -in/-ina, Cyrillic the same; Czech and Slovak "Novák" / "Nováková"; Hungarian married "Kovácsné" (blind116c)
_GENDER_ENDINGS = (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka"), ("ý", "á"), ("ov", "ova"), ("ev", "eva"),
                   ("in", "ina"), ("ов", "ова"), ("ев", "ева"), ("ин", "ина"), ("", "ová"), ("", "né"))


def _gendered_of(word: str, name: str) -> bool:
    """The firm's word and the person's are one surname in its masculine and feminine forms."""
    for male, female in _GENDER_ENDINGS:
        for a, b in ((word, name), (name, word)):
            if a.endswith(male) and b.endswith(female) and len(b) - len(female) >= 3 and \
                    a[:len(a) - len(male)] == b[:len(b) - len(female)]:
                return True
    return False


def without_institutions(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans without the PERSON spans that name an institution, a firm, a team or are header words."""
    if not any(s.kind == "PERSON" for s in spans) or len(spans) > _MAX_SPANS:
        return list(spans)
    nouns = {i for i, s in enumerate(spans) if s.kind == "PERSON" and _common_nouns(text, s)}
    firms = {i for i, s in enumerate(spans) if s.kind == "PERSON" and i not in nouns and _institution(text, s)}
    if not nouns and not firms:
        return list(spans)
    names = [s for i, s in enumerate(spans) if i not in nouns and i not in firms]
    return [s for i, s in enumerate(spans)
            if i not in nouns and not (i in firms and not _named_elsewhere(text, s, names))]
