"""A readable difference between two versions of a raadsmededeling.

Per section, paragraph by paragraph (difflib on lines); a changed paragraph is
shown word by word, so the wethouder sees "zeven" become "acht" inside the
sentence rather than two whole paragraphs. The template renders removals as
<del> and additions as <ins>, each with a visually hidden "verwijderd"/"toegevoegd"
so a screen reader says what the colour shows.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_WORDS = re.compile(r"\s+|[^\s]+")


@dataclass
class Paragraph:
    kind: str  # "gelijk", "weg", "erbij" or "gewijzigd"
    parts: list[tuple[str, str]] = field(default_factory=list)  # (kind, text)


@dataclass
class SectionDiff:
    naam: str
    kop: str
    gewijzigd: bool
    paragraphs: list[Paragraph]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n|\n(?=[-*] |\d+\. |#)", text or "") if p.strip()]


def _words(before: str, after: str) -> list[tuple[str, str]]:
    a, b = _WORDS.findall(before), _WORDS.findall(after)
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("gelijk", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("weg", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("erbij", "".join(b[j1:j2])))
    return parts


def diff_texts(before: str, after: str) -> list[Paragraph]:
    a, b = _paragraphs(before), _paragraphs(after)
    result: list[Paragraph] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            result += [Paragraph("gelijk", [("gelijk", p)]) for p in a[i1:i2]]
        elif op == "replace" and i2 - i1 == j2 - j1:
            result += [
                Paragraph("gewijzigd", _words(x, y))
                for x, y in zip(a[i1:i2], b[j1:j2], strict=True)
            ]
        else:
            result += [Paragraph("weg", [("weg", p)]) for p in a[i1:i2]]
            result += [Paragraph("erbij", [("erbij", p)]) for p in b[j1:j2]]
    return result


def diff_versions(before, after, fields: list[tuple[str, str]]) -> list[SectionDiff]:
    """`fields` is [(attribute, heading)]; `before`/`after` are versions (or mededelingen)."""
    sections = []
    for name, heading in fields:
        old, new = getattr(before, name) or "", getattr(after, name) or ""
        sections.append(SectionDiff(name, heading, old != new, diff_texts(old, new)))
    return sections
