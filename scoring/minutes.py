"""The documents the council signs, as .docx (python-docx): the vote-count
minutes (biên bản kiểm phiếu) and the scoring summary (bảng tổng hợp điểm).

Both follow the layout of Nghị định 30/2020/NĐ-CP: A4, margins 20 mm top and
bottom, 30 mm left, 15 mm right, Times New Roman 13 pt; the organisation
top-left and the national motto top-right in a borderless table; place and
date; the title in bold capitals; signature blocks in bold capitals. Every
figure comes from a `RoundResults` (the stored results), never retyped.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from .conference import shown_unit
from .db import Store
from .errors import ValidationError
from .exports import (
    FILE_LANG,
    FONT_NAME,
    has_ballot,
    has_scoring,
    method_label,
    number_vi,
    passed,
    reasons,
    threshold_text,
)
from .i18n import t
from .text import clean
from .validation import format_date_long, is_missing

if TYPE_CHECKING:
    from .aggregate import RoundResults

BODY_PT = 13
TABLE_PT = 12


def _t(key: str, **params: Any) -> str:
    return t(key, FILE_LANG, **params)


# --- page and text helpers ------------------------------------------------------------------


def _new_document(*, landscape: bool = False) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
    else:
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(20)
    section.bottom_margin = Mm(20)
    section.left_margin = Mm(30)
    section.right_margin = Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT_NAME
    normal.font.size = Pt(BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):  # Word picks a font per script
        fonts.set(qn(attr), FONT_NAME)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.1
    return doc


def _content_width(doc: DocumentObject) -> int:
    section = doc.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def _para(
    container: Any,
    text: str = "",
    *,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float | None = None,
    align: str = "left",
    space_after: float | None = None,
    indent_first: bool = False,
) -> Paragraph:
    """A paragraph in a document or a table cell (a fresh cell's first paragraph is reused)."""
    if isinstance(container, _Cell) and len(container.paragraphs) == 1 and not container.paragraphs[0].text:
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    paragraph.alignment = {
        "left": WD_ALIGN_PARAGRAPH.LEFT,
        "center": WD_ALIGN_PARAGRAPH.CENTER,
        "right": WD_ALIGN_PARAGRAPH.RIGHT,
        "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    }[align]
    if space_after is not None:
        paragraph.paragraph_format.space_after = Pt(space_after)
    if indent_first:
        paragraph.paragraph_format.first_line_indent = Mm(10)
    if text:
        run = paragraph.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        if size:
            run.font.size = Pt(size)
    return paragraph


def _short_rule(cell: _Cell, inset_mm: float) -> None:
    """The short line under the issuer's name (a bottom border on an empty,
    indented paragraph, so it is as long as a third of the name)."""
    paragraph = _para(cell, "", align="center", space_after=0)
    paragraph.paragraph_format.left_indent = Mm(inset_mm)
    paragraph.paragraph_format.right_indent = Mm(inset_mm)
    paragraph.paragraph_format.line_spacing = Pt(4)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _no_borders(table: Any) -> None:
    """No lines, and no side padding so the motto fits on one line."""
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), "0")
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _set_widths(table: Any, widths: list[int]) -> None:
    """Column widths for Word (cell widths) and LibreOffice (the table grid)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width


def _header(doc: DocumentObject, conf: dict, issuer: str) -> None:
    """Organisation and issuer top-left, the national motto top-right, then place and date."""
    # The motto needs about 90 mm at 12 pt: the header reaches 5 mm into each
    # side margin, as printed templates do, so neither line wraps.
    width = _content_width(doc) + Mm(10)
    left = int(width * 0.46)
    right = width - left
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    indent = OxmlElement("w:tblInd")
    indent.set(qn("w:w"), str(-round(Mm(5) / 635)))  # EMU to twentieths of a point
    indent.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(indent)
    _set_widths(table, [left, right])
    org = table.cell(0, 0)
    if conf.get("organisation"):
        _para(org, conf["organisation"].upper(), size=12, align="center", space_after=0)
    _para(org, issuer.upper(), bold=True, size=12, align="center", space_after=0)
    _short_rule(org, inset_mm=max(0.0, (left / Mm(1) - 30) / 2))  # a line about 30 mm long
    motto = table.cell(0, 1)
    _para(motto, _t("doc.nation"), bold=True, size=12, align="center", space_after=0)
    _para(motto, _t("doc.motto"), bold=True, underline=True, size=13, align="center", space_after=0)
    place_date = format_date_long(conf.get("date"), conf.get("place") or "")
    _para(table.cell(1, 1), place_date, italic=True, size=13, align="center")
    doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _grid(doc: DocumentObject, headers: list[str], rows: list[list[str]], widths_mm: list[float]) -> Any:
    """A bordered table: bold centred headers; numbers right-aligned."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _para(cell, header, bold=True, size=TABLE_PT, align="center", space_after=0)
    for values in rows:
        cells = table.add_row().cells
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            numeric = i == 0 or (value and value.replace(",", "").replace(".", "").isdigit())
            _para(cell, value, size=TABLE_PT, align="center" if numeric else "left", space_after=0)
    scale = _content_width(doc) / Mm(sum(widths_mm))
    _set_widths(table, [int(Mm(w) * scale) for w in widths_mm])
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on each page
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    return table


