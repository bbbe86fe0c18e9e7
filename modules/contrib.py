from portal.registry import register_demo

register_demo(
    order=40, name="Formation-action : page d'accueil", path="modules.demo.load_home_page"
)
register_demo(
    order=60,
    name="Formation-action : la saison en cours",
    path="modules.demo.load_training",
)

from modules import panels  # noqa: E402, F401  (registers the dashboard panels)
