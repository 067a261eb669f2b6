#!/usr/bin/env python3
"""Build-speed benchmark of issue 6: our release binary against Hugo and the cmark-gfm floor.

For each corpus size N it generates N hand-written explainers and N raw articles (deterministic,
no network), then measures, several runs each:

- floor: Debian's `cmark-gfm` rendering every explainer's Markdown body, concatenated into one file;
- Hugo (Debian's `hugo`) building the explainers with the minimal templates in `bench/hugo/`;
- ours: a cold full build of the explainers, a no-op rebuild, a rebuild after one article is edited,
  and a cold full build of the raw articles through the explainer engine;
- the engine alone (issue 3): milliseconds per 1,000 words on one core and the lexicon's load time,
  from `explainer explain --timings` on a sample of the raw articles (`--engine-sample`).

It prints a table and the issue's targets (met or not) and writes everything to
`build-reports/bench.json`. The exit status is 0 even when targets are missed; it is non-zero only
when something could not run. Usage: `python3 bench/run.py [--sizes 1000 10000] [--runs 3] [--quick]`.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sites  # noqa: E402
from engine import engine_text, measure_engine, sample  # noqa: E402
from measure import GNU_TIME, Measurement, measure  # noqa: E402
from report import SizeResult, table, targets, targets_text  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TOOLS = {"hugo": "hugo", "cmark-gfm": "cmark-gfm", GNU_TIME: "time"}  # command -> Debian package
CMARK_EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]
DEFAULT_SEED = 20240606


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", metavar="N",
                        help="corpus sizes, space- or comma-separated (default: 1000 10000; --quick: 200)")
    parser.add_argument("--runs", type=int, help="timed runs per step; the table shows medians (default 3; --quick: 1)")
    parser.add_argument("--warmup", type=int, default=0, help="untimed runs before each step's timed runs (default 0)")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="seconds after which one run is killed and counted as failed (default %(default)g)")
    parser.add_argument("--quick", action="store_true", help="smoke test: N=200, one run")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="corpus seed (default %(default)s)")
    parser.add_argument("--hugo-profile", choices=["equivalent", "minimal", "both"], default="equivalent",
                        help="equivalent: Hugo also writes tag pages, tag index, RSS, sitemap, robots.txt, 404, "
                             "per-page JSON and a search index, like our site; minimal: only article pages and "
                             "the index; both: measure both, ratios against equivalent (default: %(default)s)")
    parser.add_argument("--binary", type=Path, default=REPO / ".build" / "release" / "explainer",
                        help="our release binary (default: .build/release/explainer)")
    parser.add_argument("--work", type=Path, default=REPO / "build-reports" / "bench-work",
                        help="scratch folder for corpora and outputs (default: build-reports/bench-work)")
    parser.add_argument("--json", type=Path, default=REPO / "build-reports" / "bench.json",
                        help="where to write the results (default: build-reports/bench.json)")
    parser.add_argument("--engine-sample", type=int, default=200,
                        help="raw articles timed one by one for the engine's speed (default %(default)s; 0 skips)")
    parser.add_argument("--no-install", action="store_true", help="do not apt-get install a missing hugo or cmark-gfm")
    arguments = parser.parse_args(argv)
    try:
        sizes = [int(part) for value in (arguments.sizes or []) for part in value.replace(",", " ").split()]
    except ValueError:
        parser.error(f"--sizes takes whole numbers, got {' '.join(arguments.sizes)}")
    if any(size < 1 for size in sizes):
        parser.error("--sizes must be at least 1")
    arguments.sizes = sorted(set(sizes)) or ([200] if arguments.quick else [1000, 10000])
    arguments.runs = arguments.runs or (1 if arguments.quick else 3)
    if arguments.runs < 1 or arguments.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    return arguments


def ensure_tools(install: bool) -> list[str]:
    """Installs Debian's hugo and cmark-gfm when missing; returns what is still missing."""
    missing = [command for command in TOOLS if shutil.which(command) is None]
    if missing and install:
        packages = sorted({TOOLS[command] for command in missing})
        progress(f"Installing Debian packages: {' '.join(packages)}")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        apt = sudo + ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
        if subprocess.run(apt + ["install", "-y", "-qq"] + packages, env=env).returncode != 0:
            subprocess.run(apt + ["update", "-qq"], env=env)
            subprocess.run(apt + ["install", "-y", "-qq"] + packages, env=env)
        missing = [command for command in TOOLS if shutil.which(command) is None]
    return missing


def first_line(argv: list[str]) -> str:
    try:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (result.stdout or result.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "unavailable"


def machine_description(binary: Path) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = first_line(["git", "-C", str(REPO), "rev-parse", "HEAD"])
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "kernel": platform.release(),
            "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
            "python": platform.python_version(), "commit": commit,
            "hugo": first_line(["hugo", "version"]), "cmark_gfm": first_line(["cmark-gfm", "--version"]),
            "explainer": first_line([str(binary), "--version"]) if binary.exists() else "missing"}


