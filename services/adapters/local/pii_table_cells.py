"""Cells of a pasted table under a column that names a personal kind (session 38, candidate 38-7, issue 21).

Payroll, HR, booking and supplier mail pastes a spreadsheet's rows as a table: cells separated by bars ("Emp no |
Name | NINO | Tax code"), by tabs, or aligned in columns under a header row ("Namn            Anst.nr   Timmar").
A cell's own shape often says nothing: a surname-first name with its comma ("Kowalczyk, Marta", masked in two
pieces with the comma left), a lower-case name, a bare eleven-digit Steuer-ID, a PPSN without its cue, an account
number under "Account". The header says what it is.

:func:`find_table_cells` (a finder of ``pii_rules.find_all``) reads each block of consecutive lines laid out alike
(the same separator and the same number of cells; an empty cell kept where a spreadsheet's tabs or aligned columns'
positions show one; rule lines "|---|---|", "+----+" skipped; an e-mail quote's ">" outside): its first line is the
header when every cell is a short label (more letters than digits: "Stunden (KW 41)", never "0114"), at least two
of them headers we know (a personal column's or a kept one's: order, invoice, amount, date, staff number, department,
tax code, hours…). A column whose header names a personal kind, in one of the languages our mail mixes, gives its
cells that kind when they are of its shape:

- a name ("Name", "Employee", "Mitarbeiter", "Nombre", "Nom et prénom", "Imię i nazwisko", "Naam", "Namn", "Guest",
  "Candidate", "Contact") → ``PERSON``: one to five name words (a comma after the surname, initials, an apostrophe or
  a hyphen inside; in lower case only with a given name we know; one word alone only a given name we know, or under
  a first name's or a surname's own column), a courtesy title before them outside ("Mr John Smith"); never a cell
  with a digit, an "@", an "&", a "+" or a bracket, a legal form, a trade, team or job word ("Castlegate Print",
  "Acme Ltd", "Warehouse Lead"), nor a filler ("n/a", "tbc", "vacant", "Total", "Gold"); "Name" in a table of goods
  or settings ("Name | Qty | Price", "Name | Type | Description") is a thing's;
- a national number ("NINO", "NI number", "PPSN", "Steuer-ID", "SSN", "BSN", "PESEL", "NIF", "codice fiscale",
  "personnummer", "AHV-Nr.", a driving licence…) → ``NATIONAL_ID`` (``SSN`` for a US social security number's
  shape): one code with five digits or more, never an amount or a date ("NI" alone, a column of contributions in a
  payslip, takes a National Insurance number's shape only);
- "IBAN" → ``IBAN``; an account ("Account", "Kontonummer", "Rekeningnummer", "Nr konta") named as a bank account or
  beside a bank's column (sort code, BIC, IBAN, bank) → ``BANK_ACCOUNT``: six to thirty digits (an IBAN's shape an
  ``IBAN``); an "Account" of a supplier's or a customer's table, with no bank beside it, is kept;
- a date of birth ("DOB", "Geburtsdatum", "Date de naissance", "Fecha de nacimiento", "Data urodzenia"…) → ``DOB``,
  a date; a phone ("Phone", "Tel", "Mobile", "Handy", "Téléphone"; "Contact" too) → ``PHONE``, seven to sixteen
  digits in a phone's characters; an e-mail → ``EMAIL``; an address ("Address", "Anschrift", "Dirección",
  "Indirizzo", "Adres") → ``ADDRESS``, words with a digit or a comma; a passport → ``PASSPORT``.

A cell that is empty, "n/a", "-", "tbc", "awaiting" or not of its column's shape is never taken; nor a cell under a
kept column, a header cell, a list without a header row ("Becker, Uwe | 168"), nor a "key: value" line ("Employee:
HUSSAIN, Imran | Emp no: 004417"). :func:`with_table_cells` (after the detector's filters and its learned PERSON
check, which read a surname-first name as two words and a table's lower-case name as no one's) adds the cells back
where no kept value lies there and the spans over a cell lie inside it, and drops what the name tagger read in a
table's labels: a PERSON span over a header we know ("Gross", "Timmar", "Pracownik"; one running on into the row
below is cut to the row), or one that is a whole cell under a column of things ("Warehouse Lead" under "Role").

Linear: lines are split by hand, each cell matched once by bounded patterns; at most 300 lines of 400 characters and
24 cells, and :data:`CAP` cells a message.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from services.models import PiiSpan

Found = tuple[str, int, int, float]

CAP = 120  # cells a message at most
_SCORE = 0.85
_MAX_LINES = 300
_MAX_LINE = 400  # characters of a table's line
_MAX_ROWS = 100
_MAX_CELLS = 24  # cells of a table's line

_NUMBER_WORD = re.compile(r"(?<![^\W\d_])(?:number|num|numéro|numero|número|núm|numer|nummer|nro|nr|nº|n°|no|#)\.?"
                          r"(?![^\W\d_])")
_NOTE = re.compile(r"[ \t]{0,2}\([^()]{1,30}\)$")  # "Name (as on passport)", "salarié(e)"


def _norm(cell: str) -> str:
    """A header cell in lower case, a closing remark in brackets and its end punctuation dropped, "number"/"nr."/"#"
    read as "no"."""
    low = _NOTE.sub("", " ".join(cell.lower().replace("_", " ").split()).strip(" .:#*")).strip(" .:#*")
    return " ".join(_NUMBER_WORD.sub("no", low).split()).strip(" .")


def _headers(words: str) -> frozenset[str]:
    """The normalised headers of a "|"-separated list."""
    return frozenset(_norm(w) for w in words.replace("\n", "").split("|") if w.strip())


# ---- headers (normalised as _norm does), by the kind their cells take ------------------------------------------------
_PERSON_HEADERS = _headers("""
name|names|full name|fullname|name surname|first name|firstname|given name|given names|forename|forenames|surname|
last name|lastname|family name|first and last name|surname first name|surname forename|employee|employee name|
employees|staff name|staff member|worker|colleague|person|contact|contact name|contact person|candidate|candidate name|
applicant|applicant name|guest|guest name|guests|passenger|passenger name|traveller|traveler|attendee|participant|
delegate|student|student name|pupil|pupil name|child name|patient|patient name|member name|account holder|cardholder|
beneficiary|beneficiary name|customer name|client name|driver|driver name|courier|technician|engineer|assignee|
assigned to|requester|requested by|approver|approved by|signed by|line manager|manager|supervisor|tenant name|leaver|
starter|new starter|
vorname|nachname|familienname|name vorname|nachname vorname|vorname nachname|vor- und nachname|mitarbeiter|
mitarbeiterin|mitarbeiter/in|mitarbeiter*in|mitarbeiter:in|mitarbeitende|mitarbeitername|beschäftigte|beschäftigter|
angestellte|angestellter|arbeitnehmer|arbeitnehmerin|teilnehmer|teilnehmerin|teilnehmer/in|gast|schüler|schülerin|
patientin|kontoinhaber|kontoinhaberin|ansprechpartner|ansprechpartnerin|
nom|prénom|prenom|nom complet|nom prénom|nom et prénom|prénom nom|nom de famille|salarié|salarie|salariée|employé|
employe|employée|collaborateur|collaboratrice|participante|invité|invitée|passager|passagère|élève|patiente|titulaire|
bénéficiaire|
nombre|nombres|nombre completo|nombre y apellidos|apellidos y nombre|apellido|apellidos|empleado|empleada|
trabajador|trabajadora|titular|huésped|pasajero|pasajera|alumno|alumna|paciente|beneficiario|contacto|
nome|cognome|nome e cognome|cognome e nome|nominativo|dipendente|lavoratore|lavoratrice|ospite|passeggero|alunno|
paziente|partecipante|intestatario|referente|contatto|
nome completo|apelido|sobrenome|funcionário|funcionario|funcionária|colaborador|colaboradora|trabalhador|
trabalhadora|hóspede|passageiro|aluno|aluna|contato|
naam|voornaam|achternaam|volledige naam|medewerker|werknemer|deelnemer|passagier|leerling|patiënt|rekeninghouder|
contactpersoon|
imię|imie|nazwisko|imię i nazwisko|imie i nazwisko|nazwisko i imię|nazwisko i imie|pracownik|pracownica|uczestnik|
gość|pasażer|uczeń|pacjent|posiadacz|
jméno|jmeno|příjmení|jméno a příjmení|zaměstnanec|pracovník|meno|priezvisko|meno a priezvisko|zamestnanec|
namn|navn|nimi|fullt namn|fulde navn|fullt navn|förnamn|efternamn|fornavn|etternavn|efternavn|etunimi|sukunimi|
medarbetare|anställd|ansatt|medarbejder|medarbeider|työntekijä|deltagare|deltaker|deltager|gäst|gjest|
név|dolgozó|ime|prezime|ime i prezime|zaposlenik|djelatnik|nume|prenume|nume și prenume|nume si prenume|angajat|
όνομα|ονοματεπώνυμο|επώνυμο|υπάλληλος|ad soyad|adı soyadı|isim|soyad|soyadı|personel|çalışan|
имя|фамилия|фио|сотрудник|ім'я|прізвище|піб|працівник""")
# a first name's or a surname's own column, whose cell may be one word we do not know as a given name
_NAME_PARTS = _headers("""first name|firstname|given name|given names|forename|forenames|surname|last name|lastname|
family name|vorname|nachname|familienname|nom|prénom|prenom|nom de famille|nombre|nombres|apellido|apellidos|nome|
cognome|apelido|sobrenome|voornaam|achternaam|imię|imie|nazwisko|jméno|jmeno|příjmení|meno|priezvisko|förnamn|
efternamn|fornavn|etternavn|efternavn|etunimi|sukunimi|ime|prezime|nume|prenume|επώνυμο|soyad|soyadı|isim|фамилия|
имя|прізвище|ім'я""")
_SSN_HEADERS = _headers("ssn|social security|social security no|ss no|soc sec no|soc sec")
_ID_HEADERS = _headers("""
nino|ni no|ni|national insurance|national insurance no|nat ins no|ppsn|pps|pps no|ppsn no|steuer-id|steuer id|
steuerid|steuer-idnr|steuer idnr|steuer-id-nr|steuerliche id|steuer-identifikationsnummer|
steueridentifikationsnummer|idnr|tfn|tax file no|ird no|sin|bsn|burgerservicenummer|sofinummer|pesel|nif|nie|dni|
dni/nie|nif/nie|dni/nif|nie/nif|cf|c.f|codice fiscale|personnummer|personnr|fødselsnummer|fødselsnr|cpr|cpr-nr|
cpr no|cpr-nummer|henkilötunnus|hetu|ahv|ahv-nr|ahv no|ahv-nummer|avs|no avs|sv-nr|svnr|sv-nummer|
sozialversicherungsnummer|versicherungsnummer|rv-nummer|nir|nss|no ss|numéro de sécurité sociale|
no sécurité sociale|sécurité sociale|seguridad social|no seguridad social|niss|rijksregisternummer|insz|rodné číslo|
rodne cislo|egn|cnp|oib|mbo|jmbg|amka|tckn|tc kimlik no|tc no|cpf|curp|nric|aadhaar|national id|national id no|
id card no|ausweisnummer|personalausweis|personalausweisnummer|nhs no|medicare no|no de sécurité sociale|
no de ss|no insee|no sécu|no de seguridad social|no afiliación|no de afiliación|
driving licence|driving licence no|driving license|driving license no|driver's licence|driver's license|
driver license no|licence no|license no|führerschein|führerscheinnummer|führerschein-no|permis de conduire|
no permis|carnet de conducir|permiso de conducir|patente|no patente|rijbewijs|rijbewijsnummer|prawo jazdy|
no prawa jazdy|körkort|kørekort|førerkort|ajokortti""")
_NI_HEADERS = _headers("ni|ni no|nino|national insurance|national insurance no|nat ins no")  # a NINO's shape only
_IBAN_HEADERS = _headers("iban|iban no|bank iban|iban / account|iban/account")
_ACCOUNT_HEADERS = _headers("""account|account no|acc no|acct no|a/c|a/c no|konto|kontonr|konto no|rekening|
rekening no|compte|no de compte|no compte|cuenta|no de cuenta|no cuenta|conto|no conto|numero di conto|conta|
numer konta|nr konta|konto bankowe|číslo účtu|cislo uctu|tilinumero|tili|bankkonto|kontonummer|
rekeningnummer|bank account|bank account no|bankverbindung|bank details""")
# an account column named as a bank's; another needs a bank's column beside it (else a customer's account, kept)
_BANK_NAMED = _headers("""bank account|bank account no|kontonummer|rekeningnummer|bankkonto|konto bankowe|numer konta|
nr konta|bankverbindung|bank details|tilinumero|číslo účtu|cislo uctu|no de compte|numero di conto|no de cuenta""")
_BANK_COLUMNS = _headers("""sort code|sortcode|sort|bic|swift|bic/swift|iban|bank|bank name|blz|bankleitzahl|routing|
routing no|aba|bsb|reg|reg no|regnr|clearing|clearing no|ifsc|bank code|banque|banco|banca|kreditinstitut|transit|
sort-code|sc""")
_DOB_HEADERS = _headers("""dob|d.o.b|date of birth|birth date|birthdate|born|birthday|geburtsdatum|geb.-datum|
geb. datum|geb.datum|geburtstag|geboren|geb|date de naissance|né le|née le|né(e) le|fecha de nacimiento|
fecha nac|f. nacimiento|fecha nacimiento|data di nascita|data nascita|data de nascimento|geboortedatum|
data urodzenia|datum narození|datum narozeni|födelsedatum|fødselsdato|syntymäaika|születési dátum|
datum rođenja|data nașterii|ημερομηνία γέννησης|doğum tarihi|дата рождения""")
_PHONE_HEADERS = _headers("""phone|phone no|telephone|telephone no|tel|tel no|mobile|mobile no|mobile phone|mob|
cell|cell phone|cellphone|contact no|contact phone|home phone|work phone|telefon|telefonnummer|telefon no|tel.-nr|
tel-nr|handy|handynummer|mobil|mobilnummer|mobilnr|téléphone|telephone portable|portable|tél|teléfono|telefono|
móvil|movil|celular|cellulare|telefoon|telefoonnummer|mobiel|gsm|nr telefonu|telefon komórkowy|komórka|puhelin|
puhelinnumero|matkapuhelin|telefonní číslo|whatsapp""")
_EMAIL_HEADERS = _headers("""email|e-mail|mail|email address|e-mail address|e-mail-adresse|e-mailadres|mailadres|
correo|correo electrónico|correo electronico|courriel|adresse e-mail|adresse mail|e-post|sähköposti|
posta elettronica|endereço de e-mail""")
_ADDRESS_HEADERS = _headers("""address|home address|postal address|residential address|adresse|anschrift|
wohnadresse|wohnanschrift|privatadresse|dirección|direccion|domicilio|indirizzo|residenza|endereço|endereco|
morada|adres|adres zamieszkania|adresa|osoite|adress|διεύθυνση|adresse postale""")
_PASSPORT_HEADERS = _headers("""passport|passport no|reisepass|reisepassnummer|passeport|no passeport|pasaporte|
passaporto|paspoort|paszport|passaporte""")
_CONTACT = _headers("contact|contacto|contatto|contato|kontakt")  # a name, a phone or an e-mail

