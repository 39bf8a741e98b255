"""Settings from the environment and `.env` (see .env.example for every variable)."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{20,}$")
SUPPORTED_LOCALES = ("ru", "en")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr
    telegram_api_url: str | None = None
    database_url: str = "sqlite+aiosqlite:///data/bot.sqlite3"
    # Connections each process keeps to PostgreSQL (and as many more at peaks).
    database_pool_size: int = Field(default=10, ge=1, le=100)
    # Seconds a write waits for a locked SQLite database (a backup, a long export) before the
    # user is told «Сервер занят».
    database_lock_wait: float = Field(default=60, ge=1, le=600)
    # Optional: keep form state in Redis, shared by several bot processes on one PostgreSQL.
    redis_url: str | None = None
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    timezone: str = "Asia/Novokuznetsk"
    default_locale: str = "ru"
    log_level: str = "INFO"

    # Messages per second the delivery engine sends (Telegram allows about 30 in all; the rest is
    # left for replies to users).
    broadcast_rate: float = Field(default=25.0, gt=0, le=30)
    # Messages per second of an admin's urgent alert, sent as Telegram's paid broadcast
    # (0.1 Star per message from the bot's balance; Telegram allows up to 1000).
    paid_broadcast_rate: float = Field(default=1000.0, gt=0, le=1000)
    # How long a message is retried while Telegram cannot be reached (network errors, 5xx)
    # before it counts as failed.
    telegram_outage_hours: float = Field(default=6, gt=0, le=72)
    # How often the scheduler looks for due reminders and scheduled work; 0 turns it off.
    scheduler_interval: int = Field(default=30, ge=0, le=3600)
    # Example clubs (invented, marked as examples) for trying the bot out; never in production.
    demo: bool = False

    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if not TOKEN_RE.match(value.get_secret_value()):
            raise ValueError("must look like 123456:ABC-DEF… (the token from @BotFather)")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(p.isdigit() for p in parts):
                raise ValueError("must be comma-separated numeric Telegram ids")
            return frozenset(int(p) for p in parts)
        if isinstance(value, int):
            return frozenset({value})
        return value

    @field_validator("telegram_api_url", "webhook_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            parsed = urlparse(value)
            if parsed.scheme not in ("http", "https") or not parsed.netloc:
                raise ValueError("must be an http(s):// URL")
            return value.rstrip("/")
        return value

    @field_validator("redis_url", mode="before")
    @classmethod
    def _redis_url(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not value.startswith(("redis://", "rediss://", "unix://")):
                raise ValueError("must be a redis:// URL")
        return value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _secret_shape(cls, value: object) -> object:
        if isinstance(value, str):
            if not value.strip():
                return None
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value):
                raise ValueError("may hold only A-Z a-z 0-9 _ - (1-256 characters)")
        return value

    @field_validator("default_locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        if value not in SUPPORTED_LOCALES:
            raise ValueError(f"must be one of {', '.join(SUPPORTED_LOCALES)}")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("unknown time zone (e.g. Asia/Novokuznetsk)") from None
        return value

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)  # ZoneInfo keeps one object per zone

    @property
    def webhook_path(self) -> str:
        assert self.webhook_url is not None
        return urlparse(self.webhook_url).path or "/"
