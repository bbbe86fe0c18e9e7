from portal.registry import register_demo

register_demo(
    order=50, name="Appel à territoires : page d'accueil", path="candidacy.demo.load_home_page"
)