# words of the headers of columns kept or beside the point: a row of labels holding two of these (or personal
# headers) is a table's header
_KEPT_WORDS = frozenset("""emp employee id ref reference staff personal personalnr personalnummer pers payroll no
order invoice inv amount total sum date start end day days last first leave holiday owed hours hrs hour stunden
timmar timer tunnit godziny hodiny ore uren horas heures rate salary gross net pay tax code dept department team role
position title job site location branch status notes note comment comments qty quantity price unit item product
description sku shift mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday arrival
arrive depart departure nights room slot time stage interview grade type category supplier customer client company
firm vendor po balance due paid overdue ticket issue period week month year from to service bonus overtime
brutto netto lohn gehalt betrag datum rechnung abteilung stunde eintritt austritt menge preis bemerkung
montant facture salaire poste début fin importe fecha factura salario puesto importo fattura stipendio data bedrag
factuur salaris afdeling functie kwota faktura pensja stanowisko dział lön belopp avdelning befattning anst lp pos
ilość cena stawka""".split())
# kept columns whose cell a name tagger reads as a person's ("Warehouse Lead" under "Role"): a PERSON span that is the
# whole cell is dropped (never under a column of firms or customers, whose cell may be a sole trader's name)
_THING_COLUMNS = _headers("""role|job|job title|title|position|dept|department|team|status|stage|site|location|item|
product|service|description|shift|type|category|grade|rolle|funktion|abteilung|stelle|standort|poste|fonction|
département|statut|puesto|cargo|departamento|estado|ruolo|reparto|mansione|stato|functie|afdeling|rol|stanowisko|
dział|funkcja|roll|avdelning|befattning|stilling""")
# words of a table of goods, and whole headers of a table of settings, fields or files: its "Name" is a thing's
_GOODS = frozenset("""qty quantity price sku product item items unit menge preis artikel cantidad precio prix quantité
qté aantal prijs ilość cena quantità prezzo quantidade preço antal pris""".split())
_THING_TABLE = _headers("type|default|value|description|format|size|version|field|parameter|param|key|path|file|files|"
                        "modified|unit")
