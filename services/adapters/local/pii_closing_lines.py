"""The closing lines of business mail are not names (issue 21, session 34).

A letter or an e-mail ends with a sign-off and the lines that sign it: the writer's name, then often their team or
role and the organisation ("Kind regards,\\nPaul Deegan\\nCustomer Care\\nNore Kitchens Ltd", "Pozdrawiam\\nDział
Obsługi Klienta", "Mvh\\nEkonomi\\nNorrlandsbageriet AB", "Lijep pozdrav\\nVoditeljica servisa", "Saue Vallavalitsus").
The name finders read the sign-off ("Ďakujem", "Cu stimă", "Freundliche Grüsse"), the team ("Recursos Humanos",
"Λογιστήριο", "HR osztály") and the organisation ("Duna Biztosító Zrt.", "Stad Gent", "Solsikken barnehage") as
people's names, so the agent lost who wrote.

:func:`without_closing_lines` (a filter of the detector's ``_never_names``) reads the closing lines — from the last
sign-off line near the end to the end, or else the last short lines after the body — and, in them, drops a PERSON
span (or cuts it to the name it holds) where it is

- a sign-off's words ("Pozdrawiam", "Mvh" in "Mvh Ekonomi"), a title alone ("Madame" in "Veuillez agréer,
  Madame, …");
- in a part of its line (parts are set apart by commas, bars, dashes, bullets) that names a team or a role (a
  department word: "Customer Care", "Recursos Humanos", "Skadeavdelingen"), or an organisation: a legal form
  ("Ltd", "Zrt.", "AB", "Sp. z o.o."), a public body's or a school's word ("Stad", "Vallavalitsus", "NAV",
  "barnehage", "Scoil"), a firm's trade, business or sector word ("Seguros", "Mutuelle"), or a country or a region
  closing a firm's name ("Telia Danmark", "Gas Norte");

and none of the part's words is a given name we know, a person's title ("Notariat Dr. Bergmann") or a word of a name
masked elsewhere in the message (the body's names, and the closing lines' words that no team's or firm's part holds):
"Kind regards,\\nPaul Deegan\\nDeegan Kitchens Ltd" keeps both Deegans masked, and "Okonkwo, Customer Care" keeps
Okonkwo (the team is another part). The detector also runs the filter once more after the tagger's session-25b
filters, which read a name after a sign-off line.
"""

from __future__ import annotations

import functools
import re

from services.adapters.local import pii_firm_address, pii_rules
from services.models import PiiSpan

