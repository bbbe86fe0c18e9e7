"""Finding questions by their words: French full-text search on PostgreSQL, a fallback elsewhere.

PostgreSQL stems with its `french` configuration (« relancer » finds « relances »), weighs the
title above the body and ranks. SQLite (the demo and quick tests) has no French stemmer: there the
words are lower-cased, stripped of accents and of common French endings, and matched against each
question's `search_text`, ranked by how many words match, title first. Both answer the same
question — "which questions share these words?" — and return the most similar first.
"""

import re
import unicodedata
from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import Q, QuerySet

#: Words too common to tell questions apart (the fallback's; PostgreSQL has its own list).
STOP_WORDS = frozenset(
    """a au aux avec ce ces cet cette dans de des du elle en est et eux il ils je la le les leur
    leurs lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
    sur ta te tes toi ton tu un une vos votre vous y comment quand quel quelle quels quelles
    faut peut fait faire avoir etre sont ont plus tres bien tout tous toute toutes sans sous
    entre donc alors si deja aussi autre autres chez comme""".split()  # noqa: SIM905
)
#: Endings dropped by the fallback so that plural and feminine forms meet (longest first).
SUFFIXES = (
    "ements",
    "ement",
    "ations",
    "ation",
    "euses",
    "euse",
    "eurs",
    "eur",
    "es",
    "s",
    "x",
    "e",
)
MIN_WORD = 3
MAX_WORDS = 12


def normalise(text: str) -> str:
    """Lower-case, without accents or punctuation: what `search_text` stores."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _stem(word: str) -> str:
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_WORD:
            return word[: -len(suffix)]
    return word


def search_terms(text: str) -> list[str]:
    """The distinct significant words of `text`, in order, at most MAX_WORDS."""
    seen: list[str] = []
    for word in normalise(text).split():
        if len(word) >= MIN_WORD and word not in STOP_WORDS and word not in seen:
            seen.append(word)
    return seen[:MAX_WORDS]


def uses_postgresql() -> bool:
    return connection.vendor == "postgresql"


def search(queryset: QuerySet, text: str, *, limit: int | None = None) -> QuerySet | list:
    """`queryset` narrowed to the questions sharing words with `text`, most similar first."""
    terms = search_terms(text)
    if not terms:
        return queryset.none()
    if uses_postgresql():
        return _postgresql(queryset, terms, limit)
    return _fallback(queryset, terms, limit)


def _postgresql(queryset: QuerySet, terms: list[str], limit: int | None) -> QuerySet:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = SearchVector("title", weight="A", config="french") + SearchVector(
        "body", weight="B", config="french"
    )
    # Any shared word counts (OR): a suggestion is worth showing before every word matches.
    query = reduce(or_, (SearchQuery(term, config="french", search_type="plain") for term in terms))
    found = (
        queryset.annotate(search_rank=SearchRank(vector, query))
        .filter(search_rank__gt=0)
        .order_by("-search_rank", "-created_at", "-pk")
    )
    return found[:limit] if limit else found


def _fallback(queryset: QuerySet, terms: list[str], limit: int | None) -> list:
    stems = [_stem(term) for term in terms]
    matches = reduce(or_, (Q(search_text__contains=stem) for stem in stems))
    candidates = list(queryset.filter(matches)[:500])

    def rank(question) -> tuple:
        title = normalise(question.title)
        in_title = sum(stem in title for stem in stems)
        in_text = sum(stem in question.search_text for stem in stems)
        return (-(2 * in_title + in_text), -question.created_at.timestamp(), -question.pk)

    candidates.sort(key=rank)
    return candidates[:limit] if limit else candidates
