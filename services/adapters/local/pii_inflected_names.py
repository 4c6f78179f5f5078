"""Names inflected by case in the languages that decline them (session 45, candidate 45-11; issue 21).

Slavic, Baltic and Greek write a person's name in the case the sentence asks for: a dative after a verb ("obratite se
Милораду Јовановићу", "išduota Tomui Kazlauskui", "izsniegta Jānim Ozolam", "proszę przekazać Pawłowi"), an
accusative ("poslali smo Milicu Stanković", "omlouvám Vojtu"), a genitive ("wystawiona na Stanisława Mazura",
"přihlášky Adélky", "motinos Onos Petrauskienės"), a vocative after a courtesy word ("Gerb. Jonai,", "Drogi
Pawle,"); Hungarian names a married woman "Szabóné Kiss Erika". The conventions (tests/data/pii/build.py) label each
a ``PERSON`` with its ending inside and the courtesy word outside; no given-name list holds the inflected form, so
the NER and the rules missed it.

:func:`find_inflected_names` takes, in a message written in one of those languages (a letter of theirs in it: "ł",
"č", "ė", "ā", Cyrillic, Greek…):
- a capitalised word whose ending, taken off and given back as the nominative's ("Милораду" → "Милорад", "Milicu" →
  "Milica", "Pawłowi" → "Paweł", "Tomui" → "Tomas", "Jānim" → "Jānis", "Onos" → "Ona", "Adélky" → "Adélka"), is a
  given name we know (pii_rules.GIVEN_NAMES and the region's names below), with the capitalised surname after it on
  its line: both words one span;
- such a word alone where a lower-case word or a courtesy word ("pane", "gospodine", "Gerb.", "κύριε", "Drogi")
  comes right before it and no capitalised word after it ("przekazać Pawłowi, że", "přihlášky Adélky do");
- a Hungarian married name: a capitalised word ending in "né", then one or two capitalised words, the last a given
  name ("Szabóné Kiss Erika", "Nagyné Ilona").

What it never takes (the look-alikes): a word that is itself no inflected form (the nominative is the other rules'),
a word the message also writes in lower case or that is no one's name (pii_closing_names' list: "Marka" when "marka"
is written too), a team's word; a street's, a square's, a school's, a church's or a saint's name after its word
("ul. Jana Pawła II", "náměstí Míru", "im. Marii Konopnickiej", "św. Anny", "Svatého Václava"), a name a street word
or a Roman numeral follows ("Jana Pawła II", "Kalniņa iela"); a word at a sentence's start with no surname after it;
a message or a line in another language ("Any questions", "Mary", "Hansa Rechtsschutz" in a German letter).

Every pattern is anchored and bounded (linear); a message is read for at most CAP names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

CAP = 8
_MAX_TEXT = 20000
# a message in a language of the class: a letter only these write
_CLASS_TEXT = re.compile(r"[ąęłńśźżčřěůďťňľĺŕšžđćėįųūāēīņļķģőűõ\u0370-\u03ff\u0400-\u04ff]", re.IGNORECASE)
_WORD = re.compile(r"(?<![\w'’@.-])([^\W\d_][^\W\d_]{2,30})(?![\w'’@]|-\w|\.\w)")
_NEXT = re.compile(r"[ \t]([^\W\d_][^\W\d_]{1,30}(?:-[^\W\d_]{2,30})?)(?![\w'’@]|\.\w)")
# (ending, nominative endings) — the longest ending first
_ENDINGS = (
    ("owi", ("", "+e")), ("ovi", ("", "a", "+e")), ("ові", ("", "+e")), ("ови", ("", "+e")),
    ("ui", ("as", "is", "us", "ys")), ("ai", ("as",)), ("ei", ("a", "ė", "e")), ("am", ("s", "š")), ("im", ("is",)),
    ("os", ("a",)), ("ės", ("ė",)), ("ie", ("a",)), ("em", ("", "+e")), ("om", ("", "a")), ("ем", ("", "+e")),
    ("ом", ("", "a")), ("ой", ("а",)), ("ей", ("а",)), ("ої", ("а",)),
    ("ου", ("ος", "ης", "ας")), ("ε", ("ος",)), ("ο", ("ος",)), ("η", ("ης",)), ("α", ("ας",)),
    ("u", ("", "a")), ("a", ("", "+e", "as", "is", "s")), ("o", ("a", "as")), ("e", ("", "+e", "a")),
    ("y", ("a",)), ("i", ("a", "ia")), ("ą", ("a",)), ("ę", ("a", "ė")), ("ų", ("as", "a")),
    ("у", ("", "а")), ("ю", ("я",)), ("а", ("", "+е")), ("е", ("", "+е", "а")), ("о", ("а",)), ("ы", ("а",)),
    ("и", ("а",)), ("і", ("а",)), ("ї", ("я",)),
)
# the region's given names the shared list lacks (nominative, lower case)
_REGION_NAMES = frozenset("""
milorad milan miloš milos milica milena miroslav miroslava dragan dragana zoran zorana goran nenad dejan dušan dusan
nikola jovan jovana stefan stevan vuk vojislav branko branka slobodan srđan snežana ljiljana vesna jelena biljana
marko petar predrag bojan bojana ivana ivan ivica mirko mirjana zdravko tomislav krešimir stjepan josip mato mate
stanisław stanislaw stanisława bronisław bronisława władysław władysława wiesław wiesława czesław mirosław mirosława
jarosław jarosława zdzisław bogusław bogusława radosław przemysław grzegorz krzysztof wojciech jacek jerzy henryk
zbigniew tadeusz ryszard sławomir janusz dariusz mariusz łukasz mateusz bartosz kacper szymon jakub maciej michał
paweł piotr tomasz marcin kamil dawid jan janina halina grażyna bożena jadwiga danuta krystyna urszula agnieszka
małgorzata katarzyna joanna magdalena ewa ewelina dorota beata renata elżbieta barbara wiesława teresa zofia irena
marzena aleksandra kasia basia gosia zosia ola kuba
vojta vojtěch jiří jirka petr pavel pavla tomáš lukáš jakub matěj ondřej vít vítek zdeněk radek honza jarda míla
adéla adélka anička anna hana jana jitka lenka markéta tereza veronika zuzana zuzka kateřina kačka lucie šárka
věra dagmar vlasta jaroslav jaroslava vladimír vladimíra bohumil bohumila ladislav ladislava stanislav stanislava
jonas jonė tomas ona onutė petras jurgis juozas antanas kazimieras vytautas mindaugas darius dainius saulius
rimantas audrius gintaras giedrius andrius algirdas aušra rasa jurgita ramunė asta lina rūta daiva vilma inga
jānis juris andris pēteris kārlis mārtiņš edgars raimonds uldis aivars ilze inese līga dace zane kristīne anita
milorad милорад милан милица милена мирослав драган зоран горан ненад дејан душан никола јован јована стефан вук
бранко слободан снежана јелена марко петар предраг бојан ивана иван стоян стоянка димитър георги христо иван
мария елена йордан тодор петко васил кирил десислава радка цветанка надежда павел павло петро тарас богдан
олександр андрій микола ігор юрій оксана ірина марія наталія тетяна олена ганна галина людмила віра
сергей алексей дмитрий андрей николай михаил владимир александр игорь юрий ольга татьяна наталья светлана
екатерина анна мария елена ирина людмила
γιώργος γεώργιος κώστας κωνσταντίνος νίκος νικόλαος γιάννης ιωάννης δημήτρης δημήτριος παναγιώτης βασίλης
χρήστος θανάσης αθανάσιος μιχάλης σπύρος στέλιος αντώνης ανδρέας πέτρος θοδωρής λευτέρης μανώλης
ilona erzsébet katalin ildikó zsuzsanna erika eszter judit mária éva anikó krisztina andrea ágnes
""".split())
# a street's, a square's, a school's, a church's or a saint's word: the name after it is that thing's
_PLACE_BEFORE = frozenset("""ul ulica ulicy ulicę ulice ulici al aleja alei aleje pl plac placu os osiedle osiedlu im
imienia św sw świętego świętej sv svatého svaté svatý sveti svetog svete nám náměstí námestie trg trgu ulitsa
ул улица улици ulice bul булевар бул пл площадь площа вул вулиця пр просп проспект iela ielā g gatvė gatvės
gatvėje prospektas prospekto aikštė οδός οδού λεωφόρος λεωφόρου πλατεία αγίου αγίας άγιος utca út tér kościół
kościoła kostel kostela crkva crkve parafia parafii szkoła szkoły škola školy szpital szpitala nemocnice bolnica
mosty most mostu park parku stadion""".split())
_PLACE_AFTER = frozenset("""ii iii iv v vi vii viii ix x xi xii xiii iela ielā ielas gatvė gatvės gatvėje g prospektas
prospekto pr aikštė tänav tänava tänaval tn maantee mnt puiestee tee tn ulica ulice ulici ulicy ulicę street st
náměstí nám trg улица улице улици булевар бул ул""".split())
# in, at: the name after it is a place's ("v Luki Koper", "w Annie" is no one here)
_LOCATIVE = frozenset(("w", "we", "v", "ve", "vo", "в", "во"))
# the endings a name alone may have: a dative, an accusative or a genitive no plain word of the class's languages
# and of their neighbours' shares ("przekazać Pawłowi", "omlouvám Vojtu", "přihlášky Adélky"); "-o", "-e", "-i" and
# "-a" alone are too often a word's ("per Tamo", "der Sache", "par Ameli")
_ALONE_ENDINGS = ("owi", "ovi", "ові", "ови", "ui", "im", "am", "ą", "ę", "u", "у", "y", "ы", "ю", "os", "ės")
# a courtesy word right before a vocative or an inflected name (lower case; the closing "." taken off)
_COURTESY = frozenset("""pane paní pani pana panu panie panią panem pán pánovi drogi droga drogie kochany kochana
milý milá milí mili mila dragi draga poštovani poštovana gospodine gospođo gospodinu gospođi gospođe gđe gđi gđo gosp
gerb gerbiamas gerbiamasis gerbiama gerbiamoji mielas mieloji brangus brangioji cien cienījamais cienījamā godātais
godātā господине госпожо госпођо господину госпођи господина уважаеми уважаема драги драга шановний шановна
κύριε κυρία κύριο κυρίου κυρίας αγαπητέ αγαπητή""".split())
_NE_NAME = re.compile(r"(?<![\w'’@.-])([A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű]{1,30}né)"
                      r"((?:[ \t][A-ZÁÉÍÓÖŐÚÜŰ][a-záéíóöőúüű]{1,30}){1,2})(?![\w'’@-])")


@functools.cache
def _names() -> frozenset[str]:
    from services.adapters.local import pii_rules

    return frozenset(pii_rules.GIVEN_NAMES) | _REGION_NAMES


def _nominatives(word: str) -> Iterator[str]:
    """The nominatives a word may be an inflected form of (lower case; four letters or more, three after an ending
    of two), never the word itself."""
    low = word.lower()
    for ending, subs in _ENDINGS:
        if not low.endswith(ending) or len(low) - len(ending) < 2:
            continue
        stem = low[: len(low) - len(ending)]
        for sub in subs:
            if sub == "+e" or sub == "+е":  # a vowel the nominative has before its last consonant: "Pawł" → "Paweł"
                form = stem[:-1] + sub[1] + stem[-1]
            else:
                form = stem + sub
            if len(form) >= 4 or (len(form) == 3 and len(ending) >= 2):  # "Onos" → "Ona", never "Namu" → "Nam"
                yield form


def _inflected(word: str, named_too: bool = False) -> bool:
    """Whether a word is an inflected form of a given name we know; with ``named_too`` also where the form is a given
    name itself ("Stanisława": the genitive of "Stanisław" and a woman's name)."""
    names = _names()
    return (named_too or word.lower() not in names) and any(n in names for n in _nominatives(word))


def _words_before(text: str, start: int) -> list[str]:
    """The two words before ``start`` on its line, the nearest last (as written, punctuation taken off)."""
    line = text[max(0, start - 60):start].rsplit("\n", 1)[-1]
    return [w.strip(".,:;!?()„“\"'") for w in line.split()[-2:]]


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t")
    return not before or before[-1] in ".!?\n:;>|\"„“«-–•*"


def _plain(text: str, word: str) -> bool:
    from services.adapters.local import pii_family_names

    return word[0].isupper() and not word.isupper() and pii_family_names._word_ok(text, word)


def _line(text: str, pos: int) -> str:
    start = text.rfind("\n", max(0, pos - 300), pos) + 1
    end = text.find("\n", pos, pos + 300)
    return text[start:end if end != -1 else pos + 300]


def _place_after(text: str, end: int) -> bool:
    """Whether a street's word, a Roman numeral, a digit or a firm's word follows ``end``."""
    from services.adapters.local import pii_given_names

    after = _NEXT.match(text, end)
    return ((after is not None and after.group(1).lower().rstrip(".") in _PLACE_AFTER)
            or re.match(r"[ \t]{0,2}\d", text[end:end + 4]) is not None or pii_given_names.firm_after(text, end))


def _inflected_names(text: str) -> Iterator[tuple[int, int]]:
    for m in _WORD.finditer(text[:_MAX_TEXT]):
        word = m.group(1)
        if (not word[0].isupper() or word.lower() in _COURTESY or not _inflected(word, True)
                or not _plain(text, word)):
            continue
        before = _words_before(text, m.start())
        if not (before and before[-1].lower() in _COURTESY) and not _CLASS_TEXT.search(
                _line(text, m.start()) if not word.lower().endswith(_ALONE_ENDINGS)
                else text[max(0, m.start() - 100):m.end() + 100]):
            continue  # a line of another language: "Hansa Rechtsschutz" under a German letter to "Frau Szymańska"
        if any(w.lower() in _PLACE_BEFORE for w in before) or (before and before[-1].lower() in _LOCATIVE):
            continue
        nxt = _NEXT.match(text, m.end())
        if nxt is not None and nxt.group(1)[0].isupper():
            surname = nxt.group(1)
            if (surname.lower() in _COURTESY or surname.lower().rstrip(".") in _PLACE_AFTER
                    or not _plain(text, surname) or _place_after(text, nxt.end())):
                continue
            yield m.start(), nxt.end()
        elif not _inflected(word) or _place_after(text, m.end()):
            continue
        elif before and before[-1].lower() in _COURTESY:
            yield m.span(1)
        elif (word.lower().endswith(_ALONE_ENDINGS) and before and before[-1].isalpha() and before[-1].islower()
              and not _sentence_start(text, m.start())):
            yield m.span(1)


def _married_names(text: str) -> Iterator[tuple[int, int]]:
    names = _names()
    for m in _NE_NAME.finditer(text[:_MAX_TEXT]):
        rest = m.group(2).split()
        if rest[-1].lower() in names and all(_plain(text, w) for w in [m.group(1)[:-2], *rest]):
            yield m.span()


def find_inflected_names(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each inflected name (the module's docstring), at most CAP."""
    if not _CLASS_TEXT.search(text[:_MAX_TEXT]):
        return []
    found: list[tuple[int, int]] = []
    for span in [*_married_names(text), *_inflected_names(text)]:
        if len(found) >= CAP:
            break
        if not any(a < span[1] and span[0] < b for a, b in found):
            found.append(span)
    return found
