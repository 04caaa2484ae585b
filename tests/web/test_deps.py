"""The CSRF key is the ``csrf_key`` setting: ``FRONTIERGUARD_CSRF_KEY`` fixes it, so several
processes over one store accept each other's forms; unset, each process draws its own."""

from __future__ import annotations

import pytest

from frontierguard.core.settings import all_settings
from frontierguard.core.tokens import Principal, check_csrf, csrf_token
from frontierguard.web.deps import CSRF_KEY, csrf_key

CALLER = Principal("t1", "analyst", "ana")


def test_the_key_is_a_listed_setting() -> None:
    assert CSRF_KEY in all_settings()
    assert CSRF_KEY.default == ""


def test_the_environment_fixes_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTIERGUARD_CSRF_KEY", "shared-secret")
    first, second = csrf_key(), csrf_key()
    assert first == second == b"shared-secret"
    assert check_csrf(second, CALLER, csrf_token(first, CALLER))


def test_without_the_setting_each_process_draws_a_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTIERGUARD_CSRF_KEY", raising=False)
    first, second = csrf_key(), csrf_key()
    assert len(first) == len(second) == 32 and first != second
    assert not check_csrf(second, CALLER, csrf_token(first, CALLER))
