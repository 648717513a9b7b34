"""Progress of movement indicators toward their targets: pure arithmetic, no I/O.

The rules, as the summary report states them:

* **% achieved** is the share of the way from the baseline to the target that
  the latest value has covered: ``(latest - baseline) / (target - baseline) × 100``.
  The same formula serves both directions (for "lower is better" both the
  numerator and the denominator are negative when things improve). The raw
  figure is reported as is (125 % when the target is passed, negative when the
  value went the wrong way); gauges draw it clamped to 0-100 %.
* **A target that asks for no change** (target equal to the baseline, or a
  target on the wrong side of it, e.g. "keep at least 90 %" from a baseline of
  95 %) has no way to cover: it is met (100 %) when the latest value is at or
  beyond the target in the indicator's direction, and not met (0 %) otherwise.
  No division by zero.
* **Missing years** are skipped: the latest value is the one of the most
  recent year up to the year looked at, and the report shows that year.
* **Status**: *achieved* when the latest value meets the target; *on track*
  when it is at or ahead of the straight line from (baseline year, baseline)
  to (target year, target) at the latest value's year, i.e. % achieved ≥
  elapsed share of the period; *behind* otherwise; *no data* when there is no
  value (or no baseline or target to measure against).
* **Per unit**, the baseline is the unit's own value of the baseline year when
  recorded, else the school's; units are held to the school's targets (so a
  unit comparison only makes sense for rates such as %, hours per person).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from .i18n import current_language, t
from .validation import is_missing

TARGET_YEARS = (2025, 2030)


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return t(f"ind.status.{self.value}")

    @property
    def colour(self) -> str:
        return STATUS_COLOURS[self]


# Colour-blind-safe (Okabe-Ito), readable on a washed-out projector.
STATUS_COLOURS = {
    Status.ACHIEVED: "#009E73",
    Status.ON_TRACK: "#0072B2",
    Status.BEHIND: "#D55E00",
    Status.NO_DATA: "#999999",
}


@dataclass(frozen=True)
class Progress:
    """Where one indicator (for the school or one unit) stands against one target."""

    baseline: float | None
    baseline_year: int
    target: float | None
    target_year: int
    latest: float | None
    latest_year: int | None
    percent: float | None  # raw: may exceed 100 or be negative
    expected_percent: float | None  # where the straight line says we should be
    status: Status

    @property
    def gauge_percent(self) -> float | None:
        """The percent a gauge can draw: clamped to 0-100."""
        return None if self.percent is None else clamp(self.percent)


def clamp(value: float, low: float = 0.0, high: float = 100.0) -> float:
    return max(low, min(high, value))


def meets(value: float, target: float, direction: str) -> bool:
    """The value is at or beyond the target in the indicator's direction."""
    return value <= target if direction == "lower" else value >= target


def has_gap(baseline: float, target: float, direction: str) -> bool:
    """True when the target asks for an improvement over the baseline."""
    return target < baseline if direction == "lower" else target > baseline


def percent_achieved(baseline: float | None, target: float | None, value: float | None, direction: str) -> float | None:
    """% of the way from baseline to target covered by `value` (raw, uncapped);
    None when any of the three is missing. See the module docstring for targets
    that ask for no change."""
    if baseline is None or target is None or value is None:
        return None
    if not has_gap(baseline, target, direction):
        return 100.0 if meets(value, target, direction) else 0.0
    return (value - baseline) / (target - baseline) * 100.0


def expected_percent(baseline_year: int, target_year: int, year: int) -> float:
    """Share of the period elapsed at `year`, in %, on the straight path (0-100)."""
    if target_year <= baseline_year:
        return 100.0
    return clamp((year - baseline_year) / (target_year - baseline_year) * 100.0)


def latest(series: Mapping[int, float], up_to: int | None = None) -> tuple[int, float] | None:
    """(year, value) of the most recent year with a value, up to `up_to` included."""
    years = [y for y in series if up_to is None or y <= up_to]
    if not years:
        return None
    year = max(years)
    return year, series[year]


def status_of(percent: float | None, expected: float | None, met: bool) -> Status:
    if percent is None:
        return Status.NO_DATA
    if met:
        return Status.ACHIEVED
    if expected is not None and percent >= expected:
        return Status.ON_TRACK
    return Status.BEHIND


def target_of(indicator: Mapping, target_year: int) -> float | None:
    return indicator.get(f"target_{target_year}")


def progress(
    indicator: Mapping,
    series: Mapping[int, float],
    target_year: int = 2025,
    as_of: int | None = None,
    baseline: float | None = None,
) -> Progress:
    """Progress of one series (year -> value) of `indicator` toward its target of
    `target_year`, looking at values up to `as_of`. `baseline` overrides the
    indicator's (a unit's own baseline-year value)."""
    direction = indicator.get("direction") or "higher"
    baseline_year = int(indicator.get("baseline_year") or 2020)
    base = baseline if baseline is not None else indicator.get("baseline")
    if base is None and baseline_year in series:
        base = series[baseline_year]  # no baseline typed in: the baseline year's value is one
    target = target_of(indicator, target_year)
    found = latest(series, as_of)
    year, value = found if found else (None, None)
    percent = percent_achieved(base, target, value, direction)
    expected = expected_percent(baseline_year, target_year, year) if year is not None else None
    met = percent is not None and meets(value, target, direction)
    return Progress(
        baseline=base,
        baseline_year=baseline_year,
        target=target,
        target_year=target_year,
        latest=value,
        latest_year=year,
        percent=percent,
        expected_percent=expected,
        status=status_of(percent, expected, met),
    )


