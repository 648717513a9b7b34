"""Results of a round, checked against independent computations: the statistics
module, scipy, and small cases worked by hand."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from scoring import aggregate, conference, exports, rounds, voting
from scoring.cli import main as cli_main
from scoring.errors import ValidationError

A = "thư ký"


# --- hand-made frames ----------------------------------------------------------------------------


def totals_frame(scores_by_candidate: dict[int, list[float]]) -> pd.DataFrame:
    rows = [
        {"member_id": m, "candidate_id": c, "total": float(x)}
        for c, xs in scores_by_candidate.items()
        for m, x in enumerate(xs, start=1)
    ]
    return pd.DataFrame(rows)


def candidates_frame(rows: list[dict]) -> pd.DataFrame:
    """Candidates with sensible title rules; each row overrides what it needs."""
    base = {
        "full_name": "",
        "kind": "individual",
        "unit": "",
        "title_id": 1,
        "title": "Danh hiệu",
        "title_position": 1,
        "eligible": 10,
        "needs_scoring": 1,
        "needs_ballot": 0,
        "threshold_pct": 50.0,
        "threshold_rule": "more_than",
        "quorum_pct": 0.0,
        "min_score": np.nan,
        "quota_kind": "none",
        "quota_value": np.nan,
        "quota_of_title_id": np.nan,
    }
    out = []
    for i, row in enumerate(rows):
        merged = {**base, "candidate_id": i + 1, "full_name": f"Ứng viên {i + 1}", "name_order": i, **row}
        out.append(merged)
    return pd.DataFrame(out)


NO_TALLIES = pd.DataFrame({"candidate_id": pd.Series([], dtype=float), "choice": [], "count": []})


def table_for(candidates: list[dict], scores: dict[int, list[float]], tallies=NO_TALLIES, **kw) -> pd.DataFrame:
    kw.setdefault("members_total", 10)
    kw.setdefault("present", 10)
    table = aggregate.compute_table(candidates_frame(candidates), totals_frame(scores), tallies, **kw)
    return table.set_index("candidate_id")


@pytest.mark.parametrize("values", [[80], [70, 90], [60, 75, 95], [50, 88, 71, 99, 64], [70, 70, 70, 100]])
def test_mean_median_trimmed_sd_match_statistics_and_scipy(values):
    result = aggregate.aggregate_scores(totals_frame({7: values}), "trimmed_mean").loc[7]
    assert result["mean"] == pytest.approx(statistics.mean(values))
    assert result["median"] == pytest.approx(statistics.median(values))
    # One highest and one lowest dropped from 3 scores up: scipy's proportion 1/n.
    expected = stats.trim_mean(values, 1 / len(values) + 1e-12) if len(values) >= 3 else statistics.mean(values)
    assert result["trimmed_mean"] == pytest.approx(expected)
    assert result["score"] == pytest.approx(expected)
    if len(values) > 1:
        assert result["sd"] == pytest.approx(statistics.stdev(values))
    else:
        assert math.isnan(result["sd"])
    assert result["spread"] == max(values) - min(values)
    assert result["n_scores"] == len(values)


def test_trimmed_mean_by_hand_for_one_two_three_scores():
    agg = aggregate.aggregate_scores(totals_frame({1: [80], 2: [70, 90], 3: [60, 75, 95]}), "trimmed_mean")
    assert agg.loc[1, "score"] == 80  # one score: itself
    assert agg.loc[2, "score"] == 80  # two: plain mean
    assert agg.loc[3, "score"] == 75  # three: 60 and 95 dropped


def test_aggregate_on_unsorted_totals_with_unequal_counts():
    rng = np.random.default_rng(3)
    frame = totals_frame({c: list(rng.uniform(40, 100, n)) for c, n in [(5, 4), (2, 1), (9, 7)]})
    shuffled = frame.sample(frac=1, random_state=1)
    agg = aggregate.aggregate_scores(shuffled, "median")
    for c, group in frame.groupby("candidate_id"):
        assert agg.loc[c, "median"] == pytest.approx(statistics.median(group["total"]))
        assert agg.loc[c, "score"] == pytest.approx(statistics.median(group["total"]))


def test_member_totals_match_weighted_total_of_the_sheet():
    criteria = pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "set_id": [1, 1, 2, 2],
            "weight": [1.0, 2.0, 1.0, 1.0],
            "max_points": [60.0, 20.0, 30.0, 70.0],
        }
    )
    scores = pd.DataFrame(
        {
            "member_id": [1, 1, 2, 2, 1, 1],
            "candidate_id": [10, 10, 10, 10, 11, 11],
            "criterion_id": [1, 2, 1, 2, 3, 4],
            "points": [45.0, 15.0, 60.0, 20.0, 12.0, 35.0],
        }
    )
    totals = aggregate.member_totals(scores, criteria).set_index(["member_id", "candidate_id"])["total"]
    crit = criteria.to_dict("records")
    for (member, candidate), group in scores.groupby(["member_id", "candidate_id"]):
        set_criteria = [c for c in crit if c["id"] in set(group["criterion_id"])]
        expected = voting.weighted_total(set_criteria, dict(zip(group["criterion_id"], group["points"], strict=True)))
        assert totals[(member, candidate)] == pytest.approx(expected)
    assert totals[(1, 10)] == pytest.approx(100 * (45 + 2 * 15) / (60 + 40))  # 75 by hand
    assert totals[(1, 11)] == pytest.approx(47.0)


def test_normalisation_only_for_members_above_the_minimum():
    # Member 1 scores 4 candidates (lenient), member 2 scores 2: min 3 normalises member 1 only.
    totals = pd.DataFrame(
        {
            "member_id": [1, 1, 1, 1, 2, 2],
            "candidate_id": [1, 2, 3, 4, 1, 2],
            "total": [95.0, 90.0, 85.0, 80.0, 60.0, 70.0],
        }
    )
    out = aggregate.normalise_totals(totals, min_scores=3)
    assert out["normalised"].tolist() == [True, True, True, True, False, False]
    pooled_mean, pooled_sd = statistics.mean(totals["total"]), statistics.stdev(totals["total"])
    m1 = [95.0, 90.0, 85.0, 80.0]
    expected = [pooled_mean + (x - statistics.mean(m1)) / statistics.stdev(m1) * pooled_sd for x in m1]
    assert out["total"].tolist()[:4] == pytest.approx(expected)
    assert out["total"].tolist()[4:] == [60.0, 70.0]
    # With the minimum above everyone's count nothing changes.
    assert aggregate.normalise_totals(totals, min_scores=5)["total"].tolist() == totals["total"].tolist()


@pytest.mark.parametrize("layout", ["full_grid", "full_grid_member_major", "with_gaps", "one_candidate"])
def test_normalisation_same_for_every_layout_of_the_totals(layout):
    # Totals that repeat one sequence of members (every candidate scored by everyone, as
    # member_totals returns them) are summed as a matrix; any other layout by member codes.
    rng = np.random.default_rng(5)
    candidates = 1 if layout == "one_candidate" else 12
    totals = pd.DataFrame(
        [(m, c, round(float(rng.uniform(40, 100)), 2)) for c in range(1, candidates + 1) for m in (2, 3, 5, 8)],
        columns=["member_id", "candidate_id", "total"],
    )
    totals.loc[totals["member_id"] == 5, "total"] = 77.0  # a member who gave everyone the same total: z = 0
    if layout == "full_grid_member_major":
        totals = totals.sort_values(["member_id", "candidate_id"]).reset_index(drop=True)
    if layout == "with_gaps":  # a recusal and an absent sheet
        totals = totals.drop(index=[6, 17]).reset_index(drop=True)
    member = totals["member_id"].to_numpy(np.int64)
    assert bool(aggregate._ByMember(member).width) == (layout in ("full_grid", "one_candidate"))

    min_scores = 1 if layout == "one_candidate" else 10
    out = aggregate.normalise_totals(totals, min_scores=min_scores)
    pooled_mean, pooled_sd = statistics.mean(totals["total"]), statistics.stdev(totals["total"])
    for (_, row), adjusted, normalised in zip(totals.iterrows(), out["total"], out["normalised"], strict=True):
        own = totals.loc[totals["member_id"] == row["member_id"], "total"].tolist()
        assert normalised == (len(own) >= min_scores)
        if not normalised:
            assert adjusted == row["total"]
        elif len(own) < 2 or statistics.pstdev(own) == 0:
            assert adjusted == pytest.approx(pooled_mean)
        else:
            z = (row["total"] - statistics.mean(own)) / statistics.stdev(own)
            assert adjusted == pytest.approx(pooled_mean + z * pooled_sd)


def test_normalised_score_changes_the_score_but_not_the_raw_statistics():
    candidates = [{}, {}]
    scores = {1: [90, 60, 75], 2: [80, 70, 71]}
    plain = table_for(candidates, scores)
    normalised = table_for(candidates, scores, normalise=True, normalise_min_scores=2)
    assert plain.loc[1, "score"] == pytest.approx(75)
    assert normalised.loc[1, "mean"] == pytest.approx(75)  # raw mean still shown
    assert normalised.loc[1, "score"] != pytest.approx(75)
    too_few = table_for(candidates, scores, normalise=True, normalise_min_scores=3)
    assert too_few["score"].tolist() == pytest.approx(plain["score"].tolist())


def test_ties_share_a_rank_and_the_cascade_breaks_the_others():
    table = pd.DataFrame(
        {
            "title_id": [1, 1, 1, 1, 1, 2, 2],
            "approval_pct": [80.0, 80.0, 80.0, 90.0, 80.0, np.nan, np.nan],
            "score": [85.0, 85.0, 85.0, 70.0, 85.0, 60.0, 60.004],
            "median": [84.0, 84.0, 86.0, 70.0, 84.0, 61.0, 60.0],
        }
    )
    # Approval first (90% leads), then score, then median (86 beats 84); three equal share rank 3.
    # Title 2: scores equal to 2 decimals, so the median decides.
    assert aggregate.rank(table).tolist() == [3, 3, 2, 1, 3, 1, 2]


def test_fully_equal_candidates_share_a_rank_in_the_table():
    table = table_for([{}, {}, {}], {1: [80, 90], 2: [90, 80], 3: [70, 70]})
    assert table["rank"].to_dict() == {1: 1, 2: 1, 3: 3}


def test_min_score_at_the_boundary():
    table = table_for([{"min_score": 91.0}] * 3, {1: [91, 91], 2: [90.5, 91], 3: [95, 100]})
    assert table["meets_min_score"].to_dict() == {1: True, 2: False, 3: True}
    assert table.loc[2, "reason"] == "dưới điểm tối thiểu"
    assert table.loc[1, "passes"] and table.loc[1, "reason"] == ""


def test_top_n_quota_keeps_the_best_and_leaves_a_boundary_tie_to_the_council():
    rules = {"quota_kind": "top_n", "quota_value": 3.0, "min_score": 50.0}
    scores = {1: [95], 2: [90], 3: [85], 4: [40], 5: [80], 6: [75]}
    table = table_for([rules] * 6, scores)
    # Candidate 4 fails the minimum and does not use a place; 1, 2, 3 fill the quota.
    assert table["passes"].to_dict() == {1: True, 2: True, 3: True, 4: False, 5: False, 6: False}
    assert table.loc[5, "reason"] == "vượt hạn mức (số lượng tối đa) của danh hiệu"
    assert table.loc[4, "reason"] == "dưới điểm tối thiểu"
    tied = table_for([rules] * 4, {1: [95], 2: [90], 3: [85], 4: [85]})
    assert tied["passes"].to_dict() == {1: True, 2: True, 3: False, 4: False}
    assert (tied["quota_cap"] == 3).all()


def test_pct_of_title_quota_is_15_percent_floor_of_those_passing_the_reference():
    def run(passing_ldtt: int) -> pd.DataFrame:
        ldtt = [{"title_id": 1, "min_score": 70.0}] * 22
        cstd = [{"title_id": 2, "title_position": 2, "quota_kind": "pct_of_title", "quota_value": 15.0,
                 "quota_of_title_id": 1.0}] * 5  # fmt: skip
        scores = {i + 1: [80 if i < passing_ldtt else 60] for i in range(22)}
        scores.update({23 + i: [99 - i] for i in range(5)})
        return table_for(ldtt + cstd, scores)

    twenty = run(20)  # 15% of 20 = 3
    assert int(twenty.loc[twenty["title_id"] == 1, "passes"].sum()) == 20
    assert twenty.loc[23:27, "passes"].tolist() == [True, True, True, False, False]
    thirteen = run(13)  # 15% of 13 = 1.95 -> 1
    assert thirteen.loc[23:27, "passes"].tolist() == [True, False, False, False, False]
    assert thirteen.loc[23, "quota_cap"] == 1


def test_sealed_ballots_show_no_figure_and_hold_no_quota_counted_on_them():
    # A round still open: the ballot title's figures are blank and its reason says the count
    # waits; a title capped at 15 % of it is not "over quota" (0 of nobody) but unlimited.
    voted = [{"title_id": 1, "needs_ballot": 1, "threshold_pct": 50.0}] * 4
    capped = [{"title_id": 2, "title_position": 2, "quota_kind": "pct_of_title", "quota_value": 15.0,
               "quota_of_title_id": 1.0}] * 2  # fmt: skip
    tallies = pd.DataFrame({"candidate_id": [1.0, 2.0], "choice": ["approve", "approve"], "count": [9, 9]})
    scores = {i: [90] for i in range(1, 7)}
    sealed = table_for(voted + capped, scores, tallies, ballots_counted=False)
    ballot = sealed.loc[1:4]
    assert ballot[["approve", "reject", "abstain", "approval_pct", "passes_threshold"]].isna().all().all()
    assert not ballot["passes"].any()
    assert (ballot["reason"] == "chưa kiểm phiếu (vòng chưa khóa)").all()
    assert sealed.loc[5:6, "passes"].all() and sealed.loc[5:6, "quota_cap"].isna().all()
    counted = table_for(voted + capped, scores, tallies)
    assert counted.loc[1, "approve"] == 9 and counted.loc[1, "passes"]
    assert counted.loc[5, "quota_cap"] == 0  # 15 % of the 2 who passed, floored


def test_pct_of_title_reference_outside_the_round_uses_external_count_else_unlimited():
    cstd = [{"quota_kind": "pct_of_title", "quota_value": 15.0, "quota_of_title_id": 99.0}] * 3
    scores = {1: [95], 2: [90], 3: [85]}
    assert table_for(cstd, scores, external_passes={99: 7})["passes"].tolist() == [True, False, False]
    unlimited = table_for(cstd, scores)
    assert unlimited["passes"].all() and unlimited["quota_cap"].isna().all()


def test_quorum_against_all_members():
    rows = [{"quorum_pct": 66.67}]
    assert not table_for(rows, {1: [90]}, present=6)["quorum_met"].iloc[0]
    assert table_for(rows, {1: [90]}, present=7)["quorum_met"].iloc[0]
    # Two thirds of 3 is 66,67% as written in the minutes: it meets "66,67%".
    assert table_for(rows, {1: [90]}, members_total=3, present=2)["quorum_met"].iloc[0]
    failed = table_for(rows, {1: [90]}, present=6)
    assert failed["reason"].iloc[0] == "không đủ số thành viên có mặt theo quy định"


def test_whole_list_tally_applies_to_every_nominee_and_no_ballot_title_passes_on_score():
    rows = [{"needs_ballot": 1}, {"needs_ballot": 1}, {"needs_ballot": 0, "min_score": 80.0}]
    tallies = pd.DataFrame(
        {"candidate_id": [np.nan] * 3, "choice": ["approve", "reject", "abstain"], "count": [6, 3, 1]}
    )
    table = table_for(rows, {1: [70], 2: [75], 3: [85]}, tallies)
    assert table.loc[1, ["approve", "reject", "abstain"]].tolist() == [6, 3, 1]
    assert table.loc[2, "approval_pct"] == 60.0 and table.loc[2, "passes"]
    assert math.isnan(table.loc[3, "approval_pct"]) and table.loc[3, "approve"] == 0
    assert table.loc[3, "passes"]


@pytest.mark.parametrize("choice", ["approv", None])
def test_a_tally_with_an_unknown_or_missing_choice_is_refused(choice):
    tallies = pd.DataFrame({"candidate_id": [1.0, 1.0], "choice": ["approve", choice], "count": [6, 3]})
    with pytest.raises(ValueError, match="unknown ballot choice"):
        table_for([{"needs_ballot": 1}], {1: [70]}, tallies)


# --- through the core --------------------------------------------------------------------------------


def make_council(store, n: int = 10, units: dict[int, str] | None = None) -> list[int]:
    """n voting members; `units` puts member i (1-based) in a unit."""
    for name in {*(units or {}).values()}:
        conference.add_unit(store, A, name)
    ids = []
    for i in range(1, n + 1):
        unit = (units or {}).get(i)
        member_id, _ = conference.add_member(store, A, f"Thành viên Số {i:02d}", unit=unit, code=f"ma-so-{i:02d}")
        ids.append(member_id)
    return ids


def vote(store, round_id: int, members: list[int], approvals: dict[int, int]) -> None:
    """Each candidate gets approvals[candidate] 'approve' from the first eligible members, 'reject' from the rest."""
    given = dict.fromkeys(approvals, 0)
    for m in members:
        choices = {}
        for s in voting.ballot_subjects(store, round_id, m):
            cid = s["candidate_id"]
            choices[cid] = "approve" if given[cid] < approvals[cid] else "reject"
            given[cid] += choices[cid] == "approve"
        voting.cast_ballot(store, round_id, m, choices)


def ballot_title(store, name: str, **rules) -> int:
    rules = {"needs_scoring": 0, "needs_ballot": 1, "quorum_pct": 0, **rules}
    return conference.add_title(store, A, name, "individual", **rules)


def test_thresholds_exactly_at_the_boundary(store):
    members = make_council(store)
    ballot_title(store, "Cấp tỉnh", threshold_pct=90, threshold_rule="at_least")
    ballot_title(store, "Cơ sở", threshold_pct=50, threshold_rule="more_than")
    ids = {
        name: conference.add_candidate(store, A, "individual", name, title)
        for name, title in [("Chín Phiếu", "Cấp tỉnh"), ("Tám Phiếu", "Cấp tỉnh"), ("Năm Phiếu", "Cơ sở"),
                            ("Sáu Phiếu", "Cơ sở")]
    }  # fmt: skip
    rid = rounds.create_round(store, A, "Vòng kiểm tra ngưỡng", list(ids.values()))
    rounds.transition(store, A, rid, "open")
    approvals = {ids["Chín Phiếu"]: 9, ids["Tám Phiếu"]: 8, ids["Năm Phiếu"]: 5, ids["Sáu Phiếu"]: 6}
    vote(store, rid, members, approvals)
    rounds.transition(store, A, rid, "closed")
    res = aggregate.round_results(store, rid)
    table = res.table.set_index("full_name")
    assert table.loc["Chín Phiếu", "approval_pct"] == 90.0 and table.loc["Chín Phiếu", "passes"]
    assert table.loc["Tám Phiếu", "approval_pct"] == 80.0 and not table.loc["Tám Phiếu", "passes"]
    assert not table.loc["Năm Phiếu", "passes"]  # 50% is not more than 50%
    assert table.loc["Năm Phiếu", "reason"] == "chưa đạt tỷ lệ phiếu đồng ý"
    assert table.loc["Sáu Phiếu", "passes"]
    assert (table["eligible"] == 10).all()
    assert res.ballots == aggregate.BallotCounts(issued=10, returned=10, valid=10, invalid=0)
    assert res.present == 10 and res.members_total == 10
    assert res.cascade[0].startswith("1. Tỷ lệ phiếu đồng ý")


def test_recused_members_count_neither_for_nor_against(store):
    members = make_council(store, units={1: "Khoa Dân vận", 2: "Khoa Dân vận"})
    ballot_title(store, "Cấp tỉnh", threshold_pct=75, threshold_rule="at_least")
    same_unit = conference.add_candidate(store, A, "individual", "Lê Thị Cùng Khoa", "Cấp tỉnh", unit="Khoa Dân vận")
    other = conference.add_candidate(store, A, "individual", "Phạm Văn Khác", "Cấp tỉnh")
    rounds.add_conflict(store, A, members[2], other, "họ hàng")
    rid = rounds.create_round(store, A, "Vòng tránh xung đột", [same_unit, other])
    rounds.transition(store, A, rid, "open")
    vote(store, rid, members, {same_unit: 6, other: 6})
    rounds.transition(store, A, rid, "closed")
    table = aggregate.round_results(store, rid).table.set_index("candidate_id")
    # Two members of the candidate's unit step back: 6 of 8 eligible = 75%, passes.
    assert table.loc[same_unit, "eligible"] == 8
    assert table.loc[same_unit, "approval_pct"] == 75.0 and table.loc[same_unit, "passes"]
    # One hand-added conflict: 6 of 9 = 66,67%, below 75%.
    assert table.loc[other, "eligible"] == 9
    assert table.loc[other, "approval_pct"] == 66.67 and not table.loc[other, "passes"]
    assert table.loc[other, "approve"] + table.loc[other, "reject"] == 9


def test_absent_members_denominator_all_versus_present_and_quorum(store):
    members = make_council(store)
    ballot_title(store, "Theo tổng số", threshold_pct=50, denominator="all", quorum_pct=50)
    ballot_title(store, "Theo số có mặt", threshold_pct=50, denominator="present", quorum_pct=50)
    ballot_title(store, "Cần hai phần ba", threshold_pct=50, denominator="present", quorum_pct=66.67)
    ids = [
        conference.add_candidate(store, A, "individual", name, title)
        for name, title in [("Ứng Viên Một", "Theo tổng số"), ("Ứng Viên Hai", "Theo số có mặt"),
                            ("Ứng Viên Ba", "Cần hai phần ba")]
    ]  # fmt: skip
    rid = rounds.create_round(store, A, "Vòng có người vắng", ids)
    for i, m in enumerate(members):
        rounds.set_attendance(store, A, rid, m, present=i < 6)
    rounds.transition(store, A, rid, "open")
    vote(store, rid, members[:6], dict.fromkeys(ids, 4))  # 4 of the 6 present approve
    rounds.transition(store, A, rid, "closed")
    res = aggregate.round_results(store, rid)
    table = res.table.set_index("candidate_id")
    assert res.present == 6
    assert table.loc[ids[0], ["eligible", "approval_pct", "passes"]].tolist() == [10, 40.0, False]
    assert table.loc[ids[1], ["eligible", "approval_pct", "passes"]].tolist() == [6, 66.67, True]
    assert not table.loc[ids[2], "quorum_met"] and not table.loc[ids[2], "passes"]
    assert "không đủ số thành viên có mặt" in table.loc[ids[2], "reason"]


def one_nominee_vote(store, title: str, voters: list[int], approvals: int, present: tuple = (), absent: tuple = ()):
    """A round of one nominee of `title` (its first nominee, added if none): attendance as given, `voters` cast
    ballots of which the first `approvals` approve; the closed round's results."""
    found = store.query("SELECT c.id FROM candidates c JOIN titles t ON t.id = c.title_id WHERE t.name = ?", (title,))
    cid = found[0]["id"] if found else conference.add_candidate(store, A, "individual", "Ứng Viên", title)
    rid = rounds.create_round(store, A, f"Vòng {len(rounds.list_rounds(store)) + 1}", [cid])
    for members, here in ((present, True), (absent, False)):
        for m in members:
            rounds.set_attendance(store, A, rid, m, here)
    rounds.transition(store, A, rid, "open")
    vote(store, rid, voters, {cid: approvals})
    rounds.transition(store, A, rid, "closed")
    return aggregate.round_results(store, rid)


