"""Prompt-injection check of a customer message: what the agent is warned about, and what a reply generator reads.

``scan(text)`` reads the message as a model would, not as the agent sees it, then scores what it finds:

1. **Normalise.** HTML entities are decoded (``&#105;gnore``); invisible characters are taken out and counted: Unicode
   TAG characters (U+E0000–E007F, "ASCII smuggling": decoded into the ASCII they spell, except the tag sequence of a
   subdivision flag emoji such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿), zero-width characters between letters, bidi overrides (a right-to-left
   override's run is also read reversed). Look-alike letters (Cyrillic ``а``, full-width forms) and accents are folded,
   and digits inside words are read as letters (``1gn0re``).
2. **Read each channel.** The visible text; text hidden in HTML (comments, elements styled ``display:none``,
   ``visibility:hidden``, ``font-size:0``, ``hidden``); markdown a reader rarely sees (image alt text, link titles,
   reference-link definitions and ``[//]: #`` comments); the TAG characters' text; base64 blobs that decode to text.
3. **Score.** Each rule that fires adds its weight once: asking to ignore the instructions, role play that changes who
   the assistant is, asking for the system prompt, for another customer's data or for internal notes, imitating a
   system or data delimiter (weight 1.0 each; 0.4 when quoted between double quotes, as a developer or a customer
   reporting a message does), claiming to be an admin or developer, jailbreak words (0.5), hidden text itself (TAG
   text 1.0, hidden HTML, zero-width characters in words or bidi overrides 0.5, base64 text 0.3). The message is
   flagged at 1.0. English, Spanish, French, German, Portuguese, Italian and Chinese wording is recognised.

Hidden characters are counted over the whole message; the rules read the first SCAN_CHARS (20,000) characters of each
channel after normalisation (a model reads at most the first 5,000). Every pattern is linear
(tests/adapters/local/test_redos.py); the cost per message is measured by bench/injection.py. ``for_models(text)`` is the text without the hidden parts, as the reply generators get it.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import html
import re
import unicodedata
from collections.abc import Iterator

from services.models import InjectionCheck

FLAG_AT = 1.0
# The rules read at most this many characters of each channel, after normalisation: a model reads at most the first
# 5,000 characters of a message (assist.ANALYSIS_CHARS), so this leaves room for markup and hidden parts.
SCAN_CHARS = 20_000
QUOTED_WEIGHT = 0.4
MAX_BASE64_BLOBS = 8
MAX_BASE64_CHARS = 8_000
SNIPPET = 60

# ---- hidden characters ------------------------------------------------------------------------------------------

_TAG_RUN = re.compile("[\U000e0000-\U000e007f]+")
_FLAG_TAGS = re.compile("\U0001f3f4[\U000e0061-\U000e007a]{2,8}\U000e007f")  # 🏴 + tag letters + cancel tag
_ZERO_WIDTH_IN_WORD = re.compile(r"(?<=[A-Za-z0-9])[\u00ad\u180e\u200b\u200c\u200d\u2060-\u2064\ufeff]+(?=[A-Za-z0-9])")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
_RLO_RUN = re.compile(r"[\u202e\u2067]([^\u202c\u2069\n]{1,2000})")
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufe00-\ufe0f"
                        "\U000e0000-\U000e007f\U000e0100-\U000e01ef]")

# ---- hidden HTML and markdown -----------------------------------------------------------------------------------

_OPEN_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]{0,10})\b([^<>]{0,400})>")
_HIDING = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])"
                     r"|(?<![\\w-])hidden(?![\\w-])|max-height\s*:\s*0(?![.\d]*[1-9])|color\s*:\s*(?:#fff(?:fff)?|white)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^<>]{0,400}>")
_MD_IMAGE_ALT = re.compile(r"!\[([^\[\]\n]{1,500})\]")
_MD_TITLE = re.compile(r"\]\(\s*<?[^\s()<>]{1,2000}>?\s+(?:\"([^\"\n]{1,500})\"|'([^'\n]{1,500})')\s*\)")
_MD_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]*\S{1,2000}(?:[ \t]+(?:\"([^\"\n]{0,500})\"|'([^'\n]{0,500})'"
                           r"|\(([^)\n]{0,500})\)))?[ \t]*$", re.MULTILINE)
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=])")

# ---- folding ----------------------------------------------------------------------------------------------------

_LOOK_ALIKES = str.maketrans({
    "а": "a", "с": "c", "е": "e", "о": "o", "р": "p", "ѕ": "s", "т": "t", "у": "y", "х": "x", "м": "m", "і": "i",
    "ј": "j", "ԁ": "d", "һ": "h", "ο": "o", "υ": "u", "ν": "v", "ι": "i", "α": "a", "ε": "e", "ı": "i", "ꜱ": "s",
    "ᴜ": "u", "‘": "'", "’": "'", "‛": "'", "`": "'", "´": "'", "‹": "<", "›": ">", "〈": "<", "〉": ">",
    "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d",
})
_LEET_INSIDE = re.compile(r"[a-z][013457@$]|[013457@$][a-z]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})


def fold(text: str) -> str:
    """Lower-case ASCII-like text for the rules: NFKC, look-alikes folded, accents removed, no invisible characters."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text)).casefold().translate(_LOOK_ALIKES)
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


