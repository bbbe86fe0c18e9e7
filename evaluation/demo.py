"""Demo data of the evaluation (being written)."""


def load(stdout) -> None:
    stdout.write("  évaluation : données de démonstration à venir")
