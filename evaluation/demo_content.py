"""French texts of the evaluation's demo (all fictional): the indicators, the fidelity scale,
what each demo structure reports at each milestone, review comments and label decisions.

Texts are typed with ordinary spaces; `french()` puts the no-break space French typography asks
for before « : ; ! ? % » and inside guillemets.
"""

import re

from evaluation.enums import Milestone, Unit
from tutoring import demo_content as tutoring
from tutoring.guide import demo_content as guide

_BEFORE = re.compile(r" ([:;!?%»])")
_AFTER = re.compile(r"« ")


def french(text: str) -> str:
    return _AFTER.sub("« ", _BEFORE.sub(" \\1", text))


M3, M9, M18 = Milestone.APPROPRIATION.value, Milestone.IMPLEMENTATION.value, Milestone.IMPACT.value
EVERY = [M3, M9, M18]
LATER = [M9, M18]

ANSA = tutoring.ANSA
HEAD = guide.HEAD
NADIA, JULIEN, SOPHIE, MATHIEU, AMAIA = (
    tutoring.NADIA,
    tutoring.JULIEN,
    tutoring.SOPHIE,
    tutoring.MATHIEU,
    tutoring.AMAIA,
)

# --- The catalogue ------------------------------------------------------------------------------

#: The indicators of catalogue v1, in their order: code, label, definition, unit, milestones,
#: required, target, counted in the programme's totals.
INDICATORS = [
    (
        "axes_started",
        "Les cinq axes de la méthode sont engagés",
        "Oui si l'équipe a commencé à travailler chacun des cinq axes de la formation-action, "
        "même modestement : accompagnement des personnes, relation aux entreprises, rencontre "
        "entre offres et personnes, suivi dans l'emploi, organisation de l'équipe.",
        Unit.BOOLEAN,
        [M3],
        True,
        None,
        False,
    ),
    (
        "cre_post_dedicated",
        "Un poste de chargé·e de relation entreprises est dédié",
        "Oui si au moins une personne de la structure occupe un poste de chargé·e de relation "
        "entreprises, qui accompagne des personnes et prospecte les employeurs à la fois.",
        Unit.BOOLEAN,
        [M3],
        True,
        None,
        False,
    ),
    (
        "per_in_use",
        "La période d'engagement réciproque est utilisée",
        "Oui si la période d'engagement réciproque (le plan d'action signé à l'accueil, pour "
        "deux mois renouvelables) est proposée à chaque nouvelle personne accompagnée.",
        Unit.BOOLEAN,
        [M3],
        True,
        None,
        False,
    ),
    (
        "company_file_opened",
        "Le fichier des entreprises est ouvert",
        "Oui si l'équipe tient un fichier commun des entreprises du territoire, où chaque "
        "contact, visite et offre est noté.",
        Unit.BOOLEAN,
        [M3],
        True,
        None,
        False,
    ),
    (
        "people_supported",
        "Personnes accompagnées",
        "Nombre de personnes accompagnées selon la méthode depuis le début de la "
        "formation-action, qu'elles soient encore suivies ou non.",
        Unit.COUNT,
        EVERY,
        True,
        None,
        True,
    ),
    (
        "returns_to_work",
        "Retours à l'emploi",
        "Nombre de personnes accompagnées qui ont signé un contrat de travail depuis le début "
        "de la formation-action, quelle qu'en soit la durée. Une personne compte une fois.",
        Unit.COUNT,
        EVERY,
        True,
        None,
        True,
    ),
    (
        "durable_jobs",
        "Emplois durables",
        "Parmi les retours à l'emploi, les personnes qui ont signé un CDI ou un CDD de plus de "
        "six mois.",
        Unit.COUNT,
        LATER,
        True,
        None,
        True,
    ),
    (
        "companies_in_file",
        "Entreprises au fichier",
        "Nombre d'entreprises du territoire avec lesquelles l'équipe a eu au moins un échange "
        "noté dans le fichier commun.",
        Unit.COUNT,
        EVERY,
        True,
        None,
        True,
    ),
    (
        "delay_to_first_contract",
        "Délai entre l'accueil et le premier contrat",
        "Nombre moyen de jours entre le premier accueil d'une personne et la signature de son "
        "premier contrat, pour les retours à l'emploi de la période.",
        Unit.DAYS,
        LATER,
        False,
        None,
        False,
    ),
    (
        "company_contacts_per_month",
        "Contacts avec les entreprises par mois",
        "Nombre moyen, sur les trois derniers mois, de visites, appels et rencontres avec des "
        "employeurs, pour toute l'équipe.",
        Unit.COUNT,
        LATER,
        True,
        None,
        False,
    ),
    (
        "offers_captured",
        "Offres captées",
        "Nombre d'offres d'emploi obtenues par un contact direct avec l'employeur depuis le "
        "début de la formation-action.",
        Unit.COUNT,
        LATER,
        True,
        None,
        False,
    ),
    (
        "offers_proposed",
        "Offres proposées selon la règle « 1 offre = 1 personne »",
        "Parmi les offres captées, celles pour lesquelles une seule personne a été présentée à "
        "l'employeur, sans mise en concurrence ni envoi de CV.",
        Unit.COUNT,
        LATER,
        True,
        None,
        False,
    ),
    (
        "pmsmp",
        "Périodes de mise en situation en milieu professionnel",
        "Nombre de PMSMP conclues pour des personnes accompagnées depuis le début de la "
        "formation-action.",
        Unit.COUNT,
        LATER,
        False,
        None,
        False,
    ),
    (
        "cafes_and_visits",
        "Cafés de l'emploi et visites d'entreprise organisés",
        "Nombre de rencontres collectives entre employeurs et personnes accompagnées : cafés "
        "de l'emploi, visites d'entreprise en groupe.",
        Unit.COUNT,
        LATER,
        False,
        None,
        False,
    ),
    (
        "active_file_per_cre",
        "File active par chargé·e de relation entreprises",
        "Nombre moyen de personnes suivies en même temps par chaque chargé·e de relation "
        "entreprises, arrondi à l'unité.",
        Unit.COUNT,
        LATER,
        False,
        None,
        False,
    ),
    (
        "cre_count",
        "Chargés de relation entreprises en poste",
        "Nombre de personnes occupant un poste de chargé·e de relation entreprises à la date du "
        "bilan, quel que soit leur temps de travail.",
        Unit.COUNT,
        EVERY,
        True,
        None,
        False,
    ),
    (
        "job_return_rate",
        "Taux de retour à l'emploi à un an",
        "Part des personnes entrées dans l'accompagnement depuis au moins un an qui ont signé "
        "un contrat de travail. La lettre de mission des chargés de relation entreprises vise "
        "60 %.",
        Unit.RATE,
        [M18],
        False,
        60,
        False,
    ),
    (
        "method_active",
        "La méthode est toujours appliquée",
        "Oui si la structure accompagne encore des personnes selon la méthode à la date du "
        "bilan. Une structure qui répond non n'est plus comptée parmi les structures actives.",
        Unit.BOOLEAN,
        EVERY,
        True,
        None,
        False,
    ),
]