_PERSON_LIKE_KEYS = ("name", "nombre", "naam", "namn", "navn", "nimi", "nome", "nom", "imię", "jméno")


def _kind_of(header: str) -> str | None:
    """The personal kind a normalised header names, or None."""
    if header in _PERSON_HEADERS:
        return "PERSON"
    if header in _SSN_HEADERS:
        return "SSN"
    if header in _ID_HEADERS:
        return "NATIONAL_ID"
    if header in _IBAN_HEADERS:
        return "IBAN"
    if header in _ACCOUNT_HEADERS:
        return "BANK_ACCOUNT"
    if header in _DOB_HEADERS:
        return "DOB"
    if header in _PHONE_HEADERS:
        return "PHONE"
    if header in _EMAIL_HEADERS:
        return "EMAIL"
    if header in _ADDRESS_HEADERS:
        return "ADDRESS"
    if header in _PASSPORT_HEADERS:
        return "PASSPORT"
    return None


def _known(header: str, kind: str | None) -> bool:
    return kind is not None or header in _BANK_COLUMNS or any(w in _KEPT_WORDS for w in re.split(r"[\s./-]", header))


# ---- lines and cells -----------------------------------------------------------------------------------------------
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?){1,4}")
_RULE = re.compile(r"[ \t|+:]{0,8}[-=_]{3}[-=_ \t|+:]{0,390}")  # "|---|:---:|", "+-----+", "-----  ----"


