from portal.registry import register_demo

register_demo(order=10, name="Comptes de démonstration", path="portal.demo.load_people")