# sign-offs of the languages our mail mixes (lower case, longest first where one begins another); a line that starts
# with one (then ends, or goes on after a space or a stop) is a sign-off line
_SIGN_OFFS = """kind regards|best regards|warm regards|warmest regards|kindest regards|many thanks|thanks again|thank you|
thanks|regards|best wishes|all the best|best|cheers|sincerely|yours sincerely|yours faithfully|yours truly|respectfully|
take care|with thanks|
mit freundlichen grüßen|mit freundlichen grüssen|mit freundlichem gruß|mit freundlichem gruss|freundliche grüße|
freundliche grüsse|freundliche grüße aus|beste grüße|beste grüsse|viele grüße|viele grüsse|liebe grüße|liebe grüsse|
herzliche grüße|herzliche grüsse|schöne grüße|schöne grüsse|schöne feiertage|schönen tag|grüße|grüsse|gruß|gruss|
vielen dank|danke schön|danke|hochachtungsvoll|freundlichi grüess|liebi grüess|mfg|lg|vg|
bien cordialement|cordialement|bien à vous|salutations distinguées|sincères salutations|meilleures salutations|
salutations|veuillez agréer|je vous prie d'agréer|amicalement|merci d'avance|merci beaucoup|merci|bonne journée|
met vriendelijke groeten|met vriendelijke groet|vriendelijke groeten|vriendelijke groet|hartelijke groeten|
hartelijke groet|met hartelijke groet|groetjes|groeten|groet|alvast bedankt|bedankt|dank u wel|dank je wel|mvg|
un cordial saludo|saludos cordiales|un saludo|saludos|atentamente|cordialmente|muchas gracias|gracias|
cordiali saluti|distinti saluti|un cordiale saluto|un saluto|saluti|grazie mille|grazie|in attesa di un riscontro|
com os melhores cumprimentos|melhores cumprimentos|cumprimentos|atenciosamente|obrigado|obrigada|abraços|saudações|
z poważaniem|z wyrazami szacunku|serdecznie pozdrawiam|pozdrawiam serdecznie|pozdrawiamy|pozdrawiam|dziękuję|dziękujemy|
s pozdravem|s přátelským pozdravem|se srdečným pozdravem|děkuji|děkujeme|díky|
s pozdravom|s úctou|ďakujem|ďakujeme|
üdvözlettel|tisztelettel|baráti üdvözlettel|köszönettel|köszönöm|köszönjük|üdv|
cu stimă|cu stima|cu respect|mulțumesc|mulţumesc|multumesc|mulțumim|mulţumim|cu drag|toate cele bune|
lijep pozdrav|lep pozdrav|srdačan pozdrav|srdačno|s poštovanjem|sa poštovanjem|lepo pozdravljeni|hvala vam|hvala|
pozdrav|lp|
с уважение|поздрави|сърдечни поздрави|благодаря|
με εκτίμηση|με φιλικούς χαιρετισμούς|χαιρετισμούς|ευχαριστώ|ευχαριστούμε|φιλικά|
med venlig hilsen|venlig hilsen|de bedste hilsner|bedste hilsner|kærlig hilsen|med vennlig hilsen|vennlig hilsen|
med vänliga hälsningar|vänliga hälsningar|vänlig hälsning|bästa hälsningar|hälsningar|hilsen|hilsner|mvh|vh|tack|
takk|tak|
ystävällisin terveisin|parhain terveisin|terveisin|kiitos|
lugupidamisega|parimate soovidega|tervitustega|tervitades|tänan|täname|aitäh|
ar cieņu|paldies|sveicieni|
pagarbiai|su pagarba|ačiū|dėkoju|linkėjimai"""
_SIGN_OFF = re.compile(
    r"(?i:(?:" + "|".join(sorted({p.strip() for p in _SIGN_OFFS.replace("\n", "").split("|")}, key=lambda w: (-len(w), w)))
    + r")(?![^\W\d_]))")
