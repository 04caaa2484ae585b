"""RE2 (DuckDB) regular expressions rewritten for ``java.util.regex`` (Spark).

DuckDB evaluates ``regexp_matches``/``regexp_replace``/``regexp_extract`` with RE2; Spark
with Java's engine. The two agree on most syntax but not on these, which
:func:`java_pattern` rewrites so a pattern matches the same strings on both:

* ``.`` and ``$``: RE2's ``.`` excludes only ``\\n`` and ``$`` (without ``m``) is the end of
  the text; Java's ``.`` also excludes ``\\r``/``\\u0085``/``\\u2028``/``\\u2029`` and ``$``
  also matches before a final newline. Patterns get the ``d`` (Unix lines) flag and a bare
  ``$`` becomes ``\\z`` unless the ``m`` flag is set.
* ``(?i)``: RE2 folds case across Unicode, Java only ASCII unless ``u`` is added too.
* ``\\s``: RE2's excludes the vertical tab, Java's includes it; spelled out as a class.
* ``\\b``/``\\B``: ASCII word boundaries in RE2, Unicode-letter boundaries in Java; rewritten
  as explicit ASCII look-arounds.
* POSIX classes ``[[:alpha:]]`` (not Java syntax) become ``\\p{Alpha}`` and friends;
  ``(?P<name>`` becomes ``(?<name>``; scripts ``\\p{Greek}`` become ``\\p{IsGreek}``.
* Inside a class, Java reads ``[`` as a nested class and ``&&`` as intersection; both are
  escaped to stay literal as in RE2, as is a ``]`` opening the class (``[]a]``).

Replacement strings differ too (RE2 ``\\1``, Java ``$1``): see :func:`java_replacement`.
"""

from __future__ import annotations

import re

from frontierguard.core.errors import ConfigError

_POSIX = {
    "alpha": r"\p{Alpha}", "digit": r"\p{Digit}", "alnum": r"\p{Alnum}",
    "upper": r"\p{Upper}", "lower": r"\p{Lower}", "space": r"\p{Space}",
    "punct": r"\p{Punct}", "xdigit": r"\p{XDigit}", "blank": r"\p{Blank}",
    "cntrl": r"\p{Cntrl}", "print": r"\p{Print}", "graph": r"\p{Graph}",
    "word": r"\w", "ascii": r"\p{ASCII}",
}
_WORD = "[A-Za-z0-9_]"
_BOUNDARY = f"(?:(?<={_WORD})(?!{_WORD})|(?<!{_WORD})(?={_WORD}))"
_NOT_BOUNDARY = f"(?:(?<={_WORD})(?={_WORD})|(?<!{_WORD})(?!{_WORD}))"
_SPACE = {"s": "[\\t\\n\\f\\r ]", "S": "[^\\t\\n\\f\\r ]"}
_FLAGS = re.compile(r"\(\?([a-zA-Z]*)(-[a-zA-Z]*)?([:)])")
_CATEGORY = re.compile(r"^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|"
                       r"S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Cs|Co|Cn|Any)$")


class _Rewriter:
    """A single left-to-right pass over an RE2 pattern."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.out: list[str] = []
        self.in_class = False
        self.class_body = 0  # index in out where the current class's members begin
        self.multiline = False

    def fail(self, what: str) -> ConfigError:
        return ConfigError(f"regular expression {self.p!r}: {what} has no Java equivalent")

    def run(self) -> str:
        while self.i < len(self.p):
            if self.p[self.i] == "\\":
                self.escape()
            elif self.in_class:
                self.class_char()
            else:
                self.plain_char()
        return "(?d)" + "".join(self.out)

    def escape(self) -> None:
        nxt = self.p[self.i + 1] if self.i + 1 < len(self.p) else ""
        if nxt in ("p", "P") and self.p[self.i + 2:self.i + 3] == "{":
            end = self.p.index("}", self.i)
            name = self.p[self.i + 3:end]
            name = name if _CATEGORY.match(name) or name.startswith("Is") else f"Is{name}"
            self.out.append(f"\\{nxt}{{{name}}}")
            self.i = end + 1
            return
        if nxt == "C":
            raise self.fail(r"\C (any byte)")
        if not self.in_class and nxt in ("b", "B"):
            self.out.append(_BOUNDARY if nxt == "b" else _NOT_BOUNDARY)
        elif nxt in ("s", "S"):
            self.out.append(_SPACE[nxt] if not self.in_class or nxt == "S"
                            else _SPACE["s"][1:-1])
        else:
            self.out.append("\\" + nxt)
        self.i += 2

    def class_char(self) -> None:
        c = self.p[self.i]
        if self.p.startswith("[:", self.i):
            end = self.p.find(":]", self.i + 2)
            name = self.p[self.i + 2:end] if end > 0 else ""
            negated = name.startswith("^")
            java = _POSIX.get(name.lstrip("^"))
            if java is None:
                raise self.fail(f"POSIX class [:{name}:]")
            self.out.append(java.replace("\\p", "\\P") if negated and "\\p" in java
                            else ("\\W" if negated else java))
            self.i = end + 2
            return
        if c == "]" and len(self.out) > self.class_body:
            self.in_class = False
            self.out.append(c)
        elif c == "]":
            self.out.append("\\]")
        elif c == "[":
            self.out.append("\\[")
        elif c == "&" and self.p.startswith("&&", self.i):
            self.out.append("&\\&")
            self.i += 1
        else:
            self.out.append(c)
        self.i += 1

    def plain_char(self) -> None:
        c = self.p[self.i]
        if c == "[":
            self.in_class = True
            negated = self.p.startswith("[^", self.i)
            self.out.append("[^" if negated else "[")
            self.class_body = len(self.out)
            self.i += 2 if negated else 1
        elif c == "$":
            self.out.append("$" if self.multiline else "\\z")
            self.i += 1
        elif c == "(" and self.p.startswith("(?P<", self.i):
            self.out.append("(?<")
            self.i += 4
        elif c == "(" and (m := _FLAGS.match(self.p, self.i)):
            self.flags(m)
        else:
            self.out.append(c)
            self.i += 1

    def flags(self, m: re.Match[str]) -> None:
        on, off, close = m.group(1), m.group(2) or "", m.group(3)
        if "U" in on + off:
            raise self.fail("the U (ungreedy) flag")
        if "m" in on:
            self.multiline = True
        if "i" in on and "u" not in on:
            on += "u"
        self.out.append(f"(?{on}{off}{close}")
        self.i = m.end()


def java_pattern(pattern: str) -> str:
    """The Java regular expression that matches what the RE2 ``pattern`` matches."""
    return _Rewriter(pattern).run()


def java_replacement(replacement: str) -> str:
    """An RE2 replacement string (``\\1`` groups, ``\\\\`` backslash) in Java's syntax."""
    out: list[str] = []
    i = 0
    while i < len(replacement):
        c = replacement[i]
        nxt = replacement[i + 1] if i + 1 < len(replacement) else ""
        if c == "\\" and nxt.isdigit():
            out.append("$" + nxt)
            i += 2
        elif c == "\\" and nxt == "\\":
            out.append("\\\\")
            i += 2
        elif c == "$":
            out.append("\\$")
            i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)