# ---- the rules ----------------------------------------------------------------------------------------------------

_SEP = r"[^\w.!?\n]+"  # between two words of one sentence


def _near(first: str, then: str, words: int) -> re.Pattern[str]:
    """``first`` followed within ``words`` words, in the same sentence, by ``then`` (both alternations)."""
    return re.compile(rf"\b(?:{first})\b(?:{_SEP}\w+){{0,{words}}}?{_SEP}(?:{then})\b")


_OVERRIDE_VERBS = (r"ignore|ignoring|ignora|ignorar|ignorez|ignorer|ignoriere|ignorieren|ignorier|ignoreer|negeer|"
                   r"disregard|disregarding|forget|olvida|olvidate|olvidar|oublie|oubliez|vergiss|vergesst|vergessen|"
                   r"esqueca|esquece|esquecer|dimentica|override|overrule|bypass|discard|descarta|desconsidera|"
                   r"desconsidere|stop following|no sigas|ne suis plus|nicht mehr befolgen")
_OVERRIDE_OBJECTS = (r"instructions?|instrucciones|instruccion|instrucoes|instrucao|istruzioni|consignes|anweisungen|"
                     r"anweisung|befehle|anordnungen|vorgaben|richtlinien|regeln|rules|reglas|regles|regras|regole|"
                     r"prompts?|guidelines|directives|directivas|diretrizes|directions|programming|programacion|"
                     r"programmation|programmierung|guardrails|restrictions|restricciones|restricoes|einschrankungen|"
                     r"constraints|polic(?:y|ies)|politicas|politiques|safeguards|filters|training|orders you")
_SCOPE = frozenset(("previous", "prior", "above", "earlier", "preceding", "initial", "original", "all", "any", "your",
                    "system", "existing", "old", "those", "these", "anteriores", "anterior", "previas", "todas", "todos",
                    "tus", "sus", "las", "precedentes", "precedente", "toutes", "tous", "vos", "tes", "vorherigen",
                    "vorherige", "bisherigen", "alle", "allen", "deine", "ihre", "obigen", "suas", "tuas", "as",
                    "precedenti", "tutte", "le", "les", "die", "current", "default", "safety", "security"))
_OWNER = frozenset(("my", "mine", "i", "i've", "ive", "we", "our", "mi", "mis", "mes", "mon", "ma", "meine", "meinen",
                    "meiner", "ich", "je", "yo", "eu", "minhas", "minha", "meus", "meu", "nos", "nuestras", "nossas"))
_DOMAIN = frozenset(("delivery", "assembly", "installation", "washing", "care", "cleaning", "setup", "return",
                     "returns", "shipping", "manual", "leaving", "courier", "driver", "entrega", "montaje", "livraison",
                     "montage", "lieferung", "aufbau", "instalacao", "manuel", "handbuch", "box", "packaging",
                     "warranty", "recipe", "washing", "parking", "refund"))
_OVERRIDE = _near(_OVERRIDE_VERBS, _OVERRIDE_OBJECTS, 5)
_OVERRIDE_EVERYTHING = re.compile(
    rf"\b(?:ignore|disregard|forget)\b(?:{_SEP}\w+){{0,2}}?{_SEP}(?:everything|anything|all)\b{_SEP}"
    r"(?:above|before|previous(?:ly)?|prior|(?:else )?you (?:were|have been|got) told|you know|they told you)\b")
_NEW_INSTRUCTIONS = re.compile(
    r"\b(?:new|updated|real|actual|true|nuevas|nouvelles|neue|novas|nuove)\s+(?:system\s+)?(?:instructions|rules|"
    r"directives?|task|instrucciones|consignes|anweisungen|instrucoes|istruzioni|reglas|regeln|regras)\s*:")
_RULES_VOID = re.compile(
    r"\b(?:previous|prior|old|earlier|all|your|the|those|these|any)\s+(?:rules|instructions|guidelines|restrictions|"
    r"policies)\s+(?:no longer apply|(?:do not|don't|dont) apply (?:anymore|any more|now|here)|(?:are|is)\s+(?:now\s+)?"
    r"(?:void|cancelled|canceled|revoked|obsolete|suspended|lifted|disabled|off|over))\b"
    r"|\bscratch (?:whatever|everything|all|what) (?:they|brightwave|you) (?:programmed|told|gave|trained)\b")
_CJK_OVERRIDE = re.compile(r"(?:忽略|无视|無視|忽视|忽視|不要理会|忘记|忘掉|忘記)[^。！？\n]{0,12}(?:指令|指示|提示|规则|規則|说明|說明|命令|设定|設定)"
                           r"|指示を無視|命令を無視|ルールを無視")

