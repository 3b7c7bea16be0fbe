"""Heading-aware, token-aware chunking with overlap.

Sections never share a chunk (a citation then names one section); inside a section llama-index's
`SentenceSplitter` cuts on sentence boundaries (core.sentences: the rule the grounding guard and
checker use), counting tokens with the embedder's own tokenizer
so a chunk plus its heading line always fits the embedder's window.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from llama_index.core.node_parser import SentenceSplitter

from core.loaders import Document
from core.schema import chunk_id
from core.sentences import document_sentence_pieces


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
    def __init__(self, chunk_size: int, chunk_overlap: int, tokenize: TokenCounter, heading_tokens: int = 24) -> None:
        if chunk_overlap >= chunk_size:
            raise ValueError("chunk_overlap must be smaller than chunk_size")
        self.chunk_size = chunk_size
        self.chunk_overlap = chunk_overlap
        self.heading_tokens = heading_tokens
        self._tokenize = tokenize
        self._splitter = SentenceSplitter(
            chunk_size=chunk_size,
            chunk_overlap=chunk_overlap,
            tokenizer=tokenize,
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

    def chunk(self, document: Document) -> list[Chunk]:
        chunks: list[Chunk] = []
        position = 0
        for section in document.sections:
            section_label = self._bounded_heading(section.label) if section.label else ""
            for piece in self._splitter.split_text(section.text):
                text = piece.strip()
                if not text:
                    continue
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
