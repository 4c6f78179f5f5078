"""Numbers read out in other languages (session 31, issue 21; docs/security.md "Session 31").

Callers read a phone, an identity document's number or a bank account in their own language: "cincuenta y cinco,
treinta y uno, cuarenta y ocho, veintidós, diecinueve" (a Mexican mobile in pairs), "veintinueve millones ciento
cincuenta y seis mil setecientos treinta y cuatro" (an Argentine DNI as one number), "um dois três ponto quatro cinco
seis ponto sete oito nove traço zero nove" (a CPF), "nol delapan satu tiga, dua dua empat tujuh" (an Indonesian
mobile), "un quatre-vingt-sept zéro quatre soixante-quinze" (a French social-security number). The rules before read
English digit words; these stayed readable, or were masked only where a name tagger happened to take the words for a
name.

Here: a run of number words of Spanish, Portuguese, Italian, French, German, Polish, Turkish, Indonesian / Malay and
Swahili (digits, teens, tens, hundreds, thousands and millions, with "y", "e", "et", "na", hyphens, commas and "guion",
"ponto", "punto", "traço", "tiret" between them) is parsed into the numbers it says; a run that says at least
MIN_DIGITS digits is masked when the nearest cue before it — on its own line or the line before (an agent's
question) — names a phone, an identity document or a bank account; never when the nearest cue names an order, a
booking, a ticket, a protocol, a tracking, a customer or a meter number, a postcode, a code, the last digits of a card
or an amount, and never when a currency word follows it. Kind by the cue: PHONE, BANK_ACCOUNT, PASSPORT, else
NATIONAL_ID. With no cue at all, a run that says a national phone's ten digits (a trunk zero, then nine) is a PHONE.

Linear: one pass over the words of the text; a run's cue is searched once, in at most _WINDOW characters before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

Found = tuple[str, int, int, float]

MIN_DIGITS = 7
# with no cue at all: a national phone's ten digits, a trunk zero then a digit that is not ("zéro sept, quarante-huit,
# vingt et un, treize, zéro neuf")
_NATIONAL_PHONE = re.compile(r"0[1-9]\d{8}")
MIN_WORDS = 3  # "a million" says seven digits in one word: a figure of speech, not a value read out
CAP = 24  # values a message at most
_WINDOW = 220  # characters before a run where its cue is looked for (its line and the line before)

# (class, value): Z zero, U 1-9, T 10-19, D tens, H hundreds, C a hundred after a unit, K thousand, M million,
# P "puluh" (a unit's tens), B "belas" (a unit's teen)
_LEX: dict[str, tuple[str, int]] = {}


def _add(cls: str, value: int, words: str) -> None:
    for word in words.split():
        _LEX[word] = (cls, value)


for _v, _ws in enumerate((
        "cero zero zéro null nul sıfır nol kosong sifuri zera",
        "uno una um uma un une eins jeden jedna satu moja bir",
        "dos dois duas due deux zwei zwo dwa dwie dua mbili iki",
        "tres três tre trois drei trzy tiga tatu üç",
        "cuatro quatro quattro quatre vier cztery empat nne dört",
        "cinco cinque cinq fünf pięć lima tano beş",
        "seis sei six sechs sześć enam sita altı meia",
        "siete sete sette sept sieben siedem tujuh saba yedi",
        "ocho oito otto huit acht osiem delapan nane sekiz",
        "nueve nove neuf neun dziewięć sembilan tisa dokuz")):
    _add("Z" if _v == 0 else "U", _v, _ws)
_add("T", 10, "diez dez dieci dix zehn dziesięć sepuluh kumi")
_add("T", 11, "once onze undici elf jedenaście sebelas")
_add("T", 12, "doce doze dodici douze zwölf dwanaście")
_add("T", 13, "trece treze tredici treize dreizehn trzynaście")
_add("T", 14, "catorce catorze quattordici quatorze vierzehn czternaście")
_add("T", 15, "quince quinze quindici fünfzehn piętnaście")
_add("T", 16, "dieciséis dieciseis dezesseis dezasseis sedici seize sechzehn szesnaście")
_add("T", 17, "diecisiete dezessete dezassete diciassette siebzehn siedemnaście")
_add("T", 18, "dieciocho dezoito diciotto achtzehn osiemnaście")
_add("T", 19, "diecinueve dezenove dezanove diciannove neunzehn dziewiętnaście")
_add("D", 20, "veinte vinte venti vingt zwanzig dwadzieścia yirmi ishirini")
_add("D", 30, "treinta trinta trenta trente dreißig trzydzieści otuz thelathini")
_add("D", 40, "cuarenta quarenta quaranta quarante vierzig czterdzieści kırk arobaini")
_add("D", 50, "cincuenta cinquenta cinquanta cinquante fünfzig pięćdziesiąt elli hamsini")
_add("D", 60, "sesenta sessenta sessanta soixante sechzig sześćdziesiąt altmış sitini")
_add("D", 70, "setenta settanta siebzig siedemdziesiąt yetmiş sabini")
_add("D", 80, "ochenta oitenta ottanta achtzig osiemdziesiąt seksen themanini")
_add("D", 90, "noventa novanta neunzig dziewięćdziesiąt doksan tisini")
for _word, _v in (("veintiuno", 21), ("veintiún", 21), ("veintidós", 22), ("veintidos", 22), ("veintitrés", 23),
                  ("veintitres", 23), ("veinticuatro", 24), ("veinticinco", 25), ("veintiséis", 26), ("veintiseis", 26),
                  ("veintisiete", 27), ("veintiocho", 28), ("veintinueve", 29), ("ventuno", 21), ("ventidue", 22),
                  ("ventitré", 23), ("ventitre", 23), ("ventiquattro", 24), ("venticinque", 25), ("ventisei", 26),
                  ("ventisette", 27), ("ventotto", 28), ("ventinove", 29), ("trentuno", 31), ("trentadue", 32),
                  ("trentatré", 33), ("trentotto", 38), ("quarantuno", 41), ("quarantotto", 48),
                  ("cinquantuno", 51), ("cinquantotto", 58), ("sessantuno", 61), ("sessantotto", 68),
                  ("settantuno", 71), ("settantotto", 78), ("ottantuno", 81), ("ottantotto", 88),
                  ("novantuno", 91), ("novantotto", 98)):
    _add("D", _v, _word)
for _v, _ws in ((100, "cien ciento cem cento cent hundert sto seratus yüz mia"),
                (200, "doscientos duzentos duecento dwieście"), (300, "trescientos trezentos trecento trzysta"),
                (400, "cuatrocientos quatrocentos quattrocento czterysta"),
                (500, "quinientos quinhentos cinquecento pięćset"), (600, "seiscientos seiscentos seicento sześćset"),
                (700, "setecientos setecentos settecento siedemset"), (800, "ochocientos oitocentos ottocento osiemset"),
                (900, "novecientos novecentos novecento dziewięćset")):
    _add("H", _v, _ws)
_add("C", 100, "cents ratus")  # "deux cents", "dua ratus"
_add("K", 1000, "mil mille mila tausend tysiąc tysiące tysięcy ribu seribu bin elfu")
_add("M", 1_000_000, "millón millon millones milhão milhao milhões milhoes milione milioni million millions juta "
                     "milion miliony milionów milyon")
_add("P", 10, "puluh")
_add("B", 10, "belas")
# words that are number words only beside another number word ("un", "on", "bin", "mia", "tre", "sei", "otto" …)
_NEEDS_NEIGHBOUR = frozenset("um uma un une una uno bin mia tre sei otto sette nove due dua lima enam sita saba nane dix "
                             "six huit sept cent cents mil mille null nul kumi tano tatu moja".split())
_JOINERS = frozenset("y e et na und guion guión traço tracinho ponto punto tiret trattino barra".split())
_REPEAT = {"doble": 2, "doppio": 2, "dobro": 2, "double": 2, "triple": 3, "triplo": 3}
_WORD = re.compile(r"[^\W\d_]+")
_GAP = re.compile(r"[ \t]{0,3}(?:[,.\-][ \t]{0,3})?")

_PII_CUE = (
    ("PHONE", r"tel[ée]fono|telefone|telefono|telefon(?:u|unuz|unuzu|numaran\w*)?|t[ée]l[ée]phone|celular|cellulare|"
              r"m[óo]vil|movel|móvel|portable|whats\s?app|wh?ats?app|wa|zap|cep[ \t]telefon\w*|cep[ \t]numaran\w*|"
              r"hp|handphone|nomor[ \t](?:hp|telepon|telpon|wa|handphone)|no[ \t]hp|telepon|telpon|komórk\w*|"
              r"numer[ \t]telefonu|simu|namba[ \t]ya[ \t]simu|handy(?:nummer)?|rufnummer|phone|mobile|cell|"
              r"n[úu]mero[ \t]de[ \t]contacto|contato|contatto|recapito"),
    ("BANK_ACCOUNT", r"clabe|cbu|cvu|cuenta[ \t](?:bancaria|de[ \t]ahorros?|corriente|de[ \t]banco|del[ \t]banco)|"
                     r"conta[ \t](?:corrente|poupan[çc]a|banc[áa]ria)|ag[êe]ncia|rekening|norek|"
                     r"no[ \t]rek|numer[ \t](?:konta|rachunku)|konto(?:nummer)?|hesap[ \t]numaran\w*|compte[ \t]"
                     r"bancaire|num[ée]ro[ \t]de[ \t]compte|conto[ \t]corrente|account[ \t]number|bank[ \t]account|"
                     r"akaunti|iban"),
    # an account's number: a bank's only where the message speaks of a bank (a cable company's "número de cuenta"
    # is its customer's reference)
    ("ACCOUNT", r"n[úu]mero[ \t]de[ \t]cuenta(?![ \t](?:de[ \t])?(?:cliente|contrato|servicio))|"
                r"n[úu]mero[ \t]da[ \t]conta|(?:minha|sua|mi|su)[ \t](?:conta|cuenta)"),
    ("PASSPORT", r"pasaporte|passaporte|passaporto|passeport|reisepass|paszport|pasaport|paspor|passport"),
    ("NATIONAL_ID", r"c[ée]dula|dni|nie|rut|run|curp|rfc|cpf|rg|cnpj|nik|ktp|e-?ktp|kimlik(?:[ \t]numaran\w*)?|"
                    r"tc[ \t]kimlik|tckn|pesel|nip|regon|codice[ \t]fiscale|documento(?:[ \t]de[ \t]identidad)?|"
                    r"identidad|identifica[cç][ãa]o|identificaci[óo]n|ine|carte[ \t]d'identit[ée]|"
                    r"s[ée]curit[ée][ \t]sociale|s[ée]cu|personalausweis|ausweis(?:nummer)?|steuer-?id|"
                    r"kitambulisho|namba[ \t]ya[ \t]kitambulisho|n[úu]mero[ \t]de[ \t]seguro[ \t]social|nss|nif|"
                    r"aadhaa?r|national[ \t]id|id[ \t]number|nin|bvn|mykad|ic|nric"),
)
_KEEP_CUE = (r"pedido|orden|compra|folio|protocolo|nsu|ticket|tiket|laporan|invoice\w*|factura|fatura|boleto|"
             r"bollettino|takip|sipari[şs]\w*|kargo|hizmet|m[üu][şs]teri|abone\w*|pelanggan|cliente|customer|"
             r"c[óo]digo|codice|kode|pod|cups|postal|cep|zip|[úu]ltim[oa]s?|ultime|acabada|termina\w*|last|pratica|"
             r"raccomandata|kayd\w*|talebi|itiraz\w*|referencia|refer[êe]ncia|riferimento|r[ée]f[ée]rence|"
             r"reference|rastreo|rastreio|rastreamento|gu[íi]a|resi|seguimiento|tracking|serie|seriale|serial|imei|"
             r"contrato|contratto|contrat|p[óo]liza|ap[óo]lice|polizza|sinistro|siniestro|medidor|contador|lectura|"
             r"leitura|matr[íi]cula|placa|patente|reserva|prenotazione|r[ée]servation|booking|vuelo|voo|volo|"
             r"pnr|otp|pin|clave|senha|contrase[ñn]a|token|cuota|parcela|expediente|caso|chamado|incidencia|"
             r"radicado|solicitud|solicita[çc][ãa]o|pago|pagamento|recibo|ricevuta|importe|monto|valor|total|"
             r"saldo|deuda|d[ée]bito|borcu\w*|tutar\w*|tagihan|nominal|jumlah|pesos|reais|euros?|lira|rupiah|"
             r"soles|d[óo]lares|z[łl]otych|shilingi|naira|rand|order|claim|policy|case|voucher|cup[óo]n|cupom")
_CUES = re.compile(r"(?i)(?<![\w@])(?:" + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _PII_CUE)
                   + rf"|(?P<KEEP>{_KEEP_CUE}))(?![\w@])")
# every number word and joiner read here: a PERSON span made only of them is a number read out (pii_presidio)
NUMBER_WORDS = frozenset(_LEX) | _JOINERS
_BANK = re.compile(r"(?i)\b(?:banc[oa]s?|bancari[ao]|banking|bank|transfer\w*|dep[óo]sit\w*|reembols\w*|devoluci[óo]n|"
                   r"devolu[çc][ãa]o|estorno|abono|nómina|n[óo]mina|sueldo|salario|sal[áa]rio|pix|ted|doc|"
                   r"bbva|santander|banorte|banamex|bradesco|ita[úu]|caixa|nubank|galicia|bancolombia)\b")
_SPEAKER_LABEL = re.compile(r"[ \t]?:")
_CURRENCY_AFTER = re.compile(r"(?i)[ \t]{0,2}(?:con[ \t]|com[ \t]|pesos|peso|reais|real|euros?|eur\b|€|lira|tl\b|"
                             r"rupiah|rp\b|ribu|soles|d[óo]lares|dollars?|z[łl]|zlotych|złotych|shilingi|shillings?|"
                             r"naira|rand|francs?|centavos|c[ée]ntimos|cent[ae]simi)")


class _Run:
    __slots__ = ("start", "end", "said", "value", "cls", "words")

    def __init__(self) -> None:
        self.start, self.end, self.said, self.value, self.cls, self.words = -1, -1, "", -1, "", 0

    def digits(self) -> str:
        """The digits the run says: its closed numbers and the one being said."""
        return self.said + (str(self.value) if self.value >= 0 else "")


def _step(run: _Run, cls: str, value: int) -> None:
    """Fold one number word into the run: continue the number being said, or close it and start the next."""
    cur, last = run.value, run.cls
    joined = -1
    if cur >= 0:
        if cls == "U" and last == "D" and cur % 10 == 0:
            joined = cur + value
        elif cls == "T" and last == "D" and cur % 100 in (60, 80):  # soixante-quinze, quatre-vingt-douze
            joined = cur + value
        elif cls in "UTD" and last in "HC" and cur % 100 == 0:
            joined = cur + value
        elif cls in "UTDH" and last in "KM" and cur % 1000 == 0:
            joined = cur + value
        elif cls in "KM" and last in "UTDHC":
            low = cur % 1000
            joined = cur - low + max(low, 1) * value
        elif (cls == "C" or (cls == "H" and value == 100)) and last == "U":
            joined = cur - cur % 10 + (cur % 10) * 100
        elif cls == "P" and last == "U":
            joined = cur - cur % 10 + (cur % 10) * 10
            cls = "D"
        elif cls == "B" and last == "U":
            joined = cur + 10
            cls = "T"
        elif cls == "D" and value == 20 and last == "U" and cur % 10 == 4:
            joined = cur - 4 + 80  # quatre-vingt
    if joined >= 0:
        run.value, run.cls = joined, cls
        return
    run.said += str(run.value) if run.value >= 0 else ""
    if cls == "Z":
        run.said += "0"
        run.value, run.cls = -1, ""
    elif cls in "PB":
        run.value, run.cls = 10, "D" if cls == "P" else "T"
    else:
        run.value, run.cls = value, cls


def _runs(text: str) -> Iterator[_Run]:
    run = _Run()
    repeat = 1
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        word = m.group().lower()
        entry = _LEX.get(word)
        gap_ok = run.words > 0 and _GAP.fullmatch(text, run.end, m.start()) is not None
        if entry is None:
            if word in _REPEAT and (gap_ok or run.words == 0):
                repeat = _REPEAT[word]
                continue
            if word in _JOINERS and run.words and gap_ok:
                continue  # "y", "ponto", "guion": the run goes on past it (its end stays before it)
            if run.words:
                yield run
                run = _Run()
            repeat = 1
            continue
        if run.words and not gap_ok and not _joined_by_word(text, run.end, m.start()):
            yield run
            run = _Run()
        if not run.words and word in _NEEDS_NEIGHBOUR:
            nxt = words[i + 1] if i + 1 < len(words) else None
            if nxt is None or nxt.group().lower() not in _LEX or _GAP.fullmatch(text, m.end(), nxt.start()) is None:
                repeat = 1
                continue
        if not run.words:
            run.start = m.start()
        cls, value = entry
        for _ in range(repeat):
            _step(run, cls, value)
        repeat = 1
        run.end, run.words = m.end(), run.words + 1
    if run.words:
        yield run


def _joined_by_word(text: str, end: int, start: int) -> bool:
    """Only joiners ("y", "e", "ponto", "guion") and separators between the last number word and the next."""
    between = text[end:start]
    return len(between) <= 24 and all(w.lower() in _JOINERS or w.lower() in _REPEAT for w in _WORD.findall(between)) \
        and not any(c in "\n:;?!" or c.isdigit() for c in between)


def nearest_cue(text: str, start: int, cues: re.Pattern[str], window: int,
                label_group: str) -> tuple[re.Match[str] | None, int]:
    """The last match of ``cues`` before ``start`` on its line or the line before (at most ``window`` characters
    back), and where that window starts; a ``label_group`` match opening a turn ("customer:", "cliente:") is a
    speaker's label, not a cue. Shared with ``pii_spoken_ids``."""
    line_start = text.rfind("\n", 0, start) + 1
    window_start = max(text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0, start - window)
    last = None
    for m in cues.finditer(text, window_start, start):
        if m.lastgroup == label_group and _SPEAKER_LABEL.match(text, m.end()) and \
                not text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip(" \t[]0-9:"):
            continue  # a speaker's label opening a turn
        last = m
    return last, window_start


