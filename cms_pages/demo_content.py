"""Demo content of the public site, written for Essaim (French first, English translation)."""

# A "body" is a list of StreamField blocks in raw form. Allowed block types and their values:
#   {"type": "heading", "value": {"text": str, "level": "h2" | "h3"}}
#   {"type": "paragraph", "value": "<p>HTML with only p, b, i, a href, ul/ol/li, h3, h4</p>"}
#   {"type": "callout", "value": {"tone": "info" | "important", "title": str, "text": "<p>..</p>"}}
#   {"type": "accordion", "value": {"items": [{"title": str, "text": "<p>..</p>"}, ...]}}
#   {"type": "quote", "value": {"text": str, "author": str, "role": str}}
#   {"type": "table", "value": {"caption": str, "table": {"data": [[str, ...], ...],
#       "first_row_is_table_header": True, "first_col_is_header": False}}}
# (no image or document blocks: the loader adds those itself)
#
# People, structures, addresses and e-mail addresses below are fictional. Ansa and A.CO.R are
# real organisations; the figures on A.CO.R's results are those it reported for 2001-2017.
# Non-breaking spaces are written as \u00a0 (French typography).


# Tiny builders for the block types above, so that the data below stays readable.


def _heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _p(html):
    return {"type": "paragraph", "value": html}


def _callout(tone, title, html):
    return {"type": "callout", "value": {"tone": tone, "title": title, "text": html}}


def _accordion(*items):
    return {"type": "accordion", "value": {"items": [{"title": t, "text": x} for t, x in items]}}


def _quote(text, author, role):
    return {"type": "quote", "value": {"text": text, "author": author, "role": role}}


def _table(caption, rows):
    table = {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False}
    return {"type": "table", "value": {"caption": caption, "table": table}}


HOME = {
    "fr": {
        "title": "Accueil",
        "hero_title": (
            "Transposer la méthode «\u00a0Opportunités emploi\u00a0» d'A.CO.R dans votre territoire"
        ),
        "intro": (
            "Essaim aide les opérateurs de l'insertion et les collectivités à adopter la méthode "
            "d'A.CO.R\u00a0: aller chercher les offres d'emploi auprès des entreprises locales et "
            "proposer chacune à une seule personne éloignée de l'emploi. Ansa conduit le "
            "programme\u00a0; les équipes d'A.CO.R forment et conseillent les structures. La "
            "saison 2027 accueillera de 5 à 10 territoires."
        ),
        "primary_link_label": "Consulter l'appel à territoires 2027",
        "body": [
            _heading("À qui s'adresse le programme"),
            _p(
                "<ul><li><b>Un opérateur</b> (association, PLIE, structure d'insertion) qui "
                "accompagne des allocataires du RSA ou des demandeurs d'emploi de longue durée "
                "pour le compte d'une collectivité, et qui candidate avec elle.</li><li><b>Une "
                "collectivité</b> qui veut transformer ses propres services d'insertion "
                "professionnelle.</li></ul>"
            ),
            _heading("Ce que le programme apporte"),
            _p(
                "<ul><li>Cinq mois de formation-action pour trois personnes de la "
                "structure.</li><li>Un expert d'A.CO.R attitré, que le référent interroge "
                "directement.</li><li>L'appui de l'équipe d'Ansa jusqu'à la journée nationale "
                "d'échanges.</li><li>Une évaluation à 3, 9 et 18\u00a0mois, puis l'accès au label "
                'd\'A.CO.R.</li></ul><p><a href="/le-programme/">Découvrir le programme</a></p>'
            ),
            _callout(
                "info",
                "Saison 2027\u00a0: les dates à retenir",
                "<p>Candidatures du 11\u00a0janvier au 26\u00a0mars 2027 (12\u00a0h), annonce des "
                "territoires retenus le 7\u00a0mai 2027, formation-action de septembre 2027 à "
                "janvier 2028. Réunions d'information\u00a0: voir les <a "
                'href="/evenements/">évènements</a>.</p>',
            ),
            _heading("Une méthode éprouvée depuis 2001"),
            _p(
                "<p>De 2001 à 2017, l'association paloise A.CO.R a accompagné "
                "12\u00a0127\u00a0personnes\u00a0: 70\u00a0% ont retrouvé un emploi, et 39\u00a0% "
                "de ces emplois étaient durables (CDI ou CDD de plus de six mois). Sa pratique est "
                'décrite dans <a href="/referentiel/">le référentiel</a>.</p>'
            ),
        ],
    },
    "en": {
        "title": "Home",
        "hero_title": "Bring A.CO.R's “Opportunités emploi” method to your territory",
        "intro": (
            "Essaim helps employment operators and local authorities adopt A.CO.R's method: seek "
            "out job vacancies from local companies and offer each one to a single person far from "
            "employment. Ansa runs the programme; A.CO.R's teams train and advise. The 2027 season "
            "will welcome 5 to 10 territories."
        ),
        "primary_link_label": "Read the 2027 call for territories",
        "body": [
            _heading("Who the programme is for"),
            _p(
                "<ul><li><b>An operator</b> (association, PLIE, work-integration organisation) "
                "that supports minimum-income (RSA) recipients or long-term job seekers on behalf "
                "of a local authority, and applies together with it.</li><li><b>A local "
                "authority</b> that wants to transform its own employment-support "
                "services.</li></ul>"
            ),
            _heading("What the programme offers"),
            _p(
                "<ul><li>Five months of action learning for three people from the "
                "organisation.</li><li>A dedicated A.CO.R expert, whom the referent asks "
                "directly.</li><li>Support from the Ansa team until the national exchange "
                "day.</li><li>An evaluation at 3, 9 and 18 months, then access to A.CO.R's "
                'label.</li></ul><p><a href="/en/le-programme/">About the programme</a></p>'
            ),
            _callout(
                "info",
                "2027 season: key dates",
                "<p>Applications from 11 January to 26 March 2027 (noon), selected territories "
                "announced on 7 May 2027, action-learning course from September 2027 to January "
                '2028. Information meetings: see the <a href="/en/evenements/">events</a>.</p>',
            ),
            _heading("A method tested since 2001"),
            _p(
                "<p>From 2001 to 2017, A.CO.R, an association based in Pau, supported 12,127 "
                "people: 70% found a job, and 39% of those jobs were durable (a permanent contract "
                "or a fixed-term contract of more than six months). Its practice is set out in <a "
                'href="/en/referentiel/">the framework</a>.</p>'
            ),
        ],
    },
}

