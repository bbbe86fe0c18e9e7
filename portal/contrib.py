from portal.demo import load_people
from portal.registry import register_demo

register_demo(order=10, name="Comptes de démonstration")(load_people)
