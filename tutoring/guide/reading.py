"""The guide's reading pages, served by `GuidePage`'s routes (the page is public).

The network (`permissions.is_network_member`) reads a published edition whole; anyone else,
visitors included, reads the entries the head of network opened to the public, with the page's
note on how to reach the rest. Every page reads an edition as it was frozen on publication:
`selectors.edition_items` gives the items this reader may read, and nothing here ever shows a
source question. An edition, chapter or entry the reader cannot reach answers 404.
"""

from django import forms
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from curriculum.enums import Axis
from curriculum.models import ActionSheetPage
from tutoring.enums import EntryKind
from tutoring.guide import permissions, selectors
from tutoring.guide.models import GuideEdition, GuidePage

TEMPLATES = "tutoring/guide/reading"
SEARCH_MAX = 200


# --- Forms ---------------------------------------------------------------------------------------


class GuideSearchForm(forms.Form):
    """Browse the edition by type and by words (GET)."""

    type = forms.ChoiceField(
        label=gettext_lazy("Type d'entrée"),
        required=False,
        choices=[("", gettext_lazy("Tous les types")), *EntryKind.choices],
        error_messages={"invalid_choice": gettext_lazy("Choisissez un type de la liste.")},
    )
    q = forms.CharField(
        label=gettext_lazy("Mots à chercher"),
        required=False,
        max_length=SEARCH_MAX,
        widget=forms.SearchInput,
        error_messages={"max_length": gettext_lazy("%(limit_value)s caractères au plus.")},
    )


class CompareForm(forms.Form):
    """Two published editions, by their slug (GET)."""

    de = forms.ChoiceField(
        label=gettext_lazy("Édition de départ"),
        error_messages={
            "required": gettext_lazy("Choisissez l'édition de départ."),
            "invalid_choice": gettext_lazy("Cette édition n'existe pas ou n'est pas publiée."),
        },
    )
    a = forms.ChoiceField(
        label=gettext_lazy("Édition d'arrivée"),
        error_messages={
            "required": gettext_lazy("Choisissez l'édition d'arrivée."),
            "invalid_choice": gettext_lazy("Cette édition n'existe pas ou n'est pas publiée."),
        },
    )

    def __init__(self, *args, editions: list[GuideEdition], **kwargs):
        super().__init__(*args, **kwargs)
        self.editions = {edition.slug: edition for edition in editions}
        choices = [("", _("Choisir une édition")), *((e.slug, e.name) for e in editions)]
        self.fields["de"].choices = self.fields["a"].choices = choices
        if len(editions) >= 2 and not self.is_bound:
            self.initial = {"de": editions[1].slug, "a": editions[0].slug}

    def clean(self):
        data = super().clean()
        if data.get("de") and data.get("a") and data["de"] == data["a"]:
            self.add_error("a", _("Choisissez deux éditions différentes."))
        return data

    def older(self) -> GuideEdition:
        return self.editions[self.cleaned_data["de"]]

    def newer(self) -> GuideEdition:
        return self.editions[self.cleaned_data["a"]]


# --- Helpers ------------------------------------------------------------------------------------


def _edition(slug: str | None) -> tuple[GuideEdition | None, GuideEdition | None]:
    """(the edition asked for, the current one); 404 for a slug no published edition has."""
    current = selectors.current_edition()
    if slug is None:
        return current, current
    if current is not None and current.slug == slug:
        return current, current
    edition = selectors.published_editions().select_related("season").filter(slug=slug).first()
    if edition is None:
        raise Http404
    return edition, current


def _reader(request: HttpRequest) -> dict:
    user = request.user
    return {
        "network": permissions.is_network_member(user),
        "can_edit_guide": permissions.can_edit_guide(user),
    }


def _situate(items, chapter_list) -> None:
    """Give each item the chapter it is filed under and the other sheets it concerns."""
    titles = {chapter.number: chapter.title for chapter in chapter_list}
    for item in items:
        item.filed_under = {"number": item.chapter, "title": titles.get(item.chapter, "")}
        item.other_sheets = [
            {"number": number, "title": titles[number]}
            for number in item.sheet_numbers
            if number != item.chapter and number in titles
        ]


def _sheet_page(number: int) -> ActionSheetPage | None:
    """The live sheet page a chapter stands for (the French framework's, as the guide's)."""
    return selectors.framework_sheets().filter(number=number).first()


def announced(diff: str) -> SafeString:
    """A word diff whose <ins> and <del> are also spoken (screen readers ignore their styling)."""

    def hidden(text: str) -> str:
        return f'<span class="visually-hidden">{escape(text)}</span>'

    marks = {
        "<ins>": "<ins>" + hidden(_("ajouté :") + " "),
        "</ins>": hidden(" " + _("(fin de l'ajout)")) + "</ins>",
        "<del>": "<del>" + hidden(_("supprimé :") + " "),
        "</del>": hidden(" " + _("(fin de la suppression)")) + "</del>",
    }
    for tag, replacement in marks.items():
        diff = diff.replace(tag, replacement)
    # `diff` comes from `selectors.word_diff`, which escapes every word it wraps.
    return mark_safe(diff)


# --- Pages --------------------------------------------------------------------------------------


