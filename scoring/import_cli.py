"""`python -m scoring import` and `python -m scoring template`: the import of
the app, from the command line, with the same messages."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import imports
from .db import open_store
from .errors import ValidationError
from .i18n import t
from .templates import template_xlsx

ACTOR = "dòng lệnh"


def _cmd_import(args: argparse.Namespace) -> int:
    uploads: list[imports.Upload] = []
    refused: list[imports.Problem] = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            refused.append(imports.Problem(path.name, t("imp.err.no_such_file", path=name)))
            continue
        try:
            uploads.append(imports.read_upload(path))  # refused by size before reading
        except ValidationError as exc:
            refused.append(imports.Problem(path.name, str(exc)))
    plan = imports.plan_import(open_store(args.db), uploads, args.kind)
    plan.files[:0] = [imports.FilePlan(file=p.file, problems=[p]) for p in refused]
    for file_plan in plan.files:
        c = file_plan.counts()
        print(
            f"{file_plan.file} ({imports.kind_label(file_plan.kind)}): "
            + t(
                "imp.summary",
                create=c["create"],
                update=c["update"],
                unchanged=c["unchanged"],
                errors=len(file_plan.errors),
            )
        )
        for row in file_plan.rows:
            if row.action != "unchanged":
                print(f"  {t('imp.loc.row', row=row.row)}: {t('imp.action.' + row.action)}: {row.label}")
    for problem in plan.problems:
        print(problem, file=sys.stderr if problem.level == "error" else sys.stdout)
    if args.report:
        Path(args.report).write_bytes(imports.report_csv(plan))
    if not plan.ok:
        print(t("imp.refused", errors=len(plan.errors)), file=sys.stderr)
        return 1
    if args.dry_run:
        print(t("imp.dry_run"))
        return 0
    try:
        done = imports.commit_import(open_store(args.db), ACTOR, uploads, args.kind)
    except imports.ImportRefused as exc:  # the database changed since the plan
        for problem in exc.plan.errors:
            print(problem, file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return 1
    c = done.counts()
    print(t("imp.done", create=c["create"], update=c["update"]))
    return 0


def _cmd_template(args: argparse.Namespace) -> int:
    Path(args.out).write_bytes(template_xlsx(args.kind))
    print(t("imp.template_written", kind=imports.kind_label(args.kind), path=args.out))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="nhập đơn vị, bộ tiêu chí, thành viên, đề nghị khen thưởng từ .xlsx/.csv (tất cả hoặc không)",
    )
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .xlsx hoặc .csv (nhiều tệp: nhập cùng một lần)")
    p.add_argument("--kind", choices=imports.KINDS, help="loại dữ liệu (mặc định: nhận biết theo tiêu đề cột, tên tệp)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("--report", metavar="LỖI.csv", help="ghi báo cáo lỗi ra tệp CSV (UTF-8 có BOM)")
    p.set_defaults(func=_cmd_import)

    p = sub.add_parser("template", help="tạo tệp mẫu .xlsx để nhập dữ liệu")
    p.add_argument("kind", choices=imports.KINDS, help="loại dữ liệu")
    p.add_argument("out", metavar="TỆP.xlsx", help="đường dẫn tệp mẫu")
    p.set_defaults(func=_cmd_template)
