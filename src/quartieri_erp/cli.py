"""The `quartieri-erp` command: build the report, compute indicators, write the synthetic edition."""

from __future__ import annotations

import argparse
import errno
import os
import sys
from pathlib import Path

from quartieri_erp.errors import BuildError, InputError, ParameterError


def _build(args: argparse.Namespace) -> int:
    from quartieri_erp.params import load_params
    from quartieri_erp.paths import project_root
    from quartieri_erp.pipeline.run import build

    try:
        root = project_root()
    except FileNotFoundError:
        root = None
    if root is None or not (root / "_quarto.yml").is_file():
        raise ParameterError(
            f"{Path.cwd()} is not inside the project (no params.yml and _quarto.yml in it or "
            f"above it): run quartieri-erp from the project folder; --params may name a "
            f"file elsewhere"
        )
    params = load_params(
        args.params,
        data_dir=args.data_dir,
        as_of=args.as_of,
        out=args.out,
        illustrative=True if args.illustrative else None,
        edition=args.edition,
        previous_build=args.previous,
        mapping=args.mapping,
    )
    build(params, renderer=args.renderer, force=args.force)
    return 0


def _compare(args: argparse.Namespace) -> int:
    from quartieri_erp.editions.compare import compare_builds, comparison_rows, summary_lines
    from quartieri_erp.editions.manifest import NotABuild

    try:
        comparison = compare_builds(args.old, args.new)
    except NotABuild as err:
        raise ParameterError(str(err)) from None
    print("\n".join(summary_lines(comparison)))
    if args.csv:
        args.csv.parent.mkdir(parents=True, exist_ok=True)
        comparison_rows(comparison).to_csv(args.csv, index=False, lineterminator="\n")
        print(f"Confronto completo: {args.csv}")
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from quartieri_erp.indicators import write_indicators
    from quartieri_erp.params import check_input_folders, load_params

    params = load_params(args.params, data_dir=args.data_dir, as_of=args.as_of, mapping=args.mapping)
    check_input_folders(params)
    out = args.out.expanduser()
    if out.is_dir():
        raise ParameterError(
            f"indicators --out {out} is a folder; give the path of the CSV file to write, e.g. {out / 'indicators.csv'}"
        )
    if not out.parent.is_dir():
        raise ParameterError(f"indicators --out {out}: the folder {out.parent} does not exist; create it first")
    write_indicators(params.data_dir, out, params.reference_dir, params.as_of, mapping=params.mapping)
    print(f"indicators written to {args.out}")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from quartieri_erp.params import load_params
    from quartieri_erp.synth import write_synthetic_edition

    params = load_params(args.params)
    write_synthetic_edition(
        args.out,
        seed=args.seed,
        programme_dir=params.programme_dir,
        participants=args.participants,
        projects=args.projects,
    )
    print(f"synthetic edition written to {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from quartieri_erp.params import load_params
    from quartieri_erp.rendering.serve import serve

    out = args.out if args.out is not None else load_params(args.params).out
    try:
        serve(Path(out) / "report", args.port)
    except (FileNotFoundError, OSError) as err:
        print(f"Cannot serve the report: {err}", file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="quartieri-erp", description=__doc__)
    main.add_argument("--params", type=Path, default=None, help="parameters file (default: params.yml of the project)")
    sub = main.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="execute the chapter notebooks and render the HTML and PDF report")
    build.add_argument(
        "--data-dir", type=Path, help="folder of the monitoring data (projects, participants, enrolments)"
    )
    build.add_argument("--as-of", help="data cut-off date, YYYY-MM-DD")
    build.add_argument("--out", type=Path, help="output folder (default: build/)")
    build.add_argument("--edition", help="name of the edition, shown on the title page (e.g. 2022)")
    build.add_argument("--previous", type=Path, help="build folder of the previous edition, compared in the report")
    build.add_argument("--mapping", type=Path, help="mapping file of an evaluator's own export (YAML)")
    build.add_argument(
        "--renderer",
        choices=("auto", "quarto", "offline"),
        default="auto",
        help="quarto if installed (auto), or the offline pandoc + typst renderer",
    )
    build.add_argument("--force", action="store_true", help="re-execute every chapter, ignoring the cache")
    build.add_argument(
        "--illustrative",
        action="store_true",
        help="on synthetic data, show the full analysis, every such table and figure marked ILLUSTRATIVO",
    )
    build.set_defaults(func=_build)

    ind = sub.add_parser("indicators", help="compute the chapter-3 indicators as a long CSV table")
    ind.add_argument("--data-dir", type=Path, help="folder of the monitoring data")
    ind.add_argument("--as-of", help="data cut-off date, YYYY-MM-DD (default: params.yml)")
    ind.add_argument("--out", type=Path, required=True, help="CSV file to write")
    ind.add_argument("--mapping", type=Path, help="mapping file of an evaluator's own export (YAML)")
    ind.set_defaults(func=_indicators)

    cmp_ = sub.add_parser("compare", help="what changed between two editions (two build folders)")
    cmp_.add_argument("old", type=Path, help="build folder of the previous edition")
    cmp_.add_argument("new", type=Path, help="build folder of the new edition")
    cmp_.add_argument("--csv", type=Path, help="also write the whole comparison as CSV")
    cmp_.set_defaults(func=_compare)

    syn = sub.add_parser("synth", help="write a seeded synthetic edition of the monitoring data")
    syn.add_argument("--out", type=Path, default=Path("data/synthetic"))
    syn.add_argument("--seed", type=int, default=2021)
    syn.add_argument(
        "--participants",
        type=int,
        default=None,
        help="generate this many participants at the published proportions (default: the published edition)",
    )
    syn.add_argument("--projects", type=int, default=None, help="number of generated projects (with --participants)")
    syn.set_defaults(func=_synth)
    srv = sub.add_parser("serve", help="serve the built HTML report on 127.0.0.1 (search works over http)")
    srv.add_argument("--out", type=Path, help="output folder of the build (default: params.yml's out)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)")
    srv.set_defaults(func=_serve)
    return main


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except InputError as err:
        print(err.report(), file=sys.stderr)
        return 2
    except BuildError as err:
        print(f"Build failed: {err}", file=sys.stderr)
        return 1
    except ParameterError as err:
        print(f"Invalid parameter: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Interrupted: the previous report is untouched.", file=sys.stderr)
        _exit_now(130)
    except OSError as err:
        print(os_error_message(err), file=sys.stderr)
        return 1 if err.errno == errno.ENOSPC else 2
    return 0  # not reached


def os_error_message(err: OSError) -> str:
    """One line for a file-system error: what failed, on which path, and what to do."""
    where = " and ".join(str(p) for p in (err.filename, err.filename2) if p) or "a file"
    if err.errno == errno.ENOSPC:
        return (
            f"Build failed: the disk is full (writing {where}); free some space and run again. "
            f"The previous report is untouched."
        )
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"Cannot write {where}: {err.strerror}; fix the permissions or choose another folder."
    return f"Cannot use {where}: {err.strerror or err}; check the path and run again."


def _exit_now(code: int) -> None:
    """Leave at once (after Ctrl-C), without waiting for worker threads still tied to killed kernels."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