# titles that are no one's name alone ("Veuillez agréer, Madame, …", "Dear Sir")
_TITLES = frozenset("""madame monsieur mesdames messieurs mademoiselle sir madam sirs herr frau damen herren signora signore
signori señor señora señores senhor senhora senhores mevrouw meneer heer pan pani państwo paní pane pán úr asszony
domnule doamnă doamna gospodine gospođo κύριε κυρία господин госпожо""".split())
# a person's titles inside a part: the part names someone ("Notariat Dr. Bergmann", "Kanzlei Mag. Huber")
_PERSON_TITLES = frozenset("""dr dres mr mrs ms mx herr frau prof mag mudr mvdr judr phdr ing dipl mgr doc sir dame
dott dottssa avv ing arq lic me maître""".split())
# team and role words the detector's list lacks (lower case; a word that ends in one of the stems below counts too)
_DEPARTMENT_WORDS = frozenset("""hr rrhh humanos humanas personal personale personeel people talent recruiting recruitment
rekrytering rekrytointi rekrutacja nábor toborzás recrutare ekonomi ekonomiavdelning økonomi talous pénzügy pénzügyek
financiën finanzas finanças finanze finances finanse finance lønn løn lön lønning palkat palgaarvestus mzdy mzdová mzdové
účtárna učtáreň účtovníctvo účetní kadrová kadrowa innkjøp indkøb inköp hankinta beszerzés aprovizionare nabava
naročila набавки customer client clients relations care servis servisa podrška podpora korisnička zákaznícky zákaznická
zákaznické ügyfélszolgálat osztály osztálya klienditugi klienditeenindus raamatupidamine klientu klientų aptarnavimas
grāmatvedība buhalterija λογιστήριο τμήμα μισθοδοσίας εξυπηρέτηση πελατών πωλήσεων λογιστηρίου отдел счетоводство
продажби обслужване клиенти личен състав складов складова работник работничка voditelj voditeljica savjetnik savjetnica
referent referentka referentica ügyintéző munkatárs vezető departamentul departamentului vânzări resurse umane
contabilitate recepție recepţie relații clienți serviciul computing it helpdesk technik technical technique técnico
técnica tecnico tecnica nóminas nómina sinistres sinistri scolarité adhérents sociétaires recepción recepcion
contabilidad administración administrativo administrativa gestão gerência direção direção secretaria recursos
kundenbetreuung kundenberatung kundenberater kundenberaterin sachbearbeiter sachbearbeiterin buchhalter buchhalterin
assistentin assistent assistente assistant leiter leiterin teamleiter teamleiterin geschäftsführer geschäftsführerin
berater beraterin referentin gérant gérante conseiller conseillère chargé chargée responsable gestor gestora asesor
asesora director directora directeur directrice responsabile impiegato impiegata addetto addetta medewerker
medewerkster adviseur kierownik kierowniczka specjalista specjalistka asystent asystentka vedoucí asistentka
consilier consilieră operator operatorka savjetnica sagsbehandler handläggare saksbehandler rådgiver rådgivare
konsulent asiantuntija sihteeri myyjä klienditeenindaja spetsialist speciālists konsultantas vadybininkas vadybininkė
служител служителка консултант υπάλληλος warehouse operative operatives storeman dispatcher clerk controller ledger
purchase purchasing payable receivable credit kreditor debitor kreditorer debitorer accounts office
manager managers lead head officer coordinator secretary receptionist treasurer bursar principal headteacher
likwidator szkód obsługi najemców sprzedaży ordinace sestra vedení vedoucí vezetőség vezetősége administrácia
administrace amministratore amministrazione l'amministratore administração administratie facilitair bureau beheer
schade schadeafdeling schadenservice schadenabteilung skadeavdelingen skadebehandler skadeavdelning skadeafdelingen
regnskap regnskab redovisning kundservice kundtjänst kundeservice kundesenter asiakaspalvelu laskutus faktura
fakturering fakturor orderavdelningen ordre ordrer beboerne beboere kunde kunden styret styrelsen bestyrelsen
hallitus juhatus valdyba valde zarząd vorstand committee committees comité comitato comisión comissão komitee
komitet commissie bestuur""".split())
_DEPARTMENT_STEM = re.compile(
    r"(?:avdeling|avdelning|afdeling|abteilung|afdelingen|avdelingen|avdelningen|service|servis|tjänst|tjeneste|osztály|"
    r"osasto|palvelu|teenindus|tugi|buchhaltung|sekretariat|sekretariát|secretariaat|účtárna|verwaltung|"
    r"administratie|administration|sektion|referat|dezernat|oddělení|oddelenie|oddział|odjel|odsjek|oddelek|leitung|"
    r"leiter|leiterin|adviseur|adviseuse|berater|beraterin|angestellte|angestellter|sachbearbeiter|sachbearbeiterin)"
    r"(?:en|et|a|e|u)?\Z")
