"""Session 35, candidate 35-3: bank accounts in more national layouts (Czech and Slovak "number/bank code", Polish
NRB without "PL", Hungarian giro, Moroccan RIB), Argentine CBU aliases after "alias", and a bare account number after
the account words of more languages are masked as a BANK_ACCOUNT (pii_national_accounts); birth numbers, order,
invoice, tracking, policy and meter numbers, and a utility's account number are not. The examples are made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_national_accounts
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def accounts(detector: PresidioPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "BANK_ACCOUNT"]


def kinds(detector: PresidioPiiDetector, text: str, value: str) -> list[str]:
    return [s.kind for s in detector.find(text) if text[s.start:s.end] == value]


@pytest.mark.parametrize(("text", "account"), [
    # Czech / Slovak: a valid account masked anywhere, one failing its checksum after an account word
    ("Dobrý den, zálohu 3 000 Kč pošlete prosím na 123457/0100, díky. Petra", "123457/0100"),
    ("Peníze za kolo mi pošli na 19-123457/0800, Honzo.", "19-123457/0800"),
    ("Ahoj, posílám ti číslo účtu na nájem za byt: 4100772291/2010", "4100772291/2010"),
    ("Vrácení 1 290 Kč prosím na účet 35-4471882003/0300.", "35-4471882003/0300"),
    ("Dobrý deň, preplatok mi pošlite na účet 2918830455/0900, ďakujem.", "2918830455/0900"),
    ("Nové bankovní spojení pro výplatu mzdy je 2201884175/3030.", "2201884175/3030"),
    # Polish NRB written without "PL": checked anywhere, unchecked after "rachunek" / "konto"
    ("Zwrot kaucji proszę przelać: 61 1090 1014 0000 0712 1981 2874, dziękuję", "61 1090 1014 0000 0712 1981 2874"),
    ("Proszę o zwrot 249 zł na rachunek 30 1160 2202 0000 0003 4417 7209.", "30 1160 2202 0000 0003 4417 7209"),
    ("Wynagrodzenie proszę od maja przelewać na nowe konto 12 1050 1445 1000 0090 3355 4471",
     "12 1050 1445 1000 0090 3355 4471"),
    # Hungarian giro: checked anywhere, unchecked after "bankszámla" or before "számlára"
    ("A kauciót a 11773016-11111018 számra kérem visszautalni.", "11773016-11111018"),
    ("Kérem, a túlfizetést utalják a 10918001-44712088-00000000 számlára.", "10918001-44712088-00000000"),
    ("Bankszámlaszámom: 11600006-00000000-12345678, köszönöm", "11600006-00000000-12345678"),
    # Moroccan RIB: 24 digits, after "RIB" or with its key right
    ("Salam, bghit nrdo lflous l RIB dyali 181 810 2111122223333444 55 3afak", "181 810 2111122223333444 55"),
    ("Merci de rembourser sur mon RIB : 007 780 0001234500000456 12", "007 780 0001234500000456 12"),
    # an Argentine CBU alias after "alias", and the other alias of a mistyped transfer
    ("Hola! Te paso mi alias para el reintegro: rio.mate.sol", "rio.mate.sol"),
    ("Mi alias de Mercado Pago es gaby.mendez.mp, gracias", "gaby.mendez.mp"),
    ("transferí al alias casa.verde.lago pero era casa.verde.lazo, se puede revertir?", "casa.verde.lazo"),
    ("agente: me pasás el alias?\ncliente: el alias es pampa punto sur punto cielo", "pampa punto sur punto cielo"),
    # a bare account number after the account words of more languages
    ("नमस्ते, मेरे खाते 3401 8823 1907 से पैसे कट गए, बैंक ने कुछ नहीं बताया", "3401 8823 1907"),
    ("कृपया रिफंड मेरे खाता संख्या 912010044718823 में भेजें", "912010044718823"),
    ("Anh ơi, em chuyển nhầm 3.000.000đ vào tài khoản 1903 4471 8820 12 rồi ạ", "1903 4471 8820 12"),
    ("Chào ngân hàng, STK của tôi là 0071004418827, nhờ kiểm tra giúp", "0071004418827"),
    ("boleh refund ke akaun saya 1140 2298 7733, terima kasih", "1140 2298 7733"),
    ("Mohon transfer ke nomor rekening 8831 0042 17 a.n. Sari", "8831 0042 17"),
    ("Merci de verser le remboursement sur mon compte n° 44718820193 à la banque.", "44718820193"),
    ("Bitte überweisen Sie die Erstattung auf mein Konto 4471882019 bei der Sparkasse.", "4471882019"),
    ("Prosím o vrácení peněz, číslo účtu 2004418833.", "2004418833"),
    ("Lütfen iadeyi hesap numaram 8820 4471 9031 12 olan hesaba yapın.", "8820 4471 9031 12"),
])
def test_national_layouts_and_account_words_are_masked(detector: PresidioPiiDetector, text: str,
                                                        account: str) -> None:
    assert account in accounts(detector, text), accounts(detector, text)


@pytest.mark.parametrize(("text", "value"), [
    # birth numbers (rodné číslo) are no accounts
    ("Zaměstnanec Jan Novák, rodné číslo 905421/2218, nástup 1. 7.", "905421/2218"),
    ("RČ: 855612/0800, prosím o potvrzení", "855612/0800"),
    ("Narozen 12. 3. 1985, r. č. 850312/2010", "850312/2010"),
    # order, invoice, tracking, policy and meter numbers after an account word
    ("Dobrý den, objednávka 4471882019/2010 stále nedorazila.", "4471882019/2010"),
    ("Mon compte client 44718820193 : la commande n'est jamais arrivée", "44718820193"),
    ("Numer zamówienia z konta 4471882019 nie dotarł", "4471882019"),
    ("tài khoản mã đơn hàng 44718820193 chưa giao", "44718820193"),
    ("मेरे खाते का ऑर्डर 44718820193 नहीं आया", "44718820193"),
    # a utility's or a telecom's account number
    ("Bonjour, ma facture d'électricité a doublé. Compte 4471 2209 113. Merci", "4471 2209 113"),
    ("allo, mon cell marche pu depuis hier. compte 8830 2214 47", "8830 2214 47"),
    # a Polish number that is no NRB (too short) and a PESEL
    ("Mój PESEL 88071412345, proszę o kontakt", "88071412345"),
    # an alias that is a nickname or a web address
    ("El Chapo, alias del narco, fue detenido", "El Chapo"),
    ("mi alias en la web es www.tienda.com.ar", "www.tienda.com.ar"),
    ("alias juanperez, sin puntos", "juanperez"),
    # a date, an amount and a case reference with a slash
    ("Smlouva platí od 12/2010 do 2020.", "12/2010"),
    ("Č. j. 123457/2010 – rozhodnutí", "123457/2010"),
])
def test_look_alikes_are_not_bank_accounts(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert "BANK_ACCOUNT" not in kinds(detector, text, value), kinds(detector, text, value)
    assert value not in accounts(detector, text)


def test_checksums() -> None:
    assert pii_national_accounts._cz_ok("19", "2000145399")
    assert not pii_national_accounts._cz_ok("", "2700418832")
    assert pii_national_accounts._nrb_ok("61109010140000071219812874")
    assert not pii_national_accounts._nrb_ok("61109010140000071219812875")
    assert pii_national_accounts._hu_ok("117730161111101800000000")
    assert not pii_national_accounts._hu_ok("117730161234567800000000")


def test_a_long_input_stays_fast() -> None:
    pieces = ["konto 1234 5678 90 ", "číslo účtu 19-2000145399/0800 ", "alias sol.rio.mate ",
              "61 1090 1014 0000 0712 1981 2874 ", "11773016-11111018 ", "1" * 50 + " ", " " * 500, "/" * 300,
              "1-" * 300, "a.b." * 200]
    for piece in pieces:
        text = (piece * (200_000 // len(piece) + 1))[:200_000]
        begin = time.perf_counter()
        found = list(pii_national_accounts.find_national_accounts(text))
        assert time.perf_counter() - begin < 2.0, piece
        assert len(found) <= pii_national_accounts.CAP
