"""Ratios, the issue's targets and the printed table, from the measurements of every size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from measure import Measurement

# The rows of the table, in order: measurement key and label prefix.
ROWS = ["floor", "hugo-equivalent", "hugo-minimal", "full", "noop", "edit", "raw"]


@dataclass
class SizeResult:
    size: int
    corpus: dict
    measurements: dict  # key -> Measurement
    primary_hugo: str   # key of the Hugo measurement the ratios use

    def get(self, key: str) -> Optional[Measurement]:
        measurement = self.measurements.get(key)
        return measurement if measurement is not None and measurement.ok else None

    def ratios(self) -> dict:
        result: dict = {}
        full, hugo, floor = self.get("full"), self.get(self.primary_hugo), self.get("floor")
        if full and hugo:
            result["full_wall_vs_hugo"] = full.median("wall") / hugo.median("wall")
            result["full_cpu_vs_hugo"] = full.median("cpu") / hugo.median("cpu")
            result["full_rss_vs_hugo"] = full.median("max_rss_kb") / hugo.median("max_rss_kb")
        if full and floor:
            result["full_wall_vs_floor"] = full.median("wall") / floor.median("wall")
            result["full_cpu_vs_floor"] = full.median("cpu") / floor.median("cpu")
        if hugo and floor:
            result["hugo_wall_vs_floor"] = hugo.median("wall") / floor.median("wall")
        noop, edit = self.get("noop"), self.get("edit")
        if full and noop:
            result["noop_vs_full"] = noop.median("wall") / full.median("wall")
        if full and edit:
            result["edit_vs_full"] = edit.median("wall") / full.median("wall")
        raw = self.get("raw")
        if raw:
            result["raw_articles_per_s"] = self.size / raw.median("wall")
        return {key: round(value, 4) for key, value in result.items()}


@dataclass
class Target:
    name: str
    limit: str
    value: Optional[float]
    shown: str
    met: Optional[bool]
    note: str = ""

    def as_dict(self) -> dict:
        return {"target": self.name, "limit": self.limit, "value": self.value, "shown": self.shown,
                "met": self.met, "note": self.note}


def targets(results: list[SizeResult]) -> list[Target]:
    """The targets of issue 6, checked on the largest size (the issue states them for 10,000)."""
    if not results:
        return []
    largest = max(results, key=lambda result: result.size)
    smallest = min(results, key=lambda result: result.size)
    ratios = largest.ratios()
    at = f"N={largest.size:,}"
    found: list[Target] = []

    def add(name: str, limit: str, key: str, check, shown) -> None:
        value = ratios.get(key)
        if value is None:
            found.append(Target(name, limit, None, "not measured", None, at))
        else:
            found.append(Target(name, limit, value, shown(value), check(value), at))

    add("full build wall time vs Hugo", "<= 1/3", "full_wall_vs_hugo", lambda v: v <= 1 / 3,
        lambda v: f"{v:.3f}x Hugo (Hugo/ours = {1 / v:.2f})")
    add("full build peak memory vs Hugo", "<= 1/5", "full_rss_vs_hugo", lambda v: v <= 1 / 5,
        lambda v: f"{v:.3f}x Hugo (Hugo/ours = {1 / v:.2f})")
    if largest.size == smallest.size:
        found.append(Target("linear growth", "largest <= 1.1 x size ratio x smallest", None,
                            "needs two sizes", None))
    else:
        big, small = largest.get("full"), smallest.get("full")
        factor = largest.size / smallest.size
        limit = 1.1 * factor
        if big and small:
            value = big.median("wall") / small.median("wall")
            found.append(Target("linear growth (full build wall)", f"<= {limit:g}x",
                                round(value, 4), f"{value:.2f}x for {factor:g}x the articles",
                                value <= limit, f"N={smallest.size:,} -> N={largest.size:,}"))
        else:
            found.append(Target("linear growth (full build wall)", f"<= {limit:g}x", None, "not measured", None))
    add("no-op rebuild vs full build", "<= 5%", "noop_vs_full", lambda v: v <= 0.05, lambda v: f"{v * 100:.1f}%")
    edit = largest.get("edit")
    if edit:
        wall = edit.median("wall")
        found.append(Target("rebuild after one edit", "<= 300 ms", round(wall, 4), f"{wall * 1000:.0f} ms",
                            wall <= 0.300, at))
    else:
        found.append(Target("rebuild after one edit", "<= 300 ms", None, "not measured", None, at))
    add("raw articles through the engine", ">= 500/s", "raw_articles_per_s", lambda v: v >= 500,
        lambda v: f"{v:,.0f} articles/s")
    return found


def _mb(kb: float) -> str:
    return f"{kb / 1024:.1f}"


def _ratio(value: Optional[float]) -> str:
    return "" if value is None else f"{value:.3f}x"


def table(results: list[SizeResult], runs: int, hugo_version: str) -> str:
    lines: list[str] = []
    header = f"{'step':<38} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'wall/Hugo':>10} {'CPU/Hugo':>9} {'mem/Hugo':>9} {'wall/floor':>10}  notes"
    for result in sorted(results, key=lambda r: r.size):
        corpus = result.corpus
        explainers, raw = corpus.get("explainers", {}), corpus.get("raw", {})
        lines.append("")
        lines.append(f"N = {result.size:,}: explainers {explainers.get('bytes', 0) / 1e6:.1f} MB "
                     f"({explainers.get('words', 0):,} words), raw {raw.get('bytes', 0) / 1e6:.1f} MB "
                     f"({raw.get('words', 0):,} words); {runs} run(s) each, medians")

        lines.append(header)
        lines.append("-" * len(header))
        ratios = result.ratios()
        hugo = result.get(result.primary_hugo)
        floor = result.get("floor")
        full = result.get("full")
        for key in ROWS:
            measurement = result.measurements.get(key)
            if measurement is None:
                continue
            label = measurement.label
            if not measurement.ok:
                lines.append(f"{label:<38} {'FAILED':>8}  {(measurement.error or '')[:100]}")
                continue
            wall, cpu, rss = measurement.median("wall"), measurement.median("cpu"), measurement.median("max_rss_kb")
            vs_hugo = vs_hugo_cpu = vs_hugo_mem = vs_floor = None
            if key in ("full", "noop", "edit", "raw", "hugo-minimal", "hugo-equivalent") and hugo and key != result.primary_hugo:
                vs_hugo, vs_hugo_mem = wall / hugo.median("wall"), rss / hugo.median("max_rss_kb")
                vs_hugo_cpu = cpu / hugo.median("cpu")
            if key != "floor" and floor:
                vs_floor = wall / floor.median("wall")
            notes = []
            pages = measurement.notes.get("output", {}).get("html_pages")
            if pages is not None:
                notes.append(f"{pages:,} HTML / {measurement.notes['output']['files']:,} files")
            if key in ("noop", "edit") and full:
                notes.append(f"{wall / full.median('wall') * 100:.1f}% of full")
            if key == "edit" and "edit_visible" in measurement.notes:
                notes.append("edit in page" if measurement.notes["edit_visible"] else "EDIT NOT IN PAGE")
            if key == "raw" and "raw_articles_per_s" in ratios:
                notes.append(f"{ratios['raw_articles_per_s']:,.0f} articles/s")
            others = measurement.median("other_cores")
            if others is not None and others >= 0.2:
                notes.append(f"other processes busy: {others:.1f} cores")
            lines.append(f"{label:<38} {wall:>8.3f} {cpu:>8.3f} {_mb(rss):>8} {_ratio(vs_hugo):>10} "
                         f"{_ratio(vs_hugo_cpu):>9} {_ratio(vs_hugo_mem):>9} {_ratio(vs_floor):>10}  {'; '.join(notes)}")
    return "\n".join(lines)


def targets_text(found: list[Target]) -> str:
    lines = ["", "Targets of issue 6 (the issue states them for N=10,000):"]
    for target in found:
        status = {True: "met", False: "NOT MET", None: "not evaluated"}[target.met]
        note = f"  [{target.note}]" if target.note else ""
        lines.append(f"  {status:<13} {target.name} {target.limit}: {target.shown}{note}")
    return "\n".join(lines)
