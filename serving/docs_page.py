"""The source document behind a citation, as an HTML page with section anchors.

The page is built from the same parsed `Document` the indexer chunked (core.loaders), so every
section label a citation carries has a heading with the matching anchor (`serving.sources`).
Markdown and HTML text is rendered by markdown-it with raw HTML disabled; PDF and plain text are
shown as escaped paragraphs.
"""

from __future__ import annotations

import html
from pathlib import Path

from markdown_it import MarkdownIt

from core.loaders import SUPPORTED_SUFFIXES, Document, LoadError, load_document
from core.schema import document_id
from serving.sources import SECTION_SEPARATOR, slugify

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


class DocumentNotFound(LookupError):
    pass


def resolve_source(source_dir: Path, doc_id: str) -> Path:
    """The file of `doc_id` inside `source_dir`; never a path outside it."""
    root = source_dir.resolve()
    try:
        path = (root / doc_id).resolve()
        found = path.is_relative_to(root) and path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
    except (ValueError, OSError) as exc:  # a NUL byte, a name too long for the OS
        raise DocumentNotFound(doc_id) from exc
    if not found:
        raise DocumentNotFound(doc_id)
    return path


def load_source(source_dir: Path, doc_id: str, max_bytes: int) -> Document:
    path = resolve_source(source_dir, doc_id)
    try:
        return load_document(path, document_id(doc_id), max_bytes)
    except LoadError as exc:
        raise DocumentNotFound(f"{doc_id}: {exc}") from exc


def _body_html(text: str, kind: str) -> str:
    if kind in {"md", "markdown", "html", "htm"}:
        return _MARKDOWN.render(text)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)


def document_html(document: Document) -> str:
    """The document's body: headings (with anchors) and section texts."""
    out: list[str] = []
    used: set[str] = set()
    # Full-path anchors win over the last-heading aliases that shortened labels use.
    full = {slugify(SECTION_SEPARATOR.join(s.path[: d + 1])) for s in document.sections for d in range(len(s.path))}
    previous: tuple[str, ...] = ()
    for section in document.sections:
        path = section.path
        common = 0
        while common < min(len(path), len(previous)) and path[common] == previous[common]:
            common += 1
        for depth in range(common, len(path)):
            anchor = slugify(SECTION_SEPARATOR.join(path[: depth + 1]))
            anchor_id = anchor if anchor not in used else f"{anchor}-{len(used)}"
            used.add(anchor_id)
            short = slugify(path[depth])
            alias = ""
            if short not in used and short not in full:
                used.add(short)
                alias = f'<a class="alias" id="{short}"></a>'
            level = min(depth + 2, 6)
            out.append(f'{alias}<h{level} id="{anchor_id}">{html.escape(path[depth])}</h{level}>\n')
        out.append(f'<div class="section">{_body_html(section.text, document.kind)}</div>\n')
        previous = path
    return "".join(out)


def page_html(document: Document) -> str:
    title = html.escape(document.title)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - ragdesk source</title>
<link rel="stylesheet" href="/static/docs.css">
</head>
<body>
<header><a href="/">&larr; back to chat</a> <span class="doc-id">{html.escape(document.doc_id)}</span></header>
<article>
<h1>{title}</h1>
{document_html(document)}
</article>
</body>
</html>
"""