PUBLISH_NOTE = (
    "Premier catalogue du programme : l'appropriation à 3 mois, la mise en œuvre à 9 mois et "
    "l'impact à 18 mois, d'après les mesures d'A.CO.R."
)

#: The one change of the version in preparation: the job-return rate asked at 9 months too.
V2_CHANGE = ("job_return_rate", {"milestones": LATER})

# --- The fidelity scale --------------------------------------------------------------------------

#: For each principle, what levels 1 to 4 (« Pas encore » to « Pleinement ») mean.
DESCRIPTORS = {
    "A": [
        "Les offres arrivent par les canaux habituels, annonces et partenaires ; l'équipe ne "
        "démarche pas encore les employeurs.",
        "Quelques visites et appels ont lieu selon les disponibilités, sans prospection "
        "planifiée ; le fichier des entreprises reste mince.",
        "Chaque chargé·e de relation entreprises prospecte chaque semaine ; la plupart des offres "
        "traitées viennent d'un contact direct avec l'employeur.",
        "La prospection est l'activité de toute l'équipe, chaque jour ; les employeurs rappellent "
        "d'eux-mêmes et la relation tient dans la durée, refus compris.",
    ],
    "B": [
        "Plusieurs candidatures partent pour une même offre, souvent avec des CV : les personnes "
        "se retrouvent en concurrence.",
        "Une seule personne est présentée pour la plupart des offres, mais des CV circulent "
        "encore et des exceptions sont faites quand l'employeur insiste.",
        "Une seule personne par offre, présentée de vive voix par le chargé·e ; les rares "
        "exceptions sont discutées en équipe.",
        "La règle ne connaît pas d'exception : une offre, une personne présentée sans CV, et une "
        "autre seulement quand la réponse de l'employeur est connue.",
    ],
    "C": [
        "Les projets professionnels se décident sans regard sur les offres du territoire et les "
        "réponses aux personnes tardent.",
        "Des postes cibles sont fixés pour certaines personnes ; l'équipe répond vite aux offres "
        "mais le suivi entre deux étapes reste lâche.",
        "Dès l'accueil, chaque personne a des postes cibles cohérents avec son parcours ; les "
        "offres sont traitées dans la journée.",
        "Postes cibles, engagements réciproques et réponses rapides sont une routine : aucune "
        "occasion ne se perd faute de réactivité.",
    ],
    "D": [
        "L'accompagnement des personnes et la relation aux entreprises sont tenus par des "
        "personnes différentes ; aucun poste de chargé·e de relation entreprises.",
        "Un poste de chargé·e de relation entreprises existe mais reste isolé ; les contacts et "
        "les offres ne sont pas mis en commun.",
        "Une équipe de chargés de relation entreprises mène les deux axes ; offres et contacts "
        "sont partagés chaque semaine.",
        "L'équipe travaille avec un seul fichier d'entreprises et une seule file active, "
        "des objectifs suivis ensemble et une culture des résultats partagée.",
    ],
}

