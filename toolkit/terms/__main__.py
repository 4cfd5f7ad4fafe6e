"""``python -m toolkit.terms FILE...``: check user termbases before using them.

Prints, per file, how many entries it has and how many override built-in ones, or the
one-line error that ``toolkit convert/glossary --terms`` would stop with. With
``--show FORM`` it prints the merged entry a form resolves to, so a user can see what
their file changed.
"""

from __future__ import annotations

import argparse
import sys

from .loaders import TermbaseError, load_entries
from .termbase import Termbase, builtin_entries


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.terms", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="user termbases (.csv, .toml, .tsv/.txt)")
    parser.add_argument("--show", action="append", default=[], metavar="FORM", help="print the merged entry for FORM")
    args = parser.parse_args(argv)
    builtin = {e.term for e in builtin_entries()}
    failed = 0
    for name in args.files:
        try:
            entries = load_entries(name)
        except TermbaseError as exc:
            print(exc, file=sys.stderr)
            failed += 1
            continue
        overrides = sum(e.term in builtin for e in entries)
        print(f"{name}: {len(entries)} entries ({overrides} override built-in ones, {len(entries) - overrides} new)")
    if failed:
        return 1
    if not args.files:
        print(f"built-in termbase: {len(builtin)} entries")
    tb = Termbase.load(args.files)
    for form in args.show:
        entry = tb.get(form)
        if entry is None:
            print(f"{form}: not in the termbase")
            continue
        print(f"{form}:")
        for key, value in entry.to_row().items():
            if value:
                print(f"  {key}: {value}")
        print(f"  source: {entry.source or 'code'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
