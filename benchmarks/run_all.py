"""``make bench``: run every benchmarks/bench_*.py in turn and show their output.

Each benchmark measures the toolkit and its peers in the same run and prints ratios,
so numbers from a loaded or slower machine still compare fairly. Pass ``--quick`` to
forward it to every benchmark for a short smoke run.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    extra = [a for a in argv if a == "--quick"]
    only = [a for a in argv if not a.startswith("-")]
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        if only and not any(name in script.stem for name in only):
            continue
        print(f"\n=== {script.stem} ===", flush=True)
        start = time.perf_counter()
        code = subprocess.call([sys.executable, str(script), *extra], cwd=HERE.parent)
        print(f"--- {script.stem}: exit {code}, {time.perf_counter() - start:.1f} s", flush=True)
        if code:
            failed.append(script.stem)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
