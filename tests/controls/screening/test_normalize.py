"""Each normalisation rule on hand-written names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontierguard.controls.screening.normalize import fold, normalize_name


@pytest.mark.parametrize(("text", "tokens"), [
    ("Andrej Plenković", ("andrej", "plenkovic")),                    # diacritics
    ("Сергей Лавров", ("sergei", "lavrov")),                           # Cyrillic
    ("金正恩", ("jin", "zheng", "en")),                                 # Chinese
    ("Al-Qa'ida", ("al", "qaida")),                                    # hyphen, apostrophe
    ("SALEK, ABDULHAI", ("salek", "abdulhai")),                        # comma form keeps order
    ("Mr. John Smith", ("john", "smith")),                             # honorific dropped
    ("A.B.C. Trading", ("abc", "trading")),                            # initials joined
    ("Brigade Forty-Four", ("brigade", "44")),                         # number words
    ("1st International Bank", ("1", "international", "bank")),        # ordinals
])
def test_tokens(text: str, tokens: tuple[str, ...]) -> None:
    assert normalize_name(text).tokens == tokens


@pytest.mark.parametrize(("text", "tokens", "forms"), [
    ("Samsung Electronics Co., Ltd.", ("samsung", "electronics"), ("ltd",)),
    ("Samsung Electronics Company Limited", ("samsung", "electronics"), ("ltd",)),
    ("华为技术有限公司", ("hua", "wei", "ji", "shu"), ("ltd",)),
    ("ООО Ромашка", ("romashka",), ("llc",)),
    ("Bowne Solutions, L.L.C.", ("bowne", "solutions"), ("llc",)),
    ("Limited", ("limited",), ()),                                      # a name that is only a form
])
def test_legal_forms(text: str, tokens: tuple[str, ...], forms: tuple[str, ...]) -> None:
    name = normalize_name(text)
    assert (name.tokens, name.legal_forms) == (tokens, forms)


def test_particles_weigh_little() -> None:
    name = normalize_name("Saif al Din")
    assert name.weights[1] < name.weights[0] / 2


@given(st.text(max_size=40))
def test_fold_is_ascii_lowercase_and_idempotent(text: str) -> None:
    tokens = fold(text)
    assert all(t.isascii() and t == t.lower() and t.isalnum() for t in tokens)
    assert fold(" ".join(tokens)) == tokens