_GAP = re.compile(r"\t[ \t]{0,40}|  [ \t]{0,40}")  # a run of blanks with a tab or two spaces
_TOLERANCE = 2  # characters a cell of aligned columns may start left of its header

Cells = list[tuple[int, int]]


class _Line:
    """A line that may be a table's row: its layout ("|", "\\t" or " ") and its cells, blanks trimmed."""

    def __init__(self, line: str, at: int, sep: str) -> None:
        self.line, self.at, self.sep = line, at, sep
        self.bar_end = False
        if sep == "|":
            self.cells = self._cut([(i, i + 1) for i, c in enumerate(line) if c == "|"])
            if line.lstrip().startswith("|"):  # a Markdown row's outer bars
                self.cells = self.cells[1:]
            self.bar_end = line.rstrip().endswith("|")
            if self.bar_end:
                self.cells = self.cells[:-1]
        else:
            gaps = [(m.start(), m.end()) for m in _GAP.finditer(line)]
            self.cells = self._cut([g for g in gaps if sep == " " or "\t" in line[g[0]:g[1]]])
            if self.cells and self.cells[0][0] == self.cells[0][1]:  # an indented line
                self.cells = self.cells[1:]
            if self.cells and self.cells[-1][0] == self.cells[-1][1]:
                self.cells = self.cells[:-1]

    def _cut(self, gaps: list[tuple[int, int]]) -> Cells:
        cells, start = [], 0
        for a, b in [*gaps, (len(self.line), len(self.line))]:
            while start < a and self.line[start] in " \t":
                start += 1
            end = a
            while end > start and self.line[end - 1] in " \t":
                end -= 1
            cells.append((self.at + start, self.at + end))
            start = b
        return cells

    def under(self, header: _Line) -> Cells | None:
        """The line's cells under the header's columns (an empty cell where a column has none), or None where the line
        is not laid out as the header is."""
        if self.sep != header.sep:
            return None
        if len(self.cells) == len(header.cells):
            return self.cells
        if self.sep == "|" and self.bar_end and not header.bar_end and len(self.cells) + 1 == len(header.cells):
            return [*self.cells, (self.cells[-1][1], self.cells[-1][1])]  # "Uwe | 1022 | 40 | ": its last cell empty
        if self.sep == "\t":  # a spreadsheet's empty cells: one tab each
            tabs = self._cut([(i, i + 1) for i, c in enumerate(self.line) if c == "\t"][:_MAX_CELLS])
            return tabs if len(tabs) == len(header.cells) else None
        if self.sep != " " or len(self.cells) > len(header.cells):
            return None
        starts = [a - header.at for a, _ in header.cells]  # aligned columns with an empty cell: by position
        out: Cells = [(header.cells[k][0], header.cells[k][0]) for k in range(len(starts))]
        column = -1
        for a, b in self.cells:
            at = sum(1 for x in starts if x <= a - self.at + _TOLERANCE) - 1
            if at <= column:
                return None
            column = at
            out[at] = (a, b)
        return out


