"""Plotly figures of the indicators' progress, sized and coloured to be read on a
projector, and their export as standalone HTML (plotly.js inlined: the room
may have no internet) or PNG (kaleido + Chromium, slow: on demand only)."""

from __future__ import annotations

import math
import os
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .errors import DomainError
from .i18n import current_language, t
from .indicator_progress import Progress, Status, format_number, format_percent

CHROMIUM = "/usr/bin/chromium"
FONT = "Arial, 'Liberation Sans', sans-serif"  # diacritics render in both


def font_size(present: bool) -> int:
    return 24 if present else 14


def wrap(text: str, width: int) -> str:
    """Long Vietnamese names on several lines (plotly wraps nothing itself)."""
    return "<br>".join(textwrap.wrap(text, width=width)) or text


# What these charts take from plotly's "plotly_white" template, and nothing else. The full template
# is ~7 KB of defaults for every trace type in every figure: plotly.py deep-copies it for each
# figure (about half of building the page's figures) and plotly.js reads it again for each chart.
_AXIS = {
    "gridcolor": "#EBF0F8",
    "linecolor": "#EBF0F8",
    "zerolinecolor": "#EBF0F8",
    "zerolinewidth": 2,
    "ticks": "",
    "automargin": True,
    "title": {"standoff": 15},
}
LIGHT_TEMPLATE = go.layout.Template(
    layout={
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "hovermode": "closest",
        "hoverlabel": {"align": "left"},
    },
    data={"heatmap": [{"colorbar": {"outlinewidth": 0, "ticks": ""}}]},
)


def _subplots(**kwargs: object) -> go.Figure:
    """`make_subplots` on the light template (it would start from plotly's default one)."""
    return make_subplots(figure=go.Figure(layout={"template": LIGHT_TEMPLATE}), **kwargs)


def style(fig: go.Figure, present: bool, height: int) -> go.Figure:
    size = font_size(present)
    fig.update_layout(
        template=LIGHT_TEMPLATE,
        font={"family": FONT, "size": size, "color": "#222"},
        height=height,
        margin={"l": 20, "r": 20, "t": 40 if present else 30, "b": 20},
        separators=",." if current_language() == "vi" else ".,",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "font": {"size": size}},
    )
    return fig


# -- gauges: one per indicator, in a grid --------------------------------------------
def gauge_figure(items: Sequence[tuple[Mapping, Progress]], present: bool = False) -> go.Figure:
    """Each indicator's % achieved on a 0-100 gauge coloured by status; the number
    is the raw % (it may pass 100), the threshold marks where the straight path
    from baseline to target says we should be by the latest year."""
    # At most three gauges a row on a laptop: with four, each gauge is so small that
    # its percentage runs over the arc.
    columns = max(1, min(len(items), 2 if present else 3))
    rows = math.ceil(len(items) / columns) or 1
    fig = _subplots(
        rows=rows,
        cols=columns,
        specs=[[{"type": "indicator"}] * columns for _ in range(rows)],
        vertical_spacing=0.18 if rows > 1 else 0.1,
        horizontal_spacing=0.08,
    )
    size = font_size(present)
    width = 30 if present else 26
    for n, (indicator, prog) in enumerate(items):
        no_data = prog.status is Status.NO_DATA
        subtitle = _gauge_subtitle(indicator, prog)
        fig.add_trace(
            go.Indicator(
                mode="gauge" if no_data else "number+gauge",
                value=0 if no_data else prog.percent,
                number={"suffix": " %", "valueformat": ".1f", "font": {"size": size * 2, "color": prog.status.colour}},
                title={
                    "text": f"<b>{wrap(indicator['name'], width)}</b><br>"
                    f"<span style='font-size:{int(size * 0.8)}px;color:#555'>{subtitle}</span>",
                    "font": {"size": size},
                },
                gauge={
                    "axis": {"range": [0, 100], "ticksuffix": "%", "tickfont": {"size": int(size * 0.75)}},
                    "bar": {"color": prog.status.colour, "thickness": 0.6},
                    "bgcolor": "#f2f2f2",
                    "threshold": {
                        "line": {"color": "#222", "width": 4},
                        "thickness": 0.85,
                        "value": prog.expected_percent if prog.expected_percent is not None else 0,
                    },
                },
            ),
            row=n // columns + 1,
            col=n % columns + 1,
        )
    per_row = 420 if present else 330
    fig = style(fig, present, height=per_row * rows + 60)
    # Gauge titles sit above their domain: room for three lines of name and a subtitle.
    fig.update_layout(margin={"t": 140 if present else 100, "l": 50, "r": 50})
    return fig


