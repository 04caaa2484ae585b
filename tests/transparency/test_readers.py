from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.core.errors import InputError
from frontierguard.transparency.readers import clean_markdown, read_document

MD = """# Model card

## Training Data
Trained on **15 trillion tokens** from [public sources](https://example.org/data).
<table><tr><td>Context length</td><td>128K</td></tr></table>

**Red teaming**
We conducted red teaming.
"""


def test_markdown_keeps_lines_and_headings(write) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(write("card.md", MD))
    assert doc.kind == "markdown"
    assert len(doc.lines) == len(MD.splitlines())
    assert doc.lines[3] == "Trained on 15 trillion tokens from public sources <https://example.org/data>."
    assert doc.location(3) == "line 4"
    assert doc.headings[3] == "Training Data"
    assert "Context length" in doc.lines[4] and "<td>" not in doc.lines[4]
    assert doc.headings[7] == "Red teaming"


def test_html_strips_tags_in_place(write) -> None:  # type: ignore[no-untyped-def]
    src = ("<html><head><title>x</title><style>p{}</style></head>\n<body>\n<h2>Compute</h2>\n"
           "<p>Trained on <b>H100</b> GPUs &amp; more.</p>\n"
           "<script>var a = 'trained';\n</script>\n</body></html>")
    doc = read_document(write("page.html", src))
    assert doc.kind == "html"
    assert doc.lines[3] == "Trained on H100 GPUs & more."
    assert doc.location(3) == "line 4"
    assert doc.headings[3] == "Compute"
    assert "var a" not in doc.text


def test_plain_text(write) -> None:  # type: ignore[no-untyped-def]
    doc = read_document(write("notes.txt", "first\n\nthird line  \n"))
    assert doc.lines == ["first", "", "third line"]
    assert doc.location(2) == "line 3"


def test_pdf_pages_and_lines(pdf_file: Path) -> None:
    doc = read_document(pdf_file)
    assert doc.kind == "pdf"
    i = next(n for n, s in enumerate(doc.lines) if "GPU hours" in s)
    assert doc.location(i) == "p. 2, line 1"
    assert any("70B total parameters" in s for s in doc.lines)


def test_pdf_detected_by_magic_whatever_the_suffix(tmp_path: Path, pdf_file: Path) -> None:
    other = tmp_path / "report.bin"
    other.write_bytes(pdf_file.read_bytes())
    assert read_document(other).kind == "pdf"


@pytest.mark.parametrize(("name", "data", "message"), [
    ("empty.md", b"", "file is empty"),
    ("blank.txt", b"  \n\n", "file is empty"),
    ("broken.pdf", b"%PDF-1.4\nthis is not really a pdf", "unreadable PDF"),
    ("empty.pdf", b"", "file is empty"),
    ("data.xlsx", b"PK\x03\x04", "unsupported document type"),
])
def test_bad_input_names_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_document(p)
    assert message in str(exc.value)
    assert name in str(exc.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nope.md")


def test_references_section_is_skipped(write) -> None:  # type: ignore[no-untyped-def]
    text = ("Intro line\nReferences\nA. Author, B. Author. Contamination-free evaluation.\n"
            "A. Appendix Details\nBody")
    doc = read_document(write("paper.txt", text))
    assert doc.skip is not None
    assert list(doc.skip) == [False, True, True, False, False]


_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=40)
_MARKUP = st.sampled_from(
    ["**", "`", "<b>", "</td>", "&#10;", "&amp;", "[a](b)", "![i](x.png)", "<!-- c -->", "\r"])


@given(st.lists(st.lists(st.one_of(_LINE, _MARKUP), max_size=6).map("".join), max_size=20))
def test_markdown_cleaning_never_moves_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert clean_markdown(text).count("\n") == text.count("\n")