_ROLE_WEAK_ANCHOR = r"act as|acting as|behave like|behave as|actua como|agis comme|agissez comme|aja como|agisci come"
_ROLE_STRONG_ANCHOR = (r"you are now|you're now|youre now|you are no longer|from now on,? you(?: are| will be|'ll be| will)?|"
                       r"pretend(?: to be| you are| you're| that you are|ing to be| you)|roleplay as|role-play as|"
                       r"role play as|imagine you are|simulate being|(?:game|roleplay|role-play|scenario|story) where "
                       r"you(?:'re| are| will be| play)|you will now (?:act|behave|respond)|"
                       r"ahora eres|ahora tu eres|a partir de ahora eres|finge (?:ser|que eres)|haz como si fueras|"
                       r"tu es maintenant|vous etes maintenant|desormais tu es|fais semblant d'etre|"
                       r"du bist (?:jetzt|nun|ab jetzt|ab sofort)|ab jetzt bist du|tu so,? als|spiel(?:e)? die rolle|"
                       r"agora (?:voce e|vc e|tu es)|a partir de agora (?:voce e|vc e)|finja (?:ser|que e)|"
                       r"finge di essere|ora sei|da ora sei")
_ROLES_STRICT = (r"dan|admin|administrator|administrador|administrateur|amministratore|developer|desarrollador|"
                 r"developpeur|entwickler|desenvolvedor|sviluppatore|system|sistema|systeme|root|sudo|superuser|"
                 r"unrestricted|unfiltered|uncensored|jailbroken|jailbreak|evil|terminal|shell|linux|console|database|"
                 r"sql|chatgpt|gpt|llm|sin restricciones|sans restrictions|ohne einschrankungen|sem restricoes|"
                 r"an ai without|no restrictions|no rules|no limits")
_ROLES_LOOSE = (_ROLES_STRICT + r"|manager|supervisor|staff|employee|agent|ceo|owner|brightwave|gerente|jefe|"
                r"responsable|directeur|chef|vorgesetzter|leiter|gestor|account holder|another customer|"
                r"a different customer|the customer|not an assistant|not a bot|ai|assistant|bot|model")
_ROLE_WEAK = _near(_ROLE_WEAK_ANCHOR, _ROLES_STRICT, 3)
_ROLE_STRONG = _near(_ROLE_STRONG_ANCHOR, _ROLES_LOOSE, 4)
_CJK_ROLE = re.compile(r"你现在是|你現在是|现在你是|現在你是|假装你是|假裝你是|扮演(?:一个|一個)?(?:管理员|管理員|开发者|開發者|系统|系統|经理|經理)"
                       r"|あなたは今|管理者として振る舞")
_DAN = re.compile(r"\bDAN\b|\bD\.A\.N\.?")  # case kept: "Dan" is a name
_JAILBREAK_STRONG = re.compile(r"\bdo anything now\b|\bdan mode\b|\bstan mode\b|\bdude mode\b|\bmode dan\b|\bmodo dan\b")
_JAILBREAK_WEAK = re.compile(r"\bdeveloper mode\b|\bjailbr(?:eak|oken)\b|\bgod mode\b|\bmodo desarrollador\b|"
                             r"\bmode developpeur\b|\bentwicklermodus\b|\bmodo (?:de )?desenvolvedor\b|"
                             r"\b(?:no|without(?: any)?|zero) (?:restrictions|limits|filters|guardrails|censorship)\b")

_AUTHORITY = re.compile(
    r"\b(?:i am|i'm|im|this is|soy|je suis|c'est|ich bin|hier ist|sou|eu sou|aqui e|sono)\s+(?:the |your |brightwave'?s? |"
    r"el |le |l'|ton |votre |der |dein |ihr |o |seu |teu |il |tu )(?:(?:lead|senior|head|chief|system|site|it|platform) )?"
    r"(?:admin|administrator|sysadmin|developer|dev|engineer who (?:built|made|wrote) you|creator|programmer|"
    r"administrador|administrateur|entwickler|desarrollador|developpeur|desenvolvedor|amministratore)\b"
    r"|\b(?:admin|developer|root|sudo|maintenance|debug|security|system) (?:override|access|command|privileges)\b"
    r"|\bauthori[sz]ed by (?:brightwave|the (?:admin|system|management|developers?|security team))\b"
    r"|\b(?:message|notice|instruction) from (?:the )?(?:system|administrator|admin|developers?|openai|anthropic)\b")

_DELIMITER = re.compile(
    r"<\s*/?\s*(?:customer[\s_.-]*message|system|assistant|instructions?|user|admin|im_start|im_end)\s*>"
    r"|<\|\s*(?:im_start|im_end|system|endoftext|user|assistant|eot_id|start_header_id)\s*\|>"
    r"|\[/?\s*(?:inst|system|sys|admin)\s*\]|<<\s*/?\s*sys\s*>>"
    r"|\bend of (?:the )?(?:customer(?:'s)? )?(?:message|input|conversation|user input|data)\b"
    r"|^[ \t>]*#{1,6}[ \t]*(?:system|instructions?|new instructions?|admin|assistant)\b"
    r"|\bfin du message\b|\bfin del mensaje\b|\bende der nachricht\b|\bfim da mensagem\b",
    re.IGNORECASE | re.MULTILINE)