# Pages under home, in menu order. slug is French and shared by both languages.
# Placeholders whose full content comes later: intro + a rich-text body (one HTML string).
PROGRAMME_PAGES = {
    "referentiel": {
        "fr": {
            "title": "Le référentiel",
            "intro": (
                "«\u00a0Repères et outils pour créer des opportunités d'emploi\u00a0», rédigé par "
                "A.CO.R en 2018, décrit étape par étape le travail des chargés de relation "
                "entreprises. Cette page en donne une présentation publique\u00a0; le contenu "
                "complet est réservé aux structures du programme."
            ),
            "body": (
                "<h2>Treize fiches-actions</h2><p>A.CO.R a mis sa pratique par écrit pour "
                "harmoniser le travail de ses équipes, former ses nouveaux salariés puis la "
                "transmettre. Chaque fiche décrit les étapes d'une activité, les postures à "
                "adopter, les grilles d'entretien et des exemples de situations réelles. Elles se "
                "répartissent en deux axes, menés de front par chaque chargé de relation "
                "entreprises (CRE), et une fiche transversale.</p><h3>Axe 1 — Avec les personnes "
                "en recherche d'emploi</h3><ul><li>L'accueil</li><li>La période d'engagement "
                "réciproque (PER)</li><li>La proposition de poste</li><li>La préparation à "
                "l'entretien</li><li>Le suivi d'entretien</li><li>La préparation à la prise de "
                "poste</li><li>Le suivi dans le poste</li></ul><h3>Axe 2 — Avec les entreprises du "
                "territoire</h3><ul><li>La prospection et le recueil des offres</li><li>La "
                "fidélisation des entreprises</li><li>Les cafés de l'emploi</li><li>Les visites "
                "d'entreprises et les immersions (PMSMP)</li><li>Le croisement des offres et des "
                "personnes</li></ul><h3>Fiche transversale</h3><ul><li>L'organisation de "
                "l'équipe</li></ul><h2>Quatre principes, de A à D</h2><p>Toutes les fiches "
                "découlent des quatre principes d'action présentés sur la <a "
                'href="/le-programme/">page du programme</a>\u00a0: aller vers les entreprises, '
                "une offre pour une personne, une démarche réaliste et réactive, une équipe de "
                "CRE.</p><h2>Ce qui est public, ce qui est réservé</h2><p>Le référentiel et ses "
                "outils appartiennent à A.CO.R. Chaque fiche a ici un résumé ouvert à tous\u00a0; "
                "le contenu intégral, les grilles et les exemples sont réservés, après connexion, "
                "aux structures engagées dans une saison, à A.CO.R et à Ansa. Les questions posées "
                "au fil des saisons l'enrichissent chaque année.</p>"
            ),
        },
        "en": {
            "title": "The framework",
            "intro": (
                "“Repères et outils pour créer des opportunités d'emploi” (landmarks and tools to "
                "create job opportunities), written by A.CO.R in 2018, describes step by step the "
                "work of company relations officers. This page gives a public overview; the full "
                "content is reserved for organisations in the programme."
            ),
            "body": (
                "<h2>Thirteen action sheets</h2><p>A.CO.R put its practice in writing to make its "
                "teams' work consistent, train new staff and then pass it on. Each sheet describes "
                "the steps of one activity, the attitudes to adopt, interview grids and examples "
                "from real situations. They fall into two strands, which each company relations "
                "officer (CRE) pursues at the same time, and one cross-cutting "
                "sheet.</p><h3>Strand 1 — With people looking for "
                "work</h3><ul><li>Welcome</li><li>The reciprocal commitment period "
                "(PER)</li><li>Proposing a job</li><li>Preparing for the "
                "interview</li><li>Following up the interview</li><li>Preparing to start the "
                "job</li><li>Support once in the job</li></ul><h3>Strand 2 — With local "
                "companies</h3><ul><li>Prospecting companies and collecting "
                "vacancies</li><li>Building lasting relations with companies</li><li>Employment "
                "cafés</li><li>Company visits and work placements (PMSMP)</li><li>Matching "
                "vacancies and people</li></ul><h3>Cross-cutting sheet</h3><ul><li>Organising the "
                "team</li></ul><h2>Four principles, A to D</h2><p>Every sheet follows from the "
                'four action principles presented on the <a href="/en/le-programme/">programme '
                "page</a>: reaching out to companies, one vacancy for one person, a realistic and "
                "responsive approach, a team of CREs.</p><h2>What is public and what is "
                "reserved</h2><p>The framework and its tools belong to A.CO.R. Each sheet has a "
                "summary here, open to all; the full content, grids and examples are reserved, "
                "after signing in, for organisations enrolled in a season, A.CO.R and Ansa. The "
                "questions asked over the seasons enrich it every year.</p>"
            ),
        },
    },
    "formation-action": {
        "fr": {
            "title": "La formation-action",
            "intro": (
                "Pendant cinq mois, trois personnes de chaque structure retenue apprennent la "
                "méthode en l'appliquant dans leur structure, avec une session collective par mois "
                "et le tutorat d'un expert d'A.CO.R. Saison 2027\u00a0: de septembre 2027 à "
                "janvier 2028."
            ),
            "body": (
                "<h2>Apprendre en faisant</h2><p>Les participants travaillent sur des situations "
                "de leur propre structure. À chaque session, l'expert revient avec eux sur ce "
                "qu'ils ont tenté, ce qui a marché et ce qui a résisté. L'objectif\u00a0: qu'au "
                "bout de cinq mois, les pratiques aient commencé à changer.</p><h2>Cinq "
                "modules</h2><ol><li>Prospecter les entreprises\u00a0: la démarche "
                "«\u00a0aller-vers\u00a0»</li><li>Fidéliser les entreprises partenaires, avec "
                "l'application «\u00a0J'ai une offre\u00a0»</li><li>Accompagner les chercheurs "
                "d'emploi, notamment par la période d'engagement réciproque (PER)</li><li>Croiser "
                "les offres et les personnes</li><li>Transformer l'organisation de la "
                "structure</li></ol><h2>Rythme</h2><ul><li>Cinq journées collectives, du "
                "21\u00a0septembre 2027 au 18\u00a0janvier 2028, à Paris\u00a0; la troisième a "
                "lieu à Pau, auprès des équipes d'A.CO.R.</li><li>Entre deux sessions, un travail "
                "à mener dans la structure et à déposer sur le portail (liste d'entreprises à "
                "démarcher, compte rendu d'un premier accueil, projet d'organisation de "
                "l'équipe).</li><li>Jusqu'à trois participants par structure, dont le "
                "référent.</li></ul><h2>Tutorat et appui</h2><p>Chaque référent est associé à un "
                "expert d'A.CO.R choisi d'après le questionnaire des besoins de début de saison, "
                "et l'interroge depuis son espace. Ansa tient une permanence jusqu'à la journée "
                "nationale d'échanges du 21\u00a0mars 2028. Les questions et réponses, "
                "anonymisées, forment le guide d'essaimage.</p><h2>Temps à prévoir</h2><p>Par "
                "participant\u00a0: une journée de session par mois et une à deux journées de mise "
                "en pratique entre deux sessions\u00a0; pour le référent, environ deux heures par "
                "mois avec son expert. Formation, tutorat et évaluation sont financés par le "
                "programme\u00a0; les déplacements restent à la charge de la structure.</p>"
            ),
        },
        "en": {
            "title": "The action-learning course",
            "intro": (
                "For five months, three people from each selected organisation learn the method by "
                "applying it in their organisation, with one group session a month and tutoring by "
                "an A.CO.R expert. 2027 season: September 2027 to January 2028."
            ),
            "body": (
                "<h2>Learning by doing</h2><p>Participants work on situations from their own "
                "organisation. At each session, the expert goes back with them over what they "
                "tried, what worked and what did not. The aim: that after five months, practice "
                "has started to change.</p><h2>Five modules</h2><ol><li>Prospecting companies: the "
                "reaching-out approach</li><li>Building lasting relations with partner companies, "
                "with the “J'ai une offre” application</li><li>Supporting job seekers, in "
                "particular through the reciprocal commitment period (PER)</li><li>Matching "
                "vacancies and people</li><li>Transforming the "
                "organisation</li></ol><h2>Pace</h2><ul><li>Five group days, from 21 September "
                "2027 to 18 January 2028, in Paris; the third takes place in Pau, with A.CO.R's "
                "teams.</li><li>Between sessions, a piece of work to carry out in the organisation "
                "and upload to the portal (a list of companies to approach, the report of a first "
                "welcome interview, a plan for organising the team).</li><li>Up to three "
                "participants per organisation, the referent included.</li></ul><h2>Tutoring and "
                "support</h2><p>Each referent is paired with an A.CO.R expert chosen from the "
                "start-of-season needs questionnaire, and asks them questions from their personal "
                "space. Ansa runs a helpline until the national exchange day on 21 March 2028. The "
                "questions and answers, anonymised, make up the swarming guide.</p><h2>Time "
                "required</h2><p>Per participant: one session day a month and one to two days of "
                "practice between sessions; for the referent, about two hours a month with their "
                "expert. Training, tutoring and evaluation are funded by the programme; travel "
                "remains at the organisation's expense.</p>"
            ),
        },
    },
    "appel-a-territoires": {
        "fr": {
            "title": "Appel à territoires",
            "intro": (
                "L'appel s'adresse aux opérateurs de l'insertion, qui candidatent avec la "
                "collectivité qui les mandate, et aux collectivités qui veulent transformer leurs "
                "propres services. De 5 à 10 territoires sont retenus à chaque saison."
            ),
            "body": (
                "<h2>Comment candidater</h2><p>Créez un compte, choisissez votre hypothèse et "
                "remplissez le dossier à votre rythme\u00a0: il est enregistré à chaque étape. "
                "Invitez ensuite les signataires (président et, pour l'hypothèse A, représentant "
                "du prescripteur), qui relisent le dossier figé et le signent en ligne\u00a0; il "
                "est transmis une fois toutes les signatures réunies. Des questions\u00a0? Écrivez "
                'à <a href="mailto:contact@essaim.test">contact@essaim.test</a> ou venez à une <a '
                'href="/evenements/">réunion d\'information</a>.</p>'
            ),
        },
        "en": {
            "title": "Call for territories",
            "intro": (
                "The call is open to employment operators, applying with the local authority "
                "that commissions them, and to local authorities that want to transform their own "
                "services. Each season selects 5 to 10 territories."
            ),
            "body": (
                "<h2>How to apply</h2><p>Create an account, choose your hypothesis "
                "and fill in the application at your own pace: it is saved at each step. Then "
                "invite the signatories (the chair and, for hypothesis A, the referring "
                "authority's representative), who review the frozen application and sign it "
                "online; it is submitted once all signatures are in. Any questions? Write to <a "
                'href="mailto:contact@essaim.test">contact@essaim.test</a> or come to an <a '
                'href="/en/evenements/">information meeting</a>.</p>'
            ),
        },
    },
}

