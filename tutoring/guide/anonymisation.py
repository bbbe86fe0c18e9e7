"""Finding likely personal data in a guide entry before it is published.

The check looks for what would let a reader recognise a person or a territory: e-mail addresses,
phone numbers, the names of people and structures known to Essaim, the communes of the
structures' territories, and passages copied word for word from the private questions the entry
comes from (an entry is a rewritten text). Each finding becomes an `AnonymisationFlag` that an
editor masks (the passage is replaced everywhere in the entry) or keeps with a reason.

The check runs again on every save: flags still open whose passage has gone are dropped, a masked
passage typed again opens its flag again, and a kept passage stays kept.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from tutoring.enums import FlagKind

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: French numbers, national or international form, with or without separators.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)33[\s.-]?\(?0?\)?[\s.-]?|0)[1-9](?:[\s.-]?\d{2}){4}(?!\d)"
)
#: Names shorter than this are too common to flag (« Le », « Pau » stays: three letters).
MIN_NAME = 3
#: This many words of a source question in a row, found as is in the entry, are flagged.
VERBATIM_WORDS = 8
WORD = re.compile(r"\w+(?:['’]\w+)*")


def default_replacement(kind: str) -> str:
    """What a masked passage reads as, unless the editor writes another replacement."""
    return {
        FlagKind.EMAIL: _("[adresse électronique]"),
        FlagKind.PHONE: _("[téléphone]"),
        FlagKind.PERSON: _("[une personne]"),
        FlagKind.STRUCTURE: _("[la structure]"),
        FlagKind.PLACE: _("[le territoire]"),
        FlagKind.VERBATIM: _("[passage à réécrire]"),
    }[FlagKind(kind)]


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str


@dataclass(frozen=True)
class KnownNames:
    """What Essaim knows that could identify someone: loaded once per check."""

    people: tuple[str, ...] = ()
    structures: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    #: Every run of VERBATIM_WORDS words of the entry's source questions (lower-cased).
    source_shingles: frozenset[tuple[str, ...]] = frozenset()


def known_names(*, source_texts: list[str] = ()) -> KnownNames:
    """People (full and last names), structures and communes recorded in Essaim."""
    from portal.models import Structure, User

    people: set[str] = set()
    for first, last in User.objects.filter(is_active=True).values_list("first_name", "last_name"):
        first, last = first.strip(), last.strip()
        if first and last:
            people.add(f"{first} {last}")
        if len(last) >= MIN_NAME:
            people.add(last)
    structures = {name.strip() for name in Structure.objects.values_list("name", flat=True)}
    places = {city.strip() for city in Structure.objects.values_list("city", flat=True)}
    shingles = {
        tuple(words[i : i + VERBATIM_WORDS])
        for text in source_texts
        for words in [[w.lower() for w in WORD.findall(text)]]
        for i in range(len(words) - VERBATIM_WORDS + 1)
    }
    return KnownNames(
        people=tuple(sorted(p for p in people if len(p) >= MIN_NAME)),
        structures=tuple(sorted(s for s in structures if len(s) >= MIN_NAME)),
        places=tuple(sorted(p for p in places if len(p) >= MIN_NAME)),
        source_shingles=frozenset(shingles),
    )


def verbatim_runs(text: str, shingles: frozenset) -> list[str]:
    """The passages of `text` that repeat VERBATIM_WORDS or more words of a source in a row."""
    if not shingles:
        return []
    tokens = list(WORD.finditer(text))
    words = [token.group().lower() for token in tokens]
    runs, i = [], 0
    while i + VERBATIM_WORDS <= len(words):
        if tuple(words[i : i + VERBATIM_WORDS]) not in shingles:
            i += 1
            continue
        end = i
        while end + 1 + VERBATIM_WORDS <= len(words) and (
            tuple(words[end + 1 : end + 1 + VERBATIM_WORDS]) in shingles
        ):
            end += 1
        last = tokens[end + VERBATIM_WORDS - 1]
        runs.append(text[tokens[i].start() : last.end()])
        i = end + VERBATIM_WORDS
    return runs


def _names_pattern(names: tuple[str, ...]) -> re.Pattern | None:
    if not names:
        return None
    # Longest first, so « Tremplin Béarn » wins over « Béarn »; whole words only.
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def find(text: str, known: KnownNames) -> list[Finding]:
    """Every likely personal datum of `text`, once each, in the order of the kinds."""
    found: dict[tuple[str, str], None] = {}

    def add(kind: str, value: str) -> None:
        value = " ".join(value.split())
        if value and not any(
            k == kind and existing.lower() == value.lower() for k, existing in found
        ):
            found[(kind, value)] = None

    for match in EMAIL.finditer(text):
        add(FlagKind.EMAIL, match.group())
    for match in PHONE.finditer(text):
        add(FlagKind.PHONE, match.group())
    covered: list[tuple[int, int]] = []
    for kind, names in (
        (FlagKind.STRUCTURE, known.structures),
        (FlagKind.PERSON, known.people),
        (FlagKind.PLACE, known.places),
    ):
        pattern = _names_pattern(names)
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            span = match.span()
            # A commune inside a structure's name is the structure's name, flagged once.
            if any(start <= span[0] and span[1] <= end for start, end in covered):
                continue
            covered.append(span)
            add(kind, match.group())
    for passage in verbatim_runs(text, known.source_shingles):
        add(FlagKind.VERBATIM, passage[:500])
    return [Finding(kind, value) for kind, value in found]


def mask(text: str, passage: str, replacement: str) -> str:
    """`text` with every occurrence of `passage` (any case, whole words) replaced."""
    if not passage:
        return text
    words = [re.escape(word) for word in passage.split()]
    pattern = re.compile(r"(?<!\w)" + r"[\s*_`]+".join(words) + r"(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda match: replacement, text)