def test_present_without_attendance_is_who_voted(store):
    members = make_council(store)
    ballot_title(store, "Theo số có mặt", threshold_pct=50, denominator="present")
    res = one_nominee_vote(store, "Theo số có mặt", members[:7], 4)
    assert res.present == 7 and res.ballots.issued == 7
    assert res.table.loc[0, "approval_pct"] == round(400 / 7, 2)


def test_ballots_issued_are_those_present_whatever_the_denominator(store):
    """The minutes said 'Số phiếu phát ra: 12' beside 'có mặt 3' for a title counted over all members."""
    members = make_council(store, n=12)
    ballot_title(store, "Theo tổng số", threshold_pct=50, denominator="all")
    res = one_nominee_vote(store, "Theo tổng số", members[:3], 3)
    assert (res.members_total, res.present, res.ballots.issued, res.ballots.returned) == (12, 3, 3, 3)
    assert res.table.loc[0, "approval_pct"] == 25.0  # still over all twelve members

    # Attendance taken: ten in the room, nine vote, and one marked absent by mistake votes too.
    voters = [*members[:9], members[10]]
    res = one_nominee_vote(store, "Theo tổng số", voters, 10, present=members[:10], absent=members[10:11])
    assert (res.present, res.ballots.issued, res.ballots.returned) == (10, 11, 10)


