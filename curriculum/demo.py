"""Demo reference framework: principles A–D, the 13 action sheets and their tools."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from cms_pages.demo import ensure_child, ensure_page, home_pages
from cms_pages.demo_content import PROGRAMME_PAGES
from curriculum.models import ActionSheetPage, FrameworkEdition, FrameworkPage, Principle
from curriculum.permissions import FULL_FRAMEWORK_ROLES
from portal.roles import Role

TOOLS_COLLECTION = "Outils du référentiel"
WORKFLOW_NAME = "Validation par la tête de réseau A.CO.R"


def ensure_head_of_network_workflow(framework) -> Workflow:
    """Changes to the framework are published once A.CO.R's head of network approves them."""
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Approbation de la tête de réseau", defaults={"active": True}
    )
    task.groups.set([Group.objects.get_or_create(name=Role.HEAD_OF_NETWORK.value)[0]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in (framework["fr"], framework["en"]):
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
    WorkflowContentType.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(FrameworkEdition),
        defaults={"workflow": workflow},
    )
    return workflow


#: Editors prepare principles and editions; the head of network publishes editions.
SNIPPET_PERMISSIONS = {
    Role.EDITOR: [
        "add_principle", "change_principle", "view_principle",
        "add_frameworkedition", "change_frameworkedition", "view_frameworkedition",
    ],
    Role.HEAD_OF_NETWORK: [
        "change_principle", "view_principle",
        "change_frameworkedition", "view_frameworkedition", "publish_frameworkedition",
    ],
}  # fmt: skip


def ensure_snippet_permissions() -> None:
    for role, codenames in SNIPPET_PERMISSIONS.items():
        group = Group.objects.get_or_create(name=role.value)[0]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="curriculum", codename__in=codenames)
        )


def ensure_first_edition(framework: FrameworkPage, spec: dict) -> FrameworkEdition:
    """The edition the first season trains on, published once all the sheets exist."""
    edition = FrameworkEdition.objects.filter(framework=framework, slug=spec["slug"]).first()
    if edition is None:
        edition = FrameworkEdition.objects.create(
            framework=framework, name=spec["name"], slug=spec["slug"], changelog=spec["changelog"]
        )
        edition.save_revision().publish()
    return edition


def ensure_restricted_collection(name: str) -> Collection:
    """A top-level collection readable only by the roles that read the full framework."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name).first()
    if collection is None:
        collection = root.add_child(name=name)
    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    restriction.groups.set(
        [Group.objects.get_or_create(name=role.value)[0] for role in FULL_FRAMEWORK_ROLES]
    )
    return collection


def ensure_tools_collection() -> Collection:
    """The tools' collection, readable only by the roles that read the full framework."""
    return ensure_restricted_collection(TOOLS_COLLECTION)


def tool_document(*, sheet: dict, tool: dict, collection: Collection):
    Document = get_document_model()
    title = f"Fiche {sheet['number']} — {tool['title']}"
    document = Document.objects.filter(title=title, collection=collection).first()
    if document is None:
        from weasyprint import HTML

        html = (
            '<html lang="fr"><head><meta charset="utf-8"><style>'
            "body{font-family:'DejaVu Sans',sans-serif;font-size:11pt;margin:2cm}"
            "h1{font-size:16pt;color:#073a34}td,th{border:1px solid #999;padding:6pt;height:28pt}"
            "table{border-collapse:collapse;width:100%}</style></head><body>"
            f"<p>Référentiel A.CO.R — fiche {sheet['number']} · {escape(sheet['title'])}</p>"
            f"<h1>{escape(tool['title'])}</h1><p>{escape(tool['description'])}</p>"
            "<table><tr><th>Date</th><th>Personne ou entreprise</th><th>Observations</th></tr>"
            + "<tr><td></td><td></td><td></td></tr>" * 8
            + "</table><p>Document réservé aux structures du programme Essaim.</p></body></html>"
        )
        pdf = HTML(string=html).write_pdf()
        document = Document(title=title, collection=collection)
        document.file.save(f"fiche-{sheet['number']:02d}-outil.pdf", ContentFile(pdf), save=False)
        document.file_size = len(pdf)
        document.save()
    return document


def sheet_content(sheet: dict, collection: Collection) -> list[dict]:
    tools = [
        {
            "document": tool_document(sheet=sheet, tool=tool, collection=collection).pk,
            "title": tool["title"],
            "description": tool["description"],
        }
        for tool in sheet["tools"]
    ]
    return [
        {"type": "objectives", "value": sheet["objectives"]},
        {"type": "steps", "value": sheet["steps"]},
        {"type": "posture", "value": sheet["posture"]},
        {"type": "tools", "value": tools},
        {"type": "situations", "value": sheet["situations"]},
        {"type": "indicators", "value": sheet["indicators"]},
    ]


def load_home_page(stdout) -> None:
    from curriculum import demo_content as content

    texts = {
        "fr": {
            "title": PROGRAMME_PAGES["referentiel"]["fr"]["title"],
            "intro": content.FRAMEWORK["intro"],
            "access_text": content.FRAMEWORK["access_text"],
        },
        "en": PROGRAMME_PAGES["referentiel"]["en"],
    }
    framework = ensure_page(home_pages(), FrameworkPage, "referentiel", texts, show_in_menus=True)
    french = framework["fr"]
    ensure_head_of_network_workflow(framework)

    principles = {}
    for spec in content.PRINCIPLES:
        principles[spec["letter"]], _ = Principle.objects.get_or_create(
            letter=spec["letter"], defaults={k: v for k, v in spec.items() if k != "letter"}
        )

    collection = ensure_tools_collection()
    sheets = {}
    for spec in content.SHEETS:
        sheet = ensure_child(
            FrameworkPage.objects.get(pk=french.pk),
            ActionSheetPage,
            spec["slug"],
            title=spec["title"],
            number=spec["number"],
            axis=spec["axis"],
            summary=spec["summary"],
            content=sheet_content(spec, collection),
        )
        if not sheet.principles.exists():
            sheet.principles.set([principles[letter] for letter in spec["principles"]])
            sheet.save_revision().publish()
        sheets[spec["number"]] = sheet

    for spec in content.SHEETS:
        sheet = ActionSheetPage.objects.get(pk=sheets[spec["number"]].pk)
        if not any(block.block_type == "related" for block in sheet.content):
            related = [sheets[number].pk for number in spec["related"] if number in sheets]
            sheet.content.append(
                ("related", [ActionSheetPage.objects.get(pk=pk) for pk in related])
            )
            sheet.save_revision().publish()
    ensure_snippet_permissions()
    edition = ensure_first_edition(french, content.FIRST_EDITION)
    stdout.write(
        f"  référentiel : {len(sheets)} fiches, {len(principles)} principes, {edition.name}"
    )
