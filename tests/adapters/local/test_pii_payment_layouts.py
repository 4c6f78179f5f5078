"""Session 42, candidate 42-5: bank accounts in their national layouts (Serbian and Montenegrin 3-13-2, a Swedbank
clearing number with its account, Korean and Japanese accounts after their words, a CLABE in a message naming it, an
Indian account with its IFSC, a New Zealand account, an Algerian CCP with its key) and payment addresses that reach a
person's account (InstaPay, crypto wallets, a UPI id typed in one token and said with "at") are masked as a BANK_ACCOUNT (pii_payment_layouts); Belgian 3-7-2 member
and order numbers, a clearing number labelled apart, a transaction hash, a mail address, a UTR and a phone are not.
The examples are made up."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_payment_layouts
from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def accounts(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "BANK_ACCOUNT"]


FOUND = [
    ("Molim vas da isplatu uplatite na moj tekući račun 205-4410293381702-17 (AIK banka).", "205-4410293381702-17"),
    ("Износ од 9.800,00 динара уплатите на текући рачун 340-0000011004471-52, хвала.", "340-0000011004471-52"),
    ("Uplatu izvršite na žiro račun 510-0000000044182-19 kod CKB, Podgorica.", "510-0000000044182-19"),
    ("Ersättningen kan betalas till 8214-7, 903 442 118-6. Mvh Lena", "8214-7, 903 442 118-6"),
    ("Återbetala till mitt konto 8901-3, 44 281 937-2 tack!", "8901-3, 44 281 937-2"),
    ("Hi, I sent 0.3 ETH to my wallet 0x4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c still pending.",
     "0x4b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c"),
    ("withdrawal to bc1q9h7garjhs4l0y2kv3c5vf8h8mmrj0pzn6ykx7e has not arrived",
     "bc1q9h7garjhs4l0y2kv3c5vf8h8mmrj0pzn6ykx7e"),
    ("حولت ٢٠٠٠ جنيه على انستاباي hany.samir77@instapay بالغلط", "hany.samir77@instapay"),
    ("I sent EGP 900 by InstaPay to nour_k@InstaPay yesterday, please check", "nour_k@InstaPay"),
    ("상담원: 환불받으실 계좌번호 알려주세요\n고객: 356-0877-4412-83 입니다", "356-0877-4412-83"),
    ("振込先：三井住友銀行 新宿支店 普通預金 7720194 ヤマダ タロウ", "7720194"),
    ("口座番号：0048812（当座）に返金をお願いします。", "0048812"),
    ("Hola, mi CLABE para la devolución es 072 180 00128847193 5, gracias.", "072 180 00128847193 5"),
    ("Please update payout: Priya Raman, 39201044718823, SBIN0004123.", "39201044718823"),
    ("Beneficiary Ravi Kumar - 918020044711823 (UTIB0001432)", "918020044711823"),
    ("Kia ora, pay my wages into 06-0901-0445219-00 from next week.", "06-0901-0445219-00"),
    ("agent: your upi id for the refund?\ncaller: sunrisetraders42 at oksbi", "sunrisetraders42 at oksbi"),  # pii_bank_dob
    ("solicito el cambio de titularidad de la cuenta 0049 1500 05 1234567892 a nombre de mi madre", "0049 1500 05 1234567892"),
    ("Mon compte : 30003 01234 00051234567 18. Merci de me rappeler.", "30003 01234 00051234567 18"),
    ("RIB : banque 10278, guichet 06076, compte 00021783509, clé 30\n", "30"),
    ("paga por transferência da minha conta NIB 0033 0000 4530 1234 5678 9.", "0033 0000 4530 1234 5678 9"),
    ("Remboursement sur mon CCP 0004471829 clé 36, merci.", "0004471829 clé 36"),
]


@pytest.mark.parametrize(("text", "account"), FOUND)
def test_found_by_the_default_detector(detector: PresidioPiiDetector, text: str, account: str) -> None:
    assert account in accounts(detector, text)


@pytest.mark.parametrize(("text", "account"), FOUND)
def test_found_by_the_rules_only_detector(text: str, account: str) -> None:
    assert account in accounts(RulesPiiDetector(), text)


def test_a_mistyped_instapay_address_and_its_right_one(detector: PresidioPiiDetector) -> None:
    text = "I sent EGP 2,000 by InstaPay to salma.adel@instapay but it should be salma.adel9@instapay"
    assert accounts(detector, text) == ["salma.adel@instapay", "salma.adel9@instapay"]


def test_a_mistyped_korean_account_and_the_one_meant(detector: PresidioPiiDetector) -> None:
    text = "상담원: 받는 분 계좌번호 불러주시겠어요?\n고객: 302-118-447201이요, 원래는 302-118-447210로 보내려고 했어요"
    assert accounts(detector, text) == ["302-118-447201", "302-118-447210"]


@pytest.mark.parametrize(("text", "value"), [
    ("Lidnummer ziekenfonds: 118-4402917-32", "118-4402917-32"),  # a Belgian 3-7-2 member number
    ("Hallo, meine Bestellung 400-4418820-11 ist nicht angekommen.", "400-4418820-11"),
    ("Clearingnummer 8327-9, kontonummer 914 562 771-3", "8327-9"),  # the clearing labelled apart stays kept
    ("tx hash 0x9c4e1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a is confirmed",
     "0x9c4e1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a"),
    ("write to support@instapay.eg please", "support@instapay.eg"),
    ("Numéro de suivi 8055 2291 4471 0033 9812 7, livraison demain", "8055 2291 4471 0033 9812 7"),
    ("my account 50100287741236 (IFSC HDFC0001287). UTR 412298873310. Kindly refund", "412298873310"),
    ("상담원: 계좌 확인 후 010-2345-6789 로 연락드리겠습니다", "010-2345-6789"),
    ("계좌 개설 문의는 02-3456-7890 으로 전화 주세요", "02-3456-7890"),
])
def test_look_alikes_are_not_bank_accounts(detector: PresidioPiiDetector, text: str, value: str) -> None:
    assert value not in accounts(detector, text)
    assert all(text[s:e] != value for _, s, e, _ in pii_payment_layouts.find_payment_layouts(text))


def test_long_input_is_fast() -> None:
    text = ("계좌 " + "1" * 30 + " 8327-9, " + "0x" + "a" * 39 + " CCP 123 clé " + "-" * 50) * 2000
    start = time.perf_counter()
    found = list(pii_payment_layouts.find_payment_layouts(text))
    assert time.perf_counter() - start < 2.0
    assert len(found) <= pii_payment_layouts.CAP