def filesystem_of(path: Path) -> str:
    """The type of the file system holding `path` (from /proc/mounts), e.g. ext4 or tmpfs."""
    best, kind = "", "unknown"
    try:
        for line in Path("/proc/mounts").read_text().splitlines():
            fields = line.split()
            mount = fields[1]
            if (str(path) == mount or str(path).startswith(mount.rstrip("/") + "/")) and len(mount) > len(best):
                best, kind = mount, fields[2]
    except (OSError, IndexError):
        pass
    return kind


def unavailable(measurement: Measurement, reason: str) -> Measurement:
    measurement.error = reason
    progress(f"  {measurement.label}: not run ({reason})")
    return measurement


def edit_check(output: Path, stem: str, token: str) -> bool:
    page = output / stem / "index.html"
    try:
        return token in page.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def bench_size(size: int, arguments: argparse.Namespace, profiles: list[str], missing_tools: list[str],
               hugo_label: str) -> SizeResult:
    runs = arguments.runs
    common = {"warmup": arguments.warmup, "progress": progress, "timeout": arguments.timeout}
    progress(f"N={size:,}: writing corpora (seed {arguments.seed})")
    workspace, corpus_stats = sites.prepare(arguments.work / f"n{size}", size, arguments.seed, REPO, profiles)
    corpus_stats["load_average_before"] = [round(value, 2) for value in os.getloadavg()]
    logs = workspace.logs
    results: dict[str, Measurement] = {}

    # The floor: cmark-gfm over every explainer body in one file.
    floor = Measurement("floor", "cmark-gfm floor (bodies in one file)",
                        ["cmark-gfm"] + CMARK_EXTENSIONS + [str(workspace.floor_input)])
    if "cmark-gfm" in missing_tools:
        unavailable(floor, "cmark-gfm is not installed")
    else:
        measure(floor, runs, logs, stdout_path=workspace.root / "floor.html", **common)
    results["floor"] = floor

    # Hugo, cold each run (fresh destination and cache folder).
    for profile in profiles:
        key = f"hugo-{profile}"
        output = workspace.output(key)
        cache = workspace.root / f"{key}-cache"
        hugo = Measurement(key, f"{hugo_label} ({profile})",
                           ["hugo", "--source", str(workspace.hugo(profile)), "--destination", str(output),
                            "--cacheDir", str(cache), "--quiet"])

        def reset_hugo(run: int, output=output, cache=cache, site=workspace.hugo(profile)) -> None:
            sites.remove(output.parent)
            sites.remove(cache)
            sites.remove(site / ".hugo_build.lock")

        if "hugo" in missing_tools:
            unavailable(hugo, "hugo is not installed")
        else:
            measure(hugo, runs, logs, before=reset_hugo, **common)
            if hugo.ok:
                hugo.notes["output"] = sites.tree_stats(output)
        results[key] = hugo

    # Ours.
    binary = str(arguments.binary)
    cache_home = workspace.root / "xdg-cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    full_output = workspace.output("ours")
    raw_output = workspace.output("ours-raw")

    def ours(site: Path, output: Path) -> list[str]:
        return [binary, "build", "--source", str(site), "--output", str(output)]

    def cold(site: Path, output: Path):
        def reset(run: int) -> None:
            sites.remove(output.parent)
            sites.clean_site(site)
            sites.remove(cache_home)
        return reset

    full = Measurement("full", "ours: full build (cold)", ours(workspace.explainers, full_output))
    noop = Measurement("noop", "ours: no-op rebuild", ours(workspace.explainers, full_output))
    edit = Measurement("edit", "ours: rebuild after one edit", ours(workspace.explainers, full_output))
    raw = Measurement("raw", "ours: raw corpus through engine (cold)", ours(workspace.raw, raw_output))
    if not arguments.binary.exists():
        reason = f"{binary} is missing: build it with `make release`"
        for measurement in (full, noop, edit, raw):
            unavailable(measurement, reason)
    else:
        measure(full, runs, logs, before=cold(workspace.explainers, full_output), env=env,
                **common)
        if full.ok:
            full.notes["output"] = sites.tree_stats(full_output)
            measure(noop, runs, logs, env=env, **common)
            edited = sorted((workspace.explainers / "content").iterdir())[size // 2]
            original = edited.read_bytes()
            visible: list[bool] = []

            def append_sentence(run: int) -> None:
                with open(edited, "a", encoding="utf-8") as handle:
                    handle.write(f"\nBenchmark edit {run}: officials confirmed the figures on Friday.\n")

            def check_edit(run: int) -> None:
                visible.append(edit_check(full_output, edited.stem, f"Benchmark edit {run}:"))

            try:
                measure(edit, runs, logs, before=append_sentence, after=check_edit, env=env,
                        **common)
            finally:
                edited.write_bytes(original)
            edit.notes["edited_file"] = str(edited.relative_to(workspace.root))
            edit.notes["edit_visible"] = bool(visible) and all(visible)
        else:
            unavailable(noop, "the full build failed")
            unavailable(edit, "the full build failed")
        measure(raw, runs, logs, before=cold(workspace.raw, raw_output), env=env, **common)
        if raw.ok:
            raw.notes["output"] = sites.tree_stats(raw_output)
    results.update(full=full, noop=noop, edit=edit, raw=raw)
    primary = f"hugo-{profiles[0]}"
    return SizeResult(size=size, corpus=corpus_stats, measurements=results, primary_hugo=primary)


def main(argv: list[str]) -> int:
    arguments = parse_arguments(argv)
    arguments.work = arguments.work.resolve()
    arguments.binary = arguments.binary.absolute()
    missing_tools = ensure_tools(install=not arguments.no_install)
    for command in missing_tools:
        progress(f"warning: `{command}` is not installed (Debian package {TOOLS[command]}); its steps are skipped")
    if not (REPO / "Themes").is_dir():
        progress(f"warning: {REPO / 'Themes'} is missing; our builds will have no theme")
    profiles = ["equivalent", "minimal"] if arguments.hugo_profile == "both" else [arguments.hugo_profile]
    machine = machine_description(arguments.binary)
    hugo_version = machine["hugo"].split()[1].split("+")[0] if machine["hugo"].startswith("hugo ") else ""
    hugo_label = f"Hugo {hugo_version}".strip()
    progress(f"Benchmark: sizes {', '.join(f'{size:,}' for size in arguments.sizes)}, {arguments.runs} run(s) each, "
             f"{machine['cpus']} CPUs, load {machine['load_average_at_start']}")

    sites.TRASH = arguments.work / "trash"
    sites.empty_trash()  # a previous run's, if it was interrupted
    os.sync()
    try:
        results = [bench_size(size, arguments, profiles, missing_tools, hugo_label) for size in arguments.sizes]
    finally:
        progress("removing the outputs of every run")
        sites.empty_trash()
    engine = {}
    if arguments.engine_sample > 0 and arguments.binary.exists():
        raw_folder = arguments.work / f"n{arguments.sizes[0]}" / "raw" / "content"
        files = sample(raw_folder, arguments.engine_sample)
        progress(f"engine speed: {len(files)} raw articles, one at a time (after sync: the builds' writes flushed)")
        os.sync()
        engine = measure_engine(str(arguments.binary), files, arguments.timeout)
        # The development articles (real news styles) too, when ../shared is beside the repository.
        shared = REPO.parent / "shared" / "articles"
        if shared.is_dir():
            progress("engine speed: the development articles in ../shared/articles")
            engine["shared_articles"] = measure_engine(
                str(arguments.binary), sample(shared, 100, ("*.txt", "*.md")), arguments.timeout)
    found = targets(results)
    failures = [f"N={result.size}: {measurement.label}: {measurement.error.splitlines()[0]}"
                for result in results for measurement in result.measurements.values() if not measurement.ok]

    print(table(results, arguments.runs, hugo_label))
    print(targets_text(found))
    if engine:
        print(engine_text(engine))
        if "shared_articles" in engine:
            print(engine_text(engine["shared_articles"], "development articles (../shared/articles)"))
    if failures:
        print("\nFailed or not run:")
        for failure in failures:
            print(f"  {failure}")

    report = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "config": {"sizes": arguments.sizes, "runs": arguments.runs, "warmup": arguments.warmup,
                   "seed": arguments.seed, "timeout_s": arguments.timeout, "hugo_profile": arguments.hugo_profile,
                   "binary": str(arguments.binary), "work": str(arguments.work),
                   "work_filesystem": filesystem_of(arguments.work),
                   "floor_command": ["cmark-gfm"] + CMARK_EXTENSIONS + ["floor.md"],
                   "timing": "os.wait4 rusage (user, sys, max RSS) and perf_counter wall clock; medians of runs"},
        "sizes": {str(result.size): {"corpus": result.corpus,
                                     "measurements": {key: m.as_dict() for key, m in result.measurements.items()},
                                     "ratios": result.ratios()} for result in results},
        "targets": [target.as_dict() for target in found],
        "engine": engine,
        "failures": failures,
    }
    arguments.json.parent.mkdir(parents=True, exist_ok=True)
    arguments.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"\nResults written to {arguments.json}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
