"""The one redaction engine (Woo art. 5.1, tweede lid, onder e) for every published text.

The raadsmededeling and the public version of meeting minutes both go through
:class:`Redactor`. It finds, in running Dutch text:

- **names of people the portal knows** (every person-bearing field, collected
  through ``inclusie.registry.person_sources``), however they are written:
  any whitespace between the parts (non-breaking space, line break, several
  spaces, soft hyphens), any case, diacritics folded (é/e, ë/e, ü/u, ij/y),
  possessive ("Jansens", "Jansen's", "Evers'") and hyphenated forms
  ("Jansen-de Vries", "Jansen-achtig"), initials with the surname ("K.
  Klankbord", "K.L. Klankbord"), the surname after a title or role ("mevrouw
  Klankbord", "mw. Klankbord", "dhr. Evers", "de heer Evers", "kwartiermaker
  Bakker"), with or without the tussenvoegsel ("Van der Berg", "van der Berg");
- **e-mail addresses** (all of them, except the gemeente's own contact address);
- **phone numbers** in Dutch formats (06-12345678, +31 6 1234 5678,
  0570-123456, (0570) 12 34 56, 0031 ...);
- **usernames** of accounts.

Names that are also ordinary Dutch words (decision, see ``COMMON_WORDS``):
a name part that is an ordinary word ("Klankbord", "Bakker", "de Groot",
"Wethouder", "Ben") is redacted only where it reads as a name: after a title
or role word, after initials, after the person's given name, after its
tussenvoegsel with a capital ("de Groot"), or with a capital in the middle of
a sentence. "het klankbord adviseerde" and "Groot nieuws" stay. Name parts
that are not ordinary words ("Jansen", "Zandbergen") are redacted in every
case and position. The adviser sees every redaction in the preview and can add
what the engine missed (a selection, or typed) and lift a wrong one with a
reason.

What stays: the names of public office holders (``OpenbaarAmbtsdrager`` and
the gemeente profile's portefeuillehouder, burgemeester and secretaris where
filled in), role words ("Kwartiermaker", "Wethouder") and the names of
organisations, wijken and pijlers. A surname an office holder shares with
another person is redacted when it stands alone (privacy first) and kept after
the office word ("wethouder Evers") or with the office holder's given name.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

WOO_GROND = "5.1.2e"

# Kinds of redaction; the label is what the public text shows.
NAAM = "persoonsnaam"
EMAIL = "e-mailadres"
TELEFOON = "telefoonnummer"
GEBRUIKERSNAAM = "gebruikersnaam"
HANDMATIG = "persoonsgegeven"
KINDS = (NAAM, EMAIL, TELEFOON, GEBRUIKERSNAAM, HANDMATIG)
_PROTECTED = "protected"


def marker(kind: str = NAAM) -> str:
    """The text that replaces a redacted passage: kind and Woo ground."""
    return f"[gelakt: {kind}, Woo {WOO_GROND}]"


TUSSENVOEGSELS = frozenset(
    "van de der den het 't te ter ten in op onder over uit aan bij voor "
    "d' l' la le les du da das dos di del della el al von vom zu zum zur".split()
)

# Words that precede a name: titles, forms of address and role words.
TITLES = (
    "mevrouw mevr mw mej juffrouw meneer mijnheer mnr dhr heer hr mr dr drs ir ing "
    "prof ds dominee familie fam"
).split() + ["de heer"]
ROLE_WORDS = frozenset(
    """kwartiermaker kwartiermakers wethouder wethouders burgemeester secretaris
    gemeentesecretaris beleidsadviseur beleidsadviseurs adviseur ambassadeur
    ambassadeurs voorzitter voorzitster klankbordlid klankbordleden lid leden
    collega coordinator coördinator directeur directrice manager beheerder
    portefeuillehouder raadslid raadsleden ervaringsdeskundige notulist
    projectleider teamleider medewerker vrijwilliger griffier programmamanager trekker
    kartrekker gastspreker spreker gast gasten deelnemer deelnemers iedereen alle allen
    organisator penvoerder team werkgroep stuurgroep gemeente college bestuur directie""".split()
)

# Ordinary Dutch words that are also (parts of) Dutch names. A name part in
# this list is redacted only in name-like context (see the module docstring).
# The list is deliberately readable, so a jurist can check it; the portal adds
# its own vocabulary (role words, gemeente terms) at run time.
COMMON_WORDS = frozenset(
    """
    aan af al alle als bak bakker bakkers bas beek beer beheer beleid ben berg bergen
    bes bij blank blauw blind bloem blom bloemen boer boeren bol bom boom boon bos bosch
    boot bouwman brand breed brink broek brood brouwer brug bruin buis burg dag dal dam
    dank das degen dekker deur dief dijk dik dokter dolf donker dorp dreef duif duin
    duiven eik eind eng erf feest fier fijn gans geel geit glas goed goede gouw graaf
    groen groot haag haan haas hal ham hamer hart haven heer heide hek held helder hemel
    hengel herder hert hoek hof hoge hol hoop hoorn horst hout huis hulst jager jong
    jonge kaal kaas kamp kamer kant kapper kat keizer kerk kerkhof klein klerk klok
    klankbord knol knecht kock koe koek kok koning koster kort kraai kramer kroon kuiper
    kwartier laan lam land lang lange leeuw leeuwen lente licht linde linden lof loos
    maan maas mark meer meester melk mens mier mol molen mos muis mulder noord noorden
    oost oosten oud paap pas peer pen plaat plas plein poort post pot prins raaf ram
    rijk rijn roos rood rook ros rot rust schaap schaaf schat scheper schipper school
    schot schouten sluis smid smit snel spijker stal steen sterk stok straat stam storm
    stroom tak timmer toren veen veld ven visser vlag vogel vos vrede vrij vroom
    vuur waal wal water weg wever wiel wijk wil wilg winter wit wolf zand zee zijl zomer
    zon zuid zuiden zwaan zwart
    de het een en of maar dus want toen nu dan hier daar wie wat waar hoe ik je jij hij
    zij wij we ze u men ook nog al wel niet geen meer veel weinig heel zeer goed mooi
    groot klein nieuw oud eerste laatste jaar maand week dag uur kwart
    """.split()
)

# Whitespace the parts of a name may be separated by; characters that vanish.
_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u3000"
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2212"
_APOSTROPHES = "\u2019\u2018\u02bc\u00b4`\u2032"
# Letters without a decomposition that people still write without their mark.
_LETTERS = {
    "ı": "i",
    "İ": "i",
    "ø": "o",
    "Ø": "o",
    "ł": "l",
    "Ł": "l",
    "đ": "d",
    "Đ": "d",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ß": "ss",
    "ĳ": "ij",
    "Ĳ": "ij",
}


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c.isspace() or c in _SPACES:
        return " "
    if c in _INVISIBLE:
        return ""
    if c in _HYPHENS:
        return "-"
    if c in _APOSTROPHES:
        return "'"
    if c in _LETTERS:
        return _LETTERS[c]
    decomposed = unicodedata.normalize("NFKD", c)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def fold(text: str) -> str:
    """Lowercase, diacritics off, every kind of space a space: how names are compared."""
    return "".join(_fold_char(c) for c in text)


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    index: list[int] = []
    for i, c in enumerate(text):
        for ch in _fold_char(c):
            out.append(ch)
            index.append(i)
    return "".join(out), index


def _token_pattern(token: str) -> str:
    """A regex for one folded name token: ij/y interchangeable, hyphens spaced freely."""
    parts = []
    i = 0
    while i < len(token):
        if token.startswith("ij", i):
            parts.append("(?:ij|y)")
            i += 2
            continue
        c = token[i]
        if c == "y":
            parts.append("(?:y|ij)")
        elif c == "-":
            parts.append(r"\s*-\s*")
        elif c == ".":
            parts.append(r"\.?")
        else:
            parts.append(re.escape(c))
        i += 1
    return "".join(parts)


def _seq(tokens: Iterable[str]) -> str:
    return r"\s+".join(_token_pattern(t) for t in tokens)


# Optional endings: hyphenated continuation ("Jansen-achtig") and possessive.
_SUFFIX = r"(?:-\w+)*(?:'s|'|s)?"
_INITIALS = r"(?:[^\W\d_]\s?\.\s*){1,4}"
_TITLE = r"(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in TITLES) + r")\.?"


@dataclass(frozen=True)
class PersonRef:
    """What the portal knows of one person; every field optional."""

    naam: str = ""
    email: str = ""
    gebruikersnaam: str = ""
    telefoon: str = ""


@dataclass(frozen=True)
class Hit:
    """One passage the engine (or the adviser) redacts, or keeps on purpose."""

    veld: str
    start: int
    eind: int
    tekst: str
    soort: str
    opgeheven: bool = False

    @property
    def sleutel(self) -> str:
        """Identifies this occurrence for a lift: field, position and the text itself."""
        return f"{self.veld}:{self.start}:{self.tekst}"

    @property
    def marker(self) -> str:
        return marker(self.soort)


@dataclass
class Result:
    """The redacted texts and every hit, per field (in text order)."""

    originelen: dict[str, str]
    teksten: dict[str, str]
    hits: dict[str, list[Hit]] = field(default_factory=dict)

    @property
    def alle_hits(self) -> list[Hit]:
        return [h for hits in self.hits.values() for h in hits]

    @property
    def aantal(self) -> int:
        return sum(1 for h in self.alle_hits if not h.opgeheven)

    def tellingen(self) -> dict[tuple[str, str], int]:
        """(kind, text as written) -> number of redactions; for the publication log."""
        counts: dict[tuple[str, str], int] = {}
        for h in self.alle_hits:
            if not h.opgeheven:
                key = (h.soort, " ".join(h.tekst.split()))
                counts[key] = counts.get(key, 0) + 1
        return counts

    def segmenten(self, veld: str) -> list[tuple[str, Hit | None]]:
        """The original text of a field cut into plain parts and hits, for the preview."""
        text = self.originelen.get(veld, "")
        out: list[tuple[str, Hit | None]] = []
        pos = 0
        for h in self.hits.get(veld, []):
            if h.start > pos:
                out.append((text[pos : h.start], None))
            out.append((text[h.start : h.eind], h))
            pos = h.eind
        if pos < len(text):
            out.append((text[pos:], None))
        return out

    @property
    def sleutel(self) -> str:
        """A fingerprint of the texts and of every redaction decision.

        The preview shows it; publishing recomputes it and refuses when it
        differs (text, names, additions or lifts changed since the preview).
        """
        payload = {
            "teksten": self.originelen,
            "hits": [(h.veld, h.start, h.eind, h.soort, h.opgeheven) for h in self.alle_hits],
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()


@dataclass
class _Candidate:
    start: int  # in folded text
    end: int
    kind: str
    manual: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class _NameParts:
    given: list[str]
    tussen: list[str]
    surname: list[str]


def split_name(naam: str) -> _NameParts:
    """Given names, tussenvoegsels and surname of a folded Dutch name."""
    tokens = [t for t in fold(naam).replace(",", " ").split() if t]
    if len(tokens) <= 1:
        return _NameParts([], [], tokens)
    for i in range(1, len(tokens)):
        if tokens[i] in TUSSENVOEGSELS:
            j = i
            while j < len(tokens) - 1 and tokens[j] in TUSSENVOEGSELS:
                j += 1
            return _NameParts(tokens[:i], tokens[i:j], tokens[j:])
    for i in range(1, len(tokens)):
        if "-" in tokens[i]:
            return _NameParts(tokens[:i], [], tokens[i:])
    return _NameParts(tokens[:-1], [], tokens[-1:])


_SENTENCE_END = set(".!?:•*#>")
_CONTEXT_WORDS = ROLE_WORDS | set(TITLES) | {"heer"}


def _sentence_initial(original: str, start: int) -> bool:
    i = start - 1
    saw_newline = False
    while i >= 0 and (original[i].isspace() or original[i] in "\"'“‘(«[-–"):
        saw_newline = saw_newline or original[i] == "\n"
        i -= 1
    if i < 0:
        return True
    if original[i] in _SENTENCE_END:
        return True
    return saw_newline and not (original[i].isalnum() or original[i] == ",")


def _after_capitalised_word(original: str, start: int) -> bool:
    """'Stappenplan Inclusief Beleid': a capital after a capital is a title, not a name."""
    before = original[:start].rstrip()
    words = before.split()
    if not words or before.endswith((",", ";", "(", ":")):
        return False
    last = words[-1].strip("\"'“‘(")
    if not last or not last[0].isupper() or fold(last).rstrip(".") in _CONTEXT_WORDS:
        return False
    # "Met Bakker" opens a sentence: that capital says nothing, so Bakker is a name.
    return not _sentence_initial(original, before.rfind(words[-1]))


def _capitalised(original: str) -> bool:
    letters = [c for c in original if c.isalpha()]
    return bool(letters) and letters[0].isupper() and not (len(letters) > 1 and original.isupper())


@dataclass
class _Rule:
    regex: re.Pattern
    kind: str
    # "any": always; "cap": the name group must start with a capital and not be
    # sentence-initial; "cap_anywhere": starts with a capital (tussenvoegsel form).
    condition: str = "any"
    manual: bool = False


class Redactor:
    """Finds and redacts personal data in texts. Build once, use for many fields."""

    def __init__(
        self,
        people: Iterable[PersonRef],
        *,
        protected_names: Iterable[str] = (),
        protected_phrases: Iterable[str] = (),
        protected_emails: Iterable[str] = (),
        extra: Iterable[str] = (),
        lifted: Iterable[str] = (),
        common_words: Iterable[str] = (),
    ) -> None:
        self.common = COMMON_WORDS | ROLE_WORDS | {fold(w) for w in common_words}
        self.lifted = set(lifted)
        self.rules: list[_Rule] = []
        people = list(people)
        protected_names = [n for n in protected_names if n and n.strip()]
        protected_folded = {" ".join(fold(n).split()) for n in protected_names}
        redact_surnames: set[str] = set()
        names: set[str] = set()
        emails: set[str] = set()
        usernames: set[str] = set()
        phrases = [p for p in protected_phrases if p and len(p.strip()) >= 2]
        phrases_folded = {" ".join(fold(p).split()) for p in phrases}
        for p in people:
            naam = " ".join(fold(p.naam).split())
            if (
                naam
                and naam not in protected_folded
                and naam not in phrases_folded
                and not self._is_role_or_word(naam)
            ):
                names.add(p.naam)
                redact_surnames.add(" ".join(split_name(p.naam).surname))
            if p.email:
                emails.add(fold(p.email.strip()))
            if p.gebruikersnaam and p.gebruikersnaam.strip():
                usernames.add(fold(p.gebruikersnaam.strip()))
        for naam in sorted(names):
            self._add_name_rules(naam, NAAM)
        for naam in protected_names:
            self._add_name_rules(naam, _PROTECTED, shared_surnames=redact_surnames)
        for phrase in phrases:
            tokens = fold(phrase).split()
            self.rules.append(
                _Rule(re.compile(r"(?<!\w)(?P<n>" + _seq(tokens) + r")(?!\w)"), _PROTECTED)
            )
        self.protected_emails = {fold(e.strip()) for e in protected_emails if e}
        for username in sorted(usernames):
            self._add_username_rules(username)
        for text in extra:
            tokens = fold(text).split()
            if tokens:
                self.rules.append(
                    _Rule(
                        re.compile(r"(?<!\w)(?P<n>" + _seq(tokens) + r")(?!\w)"),
                        HANDMATIG,
                        manual=True,
                    )
                )

    # -- rules ------------------------------------------------------------------

    def _is_role_or_word(self, folded_name: str) -> bool:
        """A 'name' that is only role words ("De kwartiermaker") names nobody."""
        return all(t in ROLE_WORDS or t in TUSSENVOEGSELS for t in folded_name.split())

    def _add(self, pattern: str, kind: str, condition: str = "any") -> None:
        self.rules.append(_Rule(re.compile(pattern), kind, condition))

    def _add_name_rules(self, naam: str, kind: str, shared_surnames: set[str] = frozenset()):
        parts = split_name(naam)
        surnames = [(parts.tussen, parts.surname)]
        # Each half of a double surname ("Jansen-de Vries") also names the person.
        joined = " ".join(parts.surname)
        if "-" in joined:
            for half in joined.split("-"):
                half_parts = split_name("x " + half.strip())
                if half_parts.surname:
                    surnames.append((half_parts.tussen, half_parts.surname))
        for tussen, surname in surnames:
            if not surname or all(t in TUSSENVOEGSELS for t in surname):
                continue
            sur = _seq(surname)
            tus_opt = rf"(?:{_seq(tussen)}\s+)?" if tussen else ""
            tus_req = rf"{_seq(tussen)}\s+" if tussen else ""
            core = tus_opt + sur
            if parts.given:
                given = _token_pattern(parts.given[0]) + "".join(
                    rf"(?:\s+{_token_pattern(g)})?" for g in parts.given[1:]
                )
                self._add(rf"(?<!\w)(?P<n>{given}\s+{core}{_SUFFIX})(?!\w)", kind)
            surname_text = " ".join(surname)
            if kind == _PROTECTED:
                # An office holder: own initials, the office word, and (when no other
                # person shares the surname) titles and the surname alone.
                own = "".join(rf"{re.escape(g[0])}\s?\.\s*" for g in parts.given)
                if own:
                    self._add(rf"(?<!\w)(?P<n>{own}{core}{_SUFFIX})(?!\w)", kind)
                offices = "wethouder|burgemeester|secretaris|gemeentesecretaris|portefeuillehouder"
                self._add(rf"(?<!\w)(?:{offices})\s+(?P<n>{core}{_SUFFIX})(?!\w)", kind)
                if surname_text in shared_surnames:
                    continue  # privacy first: "dhr. Evers" may be the other Evers
            else:
                self._add(rf"(?<!\w)(?P<n>{_INITIALS}{core}{_SUFFIX})(?!\w)", kind)
                roles = "|".join(sorted(ROLE_WORDS))
                self._add(rf"(?<!\w)(?:{roles})\s+(?P<n>{core}{_SUFFIX})(?!\w)", kind)
            self._add(rf"(?<!\w){_TITLE}\s+(?P<n>(?:{_INITIALS})?{core}{_SUFFIX})(?!\w)", kind)
            if any(t in ROLE_WORDS for t in surname):
                continue  # "Ayla Ambassadeur": the role word alone stays a role word
            if self._ordinary(surname):
                if tussen:
                    self._add(rf"(?<!\w)(?P<n>{tus_req}{sur}{_SUFFIX})(?!\w)", kind, "cap_last")
                self._add(rf"(?<!\w)(?P<n>{core}{_SUFFIX})(?!\w)", kind, "cap")
            else:
                self._add(rf"(?<!\w)(?P<n>{core}{_SUFFIX})(?!\w)", kind)
        if kind == _PROTECTED:
            return
        for given in parts.given:
            if len(given) < 2 or given.endswith("."):
                continue
            condition = "cap" if self._ordinary([given]) else "any"
            self._add(rf"(?<!\w)(?P<n>{_token_pattern(given)}(?:'s|')?)(?!\w)", kind, condition)

    def _ordinary(self, tokens: list[str]) -> bool:
        return any(t in self.common for t in " ".join(tokens).replace("-", " ").split())

    def _add_username_rules(self, username: str) -> None:
        pat = _token_pattern(username)
        self._add(rf"(?<![\w@])@(?P<n>{pat})(?![\w-])", GEBRUIKERSNAAM)
        self._add(rf"(?<![\w@])(?P<n>@{pat})(?![\w-])", GEBRUIKERSNAAM)
        if username in self.common or username in TUSSENVOEGSELS or len(username) < 3:
            self._add(
                rf"(?<!\w)(?:gebruiker|gebruikersnaam|account)\s*:?\s+(?P<n>{pat})(?![\w-])",
                GEBRUIKERSNAAM,
            )
        else:
            self._add(rf"(?<![\w@.])(?P<n>{pat})(?![\w-]|\.\w)", GEBRUIKERSNAAM)

    # -- matching ---------------------------------------------------------------

    _EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
    _PHONE = re.compile(
        r"(?<![\w+])(?:(?:\+|00)\d{2}[\s.-]*(?:\(0\)[\s.-]*)?|\(?0)\d(?:[\s.()-]{0,3}\d){6,12}(?!\w)"
    )

    def _phone_ok(self, text: str) -> bool:
        digits = re.sub(r"\D", "", text)
        if text.startswith("+") or text.startswith("00"):
            digits = digits[2:] if text.startswith("00") else digits
            if digits.startswith("31"):
                rest = digits[2:]
                if "(0)" in text.replace(" ", ""):
                    rest = rest[1:] if rest.startswith("0") else rest
                return len(rest) == 9
            return 9 <= len(digits) <= 13
        return len(digits) == 10

    def find(self, veld: str, text: str) -> list[Hit]:
        if not text:
            return []
        folded, index = _fold_with_index(text)
        candidates: list[_Candidate] = []

        for m in self._EMAIL.finditer(folded):
            kind = _PROTECTED if m.group(0) in self.protected_emails else EMAIL
            candidates.append(_Candidate(m.start(), m.end(), kind))
        for m in self._PHONE.finditer(folded):
            if self._phone_ok(m.group(0)):
                candidates.append(_Candidate(m.start(), m.end(), TELEFOON))
        for rule in self.rules:
            for m in rule.regex.finditer(folded):
                s, e = m.span("n")
                if s == e:
                    continue
                if rule.condition != "any":
                    o_start, o_end = self._span(text, index, s, e)
                    original = text[o_start:o_end]
                    if rule.condition == "cap_last":
                        last = original.split()[-1] if original.split() else original
                        if not _capitalised(last):
                            continue
                    elif (
                        not _capitalised(original)
                        or _sentence_initial(text, o_start)
                        or _after_capitalised_word(text, o_start)
                    ):
                        continue
                candidates.append(_Candidate(s, e, rule.kind, rule.manual))

        # Longest first; an adviser's addition beats everything; protection wins ties.
        candidates.sort(key=lambda c: (not c.manual, -c.length, c.kind != _PROTECTED, c.start))
        taken: list[_Candidate] = []
        for c in candidates:
            if all(c.end <= t.start or c.start >= t.end for t in taken):
                taken.append(c)
        hits = []
        for c in sorted(taken, key=lambda c: c.start):
            if c.kind == _PROTECTED:
                continue
            start, end = self._span(text, index, c.start, c.end)
            hit = Hit(veld=veld, start=start, eind=end, tekst=text[start:end], soort=c.kind)
            if hit.sleutel in self.lifted:
                hit = Hit(veld, start, end, hit.tekst, c.kind, opgeheven=True)
            hits.append(hit)
        return hits

    @staticmethod
    def _span(text: str, index: list[int], s: int, e: int) -> tuple[int, int]:
        start = index[s]
        end = index[e - 1] + 1
        # Swallow combining marks and invisible characters that belong to the last letter.
        while end < len(text) and _fold_char(text[end]) == "":
            end += 1
        return start, end

    def redact_text(self, text: str, veld: str = "") -> str:
        return self.apply({veld: text}).teksten[veld]

    def apply(self, texts: dict[str, str]) -> Result:
        """Redact every field; lifted hits stay visible in the result but are not redacted."""
        result = Result(originelen={k: v or "" for k, v in texts.items()}, teksten={})
        for veld, text in result.originelen.items():
            hits = self.find(veld, text)
            result.hits[veld] = hits
            out = []
            pos = 0
            for h in hits:
                if h.opgeheven:
                    continue
                out.append(text[pos : h.start])
                out.append(h.marker)
                pos = h.eind
            out.append(text[pos:])
            result.teksten[veld] = "".join(out)
        return result


# --- the portal's people ------------------------------------------------------------

_PROFILE_OFFICES = ("portefeuillehouder", "burgemeester", "secretaris")


def _strip_office_words(naam: str) -> str:
    """'wethouder W. Wethouder' -> 'W. Wethouder': the office word is not part of the name."""
    tokens = naam.split()
    while len(tokens) > 1 and (fold(tokens[0]).rstrip(".") in ROLE_WORDS | set(TITLES)):
        tokens = tokens[1:]
    return " ".join(tokens)


def core_people():
    """Persons and accounts: the core's person-bearing fields."""
    from inclusie.models import Persoon, User

    for naam, email, telefoon in Persoon.objects.values_list("naam", "email", "telefoon"):
        yield PersonRef(naam=naam, email=email, telefoon=telefoon)
    for naam, email, username in User.objects.values_list("naam", "email", "username"):
        yield PersonRef(naam=naam, email=email, gebruikersnaam=username or "")


