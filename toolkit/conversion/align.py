"""Converting text that is split into runs (Word runs, inline HTML) as one phrase.

A phrase can straddle two runs (头 in bold, 发 plain): converted run by run it gives
頭發, converted as a phrase 頭髮. So the runs' concatenation is converted once and the
result is cut back into runs. OpenCC (and locking) convert a string as independent
segments; a cut at a segment boundary gives the same result on both sides, so a run
boundary that is one maps exactly. A boundary inside a segment (the straddling
phrase) maps proportionally within that segment: equal-length conversions keep every
character on its run, and a rewritten phrase (互联网 -> 網際網路) is split by length.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Sequence

if TYPE_CHECKING:
    from ..transforms.convert import Converter

#: how far from a run boundary to look for a segment boundary (OpenCC phrases are short)
REACH = 32


def convert_groups(converter: Converter, groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """Convert each group of runs as a phrase; return the converted runs of each group.

    One OpenCC call converts every group and every run; only groups where a phrase
    straddles a run boundary need more work.
    """
    wholes = ["".join(g) for g in groups]
    flat = [run for g in groups for run in g]
    converted = converter.convert_many(wholes + flat)
    full, alone = converted[: len(wholes)], converted[len(wholes) :]
    out: list[list[str]] = []
    k = 0
    for group, conv in zip(groups, full, strict=True):
        runs = alone[k : k + len(group)]
        k += len(group)
        if len(group) <= 1 or "".join(runs) == conv:
            out.append(list(runs) if len(group) > 1 else [conv] * len(group))
        else:
            out.append(split_converted(list(group), conv, converter.convert))
    return out


def split_converted(runs: list[str], full: str, convert: Callable[[str], str]) -> list[str]:
    """Cut ``full`` (the conversion of ``"".join(runs)``) into one piece per run."""
    text = "".join(runs)
    prefix_cache: dict[int, str] = {0: "", len(text): full}

    def prefix(c: int) -> str:
        if c not in prefix_cache:
            prefix_cache[c] = convert(text[:c])
        return prefix_cache[c]

    def is_cut(c: int) -> bool:
        if c in (0, len(text)):
            return True
        left = prefix(c)
        return full.startswith(left) and convert(text[c:]) == full[len(left) :]

    positions = [0]
    b = 0
    for run in runs[:-1]:
        b += len(run)
        if is_cut(b):
            pos = len(prefix(b))
        else:
            lo = next((c for c in range(b - 1, max(0, b - REACH) - 1, -1) if is_cut(c)), 0)
            hi = next((c for c in range(b + 1, min(len(text), b + REACH) + 1) if is_cut(c)), len(text))
            o_lo, o_hi = len(prefix(lo)), len(prefix(hi))
            pos = o_lo + round((b - lo) * (o_hi - o_lo) / (hi - lo))
        positions.append(max(pos, positions[-1]))
    positions.append(len(full))
    return [full[positions[i] : positions[i + 1]] for i in range(len(runs))]