# a public body's, a school's, a practice's word (lower case): "Stad Gent", "NAV Tromsø", "Saue Vallavalitsus",
# "Solsikken barnehage", "Scoil Mhuire", "Kölcsey Ferenc Általános Iskola", "Φαρμακείο Νικολαΐδη"
_PUBLIC_WORDS = frozenset("""stad stadt gemeente gemeinde kommune kommun kunta kaupunki municipality council borough county
comune città ayuntamiento concello ajuntament câmara município commune mairie gmina urząd miasta miasto město
městský úřad mesto mestský obec önkormányzat polgármesteri hivatal hivatala primăria primaria grad općina opština
občina община δήμος δήμου vallavalitsus linnavalitsus vald pašvaldība savivaldybė nav skatteetaten skatteverket
försäkringskassan arbetsförmedlingen agentur bundesagentur finanzamt magistrat landratsamt rathaus bürgerbüro
bezirksamt ministerie ministerio ministère ministero ministerstvo ministerstwo minisztérium ministerul ministarstvo
министерство υπουργείο agency authority revenue hmrc dienst belastingdienst uwv svb cpas ocmw inps agenzia prefettura
prefecture préfecture landkreis kreis district
school schule grundschule volksschule mittelschule gymnasium realschule gesamtschule kita kindergarten
kindertagesstätte primarschule schulhaus école ecole collège college lycée crèche escuela colegio instituto escola
colégio liceo scuola asilo basisschool kinderdagverblijf szkoła przedszkole liceum škola školka mateřská základní
gimnázium iskola óvoda óvodája általános școala scoala grădinița gimnaziu liceul vrtić gimnazija училище
градина σχολείο νηπιαγωγείο skole børnehave vuggestue skola förskola gymnasiet barnehage koulu päiväkoti lukio kool
lasteaed gümnaasium pirmsskola mokykla darželis university universität université universidad università
universiteit uniwersytet univerzita egyetem universitatea sveučilište университет πανεπιστήμιο universitet
yliopisto ülikool universitāte universitetas hochschule academy akademie akademia scoil gaelscoil coláiste
pharmacy apotheke pharmacie farmacia farmácia apteka lékárna lekáreň gyógyszertár farmacie ljekarna lekarna аптека
φαρμακείο apotek apoteket apteekki apteek aptieka vaistinė clinic klinik clinique clínica clinica kliniek
praxis ordinace rendelő hospital krankenhaus ziekenhuis szpital nemocnice notaría notariat notaio notaris kanzlei
studio cabinet zorggroep stichting fundación fondazione fundação fundacja nadace alapítvány fundația stiftung
verein association asociación associazione vereniging stowarzyszenie sdružení egyesület asociația""".split())
# a firm's sector, wherever it stands in the name: "Seguros Atlântico", "Mutuelle Horizon Santé", "Fennelly Law"
_SECTOR_WORDS = frozenset("""crédit bank banka banca banco banque bankas banka versicherung versicherungen assurances assurance seguros
assicurazioni verzekeringen verzekering forsikring forsikringer försäkring försäkringar vakuutus vakuutukset kindlustus
biztosító asigurări asigurare osiguranje pojišťovna poisťovňa ubezpieczenia ασφαλιστική застраховане mutuelle
mútua krankenkasse gesundheitskasse stadtwerke telekom telecom telekomunikacije borettslag boligselskab boligselskabet
boligforening bostadsrättsförening wohnungsgenossenschaft genossenschaft woningcorporatie woonstichting maison law
solicitors insurance pensions lettings""".split())
# the last word of a firm's name that is a country or a group: "Telia Danmark", "Enel Energie", "Gas Norte"
_FIRM_LAST = frozenset("""danmark sverige norge suomi finland eesti latvija lietuva polska česko slovensko magyarország
românia hrvatska slovenija srbija bulgaria българия ελλάς ελλάδος deutschland österreich schweiz suisse svizzera
nederland belgië belgique luxembourg france españa italia portugal ireland éireann uk europe europa international
internacional group gruppe groupe grupo gruppo holding nordic norden norte nord sud süd sur north south east west
energie energy energia energía énergie gas gaz strom stadtwerke wasser water aguas acqua telekom telecom mobile
bank banka banca banco banque versicherung versicherungen assurances assurance seguros assicurazioni verzekeringen
forsikring försäkring vakuutus kindlustus biztosító asigurări osiguranje ασφαλιστική frakt logistics transport
pensions insurance lettings properties property management residential retail foods seafoods direct solutions
systems consulting gesundheitskasse krankenkasse""".split())
_COUNTRIES = frozenset("""danmark sverige norge suomi finland eesti latvija lietuva polska česko slovensko magyarország
românia hrvatska slovenija srbija bulgaria българия ελλάς ελλάδος deutschland österreich schweiz suisse svizzera
nederland belgië belgique luxembourg españa italia portugal ireland éireann uk""".split())
_LEGAL_DOTTED = re.compile(r"(?i:\bsp\.?[ \t]?z[ \t]?o\.?[ \t]?o\b\.?|\bs\.?[ \t]?r\.?[ \t]?o\b\.?|\bspol\.)")
_WORD = re.compile(r"[^\W\d_][\w'’./&-]*")
_LETTERS = re.compile(r"[^\W\d_]+")
_PART_BREAK = re.compile(r"[,;|·•–—]|[ \t]-[ \t]|:[ \t]")
_LAST_LINES = 12  # a sign-off this far from the end
_SHORT = 70  # a closing line is short
_LONG = 300  # after a sign-off, a longer line is a body's, not a closing one


