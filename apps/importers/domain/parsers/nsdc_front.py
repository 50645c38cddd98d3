"""The parts of an NSDC delivery plan around its tables: title, introduction, the Strategic
Themes list, each theme's heading and statement, and the RAG Classification table.

These are found by their position relative to the table header rows ("Method  By when
Lead …"), because the conversion prints the same heading as markdown in one edition and as a
table cell in the other.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from apps.importers.domain.parsed import ImportWarning, ParsedRating
from apps.importers.domain.parsers.html_cells import cell_text, tidy
from apps.importers.domain.parsers.ratings import NSDC_SCHEME, rating_in
from apps.importers.domain.tables.headings import PLAN_VOCABULARY, Use


def _any_of(use: Use) -> str:
    """A column's headings as councils write them (the vocabulary's phrases), as a pattern."""
    phrases = sorted(PLAN_VOCABULARY[use], key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


# The plan's header row: Method, By when, Lead, Action(s), under any of the names councils give
# those columns ("Target date", "Responsible officer", "Activity"), so renaming one heading does
# not make the plan unreadable.
HEADER = re.compile(
    rf"^(?:{_any_of(Use.METHOD)})\W*\s+(?:{_any_of(Use.BY_WHEN)})\W*\s+"
    rf"(?:{_any_of(Use.LEAD)})\W*\s+(?:{_any_of(Use.ACTION)})",
    re.I,
)
_PERIOD = re.compile(r"\b(20\d\d)\s*[-–/]\s*(\d{2}|20\d\d)\b")
_SHOUTED_TAIL = re.compile(r"^(.*?[a-z].*?)((?:\s+[A-Z]{3,}){2,})$")


@dataclass
class ThemeHeading:
    """A theme's heading and statement, and the lines they were printed on."""

    title: str
    statement: str
    line: int  # 1-based
    used_lines: tuple[int, ...]  # 0-based indexes of the lines the heading took up


def plain_line(raw: str) -> str:
    """A whole line as text, cells joined by spaces, without markdown heading marks."""
    return tidy(cell_text(raw.replace("\t", " ")).lstrip("#").strip("*_ "))


def read_title(lines: list[str], warnings: list[ImportWarning]) -> tuple[str, str]:
    """The plan's title from its "# … Delivery Plan …" heading, and the period it names."""
    for index, raw in enumerate(lines):
        if raw.startswith("#") and "plan" in raw.lower():
            title = plain_line(raw)
            if match := _SHOUTED_TAIL.match(title):
                title = match[1].strip()
                warnings.append(
                    ImportWarning(
                        index + 1,
                        f"Left “{match[2].strip()}” out of the title: it looks like a running "
                        "header rather than part of it.",
                    )
                )
            period = _PERIOD.search(title)
            return title, period[0].replace(" ", "") if period else ""
    return "", ""


def read_introduction(lines: list[str]) -> str:
    """The paragraphs under the "Introduction" heading."""
    paragraphs: list[str] = []
    for raw in _section(lines, "introduction"):
        if raw.startswith("#"):
            break
        if text := plain_line(raw):
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def read_strategic_bullets(lines: list[str]) -> list[str]:
    """The top-level bullets of the Strategic Themes list: the objectives, in full sentences."""
    bullets: list[str] = []
    for raw in _section(lines, "strategic themes"):
        if HEADER.match(plain_line(raw)) or "\t" in raw.strip():
            break
        if raw.startswith("- "):
            bullets.append(plain_line(raw[2:]))
        elif raw.startswith("  ") and not raw.strip().startswith("-") and bullets:
            bullets[-1] = f"{bullets[-1]} {plain_line(raw)}"
    return bullets


def _section(lines: list[str], heading: str) -> list[str]:
    for index, raw in enumerate(lines):
        if raw.startswith("#") and plain_line(raw).lower() == heading:
            return lines[index + 1 :]
    return []


def find_theme_headings(lines: list[str], warnings: list[ImportWarning]) -> dict[int, ThemeHeading]:
    """Theme headings by the 0-based index of the table header row they introduce."""
    found: dict[int, ThemeHeading] = {}
    for index, raw in enumerate(lines):
        if not HEADER.match(plain_line(raw)):
            continue
        if heading := _theme_heading(lines, _heading_lines(lines, index), warnings):
            found[index] = heading
    return found


