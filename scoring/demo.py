"""Load the bundled demo conference (data/demo/) into an empty database."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from . import conference, indicators, rounds
from .db import Store

DEMO_DIR = Path(__file__).resolve().parent.parent / "data" / "demo"
ACTOR = "dữ liệu mẫu"
_first_run = threading.Lock()


SAMPLE_SOURCE = "Số liệu mẫu"  # the source written on every demo indicator value


def shows_sample_values(store: Store, values: list[dict]) -> bool:
    """Whether the indicators on screen are the demo's invented figures: the demo
    conference is loaded, or every value shown was loaded as a sample."""
    return is_demo(store) or (bool(values) and all(r["source"] == SAMPLE_SOURCE for r in values))


def is_demo(store: Store) -> bool:
    """True while the database still holds the bundled demo conference."""
    return (
        store.scalar("SELECT COUNT(*) FROM audit_log WHERE actor = ?", (ACTOR,)) > 0
        and store.scalar("SELECT name FROM conference WHERE id = 1")
        == json.loads((DEMO_DIR / "conference.json").read_text(encoding="utf-8"))["conference"]["name"]
    )


def is_empty(store: Store) -> bool:
    return store.scalar("SELECT COUNT(*) FROM conference") == 0


def load_demo(store: Store, demo_dir: Path = DEMO_DIR) -> dict[str, str]:
    """Fill an empty database with the demo conference; returns the demo logins
    (member name -> access code)."""
    data = json.loads((demo_dir / "conference.json").read_text(encoding="utf-8"))
    conference.save_conference(store, ACTOR, **data["conference"])
    for key, value in data.get("settings", {}).items():
        conference.set_setting(store, key, value, ACTOR)
    for unit in data["units"]:
        conference.add_unit(store, ACTOR, **unit)
    set_ids = {}
    for cs in data["criteria_sets"]:
        set_ids[cs["name"]] = conference.add_criteria_set(
            store, ACTOR, cs["name"], cs["criteria"], applies_to=cs.get("applies_to")
        )
    title_ids: dict[str, int] = {}
    for title in data["titles"]:
        settings = {k: val for k, val in title.items() if k not in ("name", "applies_to", "quota_of")}
        if title.get("quota_of"):
            settings["quota_of_title_id"] = title_ids[title["quota_of"]]
        title_ids[title["name"]] = conference.add_title(store, ACTOR, title["name"], title["applies_to"], **settings)
    logins: dict[str, str] = {}
    member_ids: dict[str, int] = {}
    for m in data["members"]:
        member_id, code = conference.add_member(
            store, ACTOR, m["full_name"], m["role"], m.get("unit"), m.get("position", ""), code=m.get("code")
        )
        member_ids[m["full_name"]] = member_id
        logins[m["full_name"]] = code
    candidate_titles: list[tuple[int, str]] = []
    for c in data["candidates"]:
        candidate_id = conference.add_candidate(
            store,
            ACTOR,
            c["kind"],
            c["full_name"],
            c["title"],
            c.get("unit"),
            c.get("position", ""),
            c.get("achievements", ""),
            bool(c.get("has_initiative")),
            member_ids.get(c.get("member", "")),
        )
        candidate_titles.append((candidate_id, c["title"]))
    round_ids: dict[str, int] = {}
    for r in data["rounds"]:
        ids = [cid for cid, title in candidate_titles if title in r["titles"]]
        round_id = rounds.create_round(store, ACTOR, r["name"], ids, ballot_mode=r["ballot_mode"], method=r["method"])
        round_ids[r["name"]] = round_id
        if r["status"] == "open":
            rounds.transition(store, ACTOR, round_id, "open")
    agenda_ids = []
    for item in data["agenda"]:
        agenda_ids.append(
            conference.add_agenda_item(
                store,
                ACTOR,
                item["title"],
                item.get("speaker", ""),
                item.get("start_time", ""),
                item.get("duration_min"),
                round_ids.get(item.get("round", "")),
            )
        )
    if data.get("current_agenda_step"):
        conference.set_current_agenda_item(store, ACTOR, agenda_ids[data["current_agenda_step"] - 1])
    for b in data.get("counting_board", []):
        conference.add_counting_board_member(store, ACTOR, b["full_name"], b.get("role", "member"))
    for mv in data["movements"]:
        indicators.add_movement(
            store, ACTOR, mv["name"], mv.get("short_name", ""), mv.get("period", ""), mv.get("description", "")
        )
    indicators_file = demo_dir / "indicators.json"
    if indicators_file.exists():
        load_indicators(store, json.loads(indicators_file.read_text(encoding="utf-8")))
    return logins


def load_indicators(store: Store, data: dict) -> None:
    """Indicators and yearly values, in one transaction:
    {"source": "Số liệu mẫu", "indicators": [{movement (name or short name), name, unit_of_measure, direction,
    baseline_year, baseline, target_2025, target_2030, school: {year: value}, units: {unit: {year: value}},
    values: [{unit?, year, value, source?}]}]}. Units by name or short name."""
    movements = indicators.list_movements(store)
    movement_ids = {m["short_name"]: m["id"] for m in movements} | {m["name"]: m["id"] for m in movements}
    units: dict[str, int] = {}
    for u in conference.list_units(store):
        units[u["name"]] = u["id"]
        if u.get("short_name"):
            units[u["short_name"]] = u["id"]
    source = data.get("source", SAMPLE_SOURCE)
    with store.write():  # one commit: the demo is loaded by many tests
        for ind in data.get("indicators", []):
            indicator_id = indicators.add_indicator(
                store,
                ACTOR,
                movement_ids[ind["movement"]],
                ind["name"],
                ind.get("unit_of_measure", ""),
                ind.get("direction", "higher"),
                ind.get("baseline"),
                ind.get("target_2025"),
                ind.get("target_2030"),
                ind.get("baseline_year", 2020),
            )
            values = [{"year": y, "value": val} for y, val in ind.get("school", {}).items()]
            for unit, series in ind.get("units", {}).items():
                values += [{"unit": unit, "year": y, "value": val} for y, val in series.items()]
            for val in values + ind.get("values", []):
                indicators.set_value(
                    store,
                    ACTOR,
                    indicator_id,
                    val["year"],
                    val["value"],
                    units[val["unit"]] if val.get("unit") else None,
                    val.get("source", source),
                )


def open_with_demo(store: Store) -> Store:
    """Load the demo the first time a database is opened empty."""
    with _first_run:  # two browser tabs opening at once must not load it twice
        if is_empty(store):
            load_demo(store)
    return store
