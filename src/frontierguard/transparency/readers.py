"""Document readers: Markdown, HTML, plain text and PDF, keeping page and line positions.

Every reader returns a :class:`Document`: the cleaned text line by line, with the
page (PDF only) and the line number each came from, and the heading in force
at each line (Markdown and HTML), so evidence can be cited as ``p. 4, line 12``.
Cleaning never joins or splits lines, so positions stay those of the source.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from frontierguard.core.errors import InputError

SUFFIXES = {
    ".md": "markdown", ".markdown": "markdown", ".mdx": "markdown",
    ".html": "html", ".htm": "html",
    ".txt": "text", ".text": "text", ".rst": "text",
    ".pdf": "pdf",
}

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass
class Document:
    """A document as lines of text with their source positions."""

    path: str
    kind: str
    lines: list[str]
    pages: IntArray
    numbers: IntArray
    headings: list[str]
    skip: BoolArray | None = None
    text: str = field(init=False)
    offsets: IntArray = field(init=False)

    def __post_init__(self) -> None:
        self.text = "\n".join(self.lines)
        lengths = np.fromiter((len(s) + 1 for s in self.lines), dtype=np.int64, count=len(self.lines))
        self.offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        if self.skip is None:
            self.skip = _bibliography(self.text, self.lines, self.headings)

    @property
    def name(self) -> str:
        return Path(self.path).name

    def location(self, index: int) -> str:
        """Where line ``index`` (0-based) came from, for citing evidence."""
        line = int(self.numbers[index])
        page = int(self.pages[index])
        return f"p. {page}, line {line}" if page else f"line {line}"

    def line_at(self, offsets: IntArray) -> IntArray:
        """0-based line indexes of character offsets into :attr:`text` (vectorised)."""
        return np.searchsorted(self.offsets, offsets, side="right").astype(np.int64) - 1


_BIB_START = re.compile(r"^[ \t]*(?:\d+\.?[ \t]*)?(?:References|Bibliography|Citations?)[ \t]*$", re.I | re.M)
_BIB_END = re.compile(
    r"^[ \t]*(?:Appendix|Appendices|Supplementary)\b"
    r"|^[ \t]*[A-Z](?:\.\d+)*\.?[ \t]+[A-Z][a-z]+"
    r"(?:[ \t]+(?:[A-Z][a-z]+|and|of|for|the|on|in|with))*[ \t]*\d*[ \t]*$",
    re.M)
_BIB_HEADING = re.compile(r"^(?:References|Bibliography|Citations?|Cite|How to cite)\b", re.I)


def _bibliography(text: str, lines: list[str], headings: list[str]) -> BoolArray:
    """Lines in a references or citation section: cited titles there are not disclosures.

    A section runs from a ``References`` line to the next appendix-style heading.
    """
    n = len(lines)
    offsets = np.cumsum([0] + [len(s) + 1 for s in lines[:-1]]) if n else np.zeros(0, dtype=np.int64)

    def marks(rx: re.Pattern[str]) -> IntArray:
        idx = np.full(n, -1, dtype=np.int64)
        hits = np.searchsorted(offsets, [m.start() for m in rx.finditer(text)], side="right") - 1
        idx[hits] = hits
        return np.maximum.accumulate(idx) if n else idx

    last_start, last_end = marks(_BIB_START), marks(_BIB_END)
    by_heading = np.fromiter((bool(_BIB_HEADING.match(h)) for h in headings), dtype=bool, count=n)
    return by_heading | ((last_start >= 0) & (last_start > last_end))


def _plain(path: str, kind: str, lines: list[str], headings: list[str] | None = None) -> Document:
    n = len(lines)
    return Document(
        path, kind, lines, np.zeros(n, dtype=np.int64), np.arange(1, n + 1, dtype=np.int64),
        headings if headings is not None else [""] * n,
    )


def _read_source(p: Path) -> str:
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", p) from None
    text = raw.decode("utf-8", errors="replace")
    if not text.strip():
        raise InputError("file is empty", p)
    return text


_MD_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<!--.*?-->"), " "),
    (re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)"), r"\1"),
    (re.compile(r"\[([^\]\n]*)\]\(([^)\s\n]*)\)"), r"\1 <\2>"),
    (re.compile(r"<(?!https?:|\.|/|[A-Za-z0-9_-]+\.)[^>\n]*>"), " "),
    (re.compile(r"(\*\*|__|`+|\\(?=[*_#.~\[\]]))"), ""),
]
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$|^\s*\*\*([^*]{2,80})\*\*:?\s*$")


def clean_markdown(text: str) -> str:
    """Strip Markdown and inline HTML markup line by line (never across lines)."""
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return "\n".join(" ".join(html.unescape(line).splitlines()) for line in text.split("\n"))


def read_markdown(path: str | Path) -> Document:
    """Read Markdown: headings (``#`` and whole-line bold) become section cues."""
    p = Path(path)
    source = _read_source(p)
    raw_lines = source.splitlines()
    headings: list[str] = []
    current = ""
    for raw in raw_lines:
        m = _MD_HEADING.match(raw)
        if m:
            current = clean_markdown(m.group(2) or m.group(3) or "").strip(" #*")
        headings.append(current)
    lines = clean_markdown("\n".join(raw_lines)).split("\n")
    return _plain(str(p), "markdown", [s.lstrip("#> ").rstrip() for s in lines], headings)


_HTML_DROP = re.compile(r"<(script|style|head)\b.*?</\1\s*>", re.S | re.I)
_HTML_TAG = re.compile(r"<[^>]*>", re.S)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)


