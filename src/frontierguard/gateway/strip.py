"""``strip_reasoning``: replies with the model's reasoning taken out, streamed or whole.

Removed: ``reasoning_content``, ``reasoning`` and ``reasoning_details`` fields (Chat
Completions), ``reasoning`` output items and ``response.reasoning*`` events (Responses),
``thinking`` and ``redacted_thinking`` blocks (Messages), and ``<think>…</think>`` spans in
any reply text. In a stream, events are rewritten one at a time as they arrive and stay
valid SSE: dropped blocks and items are renumbered out (``index``, ``output_index``) so a
client's accumulator never sees a gap, and a ``<think>`` tag split across chunks is caught
by holding back at most a tag's length of text.
"""

from __future__ import annotations

import json
import re
from typing import Any

from frontierguard.gateway import sse
from frontierguard.gateway.apis import CHAT, MESSAGES, RESPONSES

OPEN, CLOSE = "<think>", "</think>"
_SPAN = re.compile(r"<think>.*?(?:</think>|\Z)", re.S)
CHAT_FIELDS = ("reasoning_content", "reasoning", "reasoning_details")
THINKING_BLOCKS = ("thinking", "redacted_thinking")


def strip_spans(text: str) -> str:
    """``text`` without ``<think>…</think>`` spans (an unclosed one runs to the end)."""
    return _SPAN.sub("", text)


def _partial(text: str, tag: str) -> int:
    """Length of the longest end of ``text`` that begins ``tag`` (a tag split by a chunk)."""
    for n in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-n:]):
            return n
    return 0


class ThinkFilter:
    """Streaming :func:`strip_spans`: feed text pieces in order, get what may be shown."""

    def __init__(self) -> None:
        self.inside = False
        self.pending = ""

    def feed(self, text: str) -> str:
        s, self.pending = self.pending + text, ""
        out: list[str] = []
        while s:
            tag = CLOSE if self.inside else OPEN
            i = s.find(tag)
            if i < 0:
                keep = _partial(s, tag)
                if not self.inside:
                    out.append(s[:len(s) - keep])
                self.pending = s[len(s) - keep:]
                break
            if not self.inside:
                out.append(s[:i])
            s, self.inside = s[i + len(tag):], not self.inside
        return "".join(out)

    def flush(self) -> str:
        """Held-back text at the end of a piece of text (dropped if inside a span)."""
        rest, self.pending = ("" if self.inside else self.pending), ""
        return rest


def _strip_message_item(item: dict[str, Any]) -> None:
    for part in item.get("content") or []:
        if isinstance(part, dict) and isinstance(part.get("text"), str):
            part["text"] = strip_spans(part["text"])


def strip_reply(api: str, doc: dict[str, Any]) -> dict[str, Any]:
    """A whole (unstreamed) reply with its reasoning removed, in place."""
    if api == CHAT:
        for choice in doc.get("choices") or []:
            msg = choice.get("message") if isinstance(choice, dict) else None
            if isinstance(msg, dict):
                for key in CHAT_FIELDS:
                    msg.pop(key, None)
                if isinstance(msg.get("content"), str):
                    msg["content"] = strip_spans(msg["content"])
    elif api == RESPONSES and isinstance(doc.get("output"), list):
        doc["output"] = [i for i in doc["output"]
                         if not (isinstance(i, dict) and i.get("type") == "reasoning")]
        for item in doc["output"]:
            if isinstance(item, dict):
                _strip_message_item(item)
    elif api == MESSAGES and isinstance(doc.get("content"), list):
        doc["content"] = [b for b in doc["content"]
                          if not (isinstance(b, dict) and b.get("type") in THINKING_BLOCKS)]
        _strip_message_item(doc)
    return doc


