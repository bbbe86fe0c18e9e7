"""Demo seasons, the call for territories and candidacies in several states (all fictional).

- « Saison 2026 »: its call is closed and its training-action under way; Tremplin Béarn and the
  Val de Loire agglomeration signed their agreements, so their people are referents and
  participants (modules/demo.py adds the rest of the cohort, its sessions and work).
- « Saison 2027 »: its call is open; dossiers exist in every step of the review.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from candidacy.criteria import (
    ContractRoute,
    Hypothesis,
    SignatureAct,
    SignerRole,
    TeamPlan,
    clean_for_storage,
    get_criterion,
)
from candidacy.models import (
    AcorOpinion,
    CallPage,
    Candidacy,
    CandidacyState,
    Decision,
    ParticipationAgreement,
    Review,
    SignatureRequest,
    SignatureStatus,
    Transition,
)
from cms_pages.demo import ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES
from modules.models import Season, SeasonRole, SwarmedMember, SwarmedStructure
from portal.enums import StructureKind
from portal.models import Membership, Structure, User
from portal.structures.demo import PASSERELLES, PLIE, TREMPLIN, VAL_DE_LOIRE

S = CandidacyState

CALL_TEXTS = {
    "fr": {
        "who_may_apply": (
            "<h3>Hypothèse A — un opérateur et sa collectivité prescriptrice</h3><p>Vous "
            "accompagnez vers l'emploi des allocataires du RSA ou des demandeurs d'emploi de "
            "longue durée pour le compte d'une collectivité ou du service public de l'emploi. Vous "
            "candidatez avec la collectivité qui vous confie ces accompagnements\u00a0: elle "
            "permet le changement de pratiques dans le marché en cours, ou l'inscrit dans le "
            "cahier des charges du suivant.</p><h3>Hypothèse B — une collectivité qui transforme "
            "ses services</h3><p>Département, intercommunalité ou ville, vous appliquez la méthode "
            "avec vos agents, dans une équipe existante ou créée pour l'occasion, au sein d'un "
            "projet de transformation sur trois ans.</p>"
        ),
        "criteria_text": (
            "<ul><li>Une organisation stable\u00a0; pour un opérateur, au moins 2\u00a0ETP et "
            "aucun déficit structurel.</li><li>Des missions tournées vers l'emploi et, pour un "
            "opérateur, des relations établies avec le service public de l'emploi.</li><li>Une "
            "stratégie qui fait de la relation suivie avec les entreprises le premier levier de "
            "résultats.</li><li>Une candidature signée par le président ou la présidente de la "
            "structure ou de la collectivité.</li><li>Pour l'hypothèse A, un engagement "
            "territorial cosigné par le prescripteur et l'opérateur, avec un cadre opérationnel "
            "et un calendrier réaliste.</li><li>Trois personnes disponibles pendant les cinq mois "
            "de formation.</li></ul><p>Le formulaire en ligne indique, critère par critère, ce "
            "qui est rempli, ce qui manque et ce qu'Ansa appréciera.</p>"
        ),
        "calendar_text": (
            "<ul><li>Après la clôture\u00a0: examen des dossiers par Ansa avec l'avis "
            "d'A.CO.R, entretiens téléphoniques\u00a0;</li><li>annonce des territoires retenus "
            "à la date de sélection\u00a0;</li><li>dans le mois qui suit\u00a0: conventions de "
            "participation signées par la direction générale, choix des experts "
            "tuteurs\u00a0;</li><li>formation-action de cinq mois, une séance collective par "
            "mois environ, puis la journée nationale d'échange.</li></ul>"
        ),
    },
    "en": {
        "who_may_apply": (
            "<h3>Hypothesis A — an operator and its referring authority</h3><p>You support RSA "
            "recipients or long-term job seekers into work on behalf of a local authority or the "
            "public employment service. You apply with the authority that commissions this "
            "support: it allows the change of practice under the current public contract, or "
            "writes it into the specifications of the next one.</p><h3>Hypothesis B — a local "
            "authority transforming its services</h3><p>As a département, group of "
            "municipalities or city, you apply the method with your own staff, in an existing or "
            "purpose-built team, as part of a three-year change project.</p>"
        ),
        "criteria_text": (
            "<ul><li>A stable organisation; for an operator, at least 2 full-time equivalents "
            "and no structural deficit.</li><li>Work focused on employment and, for an operator, "
            "established relations with the public employment service.</li><li>A strategy that "
            "makes ongoing relations with companies the main lever for results.</li><li>An "
            "application signed by the chair of the organisation or authority.</li><li>For "
            "hypothesis A, a territorial commitment co-signed by the referring authority and the "
            "operator, with an operational framework and a realistic timetable.</li><li>Three "
            "people available for the five months of training.</li></ul><p>The online form "
            "shows, criterion by criterion, what is met, what is missing and what Ansa will "
            "assess.</p>"
        ),
        "calendar_text": (
            "<ul><li>After the closing date: Ansa reviews the applications with A.CO.R's "
            "opinion and holds phone interviews;</li><li>the selected territories are announced "
            "on the selection date;</li><li>within a month: participation agreements signed by "
            "the chief executives, choice of expert tutors;</li><li>five months of "
            "action-learning, about one collective session a month, then the national exchange "
            "day.</li></ul>"
        ),
    },
}

A_ANSWERS = {
    "A1": {"public_operator": True, "fte_count": Decimal("6"), "structural_deficit": False},
    "A2": {
        "roadmap_employment": True,
        "public_unemployed": True,
        "spe_relations": (
            "Nous animons avec l'agence France Travail d'Alès un comité de suivi mensuel des "
            "parcours et partageons deux permanences par semaine."
        ),
    },
    "A3": {
        "company_strategy": (
            "Nos deux chargées de relation entreprises rencontrent chaque mois une trentaine "
            "d'employeurs du bassin ; nous voulons en faire le cœur de notre action."
        )
    },
    "A4": {
        "method_fit": (
            "Notre projet associatif 2026-2029 vise le retour direct à l'emploi ; la méthode "
            "d'A.CO.R nous donne la démarche et les outils qui nous manquent."
        ),
        "board_support": True,
    },
    "A5": {
        "public_contract": ContractRoute.NEXT,
        "operational_framework": (
            "Le PLIE orientera vers nous 60 personnes par an ; un comité de pilotage "
            "trimestriel réunira le PLIE, notre direction et l'équipe."
        ),
        "start_date": datetime.date(2027, 3, 1),
        "end_date": datetime.date(2028, 2, 28),
    },
}

B_ANSWERS = {
    "B1": {"team_plan": TeamPlan.ADHOC, "team_size": 3},
    "B2": {
        "company_strategy": (
            "Un référent par zone d'activité rencontre les employeurs ; nous voulons que "
            "toutes nos conseillères le fassent."
        )
    },
    "B3": {
        "strategy_fit": "La méthode s'inscrit dans notre pacte territorial pour l'emploi.",
        "teams_committed": True,
    },
}

#: (structure, kind, city, postal code, département, hypothesis, prescriber, state)
NEXT_SEASON_DOSSIERS = [
    (PASSERELLES, None, None, None, None, Hypothesis.A, PLIE, S.DRAFT),
    (
        "Mission Emploi du Pays d'Auge",
        StructureKind.OPERATOR,
        "Lisieux",
        "14100",
        "14",
        Hypothesis.A,
        "Communauté d'agglomération Lisieux Normandie",
        S.SUBMITTED,
    ),
    (
        "Communauté de communes du Haut-Jura",
        StructureKind.COLLECTIVITE,
        "Saint-Claude",
        "39200",
        "39",
        Hypothesis.B,
        "",
        S.UNDER_REVIEW,
    ),
    (
        "Élan Emploi Nord",
        StructureKind.OPERATOR,
        "Douai",
        "59500",
        "59",
        Hypothesis.A,
        "Département du Nord",
        S.INFO_REQUESTED,
    ),
    (
        "Ville de Saint-Rémy-sur-Aire",
        StructureKind.COLLECTIVITE,
        "Saint-Rémy-sur-Aire",
        "55000",
        "55",
        Hypothesis.B,
        "",
        S.SHORTLISTED,
    ),
]

#: The path each state went through, for the dossier's history.
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.UNDER_REVIEW: [S.SUBMITTED, S.UNDER_REVIEW],
    S.INFO_REQUESTED: [S.SUBMITTED, S.UNDER_REVIEW, S.INFO_REQUESTED],
    S.SHORTLISTED: [S.SUBMITTED, S.UNDER_REVIEW, S.SHORTLISTED],
    S.SELECTED: [S.SUBMITTED, S.UNDER_REVIEW, S.SELECTED],
}

INFO_QUESTION = (
    "Pouvez-vous préciser comment le Département s'engage dans le prochain marché, et joindre "
    "le calendrier validé avec lui ?"
)


def stored(hypothesis: str) -> dict:
    answers = A_ANSWERS if hypothesis == Hypothesis.A else B_ANSWERS
    return {
        code: clean_for_storage(get_criterion(code), values) for code, values in answers.items()
    }


def at_noon(moment: datetime.datetime) -> datetime.datetime:
    """Calls open and close at noon, Paris time, as a programme announces them."""
    local = timezone.localtime(moment)
    return local.replace(hour=12, minute=0, second=0, microsecond=0)


def sign_all(candidacy: Candidacy, *, at) -> None:
    """A submitted demo dossier carries every signature it needed, on its final version."""
    from candidacy.criteria import required_signatures
    from candidacy.services import hash_snapshot, snapshot

    data = snapshot(candidacy)
    for index, (act, role) in enumerate(required_signatures(candidacy.hypothesis)):
        SignatureRequest.objects.create(
            candidacy=candidacy,
            act=act,
            signer_role=role,
            full_name=f"Signataire {index + 1} de la démonstration",
            email=f"signataire{index + 1}.{candidacy.pk}@exemple.test",
            organisation=candidacy.prescriber_name
            if role == SignerRole.PRESCRIBER
            else candidacy.structure.name,
            status=SignatureStatus.SIGNED,
            answered_at=at,
            content_hash=hash_snapshot(data),
            snapshot=data,
            method="Signature électronique simple : compte Essaim authentifié",
        )


def ensure_seasons(now) -> tuple[Season, Season]:
    from curriculum.models import FrameworkEdition

    edition = FrameworkEdition.objects.filter(live=True).order_by("-frozen_at").first()
    # The 2026 season is in its training-action: the call closed months ago, training runs on.
    past, _ = Season.objects.get_or_create(
        slug="saison-2026",
        defaults={
            "name": "Saison 2026",
            "framework_edition": edition,
            "awareness_start": (now - datetime.timedelta(days=330)).date(),
            "call_opens_at": at_noon(now - datetime.timedelta(days=240)),
            "call_closes_at": at_noon(now - datetime.timedelta(days=170)),
            "selection_date": (now - datetime.timedelta(days=130)).date(),
            "training_start": (now - datetime.timedelta(days=95)).date(),
            "training_end": (now + datetime.timedelta(days=60)).date(),
            "exchange_day": (now + datetime.timedelta(days=90)).date(),
        },
    )
    upcoming, _ = Season.objects.get_or_create(
        slug="saison-2027",
        defaults={
            "name": "Saison 2027",
            "framework_edition": edition,
            "call_opens_at": at_noon(now - datetime.timedelta(days=20)),
            "call_closes_at": at_noon(now + datetime.timedelta(days=45)),
            "selection_date": (now + datetime.timedelta(days=75)).date(),
            "training_start": (now + datetime.timedelta(days=110)).date(),
            "training_end": (now + datetime.timedelta(days=260)).date(),
            "exchange_day": (now + datetime.timedelta(days=290)).date(),
        },
    )
    return past, upcoming


def ensure_candidacy(*, season, structure, hypothesis, prescriber, state, now, actor) -> Candidacy:
    candidacy = Candidacy.objects.filter(season=season, structure=structure).first()
    if candidacy is not None:
        return candidacy
    submitted = state != S.DRAFT
    candidacy = Candidacy.objects.create(
        season=season,
        structure=structure,
        hypothesis=hypothesis,
        prescriber_name=prescriber,
        departement=structure.departement,
        territory=structure.city,
        answers=stored(hypothesis) if submitted else {"A1": stored(hypothesis)["A1"]},
        needs="Structurer la prospection des entreprises et suivre les personnes dans l'emploi.",
        state=state,
        created_by=actor,
        submitted_at=now - datetime.timedelta(days=12) if submitted else None,
    )
    previous = S.DRAFT
    for step, target in enumerate(PATHS.get(state, [])):
        Transition.objects.create(
            candidacy=candidacy,
            from_state=previous,
            to_state=target,
            actor=actor,
            message=INFO_QUESTION if target == S.INFO_REQUESTED else "",
            at=now - datetime.timedelta(days=12 - step * 3),
        )
        previous = target
    if submitted:
        sign_all(candidacy, at=now - datetime.timedelta(days=13))
    return candidacy


def ensure_structure(name, kind, city, postal_code, departement) -> Structure:
    structure, _ = Structure.objects.get_or_create(
        name=name,
        defaults={
            "kind": kind,
            "city": city,
            "postal_code": postal_code,
            "departement": departement,
        },
    )
    return structure


def load_call(stdout) -> None:
    now = timezone.now()
    past, upcoming = ensure_seasons(now)
    pages = ensure_page(
        home_pages(),
        CallPage,
        "appel-a-territoires",
        PROGRAMME_PAGES["appel-a-territoires"],
        show_in_menus=True,
    )
    for language, page in pages.items():
        if page.season_id is None:
            page.season = upcoming
            for field, text in CALL_TEXTS[language].items():
                setattr(page, field, text)
            page.save_revision().publish()

    ansa = User.objects.filter(email="ansa@essaim.test").first()
    head = User.objects.filter(email="tete-de-reseau@essaim.test").first()
    load_past_season(past, now=now, ansa=ansa)
    for (
        name,
        kind,
        city,
        postal_code,
        departement,
        hypothesis,
        prescriber,
        state,
    ) in NEXT_SEASON_DOSSIERS:
        structure = (
            Structure.objects.get(name=name)
            if kind is None
            else ensure_structure(name, kind, city, postal_code, departement)
        )
        applicant = (
            Membership.objects.filter(structure=structure, is_admin=True).first()
            if kind is None
            else None
        )
        candidacy = ensure_candidacy(
            season=upcoming,
            structure=structure,
            hypothesis=hypothesis,
            prescriber=prescriber,
            state=state,
            now=now,
            actor=applicant.user if applicant else ansa,
        )
        if state == S.DRAFT and not candidacy.signatures.exists():
            for role, email, full_name, organisation in (
                (SignerRole.PRESIDENT, "president@essaim.test", "Hélène Rouvier", PASSERELLES),
                (SignerRole.PRESCRIBER, "prescripteur@essaim.test", "Marc Dubreuil", PLIE),
            ):
                act = (
                    SignatureAct.CANDIDACY
                    if role == SignerRole.PRESIDENT
                    else (SignatureAct.COMMITMENT)
                )
                SignatureRequest.objects.create(
                    candidacy=candidacy,
                    act=act,
                    signer_role=role,
                    full_name=full_name,
                    email=email,
                    organisation=organisation,
                    invited_by=applicant.user if applicant else None,
                )
        if state in (S.UNDER_REVIEW, S.SHORTLISTED) and ansa and not candidacy.reviews.exists():
            Review.objects.create(
                candidacy=candidacy,
                reviewer=ansa,
                scores={
                    code: {"score": 2, "comment": "Réponse claire, à confirmer à l'oral."}
                    for code in candidacy.answers
                },
                recommendation="shortlist",
                comment="Équipe motivée ; le soutien des élus est explicite.",
            )
        if state == S.SHORTLISTED and head and not hasattr(candidacy, "acor_opinion"):
            AcorOpinion.objects.create(
                candidacy=candidacy,
                author=head,
                opinion="favourable",
                comment="Un territoire où la méthode a toute sa place.",
            )
    count = upcoming.candidacies.count()
    stdout.write(
        f"  appel à territoires : {past.name} (close) et {upcoming.name}, {count} dossiers"
    )


def select_and_bind(
    *, season: Season, structure: Structure, hypothesis, prescriber: str, director, named, now, ansa
) -> SwarmedStructure:
    """A selected dossier whose director signed the agreement naming `named` [(user, role)]."""
    from candidacy.services import hash_snapshot

    candidacy = ensure_candidacy(
        season=season,
        structure=structure,
        hypothesis=hypothesis,
        prescriber=prescriber,
        state=S.SELECTED,
        now=now - datetime.timedelta(days=150),
        actor=ansa,
    )
    candidacy.prepared_decision = Decision.SELECTED
    candidacy.decided_at = now - datetime.timedelta(days=130)
    candidacy.save(update_fields=["prepared_decision", "decided_at"])
    text = {
        "candidacy": str(candidacy.reference),
        "structure": structure.name,
        "season": season.name,
        "people": [
            {"user": user.pk, "full_name": user.get_full_name(), "email": user.email, "role": role}
            for user, role in named
        ],
    }
    signature = SignatureRequest.objects.create(
        candidacy=candidacy,
        act=SignatureAct.AGREEMENT,
        signer_role=SignerRole.DIRECTOR_GENERAL,
        full_name=director.get_full_name(),
        email=director.email,
        organisation=structure.name,
        status=SignatureStatus.SIGNED,
        signed_by=director,
        answered_at=now - datetime.timedelta(days=115),
        content_hash=hash_snapshot(text),
        snapshot=text,
        method="Signature électronique simple\u00a0: compte Essaim authentifié",
    )
    ParticipationAgreement.objects.create(
        candidacy=candidacy,
        director=director,
        people=text["people"],
        signature=signature,
        content_hash=signature.content_hash,
        signed_at=signature.answered_at,
    )
    return SwarmedStructure.objects.create(
        season=season, structure=structure, candidacy=candidacy, joined_at=signature.answered_at
    )


def load_past_season(season: Season, *, now, ansa) -> None:
    """The two structures of the past season, selected and bound by their agreements."""
    people = {
        TREMPLIN: [
            ("referent1@essaim.test", SeasonRole.REFERENT),
            ("participant1@essaim.test", SeasonRole.PARTICIPANT),
        ],
        VAL_DE_LOIRE: [("referent2@essaim.test", SeasonRole.REFERENT)],
    }
    for name, members in people.items():
        structure = Structure.objects.get(name=name)
        if SwarmedStructure.objects.filter(season=season, structure=structure).exists():
            continue
        hypothesis = Hypothesis.A if structure.kind == StructureKind.OPERATOR else Hypothesis.B
        director = (
            Membership.objects.filter(structure=structure, is_admin=True).first()
            or Membership.objects.filter(structure=structure).first()
        ).user
        users = [User.objects.get(email=email) for email, _role in members]
        swarmed = select_and_bind(
            season=season,
            structure=structure,
            hypothesis=hypothesis,
            prescriber="Département des Pyrénées-Atlantiques" if hypothesis == Hypothesis.A else "",
            director=director,
            named=[(user, role) for user, (_email, role) in zip(users, members, strict=True)],
            now=now,
            ansa=ansa,
        )
        for user, (_email, role) in zip(users, members, strict=True):
            SwarmedMember.objects.create(
                swarmed_structure=swarmed, user=user, role=role, joined_at=swarmed.joined_at
            )