_ROLE_LINE = re.compile(r"^[ \t>]*(?:system|assistant|admin|developer|sistema|systeme)[ \t]*(?:message|prompt|note)?[ \t]*:",
                        re.IGNORECASE | re.MULTILINE)

_REVEAL = (r"repeat|reveal|print|show|tell|give|output|display|dump|leak|paste|copy|recite|spell out|write out|"
           r"share|send|list|translate|summari[sz]e|what are|what's|whats|what is|what were|repite|repetir|muestra|"
           r"muestrame|dime|revela|ensename|escribe|copia|repete|repetez|montre|montrez|affiche|dis-moi|dites-moi|"
           r"donne|donnez|revele|wiederhole|zeig|zeige|nenne|gib|verrate|schreib|kopiere|repita|mostre|mostra|"
           r"diga|me diga|ripeti|mostrami|dimmi|ecris|ecrivez")
_SYSTEM_PROMPT = re.compile(
    r"\b(?:system|initial|original|hidden|secret|developer|pre|meta|base)[\s-]?(?:prompt|instructions)\b"
    r"|\bsystemprompt\b|\b(?:ton|ta|votre|tu|dein|deinen|seu|teu) prompt\b"
    r"|\byour prompt\b(?=\s*(?:$|[.?!:;)\"']|verbatim|word for word|exactly|in full|above|back|to me|text|again|please|now|"
    r"below|here|and (?:your |the )?(?:rules|instructions)))"
    r"|\bprompt (?:del sistema|de sistema|do sistema|systeme|di sistema|inicial|initial|original)\b"
    r"|\binstrucciones (?:del sistema|de sistema|iniciales|ocultas|originales|secretas)\b"
    r"|\binstructions (?:systeme|initiales|cachees|secretes|d'origine)\b|\bsystem-?anweisungen\b"
    r"|\b(?:ursprunglichen|geheimen|versteckten) anweisungen\b|\binstrucoes (?:do sistema|iniciais|originais|ocultas|secretas)\b"
    r"|\bistruzioni (?:di sistema|iniziali|nascoste)\b")
_REVEAL_RULES = _near(
    _REVEAL,
    r"(?:your|tus|sus|tes|vos|deine|ihre|suas|tuas|le tue) (?:\w+ )?(?:instructions|instrucciones|instrucoes|anweisungen|"
    r"istruzioni|rules|reglas|regles|regeln|regras|guidelines|directives|consignes) (?:you (?:were|have been) given|"
    r"you (?:follow|have|got|were told)|above|verbatim|word for word|exactly|in full|literally|textualmente|"
    r"wortwortlich|mot pour mot|al pie de la letra)"
    r"|(?:your|tus|tes|vos|deine|suas) (?:configuration|config|programming|programacion|programmation|programmierung|"
    r"configuracion|konfiguration|configuracao)", 4)
_REVEAL_ABOVE = _near(
    _REVEAL,
    r"(?:text|words|everything|all|message|lines|content|instructions|texto|todo|tout|alles|tudo)(?:\s+\w+){0,2}?\s+"
    r"(?:above|before my message|that came before|at the (?:start|beginning|top) of (?:this|the) (?:conversation|chat|prompt))"
    r"|(?:everything|all|the text|the words) (?:above|prior)|starting with (?:'|\")?you are", 3)
_WHAT_RULES = re.compile(
    r"\bwhat (?:rules|instructions|guidelines|directives|prompts?)\s+(?:were|have|did|are|was)\s+(?:you\s+)?"
    r"(?:\w+\s+){0,2}?(?:given|told|give you|gave you|programmed|trained|configured|instructed|following|follow)\b")
_CJK_PROMPT = re.compile(r"系统提示|系統提示|提示词|提示詞|系统指令|系統指令|初始指令|你的指令|システムプロンプト|初期指示")

_DATA = (r"address(?:es)?|e-?mails?|e-?mail address(?:es)?|phones?|phone numbers?|mobile(?: numbers?)?|numbers|"
         r"contact(?: details| info)?|details|names?|full names?|info|information|data|personal|card|cards|payment|"
         r"orders?|order history|purchases|postcode|zip(?: code)?|dob|date of birth|account|where (?:they|he|she) lives?|"
         r"direccion(?:es)?|domicilio|correos?|telefonos?|movil|datos|nombres?|adresses?|courriels?|telephones?|"
         r"portable|coordonnees|donnees|noms?|anschrift|adressen|telefonnummer|handynummer|daten|namen|enderecos?|"
         r"telefones?|celular|dados|nomes?|indirizz[oi]|dati|pedidos?|commandes?|bestellungen|compras")