class StreamStripper:
    """Rewrites one reply stream's SSE events; :meth:`event` takes one raw event and
    returns the raw events to send in its place (none, it, or a rewritten one)."""

    def __init__(self, api: str) -> None:
        self.api = api
        self._dropped: set[int] = set()
        self._filters: dict[Any, ThinkFilter] = {}

    def event(self, raw: bytes) -> list[bytes]:
        name, data = sse.fields(raw)
        if data is None or not data.lstrip().startswith("{"):
            return [raw]  # comments, keep-alives, [DONE]
        try:
            doc = json.loads(data)
        except ValueError:
            return [raw]
        if not isinstance(doc, dict):
            return [raw]
        handler = {CHAT: self._chat, RESPONSES: self._responses, MESSAGES: self._messages}
        # Responses and Messages events are named after their ``type``, so a synthesised
        # event gets its own name
        return [sse.encode(str(d.get("type", name)) if name else None, d)
                for d in handler[self.api](doc)]

    def _filter(self, key: Any) -> ThinkFilter:
        return self._filters.setdefault(key, ThinkFilter())

    def _renumber(self, index: Any) -> Any:
        if not isinstance(index, int):
            return index
        return index - sum(1 for d in self._dropped if d < index)

    def _chat(self, doc: dict[str, Any]) -> list[dict[str, Any]]:
        for choice in doc.get("choices") or []:
            delta = choice.get("delta") if isinstance(choice, dict) else None
            if not isinstance(delta, dict):
                continue
            for key in CHAT_FIELDS:
                delta.pop(key, None)
            f = self._filter(choice.get("index", 0))
            if isinstance(delta.get("content"), str):
                delta["content"] = f.feed(delta["content"])
            if choice.get("finish_reason") is not None:
                rest = f.flush()
                if rest:
                    delta["content"] = (delta.get("content") or "") + rest
        return [doc]

    def _responses(self, doc: dict[str, Any]) -> list[dict[str, Any]]:
        kind = str(doc.get("type", ""))
        item = doc.get("item") if isinstance(doc.get("item"), dict) else None
        if kind.startswith("response.reasoning"):
            return []
        if item is not None and item.get("type") == "reasoning":
            if isinstance(doc.get("output_index"), int):
                self._dropped.add(doc["output_index"])
            return []
        out = [doc]
        key = (doc.get("item_id"), doc.get("content_index"))
        if kind == "response.output_text.delta" and isinstance(doc.get("delta"), str):
            doc["delta"] = self._filter(key).feed(doc["delta"])
        elif kind == "response.output_text.done":
            rest = self._filter(key).flush()
            if rest:
                out.insert(0, {**doc, "type": "response.output_text.delta", "delta": rest})
            if isinstance(doc.get("text"), str):
                doc["text"] = strip_spans(doc["text"])
        if item is not None:
            _strip_message_item(item)
        if isinstance(doc.get("part"), dict) and isinstance(doc["part"].get("text"), str):
            doc["part"]["text"] = strip_spans(doc["part"]["text"])
        if isinstance(doc.get("response"), dict):
            strip_reply(RESPONSES, doc["response"])
        for d in out:
            d["output_index"] = self._renumber(d.get("output_index"))
            if d["output_index"] is None:
                del d["output_index"]
        return out

    def _messages(self, doc: dict[str, Any]) -> list[dict[str, Any]]:
        kind = doc.get("type")
        index = doc.get("index")
        block: dict[str, Any] = doc["content_block"] if isinstance(
            doc.get("content_block"), dict) else {}
        delta: dict[str, Any] = doc["delta"] if isinstance(doc.get("delta"), dict) else {}
        if kind == "content_block_start" and block.get("type") in THINKING_BLOCKS:
            self._dropped.add(index if isinstance(index, int) else -1)
            return []
        if index in self._dropped or delta.get("type") in ("thinking_delta", "signature_delta"):
            return []
        if kind == "message_start" and isinstance(doc.get("message"), dict):
            strip_reply(MESSAGES, doc["message"])
        out = [doc]
        if kind == "content_block_start" and isinstance(block.get("text"), str):
            block["text"] = self._filter(index).feed(block["text"])
        elif kind == "content_block_delta" and isinstance(delta.get("text"), str):
            delta["text"] = self._filter(index).feed(delta["text"])
        elif kind == "content_block_stop":
            rest = self._filter(index).flush()
            if rest:
                out.insert(0, {"type": "content_block_delta", "index": index,
                               "delta": {"type": "text_delta", "text": rest}})
        for d in out:
            if "index" in d:
                d["index"] = self._renumber(d["index"])
        return out
