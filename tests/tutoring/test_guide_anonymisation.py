"""The anonymisation check: what it flags before an entry of the guide can be published."""

import pytest

from tests.portal.factories import UserFactory
from tests.portal.structure_factories import StructureFactory
from tutoring.enums import FlagKind
from tutoring.guide.anonymisation import KnownNames, find, known_names, mask


def kinds(text: str, known: KnownNames | None = None) -> set[tuple[str, str]]:
    return {(finding.kind, finding.text) for finding in find(text, known or KnownNames())}


def test_email_addresses_are_flagged():
    assert kinds("Écrire à karim.b+guide@tremplin-bearn.fr avant lundi.") == {
        (FlagKind.EMAIL, "karim.b+guide@tremplin-bearn.fr")
    }


@pytest.mark.parametrize(
    "number",
    ["05 59 12 34 56", "05.59.12.34.56", "0559123456", "+33 5 59 12 34 56", "06-12-34-56-78"],
)
def test_french_phone_numbers_are_flagged_in_every_usual_form(number):
    assert kinds(f"Son numéro\u00a0: {number}, le matin.") == {(FlagKind.PHONE, number)}


def test_figures_that_are_not_phone_numbers_are_left_alone():
    assert kinds("12 personnes accompagnées, 45 entreprises, 2026, 1 offre = 1 personne.") == set()


@pytest.mark.django_db
def test_names_of_people_known_to_essaim_are_flagged_full_or_by_last_name():
    UserFactory(first_name="Odile", last_name="Brunet")
    known = known_names()
    found = kinds("Odile Brunet a appelé ; Brunet rappellera.", known)
    assert (FlagKind.PERSON, "Odile Brunet") in found
    assert (FlagKind.PERSON, "Brunet") in found


@pytest.mark.django_db
def test_structure_names_and_their_communes_are_flagged_once_each():
    StructureFactory(name="Tremplin Béarn", city="Orthez")
    known = known_names()
    found = kinds("À Tremplin Béarn, l'équipe d'Orthez a réuni quinze employeurs.", known)
    assert found == {(FlagKind.STRUCTURE, "Tremplin Béarn"), (FlagKind.PLACE, "Orthez")}


def test_a_commune_inside_a_structure_name_is_the_structure_not_a_second_flag():
    known = KnownNames(structures=("Mission locale de Lourdes",), places=("Lourdes",))
    assert kinds("La Mission locale de Lourdes recrute.", known) == {
        (FlagKind.STRUCTURE, "Mission locale de Lourdes")
    }


def test_unknown_names_and_common_words_are_not_flagged():
    known = KnownNames(people=("Albert",), structures=("Essor",), places=("Pau",))
    assert kinds("Un employeur du bâtiment a proposé deux contrats.", known) == set()


@pytest.mark.django_db
def test_passages_copied_from_a_source_question_are_flagged_as_verbatim():
    source = (
        "Nous avons relancé trois fois le directeur du supermarché sans aucune réponse de sa part."
    )
    known = known_names(source_texts=[source])
    text = "La situation : nous avons relancé trois fois le directeur du supermarché sans réponse."
    assert kinds(text, known) == {
        (FlagKind.VERBATIM, "nous avons relancé trois fois le directeur du supermarché sans")
    }


@pytest.mark.django_db
def test_a_rewritten_text_sharing_a_few_words_is_not_verbatim():
    known = known_names(source_texts=["Comment relancer un employeur qui ne répond plus du tout ?"])
    assert kinds("Relancer un employeur silencieux : trois gestes simples.", known) == set()


def test_masking_replaces_every_occurrence_whatever_its_case_and_emphasis():
    text = "Odile Brunet l'a dit. **odile brunet** le redira ; Odile\nBrunet aussi."
    assert mask(text, "Odile Brunet", "[une personne]") == (
        "[une personne] l'a dit. **[une personne]** le redira ; [une personne] aussi."
    )


def test_masking_keeps_words_that_merely_contain_the_passage():
    assert mask("Pau et Paulette", "Pau", "[le territoire]") == "[le territoire] et Paulette"