# Shown in the main menu, under home.
STANDARD_PAGES = [
    {
        "slug": "le-programme",
        "in_menu": True,
        "fr": {
            "title": "Le programme",
            "intro": (
                "Avec Essaim, Ansa transmet chaque saison la méthode «\u00a0Opportunités "
                "emploi\u00a0» de l'association A.CO.R à de nouvelles structures. Cette page "
                "présente la méthode, ses quatre principes, le déroulement d'une saison et les "
                "résultats d'A.CO.R."
            ),
            "body": [
                _heading("Diffuser une innovation née sur le terrain"),
                _p(
                    "<p>Depuis 2015, Ansa anime l'AIS#Emploi, qui repère des pratiques efficaces "
                    "pour le retour à l'emploi des chômeurs de longue durée et aide d'autres "
                    "structures à les adopter\u00a0: c'est l'essaimage. Chacune adapte la méthode "
                    "à son organisation, avec une formation, un tutorat et une évaluation. A.CO.R, "
                    "association fondée à Pau en 2001 et forte de 32 salariés, a choisi de "
                    "transmettre sa méthode plutôt que de grandir\u00a0; elle devient tête de "
                    "réseau des structures essaimées.</p>"
                ),
                _heading("La méthode «\u00a0Opportunités emploi\u00a0»"),
                _p(
                    "<p>Tout part des besoins de recrutement des entreprises locales, surtout des "
                    "TPE et PME. Des chargés de relation entreprises (CRE) les démarchent, "
                    "recueillent leurs offres et proposent chacune à une seule personne, retenue "
                    "pour ses goûts et ses compétences, sans CV. Les personnes orientées sont "
                    "surtout des allocataires du RSA, aptes au travail mais peu susceptibles de "
                    "retrouver seules un emploi.</p>"
                ),
                _heading("Quatre principes indissociables"),
                _p(
                    "<p>Écarter un seul principe suffit à dénaturer la méthode\u00a0; A.CO.R "
                    "vérifie donc leur respect avant d'attribuer son label. Le tableau indique si "
                    "chaque principe engage surtout les choix stratégiques de la structure "
                    "(gouvernance, contrat avec le prescripteur) ou le travail quotidien de ses "
                    "équipes.</p>"
                ),
                _table(
                    "Les quatre principes d'action et leur impact sur une structure essaimée",
                    [
                        [
                            "Principe",
                            "Ce qu'il signifie",
                            "Impact stratégique",
                            "Impact opérationnel",
                        ],
                        [
                            "A — «\u00a0Aller-vers\u00a0» les entreprises",
                            "Aller au-devant des employeurs locaux, sans filtre de secteur, et "
                            "gagner leur confiance dans la durée.",
                            "Fort",
                            "Faible",
                        ],
                        [
                            "B — Une offre = une personne",
                            "Chaque offre est proposée à une seule personne\u00a0: ni mise en "
                            "concurrence, ni CV.",
                            "Fort",
                            "Faible",
                        ],
                        [
                            "C — Une démarche réaliste, réactive et réalisable",
                            "Viser des postes cohérents avec le parcours réel de la personne et "
                            "réagir vite à toute nouvelle information.",
                            "Faible",
                            "Faible",
                        ],
                        [
                            "D — Une équipe de chargés de relation entreprises",
                            "Une équipe dédiée de CRE porte la méthode, se fixe des objectifs de "
                            "résultats et les suit.",
                            "Fort",
                            "Fort",
                        ],
                    ],
                ),
                _heading("Les résultats d'A.CO.R"),
                _p(
                    "<p>De 2001 à 2017, A.CO.R a accompagné 12\u00a0127\u00a0personnes\u00a0: "
                    "70\u00a0% ont repris un emploi et, parmi elles, 39\u00a0% un emploi durable "
                    "(CDI ou CDD de plus de six mois). Fin 2018, ses 20 CRE suivaient un fichier "
                    "de 3\u00a0600 entreprises et établissaient environ 1\u00a0800 contacts par "
                    "mois. Ces chiffres sont déclarés par A.CO.R\u00a0; pour les structures "
                    "essaimées, Essaim mesure l'appropriation, la mise en œuvre et les effets de "
                    "la méthode.</p>"
                ),
                _heading("Le déroulement d'une saison"),
                _accordion(
                    (
                        "1. Sensibilisation",
                        "<p>Articles dans les lettres des réseaux de collectivités partenaires, "
                        "réunions d'information à Paris, à Pau et en ligne, plaquette.</p>",
                    ),
                    (
                        "2. Candidature",
                        "<p>Dossier rempli en ligne, signé par le président\u00a0; pour un "
                        "opérateur, engagement territorial cosigné avec le prescripteur.</p>",
                    ),
                    (
                        "3. Sélection et convention",
                        "<p>Ansa retient de 5 à 10 territoires, avec l'avis d'A.CO.R. Le directeur "
                        "général signe la convention et désigne le référent et deux autres "
                        "participants au plus.</p>",
                    ),
                    (
                        "4. Formation-action de cinq mois",
                        "<p>Une session collective par mois et une mise en pratique entre deux "
                        'sessions\u00a0: voir <a href="/formation-action/">la '
                        "formation-action</a>.</p>",
                    ),
                    (
                        "5. Tutorat et appui individuel",
                        "<p>Le référent interroge son expert d'A.CO.R\u00a0; Ansa reste joignable "
                        "jusqu'à la journée nationale. Les échanges nourrissent le guide "
                        "d'essaimage.</p>",
                    ),
                    (
                        "6. Visites et journée nationale d'échanges",
                        "<p>Les structures de la saison, A.CO.R et Ansa font le point et partagent "
                        "leurs solutions.</p>",
                    ),
                    (
                        "7. Évaluation",
                        "<p>Appropriation à 3\u00a0mois, mise en œuvre à 9\u00a0mois, effets à "
                        "18\u00a0mois, comptés depuis le début de la formation, avec des relevés "
                        "courts.</p>",
                    ),
                    (
                        "8. Label et réseau",
                        "<p>A.CO.R vérifie la fidélité aux principes A à D et aux outils, puis "
                        "labellise\u00a0; le réseau des essaimés se poursuit après la saison.</p>",
                    ),
                ),
                _quote(
                    "Apprendre à démarcher les entreprises a été rapide. Le plus dur a été de "
                    "perdre nos réflexes de sélection\u00a0: ne plus envoyer trois CV pour un même "
                    "poste. Notre experte nous a aidés à tenir bon tant que les résultats ne se "
                    "voyaient pas.",
                    "Julien Marchal",
                    "Référent, association Rives Emploi (Angers), saison 2025",
                ),
                _callout(
                    "important",
                    "Rejoindre la saison 2027",
                    "<p>Candidatures du 11\u00a0janvier au 26\u00a0mars 2027 à 12\u00a0h. Vérifiez "
                    "les critères de votre hypothèse et, si vous êtes un opérateur, associez dès "
                    "maintenant votre prescripteur. Détails\u00a0: <a "
                    'href="/appel-a-territoires/">Appel à territoires</a>\u00a0; contact\u00a0: '
                    '<a href="mailto:contact@essaim.test">contact@essaim.test</a>.</p>',
                ),
            ],
        },
        "en": {
            "title": "The programme",
            "intro": (
                "Through Essaim, Ansa passes on A.CO.R's “Opportunités emploi” method to new "
                "organisations each season. This page presents the method, its four principles, "
                "how a season unfolds and A.CO.R's results."
            ),
            "body": [
                _heading("Spreading an innovation born in the field"),
                _p(
                    "<p>Since 2015, Ansa has run AIS#Emploi, which identifies effective practices "
                    "for getting long-term unemployed people back to work and helps other "
                    "organisations adopt them: this is swarming (essaimage). Each one adapts the "
                    "method to its set-up, with training, tutoring and evaluation. A.CO.R, an "
                    "association founded in Pau in 2001 with 32 employees, chose to pass on its "
                    "method rather than grow; it becomes head of the network of swarmed "
                    "organisations.</p>"
                ),
                _heading("The “Opportunités emploi” method"),
                _p(
                    "<p>Everything starts from the hiring needs of local companies, mostly very "
                    "small and medium-sized firms. Company relations officers (CREs) approach "
                    "them, collect their vacancies and offer each one to a single person, chosen "
                    "for their interests and skills, without a CV. The people referred are mostly "
                    "RSA recipients, able to work but unlikely to find a job on their own.</p>"
                ),
                _heading("Four inseparable principles"),
                _p(
                    "<p>Setting aside a single principle is enough to distort the method, so "
                    "A.CO.R checks that they are respected before awarding its label. The table "
                    "shows whether each principle mainly affects the organisation's strategic "
                    "choices (governance, contract with the referring authority) or its teams' "
                    "daily work.</p>"
                ),
                _table(
                    "The four action principles and their impact on a swarmed organisation",
                    [
                        ["Principle", "What it means", "Strategic impact", "Operational impact"],
                        [
                            "A — Reaching out to companies",
                            "Go out to local employers, whatever their sector, and earn their "
                            "trust over time.",
                            "Strong",
                            "Weak",
                        ],
                        [
                            "B — One vacancy = one person",
                            "Each vacancy is offered to one person only: no competition between "
                            "candidates, no CV.",
                            "Strong",
                            "Weak",
                        ],
                        [
                            "C — A realistic, responsive and achievable approach",
                            "Aim for jobs that fit the person's actual path and react quickly to "
                            "any new information.",
                            "Weak",
                            "Weak",
                        ],
                        [
                            "D — A team of company relations officers",
                            "A dedicated team of CREs carries the method, sets itself result "
                            "targets and tracks them.",
                            "Strong",
                            "Strong",
                        ],
                    ],
                ),
                _heading("A.CO.R's results"),
                _p(
                    "<p>From 2001 to 2017, A.CO.R supported 12,127 people: 70% found work and, of "
                    "those, 39% a durable job (a permanent contract or a fixed-term contract of "
                    "more than six months). At the end of 2018, its 20 CREs worked with a file of "
                    "3,600 companies and made about 1,800 contacts a month. These figures are "
                    "reported by A.CO.R; for swarmed organisations, Essaim measures the take-up, "
                    "implementation and effects of the method.</p>"
                ),
                _heading("How a season unfolds"),
                _accordion(
                    (
                        "1. Awareness campaign",
                        "<p>Articles in the newsletters of partner networks of local authorities, "
                        "information meetings in Paris, in Pau and online, a brochure.</p>",
                    ),
                    (
                        "2. Application",
                        "<p>Online application signed by the chair; for an operator, a territorial "
                        "commitment co-signed with the referring authority.</p>",
                    ),
                    (
                        "3. Selection and agreement",
                        "<p>Ansa selects 5 to 10 territories, with A.CO.R's opinion. The chief "
                        "executive signs the agreement and appoints the referent and at most two "
                        "other participants.</p>",
                    ),
                    (
                        "4. Five-month action-learning course",
                        "<p>One group session a month and practice between sessions: see <a "
                        'href="/en/formation-action/">the action-learning course</a>.</p>',
                    ),
                    (
                        "5. Tutoring and individual support",
                        "<p>The referent asks their A.CO.R expert; Ansa remains available until "
                        "the national day. The exchanges feed the swarming guide.</p>",
                    ),
                    (
                        "6. Site visits and national exchange day",
                        "<p>The season's organisations, A.CO.R and Ansa take stock and share their "
                        "solutions.</p>",
                    ),
                    (
                        "7. Evaluation",
                        "<p>Take-up at 3 months, implementation at 9 months, effects at 18 months, "
                        "counted from the start of the course, with short reports.</p>",
                    ),
                    (
                        "8. Label and network",
                        "<p>A.CO.R checks fidelity to principles A to D and to the tools, then "
                        "awards its label; the network of swarmed organisations continues after "
                        "the season.</p>",
                    ),
                ),
                _quote(
                    "Learning to approach companies was quick. The hardest part was losing our "
                    "selection habits: no longer sending three CVs for the same job. Our expert "
                    "helped us hold on while results were not yet visible.",
                    "Julien Marchal",
                    "Referent, Rives Emploi association (Angers), 2025 season",
                ),
                _callout(
                    "important",
                    "Joining the 2027 season",
                    "<p>Applications from 11 January to 26 March 2027 at noon. Check the criteria "
                    "for your hypothesis and, if you are an operator, involve your referring "
                    'authority now. Details: <a href="/en/appel-a-territoires/">call for '
                    "territories</a>; contact: <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a>.</p>',
                ),
            ],
        },
    },
]

