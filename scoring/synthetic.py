"""A synthetic conference of any size, for load tests and benchmarks.

Members are inserted without access codes (hashing 50 codes would dominate a
load test); everything else goes through the same core as the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import conference, rounds
from .db import Store

ACTOR = "tạo dữ liệu thử"
_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
_MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Thu"]
_GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Đức",
    "Giang",
    "Hà",
    "Hùng",
    "Khánh",
    "Lan",
    "Mai",
    "Nam",
    "Oanh",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Uyên",
    "Vinh",
    "Yến",
]


@dataclass
class Synthetic:
    round_id: int
    member_ids: list[int]
    candidate_ids: list[int]


def person(i: int) -> str:
    """A distinct Vietnamese-looking name for index i."""
    return (
        f"{_FAMILY[i % len(_FAMILY)]} {_MIDDLE[(i // len(_FAMILY)) % len(_MIDDLE)]} "
        f"{_GIVEN[i % len(_GIVEN)]} {i + 1:03d}"
    )


def build(
    store: Store,
    members: int = 50,
    candidates: int = 10,
    criteria: int = 5,
    *,
    ballot: bool = True,
    open_round: bool = True,
) -> Synthetic:
    """A conference with `members` voting members (no unit, so nobody is recused),
    `candidates` individual nominees of one title scored on `criteria` criteria,
    and one round over them (opened unless told otherwise)."""
    conference.save_conference(store, ACTOR, name="Hội nghị thử tải", organisation="Đơn vị thử")
    unit_id = conference.add_unit(store, ACTOR, "Khoa Thử nghiệm")
    max_points = 100 / criteria
    set_id = conference.add_criteria_set(
        store,
        ACTOR,
        "Bộ tiêu chí thử",
        [{"name": f"Tiêu chí {k + 1}", "max_points": max_points, "step": 0.25} for k in range(criteria)],
        applies_to="individual",
    )
    conference.add_title(
        store, ACTOR, "Danh hiệu thử", "individual", needs_ballot=int(ballot), threshold_pct=50, criteria_set_id=set_id
    )
    with store.write() as db:
        member_ids = [db["members"].insert({"full_name": person(i), "role": "member"}).last_pk for i in range(members)]
        candidate_ids = [
            db["candidates"]
            .insert(
                {
                    "kind": "individual",
                    "full_name": person(1000 + i),
                    "unit_id": unit_id,
                    "title_id": db.execute("SELECT id FROM titles WHERE name = 'Danh hiệu thử'").fetchone()[0],
                }
            )
            .last_pk
            for i in range(candidates)
        ]
    round_id = rounds.create_round(store, ACTOR, "Vòng thử tải", candidate_ids)
    if open_round:
        rounds.transition(store, ACTOR, round_id, "open")
    return Synthetic(round_id, member_ids, candidate_ids)
