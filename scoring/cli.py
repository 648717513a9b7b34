"""`python -m scoring`: the command line over the same core the app uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import conference, demo, export_cli, import_cli
from .check import check
from .db import default_db_path, open_store
from .errors import DomainError
from .i18n import t
from .import_cli import ACTOR


def _cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.db)
    if not args.demo and not (args.conference and args.secretary):
        print(t("cli.init_needs"), file=sys.stderr)
        return 2
    if path.exists() and not args.force:
        print(t("cli.init_exists", path=path), file=sys.stderr)
        return 1
    if path.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    store = open_store(path)
    if args.demo:
        logins = demo.load_demo(store)
        print(t("cli.init_demo", path=path))
        for name, code in logins.items():
            print(f"  {name}: {code}")
        return 0
    code = conference.start(
        store, ACTOR, name=args.conference, organisation=args.organisation or "", secretary=args.secretary
    )
    print(t("cli.init_done", name=args.conference, path=path, secretary=args.secretary, code=code))
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    path = Path(args.db)
    if not path.exists():
        print(f"Không có tệp {path}.", file=sys.stderr)
        return 1
    report = check(open_store(path))
    for fact in report.facts:
        print(fact)
    for problem in report.problems:
        print(f"LỖI: {problem}")
    print("Cơ sở dữ liệu toàn vẹn." if report.ok else f"Phát hiện {len(report.problems)} lỗi.")
    return 0 if report.ok else 1


def _cmd_rank(args: argparse.Namespace) -> int:
    """A closed round's final ranking as CSV (UTF-8 with BOM, Vietnamese headers)."""
    from . import aggregate, exports, rounds

    path = Path(args.db)
    if not path.exists():
        print(f"Không có tệp {path}.", file=sys.stderr)
        return 1
    store = open_store(path)
    aggregate.require_final(rounds.get_round(store, args.round))
    data = exports.ranking_csv(aggregate.round_results(store, args.round), args.csv)
    if args.out:
        Path(args.out).write_bytes(data)
        print(f"Đã ghi bảng xếp hạng vào {args.out}")
    else:
        sys.stdout.write(data.decode("utf-8-sig"))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m scoring",
        description="Hội đồng Thi đua - Khen thưởng: công cụ dòng lệnh.",
    )
    parser.add_argument(
        "--db",
        default=str(default_db_path()),
        help="đường dẫn cơ sở dữ liệu (mặc định: $HOI_NGHI_DB hoặc data/hoi-nghi.db)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", help="tạo hội nghị mới cho cơ quan của mình (hoặc cơ sở dữ liệu mẫu với --demo)")
    p.add_argument("--conference", help="tên hội nghị")
    p.add_argument("--organisation", help="cơ quan, đơn vị tổ chức")
    p.add_argument("--secretary", help="họ và tên Thư ký Hội đồng, người thiết lập phần còn lại trong ứng dụng")
    p.add_argument("--demo", action="store_true", help="nạp hội nghị mẫu")
    p.add_argument("--force", action="store_true", help="xóa tệp cũ nếu đã có")
    p.set_defaults(func=_cmd_init)

    p = sub.add_parser("check", help="kiểm tra toàn vẹn cơ sở dữ liệu")
    p.set_defaults(func=_cmd_check)

    # Later commands register here, one function per area, each in its own module:
    # rank (issue 4), import (issue 5), export / backup / restore (issue 7).
    import_cli.register(sub)
    export_cli.register(sub)
    p = sub.add_parser("rank", help="xuất bảng xếp hạng của một vòng đã khóa ra CSV")
    p.add_argument("--round", type=int, required=True, help="số (id) của vòng bình xét")
    p.add_argument("--out", help="tệp CSV (UTF-8 có BOM); bỏ trống để in ra màn hình")
    export_cli.add_csv_option(p)
    p.set_defaults(func=_cmd_rank)

    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except DomainError as exc:
        print(f"LỖI: {exc}", file=sys.stderr)
        return 1
