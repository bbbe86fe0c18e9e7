"""Demo data of the guide d'essaimage (being written)."""


def load(stdout) -> None:
    stdout.write("  guide d'essaimage : données de démonstration à venir")
