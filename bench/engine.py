"""Engine speed of issue 3: milliseconds per 1,000 words on one core, and the lexicon's load time.

Runs `explainer explain --timings` on a sample of articles. Each run loads the lexicon (timed),
explains the article once to warm up, then times five more runs on one thread and reports the
median; this module adds up the articles' engine times and words.
"""

from __future__ import annotations

import re
import statistics
import subprocess
from pathlib import Path

TIMINGS = re.compile(r"timings: lexicon ([0-9.]+) ms; engine ([0-9.]+) ms for ([0-9]+) words")
LEXICON_LIMIT_MS = 150.0
PER_THOUSAND_LIMIT_MS = 2.0


def sample(folder: Path, count: int, patterns: tuple[str, ...] = ("*.txt",)) -> list[Path]:
    """Every k-th article of `folder` matching `patterns`, `count` at most, in name order."""
    files = sorted(path for pattern in patterns for path in folder.glob(pattern) if not path.name.endswith(".key.yml"))
    step = max(1, len(files) // count)
    return files[::step][:count]


def measure_engine(binary: str, files: list[Path], timeout: float) -> dict:
    engine_ms = 0.0
    words = 0
    lexicon: list[float] = []
    failures: list[str] = []
    for path in files:
        try:
            result = subprocess.run([binary, "explain", "--timings", "--format", "json", str(path)],
                                    capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            failures.append(f"{path.name}: timed out")
            continue
        match = TIMINGS.search(result.stderr)
        if result.returncode != 0 or not match:
            failures.append(f"{path.name}: exit {result.returncode}: {result.stderr.strip()[:200]}")
            continue
        lexicon.append(float(match.group(1)))
        engine_ms += float(match.group(2))
        words += int(match.group(3))
    report = {"articles": len(files) - len(failures), "words": words, "engine_ms": round(engine_ms, 3),
              "failures": failures}
    if words:
        report["ms_per_1000_words"] = round(engine_ms * 1000 / words, 4)
    if lexicon:
        report["lexicon_ms_median"] = round(statistics.median(lexicon), 2)
        report["lexicon_ms_max"] = round(max(lexicon), 2)
    return report


def engine_text(report: dict, what: str = "raw articles") -> str:
    if "ms_per_1000_words" not in report:
        return f"\nEngine speed (issue 3), {what}: not measured " + "; ".join(report.get("failures", [])[:3])
    lines = ["", f"Engine speed (issue 3), {report['articles']} {what}, {report['words']:,} words, "
                 "one core, median of five runs each after a warm-up:"]
    per = report["ms_per_1000_words"]
    lexicon = report["lexicon_ms_median"]
    lines.append(f"  {'met' if per <= PER_THOUSAND_LIMIT_MS else 'NOT MET':<13} engine <= {PER_THOUSAND_LIMIT_MS:g} ms "
                 f"per 1,000 words: {per:.3f} ms")
    lines.append(f"  {'met' if lexicon <= LEXICON_LIMIT_MS else 'NOT MET':<13} lexicon load <= {LEXICON_LIMIT_MS:g} ms: "
                 f"median {lexicon:.1f} ms, slowest {report['lexicon_ms_max']:.1f} ms")
    if report["failures"]:
        lines.append(f"  {len(report['failures'])} article(s) failed: {report['failures'][0]}")
    return "\n".join(lines)
