"""The project's shape: the core stays free of Streamlit, the README's commands
are the ones CI runs, and every CLI command is documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from scoring.cli import build_parser
from scoring.i18n import MESSAGES

ROOT = Path(__file__).resolve().parent.parent


def test_core_never_imports_streamlit():
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "scoring").rglob("*.py")
        if re.search(r"^\s*(import|from)\s+streamlit\b", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_pages_reach_the_database_only_through_the_core():
    # Rules and queries live in scoring/, where the CLI and the tests use them too.
    sql = re.compile(r"\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\.(query|scalar|execute)\(|import sqlite3")
    offenders = {
        str(path.relative_to(ROOT)): sql.findall(path.read_text(encoding="utf-8"))
        for path in [ROOT / "app.py", *(ROOT / "pages").rglob("*.py")]
        if sql.search(path.read_text(encoding="utf-8"))
    }
    assert offenders == {}


def test_every_registered_page_exists():
    pages = re.findall(r'"(pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))
    assert len(pages) >= 10, "app.py lists its screens"
    assert [p for p in pages if not (ROOT / p).is_file()] == []
    scripts = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py") if not p.name.startswith("_")}
    assert scripts - set(pages) == set(), "a screen in pages/ that app.py never shows"


def test_the_secretarys_menu_section_holds_only_the_secretarys_pages():
    # The chair's rounds and results pages sat under "Thư ký Hội đồng" in the chair's own menu.
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    screens = [
        (call.args[0].value, call.args[3].value, ast.unparse(call.args[4]))
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Screen"
    ]
    assert len(screens) >= 10
    assert {who for _, section, who in screens if section == "secretary"} == {"SECRETARY"}
    assert {section for script, section, _ in screens if script in ("pages/rounds.py", "pages/results.py")} == {
        "meeting"
    }
    for section in {section for _, section, _ in screens}:
        assert f"nav.section.{section}" in MESSAGES["vi"] and f"nav.section.{section}" in MESSAGES["en"]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 -m pip install -r requirements.txt && python3 -m streamlit run app.py" in readme


def test_every_cli_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [
        name
        for name in commands
        if f"python -m scoring {name}" not in readme and f"python3 -m scoring {name}" not in readme
    ]
    assert missing == []


def test_runtime_database_is_git_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "data/*.db" in ignored and "data/backups/" in ignored


def test_every_text_key_used_exists_in_the_vietnamese_catalogue():
    """A missing key would show itself ("rounds.att.absent") to a user."""
    from scoring.i18n import MESSAGES

    used: dict[str, str] = {}
    for path in [ROOT / "app.py", *(ROOT / "pages").rglob("*.py"), *(ROOT / "scoring").glob("*.py")]:
        for key in re.findall(r"""\bt\(\s*["']([a-z_]+\.[A-Za-z0-9_.]*[A-Za-z0-9_])["']""", path.read_text("utf-8")):
            used.setdefault(key, path.name)
    missing = {key: where for key, where in used.items() if key not in MESSAGES["vi"]}
    assert len(used) > 300
    assert missing == {}