def _signatures(doc: DocumentObject, left: list[str], left_names: list[str], right: list[str], right_name: str) -> None:
    """Two signature blocks in bold capitals, names in bold below the space to sign."""
    doc.add_paragraph()
    width = _content_width(doc)
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _set_widths(table, [width // 2, width - width // 2])
    lcell, rcell = table.cell(0, 0), table.cell(0, 1)
    for line in left:
        _para(lcell, line.upper(), bold=True, align="center", space_after=0)
    for name in left_names or [""]:
        for _ in range(3):
            _para(lcell, "", space_after=0)
        _para(lcell, name or "." * 30, bold=bool(name), align="center", space_after=0)
    for line in right:
        _para(rcell, line.upper(), bold=True, align="center", space_after=0)
    for _ in range(4):
        _para(rcell, "", space_after=0)
    _para(rcell, right_name or "." * 30, bold=bool(right_name), align="center", space_after=0)


def _pct(value: Any) -> str:
    return "" if is_missing(value) else number_vi(value, 2)


def _recused(row: dict, results: RoundResults) -> bool:
    """Whether some members did not vote on this nominee (same unit, conflict of interest):
    fewer eligible than the ballots the title's denominator counts."""
    base = results.members_total if row.get("denominator", "all") == "all" else results.present
    return not is_missing(row.get("eligible")) and int(row["eligible"]) < base


def _count(value: Any) -> str:
    return "" if is_missing(value) else str(int(value))


def _titles(results: RoundResults) -> list[tuple[str, list[dict]]]:
    """The result rows grouped by title, in the table's order, each ranked."""
    groups: dict[str, list[dict]] = {}
    for row in results.table.to_dict("records"):
        groups.setdefault(str(row.get("title") or ""), []).append(row)
    for rows in groups.values():
        rows.sort(key=lambda r: 10**9 if is_missing(r.get("rank")) else r["rank"])
    return list(groups.items())


def legal_basis_lines(text: str | None) -> list[str]:
    """The legal basis as the minutes print it: one "Căn cứ …;" paragraph per line typed in
    setup. Officials write "Căn cứ" at the head of each line themselves; it is not doubled."""
    lines = []
    for raw in (text or "").splitlines():
        line = clean(raw).lstrip("-–•+* ").rstrip(".;, ")
        if line[:6].lower() == "căn cứ" and line[6:7] in ("", " ", ":"):
            line = line[6:].lstrip(" :")
        if line:
            lines.append(_t("min.legal_basis", basis=line))
    return lines


def _to_bytes(doc: DocumentObject) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _outcome(row: dict) -> str:
    """ "Đạt", or "Không đạt: dưới điểm tối thiểu": the verdict first, then why (QA: the column
    showed only the reason, which reads as neither)."""
    if passed(row.get("passes")):
        return _t("exp.yes")
    why = reasons(row)
    return f"{_t('exp.no')}: {why}" if why else _t("exp.no")


def _when(iso: str | None) -> datetime:
    try:
        return datetime.fromisoformat(iso) if iso else datetime.now()
    except ValueError:
        return datetime.now()


# --- biên bản kiểm phiếu -------------------------------------------------------------------------


def minutes_docx(results: RoundResults, conf: dict, board: list[dict], *, counted_at: str | None = None) -> bytes:
    """The vote-count minutes of a round, ready to print and sign.
    `board` is the counting board (conference.list_counting_board): head first. `counted_at`
    (rounds.counted_at) is when the ballots were counted: the close that sealed them, not a
    later close after a reopen (the round's `closed_at`), which counted no ballot."""
    if results.round.get("status") not in ("closed", "published"):
        # The count is made when the round closes; before, the ballots stay sealed.
        raise ValidationError("err.minutes_not_closed", name=results.round.get("name", ""))
    doc = _new_document()
    _header(doc, conf, _t("doc.council"))
    _para(doc, _t("min.title"), bold=True, size=14, align="center", space_after=0)
    _para(doc, results.round.get("name", ""), bold=True, align="center", space_after=12)
    when = _when(counted_at or results.round.get("closed_at"))
    for line in legal_basis_lines(conf.get("legal_basis")):  # the laws it votes under, as typed in setup
        _para(doc, line, italic=True, indent_first=True)
    _para(
        doc,
        _t(
            "min.intro",
            date=format_date_long(conf.get("date")) or format_date_long(when.date().isoformat()),
            # Both may be empty (`init` without --organisation, no place in setup): "tại , Hội đồng … "
            # came out with a comma after nothing and a double space.
            at_place=_t("min.at_place", place=clean(conf.get("place"))) if clean(conf.get("place")) else "",
            of_organisation=f" {clean(conf.get('organisation'))}" if clean(conf.get("organisation")) else "",
            conference=conf.get("name") or "",
        ),
        align="justify",
        indent_first=True,
    )

    _para(doc, _t("min.section.members"), bold=True)
    absent = max(results.members_total - results.present, 0)
    _para(
        doc,
        _t("min.council_line", total=results.members_total, present=results.present, absent=absent),
        align="justify",
        indent_first=True,
    )
    _para(doc, _t("min.board_intro"), indent_first=True)
    for member in board:
        role = _t("min.board_head") if member.get("role") == "head" else _t("min.board_member")
        _para(doc, f"- {member['full_name']}, {role}.", indent_first=True)
    if not board:
        _para(doc, _t("min.board_missing"), italic=True, indent_first=True)

    _para(doc, _t("min.section.count"), bold=True)
    ballots = results.ballots
    for n, (key, value) in enumerate(
        (
            ("min.issued", ballots.issued),
            ("min.returned", ballots.returned),
            ("min.valid", ballots.valid),
            ("min.invalid", ballots.invalid),
        ),
        start=1,
    ):
        _para(doc, _t("min.count_line", n=n, label=_t(key), count=value), indent_first=True)
    _para(doc, _t("min.per_nominee", n=5), indent_first=True)
    if any(_recused(r, results) for r in results.table.to_dict("records") if has_ballot(r)):
        _para(doc, _t("min.recusal_note"), italic=True, indent_first=True)
    if results.round.get("ballot_mode") == "whole_list":
        _para(doc, _t("min.whole_list"), italic=True, indent_first=True)
    headers = [
        _t("col.stt"),
        _t("min.col.name"),
        _t("col.unit"),
        _t("min.col.approve"),
        _t("min.col.pct"),
        _t("min.col.reject"),
        _t("min.col.abstain"),
    ]
    letters = "abcdefghiklmnopqrstuvxy"
    balloted = [(title, [r for r in rows if has_ballot(r)]) for title, rows in _titles(results)]
    balloted = [(title, rows) for title, rows in balloted if rows]
    for i, (title, rows) in enumerate(balloted):
        rule = threshold_text(rows[0])
        _para(
            doc,
            _t("min.title_line", letter=letters[i % len(letters)], title=title, rule=rule),
            italic=True,
            indent_first=True,
        )
        body = [
            [
                str(n),
                r.get("full_name") or "",
                shown_unit(r),
                _count(r.get("approve")),
                _pct(r.get("approval_pct")),
                _count(r.get("reject")),
                _count(r.get("abstain")),
            ]
            for n, r in enumerate(rows, start=1)
        ]
        _grid(doc, headers, body, [14, 42, 38, 20, 19, 21, 22])
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
    if not balloted:
        _para(doc, _t("min.no_ballot"), italic=True, indent_first=True)

    _para(doc, _t("min.section.conclusion"), bold=True)
    for title, rows in balloted:
        winners = [r for r in rows if passed(r.get("passes_threshold"))]
        rule = threshold_text(rows[0])
        if not passed(rows[0].get("quorum_met")):  # too few members present: the vote decides nothing
            text = _t(
                "min.conclusion_no_quorum",
                title=title,
                present=results.present,
                total=results.members_total,
                share=number_vi(100 * results.present / max(results.members_total, 1)),
                quorum=number_vi(rows[0].get("quorum_pct")),
            )
        elif winners:
            names = "; ".join(f"{r['full_name']} ({_pct(r.get('approval_pct'))}%)" for r in winners)
            text = _t("min.conclusion", title=title, rule=rule, count=len(winners), names=names)
        else:
            text = _t("min.conclusion_none", title=title, rule=rule)
        _para(doc, text, align="justify", indent_first=True)
    _para(
        doc,
        _t(
            "min.closing", hour=f"{when.hour:02d}", minute=f"{when.minute:02d}", date=format_date_long(when.isoformat())
        ),
        align="justify",
        indent_first=True,
    )
    head = next((m for m in board if m.get("role") == "head"), None)
    others = [m["full_name"] for m in board if m is not head]
    _signatures(
        doc,
        [_t("min.sign.members")],
        others,
        [_t("min.sign.on_behalf"), _t("min.sign.head")],
        head["full_name"] if head else "",
    )
    return _to_bytes(doc)


# --- bảng tổng hợp điểm ------------------------------------------------------------------------------


def summary_docx(results: RoundResults, conf: dict, signers: dict[str, str] | None = None) -> bytes:
    """The scoring summary of a round (landscape A4): per title, each candidate's
    number of scoring sheets, every aggregate, the rank and the outcome.
    `signers` maps "chair" and "secretary" to names for the signature blocks."""
    signers = signers or {}
    doc = _new_document(landscape=True)
    _header(doc, conf, _t("doc.council"))
    _para(doc, _t("sum.title"), bold=True, size=14, align="center", space_after=0)
    _para(doc, results.round.get("name", ""), bold=True, align="center", space_after=6)
    if results.round.get("status") not in ("closed", "published"):
        _para(doc, _t("min.provisional"), italic=True, align="center")
    _para(
        doc,
        _t(
            "sum.intro",
            method=method_label(results.round.get("method", "mean")),
            total=results.members_total,
            present=results.present,
        ),
        align="justify",
        indent_first=True,
    )
    headers = [
        _t("col.stt"),
        _t("min.col.name"),
        _t("col.unit"),
        _t("sum.col.n_scores"),
        _t("sum.col.mean"),
        _t("sum.col.median"),
        _t("sum.col.trimmed_mean"),
        _t("sum.col.sd"),
        _t("sum.col.score"),
        _t("sum.col.rank"),
        _t("sum.col.outcome"),
    ]
    scored = [(title, [r for r in rows if has_scoring(r)]) for title, rows in _titles(results)]
    for title, rows in scored:
        if not rows:
            continue
        _para(doc, _t("sum.title_line", title=title), bold=True)
        body = []
        for n, r in enumerate(rows, start=1):
            outcome = _outcome(r)
            body.append(
                [
                    str(n),
                    r.get("full_name") or "",
                    shown_unit(r),
                    _count(r.get("n_scores")),
                    number_vi(r.get("mean")),
                    number_vi(r.get("median")),
                    number_vi(r.get("trimmed_mean")),
                    number_vi(r.get("sd")),
                    number_vi(r.get("score")),
                    _count(r.get("rank")),
                    outcome,
                ]
            )
        _grid(doc, headers, body, [14, 52, 42, 17, 20, 18, 24, 17, 20, 15, 40])
        doc.add_paragraph().paragraph_format.space_after = Pt(0)
    if not any(rows for _, rows in scored):
        _para(doc, _t("sum.no_scores"), italic=True, indent_first=True)
    _signatures(
        doc,
        [_t("sum.sign.secretary")],
        [signers.get("secretary", "")],
        [_t("sum.sign.on_behalf"), _t("sum.sign.chair")],
        signers.get("chair", ""),
    )
    return _to_bytes(doc)


# --- from the store ---------------------------------------------------------------------------------


def signers_of(store: Store, secretary_id: int | None = None) -> dict[str, str]:
    """The chair's and the secretary's names, for the summary's signatures. A council with
    two secretaries: the one making the document (`secretary_id`) signs it; without one,
    the first entered."""
    found: dict[str, str] = {}
    rows = store.query(
        "SELECT role, full_name FROM members WHERE active = 1 AND role IN ('chair', 'secretary') "
        "ORDER BY role = 'secretary' AND id IS NOT ?, id",
        [secretary_id],
    )
    for row in rows:
        found.setdefault(row["role"], row["full_name"])
    return found


def document_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, one per line (tests and checks)."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]

    def walk(tables: list) -> None:
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
                    walk(cell.tables)

    walk(doc.tables)
    return "\n".join(lines)
