"""The pairing rule: as many structures assigned as possible, then the best total fit, then the
load spread; conflicts never, Ansa's pins always. No database: the algorithm is pure Python."""

import random
from collections import Counter

import pytest

from tutoring.pairing.algorithm import (
    ExpertInput,
    NeedInput,
    Proposal,
    ProposedPair,
    Reason,
    explain,
    fit_score,
    propose,
)


def random_instance(rng: random.Random, *, structures: int, experts: int, max_capacity: int):
    """Needs, experts and conflicts on a few sheets, so that ties in fit are frequent."""
    sheets = range(1, rng.randint(1, 13) + 1)
    needs = [
        NeedInput(structure_id=10 + i, priorities={s: rng.randint(0, 3) for s in sheets})
        for i in range(structures)
    ]
    pool = [
        ExpertInput(
            expert_id=100 + j,
            levels={s: rng.randint(0, 3) for s in sheets},
            capacity=rng.randint(0, max_capacity),
            load=rng.randint(0, 2),
        )
        for j in range(experts)
    ]
    conflicts = {
        (expert.expert_id, need.structure_id)
        for need in needs
        for expert in pool
        if rng.random() < 0.2
    }
    return needs, pool, conflicts


def brute_force(needs, experts, conflicts, pinned) -> tuple[int, float]:
    """(most structures assigned, best total score among those) over every feasible assignment."""
    by_id = {expert.expert_id: expert for expert in experts}
    pins = Counter(pinned.values())
    remaining = {e.expert_id: max(e.capacity - pins[e.expert_id], 0) for e in experts}
    pinned_score = sum(
        fit_score(need.priorities, by_id[pinned[need.structure_id]].levels)
        for need in needs
        if need.structure_id in pinned
    )
    free = [need for need in needs if need.structure_id not in pinned]
    best = (0, 0.0)

    def walk(index: int, assigned: int, score: float) -> None:
        nonlocal best
        if index == len(free):
            best = max(best, (assigned, score))
            return
        need = free[index]
        walk(index + 1, assigned, score)  # nobody for this structure
        for expert in experts:
            eid = expert.expert_id
            if remaining[eid] > 0 and (eid, need.structure_id) not in conflicts:
                remaining[eid] -= 1
                walk(index + 1, assigned + 1, score + fit_score(need.priorities, expert.levels))
                remaining[eid] += 1

    walk(0, 0, 0.0)
    return best[0] + len(pinned), best[1] + pinned_score


def assert_feasible(proposal: Proposal, needs, experts, conflicts, pinned=None) -> None:
    """Capacity (after the pins), conflicts and pins hold; scores follow the one scoring rule."""
    pinned = pinned or {}
    by_id = {expert.expert_id: expert for expert in experts}
    priorities = {need.structure_id: need.priorities for need in needs}
    assert [pair.structure_id for pair in proposal.pairs] == sorted(priorities)
    taken = Counter(pair.expert_id for pair in proposal.pairs if pair.expert_id is not None)
    pins = Counter(pinned.values())
    for expert_id, count in taken.items():
        assert count - pins[expert_id] <= max(by_id[expert_id].capacity - pins[expert_id], 0)
    for pair in proposal.pairs:
        assert (pair.expert_id, pair.structure_id) not in conflicts or pair.structure_id in pinned
        if pair.structure_id in pinned:
            assert pair.expert_id == pinned[pair.structure_id]
        if pair.expert_id is not None:
            levels = by_id[pair.expert_id].levels
            assert pair.score == fit_score(priorities[pair.structure_id], levels)
            assert pair.reasons == explain(priorities[pair.structure_id], levels)
    assert proposal.total_score == sum(pair.score for pair in proposal.pairs)
    assert proposal.unassigned == tuple(
        p.structure_id for p in proposal.pairs if p.expert_id is None
    )


