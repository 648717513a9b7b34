"""What every page needs: the shared store, the signed-in member, the language.

Pages stay thin: they lay out widgets and call `scoring/`. The login lives in
SQLite (a session token, hashed at rest) and in the URL (`?s=…`), so a reload
or a laptop waking from sleep comes back signed in.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from scoring import auth, backup, exports, i18n, rounds, voting
from scoring.db import Store, default_db_path, open_store
from scoring.demo import open_with_demo
from scoring.i18n import t
from scoring.qr import guess_lan_url

TOKEN_PARAM = "s"
LANG_PARAM = "lang"


@st.cache_resource(show_spinner=False)
def _store(path: str) -> Store:
    store = open_with_demo(open_store(path))
    backup.start_periodic_snapshots(store.path)  # one daemon thread per process: snapshots while a round is open
    return store


def db_path() -> str:
    """$HOI_NGHI_DB, else `db_path` in .streamlit/secrets.toml, else data/hoi-nghi.db."""
    if os.environ.get("HOI_NGHI_DB"):
        return os.environ["HOI_NGHI_DB"]
    try:
        configured = st.secrets.get("db_path")
    except FileNotFoundError:  # no secrets.toml: the usual case
        configured = None
    return str(configured or default_db_path())


def join_url(saved: str | None = None) -> str:
    """The app's address as members' laptops reach it: the one the secretary saved,
    else this server's address on the local network (never localhost, which on a
    member's laptop would be that laptop)."""
    return saved or guess_lan_url(int(st.get_option("server.port") or 8501), path="")


def get_store() -> Store:
    """The database of this app (opened once per process, one connection per thread)."""
    return _store(db_path())


def apply_language() -> str:
    """The session's language, remembered in the URL on every page: a sidebar link
    drops `?lang=`, and a reload or a laptop waking up would come back in Vietnamese."""
    lang = st.session_state.get("lang") or st.query_params.get(LANG_PARAM) or i18n.DEFAULT_LANG
    if lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANG
    st.session_state["lang"] = lang
    shown = st.query_params.get(LANG_PARAM)
    if shown != lang and (lang != i18n.DEFAULT_LANG or shown is not None):
        st.query_params[LANG_PARAM] = lang  # page switches drop query params: put it back
    i18n.set_language(lang)
    i18n.set_language_source(_session_language)
    return lang


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def localise_streamlit_texts() -> None:
    """Streamlit writes a few texts of its own in English whatever the page's language:
    "Press Enter to apply" under a box being typed in (hidden: the pages say how a value
    is saved), and the file uploader's "Upload" and "20MB per file" (written over in the
    page's language). CSS only: if Streamlit renames these parts, its English comes back."""
    limit = int(st.get_option("server.maxUploadSize"))
    button = "[data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p"
    instructions = "[data-testid='stFileUploaderDropzoneInstructions'] span"
    st.html(
        "<style>"
        "[data-testid='InputInstructions'] { display: none; }"
        f"{button}, {instructions} {{ font-size: 0; }}"
        f"{button}::after {{ content: {_css_string(t('app.upload_button'))}; font-size: 1rem; }}"
        f"{instructions}::after {{ content: {_css_string(t('app.upload_limit', mb=limit))}; font-size: 0.875rem; }}"
        "</style>"
    )


