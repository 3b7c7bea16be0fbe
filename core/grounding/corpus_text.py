"""Paragraph-sized passages (about 50-250 words, "Title: Section" line first) from the demo
corpus's Markdown, HTML and PDF files: the raw material of the perturbation generator and of
the hand-written evaluation set. Tables become one sentence per row ("Standard: delivery time
3-5 business days; price 4.95 EUR.")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.text import plain_text

REPO_ROOT = Path(__file__).resolve().parents[2]
MIN_WORDS = 50
MAX_WORDS = 250


@dataclass(frozen=True)
class Passage:
    doc: str  # path relative to the corpus root
    title: str
    section: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def corpus_root(repo: Path = REPO_ROOT) -> Path:
    """corpus/lumen-market when it exists, else corpus/ (the layout before the move)."""
    moved = repo / "corpus" / "lumen-market"
    return moved if moved.is_dir() else repo / "corpus"


def _row_sentence(header: list[str], cells: list[str]) -> str:
    if not cells:
        return ""
    first, rest = cells[0], cells[1:]
    pairs = [
        f"{h.lower()} {c}" if h else c for h, c in zip(header[1:], rest, strict=False) if c and c not in {"-", "–"}
    ]
    body = "; ".join(pairs)
    return f"{first}: {body}." if body else f"{first}."


Section = tuple[str, list[str]]  # heading, paragraphs


def _markdown_sections(text: str) -> tuple[str, list[Section]]:
    title = ""
    sections: list[Section] = []
    heading = ""
    paragraphs: list[str] = []
    table: list[list[str]] = []
    buffer: list[str] = []

    def flush_buffer() -> None:
        if buffer:
            paragraphs.append(plain_text(" ".join(buffer)))
            buffer.clear()

    def flush_table() -> None:
        if table:
            header = table[0]
            for row in table[1:]:
                if all(re.fullmatch(r":?-{2,}:?", c) for c in row if c):
                    continue
                paragraphs.append(_row_sentence(header, row))
            table.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        if line.startswith("|"):
            flush_buffer()
            table.append([plain_text(c) for c in line.strip().strip("|").split("|")])
            continue
        flush_table()
        m = re.match(r"^(#{1,4})\s+(.*)$", line)
        if m:
            flush_buffer()
            if len(m.group(1)) == 1 and not title:
                title = plain_text(m.group(2))
                continue
            if paragraphs:
                sections.append((heading, list(paragraphs)))
                paragraphs.clear()
            heading = plain_text(m.group(2))
            continue
        if not line.strip():
            flush_buffer()
            continue
        bullet = re.match(r"^\s*(?:[-*]|\d+\.)\s+(.*)$", line)
        if bullet:
            flush_buffer()
            item = plain_text(bullet.group(1))
            paragraphs.append(item if re.search(r"[.!?:]$", item) else item + ".")
            continue
        buffer.append(line.strip())
    flush_buffer()
    flush_table()
    if paragraphs:
        sections.append((heading, list(paragraphs)))
    return title, sections


def _html_sections(text: str) -> tuple[str, list[Section]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    title_tag = soup.find("h1") or soup.find("title")
    title = plain_text(title_tag.get_text(" ")) if title_tag else ""
    title = title.split(" | ")[0]
    sections: list[Section] = []
    heading = ""
    paragraphs: list[str] = []
    body = soup.find("main") or soup.body or soup
    for el in body.find_all(["h2", "h3", "h4", "p", "li", "tr"]):
        name = el.name
        if name in {"h2", "h3", "h4"}:
            if paragraphs:
                sections.append((heading, list(paragraphs)))
                paragraphs.clear()
            heading = plain_text(el.get_text(" "))
        elif name == "p" and el.find_parent("li") is None:
            paragraphs.append(plain_text(el.get_text(" ")))
        elif name == "li":
            item = plain_text(el.get_text(" "))
            paragraphs.append(item if re.search(r"[.!?:]$", item) else item + ".")
        elif name == "tr":
            table = el.find_parent("table")
            header_row = table.find("tr") if table else None
            if el is header_row:
                continue
            header = [plain_text(c.get_text(" ")) for c in header_row.find_all(["th", "td"])] if header_row else []
            cells = [plain_text(c.get_text(" ")) for c in el.find_all(["th", "td"])]
            paragraphs.append(_row_sentence(header, cells))
    if paragraphs:
        sections.append((heading, list(paragraphs)))
    return title, sections


def _pdf_sections(path: Path) -> tuple[str, list[Section]]:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    lines: list[str] = []
    for page in reader.pages:
        for line in (page.extract_text() or "").splitlines():
            if re.search(r"\|\s*Page \d+\s*$", line):
                continue
            lines.append(line.rstrip())
    title = lines[0].strip() if lines else path.stem
    sections: list[Section] = []
    heading = ""
    paragraphs: list[str] = []
    buffer: list[str] = []
    for line in lines[1:]:
        if re.match(r"^\d+(?:\.\d+)*\s+[A-Z]", line) and len(line) < 70 and not re.match(r"^\d+\.\s", line):
            if buffer:
                paragraphs.append(plain_text(" ".join(buffer)))
                buffer.clear()
            if paragraphs:
                sections.append((heading, list(paragraphs)))
                paragraphs.clear()
            heading = re.sub(r"^\d+(?:\.\d+)*\s+", "", line).strip()
            continue
        if not line.strip():
            if buffer:
                paragraphs.append(plain_text(" ".join(buffer)))
                buffer.clear()
            continue
        if re.match(r"^\d+\.\s", line) and buffer:
            paragraphs.append(plain_text(" ".join(buffer)))
            buffer.clear()
        buffer.append(line.strip())
    if buffer:
        paragraphs.append(plain_text(" ".join(buffer)))
    if paragraphs:
        sections.append((heading, list(paragraphs)))
    return title, sections


def _documents(root: Path) -> Iterator[tuple[str, str, list[Section]]]:
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in {".md", ".html", ".htm", ".pdf"}:
            continue
        rel = path.relative_to(root).as_posix()
        if path.name.lower() == "readme.md" or "/tools/" in f"/{rel}" or "bad_inputs" in rel:
            continue
        try:
            if path.suffix.lower() == ".pdf":
                title, sections = _pdf_sections(path)
            else:
                text = path.read_text(encoding="utf-8")
                title, sections = (
                    _html_sections(text) if path.suffix.lower() in {".html", ".htm"} else _markdown_sections(text)
                )
        except (UnicodeDecodeError, ValueError, OSError):
            continue
        yield rel, title, sections


def _split_long(paragraphs: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    count = 0
    for p in paragraphs:
        n = len(p.split())
        if groups[-1] and count + n > MAX_WORDS:
            groups.append([])
            count = 0
        groups[-1].append(p)
        count += n
    return [g for g in groups if g]


def passages(root: Path | None = None) -> list[Passage]:
    """All passages of the corpus, deterministic order. Short sections are merged with the
    next section of the same document until they reach MIN_WORDS."""
    out: list[Passage] = []
    for rel, title, sections in _documents(root or corpus_root()):
        pending_heading = ""
        pending: list[str] = []
        for i, (heading, paragraphs) in enumerate(sections):
            merged_heading = pending_heading or heading
            if pending and heading:
                paragraphs = [*pending, heading if heading.endswith("?") else f"{heading}:", *paragraphs]
            elif pending:
                paragraphs = [*pending, *paragraphs]
            words = sum(len(p.split()) for p in paragraphs)
            if words < MIN_WORDS and i < len(sections) - 1:
                pending, pending_heading = paragraphs, merged_heading
                continue
            pending, pending_heading = [], ""
            for group in _split_long(paragraphs):
                head = f"{title}: {merged_heading}" if merged_heading else title
                out.append(Passage(doc=rel, title=title, section=merged_heading, text=head + "\n" + "\n".join(group)))
    return out


if __name__ == "__main__":
    ps = passages()
    sizes = sorted(p.words for p in ps)
    print(
        f"{len(ps)} passages from {corpus_root()}; words min {sizes[0]} median {sizes[len(sizes) // 2]} max {sizes[-1]}"
    )
