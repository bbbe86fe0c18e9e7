from portal.registry import register_demo

register_demo(order=70, name="Tutorat : expert·es, binômes et questions", path="tutoring.demo.load")

from tutoring import panels  # noqa: E402, F401  (registers the dashboard panels and sheet relation)

register_demo(
    order=80, name="Guide d'essaimage : éditions et entrées", path="tutoring.guide.demo.load"
)

from tutoring.guide import panels as guide_panels  # noqa: E402, F401  (the editors' panel)
from tutoring.guide import relations  # noqa: E402, F401  (the sheet page's guide entries)
