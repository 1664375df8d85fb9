"""The ``vitalegraph`` command: a thin wrapper over the Python API of each stage.

Every command prints a clear one-line error and exits non-zero on bad input (1: a bad source, a
failed validation or an unwritable output; 2: a bad query, option or data file; 3: a remote endpoint
failed). An error nobody foresaw prints ``vitalegraph: internal error: ...`` on one line and exits
with 4; ``--debug`` (or ``VITALEGRAPH_DEBUG=1``) shows the traceback instead.

Each command group is one module here (``build``, ``propose``, ``query``, ``validate``, ``network``, ``picture``,
``endpoint``: serve and push, ``dataset``: export and describe) whose ``register(sub, formatter_class)``
adds its commands, declared with :func:`command_group` and a rank (the order of ``vitalegraph --help``).
Every module in this folder is imported when the package is, so a new command group is one new file.
The modules import only ``paths`` and ``errors`` at the top; a command's libraries are imported when
it runs, so that ``vitalegraph --help`` stays fast.

Examples
--------
>>> list(GROUPS)
['build', 'propose', 'query', 'explain', 'validate', 'network', 'picture', 'endpoint', 'dataset', 'coalitions']
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Callable

from .. import __version__
from ..errors import INTERNAL_ERROR_STATUS, VitaleGraphError
from ..registry import Registry, import_modules

__all__ = ["main", "build_parser", "command_group", "GROUPS"]

#: the help of ``--data`` where its default is :func:`vitalegraph.endpoint.default_data`
DATA_HELP = "dataset file; default: data/vitalegraph.trig if it exists, else data/vitalegraph.ttl"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


@dataclass(frozen=True)
class Group:
    """One command module: its *name* (the module's), its place and the function adding its commands."""

    name: str
    rank: int
    register: Callable[[argparse._SubParsersAction, type], None]


#: the command groups by module name, in their rank
GROUPS = Registry("command group")


def command_group(rank: int):
    """Register the decorated ``register(sub, formatter_class)`` of a command module, in place *rank*.

    Returns
    -------
    callable
        The decorator; it returns the function unchanged.

    Raises
    ------
    ValueError
        If the module is registered already.
    """
    def add(register):
        name = register.__module__.rsplit(".", 1)[-1]
        GROUPS.add(name, Group(name, rank, register))
        return register
    return add


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _data_default():
    from ..endpoint.serve import default_data

    return default_data()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vitalegraph", formatter_class=_Formatter,
        description="A knowledge graph of the adoption teams of the Dutch pilot "
                    "'Nieuwe coalities voor de wijk' (2006-2007).",
        epilog="Example:\n  vitalegraph build && vitalegraph query teams\n\n"
               "Exit status: 0 success; 1 a bad source, a failed validation or an output that cannot be "
               "written; 2 a bad query, option or data file; 3 a remote endpoint failed; "
               f"{INTERNAL_ERROR_STATUS} an internal error (a bug or a broken installation: "
               "rerun with --debug and report the traceback); 130 interrupted.\n\n"
               "Run `vitalegraph COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"vitalegraph {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the traceback of an error instead of one line (or set VITALEGRAPH_DEBUG=1)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in GROUPS:
        GROUPS[name].register(sub, _Formatter)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see ``vitalegraph --help``)."""
    import os
    import signal

    def _terminate(signum, _frame):
        raise KeyboardInterrupt   # so that a terminated build removes its temporary files

    signal.signal(signal.SIGTERM, _terminate)
    parser = build_parser()
    args = parser.parse_args(argv)
    debug = args.debug or os.environ.get("VITALEGRAPH_DEBUG", "") not in ("", "0")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except VitaleGraphError as exc:
        if debug:
            raise
        print(f"vitalegraph: error: {' '.join(str(exc).splitlines()) if len(str(exc)) < 2000 else str(exc)[:2000]}",
              file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print("vitalegraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:   # noqa: BLE001 - what the project did not foresee: one line, not a traceback
        if debug:
            raise
        what = " ".join(f"{type(exc).__name__}: {exc}".splitlines())[:500]
        print(f"vitalegraph: internal error: {what}; rerun with --debug for the traceback", file=sys.stderr)
        return INTERNAL_ERROR_STATUS


import_modules(__name__, __path__)