def _split(line: str, at: int) -> _Line | None:
    """The line as a row of cells, or None for a plain line (of one cell)."""
    if "|" in line:
        row = _Line(line, at, "|")
    elif "\t" in line.strip():
        row = _Line(line, at, "\t")
    elif "  " in line.strip():
        row = _Line(line, at, " ")
    else:
        return None
    return row if 2 <= len(row.cells) <= _MAX_CELLS else None


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) of the message's first lines, an e-mail quote's ">" left outside."""
    at = 0
    for number, line in enumerate(text.split("\n")):
        if number >= _MAX_LINES:
            return
        quote = _QUOTE.match(line) if ">" in line[:8] else None
        skip = quote.end() if quote else 0
        yield at + skip, line[skip:]
        at += len(line) + 1


Table = tuple[Cells, list[Cells]]


def tables(text: str) -> Iterator[Table]:
    """Each table's header cells and its rows' cells: a header row of labels and the rows laid out as it is (rule
    lines between them skipped); a header is the first of such lines."""
    rows: list[_Line | str | None] = []  # a row, "rule" or None (a blank or plain line)
    for at, line in _lines(text):
        if len(line) > _MAX_LINE or not line.strip():
            rows.append(None)
        elif _RULE.fullmatch(line):
            rows.append("rule")
        else:
            rows.append(_split(line, at))
    above: _Line | None = None  # the row above (rule lines skipped)
    i = 0
    while i < len(rows):
        row = rows[i]
        i += 1
        if row == "rule":
            continue
        if not isinstance(row, _Line) or (above is not None and row.under(above) is not None) or not _is_header(
                text, row.cells):
            above = row if isinstance(row, _Line) else None
            continue
        above = row
        body: list[Cells] = []
        while i < len(rows) and len(body) < _MAX_ROWS:
            nxt = rows[i]
            if isinstance(nxt, _Line) and (cells := nxt.under(row)) is not None:
                body.append(cells)
                above = nxt
            elif nxt != "rule":
                break
            i += 1
        if body:
            yield row.cells, body


def _is_header(text: str, cells: list[tuple[int, int]]) -> bool:
    words = [text[a:b] for a, b in cells]
    if any(not w or len(w) > 40 or len(w.split()) > 5 or "@" in w or sum(c.isdigit() for c in w) * 2 >= sum(
            c.isalpha() for c in w) for w in words):  # labels: "Hours (wk 41)", never "0114" or "168"
        return False
    return sum(_known(h, _kind_of(h)) for h in map(_norm, words)) >= 2


# ---- values --------------------------------------------------------------------------------------------------------
_NAME_TOKEN = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]{1,30}(?:['’-][^\W\d_]{1,30}){0,3}\.?")
_NOT_NAME_CELL = frozenset("""n/a na nil none nobody unknown tbc tbd tba vacant pending awaiting total subtotal sum
summe gesamt totale totaal yes no ok open closed new leaver starter various all everyone team staff see above below
same other others agency temp guest guests adult adults child children infant student member owner manager director
host cancelled canceled confirmed absent present sick holiday off on y n ja nein oui non si sí nee tak nie""".split())
_JOBS = frozenset("""lead driver drivers warehouse cleaner nurse chef receptionist technician operative agent picker
packer intern trainee apprentice temp contractor vacancy vacancies role position""".split())
_TITLE = re.compile(r"(?i:(?:(?:mr|mrs|ms|miss|mx|dr|prof|herr|frau|mme|mlle|sr|sra|srta|sig|sig\.ra|pan|pani|dhr|"
                    r"mevr|mw)\.?|(?:m|hr|fr)\.)[ \t]{1,2})(?=[^\W\d_])")  # "Mr" stays outside the name
_FIRM_FORMS = frozenset("""ltd limited llc llp inc plc corp co company gmbh ag kg ug bv b.v nv n.v sa s.a sas sarl srl
s.r.l spa s.p.a sl s.l lda ab as a/s aps oy oyj pty pte bhd sdn group holdings services solutions logistics
consulting partners trading ltda""".split())
_NINO = re.compile(r"[A-Za-z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-Da-d]")
_US_SSN = re.compile(r"\d{3}[- ]?\d{2}[- ]?\d{4}")
_ID_VALUE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|[ ./-](?=[A-Za-z0-9])){4,24}")
_AMOUNT = re.compile(r"[-+]?\d{1,3}(?:[.,  ]?\d{3}){0,3}[.,]\d{2}")
_IBAN_VALUE = re.compile(r"[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30}")
_ACCOUNT_VALUE = re.compile(r"\d(?:\d|[ -](?=\d)){5,40}")
_MONTH_WORD = r"[^\W\d_]{3,10}\.?"
_DATE_VALUE = re.compile(r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2}|"
                         rf"\d{{1,2}}(?:st|nd|rd|th|\.)?[ \t]?{_MONTH_WORD}[ \t,]{{1,2}}\d{{4}}|"
                         rf"{_MONTH_WORD}[ \t]\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]\d{{4}})")
_PHONE_VALUE = re.compile(r"(?:\+|00|\(\+?)?\d(?:[\d]|[ ().-](?=[\d(])|\)[ ]?(?=\d)){6,22}")
_EMAIL_VALUE = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
_PASSPORT_VALUE = re.compile(r"[A-Za-z0-9]{1,3}[ ]?[A-Za-z0-9]{4,10}")


@functools.cache
def _not_name_words() -> frozenset[str]:
    """Words no cell of names holds: the detector's roles, departments and trades, legal forms, jobs."""
    from services.adapters.local import pii_presidio  # imported here: pii_presidio imports pii_rules, which imports us

    return pii_presidio._ROLE_WORDS | pii_presidio.TRADE_WORDS | _FIRM_FORMS | _JOBS


