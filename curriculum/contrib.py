from portal.registry import register_demo

register_demo(order=30, name="Référentiel : page d'accueil", path="curriculum.demo.load_home_page")
