"""The designators of a home's flat, unit, floor, staircase and door: one table for the unit finders (session 43, 43-3).

By the labelling conventions (``tests/data/pii/build.py``) the unit part of an address is ``ADDRESS``: inside the
address span when written on to a found street ("Hlavná 42, byt č. 15, 040 01 Košice", "Groenplaats 9 bus 4, 2000
Antwerpen", "Rúa do Hórreo 74, 2º D, Santiago de Compostela"), on its own when the message names only the
customer's own unit ("Jag hyr lägenhet 1102", "Emne: Aflæsning – lejl. 2. tv", "Vec: Výzva na úhradu – byt č. 15").
Three modules read these words: ``pii_unit_tails`` (a unit written on to a found address), ``pii_unit_complements``
(the writer's own unit after a role, a home, a signature, a subject line) and ``pii_own_units`` (the writer's own
number after "I live in", a self-introduction, a tenancy's words), so that each knows the designators the others do;
since session 44 (44-6) ``pii_home_units`` (a home's unit named by its words alone) reads them too.

The table holds:

- :data:`FLAT`: a flat's or a home unit's designator before its number, in the languages our messages mix ("flat",
  "apt", "unit", "interno", "appartement", "piso", "depto", "apto", "ap.", "porte", "Whg.", "Wohnung", "Top", "Tür",
  "lägenhet", "lgh", "leilighet", "lejlighed", "lejl.", "byt č.", "lokalu nr", "lok.", "mieszkanie nr", "stanovanje",
  "stan", "стан", "кв.", "квартира", "διαμέρισμα", "daire");
- :data:`SUITE`: a suite ("suite", "ste."): a unit only where it is the writer's or written on to a street, never in
  a signature (a firm's office);
- :data:`ATTACHED`: a Belgian box number ("bus 3", "bte 2", "boîte 4"), a unit only written on to its street;
- :data:`STAIR`: a staircase or a block ("scala B", "escalera 2", "Stiege 2", "bl. E4", "sc. A"): a kept place alone,
  only with a unit after it;
- :data:`DOOR_SIDE`: a Spanish or Portuguese door after its floor ("izquierda", "izda", "dcha", "esquerdo", "Dto");
- :data:`FLOOR`: a floor ("3. kat", "3° piano", "2. OG", "treći sprat", "4e étage"): part of the address only written
  on to its street's number, a kept place alone;
- :data:`DANISH_FLOOR_SIDE`: a Danish floor and side ("3. th", "st. tv", "lejl. 2. tv").

Look-alikes none of them is: an office, a seat, a room, a gate, a locker, a parking bay, a platform (no designator of
them is on the list), a floor alone ("4e étage", "3. OG", "4.º andar", "treći sprat": a kept place) or after the
town ("…, 10961 Berlin, 3. OG links"), a staircase or
block alone, a firm's suite in a signature. Each word is a plain alternation (no repeats), the modules bound the
number after it.
"""

from __future__ import annotations

# a flat's or a home unit's designator (matched case-insensitively by the modules)
FLAT = (r"(?:flat|apt\.?|apartment|unit|interno|int\.|appartamento|app\.|appt\.?|appartement|piso|depto\.?|dpto\.?|"
        r"departamento|apto\.?|apartamento|ap\.?|puerta|pta\.|porte|whg\.?|wohnung|top|tür|lägenhet|lgh\.?|leilighet|"
        r"lejlighed|lejl\.|byt(?:u|ě)?[ \t]č\.|lokal(?:u)?[ \t]nr\.?|lok\.|mieszkani[ea][ \t]nr\.?|stanovanje|stan|"
        r"стан|кв\.?|квартира|διαμέρισμα|διαμερίσματος|daire)")
# a suite: the writer's own or one written on to a street, never signed under a name (a firm's office)
SUITE = r"(?:suite|ste\.)"
# a Belgian box number: a unit only written on to its street ("Groenplaats 9 bus 4")
ATTACHED = r"(?:bus|boîte|bte\.?)"
# a staircase or a block: a kept place alone, a part of the address only with a unit after it
STAIR = r"(?:scala|escalera|esc\.|bloque|bloco|bl\.|sc\.|aufgang|eingang|stiege)"
# a Spanish or Portuguese door after its floor ("2º dcha", "5.º direito", "2.º Dto")
DOOR_SIDE = r"(?:izquierda|izqda|izda|izq|derecha|dcha|dcho|dch|centro|esquerdo|esq|direito|dto|dta|drt[oa]|frente)"
# a floor written on to its street, before its unit or alone ("Ilica 212, 3. kat, stan 9", "via Manzoni 14, 3° piano",
# "Körnerstraße 14, 2. OG", "Sonnenallee 117, Vorderhaus 2. OG", "Njegoševa 19, treći sprat"): a kept place elsewhere
FLOOR = (r"(?:(?:(?i:vorderhaus|hinterhaus|seitenflügel|gartenhaus)[ \t])?\d{1,2}\.[ \t]?(?:OG|DG|Stock|Etage|kat|sprat|"
         r"poschodie|poschodia|patro|piętro|emelet)|\d{1,2}[°º][ \t]?piano|\d{1,2}(?:e|er|ème)[ \t]étage|"
         r"(?i:prvi|drugi|treći|četvrti|peti|šesti|sedmi|osmi|deveti|deseti)[ \t](?:sprat|kat))(?![\w'’])")
# a Danish floor and side, after the flat's word or alone ("lejl. 2. tv", "3. th", "st. tv")
DANISH_FLOOR_SIDE = r"(?:(?:\d{1,2}\.|st\.)[ \t]?(?:th|tv|mf)(?![\w'’]))"
