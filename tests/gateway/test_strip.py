"""Reasoning removal: ``<think>`` spans however a stream splits them, and each reply shape."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.gateway import sse
from frontierguard.gateway.strip import StreamStripper, ThinkFilter, strip_reply, strip_spans
from support.model_upstream import SHAPES

SPANS = [  # (text, shown)
    ("plain", "plain"),
    ("<think>hidden</think>shown", "shown"),
    ("a<think>x</think>b<think>y</think>c", "abc"),
    ("before<think>never closed", "before"),
    ("a < b and <thin k>", "a < b and <thin k>"),
    ("</think>stray close", "</think>stray close"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "shown"), SPANS)
def test_strip_spans(text: str, shown: str) -> None:
    assert strip_spans(text) == shown


def _filtered(pieces: list[str]) -> str:
    f = ThinkFilter()
    return "".join(f.feed(p) for p in pieces) + f.flush()


@pytest.mark.parametrize(("text", "shown"), SPANS)
def test_filter_agrees_at_every_split(text: str, shown: str) -> None:
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1):
            assert _filtered([text[:i], text[i:j], text[j:]]) == shown


@given(st.lists(st.sampled_from(["<think>", "</think>", "<", "th", "ink>", "a", "b ", "/"]),
                max_size=12), st.lists(st.integers(0, 40), max_size=4))
def test_filter_matches_whole_text_stripping(parts: list[str], cuts: list[int]) -> None:
    text = "".join(parts)
    bounds = sorted({min(c, len(text)) for c in cuts})
    pieces = [text[a:b] for a, b in zip([0, *bounds], [*bounds, len(text)], strict=True)]
    assert _filtered(pieces) == strip_spans(text)


@pytest.mark.parametrize("path", list(SHAPES))
def test_whole_replies_keep_everything_but_reasoning(path: str) -> None:
    api = {"/v1/chat/completions": "chat", "/v1/responses": "responses",
           "/v1/messages": "messages"}[path]
    reply = SHAPES[path][0]("m")
    stripped = strip_reply(api, json.loads(json.dumps(reply)))
    assert "private reasoning" not in json.dumps(stripped)
    assert stripped["usage"] == reply["usage"] and stripped["id"] == reply["id"]


@pytest.mark.parametrize("api", ["chat", "responses", "messages"])
def test_stream_events_that_carry_no_reasoning_are_kept_byte_for_byte(api: str) -> None:
    keep = b": keep-alive\n\n"
    assert StreamStripper(api).event(keep) == [keep]
    assert StreamStripper(api).event(b"data: [DONE]\n\n") == [b"data: [DONE]\n\n"]


def test_splitter_handles_every_line_ending_and_partial_events() -> None:
    s = sse.Splitter()
    assert s.feed(b"data: 1\n\ndata: 2\r\n\r\nda") == [b"data: 1\n\n", b"data: 2\r\n\r\n"]
    assert s.feed(b"ta: 3\n") == []
    assert s.feed(b"\n") == [b"data: 3\n\n"]
    assert sse.fields(b"event: x\ndata: a\ndata: b\n\n") == ("x", "a\nb")