@functools.cache
def _common_words() -> frozenset[str]:
    """The detector's greetings, fillers and everyday words, and the rules' not-names."""
    from services.adapters.local import pii_presidio, pii_rules

    return pii_presidio.NOT_NAME_WORDS | pii_presidio.FUNCTION_WORDS | pii_presidio._S23_EVERYDAY | pii_rules.NOT_NAMES


def _name_cell(value: str, part: bool) -> bool:
    """Whether a cell under a name's column holds a name: one to five name words ("Kowalczyk, Marta", "S.J. de Wit",
    "Tom O'Neill"), none a firm's, a team's, a job's or a filler's; in lower case only with a given name we know; one
    word alone only a given name we know or under a first name's or a surname's column (``part``)."""
    from services.adapters.local import pii_given_names, pii_rules

    if any(c.isdigit() or c in "@&+/()" for c in value) or value.count(",") > 1:
        return False
    words = value.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or not all(_NAME_TOKEN.fullmatch(w) for w in words):
        return False
    low = [w.lower().strip(".") for w in words]
    if value.lower().strip(" .") in _NOT_NAME_CELL or any(w in _not_name_words() for w in low):
        return False
    if len(words) == 1 and low[0] not in pii_rules.GIVEN_NAMES and (
            not part or not words[0][:1].isupper() or words[0].isupper() or low[0] in _common_words()):
        return False  # "VIP", "Gold", "Request"
    if len(words) > 1 and pii_given_names.FIRM_AFTER.search(value, value.index(words[0]) + len(words[0])):
        return False  # "Castlegate Print", "Oakleaf Catering"
    if value == value.lower() and not any(w in pii_rules.GIVEN_NAMES for w in low):
        return False  # "timeout", "warehouse"
    return any(len(w.strip(".")) >= 2 for w in words)


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _value_kind(kind: str, header: str, value: str) -> str | None:
    """The kind the cell's value takes under its column, or None where it is not of the column's shape."""
    if kind == "PERSON":
        if header in _CONTACT:
            if _EMAIL_VALUE.fullmatch(value):
                return "EMAIL"
            if _PHONE_VALUE.fullmatch(value) and _digits(value) >= 7:
                return "PHONE"
        return "PERSON" if _name_cell(value, header in _NAME_PARTS) else None
    if kind in ("NATIONAL_ID", "SSN"):
        if header in _NI_HEADERS:
            return "NATIONAL_ID" if _NINO.fullmatch(value) else None
        if not _ID_VALUE.fullmatch(value) or _digits(value) < 5 or _AMOUNT.fullmatch(value) or _DATE_VALUE.fullmatch(
                value) or sum(c.isalpha() for c in value) > 10:
            return None
        return "SSN" if kind == "SSN" and _US_SSN.fullmatch(value) else "NATIONAL_ID"
    if kind in ("IBAN", "BANK_ACCOUNT"):
        if _IBAN_VALUE.fullmatch(value):
            return "IBAN"
        return "BANK_ACCOUNT" if _ACCOUNT_VALUE.fullmatch(value) and 6 <= _digits(value) <= 30 else None
    if kind == "DOB":
        return "DOB" if _DATE_VALUE.fullmatch(value) else None
    if kind == "PHONE":
        return "PHONE" if _PHONE_VALUE.fullmatch(value) and 7 <= _digits(value) <= 16 else None
    if kind == "EMAIL":
        return "EMAIL" if _EMAIL_VALUE.fullmatch(value) else None
    if kind == "ADDRESS":
        letters = sum(c.isalpha() for c in value)
        return "ADDRESS" if letters >= 4 and len(value.split()) >= 2 and (
            any(c.isdigit() for c in value) or "," in value) and "@" not in value else None
    if kind == "PASSPORT":
        return "PASSPORT" if _PASSPORT_VALUE.fullmatch(value) and _digits(value) >= 4 else None
    return None


