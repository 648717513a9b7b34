"""The vote-count minutes and the scoring summary (.docx): every stored figure is
in the document, the page follows Nghị định 30/2020, and LibreOffice opens it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from scoring import aggregate, conference, minutes
from scoring.errors import ValidationError
from tests.test_exports import closed_round, closed_round_template, hand_results  # noqa: F401 - fixtures


@pytest.fixture
def round_docs(request):
    store, round_id = request.getfixturevalue("closed_round")
    results = aggregate.round_results(store, round_id)
    conf = conference.get_conference(store)
    board = conference.list_counting_board(store)
    return (
        results,
        minutes.minutes_docx(results, conf, board),
        minutes.summary_docx(results, conf, minutes.signers_of(store)),
    )


def vi2(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


def table_rows(data: bytes) -> list[list[str]]:
    doc = docx.Document(io.BytesIO(data))
    return [[c.text for c in row.cells] for table in doc.tables for row in table.rows]


def test_minutes_hold_every_count_and_percentage(round_docs):
    results, data, _ = round_docs
    text = minutes.document_text(data)
    assert "BIÊN BẢN KIỂM PHIẾU" in text
    assert "Khánh Hòa, ngày 15 tháng 4 năm 2025" in text
    assert f"tổng số {results.members_total} thành viên; có mặt {results.present} thành viên" in text
    b = results.ballots
    assert (b.issued, b.returned, b.valid, b.invalid) == (11, 11, 10, 1)
    for line in (
        f"Số phiếu phát ra: {b.issued} phiếu.",
        f"Số phiếu thu về: {b.returned} phiếu.",
        f"Số phiếu hợp lệ: {b.valid} phiếu.",
        f"Số phiếu không hợp lệ: {b.invalid} phiếu.",
    ):
        assert line in text
    rows = {r[1]: r for r in table_rows(data) if len(r) == 7}
    nominees = results.table[results.table["needs_ballot"] == 1]
    assert len(nominees) == 12
    for n in nominees.itertuples():
        row = rows[n.full_name]
        assert row[3:] == [str(n.approve), vi2(n.approval_pct), str(n.reject), str(n.abstain)], n.full_name
        # The unit column: an individual's unit; empty for a collective that is the unit itself.
        assert row[2] == ("" if n.unit == n.full_name else n.unit), n.full_name
    assert rows["Khoa Lý luận cơ sở"][2] == "" and rows["Nguyễn Văn An"][2] == "Khoa Lý luận cơ sở"
    # The laws it votes under, as set up, and why a nominee's counts add up to fewer than the ballots (QA).
    assert "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15" in text
    assert (nominees["eligible"] < b.issued).any()
    assert "không bỏ phiếu cho trường hợp đó; tỷ lệ đồng ý tính trên số thành viên được bỏ phiếu" in text


def test_minutes_conclusion_names_those_who_pass_the_threshold(round_docs):
    results, data, _ = round_docs
    text = minutes.document_text(data)
    conclusion = text[text.index("III. KẾT LUẬN") :]
    table = results.table
    winners = table[table["passes_threshold"]]
    losers = table[~table["passes_threshold"]]
    assert len(winners) and len(losers)
    for w in winners.itertuples():
        assert f"{w.full_name} ({vi2(w.approval_pct)}%)" in conclusion
    for loser in losers.itertuples():
        assert f"{loser.full_name} (" not in conclusion


def test_minutes_layout_follows_decree_30(round_docs):
    _, data, _ = round_docs
    doc = docx.Document(io.BytesIO(data))
    section = doc.sections[0]
    size = [round(x.mm) for x in (section.page_width, section.page_height)]
    margins = [
        round(x.mm) for x in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    ]
    assert size == [210, 297]  # A4 (stored in twentieths of a point, hence the rounding)
    assert margins == [20, 20, 30, 15]
    normal = doc.styles["Normal"].font
    assert normal.name == "Times New Roman" and normal.size == Pt(13)
    header = doc.tables[0]
    org = [p.text for p in header.cell(0, 0).paragraphs if p.text]
    assert org == ["TRƯỜNG CHÍNH TRỊ TỈNH KHÁNH HÒA", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"]
    nation, motto = [p for p in header.cell(0, 1).paragraphs if p.text]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and nation.runs[0].bold
    assert motto.text == "Độc lập - Tự do - Hạnh phúc" and motto.runs[0].bold and motto.runs[0].underline
    signatures = doc.tables[-1]
    right = [p for p in signatures.cell(0, 1).paragraphs if p.text]
    assert [p.text for p in right] == ["T/M BAN KIỂM PHIẾU", "TRƯỞNG BAN", "Ngô Văn Tâm"]
    assert all(p.runs[0].bold for p in right)
    left = [p.text for p in signatures.cell(0, 0).paragraphs if p.text]
    assert left == ["THÀNH VIÊN BAN KIỂM PHIẾU", "Đỗ Thị Hồng Nhung", "Trương Công Khải"]


def test_summary_holds_every_score(round_docs):
    results, _, data = round_docs
    doc = docx.Document(io.BytesIO(data))
    assert round(doc.sections[0].page_width.mm) == 297  # landscape: eleven columns
    text = minutes.document_text(data)
    assert "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM" in text and "Trung bình cộng" in text
    rows = {r[1]: r for r in table_rows(data) if len(r) == 11}
    for c in results.table.itertuples():
        row = rows[c.full_name]
        assert row[3] == str(c.n_scores)
        assert row[4:7] == [vi2(c.mean), vi2(c.median), vi2(c.trimmed_mean)]
        assert row[8] == vi2(c.score) and row[9] == str(c.rank)
        # The verdict, then why (QA: the column said only "dưới điểm tối thiểu").
        assert row[10] == ("Đạt" if c.passes else f"Không đạt: {c.reason}" if c.reason else "Không đạt")
    outcomes = [r[10] for r in rows.values()]
    assert "Đạt" in outcomes and "Không đạt: chưa đạt tỷ lệ phiếu đồng ý" in outcomes
    assert "Phạm Thị Ngọc Ánh" in text and "Trần Minh Quang" in text  # secretary and chair sign


def test_with_two_secretaries_the_one_making_the_summary_signs_it(demo_store):
    second, _code = conference.add_member(demo_store, "test", "Đặng Thu Trang", "secretary", is_voting=False)
    assert minutes.signers_of(demo_store) == {"chair": "Trần Minh Quang", "secretary": "Phạm Thị Ngọc Ánh"}
    assert minutes.signers_of(demo_store, second) == {"chair": "Trần Minh Quang", "secretary": "Đặng Thu Trang"}
    results = aggregate.round_results(demo_store, 1)
    conf = conference.get_conference(demo_store)
    text = minutes.document_text(minutes.summary_docx(results, conf, minutes.signers_of(demo_store, second)))
    assert "Đặng Thu Trang" in text and "Phạm Thị Ngọc Ánh" not in text


def test_summary_says_not_passed_before_the_reason():
    results = hand_results(meets_min_score=False, passes=False)
    results.round["status"] = "closed"
    rows = [r for r in table_rows(minutes.summary_docx(results, {"name": "Hội nghị"}, [])) if len(r) == 11]
    assert rows[1][1] == "Nguyễn Văn An" and rows[1][10] == "Không đạt: dưới điểm tối thiểu"


def test_minutes_of_an_open_round_are_refused_and_the_missing_board_is_said():
    # The count is made when the round closes: before, the ballots are sealed.
    results = hand_results()
    results.round["status"] = "open"
    with pytest.raises(ValidationError, match="biên bản kiểm phiếu lập khi vòng đã khóa"):
        minutes.minutes_docx(results, {"name": "Hội nghị", "date": "2025-02-05"}, [])
    results.round["status"] = "closed"
    text = minutes.document_text(minutes.minutes_docx(results, {"name": "Hội nghị", "date": "2025-02-05"}, []))
    assert "Số liệu tạm thời" not in text and "Chưa có danh sách Ban kiểm phiếu" in text
    assert "ngày 05 tháng 02 năm 2025" in text
    assert "72,73" in text and "45,45" in text


def test_minutes_conclusion_says_when_too_few_members_were_present():
    # It listed who reached the approval rate although the quorum failed and nobody passed.
    results = hand_results(quorum_met=False, passes=False)
    results.round["status"] = "closed"
    results.table["quorum_pct"] = 66.67
    results.present, results.members_total = 7, 11
    text = minutes.document_text(minutes.minutes_docx(results, {"name": "Hội nghị"}, []))
    conclusion = text.split("III. KẾT LUẬN", 1)[1]
    assert "số thành viên có mặt (7/11, 63,64%) chưa đạt tỷ lệ tối thiểu theo quy định (66,67%)" in conclusion
    assert "đạt tỷ lệ phiếu đồng ý theo quy định" not in conclusion


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui); scripts/test.sh installs it",
)
def test_libreoffice_opens_the_minutes(round_docs, tmp_path: Path):
    _, data, summary = round_docs
    (tmp_path / "bien-ban.docx").write_bytes(data)
    (tmp_path / "tong-hop.docx").write_bytes(summary)
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not share a lock
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "bien-ban.docx"),
            str(tmp_path / "tong-hop.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for name in ("bien-ban.pdf", "tong-hop.pdf"):
        pdf = (tmp_path / name).read_bytes()
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "bien-ban.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "BIÊN BẢN KIỂM PHIẾU" in text and "Độc lập - Tự do - Hạnh phúc" in text


def test_minutes_print_each_legal_basis_once_per_line_without_doubling_can_cu():
    # Officials type the legal basis as they write it in a decision, "Căn cứ" at the head of each
    # line: the minutes printed "Căn cứ Căn cứ Luật …" and ran the lines into one paragraph.
    results = hand_results()
    results.round["status"] = "closed"
    typed = (
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;\n"
        "Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở."
    )
    data = minutes.minutes_docx(results, {"name": "Hội nghị", "legal_basis": typed}, [])
    paragraphs = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "Căn cứ Căn cứ" not in minutes.document_text(data)
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in paragraphs
    assert "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ;" in paragraphs
    assert "Căn cứ Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng Sở;" in paragraphs


def test_minutes_intro_without_place_or_organisation_has_no_empty_gap():
    # `init` without --organisation and no place in setup: "tại , Hội đồng Thi đua - Khen thưởng  tổ chức".
    results = hand_results()
    results.round["status"] = "closed"
    bare = minutes.document_text(minutes.minutes_docx(results, {"name": "Hội nghị X", "date": "2026-01-15"}, []))
    assert (
        "Hôm nay, ngày 15 tháng 01 năm 2026, Hội đồng Thi đua - Khen thưởng tổ chức bỏ phiếu kín tại Hội nghị X."
        in bare
    )
    full = {"name": "Hội nghị X", "date": "2026-01-15", "place": "Tuy Hòa", "organisation": "Sở Giáo dục và Đào tạo"}
    text = minutes.document_text(minutes.minutes_docx(results, full, []))
    assert (
        "ngày 15 tháng 01 năm 2026, tại Tuy Hòa, Hội đồng Thi đua - Khen thưởng Sở Giáo dục và Đào tạo tổ chức" in text
    )