# Texts Streamlit's browser code writes in English whatever the page's language, rewritten in the
# browser by a small script (they never reach Python): its dialog when the server stops answering
# (a restart, a laptop's Wi-Fi), "Connection error: Streamlit server is not responding. Are you
# connected to the internet?", on a meeting's LAN both foreign and wrong; the tables' toolbar, its
# tooltips and column menu; a select box's "Choose an option". Matched on Streamlit's exact English,
# so a text it rewords stays English rather than being mistranslated; text nodes are changed in
# place, which React leaves alone until it has a new text to write.
STREAMLIT_TEXTS = {
    "Show/hide columns": "app.st.show_hide_columns",
    "Download as CSV": "app.st.download_csv",
    "Search": "app.st.search",
    "Fullscreen": "app.st.fullscreen",
    "Close fullscreen": "app.st.close_fullscreen",
    "Exit fullscreen": "app.st.close_fullscreen",
    "Add row": "app.st.add_row",
    "Delete row(s)": "app.st.delete_rows",
    "Choose an option": "app.st.choose",
    "Choose options": "app.st.choose_many",
    "Sort ascending": "app.st.sort_ascending",
    "Sort descending": "app.st.sort_descending",
    "Statistics": "app.st.statistics",
    "Format": "app.st.format",
    "Autosize": "app.st.autosize",
    "Pin column": "app.st.pin_column",
    "Unpin column": "app.st.unpin_column",
    "Hide column": "app.st.hide_column",
}
STREAMLIT_TEXTS_JS = """
export default function ({ data }) {
    window.__streamlitTexts = data;
    if (window.__streamlitTextsObserver) return;
    // React owns these nodes: nothing is removed or replaced (React would fail to update them).
    // The dialog keeps its English, hidden by CSS, and shows ours; a text node gets a new value;
    // an attribute keeps its English beside it (data-st-en-*), so a change of language, or of
    // Streamlit's own value ("Fullscreen" then "Close fullscreen"), is translated again.
    const style = document.createElement("style");
    style.textContent = "[data-st-said] { font-size: 0 !important; } [data-st-said] > * { display: none; }"
        + " [data-st-said]::after { content: attr(data-st-said); font-size: 1rem; line-height: 1.6; }"
        + " h2[data-st-said]::after { font-size: 1.5rem; }";
    document.head.appendChild(style);
    const TEXT_ROOTS = '[data-testid="stTooltipContent"], [data-testid="stDataFrameColumnMenu"]';
    const said = (english) => Object.hasOwn(window.__streamlitTexts.words, english)
        ? window.__streamlitTexts.words[english] : undefined;
    const show = (el, text) => {
        if (el && el.getAttribute("data-st-said") !== text) el.setAttribute("data-st-said", text);
    };
    const rewrite = () => {
        const { dialog } = window.__streamlitTexts;
        for (const title of document.querySelectorAll('section[role="dialog"] h2')) {
            if (title.textContent.trim() !== "Connection error") continue;
            show(title, dialog.title);
            show(title.nextElementSibling, dialog.message);
        }
        for (const root of document.querySelectorAll(TEXT_ROOTS)) {
            const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let text = texts.nextNode(); text; text = texts.nextNode()) {
                const other = said(text.nodeValue.trim());
                if (other !== undefined && other !== text.nodeValue) text.nodeValue = other;
            }
        }
        for (const el of document.querySelectorAll("button[aria-label], input[placeholder]")) {
            const name = el.tagName === "INPUT" ? "placeholder" : "aria-label";
            const now = el.getAttribute(name);
            const ours = now === el.getAttribute("data-st-said-" + name);
            const english = ours ? el.getAttribute("data-st-en-" + name) : now;
            const other = said(english);
            if (other === undefined || other === now) continue;
            el.setAttribute("data-st-en-" + name, english);
            el.setAttribute("data-st-said-" + name, other);
            el.setAttribute(name, other);
        }
    };
    window.__streamlitTextsObserver = new MutationObserver(rewrite);
    window.__streamlitTextsObserver.observe(document.body, {
        childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label", "placeholder"],
    });
    rewrite();
}
"""
_streamlit_texts = st.components.v2.component("streamlit_texts", js=STREAMLIT_TEXTS_JS)


def translate_streamlit_ui() -> None:
    """Streamlit's browser-side English (see STREAMLIT_TEXTS) in the page's language; mounted in the
    sidebar, out of the page."""
    with st.sidebar:
        _streamlit_texts(
            key="streamlit_texts",
            data={
                "dialog": {"title": t("app.connection_lost"), "message": t("app.connection_lost_help")},
                "words": {english: t(key) for english, key in STREAMLIT_TEXTS.items()},
            },
        )