def test_proposal_is_optimal_on_small_cases_checked_by_brute_force():
    rng = random.Random(20270312)
    for _ in range(300):
        needs, experts, conflicts = random_instance(
            rng, structures=rng.randint(0, 5), experts=rng.randint(0, 4), max_capacity=2
        )
        pinned = {}
        if needs and experts and rng.random() < 0.3:
            need = rng.choice(needs)
            allowed = [e for e in experts if (e.expert_id, need.structure_id) not in conflicts]
            if allowed:
                pinned[need.structure_id] = rng.choice(allowed).expert_id

        proposal = propose(needs, experts, conflicts=conflicts, pinned=pinned)

        assert_feasible(proposal, needs, experts, conflicts, pinned)
        assigned = len(needs) - len(proposal.unassigned)
        assert (assigned, proposal.total_score) == brute_force(needs, experts, conflicts, pinned)


def test_capacity_is_never_exceeded():
    rng = random.Random(7)
    for _ in range(20):
        needs, experts, conflicts = random_instance(rng, structures=40, experts=8, max_capacity=4)
        proposal = propose(needs, experts, conflicts=conflicts)
        taken = Counter(pair.expert_id for pair in proposal.pairs if pair.expert_id is not None)
        for expert in experts:
            assert taken[expert.expert_id] <= expert.capacity
    # Nobody goes to an expert without capacity, however well they fit.
    star = ExpertInput(1, {1: 3}, capacity=0)
    plain = ExpertInput(2, {1: 1}, capacity=5)
    needs = [NeedInput(i, {1: 3}) for i in range(3)]
    assert {pair.expert_id for pair in propose(needs, [star, plain]).pairs} == {2}


def test_declared_conflicts_are_never_proposed():
    best = ExpertInput(1, {1: 3, 2: 3}, capacity=2)
    other = ExpertInput(2, {1: 1}, capacity=2)
    needs = [NeedInput(10, {1: 3, 2: 3}), NeedInput(11, {1: 3})]

    proposal = propose(needs, [best, other], conflicts={(1, 10)})

    assert [(p.structure_id, p.expert_id) for p in proposal.pairs] == [(10, 2), (11, 1)]
    # When the only expert is in conflict, the structure stays without a tutor.
    lonely = propose([NeedInput(10, {1: 3})], [best], conflicts=[(1, 10)])
    assert lonely.unassigned == (10,)
    assert lonely.pairs == (ProposedPair(10, None, 0.0, ()),)
    rng = random.Random(11)
    for _ in range(20):
        needs, experts, conflicts = random_instance(rng, structures=30, experts=6, max_capacity=6)
        for pair in propose(needs, experts, conflicts=conflicts).pairs:
            assert (pair.expert_id, pair.structure_id) not in conflicts


def test_everyone_is_assigned_when_capacity_allows_even_with_zero_fit():
    experts = [ExpertInput(1, {1: 3}, capacity=2), ExpertInput(2, {2: 3}, capacity=1)]
    needs = [NeedInput(10, {3: 3}), NeedInput(11, {}), NeedInput(12, {1: 1})]

    proposal = propose(needs, experts)

    assert proposal.unassigned == ()
    assert proposal.total_score == 3.0
    # Assigning one more structure beats a better total fit: 12 could score 9 with expert 1 and
    # leave 13 alone (in conflict with expert 2); 13 takes expert 1 and 12, at 0, expert 2.
    experts = [ExpertInput(1, {1: 3}, capacity=1), ExpertInput(2, {2: 3}, capacity=1)]
    needs = [NeedInput(12, {1: 3}), NeedInput(13, {1: 1})]
    proposal = propose(needs, experts, conflicts={(2, 13)})
    assert [(p.structure_id, p.expert_id) for p in proposal.pairs] == [(12, 2), (13, 1)]
    assert proposal.total_score == 3.0


def test_unassigned_only_when_capacity_runs_out():
    experts = [ExpertInput(1, {1: 2}, capacity=2), ExpertInput(2, {1: 2}, capacity=1)]
    needs = [NeedInput(10 + i, {1: need}) for i, need in enumerate([1, 3, 0, 2, 3])]

    proposal = propose(needs, experts)

    # Three slots for five structures: the two that would score least are the ones left.
    assert proposal.unassigned == (10, 12)
    assert proposal.total_score == 16.0
    rng = random.Random(3)
    for _ in range(20):
        needs, pool, _ = random_instance(rng, structures=25, experts=6, max_capacity=6)
        slots = sum(expert.capacity for expert in pool)
        assert len(propose(needs, pool).unassigned) == max(len(needs) - slots, 0)


