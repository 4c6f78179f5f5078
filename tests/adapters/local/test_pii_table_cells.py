"""Session 38 (candidate 38-7, issue 21): in a pasted table (bars, tabs or aligned columns under a header row), a cell
under a column that names a personal kind takes that kind — a surname-first name one PERSON with its comma, a bare
Steuer-ID, a PPSN without its cue, an account under "Account" beside a sort code — while cells under kept columns,
empty or "n/a" cells, header rows, lists without a header and tables of goods or settings stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_table_cells
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def spans(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> set[tuple[str, str]]:
    return {(s.kind, text[s.start:s.end]) for s in detector.find(text)}


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    at = text.index(value)
    return any(s.start < at + len(value) and at < s.end for s in detector.find(text))


TABLES = [
    # UK payroll, bars, a surname-first name and a NINO
    ("Hi Bev,\n\nCorrections for week 41:\n\nEmp no | Name | NINO | Tax code | Hours\n"
     "0114 | Kowalczyk, Marta | SK 42 18 90 B | 1257L | 37.5\n0127 | Adeyemi, Tunde | PJ 77 31 04 D | BR | 22\n\nDev",
     [("PERSON", "Kowalczyk, Marta"), ("NATIONAL_ID", "SK 42 18 90 B"), ("PERSON", "Adeyemi, Tunde"),
      ("NATIONAL_ID", "PJ 77 31 04 D")]),
    # German, a bare eleven-digit Steuer-ID
    ("Hallo Karin, hier die Tabelle:\n\nPersonalnr | Name | Stunden | Steuer-ID\n1021 | Becker, Uwe | 168 | "
     "47036892815\n1034 | Schulte, Aylin | 120 | 81729403661\n\nGruß Frank",
     [("PERSON", "Becker, Uwe"), ("NATIONAL_ID", "47036892815"), ("PERSON", "Schulte, Aylin"),
      ("NATIONAL_ID", "81729403661")]),
    # Irish, a PPSN without its cue
    ("Name | Start date | PPSN | Dept | Salary\nCian Ó Murchú | 05/01/2027 | 7719304KA | Warehouse | €34,500\n"
     "Tadhg Brophy | 12/01/2027 | 6021847T | Transport | €36,200",
     [("NATIONAL_ID", "7719304KA"), ("NATIONAL_ID", "6021847T")]),
    # an account under "Account" beside a sort code (kept)
    ("Name | Start date | NI number | Sort code | Account\nCallum Reid | 01/07/2025 | JT 48 21 90 B | 30-96-26 | "
     "41177290\nJoe O'Hara | 14/07/2025 | awaiting | 40-11-58 | 22018846",
     [("BANK_ACCOUNT", "41177290"), ("BANK_ACCOUNT", "22018846")]),
    # Swedish, aligned columns
    ("Hej Anders,\n\nNamn            Anst.nr   Timmar\nLindqvist, Emma   1102      162\nBerg, Oskar       1107      148"
     "\n\nMvh\nKarin",
     [("PERSON", "Lindqvist, Emma"), ("PERSON", "Berg, Oskar")]),
    # tab-separated, German, an empty cell
    ("Mitarbeiter\tGeburtsdatum\tSteuer-ID\tAbteilung\nJansen, Tobias\t14.03.1991\t12345678903\tLager\n"
     "Öztürk, Elif\t\t98765432109\tBuchhaltung",
     [("PERSON", "Jansen, Tobias"), ("DOB", "14.03.1991"), ("NATIONAL_ID", "12345678903"),
      ("PERSON", "Öztürk, Elif"), ("NATIONAL_ID", "98765432109")]),
    # Markdown, French, with its rule line
    ("| Nom | Prénom | N° de sécurité sociale | Date de naissance |\n|---|---|---|---|\n"
     "| Martin | Camille | 2 91 03 75 112 234 56 | 12/03/1991 |",
     [("NATIONAL_ID", "2 91 03 75 112 234 56"), ("DOB", "12/03/1991")]),
    # Spanish, a lower-case name, "n/a" and "-" left alone
    ("Nombre | DNI | Fecha de nacimiento | Teléfono\nlucía pérez gómez | 12345678Z | 03/04/1990 | 612 345 678\n"
     "Javier Ruiz | n/a | - | 655 123 456",
     [("PERSON", "lucía pérez gómez"), ("DOB", "03/04/1990")]),
    # Polish, a 26-digit account under "Nr konta"
    ("Imię i nazwisko | PESEL | Nr konta\nAnna Nowak | 90010112345 | 12 1050 1445 1000 0090 3012 3456",
     [("NATIONAL_ID", "90010112345"), ("BANK_ACCOUNT", "12 1050 1445 1000 0090 3012 3456")]),
    # Czech, surname first without a comma
    ("Ahoj, posílám tabulku hodin:\n\nJméno | hodiny | přesčas\nNovák Jan | 168 | 6\nDvořáková Lenka | 152 | 0\n\n"
     "Hana",
     [("PERSON", "Novák Jan"), ("PERSON", "Dvořáková Lenka")]),
    # a quoted table, initials
    ("> Candidate | Role | Slot\n> A. Nwosu | Warehouse Lead | Mon 10:00\n> K. Brennan | Driver | Tue 14:00",
     [("PERSON", "A. Nwosu"), ("PERSON", "K. Brennan")]),
    # Swedish personnummer and account, tabs
    ("Namn\tPersonnummer\tKontonummer\nErik Johansson\t19850312-1234\t8327-9 123 456 789-0",
     [("NATIONAL_ID", "19850312-1234"), ("BANK_ACCOUNT", "8327-9 123 456 789-0")]),
]


@pytest.mark.parametrize(("text", "expected"), TABLES)
def test_cells_under_a_personal_column_take_its_kind(detector: PresidioPiiDetector, text: str,
                                                     expected: list[tuple[str, str]]) -> None:
    found = spans(detector, text)
    assert all(item in found for item in expected), (expected, found)


@pytest.mark.parametrize(("text", "expected"), TABLES[:4])
def test_the_rules_only_detector_takes_them_too(text: str, expected: list[tuple[str, str]]) -> None:
    found = spans(RulesPiiDetector(), text)
    assert all(item in found for item in expected), (expected, found)


def test_kept_columns_and_empty_cells_stay_unmarked(detector: PresidioPiiDetector) -> None:
    text = ("Emp no | Name | NI number | Tax code | Hours | Dept\n0114 | Kowalczyk, Marta | tbc | 1257L | 37.5 | "
            "Warehouse\n0127 | Adeyemi, Tunde | - | BR | 22 | Accounts")
    found = spans(detector, text)
    assert ("PERSON", "Kowalczyk, Marta") in found and ("PERSON", "Adeyemi, Tunde") in found
    for kept in ("0114", "tbc", "1257L", "37.5", "Warehouse", "0127", "BR", "Accounts"):
        assert not masked(detector, text, kept), kept


@pytest.mark.parametrize(("text", "header"), [
    ("Dear Finance,\n\nDate       | Item          | Amount\n03/03      | Flight AMS-LIS | €212.40\n"
     "04/03      | Hotel (2n)    | €288.00\n\nThanks, Saskia", "Item"),
    ("Dear Payroll,\n\nEmployee | Emp no | NI number | Gross\nOkonkwo, Chiamaka | E-20451 | JT 48 21 93 C | "
     "£2,847.50\n\nThanks,\nChiamaka", "Gross"),
    ("Dzień dobry,\n\nNr | Pracownik | Brutto\n017 | Nowicka Ewa | 7 200,00\n022 | Lis Marcin | 6 850,00\n\n"
     "Magdalena", "Pracownik"),
    ("Hi, our remittance advice for this week:\n\nInvoice | Date | Amount\nINV-7712 | 02/04/2024 | €1,250.00\n"
     "INV-7719 | 05/04/2024 | € 480.50", "Invoice"),
])
def test_header_cells_stay_unmarked(detector: PresidioPiiDetector, text: str, header: str) -> None:
    assert not masked(detector, text, header)


def test_a_name_read_into_its_header_is_cut_to_the_name(detector: PresidioPiiDetector) -> None:
    text = "Hej Anders,\n\nNamn            Anst.nr   Timmar\nLindqvist, Emma   1102      162\n\nMvh\nKarin"
    assert ("PERSON", "Lindqvist, Emma") in spans(detector, text)
    assert not masked(detector, text, "Timmar")


@pytest.mark.parametrize("text", [
    # a list without a header row
    "Becker, Uwe | 168 | 47036892815\nSchulte, Aylin | 120 | 81729403661",
    # a table of goods and one of settings: their "Name" is a thing's
    "Name | Qty | Price\nBlue Widget | 2 | £4.00\nStandard Bracket | 10 | £1.20",
    "Name | Type | Description\ntimeout | integer | Request timeout in seconds\nRetries | integer | How often",
    # an NI column of contributions, an account with a supplier (no bank column)
    "Employee | Gross | Tax | NI | Net\nOkafor | 2,916.67 | 583.33 | 166.53 | 2,020.81",
    "Customer | Account | Balance\nFenwick Interiors | 00412345 | £2,110.00",
    # firms, tiers and fillers under a name's column
    "Guest | Room | Nights\nVIP | 12 | 2\nGold | 14 | 3\nMr & Mrs Patel | 15 | 1",
    "Name | Invoice | Amount\nAcme Fixings Ltd | AF-10293 | £1,240.00\nCastlegate Print | CP/2291 | £386.40",
    "Name | Status | Notes\nWarehouse Lead | Open | advertise\nn/a | closed | -",
    # "key: value" fields on one line
    "Employee: HUSSAIN, Imran | Emp no: 004417 | NI: NH 71 40 28 B\nGross pay 2,916.67 | Tax 583.33 | NI 166.53",
])
def test_look_alikes_take_no_cell(text: str) -> None:
    text += "\n\nName | NINO | Hours\nAnna Smith | AB 12 34 56 C | 37.5"  # and a table whose cells are taken
    found = [(kind, text[start:end]) for kind, start, end, _ in pii_table_cells.find_table_cells(text)]
    assert found == [("PERSON", "Anna Smith"), ("NATIONAL_ID", "AB 12 34 56 C")]


def test_a_courtesy_title_stays_outside_the_name(detector: PresidioPiiDetector) -> None:
    text = ("Mitarbeiter | Personalnr | Stunden (KW 41) | Steuer-ID\nMr John Smith | 1022 | 40 | \n"
            "müller, jan | 1021 | 38 | 47 036 892 815")
    found = spans(detector, text)
    assert ("PERSON", "John Smith") in found and ("PERSON", "müller, jan") in found
    assert ("NATIONAL_ID", "47 036 892 815") in found


def test_role_cells_read_as_names_are_dropped(detector: PresidioPiiDetector) -> None:
    text = ("Dear all,\n\nQuick table of this week's interviews:\n\nCandidate | Role | Slot\nA. Nwosu | Warehouse Lead"
            " | Mon 10:00\nK. Brennan | Driver | Tue 14:00\nM. Silva | Driver | Wed 09:30\n\nPanel: Helen + Raj")
    assert ("PERSON", "A. Nwosu") in spans(detector, text)
    assert not masked(detector, text, "Warehouse Lead")


def test_long_input_stays_fast() -> None:
    texts = [("Name | NINO | " + "x | " * 90 + "\n") * 300,
             "Name | NINO | Tax code\n" + "Anna Smith | AB 12 34 56 C | 1257L\n" * 5000,
             "Name    DOB     NINO\n" + ("Anna  " + "  b" * 120 + "\n") * 300,
             "Name\tDOB\tNINO\n" + ("a\t" * 190 + "\n") * 300,
             "|" * 50_000, " " * 50_000, "-" * 20_000 + "\n" + "| - " * 5_000]
    started = time.perf_counter()
    counts = [len(list(pii_table_cells.find_table_cells(text))) for text in texts]
    assert time.perf_counter() - started < 5.0
    assert counts[1] == pii_table_cells.CAP and all(n <= pii_table_cells.CAP for n in counts)