def _session_language() -> str | None:
    """The language of the browser tab whose script runs on this thread: a fragment's
    rerun (the projector's refresh) may start on a thread the full run never set."""
    if get_script_run_ctx(suppress_warning=True) is None:  # not a page run: a background thread
        return None
    return st.session_state.get("lang")


def session_token() -> str | None:
    token = st.session_state.get("token") or st.query_params.get(TOKEN_PARAM)
    if token and st.query_params.get(TOKEN_PARAM) != token:
        st.query_params[TOKEN_PARAM] = token  # page switches drop query params: put it back
    return token


def current_member() -> dict | None:
    """The signed-in council member of this browser tab, or None."""
    token = session_token()
    member = auth.resume(get_store(), token) if token else None
    if token and member is None:
        forget_login()
    elif member is not None:
        st.session_state["token"] = token
    return member


def remember_login(token: str) -> None:
    st.session_state["token"] = token
    st.query_params[TOKEN_PARAM] = token


def forget_login() -> None:
    st.session_state.pop("token", None)
    if TOKEN_PARAM in st.query_params:
        del st.query_params[TOKEN_PARAM]


def client_key() -> str:
    """Who is trying codes, for rate limiting: the address, else this tab."""
    if "client" not in st.session_state:
        st.session_state["client"] = secrets.token_hex(8)
    ip = getattr(st.context, "ip_address", None)
    return ip if isinstance(ip, str) and ip else st.session_state["client"]


def actor_name() -> str:
    member = current_member()
    return member["full_name"] if member else "khách"


def require_member(*roles: str) -> dict:
    """Stop the page unless a member (with one of `roles`, if given) is signed in."""
    member = current_member()
    if member is None:
        st.warning(t("err.session_expired"))
        st.page_link("pages/login.py", label=t("nav.login"), icon=":material/login:")
        st.stop()
    if roles and member["role"] not in roles:
        st.error(t("err.not_authorised"))
        st.stop()
    return member


def pick_round(choices: list[dict], key: str) -> int:
    """The round a member works on: a picker when several are open, else its name."""
    if len(choices) > 1:
        names = {r["id"]: r["name"] for r in choices}
        return st.selectbox(t("sheet.pick_round"), list(names), format_func=names.get, key=key)
    st.subheader(choices[0]["name"])
    return choices[0]["id"]


# The member's two tasks in a round and where each is done.
_TASK_PAGES = {
    "sheet": ("pages/scoring_sheet.py", "member.next.sheet_pending", "member.next.open_sheet", ":material/edit_note:"),
    "ballot": ("pages/ballot.py", "member.next.ballot_pending", "member.next.open_ballot", ":material/how_to_vote:"),
}


def no_open_round(store: Store, member_id: int, generic_key: str) -> None:
    """Nothing open for this page. If the round closed last shut this member out
    before they submitted or voted, say so (when, and that drafts did not count),
    never anything of its results; else the page's generic message."""
    missed = voting.missed_in_last_closed_round(store, member_id)
    if missed is None:
        st.info(t(generic_key))
        return
    closed, left = missed
    counted_at = rounds.counted_at(store, closed["id"])
    if left.ballot_pending and counted_at and counted_at != closed["closed_at"]:
        # Reopened after its ballots were counted: ballots stopped at that count, not at the last close.
        name, closed_at = closed["name"], exports.format_time(closed["closed_at"])
        lines = [t("member.missed.sheet", round=name, closed_at=closed_at)] if left.sheet_pending else []
        lines.append(t("member.missed.ballot_counted", round=name, counted_at=exports.format_time(counted_at)))
    else:
        what = "both" if left.sheet_pending and left.ballot_pending else "sheet" if left.sheet_pending else "ballot"
        lines = [t(f"member.missed.{what}", round=closed["name"], closed_at=exports.format_time(closed["closed_at"]))]
    if left.sheet_pending and left.drafted:
        lines.append(t("member.missed.drafts"))
    lines.append(t("member.missed.contact"))
    st.info(" ".join(lines))