def test_explanation_lists_shared_sheets_best_first():
    priorities = {1: 3, 2: 1, 3: 2, 4: 0, 5: 2, 7: 1}
    levels = {1: 1, 2: 3, 3: 3, 4: 3, 5: 0, 6: 3}

    reasons = explain(priorities, levels)

    assert reasons == (
        Reason(sheet_id=3, need=2, level=3, points=6.0),
        Reason(sheet_id=1, need=3, level=1, points=3.0),
        Reason(sheet_id=2, need=1, level=3, points=3.0),
    )
    assert fit_score(priorities, levels) == 12.0 == sum(reason.points for reason in reasons)
    assert explain({1: 3}, {2: 3}) == ()
    pair = propose([NeedInput(10, priorities)], [ExpertInput(1, levels, capacity=1)]).pairs[0]
    assert pair.reasons == reasons


def test_load_is_spread_between_equal_experts():
    twins = [ExpertInput(1, {1: 2}, capacity=4), ExpertInput(2, {1: 2}, capacity=4)]
    needs = [NeedInput(10 + i, {1: 1}) for i in range(4)]

    taken = Counter(pair.expert_id for pair in propose(needs, twins).pairs)

    assert taken == {1: 2, 2: 2}
    # The referents an expert already follows count: the new ones go to the other first.
    busy = [ExpertInput(1, {1: 2}, capacity=4, load=2), ExpertInput(2, {1: 2}, capacity=4)]
    taken = Counter(pair.expert_id for pair in propose(needs, busy).pairs)
    assert taken == {1: 1, 2: 3}


def test_spreading_load_never_costs_fit():
    best = ExpertInput(1, {1: 3}, capacity=3, load=5)
    idle = ExpertInput(2, {1: 2}, capacity=3)
    needs = [NeedInput(10 + i, {1: 1}) for i in range(3)]

    proposal = propose(needs, [best, idle])

    assert {pair.expert_id for pair in proposal.pairs} == {1}
    assert proposal.total_score == 9.0


def test_pinned_pairs_are_kept():
    good = ExpertInput(1, {1: 3}, capacity=1)
    poor = ExpertInput(2, {1: 1}, capacity=1)
    needs = [NeedInput(10, {1: 3}), NeedInput(11, {1: 3})]

    proposal = propose(needs, [good, poor], pinned={10: 2})

    # Ansa's choice stands and uses expert 2's only slot; the rest is optimised around it.
    assert [(p.structure_id, p.expert_id) for p in proposal.pairs] == [(10, 2), (11, 1)]
    assert proposal.total_score == 12.0
    # A pin beyond capacity is Ansa's call: kept, and the expert takes nobody else.
    full = propose(needs, [good, poor], pinned={10: 1, 11: 1})
    assert [p.expert_id for p in full.pairs] == [1, 1]
    more = propose([*needs, NeedInput(12, {1: 3})], [good, poor], pinned={10: 1, 11: 1})
    assert more.pairs[2].expert_id == 2


def test_pinned_pair_in_conflict_is_refused():
    needs = [NeedInput(10, {1: 3})]
    experts = [ExpertInput(1, {1: 3}, capacity=1)]

    with pytest.raises(ValueError, match="conflict"):
        propose(needs, experts, conflicts={(1, 10)}, pinned={10: 1})
    with pytest.raises(ValueError, match="not among the experts"):
        propose(needs, experts, pinned={10: 2})


def test_same_input_gives_same_proposal_whatever_the_order():
    rng = random.Random(5)
    needs, experts, conflicts = random_instance(rng, structures=30, experts=8, max_capacity=3)
    first = propose(needs, experts, conflicts=conflicts)

    for _ in range(5):
        rng.shuffle(needs)
        rng.shuffle(experts)
        assert propose(needs, experts, conflicts=list(conflicts)) == first


def test_empty_inputs():
    assert propose([], []) == Proposal(pairs=(), total_score=0.0, unassigned=())
    assert propose([], [ExpertInput(1, {1: 3}, capacity=2)]) == Proposal((), 0.0, ())
    alone = propose([NeedInput(10, {1: 3}), NeedInput(11, {})], [])
    assert alone.unassigned == (10, 11)
    assert [pair.expert_id for pair in alone.pairs] == [None, None]
