"""Time of a season's pairing proposal, as a ratio against a baseline measured in the same run.

Absolute times depend on the machine; the ratio to the bare solver does not, or much less. The
baseline is `scipy.optimize.linear_sum_assignment` alone on a random matrix of the same shape as
the one `propose` builds (structures × experts' free slots), so the ratio is what preparing the
problem and explaining the answer cost on top of solving it. A ratio that grows between two
commits means `propose` got slower by itself.

    .venv/bin/python bench/pairing.py
    .venv/bin/python bench/pairing.py --repeats 21 --json bench-pairing.json

The season is seeded: 200 structures × 50 experts, needs and levels 0–3 on the 13 sheets,
capacities 3–6, a few conflicts. Each timing is the median of `--repeats` runs after a warm-up.
"""

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tutoring.pairing.algorithm import ExpertInput, NeedInput, propose  # noqa: E402

SHEETS = range(1, 14)


def season(seed: int, structures: int, experts: int):
    rng = random.Random(seed)
    needs = [
        NeedInput(structure_id=i, priorities={s: rng.randint(0, 3) for s in SHEETS})
        for i in range(1, structures + 1)
    ]
    pool = [
        ExpertInput(
            expert_id=1000 + j,
            levels={s: rng.randint(0, 3) for s in SHEETS},
            capacity=rng.randint(3, 6),
            load=rng.randint(0, 2),
        )
        for j in range(experts)
    ]
    conflicts = {
        (rng.choice(pool).expert_id, rng.choice(needs).structure_id)
        for _ in range(structures // 10)
    }
    return needs, pool, conflicts


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    run()  # warm-up: imports, caches
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--structures", type=int, default=200)
    parser.add_argument("--experts", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=11)
    parser.add_argument("--seed", type=int, default=2027)
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()

    needs, experts, conflicts = season(args.seed, args.structures, args.experts)
    slots = sum(min(expert.capacity, len(needs)) for expert in experts)
    cost = np.random.default_rng(args.seed).random((len(needs), slots))
    proposal = propose(needs, experts, conflicts=conflicts)

    results = [
        {
            "case": "baseline: linear_sum_assignment",
            "shape": f"{len(needs)}×{slots}",
            "seconds": median_seconds(lambda: linear_sum_assignment(cost), args.repeats),
        },
        {
            "case": "propose",
            "shape": f"{len(needs)}×{len(experts)}",
            "seconds": median_seconds(
                lambda: propose(needs, experts, conflicts=conflicts), args.repeats
            ),
            "assigned": len(needs) - len(proposal.unassigned),
            "total_score": proposal.total_score,
        },
    ]
    baseline = results[0]["seconds"]
    print(f"{'case':<34} {'shape':>9} {'ms':>8} {'ratio':>7}")
    for row in results:
        row["ratio"] = row["seconds"] / baseline
        milliseconds = row["seconds"] * 1000
        print(f"{row['case']:<34} {row['shape']:>9} {milliseconds:>8.2f} {row['ratio']:>7.2f}")
    print(
        f"{results[1]['assigned']} of {len(needs)} structures assigned, "
        f"total fit {proposal.total_score:g}, {len(conflicts)} conflicts"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
