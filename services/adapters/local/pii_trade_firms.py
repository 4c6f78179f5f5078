"""Firms, shops and services named by a trade or business word and a surname, a first name, a place or an invented
word, with no legal form (session 43's 43-8, a second look at session 41's 41-1 trade words): the words
pii_institution_names reads as a firm's, added to its own (HEADS, pii_firm_words.txt's trades and departments).

What it finds: the trade words of the table below, one list per language ("Heizung Maier", "Harrison Heating",
"Transports Girard", "Dawson's Autoworks", "Autoservis Horvat", "Stavebniny Karlín", "Obrt Toplina", "Apartmani
Lavanda", "Fitland Sportscholen", "Boğaziçi Elektrik", "Fiduciaire Delmas", "Haustechnik Pfeifer"), and compound
endings that name a trade ("Haus|technik", "Auto|schade", "Kantoor|inrichting", "Fjern|varme"), so that a PERSON span
holding one, or touching one, is a firm's name and is dropped by pii_institution_names.without_institutions when no
one in the message bears its name. A span of capitalised trade words and ONE first name ("Autoservice Horst",
"Harrison Heating") is a firm's name too: a shop named after its owner's first name. A trade word counts only
capitalised ("the van eats diesel" is no firm).

What it never takes (the look-alikes), with the rules of pii_institution_names (which still apply):
- a name borne by someone in the message: the same name masked elsewhere, said after a first name or a title
  ("Benoît Garnier … Garnier Paysage", "Herr Maier … Heizung Maier"): masked inside the firm too (the convention of
  tests/data/pii/build.py);
- a person's full name beside a trade word ("Usługi Remontowe Paweł Grabowski", "Joanna Krawczyk Tłumaczenia"): a
  first name and another name word are a person's; a department or a team word before a first name ("Buchhaltung
  Anna") is a person in a team, read only for the trade words here;
- a trade word that is also a surname or a given name: the occupational surnames ("Baker", "Smith", "Müller",
  "Schneider", "Fischer", "Mason", "Cooper", "Bois", "Ferrari", "Kowal", "Luz") are not here, and no word is inside a
  labelled PERSON span of tests/data/pii (tests/adapters/local/test_pii_trade_firms.py checks);
- a span over a line break ("Gareth\\nPenrose Marquee Hire": the sole trader's name above his firm's).
"""

from __future__ import annotations

