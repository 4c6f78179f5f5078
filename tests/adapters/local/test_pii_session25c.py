"""Session 20, fixer session25c (blind25c: short social posts and DMs — handles, slang, staff and friends named, gamer
tags, delivery addresses without commas).

What the local detector must mask — a Kenyan ID number after "ID no" and a person's KRA PIN, a PhilSys number, a bank
account after "bank acc" and after "from my account" where money was taken, a passport number of letters and digits,
a lower-case US address to its ZIP, an Indonesian "Jl. … No. …" address, a Japanese address, a Singapore "Blk …"
address, a Brazilian address to its CEP, a Lagos "… Phase 1", a hotel's name before "room N", a name after Arabic
"اسمي", a lower-case name thanked "from support", a staff name quoted after "agent" — and what it must leave unmasked:
a social handle with dots after a word (no e-mail), a show before "season N", a performer before "concert", a
footballer who "scored" in a bet, a public figure, a game item priced in gems, a shop after "parcel from", a name
before a food or trade word, a firm's KRA PIN, a company's TIN; with guards: made-up names (no list holds them) stay
masked next to those forms. Every sentence is new (none is the batch's).
"""

from __future__ import annotations

import pytest

from services.adapters.local.pii_presidio import PresidioPiiDetector
from tests.adapters.local.pii_support import masked, touched


@pytest.fixture(scope="module")
def plain() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def tagged() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


