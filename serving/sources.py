"""Links from citations to the source page: `/docs/<doc_id>#<section-slug>`. The page renderer
(`serving.docs_page`) gives every heading the same anchors, so a citation lands on its section."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

SECTION_SEPARATOR = " > "
_NON_WORD = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NON_WORD.sub("-", ascii_text.lower()).strip("-")


def section_anchor(section: str) -> str:
    """The anchor of a section label such as "Unopened vs. opened > Unopened items". A label the
    chunker shortened ("...opened > Unopened items") is anchored by its last heading alone."""
    section = section.strip()
    if not section:
        return ""
    if section.startswith("..."):
        return slugify(section.rsplit(SECTION_SEPARATOR, 1)[-1])
    return slugify(section)


def source_url(doc_id: str, section: str, base_url: str = "") -> str:
    anchor = section_anchor(section)
    url = f"{base_url.rstrip('/')}/docs/{quote(doc_id)}"
    return f"{url}#{anchor}" if anchor else url
