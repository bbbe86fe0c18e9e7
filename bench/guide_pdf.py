"""Time to build a guide edition's PDF, as a ratio against WeasyPrint rendering the same HTML alone.

Absolute times depend on the machine; the ratio to WeasyPrint does not, or much less. The whole
build is `render_edition_pdf` (the queries, the template, then WeasyPrint); the baseline is
`HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")` on the HTML that build renders, so the
ratio is what Essaim adds on top of laying out and writing the document. A ratio that grows
between two commits means the build got slower by itself.

    .venv/bin/python bench/guide_pdf.py
    .venv/bin/python bench/guide_pdf.py --entries 300 --repeats 5 --json bench-guide-pdf.json

A throwaway SQLite database gets the 13 sheets, a guide page and a published edition of
`--entries` seeded entries (one to three sheets each, every type, 40 experts credited). The
publication builds the PDF once (Celery runs eagerly here): that first build warms the caches.
Each timing is then the median of `--repeats` runs, the two measures alternating.
"""

import argparse
import datetime
import gc
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHEETS = [
    "L'accueil",
    "La période d'engagement réciproque",
    "La proposition de poste",
    "La préparation à l'entretien",
    "Le suivi d'entretien",
    "La préparation à la prise de poste",
    "Le suivi dans le poste",
    "La prospection et la captation des offres",
    "La fidélisation des entreprises",
    "Le croisement des offres et des personnes",
    "Le travail en binôme",
    "Le pilotage de l'activité",
    "La transformation de la structure",
]

