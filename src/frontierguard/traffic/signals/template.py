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
from collections.abc import Sequence

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from frontierguard.traffic.signals.sqltext import render, sql_file

MAX_TOKENS = 32
SLICE = 32_768
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
    con = duckdb.connect()
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


_NIBBLE_BITS = np.unpackbits(np.arange(16, dtype=np.uint8)[:, None], axis=1,
                             bitorder="little")[:, :4].astype(np.int64)


def _majority_bits(h: np.ndarray, parents: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per parent row: the 64-bit word whose bit b is set when most of its feature hashes
    have bit b set, and the number of features.

    Vectorised over all features at once, one nibble (4 bits) at a time: a bincount of
    ``parent * 16 + nibble`` gives each row's histogram of the 16 nibble values, and a
    16x4 product turns it into per-bit counts.
    """
    total = np.bincount(parents, minlength=n)
    bits = np.empty((n, 64), dtype=np.uint8)
    for j in range(16):
        nibble = ((h >> np.uint64(4 * j)) & np.uint64(15)).astype(np.int64)
        hist = np.bincount(parents * 16 + nibble, minlength=n * 16).reshape(n, 16)
        bits[:, 4 * j:4 * j + 4] = 2 * (hist @ _NIBBLE_BITS) > total[:, None]
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
    words, total = _majority_bits(np.concatenate([uni, bi]),
                                  np.concatenate([parents, parents[1:][same]]), n)
    return pa.array(words, pa.int64(), mask=total == 0)


def hamming(a: int | np.ndarray, b: int | np.ndarray) -> int | np.ndarray:
    """Number of differing bits between SimHashes (scalars or arrays)."""
    x = np.bitwise_xor(np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64))
    out = np.bitwise_count(x.view(np.uint64))
    return int(out) if out.ndim == 0 else out


def simhash_table(table: pa.Table) -> pa.Table:
    """Arrow step for :meth:`Engine.apply_udf`: ``(template_id, template)`` ->
    ``(template_id, template_simhash)``, in slices of ``SLICE`` templates to bound memory."""
    texts = table.column("template")
    parts = [simhash(texts.slice(i, SLICE)) for i in range(0, len(texts), SLICE)]
    hashes = pa.chunked_array(parts, pa.int64())
    return pa.table({"template_id": table.column("template_id"), "template_simhash": hashes})
