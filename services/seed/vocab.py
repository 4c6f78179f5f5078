"""Word lists for Brightwave Home's invented customers: names, places, contact details. All made up by us."""

from __future__ import annotations

FIRST_NAMES = (
    "Dana", "Marcus", "Aisha", "Liam", "Sofia", "Mateo", "Priyanka", "Kenji", "Chloe", "Tunde", "Elena", "Noah",
    "Fatima", "Oliver", "Mei", "Diego", "Hannah", "Kwame", "Ingrid", "Rahul", "Zoe", "Yusuf", "Camille", "Ethan",
    "Nadia", "Lucas", "Amara", "Finn", "Grace", "Hiroshi", "Isabel", "Jamal", "Katarzyna", "Leon", "Maya", "Nikos",
    "Olivia", "Pedro", "Quinn", "Rosa", "Samir", "Tessa", "Uma", "Viktor", "Wen", "Ximena", "Yara", "Zainab",
    "Aoife", "Bjorn", "Carmen", "Dmitri", "Esther", "Farah", "Giulia", "Hamza", "Ines", "Jonah", "Leila", "Moritz",
    "Niamh", "Oscar", "Paloma", "Ravi", "Sienna", "Tomasz", "Valentina", "Wei", "Ama", "Declan",
)
LAST_NAMES = (
    "Reyes", "Okafor", "Patel", "Nguyen", "Schmidt", "O'Brien", "Kowalski", "Haddad", "Tanaka", "Johnson",
    "Garcia", "Müller", "Rossi", "Dubois", "Mensah", "Andersson", "Kim", "Singh", "Murphy", "Fernandes",
    "Novak", "Costa", "Bakker", "Ibrahim", "Walsh", "Chen", "Lopez", "Adeyemi", "Larsen", "Moreau",
    "Cohen", "Papadopoulos", "Kaur", "Smith", "Williams", "Brown", "Taylor", "Wilson", "Martin", "Jansen",
    "Hughes", "Ali", "Rahman", "Ortega", "Silva", "Yilmaz", "Horvath", "Nakamura", "Osei", "Byrne",
    "De Vries", "Lindqvist", "Castillo", "Bianchi", "Park", "Mahmoud", "Fischer", "Wright", "Edwards", "Kovac",
)

# region -> (currency, weight, ((country, city, phone pattern, postcode pattern), ...))
# Phone patterns are fictional ranges; '#' is a random digit. Every pattern is one the PII detector finds whole.
REGIONS = {
    "US": ("USD", 55, (
        ("US", "Austin", "+1 512 555 01##", "787##"), ("US", "Denver", "+1 303 555 01##", "802##"),
        ("US", "Portland", "+1 503 555 01##", "972##"), ("US", "Chicago", "+1 312 555 01##", "606##"),
        ("US", "Atlanta", "+1 404 555 01##", "303##"), ("US", "Seattle", "+1 206 555 01##", "981##"),
        ("US", "Boston", "+1 617 555 01##", "021##"), ("US", "Phoenix", "+1 602 555 01##", "850##"),
        ("US", "Minneapolis", "+1 612 555 01##", "554##"), ("US", "Raleigh", "+1 919 555 01##", "276##"),
        ("US", "San Diego", "+1 619 555 01##", "921##"), ("US", "Nashville", "+1 615 555 01##", "372##"),
        ("US", "Philadelphia", "+1 215 555 01##", "191##"), ("US", "Columbus", "+1 614 555 01##", "432##"),
    )),
    "UK": ("GBP", 27, (
        ("UK", "London", "+44 7700 900 ###", "SE1 #AB"), ("UK", "Manchester", "+44 7700 900 ###", "M# 4JD"),
        ("UK", "Leeds", "+44 7700 900 ###", "LS# 7QT"), ("UK", "Bristol", "+44 7700 900 ###", "BS# 2NF"),
        ("UK", "Glasgow", "+44 7700 900 ###", "G# 3RX"), ("UK", "Edinburgh", "+44 7700 900 ###", "EH# 6LP"),
        ("UK", "Cardiff", "+44 7700 900 ###", "CF# 1AZ"), ("UK", "Birmingham", "+44 7700 900 ###", "B# 8HS"),
        ("UK", "Brighton", "+44 7700 900 ###", "BN# 5GE"), ("UK", "Belfast", "+44 7700 900 ###", "BT# 9DW"),
    )),
    "EU": ("EUR", 18, (
        ("DE", "Berlin", "+49 30 9012 ####", "10###"), ("DE", "Hamburg", "+49 40 7321 ####", "20###"),
        ("NL", "Amsterdam", "+31 20 794 ####", "10## KP"), ("NL", "Utrecht", "+31 30 612 ####", "35## BC"),
        ("FR", "Lyon", "+33 612 345 ###", "6900#"), ("FR", "Paris", "+33 623 456 ###", "750##"),
        ("IE", "Dublin", "+353 87 555 ####", "D0# X2Y4"), ("ES", "Madrid", "+34 612 345 ###", "280##"),
        ("IT", "Milan", "+39 02 1234 ####", "201##"), ("PT", "Lisbon", "+351 912 345 ###", "1100-###"),
        ("AT", "Vienna", "+43 660 123 ####", "10#0"), ("BE", "Brussels", "+32 470 12 34 ##", "10#0"),
        ("DK", "Copenhagen", "+45 20 12 34 ##", "2#00"), ("PL", "Warsaw", "+48 512 345 ###", "00-###"),
    )),
}
CURRENCY_SYMBOL = {"USD": "$", "GBP": "£", "EUR": "€"}
FX_FROM_USD = {"USD": 1.0, "GBP": 0.79, "EUR": 0.92}

EMAIL_DOMAINS = ("example.com", "example.net", "example.org", "mail.example", "inbox.example", "post.example")
STREET_NAMES = ("Maple", "Oak", "Elm", "Cedar", "Willow", "Harbour", "Station", "Church", "Mill", "Park", "Lake",
                "River", "Highland", "Victoria", "Kings", "Canal", "Orchard", "Meadow", "Linden", "Chestnut", "Bay")
# Suffixes the address detector knows, so written addresses are masked.
STREET_SUFFIXES = ("Street", "Road", "Avenue", "Lane", "Drive", "Way", "Court", "Place", "Close", "Crescent", "Terrace")
UNITS = ("", "", "", ", Apt 4B", ", Flat 2", ", Unit 7", ", Apt 12")

TIERS = (("standard", 54), ("silver", 26), ("gold", 15), ("vip", 5))
ORDERS_PER_TIER = {"standard": 1.0, "silver": 2.0, "gold": 3.4, "vip": 5.5}
PAST_SPEND_PER_TIER = {"standard": (0, 300), "silver": (400, 1200), "gold": (1300, 3500), "vip": (4000, 12000)}

HANDLE_SHARE = 0.35
CHANNEL_WEIGHTS = (("chat", 45), ("email", 25), ("social", 15), ("voice", 15))
BRAND_HANDLE = "@BrightwaveHelp"
HELP_URL = "https://help.brightwavehome.example"
TRACK_URL = "https://brightwavehome.example/track"
