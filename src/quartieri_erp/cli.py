"""The `quartieri-erp` command: build the report, compute indicators, write the synthetic edition."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BuildError, InputError, ParameterError


def _build(args: argparse.Namespace) -> int:
    from .build.pipeline import build
    from .params import load_params

    params = load_params(args.params, data_dir=args.data_dir, as_of=args.as_of, out=args.out)
    build(params, renderer=args.renderer, force=args.force)
    return 0


def _indicators(args: argparse.Namespace) -> int:
    from .indicators import write_indicators
    from .params import load_params

    params = load_params(args.params, data_dir=args.data_dir, as_of=args.as_of)
    write_indicators(params.data_dir, args.out, params.reference_dir, params.as_of)
    print(f"indicators written to {args.out}")
    return 0


def _synth(args: argparse.Namespace) -> int:
    from .params import load_params
    from .synth import write_synthetic_edition

    params = load_params(args.params)
    write_synthetic_edition(args.out, seed=args.seed, programme_dir=params.programme_dir,
                            participants=args.participants, projects=args.projects)
    print(f"synthetic edition written to {args.out}")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .params import load_params
    from .serve import serve

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
    build.add_argument("--data-dir", type=Path, help="folder of the monitoring data (projects, participants, enrolments)")
    build.add_argument("--as-of", help="data cut-off date, YYYY-MM-DD")
    build.add_argument("--out", type=Path, help="output folder (default: build/)")
    build.add_argument("--renderer", choices=("auto", "quarto", "offline"), default="auto",
                       help="quarto if installed (auto), or the offline pandoc + typst renderer")
    build.add_argument("--force", action="store_true", help="re-execute every chapter, ignoring the cache")
    build.set_defaults(func=_build)

    ind = sub.add_parser("indicators", help="compute the chapter-3 indicators as a long CSV table")
    ind.add_argument("--data-dir", type=Path, help="folder of the monitoring data")
    ind.add_argument("--as-of", help="data cut-off date, YYYY-MM-DD (default: params.yml)")
    ind.add_argument("--out", type=Path, required=True, help="CSV file to write")
    ind.set_defaults(func=_indicators)

    syn = sub.add_parser("synth", help="write a seeded synthetic edition of the monitoring data")
    syn.add_argument("--out", type=Path, default=Path("data/synthetic"))
    syn.add_argument("--seed", type=int, default=2021)
    syn.add_argument("--participants", type=int, default=None,
                     help="generate this many participants at the published proportions (default: the published edition)")
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
        return 130


if __name__ == "__main__":
    sys.exit(main())
