"""Session 19, fixer session24c (blind24c: live web/in-app chat, IT admins' pastes, data given for someone else).

What the local detector must mask — a public IP address after an "IP" cue or "from" (every address of a pasted list,
IPv6 too), a first.last username, a name and its misspelling in a spelling fix, children and relatives named in chat
("my kids … and …", "… family", "…'s mum"), nicknames ("calls me …"), lower-case names after a greeting or a
role's word, a name on the line before "dob", Filipino "Dela" surnames, a lower-case self-introduction, an iqama, an
NHI number, a Medicare MBI, a card with its expiry, a "bday" date, a corrected passport number, the last four of a
social answered on the next line, a phone after a "Customer:" speaker label, a US address over lines, a Korean address and name — and what it must leave
unmasked: a private, a documentation or a MaxMind-example IP, a MAC address, hostnames and licence keys, greetings in
other scripts, pronouns, hotels, firms before a Latin-American legal form, pets; with guards: made-up names (no list
holds them) stay masked next to those forms. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked, touched


@pytest.fixture(scope="module")
def tagged() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.mark.parametrize(("text", "value"), [
    # IP addresses: after an IP cue, every address of a list, IPv6, after "from"
    ("the shop's public ip is 86.151.20.77 if that helps", "86.151.20.77"),
    ("please add these ips to the allowlist: 151.101.4.9, 151.101.4.10 and 151.101.4.12", "151.101.4.12"),
    ("Blocked IPs seen overnight:\n37.120.18.4\n2a02:8108:1f40:5a::7\nthanks", "2a02:8108:1f40:5a::7"),
    ("Blocked IPs seen overnight:\n37.120.18.4\n2a02:8108:1f40:5a::7\nthanks", "37.120.18.4"),
    ('log says "Login refused for account backup-bot from 176.58.99.3: bad token"', "176.58.99.3"),
    # a first.last username after "user(s)"
    ("can you unlock user lucia.ferreira, she typed her pin wrong", "lucia.ferreira"),
    ("locked out users: reception-desk, k.oyelaran", "k.oyelaran"),
    # a spelling fix: the name and its misspelling
    ("the ticket has my surname wrong, its OYELARAN not OYELAREN", "OYELAREN"),
    # children and relatives named in chat
    ("signing up my 3 kids Nevaeh, Oyelaran and Kaito for tennis", "Oyelaran"),
    ("signing up my kids Mango and Kaito for tennis", "Mango"),
    ("Oyelaran family, table for six on friday", "Oyelaran"),
    ("im ngozika's mum, she forgot her login", "ngozika"),
    # nicknames, lower-case names after a greeting or a role's word
    ("my legal name is Tremaine but everyone calls me tremo", "tremo"),
    ("cheers ngozika you're a star", "ngozika"),
    ("hey ngozika 👋 yes its me", "ngozika"),
    ("the buyer kwame says it never arrived", "kwame"),
    ("seller fatima k never shipped my lamp", "fatima k"),
    # a name on the line before "dob", Filipino "Dela" surnames, a lower-case self-introduction
    ("need to rebook\nNgozika Tremblay dob 02/03/1981", "Ngozika Tremblay"),
    ("hello po, Jhunrey Dela Rosa po ito", "Jhunrey Dela Rosa"),
    ("hola\nsoy maricruz bautista\nmi numero de pedido no sirve", "maricruz bautista"),
    ("this is for my lola she cant use the app\nngozika tremblay\nul. Lipowa 4/2\n31-070 Kraków", "ngozika tremblay"),
    # national and health ids after their cue
    ("iqama no 2190448812 and my mobile below", "2190448812"),
    ("nhi is ABC1234 for the referral", "ABC1234"),
    ("his medicare mbi: 7EG4-TE5-MK73 please", "7EG4-TE5-MK73"),
    # a card with its expiry, a bday date, a corrected passport number, the last four of a social
    ("5412 7511 0034 2217 exp 11/29 oops", "5412 7511 0034 2217"),
    ("bday 11/23/1967 for the insurance form", "11/23/1967"),
    ("passport 712044859\nsorry i mean 712044895", "712044895"),
    ("Rep: can you give me the last 4 of your social security number\nCaller: 5521", "5521"),
    # a phone answering a bot after a "Customer:" speaker label (no customer number's cue)
    ("Bot: What's the best number to reach you?\nCustomer: 027 915 3360", "027 915 3360"),
    ("Agent Priya: can I take a callback number?\nCliente: 0412 883 190", "0412 883 190"),
    # a US address over lines, a Korean address and name
    ("moved\nApt 9B\n77 Riverside Crossing\nYonkers NY 10701", "77 Riverside Crossing"),
    ("moved\nApt 9B\n77 Riverside Crossing\nYonkers NY 10701", "Yonkers NY 10701"),
    ("moved\nApt 9B\n77 Riverside Crossing\nYonkers NY 10701", "Apt 9B"),
    ("주소 바꿔주세요\n부산광역시 해운대구 센텀중앙로 79, 1203호\n최서연", "부산광역시 해운대구 센텀중앙로 79, 1203호"),
    ("주소 바꿔주세요\n부산광역시 해운대구 센텀중앙로 79, 1203호\n최서연", "최서연"),
])
def test_session24c_personal_data_is_masked(tagged, text, value):
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # private, documentation and example addresses, a MAC, hostnames and licence keys
    ("printer ip is 192.168.4.20 and the gateway 10.0.0.1", "192.168.4.20"),
    ("our test box ip 203.0.113.9 in the docs", "203.0.113.9"),
    ("Our public IP 81.2.69.144 is static", "81.2.69.144"),
    ("nic mac from the label: 3c:22:fb:91:0a:7e", "3c:22:fb:91:0a:7e"),
    ("server fs02.corp.northgate.local ip 10.4.4.2\nlicence key QWT4-88KD-ZZ71-0PLM", "fs02.corp.northgate.local"),
    ("server fs02.corp.northgate.local ip 10.4.4.2\nlicence key QWT4-88KD-ZZ71-0PLM", "QWT4-88KD-ZZ71-0PLM"),
    ("the meeting moved from 10:30:00 to 11", "10:30:00"),
    # greetings in other scripts, pronouns, hotels, firms before a legal form, pets
    ("Добрый день\nmy order for Oksana Tremblay is late", "Добрый день"),
    ("مرحبا\ni need help with my bill", "مرحبا"),
    ("its for my grandad he lost his card", "he"),
    ("pls deliver to Hotel Amaranto Ginza, front desk", "Hotel Amaranto Ginza"),
    ("factura a nombre de Muebles Ibarra del Norte SA de CV por favor", "Muebles Ibarra"),
    ("can my cat mochi come in the cabin", "mochi"),
    ("Whole family is booked, thanks", "Whole"),
    ("Pediatrics Family Clinic called me back", "Pediatrics"),
    # a reference answering a bot after "Customer:" stays kept
    ("Bot: What's your order number?\nCustomer: 2204-9917-3310", "2204-9917-3310"),
    ("Bot: Your booking code?\nCustomer: QZ44120", "QZ44120"),
    # lower-case words after the new cues that are no names
    ("please call me back asap", "back"),
    ("hi there, any update", "there"),
    ("thanks again!", "again"),
    ("locked out user admin.local, no one can log in", "admin.local"),
])
def test_session24c_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # made-up names next to the new filters
    ("hey Ngozika, is Hotel Amaranto Ginza far from you?", "Ngozika"),
    ("my dog walker Tremaine Oyelaran has a key", "Tremaine Oyelaran"),
    ("please bill Ngozika Oyelaran, not Muebles Ibarra SA de CV", "Ngozika Oyelaran"),
    ("Здравствуйте, I'm Tremaine Oyelaran", "Tremaine Oyelaran"),
    ("the account is for Ngozika Oyelaran\nOyelaran Plumbing Pro", "Ngozika Oyelaran"),
])
def test_session24c_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)


def test_session24c_a_name_over_lines_keeps_a_signers_surname_in_the_firm(tagged):
    """build.py's convention: a masked writer's surname stays masked inside the firm's name on the next line."""
    text = "Cheers,\nTremaine Oyelaran\nOyelaran Joinery"
    assert touched(tagged, text, "Tremaine Oyelaran")
    assert touched(tagged, text, "Oyelaran Joinery")
