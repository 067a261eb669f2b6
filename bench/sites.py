"""The folders one benchmark size works in: our two sites, the Hugo site and the floor's input.

Layout under `<work>/n<N>/`:

    explainers/   site.yml, content/*.md (hand-written explainers), Themes -> <repo>/Themes
    raw/          site.yml, content/*.txt (raw news articles), Themes -> <repo>/Themes
    hugo-<profile>/  config.yaml, layouts/ (copied from bench/hugo), content -> ../explainers/content
    floor.md      every explainer's Markdown body, front matter removed, concatenated
    out-*/        build outputs (removed before each cold build)
    logs/         one log per measured run
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import corpus

BENCH_DIR = Path(__file__).resolve().parent
HUGO_TEMPLATE_DIR = BENCH_DIR / "hugo"
SITE_FILES = {"site.yml", "content", "Themes"}


@dataclass
class SizeWorkspace:
    root: Path
    size: int

    @property
    def explainers(self) -> Path:
        return self.root / "explainers"

    @property
    def raw(self) -> Path:
        return self.root / "raw"

    def hugo(self, profile: str) -> Path:
        return self.root / f"hugo-{profile}"

    @property
    def floor_input(self) -> Path:
        return self.root / "floor.md"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def output(self, name: str) -> Path:
        """The output folder of one build, inside a folder of its own so that anything a builder
        leaves beside its output (staging folders, caches) is removed with it."""
        return self.root / f"out-{name}" / "public"


def site_yml(title: str) -> str:
    return (f"title: {title}\n"
            "base_url: http://localhost:8000/\n"
            "language: en\n"
            "theme: default\n")


def prepare(root: Path, size: int, seed: int, repo: Path, hugo_profiles: list[str]) -> tuple[SizeWorkspace, dict]:
    """Writes both corpora, our two site folders, the Hugo site and the floor input; returns the
    workspace and corpus statistics."""
    if root.exists():
        shutil.rmtree(root)
    workspace = SizeWorkspace(root=root, size=size)
    stats = {}
    for kind, folder in (("explainers", workspace.explainers), ("raw", workspace.raw)):
        folder.mkdir(parents=True)
        (folder / "site.yml").write_text(site_yml(f"Bench {kind} {size}"), encoding="utf-8")
        os.symlink(repo / "Themes", folder / "Themes")
        stats[kind] = corpus.write_corpus(kind, size, folder / "content", seed).as_dict()
    for profile in hugo_profiles:
        write_hugo_site(workspace, profile)
    stats["floor_bytes"] = write_floor_input(workspace)
    return workspace, stats


def write_hugo_site(workspace: SizeWorkspace, profile: str) -> None:
    site = workspace.hugo(profile)
    if site.exists():
        shutil.rmtree(site)
    site.mkdir(parents=True)
    shutil.copyfile(HUGO_TEMPLATE_DIR / f"config-{profile}.yaml", site / "config.yaml")
    shutil.copytree(HUGO_TEMPLATE_DIR / "layouts", site / "layouts")
    os.symlink(workspace.explainers / "content", site / "content")


def write_floor_input(workspace: SizeWorkspace) -> int:
    """Concatenates the explainers' Markdown bodies (what the floor renders) into one file."""
    total = 0
    with open(workspace.floor_input, "w", encoding="utf-8") as floor:
        for path in sorted((workspace.explainers / "content").iterdir()):
            body = corpus.markdown_body(path.read_text(encoding="utf-8"))
            floor.write(body)
            floor.write("\n\n")
            total += len(body.encode("utf-8")) + 2
    return total


def clean_site(site: Path) -> None:
    """Removes everything a build may have left in a site folder (a cache, a staging folder)."""
    for entry in os.scandir(site):
        if entry.name in SITE_FILES:
            continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)


# Where `remove` puts folders while a benchmark runs (set by run.py); emptied at the end.
# Deleting a 20,000-file output right before the next build makes ext4 skip the inodes it just
# freed, and the next build's system time grew run after run (1.5 s, 8.6 s, 16 s of `sys` for
# the same build, Hugo alike). Moving the old output aside keeps each run's file system alike.
TRASH: Path | None = None


def remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        if TRASH is not None:
            TRASH.mkdir(parents=True, exist_ok=True)
            path.rename(TRASH / f"{len(list(TRASH.iterdir())):05d}-{path.name}")
        else:
            shutil.rmtree(path)


def empty_trash() -> None:
    if TRASH is not None and TRASH.exists():
        shutil.rmtree(TRASH)


def tree_stats(folder: Path) -> dict:
    """Counts the files (and HTML pages) a build wrote."""
    files = html = size = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(directory, name))
    return {"files": files, "html_pages": html, "bytes": size}