# Linked from the footer, not in the menu.
LEGAL_PAGES = {
    "mentions-legales": {
        "fr": {
            "title": "Mentions légales",
            "intro": "Éditeur, hébergeur et conditions de réutilisation des contenus du portail.",
            "body": [
                _callout(
                    "important",
                    "Site de démonstration",
                    "<p>Les adresses, noms de personnes et de sociétés et les coordonnées de cette "
                    "page sont fictifs.</p>",
                ),
                _heading("Éditeur"),
                _p(
                    "<p>Le portail Essaim est édité par Ansa, association régie par la loi du "
                    "1er\u00a0juillet 1901, dans le cadre de l'AIS#Emploi.</p><p>Adresse\u00a0: 12 "
                    "rue Exemple, 75011 Paris. Courriel\u00a0: <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a>. Téléphone\u00a0: '
                    "01 00 00 00 00.</p><p>Directrice de la publication\u00a0: Claire Dumontel, "
                    "déléguée générale.</p>"
                ),
                _heading("Hébergement"),
                _p(
                    "<p>Hébergeur Exemple SAS, 1 avenue Exemple, 69000 Lyon. Les données sont "
                    "hébergées en France.</p>"
                ),
                _heading("Propriété intellectuelle"),
                _p(
                    "<p>Le référentiel «\u00a0Repères et outils pour créer des opportunités "
                    "d'emploi\u00a0», ses fiches-actions, grilles, modèles et applications sont la "
                    "propriété d'A.CO.R. Les structures du programme les utilisent pour leur seul "
                    "usage interne\u00a0; toute reproduction ou diffusion à des tiers exige "
                    "l'accord écrit d'A.CO.R. Les autres textes, rédigés par Ansa, peuvent être "
                    "repris sans modification en citant la source («\u00a0Ansa, portail "
                    "Essaim\u00a0»).</p>"
                ),
                _heading("Crédits"),
                _p(
                    "<p>Réalisation\u00a0: équipe du programme Essaim, avec les logiciels libres "
                    "Django et Wagtail. Les crédits photographiques figurent sous chaque image.</p>"
                ),
            ],
        },
        "en": {
            "title": "Legal notice",
            "intro": "Publisher, host and terms for reusing the portal's content.",
            "body": [
                _callout(
                    "important",
                    "Demonstration site",
                    "<p>The addresses, names of people and companies and the contact details on "
                    "this page are fictional.</p>",
                ),
                _heading("Publisher"),
                _p(
                    "<p>The Essaim portal is published by Ansa, an association governed by the "
                    "French law of 1 July 1901, as part of AIS#Emploi.</p><p>Address: 12 rue "
                    "Exemple, 75011 Paris. E-mail: <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a>. Phone: +33 1 00 '
                    "00 00 00.</p><p>Publication director: Claire Dumontel, managing director.</p>"
                ),
                _heading("Hosting"),
                _p(
                    "<p>Hébergeur Exemple SAS, 1 avenue Exemple, 69000 Lyon, France. Data are "
                    "hosted in France.</p>"
                ),
                _heading("Intellectual property"),
                _p(
                    "<p>The framework “Repères et outils pour créer des opportunités d'emploi”, "
                    "its action sheets, grids, templates and applications are the property of "
                    "A.CO.R. Organisations in the programme use them for internal purposes only; "
                    "any reproduction or disclosure to third parties requires A.CO.R's written "
                    "consent. The other texts, written by Ansa, may be reused unchanged with "
                    "credit to the source (“Ansa, portail Essaim”).</p>"
                ),
                _heading("Credits"),
                _p(
                    "<p>Built by the Essaim programme team with the free software Django and "
                    "Wagtail. Photo credits appear under each image.</p>"
                ),
            ],
        },
    },
    "donnees-personnelles": {
        "fr": {
            "title": "Données personnelles",
            "intro": (
                "Les données que traite le portail Essaim, pourquoi, combien de temps, qui les "
                "consulte et comment exercer vos droits."
            ),
            "body": [
                _heading("Responsable du traitement"),
                _p(
                    "<p>Ansa, 12 rue Exemple, 75011 Paris. Délégué à la protection des "
                    'données\u00a0: <a href="mailto:dpo@essaim.test">dpo@essaim.test</a>.</p>'
                ),
                _heading("Données traitées"),
                _p(
                    "<p>Identité, structure, fonction et coordonnées des professionnels "
                    "utilisateurs\u00a0; contenu des candidatures, des travaux d'intersession et "
                    "des questions aux experts\u00a0; réponses aux questionnaires d'évaluation. Le "
                    "portail ne contient aucune donnée nominative sur les personnes accompagnées "
                    "par les structures\u00a0: les indicateurs sont agrégés. Ne citez jamais le "
                    "nom d'une personne accompagnée dans une question ou un document.</p>"
                ),
                _heading("Finalités, bases légales et durées de conservation"),
                _table(
                    "Traitements réalisés sur le portail Essaim",
                    [
                        ["Traitement", "Finalité", "Base légale", "Conservation"],
                        [
                            "Comptes",
                            "Gérer les accès au portail et les notifications de service.",
                            "Exécution des conditions d'utilisation",
                            "Durée d'utilisation\u00a0; suppression après 3\u00a0ans sans "
                            "connexion.",
                        ],
                        [
                            "Candidatures",
                            "Instruire les candidatures, recueillir les signatures, sélectionner.",
                            "Mesures préalables à la convention de participation",
                            "Non retenues\u00a0: 2\u00a0ans. Retenues\u00a0: la saison, puis "
                            "5\u00a0ans.",
                        ],
                        [
                            "Tutorat",
                            "Questions-réponses avec l'expert, permanence, rédaction du guide "
                            "d'essaimage.",
                            "Exécution de la convention de participation",
                            "3\u00a0ans après la saison\u00a0; seul le contenu anonymisé entre "
                            "dans le guide.",
                        ],
                        [
                            "Évaluation",
                            "Mesurer l'appropriation, la mise en œuvre et les effets à 3, 9 et "
                            "18\u00a0mois.",
                            "Intérêt légitime d'Ansa à évaluer son programme",
                            "3\u00a0ans après le rapport final\u00a0; résultats publiés sous forme "
                            "agrégée.",
                        ],
                        [
                            "Journaux techniques",
                            "Sécurité du service.",
                            "Intérêt légitime",
                            "1\u00a0an.",
                        ],
                    ],
                ),
                _heading("Destinataires"),
                _p(
                    "<ul><li>L'équipe du programme chez Ansa.</li><li>Les experts d'A.CO.R, pour "
                    "les structures dont ils assurent le tutorat\u00a0; A.CO.R, tête de réseau, "
                    "pour le label.</li><li>Le comité de pilotage, qui ne reçoit que des données "
                    "agrégées.</li><li>L'hébergeur, sous-traitant d'Ansa.</li></ul><p>Aucune "
                    "donnée n'est cédée ni transférée hors de l'Union européenne.</p>"
                ),
                _heading("Vos droits"),
                _p(
                    "<p>Vous disposez des droits d'accès, de rectification, d'effacement, de "
                    "limitation, d'opposition et de portabilité. Dans votre profil, "
                    "«\u00a0Télécharger mes données\u00a0» et «\u00a0Demander la "
                    "suppression\u00a0» permettent d'exercer directement l'accès, la portabilité "
                    "et l'effacement. Pour le reste, écrivez à <a "
                    'href="mailto:dpo@essaim.test">dpo@essaim.test</a>\u00a0: réponse sous un '
                    "mois. Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr, ou 3 "
                    "place de Fontenoy, TSA 80715, 75334 Paris Cedex 07).</p>"
                ),
                _heading("Cookies"),
                _p(
                    "<p>Deux cookies strictement nécessaires, donc dispensés de "
                    "consentement\u00a0: un cookie de session, qui vous garde connecté, et un "
                    "cookie CSRF, qui protège les formulaires. Aucune mesure d'audience, aucune "
                    "publicité, aucun suivi.</p>"
                ),
            ],
        },
        "en": {
            "title": "Personal data",
            "intro": (
                "The data the Essaim portal processes, why, for how long, who sees it and how to "
                "exercise your rights."
            ),
            "body": [
                _heading("Data controller"),
                _p(
                    "<p>Ansa, 12 rue Exemple, 75011 Paris. Data protection officer: <a "
                    'href="mailto:dpo@essaim.test">dpo@essaim.test</a>.</p>'
                ),
                _heading("Data processed"),
                _p(
                    "<p>Identity, organisation, position and contact details of professional "
                    "users; the content of applications, work between sessions and questions to "
                    "experts; answers to evaluation questionnaires. The portal holds no personal "
                    "data on the people the organisations support: indicators are aggregated. "
                    "Never name a person you support in a question or a document.</p>"
                ),
                _heading("Purposes, legal bases and retention periods"),
                _table(
                    "Processing carried out on the Essaim portal",
                    [
                        ["Processing", "Purpose", "Legal basis", "Retention"],
                        [
                            "Accounts",
                            "Manage access to the portal and service notifications.",
                            "Performance of the terms of use",
                            "While in use; deleted after 3 years without sign-in.",
                        ],
                        [
                            "Applications",
                            "Review applications, collect signatures, select.",
                            "Steps prior to the participation agreement",
                            "Not selected: 2 years. Selected: the season, then 5 years.",
                        ],
                        [
                            "Tutoring",
                            "Questions and answers with the expert, helpline, writing the swarming "
                            "guide.",
                            "Performance of the participation agreement",
                            "3 years after the season; only anonymised content enters the guide.",
                        ],
                        [
                            "Evaluation",
                            "Measure take-up, implementation and effects at 3, 9 and 18 months.",
                            "Ansa's legitimate interest in evaluating its programme",
                            "3 years after the final report; results published in aggregate form.",
                        ],
                        [
                            "Technical logs",
                            "Security of the service.",
                            "Legitimate interest",
                            "1 year.",
                        ],
                    ],
                ),
                _heading("Recipients"),
                _p(
                    "<ul><li>The programme team at Ansa.</li><li>A.CO.R experts, for the "
                    "organisations they tutor; A.CO.R, as head of network, for the "
                    "label.</li><li>The steering committee, which receives aggregated data "
                    "only.</li><li>The hosting company, Ansa's processor.</li></ul><p>No data is "
                    "sold or transferred outside the European Union.</p>"
                ),
                _heading("Your rights"),
                _p(
                    "<p>You have the rights of access, rectification, erasure, restriction, "
                    "objection and portability. In your profile, “Download my data” and “Request "
                    "deletion” let you exercise access, portability and erasure directly. "
                    'Otherwise, write to <a href="mailto:dpo@essaim.test">dpo@essaim.test</a>: '
                    "answer within one month. You may also lodge a complaint with the CNIL, the "
                    "French data protection authority (cnil.fr, or 3 place de Fontenoy, TSA 80715, "
                    "75334 Paris Cedex 07).</p>"
                ),
                _heading("Cookies"),
                _p(
                    "<p>Two strictly necessary cookies, hence exempt from consent: a session "
                    "cookie, which keeps you signed in, and a CSRF cookie, which protects forms. "
                    "No audience measurement, no advertising, no tracking.</p>"
                ),
            ],
        },
    },
    "accessibilite": {
        "fr": {
            "title": "Déclaration d'accessibilité",
            "intro": (
                "Conformité du portail Essaim au RGAA, contenus non accessibles et moyens de nous "
                "signaler une difficulté."
            ),
            "body": [
                _p(
                    "<p>Ansa s'engage à rendre son service accessible, conformément à l'article 47 "
                    "de la loi n°\u00a02005-102 du 11\u00a0février 2005. Cette déclaration "
                    "s'applique au portail Essaim.</p>"
                ),
                _heading("État de conformité"),
                _p(
                    "<p>Le portail Essaim est <b>partiellement conforme</b> au RGAA 4.1. Cet état "
                    "repose sur une autoévaluation de l'équipe du projet\u00a0; un audit externe "
                    "est prévu et ses résultats remplaceront cette autoévaluation.</p>"
                ),
                _heading("Contenus non accessibles"),
                _p(
                    "<ul><li>Certains documents PDF fournis par des partenaires ne sont pas "
                    "balisés.</li><li>La plaquette PDF n'est pas balisée\u00a0; son contenu figure "
                    'sur les pages <a href="/le-programme/">Le programme</a> et <a '
                    'href="/appel-a-territoires/">Appel à territoires</a>.</li><li>Non soumises '
                    "à l'obligation\u00a0: les pièces numérisées déposées par les candidats, "
                    "contenus de tiers.</li></ul><p>Sur demande, nous vous adressons une version "
                    "accessible de ces documents.</p>"
                ),
                _heading("Établissement de cette déclaration"),
                _p(
                    "<p>Déclaration établie en novembre 2026. Technologies utilisées\u00a0: HTML "
                    "et CSS\u00a0; JavaScript n'est nécessaire à aucune consultation ni démarche. "
                    "Tests\u00a0: navigateur Chromium avec vérifications automatiques axe-core, et "
                    "navigation au clavier seul sur tous les parcours.</p>"
                ),
                _heading("Retour d'information et contact"),
                _p(
                    "<p>Un contenu ou un service vous est inaccessible\u00a0? Écrivez à <a "
                    'href="mailto:accessibilite@essaim.test">accessibilite@essaim.test</a>\u00a0: '
                    "nous vous proposerons un autre accès ou une autre forme.</p>"
                ),
                _heading("Voies de recours"),
                _p(
                    "<p>Sans réponse satisfaisante, vous pouvez saisir le Défenseur des "
                    "droits\u00a0: formulaire en ligne, délégué de votre région, ou courrier "
                    "gratuit sans timbre (Défenseur des droits, Libre réponse 71120, 75342 Paris "
                    "Cedex 07).</p>"
                ),
            ],
        },
        "en": {
            "title": "Accessibility statement",
            "intro": (
                "Compliance of the Essaim portal with the French accessibility standard (RGAA), "
                "non-accessible content and how to report a difficulty."
            ),
            "body": [
                _p(
                    "<p>Ansa is committed to making its service accessible, in accordance with "
                    "article 47 of French law no. 2005-102 of 11 February 2005. This statement "
                    "applies to the Essaim portal.</p>"
                ),
                _heading("Compliance status"),
                _p(
                    "<p>The Essaim portal is <b>partially compliant</b> with RGAA 4.1. This status "
                    "rests on a self-assessment by the project team; an external audit is planned "
                    "and its results will replace this self-assessment.</p>"
                ),
                _heading("Non-accessible content"),
                _p(
                    "<ul><li>Some PDF documents provided by partners are not tagged.</li><li>The "
                    "PDF brochure is not tagged; its content is on the <a "
                    'href="/en/le-programme/">programme</a> and <a '
                    'href="/en/appel-a-territoires/">call for territories</a> '
                    "pages.</li><li>Exempt from the obligation: scanned files uploaded by "
                    "applicants, which are third-party content.</li></ul><p>On request, we will "
                    "send you an accessible version of these documents.</p>"
                ),
                _heading("Preparation of this statement"),
                _p(
                    "<p>Statement prepared in November 2026. Technologies used: HTML and CSS; "
                    "JavaScript is not needed to read anything or complete any procedure. Tests: "
                    "Chromium browser with automated axe-core checks, and keyboard-only navigation "
                    "across all journeys.</p>"
                ),
                _heading("Feedback and contact"),
                _p(
                    "<p>Cannot access some content or a service? Write to <a "
                    'href="mailto:accessibilite@essaim.test">accessibilite@essaim.test</a>: we '
                    "will offer another way in or another format.</p>"
                ),
                _heading("Remedies"),
                _p(
                    "<p>Without a satisfactory answer, you may refer the matter to the Défenseur "
                    "des droits (French rights ombudsman): online form, delegate in your region, "
                    "or free post without a stamp (Défenseur des droits, Libre réponse 71120, "
                    "75342 Paris Cedex 07).</p>"
                ),
            ],
        },
    },
}