def _heading_lines(lines: list[str], header: int) -> list[int]:
    """Up to two lines just above a header row that read as a heading and a statement."""
    found: list[int] = []
    for index in range(header - 1, max(-1, header - 8), -1):
        raw = lines[index]
        text = plain_line(raw)
        if not text:
            continue
        table_content = text.lower().startswith("objective") or re.match(r"\d{1,2}\)", text)
        if raw.lstrip().startswith("- ") or raw.startswith("  ") or table_content:
            break
        if HEADER.match(text) or len(_cells(raw)) != 1:
            break
        found.insert(0, index)
        if len(found) == 2:
            break
    return found


def _cells(raw: str) -> list[str]:
    cells = [c for c in (tidy(cell_text(c)).strip("#*_ ") for c in raw.split("\t")) if c]
    return [c for i, c in enumerate(cells) if not any(o.startswith(c) for o in cells[i + 1 :])]


def _theme_heading(
    lines: list[str], indexes: list[int], warnings: list[ImportWarning]
) -> ThemeHeading | None:
    if not indexes:
        return None
    texts = [_statement(lines[i]) for i in indexes]
    if len(indexes) == 2:
        return ThemeHeading(texts[0], texts[1], indexes[0] + 1, tuple(indexes))
    title, _, statement = texts[0].partition(" ")
    if statement and len(statement.split()) > 3:
        warnings.append(
            ImportWarning(
                indexes[0] + 1,
                f"The theme heading and its statement share one cell; read “{title}” as the "
                "heading and the rest as the statement.",
            )
        )
        return ThemeHeading(title, statement, indexes[0] + 1, tuple(indexes))
    warnings.append(ImportWarning(indexes[0] + 1, f"Theme “{texts[0]}” has no statement."))
    return ThemeHeading(texts[0], "", indexes[0] + 1, tuple(indexes))


def _statement(raw: str) -> str:
    """A heading or statement line; a cell that repeats the start of the next is dropped."""
    return " ".join(_cells(raw))


def check_statement_words(
    statement: str, title: str, text: str, line: int, warnings: list[ImportWarning]
) -> None:
    """Warn when a statement word appears nowhere else but a one-letter change of it does."""
    words = Counter(re.findall(r"[a-z]+", text.lower()))
    for word in re.findall(r"[A-Za-z]+", statement):
        lowered = word.lower()
        if len(word) < 5 or words[lowered] > 1:
            continue
        near = sorted(w for w in words if words[w] > 1 and _one_letter_apart(w, lowered))
        if near:
            guess = near[0].capitalize() if word[0].isupper() else near[0]
            warnings.append(
                ImportWarning(
                    line,
                    f"The statement for {title} has “{word}”, which may be a conversion error "
                    f"for “{guess}”; it has been kept as printed.",
                )
            )


def _one_letter_apart(first: str, second: str) -> bool:
    if len(first) != len(second):
        return False
    return sum(a != b for a, b in zip(first, second, strict=True)) == 1


def read_rag_scheme(lines: list[str], warnings: list[ImportWarning]) -> list[ParsedRating]:
    """The RAG Classification table, as Red, Amber and Green with the document's definitions."""
    start = next((i for i, r in enumerate(lines) if "rag classification" in r.lower()), None)
    if start is None:
        warnings.append(ImportWarning(0, "No RAG Classification table was found."))
        return []
    ratings: dict[str, ParsedRating] = {}
    for raw in lines[start + 1 :]:
        cells = [cell_text(c) for c in raw.split("\t") if cell_text(c)]
        match = re.match(r"(red|amber|green)\b", cells[0], re.I) if len(cells) >= 2 else None
        word = rating_in(match[1], NSDC_SCHEME) if match else None
        if word is not None and word.word not in ratings:
            definition = " ".join(cells[1:])
            ratings[word.word] = ParsedRating(word.code, word.word, definition, word.colour)
    if len(ratings) < 3:
        warnings.append(
            ImportWarning(
                start + 1,
                "The RAG Classification table does not define all of Red, Amber and Green.",
            )
        )
    return [ratings[word.word] for word in NSDC_SCHEME if word.word in ratings]
