"""The rankings CSV and the XLSX book, read back as a user's Excel would, and the
audit log export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pandas as pd
import pytest

from scoring import aggregate, audit, cli, conference, exports, indicators, rounds, spreadsheet, text, voting
from scoring.db import Store, forget_store
from scoring.text import text_sort_key
from tests.conftest import copy_db

ROUND1 = "Vòng 1: Bình xét điển hình tiên tiến giai đoạn 2020-2025"
SECRETARY = "Phạm Thị Ngọc Ánh"
CHOICES = ("approve", "approve", "reject", "abstain")


# --- a real round, the way members fill it ------------------------------------------------------


def run_round(store: Store, *, close: bool = True, invalid_paper: int = 1, submit_all: bool = True) -> int:
    """Every voting member of demo round 1 scores (varied points), submits and votes
    through scoring.voting; `invalid_paper` members hand in a spoiled paper ballot.
    Then the round is closed through scoring.rounds. Returns the round id."""
    round_id = store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    members = conference.list_members(store, voting_only=True)
    for i, m in enumerate(members):
        for item in voting.sheet(store, round_id, m["id"]):
            cid = item.candidate["id"]
            points = {c["id"]: c["max_points"] - ((i + cid) % 4) * c["step"] for c in item.criteria}
            voting.save_draft(store, round_id, m["id"], cid, points)
        if submit_all or i % 2 == 0:
            voting.submit_scores(store, round_id, m["id"])
        if i >= len(members) - invalid_paper:
            voting.cast_ballot(store, round_id, m["id"], {}, valid=False, source="paper", actor=SECRETARY)
            continue
        subjects = voting.ballot_subjects(store, round_id, m["id"])
        voting.cast_ballot(
            store, round_id, m["id"], {s["candidate_id"]: CHOICES[(i + s["candidate_id"]) % 4] for s in subjects}
        )
    if close:
        rounds.transition(store, SECRETARY, round_id, "closed")
    return round_id


@pytest.fixture(scope="session")
def closed_round_template(demo_db_template: Path, tmp_path_factory) -> Path:
    """The demo with round 1 scored, voted and closed, built once per test run."""
    path = copy_db(demo_db_template, tmp_path_factory.mktemp("closed") / "closed.db")
    store = Store(path)
    run_round(store)
    store._conn().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return path


@pytest.fixture
def closed_round(closed_round_template: Path, tmp_path: Path) -> Iterator[tuple[Store, int]]:
    """A private copy of the closed round: (store, round id)."""
    path = copy_db(closed_round_template, tmp_path / "closed.db")
    store = Store(path)
    yield store, store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    store.close()
    forget_store(path)


# --- a hand-built result: the exporters only read a RoundResults ------------------------------


def hand_results(**overrides) -> SimpleNamespace:
    row = {
        "candidate_id": 1,
        "full_name": "Nguyễn Văn An",
        "kind": "individual",
        "unit": "Khoa Lý luận cơ sở",
        "title_id": 7,
        "title": "Chiến sĩ thi đua cơ sở",
        "n_scores": 9,
        "mean": 92.456,
        "median": 93.0,
        "trimmed_mean": 92.5,
        "score": 92.456,
        "sd": 1.5,
        "spread": 4.0,
        "flagged": False,
        "approve": 8,
        "reject": 2,
        "abstain": 1,
        "eligible": 11,
        "approval_pct": 72.73,
        "threshold_pct": 66.67,
        "threshold_rule": "at_least",
        "passes_threshold": True,
        "meets_min_score": True,
        "quorum_met": True,
        "within_quota": True,
        "passes": True,
        "reason": "",
        "rank": 1,
        "needs_scoring": 1,
        "needs_ballot": 1,
    }
    second = {
        **row,
        "candidate_id": 2,
        "full_name": '=HYPERLINK("http://evil.example","Bấm")',
        "unit": "+Phòng Đào tạo",
        "score": 88.0,
        "mean": 88.0,
        "approve": 5,
        "reject": 6,
        "abstain": 0,
        "approval_pct": 45.45,
        "passes_threshold": False,
        "meets_min_score": False,
        "passes": False,
        "reason": "",
        "rank": 2,
    }
    third = {
        **row,
        "candidate_id": 3,
        "full_name": "@Tập thể Khoa Dân vận",
        "kind": "collective",
        "unit": "-Khoa Dân vận",
        "title_id": 9,
        "title": "Tập thể lao động xuất sắc",
        "within_quota": False,
        "passes": False,
        "rank": 1,
    }
    table = pd.DataFrame([row, second, third])
    for key, value in overrides.items():
        table[key] = value
    return SimpleNamespace(
        round={"id": 1, "name": "Vòng thử", "method": "mean", "status": "closed", "ballot_mode": "per_nominee"},
        members_total=11,
        present=11,
        ballots=SimpleNamespace(issued=11, returned=11, valid=11, invalid=0),
        cascade=[],
        table=table,
        criterion_means=pd.DataFrame(),
        score_matrix=pd.DataFrame(),
    )


def read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False, na_values=[""])


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_has_bom_vietnamese_headers_and_reads_back_as_the_ranking():
    data = exports.ranking_csv(hand_results())
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    df = read_csv(data)
    assert list(df.columns[:6]) == ["Xếp hạng", "Họ và tên", "Đơn vị", "Loại", "Danh hiệu đề nghị", "Điểm tổng hợp"]
    assert df["Họ và tên"][0] == "Nguyễn Văn An"
    assert df["Điểm tổng hợp"].tolist() == [92.46, 88.0, 92.46]
    assert pd.api.types.is_float_dtype(df["Tỷ lệ đồng ý (%)"])  # numbers stay numbers
    assert df["Tỷ lệ đồng ý (%)"].tolist() == [72.73, 45.45, 72.73]
    assert df["Số phiếu đồng ý"].tolist() == [8, 5, 8]
    assert df["Tỷ lệ cần đạt"][0] == "từ 66,67% trở lên"
    assert df["Kết quả"].tolist() == ["Đạt", "Không đạt", "Không đạt"]


def csv_rows(data: bytes, delimiter: str) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # both variants keep the BOM (and no "sep=" line, which hides it)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def test_csv_for_vietnamese_excel_has_semicolons_and_decimal_commas():
    """Excel on Vietnamese regional settings (decimal ",", list separator ";") put every field of the comma
    file in one column (QA); the "vi" variant is what it reads, the default stays the comma file."""
    rows = csv_rows(exports.ranking_csv(hand_results(), "vi"), ";")
    assert len(rows) == 3 and all(None not in r for r in rows)  # every row splits into the header's columns
    first = rows[0]
    assert first["Họ và tên"] == "Nguyễn Văn An" and first["Đơn vị"] == "Khoa Lý luận cơ sở"
    assert first["Điểm tổng hợp"] == "92,46" and first["Tỷ lệ đồng ý (%)"] == "72,73"
    assert first["Số phiếu đồng ý"] == "8" and first["Tỷ lệ cần đạt"] == "từ 66,67% trở lên"
    assert rows[1]["Họ và tên"] == '\'=HYPERLINK("http://evil.example","Bấm")'  # still neutralised
    assert rows[1]["Đơn vị"] == "'+Phòng Đào tạo" and rows[2]["Họ và tên"] == "'@Tập thể Khoa Dân vận"
    default = csv_rows(exports.ranking_csv(hand_results()), ",")
    assert default[0]["Điểm tổng hợp"] == "92.46" and default[0]["Họ và tên"] == "Nguyễn Văn An"
    assert exports.ranking_csv(hand_results(), "intl") == exports.ranking_csv(hand_results())
    with pytest.raises(ValueError):
        exports.ranking_csv(hand_results(), "excel")


def test_cli_rank_and_export_write_the_vietnamese_excel_csv(closed_round, tmp_path):
    store, round_id = closed_round
    ranked, exported = tmp_path / "xep-hang.csv", tmp_path / "vong.csv"
    db = ["--db", str(store.path)]
    assert cli.main([*db, "rank", "--round", str(round_id), "--csv", "vi", "--out", str(ranked)]) == 0
    export = ["export", "--round", str(round_id), "--format", "csv", "--csv", "vi", "--out", str(exported)]
    assert cli.main([*db, *export]) == 0
    results = aggregate.round_results(store, round_id)
    assert ranked.read_bytes() == exported.read_bytes() == exports.ranking_csv(results, "vi")
    rows = csv_rows(ranked.read_bytes(), ";")
    assert len(rows) == len(results.table) and any("," in r["Điểm tổng hợp"] for r in rows)


def test_csv_formula_cells_are_neutralised_and_numbers_kept():
    df = read_csv(exports.ranking_csv(hand_results()))
    assert df["Họ và tên"][1] == '\'=HYPERLINK("http://evil.example","Bấm")'
    assert df["Đơn vị"][1] == "'+Phòng Đào tạo"
    assert df["Họ và tên"][2] == "'@Tập thể Khoa Dân vận"
    assert df["Đơn vị"][2] == "'-Khoa Dân vận"
    assert spreadsheet.neutralise("\tcmd") == "'\tcmd" and spreadsheet.neutralise("\rx") == "'\rx"
    assert spreadsheet.neutralise(-5) == -5  # a number is never touched


def test_reason_names_every_failed_test_in_vietnamese():
    df = read_csv(exports.ranking_csv(hand_results()))
    assert df["Lý do không đạt"][1] == "dưới điểm tối thiểu; chưa đạt tỷ lệ phiếu đồng ý"
    assert df["Lý do không đạt"][2] == "vượt số lượng được xét (hạn mức)"
    assert pd.isna(df["Lý do không đạt"][0])
    quorum = hand_results(quorum_met=False, passes=False)
    assert read_csv(exports.ranking_csv(quorum))["Lý do không đạt"][0] == "không đủ số thành viên có mặt"
    # The table's own reason is for a screen, in its reader's language: a file is Vietnamese.
    english = hand_results(reason="quorum not met; below the approval threshold", passes=False, quorum_met=False)
    assert read_csv(exports.ranking_csv(english))["Lý do không đạt"][0] == "không đủ số thành viên có mặt"
    unscored = hand_results(n_scores=0, score=None, mean=None, median=None, trimmed_mean=None, passes=False)
    assert read_csv(exports.ranking_csv(unscored))["Lý do không đạt"][0] == "chưa có phiếu chấm điểm nào"
    sealed = hand_results(
        approve=None, reject=None, abstain=None, approval_pct=None, passes_threshold=None, passes=False
    )
    assert read_csv(exports.ranking_csv(sealed))["Lý do không đạt"][0] == "chưa kiểm phiếu (vòng chưa khóa)"


def test_rows_grouped_by_title_then_rank():
    results = hand_results()
    results.table = results.table.iloc[[1, 2, 0]].reset_index(drop=True)  # rank 2 first, titles interleaved
    df = read_csv(exports.ranking_csv(results))
    assert df["Danh hiệu đề nghị"].tolist() == [
        "Chiến sĩ thi đua cơ sở",
        "Chiến sĩ thi đua cơ sở",
        "Tập thể lao động xuất sắc",
    ]
    assert df["Xếp hạng"].tolist() == [1, 2, 1]
    assert df["Họ và tên"][0] == "Nguyễn Văn An"


def test_csv_of_a_real_round_equals_the_results_table(closed_round):
    store, round_id = closed_round
    results = aggregate.round_results(store, round_id)
    table = results.table
    df = read_csv(exports.ranking_csv(results))
    assert len(df) == len(table) == 12
    assert df["Họ và tên"].tolist() == table["full_name"].tolist()
    assert df["Xếp hạng"].tolist() == table["rank"].tolist()
    assert df["Điểm tổng hợp"].tolist() == pytest.approx(table["score"].round(2).tolist())
    assert df["Điểm trung vị"].tolist() == pytest.approx(table["median"].round(2).tolist())
    assert df["Số phiếu đồng ý"].tolist() == table["approve"].tolist()
    assert df["Số phiếu không đồng ý"].tolist() == table["reject"].tolist()
    assert df["Tỷ lệ đồng ý (%)"].tolist() == pytest.approx(table["approval_pct"].tolist())
    assert (df["Kết quả"] == "Đạt").tolist() == table["passes"].tolist()
    failing = table[~table["passes"]]
    assert df.loc[failing.index, "Lý do không đạt"].tolist() == failing["reason"].tolist()
    assert set(df["Cách tính điểm"]) == {"Trung bình cộng"}


# --- XLSX ---------------------------------------------------------------------------------------


def load_book(results, conf=None) -> openpyxl.Workbook:
    data = exports.ranking_xlsx(results, conf or {"name": "Hội nghị điển hình tiên tiến"})
    return openpyxl.load_workbook(io.BytesIO(data))


def header_row(ws, row: int) -> dict[str, int]:
    return {ws.cell(row=row, column=c).value: c for c in range(1, ws.max_column + 1)}


def test_xlsx_has_a_summary_and_a_sheet_per_title_with_formats():
    wb = load_book(hand_results())
    assert wb.sheetnames == ["Tổng hợp", "Chiến sĩ thi đua cơ sở", "Tập thể lao động xuất sắc"]
    summary = wb["Tổng hợp"]
    assert summary["A1"].value == "Hội nghị điển hình tiên tiến"
    assert summary.freeze_panes == "C6"
    headers = header_row(summary, 5)
    pct = summary.cell(row=6, column=headers["Tỷ lệ đồng ý (%)"])
    assert pct.number_format == "0.00%" and pct.value == pytest.approx(0.7273)
    score = summary.cell(row=6, column=headers["Điểm tổng hợp"])
    assert score.number_format == "0.00" and score.value == pytest.approx(92.46)
    head = summary.cell(row=5, column=1)
    assert head.font.b and head.font.name == "Times New Roman"
    assert summary.cell(row=6, column=2).font.name == "Times New Roman"
    assert summary.column_dimensions["B"].width >= 14
    sheet = wb["Chiến sĩ thi đua cơ sở"]
    assert sheet.freeze_panes == "C2"
    assert sheet.cell(row=2, column=2).value == "Nguyễn Văn An"
    assert "Danh hiệu đề nghị" not in header_row(sheet, 1)
    assert sheet.cell(row=1, column=1).font.b


def test_xlsx_keeps_a_formula_name_as_text():
    wb = load_book(hand_results())
    cell = wb["Chiến sĩ thi đua cơ sở"].cell(row=3, column=2)
    assert cell.value == '=HYPERLINK("http://evil.example","Bấm")'
    assert cell.data_type == "s"  # a string cell: Excel shows it, never runs it


def test_xlsx_sheet_names_are_cut_to_31_characters_and_unique():
    long_a = "Cá nhân điển hình tiên tiến giai đoạn 2020-2025"
    long_b = "Cá nhân điển hình tiên tiến giai đoạn 2025-2030"
    wb = load_book(hand_results(title=[long_a, long_b, "Tập thể: [loại] A/B"], title_id=[1, 2, 3]))
    names = wb.sheetnames[1:]
    assert all(len(n) <= 31 for n in names) and len(set(names)) == 3
    # Cut at a word boundary, never mid-word ("…giai đoạn 2020-2" was "…gia" for a collective's title).
    assert names[:2] == ["Cá nhân điển hình tiên tiến…", "Cá nhân điển hình tiên… (2)"]
    assert names[2] == "Tập thể- -loại- A-B"


def test_xlsx_sheet_name_of_the_demo_collective_title_is_cut_between_words():
    title = "Tập thể điển hình tiên tiến giai đoạn 2020-2025"
    names = load_book(
        hand_results(title=[title, "Lao động tiên tiến", "Tập thể lao động xuất sắc"], title_id=[1, 2, 3])
    )
    assert names.sheetnames[1:] == ["Tập thể điển hình tiên tiến…", "Lao động tiên tiến", "Tập thể lao động xuất sắc"]
    names = names.sheetnames[1:]
    assert all(len(n) <= 31 for n in names)


def test_xlsx_of_a_real_round(closed_round):
    store, round_id = closed_round
    results = aggregate.round_results(store, round_id)
    wb = load_book(results, conference.get_conference(store))
    titles = list(dict.fromkeys(results.table["title"]))
    assert wb.sheetnames[0] == "Tổng hợp" and len(wb.sheetnames) == len(titles) + 1
    for sheet, title in zip(wb.sheetnames[1:], titles, strict=True):
        assert sheet == title if len(title) <= 31 else title.startswith(sheet.removesuffix("…"))
    summary = wb["Tổng hợp"]
    facts = [summary.cell(row=3, column=c).value for c in range(1, 13)]
    assert facts[1::2] == [11, results.present, 11, 11, 10, 1]
    headers = header_row(summary, 5)
    approvals = [summary.cell(row=r, column=headers["Số phiếu đồng ý"]).value for r in range(6, 18)]
    assert approvals == results.table["approve"].tolist()


# --- audit log ----------------------------------------------------------------------------------


def test_audit_filters_and_csv(closed_round):
    store, _ = closed_round
    everything = exports.audit_rows(store)
    assert len(everything) == store.scalar("SELECT COUNT(*) FROM audit_log")
    by_secretary = exports.audit_rows(store, actors=[SECRETARY])
    assert by_secretary and all(r["actor"] == SECRETARY for r in by_secretary)
    ballots = exports.audit_rows(store, actions=["ballot.cast"])
    assert len(ballots) == 10
    assert exports.audit_rows(store, text="PHIEU KHONG HOP LE")[0]["action"] == "ballot.cast_paper"
    today = date.today()
    assert len(exports.audit_rows(store, date_from=today, date_to=today)) == len(everything)
    assert exports.audit_rows(store, date_to=today - timedelta(days=1)) == []
    df = read_csv(exports.audit_csv(ballots))
    assert list(df.columns) == ["Thời gian", "Người thực hiện", "Thao tác", "Đối tượng", "Chi tiết"]
    assert set(df["Thao tác"]) == {"Bỏ phiếu kín"}
    assert pd.to_datetime(df["Thời gian"], format="%d/%m/%Y %H:%M").notna().all()


def test_audit_days_are_the_days_the_log_has_entries_on(closed_round):
    store, _ = closed_round
    assert exports.audit_days(store) == [date.today()]
    with store.db.conn:
        store.db.conn.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, detail) VALUES (?, 'x', 'auth.login', '', '')",
            [("2025-04-15T07:10:00",), ("2025-04-14T23:59:00",), ("2025-04-15T18:00:00",), ("hôm qua",)],
        )
    assert exports.audit_days(store) == [date(2025, 4, 14), date(2025, 4, 15), date.today()]  # "hôm qua": no day
    assert len(exports.audit_rows(store, date_from=date(2025, 4, 15), date_to=date(2025, 4, 15))) == 2


def test_audit_filter_lists_people_by_given_name_and_actions_by_their_words(closed_round):
    # SQLite's ORDER BY put "Đặng…" after "Võ…" and sorted actions by their codes
    # ("auth.login" before "ballot.cast"), not by the Vietnamese words on screen.
    store, _ = closed_round
    actors = exports.audit_actors(store)
    people = [a for a in actors if a != "dữ liệu mẫu"]
    assert people[:4] == ["Phạm Thị Ngọc Ánh", "Võ Thanh Bình", "Huỳnh Thị Mỹ Duyên", "Lê Văn Đức"]
    assert people.index("Đặng Quốc Hùng") < people.index("Trần Minh Quang")
    labels = [audit.action_label(a) for a in exports.audit_actions(store)]
    assert labels == sorted(labels, key=text_sort_key)
    assert labels.index("Khóa vòng") < labels.index("Mở vòng")


def test_audit_names_what_each_entry_is_about(closed_round):
    # "Vòng #1" with an empty detail, or "Chỉ tiêu #18" with detail "2020: 10", did not
    # say which round or indicator: the entity now carries its current name.
    store, round_id = closed_round
    round_name = store.scalar("SELECT name FROM rounds WHERE id = ?", (round_id,))
    closing = exports.audit_rows(store, actions=["round.closed"])
    df = read_csv(exports.audit_csv(closing))
    assert df["Đối tượng"].tolist() == [f"Vòng #{round_id} — {round_name}"]

    indicator = store.query("SELECT id, name FROM indicators ORDER BY id LIMIT 1")[0]
    indicators.set_value(store, SECRETARY, indicator["id"], 2024, 12.5)
    entry = exports.audit_rows(store, actions=["indicator.value"])[0]
    label = exports.audit_frame([entry])["Đối tượng"][0]
    assert label == f"Chỉ tiêu #{indicator['id']} — {indicator['name']}"
    # The search finds an entry by that name, ignoring case and diacritics.
    found = exports.audit_rows(store, actions=["indicator.value"], text=text.fold(indicator["name"]).upper())
    assert found[0]["id"] == entry["id"] and {r["entity_id"] for r in found} == {indicator["id"]}

    member, _ = conference.add_member(store, SECRETARY, "Nguyễn Văn Tạm")
    conference.delete_member(store, SECRETARY, member)
    gone = exports.audit_rows(store, actions=["member.delete"])[0]
    assert exports.audit_frame([gone])["Đối tượng"][0] == f"Thành viên #{member}"  # deleted: the number stays


def test_audit_never_holds_a_ballot_choice(closed_round):
    store, _ = closed_round
    text = exports.audit_csv(exports.audit_rows(store)).decode("utf-8-sig").lower()
    for word in ("approve", "reject", "abstain", "đồng ý", "không có ý kiến"):
        assert word not in text


# --- command line -------------------------------------------------------------------------------


def test_cli_exports_every_format(closed_round, tmp_path, capsys):
    from scoring.cli import main
    from scoring.minutes import document_text

    store, round_id = closed_round
    outs = {}
    for fmt, name in (("csv", "x.csv"), ("xlsx", "x.xlsx"), ("minutes", "bb.docx"), ("summary", "th.docx")):
        outs[fmt] = tmp_path / "out" / name
        args = ["--db", str(store.path), "export", "--round", str(round_id), "--format", fmt, "--out", str(outs[fmt])]
        assert main(args) == 0
    assert "Đã xuất" in capsys.readouterr().out
    results = aggregate.round_results(store, round_id)
    assert read_csv(outs["csv"].read_bytes())["Họ và tên"].tolist() == results.table["full_name"].tolist()
    assert openpyxl.load_workbook(outs["xlsx"]).sheetnames[0] == "Tổng hợp"
    assert "BIÊN BẢN KIỂM PHIẾU" in document_text(outs["minutes"].read_bytes())
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM" in document_text(outs["summary"].read_bytes())


def test_cli_export_of_an_open_round_warns(demo_store, tmp_path, capsys):
    from scoring.cli import main

    round_id = demo_store.scalar("SELECT id FROM rounds WHERE name = ?", (ROUND1,))
    out = tmp_path / "open.csv"
    args = ["--db", str(demo_store.path), "export", "--round", str(round_id), "--format", "csv", "--out", str(out)]
    assert main(args) == 0
    assert "số liệu chưa chốt" in capsys.readouterr().err
    assert len(read_csv(out.read_bytes())) == 12


def _audit_calls() -> list[tuple[str, int, list[str], list[str]]]:
    """(file, line, action codes, entity tables) of every audit.log call in scoring/,
    literals read from the source: both arms of a conditional, f-string prefixes."""
    import ast
    from pathlib import Path

    def strings(node) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return strings(node.body) + strings(node.orelse)
        if isinstance(node, ast.JoinedStr):  # f"round.{target.value}": the prefix, completed below
            return [str(node.values[0].value) + "*"]
        return []

    calls = []
    for path in sorted((Path(__file__).resolve().parent.parent / "scoring").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            func = getattr(node, "func", None)
            if isinstance(func, ast.Attribute) and func.attr == "log" and getattr(func.value, "id", "") == "audit":
                args = node.args
                calls.append((path.name, node.lineno, strings(args[2]), strings(args[3]) if len(args) > 3 else []))
    return calls


def test_every_audited_action_and_table_has_a_name_in_both_languages():
    from scoring import audit
    from scoring.i18n import MESSAGES
    from scoring.model import RoundStatus

    calls = _audit_calls()
    assert len(calls) > 40  # the scan sees the calls it is about
    dynamic = {"round.*": [f"round.{s.value}" for s in RoundStatus], "indicator.values.*": ["indicator.values.edit",
               "indicator.values.import"]}  # fmt: skip
    for file, line, actions, entities in calls:
        assert actions, f"{file}:{line}: an action that is not a literal"
        for code in (c for a in actions for c in dynamic.get(a, [a])):
            assert f"audit.action.{code}" in MESSAGES["vi"], f"{file}:{line}: {code}"
            assert f"audit.action.{code}" in MESSAGES["en"], f"{file}:{line}: {code}"
        for table in entities:
            if table:
                assert f"audit.entity.{table}" in MESSAGES["vi"], f"{file}:{line}: {table}"
    assert audit.action_label("round.closed") == "Khóa vòng"
    assert audit.action_label("something.new") == "something.new"  # unknown: shown as it is
    assert audit.entity_label("rounds", 3) == "Vòng #3" and audit.entity_label("") == ""
