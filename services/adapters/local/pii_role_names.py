"""Roles, offices, boards, committees and departments taken for persons (session 42, candidate 42-4): a filter of the
detector's PERSON spans, run after the learned PERSON check and the institution filter (pii_institution_names).

What it drops (a PERSON span only, never another kind): a span made only of the words that name a role, an office, a
board, a committee, a department or a body that signs, addresses or is named in a letter or a form, in the European
languages our mail mixes — with their articles, titles, greetings and joining words, and the words that say whose role
it is ("of the building", "of the co-owners", "of the housing association"):
"Upravnik", "Upravitelj zgrade", "Управителят", "Управник стамбене заједнице", "Zarząd Wspólnoty Mieszkaniowej",
"Výbor SVJ", "Közös képviselő", "Bérbeadó", "Lakók", "Predstavnik suvlasnika", "Klasės vadovė", "Il Dirigente
Scolastico", "Resurse Umane", "Comitetul executiv", "Rada Rodziców", "Komornik Sądowy", "Personāla daļa",
"Encarregada de Educação", "opettajat", "bewoners", "Pani Kierownik", "Frau Direktorin", "Drodzy Rodzice", the
form-field words of a person's data ("Vorname", "Anbieter"); a department written in lower case before its own name
("cellule Primes", "servizio Tributi"); and a housing association's own name after its words ("Zarząd Wspólnoty
Mieszkaniowej Lipowa": the street the building stands on).

What it never takes (the look-alikes):
- a span holding any other word: the name of the person holding the role, next to it, stays masked ("Upravnik Marko
  Petrović", "Frau Direktorin Huber", "Pani Kierownik Nowak", "Dyrektor Jan Kowalski");
- a span holding a given name we know (pii_rules.GIVEN_NAMES), even one that is also a role word elsewhere; no word of
  the lists below is a given name we know (tests/adapters/local/test_pii_role_names.py checks);
- a department word in lower case before a known given name or a title ("service Marie", "cellule M. Dupont").
Plain set look-ups over the span's words (at most _MAX_WORDS of them, at most _MAX_SPANS spans a message).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from services.adapters.local import pii_rules
from services.models import PiiSpan

# words naming a role, an office, a board, a committee, a department or a body (lower case, every form we meet)
ROLES = frozenset("""
landlord landlady landlords tenants residents occupants occupiers leaseholder committee board trustees trustee chair
chairman chairwoman chairperson treasurer secretary headteacher headmaster headmistress principal caretaker concierge
bailiff bailiffs management manager managers payroll teacher teachers staff governors parents guardians carers
vorname nachname familienname geburtsname rufname anbieter händler vermieter vermieterin verwalter verwalterin
hausverwalter hausverwalterin hausmeister hausmeisterin hauswart vorstand beirat verwaltungsbeirat ausschuss
elternbeirat elternvertreter elternvertretung direktor direktorin rektor rektorin schulleiter schulleiterin
schulleitung klassenlehrer klassenlehrerin lehrerin lehrerinnen lehrkraft lehrkräfte personalabteilung eigentümer
eigentümergemeinschaft eigentümerversammlung bewohner bewohnerinnen anwohner gerichtsvollzieher gerichtsvollzieherin
sachbearbeiter sachbearbeiterin geschäftsführer geschäftsführerin geschäftsleitung sekretariat lohnbuchhaltung
absender empfänger kontoinhaber antragsteller antragstellerin
zarząd zarządu zarządca zarządcy zarządczyni rodziców komornik komornika kierownik kierowniczka
kierownika kierowniczko administrator administratorze administratora administracja administracji dyrektor dyrektora
dyrektorze dyrektorka dyrektorko wychowawca wychowawczyni wychowawczyno nauczyciel nauczyciele nauczycielka
właściciel właścicielka wynajmujący najemca najemcy lokatorzy mieszkańcy kadry księgowość sekretariat prezes
przewodniczący przewodnicząca skarbnik rodzice
výbor výboru správce správkyně ředitel ředitelka ředitelství učitel učitelka nájemce nájemníci pronajímatel
vlastníci předseda předsedkyně exekutor vedení oddělení účtárna správca riaditeľ riaditeľka učiteľka prenajímateľ
nájomca nájomníci predseda
képviselő képviselője bérbeadó bérlő bérlők lakók lakóközösség igazgató igazgatóság osztályfőnök tanár tanárok
tanárnő végrehajtó elnök elnöksége gondnok bizottság intézőbizottság
upravnik upravnica upravitelj upraviteljica predstavnik predstavnica stanari stanarima ravnatelj ravnateljica
razrednik razrednica razrednika nastavnik nastavnica nastavnici učitelj učiteljica kadrovska služba odbor skupština
predsjednik predsjednica predsednik predsednica najmodavac zakupodavac izvršitelj upravljavec stanovalci
управник управница управитељ управитель управителят управителя управител домоуправител домоуправителят станари
председник председница председател председателят директор директорът директорка наемодател наемодателят
наематели живущите собствениците ръководител изпълнител правление
resurse umane comitetul comitet comitetului administratorul președinte președintele președinta dirigintele diriginta
directorul directoarea directoare proprietarul proprietarii locatarii locatari chiriașii executorul contabilitate
secretariatul
klasės vadovė vadovas vadove direktorė direktorius mokytoja mokytojas mokytojai pirmininkas pirmininkė
administratorius nuomotojas nuomotoja nuomininkai antstolis antstolė personalo skyrius valdyba
personāla daļa valde pārvaldnieks pārvaldniece direktore direktors audzinātāja skolotāja skolotājs īrnieki
izīrētājs izpildītājs grāmatvedība
juhatus juhatuse esimees haldur klassijuhataja õpetaja õpetajad üürnik üürileandja kohtutäitur personaliosakond
raamatupidamine
opettajat opettaja rehtori hallitus isännöitsijä vuokranantaja asukkaat luokanvalvoja luokanopettaja
henkilöstöhallinto palkkahallinto puheenjohtaja ulosottomies
styrelsen styrelse bestyrelsen bestyrelse styret hyresvärd hyresvärden hyresgäster rektor lärare ordförande formand
forvalter förvaltare vicevärd viceværten vaktmester personalavdelningen kronofogden beboere beboerne
bewoners bewoner bestuur beheerder syndicus verhuurder huisbaas huurders directeur directie leerkracht leerkrachten
mede-eigenaars mede-eigenaren eigenaars eigenaren voorzitter penningmeester secretaris personeelszaken
salarisadministratie deurwaarder gerechtsdeurwaarder
cellule gestionnaire gérant gérante gardien gardienne propriétaire propriétaires bailleur bailleresse locataires
directrice proviseur proviseure enseignant enseignants enseignante professeur professeure institutrice instituteur
conseil syndical président présidente trésorier trésorière secrétaire ressources humaines huissier comptabilité
paie copropriétaires résidents
encarregada encarregado educação direção direcção diretor diretora directora presidenta junta directiva
administradora arrendador arrendadora inquilinos vecinos conserje secretaría secretaria
secretário secretária tesorero tesorera recursos humanos rrhh nóminas profesor profesora profesores tutor tutora
condóminos propietarios síndico síndica senhorio senhoria condóminos professora professores docentes
proprietários moradores inquilino administrador
dirigente scolastico scolastica amministratore amministratrice consiglio direttivo direttore direttrice preside
segreteria insegnanti coordinatore coordinatrice proprietario proprietaria inquilini condomini risorse umane
personale ufficiale giudiziario
διαχειριστής διαχειρίστρια διοίκηση διευθυντής διευθύντρια ένοικοι ιδιοκτήτης γραμματεία
yönetim yönetimi yönetici kurulu müdür müdürü öğretmen kiracı insan kaynakları
agent agents bursar registrar clerk superintendent warden housemaster housemistress tutor deputy governor admissions
resources director directors administrator administrators officer secretariat
objektbetreuer objektbetreuerin kassenwart kassenwartin schriftführer schriftführerin vorsitzende vorsitzender obmann
obfrau klassenvorstand klassenleitung erziehungsberechtigte erziehungsberechtigter mieterin mieterschaft
eigentümerin hausbewohner nachbarn arbeitgeber arbeitgeberin vorgesetzte vorgesetzter kollegin kollegen
ansprechpartner ansprechpartnerin kontaktperson versicherungsnehmer versicherungsnehmerin auftraggeber
auftraggeberin inhaber inhaberin betreuer betreuerin mitarbeiterin dienstleister netzbetreiber versorger
hersteller vermittler makler maklerin zahlungsempfänger nachmieter vormieter untermieter anrede unterschrift
elternrat aufsichtsrat verwaltungsrat personalrat schülerrat
imię nazwisko jméno příjmení meno priezvisko ime prezime név vezetéknév keresztnév nume prenume vardas pavardė
vārds uzvārds eesnimi perekonnanimi etunimi sukunimi förnamn efternamn fornavn efternavn etternavn voornaam
achternaam prénom apellidos apellido cognome apelido sobrenome όνομα επώνυμο имя фамилия име презиме soyadı
członek członkowie sekretarz księgowa pedagog dyrekcja dyrekcji płace kadr właściciele sąsiedzi rodzic opiekun
opiekunka opiekunowie najemcy wynajmującego kancelaria
výboru ředitelství třídní vedení personální mzdová účetní nájemník vlastník exekutorský exekútor riaditeľstvo
triedna zástupca personálne oddelenie spoločenstvo
képviselet igazgatónő osztályfőnöke tanító gondnokság kezelő tulajdonos tulajdonosok munkáltató osztály
bérszámfejtés
pedagoginja tajništvo tajnica tajnik računovodstvo stanodavac stanar vlasnik vlasnici najmoprimac zakupac
izvršiteljica skupštine
станодавац одељењски старешина кадровска служба извршитељ касиер касиерът класният наемателят счетоводство
председатель правление бухгалтерия жильцы мешканці арендодатель орендодавець
cenzor învățătoarea învățătoare învățătorul direcțiunea departamentul chiriaș chiriașul biroul
auklėtoja auklėtojas buhalterija nuomininkas
priekšsēdētājs priekšsēdētāja īrnieks
üürnikud
vuokralainen vuokralaiset huoltomies kiinteistöpäällikkö palkanlaskenta
kassör sekreterare fastighetsförvaltare vicevärden klassföreståndare hyresgäst boende
kasserer ejendomsadministrator vicevært skoleleder skolelederen klasselærer kontaktlærer personaleafdelingen
lønafdelingen udlejer lejer styreleder forretningsfører utleier leietaker
juf eigenaar huurder ouders ouderraad medezeggenschapsraad
direction syndic bureau commissaire gestionnaires amicale
administración dirección jefatura arrendatario arrendataria presidencia direcció veïns portería
administração subsíndico zelador solicitador
amministrazione locatore locatrice rappresentante rappresentanti docente portiere presidenza
διαχείριση εκμισθωτής μισθωτής ιδιοκτήτες επιμελητής καθηγητής καθηγήτρια δάσκαλος δασκάλα
yöneticisi müdürlüğü öğretmeni
yetkili yetkilisi yetkililer ilgili ilgililer sakinler sakinleri veliler kiracılar szolgáltató szolgáltatót
ügyfélszolgálat ügyintéző föräldrar föräldrarna vårdnadshavare styrer styreren styrerinne foreldre foreldrene
forældre forældrene forældreråd foreldreråd beboer beboeren leietakere huseier utleieren udlejeren lejerne vanhemmat
huoltajat asukas asukastoimikunta isännöinti mieszkanka mieszkaniec mieszkańców lokator lokatorka sąsiadka sąsiad
administrația administrației asociația locatarul locatara mieterbeirat mieterverein mietervertretung hausverwaltung
hausgemeinschaft elternschaft kundenservice kundendienst kundenbetreuung kundenberatung buchhaltung centralita
reservas clientes facturación reclamaciones vecina vecino réservations facturation clientèle réclamations
prenotazioni clienti fatturazione reclami atendimento faturação reclamações reserveringen klantenservice
klantendienst facturatie kundtjänst kundservice kundeservice kundesenter asiakaspalvelu laskutus ügyfélszolgálata
""".split())
# the words that say whose role it is, or what body it belongs to (never alone)
COMPLEMENTS = frozenset("""
of the building residents association housing school class parents teachers co-owners owners tenants executive
zgrade zgrada stambene zajednice zajednica suvlasnika suvlasnici etažni lastniki zgradbe
зграде стамбене заједнице заједнице етажната собственост сградата
rada rady radzie radę wspólnoty wspólnota mieszkaniowej mieszkaniowa spółdzielni mieszkaniowa sądowy sądowego rodziców szkoły osiedla
svj sbd společenství vlastníků bytového družstva domu
közös társasház lakóközösség
asociației asociatiei proprietari proprietarilor executiv executivă judecătoresc blocului
klasės bendrijos mokyklos
daļa mājas skolas tiesu
korteriühistu
taloyhtiön koulun
föreningen brf ejerforeningen andelsforeningen afdelingens
vve vme
syndical copropriété l'immeuble l'école
educação escolar comunidad propietarios vecinos escola condomínio condominio prédio
scolastico scolastica condominiale giudiziario
head year property estate letting managing strata corporate form welfare lead human accounts office department
housing residents' tenants' owners' parents'
verwaltung schule klasse hauses
klasy osiedla zarządu domu kadr płac
domu školy bytového spoločenstva vlastníkov bytov súdny soudní
úr asszony néni bácsi társasház számvizsgáló bírósági hr
zgrade stanara ljudske resurse potencijala ljudskih javni sudski stručna službe
зграде скупштине школе јавни на етажната собственост контролен съвет съдебен частен човешки ресурси
отдел кадров
asociației școlii judecătoresc executorului asociația
antstolio
biedrības valdes namu zvērināts
korteriühistu
taloyhtiön hallituksen
brf
vve
pédagogique vie scolaire justice personnel paie
fincas comunidad gobierno estudios equipo directivo personal escolar consejo grupo finques
turma execução fiscal pessoal condomínio
classe d'istituto istituto personale
προσωπικού τμήμα σύλλογος γονέων δικαστικός
site apartman kurulu icra sınıf okul insan kaynakları sahibi
emlak sitesi apartmanı central
""".split())
# articles, titles, greetings and joining words that may stand with a role ("Il Dirigente", "Pani Kierownik",
# "Frau Direktorin", "Drodzy Rodzice", "Sra. Encarregada de Educação")
COMPANIONS = frozenset("""
the our your dear of and
der die das des dem den frau herr liebe lieber liebes sehr geehrte geehrter
pani panie pan szanowna szanowny szanowni drodzy droga drogi i
paní pane vážená vážený milí
tisztelt kedves
poštovani poštovana poštovane dragi draga
il lo la le les l' gli i del della dei degli di da de du des caro cara cari gentile egregio
el los las del sr sra sr. sra. srta señor señora estimado estimada estimados estimadas querido querida queridos
o a os as do da dos das senhor senhora caro prezado prezada prezados exmo exma
m. mme madame monsieur cher chère chers
beste geachte lieve het de van
kære kaere hej
hyvä hyvät arvoisa
dragă stimate stimată
gerbiamas gerbiama mieli
cienījamie cienījamā
уважаеми уважаема поштовани драги
sayın değerli euer eure unser unsere dine
""".split())
# department words that, written in lower case, name the unit right after them ("cellule Primes", "servizio Tributi")
_LOWER_UNITS = frozenset("cellule pôle équipe servizio ufficio sezione referat oddział dział wydział odbor oddělení".split())
# the words of a housing association or a building after which its own name (its street) follows
_ASSOCIATION_ENDS = frozenset("mieszkaniowej mieszkaniowa svj vve vme zajednice заједнице bendrijos föreningen".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]{0,40}|\d{1,6}[a-z]?")
_MAX_WORDS = 8
_MAX_SPANS = 200


def _plain(word: str) -> str:
    return unicodedata.normalize("NFC", word.strip(".,:;'’")).casefold()


def _is_role(low: str) -> bool:
    return low in ROLES or low.endswith(("styrelsen", "bestyrelsen", "vorstand", "beirat", "ausschuss"))


def _role_only(text: str, span: PiiSpan) -> bool:
    """Every word of the span is a role, a complement or a companion, one at least a role, none a given name we know
    (a housing association's own name may follow its words; a lower-case unit word names the unit after it)."""
    words = _WORD.findall(text[span.start:span.end])
    if not words or len(words) > _MAX_WORDS or "\n" in text[span.start:span.end].strip():
        return False
    lows = [_plain(w) for w in words]
    if any(low in pii_rules.GIVEN_NAMES and not _is_role(low) for low in lows):
        return False  # "Upravnik Marko Petrović": the person holding the role
    if words[0] in _LOWER_UNITS and len(words) <= 3:
        return True  # "cellule Primes", "servizio Tributi" (a known given name or a title after it: returned above)
    roles = 0
    for i, low in enumerate(lows):
        if _is_role(low):
            roles += 1
        elif low in COMPLEMENTS or low in COMPANIONS:
            continue
        elif roles and i > 0 and lows[i - 1] in _ASSOCIATION_ENDS and all(
                w[:1].isupper() or w[:1].isdigit() for w in words[i:]):
            return True  # "Zarząd Wspólnoty Mieszkaniowej Lipowa 14": the building's street
        else:
            return False
    return roles > 0


def without_roles(text: str, spans: Sequence[PiiSpan]) -> list[PiiSpan]:
    """The spans less the PERSON spans that name only a role, an office, a board, a committee or a department."""
    if not any(s.kind == "PERSON" for s in spans) or len(spans) > _MAX_SPANS:
        return list(spans)
    return [s for s in spans if not (s.kind == "PERSON" and _role_only(text, s))]