# Made-up phrases to assemble plausible entries; no real person, structure or place.
OPENINGS = [
    "Quand un employeur hésite à recevoir une personne",
    "Lorsque la première période d'engagement s'achève sans résultat",
    "Si l'entreprise rappelle après plusieurs semaines de silence",
    "Au moment de présenter une offre captée la veille",
    "Quand la personne accompagnée doute de son projet",
    "Lorsqu'un chargé de relation entreprises reprend un portefeuille",
]
ADVICE = [
    "fixez tout de suite un rendez-vous court plutôt qu'un long échange par écrit",
    "reformulez le besoin de l'employeur avec ses propres mots avant de proposer quelqu'un",
    "préparez ensemble trois questions que la personne posera pendant l'entretien",
    "appelez le lendemain, puis revenez sur place dans la semaine si rien ne bouge",
    "notez dans le suivi ce qui a été promis et par qui, pour que le binôme s'y retrouve",
    "proposez une seule personne par offre et gardez l'offre réservée pendant l'entretien",
    "dites clairement à l'entreprise d'où vient la personne, sans détour",
]
REASONS = [
    "Les structures essaimées qui l'ont fait ont raccourci le délai entre l'offre et l'embauche.",
    "C'est souvent ce qui distingue une relation suivie d'un contact sans lendemain.",
    "Les employeurs disent apprécier un interlocuteur qui revient vers eux sans qu'ils relancent.",
    "Cela évite à la personne de se retrouver seule face à un refus.",
    "Le chef d'équipe peut alors s'appuyer sur un repère commun lors des réunions.",
]
STEPS = [
    "un appel bref le jour même",
    "un compte rendu partagé avec le binôme",
    "une visite dans l'entreprise",
    "un point à deux semaines avec la personne",
    "une relance écrite si l'appel reste sans réponse",
]


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["ESSAIM_VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/bench.sqlite3"
    os.environ["CELERY_BROKER_URL"] = ""  # eager: the publication builds the PDF in-process
    import django

    django.setup()


def body(rng: random.Random) -> str:
    paragraphs = [
        f"{rng.choice(OPENINGS)}, {rng.choice(ADVICE)}. {rng.choice(REASONS)} {rng.choice(REASONS)}"
        for _ in range(rng.randint(2, 4))
    ]
    if rng.random() < 0.5:
        paragraphs.append("\n".join(f"- {step}" for step in rng.sample(STEPS, 3)))
    if rng.random() < 0.3:
        paragraphs.append(f"**À retenir**\u00a0: {rng.choice(ADVICE)}.")
    return "\n\n".join(paragraphs)


def published_edition(entries: int, seed: int):
    """A guide page, 13 sheets and an edition of `entries` approved entries, published by Ansa."""
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Page

    from cms_pages.models import HomePage
    from curriculum.enums import Axis
    from curriculum.models import ActionSheetPage, FrameworkPage
    from modules.models import Season
    from portal.models import User
    from portal.sanitiser import render_markdown
    from tutoring.enums import EntryKind, EntryStatus
    from tutoring.guide.models import GuideEdition, GuideEntry, GuideEntryRevision, GuidePage
    from tutoring.guide.services import edition_publish

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(seed)

    def add(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    home = add(Page.get_first_root_node(), HomePage(title="Essaim", slug="essaim-bench"))
    framework = add(home, FrameworkPage(title="Repères et outils", slug="referentiel"))
    sheets = [
        add(
            framework,
            ActionSheetPage(
                title=title,
                slug=f"fiche-{number}",
                number=number,
                axis=Axis.JOB_SEEKER if number <= 7 else Axis.COMPANIES,
                summary="Résumé de la fiche.",
            ),
        )
        for number, title in enumerate(SHEETS, start=1)
    ]
    add(
        home,
        GuidePage(
            title="Guide d'essaimage",
            slug="guide-essaimage",
            foreword="<p>Ce guide rassemble ce que les saisons ont appris.</p>" * 3,
            body="<p>Chaque chapitre suit une fiche-action du référentiel.</p>" * 3,
        ),
    )

    ansa = User.objects.create_user(email="ansa@bench.test", first_name="Équipe", last_name="Ansa")
    ansa.groups.add(Group.objects.get_or_create(name="ansa")[0])
    experts = [
        User.objects.create_user(
            email=f"expert{n}@bench.test", first_name="Expert·e", last_name=f"n° {n}"
        )
        for n in range(1, 41)
    ]
    now = timezone.now()
    season = Season.objects.create(
        name="Saison de mesure",
        slug="saison-mesure",
        call_opens_at=now - datetime.timedelta(days=300),
        call_closes_at=now - datetime.timedelta(days=240),
    )
    kinds = list(EntryKind)
    rows = []
    for n in range(entries):
        text = body(rng)
        rows.append(
            GuideEntry(
                kind=rng.choice(kinds),
                title=f"{rng.choice(OPENINGS)} ({n + 1})",
                body=text,
                body_html=render_markdown(text),
                status=EntryStatus.APPROVED,
                owner=rng.choice(experts),
                season=season,
                approved_by=ansa,
                approved_at=now,
            )
        )
    created = GuideEntry.objects.bulk_create(rows)
    links, credits, revisions = [], [], []
    for entry in created:
        chosen = sorted(rng.sample(sheets, rng.choice([1, 1, 2, 3])), key=lambda s: s.number)
        links += [
            GuideEntry.sheets.through(guideentry_id=entry.pk, actionsheetpage_id=s.pk)
            for s in chosen
        ]
        credits += [
            GuideEntry.contributors.through(guideentry_id=entry.pk, user_id=expert.pk)
            for expert in rng.sample(experts, rng.randint(1, 2))
        ]
        revisions.append(
            GuideEntryRevision(
                entry=entry,
                number=1,
                kind=entry.kind,
                title=entry.title,
                body=entry.body,
                body_html=entry.body_html,
                sheet_numbers=[s.number for s in chosen],
                created_by=entry.owner,
            )
        )
    GuideEntry.sheets.through.objects.bulk_create(links)
    GuideEntry.contributors.through.objects.bulk_create(credits)
    for entry, revision in zip(
        created, GuideEntryRevision.objects.bulk_create(revisions), strict=True
    ):
        entry.approved_revision = revision
    GuideEntry.objects.bulk_update(created, ["approved_revision"])

    edition = GuideEdition.objects.create(season=season, name="Édition de mesure", slug="mesure")
    return edition_publish(actor=ansa, edition=edition, version=edition.version)


def timed(run) -> tuple[float, object]:
    gc.collect()  # each run starts with no garbage left by the one before
    started = time.perf_counter()
    result = run()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="essaim-bench-") as var_dir:
        setup_django(var_dir)
        from pypdf import PdfReader
        from weasyprint import HTML

        from curriculum.models import PdfStatus
        from tutoring.guide.pdf import PDF_VARIANT, edition_pdf_html, render_edition_pdf

        first, edition = timed(lambda: published_edition(args.entries, args.seed))
        assert edition.pdf.status == PdfStatus.READY, edition.pdf.status
        html = edition_pdf_html(edition)
        builds, alone, templates = [], [], []
        for _ in range(args.repeats):
            seconds, content = timed(lambda: render_edition_pdf(edition))
            builds.append(seconds)
            alone.append(timed(lambda: HTML(string=html).write_pdf(pdf_variant=PDF_VARIANT))[0])
            templates.append(timed(lambda: edition_pdf_html(edition))[0])
        pages = len(PdfReader(io.BytesIO(content)).pages)

    result = {
        "entries": args.entries,
        "pages": pages,
        "pdf_bytes": len(content),
        "setup_and_first_build_s": first,
        "build_s": statistics.median(builds),
        "weasyprint_alone_s": statistics.median(alone),
        "queries_and_template_s": statistics.median(templates),
        "runs": {"build_s": builds, "weasyprint_alone_s": alone, "template_s": templates},
    }
    result["ratio"] = result["build_s"] / result["weasyprint_alone_s"]
    result["ratio_best"] = min(builds) / min(alone)
    print(
        f"guide PDF: {args.entries} entries, {pages} pages, {len(content) / 1e6:.1f} MB; "
        f"{args.repeats} runs each, alternating"
    )
    print(f"{'measure':<44} {'median s':>9} {'best s':>8}")
    for label, runs in (
        ("baseline: WeasyPrint alone (same HTML)", alone),
        ("render_edition_pdf (queries, template, PDF)", builds),
        ("  of which queries and template", templates),
    ):
        print(f"{label:<44} {statistics.median(runs):>9.2f} {min(runs):>8.2f}")
    ratio, best = result["ratio"], result["ratio_best"]
    print(f"{'ratio build / WeasyPrint alone':<44} {ratio:>9.3f} {best:>8.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
