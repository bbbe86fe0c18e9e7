from portal.registry import register_demo

register_demo(
    order=90, name="Évaluation : indicateurs, bilans d'étape et label", path="evaluation.demo.load"
)

from evaluation import panels  # noqa: E402, F401  (registers the dashboard panels)
