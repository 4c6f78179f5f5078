"""Build NAME.jsonl from each marked-up source src_NAME.txt (dev, test, the blind batches), all written by us.

A source line is one message: ``[[KIND:value]]`` marks PII that must be masked, ``{{KIND:value}}`` a value that must
not be (order/tracking numbers, dates, amounts…); ``\\n`` is a line break; a line may start with
``@names=First Last|Other Name<TAB>`` (the customer's name from the CRM); ``#`` lines are comments.
Run: python tests/data/pii/build.py

Labelling conventions (every set follows them):
- Titles stay outside a name (``Dr. [[PERSON:Ingrid Solberg]]``); an address is marked whole, units, house names,
  postcode and town included (``[[ADDRESS:Flat 2, 17 Brunswick Square, Hove BN3 1EH]]``); a city alone is not PII.
- **A person's name inside a business's name** (since session 11): the business name is kept (``{{COMPANY:Patel
  Brothers Grocery}}``, ``{{COMPANY:O'Driscoll Builders}}``) **unless the same name is masked elsewhere in the
  message**; then that name is masked inside the business name too and the rest kept (``I'm [[PERSON:Aarav Patel]] of
  [[PERSON:Patel]] & Co Accountants``, ``[[PERSON:Kaur]] & Sons Plumbing, attention [[PERSON:Harpreet Kaur]]``).
  Why: a business name is not a person and the issue keeps company names, but leaving the surname of a masked writer
  in "Haddad Bakery" next to "this is [PERSON] from Haddad Bakery" would undo the masking. Brands named after founders
  (``Vorwerk``, ``Miele``, ``Dyson``) are companies, kept.
- **Bank details, national IDs, dates of birth** (since session 13's second part): a date of birth is personal data
  (``DOB [[DOB:12/02/1958]]``, ``date of birth?\nCustomer: [[DOB:third of March]]``), a date without a birth cue is
  kept (an order date), and a year alone (``born in {{DATE:1985}}``) is kept; a national ID number is personal data
  (``[[NATIONAL_ID:QQ 12 34 56 C]]``, ``[[NATIONAL_ID:12345678Z]]``); a bank account number is
  ``[[BANK_ACCOUNT:…]]``, the sort code inside it when written next to it (``[[BANK_ACCOUNT:40-77-12 31178842]]``),
  a sort code alone is left unmarked (it names a bank branch, not a person).
- **Written down in session 15** (what the older sets already do): a postcode alone is an ``[[ADDRESS:…]]``, also read
  out or spelled in the NATO alphabet (``[[ADDRESS:G12 8QQ]]``, ``postcode is [[ADDRESS:L S six, three A B]]``,
  ``[[ADDRESS:Lima Sierra two, seven Delta Golf]]``); a name spelled out is a ``[[PERSON:…]]`` (``[[PERSON:Lima Echo
  Whiskey India Sierra]]``); **every e-mail address is masked**, a company's or a team's mailbox too, in a quoted thread
  too (``[[EMAIL:support@lagosdigital.ng]]``, ``[[EMAIL:billing@quickhost.example]]``, ``[[EMAIL:info@panaderia-
  lopez.es]]``): an address is contact data and a mailbox's owner is not ours to judge; an e-mail inside a link is
  marked, the rest of the link is not; a card written in two halves is two ``[[CARD:…]]`` spans; a phone's extension is
  inside the ``[[PHONE:…]]`` span; a first attempt corrected in speech ("zero seven… sorry, I mean…") is marked too.
- **Written down since session 15's second round (blind18), as the older sets already label them**: an address over
  several lines is marked one line at a time (a mark cannot span ``\\n``); a UK postcode or an Eircode alone is
  ``ADDRESS`` (it names a few homes: ``eircode [[ADDRESS:V95 T2K8]]``), a US ZIP code alone is kept (``the zip is
  {{ZIP:30318}}``: it names a district of thousands); a customer's account number at a telecom, utility or shop and a
  staff or employee number are kept as ``{{REFERENCE:…}}``, an account at a bank is ``BANK_ACCOUNT``; articles stay
  outside a date of birth (``the [[DOB:nineteenth of July nineteen seventy two]]``), as outside a name; a national
  number is ``NATIONAL_ID`` (``SSN`` only for a US Social Security number); an employee's direct line or own work
  e-mail in a signature is masked (every e-mail address is, above); a name spelled out letter by letter
  is ``PERSON`` however the letters are joined (``N-K-O-S-I``, ``[[PERSON:K U M A R]]``).
- **Written down in session 17** (as blind20b's and blind22b's writers label it): the last four digits of a US Social
  Security number given to prove who one is are ``SSN`` (``and the last four of your social\nC: [[SSN:six six one
  four]]``: they are the verification secret itself); the last digits of a card or a phone stay kept
  (``{{LAST_DIGITS:0093}}``). blind21b's one row labelled otherwise was relabelled.
- **Written down in session 20, before blind26* was scored** (as blind26b's writer labelled it): a vehicle
  registration plate is kept (``{{VEHICLE_REG:KX19 ABC}}``), like a customer's account number at a shop — it names a
  car, and the agent of a parking, rental or insurance case needs it; a driving licence number is ``NATIONAL_ID``.
  A capitalised mood word is no name (``I am {{WORD:Furious}}``).
- **Written down in session 22, before blind28* was written** (as blind27*'s writers labelled it): a staff member's or
  agent's name is a ``PERSON``, a first name alone too (``this is [[PERSON:Thandi]] from billing``); a card's CVV/CVC
  given in clear is ``[[CVV:…]]`` (never stored: the ingestion's payment redaction removes it too); a bank's branch,
  sort, routing, transit, BSB or IFSC code alone is kept (``{{CODE:HDFC0001287}}``), inside the ``BANK_ACCOUNT`` span
  only when written as part of the account; a date of birth given wrongly and then corrected is a ``DOB`` both times; a
  mother's maiden name given as a security answer is a ``PERSON``; an account PIN or passcode is kept
  (``{{CODE:4471}}``: a secret of the account, not a fact about the person; the agent never needs it in a summary, but
  masking it as PII is not what these sets measure); a Kenyan KRA PIN is a tax number, ``NATIONAL_ID``.
- **Written down in session 22 after blind28* was written, before it was scored** (the calls its writers reported):
  every phone number is ``PHONE``, a company's switchboard or a clinic's booking line too (as every e-mail address
  is; three older rows keep a service line as ``PHONE_SERVICE`` and stand as written); an office address in a
  signature is an ``ADDRESS``; a Canadian postal code alone is an ``ADDRESS`` (like a UK postcode), an Australian or
  Philippine four-digit postcode alone is kept (``{{ZIP:3199}}``, like a US ZIP); a card's expiry date is kept; an
  e-mail address written with words is masked whole, the words included (``[[EMAIL:kieran dot walsh at gmail dot
  com]]``); a wrong address then corrected is an ``ADDRESS`` both times, and so is a part of a postcode said while the
  whole is being given; every @handle is kept, a private person's too; software versions are kept
  (``{{VERSION:v2.4.1}}``); ``{{DURATION:10 days}}`` leaves "ago" outside.
- **Written down in session 23 after blind29* was written, before it was scored** (the calls its writers reported):
  a company's own bank account, IBAN or card is masked like its e-mail and phone; a company's billing address is an
  ``ADDRESS``; statutory health and social-security numbers (NHS, KVNR, NISS, NUSS, número de utente) and a German
  ID-card number are ``NATIONAL_ID``, a private health plan's member card or a hospital record number is kept
  (``{{REFERENCE:…}}``); company tax and registration numbers (VAT, CIF, SIRET, CNPJ, KvK, HRB) are kept; a Dutch or
  Portuguese postcode alone is an ``ADDRESS``; a bare neighbouring house or unit number ("unit 3") is left unmarked, a
  spoken house number and street is an ``ADDRESS``; a UPI id and a customer's own crypto wallet address are
  ``BANK_ACCOUNT``; a username or gamertag without an @ is kept like a handle, a game's player id like a shop's
  account number; a door code, PAC, OTP or voucher is kept like a PIN; meter and supply-point numbers are kept; a
  value URL-encoded in a form dump is masked whole (``tevita.fifita%40gmail.com``); a misspelt or corrected name is a
  ``PERSON`` each time; initials stay inside a name, titles (Mrs, Herr, Dott.ssa, Aling) outside; a spelt surname and
  the spoken first name are separate spans; a card read aloud with a break is one span for each piece; a sender that
  is a company in a From line is kept; an IP address is ``IP_ADDRESS``.
- **Written down in session 23 after blind30* and blind31* were written, before they were scored**: honorifics stay
  outside a name in every culture (Chief, Alhaji, Mama, -san, ji, Dott.ssa, SGT); a number the customer masked
  themself (``**** 4417``, ``453912******5417``) is kept as ``LAST_DIGITS``, as are an account's, a masked Aadhaar's
  or an NRIC's last four (an SSN's and an Aadhaar's last four given to prove who one is stay personal); an ITIN and
  personal tax numbers (PAN, NIF, Steuer-ID, TFN, RFC, CUIL, BVN) are ``NATIONAL_ID``, business EIN and VAT numbers
  kept; a driving licence is ``NATIONAL_ID``; a Pix key, CLABE, CBU, NUBAN and a Polish account without ``PL`` are
  ``BANK_ACCOUNT``; a mobile-money wallet and a PayID/PayNow number are ``PHONE``; device and object identifiers
  (IMEI, ICCID, VIN, microchip), transaction ids, gift cards, frequent-flyer, hotel room, prescription and health-plan
  member numbers are kept; a home described rather than addressed ("the house opposite the church on Mill Road") is an
  ``ADDRESS`` when it picks out one dwelling, a street, suburb or landmark alone is a kept ``PLACE``; the customer's own
  house or flat number given alone while giving the address is an ``ADDRESS``; a Singapore or Brazilian postcode, a
  Ghana digital address and a Saudi short address alone are ``ADDRESS``, an Indian PIN, a Japanese, German, French,
  Mexican, NZ or Malaysian postcode alone is kept; a town given as the address's own field or turn is part of it; a
  name after c/o, S/o or on a doorbell is a ``PERSON``; a name spelled right after it is said is a second span; a name
  that is also a word is kept as ``WORD`` where it is used as the word; a famous person the message is about is kept
  (``PUBLIC_FIGURE``), a private person with a famous name is a ``PERSON``; a phone extension is inside the phone.
- **Written down in session 23 after blind32* was written, before it was scored**: a PO box of the customer's is an
  ``ADDRESS``; Don, Sr., Mag., Dr. med., dott., sig. stay outside a name, an initial inside; a name a company's letter
  got wrong is a ``PERSON``; a spoken IBAN read in groups without a break is one span; a Pix key that is an e-mail is
  ``BANK_ACCOUNT``; the letters of an e-mail's local part spelled after it are a ``PERSON`` when they spell a name; a
  prepaid-meter token, a buzzer or gate code, a locker number, a PCN, bag tag, visa application, police report or
  transaction id is kept; a sort code written with the word "account" between it and the account is kept apart; a
  school named after a public figure is kept as ``COMPANY``; a street named alone in an accident report is a kept
  ``PLACE``; in "c/o Familie Reuter" only the surname is a ``PERSON``.
- **Written down in session 24 after blind33* was written, before it was scored** (the calls its three writers
  reported): a care home's name and room inside a resident's address are part of the ``ADDRESS``; a country named
  alone is a kept ``PLACE``; a train is kept (``{{TRAIN:ICE 578}}``), a link with no one's data in it too
  (``{{URL:…}}``); amounts read aloud are kept, the currency word after them outside; day-only or day-month dates are
  kept; a company's name line above its billing or supplier address is kept, the street and town lines are
  ``ADDRESS``; a card number spoken in two halves is two ``CARD`` spans; a surname spelled with a spelling alphabet
  ("N wie Nordpol", "s as in sugar") is one ``PERSON`` span, the helper words inside; pauses inside a spoken number do
  not break it, a real break ("um hold on") does; an agent reading back part of an e-mail without its domain is
  ``EMAIL``, a nickname that is the local part repeated alone a ``PERSON``; ages, temperatures and counts are kept;
  Medicare, OHIP, PhilSys, a South African ID, Cartão SUS, CIE, dowód osobisty, CNH and a rijksregisternummer are
  ``NATIONAL_ID``, private medical-aid, insurer and hospital numbers are kept; a BSB or BIC is a kept ``CODE``; a UPI
  id the money wrongly went to is ``BANK_ACCOUNT``, a Pix key that is a CPF too; a UK, Canadian or Irish postcode in
  its own turn is ``ADDRESS``, a US ZIP or Australian postcode alone a kept ``ZIP``; meter numbers, readings,
  prepaid tokens, OTPs and gate codes are kept; a phone's last two or three digits are ``LAST_DIGITS``; brands and
  places that read as ordinary words in lower case are kept ("three", "sassa", "tuam road"); signature roles are
  ``JOB_TITLE``, team lines ``TEAM``, websites ``URL``, the "Tel."/"Fax" labels outside the phone; company numbers
  (VAT, KvK, NIP, REGON, KRS, CNPJ, NIPC, P.IVA, HRB, EORI) are ``CODE``; a managing director named in a signature is
  a ``PERSON``; in a family firm sharing the masked writer's surname only the surname is masked, a partner's surname
  in the firm's name is kept; public bodies are ``ORG``, insurers, hospitals and shops ``COMPANY``; capitalised German
  and Dutch nouns that read like names are kept as ``WORD``; Polish vocatives and genitives of names are ``PERSON``
  (Pani, Panie, dr outside), as are a neighbour's or a parcel's addressee's surname; "Familie X" masks the surname
  only; a birthplace in a form is a kept ``CITY``; a firm's collection or warehouse address is an ``ADDRESS``; a
  public routing number and a university's domain inside a masked e-mail are no one's data.
- **Written down in session 24 after blind34* was written, before it was scored**: a pet's name is kept (``PET``);
  an attacker's IP address and e-mail and a scammer's phone are masked like anyone's; a national id typed wrongly then
  corrected is ``NATIONAL_ID`` both times; hotel rooms (``ROOM``), meter readings (``READING``), temperatures, weights,
  school classes and German calendar weeks are kept; a mortgage reference and a bank's customer id are kept
  (``REFERENCE``); in "familia Castro Vidal" only the surnames are a ``PERSON``; "Fabienne et Marc Zürcher" is two
  spans; the other driver in an accident report and a private first name on a cake are ``PERSON``; a parcel's wrong
  delivery address and the customer's own house number alone are ``ADDRESS``; a Personalausweis number, a NUSS, a
  NIR given for a child's booking, an Ontario driving licence and a Singapore FIN are ``NATIONAL_ID``; the display
  name of a team in a quoted From line is ``TEAM``; a landmark direction written onto a home address is inside the
  ``ADDRESS``, a landmark in its own clause a kept ``PLACE``, a named estate or complex alone a kept ``PLACE``;
  student, matriculation and applicant numbers are kept; universities are ``ORG``; an M-Pesa paybill, a USSD code and
  a SWIFT code are kept ``CODE``; a Mercado Pago alias and a Pix key that is a phone are ``BANK_ACCOUNT``; PayNow,
  Nequi, Daviplata, MoMo, Vodafone Cash and M-Pesa numbers are ``PHONE``, their transaction ids kept; a person's
  invoicing name (razón social) is a ``PERSON``, a one-person seller's CUIT ``NATIONAL_ID``; "Mummy Tobi" and "doña
  Lupe" mask the name only; a phone inside a link is a ``PHONE``, the rest of the link kept; gamertags are kept
  (``USERNAME``), a handle that spells a private person's name too; a sole trader's personal tax id (a plumber's NIF
  that is his DNI, a codice fiscale in a one-person shop's footer) is ``NATIONAL_ID``, a business's own tax number
  (P.IVA, Steuernummer, KvK, BTW-id) a kept ``CODE``; statutory health funds are ``COMPANY``, public offices, courts
  and health centres ``ORG``; a unit inside a building given as the writer's address is ``ADDRESS``, a neighbour's
  unit left unmarked; a building site's or a permit's property address and each address field of a form are
  ``ADDRESS``; a profile link whose slug spells a name is kept (``URL``); a municipal short number is a ``PHONE``;
  benefit, member, supply-point and fine-notice numbers are kept, a credit union savings account is ``BANK_ACCOUNT``,
  a French numéro fiscal ``NATIONAL_ID``; "Baumgärtner, Uwe" is one span.
- **Written down in session 24 after blind35* was written, before it was scored**: a sort code on its own form line
  is a kept ``CODE``; a passport number entered wrongly then correctly is ``PASSPORT`` both times; a named driver's
  licence is ``NATIONAL_ID``; stations, shopping centres, malls, highways and street-named branches are kept
  ``PLACE``; a payee's name with its initial is a ``PERSON``; a device serial, a transfer session id, an error code, a
  promo or door code are kept; an order number read aloud is one kept span; a statement's merchant descriptor is a
  kept ``COMPANY``; a passport's expiry is a kept ``DATE``; a Cash App $cashtag is kept like a handle; CURP, a personal
  RFC, NIN, PhilHealth, SSS, NHI, MyKad, SIN, a CNS matricule and driving licences are ``NATIONAL_ID``; Kuya, Gogo,
  Encik, Engr. stay outside a name, "Ma." for María inside; pay-TV smartcards, game ids with their server, medical-aid
  and hospital numbers, payroll numbers and police report numbers are kept; a transfer to a wrong phone wallet or
  PayID is ``PHONE`` each time; sports teams are kept ``ORG``, matches and leagues ``EVENT``; an amount with its
  currency word inside ("sixty two pound forty") is one span; relatives and a landlord named by the caller are
  ``PERSON``, a lower-case first name alone too; an eircode read back, or misheard then corrected, is an ``ADDRESS``;
  opening hours are kept (``HOURS``); a firm's website containing its owner's surname is a kept ``URL``; the writer's
  own unit in their building given without a street is an ``ADDRESS``, a stairwell or a building alone kept; a house
  number in a public-road report is unmarked; "Hendrikus (Henk) Oosterveld" is three spans; a subject line that
  carries a property's address holds an ``ADDRESS``; a child's class and a parcel-locker id are kept.
- **Written down in session 24 after blind36* was written, before it was scored**: RAMQ, AVS/AHV, a Colombian cédula,
  a Chilean RUT, a Catalan CIP, a Belgian driving licence and a private taxpayer's German Steuernummer are
  ``NATIONAL_ID``; a date of death is a kept ``DATE``; the same surname in a business's name is masked whenever that
  name is masked in the message, related or not — but a place adjective that happens to match it ("Zürcher
  Kantonalbank") is not; the customer's own house or unit number said alone is an ``ADDRESS``, a neighbour's or a
  wrong door's left unmarked, a named residence or building alone a kept ``PLACE``; an amount read aloud with its
  currency word inside is one span; ages, percentages, weights and tyre sizes are kept; regions, landmarks and
  street-named shops or branches are kept ``PLACE``; supply-point and service numbers, a car's model year, a phishing
  link, a SEPA creditor id and a mandate reference are kept; OPay and TNG wallet numbers are ``PHONE``; a mistyped
  account or PayID is personal each time; an agent spelling an e-mail's local part back is a ``PERSON``; scheme and
  document names alone are unmarked; game currencies and item counts are kept; an Outlook "Last, First" name with its
  particle at the end ("Dijk, Sanne van") is one span, "Mulder, J.A. (Johan)" two; "i. A.", "Im Auftrag", "juf",
  "Rag.", "Egr.", "Me", "D." stay outside a name; both surnames of "Idraulica Galli di Galli Davide" are masked;
  a notary named by title is a ``PERSON``; a vocative first name alone is a ``PERSON``.
- **Written down in session 25 after blind37* was written, before it was scored**: a town said with the writer's
  spoken address in the same turn is part of that ``ADDRESS`` (or a second span after "en"/"in"); the writer's
  surname inside a firm's, a wedding's or a family firm's name is masked, a partner's name and the legal form kept;
  a Colombian tarjeta de identidad, a Quebec RAMQ, a Belgian or Texas driving licence, a PhilHealth "PIN", a Catalan
  CIP, an Italian carta d'identità, a UK UTR, a French numéro fiscal and a Luxembourg matricule are ``NATIONAL_ID``; a
  UPI id for a refund is ``BANK_ACCOUNT``; a DuitNow or PayNow id that is a phone number is a ``PHONE``; baggage
  report (PIR/RIB) and bag-tag numbers, transfer session ids and CROs, travel-card, bond-lodgement, super-fund,
  mutual-insurer, private health-insurer and US plan member numbers, enrolment and passport-application file
  numbers, frequent-flyer and deposit-slip numbers, CAF, e-ZLA and land-register numbers, a Swiss tax QR reference
  are kept ``REFERENCE``; a VIN, cadastral parcel numbers, UK tax codes, a routing number read aloud, a licence class
  and a Medicare line number are kept ``CODE``; a hospital ward, a stairwell and a named landmark are kept
  ``PLACE``; a card's first six and last four with asterisks is one kept ``LAST_DIGITS``; a plate read aloud with
  its region is one ``VEHICLE_REG``; percentages, counts, ages and quantities are kept; a spoken German date of birth
  is one ``DOB``; a surname said, spelled letter by letter ("H wie Heinrich") and the first name are three
  ``PERSON`` spans, an agent's read-back of a surname a ``PERSON``; "binti", "dela" stay inside a name, "Encik"
  outside; "X son of Y" is two spans; two surnames on one letterbox are two spans; a name a company got wrong is a
  ``PERSON``; an ID or an account number given wrongly and then rightly is personal both times; a municipal
  card-blocking hotline is a ``PHONE``; a neighbour's house number is unmarked.
- **Written down in session 25 after blind38* was written, before it was scored**: a building society roll number is
  ``BANK_ACCOUNT``; a Pix key that is a phone number is ``BANK_ACCOUNT``; a NUBAN sent wrongly and the right one are
  ``BANK_ACCOUNT`` both; a doctor's surname in a practice's greeting is a ``PERSON`` (title outside); GP surgeries and
  public bodies are ``ORG``, private clinics and pharmacies ``COMPANY``; Swiss, Belgian, Dutch and Australian private
  insurer member numbers are kept ``REFERENCE`` (Medicare and AHV beside them are ``NATIONAL_ID``); an Italian
  tessera sanitaria number, an Italian CIE, a French CNI, a Spanish driving licence, a private German Steuernummer and
  a Deutsche Rentenversicherung number are ``NATIONAL_ID``; a sole trader's NIP is ``NATIONAL_ID``, a company's NIP and
  KRS kept ``CODE``; a spoken customer number, a Kenyan loan reference and a JazzCash request id are kept
  ``REFERENCE``; supply points (MPRN, EAN, CUPS, PDR), meters, cadastral and tax-form codes, a company registration
  and a transit number with its own label are kept ``CODE``; land-register, notary, court, probate, parking-fine,
  SEPA mandate, merchant and POS contract numbers are kept ``REFERENCE``; an agent's read-back of a postcode is an
  ``ADDRESS``; a number corrected mid-speech is two spans; "Sunday" and "Danish" used as first names are ``PERSON``;
  passenger and parcel-recipient names are ``PERSON``; a seller's order mailbox, a PayID that is an e-mail and a
  scammer's number are personal (``EMAIL``, ``PHONE``); a scam IBAN is an ``IBAN``; a company's free-phone line is a
  ``PHONE``; a highway is a kept ``PLACE``, a plate with its state one ``VEHICLE_REG``; "Maestra" stays outside a
  name; a first name repeated in a sign-off is a second span; a maiden name after "geb." or "née" is its own span;
  the writer's own flat or unit alone is an ``ADDRESS``, a building, a stairwell or a meeting room a kept ``PLACE``;
  sizes, ages, temperatures, quantities and opening hours are kept; scheme and course names are unmarked.
- **Written down in session 25 after blind39* was written, before it was scored**: a sort code or BSB labelled apart
  from the account is a kept ``CODE``, read aloud in one run with the account it is one ``BANK_ACCOUNT``; a number
  given by mistake then withdrawn is personal both times; an Austrian e-card number, a Belgian eID number, a Spanish
  CIP and an Italian tessera sanitaria are ``NATIONAL_ID``; Swiss basic and private insurer numbers, Belgian
  ziekenfonds, CAF, Dutch health policy, Irish RTB tenancy, Centrelink CRN, DStv, Singtel and paybill references and
  spoken policy and customer numbers are kept ``REFERENCE``; meter points, market locations, toll tags, terminal ids,
  a Gas Safe registration, an installation number, a porting NIP, a SAT regime code, an IMEI, a Steuerklasse and
  school classes are kept ``CODE``; Medicare as a body is ``ORG``, its card number ``NATIONAL_ID``; scam numbers
  reported by the customer are ``PHONE``, a phishing link a kept ``URL``; a name a lender got wrong, a surname said
  twice, a surname spelled with Spanish letter names and first and last names in separate form fields are separate
  ``PERSON`` spans; an agent's read-back of a surname with a title is a ``PERSON``, the title outside ("señora
  castellanos", "Dra. Orozco"), as after "Notary", "Herr Notar Dr.", "Maître", "Avv."; "Ate" and "Aling" stay outside
  a name; a name the agent reads from the record is a ``PERSON``; an SMS short code is a ``PHONE``; a postcode said
  with a spoken street address is inside the ``ADDRESS``; the writer's own unit alone is an ``ADDRESS``, "Block 7",
  a stairwell or a condominium's "interno" a kept ``PLACE``; a Dutch postcode and "huisnummer 44" are two
  ``ADDRESS`` spans; stations, airports, terminals, malls and a country named alone are kept ``PLACE``; universities
  and schools named after people are ``ORG``; a date of birth in a traveller list or after "geb." is a ``DOB``, ages
  kept; a spoken date of birth with a two-digit year is one ``DOB``; a deceased husband's name and account are
  personal; the agent's read-back of an e-mail's local part is an ``EMAIL``; a performer named in a show is a kept
  ``PUBLIC_FIGURE``.
- **Written down in session 25 after blind40* was written, before it was scored**: a medical-aid dependant code, a
  Medicare line number, a US plan's group number, bus routes, an intercom code, a Multibanco entidade, a parking zone,
  a wage-tax class, a public routing number, a SWIFT code and Mexican CFDI and regime codes are kept ``CODE``; a
  securities account at a bank and a school's receiving account are ``BANK_ACCOUNT``; a Kenyan NHIF number and an
  Aadhaar's last four are ``NATIONAL_ID``; a band on a ticket is a kept ``PUBLIC_FIGURE``; a car-park operator used
  as a location is a kept ``PLACE``, a school's reception too; a plate's state written before "plate" stays outside
  the ``VEHICLE_REG``; a meter reading said aloud is one ``READING``; a neighbour's misdelivered parcel's addressee
  and address are ``PERSON`` and ``ADDRESS``, a neighbour's surname on a delivery slip a ``PERSON`` each time; a RUT
  read aloud as one number is one ``NATIONAL_ID``; a referee's name and number are personal; teller, deposit-slip,
  patient, lab, tenancy-registration, land-register, employee-record, Multibanco payment, police and court file
  numbers and a dog tag are kept ``REFERENCE``; "c/o" stays outside a surname; "Familie Yilmaz" masks the surname
  only; an employer's mailbox containing the writer's surname is an ``EMAIL``; an agent's IBAN read-back is an
  ``IBAN``; a first wrong try at an e-mail then the right one are two ``EMAIL`` spans; a five-digit "ending" is a kept
  ``LAST_DIGITS``; a business named after a person no one masks is a kept ``COMPANY``; articles stay outside a spoken
  date of birth; "s o" between two names stays outside; a surname alone in a booking is a ``PERSON``; a card typed into
  a scam text is a ``CARD``.
- **Written down in session 26 after blind41* was written, before it was scored**: a card read aloud in two halves
  with a pause is two ``CARD`` spans; a spoken DNI's check letter is inside its ``NATIONAL_ID``; a spelling mixing
  named and bare letters is one ``PERSON``; a merchant descriptor holding a phone-like fragment is one kept
  ``COMPANY``; percentages are kept ``PERCENT``, ages ``AGE``; a German line id, a French RIO porting code, a PDL, a
  Finnish Y-tunnus, a Swedish org.nr, a Packstation number and a return-locker code are kept ``CODE``; an Austrian
  Versicherungsnummer, Nordic personal numbers (personnummer, fødselsnummer, CPR, henkilötunnus), an Italian tessera
  sanitaria's card number and a Ghana Card read with its letters are ``NATIONAL_ID``; a German private
  health-insurer's Versicherungsnummer, a Norwegian KID, a landlord's rent account (Mietkonto), a South African home
  loan account and a Pakistani employee id are kept ``REFERENCE``; a Norwegian account and a Polish NRB without
  ``PL`` and a merchant's settlement account are ``BANK_ACCOUNT``; titles and "Don" stay outside a name, a nickname
  and the real name are two spans, "mama" before a Kenyan first name stays outside; a concierge and a neighbour's
  house number are unmarked, the writer's own house or unit number an ``ADDRESS``; a US ZIP or an Indian PIN alone is
  a kept ``ZIP``, inside a full address part of the ``ADDRESS``; a landmark direction written onto an address is inside
  the ``ADDRESS``, a house's description after it outside; a shop named after a surname no one masks is a kept
  ``COMPANY``, the writer's surname in a family firm's name masked alone; "J & K Abernethy" is one ``PERSON``; a plate
  withdrawn or corrected is a kept ``VEHICLE_REG`` each time; an IBAN read back and withdrawn is an ``IBAN``; a mother's
  maiden name given as a security answer is a ``PERSON``; call timestamps are kept ``TIME``; an e-mail inside an
  unsubscribe link is an ``EMAIL``, the rest unmarked; an IP address is ``IP_ADDRESS``; scheme names ("EU261", "loi
  Chatel") are unmarked.
- **Written down in session 26 after blind42* was written, before it was scored**: JazzCash, GCash and MobilePay
  numbers are ``PHONE``, their transaction ids, a NIBSS session id and a Pix end-to-end id kept ``REFERENCE``; the
  digits of a security number asked for and a prepaid meter and its token are kept ``CODE``; "madam", "ma'am", "sir",
  "mister", "alhaji", "Mister", "señora", "madame", "Docteur" and "i. A." stay outside a name; a wrong house number a
  courier went to is unmarked; a utility's short line is a ``PHONE``; smartcards, consumer, utility, bill and gym
  membership numbers, a French numéro de sociétaire, Swiss and Spanish insurer card numbers, an RTB tenancy number, a
  CAF number, a Finnish viitenumero and a Multibanco referência are kept ``REFERENCE``; an agent's e-mail read-back
  with a bare provider is one ``EMAIL``; a name said after an e-mail is a ``PERSON``; a private person's razón social
  is a ``PERSON``, a personal RFC ``NATIONAL_ID``; an Irish plate read aloud is one kept ``VEHICLE_REG``; places named
  in passing, a server region and a ground floor are kept ``PLACE``; public holidays are kept ``DATE``; amounts read
  aloud with their currency word are one ``AMOUNT``; a surname spelled with "space" inside is one ``PERSON``; call and
  chat times are kept ``TIME`` with brackets outside; an attacker's IP is ``IP_ADDRESS``; a landmark in a clause of
  its own after an address is a kept ``PLACE``; each address field of a form (city, state, ZIP, CP, CAP) is an
  ``ADDRESS``, a ZIP said alone in a call a kept ``ZIP``; a town after "à" is a second ``ADDRESS``, "à" outside; a
  partner's name in a firm's name is unmarked; a scammer's mailbox, IBAN, payee name and number are personal; plates,
  courier routes and versions are kept; a weight is a kept ``WEIGHT``; an Austrian Zählpunkt, a Packstation or
  Postnummer, Spanish cadastral references, ICCID, PDR, PDL, CPE, EORI, SIRET, CIF, NIPC, CVR, org.nr, KvK, BTW,
  USt-IdNr, HRB, KRS and a company NIP are kept ``CODE``; a Swedish bankgiro of a supplier is a ``BANK_ACCOUNT``; a
  wrong date of birth in a company's system and the right one are both ``DOB``, a child's birth date with its year a
  ``DOB``; an Italian sole trader's surname is masked twice in his firm's name; a person's display name in a quoted
  From line is a ``PERSON``, a team's a kept ``TEAM``, a company's a kept ``COMPANY``; a Norwegian D-nummer, a
  Portuguese Cartão de Cidadão, an Italian patente and a French permis are ``NATIONAL_ID``; public bodies are ``ORG``.
- **Written down in session 27 after blind43* was written, before it was scored**: health conditions are unmarked; a
  dead spouse's date of birth is a ``DOB``, the date of death a kept ``DATE``; a council tax band, a charity's
  registration number, a US routing number read out, an M-Pesa till, a Medicare card's line number, a parking bay, a
  Portuguese artigo matricial and a merchant's TID and MID are kept ``CODE``; operating systems are a kept
  ``PRODUCT``, a browser's version a kept ``VERSION``; an unknown caller's number is a ``PHONE``, and so is a national
  card-blocking line; a surname changed at marriage gives the old and the new surname a ``PERSON`` each; "Mrs P.
  Lomax – Patricia" is two ``PERSON`` spans, "Mrs" outside; a sole trader's UTR is a ``NATIONAL_ID``, their surname in
  the firm's name a ``PERSON``, the firm's website a kept ``URL``; a "Customer Care" line in a reply's signature is a
  kept ``TEAM``; a child's username is a kept ``USERNAME``; transport-card, magazine-subscriber and Kenyan or South
  African utility account numbers, a rental unit, a deposit certificate and a transfer's title are kept
  ``REFERENCE``; counts are a kept ``COUNT``; a Spanish or Australian postcode said alone in its own turn after the
  address is a kept ``ZIP`` (a Mexican CP field of a form an ``ADDRESS``); a neighbour's house number is kept; "fr.",
  "Mama" in a sign-off and "ayo chief" stay outside a name, Filipino "Ma." inside; a former address the customer
  moved out of is an ``ADDRESS``; card-statement descriptors are one kept ``COMPANY``; "oh" and Spanish letter names
  stay inside spoken numbers and spelled surnames; an Aadhaar's last four given to prove identity is a
  ``NATIONAL_ID``, an SSN's last four an ``SSN``; in "Autofficina Nicotra di Nicotra Salvatore" each surname and the
  first name are ``PERSON`` spans; a firm's own premises with its unit are one ``ADDRESS``; a loading dock and a
  building letter are unmarked, a named residence a kept ``PLACE``; a nationality and a foreign country are kept
  ``PLACE``; a multiplied amount is one ``AMOUNT``; a mother's passport quoted by her son is a ``PASSPORT``; an old
  and a new e-mail are two ``EMAIL`` spans.
- **Written down in session 27 after blind44* was written, before it was scored**: a sole trader's surname in a firm's
  name recorded wrongly and rightly is a ``PERSON`` both times, the trade word unmarked; a phone number used as a
  carrier's account is a ``PHONE``; a card pasted into a chat is a ``CARD`` even when the agent says it is masked, the
  last four repeated a kept ``LAST_DIGITS``, and a customer's own "XXXX XXXX 2290" one kept ``LAST_DIGITS``; a mother's
  name given to find a record is a ``PERSON``; an employee's Steuer-ID on a payslip is a ``NATIONAL_ID``, the
  Personalnummer a kept ``REFERENCE``; passport-renewal application, parking-fine, TV-licence, hospital, gym, transport
  card, payment-reference, standing-order and baggage-file numbers and a rent reference are kept ``REFERENCE``; a SaaS
  workspace, an Anschlusskennung, an SDI codice destinatario, a codice migrazione, a tram line, a Flurstück and an
  error's number are kept ``CODE``; titles (Dr, Mr, Mrs, Dutch "mr.", "oga", "Mummy", "señor") stay outside a name;
  "Familie Oehlschläger" masks the surname only; a generic health centre is a kept ``ORG``; store branches, shopping
  centres, airports, countries, a ward, floors, a condominium's stair and unit named by the writer, and a Gemarkung are
  kept ``PLACE`` (a stair inside an installation address is part of it); a care home is a ``COMPANY`` as sender and
  part of the resident's ``ADDRESS``; a German address on one line is one ``ADDRESS``; a neighbour's name and address
  on a misdelivered parcel are personal, the writer's own house number alone an ``ADDRESS``, a neighbour's house
  number unmarked; card-statement descriptors, a business's account name and a spoofed bank's sender name are kept
  ``COMPANY``; a Spanish postcode said alone in its own turn is a kept ``ZIP`` before or after the street, a form's
  postcode field an ``ADDRESS``; a self-corrected name or flat is marked both times; both UPI ids of a wrong payment
  are ``BANK_ACCOUNT``; nicknames are ``PERSON``; a Medicare card's position number is a kept ``CODE``; an attacker's
  recovery e-mail and login IP are personal; an Apple ID that is an e-mail is an ``EMAIL``; "Sent from my iPhone" is
  a kept ``PRODUCT``; written time ranges are two ``TIME`` spans, a card's expiry a kept ``DATE``; "H.J. (Henk)
  Terpstra" is three ``PERSON`` spans, "F. v. Alvensleben" and "A.M. Scholten" one each; a partner's surname in a
  law firm's name is unmarked and a firm's name with no masked namesake a kept ``COMPANY``; a French RIB and a Spanish
  CCC are one ``BANK_ACCOUNT`` each; suspect or fraudulent bank details are personal; a company's NIP is a kept
  ``CODE``, a sole trader's a ``NATIONAL_ID``; areas are a kept ``AREA``, contracted power a kept ``QUANTITY``.
- **Written down in session 28 after blind45* was written, before it was scored**: an e-mail or phone read back only in
  part is marked for what was said; a false start of a name is inside its ``PERSON`` span; a spoken date of birth or
  phone broken by a filler or a restart is marked piece by piece, every piece personal; a town the agent says while
  confirming the caller's address is an ``ADDRESS``; an employer's PAYE reference is a kept ``CODE``; a card typed
  into a scam site is a ``CARD``; a mother's maiden name given as a security answer is a ``PERSON``; a dead parent's
  name, date of birth and closed account are personal, the date of death a kept ``DATE``; an unborn child's expected
  birth date is a ``DOB``; "lakisha and andre holloway" is two spans, the shared surname in the second; a business
  mailbox read aloud is one ``EMAIL``; a spelled street and a spoken house number in separate chunks are two
  ``ADDRESS`` spans; a card brand word stays outside the ``CARD``, an Amex four-digit front code is a ``CVV``;
  honorifics (mr, mrs, ms, ji, Avv., Dott.ssa, Geom.) stay outside a name and a vocative first name alone is a
  ``PERSON``; a firm named after the caller's surname with only his first name given is a kept ``COMPANY``, and a
  firm's name around a masked surname leaves the rest unmarked (partners' surnames too), a firm with no masked
  namesake a kept ``COMPANY``; a SaaS workspace, a council-tax band, an Austrian UID, Swiss MWST and EU VAT numbers,
  a Danish reg. number and a US routing number are kept ``CODE``, an extension given alone or after the number is
  inside a ``PHONE``, a phone-menu option a kept ``CODE``; a scam text's sender number is a ``PHONE``, its link a kept
  ``URL``; a flat number the company has wrong is an ``ADDRESS``; a German KVNR and an Austrian driving licence are
  a ``NATIONAL_ID``, a private insurer's member number a kept ``REFERENCE``; a UK account written with its sort code is
  one ``BANK_ACCOUNT``, an Australian BSB labelled apart a kept ``CODE``; fraudulent look-alike mailboxes and a bank's
  noreply address are ``EMAIL``, the display name a kept ``COMPANY``; a previous tenant's name on a demand is a
  ``PERSON``; tax-office, court, lease and deposit-scheme file numbers are kept ``REFERENCE``, a registered-letter
  receipt a kept ``TRACKING``; an industrial estate written as a site's address is an ``ADDRESS``, floors and blocks
  kept ``PLACE``; a name in a quoted reply's greeting and on a misaddressed letter is a ``PERSON``; a short code in a
  channel label is unmarked.
- **Written down in session 28 after blind46* was written, before it was scored**: an airline-style "KAPOOR/ANIKETH MR"
  is one ``PERSON`` span, the title outside, and the passport spelling of the same name a second; an e-mail the agent
  reads back with a typo is an ``EMAIL`` both times; a surname spelled right after it is said is a second ``PERSON``
  span (one writer left "graham tuckwell, t u c k w e l l" as one span: the guide's rule is two); a single letter
  confirmed while spelling is unmarked, the read-back of the whole name a ``PERSON``; a statutory health-insurance
  number is a ``NATIONAL_ID``, a mutual insurer's member number, an SNCF family card, a juror number, a US health-plan
  member id, a staff number and a consumer loan account kept ``REFERENCE``; a port reference, a merchant id, a
  tenant slug, an API path, a lot or serial number, a buzzer code, a payslip tax code, "HRA 6617", a register-court
  number, "modelo 303" and a SEPA return code are kept ``CODE``; a flat number given alone by the customer is an
  ``ADDRESS``, a neighbour's house number unmarked; every piece of a postcode the agent corrects is an ``ADDRESS``;
  a Spanish postcode said with its town in its own turn after the street is an ``ADDRESS``; a firm named after a
  masked surname masks the surname only (initials inside: "L. Doherty Plumbing"), a firm after a surname nobody
  masks is one kept ``COMPANY``; a building's name inside an office address stays in the ``ADDRESS``; couples
  ("Ian & Bev Cartwright") are two spans, the shared surname in the second; a Spanish name with both surnames said
  together is one span, surnames given apart with spelling hints one span each, the hints outside; titles (Mr, Frau,
  RA, Ing., Maître, "Frau Dr.") stay outside; company mailboxes are ``EMAIL``, a "Customer Care" display name a kept
  ``TEAM``; the other driver, a doctor named in passing, a deceased spouse and neighbours are ``PERSON``; an extension
  is inside the ``PHONE``; a card the caller withdraws is still a ``CARD``; a RAMQ number is a ``NATIONAL_ID``, the
  Medicare position number a kept ``CODE``; plan names are kept ``PRODUCT``, clothing sizes a kept ``SIZE``, a
  register court's city a kept ``ORG``/``CITY``, a calendar week a kept ``DATE``.
- **Written down in session 29 after blind47* was written, before it was scored**: the second and fourth characters
  of a password are a kept ``CODE``, a "first school" answer a kept ``ORG``; "sort code 09-01-28, acc 41877260" is a
  kept ``CODE`` and a ``BANK_ACCOUNT`` (side by side they are one ``BANK_ACCOUNT``); a fraudster's payee name and
  account are personal; the "@" may sit inside or outside a kept ``HANDLE``; game currency, star ratings and weights
  are kept ``QUANTITY`` / ``WEIGHT``; a receipt's chain descriptor ("GAMEVAULT*EU") is a kept ``COMPANY``; a review
  sign-off "Pauline R." is one ``PERSON`` with the initial inside; a full card pasted into a bot is a ``CARD``;
  relatives named in passing are ``PERSON``; "bei Familie Özdemir" masks the surname only; a UK driving licence
  number is a ``NATIONAL_ID``; the house a courier wrongly left a parcel at and the writer's own bare house number are
  ``ADDRESS``; a GP office or "oficina de Tráfico" and the CAF are kept ``ORG``; a statutory insurer signing a letter
  is a kept ``COMPANY``, the insured's KVNR a ``NATIONAL_ID``; a Polish postcode said alone is an ``ADDRESS``; a
  Pag-IBIG MID, a personal TIN and an Indonesian NIK are ``NATIONAL_ID``; "Jr." and honorifics after a name (hanım,
  bey) and before it (seu, Lic.) stay outside; a caller's one spelled letter is unmarked, an agent spelling the name
  in an e-mail's local part a ``PERSON``, "priyanka underscore iyer" read back without a domain an ``EMAIL``; a
  locality with no street ("sector 62", "Brgy. San Isidro") is a kept ``PLACE``; a paybill account that is a phone
  number is a ``PHONE``, the paybill a kept ``CODE``; a boleto line, a Pix id and a NIBSS session id are kept
  ``REFERENCE``; the wrong recipient on a quoted M-Pesa SMS and a bill SMS's addressee are personal; a card given to
  a bank's chat agent is a ``CARD``, "ending 9335" a kept ``LAST_DIGITS``; a data bundle is a kept ``QUANTITY``, a
  role line a kept ``TEAM``, a school an ``ORG``; Mexican, Australian and Philippine postcodes said alone are kept
  ``ZIP``, a Mexican "CP" form field an ``ADDRESS``; a sole trader's Steuernummer on his invoice is a
  ``NATIONAL_ID``; a firm's PO box / Postfach / Cedex line is an ``ADDRESS`` (one span on one line); a community of
  owners named after its street is a kept ``COMPANY``, a block of flats in a public-area fault report a kept
  ``PLACE``, a condominium "int. 12" a kept ``PLACE``; regulator and register boilerplate in signatures is kept
  ``ORG`` / ``CODE``; a look-alike supplier mailbox and its IBAN in a fake change-of-bank e-mail are personal, its
  display name a kept ``COMPANY``; a scam SMS sender's number is a ``PHONE``, its link a kept ``URL``; a neighbour's
  flat "m. 18" is unmarked; a town in the same address block is inside the ``ADDRESS``, "Beukenhof 22 in Zwolle" two
  ``ADDRESS`` spans, a signature's place-and-date line a kept ``CITY`` and ``DATE``, a birthplace a kept ``CITY``;
  Polish postcode-and-town lines are an ``ADDRESS`` each; an account holder line ("t.n.v. M.J. Hendriks") is a
  ``PERSON``, "Idraulica Galli di Galli Stefano" three ``PERSON`` spans; return codes, branch numbers, merchant
  numbers, fault and error codes and frame numbers are kept ``CODE``; "geb." before a date makes it a ``DOB``;
  "3 Monatsmieten" is a kept ``AMOUNT``; "Verstuurd vanaf mijn iPhone" marks only the product.
- **Written down in session 29 after blind48* was written, from the writers' reports received before it was scored
  (written into this file after the first scoring; no label changed)**: a suburb naming a former home is a kept
  ``PLACE``; star ratings in any language are kept ``QUANTITY``, the ★ symbols unmarked; "Article 17 GDPR" and
  benefit names ("Cold Weather Payment") are unmarked; a UK train headcode is a kept ``TRAIN``, "3. OG" a kept
  ``PLACE``, a server region a kept ``PLACE``, a football competition a kept ``EVENT``, a parcel-relay shop a kept
  ``PLACE``; a reviewer's sign-off "Gemma T." and staff praised by first name are ``PERSON``; "name on the account
  A. Kowalczyk" is one ``PERSON``; a business customer giving only a first name leaves the firm's name a kept
  ``COMPANY``; a player id and a CAF number are kept ``REFERENCE``; a Spanish form's "Ciudad:" and "CP" fields are
  ``ADDRESS``; a card pasted in a chat stays a ``CARD`` (and its ``CVV``) whatever the agent says after; a ride's
  drop-off address is an ``ADDRESS``; a building manager's building address and landline are ``ADDRESS`` and
  ``PHONE``; an Indonesian virtual-account number for a bill is a kept ``REFERENCE``; "Dr Pillay's rooms" masks the
  surname; a Mexican CP inside a chat address is in the ``ADDRESS``, alone as a form field an ``ADDRESS``, said alone
  in its own turn a kept ``ZIP`` (Malaysian postcodes likewise); an Australian postcode said with the street is inside
  the ``ADDRESS``; a landmark direction on a Kenyan address is inside it; a school class is a kept ``CODE``; a
  tracking number read aloud is one kept ``TRACKING``; a Medicare "reference number next to your name" is a kept
  ``CODE``; particles and honorifics (po, kuya, a.n., ibu, cik, ji, bey, hanım, Pan, Pani, Mama, dona, señor) stay
  outside a name; Polish vocatives are ``PERSON``; a PAN card's name order and the account's are two ``PERSON``
  spans; a remittance recipient and a pupil are ``PERSON``; a school's fee account read aloud is a
  ``BANK_ACCOUNT``, a Pix key that is a phone a ``BANK_ACCOUNT``; a GCash or OVO number is a ``PHONE``; NEFT accounts
  are ``BANK_ACCOUNT``, the IFSC a kept ``CODE``, UTR / M-Pesa / NIBSS / boleto ids kept ``REFERENCE``; a SAT
  régimen number and a meter number read aloud are kept ``CODE``; an amount read aloud with its currency is one kept
  ``AMOUNT``; the Amex front code is a ``CVV``, the brand word outside the ``CARD``; a phishing sender's and a debt
  collector's numbers are ``PHONE``; both e-mails of an account takeover are ``EMAIL``; a performer is a kept
  ``PUBLIC_FIGURE``; "flat 3" said alone by the writer is an ``ADDRESS``; a care home named alone as a residence is a
  kept ``COMPANY``; "Mr R. & Mrs J. Talbot" is two spans with the surname in the second; a one-person firm named
  after its owner masks the full name only; a garage box number is a kept ``PLACE``; the wrong house number a courier
  went to is unmarked; a bank's display name in a sender line is a kept ``COMPANY``, a service desk's a kept ``TEAM``;
  labels stay outside kept spans; a sole trader's own-name firm masks the surname only; a website is a kept ``URL``;
  a deceased father's closed landline is a ``PHONE``; agents' first names in quoted replies are ``PERSON``; a French
  numéro fiscal and a NIR written with spaces are one ``NATIONAL_ID`` each; "Pani Ewo" masks the name only; a
  community of owners named after its street is a kept ``COMPANY``; a staff surname on a returned invoice is a
  ``PERSON``; PEC, accounts and claims mailboxes are ``EMAIL``; public offices and courts are kept ``ORG``.
- **Written down in session 29 after blind49* was written, before it was scored**: a hotel a lost bag is to be sent
  to is an ``ADDRESS``, the room a kept ``ROOM``; "Sent from my iPhone" marks only the product; ratings ("2/5",
  "5 stars"), ping and contracted power are kept ``QUANTITY``; a branch named by its town, a car park, a server
  region, a wedding venue, a work site and an airport code are kept ``PLACE``; the writer's own "number 6" is an
  ``ADDRESS`` with "number" inside, neighbours' numbers unmarked; a second driver's licence, a US Medicare number,
  a Pakistani CNIC, a TC kimlik, a Ghana Card, a spoken SA ID and a spelled CURP are ``NATIONAL_ID`` (a corrected
  Aadhaar's two tries both), a health-plan member id a kept ``REFERENCE`` and its group number a kept ``CODE``; a
  landlord's name and account as a payee and an intended payee are personal; "my 17 year old" is a kept ``AGE``;
  meter serials and numbers are kept ``CODE``, meter readings with their unit one kept ``READING``; "NRIC last 4
  512H" is a kept ``LAST_DIGITS``; error and decline codes and a DX number are kept ``CODE``; team display names
  ("Claims Team", "Atención al Cliente", "Payroll", "Goods In") are kept ``TEAM`` (the article outside), an agent's
  name in a display name a ``PERSON``; a name that is also a word marks only the name; a German time range is two
  ``TIME`` spans; "S wie Samuel, C, H, …" is one ``PERSON``; a spoken first line and a spoken postcode in separate
  lines are two ``ADDRESS`` spans; Turkish and Indonesian postcodes said alone are kept ``ZIP``; a business holding
  an account with no masked name is a kept ``COMPANY``; a Vietcombank account is a ``BANK_ACCOUNT``, a name and its
  vocative two ``PERSON`` spans; a school admission number is a kept ``REFERENCE``; a landlord's M-Pesa number and a
  scam text's numbers are ``PHONE``; a landmark after the address as its own clause is a kept ``PLACE``, written into
  the address it stays inside; a plot or a shop that picks out one place is an ``ADDRESS``; kinship honorifics
  (abla, amca, doña, Mama) stay outside the name; agent names as chat speaker labels are ``PERSON`` each time; names
  the agent reads from the record are ``PERSON``; a gym matrícula is a kept ``REFERENCE``, an unemployment claim a
  kept ``CLAIM``, a flight read aloud one kept ``FLIGHT``, bare amounts ``AMOUNT``; an old Brazilian CEP read from the
  file is an ``ADDRESS``; a Mexican "CP fiscal 44160" in billing details is an ``ADDRESS`` (a form field), said alone
  in a call a kept ``ZIP``; a firm name coined from a masked surname ("Jankpol") is a kept ``COMPANY``; "int. 7 di
  Via Po" leaves "int. 7" unmarked and "Via Po" a kept ``PLACE``; a public water company and a town hall are kept
  ``ORG``; a cardholder's printed name and signature are two ``PERSON`` spans, a misspelt name on a letter a second
  ``PERSON``; titles (avvocato, z. Hd. Frau, Ms, D.) stay outside; a DNI given by mistake or printed wrong is a
  ``NATIONAL_ID``; the premises in a building permit are an ``ADDRESS``; WOZ, cartella and remittance batch numbers
  are kept ``REFERENCE``; prices in a foreign currency are one kept ``AMOUNT`` each.
- **Written down in session 29 after blind50* was written, before it was scored**: the house a courier wrongly left a
  parcel at is unmarked (blind48*'s later rule), the writer's own bare number an ``ADDRESS``; a Lyon address a
  parcel went to by mistake is an ``ADDRESS`` (blind50c; the writers differ here); a name said twice to a voice bot,
  a restarted account holder's name and a name a company misspelt are two ``PERSON`` spans; an account read in two
  groups with a comma is one ``BANK_ACCOUNT``, a sort code and account read in one run one ``BANK_ACCOUNT``; the
  agent's "ending three one one six" is a kept ``LAST_DIGITS``, a card read back a ``CARD``, an expiry read aloud a
  kept ``DATE``; "the 07:42 from Reading" is a kept ``TIME``, "IC" a kept ``TRAIN``; a stranger's name and town +
  eircode in my order history are ``PERSON`` and one ``ADDRESS``; a municipal utility is a kept ``COMPANY``; a
  circuit id, a POS terminal id, a parcel-locker id, a TV serial, a condominium lot, a professional registration
  number, a Multibanco entidade, SIRET and KvK numbers and an Italian P.IVA are kept ``CODE``; a meter reading with no
  unit is a kept ``READING``; a keeper's name and address are personal; both tax codes on a payslip are kept
  ``CODE``; product and service names (Canal+, Bizum, Deutschlandticket) are kept ``PRODUCT``, a concert series a kept
  ``EVENT``; "Mãe" as a sender label is a kept ``WORD``; "Kuya", "Bey" stay outside a name, "MARICEL D." is one
  ``PERSON``; "r for romeo" is unmarked; a caller re-saying only an e-mail's local part, and a false start of an
  e-mail, are ``EMAIL``; a phone read in two pieces is two ``PHONE`` spans, its read-back a third; a spelled street
  with its type is one ``ADDRESS``, "number forty one" and "flat nine" in separate turns one each; "d k o'sullivan"
  is one ``PERSON``; a passport and a PAN read with "as in" hints are one span each, hints inside; a TC kimlik and a
  NIK in number words and a spelled CURP are one ``NATIONAL_ID`` each; both the right and the mistyped UPI id, GCash
  number and Pix key are personal, as are a wrong M-Pesa recipient and the intended one; a Mexican "CP 64620" in a
  billing chat is an ``ADDRESS``, US ZIPs and an Indian PIN said alone kept ``ZIP``; a Philippine street address and
  "No:214 D:7, Kadıköy/İstanbul" are one ``ADDRESS`` each; a landmark written into a spoken address is inside it, one
  said as its own answer a kept ``PLACE``; a passport application number, customer ids, a NIBSS session id, a
  Belgian structured reference, a Multibanco referência and a police report number are kept ``REFERENCE``; a spoken
  policy or claim number is one kept ``POLICY`` / ``CLAIM``; a bank agent's own IBAN given for payment is an
  ``IBAN``; board members in a footer are ``PERSON``; a sole trader's UTR, NIF (Catalan, Portuguese) and NIP are
  ``NATIONAL_ID``; only the name of "Gareth Pryce Electrical" is masked; a wrong and a right rijksregisternummer are
  both ``NATIONAL_ID``; a phishing mailbox is an ``EMAIL``, its display name a kept ``COMPANY``, its link a kept
  ``URL``; the writer's own lokal / Wohnung number is an ``ADDRESS``, "int. 4" inside the address line; floors,
  stairs, a residence's name and a road "B 51" are kept ``PLACE``; a deceased mother's name, birth date and account
  are personal, her date of death a kept ``DATE``; a DOB given by mistake is a ``DOB``; titles stay outside names,
  Polish genitives and vocatives are ``PERSON``; a German or Austrian address over two lines is two ``ADDRESS`` spans;
  "Sent:" timestamps are kept ``DATETIME``.
- **Written down in session 30 after blind51* was written, before it was scored** (the writers' reports): an account
  said with "double" is one ``BANK_ACCOUNT``, the agent's read-back a second; the agent's read-back of a postcode is
  an ``ADDRESS`` and a misheard DOB read back a ``DOB``, as is the correction; an agent's mistyped local part of an
  e-mail is a ``PERSON`` when the caller spelled it as a name; a paybill is a kept ``CODE``, the bank account paid
  through it a ``BANK_ACCOUNT``, a utility paybill's account a kept ``REFERENCE``; a business's or school's receiving
  account, a merchant's UPI id, a Mercado Pago alias and a Pix key that is an e-mail are ``BANK_ACCOUNT``; "Aadhaar
  last four" given to verify is a ``NATIONAL_ID``; a US town in its own turn after the street is an ``ADDRESS``, a
  Singapore postal code alone an ``ADDRESS``; a branch named by its suburb a kept ``PLACE``; a Canadian void-cheque
  string in one block is one ``BANK_ACCOUNT``, a transit, institution, routing, BLZ, Swedish clearing or Danish reg.nr
  labelled apart a kept ``CODE`` (a sort code run together with the account after one label stays inside it); a
  firm's own remittance account is a ``BANK_ACCOUNT``, its name a kept ``COMPANY``; a withdrawn "old" IBAN is still an
  ``IBAN``; Norwegian accounts with dots are one ``BANK_ACCOUNT``, a KID a kept ``REFERENCE``; French "Code postal" and
  "Ville" form fields are ``ADDRESS``; a Polish ID card number and a sole trader's NIP are ``NATIONAL_ID``; supply-point
  ids (anläggnings-ID, målepunkt-ID, MaLo-ID, MPRN, CPE) are kept ``CODE``; a former tenant named on a misaddressed
  letter is a ``PERSON``, the former address an ``ADDRESS``; a SEPA mandate's debtor name and printed signature are two
  ``PERSON`` spans, its RUM a kept ``REFERENCE`` and ICS a kept ``CODE``; a PPO number is a kept ``REFERENCE``; a
  policy number read as letters and digits is one kept ``POLICY``; an IMEI read aloud is a kept ``CODE``.
- **Written down in session 30 after blind52* was written, before it was scored** (the writers' reports): a postcode
  said wrong and then corrected is two ``ADDRESS`` spans, a spelled surname, its misheard read-back and the correction
  three ``PERSON`` spans; a card read with a break is two ``CARD`` spans; a "zip on the card" said alone is a kept
  ``ZIP``, a decline code and a prepaid token kept ``CODE``; a Pakistani IBAN read in groups is one ``IBAN``; the wrong
  and the intended M-Pesa / Daviplata numbers are ``PHONE``; a Pix key that is a CPF is a ``BANK_ACCOUNT``; a Brazilian
  "apartamento cinquenta e dois" is a second ``ADDRESS`` without the word; the agent's read-back of the caller's town
  is an ``ADDRESS``; an Indian PIN and a Mexican CP said alone are kept ``ZIP``; "the last four of the aadhaar" given
  to verify is a ``NATIONAL_ID``; a BVN name and an account name are two ``PERSON`` spans; a neighbour to leave a parcel
  with is a ``PERSON``; a customer's name as a chat speaker label is a ``PERSON`` each time; "M. et Mme Lambert" masks
  the surname only, "d'Inès" leaves "d'" outside; a name on a luggage tag is a ``PERSON``; a band is a kept
  ``PUBLIC_FIGURE``; a carriageway and a terminal are kept ``PLACE``; FTC case, EI claim, candidate and matric numbers
  are kept; a South African tax reference, a NZ IRD number, a Versichertennummer, a Portuguese número de utente, an
  Austrian SVNR, a Spanish NSS, an Italian patente and a UK UTR are ``NATIONAL_ID``; a spoken routing number is a kept
  ``CODE``; a wrong-then-right CLABE is two ``BANK_ACCOUNT`` spans; Spanish letter names spelling a surname are one
  ``PERSON``; a holder line and its initialled signature are two ``PERSON`` spans; a surname's genitive in a firm's name
  is a ``PERSON``; a couple signing with a shared surname is two spans; a bankgiro on an invoice is a ``BANK_ACCOUNT``,
  its OCR a kept ``REFERENCE``, a Swish number a ``PHONE``; a French RIB given as fields marks only the account and its
  key; a firm's PO box line is an ``ADDRESS``, a country as an address block's last line inside it; supply-point ids
  (käyttöpaikkatunnus, punkt poboru, CUPS, PDR, EAN) and a kindergarten group are kept ``CODE``.
- **Written down in session 30 after blind53* was written, before it was scored** (the writers' reports): read-backs
  are marked with the kind of what the caller said (a UPI id, a Pix key, a NINO, an account, an e-mail, a phone, a DOB,
  a postcode); a booking code read back in the NATO alphabet stays kept; an example NINO said by mistake is a
  ``NATIONAL_ID`` beside the real one; a recharge-card PIN is a kept ``CODE``, an Indonesian virtual account a kept
  ``REFERENCE``, a UEN for PayNow a kept ``CODE``; a Chilean flat and commune said with the street are one ``ADDRESS``;
  a Mexican "CP:" field in typed billing details is an ``ADDRESS``; a PAN card's surname-first name is one ``PERSON``;
  a pupil's class is a kept ``CODE``; a scam text's sender number said by the caller is a ``PHONE``; an extension after
  "int." / "wew." / "ank." / "ext." is inside the ``PHONE`` span, on its own field line a ``PHONE`` of its own; a
  switchboard and a direct line side by side are two ``PHONE`` spans; a phone-menu option is a kept ``CODE``; a Dutch
  postcode and a huisnummer given apart are two ``ADDRESS`` spans; a flat number in a German subject is inside the
  ``ADDRESS``; a Singapore child's birth certificate number is a ``NATIONAL_ID``; a card read with commas between its
  groups is one ``CARD``; a spoken expiry is a kept ``DATE``; an escrow wire account and the name on it are personal,
  the routing number kept; an Australian ABN is a kept ``CODE``; "Nurse" stays outside a name; a Spanish NSS, a Swiss
  AVS number and a French permis number are ``NATIONAL_ID``; a URL-encoded form value is one span; a quoted From line's
  team display name is a kept ``TEAM``.
- **Written down in session 30 after blind54* was written, before it was scored** (the writers' reports): a private
  person with a famous name is a ``PERSON``, a name misspelt on an order or a letter and the right one two ``PERSON``
  spans; an agent's name in a speaker label is a ``PERSON`` each time; a name spelled with hyphens is its own span; a
  French RIB's account and key are ``BANK_ACCOUNT`` each, its bank and branch codes kept; a credit-union member number
  is kept, the savings account holding it a ``BANK_ACCOUNT``; the hotel a traveller stays at is an ``ADDRESS``; a US
  "ZIP:" form field is an ``ADDRESS``, a ZIP said alone in a call kept; a house number alone in its own turn is an
  ``ADDRESS``; an account PIN and a DStv smartcard are kept; a sports team is a kept ``ORG``; a Swedish sole trader's
  org.nr (the owner's personnummer) is a ``NATIONAL_ID``, a limited company's a kept ``CODE``; an owners' community
  on a mandate is a kept ``COMPANY``; an Austrian postcode with its town as a delivery area is a kept ``ZIP``; an address
  on one line with commas is one ``ADDRESS``, a Swedish flat number and "c/o" a business inside it; a doorbell's name
  and a next of kin are personal; "Eircode" stays outside the span, the writer's own "Nr. 12" inside; a voice bot's
  read-back of an account is a ``BANK_ACCOUNT``; the agent's echo of a street or a name is an ``ADDRESS`` / ``PERSON``;
  an escrow company is a kept ``COMPANY``, its account a ``BANK_ACCOUNT``; "kerry hyphen ann" said after the name is a
  second ``PERSON``; "alhaji" stays outside a name; a mother's maiden name alone is a ``PERSON``; a wrong and a right
  DOB are two ``DOB`` spans; a BVN, a NIDA number, a Kenyan ID and a spoken Ghana Card are ``NATIONAL_ID``; Medicare as
  the body answering is a kept ``ORG``; a CUPS, a POD, a prepaid meter and its token are kept ``CODE``; a Malaysian
  poskod said alone is a kept ``ZIP``.
- **Written down in session 30 after blind55* was written, before it was scored** (the writers' reports): the last four
  of a Canadian SIN or a CNIC given to verify are a ``NATIONAL_ID``, a Mexican card's last four a kept ``LAST_DIGITS``;
  an agent's name in a speaker label is a ``PERSON`` each time, the company beside it kept; lower-case vocative first
  names and first names that are also words, in a greeting, are ``PERSON``; honorifics and particles (bhai, ji, hanım,
  bey, cik, mbak, ya, ustaz, dona, Doña, Herr, Mrs) stay outside a name, an Arabic kunya ("abu faisal") is one
  ``PERSON``; a quoted reply's greeting names a ``PERSON``, "Mrs D Okonkwo-Hale" keeps the initial inside; a surname
  said, spelled and a first name are three spans; "HOLLINGWORTH/JAMES" is one ``PERSON``; a sole trader's UTR is a
  ``NATIONAL_ID``, a Danish CVR and a Finnish Y-tunnus kept ``CODE``; French "Nom" and "Prénom" are two ``PERSON``
  spans; a Spanish CIP, a Swiss AHV, a KVNR, a Tanzanian NIDA, an Emirates ID, an iqama, an Egyptian national id, a
  Moroccan CIN, a PIS, an SSS number, a Pag-IBIG MID and a spoken Chilean RUT are ``NATIONAL_ID``; a landlord payee's
  name and account are personal, a NIBSS session id a kept ``REFERENCE``; a Pix key that is an e-mail and a merchant's
  UPI id are ``BANK_ACCOUNT``; pay-TV smartcards, IUCs, municipal and M-KOPA accounts, service ids and tracking ids are
  kept ``REFERENCE``, POS terminal ids, key-change tokens, condo units and serials kept ``CODE``; a scam caller's number
  is a ``PHONE``, a fraud short code kept; a spoken address with its town and postcode on one line is one ``ADDRESS``,
  an Italian town after "a" a second; a Brazilian CEP said alone is an ``ADDRESS``; both tries of a corrected DOB,
  passport or phone are personal; a ticket's and a passport's name are two spans; company and team speaker labels and
  a statement's merchant are kept; both an old and a new address are ``ADDRESS``; a Swedish lägenhetsnummer given with
  the association's name is a kept ``CODE``; creditor ids are kept ``CODE``, mandate references kept ``REFERENCE``.
- **Written down in session 31 after blind56* was written, before it was scored** (the writers' reports): a supplier's
  genuine IBAN, a fraudster's mailbox and the IBAN it asked for are personal; a firm named after a masked person masks
  the surname inside it (``PERSON`` + kept rest), a family firm's whole name ("Kowalski i Synowie Sp.j.") kept
  ``COMPANY`` where no one signs with that surname; another person's payslip sent by mistake is that person's data; a
  forged signature is a second ``PERSON``; a wrong then a right UTR are both ``NATIONAL_ID``; "sort 30-96-26 account
  71823045" keeps the sort code ``CODE`` and masks the account, "sort code 20-32-06 43917720" run together is one
  ``BANK_ACCOUNT``; a Danish reg.nr labelled apart is a kept ``CODE``; Swiss QR references, Swedish OCR numbers,
  probate file numbers, police report numbers, RTB numbers, frequent-flyer and health-plan member numbers are kept
  ``REFERENCE``, a Czech IČO, a heating-block flat code, a plan's group number and a denial code kept ``CODE``; a
  writer's own "flat 19" is ``ADDRESS``, a lone Italian CAP in a complaint a kept ``ZIP``, a building named by its
  street alone a kept ``PLACE``; an e-mail read back with its local part spelled is an ``EMAIL`` then a ``PERSON``; an
  old name on a record and a lower-case nickname sign-off are ``PERSON``; "Mr"/"Mrs" stay outside a passenger's name;
  both tries of a DOB are ``DOB``, the agent's echo of it unmarked, a passport expiry read aloud a kept ``DATE``; a
  Spanish postcode with its town, and a German street, number, postcode and town said in one turn, are one ``ADDRESS``,
  on two lines two; a URL-encoded postcode is ``ADDRESS``; a fee label on a statement is a kept ``COMPANY``, an
  e-sports team a kept ``ORG``, a scam link a kept ``URL``, a scam sender's number a ``PHONE``; an e-mail read back
  without its domain is an ``EMAIL``; the last three digits of a South African ID given to verify, a Kenyan SHA
  number, a BPJS Kesehatan number, an IMSS NSS and an RFC read aloud are ``NATIONAL_ID``; a shop named after a person
  nobody masks ("warung Bu Tini") is a kept ``COMPANY``; a street and "number nineteen" said apart are two
  ``ADDRESS``; a surname and its spelling are two spans, "mama Njeri, yaani Grace Njeri Mwangi" two ``PERSON``; a
  landmark clause after an address is a kept ``PLACE``; a name on a doorbell and a porter's name are ``PERSON``; a
  customer's IP addresses are ``IP_ADDRESS``; an amount read aloud holds its currency word when said with it.
- **Written down in session 31 after blind57* was written, before it was scored** (the writers' reports): a supplier's
  own account is masked while its firm's name is kept where no one in the message has that surname; titles stay
  outside names ("Dear Ms Patel", "SOKOLOVA/ANASTASIA MS", "Pak Slamet", "ya mohamed", "fam. Jansen"); a wrong and a
  right spelling of a name are both ``PERSON``, a name before and after marriage and its spelled read-back three
  spans, a German spelling-alphabet surname a second span; the writer's own bare house number or flat is ``ADDRESS``,
  a wrong one unmarked; a card read in two halves is two ``CARD`` spans; a Steuer-ID that "isn't mine" is still a
  ``NATIONAL_ID``; a care home with its room is inside the resident's address, a hotel for lost luggage an ``ADDRESS``
  with its room a kept ``ROOM``, bag tags and PIRs kept ``REFERENCE``; a company line above its office address kept,
  the address masked; the last four of an SSN given to verify are ``SSN``, a ZIP said alone a kept ``ZIP``; a spoken
  card expiry is a kept ``DATE``; a Medicare card number is a ``NATIONAL_ID``; a fake change-of-bank e-mail's mailbox,
  IBAN and beneficiary are personal, its display name and real domain kept; a correct and a mistyped IBAN are both
  ``IBAN``, a KID a kept ``REFERENCE``; a tenant's address in a subject line is ``ADDRESS``; an expected birth date
  after "geb." is a ``DOB``; a dead mother's name, DOB and account are personal, the date of death a kept ``DATE``;
  a firm named after its signing owner masks the surname only, firms with surnames nobody masks are kept
  ``COMPANY``, an owners' community named after its street a kept ``COMPANY``; company service lines are ``PHONE``;
  an AMKA, a nº de utente, an SVNR, a KVNR, a rodné číslo, a dowód osobisty, a Ghana Card (both tries), a BPJS
  number, a spelled PAN, an Aadhaar's last four and a Moroccan CIN read in French digits are ``NATIONAL_ID``; school
  classes kept ``CODE``, a Leap card and a library card kept ``REFERENCE``; both tries of a passport are
  ``PASSPORT``; a building society roll number read with its letters, a Pix key that is a phone (both tries), a
  Moroccan RIB and "ag. 0412 c/c 38819-4" are ``BANK_ACCOUNT``; an SA branch code, a US routing number, SAT codes,
  a porting NIP, door codes and PINs are kept ``CODE``; an e-mail read back with its domain but no "at" is an
  ``EMAIL``; a second caller's own data is personal; a quoted thread's "Karen wrote" is a ``PERSON``, a display name
  "Customer Support" a kept ``TEAM``; typed invoice data's "CP" is ``ADDRESS``, spoken postcodes said alone kept
  ``ZIP`` but a Brazilian CEP an ``ADDRESS``; the last three digits of a number dialled are a kept ``LAST_DIGITS``; a
  policy number read as letters and digits is one kept ``POLICY``, a plate read aloud a kept ``VEHICLE_REG``.
- **Written down in session 31 after blind58* was written, before it was scored** (the writers' reports): a phone
  carrier's helpline is a ``PHONE``; gamer usernames are kept ``USERNAME``; an e-mail read back with "at gmail" and no
  "dot com" is one ``EMAIL``, one read back without its domain ("jenny_reyes22 po ba") an ``EMAIL`` with the
  particles outside; a spoken Irish IBAN with its check digits read one by one is one ``IBAN``; a US form's ZIP field
  is ``ADDRESS``, a ZIP in a sentence a kept ``ZIP``; routing numbers and BSBs labelled apart are kept ``CODE``, the
  account masked; a spoken French account number is ``BANK_ACCOUNT``; a couple signing off are two spans, "Mr & Mrs
  T. Sheridan" one with the titles outside; a surname on a letterbox and the full signature are two ``PERSON``; UK,
  German and Spanish driving licences, a US ITIN, a child's Spanish social-security number, a tarjeta sanitaria, a
  Luxembourg matricule, a Hungarian ID card and adóazonosító jel, a French provisional NIR, an Argentine DNI said as
  one number in words and a Spanish DNI read digit by digit with "equis" are ``NATIONAL_ID``; in-game currency a kept
  ``COUNT``, a shoe size a kept ``SIZE``; "Prof." stays outside a name, as do Thai honorifics (คุณ, น้อง) and "rn"; a
  hotel's whole address for lost luggage is an ``ADDRESS``, its room a kept ``ROOM``; a Thai Buddhist-year DOB is one
  ``DOB``; both tries of a codice fiscale, a NINO, a Pix key (``BANK_ACCOUNT``) and GCash / PayLah numbers (``PHONE``)
  are marked; a phone said without then with its leading zero is two ``PHONE``; a writer's own house number said
  alone is ``ADDRESS``, a barangay, sector, estate or condo named alone a kept ``PLACE``; a Polish porting code a kept
  ``CODE``; a Thai plate a kept ``VEHICLE_REG``; a surname-first pupil's name one ``PERSON``, a school class a kept
  ``CODE``; a medical-aid dependant code and member number kept; "nació el 3 de abril de 1956" leaves "el" outside;
  two bankgiros that differ are both ``BANK_ACCOUNT``, an OCR a kept ``REFERENCE``; a firm named after its signing
  owner masks the surname only ("Holm Måleri AB", "Collins & Ward Lettings", "Huber Bau KG"); a Belgian structured
  communication, a Latvian contract number and a Swiss Versichertennummer are kept ``REFERENCE``; a sibling's passport
  and a passport's old and new numbers are ``PASSPORT``; a townland and county line is an ``ADDRESS``, the Eircode on
  its own line another; a NATO-spelled surname is one ``PERSON``; "Credit Control" and "Dział Obsługi Klienta" kept
  ``TEAM``, an SMTP display name "Customer Service" unmarked; an IPv6 address is an ``IP_ADDRESS``; "moved to Gdańsk"
  a kept ``PLACE``; a Portuguese "Código postal" alone is an ``ADDRESS``, a CPE a kept ``CODE``.
- **Written down in session 31 after blind59* was written, before it was scored** (the writers' reports): a login
  typed wrongly then corrected is a kept ``USERNAME`` both times; a scam text's number is a ``PHONE``, its link a kept
  ``URL`` (a scam text with no one's data has no PII), a phishing mailbox an ``EMAIL``; "Dr.", "Herrn", "Mme" stay
  outside names; a name given alone then in full is two spans, a spelled surname and its echo further spans (a spelled
  Irish surname with "fada" hints one span); the writer's surname inside his employer's name is masked, a firm whose
  surname no one in the message bears is kept whole (also when the writer signs with a first name only); a suspect
  payee with an initial is one ``PERSON``, an old account's last four a kept ``LAST_DIGITS``; a parcel's wrong house
  ("number 17") is an ``ADDRESS`` in one batch and unmarked in another (the conventions disagree); a pet named with a
  title ("Mr Whiskers") is a kept ``PET``; microchip numbers and CUPS are kept ``CODE``; an e-mail in words with
  digits as words is one ``EMAIL``; a hotel for a lost bag is an ``ADDRESS``, its room a kept ``ROOM``; "el doce de
  mayo del ochenta y cuatro" leaves "el" outside; a Personalausweis is a ``NATIONAL_ID``, its validity a kept ``DATE``;
  a street named alone is a kept ``PLACE``; a half-typed then corrected e-mail is two ``EMAIL``; a surname in a fake
  domain's sentence is a ``PERSON``, the real domain a kept ``URL``; a wrong and a right NIF, isikukood or Steuer-ID
  are both ``NATIONAL_ID``; a Swiss Versichertennummer a kept ``REFERENCE``, the AHV beside it a ``NATIONAL_ID``; a
  KVNR, a davčna številka, a TAJ, an OIB, a rodné číslo, a child's personnummer or EMŠO, a CPR, a CNP, a Medicaid id,
  both forms of a Sri Lankan NIC, a CNIC's or Aadhaar's last four, a CURP spelled with Spanish letter names, a căn
  cước and a MyKad read in words are ``NATIONAL_ID``; a Hungarian and a Norwegian domestic account are
  ``BANK_ACCOUNT``, a Danish reg.nr and a sort code labelled apart kept ``CODE``; a DOB corrected to a year alone is two
  ``DOB``; a NINO read in groups is one ``NATIONAL_ID``; a letter's reference read aloud is a kept ``REFERENCE``; a
  URL-encoded phone and e-mail are one span each; company ids (VAT, KvK, BTW, IČO, CVR, org.nr, CUI, P.IVA, a
  company's NIP, a company number) are kept ``CODE``, payment references (OCR, structured communication, Multibanco
  referência) kept ``REFERENCE``, the Multibanco entidade a kept ``CODE``; a foreign plate a kept ``VEHICLE_REG``; a
  mistaken PO a second kept ``REFERENCE``; a Sri Lankan passport is a ``PASSPORT``, its renewal application a kept
  ``REFERENCE``; a Mexican CP said alone a kept ``ZIP``; a Ghana digital address and a Kenyan address with its
  landmark are one ``ADDRESS``; a neighbour's house number is unmarked, the caller's own said alone an ``ADDRESS``; a
  mobile-money PIN is a kept ``CODE``; a mother's maiden name given as a security answer is a ``PERSON``; articles stay
  outside place and company spans.
- **Written down in session 31 after blind60* was written, before it was scored** (the writers' reports): a short
  service number said alone ("au 3900") and a bank's "call this number" line are ``PHONE``; an unfinished spoken phone
  and the full one are two ``PHONE``; a right name and a bakery's misspelling are both ``PERSON``; a surname on a
  letterbox is its own span; a writer's surname in his own firm is masked alone ("Ashworth Joinery Ltd", "Khan Legal
  LLP", "Kirkland Roofing"), a firm signed with a first name only kept ``COMPANY``, "Officina Meccanica di Gatti
  Roberto" masks the surname-first name; an agent's echo of the caller's town is an ``ADDRESS``, a town typed after
  the street one span with it, a Portuguese town after "em" a second span, a Canadian street, town, province and
  postal code said in one turn one span, a US city said in its own turn an ``ADDRESS`` and a ZIP said alone a kept
  ``ZIP``, a CP typed after a chat address a kept ``ZIP``; a wrong postcode, its correction and the read-back are three
  ``ADDRESS``; a neighbour's house number is unmarked; an Amex CID is a ``CVV``; "****8812" is a kept
  ``LAST_DIGITS``; a DOB corrected to a year alone is two ``DOB``; a spelled Irish surname with its fada is one
  ``PERSON``; a card typed into a scam site is a ``CARD``, the scam domain a kept ``URL``; sort code and account
  labelled apart keep the sort code ``CODE``, written together (also wrong and right) one ``BANK_ACCOUNT``; a KVNR, a
  Bangladeshi NID, a Ugandan NIN, a Scottish CHI, an AMKA, an ΑΦΜ, an ЕГН, a CNP, an asmens kodas and a child's
  isikukood are ``NATIONAL_ID``, a second staff id differing by two digits too; an employer's HR mailbox with the
  writer's surname is an ``EMAIL``; a viewing's property address in a subject is an ``ADDRESS``; "Familie Brockmann"
  masks the surname, the writer's "Nr. 12" is marked, the other house unmarked; "Customer Care" in a signature a kept
  ``TEAM``, "2/5" a kept ``QUANTITY``, "8–12 Uhr" two ``TIME``, a spoken policy number one ``POLICY``; a UPI id and an
  Argentine Mercado Pago alias (both tries) are ``BANK_ACCOUNT``; a German telecom password a kept ``CODE``; a Thai
  plate with its province one kept ``VEHICLE_REG``; "binti" stays inside a Malay name, "Reyes, Kristine Joy" is one
  span, "con tilde" outside; a nickname corrected to a full name is two spans; "dona Luana" keeps "dona" outside; a
  claims mailbox in a quoted header and an attacker's replacement e-mail are ``EMAIL``, an e-mail read back without
  its domain an ``EMAIL``; a health insurer's member number and a hospital MRN are kept ``REFERENCE``; a passport
  number the writer doubts is still a ``PASSPORT``; a CEO-fraud mailbox, IBAN, beneficiary and fake signature's first
  name are personal, the real supplier and domain kept; "M. et Mme Dubois-Arnaud" is one span; a Czech prefixed
  account, a Swedish clearing + account written as one field are one ``BANK_ACCOUNT``, a Danish reg.nr labelled apart
  a kept ``CODE``; a gas EIC and an Irish charity number kept ``CODE``, a Romanian payroll "marca" a kept
  ``REFERENCE``; a town kept as ``PLACE`` in a sentence is an ``ADDRESS`` on a signature's postcode line; an "Eircode"
  label stays outside its ``ADDRESS``; a misheard read-back and a re-spelling of a surname are each ``PERSON``; a card
  read in two halves with a pause is two ``CARD``. (blind60c's writer flags "Kaczmarek i Wspólnicy" kept whole while
  Anna Kaczmarek signs: by the rule her surname should be masked inside it; left as written.)
- **Written down in session 31 after blind61* was written, before it was scored** (the writers' reports): an agent
  reading out another customer's address by mistake is still an ``ADDRESS``; "Sir", "Encik", "Mr.", "(Mrs)" stay
  outside names, both tries of a name are marked; a phone broken off and given again, or read without then with its
  leading zero, is two ``PHONE``; a half-spelled surname is a second ``PERSON``; an Aadhaar's last four given to verify
  is a ``NATIONAL_ID``, a card's last four a kept ``LAST_DIGITS``; a Kenyan SHA number, a Colombian cédula read in
  words as one number, a Luxembourg matricule, a Hungarian adóazonosító jel and TAJ, a daughter's SA ID, a late
  husband's NINO and a Spanish tarjeta sanitaria are ``NATIONAL_ID``; a Discovery Health member number and dependant
  code, a Swiss Versichertennummer, a Turkish subscriber number, a WindTre "codice cliente", a French utility customer
  number read digit by digit and a health plan's member id spelled with hints are kept ``REFERENCE`` / ``CODE``; a
  Pix key that is a phone (wrong then right) is two ``BANK_ACCOUNT``, a Nequi or GCash number a ``PHONE``; a vendor's
  account beside its provider is a ``BANK_ACCOUNT``, the provider a kept ``COMPANY``; a Turkish line number is a
  ``PHONE``; prepaid tokens, porting codes, RIO, CUPS, POD, CPE, MPRN and IFSC are kept ``CODE`` / ``METER``; a
  business's RFC and a Czech sole trader's IČO are kept ``CODE``; a funeral-policy beneficiary is a ``PERSON``; a date
  of death a kept ``DATE``; a country code alone is unmarked; a scam's callback number is a ``PHONE``, the card and CVV
  given to the scammer ``CARD`` and ``CVV``; "nummer 42" said alone for one's own address is an ``ADDRESS``; a
  phishing sender's mailbox is an ``EMAIL``; a surname inside a firm's name is masked when a person with it is masked
  in the message (also "t/a Whitfield Electrical"), a firm close to but not the writer's surname kept whole, a
  misspelt and a correct employer both kept ``COMPANY``; a fake change-of-bank beneficiary, mailbox and IBAN are
  personal, a forwarding colleague a ``PERSON``; "M. et Mme Lambert-Roux" masks the surname only; a payment reference
  built from a surname is a kept ``REFERENCE``; a German spelling with one helper word is one ``PERSON``; spoken policy
  numbers (also in German number words) are one kept ``POLICY``; a leaked payslip's employee name and personnummer
  are personal; "Dr." and "Mr" before a surname may be kept ``TITLE`` spans; a card typed in two halves is two
  ``CARD``; "flat 12" for one's own flat is an ``ADDRESS``, a gate code a kept ``CODE``; "ZHOU/LINA MS" keeps "MS"
  outside; couples ("Tobias & Mira Engel") and a doorbell's two names are two ``PERSON``; a hacker's login IP is an
  ``IP_ADDRESS``, its country a kept ``COUNTRY``; a misspelt and a correct name on a booking are both ``PERSON``; the
  other driver's name and phone are personal, the plate kept; a landlord's rented-out property address is an
  ``ADDRESS``; a French school class and a course code kept ``CODE``; a day-only date a kept ``DATE``.
- **Written down in session 31 after blind62* was written, before it was scored** (the writers' reports): an agent's
  read-back of the caller's house number is its own ``ADDRESS``; a German spelled surname with "O mit Punkten" is a
  second ``PERSON`` with its helper words, a booking reference spelled with "R as in Romeo" one kept ``BOOKING``; a
  passport read digit by digit is one ``PASSPORT``; a company helpline typed in a complaint is a ``PHONE``; a mistyped
  and a correct e-mail are two ``EMAIL``; a parcel's wrong and right houses are both ``ADDRESS`` (blind62, blind62c;
  the conventions disagree); "the Hollis family" masks the surname alone; a surname given for a table is masked with a
  CRM name too; an old and a new name on a booking are both ``PERSON``; a storm's and a band's names are kept
  ``EVENT``; a student number, a player id and a CRN are kept ``REFERENCE``; school classes kept ``CODE``; a spoken
  card expiry a kept ``EXPIRY``, the CVV beside it a ``CVV``; a tarjeta sanitaria, a Steuer-ID, a Personalausweis, an
  unsure número de utente (both versions), an Austrian e-card number, an Aadhaar's last four read one by one, a
  Kenyan SHA number with its check suffix and a sole trader's NIP are ``NATIONAL_ID``; "Paddy" signing off is a
  ``PERSON``, "Whelan's Bar" with no Whelan masked a kept ``COMPANY``; an owner's surname in a self-corrected firm name
  is masked in both tries, "Talleres Ibarra S.L." with nobody masked kept whole; "Mr" stays outside; a misaddressed
  letter's addressee is a ``PERSON``; a fake change-of-bank mailbox, IBAN and beneficiary are personal, its display
  name and real domain kept; "reg. 1551 konto 3100458821" written as one run is one ``BANK_ACCOUNT``, a reg.nr on its
  own form line a kept ``CODE``; a Czech prefixed account is one ``BANK_ACCOUNT``; "Stiege 2" a kept ``PLACE``, "Top
  17, Wiedner Hauptstraße 60, 1040 Wien" one ``ADDRESS``, a Danish "4. th" alone an ``ADDRESS``, "kamer 214" with a
  care home's street one ``ADDRESS`` and the home's name a kept ``COMPANY``; payroll table names are ``PERSON``, their
  ids kept ``REFERENCE``; ledger codes ("THO001") kept ``REFERENCE``; tax codes "1257L" and "BR" kept ``CODE``, "week
  42" a kept ``DATE``; an invoice number read in German digit words one kept ``INVOICE``; a quoted M-Pesa SMS's wrong
  recipient is a ``PERSON``, both numbers ``PHONE``; a paybill and a branch code written apart are kept ``CODE``, the
  account a ``BANK_ACCOUNT``; one's own unit in a named complex is an ``ADDRESS``, the complex a kept ``PLACE``; a
  landmark inside a Kenyan delivery address is inside the span, one in its own sentence a kept ``PLACE``; "entre calle
  Juárez y Allende" kept ``PLACE``; a CEP, the street's echo and the house number in separate turns are three
  ``ADDRESS``; "le" stays outside a French DOB; a newborn's birth date is a ``DOB``; a Spanish postcode and a Mexican CP
  said alone are kept ``ZIP``, a "CP fiscal" in typed invoice data an ``ADDRESS``; UPI ids (wrong then intended) are
  ``BANK_ACCOUNT``, the UTR a kept ``REFERENCE``; a PAN-card name order and an account name order are two ``PERSON``; a
  passport printed wrong and the right one are both ``PASSPORT``, a passport-seva file number a kept ``REFERENCE``; an
  agent's read-back of an e-mail's local part is an ``EMAIL``; a NATO-spelled e-mail local part is one ``PERSON``; a
  phone broken off and restarted is two ``PHONE``; "Idraulica Ferri di Ferri Stefano" masks both, firms with no masked
  namesake ("Meyer Haustechnik GmbH", "Hollis & Webb Plumbing") are kept ``COMPANY``; a spoken German IBAN in groups is
  one ``IBAN``; a spoken French fixed line in two-digit words is one ``PHONE``, a RIO a kept ``CODE``; vocatives and
  honorifics stay outside names ("Mummy", "dona", "don", "hanım", "panie", "Encik", "a.n."), a bare "Alhaji" is
  unmarked; a mother's maiden name as a security answer is a ``PERSON``; a US state before a plate stays outside the
  kept ``VEHICLE_REG``; a Polish transfer title and a parcel-locker tracking number are kept; an attacker's recovery
  e-mail and login IP are ``EMAIL`` and ``IP_ADDRESS``. (blind62c's writer read only part of this docstring: the
  middle was cut by their tool.)
- **Written down in session 32 after blind63* was written, before it was scored** (the writers' reports): an e-mail's
  local part read back with its domain spoken ("t.okoro at yahoo") is an ``EMAIL`` over the local part, the caller's
  letters after it a second ``PERSON``; a French address corrected in full is two ``ADDRESS``; a Spanish postcode in
  its own turn a kept ``ZIP``; a Packstation number and a Postnummer kept ``CODE``; card and passport expiries kept
  ``DATE``; a hotel named by its city alone a kept ``CITY``, its room a kept ``ROOM``; a team's display name in a
  quoted header ("Service Client Darty") a kept ``TEAM``; lower-case nickname sign-offs are ``PERSON``; "R. Okonjo" one
  ``PERSON``; "Jonas und Lea Brandt" two spans; star ratings kept ``QUANTITY``; a Medicare position number a kept
  ``CODE``, the card number a ``NATIONAL_ID``; a wrong and a corrected DNI two spans; a US unit given alone an
  ``ADDRESS``; a neighbour's and a courier's wrong house numbers unmarked (blind63); an agent correcting their own name
  gives two ``PERSON``; a firm said by mistake and the right one both kept ``COMPANY``; a scam payee shown by an app a
  ``PERSON``; a stranger's house reported for an illegal connection an ``ADDRESS``, the landmark after it unmarked; a
  title said before a self-correction unmarked; an SMS fraud short code a ``PHONE`` (against blind55*'s call); a card
  given in two halves two ``CARD``, "ending five three six six" a kept ``LAST_DIGITS``; a mobile-money number sent to
  by mistake and the intended one both ``PHONE``; a neighbour taking a parcel a ``PERSON`` with their ``ADDRESS``; a
  neighbour's "nº 32" unmarked, the writer's own "nº 23" an ``ADDRESS``; a late father's name and MyKad personal, the
  date he died a kept ``DATE``; a password said aloud a kept ``CODE``; a mother's maiden name alone a ``PERSON``; a
  surname spelled with "double l" one ``PERSON``; a count of transactions a kept ``COUNT``; a US city in its own turn
  after the street an ``ADDRESS`` (blind63b); a fake change-of-bank mail's display name kept ``COMPANY``, its mailbox,
  IBAN and beneficiary personal, the genuine domain a kept ``URL``; a supplier's webmail address masked, the firm kept;
  a firm sharing a masked surname masks the surname alone ("Krüger & Lenz Steuerberatung PartG"), a firm with no
  masked namesake kept whole; a company's own card and CVC masked, the expiry kept; a landlord's "Vondelstraat 88-2"
  without a town an ``ADDRESS``, the neighbours' "nr. 86" unmarked; a KVNR and an SV-Nummer ``NATIONAL_ID``; a payroll
  matricule and a vendor-master id kept ``REFERENCE``; a Polish NRB without "PL" and a Swedish clearing-and-account
  run one ``BANK_ACCOUNT`` each, a clearing number or reg.nr on its own label a kept ``CODE``; "40-12-76 91827364"
  one ``BANK_ACCOUNT``, a sort code labelled apart a kept ``CODE``; calendar weeks kept ``DATE``, school classes kept
  ``CODE``; "Block C", "Schiphol" and a supermarket car park kept ``PLACE``; titles stay outside names (blind63c).
- **Written down in session 32 after blind64* was written, before it was scored** (the writers' reports): a shop's
  name on a marketplace is a kept ``COMPANY``; a scammer's handle that spells a first name a kept ``HANDLE``, the payee
  name they gave a ``PERSON``; an Australian postcode in an outage tweet a kept ``ZIP``; a baggage file number and a
  bag tag kept, the hotel the bag goes to one ``ADDRESS`` with its name inside, the room a kept ``ROOM``; boxers named
  as the fight streamed kept ``PUBLIC_FIGURE``; "MRS" after an airline-style name outside it; a French identity card
  in the new 9-character form a ``NATIONAL_ID``; a driving licence "the same as the DNI" one ``NATIONAL_ID``; a Pix key
  that is a CPF a ``BANK_ACCOUNT``; a spoken eircode an ``ADDRESS``; a nickname signing off with a CRM name a
  ``PERSON``; a quoted company letter's signer, office address and phone masked, job title and company kept; a gate
  and an airport code kept ``PLACE``; a frequent-flyer number a kept ``REFERENCE``, its programme a kept ``PRODUCT``;
  an Austrian plate one kept ``VEHICLE_REG``; a gamer tag that spells a child's name a kept ``USERNAME``, the child's
  first name alone a ``PERSON`` (blind64); a Ugandan NIN read letter by letter, a Zambian NRC read with "slash", a
  Moroccan CNSS number and a private person's URA TIN are ``NATIONAL_ID``; Thai names inside unspaced words are
  ``PERSON`` with คุณ outside, a Sinhala honorific after a name outside, Bengali "মোঃ" inside; Bengali-digit NIDs
  marked as written; an Egyptian address with the flat after the city one ``ADDRESS``; an eircode at the end of a
  written address inside it; an Australian postcode said with the street inside the ``ADDRESS``; a wrong house a
  courier delivered to unmarked (blind48's rule); a nickname masked where the CRM name is not in the text; a wrong
  first try of an e-mail and the right one both ``EMAIL``; a misread and corrected DNI two spans; a card's last four
  read to verify a kept ``LAST_DIGITS``; a scam caller's phone and the victim's MoMo number both ``PHONE``, a USSD code
  a kept ``CODE``; Yape wallet numbers wrong and intended both ``PHONE``; a Mercado Pago alias and a Moroccan RIB a
  ``BANK_ACCOUNT``; a phishing domain a kept ``URL``; utility and telecom customer numbers read aloud kept
  ``REFERENCE``; a policy read in letters and digits a kept ``POLICY``; a Ghanaian plate a kept ``VEHICLE_REG``;
  airport codes kept ``PLACE``; some firms addressed in greetings left unmarked (blind64b); an office address given as
  an interview venue an ``ADDRESS``; a building named alone a kept ``PLACE``, each French address form field its own
  ``ADDRESS``; a signer's surname inside the firm's name masked alone ("Zimmerli Haustechnik AG"), a firm with no
  masked namesake kept ``COMPANY``; a fraud mail's real display name and domain kept, the look-alike mailbox,
  beneficiary and IBAN masked, the real supplier's switchboard a ``PHONE``; a sort code run into the account one
  ``BANK_ACCOUNT``; an impossible date of birth and its guess both ``DOB``; a wrong and a right SVNR or CPR both
  ``NATIONAL_ID``; another person's payslip received by mistake masks their name and PPS; a Swedish clearing number on
  its own a kept ``CODE``, a bankgiro a ``BANK_ACCOUNT``, its OCR a kept ``REFERENCE``; a Czech account one
  ``BANK_ACCOUNT``, its variable symbol a kept ``REFERENCE``; container, voyage and customs entry numbers kept
  ``REFERENCE``, a Leitweg-ID, a BACS user number and a DX number kept ``CODE``, applicant ids kept ``REFERENCE``; a TK
  number on a sick note a ``NATIONAL_ID``, "TK" a kept ``COMPANY``; "Ing.", "Mag.", "Maître", "Herr Notar Dr." and
  "Prof." outside names, a Polish or Czech vocative masks the name alone; a caller's former and current homes three
  ``ADDRESS`` spans; an out-of-office reply's team mailbox an ``EMAIL`` (blind64c).
- **Written down in session 32 after blind65* was written, before it was scored** (the writers' reports): a ride's
  pickup and drop-off points kept ``PLACE``; a bin-collection complaint's street and suburb kept ``PLACE``; a wrong door
  unmarked, the writer's own flat an ``ADDRESS``; voucher codes kept ``CODE``; "Revd" and "Sister" outside names; a
  practice named after its doctor masks the surname ("Hausarztpraxis Dr. Lorenz"); a reviewer's name in a review label
  a ``PERSON``; bands and artists on tickets kept ``PUBLIC_FIGURE``; a phone extension after "ext" inside the
  ``PHONE``; a tarjeta sanitaria code and a Versichertennummer ``NATIONAL_ID``; a card pasted into a bot a ``CARD``, the
  bot's "ending 0220" a kept ``LAST_DIGITS``; an SSN's last four given to verify an ``SSN``, a ZIP alone a kept
  ``ZIP``; a scam SMS's landline a ``PHONE``, its domain in words unmarked; a church hall's booking mailbox an
  ``EMAIL``, the charity number a kept ``CODE``; "**** 7720" one kept ``LAST_DIGITS``; "PCN", "PNR" and "PDR" outside
  their kept numbers, "Error 30" one kept ``CODE`` (blind65); an SSNIT number, a PhilHealth PIN and an SSS number read
  in groups, a BPJS/JKN card number, a NIT/PIS and a Nigerian state TIN are ``NATIONAL_ID``, a private health plan's
  member card a kept ``REFERENCE``, a Remita RRR a kept ``REFERENCE``; a new and an old Sri Lankan NIC two spans; a
  social-security number said wrong then right two spans; a PESEL begun in words and restarted in digits two spans;
  first tries broken off with "…" marked each; Greek and Polish vocatives mask the name alone, Hungarian "úr" outside;
  "doktora" a kept ``TITLE``; the house a courier left a parcel at unmarked, the customer's own "43" an ``ADDRESS``; a
  paybill a kept ``CODE``, its account a kept ``REFERENCE``; an Egyptian phone in Arabic-Indic digits one ``PHONE``; a
  landmark inside a Kenyan delivery address inside it, one in another message a kept ``PLACE``; a firm said by mistake
  and the right one both kept ``COMPANY``; a scam text's card a ``CARD``, its expiry a kept ``DATE``; a dead father's
  name and ID personal, the date he died kept; public bodies kept ``ORG`` (blind65b); a staff extension alone a
  ``PHONE``; a Czech prefix-number/bank-code account and a Hungarian 3×8 giro account one ``BANK_ACCOUNT`` each, a
  variable symbol a kept ``REFERENCE``; a Danish reg.nr a kept ``CODE``, the konto a ``BANK_ACCOUNT``; a Swedish clearing
  number labelled apart a kept ``CODE``, written in one run with the account one ``BANK_ACCOUNT``; a tenant's account
  passed on by a landlord a ``BANK_ACCOUNT``; personas kods, asmens kodas, isikukood, a person's ΑΦΜ and ΑΜΚΑ are
  ``NATIONAL_ID``, a company's ΑΦΜ a kept ``CODE``; a KVNR on a sick note a ``NATIONAL_ID``, the insurer kept; TAJ and
  adóazonosító jel ``NATIONAL_ID``, an Ügyszám a kept ``CASE``; rodné číslo with or without its slash and a číslo
  pojištěnce ``NATIONAL_ID``; a CNP, a NUSS and a NISS ``NATIONAL_ID``, a payroll "Marca" a kept ``REFERENCE``; trade
  register numbers, CUI, adószám, IČO/DIČ and company NIP/KRS kept ``CODE``; a viite, a KID, an OCR, an INPS protocol
  and an e-ZLA number kept ``REFERENCE``; another employee's name and CPR masked; a colleague's NUSS and DNI masked; a
  firm named after two masked signers masks both surnames; "Moriarty Lettings" under "Declan Moriarty" kept whole (the
  writer says this goes against the masked-surname convention); Hungarian family-name-first names one ``PERSON``; a
  Polish vocative masks the name; a neighbour's house number unmarked, the writer's own an ``ADDRESS``; a pothole's
  street a kept ``PLACE``, "numéro 42" unmarked; "Λογιστήριο" a kept ``TEAM``; a henkilötunnus with its check letter
  one ``NATIONAL_ID``; a Dutch assessment number a kept ``REFERENCE``; a wrong and a right spelling both ``PERSON``; a
  supplier's changed bank details masked, the phone used to check them a ``PHONE`` (blind65c). blind65c's brief named
  the Central and Eastern European, Greek, Baltic and Nordic languages and national account layouts, the ground the
  candidate it judges (32-3) covers.
- **Written down in session 32 after blind66* was written, before it was scored** (the writers' reports): a hotel
  named alone as the place booked a kept ``COMPANY``, the hotel a card is sent to one ``ADDRESS`` with its name inside,
  the room a kept ``ROOM``; one's own flat given as a bare code ("flat C14") an ``ADDRESS``; "appartement 22" after the
  writer's street a second ``ADDRESS`` without the word; a decline reason in words a kept ``CODE``; a booking code with
  its brand one kept ``BOOKING``; a card statement line one kept ``COMPANY``; a rijksregisternummer a ``NATIONAL_ID``;
  a spouse's name and licence on a policy ``PERSON`` and ``NATIONAL_ID``; couples signing off two spans, the shared
  surname in the second; a dog breed a kept ``PRODUCT``; a child's age a kept ``AGE``; a wrong date of birth given as
  "14.03" with no year unmarked, the corrected one a ``DOB`` (blind66); a name spelled right after it is said a second
  ``PERSON``; the agent's first name repeated by the caller a ``PERSON``; "Md." inside a name, "binti" inside a Malay
  name, "encik" outside; Thai honorifics and particles outside; a Thai condo unit with building and district one
  ``ADDRESS``; a Bengali-digit NID one ``NATIONAL_ID``; a Jamaican TRN a ``NATIONAL_ID``; a DNI letter corrected in
  speech two spans; a German date of birth corrected to a day and month both ``DOB``; a postcode corrected in speech
  two ``ADDRESS``; a card read in four pieces four ``CARD``; a chat card a ``CARD``, its expiry kept; a spoken sort code
  and account one ``BANK_ACCOUNT``, a South African account read in groups one; a neighbourhood after the street inside
  the ``ADDRESS``; the house a courier left a parcel at unmarked (the writer had marked "number 9" an ``ADDRESS`` and
  asked for it to be checked against the conventions before scoring: unmarked, as blind48's and blind64b's calls say);
  a hospital patient number and a health-plan card kept ``REFERENCE``, a Versichertennummer and an NHS number
  ``NATIONAL_ID``; an LIC policy kept ``POLICY``, a bank customer id kept ``REFERENCE``, a UPI id a ``BANK_ACCOUNT``; a
  Turkish installation number, a CUPS, a POD and an MPRN kept ``METER``; an NRE kept ``REFERENCE``; "Packstation 112"
  a kept ``PLACE``, a Postnummer a kept ``REFERENCE``; airport codes kept ``PLACE``; a scam SMS's sender a ``PHONE``,
  its link a kept ``URL``; public bodies kept (blind66b); a firm said wrong then right masks the writer's surname in
  both ("Boulangerie Haddad… Haddad & Fils"); a sole trader's firm masks his surname, his personnummer that doubles as
  org.nr a ``NATIONAL_ID``, his bankgiro a ``BANK_ACCOUNT``; "Keane Harper LLP" under Andrew Keane masks "Keane" alone;
  "Pichler Elektrotechnik e.U." and "Wenzel & Ott Logistik GmbH" mask the writer's surname; a fake change-of-bank
  mail's display name and real domain kept, its mailbox, beneficiary and IBAN masked, the real office phone a
  ``PHONE``; a clearing number and a Danish reg.nr labelled apart kept ``CODE``, the konto a ``BANK_ACCOUNT``; a phone
  broken off and restarted two spans; a card typed in two halves two ``CARD``; someone else's IBAN and name in a bank's
  alert masked, the bank's service number a ``PHONE``; a NUSS a payroll clerk quotes back and a NIE ``NATIONAL_ID``; a
  private taxpayer's Steuernummer a ``NATIONAL_ID``, an e-mail whose domain holds a surname one ``EMAIL``; a wrong
  neighbour's house number unmarked, the writer's own an ``ADDRESS``; a planning application's site and the
  objector's cottage both ``ADDRESS``; a nursery room's name a kept ``PLACE``, "Year 4" and "CM1" kept ``CODE``; a
  message signed only by a team has no PII; lower-case and first-name sign-offs ("declan", "/Line", "T. Satu")
  ``PERSON``; a 15-digit Amex one ``CARD``, its four-digit code a ``CVV`` (blind66c).
- **Written down in session 32 after blind67* was written, before it was scored** (the writers' reports): a firm before
  the writer's work address a kept ``COMPANY``, the street an ``ADDRESS``; a pub named after the CRM surname with no
  name of his in the message a kept ``COMPANY``; a neighbour's house letter unmarked, a misdelivered letter's addressee
  and address masked; the wrong address a parcel went to and the writer's both ``ADDRESS`` (blind50c's precedent); a
  condominium flat an ``ADDRESS``, its block a kept ``PLACE``; a community of owners kept ``COMPANY``, its
  administrator a ``PERSON`` with "don" outside; a tarjeta sanitaria a ``NATIONAL_ID``; a BSB and account in one run
  one ``BANK_ACCOUNT``; a credit union's savings account a ``BANK_ACCOUNT``, its member number a kept ``REFERENCE``; a
  building society roll number read with its letters a ``BANK_ACCOUNT``; a Pix key that is a CPF a ``BANK_ACCOUNT``;
  a wrong and a right SSN both ``SSN``; a wrong and an intended account both ``BANK_ACCOUNT``; airline-style names
  "QURESHI/FASIAL" and "QURESHI/FAISAL" two ``PERSON``, "MR" outside (the writer had put it inside and asked for it
  to be checked; corrected before scoring); a card read with commas one ``CARD``, an Amex front code a ``CVV``, "Amex"
  kept; a scam text's sender a ``PHONE``, its link a kept ``URL``, the card typed into it a ``CARD``; a customer
  reference read aloud kept; a sort code labelled apart kept ``CODE``, the landlord's account and "Jonathan P. Reddy"
  personal; titles outside names, "Liebe Praxis Dr. Seidel" masks the surname; a band kept ``PUBLIC_FIGURE``; card
  statement descriptors kept ``COMPANY``; a hotel a lost bag is sent to an ``ADDRESS``, the room kept; a newborn's
  birth date a ``DOB`` (blind67); a postcode's first try and its correction two ``ADDRESS``; a phone cut off by
  crosstalk and repeated two ``PHONE``; a spoken SSN with "uh" inside one ``SSN``; a wrong and a right Mercado Pago
  alias both ``BANK_ACCOUNT``; the holder a wrong payment went to a ``PERSON``, wrong and intended e-transfer e-mails
  both ``EMAIL``; Pix keys that are phones ``BANK_ACCOUNT``; an Aadhaar's last four read aloud a ``NATIONAL_ID``, a
  card's a kept ``LAST_DIGITS``; a BPJS card number and a NIK ``NATIONAL_ID``; a Ghana Post GPS code spoken or written
  an ``ADDRESS``; a Brazilian CEP, house number and flat said in separate turns three ``ADDRESS``; "cabinet du docteur
  Lambert" masks the surname; a Polish genitive or vocative name masked; meter and installation numbers kept
  ``METER``; an SMS subscription short code a ``PHONE``; card descriptors with digits one kept ``COMPANY``; status and
  error codes kept ``CODE``; a leak report naming only a shop and a street has no PII; a quoted auto-reply's sender
  mailbox an ``EMAIL``, its display name a kept ``TEAM`` (blind67b); a signer's surname inside the firm's name masked
  everywhere in the message ("Firma: Hofstetter Feinmechanik GmbH", "Groothandel Van Dijk B.V."), the rest unmarked; a
  firm named alone kept whole; a sole trader's firm said wrong then right masks the surname in both; a Finnish housing
  company named after its street kept ``COMPANY``; an extension corrected in speech two ``PHONE``; a Steuer-ID the
  clerk suspects is the husband's a ``NATIONAL_ID``; "lic. iur.", "avv." and "Ing." outside names; a payroll table's
  surname-first name one ``PERSON``, its row number kept; "Top 14" an ``ADDRESS`` alone and inside the full address;
  rented flats' whole addresses with the floor, the upstairs "appartement 41" unmarked; a fake change-of-bank mail's
  mailbox, IBAN and payee masked, the real supplier and its phone as before; a registered office's move and a
  remit-to address ``ADDRESS``; a tarjeta sanitaria in the codice fiscale's shape and a číslo pojištěnce the same as
  the rodné číslo ``NATIONAL_ID``; a reg.nr or clearing number labelled apart kept ``CODE``, a Swiss UID and a Belgian
  ondernemingsnummer kept ``CODE``; a floor, a clinic room, a holiday flat's name and a motorway kept ``PLACE``;
  notices naming no person or dwelling have no PII (blind67c; its writer read only part of this docstring).
- **Written down in session 32 after blind68* was written, before it was scored** (the writers' reports): "Mummy" and
  "Papa" on a cake unmarked, the parents' names after them two ``PERSON``; a firm in a work address kept ``COMPANY``
  when the CRM's name is not in the message; Venmo usernames kept ``HANDLE``, the bare first name a ``PERSON``; a wrong
  and an intended recharge number both ``PHONE``; one's own door number with "número" inside an ``ADDRESS``, the door
  the food was left at unmarked, "civico 7" an ``ADDRESS`` with the street alone a kept ``PLACE``; "appartement 3B"
  and "Unit 4B" in a subject line ``ADDRESS``; a transit card number, a hotel loyalty number and a PPO number kept
  ``REFERENCE``, an IFSC labelled apart a kept ``CODE``; a spoken DNI with its letter one ``NATIONAL_ID``; a spoken
  German birth date one ``DOB``; a surname, its spelling with helper words and the first name three ``PERSON``; "Frau"
  outside names; an attacker's and the owner's mailboxes ``EMAIL``, the login IP an ``IP_ADDRESS``; a child's SSN asked
  for but not given is no PII (blind68); a firm said wrong and the right one both kept ``COMPANY``; spoken numbers in
  languages the label check cannot read marked whole; Pix keys that are phones ``BANK_ACCOUNT``; an old and a new
  Sri Lankan NIC two spans; a PAN and its repeat two spans; a postcode restarted mid-word one ``ADDRESS``, its
  read-back a second; booking codes with spelling hints one kept ``BOOKING``, a policy in letters and digits a kept
  ``POLICY``; a mother's name a ``PERSON``, her customer number kept; the paying M-Pesa number a ``PHONE``, the codes
  kept; "Happy 7th Mila" masks "Mila", the sign-off "Em" a ``PERSON`` (the writer left it unmarked as an initial-style
  nickname and asked for a check: a nickname signing off is a ``PERSON``, corrected before scoring); "la doctora
  Pizarro" masks the surname, "doctora" a kept ``TITLE``; "IT Ops" in a signature unmarked, an extension alone a
  ``PHONE``; a lower-case sign-off a ``PERSON``; "KRA" a kept ``ORG``, a KRA PIN a ``NATIONAL_ID``; a dead father's
  name, roll number and birth date personal; a Thai name after "คุณ" a ``PERSON``, a 13-digit id in groups one
  ``NATIONAL_ID``; a Mexican CP typed in a billing chat an ``ADDRESS``, said alone a kept ``ZIP`` (blind68b); a firm's
  surname matching a masked signer masked alone ("Bramwell & Hughes LLP" under Katherine Hughes masks "Hughes"), firms
  named after nobody masked kept whole; a fake change-of-bank mail's look-alike mailbox and IBAN masked, the real
  mailbox an ``EMAIL``, the payee firm kept, a suspect payee "J. Verhoeven" a ``PERSON``; a Danish reg.nr on its own
  label a kept ``CODE``, the kontonr a ``BANK_ACCOUNT``; a Norwegian account with dots one ``BANK_ACCOUNT``, its KID
  kept; a Belgian structured reference kept; a Polish account without "PL" a ``BANK_ACCOUNT``, with "PL" an ``IBAN``;
  an SVNR wrong then right two ``NATIONAL_ID``; a Spanish afiliación number a ``NATIONAL_ID``; "Lägenhet 1102" and
  "interno 14" the writer's own ``ADDRESS``, "scala C" a kept ``PLACE``; a pothole's street kept, "numéro 12" unmarked;
  public bodies kept ``ORG``; "CE 261/2004" a kept ``CODE``; a childcare code and a tax code kept ``CODE``, parking and
  council-tax accounts and employee numbers kept ``REFERENCE``; "KW 16" a kept ``DATE``, night counts kept ``COUNT``;
  a room list's guests ``PERSON``, the group ref a kept ``BOOKING``; a team's display name kept ``TEAM``; "M.
  Kavanagh" one ``PERSON``; a couple signing off two spans (blind68c).
- **Written down in session 33 after blind69* was written, before it was scored** (the writers' reports): a whole
  street address a parcel went to by mistake an ``ADDRESS``, a neighbour's bare number unmarked; "interno 8" with the
  word inside an ``ADDRESS``; a name corrected in writing and a SIN given right then wrong two spans each; a card in two
  halves two ``CARD``; "I am not Mr Adeyemi" masks the name; a Pix key that is an e-mail a ``BANK_ACCOUNT``; a host's
  off-platform mailbox an ``EMAIL``; a school's receiving account a ``BANK_ACCOUNT``; a Medicare number a
  ``NATIONAL_ID`` with its position kept ``CODE``; a Versichertennummer at a doctor's a ``NATIONAL_ID``, a Spanish
  insurer's member card kept; prepaid tokens kept ``CODE``, an MPAN kept ``METER``; a landmark clause after an address a
  kept ``PLACE``; a spoken Australian postcode alone kept ``ZIP``; labels outside kept numbers; a bus route kept
  ``CODE``; a dog breed and a lower-case payment brand kept ``PRODUCT``; lower-case and short sign-offs ``PERSON``
  (blind69); an NHI number a ``NATIONAL_ID``; "huisnummer 88" with the word inside an ``ADDRESS``; a mistyped and an
  intended mobile-money number both ``PHONE``; a Ghana Card read with its letters one ``NATIONAL_ID``; a SHA number
  with its check suffix one ``NATIONAL_ID``; a parcel-locker id kept ``CODE``; a Medicare issue number said alone kept
  ``CODE``; a newborn's birth date without a year a ``DOB``; airline-style "ADEYEMI/FOLASADE" one ``PERSON``, the title
  after it outside; a couple's shared surname in the second span; "MR D HOLLOWAY" keeps the initial inside; a Mexican
  "CP" billing field an ``ADDRESS``, a postcode said alone in a call a kept ``ZIP``; a spoken ITIN one
  ``NATIONAL_ID``; neighbours' surname masked, their house number unmarked; an attacker's IP and mailbox personal; a
  Ghana digital address an ``ADDRESS``, the suburb after it a kept ``PLACE``; a Pix key that is a phone a
  ``BANK_ACCOUNT``; a Moroccan RIB in groups one ``BANK_ACCOUNT``; an Egyptian IBAN an ``IBAN`` (blind69b); in a fake
  bank-change mail the look-alike mailbox an ``EMAIL``, the real director a ``PERSON``, the new IBAN personal, the
  display name a kept ``COMPANY``, the real account with its sort code one ``BANK_ACCOUNT``, a sort code on its own line
  kept ``CODE``; a firm holding the masked signer's or a named person's surname masks that surname, a partner's
  surname kept; "Notariat Dr. Bergmann" masks the surname; "Weber, Tobias" one ``PERSON``, a Personalnr. kept; Nombre
  and Apellidos on two lines two ``PERSON``, each address field its own ``ADDRESS``; a registered office an
  ``ADDRESS``, Hungarian adószám and cégjegyzékszám kept ``CODE``; a bankgiro and a konto each a ``BANK_ACCOUNT``, a
  clearing number alone kept; "numéro 48" and "nummer 14" of other houses kept ``PLACE``; an owners' community named
  after its address kept ``COMPANY``; a street-named branch kept ``PLACE``; out-of-office mailboxes, a switchboard and a
  stand-in's direct line masked; a Czech diminutive a ``PERSON``; a card and CVV sent by e-mail masked, the expiry kept;
  a Bizum number a ``PHONE``; a Maltese ID card a ``NATIONAL_ID``; "groep 7", a UK tax code kept ``CODE``; "KW 19",
  "uke 32" kept ``DATE``; a policy read with spaced letters and number words one kept ``POLICY`` (blind69c).
- **Written down in session 33 after blind70* was written, before it was scored** (the writers' reports): a couple
  signing off two spans, the shared surname in the second; a neighbour's surname masked with the title outside, their
  "no. 7" unmarked; a postcode corrected mid-speech, its read-back and a house number said alone in its own turn each
  an ``ADDRESS``; a spoken policy and its written read-back each one kept ``POLICY``; a sort code labelled apart kept
  ``CODE``, written with its account one ``BANK_ACCOUNT``; an architect's surname inside his firm masked alone; a
  previous tenant named on a bill a ``PERSON``; wrong and intended Pix keys ``BANK_ACCOUNT``, the end-to-end id kept;
  wrong and intended recharge numbers ``PHONE``; a card read in two halves two ``CARD``; an attacker's and the owner's
  mailboxes ``EMAIL``, the login IP an ``IP_ADDRESS``; a 16-digit cable account kept ``REFERENCE``; a receipt number
  kept, a lower-case sign-off a ``PERSON``; a Kenyan address with its landmark one ``ADDRESS``, "Nairobi CBD" a kept
  ``PLACE``; schools named after public figures and class codes kept; "Mr Chen", "Dr Fairweather" mask the surname
  (blind70); InstaPay addresses ``BANK_ACCOUNT``; a utility's "SIN" kept ``REFERENCE``; a Nepali citizenship number in
  Devanagari digits a ``NATIONAL_ID``; "মোঃ" inside a name; prepaid tokens kept ``CODE``, meters ``METER``; a Tunisian
  CIN read in French one ``NATIONAL_ID``; a Thai plate with its province and a German plate spelled with helper words
  one kept ``VEHICLE_REG``; "seu Zé" masks "Zé"; a newborn's birth date without a year a ``DOB``; e-script and
  E-Rezept ids kept; transfer notes and a Czech variable symbol kept ``REFERENCE``; a Czech account read with its bank
  code and a spoken rodné číslo one span each; a driving licence corrected in speech two ``NATIONAL_ID``; a Pakistani
  IBAN spelled then read back grouped two ``IBAN``; a new and an old Sri Lankan NIC two spans; an NRIC's last four
  given to verify kept ``LAST_DIGITS``; an appeals mailbox an ``EMAIL``; an agent named by surname alone a ``PERSON``;
  a neighbour's "No. 42/1" unmarked; a stand address without a town and a Ghana digital address ``ADDRESS``; a street
  address said in one turn one ``ADDRESS``, the ZIP in its own turn kept, a full SSN read aloud an ``SSN`` (blind70b);
  a Basque suffix outside a kept name; a Swiss-German customer number kept, the sign-off a ``PERSON``; a fake
  bank-change mail's mailbox, IBAN, payee and sending IP masked, the display name kept; a company's own Norwegian
  account masked; Hungarian surname-first names one ``PERSON``, "bérbeadó" outside; "Lindqvist, Emma" one
  ``PERSON``, staff numbers kept; a neighbour's addressee and house ``PERSON`` and ``ADDRESS`` when a parcel went
  there, the writer's own "nummer 12" an ``ADDRESS``; a deceased holder's name and account masked, the date of death
  kept; signers' surnames inside firm names masked alone, "Ordination Dr. Gruber" masks "Gruber"; a Greek school kept
  ``ORG``, a pupil's AMKA a ``NATIONAL_ID``; clearing numbers, reg.nr, sort codes and BICs on their own lines kept
  ``CODE``; nursery groups and classes kept ``CODE``; an E-Rezept number kept, the Versichertennummer beside it a
  ``NATIONAL_ID``; "viikolla 24" keeps "24" a ``DATE`` (blind70c).
- **Written down in session 33 after blind71* was written, before it was scored** (the writers' reports): a first name
  to engrave a ``PERSON``; staff praised by first name ``PERSON``; a name and its German spelling with "scharfes S" two
  spans, "Herr Reißner" later a third; airline-style names misspelt and right two ``PERSON``; a name a company wrongly
  holds masked; an owner's surname inside her shop's name masked alone, a firm named after no one in the message kept
  whole; a child's spoken birth date one ``DOB``, a birth date corrected to a year alone two ``DOB``; "Sou do 3º Esq."
  the writer's own ``ADDRESS``, the neighbour's "2º" unmarked; a bus route kept ``CODE``; sort codes labelled apart
  kept; a card typed in two halves with a correction two ``CARD``; statement descriptors one kept ``COMPANY`` each; a
  German address with its floor on one line one ``ADDRESS``, a signature's two lines two spans; a nickname sign-off
  ("— JB") a ``PERSON``; "Dr." outside a name (blind71); a Pix id with letters one kept ``REFERENCE``; a spoken US
  street address with its ZIP one ``ADDRESS``, a ZIP alone kept; a Portuguese house number and flat said in one turn
  two ``ADDRESS`` with "apartamento" outside; a student's hall room the writer's own ``ADDRESS``; "OKAFOR/CHIDINMA"
  one ``PERSON``, the title outside; a hyphenated surname spelled one span; a pupil named in a parent's sign-off a
  ``PERSON``, "mama" outside; a card's last four read back kept ``LAST_DIGITS``; an Amex card read aloud one ``CARD``,
  its four-digit code a ``CVV``; a Thai plate with its province one kept ``VEHICLE_REG``; a Ghana digital address an
  ``ADDRESS``; places named only to locate a report kept ``PLACE``; a school-fees account paid through a paybill a
  ``BANK_ACCOUNT``, the paybill kept (blind71b); an AHV number wrong then right two ``NATIONAL_ID``; a customer's
  address in a forwarded subject line an ``ADDRESS``; signers' surnames inside practice names masked alone, partners'
  kept; "geb. Reisinger" its own ``PERSON``; a wrong delivery address and the firm's own workshop ``ADDRESS``; a
  Swedish clearing and account in one run one ``BANK_ACCOUNT``; Czech accounts with bank codes one span; a Hungarian
  giro account a ``BANK_ACCOUNT``, "úr" outside a surname-first name; AMKA and ΑΦΜ ``NATIONAL_ID``, "κύριε" outside;
  a quoted Polish ID card number a ``NATIONAL_ID``; a Cartão de Cidadão with its check letters one span; a Dutch
  driving licence a ``NATIONAL_ID``; "piso 3º B" an ``ADDRESS``, an owners' community kept ``COMPANY``; staff named
  in a complaint or a sick note ``PERSON``; a payroll team's mailbox an ``EMAIL``, its display name kept ``TEAM``;
  eVB, VIN, Flurstück, Kostenstelle, structured references, viitenumero, OCR, Multibanco, NRE and court numbers kept
  (blind71c).
- **Written down in session 33 after blind72* was written, before it was scored** (the writers' reports; no candidate
  was judged on this round): a neighbour's surname masked, the house the parcel was left at unmarked; the wrong and the
  own street address of a misdelivery both ``ADDRESS``; an airline-style name misspelt and right two ``PERSON``, "MS"
  outside; a booking code in the NATO alphabet one kept ``BOOKING``; a hyphenated surname spelled letter by letter two
  spans with "hyphen" outside; wrong and intended Pix keys ``BANK_ACCOUNT``; a merchant UPI id a ``BANK_ACCOUNT``; an
  IFSC kept ``CODE``; sort codes and a BSB labelled apart kept, a sort code and account under one label one
  ``BANK_ACCOUNT``; a security word and a port PIN kept ``CODE``; a scam text's number a ``PHONE``, its link a kept
  ``URL``; a card read in two halves two ``CARD``, an Amex code a ``CVV``; an NZ PO box one ``ADDRESS``; nickname
  sign-offs ``PERSON``; couples two spans; a no-reply mailbox an ``EMAIL``; staff, adjusters and doctors named
  ``PERSON`` with titles outside; class and nursery group codes kept, a medical-aid number kept (blind72); a
  Bangladeshi NID's last four given to verify a ``NATIONAL_ID`` (as a CNIC's); a Qatari QID and an old and new one
  ``NATIONAL_ID``; a BPJS Kesehatan card a ``NATIONAL_ID``; an ACC claim number kept ``CLAIM``; a Guatemalan DPI and a
  CUIL in Spanish number words ``NATIONAL_ID``; an agent reading back the customer's account a ``BANK_ACCOUNT``,
  transit and institution kept; a landlord's account and name for a wire personal, the routing number kept; a
  courier's customs mailbox an ``EMAIL`` written and read back; InstaPay addresses ``BANK_ACCOUNT``; a Pix phone key
  wrong then right two spans; numbers spoken in languages the label check cannot read marked whole; "ma'am" and "sir"
  unmarked; "SHARMA/PRIYANKA" one ``PERSON`` and its passport spelling a second; a German spelling after a surname a
  second ``PERSON``; a false-start title unmarked; "Mr R. Okafor" keeps the initial inside; tokens and supply-point
  numbers kept; an Eircode alone an ``ADDRESS``, a Spanish postcode alone a kept ``ZIP``; a Ghana digital address and
  its read-back ``ADDRESS`` (blind72b); a bare extension in a signature a ``PHONE``, a staff number kept; a practice
  named after its doctor masks the surname; "Notariat Dr. Bergmann" masks it too; a signer's surname inside
  "Tischlerei Gruber e.U." masked alone; a Slovak insured-person number and a Catalan health card ``NATIONAL_ID``; a
  fake bank-change mail's mailbox, payee and IBAN masked, the display name kept, the real signer a ``PERSON``, a real
  domain kept ``URL``; "Okonkwo, Chiamaka" one ``PERSON``, tax codes kept; "Dear Oisín's mum" masks the child's name;
  "viikolla 12" keeps "12" a ``DATE``; "My eircode is" outside the ``ADDRESS``; a spoken policy one kept ``POLICY``,
  a street and a spoken postcode two ``ADDRESS``; "bérbeadó" outside a name (blind72c).
- **Written down in session 34 after blind73*, blind74* and blind75* were written, before any was scored** (the
  writers' reports): the writer's own house number said alone an ``ADDRESS`` ("I'm at number 41"), the street of a
  public fault kept ``PLACE``, "12 avenue Foch" in a street-leak report unmarked; one's own floor and door with no
  street an ``ADDRESS``; a Brazilian CEP, house and flat said in separate turns three ``ADDRESS``; a NINO spelled with
  dashes and number words one ``NATIONAL_ID``, its read-back a second; a false-start title unmarked; a writer's surname
  inside the firm masked each time it is said; a mistyped and an intended payee phone ``PHONE``, the stranger paid a
  ``PERSON``; a Spanish tarjeta sanitaria, a German KVNR and an Argentine CUIT ``NATIONAL_ID``, a Brazilian health-plan
  card kept ``REFERENCE``; a pet named twice kept ``PET`` (blind73); numbers read in words of languages the label check
  cannot read, and in local-script digits, marked whole; a code in Arabic-Indic digits kept ``CODE``; particles and
  prefixes joined to a word outside its span (Arabic بـ, Bengali এ, Thai คุณ/ค่ะ, Burmese ကို, Hebrew ל, Ge'ez በ); a plate
  with its province or state, or in Arabic letters, one kept ``VEHICLE_REG``; a late father's and a newborn's names
  ``PERSON``, a newborn's birth date without its year a ``DOB``; a hotel with its town an ``ADDRESS``, its room kept; a
  name the agent reads from the profile a ``PERSON``; a health insurer's card kept beside an Iqama ``NATIONAL_ID``;
  utilities named by acronym kept ``ORG`` (blind73b); a payment reference holding a masked surname kept whole; a fake
  bank-change mail's display name kept, its mailbox an ``EMAIL``; the writer's own flat number alone an ``ADDRESS``, a
  neighbour's unmarked; initials signing a call note and nicknames signing off ``PERSON``; parents signing a nursery
  mail two spans; an extension alone a ``PHONE``; Danish reg.nr and Swedish clearing numbers on their own labels kept
  ``CODE``; a card statement descriptor kept ``COMPANY``; "KW 43" and Greek weekdays kept ``DATE`` (blind73c); an SMS
  short code a ``PHONE``; a hotel's name inside its ``ADDRESS``; "3. OG" alone kept ``PLACE`` (blind74) but "Wohnung
  3.OG links" for one's own flat an ``ADDRESS`` (blind74c); an e-mail read back with a bare provider an ``EMAIL`` over
  the local part; a blood-pressure reading kept; a fax number a ``PHONE``; "WHITTAKER/EMMA" a ``PERSON``, "MS"
  outside (blind74); a Fijian "adi" outside a name; a partial spelling hint ("mit D-T") unmarked; the surname on a
  caller's own intercom a ``PERSON``; a Myanmar NRC, a Bahraini CPR, a Fiji TIN, a Jordanian national number and a
  BPJS card ``NATIONAL_ID``; amounts and percentages in words kept (blind74b); Polish vocatives "Pani Katarzyno" with
  the title outside; a care home's room kept; a dead mother's date of death kept (blind74c); a surname seen on a
  delivery signature a ``PERSON``; "Lindenweg 7 in Kassel" two spans; memorable-word characters kept ``CODE``; "#"
  outside a kept order number (blind75); a home described by its church an ``ADDRESS``; a policy or order number read in
  Hindi or German number words one kept span; "mama" outside a name; a prepaid token kept ``CODE`` (blind75b); a team
  mailbox's display name unmarked; "W.J. (Wim) Hoekstra" three spans; a phone cut off and restarted two ``PHONE``; a
  nursery pick-up password kept ``CODE``; GMS, Versichertenkarte and Sygeforsikring numbers kept ``REFERENCE``
  (blind75c).
- **Corrected in session 34 before blind73* was scored**: blind73b marked the door a parcel was wrongly left at ("no
  apto 31 em vez do apto 13") an ``ADDRESS``; by the later conventions above (session 33: "the house the parcel was
  left at unmarked"; as blind74b and blind75c label it) it is unmarked. The writer's report named it the call most
  open to challenge.
- **Written down in session 34 after blind76* was written, before it was scored** (the writers' reports): a card read
  in four comma-separated groups one ``CARD``, with a real break two; a spoken expiry kept ``EXPIRY``; a telecom account
  read digit by digit one kept ``REFERENCE``; "via Garibaldi 18, scala B, interno 4" one ``ADDRESS`` and "10122 Torino"
  given as the address's next field a second; the writer's own door on a misdelivery an ``ADDRESS``, the door the
  parcel was left at unmarked; a sign-off's "no. 23" after a street complaint the writer's own ``ADDRESS``, the street
  kept ``PLACE``; "Mrs J. Abernethy" one ``PERSON`` over "J. Abernethy"; a firm named after no one kept whole beside
  its mailbox ``EMAIL``; an Australian postcode alone kept ``ZIP`` (blind76); a Fiji FNPF number and a Vietnamese BHYT
  card ``NATIONAL_ID``; a Bikram Sambat DOB in Devanagari digits one ``DOB``; Swahili "tarehe" outside a DOB; an
  agent's partial read-back of an ID a second ``NATIONAL_ID``; Polish "pani"/"panie" outside vocatives; a meter,
  booking or policy number read in Polish or Hindi number words one kept span; a card and its CVV in Arabic-Indic
  digits ``CARD`` and ``CVV``; a plate with its emirate one kept ``VEHICLE_REG``; a landmark in brackets after a Ghana
  digital address kept ``PLACE``; wallet and payee numbers of mobile-money apps ``PHONE``; a BVN a ``NATIONAL_ID``
  beside a NUBAN ``BANK_ACCOUNT``; HMO, Pacífico and UHID numbers kept ``REFERENCE`` (blind76b); an expected birth
  date a ``DOB`` (as written down in session 19); a street given as the caller's own address in a bin complaint an
  ``ADDRESS``; a firm bearing the CRM surname kept whole when only the first name is said; a firm named after two
  masked people two ``PERSON`` spans; a forged signer and the real one both ``PERSON``; a Czech sole trader's IČO kept
  ``CODE``; a URL-encoded form's values masked whole; "Passwort (Giraffe)" and nursery groups kept ``CODE``; another
  tenant's house in an agent's note kept ``PLACE`` (blind76c). **Corrected before scoring**: blind76's "nobody called
  Wilson lives here" after the signature "WILSON" left the repeated name unmarked (its writer asked for a check); a
  name said again is a ``PERSON`` each time.
- **Written down in session 34 after blind77* was written, before it was scored** (the writers' reports): a firm's own
  IBAN and mailbox on its invoice masked, its name kept; a hacker-set recovery e-mail an ``EMAIL``; a passenger name
  differing by a hyphen two ``PERSON``; "Mr & Mrs Delgado" one ``PERSON``; a German surname said, then spelled with a
  spelling alphabet, two spans; a hospital ward inside a delivery ``ADDRESS``; nursery rooms and school forms kept
  ``CODE`` (blind77); an Aadhaar's or a Bangladeshi NID's last four given to verify a ``NATIONAL_ID``; a Sri Lankan
  NIC old and new two spans; Sinhala "mama" and honorifics outside a name; prefixes joined to a kept word outside it;
  a cédula withdrawn and the right one both ``NATIONAL_ID``; a phone corrected mid-speech two ``PHONE``; a customer's
  own static IP an ``IP_ADDRESS``; mobile-money numbers ``PHONE``; a Kuwaiti block/street/house address in Arabic
  digits one ``ADDRESS``; a spoken Australian postcode in the same turn as its street inside the ``ADDRESS``; a
  parking zone kept ``CODE``; the number beside one's name on a Medicare card kept ``CODE`` (blind77b); a person's
  display name on a suspected fake bank-change mail a ``PERSON``; a written address with its postcode on one line one
  ``ADDRESS``; a solicitors' client account a ``BANK_ACCOUNT``; a Swedish bankgiro kept ``CODE``; EGN, OIB, EMŠO, CNP
  and personas kods ``NATIONAL_ID``; a Ukrainian passport a ``PASSPORT``; an attacker's and an office IP
  ``IP_ADDRESS``; "School Office" kept ``TEAM`` (blind77c).
- **Written down in session 35 after blind78* was written, before it was scored** (the writers' reports): an e-mail
  local part the agent spells as a name ("J-O-C-O-N-N-O-R") a ``PERSON``, the local part read back alone ("j dot o dot
  connor") an ``EMAIL``; a refund card's expiry kept ``EXPIRY``; a stranger the money went to by mistake a ``PERSON``;
  a customer number shaped like a phone kept ``REFERENCE``; a bus route kept ``CODE``, a coach service ``TRAIN``;
  security characters ("K and N") one kept ``CODE``; a late father's account read with its sort code one
  ``BANK_ACCOUNT``; one's own floor or door with no street an ``ADDRESS``, a building letter kept ``PLACE``; a Mexican
  fiscal postcode as a form's field an ``ADDRESS``; a school named after a public figure kept ``COMPANY``; star
  ratings kept (blind78); ids read in local number words or written in local digits one ``NATIONAL_ID`` each; a Saudi
  short address said, then corrected, both ``ADDRESS``; Thai particles and honorifics, Indonesian "Pak" and Swahili
  "mama" outside a name; a Singapore postal code and unit said in two turns two ``ADDRESS``; a lone corrected check
  digit its own ``NATIONAL_ID``; Ghana NHIS and Kenyan NHIF numbers ``NATIONAL_ID``; a Swahili date of birth in words
  one ``DOB``; plates in Arabic letters or read aloud with their state code one kept ``VEHICLE_REG``; a spoken amount
  with its currency word inside one kept ``AMOUNT``; an Australian Medicare position number kept ``CODE`` (blind78b);
  a birth year the agent misheard and its correction both ``DOB``; a street given as the caller's own home an
  ``ADDRESS``, a pothole's street kept ``PLACE`` with its house number unmarked; a signer's surname inside a firm's
  name masked alone, the partner's name left unmarked; a bare extension after "Durchwahl" a ``PHONE``; initials
  signing a call note a ``PERSON``; "fada on the A" outside a spelled name; Slovenian "gospod" and Hungarian "úr"
  outside; a Swedish clearing and account in one run one ``BANK_ACCOUNT``; a Portuguese prescription number kept
  ``REFERENCE``; a certified-mail (PEC) mailbox an ``EMAIL`` (blind78c).
- **Written down in session 35 after blind79* and blind80* were written, before they were scored** (the writers'
  reports): a pet owner's sign-off ("Jo (Biscuit's mum)") a ``PERSON`` beside a kept ``PET``; a child's name on a
  lost item with its initial one ``PERSON``; a company's wrong house number for the writer's own address an
  ``ADDRESS``, the town and postcode after it a second; a payee the caller denies adding a ``PERSON``; a street and a
  spoken postcode in one turn two ``ADDRESS``; the writer's own "interno 9" an ``ADDRESS``, the neighbour's
  unmarked; a Brazilian CEP, house number and flat said in three turns three ``ADDRESS``; a spoofed brand kept
  ``COMPANY``; a nationality kept ``PLACE``; "Regulamento 261/2004" kept ``CODE``; a surname that is also a place
  ("Mr. Washington") a ``PERSON`` (blind79); an agent's read-back of a UPI id a second ``BANK_ACCOUNT``; a cut-off
  first try at an account its own ``BANK_ACCOUNT``; a German postcode with its town said as the next field a second
  ``ADDRESS``; a NINO said, read back and corrected three ``NATIONAL_ID``; a surname on a doorbell a ``PERSON``; a
  rider's phone a ``PHONE``, the OTP a kept ``CODE``; a phone in Thai number words one ``PHONE``; a Pix key that is
  a phone a ``BANK_ACCOUNT`` each time; a CPF, cédula or PESEL read in words one ``NATIONAL_ID``; a card statement's
  descriptor kept ``COMPANY``; a Thai address with its postcode on one line one ``ADDRESS`` (blind79b); a Slovenian
  ZZZS health card number and an EMŠO ``NATIONAL_ID``; a wrong e-mail in the company's system and the right one both
  ``EMAIL``; a NIF given by mistake and the right number both ``NATIONAL_ID``; an accountant's firm bearing the
  signer's surname masks the surname alone; an office address in an interview letter an ``ADDRESS``; a Luxembourg
  matricule and an Icelandic kennitala ``NATIONAL_ID``; a postcode spoken then written two ``ADDRESS``; a sort code on
  its own line of a suspicious bank-change mail kept ``CODE``; an Amex CID a ``CVV`` (blind79c). **Corrected before
  scoring**: blind79c's BSN typed wrongly by an employer, quoted back beside the right one, had been left unmarked; a
  national id typed wrongly then corrected is ``NATIONAL_ID`` both times (session 24). A dentist's false-start title
  outside the name; an order number in card groups kept ``ORDER``; a utility account in card-like groups kept
  ``REFERENCE``; a Brazilian agência under its own label kept ``CODE``, the conta a ``BANK_ACCOUNT``; the wrong door a
  rider went to unmarked; a stranger's surname on a parcel note a ``PERSON``; a Spanish health card given wrongly then
  rightly two ``NATIONAL_ID``; a DOB corrected to a year alone two ``DOB``; a Spanish postcode said alone kept
  ``ZIP``; a Brazilian address typed over three turns three ``ADDRESS`` ("apto" inside, typed); a band kept
  ``PUBLIC_FIGURE``; a rural-route address one ``ADDRESS``; an NZ IRD number a ``NATIONAL_ID`` beside a PO box
  ``ADDRESS`` (blind80); an Algerian CCP account with its key written as one run one ``BANK_ACCOUNT``; a NINO's letters
  confirmed with a spelling alphabet a second ``NATIONAL_ID``; an agent's short name ("vale") a ``PERSON``; an ad's
  catch-phrase ("not happy jan") kept; a greeting that is also a name unmarked where it greets; KBZPay and M-PAiSA
  wallets ``PHONE``; an Omani civil id, a JMBG, a Georgian personal number and an Andalusian health card
  ``NATIONAL_ID``; a surname inside a building's name kept inside the ``ADDRESS`` (blind80b); a public holiday kept
  ``WORD``; a Polish account without ``PL`` a ``BANK_ACCOUNT``, with ``PL`` an ``IBAN``; a Czech prefix, number and
  bank code one ``BANK_ACCOUNT``; a Hungarian giro account a ``BANK_ACCOUNT``; a Hungarian id card number and tax id,
  an Austrian SV-Nummer and a Ukrainian РНОКПП ``NATIONAL_ID``; a Spanish surname spelled in letter names a second
  ``PERSON``; one's own flat said alone before the full address its own ``ADDRESS``; initials on a call note a
  ``PERSON``; surname-first names in a Czech timesheet one ``PERSON`` each; a GP practice named after the doctor named
  in the message masks that surname, the partner kept; a company's PO box an ``ADDRESS``; nursery groups and school
  classes kept ``CODE``; a phone in a romanised Greek booking line a ``PHONE`` (blind80c). **Corrected before
  scoring**: blind80c kept "Marsh Clayton LLP" whole under its signing partner Helen Marsh; a surname inside a firm's
  name is masked when a person with it is masked, so "Marsh" is a ``PERSON``, the rest unmarked.
- **Written down in session 36 after blind81*, blind82* and blind83* were written, before they were scored** (the
  writers' reports): a postcode district alone ("SE15") kept ``PLACE``; the writer's own floor alone kept ``PLACE``;
  the addressee's house number said again bare unmarked; a child's name before "'s mum" a ``PERSON``, "'s mum"
  outside; a sole trader's surname in his joinery's name masked alone; a nursery password kept ``CODE``; a cut-off
  first try at a phone its own ``PHONE``; payment-app handles kept ``HANDLE``, the payee name the app showed a
  ``PERSON``; a NATO-spelled plate one kept ``VEHICLE_REG``; a motor policy number kept ``POLICY``; a gift card number
  kept ``REFERENCE``; "40th" kept ``AGE``; a URL-encoded e-mail inside a link an ``EMAIL``, the rest of the link
  unmarked (blind81). **Corrected before scoring**: blind81 marked the house a rider wrongly left an order at; the
  wrong house a courier delivered to is unmarked (blind48's rule, restated in session 31). An Indonesian family-card
  (KK) number a ``NATIONAL_ID``; a UTR ending the agent reads from the record kept ``LAST_DIGITS``; a NIN said in
  Yoruba and again in English two ``NATIONAL_ID``; a Burmese "ကို" outside the name; a Saudi short address read back
  in part its own ``ADDRESS``; "apartamento" outside a spoken flat number; a mother signing "mama Baraka" masks the
  child's name; an SMS short code a ``PHONE``; an IBAN money went to by mistake an ``IBAN``; an invoicing firm's
  display name kept ``COMPANY``; a DOB corrected to a year alone two ``DOB`` (blind81b). An Austrian "Top 14" and a
  Swedish "lägenhet 1102" signing a letter ``ADDRESS``; a UK right-to-work share code kept ``CODE``, a DBS certificate
  number kept ``REFERENCE``; a fake bank-change mail's header IP an ``IP_ADDRESS``; a team sender's display name kept
  ``TEAM``; a solicitors' client account name masks the signer's surname alone; "feue" outside a name; Hungarian
  "Kovácsné Szabó Éva" one ``PERSON``; a repeated whole phone after a correction two ``PHONE``; a one-person firm
  named after its owner masks the full name; a public holiday kept ``WORD``; a job title signing a school notice kept
  ``JOB_TITLE`` (blind81c). A nursery room's name kept ``CODE``; a US form's state field an ``ADDRESS``; an Aadhaar's
  last four given in writing a ``NATIONAL_ID``; a corrected payee phone two ``PHONE``; a spoken card broken by a
  remark two ``CARD``; a name given alone and then in full two ``PERSON``; a surname on an intercom a ``PERSON``; a
  garage box kept ``PLACE``; a reviewer's "Gianni R." one ``PERSON``; an agent's partial e-mail read-back an ``EMAIL``
  (blind82). **Corrected before scoring**: blind82 left a Spanish surname spelled in letter names ("i, te, u, erre,
  be, e") unmarked; by session 28's rule it is a second ``PERSON`` span. A card in digits beside an id in Vietnamese
  number words; phones and ids in Hindi, Thai, Bengali and Urdu words or in Arabic-Indic and Persian digits one span
  each; a CNIC's last four in Urdu words a ``NATIONAL_ID``; a DNI's check letter corrected alone its own
  ``NATIONAL_ID``; a corrected postcode piece its own ``ADDRESS``; an Opay NUBAN a ``BANK_ACCOUNT``; firms and public
  bodies in their own scripts kept ``COMPANY`` / ``ORG``; Thai pronouns and particles outside names; a router IP an
  ``IP_ADDRESS``; plates in Arabic letters, with an emirate or read in Turkish words kept ``VEHICLE_REG``; an Aadhaar
  enrolment id kept ``REFERENCE``; a prepaid token read aloud one kept ``CODE`` (blind82b). A Spanish owners'
  community in a payment concept kept ``COMPANY``, the writer's flat after it an ``ADDRESS``; a rent reference built
  from a surname kept whole ``REFERENCE``; a Slovak one-person firm's trade word unmarked, its IČO kept ``CODE``; a
  mother's PESEL given by mistake and her daughter's both ``NATIONAL_ID``; a team signing a nursery mail unmarked; a
  flat number alone with "flat" inside its ``ADDRESS``; an Irish PPSN and a Hungarian TAJ ``NATIONAL_ID``; a French
  DOB in words with a two-digit year one ``DOB`` (blind82c). A phone corrected in its last digits two ``PHONE``, the
  read-back a third; a neighbour on a "left with" card a ``PERSON``, their door unmarked; a streetlight's street kept
  ``PLACE``; "Grandma" outside a name; a pet owner's sign-off a ``PERSON``; a name misspelt on a ticket and its right
  spelling two ``PERSON``; "Jr." outside a name; a spelled local part that spells a name a ``PERSON``; a surname said
  then spelled with hyphens two ``PERSON``; parents sharing a surname two spans; a Mexican address with its CP one
  ``ADDRESS``, a Brazilian CEP alone its own; cashtags kept ``HANDLE``; a scam SMS sender a ``PHONE``; a US dental
  member id kept ``REFERENCE`` (blind83). An operator's SMS reply code a ``PHONE``; a spelled Irish surname with the
  fada named inside the spelling one ``PERSON``; two surnames on a doorbell two spans; a SIM-swapped line and a line
  opened in the caller's name ``PHONE``; a mother's name given to verify a ``PERSON``; a PUK kept ``CODE``; a spoken
  IFSC one kept ``CODE``; masked card digits in Persian script kept ``LAST_DIGITS`` with the asterisks; "Aling",
  "mama", "hanım" outside names; a Cameroonian upper-case surname-first name one ``PERSON``; a merchant's UPI id a
  ``BANK_ACCOUNT``; an Algerian CCP with "clé" one ``BANK_ACCOUNT``; a Moroccan CNSS number a ``NATIONAL_ID``
  (blind83b). A private name inside a firm's name masked alone when that person is masked, firms with no masked
  namesake kept whole; a Czech birth number given by mistake and the right one both ``NATIONAL_ID``; Czech and Polish
  names in any case a ``PERSON``; a NINO broken by a correction two ``NATIONAL_ID``; an Estonian sole trader's
  registry code kept ``CODE``; a TK insured number a ``NATIONAL_ID``, a Swiss insurer's number kept ``REFERENCE``;
  Catalan CIP, Spanish and Italian health cards and a Luxembourg matricule ``NATIONAL_ID``; e-prescription and
  health-record numbers kept ``REFERENCE``; neighbours' flats unmarked; a building in a cooperative's notice kept
  ``PLACE``; a firm's own bank account and bankgiro ``BANK_ACCOUNT``, KID and OCR kept ``REFERENCE``; call-note
  initials ``PERSON``; a moving tenant's two addresses two ``ADDRESS``; a Ukrainian worker's foreign passport a
  ``PASSPORT`` (blind83c).
- **Written down in session 37 after blind84* to blind87* were written, before they were scored** (the
  writers' reports): a partial licence read-back by the agent and the caller's repeat each a ``NATIONAL_ID``; a
  husband's health card given by mistake a ``NATIONAL_ID``; a pet's "mum" signing no ``PERSON``; a name a vet got
  wrong and the right one two ``PERSON``; a booking "registered under" a surname a ``PERSON``; a French address
  block's residence, street and town lines three ``ADDRESS``; a spoken CEP an ``ADDRESS``; "au 3900" and a scam short
  code ``PHONE``; temperatures kept ``QUANTITY``; a nursery group kept ``CODE``; "unit 407" marks the number alone
  (blind84). Cards in Arabic-Indic or Persian digits or Indonesian words one ``CARD``; an agent's IBAN read-back a
  second ``IBAN``; a scammer's Pix key that is an e-mail a ``BANK_ACCOUNT``; a government mailbox said in words one
  ``EMAIL``; "baji" outside a name; a Burmese NRC and a Nepali citizenship number in their own digits
  ``NATIONAL_ID``; a Malaysian NRIC's last four kept ``LAST_DIGITS``; a nationality kept ``PLACE``; a passport with
  "z for zebra" one ``PASSPORT``; "al mansoori slash khalid" one ``PERSON`` (blind84b). A reference built from a
  surname kept ``REFERENCE``; a signer's surname in his firm's name masked alone; "Gentile" greeting an avvocato
  unmarked; a payroll office's extension a ``PHONE``, its team line unmarked; an Italian "int. 7" an ``ADDRESS``,
  "scala B" kept ``PLACE``; a fraudulent supplier's display name kept ``COMPANY``; a NIF wrong then right two
  ``NATIONAL_ID``; a customer number read digit by digit kept ``REFERENCE``; a dead uncle's PPSN a ``NATIONAL_ID``; a
  login-alert IP and its quote two ``IP_ADDRESS``; a typo'd e-mail on file a second ``EMAIL``; a portal username kept
  ``USERNAME``; "Goods In" and "Dział Logistyki" unmarked (blind84c). A hacker's delivery address an ``ADDRESS``; a
  NATO postcode read-back a second ``ADDRESS``; "D I A deux L O" one ``PERSON``; a hyphenated surname spelled in two
  halves two ``PERSON``, "hyphen" outside; a sort code with a label between kept ``CODE``; "CP fiscal 44160" an
  ``ADDRESS``, a Spanish postcode or an Italian CAP alone kept ``ZIP``; "Laura & Sam" two ``PERSON``; an Austrian
  Versicherungsnummer a ``NATIONAL_ID``; a school trip kept ``EVENT``; an Aeroplan number kept ``REFERENCE`` (blind85).
  The same number said twice two ``PHONE``; a partial plate kept ``VEHICLE_REG``; a Najm report number kept
  ``REFERENCE``; a CliQ alias a ``BANK_ACCOUNT``; an agent's name as a chat speaker label a ``PERSON`` each time; a
  parking SMS sender and a porting reply number ``PHONE``; a Nepali Bikram Sambat DOB in Devanagari digits a ``DOB``;
  "MOHAMMED ASIF/SHAIKH" and "SHAIKH/MOHAMMED ASIF" two ``PERSON``; a personal RFC a ``NATIONAL_ID``, "uso CFDI D01"
  kept ``CODE``; a Bangladeshi NID's last four a ``NATIONAL_ID`` (blind85b). A receptionist's false start and her
  surname two ``PERSON``; a Danish reg.nr labelled apart kept ``CODE``; a Swiss AHV number a ``NATIONAL_ID``; "M. et
  Mme Rousseau" one span, "R.A. (Ruud) Smits" three; a Hungarian giro account and a Czech account with its bank code
  one ``BANK_ACCOUNT``; a Slovenian UPN reference kept ``REFERENCE``; an out-of-office colleague's name, mailbox and
  phone masked; a date of death kept ``DATE`` (blind85c). **Corrected before scoring**: blind85c kept a customer's own
  line number ("ligne 0955 71 22 48") as a reference; it is a ``PHONE`` (every phone number is; a Turkish line number
  a ``PHONE``); blind85c kept a neighbour's "Lägenhet 1204" as a ``PLACE``; a neighbour's unit is unmarked. A cut-off
  first try at a card unmarked; a house number said alone in its own turn an ``ADDRESS``; a licence spelled letter by
  letter one ``NATIONAL_ID``; "Name on card is A J Whitcombe" one ``PERSON``; a parcel's gift recipient a ``PERSON``;
  a written "apartamento 71" with the word inside its ``ADDRESS``; a Pix phone key a ``BANK_ACCOUNT``; nursery groups
  kept ``CODE``; an Italian tessera sanitaria a ``NATIONAL_ID``; a company said wrong then right both kept
  ``COMPANY`` (blind86). A Tanzanian NHIF card, a Bahraini CPR, a Fiji TIN, a Kuwaiti civil id, a QID, a Jordanian
  national number and a Fayda number ``NATIONAL_ID``; an Israeli bank-branch-account one ``BANK_ACCOUNT``; a
  Centrelink CRN kept ``REFERENCE``, a TFN a ``NATIONAL_ID``; an agent's nickname a second ``PERSON``; "mzee", "dada",
  "seu", "mahattaya", "sahab" outside names; a UTR's corrected last group its own ``NATIONAL_ID`` (blind86b). A
  Serbian LBO a ``NATIONAL_ID``; an Icelandic account and a Swedish clearing and account in one field one
  ``BANK_ACCOUNT``; the writer's floor after a full address kept ``PLACE`` outside it; a fake mail's display name that
  is a real person's a ``PERSON``; "name=Oliver+Stanton" one ``PERSON``; "FCA" kept ``JOB_TITLE``; "Geachte mr. Van
  Dam" with "Van" inside; a class kept ``CODE`` (blind86c). The writer's own flat or house number alone an
  ``ADDRESS``; a wrong DOB on file and the right one both ``DOB``; a mistyped payment alias a second
  ``BANK_ACCOUNT``; the company's number mistaken for one's own and one's own both ``PHONE``; a stranger's name on a
  food bag a ``PERSON``; a German floor after a full address kept ``PLACE`` outside it; a prepaid gas token kept
  ``CODE``; an account without its sort code a ``BANK_ACCOUNT``; a CPF said in words a ``NATIONAL_ID``, as a Pix key a
  ``BANK_ACCOUNT``; a dog breed kept ``PRODUCT`` (blind87). A partly masked payer name an app showed one ``PERSON``;
  "dela cruz, ramon" one ``PERSON``; "mama" as a form of address unmarked; a private router IP and the public one two
  ``IP_ADDRESS``; a TFN wrong then right two ``NATIONAL_ID``; a passport read with pauses and repeated two
  ``PASSPORT``; a bank SMS's short reference kept ``REFERENCE``; "Call 100" a ``PHONE`` (blind87b). **Corrected before
  scoring**: blind87b left the caller's cut-off first try at the number money went to and the caller's full number
  unmarked; both are ``PHONE`` (session 31's rule). Table headers unmarked, cells by kind; "t.n.v. J. van Beurden"
  one ``PERSON``; a passport cut off after one digit unmarked; a Finnish case ending outside a kept firm; "1177" a
  ``PHONE``; "3º izquierda" alone the writer's ``ADDRESS``; a Croatian MBO a ``NATIONAL_ID``; a spoken card expiry
  kept ``DATE``; a phishing display name kept ``COMPANY``; vocative and inflected names ``PERSON`` (blind87c).
- **Written down in session 38 after blind88* was written, before it was scored** (the writers' reports): a chat
  bot's persona name kept ``PRODUCT``; an example payment reference built from a surname kept ``REFERENCE``; an OHIP
  version code kept ``CODE``; a provider's IPv6 tunnel endpoint an ``IP_ADDRESS`` (every IP is); a form's "Colonia"
  field an ``ADDRESS``; a street named after a public figure inside its ``ADDRESS``; "Lake Rosalind" kept ``PLACE``;
  "@ The Flat White Co" in a sign-off unmarked, the firm kept; a work number given by mistake and withdrawn a
  ``PHONE``; a tenant signing "house B7" an ``ADDRESS``; a porting PIN kept ``CODE``; a Québec civic number and
  street said in one turn one ``ADDRESS`` (blind88). A Dubai Makani number an ``ADDRESS``; a PromptPay, FPS or SINPE
  Móvil number that is a phone a ``PHONE``; a UnionPay or Uzcard number a ``CARD``; a Russian OMS policy, a Japanese
  My Number and residence card, a Lebanese, Uzbek, Azerbaijani, Moldovan, Georgian, Costa Rican, Dominican,
  Guatemalan and Ethiopian personal number ``NATIONAL_ID``; a whole street address a courier wrongly left a parcel at
  an ``ADDRESS`` (as blind50c); a plate said in Arabic letters and transliterated two kept ``VEHICLE_REG``; an MTCN,
  a staff number (工号), a police OB or report number and an e-ticket number kept ``REFERENCE``; a SWIFT code read
  aloud one kept ``CODE``; a DEWA premise number kept ``METER``; "CVU terminaba en 4471" kept ``LAST_DIGITS``; a
  Korean DOB in Sino-Korean words one ``DOB``; 고객님, 先生 and joined Tamil and Bengali case suffixes outside their
  spans; a late father's initials read from the record one ``PERSON``; a DOB corrected without its year a second
  ``DOB``; "adebayo slash oluwasegun mister" one ``PERSON``, "mister" outside; a guard named in a delivery note a
  ``PERSON``; public bodies (City of Joburg, Services Australia, NADRA, SSS, BPJS…) kept ``ORG``; a 7-Eleven pickup
  point kept ``PLACE`` (blind88b). A Romanian ID's series and number one ``NATIONAL_ID``; a Norwegian flat code
  after the writer's address inside the ``ADDRESS``; "Lägenhetsnummer 1102" before the street two ``ADDRESS`` spans;
  a floor opening a signature's address line inside it; a signer's surname inside a firm's name masked alone (sole
  traders too), firms with no masked name kept whole; a fake signer unrelated to the firm a ``PERSON``; "Von meinem
  iPhone gesendet": "iPhone" kept ``PRODUCT``; a branch named by its town kept ``PLACE``; a Finnish or Lithuanian case
  ending outside a kept place, inside a kept organisation it cannot be cut from; a full name and its short form
  signing two ``PERSON``; a Serbian "стан 14" or Slovak "byt č. 15" inside a one-line ``ADDRESS``; a Slovenian "sklic"
  kept ``REFERENCE``; job titles and teams signing notices kept or unmarked, no ``PERSON``; a Maltese meter id kept
  ``CODE``; "Éirchód" a label outside its ``ADDRESS``; a Ukrainian or Danish passport a ``PASSPORT``, a Polish dowód
  a ``NATIONAL_ID``; billed labour hours kept ``DURATION`` (blind88c).
- **Written down in session 38 after blind89* was written, before it was scored** (the writers' reports): a leaked
  API key kept ``CODE``; a Maltese postcode inside its ``ADDRESS``; a payment reference holding the writer's unit
  ("UNIT 7 RENT") kept ``REFERENCE``; an office egress IP an ``IP_ADDRESS``; an agent's read-back of an e-mail with a
  bare provider one ``EMAIL``; a Canadian institution and transit number on their own labels kept ``CODE``; a landmark
  written into a Kenyan address inside it, a landmark in its own sentence kept ``PLACE``; "número novecentos e doze"
  with "número" inside, "apartamento" outside the flat's number; "Autofficina Nicotra di Nicotra Salvatore" masks the
  surname in the firm too; a transit card and a student id kept ``REFERENCE``; a prepaid electricity token and a
  pet's microchip kept ``CODE``; a RAMQ number a ``NATIONAL_ID``; a US licence read in letters and digits one
  ``NATIONAL_ID`` (blind89). An SMS short code of a service a ``PHONE``, USSD codes and paybills kept ``CODE``; a
  Russian internal passport a ``PASSPORT``; a CliQ alias holding a surname one ``BANK_ACCOUNT``; an Algerian RIP and a
  CCP with its key a ``BANK_ACCOUNT``; Mongolian case endings outside kept spans; a numbered post-office branch kept
  ``PLACE``; "naivalu slash viliame mister" one ``PERSON``; power-connection and supply numbers kept ``METER`` or
  ``CODE``; a ride-hailing agent's speaker label a ``PERSON`` each time; a Kenyan SHA number with its check suffix one
  ``NATIONAL_ID``; "sisi" and "gogo" outside names (blind89b). Luxembourgish and Basque as German and Spanish; a
  signer's masked first name inside a firm's name masked too ("Atelier Lien"); a nickname signing a ``PERSON``; the
  addressee's own flat alone an ``ADDRESS``; the writer's own staircase, floor and door with no street an
  ``ADDRESS``; the CNS kept ``ORG``; a ferry kept ``PRODUCT``; a kennitala after an Icelandic account its own
  ``NATIONAL_ID``; a Swiss supplementary-insurance number kept ``REFERENCE``; a spoken DNI's letter "de" inside it;
  "CA" after a name kept ``JOB_TITLE``, a register court kept ``ORG``; surname and forename in two columns of a
  spreadsheet two ``PERSON`` spans, "Eriksen, Ola" in one cell one; a sort code in its own column kept ``CODE``; a
  municipal short number ("010", "14 033") a ``PHONE`` (blind89c).
- **Written down in session 39 after blind90* was written, before it was scored** (the writers' reports): a
  withdrawn postcode piece in a correction its own ``ADDRESS``; "CP fiscal 44160" masks the number only; a stranger's
  name on a misdelivered parcel a ``PERSON``, the town alone kept ``CITY``; a warehouse signed "Goods In" kept
  ``TEAM``; a hotel guest's room kept ``ROOM``; a French ordinal kept ``COUNT``; a Bizum or MB WAY number a
  ``PHONE``; an agent's speaker label and the name said back each a ``PERSON``; a Brazilian "bloco B" kept ``PLACE``
  between two ``ADDRESS`` spans; a US bank's routing number kept ``CODE``; a PAC read aloud one kept ``CODE``
  (blind90). An alphanumeric SMS sender id unmarked; a landmark written into an Indian address inside it, a
  description of the house after an address unmarked; "№" outside a kept reference, inside a numbered post-office
  branch's kept ``PLACE``; a hospital's OPD kept ``PLACE``; a telecom's care short number and a service code said as
  a number to call a ``PHONE``; a recharge card's PIN and serial kept ``CODE``; a typed "XXXX XXXX 0268" kept
  ``LAST_DIGITS`` beside the full Aadhaar's ``NATIONAL_ID``; a one-word surname sign-off a ``PERSON`` (blind90b). The
  addressee's own shop unit with no street ("negozio int. 1", "local bajo izquierda") an ``ADDRESS``; a condominium's
  legal lot ("fração C", "lot n° 14") kept ``CODE``; a Czech non-residential unit inside its ``ADDRESS``; a firm's
  premises named by a council, insurer or landlord an ``ADDRESS``; a surname masked inside a firm's name when that
  person is named in the message, a Swedish genitive "Holms" a ``PERSON``; a firm bearing a name nobody in the
  message has kept ``COMPANY`` whole; an impersonating fake signer a ``PERSON``; "Delt@" kept ``PRODUCT``; a Greek
  Α.Δ.Τ. a ``NATIONAL_ID``, an employer number kept ``CODE``; a personal-licence number, payroll and contract codes
  and a rental object number kept ``CODE``; quality and customs identifiers and tenant numbers kept ``REFERENCE``;
  post-nominals kept ``JOB_TITLE``; TTC / HT / netto outside an ``AMOUNT``; a carrier's driver and his mobile a
  ``PERSON`` and a ``PHONE``; a tax office's room kept ``PLACE``; a newborn's birth date with and without its year two
  ``DOB`` spans (blind90c).
- **Written down in session 39 after blind91* was written, before it was scored** (the writers' reports): a
  neighbour's door on a "left with" card unmarked, the neighbour a ``PERSON``; a street address a parcel went to by
  mistake an ``ADDRESS``; "Termoidraulica Galli di Galli Stefano" three ``PERSON`` spans; "Hinterhaus 3. OG" one kept
  ``PLACE`` after the address; a mistyped IBAN failing mod-97 still an ``IBAN``; a Zelle phone a ``PHONE``; "Outlook
  for Android" kept ``PRODUCT``; "guapa" unmarked; a Personalausweis serial without its check digit a
  ``NATIONAL_ID``; a shortened crypto hash kept ``REFERENCE``; a URL-encoded date kept ``DATE`` with its "+"
  (blind91). An ABHA number a ``NATIONAL_ID``; a Kuwaiti PACI number an ``ADDRESS``; account numbers typed for a
  transfer with "(opay)" a ``BANK_ACCOUNT``; SMS short codes of a service ("668", "996") a ``PHONE``; a Russian
  passport's series and number said together one ``PASSPORT``; a parcel locker's number kept ``CODE``; Turkish
  suffixes outside kept spans; forms of address with no name ("apu", "joven", "Kak", "baji", "bhai", "Kuya rider")
  unmarked; a hospital queue token kept ``CODE``; a load-shedding stage kept ``QUANTITY``; the town an agent says
  back while confirming the caller's address an ``ADDRESS``; a spoken NRIC's last four kept ``LAST_DIGITS``
  (blind91b). A Portuguese NIB a ``BANK_ACCOUNT``; withholding-tax tables, payroll classification, an insurer's code
  and HS tariff codes kept ``CODE``; RIDDOR and police file numbers kept ``REFERENCE``; a tenancy reference holding
  the unit kept ``REFERENCE``; "piso" outside "3º B", "appartement" and "bytu č." inside the flat's ``ADDRESS``; a
  residence named alone kept ``PLACE``; a company's VAT number, wrong or right, kept ``CODE``; a sort code run into
  the account one ``BANK_ACCOUNT``; a surname that is also a word masked inside the firm's name; "Közös Képviselő Úr"
  unmarked; loading docks and bays unmarked (blind91c).
- **Written down in session 39 after blind92* was written, before it was scored** (the writers' reports): a wrong
  bare street corrected to the right address kept ``PLACE``; a whole street address a courier marked as delivered an
  ``ADDRESS``, and the writer's own house number after it too; a wrong and a right postcode two ``ADDRESS`` spans;
  children's ages kept ``AGE``; public scheme names unmarked; "Amex" with no card kept ``COMPANY``; an e-mail in a
  public post an ``EMAIL``; an agent's name in the speaker labels a ``PERSON`` each time (blind92). The front six
  digits of a Korean resident number given to verify a ``NATIONAL_ID``; "小刘" one ``PERSON`` with 小 inside; a first
  name and patronymic said back one ``PERSON``; a Ukrainian name surname first with patronymic one ``PERSON``; a
  load-shedding block and a utility's billing unit kept ``CODE``; a shipping barrel reference kept ``REFERENCE``; a
  relative's id given by the caller a ``NATIONAL_ID``; a Mexican "interior tres" said with the street inside the
  ``ADDRESS`` (blind92b). Unit numbers of owners ("WE 03", "lot n° 23") kept ``CODE``; a co-ownership named as the
  insured kept ``COMPANY``; a SIRET, a Hungarian adószám and a Peppol id kept ``CODE`` (the adóazonosító jel a
  ``NATIONAL_ID``); Polish "lokalu nr 12" and Greek "διαμερίσματος Γ2" with the word inside the ``ADDRESS``;
  Hungarian case endings outside kept spans, Czech place names with a changed stem kept whole; "dell'" outside
  "interno 9"; a named branch's or site's address with the hotel's name inside an ``ADDRESS``; "week 9" keeps only
  "9" as ``DATE``; "Semana Santa" kept ``DATE``; a sole trader "Ciobanu Gabriela PFA" one ``PERSON``, "PFA" unmarked
  (blind92c).
- **Written down in session 40 after blind93* was written, before it was scored** (the writers' reports): a date
  range written as one phrase ("24–26 October") one kept ``DATE``, "du 14 au 16 novembre" two; a distance kept
  ``DISTANCE``; "Regards, a parent" unmarked; a booked class kept ``PRODUCT``; a state after a licence number outside
  the ``NATIONAL_ID``; a refund reference kept ``REFERENCE``; a private charity kept ``COMPANY``; an office named by
  its neighbourhood keeps the neighbourhood as ``PLACE``; an unnamed "Agent:" unmarked (blind93). A system-masked
  mobile ("98XXXXXX17") kept ``LAST_DIGITS``; an OTP SMS's app hash kept ``CODE``; a SNILS a ``NATIONAL_ID``;
  honorifics ("sahiba", "أستاذ", "女士", "様", "chị") outside names; a school-fee paybill account, an LRN and a KCPE
  index number kept ``REFERENCE``; a bank branch named by its town kept ``PLACE``; an exam kept ``EVENT``; a wrong
  flat said with its street and the flat corrected alone two ``ADDRESS`` spans with "mieszkanie" inside; a Malaysian
  poskod asked for alone kept ``ZIP``; a wrong floor a courier's photo showed unmarked; door codes and a money agent's
  till kept ``CODE``; an agent and a caller of one name each their own ``PERSON``; a spoken katakana policy number one
  kept ``POLICY``; schools said wrong then right kept ``ORG``; "ER" kept ``PLACE``; a quoted sender "… Customer Care"
  a kept ``TEAM`` (blind93b). A login short code built from initials ("Kürzel: LBE") kept ``USERNAME``; a Czech sole
  trader's DIČ holding her birth number a ``NATIONAL_ID``; an ELSTER transfer ticket and a CMR number kept
  ``REFERENCE``; racking bays and ramps kept ``CODE``; a school programme year kept ``CODE``; team labels kept
  ``TEAM``; a job title signing a notice unmarked; a firm named after its owner masks the surname where he is named,
  kept whole where not; a practice named after its doctor masks the surname; "Condominio Via Nizza 41" one kept
  ``COMPANY``, the addressee's "interno 9" an ``ADDRESS``; a Bulgarian estate address (ж.к., бл., вх., ет., ап.) one
  ``ADDRESS``; inflected names (Lithuanian dative, Polish genitive) one ``PERSON`` each, titles outside; a private
  LAN IP an ``IP_ADDRESS``; a child's NIF and a pupil's AMKA ``NATIONAL_ID``; "3T" kept ``DATE``, "modelo 303" kept
  ``CODE`` (blind93c).
- **Written down in session 40 after blind94* was written, before it was scored** (the writers' reports): a UK
  self-assessment payment reference (UTR + "K") a ``NATIONAL_ID``; a NZ licence version number kept ``CODE``; a
  CuentaRUT account a ``BANK_ACCOUNT`` beside its RUT; "CC" outside a cédula; a Yape wallet number a ``PHONE``; a
  writer's own floor alone ("piso 8") kept ``PLACE``, his own flat with its number ("Top 14", "3º B", "flat 5") an
  ``ADDRESS``, a neighbour's unmarked; a workplace given as where a job is done an ``ADDRESS``; a card descriptor
  kept ``COMPANY``; star ratings unmarked, ratings in words kept ``QUANTITY``; a Pix key that is an e-mail a
  ``BANK_ACCOUNT``; a scam SMS's sender a ``PHONE``, its look-alike domain a kept ``URL`` (blind94). "a/p" inside a
  Malaysian name; honorifics ("sahiba", "sebo", "mai", 様) outside names; a firm named after a deity kept
  ``COMPANY``; a Zimbabwe id with its check letter and district one ``NATIONAL_ID``; an old phone on file read out
  and the new one two ``PHONE`` spans; IVR menu digits kept ``CODE``, a typed last four kept ``LAST_DIGITS`` with "#"
  outside; an SMS timestamp kept ``DATETIME``; an OTP read aloud kept ``CODE``; a utility's short line a ``PHONE``
  (blind94b). A private IP an ``IP_ADDRESS``; a Swedish property designation, farm holding numbers, a permit category
  and a withholding-tax tariff kept ``CODE``; a GP referral, a sick-leave certificate and a frikort number kept
  ``REFERENCE``; Hungarian "12-es lakás" one ``ADDRESS`` with its suffix inside; "Block C" inside an address line; a
  ZZZS insured-person number a ``NATIONAL_ID``; a fake change-of-bank mail's display name kept ``COMPANY`` when no
  one of its name is masked; "Secretaria" and "La direction" sign-offs unmarked, "Secretaría" kept ``TEAM``; a shift
  unmarked, its site kept ``PLACE`` (blind94c).
- **Written down in session 40 after blind95* was written, before it was scored** (the writers' reports): a Mexican CP
  inside a typed chat address inside the ``ADDRESS``; a Brazilian "CEP 01304-001, São Paulo" after the street a second
  ``ADDRESS`` with the town inside, "CEP" outside; a firm named after a surname nobody in the message bears kept
  ``COMPANY``; staff praised by first name a ``PERSON``; a name and phone added to a public tweet personal; a
  phishing mailbox an ``EMAIL``; a car-park level and a train coach kept ``PLACE``; a card's or a wallet number's last
  digits kept ``LAST_DIGITS``; a surname given for a booking and "Sr. Carvalho" two ``PERSON`` spans; a wrong and a
  corrected codice fiscale both ``NATIONAL_ID``; unnamed and company speaker labels unmarked; a sort code labelled
  apart kept ``CODE``, one under the account's label inside one ``BANK_ACCOUNT``; a payment reference built from a
  surname kept ``REFERENCE`` (blind95). An id's last four given to verify a ``NATIONAL_ID`` (a Singapore NRIC's kept
  ``LAST_DIGITS``); an id read aloud and said back two spans, one cut off and restarted two; an agent's wrong
  read-back of a phone a ``PHONE``; a Chinese staff number kept ``REFERENCE``; 师傅, "mama", "Pak" outside names; a
  Philippine purok/barangay address with its Blk/Lot one ``ADDRESS``, a barangay alone kept ``PLACE``; an SMS short
  code a ``PHONE``; PIN codes and postcodes in outage complaints kept ``ZIP``, a Singapore postal code given in its
  own turn an ``ADDRESS``; power tokens, app hashes, USSD codes, paybills and locker codes kept ``CODE``; consumer,
  patient and member numbers kept ``REFERENCE``, meters kept ``METER``; UPI ids, NUBANs, a Pix e-mail key and salary
  accounts ``BANK_ACCOUNT``, an IFSC kept ``CODE``; wallet numbers ``PHONE``, their transaction ids kept
  ``REFERENCE``; a scam's card and CVV personal, its domain kept ``URL``; bank senders and card descriptors kept
  ``COMPANY`` (blind95b). A firm's kennitala kept ``CODE``, an employee's a ``NATIONAL_ID``; a tenant's "byt č. 12"
  named alone an ``ADDRESS``; a pupil's Luxembourg matricule and an AHV with a wrong check digit ``NATIONAL_ID``; a
  Danish reg.nr kept ``CODE`` beside the konto's ``BANK_ACCOUNT``; "Durchwahl 14" a second ``PHONE``, its label
  outside; a withholding rate kept ``PERCENT``; "Comunidad de Propietarios Rúa do Hórreo 9" one kept ``COMPANY``; team
  sign-offs ("Reception team", "Le syndic") unmarked; a loading ramp unmarked; authority lines ``PHONE``; a fake
  change-of-bank mail's display name kept ``COMPANY``, the impersonated signer and the beneficiary ``PERSON``; a
  Spanish NSS with its spaces one ``NATIONAL_ID`` (blind95c).
- **Written down in session 41 after blind96* was written, before it was scored** (the writers' reports): "apt 307"
  one ``ADDRESS`` with "apt" inside (as "flat 12"), a neighbour's number unmarked; a wrong and the right Pix key that
  are CPFs ``BANK_ACCOUNT``; a UK driver number a ``NATIONAL_ID``; one's own crypto wallet a ``BANK_ACCOUNT``, a
  shortened transaction hash kept ``REFERENCE``; a key-safe code and a garage space kept ``CODE``; a securities
  account (Depotnummer) a ``BANK_ACCOUNT``; a contact person's surname inside a firm's name masked, a signer's surname
  in his own firm masked; an account holder line ("Intestatario", "Titular") a ``PERSON``; a shopping centre and
  branches kept ``PLACE``, "St Helens" kept ``CITY``; a match and a school trip kept ``EVENT`` (blind96). A Japanese
  date of birth in imperial-era words one ``DOB``; "a còng" read back an ``EMAIL``; a UnionPay card given for a refund
  a ``CARD``; a power feeder kept ``CODE``; a wrong building named alone kept ``PLACE``, one's own tower and flat an
  ``ADDRESS``; parcel-locker ids kept ``CODE``; utility and contract numbers in Arabic script kept ``REFERENCE``; an
  IVR menu digit kept ``CODE``; a caller's surname given by the agent a ``PERSON``; a bank's short name in passing
  unmarked; a Spanish article before a day outside the ``DATE`` (blind96b). An Estonian genitive of a signer's surname
  inside a firm's name ("Tamme Ehitus OÜ") a ``PERSON``; a fake change-of-bank display name with the real bearer named
  later: the surname masked, the rest unmarked; a rent payment text with a street kept ``REFERENCE`` (as "UNIT 7
  RENT"); a patronymic field, a birth name and a mother's name ``PERSON``; a sole trader's CIF kept ``CODE``, a
  Polish farmer's NIP a ``NATIONAL_ID``; farm register and herd numbers kept ``CODE``; a Danish FI payment line kept
  ``REFERENCE``; bailiffs' deposit accounts masked, a bailiff's office an ``ADDRESS``, "Antstolė" / "Komornik Sądowy"
  outside names; a joint-committee number kept ``CODE``; a heat-cost allocator kept ``METER``; a MAV code shaped like
  a card kept ``REFERENCE``; "Cl@ve" kept ``PRODUCT``; a worker's barracks address an ``ADDRESS``; a workplace kept
  ``PLACE``, an extension after it a ``PHONE`` (blind96c).
- **Written down in session 41 after blind97* was written, before it was scored** (the writers' reports): a date
  engraved with a name kept ``DATE``; a series title kept ``TITLE``; a customer correcting only an e-mail's domain
  unmarked; a guessed neighbour's door and a building entrance unmarked / kept ``PLACE``; a Packstation kept
  ``PLACE``, its Postnummer kept ``CODE``; an Italian one-person firm's P.IVA kept ``CODE``, its owner's surname inside
  the firm's name masked; "Reg. CE 261/2004" one kept ``CODE``; a switch code kept ``CODE``; a firm's own static IP an
  ``IP_ADDRESS`` (blind97). A wrong Indian PIN named alone kept ``ZIP``; a Qatari zone/street/building/flat and a
  Korean dong-lot-flat address one ``ADDRESS`` each; a Japanese imperial-era date of birth one ``DOB``; numbered
  public clinics kept ``ORG`` with "№" inside; a paybill account that is the meter kept ``METER``; a surname before
  师傅 a ``PERSON``; Banglish and Turkish suffixes outside a name; a worker's id and passport given by her employer
  ``NATIONAL_ID`` / ``PASSPORT``; a bank codeword kept ``CODE``; an unknown UPI id that received a fraud a
  ``BANK_ACCOUNT``; partial names shown by apps one ``PERSON`` each (blind97b). A Croatian sole trader's OIB a
  ``NATIONAL_ID``; a Dutch freelancer's btw-id kept ``CODE``; a Serbian firm's domestic account a ``BANK_ACCOUNT``, its
  PIB and MB kept ``CODE``; an owners' community CIF kept ``CODE``; a school's account written as an IBAN an ``IBAN``;
  inflected places and bodies whose stem changes kept whole; loading ramps kept ``CODE``; a Hungarian birth name a
  second ``PERSON`` beside the married name; a Bulgarian identity card a ``NATIONAL_ID``; a Greek supply number kept
  ``CODE``, a tax office's district kept ``ORG``; a rent note with a flat number kept ``REFERENCE``; a potato variety
  kept ``PRODUCT``; an association named after its address kept ``COMPANY``; a reminder's count kept ``COUNT``; a
  Hungarian numbered warehouse kept ``PLACE`` with its suffix inside (blind97c).
- **Written down in session 42 after blind98* was written, before it was scored** (the writers' reports): "CE
  261/2004" kept ``CODE`` with "règlement" outside; an NZ ICP number kept ``CODE``; a false start of an SSN's last
  digits an ``SSN`` too; "Top 14" its own ``ADDRESS`` and a stair inside the bracketed address; "Hinterhaus, 3. OG"
  after a street kept ``PLACE``; a school year "Reception" kept ``CODE``; a portal field "Unit: 4C" an ``ADDRESS``, the
  named complex kept ``PLACE``; a Portuguese driving licence with its check digit one ``NATIONAL_ID``; a plan name with
  its price one kept ``PRODUCT``; a consultancy named after a CRM name never written kept ``COMPANY``; an agent's
  false start of her own name a ``PERSON``; labels outside kept subscriber numbers (blind98). A flat read back wrong
  and corrected both ``ADDRESS``; a Korean id's front six in Sino-Korean words one ``NATIONAL_ID``; an NRIC's last
  four with its letter read aloud kept ``LAST_DIGITS``; "CITY OF JHB" kept ``ORG``; a POS descriptor line kept
  ``COMPANY``; a bank-masked Thai account kept ``LAST_DIGITS`` with its x's; a pickup-station code kept ``CODE``; a
  Kenyan SHA number spelled aloud one ``NATIONAL_ID``; a phone read in katakana one ``PHONE``, です outside; a Chinese
  gas account in numerals and a staff number kept ``REFERENCE``; a scam SMS's amount kept ``AMOUNT``; a Tamil case
  suffix outside a ``TIME``; a spoken time range two ``TIME`` spans; "Bey" outside a name; a mother's payee in a
  forwarded SMS ``PERSON`` / ``PHONE``; a load-shedding stage's number kept ``QUANTITY``; an SMS opt-out code
  unmarked (blind98b). A rijksregisternummer quoted back by a letting agent a ``NATIONAL_ID``; a spoken Polish address
  one ``ADDRESS`` with the town and "mieszkania" inside; the addressee's own flat alone ("2n 1a", "Flat 7") an
  ``ADDRESS``; a Danish "2. sal" with no street kept ``PLACE``; "Ferri di Ferri Marco" three ``PERSON`` spans; a fake
  conveyancing display name kept ``COMPANY``; an impersonated signer's surname masked inside his firm's name, a firm
  named after nobody in the message kept whole; a claim-number template kept ``CLAIM``; bailiffs' and notaries'
  titles outside and unmarked; "Anyja neve" and "Születési név" ``PERSON``; "wew. 14" inside the ``PHONE``; a Serbian
  ЕД број kept ``CODE``, a ZZZS number a ``NATIONAL_ID``; a notice signed by a role alone unmarked; a receptionist's
  first name in a call's opening a ``PERSON``, unnamed speaker labels unmarked; "Weber, Tobias" one ``PERSON``; a
  Romanian ID card's series and number one ``NATIONAL_ID``, "seria" outside (blind98c).
- **Written down in session 42 after blind99* was written, before it was scored** (the writers' reports): form
  values naming only a service and a benefit's name unmarked; an NZ ICP and a Belgian EAN kept ``CODE``; a German
  customer number read aloud with "zwo" one kept ``REFERENCE``; an agent's name in brackets in a speaker label a
  ``PERSON``; one's own unit alone an ``ADDRESS``, a laundry floor kept ``PLACE``; states and a supermarket named as
  places kept ``PLACE``; "Une maman de P3" and "a member" sign-offs unmarked; a teacher's surname a ``PERSON``; a
  Canadian "4½ au 2e" before the street inside the ``ADDRESS``; a town an agent says back while confirming an
  ``ADDRESS``; "prof.ssa" and "mamma di" outside names (blind99). An Alipay account that is an e-mail a
  ``BANK_ACCOUNT``; "بی بی" inside a Pakistani name; a bank code said alone kept ``CODE``; a Saudi short address's
  building number said in its own turn an ``ADDRESS``; last four in Korean words and a masked Thai account kept
  ``LAST_DIGITS``; "номер" outside a kept ``REFERENCE``; "chị ơi" and "ma" unmarked; "DR" outside an ``AMOUNT``; a
  helpline's name kept ``ORG``, a scheme name unmarked; a service connection number kept ``REFERENCE``; a Kenyan home
  by town and landmark one ``ADDRESS``; a scam's UPI collect id a ``BANK_ACCOUNT`` (blind99b). The tenant's building
  in a service-charge statement an ``ADDRESS``; the addressee's "Wohnung 2. OG rechts" and "Klingel Wohnung 5"
  ``ADDRESS``; a neighbour's number said as a word unmarked; "KLASA:" outside a kept ``REFERENCE``; "sklic SI00 2411"
  one kept ``REFERENCE``; "uke 32" / "viikolla 46" only the number a ``DATE`` (session 39's rule); inflected stairwells
  and streets naming a building kept whole ``PLACE``; "MVA" inside a kept org number; a court's department line
  unmarked; a company's managing officer and registered office ``PERSON`` / ``ADDRESS``; an insurer's code kept
  ``CODE``; payroll grades kept ``CODE``; a birthplace kept ``CITY`` and the date a ``DOB`` (blind99c).
- **Written down in session 42 after blind100* was written, before it was scored** (the writers' reports): a bot
with no persona name unmarked; an agent's name beside the company in a speaker label a ``PERSON``, the company kept;
one's own PO box an ``ADDRESS``; a form's sample NI number read out a ``NATIONAL_ID``; a DOB said, a different one read
from the record and the corrected one all ``DOB``; a shop named after a first name kept ``COMPANY``; a pet with a
human name kept ``PET``; an id withdrawn then given again ``NATIONAL_ID`` both times; a UK account read in one run with
its sort code one ``BANK_ACCOUNT``; a town alone kept ``CITY``; a wrong house in a courier's photo unmarked; a Swiss
insurer's Versichertennummer kept ``REFERENCE``, a German KVNR a ``NATIONAL_ID``; ICCID, File and Reglamento labels
outside kept spans; scheme and benefit names unmarked; one's own flat alone an ``ADDRESS``, estates, stairs and blocks
kept ``PLACE``; review ratings kept ``QUANTITY`` (blind100). An Emirates ID application number kept ``REFERENCE``; a
payment reference built from a surname kept whole; relative day words unmarked; a surname given alone ("我姓刘") a
``PERSON``; a surname spelled in groups after it is said a second ``PERSON``; a Kenyan address with its floor one
``ADDRESS``; an Egyptian address in Latin letters with floor and flat after the city one ``ADDRESS``; Thai, Tamil and
Urdu titles and honorifics outside names; utilities kept ``COMPANY``, public bodies kept ``ORG``; a scam's card and
sender ``CARD`` / ``PHONE``; currency words outside or inside an ``AMOUNT`` as written; bank-masked numbers kept
``LAST_DIGITS`` with their masks; card-shaped order and virtual-account numbers kept; a paybill account that is the
meter kept ``METER`` (blind100b). "Tóthék" masks "Tóth"; the tenant's or writer's own flat, floor and door alone
("lejl. 2. tv", "Klingel Wohnung 5", "z 3. poschodia, byt 12", "del 3r 1a") an ``ADDRESS``; "seria" outside a Romanian
id; inflected names, products and dates kept whole as written; a targeted employee greeted by first name a
``PERSON``; a bare look-alike domain kept ``URL``; a headteacher's surname a ``PERSON``, the role kept ``JOB_TITLE``;
"fam." outside a surname; payroll grades and tax tables kept ``CODE`` (blind100c).
- **Written down in session 43 after blind101* was written, before it was scored** (the writers' reports): a
Guernsey postcode said alone an ``ADDRESS``; a bot's speaker label and "You" unmarked; an area or a whole street named
in a report kept ``PLACE``; a surname that is also a place adjective ("Herr Zürcher") a ``PERSON``; school terms kept
``DATE``; a visa centre and a hospital department kept ``PLACE``; payment-scheme and benefit names unmarked; a postal
service's product kept ``PRODUCT``; "DD:" and "PAC code" outside their spans; a securities account after a bank's
label a ``BANK_ACCOUNT`` (blind101). A Kazakh IIN a ``NATIONAL_ID``; an Argentine CVU a ``BANK_ACCOUNT``; a BLIK code
kept ``CODE``; a Japanese postcode said alone kept ``ZIP`` and the town and district the agent echoes an ``ADDRESS``;
a PNR kept ``BOOKING`` and a refund claim's number kept ``REFERENCE``; a one-word Thai given name used in the opening
line a ``PERSON``; a wrong-recipient account read in Korean number words one ``BANK_ACCOUNT``; an FPS transfer to a
phone a ``PHONE`` and its transaction number kept ``REFERENCE``; utility account numbers and mobile-money TIDs kept
``REFERENCE``; a forwarded bank OTP SMS carries no PII; cards and CVVs given to scammers ``CARD`` / ``CVV``; a Kenyan
SHA number read out by the agent a ``NATIONAL_ID``; a salary account read in groups one ``BANK_ACCOUNT`` and its
branch code kept ``CODE`` (blind101b). The floor inside one's own one-line address; owners' unit numbers ("lot n°
14", "WE 07", "andel 47") kept ``CODE``; a flat and its building split by words two ``ADDRESS`` spans; a Romanian "ap.
14, bl. C3, sc. B, et. 4" with no street one ``ADDRESS``; an inflected "butui Nr. 34" one ``ADDRESS``; a land-register
number kept ``CODE`` and its district ``PLACE``; streets named after people standing alone in notices kept ``PLACE``;
"groep 5" one ``CODE``; an id card's issue date and office kept ``DATE`` / ``ORG``; a deposit scheme operator kept
``COMPANY``; a business's building kept ``PLACE``; Latvian and Lithuanian honorifics outside names; an extension alone
in a signature a ``PHONE``; payment references holding a surname or a flat kept whole ``REFERENCE`` (blind101c).
- **Written down in session 43 after blind102* was written, before it was scored** (the writers' reports): a
hospital named after a saint kept ``COMPANY``; "Rx", "SN" and "FPS" outside kept spans; a baby's age kept ``AGE``;
an ordinal count kept ``COUNT``; one's own floor alone kept ``PLACE``, floor and door alone an ``ADDRESS``; a house
number and "apto 82" typed in one turn two ``ADDRESS`` spans; a wife's passport a ``PASSPORT``; "Reglamento" outside
a kept ``CODE``; a foreign mobile a ``PHONE``; a Brazilian benefit number kept ``REFERENCE`` (blind102). An agent's
read-back of a date of birth a ``DOB``; a remittance pickup PIN kept ``REFERENCE``; a UMID CRN a ``NATIONAL_ID``; a
gold-loan account kept ``REFERENCE``; a landmark brand inside a written address; a festival kept ``DATE``; an outage
queue kept ``CODE``; a wallet transfer by phone a ``PHONE``; "드림" outside a name; station names kept ``PLACE``; a
portal's name kept ``ORG``, the same word as a reply unmarked; a benefit card's last digits kept ``LAST_DIGITS``; a
prepaid meter's customer id kept ``METER`` (blind102b). An owners' association's own account a ``BANK_ACCOUNT``;
associations named after their address kept ``COMPANY``, the writer's flat in the building an ``ADDRESS``;
"Lägenhetsnummer: 1102" of one's own flat an ``ADDRESS``; "Nagy Péterné" one ``PERSON``; "κα" and a role in the
vocative unmarked; a warehouse with its suffix kept ``PLACE``; a garage level and a garage space unmarked / kept
``CODE``; a German pension number a ``NATIONAL_ID`` and the birth name a ``PERSON``; a surname inside a firm's name in
a quoted header masked where that person signs the quoted text; "poziv na broj" and "sklic" references kept; an
invalid id quoted back a ``NATIONAL_ID``; a matricule in groups one ``NATIONAL_ID``; a child's CIP a ``NATIONAL_ID``;
"signori Ruggeri" and "Mr and Mrs Adeyemi" one ``PERSON`` each; an office room kept ``PLACE``, tax offices kept
``ORG`` (blind102c).
- **Written down in session 43 after blind103* was written, before it was scored** (the writers' reports): an NHS
hospital unit kept ``ORG``; a care brand beside an agent's name kept ``TEAM``; a high commission kept ``ORG``; a
passport's expiry kept ``DATE``; a tab of an app unmarked; "June rent" kept ``DATE``; a delivery signature written
differently from the buyer's name a second ``PERSON``; one's own house number beside a neighbour's an ``ADDRESS``, the
neighbour's unmarked; a letter confirmed while spelling unmarked; "Idraulica Galli di Galli Stefano" three ``PERSON``
spans; one's own floor, side and flat with no street one ``ADDRESS``; a staircase alone later kept ``PLACE``; a
standing-order reference holding a house name kept ``REFERENCE``; a bank named inside a scam SMS kept ``COMPANY``; a
pet's owner signing a ``PERSON``, the pet kept ``PET`` (blind103). A Saudi short address with its district and city
one ``ADDRESS``; a Hijri date of birth with its era marker one ``DOB``; a Makani number and the street address two
``ADDRESS`` spans; a UPI id naming a stranger one ``BANK_ACCOUNT``; a virtual account kept ``REFERENCE`` even when its
digits match the phone; Korean and Japanese phones read with pauses one ``PHONE`` each; a service's SMS short code a
``PHONE``; a SHA number with its suffix one ``NATIONAL_ID``; an IC read in groups one ``NATIONAL_ID``; a branch named
by its street kept ``PLACE``; "warung Bu Tini" kept ``COMPANY``; a bank and its city branch kept ``COMPANY`` and
``PLACE``; a barangay, town and postcode alone kept; a shortened crypto hash kept ``REFERENCE``; Arabic prefixes
outside spans (blind103b). "lgh 1204" of the member's own flat an ``ADDRESS``; a cooperative's per-flat account a
``BANK_ACCOUNT``; a sole trader's PIB kept ``CODE``, his name inside the firm's name masked; a surname alone of a
masked signer a ``PERSON``; "KW 11" one kept ``DATE``; "néni" outside a name; "n.º 38" repeating one's own house
number an ``ADDRESS``; "PLZ:" / "Ort:" and "CAP:" / "Città:" form lines an ``ADDRESS`` each; a notary's client
account an ``IBAN``; a permit category kept ``CODE``; a matricule in groups one ``NATIONAL_ID``; a pagoPA notice code
kept ``REFERENCE`` (blind103c).
- **Written down in session 44 after blind104* was written, before it was scored** (the writers' reports): a customer
named like his bank ("Reto Zürcher" / "Zürcher Kantonalbank") a ``PERSON`` beside a kept ``COMPANY``; a withdrawn
postcode piece its own ``ADDRESS``, "no" outside; a spoken social insurance number read in groups one ``NATIONAL_ID``;
a newborn's birth date with its year a ``DOB``; "mama Wanjiru" with "mama" outside; a school's paybill account a
``BANK_ACCOUNT``, the paybill kept ``CODE``; "Account name:" on an invoice a ``PERSON``, the firm kept; a spouse's
passport given by mistake a ``PASSPORT``; "ZIP:" as a US form field an ``ADDRESS``, a ZIP said in a sentence kept
``ZIP``; one's own "scala B, interno 12" with no street: the stair kept ``PLACE``, "interno 12" an ``ADDRESS``;
"Idraulica Galli di Galli Davide" three ``PERSON`` spans; prepaid and supply-point meters kept ``METER`` / ``CODE``;
a transit card kept ``REFERENCE``, a bus route kept ``CODE``; public health centres kept ``ORG``; a mutual health
insurer and a statutory health fund kept ``COMPANY``; "Ahmed (Careem)" the agent a ``PERSON``, the firm kept; a
nameless bot label unmarked; "Mr Pickles" kept ``PET`` with its title; spelled names ("D-I-Z-O-N", "O mit Punkten",
Spanish letter names) a second ``PERSON`` span each (blind104). "客服小美" / "阿杰" with 小 / 阿 inside the ``PERSON``; an
e-mail read in Russian with "собака" / "точка" one ``EMAIL``; a misheard read-back of a spelled name and the
re-spelling a ``PERSON`` each; a first name and patronymic without surname one ``PERSON``; a Turkish spelling with
helper words one ``PERSON``; a scam SMS's payee and sender number ``PERSON`` and ``PHONE``, an alphanumeric sender
unmarked; a prepaid electricity token in groups of four kept ``CODE``; Thai, Korean and Japanese particles and
honorifics (ค่ะ, 입니다, です, 様) outside spans; a corrected last four of a phone its own ``PHONE``; NIDA / NIN / DPI / CPR
numbers ``NATIONAL_ID``; "Huduma ya NIDA" kept ``ORG``; an OTP SMS's "Ref:" kept ``REFERENCE``; a Qatari zone /
street / building / flat with its district one ``ADDRESS``; a Makani number and the villa address two ``ADDRESS``
spans, "villa" outside the second; "Mzee" outside a name (blind104b). A street named alone with no number kept
``PLACE``; a building in a notice named by its street and number one kept ``PLACE``; staff-team sign-offs ("Lager B",
"Dział Logistyki") kept ``TEAM``; a firm named like a person in a fake change-of-bank thread kept ``COMPANY`` when no
one bears the name; a sort code followed by "account" kept ``CODE``; "Familjen Bergström" with only the surname a
``PERSON``; "s.p." outside a sole trader's ``PERSON``; a firm bearing a surname other than the addressee's kept
whole, the vocative a ``PERSON``; "maestra" outside a name; bare role sign-offs and a greeted payroll office unmarked;
an inflected car model ("Toyoty Corolli") one kept ``PRODUCT``; a bike model named like a city kept ``PRODUCT``; a
ring road with its case ending outside kept ``PLACE``; holidays kept ``DATE``; a Swiss policy kept ``POLICY``;
utility accounts, police report numbers, school-fee and service-charge references kept ``REFERENCE``; a look-alike
domain kept ``URL``; a child's Catalan health card a ``NATIONAL_ID`` (blind104c).
- **Written down in session 44 after blind105* was written, before it was scored** (the writers' reports): a premium
short code that billed the customer a ``PHONE``; the last three digits of a SIN given to verify a ``NATIONAL_ID``; a
public fault near a named court on a named road kept ``PLACE``; one's own house number and street one ``ADDRESS``, a
wrong house number unmarked; one's own "scala B, interno 7" with no street one ``ADDRESS``; one's own flat given after
an address a second ``ADDRESS``; a Kita group kept ``CODE``; a private person's razón social a ``PERSON``, her RFC a
``NATIONAL_ID``, "CP fiscal" an ``ADDRESS``; a relative's codice fiscale entered by mistake a ``NATIONAL_ID``; a Swiss
account read in German groups one ``BANK_ACCOUNT``; a child's birth certificate number a ``NATIONAL_ID``; a telecom
account kept ``REFERENCE``; a key-safe code like a year kept ``CODE``; a POD kept ``CODE``; a street in a utility
report kept ``PLACE`` (blind105). An Azerbaijani FİN a ``NATIONAL_ID``; an Uzbek date of birth with its joined
suffixes one ``DOB``; a first name typed in quotes as the spelling a ``PERSON``; "G. BERIDZE" shown as payee a
``PERSON``; a Kazakh ИИН read in Russian groups one ``NATIONAL_ID``; a hospital named in passing kept ``PLACE``; a
router's "LOS" light kept ``CODE``; a mall's gate kept ``PLACE``; a forwarded bank OTP SMS no PII; a phishing SMS with
an alphanumeric sender no PII; one's own IBAN given to another bank's agent an ``IBAN``; "₹" outside a templated
``AMOUNT`` (blind105b). A family law firm with no one of its name masked kept ``COMPANY`` whole; the addressee's
surname inside a baker's firm a ``PERSON``; "12-es lakásnál" one ``ADDRESS`` with its ending; "H0302" inside a one-line
address; an inflected district government kept ``ORG`` whole; "Kadri Tamm" a ``PERSON``; a place's case ending outside
its kept ``PLACE``; signature roles kept ``JOB_TITLE``; a Seguridad Social number, a CIP, a pupil matricule, a driving
licence number, a Danish CPR ``NATIONAL_ID``; a sole trader's IČO kept ``CODE``, a Polish sole trader's NIP a
``NATIONAL_ID``; a firm not bearing the signer's name kept ``COMPANY``, its PIB kept ``CODE``, its domestic account a
``BANK_ACCOUNT``; a PEC mailbox an ``EMAIL``; a condominium's IBAN an ``IBAN``; a payment reason holding a flat kept
``REFERENCE``; an impersonated signer's first name a ``PERSON``; a wrong and a right TAJ both ``NATIONAL_ID``; a
Croatian date of birth with its closing period inside the ``DOB``; an Irish tax code kept ``CODE``; a garage space
kept ``CODE``; "2e étage gauche" signing off an ``ADDRESS``; a street-closure notice no PII; a spoken phone restarted
two ``PHONE`` spans; a spoken policy number kept ``POLICY``; a French phone read in pairs one ``PHONE``; an employer
registration number kept ``CODE`` (blind105c).
- **Written down in session 44 after blind106* was written, before it was scored** (the writers' reports): a spelled
Irish surname with its fada hint one ``PERSON``; a passport spelled with an "as in" hint one ``PASSPORT``; a town the
agent adds while reading back a postal code an ``ADDRESS``; an IBAN read short, read back short and typed in full three
``IBAN`` spans; a paybill account that is the customer's phone a ``PHONE``, the meter kept; a Mexican spoken address
with its colonia one ``ADDRESS``, a CP said alone kept ``ZIP``; "Biscuit's mum" with the pet kept ``PET``; a cat named
"Herr Müller" kept ``PET`` whole; "Seitenflügel 3. OG" after a full address: the floor kept ``PLACE``; one's own and
the neighbours' staircases kept ``PLACE``, one's own "interno 14" an ``ADDRESS``; a spoken "bloco B" kept ``PLACE``;
one's own "appartement 41" alone an ``ADDRESS``; a UPI id holding the customer's name a ``BANK_ACCOUNT``; "FLAT3 RENT"
kept ``REFERENCE``; a surname on a delivery card a ``PERSON`` each time; a nursery greeted by name kept ``COMPANY``;
buzzer, door, lockbox codes and passwords kept ``CODE``; a hashtag kept ``HANDLE`` with "#" outside; a fibre account
kept ``REFERENCE``; a signer's "no. 23" an ``ADDRESS`` (blind106). A landmark after a comma following a complete
address kept ``PLACE``, one written inside the address inside the ``ADDRESS``; an agent repeating the district and
city of a short address an ``ADDRESS``; a courier repeating a bare flat number unmarked; one's own unit said again
alone a second ``ADDRESS``; unnamed shops used as landmarks unmarked; "code 30" kept ``CODE``; "DHL-Info" with "DHL"
kept ``COMPANY``; a card product as an SMS sender kept ``PRODUCT``; a government platform kept ``ORG``; "職員陳小姐" with
only the surname a ``PERSON``; a premise number read digit by digit kept ``METER``; the customer's own IBAN read by
the agent an ``IBAN``; a scam SMS's time kept, its phones ``PHONE``; "the third house after the KKKT church, Kilimani
street" an ``ADDRESS``, the area before it kept ``PLACE``; a delivery OTP SMS naming the courier: ``PERSON`` and
``PHONE``, the OTP kept ``CODE`` (blind106b). A bill to one man at his estate block and entrance an ``ADDRESS``; an
owner's unit number in an association statement kept ``CODE``; a sole trader's certificate number kept ``CODE``; a
whole building named in a notice kept ``PLACE``; a Luxembourg matricule in groups one ``NATIONAL_ID``; a wrong and a
right id both ``NATIONAL_ID``; an id given by mistake a ``NATIONAL_ID``; a late mother's name and birth date ``PERSON``
and ``DOB``, her date of death kept; greeting names in any case a ``PERSON``, titles outside; a Finnish name in the
ablative one ``PERSON`` with its ending; "Kase Torutööd OÜ" under Rein Kask: "Kase" a ``PERSON``; a partner firm with
only the signer's surname masked; "s.p." outside; a quoted subject naming one's own flat an ``ADDRESS``; a German
postcode said alone kept ``ZIP``; "lokal 4127" in a signature a ``PHONE``; spouses' personnummer with names in brackets
two ``NATIONAL_ID`` and two ``PERSON`` spans, the property designation kept ``CODE``; "at number 14" an ``ADDRESS``, and
"Albany Road, number fourteen, flat 2" said in one turn one ``ADDRESS`` (blind106c).
- **Written down in session 44 after blind107* was written, before it was scored** (the writers' reports): a German
genitive surname in a sole trader's firm ("Schreiners Fliesenwerkstatt") one ``PERSON``; an English possessive firm
with its owner masked: the surname a ``PERSON``, "'s" outside; a possessive firm bearing no masked person's name, and a
firm whose owner gives only his first name, kept ``COMPANY`` whole; initials to engrave a ``PERSON``; a neighbourhood
the agent repeats while confirming a CEP an ``ADDRESS``; a suburb given as its own turn after the street an
``ADDRESS``, the postcode alone after it kept ``ZIP``; a mother's NIR quoted for her child a ``NATIONAL_ID``; an owners'
community's IBAN an ``IBAN``, its name kept ``COMPANY``; a child's gamer tag holding his name kept ``USERNAME``;
installers' registration numbers kept ``CODE``; group and role greetings and team sign-offs unmarked, a nursery room
kept ``CODE``; "Termoidraulica Esposito di Esposito Bruno" three ``PERSON`` spans (blind107). A spelling hint after a
passport ("N for Nasser") unmarked; an Indian PIN read back alone kept ``ZIP``; a Medicare number written with its
issue digit one ``NATIONAL_ID``; a role word before a name in a speaker label outside; a name in quotes as a system
holds it a ``PERSON``; a customer's own "門號" a ``PHONE``; a bank's whole Hebrew name kept ``COMPANY``, a prefix "מ"
outside; "Mama Cass" as a landmark kept ``PLACE`` whole; a Greek article outside a name; Arabizi hours kept ``TIME``;
a wallet number given as the account a ``PHONE``; a name read from the record after a security check a ``PERSON``; a
date of birth said wrong then corrected two ``DOB`` spans (blind107b). Possessive and inflected surnames in firms
("Hansens VVS ApS", "Virtasen Sähkö Oy", "Jonaičio stogai") a ``PERSON`` with the ending inside; "Van der Meer" in a
firm with its capital inside; "vl." outside; "Zakład Stolarski Kowalczyk Piotr" one ``PERSON``; firms named after no
masked person kept whole; "Voorletters: J.M." and "Roepnaam:" fields and parents' names in a form ``PERSON`` each; a
maiden name after "z d." its own ``PERSON``; a variable symbol kept ``REFERENCE``, a bankgiro and a clearing number
kept ``CODE``; an association's number, a housing department and an owner's flat in an association notice kept
``CODE``; nursery groups and school classes kept ``CODE``; an insurer's vehicle kept ``VEHICLE_REG``; a spouse's
passport given for an insurer a ``PASSPORT``; a client's national number read back by a notary a ``NATIONAL_ID``, a
notary's third-party account an ``IBAN``; a residents' association account a ``BANK_ACCOUNT``, its sort code kept;
"account name:" a ``PERSON``; an eircode given wrong then right an ``ADDRESS`` both times; "täällä Riikka Salonen" one
``PERSON``; a bank branch named by its boulevard kept ``PLACE``; "SIA „Tīrīga“" kept ``COMPANY``; a municipality as a
mail sender kept ``COMPANY`` (blind107c). Corrected before scoring: blind107c's "Elettrica Bassi di Bassi Marco" had
"Bassi Marco" as one span; the convention (session 27: "each surname and the first name are ``PERSON`` spans") makes it
three spans.
- **Written down in session 45 after blind108* was written, before it was scored** (the writers' reports): a surname's
spelling as it sounds ("pronounced fanshaw") a ``PERSON``; a caller's street the agent works out from the postcode an
``ADDRESS``; a home told by a pub and a lane one ``ADDRESS`` with them inside; a shop used as a landmark kept
``PLACE``; a meter's brand word and a terminal's or a merchant's label outside the kept ``METER`` / ``CODE``; a GP
referral number kept ``REFERENCE``; a mutual insurer's member number kept ``REFERENCE`` beside the ``NATIONAL_ID``; a
scam text naming a bank and a link and no sender no PII; the agent's "Thanks Tanya" where the customer never said her
name a ``PERSON`` (read from the record); a cut-off first phone and the new one two ``PHONE`` spans; "a UK plug"
unmarked; a Pix key holding the seller's first name one ``BANK_ACCOUNT`` (blind108). A hanja hint spelling a whole
surname ("남녘 남에 활 궁") its own ``PERSON`` with the helper words inside, a kana hint cut off after two kana unmarked;
"〒150-0011" as a line of a typed address block an ``ADDRESS`` with 〒 outside; a phone's prefix said alone before the
whole number its own ``PHONE``; the last two digits of an id corrected alone a ``NATIONAL_ID``; a role or team after a
name in a speaker label outside ("이수진 매니저", "Halima (Huduma kwa Wateja)"), a firm inside a bracketed label kept
``COMPANY``; a Thai name glued to the role word ("แอดมินแนน") the name alone; a Hebrew spelling's geresh hint outside;
a UPI id that is a phone a ``BANK_ACCOUNT``; a neighbouring complex's gate kept ``PLACE``; a surname with initials one
``PERSON``; an SMS sender label of a utility kept ``COMPANY``; a bot persona's name kept ``PRODUCT`` (blind108b). A
word for a kind of firm with no name unmarked; a Norwegian flat code alone signing off an ``ADDRESS``; a fault form's
"Budynek:" and "Nr lokalu:" fields two ``ADDRESS`` spans; one's own stair in a noise complaint kept ``PLACE``, a
neighbour's "Top 11" unmarked; "c/o Familie X" the surname alone a ``PERSON``; a Latvian arrears letter's flat number
kept ``CODE``, "kungs" outside; a one-person law office's fiscal code and a firm's IČO kept ``CODE``; a state water
corporation kept ``ORG``; a Hungarian floor and door with its case suffix one ``ADDRESS``; a Dutch "Toevoeging:" field
an ``ADDRESS``; an Estonian date range with its case ending one ``DATE``; a router light kept ``CODE``; a title without
a name ("pane inženýre") unmarked; generic school and municipal sign-offs unmarked or kept ``JOB_TITLE`` (blind108c).
- **Written down in session 45 after blind109* was written, before it was scored** (the writers' reports): medicines
with their strength kept ``PRODUCT``; a marketplace listing number kept ``REFERENCE``; parcel depots and a hotel branch
named by its town kept ``PLACE``; "Tesco car park" one kept ``PLACE``; a bot label's company kept ``COMPANY``, the word
"Assistant" unmarked; a dead mother's DNI read to close her line a ``NATIONAL_ID``; a qualification unmarked; star
ratings kept ``QUANTITY``, the stars unmarked (blind109). A Japanese postcode in its own sentence after a written
address kept ``ZIP``; a Makani number and the villa address two ``ADDRESS`` spans, "فيلا" outside; a Kenyan home by
road and landmark one ``ADDRESS``; a Ghana digital address an ``ADDRESS``, its district and a filling station kept
``PLACE``, "blue gate" unmarked; an agent's English echo of a date of birth a ``DOB``; "uncle Ah Seng" with "Ah" inside,
"Màmá", "kuya" outside; "года" outside a ``DOB``; "X s/o Y" two ``PERSON`` spans; a school form and a train waiting-list
status kept ``CODE``; a bank before a wrong-transfer account kept ``COMPANY``, Korean particles outside; a Greek supply
number kept ``METER``; names read from the record after id checks a ``PERSON``, honorifics outside; unnamed
"Preparer:" / "Client:" labels unmarked; a card read in two halves two ``CARD`` spans (blind109b). A DNI without its
letter and a matricule one digit short a ``NATIONAL_ID``; "Gerb.", Maltese "Sur" and Irish vocative "A" outside the
name; a Finnish genitive ":n" outside a kept ``COMPANY``; "min lägenhet 1102" / "leilighet H0302" one ``ADDRESS`` with
the word inside; a stairwell door in a VvE notice kept ``PLACE``; a class trip's transfer note kept ``REFERENCE``; a
law article unmarked; a bank's short number "*2265" a ``PHONE``; two passport numbers for one worker and a KVNR with
swapped digits beside the right one each their own span; building staff named in notices a ``PERSON`` with their
phones; a subtenant's personnummer a ``NATIONAL_ID``; an Irish weekday word unmarked, the date kept ``DATE``; a fake
solicitors' display name with the signer's surname masked, the sort code on its own line kept ``CODE``; a firm whose
signer gives only a first name kept ``COMPANY`` whole (blind109c).
- **Written down in session 45 after blind110* was written, before it was scored** (the writers' reports): a pet's date
of birth kept ``DATE``; a pet held under its owner's masked surname: the pet kept ``PET``, the surname a ``PERSON``; a
pet passport number kept ``CODE``, a rabies tag kept ``REFERENCE``; pets named after famous or fictional figures, a
pet's misspelt name and a letter addressed to a cat as "Mrs Robinson" kept ``PET`` whole, an article outside and a title
inside ("la Contessa"); a French NIR read aloud with "clé" one ``NATIONAL_ID``, a DNI check letter restated with its
hint ("ce de Carmen") its own ``NATIONAL_ID``; a password that is a breed word kept ``CODE``; gamertags and clan names
kept ``USERNAME``; a seat kept ``SEAT``; "mon 06" before a mobile unmarked; a crossing "Dover–Calais" two kept
``PLACE``; a card-shaped loyalty card kept ``REFERENCE``; an old pension scheme's reference kept ``REFERENCE``; the
tracking number in a forwarded scam SMS kept ``TRACKING`` (blind110). A Saudi short address and the district and city
given in the next turn two ``ADDRESS`` spans; a complex named inside a typed address line inside the ``ADDRESS``; a
spoken address with its gate and a shop as landmarks one ``ADDRESS``; a description of the house after a full address,
and unnamed shops as landmarks, unmarked; a neighbourhood after the street inside the ``ADDRESS``; a Philippine block,
lot, purok and barangay one ``ADDRESS``, the barangay alone later kept ``PLACE``; one's own unit said again its own
``ADDRESS``; a Russian flat an ``ADDRESS``, the floor and the entrance kept ``PLACE``; a Korean lot address read aloud
with its floor one ``ADDRESS``; a Korean resident number read with "다시" one ``NATIONAL_ID``; a numbered, inflected
Nova Poshta branch kept ``PLACE`` with "№" inside; a payee's surname with initials one ``PERSON``; a Thai slip's partly
masked payer one ``PERSON``, the title outside; CliQ aliases and InstaPay addresses, wrong and intended, a
``BANK_ACCOUNT`` each; a Russian ИНН and СНИЛС read in number words a ``NATIONAL_ID`` each; a Russian internal passport
and its read-back two ``PASSPORT`` spans; a БИК kept ``CODE``; bank and courier SMS senders kept ``COMPANY``; a shop as a
landmark in its own clause kept ``PLACE``, a Turkish suffix outside; plates with their emirate or in Persian script
kept ``VEHICLE_REG``; a transit card's brand kept ``PRODUCT``, its number kept ``REFERENCE``; a ride's drop-off street
address an ``ADDRESS``, pickup malls and stations kept ``PLACE``; the agent reading the address on file back an
``ADDRESS``; a Bengali classifier inside a kept time, the case ending outside (blind110b). A notice signer's own flat
an ``ADDRESS``; a unit's land-register number kept ``CODE``; an inflected public nursery kept ``ORG`` whole; "Valentijn"
as the holiday kept ``DATE``; school events kept ``EVENT``; "Toevoeging: bis" an ``ADDRESS``; "Stockwerk: 2. OG" alone
kept ``PLACE``; a statute's article, a Lithuanian payment-type code and a Croatian payment model kept ``CODE``;
"Klassenleitung 7b" one kept ``JOB_TITLE``; a landlord's holiday property in a tax decision an ``ADDRESS``, its plot
numbers kept ``CODE``; an association's kennitala kept ``CODE``, its house fund a ``BANK_ACCOUNT``; "Moriarty Lettings"
under Declan Moriarty the surname masked; a firm named after nobody named kept whole, its staff mailbox masked whole;
garage levels kept ``PLACE``; previous occupants' surnames on an intercom a ``PERSON`` each; streets named after people
kept ``PLACE`` in notices and inside the ``ADDRESS`` in someone's address; a Hungarian ordinal full stop outside the
kept street (blind110c).
- **Written down in session 45 after blind111* was written, before it was scored** (the writers' reports): a shop
named with part of the writer's masked double-barrelled surname: that part a ``PERSON``; a French "numéro étranger" a
``NATIONAL_ID``; a UK postcode alone in a public outage post an ``ADDRESS``; a mother's home in a fine appeal an
``ADDRESS``; a French reference tax income kept ``AMOUNT``; a payment service a scammer misuses kept ``PRODUCT``; a team
in brackets after an agent's name in a speaker label unmarked; one's own block beside one's flat kept ``PLACE``, the flat
an ``ADDRESS``; course titles unmarked, a course number kept ``REFERENCE``; opening hours one kept ``HOURS``; an academic
year kept ``DATE``; "ER visit" unmarked; "#" outside kept handles and numbers (blind111). Kazakh, Georgian and Armenian
suffixes joined to an unchanged name outside, inflected Georgian places whose stem changes kept whole; Slavic and Greek
names in any case one ``PERSON`` with the ending inside; a Russian sole trader "ИП / ФОП" outside the full name, the
trader's ИНН a ``NATIONAL_ID``, the ОГРНИП kept ``CODE``; residents of a block writing together: the building kept
``PLACE``; an Iranian postcode on its own form line an ``ADDRESS``; an Armenian social-card number and a Georgian
personal number a ``NATIONAL_ID``; an Israeli branch kept ``CODE`` apart from the account; kunyas "أم خالد" one
``PERSON``; Armenian genitive and Kazakh -ұлы / -қызы patronymics inside the name; a courier note's family name a
``PERSON``, a neighbour's flat unmarked, one's own flat an ``ADDRESS``; a name-word used as a word kept ``WORD``; "near
the mosque" kept ``PLACE``; numbered post offices kept ``PLACE``; an OTP sender unmarked, a spoofed bank in a scam kept
``COMPANY``, its callback number a ``PHONE`` (blind111b). Hungarian married names with a case ending one ``PERSON`` with
the ending inside, "-ék" family forms the surname alone; a Czech / Slovak possessive adjective of a masked owner in a
firm's name a ``PERSON`` with the ending inside; a firm bearing a masked person's surname, related or not, the surname
a ``PERSON``; a Latvian genitive before "kungs" / "kundze" a ``PERSON``, the honorific outside; a flat named with its
case-inflected noun one ``ADDRESS``; place names with a clean case ending outside, with a changed form kept whole;
"Wilma" (a school system) kept ``PRODUCT``; German season words kept ``WORD``, "Frau Winter" a ``PERSON``; nursery
groups kept ``CODE``; a firm's own bankgiro a ``BANK_ACCOUNT``; domestic accounts in local layouts a ``BANK_ACCOUNT``; a
doubtful id a ``NATIONAL_ID``; a first name inside a salon's name signed by her a ``PERSON``, the shop's PIB kept
``CODE``; a Ukrainian foreign passport a ``PASSPORT``, Ukrainian and Bulgarian ID-card numbers a ``NATIONAL_ID``;
schools and public bodies named in the genitive kept ``ORG`` whole; buildings listed by number in a notice a kept
``PLACE`` each; "Pani Mecenas" unmarked, "r.pr." outside; signing roles kept ``JOB_TITLE``; a Latvian payer code kept
``REFERENCE``; a housing cooperative named after a street kept ``COMPANY``; a genitive first name as a heading or a
possessor a ``PERSON`` with the ending inside (blind111c).
- **Written down in session 46 after blind112* was written, before it was scored** (the writers' reports): an
Australian ABN on a sole trader's invoice kept ``CODE`` like a VAT number, her BSB kept apart; a spoken Colombian
address with its flat in one run one ``ADDRESS``, the town after "en" a second ``ADDRESS``; a house number and a flat
given as answers to two questions two ``ADDRESS`` spans, "apartamento" outside; an Irish name spelled with "fada" one
``PERSON`` whole; "Liverpool" the Mexican retailer kept ``COMPANY``; a meter's quoted error text kept ``CODE``; a fake
change-of-bank mail's "Account name:" holding only the real supplier kept ``COMPANY``, the impersonated signer a
``PERSON`` (blind112). A kanji hint spelling a given name a ``PERSON``, its hiragana reading a second; an SMS short
code a scam text is forwarded to a ``PHONE``; a relative's postcode given by mistake an ``ADDRESS``; a Nova Poshta
parcel locker kept ``PLACE`` with "№" inside; a scam caller posing as an officer a ``PERSON``, the badge kept
``REFERENCE``; "CUN" outside a kept complaint number; a Turkish postcode said in its own sentence after a full typed
address kept ``ZIP``; "ago" words of other languages outside a kept ``DURATION``, relative day words unmarked
(blind112b). A country written inline after a one-line address inside the ``ADDRESS``; a clearing number joined to a
personnummer one ``BANK_ACCOUNT``, the same personnummer given alone a ``NATIONAL_ID``; bare weekdays as deadlines
unmarked; a birth year alone kept ``DATE`` beside an id; rents counted in months kept ``AMOUNT``; a kindergarten's or a
utility's own account masked; a unit named in a subject line and its quoted copy an ``ADDRESS`` each time; a Greek tax
form code kept ``CODE``, Taxisnet kept ``PRODUCT``; a public body's department line one kept ``ORG``, "GZ" outside its
kept file number; "Lager" outside a kept warehouse town; siblings sharing a surname two ``PERSON`` spans, the surname
in the second, a double first name one; two initials and one surname as an account name one ``PERSON`` (blind112c).
- **Written down in session 46 after blind113* was written, before it was scored** (the writers' reports): a company
called by a short, name-like form, greeted in lower case, or a brand named like a person kept ``COMPANY`` ("Merci
{{COMPANY:Leroy}}", "hi {{COMPANY:vodafone}}", "Hello {{ORG:Revenue}}", "Hi {{TEAM:Xbox Support}}"); a hypermarket as an
accident location kept ``PLACE``; a dial code kept ``CODE``; a South African personal tax reference a ``NATIONAL_ID``; a
RAMQ number read as letters and number words one ``NATIONAL_ID``; an old address a notice went to, street and town, an
``ADDRESS``; a wrong delivery address an ``ADDRESS``; a public helpline and a premium-rate number a ``PHONE``; a
product joined to a German compound marked alone; a public body's app one kept ``PRODUCT``; an Italian tax form number
kept ``CODE``; scheme, benefit and document names unmarked (blind113). One's own tower said again after a full
address, and the wrong tower, kept ``PLACE``; a Saudi short address with its district and city in one turn one
``ADDRESS``; an agent echoing street and neighbourhood after a CEP one ``ADDRESS``, "apartamento" outside a spoken flat;
a parcel locker's name kept ``PLACE``, a locker product kept ``PRODUCT``, locker brands kept ``COMPANY``; a mobile-money
agent's spot and a bank branch named by its locality kept ``PLACE``; a Korean resident number's front six and first
back digit one ``NATIONAL_ID``; "Ate" outside a nickname, the nickname and the full name two ``PERSON`` spans; a
rider's wrong guess of the waybill name a ``PERSON``, "Mrs" said back alone unmarked; Russian and Ukrainian places with
a clean case ending kept with the ending outside, changed forms kept whole; public utilities kept ``ORG`` or
``COMPANY`` as they are; one's own router WAN IP and a fraudster's login IP an ``IP_ADDRESS``; one's own IBAN at another
bank an ``IBAN``; the brand a scam SMS impersonates kept ``COMPANY``, the card's expiry kept ``DATE`` (blind113b). An
owner's WEG unit code and a VvE apartment right kept ``CODE`` beside his own address; a town's own account masked;
Catalan "i" inside the name; Haarlem's "rood" inside the address; an inflected town opening a property address inside
the ``ADDRESS``; trade and season nouns that are also surnames kept ``WORD`` when used as nouns, ``PERSON`` when used
as names; a one-notary office named surname first a ``PERSON``; a land-register number kept ``CODE``, its cadastral
district kept ``PLACE``; a specialty line in a practice header kept ``JOB_TITLE`` (blind113c).
- **Written down in session 47 after blind114* was written, before it was scored** (the writers' reports): a UK
postcode district alone in an outage post kept ``PLACE``; a meter serial's last digits kept ``LAST_DIGITS``; an
agent's wrong guess at the caller's first name a ``PERSON``; a wire memo naming part of a street one kept
``REFERENCE``; a hotel chain and its branch two kept spans (``COMPANY``, ``PLACE``), a branch written as one name one
kept ``PLACE``; bare weekdays unmarked, a weekday joined to a day number a kept ``DATE`` (blind114). A mobile-money
account shaped like a phone, given as the account to pay into, a ``BANK_ACCOUNT``; an Alipay account that is an e-mail
a ``BANK_ACCOUNT``; a wrong flat on file said with the right one two ``ADDRESS`` spans; gate and entrance numbers at a
pick-up point kept ``PLACE`` (number or letter only); a router's private gateway IP an ``IP_ADDRESS``; a Guam SSN an
``SSN``, its ZIP form field an ``ADDRESS``; an Iranian postcode on its own form line after a typed address an
``ADDRESS``; slang currency inside a spoken amount inside the ``AMOUNT``; Turkish suffixes outside a kept
``DURATION``; a Greek genitive city kept whole; Hebrew and spoken time ranges two ``TIME`` spans; a Sri Lankan NIC in
its new and old forms two ``NATIONAL_ID`` spans, "mahattaya" outside the name; a Zimbabwe ID with spaces one
``NATIONAL_ID``; a scam SMS's sender ``PHONE`` masked, the impersonated body kept ``ORG``, its link kept ``URL``; a
neighbour's unit in a courier photo unmarked, one's own unit an ``ADDRESS``; wallet display names (masked or with
initials) one ``PERSON`` each; a passenger's name in Chinese and in its passport form two ``PERSON`` spans; a company
speaker label kept ``COMPANY``; "villa" outside its ``ADDRESS``, a Makani number a second ``ADDRESS``; "the address we
have on file" unmarked (blind114b). The first half of a card one ``CARD``; a firm said wrong then right by its signer:
the surname a ``PERSON`` inside the wrong name, the right firm kept whole; a sole trader's NIP under her firm a
``NATIONAL_ID``, her surname inside the firm a ``PERSON``; "X és Társa Kft." under its signer: the surname a
``PERSON``, "ügyvezető" kept ``JOB_TITLE``; "pani" outside a first name; a caretaker's first name alone a ``PERSON``;
a neighbour's Norwegian flat code kept ``PLACE``, one's own inside the ``ADDRESS``; a neighbour's bill delivered by
mistake: the neighbour's name and address masked, one's own unit said alone an ``ADDRESS``; a Microsoft tenant domain
kept ``CODE``; customs MRN and container numbers kept ``REFERENCE``, an EORI kept ``CODE``; a Greek supply number kept
``METER``; a Bulgarian estate address line one ``ADDRESS``, "вход Б" alone kept ``PLACE``; Hungarian and Finnish case
suffixes outside kept dates and companies; telecom subscription and water-utility account numbers kept ``REFERENCE``
(blind114c).
- **Written down in session 47 after blind115* was written, before it was scored** (the writers' reports): a weekday
and a day number with words between them one kept ``DATE``; a contact block pasted with no field labels each line
marked by its kind, a name line in capitals a ``PERSON``; a sort code asked for in the next turn after the account was
given alone kept ``CODE``, the account a ``BANK_ACCOUNT``; a surname spelling the customer rejects, said beside the
right one, a ``PERSON`` each time; a surname repeated alone right before the full name two spans; two surnames on the
caller's doorbell two ``PERSON`` spans, the floor kept ``PLACE``; a phone a marketplace buyer quotes from another user
a ``PHONE``; an Argentine CBU given with no label a ``BANK_ACCOUNT``; a Swiss amount written "240.–" one kept
``AMOUNT``; a box's start-up stage kept ``CODE`` (blind115). A company's own CliQ alias for paying its bill a
``BANK_ACCOUNT``; an Aadhaar's last four a ``NATIONAL_ID``, a Singapore NRIC's last four kept ``LAST_DIGITS``; Korean
입니다 outside an agent's name; an agent named in Latin letters in the speaker label and in Arabic or Bengali script in
the speech two ``PERSON`` spans; "mama mboga" unmarked as a role, "mama" outside a named payee; a false-start title
with no name unmarked; a courier's wrong house number said by the agent unmarked, the caller's own door number alone
an ``ADDRESS``; a bank's read-back of a name differing by one letter a second ``PERSON``; a Chinese name and its pinyin
passport form two ``PERSON`` spans; an Alipay account that is an e-mail a ``BANK_ACCOUNT`` (blind115b). A firm bearing
the masculine form of a woman signer's surname: that surname a ``PERSON``, the rest unmarked; a signer's surname
inside a firm's name a ``PERSON`` with the rest of the name kept ``COMPANY``, a legal form alone unmarked; a Danish CPR
given as the NemKonto payout key a ``NATIONAL_ID``; an old account said and withdrawn, and the new one, a
``BANK_ACCOUNT`` each with "reg." and "konto" inside when written as one run; a suspect IBAN typed from a fake
supplier mail, a wrong and an intended IBAN, one's own IBAN pasted by mistake and withdrawn: each an ``IBAN``; a
payment-order sample's real-looking payee and IBAN masked; a firm named like a surname kept whole as ``COMPANY`` when
no such surname is masked in the message; contract and case numbers kept ``CONTRACT`` and ``CASE``, their labels
outside; Hungarian and Finnish suffixes and ordinal dots outside kept spans, inflected months and the Lithuanian
locative kept whole; a domestic account in capitals under "RACHUNEK:" a ``BANK_ACCOUNT``, the payee in capitals a
``PERSON``, the transfer title kept ``REFERENCE``; an account-holder line and a signature of the same person two
``PERSON`` spans (blind115c).
- **Written down in session 47 after blind116* was written, before it was scored** (the writers' reports): a shop
sharing a masked customer's surname masked, related or not ("Liebe [[PERSON:Douglas]]-Kundenservice" beside "Marlene
Douglas"); an acronym brand or a brand not named after a person kept beside a customer of that first name ("TIM",
"Italo"); a common noun that is also a name, capitalised at a sentence's start, kept ``WORD`` ("Bill went up",
"Grace period", "Mark the parcel", "Rosa la pianta"), the same word used as a name a ``PERSON``; a brand name used as
a plain word at a sentence's start kept ``WORD`` ("Wise move", "Next time"), as the brand kept as the brand;
assistants and bots named like people kept ``PRODUCT`` ("Alexa", "Lu", "TOBi"); lower-case brands kept like
capitalised ones; a Spanish flat alone after a signer's name an ``ADDRESS``; a floor named by a common noun kept
``PLACE`` (blind116). A customer named like an app: the person a ``PERSON``, the app kept ``COMPANY`` each time, in
lower case too ("[[PERSON:Maya]] … {{COMPANY:maya}} wallet"); companies that look like a title and a name or a kin word
kept whole ("Mr D", "DiDi"), "didi" after a name outside it; a courier at a wrong street address an ``ADDRESS``, a
wrong bare house number unmarked; Korean building numbers without an address kept ``PLACE``; an agent's name in Latin
letters, kanji and hiragana three ``PERSON`` spans; team and company speaker labels kept, the company in brackets after
an agent's name kept; "Aunty" outside a name in a speaker label; "mama" outside a child's name, a block after "wa"
kept ``PLACE``; an agent sharing the caller's surname a ``PERSON`` each time; false starts with no name unmarked;
suffixes outside a kept ``DURATION``; short numbers to text or call (helplines, SMS senders, stop codes) a ``PHONE``; a
SIM's ICCID kept ``CODE``, a ride id kept ``REFERENCE``; a landlord's OPay wallet to pay into a ``BANK_ACCOUNT``
(blind116b). A product sharing a masked person's surname kept ``PRODUCT`` ("der {{PRODUCT:Wolf}}-Rasenmäher"); a famous
company sharing a masked person's surname masked ("la [[PERSON:Ferrero]] dei cioccolatini"); an unrelated firm bearing
a masked surname: the surname masked, the rest unmarked; married and inflected forms of a masked surname count as the
same surname ("Kovácsné Szabó Éva" … "[[PERSON:Kovács]] Kft."); a law firm's second partner unmarked when no one of
that name is masked; trade nouns and name-like words used as words kept ``WORD`` ("der Bauer", "sondern Schreiner",
"May I ask", "Will your team"), the same word as a name a ``PERSON``; a word as a product and as a name in one message
kept ``PRODUCT`` and masked ``PERSON``; a quoted header "SURNAME, First" one ``PERSON``; clean Finnish and Slovak case
endings outside kept places and companies, changed stems kept whole, inflected personal names one ``PERSON`` with the
ending; a parcel-locker id kept ``CODE`` (blind116c).
- **Written down in session 48 after blind117* was written, before it was scored** (the writers' reports): a spelled
surname with a remark after it ("with a zed at the end") the spelled letters only; a contractor named on a wire kept
whole as ``COMPANY`` when no such surname is masked, the routing number kept ``CODE``; a band kept ``PUBLIC_FIGURE``; a
hotel where something was left one kept ``PLACE``, its room kept ``ROOM``; public portals and booking centres kept
``ORG`` ("Ameli", "CUP"); a bill's wrong name and the writer's own two ``PERSON`` spans; children's ages kept ``AGE``
with their unit ("9 anos", "4 year old"); a Pix key that is the customer's CPF a ``BANK_ACCOUNT``; a rider's short
first name a ``PERSON`` ("the Deliveroo rider Mo") (blind117). An e-mail read out with part of its local part starred
an ``EMAIL``; a home address read out as a pickup point an ``ADDRESS``, the real pickup point named by its street alone
kept ``PLACE``; a parcel left at a wrong street address an ``ADDRESS`` beside the right one; a Chinese surname before
小姐 or 先生 in a speaker label a ``PERSON``, the title outside; chat timestamps kept ``TIME`` with their brackets
outside; a spelled surname with one helper word one ``PERSON`` ("K for kite A U R"); a bank or account-type word before
an account outside the ``BANK_ACCOUNT``, the bank kept ``COMPANY`` (blind117b). A writer's own floor and door with no
street an ``ADDRESS`` ("5e étage gauche"); a first name corrected to the full name two ``PERSON`` spans, honorifics
outside; a phishing mail's display name kept ``COMPANY``, its mailbox an ``EMAIL``, a word such as "Security" after
the brand unmarked; a payment concept holding a child's first name kept whole as ``REFERENCE`` ("MATRICULA 3B LUCIA")
even where that name is masked elsewhere; a council-tax band kept ``CODE``; a Swiss QR/RF reference and an HMRC IRmark
kept ``REFERENCE`` (the label inside the latter); an article or part number kept ``CODE`` with its word inside; school
classes kept ``CODE`` ("Junior Infants", "CM1"); a country word after a one-line address inside the ``ADDRESS``; an
eID, a Navigo card and a priority register kept ``PRODUCT``; a time range two ``TIME`` spans (blind117c).
- **Written down in session 48 after blind118* was written, before it was scored** (the writers' reports): a brand
holding the first name of a person masked in the message kept whole when it is not that person's ("{{COMPANY:Bimba y
Lola}}" beside the assistant "[[PERSON:Lola]]", "{{COMPANY:Emma}}" beside a customer Emma, "{{PRODUCT:Max}}" beside an
agent Max); a voice assistant's wake word in quoted speech kept ``PRODUCT`` even when a daughter shares the name; a
device the customer named kept ``PRODUCT``, not ``PET``; a town named "Street" kept ``CITY``; "Marks & Spencer" kept
whole beside a staff member "Mark"; a mistyped town corrected at once kept ``CITY`` both times, the town on the address
line inside the ``ADDRESS``; a hospital used only as a location kept ``PLACE``, one booked through kept ``COMPANY``
(blind118). A hospital named as a place someone went to kept ``PLACE``, one billing kept ``COMPANY``; a company and the
branch where something happened two kept spans ("{{COMPANY:Mr Price}} {{PLACE:Cresta}}"), a store named by its mall one
``PLACE``; a bank sharing a masked person's name kept ("{{COMPANY:Sterling Bank}}" beside "[[PERSON:Sterling
Okafor]]", a scam caller); a phone in Vietnamese number words one ``PHONE``; an InstaPay address holding a name one
``BANK_ACCOUNT``, the name not marked inside it (blind118b). A firm's name holding the surname of anyone masked in the
message: that surname a ``PERSON`` even when unrelated ("Lavanderia [[PERSON:Colombo]]" beside "Federica Colombo"),
two such surnames two spans ("[[PERSON:Doherty]] [[PERSON:Quinn]] Architects"); a hospital named as an institution kept
``COMPANY``, as a landmark kept ``PLACE``, a charity's group kept ``ORG``; a hotel named as the place booked kept
``COMPANY``, with its town ``CITY`` and its station ``PLACE``, a hotel and street something is sent to one ``ADDRESS``,
its room kept ``ROOM``; surnames alone in a caretaker's key list ``PERSON`` spans, the floor beside them unmarked or
kept ``PLACE``; a unit beside an owner's name in a list of owners kept ``CODE``; a bare name after "Cc:", "DW:",
"Kopie:", "Kopia:" or a lower-case "cc" a ``PERSON``, a team display name in a To line kept ``TEAM``; a Swedish
clearing number and account written as one field one ``BANK_ACCOUNT`` (blind118c).
- **Written down in session 48 after blind119* was written, before it was scored** (the writers' reports): a town
where the writer lives or is, with no address in the message, kept ``CITY`` ("je vis à {{CITY:Nantes}}", "moro no
{{CITY:Porto}}"); a town right after the writer's own street address a second ``ADDRESS``, the small word outside
("[[ADDRESS:45 avenue Jean-Jaurès]] à [[ADDRESS:Villeurbanne]]"); a "Location:" line of an app review or naming a
barangay, market or sector with no street kept ``CITY`` / ``PLACE``; an old town named beside a new address kept
``CITY``; a team word after a greeted company outside it ("Dear {{COMPANY:Aviva}} claims", "Hallo
{{COMPANY:N26}}-Team"), "Hi {{TEAM:Vodafone team}}" one ``TEAM``; a public body's website greeted kept ``ORG``; an app
greeted as a team kept ``PRODUCT``; company speaker labels kept ``COMPANY``; a shop, branch or dealer named with its
town one kept ``PLACE`` ("{{PLACE:Aldi Athlone}}"); the name on a fake profile a ``PERSON``; a wrong house number on
the writer's street unmarked, the writer's own bare number an ``ADDRESS``; a postcode district in an outage reply
kept ``PLACE``; a train seat and a Packstation number kept ``CODE`` (blind119). Towns after a preposition: a clean
case ending outside the kept span ("w {{CITY:Gdańsk}}u"), a changed stem kept whole ("u {{CITY:Brnu}}", "в
{{CITY:Казани}}"), likewise a company's ending ("od {{COMPANY:Plus}}a"); places after Tagalog, Swahili, Hindi and
Arabizi prepositions and an Arabic joined prefix kept with the preposition outside ("taga sa {{PLACE:Cavite}}",
"بـ{{CITY:الكويت}}"); an agent's greeting with a brand: the brand kept ``COMPANY`` (extra words such as a country
outside unless part of the name, "{{COMPANY:Vodafone Egypt}}"), the agent a ``PERSON``; a company's own CliQ alias a
``BANK_ACCOUNT``; a half-masked e-mail read from the record an ``EMAIL``; an agent's wrong guess at the caller's name
and a name read from the record a ``PERSON`` each; a one-word street in capitals on a receipt kept ``PLACE``; the
customer's own unit in a delivery complaint an ``ADDRESS``, "unit" outside (blind119b). A firm greeted in the
salutation kept ``COMPANY``, a public body ``ORG``, the greeting words outside; "Team X" sign-offs: the firm kept,
"Team" unmarked, a branch town a separate ``CITY``; "Katrin von der Sparkasse": the staff name a ``PERSON``, the firm
kept; towns after small prepositions kept ``CITY``, inflected forms whole ("w {{CITY:Krakowie}}", "v
{{CITY:Praze}}"); place-and-date lines one ``CITY`` and one ``DATE``, "den" and "le" outside; a town given as a
separate part of a new address an ``ADDRESS`` ("naar [[ADDRESS:Oudegracht 214]] in [[ADDRESS:Utrecht]]"); a Swedish
konto shaped like a personnummer with the clearing number labelled apart: the konto a ``BANK_ACCOUNT``, the clearing
number kept ``CODE``; a Czech account "prefix-number/bank code" one ``BANK_ACCOUNT`` (blind119c; one insurance number's
check letter mended before scoring: X110447820 → X110447822, the writer had left it unchecked).
- **Written down in session 49 after blind120* was written, before it was scored** (the writers' reports): a name a
courier's note gives for the wrong house a ``PERSON`` at each mention, the wrong house unmarked, the writer's own bare
number an ``ADDRESS``; a spoken id with a pause: the filler outside; a gift card's number and its PIN kept ``CODE``; a
German "Depot-Nr." a ``BANK_ACCOUNT``, the label outside; the other driver's name and phone in an insurance call
personal, his insurer kept ``COMPANY``; a phishing notice's mailbox an ``EMAIL``, a scam link kept ``URL``, the scam
sender's number a ``PHONE``; loyalty points kept ``QUANTITY`` with the unit inside; a street named alone as the area
of a flat kept ``PLACE``; a "Código postal:" form field an ``ADDRESS``, a postcode said alone in a call kept ``ZIP``
(blind120). An agent's Latin speaker-label name and the name he says in his own script each a ``PERSON``; a company
renamed or corrected mid-sentence, or named wrong as a joke, kept ``COMPANY`` each time; an e-mail read back spelled
with a bare provider one ``EMAIL`` ("n-a-d-i-a dot h dot hussein at outlook"); an official payment link and a scam
look-alike domain kept ``URL``; a corrected flight kept ``FLIGHT`` both times; a wrong and a right Pix key that are
phone numbers a ``BANK_ACCOUNT`` each; a phone number broken off and restarted two ``PHONE`` spans; a hub, pickup point
or mall named with a place one kept ``PLACE`` ("{{PLACE:Shah Alam hub}}"); a seat number and a SIM's PUK kept
``CODE``; a Kazakh IIN, an Afghan tazkira and a Tunisian CIN read in French number words a ``NATIONAL_ID``; a Russian
deposit account in its 5-3-1-4-7 grouping one ``BANK_ACCOUNT`` (blind120b). A wrong national id quoted beside the
right one a ``NATIONAL_ID`` each; a lower-case trade word before a masked surname outside it ("titolare
dell'autofficina [[PERSON:Nicotra]]"); a Hungarian suffix on a month outside the kept ``DATE``; a street and a
postcode-and-town on one line split by a comma two ``ADDRESS`` spans; an owner's own flat said alone to her block's
management an ``ADDRESS`` with "ap." inside; residents signing with their stairwell one kept ``PLACE``; a passport
number given to a shop a ``PASSPORT``; a dead father's line and account personal, his date of death kept ``DATE``; a
firm named after a surname kept whole where nobody of that surname is masked, the surname masked where the message is
signed by that person; a Polish rent transfer title kept ``REFERENCE``; a neighbour's house number unmarked; one name
as account holder and signature two ``PERSON`` spans; "[[PERSON:Nadia Benali]], maman de [[PERSON:Léa]]" both masked,
"maman de" outside; a child's age kept ``AGE`` with its unit (blind120c).
- **Written down in session 49 after blind121* was written, before it was scored** (the writers' reports): a parcel
sent to a misspelt form of the writer's street two ``ADDRESS`` spans, the wrong one and the right one; a name spelled,
cut off and spelled again two ``PERSON`` spans; a building-society roll number with a slash and a letter one
``BANK_ACCOUNT``, the mortgage account beside it kept ``REFERENCE``; a boleto's typed line kept ``REFERENCE``; a
customer number read in German words one kept ``REFERENCE`` with its letter inside; a national id typed wrong into a
booking, or given as the wrong kind of id and withdrawn, a ``NATIONAL_ID`` each time; a payee in capitals with an
initial one ``PERSON`` ("[[PERSON:J SMITH]]"); a landmark in its own clause after a full home address, and a post
office where a parcel waits, kept ``PLACE``; a gas reading kept ``READING`` with its unit inside, the supply-point
label inside the kept ``METER``; a lower-case agent name after "hi" a ``PERSON``; hashtags unmarked (blind121).
"师傅" after a Chinese surname an honorific outside the name ("司机[[PERSON:张]]师傅"), "小李" one ``PERSON``; an
entrance or floor given as its own field beside a flat address kept ``PLACE`` ("{{PLACE:3 під'їзд}}"); a landmark after
"landmark" or "next to" following a complete address its own kept ``PLACE``, one written into the address with no
break inside the ``ADDRESS``; complaint tickets, TrxIDs, UTRs, session ids, virtual accounts, ride ids and protocols
kept ``REFERENCE``, read aloud too; a company's KRA PIN kept ``CODE``, a person's a ``NATIONAL_ID``; the old address
named only by its district kept ``PLACE``; a merchant's UPI id paid by mistake a ``BANK_ACCOUNT``; "Mama" as a chat
speaker label unmarked; a bare surname as a courier's name a ``PERSON`` (blind121b). A Polish plural family-name
greeting masked whole with its ending ("Szanowni Państwo [[PERSON:Kowalczykowie]]"); family greetings of other
languages: the surname only, family words and honorifics outside ("Sayın [[PERSON:Demir]] ailesi", "Estimada familia
[[PERSON:Ortega Vidal]]", "[[PERSON:Szabó]] úr"); a Czech town inflected inside an address inside the ``ADDRESS``,
"v" outside; floor, staircase and building inside a one-line address inside its span, a French residence or building
line on its own line of an address block its own ``ADDRESS``; residents signing with their stairwell, a building in a
syndic complaint kept ``PLACE``; a neighbour a parcel was left with a ``PERSON``, the writer's bare number an
``ADDRESS``; "huisnummer 44 bis" the writer's ``ADDRESS`` "44 bis", the wrong "44" before it unmarked; a dead father's
id a ``NATIONAL_ID``; a codice fiscale given by mistake a ``NATIONAL_ID``; "Hausverwaltung [[PERSON:Behrendt]] GmbH"
and "Praktijk [[PERSON:Smeets]]" mask the surname where that person is masked; a notice signed by a role or department
alone unmarked; "Klasse 4b" one kept ``CODE``; two tenants sharing a surname two spans (blind121c).
- **Written down in session 49 after blind122* was written, before it was scored** (the writers' reports): the
writer's own "unit N" alone: "unit" outside, the number an ``ADDRESS``; flat words inside ("[[ADDRESS:flat 14]]",
"[[ADDRESS:apto 52]]", "[[ADDRESS:Wohnung 14]]"), Brazilian spoken "apartamento" outside; a floor after the unit its own
kept ``PLACE``; "scala A, interno 6" with no street one ``ADDRESS``, with a street the stair kept ``PLACE`` apart; a
German street and postcode-and-town on one line after a comma one span (against blind120c's two); French building,
staircase, floor and flat before the street on one line one span; a town and postcode given in their own turn one
``ADDRESS``; a Brazilian neighbourhood after the street inside the span, the CEP its own; one's own unit in a business
park an ``ADDRESS``, the park kept ``PLACE``, the neighbouring firm's unit unmarked; one's own floor alone kept
``PLACE``, floor and door an ``ADDRESS`` ("[[ADDRESS:RDC gauche]]", "[[ADDRESS:2º Dto]]"); a postcode district in an
outage tweet and a square where a fault is kept ``PLACE``, a house number in a public-fault report unmarked; a room in
a shared house inside the ``ADDRESS``; a chain's card descriptor one kept ``COMPANY`` (blind122). A pillar number at a
pick-up point kept ``PLACE``; one's own flat beside a tower letter and a named complex with no street an ``ADDRESS``,
tower and complex kept ``PLACE``, with a street and town one ``ADDRESS``; Persian "واحد" outside the unit's
``ADDRESS``; a building named alone in its own turn kept ``PLACE``; an Egyptian floor and flat with no street one
``ADDRESS``; an Arabic house number and street one ``ADDRESS`` with "house number" inside; a Kuwaiti address and a PACI
number two ``ADDRESS`` spans; an area named with no address kept ``PLACE`` / ``CITY``, as an answer too; a withdrawn
flat number and its read-back an ``ADDRESS`` each; address parts answered turn by turn each their own ``ADDRESS``; a
town added after one's own new street, or said in answer to "the town?", an ``ADDRESS``; a captain's name in a
ride-hailing notice a ``PERSON``, the app kept ``COMPANY``; "Ammi" as a speaker label unmarked (blind122b). A unit a
company or landlord has wrong an ``ADDRESS`` beside the right one, a unit named as a neighbour's or a door a
technician went to by mistake unmarked; one's own floor and door with no street one ``ADDRESS`` ("[[ADDRESS:Stiege 2,
Top 7]]", "[[ADDRESS:3. emelet 7. ajtó]]"), an inflected unit with its ending inside ("w [[ADDRESS:mieszkaniu nr
34]]"), a Turkish suffix after an apostrophe outside; one's own door number said again a second ``ADDRESS``; buildings
named by street and numbers in residents' notices one kept ``PLACE`` ("{{PLACE:Vondellaan 2 t/m 88}}"); owners'
associations, co-ops and housing companies kept ``COMPANY``; residents signing with their stairwell kept ``PLACE``;
Finnish street case endings outside the kept span, a changed stem kept whole; meter labels outside the kept ``METER``; a
utility's name before its bill number a kept ``COMPANY`` and the number apart; "Mr and Mrs [[PERSON:Fitzgerald]]";
letter-box headers kept ``TEAM``; rent in months kept ``AMOUNT`` (blind122c).
- **Written down in session 50 after blind125* was written, before it was scored** (the writers' reports; blind125b's
and blind125c's writers read the start, the latest sessions and searched the rest of these conventions, not all of
them): a business renamed with the writer's surname in it: the surname masked, the registered name kept whole; a legal
and a "trading as" name two kept ``COMPANY`` spans, "t/a" outside; a job title naming a store one kept ``JOB_TITLE``; a
department as a From display name a kept ``TEAM``, its mailbox an ``EMAIL``, a bare "Rezeption" sign-off a kept
``JOB_TITLE``; a CIF or HRB number after a company one kept ``CODE`` with its label; a road number where an accident
happened and a cinema screen's number kept ``PLACE``; a store where an accident happened a kept ``PLACE``; an Italian
form's CAP and Città fields each an ``ADDRESS``; a no-reply sender address an ``EMAIL``; a neighbour's flat a leak came
from unmarked; a stranger's name on a wrong delivery a ``PERSON`` (blind125). The last four of a CNIC or TC kimlik
given to prove who one is kept ``LAST_DIGITS``; a Russian internal passport's series and number a ``NATIONAL_ID``; a
pick-up point named by its street alone a kept ``PLACE``; a Gulf flat beside a tower letter, a named tower and a
community: the flat an ``ADDRESS``, the rest kept ``PLACE``; a Ghana digital address and the house and street after it
two ``ADDRESS`` spans; a town after an address and a comma inside the span, a city after a landmark clause a kept
``CITY``; a brand and its service word one ``COMPANY``; @handles kept ``HANDLE``; a wallet's account number answered
with a mobile number a ``PHONE``; a scammer's profile name a ``PERSON``; a mother's maiden name one ``PERSON``; a pay-TV
subscriber id read digit by digit a kept ``REFERENCE``; "3x" a kept ``QUANTITY``; a Russian entrance number a kept
``PLACE`` (blind125b). A number range after a street named in a notice unmarked, the street a kept ``PLACE``, one kept
``PLACE`` where the notice writes them as one name; a manager's letter naming the addressee's own flat and building two
``ADDRESS`` spans; a company signature's team line a kept ``TEAM``, role ``JOB_TITLE``, firm ``COMPANY``, a role or
department signing alone unmarked, a department after a company on one line unmarked; Basque, Finnish and Hungarian
endings outside kept places and dates, a Hungarian flat in the locative one ``ADDRESS`` with its ending; one's own
house number alone an ``ADDRESS``, the block's number range unmarked; associations named on a street address one kept
``COMPANY``; municipal bodies kept ``ORG``, municipally owned utilities ``COMPANY``; Norwegian gnr./bnr. kept ``CODE``;
a spelled surname after the full name a second ``PERSON``; a customer number read in Polish words one kept
``REFERENCE``, a reading read aloud one kept ``READING`` (blind125c).
- **Written down in session 50 after blind124* was written, before it was scored** (the writers' reports): a name-like
word capitalised at a sentence's start that is a common word a kept ``WORD`` in every language ("{{WORD:Sunny}} days",
"{{WORD:Will}} the price drop", "{{WORD:Mark}} je even", "{{WORD:Visa}} detta mail"), other capitalised first words
unmarked; greetings with no name unmarked ("hey guys", "Olá pessoal", "Hej allihopa"); a bare title before a
self-correction unmarked; "dona" outside the name; a London Underground line a kept ``CODE``; the same name said
twice in different case one ``PERSON`` each; a neighbour's bare flat where a parcel was left unmarked, one's own an
``ADDRESS``; a login IP in a company's security notice an ``IP_ADDRESS`` (blind124). Vocatives, honorifics and fillers
alone unmarked, also as speaker labels ("mbak:", "Kak:", "Oga:", "habibi", "bhaiya", "aunty"); "Mama" before a child's
name outside, the child a ``PERSON``; an agent's name in brackets in a speaker label a ``PERSON``; name-like common
words at a sentence's start kept ``WORD``, the same words used as names ``PERSON`` ("[[PERSON:Grace]] here"); a bot's
persona name a kept ``PRODUCT``; "Sunday mornings" the day alone a kept ``DATE``; a spoken date of birth or SSN digits
said again in another language two spans; a spelled Irish surname with "fada" words one ``PERSON``; a Chinese surname
before 女士 a ``PERSON``, the title outside; brands with "Home" one ``COMPANY``, a country after a brand outside; a
bank's payee check a kept ``PRODUCT``; public bodies and programmes kept ``ORG``; a city's short nickname kept
``CITY``; relative time words in other languages kept ``DATE`` / ``DURATION`` (blind124b). Honorifics before or after
a name outside it in every language ("Sayın [[PERSON:Yılmaz]] Hanım", "[[PERSON:Kovács]] úr"); vocatives and
genitives masked inflected, a particle outside ("a [[PERSON:Sheáin]]", "pane [[PERSON:Nováku]]"); a Basque suffix on a
time outside the kept span; a salutation with no name unmarked ("Szanowna Pani Doktor", "A chara"); a firm named after
the masked signer: the surname masked, the rest unmarked, a partner's surname in it unmarked; a Danish "reg." number
before "konto" a kept ``CODE``; a Swish number a ``PHONE``; a corrected name with its title repeated one ``PERSON``
per name; a neighbour named by surname a ``PERSON``, their house number and floor unmarked (blind124c).
- **Written down in session 50 after blind123* was written, before it was scored** (the writers' reports): a team or
department greeted with no company unmarked ("Hi Accounts Team,"); a tenants' association signing a kept ``ORG``,
committees and councils signing generically unmarked; shop units in a mall, platform, track and gate numbers kept
``PLACE`` with the number only ("platform {{PLACE:9}}"), the word inside when it names the thing ("{{PLACE:Gleis 3}}");
parcel lockers, car-park levels, hospital wings and bays kept ``PLACE``, a train coach and seat kept ``CODE``; an
office address with its suite in a business signature one ``ADDRESS``; an extension after its number inside the
``PHONE`` ("int. 3", "-12"); a rental's flat and street the host gave an ``ADDRESS``; one's own floor and door with no
street one ``ADDRESS``, one's own floor alone kept ``PLACE``; a firm named after the masked writer's surname: the
surname masked alone ("Studio Legale [[PERSON:Cordero]]"); a couple's first names two spans, an initial and surname
one; a Pix key that is a CPF a ``BANK_ACCOUNT``; "Ameli" kept ``ORG``; a supplier's product kept ``PRODUCT``; an
owners' association kept ``COMPANY``; a neighbour's door in a residents' notice unmarked (blind123). Speaker role
labels in every language unmarked ("Pembeli:", "العميل:", "Клиент:"), a company as a label kept ``COMPANY``; "Jio wale
bhaiya": the brand kept, the rest unmarked; a country after a greeted brand outside the kept span, inside where it is
the brand's own name ("Vodafone Egypt"); an Iranian 10-digit postcode in its own turn an ``ADDRESS``; Arabic "حي"
outside the ``ADDRESS``; a Gulf community given as an answer kept ``PLACE``, a villa with its street an ``ADDRESS``, a
building named alone kept ``PLACE`` and the flat beside it an ``ADDRESS`` (a Colombian torre and conjunto the same);
a Singapore unit and block in one turn two ``ADDRESS`` spans; honorifics and grammatical words outside names in Thai,
Korean and Arabic, Cantonese "阿" inside; a Russian first name and patronymic, or surname-first full name, one
``PERSON``; a phone in Arabic-Indic digits one ``PHONE``; wallets and product brands in lower case kept ``PRODUCT``;
gates, exits, parking levels and stalls at a pick-up point kept ``PLACE``; a non-Latin plate kept ``VEHICLE_REG``; a
Kenyan ID and a Qatari QID ``NATIONAL_ID``; words of other scripts that are no names unmarked (blind123b). Greetings of
a role, department or "Sir or Madam" unmarked ("Tisztelt Szolgáltató!", "Sayın Yetkili", "Hyvä asiakaspalvelu"), a
department after a greeted body unmarked; group sign-offs unmarked ("Mvh föräldrar", "Der Elternbeirat"), an estate or
building they name kept ``PLACE``, a board signing for a named housing company: the company kept ``COMPANY``; a suite
inside a full office address in a signature inside the ``ADDRESS``, an office room given alone kept ``PLACE``
("Zimmer {{PLACE:B 2.07}}"); an extension after its number inside the ``PHONE``, on its own line its own ``PHONE``
("Durchwahl [[PHONE:4418]]"); one's own flat with its street one ``ADDRESS`` with staircase, floor and door, with only a
block letter the block kept ``PLACE`` and the flat an ``ADDRESS``; a Polish street address one ``ADDRESS``, staircase and
floor given as separate fields kept ``PLACE``; Turkish and Hungarian suffixes outside kept spans; a child's age in
Turkish one kept ``AGE`` (blind123c).
- **Corrected in session 33, after blind68* was scored** (its first scoring stands in docs/benchmarks.md): blind68b
  had left eight repeated lower-case first names unmarked — the caller's name said back by the agent ("date of birth
  deborah", "asante kevin", "thanks jessica", "ok ms monroe", "thanks tama"), the agent's name said back by the caller
  ("hi matt", "hi miss joy", "hello brian"), a greeted "hi sarah-jane" — and a name spelled right after it is said ("t a
  m a"); the conventions above mark each as a ``PERSON`` (lower-case vocative names, the agent's name repeated, a
  spelled name a second span). Found reading the PERSON check's training rows, where they taught it such names are
  no one's.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[([A-Z_]+):(.+?)\]\]|\{\{([A-Z_]+):(.+?)\}\}")


def parse(line: str) -> dict:
    names: list[str] = []
    if line.startswith("@names="):
        head, line = line.split("\t", 1)
        names = head[len("@names="):].split("|")
    line = line.replace("\\n", "\n")
    text, pii, keep, cursor = "", [], [], 0
    for m in MARK.finditer(line):
        text += line[cursor:m.start()]
        kind, value, target = (m[1], m[2], pii) if m[1] else (m[3], m[4], keep)
        target.append({"kind": kind, "start": len(text), "end": len(text) + len(value)})
        text += value
        cursor = m.end()
    text += line[cursor:]
    if "[[" in text or "{{" in text:
        raise ValueError(f"unbalanced mark-up in {line!r}")
    row = {"text": text, "pii": pii, "keep": keep}
    if names:
        row["known_names"] = names
    return row


def build(source: Path, target: Path) -> int:
    rows = [parse(line) for line in source.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    counts = {source.stem[len("src_"):]: build(source, HERE / f"{source.stem[len('src_'):]}.jsonl")
              for source in sorted(HERE.glob("src_*.txt"))}
    print(json.dumps(counts))
    sys.exit(0)
