from pathlib import Path

import pytest

from core.loaders import LoadError, load_document

MAX = 1_000_000


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_markdown_title_and_heading_paths(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "a.md",
        "# Returns\n\nIntro text.\n\n## Electronics\n\n30 days.\n\n### Opened items\n\nFee 15%.\n\n## Books\n\n14 days.\n",
    )
    doc = load_document(path, "a.md", MAX)
    assert doc.title == "Returns"
    assert [s.path for s in doc.sections] == [(), ("Electronics",), ("Electronics", "Opened items"), ("Books",)]
    assert doc.sections[2].text == "Fee 15%."


def test_markdown_heading_inside_code_block_is_text(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "c.md", "# T\n\n```\n# not a heading\n```\n"), "c.md", MAX)
    assert len(doc.sections) == 1 and "# not a heading" in doc.sections[0].text


def test_html_sections_lists_and_tables(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Shipping</title></head><body><h1>Shipping</h1><p>Intro</p>"
        "<h2>Options</h2><ul><li>Standard 3-5 days</li><li>Express 1-2 days</li></ul>"
        "<h3>Prices</h3><table><tr><th>Option</th><th>Price</th></tr><tr><td>Express</td><td>9.95 EUR</td></tr></table>"
        "<script>var x = 1;</script></body></html>"
    )
    doc = load_document(write(tmp_path, "s.html", html), "s.html", MAX)
    assert doc.title == "Shipping"
    labels = [s.label for s in doc.sections]
    assert labels == ["", "Options", "Options > Prices"]
    assert "- Express 1-2 days" in doc.sections[1].text
    assert "Express | 9.95 EUR" in doc.sections[2].text
    assert "var x" not in doc.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", b"", "empty"),
        ("blank.md", b"   \n\n", "empty"),
        ("latin1.txt", "Retour gratuit: très simple, schön".encode("latin-1"), "not valid UTF-8"),
        ("binary.md", bytes(range(256)), "not valid UTF-8"),
        ("note.docx", b"PK\x03\x04", "unsupported file type"),
    ],
)
def test_bad_inputs_raise_clear_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(LoadError, match=message):
        load_document(write(tmp_path, name, data), name, MAX)


def test_oversized_file_is_rejected_without_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", "x" * 2048)
    with pytest.raises(LoadError, match="over the 0 MB limit"):
        load_document(path, "big.txt", 1024)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 50)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(LoadError, match="no text layer"):
        load_document(path, "scan.pdf", MAX)


def test_pdf_numbered_headings_become_sections(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ["Volt 14 Manual", "1 Getting started", "Unpack the laptop.", "1.1 Charging", "Use the 65 W adapter."]:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "manual.pdf"
    pdf.output(str(path))
    doc = load_document(path, "manual.pdf", MAX)
    assert doc.title == "Volt 14 Manual"
    assert [s.label for s in doc.sections] == ["1 Getting started", "1 Getting started > 1.1 Charging"]


def test_html_head_status_and_canonical_become_front_matter(tmp_path: Path) -> None:
    """A retired article is often marked only in its <head>; the page-status check reads it."""
    from serving.composer.status import stale_reason

    head = (
        '<meta name="robots" content="noindex"><meta name="page-status" content="retired">'
        '<link rel="canonical" href="https://help.example/delivery/delivery-charges">'
    )
    retired = write(
        tmp_path,
        "shipping-charges.html",
        f"<html><head>{head}</head><body><h1>Shipping</h1><p>Delivery is 40.</p></body></html>",
    )
    doc = load_document(retired, "delivery/shipping-charges.html", 10**6)
    assert doc.sections[0].text.splitlines() == [
        "---",
        "status: retired",
        "superseded_by: https://help.example/delivery/delivery-charges",
        "---",
    ]
    assert stale_reason(doc.sections[0].text, doc.title, "")
    own = '<link rel="canonical" href="https://help.example/delivery/delivery-charges/">'
    current = write(
        tmp_path,
        "delivery-charges.html",
        f"<html><head>{own}</head><body><h1>Charges</h1><p>Delivery is 49.</p></body></html>",
    )
    doc = load_document(current, "delivery/delivery-charges.html", 10**6)
    assert [s.text for s in doc.sections] == ["Delivery is 49."]
    assert not stale_reason(doc.sections[0].text, doc.title, "")