def test_whole_list_ballot_through_the_core(store):
    members = make_council(store, units={1: "Khoa A"})
    ballot_title(store, "Đại biểu", threshold_pct=50)
    ids = [
        conference.add_candidate(store, A, "individual", n, "Đại biểu", unit="Khoa A" if n == "An" else None)
        for n in ("An", "Bình", "Chi")
    ]
    rid = rounds.create_round(store, A, "Thông qua danh sách", ids, ballot_mode="whole_list")
    rounds.transition(store, A, rid, "open")
    for i, m in enumerate(members):
        voting.cast_ballot(store, rid, m, {None: "approve" if i < 6 else "reject"})
    rounds.transition(store, A, rid, "closed")
    table = aggregate.round_results(store, rid).table
    assert table["approve"].tolist() == [6, 6, 6] and table["reject"].tolist() == [4, 4, 4]
    assert table["eligible"].tolist() == [10, 10, 10]  # one list, one vote each: no recusal
    assert table["passes"].all() and table["rank"].tolist() == [1, 1, 1]


def scoring_round(store, members: list[int], points: dict[int, list[tuple[float, float]]]) -> tuple[int, list[int]]:
    """A scored title (criteria max 60 weight 1, max 20 weight 2); points[member index] per candidate."""
    set_id = conference.add_criteria_set(
        store, A, "Phiếu chấm", [{"name": "Nhiệm vụ", "max_points": 60}, {"name": "Sáng kiến", "max_points": 20,
                                                                          "weight": 2}]
    )  # fmt: skip
    conference.add_title(store, A, "Có chấm điểm", "individual", needs_ballot=0, criteria_set_id=set_id,
                         quorum_pct=0, min_score=80)  # fmt: skip
    cands = [conference.add_candidate(store, A, "individual", n, "Có chấm điểm") for n in ("Hạnh", "Khoa")]
    rid = rounds.create_round(store, A, "Vòng chấm điểm", cands, method="trimmed_mean")
    rounds.transition(store, A, rid, "open")
    crit = [c["id"] for c in conference.list_criteria(store, set_id)]
    for i, per_candidate in points.items():
        for cid, (p1, p2) in zip(cands, per_candidate, strict=True):
            voting.save_draft(store, rid, members[i], cid, {crit[0]: p1, crit[1]: p2})
    return rid, cands


