"""Timing one command: wall time, CPU time (user + system) and peak resident memory.

The child is started with `subprocess.Popen` and reaped with `os.wait4`, which hands back the
kernel's resource usage for it (and for any of its own children it waited for): `ru_utime`,
`ru_stime` and `ru_maxrss` (kibibytes on Linux) — the same figures GNU `time -f "%U %S %M"` prints,
with a wall clock from `time.perf_counter` that is finer than `time`'s 10 ms.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional


@dataclass
class Sample:
    """One run of one command."""

    wall: float
    user: float
    sys: float
    max_rss_kb: int

    @property
    def cpu(self) -> float:
        return self.user + self.sys

    def as_dict(self) -> dict:
        return {"wall_s": round(self.wall, 4), "user_s": round(self.user, 4), "sys_s": round(self.sys, 4),
                "cpu_s": round(self.cpu, 4), "max_rss_kb": self.max_rss_kb}


class CommandFailed(Exception):
    """A measured command exited non-zero or was killed; carries the end of its log."""

    def __init__(self, argv: list[str], status: str, log_tail: str):
        super().__init__(f"{' '.join(argv)}: {status}")
        self.argv = argv
        self.status = status
        self.log_tail = log_tail


def run_once(argv: list[str], log_path: Path, stdout_path: Optional[Path] = None,
             env: Optional[dict] = None, cwd: Optional[Path] = None) -> Sample:
    """Runs `argv` to completion and returns its sample; raises `CommandFailed` on failure.

    Standard error (and standard output unless `stdout_path` is given) goes to `log_path`.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "wb") as log:
        out = open(stdout_path, "wb") if stdout_path else log
        try:
            started = time.perf_counter()
            process = subprocess.Popen(argv, stdout=out, stderr=log, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout_path:
                out.close()
    if process.returncode != 0:
        code = process.returncode
        reason = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        raise CommandFailed(argv, reason, tail(log_path))
    return Sample(wall=wall, user=usage.ru_utime, sys=usage.ru_stime, max_rss_kb=usage.ru_maxrss)


def tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


@dataclass
class Measurement:
    """Several runs of one step, their medians, and what went wrong if a run failed."""

    key: str
    label: str
    command: list[str]
    samples: list[Sample] = field(default_factory=list)
    error: Optional[str] = None
    notes: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.error is None and bool(self.samples)

    def median(self, attribute: str) -> Optional[float]:
        if not self.samples:
            return None
        return statistics.median(getattr(sample, attribute) for sample in self.samples)

    def as_dict(self) -> dict:
        result = {"label": self.label, "command": self.command, "runs": [s.as_dict() for s in self.samples]}
        if self.samples:
            result["median"] = {"wall_s": round(self.median("wall"), 4), "user_s": round(self.median("user"), 4),
                                "sys_s": round(self.median("sys"), 4), "cpu_s": round(self.median("cpu"), 4),
                                "max_rss_kb": int(self.median("max_rss_kb"))}
        if self.error:
            result["error"] = self.error
        result.update(self.notes)
        return result


def measure(measurement: Measurement, runs: int, log_dir: Path, before: Callable[[int], None] = lambda run: None,
            after: Callable[[int], None] = lambda run: None, stdout_path: Optional[Path] = None,
            env: Optional[dict] = None, warmup: int = 0, progress: Callable[[str], None] = print) -> Measurement:
    """Runs the measurement `warmup` times untimed, then `runs` times, calling `before(run)` and
    `after(run)` around each (outside the timing). Stops at the first failure and records it."""
    total = warmup + runs
    for index in range(total):
        timed = index >= warmup
        run = index - warmup + 1
        before(run if timed else 0)
        log = log_dir / f"{measurement.key}-{run if timed else 'warmup'}.log"
        try:
            sample = run_once(measurement.command, log, stdout_path=stdout_path, env=env)
        except (CommandFailed, OSError) as failure:
            detail = getattr(failure, "log_tail", "")
            measurement.error = f"{failure}" + (f"\n{detail}" if detail else "") + f"\n(log: {log})"
            progress(f"  {measurement.label}: FAILED ({failure})")
            return measurement
        after(run if timed else 0)
        if timed:
            measurement.samples.append(sample)
            progress(f"  {measurement.label}: run {run}/{runs}: {sample.wall:.3f} s wall, "
                     f"{sample.cpu:.3f} s CPU, {sample.max_rss_kb / 1024:.1f} MB peak")
    return measurement
