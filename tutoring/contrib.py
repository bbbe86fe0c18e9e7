from portal.registry import register_demo

register_demo(order=70, name="Tutorat : expert·es, binômes et questions", path="tutoring.demo.load")

from tutoring import panels  # noqa: E402, F401  (registers the dashboard panels and sheet relation)