@pytest.mark.parametrize(("text", "value"), [
    # national numbers after their cue
    ("Hi @LipaHaraka loan keeps failing. ID no 27719043, please check", "27719043"),
    ("for the tax form: kra pin A019284756K thanks", "A019284756K"),
    ("registering my sim, PhilSys no 5021-7730-1948-2265", "5021-7730-1948-2265"),
    # bank accounts: "acc" where a bank is named, "from my account" where money was taken
    ("pay my commission to bank acc 3092845177 Zenith Bank", "3092845177"),
    ("SOMEBODY TOOK R2,300 FROM MY ACCOUNT 40992817364 HELP", "40992817364"),
    # a passport number of letters and digits mixed
    ("change my passport no to PT7Z40K81 on the trip pls", "PT7Z40K81"),
    # addresses without commas
    ("send it 2 unit 3f 2209 ocean pkwy brooklyn ny 11223 ring twice", "unit 3f 2209 ocean pkwy brooklyn ny 11223"),
    ("kirim ke Jl. Cempaka Putih No. 8 RT 02 RW 11 Cempaka Putih Jakarta Pusat 10510 ya", "Jl. Cempaka Putih No. 8"),
    ("kirim ke Jl. Cempaka Putih No. 8 RT 02 RW 11 Cempaka Putih Jakarta Pusat 10510 ya", "Jakarta Pusat 10510"),
    ("配送先は 神奈川県横浜市中区山下町3-8-2 ハーバーコート705 です", "神奈川県横浜市中区山下町3-8-2 ハーバーコート705"),
    ("ship to Blk 231 Jurong East St 21 #11-342 Singapore 600231 tq", "Blk 231 Jurong East St 21 #11-342 Singapore 600231"),
    ("entrega na Rua Harmonia 77 apto 31 Vila Madalena São Paulo SP 05435-000 valeu", "Vila Madalena São Paulo SP 05435-000"),
    ("rider pls come to Plot 9 Ligali Ayorinde Street Victoria Island Phase 2 gate", "Victoria Island Phase 2"),
    ("leave it at Hotel Miramar Sul room 208 Avenida da Liberdade 40 Lisboa", "Hotel Miramar Sul"),
    # names: Arabic after "my name is", thanked from support, quoted staff
    ("السلام عليكم، اسمي خالد الزهراني وطلبي تأخر", "خالد الزهراني"),
    ("huge thx tremaine from support, sorted in 5 mins", "tremaine"),
    ('the live chat agent ("Oyelaran") hung up on me twice', "Oyelaran"),
    # a lower-case name after a friend's or housemate's word
    ("my flatmate zuberi keeps ordering on my card", "zuberi"),
    ("my guy kwabena paid for it, not me", "kwabena"),
    ("ur courier olusegun was a star today 🌟", "olusegun"),
    # an Indian PAN of a person after "pan"; a town's four-digit postcode after a lower-case address
    ("kyc pending, my pan is BXLPK7725Q", "BXLPK7725Q"),
    ("it says delivered to 9 ponsonby rd auckland 1011 but nope", "9 ponsonby rd auckland 1011"),
    # a Philippine "Blk … Lot …" and a Pakistani "house … street …" address without commas
    ("pa deliver po sa blk 14 lot 7 villa verde subd dasmariñas cavite 4114 salamat",
     "blk 14 lot 7 villa verde subd dasmariñas cavite 4114"),
    ("bhai deliver to house 221 street 14 g-9/3 islamabad shukriya", "house 221 street 14 g-9/3 islamabad"),
    # a delivery address without commas after its cue; Singapore lines
    ("addy: flat 12b lotus heights powai mumbai 400076", "flat 12b lotus heights powai mumbai 400076"),
    ("new address:\nBlk 27 Marsiling Drive\n#04-88\nSingapore 730027\nthanks", "#04-88"),
    ("new address:\nBlk 27 Marsiling Drive\n#04-88\nSingapore 730027\nthanks", "Singapore 730027"),
])
def test_session25c_personal_data_is_masked(plain, tagged, text, value):
    assert masked(plain, text, value)
    assert masked(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # social handles with dots after a word: no e-mail address
    ("saw ur post!! my tiktok is @velvet.kiln.studio follow back", "@velvet.kiln.studio"),
    ("cc @harbour.eats.daily pls repost", "@harbour.eats.daily"),
    ("giveaway winner was @moss.and.marigold congrats", "@moss.and.marigold"),
    # titles, performers, footballers, public figures, game items, shops, trades
    ("@FlixHub when is Crimson Orchard season 2 coming back??", "Crimson Orchard"),
    ("the Ayra Starr concert got moved, refund pls", "Ayra Starr"),
    ("@KickBet u voided my slip bc Lookman scored in the 3rd min?? joke", "Lookman"),
    ("refund the skin pls, its Neon Wraith 2,400 coins", "Neon Wraith"),
    ("my package from Zelvora says delivered but its not here", "Zelvora"),
    ("Mama Tolu's Suya via Chowdeck was cold again", "Mama Tolu"),
    ("watched Idris Elba's new film on ur app and it kept buffering", "Idris Elba"),
])
def test_session25c_not_personal_data_stays_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # a firm's KRA PIN and TIN stay kept
    ("our company KRA PIN P051928374Z for the invoice", "P051928374Z"),
    ("supplier TIN 204-551-873 on the invoice please", "204-551-873"),
    # look-alikes of the new address forms
    ("block 4 of the course keeps crashing at 12345 points", "block 4"),
    ("12 Harbour Road Order 44120-883 still not here", "Order 44120-883"),
    ("booking ID no 55120837 wont load", "55120837"),
    ("same issue as my neighbour, router keeps dropping", "router"),
    ("your colleague ask me for the code twice", "ask"),
    ("what time does the coach leave tomorrow", "leave"),
    ("the driver was late again and ur rider never came", "never"),
    ("our firm pan AAACK4410M is on the invoice", "AAACK4410M"),
    ("my house 12 street away from the shop is flooded", "12 street"),
    ("house 14 street 9 is where the parcel went", "where"),
])
def test_session25c_guards_look_alikes_stay_unmasked(tagged, text, value):
    assert not touched(tagged, text, value)


@pytest.mark.parametrize(("text", "value"), [
    # made-up names next to the new filters
    ("my son Tremaine scored twice in the match, can u void my bet", "Tremaine"),
    ("my parcel from my cousin Ngozika Oyelaran came opened", "Ngozika Oyelaran"),
    ("bought 2 tix for Ngozika Oyelaran at the box office, she cant come", "Ngozika Oyelaran"),
    ("its Tremaine here, season 2 of the show wont play", "Tremaine"),
    ("email me at ngozika.o @ yahoo.com thanks", "ngozika.o"),
    ("I'm Oyelaran, my kitchen tap is still leaking", "Oyelaran"),
    ("email me at zuberi @gmail.com please", "zuberi"),
    ("reach me: oyelaran @ yahoo.co.uk", "oyelaran"),
    ("the postcode is BS7 1CP right", "BS7 1CP"),
    ("shoutout to oyelaran @oyelaran.crafts.hub for the cake", "oyelaran"),  # the word before a handle
])
def test_session25c_guards_personal_data_stays_masked(tagged, text, value):
    assert touched(tagged, text, value)