def test_scores_trimmed_mean_and_drafts_through_the_core(store):
    members = make_council(store, n=4)
    # Totals: 100·(p1 + 2·p2)/100 = p1 + 2·p2
    points = {0: [(60, 20), (30, 10)], 1: [(50, 15), (40, 10)], 2: [(40, 10), (50, 20)], 3: [(20, 5), (60, 20)]}
    rid, (hanh, khoa) = scoring_round(store, members, points)
    for i in range(3):
        voting.submit_scores(store, rid, members[i])  # member 4 keeps a draft
    res = aggregate.round_results(store, rid)
    table = res.table.set_index("candidate_id")
    # Hạnh: 100, 80, 60 -> trimmed (3 scores) = 80; Khoa: 50, 60, 90 -> 60.
    assert table.loc[hanh, ["n_scores", "score", "median"]].tolist() == [3, 80.0, 80.0]
    assert table.loc[khoa, ["n_scores", "score", "mean"]].tolist() == [3, 60.0, pytest.approx(200 / 3)]
    assert table.loc[hanh, "passes"] and not table.loc[khoa, "passes"]
    assert table.loc[khoa, "reason"] == "dưới điểm tối thiểu"
    assert table.loc[hanh, "rank"] == 1 and table.loc[khoa, "rank"] == 2
    assert res.ballots.issued == 0  # no title of the round needs a ballot
    assert res.criterion_means.loc[hanh, "Nhiệm vụ"] == pytest.approx(50)
    assert res.score_matrix.shape == (3, 2)
    assert res.score_matrix.loc["Thành viên Số 01"].tolist() == [100.0, 50.0]
    with_drafts = aggregate.round_results(store, rid, submitted_only=False).table.set_index("candidate_id")
    assert with_drafts.loc[hanh, "n_scores"] == 4
    assert with_drafts.loc[hanh, "score"] == pytest.approx(stats.trim_mean([100, 80, 60, 30], 0.25))