def without_closing_lines(text: str, spans: list[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans (or the PERSON spans' words) of the closing lines that are no one's name (the
    module's docstring)."""
    if not any(s.kind == "PERSON" for s in spans):
        return spans
    start = _closing_start(text)
    if start is None or not any(s.kind == "PERSON" and s.end > start for s in spans):
        return spans
    # the names masked elsewhere: the body's, and the closing lines' words that no team's or firm's part holds
    # ("Yvonne Dekkers" on her own line bears "Dekkers" of "Dekkers Drukwerk B.V." on the next)
    named: set[str] = set()
    for s in spans:
        if s.kind != "PERSON":
            continue
        if s.end <= start:
            if not _not_a_name(text[s.start:s.end], set()):  # "im Schulhaus Wiesental" bears no one's name
                named.update(w.lower() for w in _LETTERS.findall(text[s.start:s.end]) if len(w) > 1)
        else:
            for a, b in _cut_words(text, s, set(), start)[0]:
                named.update(w.lower() for w in _LETTERS.findall(text[a:b]) if len(w) > 1)
    out: list[PiiSpan] = []
    for s in spans:
        if s.kind != "PERSON" or s.end <= start:
            out.append(s)
            continue
        cut = _cut(text, s, named, start)
        if cut is not None:
            out.append(cut)
    return out


def _closing_start(text: str) -> int | None:
    """Where a message's closing lines start: its last sign-off line among its last lines, else its last short lines
    (at most four) after a body; None for a message of one line."""
    body_end = len(text.rstrip())
    lines: list[tuple[int, int]] = []  # (start, end) of each line, last first
    end = body_end
    while end > 0 and len(lines) < _LAST_LINES:
        begin = text.rfind("\n", 0, end) + 1
        lines.append((begin, end))
        if begin == 0:
            break
        end = begin - 1
    if len(lines) < 2:
        return None
    for begin, end in lines[:-1]:
        line = _line_text(text, begin, end)
        if len(line) <= _SHORT and _SIGN_OFF.match(line):
            return begin
    start = None
    taken = 0
    for begin, end in lines[:-1]:
        line = _line_text(text, begin, end)
        if not line:
            if taken:
                break
            continue
        if len(line) > _SHORT or line.endswith("?") or 0 <= line.find(": ", 0, 32) or taken == 4:
            break
        start = begin
        taken += 1
    return start


def _line_text(text: str, begin: int, end: int) -> str:
    """A line less its quote marks and the spaces around it."""
    return text[begin:end].strip(" \t\r>")


def _cut_words(text: str, span: PiiSpan, named: set[str], closing: int) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) of the span's pieces that may be a name, and whether any word was dropped."""
    kept: list[tuple[int, int]] = []
    dropped = False
    at = span.start
    while at < span.end:
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        line_end = len(text) if line_end < 0 else line_end
        seg_end = min(span.end, line_end)
        if line_start >= closing and line_end - line_start <= _LONG:
            words, gone = _kept_words(text, at, seg_end, line_start, line_end, named)
            kept += words
            dropped = dropped or gone
        else:
            kept.append((at, seg_end))
        at = seg_end + 1
    return [(a, b) for a, b in kept if b > a], dropped


def _cut(text: str, span: PiiSpan, named: set[str], closing: int) -> PiiSpan | None:
    """The span less its words that are no one's name (None when none is left; the span itself when none goes)."""
    kept, dropped = _cut_words(text, span, named, closing)
    if not dropped:
        return span
    if not kept:
        return None
    return PiiSpan(span.kind, kept[0][0], kept[-1][1], span.score)


def _kept_words(text: str, start: int, end: int, line_start: int, line_end: int,
                named: set[str]) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) of the words of a span's piece of a closing line that may be a name, and whether any went."""
    line = text[line_start:line_end]
    lead = len(line) - len(line.lstrip(" \t>"))
    sign_off = _SIGN_OFF.match(line, lead)
    sign_end = line_start + sign_off.end() if sign_off else line_start
    signer = sign_off is not None or _after_sign_off(text, line_start)  # the line that bears the signer's name
    out: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    dropped = False
    for m in _WORD.finditer(text, start, end):
        w_start, w_end = m.start(), m.end()
        if w_end <= sign_end or _not_a_name(_part(text, w_start, line_start, line_end, sign_end), named,
                                                   signer):
            dropped = True  # "Pozdrawiam", "Mvh" in "Mvh Ekonomi", "Customer Care"
        elif m.group().rstrip(".").lower() in _TITLES:
            titles.append((w_start, w_end))  # a title goes with its name ("Madame Fontaine"), or alone ("Madame,")
        else:
            out.append((w_start, w_end))
    if out and not dropped:
        return [(start, end)], False  # the piece as the finder read it ("แก้วมณี" ends in a mark no word holds)
    if out:
        return sorted(out + titles), True
    return [], dropped or bool(titles)


def _after_sign_off(text: str, line_start: int) -> bool:
    """Whether the last line with words before a line is a sign-off line."""
    end = line_start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = _line_text(text, begin, end)
        if line:
            return len(line) <= _SHORT and _SIGN_OFF.match(line) is not None
        end = begin - 1
    return False


def _part(text: str, at: int, line_start: int, line_end: int, sign_end: int) -> str:
    """The part of a line (between commas, bars, dashes, bullets) around a position, after any sign-off."""
    begin = max(line_start, sign_end)
    end = line_end
    for m in _PART_BREAK.finditer(text, begin, line_end):
        if m.end() <= at:
            begin = m.end()
        elif m.start() >= at:
            end = m.start()
            break
    return text[begin:end]


def _not_a_name(part: str, named: set[str], signer: bool = False) -> bool:
    """Whether a part of a closing line names a team, a role or an organisation, and none of its words a person. On
    the signer's line (the sign-off's, or the next) a surname may be a sector's word or a legal form's two capitals
    ("regards, Olusegun Bank", "Ngozika Oyelaran AB"): there only a team's, a public body's word or a longer legal form
    counts."""
    words = _WORD.findall(part)
    if not words:
        return False
    lowered = [w.lower().rstrip(".") for w in words]
    letters = {x.lower() for w in words for x in _LETTERS.findall(w) if len(x) > 1}
    if any(x in pii_rules.GIVEN_NAMES or x in named or x in _PERSON_TITLES for x in letters):
        return False  # a name we know, a name masked elsewhere, a person's title ("Notariat Dr. Bergmann")
    if any(_team_word(w) for w in lowered):
        return True
    if any(w in _PUBLIC_WORDS for w in lowered):
        return True
    if _LEGAL_DOTTED.search(part) or any(_legal_form(word, low) and (not signer or len(low) > 2)
                                         for word, low in zip(words, lowered, strict=True)):
        return True
    if len(words) >= 2 and lowered[-1] in _COUNTRIES:
        return True  # "Telia Danmark", "Telenor Sverige"
    if signer:
        return False
    if any(w in _SECTOR_WORDS or w in _firm_words() for w in lowered):
        return True
    return len(words) >= 2 and lowered[-1] in _FIRM_LAST


def _team_word(word: str) -> bool:
    """A department's or a role's word (the detector's list, this module's, or a word ending in a team's stem)."""
    return word in _role_words() or word in _DEPARTMENT_WORDS or _DEPARTMENT_STEM.search(word) is not None


# legal forms written with a capital only ("Ltd", "Kft", "GmbH"); the others count in capitals or dotted ("AS", "S.A.",
# "SAS"), for "Sas", "Ab", "Ad" and "Se" are names or words too ("Regards,\nLaszlo Sas")
_LEGAL_TITLED = frozenset("ltd limited plc inc llc llp corp gmbh ggmbh kft zrt nyrt lda ltda oy oyj aps ehf ohg".split())


def _legal_form(word: str, low: str) -> bool:
    """Whether a word of a closing line is a firm's legal form."""
    if low not in _legal_forms():
        return False
    return word.isupper() or "." in word or "/" in word or low in _LEGAL_TITLED or (
        not word.islower() and not word.istitle())  # "GmbH", "ApS"


@functools.cache
def _legal_forms() -> frozenset[str]:
    """Legal forms: the firm-address filter's and the forms it lacks."""
    return frozenset(f.rstrip(".") for f in pii_firm_address._LEGAL_FORMS) | frozenset("""zrt nyrt kft bt kkt ehf hf
    asa aps a/s k/s i/s ivs smba oy oyj ay ky tmi oü mtü sia uab ad ead ood eood ae a.e ike i.k.e epe d.o.o doo d.d
    s.p sro spol v.o.s k.s ggmbh kgaa se ohg e.v vzw asbl cv bvba bv nv sprl srl scrl sci sarl sas sasu eurl snc sl
    slu sll spa srls lda ltda ltd plc llp dac clg cic sp.j s.c s.a s.r.l s.p.a""".split())


@functools.cache
def _role_words() -> frozenset[str]:
    """The detector's role and department words (imported here, not at the top: the detector imports this module
    while it loads)."""
    from services.adapters.local import pii_presidio
    return pii_presidio._ROLE_WORDS


@functools.cache
def _firm_words() -> frozenset[str]:
    """The firm-address filter's trade and business words."""
    return pii_firm_address._firm_words()