_OTHER_PEOPLE = re.compile(
    r"\b(?:another|other|different|all|every|each|any|previous|last|next|that|the other)\s+(?:customers?|clients?|users?|"
    r"buyers?|shoppers?|members?|account ?holders?)\b(?!\s+(?:service|support|care|services|team|reviews?|ratings?|have|"
    r"had|say|said|are|were|report|complain|agent|portal|experience))"
    r"|\b(?:customer|client|person|user|guy|lady|woman|man|people|someone|somebody|whoever|the one)s?\s+(?:who|that)\s+"
    r"(?:ordered|bought|placed|purchased|made|has|had|lives|owns|paid|received)\b"
    r"|\b(?:everyone|everybody)(?:'s|s)?\b|\b(?:who|whose)\s+(?:ordered|bought|placed|is behind|owns)\b"
    r"|\botros?\s+clientes?\b|\btodos\s+los\s+clientes\b|\bcada\s+cliente\b|\b(?:el|la|del|al)\s+cliente\s+que\b|"
    r"\b(?:la\s+)?persona\s+que\s+(?:pidio|compro|hizo)\b|\bquien\s+(?:pidio|compro|hizo)\b"
    r"|\bautres?\s+clients?\b|\btous\s+les\s+clients\b|\b(?:le|la|du|au|de la)\s+client(?:e)?\s+qui\b|\bla\s+personne\s+qui\b|"
    r"\bqui\s+a\s+(?:commande|achete)\b"
    r"|\banderen?\s+kunden\b|\balle(?:n|r)?\s+kunden\b|\bjede[ns]?\s+kunden\b|\bwer\s+(?:die\s+)?bestellung\b|\b(?:des|dem)\s+kunden\b|\bder\s+kundin\b|\bkunden,?\s+(?:der|die)\b"
    r"|\boutros?\s+clientes?\b|\btodos\s+os\s+clientes\b|\b(?:o|a|do|da|ao)\s+cliente\s+que\b|\bquem\s+(?:pediu|comprou|fez)\b"
    r"|\baltr[oi]\s+client[ei]\b|\btutti\s+i\s+clienti\b")
_DATA_WORDS = re.compile(rf"\b(?:{_DATA})\b")
_THIRD_PARTY = re.compile(  # someone else's contact details, asked for outright
    r"\b(?:give|tell|send|share|pass|forward|dm|text|email)\s+(?:me|us)\s+(?:\w+\s+){0,2}?(?:her|his|their)\s+"
    r"(?:e-?mail(?: address)?|address|home address|phone(?: number)?|mobile(?: number)?|number|contact details|"
    r"details|postcode|surname|full name)\b"
    r"|\bwhere\s+(?:does|do)\s+(?:she|he|they)\s+live\b"
    r"|\b(?:who|whose)\s+(?:ordered|placed|bought|owns)\s+(?:order\s+|the order\s+)?#?bw[-\s]?\d{4,}")
_CUSTOMER_STORE = re.compile(
    r"\b(?:customer|client|user)s?\s+(?:list|lists|database|table|records|db|export|dump|file)\b"
    r"|\b(?:lista|base)\s+de\s+(?:datos\s+de\s+)?clientes\b|\b(?:liste|base|fichier)\s+(?:des\s+|de\s+)?(?:donnees\s+)?clients?\b"
    r"|\bkunden(?:liste|daten(?:bank)?|kartei|datei)\b|\b(?:lista|base)\s+de\s+(?:dados\s+de\s+)?clientes\b"
    r"|\bselect\s+\*\s+from\b|\bfrom\s+customers\b")
_NAMED_PERSON_DATA = re.compile(  # case kept: a person's name after "the address of"
    r"\b(?:order history|[Aa]ddress(?:es)?|[Pp]hone(?: number)?|[Ee]-?mail(?: address)?|[Cc]ontact details|[Dd]etails)\s+"
    r"(?:and\s+\w+\s+)?(?:of|for)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?"
    r"(?!Brightwave\b|Support\b|Customer\b|Home\b|Service\b|Team\b|Order\b)[A-Z][a-z]+\s+[A-Z][a-z]+")
_LIST_ALL = re.compile(
    rf"\b(?:list|dump|export|print|output|send me|give me|show me|share|display|email me)\b(?:{_SEP}\w+){{0,2}}?{_SEP}"
    r"(?:all|every|the full|the whole|the complete|the entire)\s+(?:(?:of|the|your|registered|customer|customers'?|client|"
    r"user|stored|saved|other)\s+){0,3}(?:e-?mails?|e-?mail addresses|addresses|phone numbers|numbers|customers?|clients?|"
    r"users?|accounts|names|records|contacts)\b")
_CJK_OTHERS = re.compile(r"(?:其他|其它|所有|别的|別的|另一个|另一個|另一位)(?:的)?(?:客户|顧客|顾客|用户|用戶|客戶)[^。！？\n]{0,20}"
                         r"(?:地址|电话|電話|邮箱|郵箱|电子邮件|資料|资料|信息|資訊|手机|手機|订单|訂單)|客户名单|客戶名單|用户列表")
_SELF = re.compile(r"\b(?:my|mine|our|mi|mis|mes|mon|ma|meine[nr]?|minha|minhas|meu|meus)\b")

