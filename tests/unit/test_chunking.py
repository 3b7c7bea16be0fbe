import itertools

from core.chunking import Chunker
from core.keywords import document_keywords, keyword_text
from core.loaders import Document, Section
from core.schema import chunk_id


def words_tokenize(text: str) -> list[int]:
    return [hash(w) % 1000 for w in text.split()]


def make_doc(sections: list[Section], doc_id: str = "returns/a.md") -> Document:
    return Document(doc_id, doc_id, "Returns", sections, "hash", 0, 1)


def test_sections_never_share_a_chunk_and_keep_their_path() -> None:
    doc = make_doc([Section(("Electronics",), "Laptops 30 days."), Section(("Books",), "Books 14 days.")])
    chunks = Chunker(50, 10, words_tokenize).chunk(doc)
    assert [(c.section, c.text) for c in chunks] == [("Electronics", "Laptops 30 days."), ("Books", "Books 14 days.")]
    assert [c.position for c in chunks] == [0, 1]


def test_long_section_is_split_within_size_with_overlap() -> None:
    sentences = [f"Sentence number {i} talks about returns and refunds." for i in range(60)]
    doc = make_doc([Section(("Policy",), " ".join(sentences))])
    chunks = Chunker(60, 15, words_tokenize).chunk(doc)
    assert len(chunks) > 3
    assert all(c.token_count <= 60 for c in chunks)
    # consecutive chunks overlap: the start of one chunk repeats the end of the previous
    for first, second in itertools.pairwise(chunks):
        assert second.text.split(".")[0] in first.text


def test_ids_are_deterministic_and_depend_on_text_and_position() -> None:
    doc = make_doc([Section(("A",), "Alpha text."), Section(("B",), "Beta text.")])
    first = Chunker(50, 10, words_tokenize).chunk(doc)
    second = Chunker(50, 10, words_tokenize).chunk(doc)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]
    assert first[0].chunk_id == chunk_id("returns/a.md", 0, "Alpha text.")
    assert chunk_id("returns/a.md", 0, "Alpha text!") != first[0].chunk_id
    assert chunk_id("returns/b.md", 0, "Alpha text.") != first[0].chunk_id


def test_embed_text_carries_heading_line_and_keywords_are_stemmed() -> None:
    doc = make_doc([Section(("Electronics", "Laptops"), "Laptops can be returned within 30 days.")])
    chunk = Chunker(50, 10, words_tokenize).chunk(doc)[0]
    assert chunk.embed_text.startswith("Returns > Electronics > Laptops\n")
    keywords = document_keywords(chunk.heading, chunk.text, bigrams=True, heading_weight=2).split()
    assert "laptop" in keywords and "return" in keywords
    assert keywords.count("electron") == 2  # the heading counts twice
    assert "return_within" in keywords and "30_day" in keywords  # adjacent pairs, stop words skipped


def test_query_keywords_match_document_bigrams() -> None:
    assert keyword_text("How do I reset Smart Hub?", bigrams=True).split() == [
        "reset",
        "smart",
        "hub",
        "reset_smart",
        "smart_hub",
    ]
    assert keyword_text("How do I reset Smart Hub?") == "reset smart hub"


def test_overlong_heading_is_bounded() -> None:
    heading = tuple(f"Heading{i}" for i in range(40))
    doc = make_doc([Section(heading, "Body.")])
    chunk = Chunker(50, 10, words_tokenize, heading_tokens=8).chunk(doc)[0]
    assert len(words_tokenize(chunk.section)) <= 8


def test_a_chunk_that_starts_inside_a_table_gets_its_header_back() -> None:
    """A long price table is cut across chunks; the rows of the later chunks mean nothing without
    the header ("Puncture repair | 15 | While you wait" read as the table's own header)."""
    rows = [f"| Service {i} | {10 + i} EUR | ready in {i} days |" for i in range(40)]
    markdown = "\n".join(["| Service | Price | Ready |", "|---|---|---|", *rows])
    html = "\n".join(["Service | Price | Ready", *(r.strip("| ") for r in rows)])  # a converted HTML table
    for table in (markdown, html):
        chunks = Chunker(60, 10, words_tokenize).chunk(make_doc([Section(("Prices",), "Our prices:\n\n" + table)]))
        assert len(chunks) > 2
        for chunk in chunks[1:]:
            assert chunk.text.split("\n")[0].strip("| ").startswith("Service | Price | Ready")
            assert chunk.token_count <= 60
        body = [line for chunk in chunks for line in chunk.text.split("\n")]
        assert all(any(r.strip("| ") in line for line in body) for r in rows)  # no row lost


def test_a_section_without_a_table_is_cut_at_the_full_size() -> None:
    sentences = " ".join(f"Sentence number {i} talks about returns." for i in range(60))
    doc = make_doc([Section(("Policy",), sentences)])
    spared = Chunker(60, 15, words_tokenize, table_header_tokens=15).chunk(doc)
    assert [c.text for c in spared] == [
        c.text for c in Chunker(60, 15, words_tokenize, table_header_tokens=0).chunk(doc)
    ]
