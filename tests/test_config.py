from __future__ import annotations

import pytest
from pydantic import ValidationError

from tests.conftest import TOKEN, make_settings


def test_defaults_and_parsing():
    s = make_settings(
        "sqlite+aiosqlite:///x.sqlite3",
        admin_ids="1, 22 ,333",
        telegram_api_url="http://127.0.0.1:8081/",
        webhook_secret="",
    )
    assert s.admin_ids == frozenset({1, 22, 333})
    assert s.telegram_api_url == "http://127.0.0.1:8081"
    assert s.webhook_secret is None and s.webhook_url is None
    assert s.timezone == "Asia/Novokuznetsk" and s.default_locale == "ru"
    assert s.bot_token.get_secret_value() == TOKEN
    assert TOKEN not in repr(s)
    assert s.paid_broadcast_rate == 1000  # Telegram's paid broadcast limit


@pytest.mark.parametrize(
    "overrides",
    [
        {"bot_token": "123:short"},
        {"admin_ids": "1,x"},
        {"timezone": "Mars/Olympus"},
        {"default_locale": "de"},
        {"webhook_url": "ftp://example.org/hook"},
        {"webhook_secret": "has spaces"},
        {"webhook_port": 0},
        {"broadcast_rate": 31},
        {"paid_broadcast_rate": 1001},
        {"paid_broadcast_rate": 0},
    ],
)
def test_invalid_settings_are_refused(overrides):
    with pytest.raises(ValidationError):
        make_settings("sqlite+aiosqlite:///x.sqlite3", **overrides)


def test_webhook_path_comes_from_the_url():
    s = make_settings(
        "sqlite+aiosqlite:///x.sqlite3", webhook_url="https://bot.example.org/tg/hook"
    )
    assert s.webhook_path == "/tg/hook"


def test_every_setting_is_documented():
    """.env.example and the README's table name every setting."""
    from pathlib import Path

    from bot.config import Settings

    root = Path(__file__).resolve().parent.parent
    example = (root / ".env.example").read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")
    for name in Settings.model_fields:
        variable = name.upper()
        assert f"\n{variable}=" in example, variable
        assert f"`{variable}`" in readme or f"`{variable}," in readme, variable