NEWS_INDEX = {
    "fr": {
        "title": "Actualités",
        "intro": (
            "Ouverture des saisons, comptes rendus de rencontres et retours d'expérience des "
            "structures essaimées."
        ),
    },
    "en": {
        "title": "News",
        "intro": "Season launches, meeting reports and feedback from swarmed organisations.",
    },
}

# Newest first; days_ago is relative to the day the loader runs.
NEWS = [
    {
        "slug": "ouverture-saison-2027",
        "days_ago": 3,
        "fr": {
            "title": "La saison 2027 d'Essaim est lancée",
            "intro": (
                "Ansa et A.CO.R ouvrent une nouvelle saison d'essaimage. Candidatures du "
                "11\u00a0janvier au 26\u00a0mars 2027\u00a0; d'ici là, trois réunions "
                "d'information aident à préparer son dossier."
            ),
            "body": [
                _p(
                    "<p>La saison 2027 accueillera de 5 à 10 territoires, opérateurs candidats "
                    "avec leur prescripteur ou collectivités qui transforment leurs services. Les "
                    "territoires retenus seront connus le 7\u00a0mai 2027\u00a0; la "
                    "formation-action se déroulera du 21\u00a0septembre 2027 au 18\u00a0janvier "
                    "2028.</p>"
                ),
                _heading("Préparer sa candidature dès maintenant"),
                _p(
                    "<ul><li>Vérifier les critères d'entrée de son hypothèse.</li><li>Pour un "
                    "opérateur, associer la collectivité prescriptrice, dont l'engagement cosigné "
                    "est exigé.</li><li>Repérer les trois personnes qui suivront la formation et "
                    "réserver les dates des sessions.</li><li>Prévoir le passage devant l'instance "
                    "dont le président signera la candidature.</li></ul>"
                ),
                _callout(
                    "info",
                    "Réunions d'information",
                    "<p>Un webinaire, une matinée à Paris et un après-midi à Pau\u00a0: voir les "
                    '<a href="/evenements/">évènements</a> et la page <a '
                    'href="/appel-a-territoires/">Appel à territoires</a>.</p>',
                ),
            ],
        },
        "en": {
            "title": "Essaim's 2027 season is open",
            "intro": (
                "Ansa and A.CO.R are opening a new swarming season. Applications from 11 January "
                "to 26 March 2027; until then, three information meetings help you prepare."
            ),
            "body": [
                _p(
                    "<p>The 2027 season will welcome 5 to 10 territories: operators applying with "
                    "their referring authority, or local authorities transforming their services. "
                    "Selected territories will be announced on 7 May 2027; the action-learning "
                    "course runs from 21 September 2027 to 18 January 2028.</p>"
                ),
                _heading("Preparing your application now"),
                _p(
                    "<ul><li>Check the entry criteria for your hypothesis.</li><li>If you are an "
                    "operator, involve the referring authority, whose co-signed commitment is "
                    "required.</li><li>Identify the three people who will follow the course and "
                    "book the session dates.</li><li>Plan the meeting of the body whose chair will "
                    "sign the application.</li></ul>"
                ),
                _callout(
                    "info",
                    "Information meetings",
                    "<p>A webinar, a morning in Paris and an afternoon in Pau: see the <a "
                    'href="/en/evenements/">events</a> and the <a '
                    'href="/en/appel-a-territoires/">call for territories</a>.</p>',
                ),
            ],
        },
    },
    {
        "slug": "retour-rencontre-pau",
        "days_ago": 37,
        "fr": {
            "title": "Pau\u00a0: une matinée pour découvrir la méthode d'A.CO.R",
            "intro": (
                "Une cinquantaine de participants, venus de collectivités et d'associations du "
                "Sud-Ouest, ont assisté à la première rencontre de sensibilisation de la saison."
            ),
            "body": [
                _p(
                    "<p>Deux chargées de relation entreprises d'A.CO.R ont décrit leur "
                    "semaine\u00a0: réunion d'équipe du lundi, appels aux entreprises, "
                    "présentation d'une offre à une seule personne, suivi après l'entretien. Les "
                    "échanges ont porté sur les conditions concrètes d'une transposition.</p>"
                ),
                _heading("Les questions les plus posées"),
                _accordion(
                    (
                        "Faut-il recruter\u00a0?",
                        "<p>Pas forcément\u00a0: le principe D demande une équipe dédiée à la "
                        "relation avec les entreprises, que beaucoup constituent avec des "
                        "conseillers déjà en poste.</p>",
                    ),
                    (
                        "Que devient le marché public en cours\u00a0?",
                        "<p>Le prescripteur confirme qu'il permet le changement de pratiques, ou "
                        "inscrit la méthode dans le prochain cahier des charges\u00a0; "
                        "l'engagement territorial précise la voie retenue.</p>",
                    ),
                    (
                        "Pourquoi se passer du CV\u00a0?",
                        "<p>L'offre n'étant proposée qu'à une personne, le CV ne sert plus à "
                        "trier. L'entretien avec l'employeur, lui, demeure.</p>",
                    ),
                ),
                _callout(
                    "info",
                    "Un second rendez-vous à Pau",
                    "<p>La salle était complète\u00a0: un après-midi d'ateliers avec les équipes "
                    'd\'A.CO.R est programmé. Voir les <a href="/evenements/">évènements</a>.</p>',
                ),
            ],
        },
        "en": {
            "title": "Pau: a morning to discover A.CO.R's method",
            "intro": (
                "About fifty participants from local authorities and associations in south-west "
                "France attended the season's first awareness meeting."
            ),
            "body": [
                _p(
                    "<p>Two of A.CO.R's company relations officers described their week: the "
                    "Monday team meeting, calls to companies, presenting a vacancy to a single "
                    "person, follow-up after the interview. Discussion focused on the practical "
                    "conditions for transposing the method.</p>"
                ),
                _heading("The most frequent questions"),
                _accordion(
                    (
                        "Do we need to hire?",
                        "<p>Not necessarily: principle D calls for a team dedicated to relations "
                        "with companies, which many build from advisers already in post.</p>",
                    ),
                    (
                        "What happens to the current public contract?",
                        "<p>The referring authority confirms that it allows the change of "
                        "practice, or writes the method into the next specifications; the "
                        "territorial commitment states which route is taken.</p>",
                    ),
                    (
                        "Why do without CVs?",
                        "<p>As the vacancy is offered to one person only, the CV is no longer used "
                        "to sort candidates. The interview with the employer remains.</p>",
                    ),
                ),
                _callout(
                    "info",
                    "A second meeting in Pau",
                    "<p>The room was full, so an afternoon of workshops with A.CO.R's teams is "
                    'scheduled. See the <a href="/en/evenements/">events</a>.</p>',
                ),
            ],
        },
    },
    {
        "slug": "article-reseaux-collectivites",
        "days_ago": 58,
        "fr": {
            "title": "Un article pour les réseaux de collectivités partenaires",
            "intro": (
                "Ansa a proposé aux réseaux de collectivités partenaires un court article sur "
                "l'essaimage, repris dans plusieurs lettres d'information. Le voici."
            ),
            "body": [
                _heading("Insertion\u00a0: et si l'on partait des offres des entreprises\u00a0?"),
                _p(
                    "<p>Beaucoup d'allocataires du RSA pourraient travailler si l'on ouvrait pour "
                    "eux la porte d'un employeur. C'est le pari d'A.CO.R\u00a0: depuis 2001, "
                    "l'association démarche les TPE et PME autour de Pau et présente à chaque "
                    "offre une seule personne, sans CV. De 2001 à 2017, 70\u00a0% des "
                    "12\u00a0127\u00a0personnes accompagnées ont retrouvé un emploi.</p><p>Avec le "
                    "programme Essaim, Ansa transmet cette méthode à d'autres territoires. Une "
                    "collectivité peut l'appliquer avec ses agents, ou soutenir l'opérateur qui "
                    "accompagne les personnes pour son compte, en adaptant le marché qui les lie. "
                    "Les structures retenues suivent cinq mois de formation-action et sont "
                    "évaluées à 3, 9 et 18\u00a0mois.</p>"
                ),
                _callout(
                    "info",
                    "Reprendre cet article",
                    "<p>Reprise libre en citant la source. Pour une version adaptée à votre "
                    "lettre\u00a0: <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a>.</p>',
                ),
            ],
        },
        "en": {
            "title": "An article for partner networks of local authorities",
            "intro": (
                "Ansa offered partner networks of local authorities a short article on swarming, "
                "published in several newsletters. Here it is."
            ),
            "body": [
                _heading("Getting people into work: what if we started from companies' vacancies?"),
                _p(
                    "<p>Many RSA recipients could work if someone opened an employer's door for "
                    "them. That is A.CO.R's bet: since 2001, the association has approached very "
                    "small and medium-sized firms around Pau and put forward a single person for "
                    "each vacancy, without a CV. From 2001 to 2017, 70% of the 12,127 people "
                    "supported found a job.</p><p>Through the Essaim programme, Ansa passes this "
                    "method on to other territories. A local authority can apply it with its own "
                    "staff, or back the operator that supports people on its behalf, adapting the "
                    "contract between them. Selected organisations follow five months of action "
                    "learning and are evaluated at 3, 9 and 18 months.</p>"
                ),
                _callout(
                    "info",
                    "Reusing this article",
                    "<p>Free to reuse with credit to the source. For a version adapted to your "
                    "newsletter: <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a>.</p>',
                ),
            ],
        },
    },
    {
        "slug": "temoignage-rives-emploi",
        "days_ago": 96,
        "fr": {
            "title": "Rives Emploi\u00a0: le point à neuf mois",
            "intro": (
                "À Angers, l'association Rives Emploi accompagne des allocataires du RSA pour sa "
                "collectivité prescriptrice. Engagée dans la saison 2025, elle vient de passer "
                "l'évaluation à 9\u00a0mois."
            ),
            "body": [
                _heading("Une équipe réorganisée"),
                _p(
                    "<p>Avant la formation, chacun des cinq conseillers suivait sa propre liste de "
                    "personnes. Trois sont devenus chargés de relation entreprises\u00a0: ils "
                    "partagent un fichier unique et se répartissent les offres chaque lundi. En "
                    "neuf mois, l'équipe a contacté 212 entreprises et recueilli 64 offres, dont "
                    "41 pourvues par une personne accompagnée.</p>"
                ),
                _quote(
                    "Nous pensions connaître les entreprises du bassin\u00a0; nous connaissions "
                    "surtout celles qui publiaient des annonces. Appeler les autres, sans rien "
                    "leur demander d'emblée, a tout changé.",
                    "Anne Ribeiro",
                    "Directrice générale, association Rives Emploi",
                ),
                _heading("Ce qui a résisté, et la suite"),
                _p(
                    "<p>Renoncer au CV a pris du temps, pour l'équipe comme pour certains "
                    "employeurs, et le prescripteur a mis quatre mois à adapter les indicateurs du "
                    "marché. Le référent a posé une trentaine de questions à son experte\u00a0; "
                    "plusieurs figurent, anonymisées, dans le guide d'essaimage. L'association "
                    "prépare l'évaluation à 18\u00a0mois et a demandé le label d'A.CO.R.</p>"
                ),
            ],
        },
        "en": {
            "title": "Rives Emploi: taking stock at nine months",
            "intro": (
                "In Angers, the Rives Emploi association supports RSA recipients for the local "
                "authority that refers them. A member of the 2025 season, it has just completed "
                "the 9-month evaluation."
            ),
            "body": [
                _heading("A reorganised team"),
                _p(
                    "<p>Before the course, each of the five advisers followed their own list of "
                    "people. Three have become company relations officers: they share a single "
                    "file and allocate vacancies every Monday. In nine months, the team contacted "
                    "212 companies and collected 64 vacancies, 41 of them filled by a person it "
                    "supports.</p>"
                ),
                _quote(
                    "We thought we knew the local companies; we mostly knew the ones that "
                    "published job ads. Calling the others, without asking them for anything at "
                    "first, changed everything.",
                    "Anne Ribeiro",
                    "Chief executive, Rives Emploi association",
                ),
                _heading("What proved difficult, and what comes next"),
                _p(
                    "<p>Giving up CVs took time, for the team and for some employers, and the "
                    "referring authority needed four months to adapt the contract's indicators. "
                    "The referent asked his expert some thirty questions; several now appear, "
                    "anonymised, in the swarming guide. The association is preparing for the "
                    "18-month evaluation and has applied for A.CO.R's label.</p>"
                ),
            ],
        },
    },
]

