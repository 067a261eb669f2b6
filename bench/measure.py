"""Timing one command: wall time, CPU time (user + system) and peak resident memory.

Each command runs under GNU time (`/usr/bin/time -f "%M"`), whose peak resident set size (`%M`,
KiB) is the command's own. Python's `os.wait4` cannot give that figure directly: a child started
from Python inherits the harness's memory high-water mark (the kernel keeps `maxrss` across the
vfork and exec), so a 1 MB command would show the harness's 20+ MB. CPU time comes from
`os.wait4` on the time process (its children's user and system time, microsecond resolution, plus
GNU time's own ~1 ms), and wall time from `time.perf_counter`, finer than time's 10 ms.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

GNU_TIME = "/usr/bin/time"


@dataclass
class Sample:
    """One run of one command."""

    wall: float
    user: float
    sys: float
    max_rss_kb: int
    #: CPU cores' worth of time used by other processes on the machine during the run (noise).
    other_cores: float = 0.0

    @property
    def cpu(self) -> float:
        return self.user + self.sys

    def as_dict(self) -> dict:
        return {"wall_s": round(self.wall, 4), "user_s": round(self.user, 4), "sys_s": round(self.sys, 4),
                "cpu_s": round(self.cpu, 4), "max_rss_kb": self.max_rss_kb,
                "other_cores": round(self.other_cores, 2)}


class CommandFailed(Exception):
    """A measured command exited non-zero or was killed; carries the end of its log."""

    def __init__(self, argv: list[str], status: str, log_tail: str):
        super().__init__(status)
        self.argv = argv
        self.status = status
        self.log_tail = log_tail


def run_once(argv: list[str], log_path: Path, stdout_path: Optional[Path] = None,
             env: Optional[dict] = None, cwd: Optional[Path] = None, timeout: Optional[float] = None) -> Sample:
    """Runs `argv` to completion and returns its sample; raises `CommandFailed` on failure.

    Standard error (and standard output unless `stdout_path` is given) goes to `log_path`. The
    command runs in a session of its own, so that after `timeout` seconds it can be killed together
    with everything it started.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    time_path = log_path.with_suffix(".time")
    with open(log_path, "wb") as log:
        out = open(stdout_path, "wb") if stdout_path else log
        try:
            busy_before = machine_busy_seconds()
            started = time.perf_counter()
            process = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", str(time_path), "--"] + argv,
                                       stdout=out, stderr=log, stdin=subprocess.DEVNULL, env=env, cwd=cwd,
                                       start_new_session=True)
            timer = threading.Timer(timeout, _kill_group, [process.pid]) if timeout else None
            if timer:
                timer.start()
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
            if timer:
                timer.cancel()
            busy = machine_busy_seconds() - busy_before
            process.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdout_path:
                out.close()
    report = time_path.read_text(encoding="utf-8", errors="replace").strip().splitlines() if time_path.exists() else []
    if timeout and wall >= timeout:
        raise CommandFailed(argv, f"timed out after {timeout:g} s", tail(log_path))
    if process.returncode != 0:
        reason = f"exit status {process.returncode}"
        for line in report:
            if "terminated by signal" in line:
                number = int(line.rsplit(" ", 1)[1])
                try:
                    reason = f"killed by {signal.Signals(number).name}"
                except ValueError:
                    reason = f"killed by signal {number}"
        raise CommandFailed(argv, reason, tail(log_path))
    try:
        max_rss_kb = int(report[-1])
    except (IndexError, ValueError):
        raise CommandFailed(argv, f"no figures from {GNU_TIME} in {time_path}", tail(log_path))
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(wall=wall, user=usage.ru_utime, sys=usage.ru_stime, max_rss_kb=max_rss_kb,
                  other_cores=max(0.0, busy - cpu) / wall if wall > 0 else 0.0)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def machine_busy_seconds() -> float:
    """CPU time spent by every process on the machine so far (first line of /proc/stat)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = [int(value) for value in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    busy = sum(fields[:8]) - idle  # user nice system idle iowait irq softirq steal
    return busy / os.sysconf("SC_CLK_TCK")


def tail(path: Path, lines: int = 8) -> str:
    """The lines of a log that say what went wrong: any naming an error, then the last few."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    all_lines = text.rstrip().splitlines()
    errors = [line for line in all_lines[:-lines] if "error" in line.lower()][:4]
    return "\n".join(errors + (["..."] if errors else []) + all_lines[-lines:])


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
                                "max_rss_kb": int(self.median("max_rss_kb")),
                                "other_cores": round(self.median("other_cores"), 2)}
        if self.error:
            result["error"] = self.error
        result.update(self.notes)
        return result


def measure(measurement: Measurement, runs: int, log_dir: Path, before: Callable[[int], None] = lambda run: None,
            after: Callable[[int], None] = lambda run: None, stdout_path: Optional[Path] = None,
            env: Optional[dict] = None, warmup: int = 0, progress: Callable[[str], None] = print,
            timeout: Optional[float] = None) -> Measurement:
    """Runs the measurement `warmup` times untimed, then `runs` times, calling `before(run)` and
    `after(run)` around each (outside the timing). Stops at the first failure and records it."""
    total = warmup + runs
    for index in range(total):
        timed = index >= warmup
        run = index - warmup + 1
        before(run if timed else 0)
        log = log_dir / f"{measurement.key}-{run if timed else 'warmup'}.log"
        try:
            sample = run_once(measurement.command, log, stdout_path=stdout_path, env=env, timeout=timeout)
        except (CommandFailed, OSError) as failure:
            measurement.error = f"{failure} (log: {log})"
            measurement.notes["log_tail"] = getattr(failure, "log_tail", "")
            progress(f"  {measurement.label}: FAILED: {failure}; end of {log}:\n{_indent(measurement.notes['log_tail'])}")
            return measurement
        after(run if timed else 0)
        if timed:
            measurement.samples.append(sample)
            progress(f"  {measurement.label}: run {run}/{runs}: {sample.wall:.3f} s wall, "
                     f"{sample.cpu:.3f} s CPU, {sample.max_rss_kb / 1024:.1f} MB peak")
    return measurement


def _indent(text: str) -> str:
    return "\n".join(f"    | {line}" for line in text.splitlines())
