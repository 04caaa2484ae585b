"""Fact extractors: find the key disclosures in a document and tell them from mentions.

Each extractor scans the whole text with one compiled pattern (C speed), then
checks the sentence around every candidate: a fact counts only when the sentence
states it (a number with its unit, a training context, an activity), so an H100
named for inference or a bare "red teaming" heading is not a disclosure.
An extractor's docstring is the explanation shown to users.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from frontierguard.core.registry import Registry
from frontierguard.transparency.readers import Document

IC = re.IGNORECASE


@dataclass(frozen=True)
class Fact:
    """One extracted fact: what it is, its value, and the sentence stating it."""

    kind: str
    value: str
    line: int
    text: str


@dataclass(frozen=True)
class Extractor:
    """A named fact extractor; ``description`` is its docstring."""

    name: str
    func: Callable[[Document], list[Fact]]

    @property
    def description(self) -> str:
        return " ".join((self.func.__doc__ or "").split())

    def __call__(self, doc: Document) -> list[Fact]:
        return self.func(doc)


_BOUNDARY = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\[])|\n\s*\n|\n(?=\s*[-*•|#]|\s*\d+\.\s)")
SENTENCE_CAP = 400


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Span of the sentence (or table row / list item) around ``text[start:end]``."""
    lo = max(0, start - SENTENCE_CAP)
    before = [m.end() for m in _BOUNDARY.finditer(text, lo, start)]
    s = before[-1] if before else lo
    after = _BOUNDARY.search(text, end, min(len(text), end + SENTENCE_CAP))
    e = after.start() if after else min(len(text), end + SENTENCE_CAP)
    return s, e


def _scan(
    doc: Document, kind: str, candidate: re.Pattern[str],
    accept: Callable[[str, re.Match[str]], bool], value: Callable[[re.Match[str]], str],
) -> list[Fact]:
    out: list[Fact] = []
    seen: set[tuple[int, int]] = set()
    for m in candidate.finditer(doc.text):
        s, e = sentence(doc.text, m.start(), m.end())
        if (s, e) in seen:
            continue
        sent = doc.text[s:e]
        if accept(sent, m):
            seen.add((s, e))
            line = int(doc.line_at(np.asarray([m.start()]))[0])
            out.append(Fact(kind, value(m), line, " ".join(sent.split())))
    return out


def _always(_s: str, _m: re.Match[str]) -> bool:
    return True


def _whole(m: re.Match[str]) -> str:
    return " ".join(m.group(0).split())


NUM = r"\d+(?:[.,]\d+)?"
SCALE = r"(?:[KMBT]\b|thousand|million|billion|trillion)"
TRAIN = re.compile(r"\b(?:train(?:ed|ing|s)?|pre-?train\w*|post-?train\w*)\b", IC)
INFER = re.compile(
    r"\b(?:inference|serv(?:e|ed|ing)|deploy\w*|decod\w*|run(?:s|ning)?\s+(?:on|in)|fits?\s+(?:on|in|into|within)"
    r"|can\s+(?:run|fit)|requires?|recommended|latency|throughput|local(?:ly)?)\b", IC)
ACCEL = (r"\b(?:[HAV]100|H800|H20|H200|A800|B200|GB200|L40S?|MI[23]\d\dX?|TPU\s?v?\d\w*|TPUs?"
         r"|Ascend\s?9\d\d\w*|Gaudi\s?\d|Trainium\d?)\b")


def _training_context(sent: str, m: re.Match[str], reach: int = 90) -> bool:
    """True when the sentence is about training and, if it also talks of inference,
    a training word sits within ``reach`` characters of the match."""
    trains = [t.start() for t in TRAIN.finditer(sent)]
    if not trains:
        return False
    if not INFER.search(sent):
        return True
    pos = sent.find(m.group(0))
    return any(abs(t - pos) <= reach for t in trains)


_PARAMS = re.compile(
    rf"(?:\b{NUM}\s*{SCALE}[\s-]*(?:total\s+|active\s+|activated\s+)?param\w*"
    rf"|\bparam\w*\s*(?:count|size)?\s*(?:of|:|is|=|\|)\s*~?{NUM}\s*{SCALE})", IC)


def parameter_count(doc: Document) -> list[Fact]:
    """Parameter count: a number with a scale (B, billion, ...) next to the word parameters."""
    return _scan(doc, "parameter_count", _PARAMS, _always, _whole)


_COMPUTE = re.compile(
    rf"\b{NUM}\s*{SCALE}?\s*(?:[A-Z]\d{{2,3}}[\w-]*\s+)?(?:GPU|TPU|accelerator|chip)[\s-]hours?\b"
    rf"|\b{NUM}\s*(?:[x×*]|\\times)\s*10\s*\^?\s*\{{?\d{{2}}\}}?\s*FLOP"
    rf"|\b\d(?:\.\d+)?\s*e\+?\d{{2}}\s*FLOP", IC)


