"""`make bench`: how fast the build and the indicators are on this machine (median of several runs).

Works on a throw-away copy of the project (its own cache), never on the working tree. Prints one table:

  a. cold full build (HTML + PDF, empty cache)
  b. rebuild with nothing changed
  c. rebuild after editing one chapter notebook
  d. rebuild after changing one input data file (and which chapters re-ran)
  e. `quartieri-erp indicators` on 100k and 1M generated participants: time and peak memory
  f. per-project annex notebook for 33 and 330 generated projects
  g. naive baseline: every notebook run one after the other by the papermill CLI, no cache, then rendered
  h. rebuild the first edition after building a second one into another folder (chapters re-run: none)
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
COPIED = ("params.yml", "_quarto.yml", "index.qmd", "notebooks", "data", "report")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        elif source.is_file():
            shutil.copy(source, target / name)
    return target


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time (s), peak resident memory of the process tree's largest process (KB), stdout."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss, output


def build(project: Path, *extra: str) -> tuple[float, str]:
    seconds, _, output = timed([str(BIN / "quartieri-erp"), "build", "--renderer", "offline", *extra], project)
    return seconds, output


def executed_chapters(output: str) -> list[str]:
    return [line.split()[2] for line in output.splitlines() if "✓" in line and "(cache)" not in line]


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_builds(project: Path, runs: int) -> dict:
    results: dict[str, object] = {}
    cold = []
    for _ in range(runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        shutil.rmtree(project / "build", ignore_errors=True)
        cold.append(build(project)[0])
    results["a"] = median(cold)
    results["b"] = median([build(project)[0] for _ in range(runs)])
    chapter = project / "notebooks" / "02_bando.ipynb"
    edited = []
    for i in range(runs):
        nb = json.loads(chapter.read_text(encoding="utf-8"))
        nb["cells"].append(
            {
                "cell_type": "markdown",
                "id": f"bench-{i}",
                "metadata": {},  # as JupyterLab writes it
                "source": ["Nota di prova." + " " * i],
            }
        )
        chapter.write_text(json.dumps(nb, indent=1, ensure_ascii=False), encoding="utf-8")
        edited.append(build(project)[0])
    results["c"] = median(edited)
    data_file = project / "data" / "programme" / "case_study_results.csv"
    changed, reran = [], []
    for _ in range(runs):
        with data_file.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        rows[0]["value"] = str(float(rows[0]["value"]) + 1).removesuffix(".0")  # one case-study result changes
        with data_file.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        seconds, output = build(project)
        changed.append(seconds)
        reran = executed_chapters(output)
    results["d"] = median(changed)
    results["d_reran"] = reran
    return results


def bench_indicators(workdir: Path, runs: int) -> dict:
    results = {}
    for label, people, projects in (("100k", 100_000, 33), ("1M", 1_000_000, 330)):
        folder = workdir / f"synth-{label}"
        timed(
            [
                str(BIN / "quartieri-erp"),
                "synth",
                "--out",
                str(folder),
                "--seed",
                "1",
                "--participants",
                str(people),
                "--projects",
                str(projects),
            ],
            ROOT,
        )
        measures = [
            timed(
                [
                    str(BIN / "quartieri-erp"),
                    "indicators",
                    "--data-dir",
                    str(folder),
                    "--out",
                    str(workdir / f"{label}.csv"),
                ],
                ROOT,
            )[:2]
            for _ in range(runs)
        ]
        size = sum(p.stat().st_size for p in folder.glob("*.csv"))
        results[label] = (median([m[0] for m in measures]), max(m[1] for m in measures), size)
    return results


def bench_annex(project: Path, workdir: Path, runs: int) -> dict:
    notebook = project / "notebooks" / "A6_schede_progetto.ipynb"
    results = {}
    for projects in (33, 330):
        folder = workdir / f"annex-{projects}"
        timed(
            [
                str(BIN / "quartieri-erp"),
                "synth",
                "--out",
                str(folder),
                "--seed",
                "2",
                "--participants",
                str(25 * projects),
                "--projects",
                str(projects),
            ],
            ROOT,
        )
        results[projects] = median(
            [
                timed(
                    [
                        str(BIN / "papermill"),
                        "-k",
                        "python3",
                        "--cwd",
                        str(project),
                        str(notebook),
                        str(workdir / "a6.ipynb"),
                        "-p",
                        "data_dir",
                        str(folder),
                    ],
                    project,
                )[0]
                for _ in range(runs)
            ]
        )
    return results


def bench_naive(project: Path, runs: int) -> float:
    """Every notebook by the papermill CLI, one after the other, then the offline renderer."""
    script = (
        "import sys, yaml, shutil; from pathlib import Path\n"
        "from quartieri_erp.params import load_params\n"
        "from quartieri_erp.pipeline.stage import colophon, stage_project\n"
        "from quartieri_erp.rendering.book import load_book\n"
        "from quartieri_erp.rendering.offline import render_offline\n"
        "import datetime as dt\n"
        "root = Path.cwd(); stage = Path(sys.argv[1]); params = load_params(root / 'params.yml')\n"
        "stage_project(root, stage, params, colophon(params, root, 'offline', dt.datetime.now(dt.UTC)))\n"
        "render_offline(stage, load_book(stage / '_quarto.yml'), stage / '_book')\n"
    )
    import yaml

    book = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8"))["book"]
    notebooks = [f for f in book["chapters"] + book.get("appendices", []) if f.endswith(".ipynb")]
    times = []
    for _ in range(runs):
        stage = Path(tempfile.mkdtemp(prefix="naive-"))
        started = time.perf_counter()
        for nb in notebooks:
            (stage / nb).parent.mkdir(parents=True, exist_ok=True)
            timed(
                [str(BIN / "papermill"), "-k", "python3", "--cwd", str(project), str(project / nb), str(stage / nb)],
                project,
            )
        timed([sys.executable, "-c", script, str(stage)], project)
        times.append(time.perf_counter() - started)
        shutil.rmtree(stage, ignore_errors=True)
    return median(times)


def bench_editions(project: Path, workdir: Path, runs: int) -> dict:
    """Build the default edition, then a second edition (other data, --edition, --out), then the first again:
    the time of that last build, and the chapters it re-executed (the cache keeps both editions)."""
    data = workdir / "edition-2022"
    timed([str(BIN / "quartieri-erp"), "synth", "--out", str(data), "--seed", "7"], ROOT)
    build(project)
    again, reran = [], []
    for _ in range(runs):
        build(project, "--data-dir", str(data), "--edition", "2022", "--out", str(project / "build-2022"))
        seconds, output = build(project)
        again.append(seconds)
        reran += executed_chapters(output)
    return {"h": median(again), "h_reran": sorted(set(reran))}


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB RAM, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        project = copy_project(workdir / "project")
        builds = bench_builds(project, args.runs)
        naive = bench_naive(copy_project(workdir / "naive"), args.runs)
        indicators = bench_indicators(workdir, args.runs)
        annex = bench_annex(project, workdir, args.runs)
        editions = bench_editions(project, workdir, args.runs)
    rows = [
        ("a. cold full build (HTML + PDF, empty cache)", f"{builds['a']:.2f} s", "≤ 15 s"),
        ("b. rebuild, nothing changed", f"{builds['b']:.2f} s", "≤ 1.5 s"),
        ("c. rebuild after editing one chapter notebook", f"{builds['c']:.2f} s", "≤ 6 s"),
        (
            "d. rebuild after changing one input file",
            f"{builds['d']:.2f} s",
            "re-ran: " + ", ".join(builds["d_reran"]) if builds["d_reran"] else "re-ran: none",
        ),
        (
            "e. indicators, 100k participants",
            f"{indicators['100k'][0]:.2f} s, {indicators['100k'][1] / 1024:.0f} MB",
            f"{indicators['100k'][2] / 1e6:.0f} MB of CSV",
        ),
        (
            "e. indicators, 1M participants",
            f"{indicators['1M'][0]:.2f} s, {indicators['1M'][1] / 1024:.0f} MB",
            f"≤ 2 s, ≤ 1 GB ({indicators['1M'][2] / 1e6:.0f} MB of CSV)",
        ),
        ("f. per-project annex, 33 projects", f"{annex[33]:.2f} s", ""),
        ("f. per-project annex, 330 projects", f"{annex[330]:.2f} s", f"ratio {annex[330] / annex[33]:.2f} (≤ 3)"),
        (
            "g. naive baseline (papermill CLI, sequential, no cache)",
            f"{naive:.2f} s",
            f"a is {naive / builds['a']:.1f}× faster (≥ 1.5×)",
        ),
        (
            "h. rebuild the first edition after building a second",
            f"{editions['h']:.2f} s",
            "re-ran: " + (", ".join(editions["h_reran"]) or "none (cache hit)"),
        ),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"\nBenchmark, {time.strftime('%Y-%m-%d')}, {machine()}, median of {args.runs} runs\n")
    print(f"| {'measure':<{width}} | result | target / note |\n|{'-' * (width + 2)}|---|---|")
    for name, value, note in rows:
        print(f"| {name:<{width}} | {value} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
