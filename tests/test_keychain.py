"""The API key lives in a real Secret Service keychain (gnome-keyring on a private D-Bus)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import vibing_env

KEY = "sk-ant-api03-" + "k3y" * 20

needs_keyring = pytest.mark.skipif(
    not (shutil.which("dbus-run-session") and shutil.which("gnome-keyring-daemon")),
    reason="needs dbus-run-session and gnome-keyring-daemon (installed by .ci/install test)",
)


def in_keyring_session(tmp_path, script: str, **extra_env: str) -> subprocess.CompletedProcess:
    """Run shell commands on a private session bus with an unlocked gnome-keyring."""
    env = vibing_env(
        tmp_path / "home",
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "share"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        **extra_env,
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    vibing = f"{sys.executable} -m vibing"
    wrapped = "echo -n test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; " + script.replace(
        "vibing ", f"{vibing} "
    )
    return subprocess.run(
        ["dbus-run-session", "--", "sh", "-c", wrapped], env=env, capture_output=True, text=True, timeout=60
    )


@needs_keyring
def test_key_set_check_and_rm_round_trip_through_the_keychain(tmp_path):
    result = in_keyring_session(
        tmp_path,
        f"echo {KEY} | vibing key set --stdin && vibing key check && vibing key rm && vibing key check",
    )
    out = result.stdout
    assert "Saved sk-ant-…yk3y to the keychain" in out
    assert "from the keychain" in out
    assert "Removed the API key" in out
    assert result.returncode == 2 and "No Anthropic API key is set" in result.stderr
    assert KEY not in out + result.stderr


@needs_keyring
def test_the_environment_wins_over_the_keychain(tmp_path):
    other = "sk-ant-api03-" + "env" * 20
    result = in_keyring_session(
        tmp_path, f"echo {KEY} | vibing key set --stdin && vibing key check", ANTHROPIC_API_KEY=other
    )
    assert result.returncode == 0, result.stderr
    assert "sk-ant-…venv from the environment" in result.stdout


def test_without_any_keychain_the_user_is_told_how_to_fix_it(tmp_path):
    env = vibing_env(tmp_path / "home", HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "key", "set", "--stdin"],
        input=KEY + "\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "No OS keychain is available" in result.stderr and "ANTHROPIC_API_KEY" in result.stderr
    assert not list(tmp_path.rglob("*.cfg")) and KEY not in result.stderr


def test_a_malformed_key_is_refused_before_it_is_stored(tmp_path):
    env = vibing_env(tmp_path / "home", HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    result = subprocess.run(
        [sys.executable, "-m", "vibing", "key", "set", "--stdin"],
        input="not a key\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2 and "does not look like an API key" in result.stderr


SET_FROM_SETTINGS = """
import subprocess, sys
from vibing.schema.stream import SetKey
from vibing.bus import Bus
from vibing import paths
app = subprocess.Popen([sys.executable, "-m", "vibing", "run", "--headless"], stdout=subprocess.PIPE, text=True)
for line in app.stdout:  # blocks until the app says it is ready
    if "vibing: ready" in line:
        break
with Bus.connect_running(paths.resolve().bus_file, "settings") as bus:
    print(bus.request("stream", SetKey(key=sys.argv[1])).message, flush=True)
"""


@needs_keyring
def test_settings_save_the_key_through_the_stream_service_to_the_keychain(tmp_path):
    """What the window's "Save to keychain" does: a bus request; the key lands in the real keychain."""
    script_file = tmp_path / "set_key.py"
    script_file.write_text(SET_FROM_SETTINGS)
    result = in_keyring_session(tmp_path, f"{sys.executable} {script_file} {KEY} && vibing key rm && vibing stop")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Saved sk-ant-…yk3y to the keychain" in result.stdout
    assert "Removed the API key from the keychain" in result.stdout
    home_logs = list((tmp_path / "home").rglob("*.log"))
    assert home_logs and all(KEY not in p.read_text() for p in home_logs)