def _gauge_subtitle(indicator: Mapping, prog: Progress) -> str:
    if prog.status is Status.NO_DATA:
        return prog.status.label
    unit = indicator.get("unit_of_measure") or ""
    return t(
        "ind.chart.gauge_subtitle",
        latest=format_number(prog.latest),
        unit=unit,
        year=prog.latest_year,
        target=format_number(prog.target),
        target_year=prog.target_year,
        status=prog.status.label,
    )


# -- trend: small multiples, one panel per indicator ---------------------------------------
def year_ticks(start: int, *, wide: bool) -> list[int]:
    """The x-axis years of a trend panel: the baseline year, 2025 and 2030 always.
    A full-width panel labels every year of the period; a panel sharing its row has
    about 20 px per year, so its labels are at least two years apart (yearly ones run
    into each other: "20202021…")."""
    if wide:
        return [*range(start, 2026), 2030]
    between = range(start + 2, 2024, 2)
    return sorted({start, *between, 2025, 2030})


def trend_figure(
    indicators: Sequence[Mapping],
    series: Mapping[int, Mapping[int, float]],
    present: bool = False,
    as_of: int | None = None,
) -> go.Figure:
    """Yearly values (one panel per indicator, its own scale) with the 2025 target
    as a dashed line over the period and the 2030 target as a dotted line to 2030.
    `series` maps indicator id -> {year: value}."""
    columns = max(1, min(len(indicators), 2 if present else 3))
    rows = math.ceil(len(indicators) / columns) or 1
    width = 40 if present else 45
    fig = _subplots(
        rows=rows,
        cols=columns,
        subplot_titles=[wrap(f"{i['name']} ({i.get('unit_of_measure') or ''})", width) for i in indicators],
        vertical_spacing=0.22 if rows > 1 else 0.1,
        horizontal_spacing=0.08,
    )
    size = font_size(present)
    for n, ind in enumerate(indicators):
        row, col = n // columns + 1, n % columns + 1
        points = sorted((y, val) for y, val in series.get(ind["id"], {}).items() if as_of is None or y <= as_of)
        start = int(ind.get("baseline_year") or 2020)
        first = n == 0
        fig.add_trace(
            go.Scatter(
                x=[y for y, _ in points],
                y=[val for _, val in points],
                mode="lines+markers+text",
                text=[format_number(val) for _, val in points],
                textposition="top center",
                textfont={"size": int(size * 0.75)},
                name=t("ind.chart.actual"),
                legendgroup="actual",
                showlegend=first,
                line={"color": "#0072B2", "width": 4 if present else 3},
                marker={"size": 12 if present else 9},
            ),
            row=row,
            col=col,
        )
        if ind.get("target_2025") is not None:
            fig.add_trace(
                go.Scatter(
                    x=[start, 2025],
                    y=[ind["target_2025"]] * 2,
                    mode="lines",
                    name=t("ind.chart.target", year=2025),
                    legendgroup="t2025",
                    showlegend=first,
                    line={"color": "#D55E00", "dash": "dash", "width": 3},
                ),
                row=row,
                col=col,
            )
        if ind.get("target_2030") is not None:
            start_2030 = ind["target_2030"] if ind.get("target_2025") is None else ind["target_2025"]
            fig.add_trace(
                go.Scatter(
                    x=[2025, 2030],
                    y=[start_2030, ind["target_2030"]],
                    mode="lines+markers",
                    name=t("ind.chart.target", year=2030),
                    legendgroup="t2030",
                    showlegend=first,
                    line={"color": "#CC79A7", "dash": "dot", "width": 3},
                    marker={"symbol": ["circle-open", "star"], "size": [1, 16 if present else 12]},
                ),
                row=row,
                col=col,
            )
        fig.update_xaxes(
            range=[start - 0.5, 2030.5], tickvals=year_ticks(start, wide=columns == 1), tickangle=0, row=row, col=col
        )
    fig.update_annotations(font_size=int(size * 0.9))
    per_row = 420 if present else 320
    fig = style(fig, present, height=per_row * rows + 80)
    # The legend under the panels: above them it would cover the first row's titles.
    fig.update_layout(
        legend={"yref": "container", "y": 0, "yanchor": "bottom"}, margin={"b": 70 if present else 55, "t": 70}
    )
    return fig


