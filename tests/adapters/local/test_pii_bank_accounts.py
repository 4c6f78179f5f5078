"""Session 30 (issue 21): bank accounts as payouts, refunds and calls give them are masked; a utility's or a
telecom's account number asked in a call, a form's next field and a wallet's phone number are not bank accounts.

The positive cases fail on the code before the pass (ba6d441): each of these accounts reached storage unmasked."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_bank_accounts
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.errors import InvalidInput


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str, kind: str = "BANK_ACCOUNT") -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == kind]


@pytest.mark.parametrize(("text", "account"), [
    ("hello pls my withdrawal of N60,000 never landed, i put 2231907745 Zenith Bank since monday", "2231907745"),
    ("Hi team, kindly pay the refund of R1 250,00 into 71094338210 (Capitec). Thanks", "71094338210"),
    ("Good day, beneficiary details: 0041182276 GTBank, please confirm when sent", "0041182276"),
    ("tolong cek, saya sudah transfer ke rekening 7012938841 BCA tapi belum masuk", "7012938841"),
    ("Hei, kan dere betale tilbake depositumet til konto 1207.33.40088? Mvh", "1207.33.40088"),
    ("Beloppet betalades till ert bankgiro 5050-1055 den 3 mars.", "5050-1055"),
])
def test_a_number_named_with_its_bank_is_masked(detector: PresidioPiiDetector, text: str, account: str) -> None:
    assert account in masked(detector, text)


def test_an_account_read_out_after_the_agents_question_in_a_bank_call_is_masked(
        detector: PresidioPiiDetector) -> None:
    call = ("agent: thanks for calling Harbour Bank, how can I help\ncaller: there's an overdraft fee I never agreed to\n"
            "agent: sorry about that, can I take the account number please\n"
            "caller: yeah it's six two oh one, four four eight, nine seven\nagent: and your date of birth")
    assert masked(detector, call) == ["six two oh one, four four eight, nine seven"]


def test_the_other_number_of_a_mistyped_transfer_is_masked_too(detector: PresidioPiiDetector) -> None:
    text = "I sent N40,000 to 3302918847 (Access Bank) instead of 3302918874, please help reverse it"
    assert set(masked(detector, text)) == {"3302918847", "3302918874"}


@pytest.mark.parametrize("text", [
    # the account number of an energy supplier asked in a call: a customer number, kept
    "agent: you're through to Lakeside Energy, Priya speaking\ncaller: hi my direct debit went out twice\n"
    "agent: sorry, can I take the account number\ncaller: it's four one one two, eight eight three, two",
    # a form's next field, not the answer of a turn
    "Please send my statement for October.\n\nAccount name: Aidan Brennan\nAccount no.: 5519203374\nThanks",
    # a wallet's phone number (11 digits, a Nigerian mobile) named with the wallet
    "i sent money from 08031234567 OPay to my sister, still pending",
    # a Norwegian-looking number whose modulus 11 check fails
    "Referanse 1207.33.40087 på fakturaen",
])
def test_look_alikes_are_not_bank_accounts(detector: PresidioPiiDetector, text: str) -> None:
    assert masked(detector, text) == []


def test_near_copies_read_only_runs_of_the_same_length() -> None:
    text = "to 12345678 not 12345679 nor 123456789"
    found = [text[s:e] for _, s, e, _ in pii_bank_accounts.near_copies(text, [(3, 11)])]
    assert found == ["12345679"]


def test_hostile_input_stays_linear() -> None:
    for unit in ("1 ", "account number\ncaller: one ", "1234.56.", "bankgiro 1", "12345678 (GTBank ", "rekening 1"):
        text = unit * (200_000 // len(unit))
        start = time.thread_time()
        pii_bank_accounts.find_bank_accounts(text)
        assert time.thread_time() - start < 5


def test_said_number_pieces_rejects_non_text() -> None:
    from services import privacy
    with pytest.raises(InvalidInput):
        privacy.said_number_pieces(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "account"), [
    ("Please pay my March salary to the right account. Correct details: Wema Bank, 0239918470, Ife Balogun.",
     "0239918470"),
    ("Återbetalningen till clearingnummer 8214-9, kontonummer 903 118 442-6 tack.", "903 118 442-6"),
    ("Beløbet kan indsættes på reg.nr. 2211 kontonr. 6120449913.", "6120449913"),
    ("Bitte überweisen Sie die Kaution auf Kontonummer 2208419937, BLZ 200 505 50.", "2208419937"),
    ("Remboursement par dépôt direct : transit 10482, institution 006, compte 4418207. Merci", "4418207"),
])
def test_national_account_layouts_after_their_labels_are_masked(detector: PresidioPiiDetector, text: str,
                                                                 account: str) -> None:
    assert account in masked(detector, text)


def test_an_account_the_agent_asks_for_without_a_question_mark_is_masked(detector: PresidioPiiDetector) -> None:
    call = ("agent: sorry for your loss, what bank was he with\ncaller: first capital bank\n"
            "agent: and the account number if you have it\ncaller: oh oh three nine, four four one, two eight six\n"
            "agent: thank you")
    assert masked(detector, call) == ["oh oh three nine, four four one, two eight six"]


def test_the_last_digits_of_a_longer_number_are_not_taken_for_an_account(detector: PresidioPiiDetector) -> None:
    text = "Mi CBU nuevo es 0110 5990 20000012345671 (Santander), gracias"  # its check digits fail: no CBU
    assert "20000012345671" not in masked(detector, text)
