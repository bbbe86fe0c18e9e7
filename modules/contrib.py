from portal.registry import register_demo

register_demo(
    order=40, name="Formation-action : page d'accueil", path="modules.demo.load_home_page"
)