# -- units compared on one indicator ---------------------------------------------------
def unit_bar_figure(
    indicator: Mapping,
    comparisons: Sequence[tuple[Mapping, Progress]],
    school: Progress | None = None,
    highlight_unit_id: int | None = None,
    present: bool = False,
) -> go.Figure:
    """The latest value of each unit with data, coloured by status, the year
    shown when it is not the latest; target 2025 (dashed) and 2030 (dotted)."""
    shown = [(u, p) for u, p in comparisons if p.latest is not None]
    size = font_size(present)
    latest_year = max((p.latest_year for _, p in shown), default=None)
    labels = [u.get("short_name") or u["name"] for u, _ in shown]
    texts = []
    for _, p in shown:
        text = format_number(p.latest)
        if p.latest_year != latest_year:
            text += f" ({p.latest_year})"
        texts.append(text)
    fig = go.Figure(
        layout={"template": LIGHT_TEMPLATE},
        data=go.Bar(
            x=labels,
            y=[p.latest for _, p in shown],
            text=texts,
            textposition="inside",
            insidetextanchor="end",
            textfont={"size": size, "color": "white"},
            marker={
                "color": [p.status.colour for _, p in shown],
                "line": {
                    "color": ["#000" if u["id"] == highlight_unit_id else "rgba(0,0,0,0)" for u, _ in shown],
                    "width": 4,
                },
            },
            hovertext=[f"{u['name']}: {p.status.label}" for u, p in shown],
            showlegend=False,
        ),
    )
    for year, dash, colour in ((2025, "dash", "#D55E00"), (2030, "dot", "#CC79A7")):
        target = indicator.get(f"target_{year}")
        if target is not None:
            fig.add_hline(
                y=target,
                layer="below",
                line={"dash": dash, "color": colour, "width": 3},
                annotation_text=t("ind.chart.target_value", year=year, value=format_number(target)),
                annotation_position="top left" if year == 2025 else "top right",
                annotation_font_size=int(size * 0.85),
                annotation_bgcolor="rgba(255,255,255,0.85)",
            )
    if school is not None and school.latest is not None:
        fig.add_hline(
            y=school.latest,
            layer="below",
            line={"color": "#0072B2", "width": 2},
            annotation_text=t("ind.chart.school_value", value=format_number(school.latest)),
            annotation_position="bottom left",
            annotation_font_size=int(size * 0.85),
            annotation_bgcolor="rgba(255,255,255,0.85)",
        )
    values = [p.latest for _, p in shown] + [indicator.get("target_2025") or 0, indicator.get("target_2030") or 0]
    top = max(values, default=1) or 1
    fig.update_yaxes(range=[0, top * 1.18], title_text=indicator.get("unit_of_measure") or "")
    fig.update_layout(title={"text": wrap(indicator["name"], 70 if present else 90), "font": {"size": size + 2}})
    fig = style(fig, present, height=520 if present else 420)
    fig.update_layout(margin={"t": 90 if present else 70})
    return fig


# -- heatmap: units × indicators, % of target -------------------------------------------------
HEAT_SCALE = [[0.0, "#D55E00"], [0.5, "#F7F7F7"], [1.0, "#0072B2"]]


def heatmap_figure(
    unit_labels: Sequence[str],
    indicator_names: Sequence[str],
    rows: Sequence[Sequence[float | None]],
    present: bool = False,
) -> go.Figure:
    """% achieved per indicator (rows) and unit (columns): colour clamped to
    0-100 %, the cell text the raw figure, "—" where a unit has no value."""
    size = font_size(present)
    z = [
        [None if rows[u][i] is None else max(0.0, min(100.0, rows[u][i])) for u in range(len(unit_labels))]
        for i in range(len(indicator_names))
    ]
    text = [[format_percent(rows[u][i]) for u in range(len(unit_labels))] for i in range(len(indicator_names))]
    fig = go.Figure(
        layout={"template": LIGHT_TEMPLATE},
        data=go.Heatmap(
            z=z,
            x=list(unit_labels),
            y=[wrap(name, 30) for name in indicator_names],
            text=text,
            texttemplate="%{text}",
            textfont={"size": int(size * 0.9)},
            colorscale=HEAT_SCALE,
            zmin=0,
            zmax=100,
            xgap=3,
            ygap=3,
            colorbar={"ticksuffix": " %", "title": {"text": t("ind.chart.percent_axis")}},
            hoverongaps=False,
        ),
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(side="top")
    per_row = 110 if present else 80
    return style(fig, present, height=max(300, per_row * len(indicator_names) + 120))


# -- export --------------------------------------------------------------------------------------
def to_html(fig: go.Figure, title: str = "") -> bytes:
    """A standalone page that opens without internet (plotly.js inlined, ~4 MB)."""
    html = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    if title:
        html = html.replace("<head>", f"<head><meta charset='utf-8'><title>{_escape(title)}</title>", 1)
    return html.encode("utf-8")


def to_png(fig: go.Figure, width: int = 1600) -> bytes:
    """A PNG through kaleido and the system Chromium (a few seconds)."""
    if Path(CHROMIUM).exists():
        os.environ.setdefault("BROWSER_PATH", CHROMIUM)
    height = int(fig.layout.height or 600)
    try:
        return fig.to_image(format="png", width=width, height=height, scale=1)
    except Exception as exc:  # kaleido raises many kinds (no browser, timeout…): one message for users
        raise DomainError("ind.err.png_failed", detail=str(exc)[:200]) from exc


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
}