_NOTES = re.compile(
    r"\b(?:internal|private|staff|agents?|team|hidden|admin|confidential|escalation|supervisor|employee)(?:'s|s')?\s+"
    r"(?:notes?|comments?|memos?|remarks|annotations)\b"
    r"|\bnotes?\s+(?:the|your)\s+(?:agents?|staff|team|supervisors?|colleagues?)\s+(?:wrote|left|made|added|put|have)\b"
    r"|\bwhat\s+(?:did|have)\s+(?:the|your)\s+(?:agents?|staff|team|colleagues?)\s+(?:write|written|note|noted)\b"
    r"|\bnotas\s+(?:internas|privadas|del agente|de los agentes)\b|\bnotes\s+(?:internes|privees|des agents)\b"
    r"|\binterne[n]?\s+(?:notizen|vermerke|kommentare|notiz|anmerkungen)\b|\b(?:anotacoes|notas|observacoes)\s+internas\b"
    r"|\bwhat (?:the|your|those|their) (?:internal |staff |agent |account )?notes? (?:say|says|said)\b"
    r"|\bnote\s+interne\b|内部备注|內部備註|内部笔记|內部筆記|内部记录|內部記錄|内部注释|社内メモ")
_NOTES_WEAK = re.compile(r"\bnotes?\s+(?:on|about|attached to|in)\s+(?:my|this|the)\s+(?:account|file|case|profile|ticket)\b"
                         r"|\b(?:flagged|marked) (?:my|this) account\b")

_DECODE_AND_FOLLOW = _near(r"decode|decodifica|decodifique|decodez|decoder|dekodiere|base64|b64|rot13",
                           r"follow|execute|obey|sigue|ejecuta|obedece|suis|suivez|executez|befolge|fuhre|siga|"
                           r"obedeca|segui|esegui|do what it says|do as it says", 6)

_SENTENCE = re.compile(r"[^.!?\n。！？]+")

Rule = tuple[str, float, str]  # (code, weight, reason)

REASONS = {
    "override": "asks the assistant to ignore its instructions",
    "role_play": "role play to change who the assistant is",
    "jailbreak": "jailbreak wording",
    "system_prompt": "asks for the system prompt or the assistant's instructions",
    "other_customer": "asks for another customer's data",
    "internal_notes": "asks for internal notes",
    "delimiter": "imitates a system or data delimiter",
    "authority": "claims to be an admin, a developer or the system",
    "decode_and_follow": "asks to decode and follow hidden text",
}
WEAK = {"jailbreak": 0.5, "authority": 0.5, "internal_notes_weak": 0.5, "role_line": 0.5}
GOALS = ("system_prompt", "other_customer", "internal_notes")  # what a reply must never give


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[:SNIPPET - 1] + "…"


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w']+", text))


def _override_hits(text: str) -> Iterator[re.Match[str]]:
    for m in _OVERRIDE.finditer(text):
        words = _words(m.group(0))
        if words & _SCOPE and not words & _OWNER and not words & _DOMAIN:
            yield m
    yield from _OVERRIDE_EVERYTHING.finditer(text)
    yield from _NEW_INSTRUCTIONS.finditer(text)
    yield from _RULES_VOID.finditer(text)
    yield from _CJK_OVERRIDE.finditer(text)