EVENT_INDEX = {
    "fr": {
        "title": "Évènements",
        "intro": (
            "Réunions d'information et webinaires pour découvrir la méthode «\u00a0Opportunités "
            "emploi\u00a0» et préparer une candidature."
        ),
    },
    "en": {
        "title": "Events",
        "intro": (
            "Information meetings and webinars to discover the “Opportunités emploi” method and "
            "prepare an application."
        ),
    },
}

# Three upcoming, one past; in_days relative to the loader's day, Europe/Paris times.
EVENTS = [
    {
        "slug": "webinaire-appel-2027",
        "in_days": 10,
        "start": "11:00",
        "end": "12:15",
        "location": "",
        "online_url": "https://example.org/webinaire",
        "registration_url": "https://example.org/inscription-webinaire",
        "fr": {
            "title": "Webinaire\u00a0: préparer sa candidature à la saison 2027",
            "intro": (
                "Qui peut candidater, ce que contient le dossier, quelles signatures réunir et "
                "comment se déroule la sélection."
            ),
            "body": [
                _heading("Programme"),
                _p(
                    "<ul><li>Le programme Essaim et la méthode d'A.CO.R (15\u00a0min)</li><li>Les "
                    "deux hypothèses et leurs critères d'entrée (20\u00a0min)</li><li>Le dossier "
                    "en ligne et les signatures (15\u00a0min)</li><li>Questions des participants "
                    "(25\u00a0min)</li></ul>"
                ),
                _heading("Pour qui"),
                _p(
                    "<p>Directions d'opérateurs de l'insertion, services insertion et emploi des "
                    "collectivités, équipes des PLIE, avec ou sans projet de candidature. Le lien "
                    "de connexion est envoyé la veille\u00a0; les diapositives, à tous les "
                    "inscrits après la séance.</p>"
                ),
            ],
        },
        "en": {
            "title": "Webinar: preparing your application for the 2027 season",
            "intro": (
                "Who can apply, what the application contains, which signatures to collect and how "
                "selection works."
            ),
            "body": [
                _heading("Programme"),
                _p(
                    "<ul><li>The Essaim programme and A.CO.R's method (15\u00a0min)</li><li>The "
                    "two hypotheses and their entry criteria (20\u00a0min)</li><li>The online "
                    "application and signatures (15\u00a0min)</li><li>Participants' questions "
                    "(25\u00a0min)</li></ul>"
                ),
                _heading("Who it is for"),
                _p(
                    "<p>Managers of employment operators, employment departments of local "
                    "authorities, PLIE teams, with or without an application in mind. The link is "
                    "sent the day before; the slides go to everyone registered after the "
                    "session.</p>"
                ),
            ],
        },
    },
    {
        "slug": "demi-journee-paris",
        "in_days": 21,
        "start": "09:30",
        "end": "12:30",
        "location": "Paris (11e) — salle de démonstration",
        "online_url": "",
        "registration_url": "https://example.org/inscription-paris",
        "fr": {
            "title": "Matinée d'information à Paris",
            "intro": (
                "Découvrir la méthode «\u00a0Opportunités emploi\u00a0», entendre des chargés de "
                "relation entreprises d'A.CO.R et une structure essaimée, poser ses questions sur "
                "l'appel 2027."
            ),
            "body": [
                _heading("Déroulé"),
                _p(
                    "<ul><li>9\u00a0h\u00a030\u00a0: accueil</li><li>9\u00a0h\u00a045\u00a0: le "
                    "programme et la saison 2027, par l'équipe "
                    "d'Ansa</li><li>10\u00a0h\u00a015\u00a0: la méthode vue de l'intérieur, par "
                    "deux CRE d'A.CO.R</li><li>11\u00a0h\u00a0: retour d'expérience de Rives "
                    "Emploi, saison 2025</li><li>11\u00a0h\u00a030\u00a0: candidater, "
                    "questions-réponses</li><li>12\u00a0h\u00a030\u00a0: "
                    "fin</li></ul><p>Public\u00a0: élus et directions des collectivités, "
                    "opérateurs de l'insertion, partenaires du service public de l'emploi. "
                    "Gratuit, sur inscription.</p>"
                ),
                _callout(
                    "info",
                    "Accessibilité",
                    "<p>Salle accessible aux personnes à mobilité réduite. Pour un besoin "
                    "d'adaptation (interprétation en LSF, documents en gros caractères), écrivez à "
                    '<a href="mailto:contact@essaim.test">contact@essaim.test</a> dix jours '
                    "avant.</p>",
                ),
            ],
        },
        "en": {
            "title": "Information morning in Paris",
            "intro": (
                "Discover the “Opportunités emploi” method, hear from A.CO.R's company relations "
                "officers and a swarmed organisation, ask your questions about the 2027 call."
            ),
            "body": [
                _heading("Schedule"),
                _p(
                    "<ul><li>9:30 am: welcome</li><li>9:45 am: the programme and the 2027 season, "
                    "by the Ansa team</li><li>10:15 am: the method from the inside, by two A.CO.R "
                    "CREs</li><li>11:00 am: feedback from Rives Emploi, 2025 season</li><li>11:30 "
                    "am: applying, questions and answers</li><li>12:30 pm: "
                    "close</li></ul><p>Audience: elected officials and managers of local "
                    "authorities, employment operators and public employment service partners. "
                    "Free, on registration.</p>"
                ),
                _callout(
                    "info",
                    "Accessibility",
                    "<p>The venue is accessible to people with reduced mobility. For any "
                    "adjustment (French sign language, large print), write to <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a> ten days '
                    "ahead.</p>",
                ),
            ],
        },
    },
    {
        "slug": "demi-journee-pau",
        "in_days": 35,
        "start": "14:00",
        "end": "17:00",
        "location": "Pau — salle de conférence, centre-ville (adresse précisée à l'inscription)",
        "online_url": "",
        "registration_url": "https://example.org/inscription-pau",
        "fr": {
            "title": "Après-midi à Pau\u00a0: la méthode sur le terrain",
            "intro": (
                "Des ateliers avec les équipes d'A.CO.R pour voir comment s'organisent la "
                "prospection des entreprises, la proposition d'une offre et le travail d'équipe."
            ),
            "body": [
                _heading("Déroulé"),
                _p(
                    "<ul><li>14\u00a0h\u00a0: accueil et présentation du "
                    "programme</li><li>14\u00a0h\u00a030\u00a0: ateliers avec des CRE\u00a0: "
                    "préparer un appel de prospection, présenter une offre à une seule personne, "
                    "animer la réunion du lundi</li><li>16\u00a0h\u00a0: table ronde sur "
                    "l'engagement territorial, avec un prescripteur et un "
                    "opérateur</li><li>16\u00a0h\u00a045\u00a0: questions sur l'appel "
                    "2027</li><li>17\u00a0h\u00a0: fin</li></ul><p>Quarante places\u00a0: deux "
                    "personnes au plus par structure, liste d'attente au-delà.</p>"
                ),
                _callout(
                    "info",
                    "Accessibilité",
                    "<p>Salle accessible aux personnes à mobilité réduite. Pour un besoin "
                    "d'adaptation (interprétation en LSF, documents en gros caractères), écrivez à "
                    '<a href="mailto:contact@essaim.test">contact@essaim.test</a> dix jours '
                    "avant.</p>",
                ),
            ],
        },
        "en": {
            "title": "Afternoon in Pau: the method in the field",
            "intro": (
                "Workshops with A.CO.R's teams to see how company prospecting, proposing a vacancy "
                "and teamwork are organised."
            ),
            "body": [
                _heading("Schedule"),
                _p(
                    "<ul><li>2:00 pm: welcome and presentation of the programme</li><li>2:30 pm: "
                    "workshops with CREs: preparing a prospecting call, presenting a vacancy to a "
                    "single person, running the Monday meeting</li><li>4:00 pm: round table on the "
                    "territorial commitment, with a referring authority and an "
                    "operator</li><li>4:45 pm: questions about the 2027 call</li><li>5:00 pm: "
                    "close</li></ul><p>Forty places: at most two people per organisation, waiting "
                    "list beyond.</p>"
                ),
                _callout(
                    "info",
                    "Accessibility",
                    "<p>The venue is accessible to people with reduced mobility. For any "
                    "adjustment (French sign language, large print), write to <a "
                    'href="mailto:contact@essaim.test">contact@essaim.test</a> ten days '
                    "ahead.</p>",
                ),
            ],
        },
    },
    {
        "slug": "rencontre-sensibilisation-pau",
        "in_days": -40,
        "start": "09:30",
        "end": "12:00",
        "location": "Pau — salle de conférence, centre-ville",
        "online_url": "",
        "registration_url": "",
        "fr": {
            "title": "Rencontre de sensibilisation à Pau",
            "intro": (
                "Première rencontre de la campagne 2027, pour les collectivités et les opérateurs "
                "de l'insertion du Sud-Ouest."
            ),
            "body": [
                _heading("Au programme"),
                _p(
                    "<ul><li>Le programme Essaim et le calendrier 2027</li><li>Une semaine de "
                    "chargé de relation entreprises, racontée par deux membres "
                    "d'A.CO.R</li><li>Échanges sur les conditions d'une "
                    "transposition</li></ul><p>Cette rencontre a eu lieu\u00a0; son compte rendu "
                    "figure dans les actualités. Un second rendez-vous à Pau est annoncé dans les "
                    '<a href="/evenements/">évènements</a>.</p>'
                ),
            ],
        },
        "en": {
            "title": "Awareness meeting in Pau",
            "intro": (
                "First meeting of the 2027 campaign, for local authorities and employment "
                "operators in south-west France."
            ),
            "body": [
                _heading("Programme"),
                _p(
                    "<ul><li>The Essaim programme and the 2027 timetable</li><li>A company "
                    "relations officer's week, described by two A.CO.R staff</li><li>Discussion on "
                    "the conditions for transposing the method</li></ul><p>This meeting has taken "
                    "place; a report is in the news section. A second meeting in Pau is listed in "
                    'the <a href="/en/evenements/">events</a>.</p>'
                ),
            ],
        },
    },
]