# -- series from stored rows --------------------------------------------------
def series_by_scope(values: Iterable[Mapping]) -> dict[tuple[int, int | None], dict[int, float]]:
    """{(indicator_id, unit_id or None): {year: value}} from indicator_values rows."""
    out: dict[tuple[int, int | None], dict[int, float]] = {}
    for row in values:
        out.setdefault((row["indicator_id"], row["unit_id"]), {})[int(row["year"])] = float(row["value"])
    return out


def progress_for(
    indicator: Mapping,
    series: Mapping[tuple[int, int | None], Mapping[int, float]],
    unit_id: int | None = None,
    target_year: int = 2025,
    as_of: int | None = None,
) -> Progress:
    """Progress for the school (unit_id None) or one unit; a unit's baseline is its
    own baseline-year value when recorded, else the school's."""
    own = series.get((indicator["id"], unit_id), {})
    baseline = None
    if unit_id is not None:
        baseline = own.get(int(indicator.get("baseline_year") or 2020))
    return progress(indicator, own, target_year, as_of, baseline)


def has_unit_values(indicator_id: int, series: Mapping[tuple[int, int | None], Mapping[int, float]]) -> bool:
    return any(i == indicator_id and u is not None and s for (i, u), s in series.items())


def unit_comparison(
    indicator: Mapping,
    units: Iterable[Mapping],
    series: Mapping[tuple[int, int | None], Mapping[int, float]],
    target_year: int = 2025,
    as_of: int | None = None,
) -> list[tuple[Mapping, Progress]]:
    """Each unit with its progress on one indicator, in the units' order."""
    return [(u, progress_for(indicator, series, u["id"], target_year, as_of)) for u in units]


def unit_matrix(
    indicators: Iterable[Mapping],
    units: Iterable[Mapping],
    series: Mapping[tuple[int, int | None], Mapping[int, float]],
    target_year: int = 2025,
    as_of: int | None = None,
) -> tuple[list[str], list[str], list[list[float | None]]]:
    """(unit labels, indicator names, rows of raw % achieved) for the indicators
    tracked per unit; None where a unit has no value."""
    tracked = [i for i in indicators if has_unit_values(i["id"], series)]
    units = list(units)
    rows = [[progress_for(ind, series, u["id"], target_year, as_of).percent for ind in tracked] for u in units]
    return [u.get("short_name") or u["name"] for u in units], [i["name"] for i in tracked], rows


# -- the summary table ----------------------------------------------------------
SUMMARY_COLUMNS = (
    "movement",
    "indicator",
    "unit_of_measure",
    "baseline",
    "baseline_year",
    "latest",
    "latest_year",
    "target_2025",
    "target_2030",
    "percent_2025",
    "percent_2030",
    "status",
)


def summary_rows(
    indicators: Iterable[Mapping],
    series: Mapping[tuple[int, int | None], Mapping[int, float]],
    unit_id: int | None = None,
    as_of: int | None = None,
    status_target: int = 2025,
) -> list[dict]:
    """One row per indicator: baseline (with its year), latest (with its year),
    both targets, % achieved toward each (raw, 1 decimal) and the status toward
    `status_target`. Keys are SUMMARY_COLUMNS; numbers stay numbers."""
    rows = []
    for ind in indicators:
        by_target = {y: progress_for(ind, series, unit_id, y, as_of) for y in TARGET_YEARS}
        main = by_target[status_target]
        rows.append(
            {
                "movement": ind.get("movement_short") or ind.get("movement", ""),
                "indicator": ind["name"],
                "unit_of_measure": ind.get("unit_of_measure", ""),
                "baseline": main.baseline,
                "baseline_year": main.baseline_year,
                "latest": main.latest,
                "latest_year": main.latest_year,
                "target_2025": ind.get("target_2025"),
                "target_2030": ind.get("target_2030"),
                "percent_2025": _round(by_target[2025].percent),
                "percent_2030": _round(by_target[2030].percent),
                "status": main.status,
            }
        )
    return rows


def summary_headers() -> dict[str, str]:
    """Column key -> header in the current language."""
    return {key: t(f"ind.col.{key}") for key in SUMMARY_COLUMNS}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def format_number(value: float | None, decimals: int = 1) -> str:
    """A number as users read it: no trailing zeros, decimal comma in Vietnamese."""
    if is_missing(value):
        return "—"
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if current_language() == "vi":
        text = text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    return text


def format_percent(value: float | None) -> str:
    return "—" if value is None else f"{format_number(value, 1)} %"
