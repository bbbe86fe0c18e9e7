"""Form errors are announced: a summary at the top, each error next to and linked to its field."""

import pytest
from bs4 import BeautifulSoup


@pytest.mark.django_db
def test_signup_errors_are_summarised_and_linked_to_their_fields(client, home):
    response = client.post(
        "/comptes/signup/",
        {"email": "pas-une-adresse", "password1": "court", "password2": "autre"},
    )
    soup = BeautifulSoup(response.content, "html.parser")

    summary = soup.select_one("#error-summary")
    assert summary is not None
    assert summary["role"] == "alert"
    email = soup.select_one("input[name=email]")
    assert email["aria-invalid"] == "true"
    error_id = email["aria-describedby"].split()[-1]
    assert "adresse" in soup.select_one(f"#{error_id}").get_text().lower()
    assert summary.select_one(f'a[href="#{email["id"]}"]') is not None
    # What was typed is kept.
    assert email["value"] == "pas-une-adresse"


@pytest.mark.django_db
def test_help_text_is_linked_to_its_field(client, home):
    soup = BeautifulSoup(client.get("/comptes/signup/").content, "html.parser")
    for field in soup.select(".field input"):
        for described in field.get("aria-describedby", "").split():
            assert soup.select_one(f"#{described}") is not None
    assert soup.select_one("#error-summary") is None