def _columns(text: str, header: list[tuple[int, int]]) -> list[tuple[str, str] | None]:
    """Each column's (personal kind, normalised header), None for a kept one."""
    normed = [_norm(text[a:b]) for a, b in header]
    goods = any(w in _GOODS for h in normed for w in h.split()) or any(h in _THING_TABLE for h in normed)
    bank = any(h in _BANK_COLUMNS or h in _IBAN_HEADERS for h in normed)
    out: list[tuple[str, str] | None] = []
    for h in normed:
        kind = _kind_of(h)
        if kind == "PERSON" and goods and h not in _CONTACT and h.split()[0] in _PERSON_LIKE_KEYS:
            kind = None  # "Name | Qty | Price": a product's name
        if kind == "BANK_ACCOUNT" and not bank and h not in _BANK_NAMED:
            kind = None  # a customer's account with a supplier, kept
        out.append((kind, h) if kind else None)
    return out


def find_table_cells(text: str) -> Iterator[Found]:
    """(kind, start, end, score) of the cells under a personal column of the message's pasted tables."""
    if "|" in text or "\t" in text or "  " in text:
        yield from ((kind, start, end, _SCORE) for kind, _, start, end in
                    itertools.islice(_cells(text, list(tables(text))), CAP))


def _cells(text: str, found: list[Table]) -> Iterator[tuple[str, int, int, int]]:
    """(kind, the cell's start, the value's start, end) of the cells taken (a courtesy title between the starts)."""
    for header, body in found:
        columns = _columns(text, header)
        if not any(columns):
            continue
        for row in body:
            for column, (start, end) in zip(columns, row, strict=True):
                if column is None or end <= start:
                    continue
                title = _TITLE.match(text, start, end) if column[0] == "PERSON" else None
                at = title.end() if title else start  # "Mr" stays outside
                kind = _value_kind(column[0], column[1], text[at:end])
                if kind:
                    yield kind, start, at, end