def _cue_kind(text: str, start: int) -> str | None:
    """Kind named by the nearest cue before ``start`` on its line or the line before, "KEEP" when it is a kept
    value's cue, None when there is no cue."""
    last, _ = nearest_cue(text, start, _CUES, _WINDOW, "KEEP")
    if last is None:
        return None
    if last.lastgroup == "KEEP":
        return "KEEP"
    if last.lastgroup == "ACCOUNT":
        return "BANK_ACCOUNT" if _BANK.search(text) else None
    return last.lastgroup


def find_spoken_numbers(text: str) -> list[Found]:
    """The read-out values of the module's docstring, at most CAP."""
    if not any(c.isalpha() for c in text):
        return []

    def values() -> Iterator[Found]:
        for run in _runs(text):
            digits = run.digits()
            if len(digits) < MIN_DIGITS or run.words < MIN_WORDS or _CURRENCY_AFTER.match(text, run.end):
                continue
            kind = _cue_kind(text, run.start)
            if kind is None and _NATIONAL_PHONE.fullmatch(digits):
                kind = "PHONE"  # no cue at all, but a phone's shape: "zéro sept, quarante-huit, vingt et un, …"
            if kind is not None and kind != "KEEP":
                yield kind, run.start, run.end, 0.85

    return list(itertools.islice(values(), CAP))