# --- What each structure reports -----------------------------------------------------------------

VAL_D_AUBRE, PORT_MARTHE = guide.VAL_D_AUBRE, guide.PORT_MARTHE
ARVEZE, PLAINE_EST = guide.ARVEZE, guide.PLAINE_EST
TREMPLIN, VAL_DE_LOIRE = tutoring.TREMPLIN, tutoring.VAL_DE_LOIRE
CORNOUAILLE, RHONE_SUD = tutoring.CORNOUAILLE, tutoring.RHONE_SUD
HAUTES_VIGNES, BOURG = tutoring.HAUTES_VIGNES, tutoring.BOURG

#: Who followed each structure of « Saison 2025 » once its training was over.
FOLLOW_UP_EXPERTS = {
    VAL_D_AUBRE: JULIEN,
    PORT_MARTHE: NADIA,
    ARVEZE: SOPHIE,
    PLAINE_EST: MATHIEU,
}
FOLLOW_UP_END = (
    "Suivi de la saison 2025 terminé après le bilan de mise en œuvre à 9 mois ; le bilan "
    "d'impact sera examiné par Ansa et la tête de réseau."
)

#: Each report: `flow` (its story, see evaluation.demo), then what the structure types in:
#: `first` (the first draft, partial), `full` (what it submits), `fixed` (after being sent back),
#: each {values, fidelity: {letter: (level, comment)}, practice_changes, difficulties};
#: `counter` (the counter-rating) and `counter_by`; `comment` (Ansa's when sending back);
#: `evidence` (a PDF attached when saving `full`); `note` (a phone interview's).
REPORTS = {
    (VAL_D_AUBRE, M3): {
        "flow": "sent_back_then_accepted",
        "first": {
            "values": {
                "axes_started": "yes",
                "cre_post_dedicated": "yes",
                "people_supported": "35",
            },
            "fidelity": {"A": (3, "")},
            "practice_changes": "Les deux conseillères sont devenues chargées de relation "
            "entreprises.",
        },
        "full": {
            "values": {
                "axes_started": "yes",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "38",
                "returns_to_work": "6",
                "companies_in_file": "55",
                "cre_count": "2",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (
                    3,
                    "Vingt-deux visites d'entreprises en octobre et en novembre, notées au "
                    "fichier.",
                ),
                "B": (3, ""),
                "C": (3, ""),
                "D": (
                    2,
                    "Deux chargées de relation entreprises pour l'instant ; un troisième "
                    "poste est prévu au printemps.",
                ),
            },
            "practice_changes": "Depuis la rentrée, les deux conseillères sont devenues chargées "
            "de relation entreprises : chacune consacre deux demi-journées par semaine à la "
            "prospection et suit aussi sa file active. Le fichier des entreprises est commun et "
            "relu chaque lundi.",
            "difficulties": "Le territoire est très rural : une tournée de visites prend une "
            "journée entière. Les prescripteurs orientent encore des personnes avec un projet "
            "arrêté d'avance, qu'il faut reprendre avec elles.",
        },
        "comment": "Merci pour ce premier bilan, clair et complet sur les chiffres. Les "
        "commentaires des principes B et C sont vides : dites en deux lignes comment vous "
        "présentez une seule personne par offre et comment les postes cibles sont fixés à "
        "l'accueil.",
        "fixed": {
            "fidelity": {
                "B": (
                    3,
                    "Chaque offre captée est attribuée le lundi à une seule personne, "
                    "présentée par téléphone puis en visite ; aucun CV n'est envoyé.",
                ),
                "C": (
                    3,
                    "Trois postes cibles sont notés dès le premier rendez-vous, à partir du "
                    "parcours de la personne et des offres du moment.",
                ),
            },
        },
        "counter_by": HEAD,
        "counter": {
            "A": (3, "Prospection réelle et régulière, visible dans le fichier."),
            "B": (
                3,
                "La règle est tenue ; deux exceptions à la demande d'un employeur en "
                "septembre, discutées depuis.",
            ),
            "C": (
                2,
                "Les postes cibles restent larges pour plusieurs personnes : à resserrer "
                "avec les offres du bassin.",
            ),
            "D": (2, "Deux chargées, un poste à venir : l'équipe n'est pas encore constituée."),
        },
    },
    (VAL_D_AUBRE, M9): {
        "flow": "on_time",
        "first": {
            "values": {
                "people_supported": "104",
                "returns_to_work": "37",
                "durable_jobs": "15",
                "companies_in_file": "131",
            },
            "fidelity": {},
        },
        "full": {
            "values": {
                "people_supported": "112",
                "returns_to_work": "41",
                "durable_jobs": "17",
                "companies_in_file": "140",
                "delay_to_first_contract": "104",
                "company_contacts_per_month": "150",
                "offers_captured": "64",
                "offers_proposed": "58",
                "pmsmp": "12",
                "cafes_and_visits": "9",
                "active_file_per_cre": "56",
                "cre_count": "3",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (
                    4,
                    "Cent cinquante contacts par mois en moyenne ; deux employeurs nous "
                    "appellent désormais avant de publier une offre.",
                ),
                "B": (
                    4,
                    "Cinquante-huit offres sur soixante-quatre proposées à une seule "
                    "personne ; les six autres ont été rendues à l'employeur faute de "
                    "candidat.",
                ),
                "C": (3, "Postes cibles revus à chaque période d'engagement réciproque."),
                "D": (
                    3,
                    "Trois chargés de relation entreprises depuis mars, une réunion "
                    "d'équipe chaque lundi.",
                ),
            },
            "practice_changes": "Un troisième chargé de relation entreprises a rejoint "
            "l'équipe en mars. Les offres sont attribuées en réunion du lundi, une seule personne "
            "par offre, et un café de l'emploi se tient chaque mois à la médiathèque de "
            "Villefranche.",
            "difficulties": "Deux employeurs de l'agroalimentaire ont réclamé des CV : l'équipe a "
            "présenté les candidats de vive voix, l'un a accepté, l'autre non. Le délai avant le "
            "premier contrat reste long pour les personnes sans permis de conduire.",
        },
        "evidence": (
            "tableau-de-prospection.pdf",
            "Tableau de prospection de l'équipe",
            [
                "Contacts avec les entreprises, moyenne des trois derniers mois : 150 par mois.",
                "Offres captées depuis le début de la formation-action : 64.",
                "Offres proposées à une seule personne : 58.",
                "Cafés de l'emploi et visites en groupe : 9.",
            ],
        ),
        "counter_by": JULIEN,
        "counter": {
            "A": (
                3,
                "Prospection soutenue, qui repose encore beaucoup sur la plus ancienne des "
                "trois chargés.",
            ),
            "B": (4, "Règle tenue sans exception depuis le bilan à 3 mois."),
            "C": (3, "Postes cibles précis, revus à chaque étape."),
            "D": (3, "Équipe constituée ; les objectifs communs restent à écrire."),
        },
    },
    (PLAINE_EST, M3): {
        "flow": "on_time",
        "first": {
            "values": {"cre_post_dedicated": "yes", "company_file_opened": "yes"},
            "fidelity": {},
        },
        "full": {
            "values": {
                "axes_started": "no",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "31",
                "returns_to_work": "4",
                "companies_in_file": "42",
                "cre_count": "3",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (3, "Chacun des trois chargés prospecte une zone d'activité."),
                "B": (3, "Nous présentons en général une seule personne par offre."),
                "C": (3, "La période d'engagement réciproque fixe les postes cibles."),
                "D": (3, "Trois chargés de relation entreprises, un fichier commun."),
            },
            "practice_changes": "Les trois conseillers emploi ont pris les missions de chargés "
            "de relation entreprises. Chacun a ouvert sa liste d'entreprises dans un fichier "
            "commun ; la période d'engagement réciproque est signée avec chaque nouvelle "
            "personne.",
            "difficulties": "Le cinquième axe, l'organisation de l'équipe, n'est pas engagé : la "
            "réunion hebdomadaire se heurte aux permanences. Des partenaires envoient encore des "
            "offres en nombre et attendent plusieurs candidatures.",
        },
        "counter_by": HEAD,
        "counter": {
            "A": (3, "Prospection engagée dans les trois zones d'activité."),
            "B": (
                1,
                "Lors de la visite, trois candidatures avaient été envoyées, CV compris, à "
                "la même entreprise de logistique : la règle d'une personne par offre n'est "
                "pas encore tenue.",
            ),
            "C": (3, "Postes cibles fixés avec chaque personne."),
            "D": (
                2,
                "Trois chargés, mais qui ne se réunissent pas encore : chacun garde ses "
                "entreprises.",
            ),
        },
    },
    (PLAINE_EST, M9): {
        "flow": "on_time",
        "first": {
            "values": {"people_supported": "90", "returns_to_work": "31"},
            "fidelity": {"B": (4, "")},
        },
        "full": {
            "values": {
                "people_supported": "96",
                "returns_to_work": "35",
                "durable_jobs": "13",
                "companies_in_file": "121",
                "delay_to_first_contract": "118",
                "company_contacts_per_month": "170",
                "offers_captured": "52",
                "offers_proposed": "47",
                "pmsmp": "9",
                "cafes_and_visits": "6",
                "active_file_per_cre": "48",
                "cre_count": "3",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (3, "Cent soixante-dix contacts par mois pour trois chargés."),
                "B": (4, "Plus aucun CV envoyé depuis janvier ; chaque offre a un seul candidat."),
                "C": (3, "Postes cibles revus à chaque fin de période d'engagement."),
                "D": (3, "Réunion d'équipe le jeudi matin, offres et contacts mis en commun."),
            },
            "practice_changes": "Après le bilan à trois mois, l'équipe a cessé d'envoyer des "
            "CV : chaque offre est confiée à un seul chargé de relation entreprises, qui présente "
            "une personne et attend la réponse. La réunion du jeudi matin est devenue le moment "
            "où l'on partage offres et contacts.",
            "difficulties": "Une grande enseigne de la zone d'activité a refusé de recruter sans "
            "CV ; l'équipe a préféré renoncer à ses offres. La prospection reste lourde pour "
            "trois personnes.",
        },
        "counter_by": MATHIEU,
        "counter": {
            "A": (3, "Prospection régulière et bien notée."),
            "B": (3, "La règle est tenue ; elle mérite d'être expliquée aux nouveaux partenaires."),
            "C": (3, "Rien à redire."),
            "D": (3, "L'équipe se réunit et partage ses contacts."),
        },
    },
    (PORT_MARTHE, M3): {
        "flow": "phone",
        "full": {
            "values": {
                "axes_started": "no",
                "cre_post_dedicated": "yes",
                "per_in_use": "no",
                "company_file_opened": "yes",
                "people_supported": "18",
                "returns_to_work": "2",
                "companies_in_file": "20",
                "cre_count": "1",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (2, "Une dizaine de visites, surtout sur le port."),
                "B": (3, "Une seule personne présentée par offre, sans CV."),
                "C": (2, "Postes cibles pas encore fixés pour tout le monde."),
                "D": (1, "Une seule chargée de relation entreprises, sans équipe autour d'elle."),
            },
            "practice_changes": "Une agente du service emploi de la ville est devenue chargée de "
            "relation entreprises à temps plein. Elle a ouvert le fichier des entreprises du port "
            "et des commerces du centre.",
            "difficulties": "La période d'engagement réciproque n'est pas encore utilisée : le "
            "service attend que les élus valident le modèle de document. Le bilan écrit n'a pas "
            "pu être rempli à temps ; il est recueilli par téléphone.",
        },
        "note": "Entretien téléphonique d'une heure avec Benoît Lacoste, référent, et Nadège "
        "Pujol, chargée de relation entreprises ; les chiffres ont été relus avec eux en fin "
        "d'appel.",
    },
    (PORT_MARTHE, M9): {
        "flow": "submitted_late",
        "first": {
            "values": {"people_supported": "54", "returns_to_work": "15"},
            "fidelity": {},
        },
        "full": {
            "values": {
                "people_supported": "54",
                "returns_to_work": "15",
                "durable_jobs": "5",
                "companies_in_file": "61",
                "delay_to_first_contract": "142",
                "company_contacts_per_month": "60",
                "offers_captured": "21",
                "offers_proposed": "19",
                "pmsmp": "4",
                "cafes_and_visits": "3",
                "active_file_per_cre": "54",
                "cre_count": "1",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (2, "Soixante contacts par mois, c'est ce qu'une personne seule peut tenir."),
                "B": (3, "Dix-neuf offres sur vingt et une proposées à une seule personne."),
                "C": (3, "La période d'engagement réciproque sert à chaque accueil depuis mars."),
                "D": (2, "Toujours une seule chargée ; un second poste est inscrit au budget."),
            },
            "practice_changes": "Le modèle de période d'engagement réciproque a été adopté en "
            "conseil municipal et sert à chaque accueil. Deux cafés de l'emploi ont eu lieu sur "
            "le port avec les employeurs de la réparation navale.",
            "difficulties": "Une seule chargée de relation entreprises pour toute la ville : la "
            "prospection passe après l'accompagnement les semaines chargées. Le bilan arrive en "
            "retard, le service ayant été mobilisé tout l'été par la saison touristique.",
        },
    },
    (ARVEZE, M3): {
        "flow": "sent_back_late",
        "first": {
            "values": {"cre_post_dedicated": "yes", "people_supported": "12"},
            "fidelity": {},
        },
        "full": {
            "values": {
                "axes_started": "no",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "12",
                "returns_to_work": "1",
                "companies_in_file": "9",
                "cre_count": "1",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (2, "Premières visites dans les scieries et chez les artisans."),
                "B": (2, ""),
                "C": (2, "Les projets des personnes sont repris un par un."),
                "D": (1, "Un agent à mi-temps."),
            },
            "practice_changes": "La communauté de communes a confié la relation aux entreprises "
            "à un agent de la maison France services, à mi-temps. Une quarantaine de visites ont "
            "eu lieu dans les scieries et chez les artisans du bâtiment.",
            "difficulties": "Un mi-temps ne suffit pas pour couvrir les douze communes. Ce bilan "
            "arrive tard : le référent a changé de service à l'automne et le dossier est resté en "
            "suspens.",
        },
        "comment": "Merci d'avoir repris ce bilan. Neuf entreprises au fichier pour une "
        "quarantaine de visites décrites : le chiffre paraît incomplet, vérifiez-le. Dites aussi, "
        "pour le principe B, comment une offre est attribuée quand plusieurs personnes pourraient "
        "y répondre.",
    },
    (ARVEZE, M9): {
        "flow": "draft_late",
        "first": {
            "values": {"people_supported": "28", "returns_to_work": "4", "cre_count": "1"},
            "fidelity": {"A": (2, "")},
            "practice_changes": "Le mi-temps de relation aux entreprises est devenu un temps "
            "plein en avril.",
        },
    },
    (VAL_DE_LOIRE, M3): {
        "flow": "current_accepted",
        "first": {
            "values": {"cre_post_dedicated": "yes", "people_supported": "24"},
            "fidelity": {},
        },
        "full": {
            "values": {
                "axes_started": "yes",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "27",
                "returns_to_work": "5",
                "companies_in_file": "48",
                "cre_count": "2",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (3, "Visites chaque semaine dans les zones d'activité de Blois."),
                "B": (3, "Une personne par offre depuis le module 2."),
                "C": (2, "Les postes cibles sont encore à préciser pour les nouveaux arrivants."),
                "D": (3, "Deux chargés, un seul fichier."),
            },
            "practice_changes": "Deux agents du service emploi de l'agglomération sont devenus "
            "chargés de relation entreprises et partagent un seul fichier. Les premières périodes "
            "d'engagement réciproque ont été signées en octobre.",
            "difficulties": "Le changement d'expert en cours de saison a demandé de reprendre "
            "certaines explications. Les entreprises de la zone industrielle répondent peu au "
            "téléphone ; les visites marchent mieux.",
        },
        "counter_by": MATHIEU,
        "counter": {
            "A": (3, "Prospection engagée, à tenir pendant les congés."),
            "B": (3, "Règle comprise et appliquée."),
            "C": (2, "D'accord : postes cibles à resserrer."),
            "D": (2, "Deux chargés qui se voient peu : une réunion commune par semaine aiderait."),
        },
    },
    (CORNOUAILLE, M3): {
        "flow": "current_submitted",
        "first": {"values": {"people_supported": "20"}, "fidelity": {}},
        "full": {
            "values": {
                "axes_started": "yes",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "22",
                "returns_to_work": "3",
                "companies_in_file": "37",
                "cre_count": "2",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (3, "Le mardi et le jeudi sont réservés aux entreprises."),
                "B": (4, "Aucun CV envoyé, une personne par offre."),
                "C": (3, "Postes cibles fixés au premier rendez-vous."),
                "D": (3, "Deux conseillers devenus chargés de relation entreprises."),
            },
            "practice_changes": "L'équipe de deux conseillers a réorganisé sa semaine : le mardi "
            "et le jeudi sont consacrés aux entreprises. Le fichier compte déjà les principaux "
            "employeurs de l'agroalimentaire.",
            "difficulties": "Les personnes orientées par le Département arrivent avec des projets "
            "parfois éloignés des offres du bassin ; il faut du temps pour les reprendre.",
        },
    },
    (RHONE_SUD, M3): {
        "flow": "current_counter_rated",
        "first": {"values": {"people_supported": "17"}, "fidelity": {}},
        "full": {
            "values": {
                "axes_started": "no",
                "cre_post_dedicated": "yes",
                "per_in_use": "yes",
                "company_file_opened": "yes",
                "people_supported": "19",
                "returns_to_work": "2",
                "companies_in_file": "30",
                "cre_count": "2",
                "method_active": "yes",
            },
            "fidelity": {
                "A": (3, "Chaque chargé a sa zone d'activité."),
                "B": (3, "Une personne par offre, sauf en intérim."),
                "C": (3, "Postes cibles notés dans la période d'engagement."),
                "D": (2, "Réunion du vendredi, mais sans objectifs communs."),
            },
            "practice_changes": "Les deux chargés de relation entreprises se répartissent les "
            "zones d'activité et se retrouvent chaque vendredi pour mettre les offres en commun.",
            "difficulties": "L'axe sur l'organisation de l'équipe attend l'arrivée de la nouvelle "
            "directrice. La logistique recrute beaucoup, mais surtout en intérim.",
        },
        "counter_by": AMAIA,
        "counter": {
            "A": (2, "Les zones sont partagées mais peu visitées : surtout du téléphone."),
            "B": (3, "D'accord, l'intérim reste à discuter."),
            "C": (3, "D'accord."),
            "D": (2, "D'accord."),
        },
    },
    (HAUTES_VIGNES, M3): {
        "flow": "current_draft",
        "first": {
            "values": {"axes_started": "no", "cre_post_dedicated": "yes", "people_supported": "9"},
            "fidelity": {"A": (2, ""), "D": (1, "")},
            "practice_changes": "Un agent du service développement économique consacre une "
            "journée par semaine aux entreprises.",
        },
    },
}