# trade and business words (lower case), one list per language: a firm is named by one of them and a proper name or a
# place; occupational surnames are left out
TRADES: dict[str, str] = {
    "en": """storage freight couriers roofing plumbing heating electrical electricals engineering construction
        builders carpentry flooring tiling fencing paving drainage cleaning catering bakery brewery dairy printing
        printers tyres autos autoworks motorworks coachworks bodyshop recycling rentals timber hardware kitchens
        bathrooms furniture lighting textiles fabrics apparel clothing cosmetics opticians optometrists veterinary
        florists landscapes trading traders imports exports wholesale distribution distributors solutions
        technologies electronics computing software telecoms broadband fibre fiber networks healthcare surveyors
        adjusters accountants accounting accountancy advisory realty residential merchanting merchants chemists
        physiotherapy fibrenet fibernet dentistry laboratories decorators locksmiths carpets blinds
        developments coaches taxis shipping parcels electricity lending upholstery glaziers scaffolders plumbers
        electricians aggregates marquees hospitals shoes eats dhaba hostel sports sport produce systems medical
        print signs contracting contractors retail""",
    "de": """fuhrpark kfz umzüge entsorgung reinigung sanitär heizung heizungen elektro bedachungen fliesen möbel
        küchen floristik brandschutz akustik zeitarbeit touristik feinkost getränke brauerei fleischerei konditorei
        backwaren lebensmittel vertrieb versand rechtsschutz versicherungen kranken anlagenbau elektronik
        automation gerüstbau tiefbau hochbau montage verpackung leuchten wohnbau haustechnik autoservice
        kfz-service kabel""",
    "nl": """thuiszorg schilders hoveniers koeriers verhuizingen schoonmaak installaties dakwerken timmerwerken
        kozijnen keukens meubelen adviseurs makelaars verzekeringen dienstverlening groenvoorziening zuivel
        vleeswaren reclame advocatuur sportschool sportscholen syndicus immo autoschade fietsenmakerij
        kantoorinrichting""",
    "fr": """outillage outillages boissons paysage paysages couverture déménagements peinture rénovation bâtiment
        travaux terrassement isolation informatique électronique télécom matériaux fromagerie boucherie
        charcuterie traiteur pâtisserie négoce fournitures équipements expertise expertises santé habitat groupe
        colis crédit emballage froid coiffure carrelage vitrerie élagage paysagiste pressing automobiles pneus
        dépannage métallerie chaudronnerie usinage mécanique fiduciaire""",
    "es": """peritaciones peritajes talleres electricidad climatización mudanzas informática maquinaria cerámicas
        aluminios cristalería jardinería alimentación conservas ingeniería automoción neumáticos recambios grúas
        excavaciones pinturas cerrajería embutidos electrodomésticos autoescuela floristería carnicería frutería
        pescadería peluquería gestiones envíos comercializadora hostal sistemas industrias""",
    "it": """salumificio elettronica arredo spedizioni autotrasporti termoidraulica meccanica carrozzeria gommista
        pneumatici tessile tessuti abbigliamento calzature alimentari oleificio pastificio mobilificio maglificio
        lanificio macelleria pasticceria gelateria fioreria autoricambi infissi elettrica termotecnica
        autolavaggio pulizie giardinaggio vivai elettrodomestici assicurazioni consulenze elevatori carrelli
        pelletteria legnami vetreria imballaggi birrificio oreficeria elettroforniture sistemi""",
    "pt": """mudanças reparações eletricidade electricidade mobiliário limpezas pastelaria padaria têxteis calçado
        ferragens garrafeira termogás""",
    "ro": "curier construcții instalații tipografie distribuție furnizare",
    "lv lt et": """kravu serviss pārvadājumi būvniecība loģistika tirdzniecība statyba transportas prekyba servisas
        ehitus teenused kaubandus autoremont hotell""",
    "fi": "sähkö siivous korjaamo autokorjaamo konepaja kuljetukset logistiikka huolto liikenne",
    "sv da no": """verkstad verksted værksted entreprenad entreprenør rengøring renhold emballage bilsenter bilsenteret
        fjernvarme fjärrvärme vognmand maskinstation rörmokeri plåtslageri trävaror frakt boligselskabet
        boligselskab""",
    "pl cs sk sl hr": """zakład przedsiębiorstwo ekspres konstrukcje spedycja przewozy meble stolarstwo stolarka
        poligrafia remonty nieruchomości nieruchomościami tłumaczenia gazownia elewator instalace nábytek
        truhlářství kovovýroba zámečnictví stavebniny autosklo autoservis obrt apartmani frizerski podjetje""",
    "hu is": "nyomda fuvarozás kereskedés építőipari hótel",
    "tr ms af": "elektrik enerji kargo nakliye merkezi tenaga versekering",
    "el bg": "ελαιουργική κατασκευαστική μεταφορική ναυτιλιακή ηλεκτρολογική топлофикация имоти център",
    # session 45 (45-3): insurers, banks, utilities, property and law firms, tax advisers, builders and servicers
    # named by their kind ("Vakuutusyhtiö Pohjola", "Ejendomsselskabet Nordhavn", "Advokatfirmaet Friis & Holst",
    # "Reformes Casals", "Klima Jadran", "Пощенска банка", "Northgrid Hydro", "Energia Adriatica")
    "45 fi et": """vakuutusyhtiö keskinäinen vakuutus tilitoimisto isännöinti asianajotoimisto kiinteistöt pankki
        osuuspankki sähköyhtiö energia kindlustus kinnisvara""",
    "45 sv da no": """ejendomsselskabet ejendomsselskab ejendomme advokatfirmaet advokatfirma advokatfirman advokatbyrå
        advokatbyrån revisionsfirma forsikring forsikringer försäkring försäkringar sparebank sparbank sparekasse
        sparekassen andelsboligforeningen andelsboligforening boligforening eiendom fastigheter byggefirma""",
    "45 de nl": """steuerkanzlei steuerberatung versicherig versicherungen immobilien hausverwaltungen vve beheer
        vastgoed""",
    "45 es ca it pt": """reformes reformas asesoría gestoria instal·lacions instalaciones construcciones fontanería
        lampisteria energia banca""",
    "45 hr sr sl bs": "klima servis osiguranje zavarovalnica zavarovanje toplana prijevoz gradnja vodovod",
    "45 bg ru uk": "сервиз сервис банка банк застраховане застрахователна енерго енергия куриер ремонт",
    "45 lv lt": "siltums apdrošināšana apsaimniekotājs draudimas bankas energija",
    "45 pl cs sk hu ro tr": "ubezpieczenia energetyka biztosító asigurări sigorta bankası",
    "45 en id sw": "hydro insurers asuransi insurans benki bima",
}
WORDS = frozenset(w for words in TRADES.values() for w in words.split())

# compound endings that name a trade ("Haustechnik", "Autoschade", "Kantoorinrichting", "Fjernvarme"): read by
# pii_institution_names only on a word longer than the ending by three letters or more
ENDS = ("technik", "techniek", "diensten", "dienstleistungen", "schade", "inrichting", "verkstad", "verksted",
        "værksted", "varme", "heizung", "sanitär", "installatie", "installaties", "reinigung", "logistik",
        "transporte", "forniture", "beheer", "vakuutus", "försäkring", "forsikring", "-bank", "-banka")
# session 45 (45-3): "VvE-beheer", "JKL-BANK" above, and compound beginnings that name a trade ("Courier|link",
# "Telkom|Flow"), read as ENDS are (on a word longer than the beginning by three letters or more)
STARTS = ("courier", "telkom", "telecom", "telekom")

