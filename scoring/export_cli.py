"""`python -m scoring export | backup | restore`: files out from the command line,
the same functions the exports page calls."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import backup
from .db import open_store
from .i18n import t
from .spreadsheet import CSV_VARIANTS, DEFAULT_CSV_VARIANT

FORMATS = ("csv", "xlsx", "minutes", "summary")


def add_csv_option(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """--csv intl|vi, the two rankings CSVs (scoring.spreadsheet.CSV_VARIANTS), for `rank` and `export`."""
    parser.add_argument(
        "--csv",
        choices=tuple(CSV_VARIANTS),
        default=DEFAULT_CSV_VARIANT,
        help=f"{prefix}intl = dấu phẩy ngăn cột, dấu chấm thập phân (mặc định); "
        "vi = Excel cài đặt vùng Việt Nam, dấu chấm phẩy ngăn cột, dấu phẩy thập phân",
    )


def _missing(path: Path) -> int:
    print(t("cli.no_file", path=path), file=sys.stderr)
    return 1


def _cmd_export(args: argparse.Namespace) -> int:
    from . import aggregate, conference, exports, minutes, rounds

    path = Path(args.db)
    if not path.exists():
        return _missing(path)
    store = open_store(path)
    current = rounds.get_round(store, args.round)
    if current["status"] not in ("closed", "published"):
        print(t("xp.provisional", status=t(f"status.{current['status']}")), file=sys.stderr)
    results = aggregate.round_results(store, args.round)
    conf = conference.get_conference(store)
    if args.format == "csv":
        data = exports.ranking_csv(results, args.csv)
    elif args.format == "xlsx":
        data = exports.ranking_xlsx(results, conf)
    elif args.format == "minutes":
        board = conference.list_counting_board(store)
        data = minutes.minutes_docx(results, conf, board, counted_at=rounds.counted_at(store, args.round))
    else:
        data = minutes.summary_docx(results, conf, minutes.signers_of(store))
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(t("cli.export_done", path=out, size=max(1, round(len(data) / 1024))))
    return 0


def _cmd_backup(args: argparse.Namespace) -> int:
    path = Path(args.db)
    if not path.exists():
        return _missing(path)
    out = backup.snapshot_to(path, args.out)
    print(t("cli.backup_done", db=path, path=out, size=max(1, round(out.stat().st_size / 1024))))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    source, target = Path(args.source), Path(args.db)
    if not source.exists():
        return _missing(source)
    backup.inspect(source)  # refuse a bad file before asking anything
    if not args.yes:
        if not sys.stdin.isatty():
            print(t("cli.restore_needs_yes"), file=sys.stderr)
            return 1
        if input(t("cli.restore_prompt", db=target, src=source)).strip().lower() not in ("co", "có", "yes", "y"):
            print(t("cli.restore_cancelled"))
            return 1
    info = backup.restore(target, source, actor="dòng lệnh")
    print(t("cli.restore_done", db=target, src=source, rounds=info.rounds, receipts=info.receipts))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export", help="xuất kết quả một vòng: bảng xếp hạng CSV, sổ Excel, biên bản kiểm phiếu, bảng điểm"
    )
    p.add_argument("--round", type=int, required=True, help="số (id) của vòng bình xét")
    p.add_argument(
        "--format", choices=FORMATS, required=True, help="csv | xlsx | minutes (biên bản) | summary (bảng điểm)"
    )
    p.add_argument("--out", required=True, help="tệp ghi ra")
    add_csv_option(p, "với --format csv: ")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("backup", help="sao lưu toàn bộ cơ sở dữ liệu ra một tệp .db (bản chụp nhất quán)")
    p.add_argument("out", help="tệp sao lưu ghi ra")
    p.set_defaults(func=_cmd_backup)

    p = sub.add_parser("restore", help="khôi phục cơ sở dữ liệu từ tệp sao lưu (thay toàn bộ dữ liệu)")
    p.add_argument("source", help="tệp sao lưu (.db)")
    p.add_argument("--yes", action="store_true", help="không hỏi lại (dùng trong kịch bản)")
    p.set_defaults(func=_cmd_restore)
