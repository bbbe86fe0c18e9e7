"""The optimal pairing of swarmed structures (their referents) with A.CO.R expert tutors.

Pure Python and scipy, no Django: the service that runs a season's proposal reads the profiles,
calls `propose` and stores its answer as a `PairingProposal`.

The rule, in this order of importance:

1. Assign as many structures as possible. A structure is left without a tutor only when the
   experts' capacities or the declared conflicts make it impossible, even if it fits nobody: it
   needs a tutor anyway.
2. Among those assignments, maximise the total fit (`fit_score`).
3. Among those, spread the load: the k-th referent of an expert costs a little more than the
   (k-1)-th, counting the referents they already follow.

Conflicts are never proposed, and structures pinned by Ansa keep their expert; the rest is
optimised around them. The problem is an assignment problem once each expert is expanded into one
column per free slot, solved exactly by `scipy.optimize.linear_sum_assignment`.
"""

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

#: Needs and levels are on the scale of `NeedPriority` and `ExpertiseLevel` (none … high).
MAX_VALUE = 3

# float64 holds every integer up to 2**53 exactly; the solver only adds and subtracts weights.
_EXACT_LIMIT = 2**53


@dataclass(frozen=True)
class NeedInput:
    structure_id: int
    priorities: Mapping[int, int]  # sheet id -> 0..3; a missing sheet counts as 0


@dataclass(frozen=True)
class ExpertInput:
    expert_id: int
    levels: Mapping[int, int]  # sheet id -> 0..3; a missing sheet counts as 0
    capacity: int  # remaining slots: how many more referents this expert can take
    load: int = 0  # referents already followed, so that new ones go to the less busy first


@dataclass(frozen=True)
class Reason:
    sheet_id: int
    need: int
    level: int
    points: float


@dataclass(frozen=True)
class ProposedPair:
    structure_id: int
    expert_id: int | None  # None: nobody could take this structure
    score: float
    reasons: tuple[Reason, ...]  # best first


@dataclass(frozen=True)
class Proposal:
    pairs: tuple[ProposedPair, ...]  # one per structure, by structure id
    total_score: float
    unassigned: tuple[int, ...]  # structure ids, ascending


def fit_score(priorities: Mapping[int, int], levels: Mapping[int, int]) -> float:
    """How well an expert fits a structure: the sum over sheets of need × level.

    Both are on the 0–3 scale, so a sheet the structure badly needs (3) and the expert masters (3)
    brings 9 points, and a sheet that either side leaves at 0 brings nothing. With integer inputs
    the score is an integer, which the tie-breaking of `propose` relies on. This is the one
    scoring rule: `explain` lists its terms and `propose` computes it for all pairs at once.
    """
    return float(sum(need * levels.get(sheet, 0) for sheet, need in priorities.items()))


def explain(priorities: Mapping[int, int], levels: Mapping[int, int]) -> tuple[Reason, ...]:
    """The sheets that make up `fit_score`, best first (then by sheet id, to be stable).

    Only sheets where the structure has a need and the expert some expertise are listed, so the
    points of the reasons add up to the score.
    """
    reasons = [
        Reason(sheet_id=sheet, need=need, level=level, points=float(need * level))
        for sheet, need in priorities.items()
        if need > 0 and (level := levels.get(sheet, 0)) > 0
    ]
    return tuple(sorted(reasons, key=lambda reason: (-reason.points, reason.sheet_id)))


def propose(
    needs: Sequence[NeedInput],
    experts: Sequence[ExpertInput],
    *,
    conflicts: Collection[tuple[int, int]] = (),
    pinned: Mapping[int, int] | None = None,
) -> Proposal:
    """The optimal pairing of `needs` with `experts` (see the module's docstring for the rule).

    `conflicts` holds (expert_id, structure_id) pairs that are never proposed; ids unknown to
    this run are ignored. `pinned` maps a structure id to the expert Ansa chose for it: that pair
    is kept even beyond the expert's capacity, and consumes it. A pinned pair in conflict, or
    naming an unknown structure or expert, raises `ValueError`, so that the caller can refuse the
    override with that reason. The answer does not depend on the order of the inputs.
    """
    # Sorting by id makes the cost matrix, hence the solver's answer, depend only on the data.
    needs = sorted(needs, key=lambda need: need.structure_id)
    experts = sorted(experts, key=lambda expert: expert.expert_id)
    pinned = dict(pinned or {})
    conflict_set = {(int(expert_id), int(structure_id)) for expert_id, structure_id in conflicts}
    _check(needs, experts, conflict_set, pinned)

    experts_by_id = {expert.expert_id: expert for expert in experts}
    pins_per_expert = Counter(pinned.values())
    free = [need for need in needs if need.structure_id not in pinned]
    chosen = {**pinned, **_solve(free, experts, conflict_set, pins_per_expert)}

    pairs = []
    for need in needs:
        expert_id = chosen.get(need.structure_id)
        if expert_id is None:
            pairs.append(ProposedPair(need.structure_id, None, 0.0, ()))
            continue
        levels = experts_by_id[expert_id].levels
        pairs.append(
            ProposedPair(
                structure_id=need.structure_id,
                expert_id=expert_id,
                score=fit_score(need.priorities, levels),
                reasons=explain(need.priorities, levels),
            )
        )
    return Proposal(
        pairs=tuple(pairs),
        total_score=float(sum(pair.score for pair in pairs)),
        unassigned=tuple(pair.structure_id for pair in pairs if pair.expert_id is None),
    )