def _keep_newlines(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n") + " "


def read_html(path: str | Path) -> Document:
    """Read HTML: tags stripped in place so each line keeps its source line number."""
    p = Path(path)
    source = _read_source(p)
    heads = [(source.count("\n", 0, m.start()), _HTML_TAG.sub(" ", m.group(2)))
             for m in _HTML_HEADING.finditer(source)]
    text = _HTML_TAG.sub(_keep_newlines, _HTML_DROP.sub(_keep_newlines, source))
    lines = [" ".join(html.unescape(s).split()) for s in text.split("\n")]
    headings = [""] * len(lines)
    for i, (line, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(lines)
        headings[line:end] = [" ".join(html.unescape(title).split())] * (end - line)
    if not any(lines):
        raise InputError("no text found in HTML", p)
    return _plain(str(p), "html", lines, headings)


def read_text(path: str | Path) -> Document:
    """Read plain text as it is."""
    p = Path(path)
    return _plain(str(p), "text", [s.rstrip() for s in _read_source(p).splitlines()])


def read_pdf(path: str | Path) -> Document:
    """Read a PDF's text layer page by page (pypdf); lines are numbered within each page."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    p = Path(path)
    if not p.exists():
        raise InputError("file not found", p)
    if p.stat().st_size == 0:
        raise InputError("file is empty", p)
    lines: list[str] = []
    pages: list[int] = []
    numbers: list[int] = []
    try:
        reader = PdfReader(p)
        for page_no, page in enumerate(reader.pages, start=1):
            page_lines = (page.extract_text() or "").splitlines()
            lines.extend(" ".join(s.split()) for s in page_lines)
            pages.extend([page_no] * len(page_lines))
            numbers.extend(range(1, len(page_lines) + 1))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"unreadable PDF: {exc}", p) from None
    if not any(lines):
        raise InputError("PDF has no extractable text (scanned images need OCR first)", p)
    return Document(
        str(p), "pdf", lines, np.asarray(pages, dtype=np.int64),
        np.asarray(numbers, dtype=np.int64), [""] * len(lines),
    )


def read_document(path: str | Path) -> Document:
    """Read any supported document, choosing the reader by suffix (or the ``%PDF`` magic)."""
    p = Path(path)
    if not p.is_file():
        raise InputError("file not found", p)
    kind = SUFFIXES.get(p.suffix.lower())
    with p.open("rb") as fh:
        if fh.read(5) == b"%PDF-":
            kind = "pdf"
    if kind is None:
        known = ", ".join(sorted(SUFFIXES))
        raise InputError(f"unsupported document type {p.suffix or '(none)'!r} (known: {known})", p)
    readers = {"markdown": read_markdown, "html": read_html, "text": read_text, "pdf": read_pdf}
    return readers[kind](p)