def guide_index(request: HttpRequest, page: GuidePage, slug: str | None = None) -> HttpResponse:
    """The edition by sheet, grouped by axis, with its browsing by type and by words."""
    edition, current = _edition(slug)
    context = {
        **_reader(request),
        "edition": edition,
        "current_edition": current,
        "is_current": edition is not None and edition == current,
    }
    if edition is None:
        return page.render(request, context_overrides=context)
    form = GuideSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    kind, words = data.get("type") or "", (data.get("q") or "").strip()
    items = selectors.edition_items(edition, request.user)
    chapter_list = selectors.chapters(edition, items)
    results = None
    if kind or words:
        results = list(selectors.filter_items(items, kind=kind, words=words))
        _situate(results, chapter_list)
    context.update(
        {
            "form": form,
            "searching": results is not None,
            "results": results or [],
            "kind_label": EntryKind(kind).label if kind else "",
            "words": words,
            "entry_count": sum(chapter.count for chapter in chapter_list),
            "axes": [
                {"label": label, "chapters": [c for c in chapter_list if c.axis == value]}
                for value, label in Axis.choices
                if any(c.axis == value for c in chapter_list)
            ],
            "has_older": selectors.published_editions().exclude(pk=edition.pk).exists(),
        }
    )
    return page.render(request, context_overrides=context)


def guide_chapter(
    request: HttpRequest, page: GuidePage, number: int, slug: str | None = None
) -> HttpResponse:
    """One sheet's chapter: its entries by type, in full, then those filed elsewhere."""
    edition, current = _edition(slug)
    if edition is None:
        raise Http404
    chapter_list = selectors.chapters(edition, selectors.edition_items(edition, request.user))
    chapter = next((c for c in chapter_list if c.number == number), None)
    if chapter is None:
        raise Http404
    _situate(chapter.items, chapter_list)
    _situate(chapter.see_also, chapter_list)
    position = chapter_list.index(chapter)
    return page.render(
        request,
        template=f"{TEMPLATES}/chapter.html",
        context_overrides={
            **_reader(request),
            "edition": edition,
            "current_edition": current,
            "is_current": edition == current,
            "chapter": chapter,
            "groups": selectors.kinds_in(chapter.items),
            "axis_label": Axis(chapter.axis).label if chapter.axis in Axis.values else "",
            "sheet_page": _sheet_page(number),
            "previous_chapter": chapter_list[position - 1] if position else None,
            "next_chapter": chapter_list[position + 1]
            if position + 1 < len(chapter_list)
            else None,
        },
    )


def guide_entry(
    request: HttpRequest, page: GuidePage, entry_id: int, slug: str | None = None
) -> HttpResponse:
    """One entry as the edition froze it, with its provenance as a reader may see it."""
    edition, current = _edition(slug)
    if edition is None:
        raise Http404
    user = request.user
    item = (
        selectors.edition_items(edition, user)
        .select_related("entry__season")
        .filter(entry_id=entry_id)
        .first()
    )
    if item is None:
        raise Http404
    entry = item.entry
    _situate([item], selectors.chapters(edition, []))
    in_current = (
        current is not None
        and edition != current
        and selectors.edition_items(current, user).filter(entry_id=entry_id).exists()
    )
    return page.render(
        request,
        template=f"{TEMPLATES}/entry.html",
        context_overrides={
            **_reader(request),
            "edition": edition,
            "current_edition": current,
            "is_current": edition == current,
            "item": item,
            "entry": entry,
            "contributors": [
                person.get_full_name() or _("Une experte ou un expert d'A.CO.R")
                for person in entry.contributors.order_by("last_name", "first_name")
            ],
            "source_count": entry.source_questions.count(),
            "in_current": in_current,
            "can_report": permissions.can_report_outdated(user, entry),
        },
    )


def guide_editions(request: HttpRequest, page: GuidePage) -> HttpResponse:
    """Every published edition, newest first, and the form to compare two of them."""
    network = permissions.is_network_member(request.user)
    readable = Q() if network else Q(items__is_public=True)
    editions = list(
        selectors.published_editions()
        .select_related("season")
        .annotate(entry_count=Count("items", filter=readable))
    )
    return page.render(
        request,
        template=f"{TEMPLATES}/editions.html",
        context_overrides={
            **_reader(request),
            "editions": editions,
            "current_edition": editions[0] if editions else None,
            "form": CompareForm(editions=editions),
        },
    )


def guide_compare(request: HttpRequest, page: GuidePage) -> HttpResponse:
    """What changed from one edition to another: entries added, changed (word by word), removed."""
    editions = list(selectors.published_editions().select_related("season"))
    bound = "de" in request.GET or "a" in request.GET
    form = CompareForm(request.GET if bound else None, editions=editions)
    diff = None
    if bound and form.is_valid():
        diff = selectors.edition_diff(form.older(), form.newer(), request.user)
        for change in diff.changed:
            change["title"] = announced(change["title"])
            change["body"] = announced(change["body"])
    return page.render(
        request,
        template=f"{TEMPLATES}/compare.html",
        context_overrides={
            **_reader(request),
            "editions": editions,
            "form": form,
            "diff": diff,
        },
    )