_AROUND = 300  # characters either side of a mention of other people searched for a kind of data, in its sentence


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], at most _AROUND characters either side (bounded, so linear overall)."""
    before = text[max(0, start - _AROUND):start]
    head = before[max(before.rfind(mark) for mark in ".!?\n。！？") + 1:]
    tail = _SENTENCE.match(text[end:end + _AROUND])
    return head + text[start:end] + (tail.group(0) if tail else "")


def _other_customer_hits(text: str) -> Iterator[tuple[int, str]]:
    for people in _OTHER_PEOPLE.finditer(text):
        sentence = _sentence_around(text, people.start(), people.end())
        if _DATA_WORDS.search(sentence):
            yield people.start(), sentence
    for m in _THIRD_PARTY.finditer(text):
        yield m.start(), m.group(0)
    for m in _CUSTOMER_STORE.finditer(text):
        yield m.start(), m.group(0)
    for m in _LIST_ALL.finditer(text):
        if not _SELF.search(m.group(0)):
            yield m.start(), m.group(0)
    for m in _CJK_OTHERS.finditer(text):
        yield m.start(), m.group(0)


def _rule_hits(original: str, folded: str) -> Iterator[tuple[str, int, str]]:
    """(code, position in ``folded``, the words that fired it) for every rule that fires on one channel (-1: found
    in the original's case, position unknown)."""
    for m in _NAMED_PERSON_DATA.finditer(original):
        yield "other_customer", -1, m.group(0)
    for m in _override_hits(folded):
        yield "override", m.start(), m.group(0)
    for pattern in (_ROLE_WEAK, _ROLE_STRONG, _CJK_ROLE):
        for m in pattern.finditer(folded):
            yield "role_play", m.start(), m.group(0)
    for m in _JAILBREAK_STRONG.finditer(folded):
        yield "role_play", m.start(), m.group(0)
    for m in _DAN.finditer(original):
        yield "role_play", -1, m.group(0)
    for m in _JAILBREAK_WEAK.finditer(folded):
        yield "jailbreak", m.start(), m.group(0)
    for pattern in (_SYSTEM_PROMPT, _REVEAL_RULES, _REVEAL_ABOVE, _WHAT_RULES, _CJK_PROMPT):
        for m in pattern.finditer(folded):
            yield "system_prompt", m.start(), m.group(0)
    for start, words in _other_customer_hits(folded):
        yield "other_customer", start, words
    for m in _NOTES.finditer(folded):
        yield "internal_notes", m.start(), m.group(0)
    for m in _NOTES_WEAK.finditer(folded):
        yield "internal_notes_weak", m.start(), m.group(0)
    for m in _AUTHORITY.finditer(folded):
        yield "authority", m.start(), m.group(0)
    for m in _DECODE_AND_FOLLOW.finditer(folded):
        yield "decode_and_follow", m.start(), m.group(0)


_QUOTES = re.compile(r"[\"“”«»„]")


class _Quotes:
    """Whether a position is between double quotes (an odd number of quote marks before it)."""

    def __init__(self, text: str) -> None:
        self.marks = [m.start() for m in _QUOTES.finditer(text)]

    def inside(self, position: int) -> bool:
        return position >= 0 and bisect.bisect_left(self.marks, position) % 2 == 1


# ---- channels -----------------------------------------------------------------------------------------------------


_VOID = frozenset(("br", "hr", "img", "input", "meta", "link", "area", "base", "col", "source", "track", "wbr", "param",
                   "embed"))


def _next_hiding_tag(text: str, at: int) -> re.Match[str] | None:
    tag = _OPEN_TAG.search(text, at)
    while tag is not None and (tag.group(1).lower() in _VOID or not _HIDING.search(tag.group(2))):
        tag = _OPEN_TAG.search(text, tag.end())
    return tag


def _hidden_html(text: str) -> tuple[str, list[str]]:
    """(the text without HTML comments and hidden elements, the hidden texts). Linear: the next comment and the next
    hiding tag are each looked for again only once passed, and an unclosed comment or element hides the rest once."""
    if "<" not in text:
        return text, []
    kept: list[str] = []
    hidden: list[str] = []
    at = 0
    comment = text.find("<!--")
    tag = _next_hiding_tag(text, 0)
    while at < len(text):
        if 0 <= comment < at:
            comment = text.find("<!--", at)
        if tag is not None and tag.start() < at:
            tag = _next_hiding_tag(text, at)
        if comment < 0 and tag is None:
            break
        if comment >= 0 and (tag is None or comment < tag.start()):
            end = text.find("-->", comment + 4)
            kept.append(text[at:comment])
            hidden.append(text[comment + 4:end if end >= 0 else len(text)])
            at = end + 3 if end >= 0 else len(text)
        elif tag is not None:
            close = re.compile(rf"<\s*/\s*{re.escape(tag.group(1))}\s*>", re.IGNORECASE).search(text, tag.end())
            kept.append(text[at:tag.start()])
            hidden.append(text[tag.end():close.start() if close else len(text)])
            at = close.end() if close else len(text)
    kept.append(text[at:])
    return "".join(kept), hidden


def _markdown_hidden(text: str) -> list[str]:
    if "](" not in text and "]:" not in text and "![" not in text:
        return []
    found = [m.group(1) for m in _MD_IMAGE_ALT.finditer(text)][:50]
    found += [m.group(1) or m.group(2) for m in _MD_TITLE.finditer(text)]
    found += [m.group(1) or m.group(2) or m.group(3) or "" for m in _MD_REFERENCE.finditer(text)]
    return [f for f in found if f][:50]


def _tag_text(text: str) -> tuple[str, int]:
    """(the ASCII the TAG characters spell, how many there were), the tags of a subdivision flag emoji left out."""
    if not _TAG_RUN.search(text):
        return "", 0
    text = _FLAG_TAGS.sub("", text)
    spelled = []
    count = 0
    for run in _TAG_RUN.finditer(text):
        count += len(run.group(0))
        spelled.append("".join(chr(ord(ch) - 0xE0000) if 0xE0020 <= ord(ch) <= 0xE007E else " " for ch in run.group(0)))
    return " ".join(spelled).strip(), count


def _base64_texts(text: str) -> list[str]:
    decoded: list[str] = []
    for m in _BASE64.finditer(text):
        if len(decoded) >= MAX_BASE64_BLOBS:
            break
        blob = m.group(0)[:MAX_BASE64_CHARS]
        if not any(ch.isdigit() or ch in "+/=" for ch in blob) and not any(ch.isupper() for ch in blob[1:]):
            continue  # a long plain word, not base64
        try:
            raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        printable = sum(ch.isprintable() or ch in "\n\t" for ch in raw)
        if raw and printable / len(raw) > 0.95 and len(re.findall(r"[^\W\d_]{2,}", raw)) >= 3:
            decoded.append(raw)
    return decoded


def _reversed_runs(text: str) -> list[str]:
    return [m.group(1)[::-1] for m in _RLO_RUN.finditer(text)]


_WHERE = {
    "visible": "",
    "html": " — hidden in HTML (a comment or an invisible element)",
    "markdown": " — in markdown image alt text, a link title or a reference definition",
    "tags": " — written in invisible Unicode TAG characters",
    "base64": " — base64-encoded",
    "reversed": " — reversed by a bidi override",
}


def _channels(text: str) -> tuple[dict[str, list[str]], list[Rule]]:
    """The texts to read per channel, and the findings about hidden characters themselves."""
    findings: list[Rule] = []
    if "&" in text:
        text = html.unescape(text)
    tags, tag_count = _tag_text(text)
    if tags and re.search(r"[A-Za-z]{2}", tags):
        findings.append(("tag_characters", 1.0,
                         f"hidden text in invisible Unicode TAG characters ({tag_count}): “{_snippet(tags)}”"))
    zero_width = len(_ZERO_WIDTH_IN_WORD.findall(text))
    if zero_width >= 2:
        findings.append(("zero_width", 0.5, f"zero-width characters inside words ({zero_width})"))
    reversed_runs: list[str] = []
    if _BIDI.search(text):
        findings.append(("bidi", 0.5, "bidi override characters: the text is shown in another order than it is read"))
        reversed_runs = _reversed_runs(text[:2 * SCAN_CHARS])[:50]
    visible = _INVISIBLE.sub("", text)[:2 * SCAN_CHARS]
    visible, hidden = _hidden_html(visible)
    visible = visible[:SCAN_CHARS]
    hidden = [h[:SCAN_CHARS] for h in hidden[:50] if re.search(r"[^\W\d_]{2}", h)]
    if hidden:
        findings.append(("hidden_html", 0.5, f"hidden HTML text: “{_snippet(' '.join(hidden))}”"))
    markdown = _markdown_hidden(visible)
    decoded = _base64_texts(visible)
    if decoded:
        findings.append(("base64", 0.3, f"base64-encoded text: “{_snippet(decoded[0])}”"))
    channels = {"visible": [visible], "html": hidden, "markdown": markdown, "tags": [tags[:SCAN_CHARS]] if tags else [],
                "base64": decoded, "reversed": reversed_runs}
    return channels, findings


def scan(text: str) -> InjectionCheck:
    """The prompt-injection check of one customer message (raw or cleaned; any length up to the message limit)."""
    if not isinstance(text, str) or not text:
        return InjectionCheck()
    channels, findings = _channels(text)
    best: dict[str, tuple[float, str]] = {}
    for code, weight, reason in findings:
        best[code] = (weight, reason)
    for channel, texts in channels.items():
        for raw in texts:
            stripped = _ANY_TAG.sub(" ", raw) if channel == "visible" else raw
            folded = fold(stripped)
            variants = [(raw, folded)]
            if _LEET_INSIDE.search(folded):
                variants.append((raw, folded.translate(_LEET)))
            delimiter_text = fold(raw)
            hits = [*(( "delimiter", m.start(), m.group(0)) for m in _DELIMITER.finditer(delimiter_text)),
                    *(("role_line", m.start(), m.group(0)) for m in _ROLE_LINE.finditer(delimiter_text))]
            quotes = _Quotes(folded)
            for original, variant in variants:
                hits += list(_rule_hits(original, variant))
            for code, position, words in hits:
                weight = WEAK.get(code, 1.0)
                if channel == "visible" and code not in ("delimiter", "role_line") and quotes.inside(position):
                    weight = min(weight, QUOTED_WEIGHT)
                label = REASONS.get(code.removesuffix("_weak"), code)
                if code == "role_line":
                    label = REASONS["delimiter"]
                reason = f"{label} (“{_snippet(words)}”){_WHERE[channel]}"
                key = code.removesuffix("_weak") if code != "role_line" else "delimiter"
                held = best.get(key, (0.0, ""))[0]
                if weight > held or (weight == held and channel != "visible"):  # name where it was hidden
                    best[key] = (weight, reason)
    total = sum(weight for weight, _ in best.values())
    ordered = sorted(best.items(), key=lambda item: -item[1][0])
    return InjectionCheck(flagged=total >= FLAG_AT, score=round(min(float(total), 1.0), 2),
                          reasons=tuple(reason for _, (_, reason) in ordered),
                          codes=tuple(code for code, _ in ordered))


_HIDDEN_FOR_MODELS = re.compile(r"<!--|<[a-zA-Z]")


def for_models(text: str) -> str:
    """The text a model may read: invisible characters (TAG, zero-width, bidi) removed, HTML comments and hidden
    elements taken out. Everything else is kept as written."""
    text = _INVISIBLE.sub("", text)
    if _HIDDEN_FOR_MODELS.search(text):
        text, _ = _hidden_html(text)
    return text
