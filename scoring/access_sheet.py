"""The printable access sheet: one card per council member with their name,
role, personal access code and a QR code that opens the app's login page with
the code filled in. Standalone HTML (inline SVG, no external resource), A4.

Codes are stored only as hashes, so this sheet can only be made right after
the codes are (re)generated; it is handed out on paper and not kept.
"""

from __future__ import annotations

import html
from urllib.parse import quote, urlsplit

from .errors import ValidationError
from .i18n import t
from .model import Role
from .qr import qr_svg

DEFAULT_JOIN_URL = "http://localhost:8501"


def clean_join_url(value: str | None) -> str:
    """The app's address as members' laptops reach it: http(s)://host[:port][/path], no trailing slash."""
    raw = (value or "").strip() or DEFAULT_JOIN_URL
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ValidationError("err.bad_join_url", field="join_url", value=raw)
    base = raw.rstrip("/")
    # A pasted member link ("…/login") names the same app: links add /login themselves.
    return base[: -len("/login")] if base.endswith("/login") else base


def login_link(join_url: str, code: str) -> str:
    return f"{clean_join_url(join_url)}/login?code={quote(code, safe='')}"


_CSS = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, serif; margin: 0; color: #000; }
header { text-align: center; margin-bottom: 6mm; }
header h1 { font-size: 15pt; margin: 0 0 2mm; text-transform: uppercase; }
header p { font-size: 11pt; margin: 0; }
.cards { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; }
.card { border: 1px dashed #444; padding: 4mm; display: flex; gap: 4mm; align-items: center;
        break-inside: avoid; page-break-inside: avoid; min-height: 58mm; }
.card svg { width: 40mm; height: 40mm; flex: none; }
.who { font-size: 12pt; line-height: 1.35; }
.name { font-weight: bold; font-size: 13pt; }
.code { font-family: "Courier New", monospace; font-size: 15pt; font-weight: bold; letter-spacing: 1px;
        border: 1px solid #000; padding: 1mm 2mm; display: inline-block; margin: 2mm 0; }
.link { font-size: 8.5pt; word-break: break-all; color: #333; }
.note { font-size: 10pt; margin-top: 6mm; }
@media print { .noprint { display: none; } }
"""


SHEET_LANG = "vi"


def build_html(conference_name: str, join_url: str, cards: list[dict]) -> str:
    """`cards`: [{"full_name", "role", "position", "code"}] in print order. In Vietnamese
    whatever the secretary's screen language: the cards are handed to the members."""
    base = clean_join_url(join_url)
    items = []
    for card in cards:
        link = login_link(base, card["code"])
        role = t(f"role.{Role(card['role']).value}", SHEET_LANG) if card.get("role") else ""
        position = html.escape(card.get("position") or "")
        items.append(
            '<div class="card">'
            f"{qr_svg(link, scale=4)}"
            '<div class="who">'
            f'<div class="name">{html.escape(card["full_name"])}</div>'
            f"<div>{html.escape(role)}{' · ' + position if position else ''}</div>"
            f"<div>{html.escape(t('codes.sheet_code', SHEET_LANG))}:</div>"
            f'<div class="code">{html.escape(card["code"])}</div>'
            f'<div class="link">{html.escape(link)}</div>'
            "</div></div>"
        )
    title = html.escape(t("codes.sheet_title", SHEET_LANG))
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{title}</h1><p>{html.escape(conference_name)}</p></header>"
        f'<div class="cards">{"".join(items)}</div>'
        f'<p class="note">{html.escape(t("codes.sheet_note", SHEET_LANG, url=base + "/login"))}</p>'
        "</body></html>\n"
    )