def _check(
    needs: Sequence[NeedInput],
    experts: Sequence[ExpertInput],
    conflicts: set[tuple[int, int]],
    pinned: Mapping[int, int],
) -> None:
    """Refuse inputs that would silently break the rule (duplicates, values off the scale…)."""
    structure_ids = [need.structure_id for need in needs]
    expert_ids = [expert.expert_id for expert in experts]
    if len(set(structure_ids)) != len(structure_ids):
        raise ValueError("Each structure must appear once in the needs.")
    if len(set(expert_ids)) != len(expert_ids):
        raise ValueError("Each expert must appear once in the experts.")
    # Integer scores are what keeps the load-spreading penalty below any difference of fit.
    for owner, values in [(f"structure {n.structure_id}", n.priorities) for n in needs] + [
        (f"expert {e.expert_id}", e.levels) for e in experts
    ]:
        for sheet, value in values.items():
            if not isinstance(value, int) or not 0 <= value <= MAX_VALUE:
                raise ValueError(
                    f"Sheet {sheet} of {owner}: expected an integer from 0 to {MAX_VALUE}, "
                    f"got {value!r}."
                )
    for expert in experts:
        if expert.capacity < 0 or expert.load < 0:
            raise ValueError(f"Expert {expert.expert_id}: capacity and load cannot be negative.")
    known_structures, known_experts = set(structure_ids), set(expert_ids)
    for structure_id, expert_id in sorted(pinned.items()):
        if structure_id not in known_structures:
            raise ValueError(f"Structure {structure_id} is pinned but has no needs in this run.")
        if expert_id not in known_experts:
            raise ValueError(
                f"Structure {structure_id} is pinned to expert {expert_id}, "
                "who is not among the experts of this run."
            )
        if (expert_id, structure_id) in conflicts:
            raise ValueError(
                f"Structure {structure_id} cannot be pinned to expert {expert_id}: "
                "a conflict of interest is declared between them."
            )


def _solve(
    free: Sequence[NeedInput],
    experts: Sequence[ExpertInput],
    conflicts: set[tuple[int, int]],
    pins_per_expert: Mapping[int, int],
) -> dict[int, int]:
    """structure id -> expert id for the structures not pinned, optimal for the rule."""
    # One column per free slot; no expert can take more than all the free structures, which
    # keeps the matrix small when capacities are large. Pins consume capacity first.
    columns: list[tuple[int, int]] = []  # (index of the expert, its load before that slot)
    for index, expert in enumerate(experts):
        already = expert.load + pins_per_expert.get(expert.expert_id, 0)
        slots = min(max(expert.capacity - pins_per_expert.get(expert.expert_id, 0), 0), len(free))
        columns.extend((index, already + slot) for slot in range(slots))
    if not free or not columns:
        return {}

    # fit_score of every pair at once: the sum over sheets of need × level is a dot product.
    sheets = sorted({sheet for item in free for sheet in item.priorities})
    need_matrix = np.array([[n.priorities.get(s, 0) for s in sheets] for n in free], dtype=np.int64)
    level_matrix = np.array([[e.levels.get(s, 0) for s in sheets] for e in experts], dtype=np.int64)
    scores = need_matrix @ level_matrix.T  # structures × experts, integers
    column_expert = np.array([index for index, _ in columns])
    penalty = np.array([position for _, position in columns], dtype=np.int64)

    # Lexicographic objective as one integer weight per (structure, slot), maximised:
    #     weight = (B + score) × Q − penalty        and 0 for a conflict (never kept)
    # with penalty = the referents the expert follows before taking that slot, 0 ≤ penalty ≤ P,
    #      Q = n × P + 1 (n free structures), so an assignment's penalties total < Q,
    #      B = 1 + Σ over structures of their best score, so any assignment's score total < B.
    # For assignments A and A′, W(A) = |A|·B·Q + S(A)·Q − Pen(A). If |A| > |A′|, then
    # W(A) − W(A′) ≥ B·Q − (B − 1)·Q − Pen(A) = Q − Pen(A) > 0: assigning one more structure
    # beats any score. If |A| = |A′| and S(A) > S(A′), scores being integers,
    # W(A) − W(A′) ≥ Q − Pen(A) > 0: the penalties, worth less than one point of fit in total,
    # never change the optimal score. They only choose among equal scores, where the penalty
    # growing with the load sends the next referent to the expert who follows fewer, so the load
    # spreads. The weights stay integers below 2**53, so float64 holds them, and the solver's
    # sums, exactly.
    n = len(free)
    q = n * int(penalty.max()) + 1
    b = 1 + int(scores.max(axis=1).sum())
    if n * (b + int(scores.max())) * q >= _EXACT_LIMIT:
        raise ValueError("Too many structures or slots for an exact pairing.")
    weights = (b + scores[:, column_expert]) * q - penalty[np.newaxis, :]
    row_of = {need.structure_id: row for row, need in enumerate(free)}
    index_of = {expert.expert_id: index for index, expert in enumerate(experts)}
    for expert_id, structure_id in conflicts:
        if structure_id in row_of and expert_id in index_of:
            weights[row_of[structure_id], column_expert == index_of[expert_id]] = 0

    rows, cols = linear_sum_assignment(weights.astype(np.float64), maximize=True)
    kept = weights[rows, cols] > 0  # weight 0: a conflict, used only to complete the matching
    return {
        free[row].structure_id: experts[index].expert_id
        for row, index in zip(rows[kept].tolist(), column_expert[cols[kept]].tolist(), strict=True)
    }
