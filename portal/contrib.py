from portal.registry import register_dashboard_panel, register_demo
from portal.structures.dashboard import my_structures_panel

register_demo(order=10, name="Comptes de démonstration", path="portal.demo.load_people")
register_demo(
    order=15, name="Structures et appartenances", path="portal.structures.demo.load_structures"
)

register_dashboard_panel(
    order=15, name="Mes structures", template="portal/structures/dashboard_panel.html"
)(my_structures_panel)