SITE_CHROME = {
    "contact_email": "contact@essaim.test",
    "contact_phone": "01 00 00 00 00",
    "postal_address": "Ansa — programme Essaim\n12 rue Exemple\n75011 Paris",
    "footer_text": {
        "fr": (
            "<p>Essaim est le portail du programme d'essaimage de la méthode «\u00a0Opportunités "
            "emploi\u00a0», conduit par Ansa avec A.CO.R\u00a0; sur ce site de démonstration, les "
            "personnes, les structures essaimées et les coordonnées citées sont fictives.</p>"
        ),
        "en": (
            "<p>Essaim is the portal of the programme, run by Ansa with A.CO.R, that spreads the "
            "“Opportunités emploi” method; on this demonstration site, the people, swarmed "
            "organisations and contact details mentioned are fictional.</p>"
        ),
    },
}

# Rendered to PDF (two A4 pages) by WeasyPrint in the loader.
BROCHURE = {
    "title": "Plaquette — Essaim, saison 2027",
    "html": (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essaim — saison '
        "2027</title><style>@page { size: A4; margin: 14mm 15mm 14mm 15mm; @bottom-center { "
        "content: 'Essaim, saison 2027 — ' counter(page) ' / ' counter(pages); font: 7.5pt 'DejaVu "
        "Sans', sans-serif; color: #5b6670; } }body { font-family: 'DejaVu Sans', sans-serif; "
        "font-size: 9pt; line-height: 1.42; color: #1f2a33; margin: 0; }h1 { font-size: 18pt; "
        "line-height: 1.2; margin: 0 0 3mm; color: #0b4f6c; }h2 { font-size: 11.5pt; margin: 5mm 0 "
        "2mm; color: #0b4f6c; border-bottom: 0.6pt solid #9fb8c6; padding-bottom: 1mm; }p { "
        "margin: 0 0 2mm; } ul, ol { margin: 0 0 2mm; padding-left: 5mm; } li { margin-bottom: "
        "1mm; }.band { background: #0b4f6c; color: #ffffff; padding: 3mm 4mm; margin-bottom: 5mm; "
        "}.band p { margin: 0; } .band .name { font-size: 14pt; font-weight: bold; }.lead { "
        "font-size: 10pt; }table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; }th, "
        "td { border: 0.5pt solid #9fb8c6; padding: 1.5mm 2mm; text-align: left; vertical-align: "
        "top; }th { background: #e6eef3; }.figures td { width: 25%; text-align: center; border: "
        "none; background: #eef4f7; }.figures b { display: block; font-size: 15pt; color: #0b4f6c; "
        "}.cols td { width: 50%; border: none; padding: 0 3mm 0 0; }.note { font-size: 7.5pt; "
        "color: #5b6670; }.box { background: #eef4f7; padding: 3mm 4mm; margin-top: 4mm; }.page2 { "
        'page-break-before: always; }</style></head><body><div class="band"><p '
        'class="name">Essaim — saison 2027</p><p>Programme d\'essaimage de la méthode '
        "«\u00a0Opportunités emploi\u00a0» d'A.CO.R, conduit par Ansa</p></div><h1>Créer des "
        'opportunités d\'emploi en partant des entreprises du territoire</h1><p class="lead">Vous '
        "accompagnez vers l'emploi des allocataires du RSA ou des demandeurs d'emploi de longue "
        "durée, ou vous pilotez cette politique pour une collectivité\u00a0? Le programme Essaim "
        "vous aide à adopter la méthode d'A.CO.R, association paloise qui place depuis 2001 des "
        "personnes éloignées de l'emploi en allant chercher les offres auprès des petites et "
        "moyennes entreprises locales. En 2027, de 5 à 10 territoires seront suivis pendant "
        "dix-huit mois.</p><h2>Des résultats suivis depuis vingt ans</h2><table "
        'class="figures"><tr><td><b>12\u00a0127</b>personnes accompagnées par A.CO.R de 2001 à '
        "2017</td><td><b>70\u00a0%</b>ont repris un emploi</td><td><b>39\u00a0%</b>de ces emplois "
        "sont durables (CDI ou CDD de plus de 6\u00a0mois)</td><td><b>3\u00a0600</b>entreprises "
        'dans le fichier d\'A.CO.R fin 2018</td></tr></table><p class="note">Chiffres déclarés '
        "par A.CO.R.</p><h2>Une méthode, quatre principes</h2><p>Des chargés de relation "
        "entreprises (CRE) démarchent les employeurs, recueillent leurs offres et proposent "
        "chacune d'elles à une seule personne, choisie pour ses goûts et ses compétences. Les "
        "quatre principes forment un tout\u00a0: en écarter un suffit à dénaturer la "
        "méthode.</p><table><tr><th>Principe</th><th>En pratique</th></tr><tr><td>A — "
        "«\u00a0Aller-vers\u00a0» les entreprises</td><td>Aller au-devant des TPE et PME, sans "
        "filtre de secteur, et entretenir une relation de confiance.</td></tr><tr><td>B — Une "
        "offre = une personne</td><td>Une seule candidature par poste, jamais de mise en "
        "concurrence, pas de CV.</td></tr><tr><td>C — Une démarche réaliste, réactive et "
        "réalisable</td><td>Viser des postes cohérents avec le parcours de la personne\u00a0; "
        "répondre vite, d'abord par SMS.</td></tr><tr><td>D — Une équipe de chargés de relation "
        "entreprises</td><td>Une équipe dédiée, qui partage ses contacts et suit ses "
        "résultats.</td></tr></table><h2>Pour qui\u00a0?</h2><table "
        'class="cols"><tr><td><p><b>Hypothèse A — un opérateur et sa '
        "collectivité</b></p><p>Association, PLIE ou autre structure qui accompagne des personnes "
        "pour le compte d'une collectivité ou du service public de l'emploi, avec au moins "
        "2\u00a0ETP et sans déficit structurel. La collectivité prescriptrice cosigne un "
        "engagement territorial et adapte, si besoin, son marché.</p></td><td><p><b>Hypothèse B — "
        "une collectivité</b></p><p>Département, intercommunalité ou ville qui applique la méthode "
        "avec ses propres agents, dans une équipe existante ou créée pour l'occasion, au sein d'un "
        "projet de transformation sur trois ans.</p></td></tr></table><p>Dans les deux cas, la "
        "structure place la relation avec les entreprises au cœur de sa stratégie et son président "
        'signe la candidature.</p><div class="page2"><h2>Ce que comprend une '
        "saison</h2><ul><li><b>Une formation-action de cinq mois</b> (septembre 2027 – janvier "
        "2028)\u00a0: une journée collective par mois, animée par des experts d'A.CO.R, et une "
        "mise en pratique entre les sessions. Cinq modules\u00a0: prospecter les "
        "entreprises\u00a0; fidéliser les entreprises partenaires\u00a0; accompagner les "
        "chercheurs d'emploi avec la période d'engagement réciproque\u00a0; croiser les offres et "
        "les personnes\u00a0; transformer l'organisation.</li><li><b>Un tutorat "
        "individuel</b>\u00a0: le référent de la structure interroge directement un expert "
        "d'A.CO.R choisi selon les besoins du territoire.</li><li><b>L'appui de l'équipe "
        "d'Ansa</b>, par une permanence, jusqu'à la journée nationale d'échanges.</li><li><b>Des "
        "visites sur site et une journée nationale</b> avec les autres structures de la "
        "saison.</li><li><b>Une évaluation</b> de l'appropriation à 3\u00a0mois, de la mise en "
        "œuvre à 9\u00a0mois et des effets à 18\u00a0mois, avec des relevés courts.</li><li><b>Le "
        "label d'A.CO.R</b> pour les structures fidèles aux principes, et le guide d'essaimage, "
        "issu des questions posées pendant la saison.</li></ul><h2>Ce que le programme vous "
        "demande</h2><ul><li>Trois personnes au plus, dont un référent désigné par le directeur "
        "général.</li><li>Pour chacune, une journée de session par mois et une à deux journées de "
        "mise en pratique entre deux sessions\u00a0; pour le référent, environ deux heures par "
        "mois avec son expert.</li><li>Trois signatures\u00a0: la candidature par le président, "
        "l'engagement territorial par le prescripteur et l'opérateur (hypothèse A), la convention "
        "de participation par le directeur général.</li><li>Les frais de déplacement aux sessions. "
        "La formation, le tutorat et l'évaluation sont financés par le "
        "programme.</li></ul><h2>Calendrier "
        "2027</h2><table><tr><th>Date</th><th>Étape</th></tr><tr><td>11\u00a0janvier "
        "2027</td><td>Ouverture de l'appel à territoires</td></tr><tr><td>26\u00a0mars 2027, "
        "12\u00a0h</td><td>Clôture du dépôt des candidatures</td></tr><tr><td>Avril "
        "2027</td><td>Examen des dossiers, entretiens téléphoniques</td></tr><tr><td>7\u00a0mai "
        "2027</td><td>Annonce des territoires retenus</td></tr><tr><td>Jusqu'au 4\u00a0juin "
        "2027</td><td>Conventions de participation, questionnaire des besoins, désignation des "
        "experts</td></tr><tr><td>21\u00a0septembre 2027 – 18\u00a0janvier "
        "2028</td><td>Formation-action</td></tr><tr><td>21\u00a0mars 2028</td><td>Journée "
        "nationale d'échanges</td></tr></table><h2>Candidater</h2><ol><li>Créez un compte sur le "
        "portail Essaim et choisissez votre hypothèse.</li><li>Remplissez le dossier en plusieurs "
        "fois\u00a0: il est enregistré à chaque étape.</li><li>Invitez les signataires, qui "
        "relisent le dossier et le signent en ligne.</li><li>Le dossier est transmis dès que "
        'toutes les signatures sont réunies.</li></ol><div class="box"><p><b>Contact</b> — Ansa, '
        "programme Essaim, 12 rue Exemple, 75011 Paris · contact@essaim.test · 01 00 00 00 "
        '00</p><p class="note">Document de démonstration\u00a0: les coordonnées sont fictives. '
        "Le référentiel d'A.CO.R et ses outils sont la propriété "
        "d'A.CO.R.</p></div></div></body></html>"
    ),
}
