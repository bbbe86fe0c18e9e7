from portal.registry import register_demo

register_demo(
    order=30,
    name="Référentiel : principes, fiches-actions et outils",
    path="curriculum.demo.load_home_page",
)