def core_office_holders():
    from inclusie.models import GemeenteProfiel

    profiel = GemeenteProfiel.load()
    for attr in _PROFILE_OFFICES:
        value = getattr(profiel, attr, "")
        if isinstance(value, str) and value.strip():
            yield value


def core_public_phrases():
    from inclusie.models import GemeenteProfiel, Organisatie, Wijk

    profiel = GemeenteProfiel.load()
    yield profiel.naam
    yield profiel.programmanaam
    yield from Organisatie.objects.values_list("naam", flat=True)
    yield from Wijk.objects.values_list("naam", flat=True)


def portal_redactor(*, extra: Iterable[str] = (), lifted: Iterable[str] = ()) -> Redactor:
    """The engine loaded with every person the portal knows (see the registry)."""
    from inclusie.constants import Role
    from inclusie.models import GemeenteProfiel
    from inclusie.registry import redaction_sources

    people: list[PersonRef] = []
    offices: list[str] = []
    phrases: list[str] = []
    for source in redaction_sources():
        people.extend(source.people())
        offices.extend(_strip_office_words(n) for n in source.office_holders() if n)
        phrases.extend(p for p in source.public_phrases() if p)
    profiel = GemeenteProfiel.load()
    words = [str(label) for _value, label in Role.choices]
    words += [profiel.term_pijler, profiel.term_pijlers]
    return Redactor(
        people,
        protected_names=offices,
        protected_phrases=phrases,
        protected_emails=[profiel.contact_email] if profiel.contact_email else [],
        extra=extra,
        lifted=lifted,
        common_words=[w for phrase in words for w in phrase.split()],
    )
