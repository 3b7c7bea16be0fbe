"""Read a source file into a document: title, sections with their heading paths, hashes.

Supported: Markdown (.md), HTML (.html/.htm), PDF (.pdf, text layer only) and plain text (.txt).
A file that cannot be read raises `LoadError` with a message a person can act on.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUPPORTED_SUFFIXES = {".md", ".markdown", ".html", ".htm", ".pdf", ".txt"}
LOADER_VERSION = 2  # 2: an HTML page's head metadata (status, canonical link) kept as front matter


class LoadError(ValueError):
    """A source file could not be turned into a document."""


@dataclass(frozen=True)
class Section:
    path: tuple[str, ...]  # heading path, outermost first; () for text before the first heading
    text: str

    @property
    def label(self) -> str:
        return " > ".join(self.path)


@dataclass
class Document:
    doc_id: str
    source_path: str
    title: str
    sections: list[Section]
    content_hash: str
    updated_at: int
    size_bytes: int
    kind: str = field(default="")

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.sections)


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_document(path: Path, doc_id: str, max_bytes: int, data: bytes | None = None) -> Document:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(
            f"unsupported file type {suffix or '(none)'}; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}"
        )
    try:
        stat = path.stat()
    except OSError as exc:
        raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if stat.st_size > max_bytes:
        raise LoadError(
            f"file is {stat.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (MAX_DOCUMENT_BYTES={max_bytes}); split it"
        )
    if data is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise LoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise LoadError("file is empty")
    if suffix == ".pdf":
        title, sections = _parse_pdf(data)
    else:
        text = _decode_utf8(data)
        if suffix in {".md", ".markdown"}:
            title, sections = _parse_markdown(text)
        elif suffix in {".html", ".htm"}:
            title, sections = _parse_html(text, path.stem)
        else:
            title, sections = _parse_text(text)
    sections = [s for s in sections if s.text.strip()]
    if not sections:
        raise LoadError("no text found in file")
    return Document(
        doc_id=doc_id,
        source_path=str(path),
        title=title or path.stem.replace("-", " ").replace("_", " ").capitalize(),
        sections=sections,
        content_hash=content_hash(data),
        updated_at=int(stat.st_mtime),
        size_bytes=stat.st_size,
        kind=suffix.lstrip("."),
    )


def _decode_utf8(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); re-save the file as UTF-8"
        ) from exc
    if "\x00" in text:
        raise LoadError("file contains NUL bytes; it looks binary, not text")
    return text


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def _parse_markdown(text: str) -> tuple[str, list[Section]]:
    title = ""
    stack: list[tuple[int, str]] = []
    sections: list[Section] = []
    buffer: list[str] = []
    in_code = False

    def flush() -> None:
        body = "\n".join(buffer).strip()
        if body:
            sections.append(Section(tuple(h for _, h in stack), body))
        buffer.clear()

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else _MD_HEADING.match(line)
        if match:
            flush()
            level, heading = len(match.group(1)), match.group(2).strip()
            if level == 1 and not title:
                title = heading
                stack = []
                continue
            stack = [(lvl, h) for lvl, h in stack if lvl < level]
            stack.append((level, heading))
        else:
            buffer.append(line)
    flush()
    return title, sections


_META_STATUS_NAME = re.compile(r"(?:^|[-:_.])(?:status|state|lifecycle)$", re.I)


def _head_metadata(soup: Any, stem: str) -> list[str]:
    """What an HTML page's <head> says about the page itself, as metadata lines for the page-status
    check (serving/composer/status.py): a status meta tag ("retired") and a canonical link to
    another article (the page's content lives elsewhere now)."""
    lines: list[str] = []
    for meta in soup.find_all("meta"):
        name = str(meta.get("name") or meta.get("property") or "")
        content = str(meta.get("content") or "").strip()
        if content and _META_STATUS_NAME.search(name):
            lines.append(f"status: {content}")
    canonical = soup.find("link", rel="canonical")
    href = str(canonical.get("href") or "").strip() if canonical is not None else ""
    target = Path(href.split("#")[0].split("?")[0].rstrip("/")).stem if href else ""
    if target and target.lower() != stem.lower() and target.lower() != "index":
        lines.append(f"superseded_by: {href}")
    return lines


def _parse_html(text: str, stem: str = "") -> tuple[str, list[Section]]:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "html.parser")
    metadata = _head_metadata(soup, stem)
    for tag in soup(["script", "style", "noscript", "nav", "footer"]):
        tag.decompose()
    # The page's h1 names the article; <title> often carries a site suffix ("... | Help Centre").
    h1 = soup.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else ""
    if not title and soup.title:
        title = soup.title.get_text(" ", strip=True)
    body = soup.body or soup
    stack: list[tuple[int, str]] = []
    sections: list[Section] = []
    buffer: list[str] = ["---", *metadata, "---"] if metadata else []  # as a Markdown page's front matter

    def flush() -> None:
        joined = "\n".join(buffer).strip()
        if joined:
            sections.append(Section(tuple(h for _, h in stack), joined))
        buffer.clear()

    block_tags = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "pre", "blockquote"]
    for element in body.find_all(block_tags):
        if element.find_parent(["li", "tr", "dd", "blockquote"]) and element.name not in {"li", "tr"}:
            continue
        if element.name == "li" and element.find_parent("li"):
            continue
        name = element.name
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            heading = element.get_text(" ", strip=True)
            flush()
            level = int(name[1])
            if level == 1:
                stack = []
                continue
            stack = [(lvl, h) for lvl, h in stack if lvl < level]
            stack.append((level, heading))
        elif name == "tr":
            cells = [c.get_text(" ", strip=True) for c in element.find_all(["td", "th"])]
            if any(cells):
                buffer.append(" | ".join(cells))
        elif name == "li":
            buffer.append("- " + element.get_text(" ", strip=True))
        else:
            content = element.get_text(" ", strip=True)
            if content:
                buffer.append(content)
    flush()
    return title, sections


_PDF_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\.?\s+([A-Z][^.!?]{1,70})$")


def _parse_pdf(data: bytes) -> tuple[str, list[Section]]:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except (PdfReadError, ValueError, KeyError) as exc:
        raise LoadError(f"cannot parse PDF: {exc}") from exc
    if not any(p.strip() for p in pages):
        raise LoadError("PDF has no text layer (scanned image?); run OCR first or supply a text version")
    lines = [line.strip() for page in pages for line in page.splitlines()]
    title = meta_title.strip()
    stack: list[tuple[int, str]] = []
    sections: list[Section] = []
    buffer: list[str] = []

    def flush() -> None:
        joined = " ".join(buffer).strip()
        if joined:
            sections.append(Section(tuple(h for _, h in stack), joined))
        buffer.clear()

    for line in lines:
        if not line:
            continue
        if not title:
            title = line
            continue
        match = _PDF_HEADING.match(line)
        if match:
            flush()
            level = match.group(1).count(".") + 1
            stack = [(lvl, h) for lvl, h in stack if lvl < level]
            stack.append((level, f"{match.group(1)} {match.group(2).strip()}"))
        else:
            buffer.append(line)
    flush()
    return title, sections


def _parse_text(text: str) -> tuple[str, list[Section]]:
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else ""
    body = "\n".join(lines[1:]).strip() or text.strip()
    return title, [Section((), body)]
