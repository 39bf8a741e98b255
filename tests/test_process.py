"""`python -m bot` as a real process against a local Bot API server, over real HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import text

from storage.db import create_engine
from tests.conftest import TOKEN
from tests.fixtures.fake_bot_api import FakeBotApi, free_port

ROOT = Path(__file__).resolve().parent.parent


def bot_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'data' / 'bot.sqlite3'}",
        ADMIN_IDS="1",
        LOG_LEVEL="INFO",
        **extra,
    )
    return env


async def start_bot(tmp_path: Path, env: dict[str, str]) -> asyncio.subprocess.Process:
    # cwd is a clean folder, so a developer's own .env cannot leak into the test.
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def stop_bot(process: asyncio.subprocess.Process) -> tuple[int, str]:
    """SIGTERM, and the process ends by itself (60 s only tells a hang from a loaded machine)."""
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(TOKEN)
    await server.start()
    yield server
    await server.stop()


async def test_polling_answers_start_and_stops_on_sigterm(api: FakeBotApi, tmp_path: Path):
    process = await start_bot(
        tmp_path, bot_env(tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.url)
    )
    try:
        await api.wait_for("getupdates")
        api.push_text(1001, "/start")
        reply = await api.wait_for("sendmessage", chat_id=1001)
        assert "Это мой город" in reply["text"]
        api.push_text(1001, "/centers")
        reply = await api.wait_for(
            "sendmessage", chat_id=1001, text="Выберите ваш город или район:"
        )
        assert "Кемерово" in json.loads(reply["reply_markup"])["inline_keyboard"][0][0]["text"]
        api.push_text(1, "/grant 1001 staff optimist")
        reply = await api.wait_for("sendmessage", chat_id=1)
        assert "Готово: 1001" in reply["text"]
        commands = [p for name, p in api.calls if name == "setmycommands"]
        assert any(p.get("language_code") == "en" for p in commands)
        assert any(p.get("language_code") == "ru" for p in commands)
    finally:
        code, stderr = await stop_bot(process)
    assert code == 0, stderr
    assert TOKEN not in stderr
    assert (tmp_path / "data" / "bot.sqlite3").exists()


async def test_webhook_mode_serves_updates_and_stops(api: FakeBotApi, tmp_path: Path):
    port = free_port()
    env = bot_env(
        tmp_path,
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/tg/hook",
        WEBHOOK_SECRET="s3cret-value",
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )
    process = await start_bot(tmp_path, env)
    try:
        hook = await api.wait_for("setwebhook")
        assert hook["url"] == f"http://127.0.0.1:{port}/tg/hook"
        assert hook["secret_token"] == "s3cret-value"
        update = api.push_text(1002, "/help")
        async with aiohttp.ClientSession() as http:
            for _ in range(50):  # the server may need a moment after setWebhook
                try:
                    bad = await http.post(
                        f"http://127.0.0.1:{port}/tg/hook",
                        json=update,
                        headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"},
                    )
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            assert bad.status == 401
            good = await http.post(
                f"http://127.0.0.1:{port}/tg/hook",
                json=update,
                headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-value"},
            )
            assert good.status == 200
        reply = await api.wait_for("sendmessage", chat_id=1002)
        assert "/centers" in reply["text"]
        assert not [c for c in api.calls if c[0] == "getupdates"]
    finally:
        code, stderr = await stop_bot(process)
    assert code == 0, stderr


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({}, "BOT_TOKEN"),
        ({"BOT_TOKEN": "not-a-token"}, "BOT_TOKEN"),
        (
            {
                "BOT_TOKEN": TOKEN,
                "TELEGRAM_API_URL": "{api}",
                "DATABASE_URL": "postgresql+asyncpg://bot:pw@127.0.0.1:1/none",
            },
            "DATABASE_URL",
        ),
        (
            {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "{api}", "DATABASE_URL": "no-such-scheme://x"},
            "DATABASE_URL",
        ),
        ({"BOT_TOKEN": TOKEN, "ADMIN_IDS": "12,abc"}, "ADMIN_IDS"),
        ({"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "localhost:8081"}, "TELEGRAM_API_URL"),
        ({"BOT_TOKEN": "123456:" + "A" * 35, "TELEGRAM_API_URL": "{api}"}, "BOT_TOKEN"),
    ],
)
async def test_bad_settings_give_one_line_and_exit_2(api: FakeBotApi, tmp_path: Path, env, setting):
    """…including a token of the right shape that Telegram answers with 401."""
    base = bot_env(tmp_path)
    if "DATABASE_URL" in env:
        base["DATABASE_URL"] = env["DATABASE_URL"]
    base.update({k: v.format(api=api.url) for k, v in env.items() if k != "DATABASE_URL"})
    process = await start_bot(tmp_path, base)
    _, stderr_bytes = await asyncio.wait_for(process.communicate(), 30)
    stderr = stderr_bytes.decode().strip()
    assert process.returncode == 2, stderr
    assert "Traceback" not in stderr
    assert len(stderr.splitlines()) == 1, stderr
    assert setting in stderr
    assert "pw@" not in stderr and "not-a-token" not in stderr


def webhook_env(api: FakeBotApi, tmp_path: Path) -> tuple[int, dict[str, str]]:
    port = free_port()
    return port, bot_env(
        tmp_path,
        BOT_TOKEN=TOKEN,
        TELEGRAM_API_URL=api.url,
        WEBHOOK_URL=f"http://127.0.0.1:{port}/hook",
        WEBHOOK_HOST="127.0.0.1",
        WEBHOOK_PORT=str(port),
    )


async def wait_http(url: str, seconds: float = 60) -> aiohttp.ClientResponse:
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as http:
        while True:
            try:
                response = await http.get(url)
                await response.read()
                return response
            except aiohttp.ClientConnectionError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)


async def test_webhook_answers_after_the_update_is_handled_health_and_metrics(
    api: FakeBotApi, tmp_path: Path
):
    port, env = webhook_env(api, tmp_path)
    process = await start_bot(tmp_path, env)
    try:
        health = await wait_http(f"http://127.0.0.1:{port}/healthz")
        assert health.status == 200
        body = json.loads(await health.text())
        assert body["database"] == "ok" and body["leader"] is True and "redis" not in body
        async with aiohttp.ClientSession() as http:
            answer = await http.post(
                f"http://127.0.0.1:{port}/hook", json=api.push_text(1003, "/start")
            )
            assert answer.status == 200
            # Killed the moment it answered: the answer came only after the work was done.
            process.kill()
            await process.wait()
        assert any(p.get("chat_id") == "1003" for name, p in api.calls if name == "sendmessage")
        engine = create_engine(env["DATABASE_URL"])
        async with engine.connect() as conn:
            stored = await conn.scalar(text("SELECT count(*) FROM users WHERE id = 1003"))
        await engine.dispose()
        assert stored == 1
    finally:
        if process.returncode is None:
            await stop_bot(process)


async def test_metrics_count_updates(api: FakeBotApi, tmp_path: Path):
    port, env = webhook_env(api, tmp_path)
    process = await start_bot(tmp_path, env)
    try:
        await wait_http(f"http://127.0.0.1:{port}/healthz")
        async with aiohttp.ClientSession() as http:
            for text_ in ("/start", "/help"):
                await http.post(f"http://127.0.0.1:{port}/hook", json=api.push_text(1004, text_))
            metrics = await (await http.get(f"http://127.0.0.1:{port}/metrics")).text()
        assert "bot_updates_total 2.0" in metrics
        assert "bot_handler_errors_total 0.0" in metrics
        assert "bot_scheduler_leader 1.0" in metrics
        assert "bot_telegram_429_total" in metrics and "bot_messages_sent_total" in metrics
    finally:
        code, stderr = await stop_bot(process)
    assert code == 0, stderr


async def test_polling_refuses_to_start_beside_a_live_process(api: FakeBotApi, tmp_path: Path):
    env = bot_env(tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.url)
    first = await start_bot(tmp_path, env)
    try:
        await api.wait_for("getupdates")
        second = await start_bot(tmp_path, env)
        _, stderr_bytes = await asyncio.wait_for(second.communicate(), 30)
        stderr = stderr_bytes.decode().strip()
        assert second.returncode == 2, stderr
        errors = [line for line in stderr.splitlines() if "error" in line.lower()]
        assert "Traceback" not in stderr and len(errors) == 1
        assert errors[0].startswith("error:") and "polling serves one process only" in errors[0]
        assert not [c for c in api.calls if c[0] == "deletewebhook"][1:]  # only the first's
    finally:
        code, stderr = await stop_bot(first)
    assert code == 0, stderr
    # Stopped cleanly: its row is gone, so a new polling process starts at once.
    calls_before = len(api.calls)
    again = await start_bot(tmp_path, env)
    try:
        for _ in range(300):
            if any(name == "getupdates" for name, _ in api.calls[calls_before:]):
                break
            await asyncio.sleep(0.1)
        assert again.returncode is None
        assert any(name == "getupdates" for name, _ in api.calls[calls_before:])
    finally:
        code, stderr = await stop_bot(again)
    assert code == 0, stderr