def training_compute(doc: Document) -> list[Fact]:
    """Training compute: GPU/TPU-hours or FLOP with a number, in a sentence about training
    (compute quoted for inference or serving is not a training-compute disclosure)."""
    def accept(sent: str, m: re.Match[str]) -> bool:
        return ("hour" in m.group(0).lower() and not INFER.search(sent)) or _training_context(sent, m)
    return _scan(doc, "training_compute", _COMPUTE, accept, _whole)


_ACCEL = re.compile(ACCEL, IC)


def training_hardware(doc: Document) -> list[Fact]:
    """Training hardware: an accelerator model (H100, H800, TPU v5, Ascend 910, ...) named in a
    sentence about training. An H100 named to run or serve the model is not a disclosure."""
    return _scan(doc, "training_hardware", _ACCEL, _training_context, _whole)


_DATA_SRC = re.compile(
    r"\b(?:publicly\s+available|web\s+(?:data|pages|crawl)|crawl\w*|Common\s?Crawl|licensed\s+data"
    r"|synthetic(?:ally)?[\s-]+(?:generated\s+)?data|books|Wikipedia|arXiv|code\s+(?:data|repositories)"
    r"|human[\s-]annotated|products\s+and\s+services|instruction\s+datasets)\b", IC)
_DATA_CTX = re.compile(
    r"\b(?:(?:pre-?)?train(?:ed|ing)\s+(?:on|data|corpus|dataset)|pre-?trained\s+on|corpus|training\s+data"
    r"|data\s+(?:mix|mixture|sources?))\b", IC)


def data_sources(doc: Document) -> list[Fact]:
    """Training data sources: a kind of source (public web, licensed, synthetic, books, code,
    products and services) named in a sentence about training data or the corpus."""
    return _scan(doc, "data_sources", _DATA_SRC, lambda s, m: bool(_DATA_CTX.search(s)), _whole)


_TOKENS = re.compile(rf"\b~?{NUM}\s*{SCALE}\s+(?:high[\s-]quality\s+(?:and\s+diverse\s+)?)?tokens\b", IC)


def data_size(doc: Document) -> list[Fact]:
    """Training data size: a token count (e.g. 15 trillion tokens) in a sentence about training."""
    return _scan(doc, "data_size", _TOKENS, lambda s, m: _training_context(s, m, 200), _whole)


MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}"
         r"|\b\d{4}[-/]\d{1,2}\b|\b(?:early|mid|late|end\s+of)\s+\d{4}")
_CUTOFF = re.compile(
    r"\b(?:(?:knowledge|data|training)[\s-]*cut-?off|cut-?off\s+(?:date|of|is)|data\s+freshness)\b", IC)
_DATE = re.compile(MONTH, IC)


def data_cutoff(doc: Document) -> list[Fact]:
    """Data cutoff: the words knowledge/data cutoff or data freshness with a month and year."""
    def value(m: re.Match[str]) -> str:
        s, e = sentence(doc.text, m.start(), m.end())
        d = _DATE.search(doc.text, s, e)
        return d.group(0) if d else m.group(0)
    return _scan(doc, "data_cutoff", _CUTOFF, lambda s, m: bool(_DATE.search(s)), value)


_CONTEXT = re.compile(
    rf"\bcontext\s+(?:length|window|size)\b[^.\n]{{0,60}}?\b{NUM}\s*[KM]\b(?!\s*(?:GPU|TPU|H\d|tokens?\s+for))"
    rf"|\bcontext\s+(?:length|window)\s+(?:of\s+)?(?:up\s+to\s+)?\d{{1,3}},?\d{{3}}\s+tokens"
    rf"|\b{NUM}\s*[KM][\s-]+(?:token\s+)?context\b", IC)


def context_length(doc: Document) -> list[Fact]:
    """Context length: the context length or window with a size (128K, 32,768 tokens)."""
    return _scan(doc, "context_length", _CONTEXT, _always, _whole)


BENCH = (r"\b(?:MMLU(?:-Pro|-Redux)?|GPQA|HumanEval|MBPP|GSM-?8K|MATH(?:-500)?|AIME|LiveCodeBench|SWE-?bench"
         r"|ARC-(?:C|Challenge|Easy)|HellaSwag|BBH|DROP|IFEval|TriviaQA|Codeforces|MMMU|ChartQA|DocVQA"
         r"|Arena-?Hard|AlpacaEval|MGSM|BFCL|C-?Eval|CMMLU|Winogrande|PIQA|TruthfulQA|MultiPL-E|Terminal-?Bench"
         r"|BrowseComp|HLE|Humanity's\s+Last\s+Exam|tau2?-?bench|τ2?-?Bench|LongBench|RULER)\b")
_BENCH_NUM = re.compile(BENCH + r"[^\n]{0,200}?\b\d{1,3}\.\d\b", IC)


def evaluation_results(doc: Document) -> list[Fact]:
    """Evaluation results: a named benchmark (MMLU, GPQA, SWE-bench, ...) with a score on the
    same line or table row."""
    return _scan(doc, "evaluation_results", _BENCH_NUM, _always,
                 lambda m: m.group(0).split()[0].strip("|:,"))


