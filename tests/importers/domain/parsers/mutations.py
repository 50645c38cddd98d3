"""Damage a real document the ways conversions and hurried edits do, for the property tests of
every layout's parser: lines lost, repeated, shuffled, replaced, cut short, garbled."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

OPERATIONS = ("delete", "duplicate", "shuffle", "replace", "garble", "cut", "truncate")


def mutate_lines(
    data: st.DataObject,
    lines: Sequence[str],
    *,
    focus: tuple[int, int] | None = None,
    junk: Sequence[str] = ("",),
) -> list[str]:
    """Apply one to four damaging operations. With `focus` (a line range, such as a table),
    half the operations land inside it; `junk` is text a garbled line may gain, such as the
    layout's own markers, so the parser meets them in the wrong places."""
    damaged: list[str] = list(lines)
    for _ in range(data.draw(st.integers(1, 4))):
        if not damaged:
            break
        last = len(damaged) - 1
        low, high = (
            (focus[0], min(focus[1], last)) if focus and data.draw(st.booleans()) else (0, last)
        )
        index = data.draw(st.integers(min(low, last), max(high, 0)))
        operation = data.draw(st.sampled_from(OPERATIONS))
        if operation == "delete":
            del damaged[index : index + data.draw(st.integers(1, 30))]
        elif operation == "duplicate":
            damaged.insert(index, damaged[data.draw(st.integers(0, last))])
        elif operation == "shuffle":
            damaged = data.draw(st.permutations(damaged))
        elif operation == "replace":
            damaged[index] = data.draw(st.text(max_size=120))
        elif operation == "cut":
            damaged[index] = damaged[index][: data.draw(st.integers(0, len(damaged[index])))]
        elif operation == "truncate":
            damaged = damaged[:index]
        else:
            line = damaged[index]
            at = data.draw(st.integers(0, len(line)))
            noise = data.draw(st.sampled_from(list(junk))) + data.draw(st.text(max_size=5))
            damaged[index] = line[:at] + noise + line[at + 1 :]
    return damaged