def next_step(store: Store, round_id: int, member_id: int, done_here: str) -> None:
    """The task of this page (`done_here`: "sheet" or "ballot") is done or has nothing
    for the member: point to the other one if it is still to do in this round, else
    say plainly that the member's part is done."""
    left = voting.duties(store, round_id, member_id)
    other = "ballot" if done_here == "sheet" else "sheet"
    if left.ballot_pending if other == "ballot" else left.sheet_pending:
        page, text_key, label_key, icon = _TASK_PAGES[other]
        with st.container(border=True):
            st.markdown(f":material/arrow_forward: **{t(text_key)}**")
            st.page_link(page, label=t(label_key), icon=icon)
    elif left.all_done:
        both = left.to_score and left.to_vote
        st.markdown(":green[:material/task_alt:] " + t("member.next.done_both" if both else "member.next.done"))


def recusal_note(store: Store, round_id: int, member_id: int, needs: str, message_key: str) -> None:
    """Name the candidates left out of this member's sheet or ballot (`needs`: needs_scoring or
    needs_ballot), and why: a member of a nominee's unit saw 9 of 12 and was told neither which
    three were missing nor why (QA rehearsal)."""
    left_out = [c for c in rounds.member_recusals(store, round_id, member_id) if c[needs]]
    if left_out:
        names = "; ".join(
            f"{c['full_name']} ({t('recusal.' + c['why'])}{': ' + c['reason'] if c['reason'] else ''})"
            for c in left_out
        )
        st.info(t(message_key, list=names), icon=":material/do_not_disturb_on:")


def your_tasks(store: Store, member: dict) -> None:
    """On the home page, for a voting member: what is still theirs to do in each open
    round, each with a link to its page (a member who arrives by the QR code lands here)."""
    open_now = rounds.open_rounds(store)
    if not member["is_voting"] or not open_now:
        return
    with st.container(border=True):
        st.subheader(t("home.your_tasks"))
        for current in open_now:
            left = voting.duties(store, current["id"], member["id"])
            st.markdown(f"**{current['name']}**")
            pending = [task for task, todo in (("sheet", left.sheet_pending), ("ballot", left.ballot_pending)) if todo]
            for task in pending:
                page, _, label_key, icon = _TASK_PAGES[task]
                st.page_link(page, label=t(label_key), icon=icon)
            if not pending:
                st.markdown(":green[:material/task_alt:] " + t("home.tasks_done"))


def show_error(exc: Exception) -> None:
    st.error(str(exc))


_THIS_FILE = Path(__file__).name


def run_through_app_shell() -> None:
    """Every page's first call. Streamlit runs a fresh server's first sessions in
    its old "pages/ directory" mode until some script calls st.navigation: a page
    file then runs alone, without app.py deciding roles, and the sidebar lists
    every file in pages/. After a restart the hall's laptops reconnect together,
    so several sessions start that way before the first one reaches app.py: the
    test is this run's page registry (only that mode registers this file as a
    page), not the process-wide flag. Switch the process to st.navigation mode and
    rerun the same address through app.py (pages keep their file names as
    addresses, so the name resolves in both)."""
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner_utils.exceptions import RerunException
    from streamlit.runtime.scriptrunner_utils.script_requests import RerunData

    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:  # outside a session (tests, tools): nothing to rerun
        return
    manager = ctx.pages_manager
    registered = (Path(page.get("script_path") or "").name for page in manager.get_pages().values())
    if not PagesManager.uses_pages_directory and _THIS_FILE not in registered:
        return
    PagesManager.uses_pages_directory = False
    # A typed address arrives as a page name, a reconnecting tab as a page hash;
    # both are derived from the file name, so they mean the same page in both modes.
    raise RerunException(
        RerunData(
            query_string=ctx.query_string,
            page_script_hash=manager.intended_page_script_hash or "",
            page_name=manager.intended_page_name or "",
            cached_message_hashes=ctx.cached_message_hashes,
            context_info=ctx.context_info,
        )
    )
