"""Prompt template fingerprints: SQL normalisation, md5 template ids and a vectorised SimHash.

The normaliser (``traffic/sql/template_norm.sql``) replaces code spans, URLs, quoted spans,
capitalised names/entities and every word holding a digit by placeholders, lower-cases and
collapses whitespace, so prompts filled from one template with different numbers or names
share a ``template_id`` (md5 of the normalised text).

``template_simhash`` is a 64-bit SimHash of the normalised template's word unigrams and
bigrams (first ``MAX_TOKENS`` words), computed with numpy over the DISTINCT templates only:
near-identical templates differ in few bits (see :func:`hamming`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from frontierguard.core import store
from frontierguard.traffic.signals.sqltext import render, sql_file

MAX_TOKENS = 32  # at most 255 (see _bit_counts)
# (shift, mask) of the three bit ranges of a SimHash that linkage keys accounts by: two
# templates sharing any one range share a band (pigeonhole: within 2 differing bits, always)
BANDS = ((43, 0x1FFFFF), (22, 0x1FFFFF), (0, 0x3FFFFF))
SLICE = 32_768
THREADS = min(4, os.cpu_count() or 1)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def normalise_sql(text: str) -> str:
    """The normalisation expression over the SQL expression ``text``."""
    return render(sql_file("template_norm.sql"), text=text)


def normalise(texts: Sequence[str | None]) -> list[str | None]:
    """Normalised templates of ``texts`` (the pipeline's own SQL, run in DuckDB)."""
    items = list(texts)
    table = pa.table({"_i": pa.array(range(len(items)), pa.int64()),
                      "text": pa.array(items, pa.string())})
    con = store.connect(":memory:")
    try:
        con.register("_texts", table)
        rows = con.execute(f"SELECT {normalise_sql('text')} FROM _texts ORDER BY _i").fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def _splitmix(x: np.ndarray) -> np.ndarray:
    z = x ^ (x >> np.uint64(30))
    z = z * _MIX1
    z = z ^ (z >> np.uint64(27))
    z = z * _MIX2
    out: np.ndarray = z ^ (z >> np.uint64(31))
    return out


def _token_hashes(vocab: pa.Array) -> np.ndarray:
    """64-bit hashes of the distinct tokens (the vocabulary, not every occurrence)."""
    words = vocab.to_pylist()
    raw = b"".join(hashlib.blake2b(w.encode("utf-8"), digest_size=8).digest() for w in words)
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


_LANES = np.uint64(0x0101010101010101)


def _bit_counts(h: np.ndarray, parents: np.ndarray, n: int) -> np.ndarray:
    """Per parent row (``parents`` ascending), how many of its hashes have each of the 64
    bits set: an ``(n, 64)`` array.

    Vectorised without a per-bit pass: ``(h >> j) & 0x0101..01`` holds bits j, j+8, ...,
    j+56 in the eight byte lanes of one word, so one segmented sum (``np.add.reduceat``)
    counts eight bits at once. A lane holds at most 255, hence at most 255 hashes a row
    (``MAX_TOKENS`` unigrams, one fewer bigrams).
    """
    counts = np.zeros((n, 64), dtype=np.int64)
    rows = np.flatnonzero(np.bincount(parents, minlength=n))
    if rows.size == 0:
        return counts
    starts = np.searchsorted(parents, rows)
    lanes = np.empty((rows.size, 8), dtype="<u8")
    for j in range(8):
        lanes[:, j] = np.add.reduceat((h >> np.uint64(j)) & _LANES, starts)
    # lanes[row, j] byte l counts bit 8l + j: reorder (row, j, l) to (row, l, j)
    counts[rows] = lanes.view(np.uint8).reshape(-1, 8, 8).transpose(0, 2, 1).reshape(-1, 64)
    return counts


def _majority_bits(parts: list[tuple[np.ndarray, np.ndarray]], n: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Per parent row: the 64-bit word whose bit b is set when most of its feature hashes
    have bit b set, and the number of features; ``parts`` are (hashes, ascending parents)."""
    counts = sum((_bit_counts(h, p, n) for h, p in parts), np.zeros((n, 64), dtype=np.int64))
    total = sum((np.bincount(p, minlength=n) for _, p in parts), np.zeros(n, dtype=np.int64))
    bits = (2 * counts > total[:, None]).astype(np.uint8)
    words = np.packbits(bits, axis=1, bitorder="little").view("<i8").reshape(n)
    return words.astype(np.int64), total


def simhash(texts: pa.Array | Sequence[str | None]) -> pa.Array:
    """64-bit SimHash (as signed int64) of each normalised template; null for null/empty."""
    arr = texts if isinstance(texts, pa.Array) else pa.array(list(texts), pa.string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    n = len(arr)
    tokens = pc.list_slice(pc.split_pattern(arr, " "), 0, MAX_TOKENS)
    parents = pc.list_parent_indices(tokens).to_numpy().astype(np.int64)
    flat = pc.list_flatten(tokens)
    keep = pc.not_equal(flat, "").to_numpy(zero_copy_only=False)
    encoded = pc.dictionary_encode(flat)
    uni = _token_hashes(encoded.dictionary)[encoded.indices.to_numpy()][keep]
    parents = parents[keep]
    same = parents[1:] == parents[:-1]
    bi = _splitmix((uni[:-1] * _GOLDEN) ^ uni[1:])[same]
    words, total = _majority_bits([(uni, parents), (bi, parents[1:][same])], n)
    return pa.array(words, pa.int64(), mask=total == 0)


def hamming(a: int | np.ndarray, b: int | np.ndarray) -> int | np.ndarray:
    """Number of differing bits between SimHashes (scalars or arrays)."""
    x = np.bitwise_xor(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
    out = np.bitwise_count(x.view(np.uint64))
    return int(out) if out.ndim == 0 else out


def simhash_table(table: pa.Table) -> pa.Table:
    """Arrow step for :meth:`Engine.apply_udf`: ``(template_id, template)`` ->
    ``(template_id, template_simhash)``, in slices of ``SLICE`` templates to bound memory,
    ``THREADS`` slices at a time (Arrow and numpy release the GIL for most of the work)."""
    texts = table.column("template")
    slices = [texts.slice(i, SLICE) for i in range(0, len(texts), SLICE)]
    if len(slices) > 1 and THREADS > 1:
        with ThreadPoolExecutor(THREADS) as pool:
            parts = list(pool.map(simhash, slices))
    else:
        parts = [simhash(s) for s in slices]
    hashes = pa.chunked_array(parts, pa.int64())
    return pa.table({"template_id": table.column("template_id"), "template_simhash": hashes})