def with_table_cells(text: str, spans: list[PiiSpan], keep: list[tuple[int, int]]) -> list[PiiSpan]:
    """The spans with the table cells added back where no kept value lies there and the spans over a cell lie inside
    it (a surname-first name masked in two pieces becomes one span), whatever the detector's filters and its learned
    PERSON check made of them; a PERSON span over a header we know is dropped, or cut to the row below it, and one
    that is a whole cell under a column of things ("Warehouse Lead" under "Role") dropped."""
    if "|" not in text and "\t" not in text and "  " not in text:
        return spans
    found = list(tables(text))
    if not found:
        return spans
    if spans:
        headers = [(a, b) for header, _ in found for a, b in header if _known(_norm(text[a:b]), _kind_of(_norm(
            text[a:b])))]
        spans = [cut for s in spans if (cut := _without_header(text, s, headers)) is not None]
        things = set(_thing_cells(text, found))
        spans = [s for s in spans if s.kind != "PERSON" or (s.start, s.end) not in things]
    extra = []
    for kind, cell, start, end in itertools.islice(_cells(text, found), CAP):
        if any(a < end and start < b for a, b in keep):
            continue
        over = [s for s in spans if s.start < end and start < s.end]
        if any(s.start < cell or s.end > end for s in over):
            continue  # a span reaching out of the cell covers it, or is another thing's
        spans = [s for s in spans if s not in over]
        extra.append(PiiSpan(kind, start, end, max([_SCORE] + [s.score for s in over])))
    return sorted(spans + extra, key=lambda s: (s.start, s.end)) if extra else spans


def _thing_cells(text: str, found: list[Table]) -> Iterator[tuple[int, int]]:
    """The cells under a kept column of things (a role, a department, a status, an item)."""
    for header, body in found:
        things = [_norm(text[a:b]) in _THING_COLUMNS for a, b in header]
        if any(things):
            yield from (cell for row in body for cell, thing in zip(row, things, strict=True) if thing)


def _without_header(text: str, span: PiiSpan, headers: list[tuple[int, int]]) -> PiiSpan | None:
    """A PERSON span less the header it starts in: None where it holds nothing else, the rest after the header's line
    ("Timmar\\nLindqvist, Emma" → "Lindqvist, Emma")."""
    if span.kind != "PERSON" or not any(a <= span.start < b for a, b in headers):
        return span
    line_end = text.find("\n", span.start, span.end)
    if line_end < 0:
        return None
    start = line_end + 1
    while start < span.end and text[start] in " \t>|":
        start += 1
    return PiiSpan(span.kind, start, span.end, span.score) if start < span.end else None