_REDTEAM = re.compile(r"\bred[\s-]?team\w*\b", IC)
_ACTIVITY = re.compile(
    r"\b(?:conduct\w*|perform\w*|engag\w*|carried\s+out|partner\w*|exercises?|experts?|adversarial"
    r"|external|we\s+(?:ran|run|did|tested|red-?teamed)|underw\w+|results?)\b", IC)


def red_teaming(doc: Document) -> list[Fact]:
    """Red teaming: red teaming described as an activity (conducted, with experts, adversarial
    exercises), not just named."""
    return _scan(doc, "red_teaming", _REDTEAM, lambda s, m: bool(_ACTIVITY.search(s)), _whole)


_MITIG = re.compile(
    r"\b(?:safety\s+(?:fine-?tun\w*|tuning|training|data|mitigations?|alignment)|safeguards?|mitigat\w+"
    r"|refus(?:e|al|als)|Llama\s+Guard|Prompt\s+Guard|Code\s+Shield|content\s+filter\w*"
    r"|system[\s-]level\s+protections?|guardrails?|data\s+filtering)\b", IC)
_DOING = re.compile(
    r"\b(?:we\s+(?:\w+\s+)?(?:use|used|apply|applied|implement\w*|deploy\w*|employ\w*|leverage\w*|built"
    r"|develop\w*|provide\w*|put|took|take|fine-?tun\w*|train\w*|incorporat\w*)"
    r"|(?:was|were|is|are|been)\s+(?:\w+\s+)?(?:applied|implemented|used|trained|tuned|deployed|built))\b",
    IC)


def mitigations(doc: Document) -> list[Fact]:
    """Mitigations: a safeguard (safety tuning, refusals, filters, guard models) that the
    developer says it applied, not just a word."""
    return _scan(doc, "mitigations", _MITIG, lambda s, m: bool(_DOING.search(s)), _whole)


_POLICY = re.compile(
    r"\b(?:acceptable\s+use\s+polic\w+|usage\s+polic\w+|use\s+polic\w+|prohibited\s+uses?"
    r"|out[\s-]of[\s-]scope(?:\s+uses?)?|terms\s+of\s+(?:use|service))\b", IC)
_POLICY_STATE = re.compile(
    r"https?://|<\S+>|\b(?:prohibit\w*|violat\w*|must\s+not|may\s+not|not\s+(?:be\s+)?(?:used|permitted)"
    r"|in\s+any\s+manner|available\s+at)\b", IC)


def usage_policy(doc: Document) -> list[Fact]:
    """Usage policy: an acceptable-use or usage policy stated (prohibited uses listed) or
    linked, not only named."""
    return _scan(doc, "usage_policy", _POLICY, lambda s, m: bool(_POLICY_STATE.search(s)), _whole)


_REPORT = re.compile(
    r"\breport(?:ing|s|ed)?\b[^.\n]{0,80}?\b(?:bugs?|vulnerabilit\w+|security\s+(?:issues?|concerns?)"
    r"|incidents?|risky\s+content|misuse|violations?|concerns?|output)"
    r"|\b(?:bug\s+bounty|incident\s+report\w*)", IC)
_CHANNEL = re.compile(
    r"https?://|<\S+>|\S+@\S+\.\w+|\b(?:e-?mail|form|portal|mechanism|program(?:me)?|hotline|contact)\b", IC)


def incident_reporting(doc: Document) -> list[Fact]:
    """Incident reporting: a way to report bugs, vulnerabilities, incidents or risky outputs
    with a channel (link, e-mail, form or programme)."""
    return _scan(doc, "incident_reporting", _REPORT, lambda s, m: bool(_CHANNEL.search(s)), _whole)


_LICENCE = re.compile(
    r"\b(?:licen[cs]ed\s+under|released\s+under|distributed\s+under|available\s+under|subject\s+to"
    r"|licen[cs]e\s*:)[^.\n]{0,80}?\b(?:Apache(?:[\s-]2\.0)?|MIT|BSD|GPL|Community\s+Licen[cs]e\w*"
    r"|CC[\s-]BY[\w.-]*|Model\s+(?:Licen[cs]e|Agreement)|OpenRAIL\w*|custom\s+commercial\s+licen[cs]e"
    r"|Modified\s+MIT|research\s+licen[cs]e)", IC)


def licence(doc: Document) -> list[Fact]:
    """Licence: the terms the model is released under, named (Apache 2.0, MIT, a community
    licence, a model agreement)."""
    return _scan(doc, "licence", _LICENCE, _always, _whole)


EXTRACTORS: Registry[Extractor] = Registry("fact extractor", [
    Extractor("parameter_count", parameter_count),
    Extractor("training_compute", training_compute),
    Extractor("training_hardware", training_hardware),
    Extractor("data_sources", data_sources),
    Extractor("data_size", data_size),
    Extractor("data_cutoff", data_cutoff),
    Extractor("context_length", context_length),
    Extractor("evaluation_results", evaluation_results),
    Extractor("red_teaming", red_teaming),
    Extractor("mitigations", mitigations),
    Extractor("usage_policy", usage_policy),
    Extractor("incident_reporting", incident_reporting),
    Extractor("licence", licence),
])