def test_demo_round_results_and_cli_rank(demo_store, demo_path, tmp_path, capsys):
    r1 = 1
    members = [m["id"] for m in conference.list_members(demo_store, voting_only=True)]
    for m in members:
        for item in voting.sheet(demo_store, r1, m):
            voting.save_draft(
                demo_store, r1, m, item.candidate["id"], {c["id"]: c["max_points"] for c in item.criteria}
            )
        voting.submit_scores(demo_store, r1, m)
    with pytest.raises(ValidationError, match="chưa khóa"):
        aggregate.require_final(rounds.get_round(demo_store, r1))
    assert cli_main(["--db", str(demo_path), "rank", "--round", str(r1)]) == 1
    assert "chưa khóa" in capsys.readouterr().err
    rounds.transition(demo_store, A, r1, "closed")
    out = tmp_path / "xep-hang.csv"
    assert cli_main(["--db", str(demo_path), "rank", "--round", str(r1), "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(out, encoding="utf-8-sig")
    assert list(frame.columns[:5]) == ["Xếp hạng", "Họ và tên", "Đơn vị", "Loại", "Danh hiệu đề nghị"]
    assert len(frame) == 12 and set(frame["Điểm tổng hợp"]) == {100.0}
    # No ballot cast: every nominee is below the threshold, with the reason written out.
    assert not frame["Kết quả"].astype(str).str.fullmatch("Đạt").any()
    assert frame["Lý do không đạt"].str.contains("chưa đạt tỷ lệ phiếu đồng ý").all()


def test_csv_neutralises_formula_like_names(store):
    make_council(store, n=3)
    ballot_title(store, "Danh hiệu", threshold_pct=50)
    cid = conference.add_candidate(store, A, "individual", "=HYPERLINK(1)", "Danh hiệu")
    rid = rounds.create_round(store, A, "Vòng", [cid])
    rounds.transition(store, A, rid, "open")
    rounds.transition(store, A, rid, "closed")
    text = exports.ranking_csv(aggregate.round_results(store, rid)).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_the_readme_worked_example():
    rules = {"needs_ballot": 1, "threshold_pct": 66.67, "threshold_rule": "at_least", "min_score": 91.0,
             "quota_kind": "pct_of_title", "quota_value": 15.0, "quota_of_title_id": 99.0}  # fmt: skip
    names = ["An", "Bình", "Chi", "Dũng"]
    rows = [{**rules, "full_name": n, "eligible": 9 if n == "An" else 10} for n in names]
    sheets = {1: [(58, 18), (55, 19), (60, 20)], 2: [(60, 17), (56, 18), (50, 20)],
              3: [(60, 20), (60, 19), (58, 20)], 4: [(50, 18), (52, 19), (55, 19)]}  # fmt: skip
    scores = {c: [p1 + 2 * p2 for p1, p2 in s] for c, s in sheets.items()}
    tallies = pd.DataFrame(
        {
            "candidate_id": [1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0],
            "choice": ["approve", "reject"] * 4,
            "count": [7, 2, 7, 3, 6, 4, 9, 1],
        }
    )
    table = table_for(rows, scores, tallies, method="trimmed_mean", external_passes={99: 20}).set_index("full_name")
    assert table["score"].to_dict() == {"Dũng": 90.0, "An": 94.0, "Bình": 92.0, "Chi": 98.0}
    assert table["approval_pct"].to_dict() == {"Dũng": 90.0, "An": 77.78, "Bình": 70.0, "Chi": 60.0}
    assert table["rank"].to_dict() == {"Dũng": 1, "An": 2, "Bình": 3, "Chi": 4}
    assert table["passes"].to_dict() == {"Dũng": False, "An": True, "Bình": True, "Chi": False}
    assert table.loc["Dũng", "reason"] == "dưới điểm tối thiểu"
    assert table.loc["Chi", "reason"] == "chưa đạt tỷ lệ phiếu đồng ý"
    assert (table["quota_cap"] == 3).all()


def test_member_totals_keep_a_member_who_gave_zero_and_refuse_unknown_criteria():
    criteria = pd.DataFrame({"id": [1, 2], "set_id": [1, 1], "weight": [1.0, 1.0], "max_points": [50.0, 50.0]})
    scores = pd.DataFrame({"member_id": [1, 1, 2, 2], "candidate_id": [7, 7, 7, 7], "criterion_id": [1, 2, 1, 2],
                           "points": [0.0, 0.0, 40.0, 45.5]})  # fmt: skip
    totals = aggregate.member_totals(scores, criteria).set_index("member_id")["total"]
    assert totals.to_dict() == {1: 0.0, 2: pytest.approx(85.5)}
    with pytest.raises(ValueError, match="criterion missing"):
        aggregate.member_totals(scores.assign(criterion_id=[1, 2, 1, 3]), criteria)
    unknown_inside = pd.DataFrame({"id": [1, 3], "set_id": [1, 1], "weight": [1.0, 1.0], "max_points": [50.0, 50.0]})
    with pytest.raises(ValueError, match="criterion missing"):
        aggregate.member_totals(scores, unknown_inside)  # criterion 2 is below the largest id but unknown


def test_member_totals_with_negative_or_huge_ids_take_the_factorised_path():
    criteria = pd.DataFrame({"id": [1, 2], "set_id": [1, 1], "weight": [1.0, 1.0], "max_points": [10.0, 10.0]})
    scores = pd.DataFrame({"member_id": [1, 1, 3, 3], "candidate_id": [2, 2, 7, 7], "criterion_id": [1, 2, 1, 2],
                           "points": [5.0, 5.0, 10.0, 0.0]})  # fmt: skip
    expected = {(1, 2): 50.0, (3, 7): 50.0}
    for member_id, candidate_id in [([-5, -5, 3, 3], [2, 2, 7, 7]), ([1, 1, 3, 3], [-2, -2, 7, 7]),
                                    ([1, 1, 3, 3], [2, 2, 10**12, 10**12])]:  # fmt: skip
        out = aggregate.member_totals(scores.assign(member_id=member_id, candidate_id=candidate_id), criteria)
        got = {(m, c): x for m, c, x in out.itertuples(index=False)}
        want = {(member_id[i], candidate_id[i]): x for i, x in zip((0, 2), expected.values(), strict=True)}
        assert got == want
        assert out["candidate_id"].is_monotonic_increasing  # grouped by candidate, as compute_table expects
    for wrong in ([-1, 2, 1, 2], [1, 2, 1, -2], [1, 2, 1, 3]):
        with pytest.raises(ValueError, match="criterion missing"):
            aggregate.member_totals(scores.assign(criterion_id=wrong), criteria)


@pytest.mark.parametrize(
    "layout",
    ["store_order", "whole_cells_reordered", "rows_swapped_across_cells", "shuffled", "with_drafts", "two_sets"],
)
def test_member_totals_same_for_every_row_order_and_sheet_layout(layout):
    # The store's order with whole sheets of one set goes through a matrix product, every other
    # layout through the general weighted count: both must agree with a plain pandas computation.
    rng = np.random.default_rng(11)
    criteria = pd.DataFrame(
        {
            "id": [1, 2, 3, 4, 5, 6, 7],
            "set_id": [1, 1, 1, 1, 2, 2, 2],
            "weight": rng.choice([1.0, 1.5, 2.0], 7),
            "max_points": [40.0, 30.0, 20.0, 10.0, 50.0, 30.0, 20.0],
        }
    )
    members, candidates = np.arange(1, 7), np.arange(1, 9)
    set_of = {c: 2 if layout == "two_sets" and c > 5 else 1 for c in candidates}
    rows = [
        (m, c, k, float(rng.integers(0, int(mx) + 1)))
        for m in members
        for c in candidates
        for k, s, mx in criteria[["id", "set_id", "max_points"]].itertuples(index=False)
        if s == set_of[c]
    ]
    scores = pd.DataFrame(rows, columns=["member_id", "candidate_id", "criterion_id", "points"])
    scores.loc[(scores["member_id"] == 3) & (scores["candidate_id"] == 4), "points"] = 0.0  # a total of 0 counts
    if layout == "shuffled":
        scores = scores.sample(frac=1, random_state=3).reset_index(drop=True)
    if layout == "with_drafts":
        scores = scores.drop(index=[5, 17, 40]).reset_index(drop=True)  # criteria left empty count 0
    if layout == "whole_cells_reordered":  # each sheet's rows together, the sheets in another order
        cells = rng.permutation(len(scores) // 4)
        scores = scores.iloc[(cells[:, None] * 4 + np.arange(4)).ravel()].reset_index(drop=True)
    if layout == "rows_swapped_across_cells":  # same criterion, two cells: the criteria repeat, the cells do not
        scores.iloc[[1, 9]] = scores.iloc[[9, 1]].to_numpy()
    sheet = aggregate._whole_sheets(*(scores[c].to_numpy(np.int64) for c in ("member_id", "candidate_id",
                                                                         "criterion_id")))  # fmt: skip
    assert (sheet is not None) == (layout in ("store_order", "whole_cells_reordered"))

    full = criteria.groupby("set_id").apply(lambda g: (g["weight"] * g["max_points"]).sum(), include_groups=False)
    worth = criteria.set_index("id").eval("100 * weight") / criteria.set_index("id")["set_id"].map(full)
    expected = (
        scores.assign(value=scores["points"] * scores["criterion_id"].map(worth))
        .groupby(["candidate_id", "member_id"])["value"]
        .sum()
    )
    out = aggregate.member_totals(scores, criteria)
    assert list(zip(out["candidate_id"], out["member_id"], strict=True)) == list(expected.index)  # candidate-major
    assert out["total"].to_numpy() == pytest.approx(expected.to_numpy())
    assert out.set_index(["member_id", "candidate_id"]).loc[(3, 4), "total"] == 0.0


@pytest.mark.parametrize("method", ["mean", "median", "trimmed_mean"])
@pytest.mark.parametrize("normalise", [False, True])
def test_compute_table_statistics_match_a_plain_pandas_computation(method, normalise):
    """Random totals with gaps (recusals, absent members), shuffled rows: every
    statistic and the score by the method equal a straightforward groupby."""
    rng = np.random.default_rng(11)
    rows = [
        {"member_id": m, "candidate_id": c, "total": round(float(rng.uniform(30, 100)), 2)}
        for c in range(1, 41)
        for m in range(1, 16)
        if rng.random() > 0.25
    ]
    totals = pd.DataFrame(rows).sample(frac=1, random_state=2).reset_index(drop=True)
    table = aggregate.compute_table(
        candidates_frame([{} for _ in range(41)]), totals, NO_TALLIES, method=method, normalise=normalise,
        normalise_min_scores=30, members_total=15, present=15,
    ).set_index("candidate_id")  # fmt: skip

    adjusted = totals.copy()
    counts = totals.groupby("member_id").size()
    assert (counts >= 30).any() and (counts < 30).any()  # some members normalised, some not
    if normalise:  # the reference z-scores, member by member, for those with at least 30 totals
        pooled_mean, pooled_sd = totals["total"].mean(), totals["total"].std()
        for _, group in totals.groupby("member_id"):
            if len(group) >= 30:
                z = (group["total"] - group["total"].mean()) / group["total"].std()
                adjusted.loc[group.index, "total"] = pooled_mean + z * pooled_sd
    for c, group in totals.groupby("candidate_id"):
        xs = sorted(group["total"])
        row = table.loc[c]
        assert row["n_scores"] == len(xs)
        assert row["mean"] == pytest.approx(statistics.mean(xs))
        assert row["median"] == pytest.approx(statistics.median(xs))
        assert row["trimmed_mean"] == pytest.approx(statistics.mean(xs[1:-1]) if len(xs) >= 3 else statistics.mean(xs))
        assert row["spread"] == pytest.approx(xs[-1] - xs[0])
        if len(xs) > 1:
            assert row["sd"] == pytest.approx(statistics.stdev(xs))
        else:
            assert math.isnan(row["sd"])
        ys = sorted(adjusted.loc[group.index, "total"])
        by_method = {"mean": statistics.mean(ys), "median": statistics.median(ys),
                     "trimmed_mean": statistics.mean(ys[1:-1]) if len(ys) >= 3 else statistics.mean(ys)}  # fmt: skip
        assert row["score"] == pytest.approx(by_method[method])
    assert table.loc[41, "n_scores"] == 0 and math.isnan(table.loc[41, "score"])  # nobody scored candidate 41


def test_ranking_view_one_table_per_title_with_only_the_columns_that_apply():
    scored = {"needs_scoring": 1, "needs_ballot": 0, "title_id": 1, "title": "Lao động tiên tiến", "min_score": 50.0}
    voted = {"needs_scoring": 0, "needs_ballot": 1, "title_id": 2, "title": "Đại biểu", "title_position": 2,
             "kind": "collective", "full_name": "Khoa Dân vận", "unit": "Khoa Dân vận"}  # fmt: skip
    candidates = candidates_frame([scored, {**scored, "unit": "Khoa Dân vận"}, voted])
    tallies = pd.DataFrame({"candidate_id": [3.0, 3.0], "choice": ["approve", "reject"], "count": [7, 3]})
    table = aggregate.compute_table(candidates, totals_frame({1: [80, 90], 2: [40, 45]}), tallies,
                                    members_total=10, present=10)  # fmt: skip
    results = aggregate.RoundResults(
        round={}, members_total=10, present=10, ballots=aggregate.BallotCounts(10, 10, 10, 0), cascade=[],
        table=table, criterion_means=pd.DataFrame(), score_matrix=pd.DataFrame(),
    )  # fmt: skip
    (first_title, scores), (second_title, votes) = aggregate.ranking_view(results)
    assert (first_title, second_title) == ("Lao động tiên tiến", "Đại biểu")
    assert scores["Họ và tên / Tên tập thể"].tolist() == ["Ứng viên 1", "Ứng viên 2"]
    assert scores["Điểm"].tolist() == [85.0, 42.5] and scores["Kết quả"].tolist() == ["Đạt", "Không đạt"]
    assert scores["Lý do"].tolist() == ["", "dưới điểm tối thiểu"]
    assert scores["Đơn vị"].tolist() == ["", "Khoa Dân vận"]
    assert "Tỷ lệ đồng ý (%)" not in scores.columns and "Đồng ý" not in scores.columns  # no ballot for this title
    assert votes["Tỷ lệ đồng ý (%)"].tolist() == [70.0] and votes["Đồng ý"].tolist() == [7]
    assert "Điểm" not in votes.columns and "Trung vị" not in votes.columns  # no scoring for this title
    assert "Đơn vị" not in votes.columns  # the only collective is its own unit: no column of blanks
