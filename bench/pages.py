"""Throughput of Essaim's main pages, as a ratio against a baseline measured in the same run.

Absolute requests per second depend on the machine; the ratio to a trivial page (robots.txt,
which only runs the middleware stack) does not, or much less. A page whose ratio drops between
two commits got slower by itself, not because the machine did.

    .venv/bin/python bench/pages.py            # SQLite in a temporary folder, demo data
    .venv/bin/python bench/pages.py --seconds 3 --json bench-result.json

Each page is requested by an in-process Django test client, logged in as the person who would
read it, for a fixed time after a warm-up; the result is the median of three rounds.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: (label, path, who reads it: a demo e-mail or None for a visitor)
PAGES = [
    ("baseline: robots.txt", "/robots.txt", None),
    ("accueil", "/", None),
    ("référentiel (visiteur)", "/referentiel/", None),
    ("fiche (référente)", "/referentiel/fidelisation-entreprises/", "referent1@essaim.test"),
    ("appel à territoires", "/appel-a-territoires/", None),
    ("mon espace (Ansa)", "/mon-espace/", "ansa@essaim.test"),
    ("candidatures à instruire", "/candidatures/instruction/", "ansa@essaim.test"),
    ("mes candidatures", "/candidatures/", "candidat@essaim.test"),
]


def setup_django(var_dir: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["ESSAIM_VAR_DIR"] = var_dir
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir}/bench.sqlite3"
    import django

    django.setup()


def load_data() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def client_for(email: str | None):
    from django.test import Client

    from portal.models import User

    client = Client(HTTP_HOST="localhost")
    if email:
        client.force_login(User.objects.get(email=email))
    return client


def rate(client, path: str, seconds: float) -> float:
    """Requests per second over `seconds`, after a warm-up request."""
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    count = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        client.get(path)
        count += 1
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="per page and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="essaim-bench-") as var_dir:
        setup_django(var_dir)
        load_data()
        results = []
        for label, path, email in PAGES:
            client = client_for(email)
            rounds = [rate(client, path, args.seconds) for _ in range(args.rounds)]
            results.append({"page": label, "path": path, "rps": statistics.median(rounds)})
    baseline = results[0]["rps"]
    print(f"{'page':<32} {'req/s':>8} {'ratio':>7}")
    for row in results:
        row["ratio"] = row["rps"] / baseline
        print(f"{row['page']:<32} {row['rps']:>8.1f} {row['ratio']:>7.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
