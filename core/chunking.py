"""Heading-aware, token-aware chunking with overlap.

Sections never share a chunk (a citation then names one section); inside a section llama-index's
`SentenceSplitter` cuts on sentence boundaries (core.sentences: the rule the grounding guard and
checker use), counting tokens with the embedder's own tokenizer
so a chunk plus its heading line always fits the embedder's window. A chunk that starts inside a
table gets the table's header row back (a section with a table is cut a little shorter for it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from llama_index.core.node_parser import SentenceSplitter

from core.loaders import Document
from core.schema import chunk_id
from core.sentences import document_sentence_pieces
from core.text import TABLE_RULE, is_table_row

CHUNKING_VERSION = 2  # 2: a chunk starting inside a table repeats the table's header row


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    title: str
    section: str
    source: str
    position: int
    text: str
    token_count: int
    content_hash: str
    updated_at: int

    @property
    def embed_text(self) -> str:
        """What the embedder sees: the heading line, then the text."""
        heading = f"{self.title} > {self.section}" if self.section else self.title
        return f"{heading}\n{self.text}"

    @property
    def heading(self) -> str:
        return f"{self.title} {self.section}".strip()


TokenCounter = Callable[[str], list[int]]


class Chunker:
    def __init__(
        self,
        chunk_size: int,
        chunk_overlap: int,
        tokenize: TokenCounter,
        heading_tokens: int = 24,
        table_header_tokens: int = 32,
    ) -> None:
        if chunk_overlap >= chunk_size:
            raise ValueError("chunk_overlap must be smaller than chunk_size")
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self.heading_tokens = heading_tokens
        self._tokenize = tokenize
        self._splitter = self._make_splitter(chunk_size)
        # a section with a table is cut a little shorter, so that a chunk starting inside the table
        # still fits with the table's header row put back in front of it
        self.table_header_tokens = min(table_header_tokens, chunk_size // 4)
        self._table_splitter = self._make_splitter(chunk_size - self.table_header_tokens)

    def _make_splitter(self, size: int) -> SentenceSplitter:
        return SentenceSplitter(
            chunk_size=size,
            chunk_overlap=min(self.chunk_overlap, size // 2),
            tokenizer=self._tokenize,
            paragraph_separator="\n\n",
            chunking_tokenizer_fn=document_sentence_pieces,
        )

    def _bounded_heading(self, heading: str) -> str:
        tokens = self._tokenize(heading)
        if len(tokens) <= self.heading_tokens:
            return heading
        words = heading.split()
        while words and len(self._tokenize(" ".join(words) + "...")) > self.heading_tokens:
            words.pop(0)
        return "..." + " ".join(words)

    def _fits_header(self, header: str) -> bool:
        return len(self._tokenize(header)) <= self.table_header_tokens

    def chunk(self, document: Document) -> list[Chunk]:
        chunks: list[Chunk] = []
        position = 0
        for section in document.sections:
            section_label = self._bounded_heading(section.label) if section.label else ""
            has_table = any(is_table_row(line) for line in section.text.split("\n"))
            splitter = self._table_splitter if has_table else self._splitter
            cursor = 0
            for piece in splitter.split_text(section.text):
                text = piece.strip()
                if not text:
                    continue
                start = section.text.find(text.split("\n", 1)[0], cursor) if has_table else -1
                if start >= 0:
                    cursor = start
                    text = with_table_header(text, section.text[:start], self._fits_header)
                chunks.append(
                    Chunk(
                        chunk_id=chunk_id(document.doc_id, position, text),
                        doc_id=document.doc_id,
                        title=document.title,
                        section=section_label,
                        source=document.doc_id,
                        position=position,
                        text=text,
                        token_count=len(self._tokenize(text)),
                        content_hash=hashlib.sha256(text.encode()).hexdigest()[:32],
                        updated_at=document.updated_at,
                    )
                )
                position += 1
        return chunks


def with_table_header(text: str, before: str, fits: Callable[[str], bool] = lambda header: True) -> str:
    """A chunk that starts inside a table gets the table's header row back (and the Markdown rule
    under it): without it the rows' cells mean nothing, to the embedder, to a reader of the cited
    passage and to the composer, which reads a table's first row as its header."""
    if not is_table_row(text.split("\n", 1)[0]):
        return text
    block: list[str] = []  # the table's lines above the chunk, nearest last
    for line in reversed(before.rstrip("\n").split("\n")):
        if not (is_table_row(line) or TABLE_RULE.match(line)):
            break
        block.insert(0, line.strip())
    if not block or text.startswith(block[0]):
        return text
    header = "\n".join(block[:2] if len(block) > 1 and TABLE_RULE.match(block[1]) else block[:1])
    return f"{header}\n{text}" if fits(header) else text