# --- The label ---------------------------------------------------------------------------------

GRANTED_REASON = (
    "Le bilan de mise en œuvre montre une équipe de trois chargés de relation entreprises qui "
    "tient les quatre principes : prospection régulière, une seule personne présentée par offre, "
    "postes cibles fixés dès l'accueil. La contre-évaluation de l'expert confirme "
    "l'auto-évaluation à un niveau près. Le label est accordé."
)
SUSPENDED_GRANT_REASON = (
    "L'équipe a corrigé l'écart relevé à trois mois sur le principe B : les CV ne circulent plus "
    "et chaque offre est confiée à une seule personne. Les quatre principes sont tenus au moins "
    "« largement ». Le label est accordé."
)
SUSPEND_REASON = (
    "Deux des trois chargés de relation entreprises ont quitté la structure cet automne et ne "
    "sont pas remplacés ; la file active est suivie par une seule personne, qui ne peut plus "
    "prospecter. Le principe D n'est plus respecté. Le label est suspendu jusqu'à ce que "
    "l'équipe soit reconstituée, ce que vérifiera le bilan d'impact."
)

# --- Typography ----------------------------------------------------------------------------------


def _typeset(value):
    if isinstance(value, str):
        return french(value)
    if isinstance(value, tuple):
        return tuple(_typeset(item) for item in value)
    if isinstance(value, list):
        return [_typeset(item) for item in value]
    if isinstance(value, dict):
        return {key: _typeset(item) for key, item in value.items()}
    return value


INDICATORS = _typeset(INDICATORS)
PUBLISH_NOTE = french(PUBLISH_NOTE)
DESCRIPTORS = _typeset(DESCRIPTORS)
FOLLOW_UP_END = french(FOLLOW_UP_END)
REPORTS = _typeset(REPORTS)
GRANTED_REASON = french(GRANTED_REASON)
SUSPENDED_GRANT_REASON = french(SUSPENDED_GRANT_REASON)
SUSPEND_REASON = french(SUSPEND_REASON)
