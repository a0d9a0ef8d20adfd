"""Settings come from defaults < config file < .env < environment, and errors name their source."""

from __future__ import annotations

from pathlib import Path

import pytest

from vibing import config
from vibing.errors import ConfigError


def load(tmp_path: Path, *, toml: str | None = None, dotenv: str | None = None, env: dict | None = None):
    config_file = tmp_path / "config.toml"
    dotenv_file = tmp_path / ".env"
    if toml is not None:
        config_file.write_text(toml)
    if dotenv is not None:
        dotenv_file.write_text(dotenv)
    return config.load(config_file=config_file, dotenv=dotenv_file, environ=env or {})


def test_defaults_apply_when_nothing_is_set(tmp_path):
    cfg = load(tmp_path)
    assert cfg.rate_limit_per_min == 60
    assert cfg.transport == "ipc"


def test_each_layer_overrides_the_one_before(tmp_path):
    cfg = load(
        tmp_path,
        toml="rate_limit_per_min = 10\nrestart_limit = 7\nstop_grace_s = 9\n",
        dotenv="VIBING_RATE_LIMIT_PER_MIN=20\nVIBING_RESTART_LIMIT=8\n",
        env={"VIBING_RATE_LIMIT_PER_MIN": "30"},
    )
    assert cfg.rate_limit_per_min == 30  # environment wins
    assert cfg.restart_limit == 8  # .env beats the file
    assert cfg.stop_grace_s == 9.0  # the file beats the default


def test_aliases_for_log_level_and_base_url(tmp_path):
    cfg = load(tmp_path, env={"VIBING_LOG": "debug", "ANTHROPIC_BASE_URL": "http://127.0.0.1:9"})
    assert cfg.log_level == "debug"
    assert cfg.anthropic_base_url == "http://127.0.0.1:9"


def test_a_bad_value_in_the_file_names_the_file_and_the_setting(tmp_path):
    with pytest.raises(ConfigError) as err:
        load(tmp_path, toml='rate_limit_per_min = "lots"\n')
    assert "config.toml" in err.value.message and "rate_limit_per_min" in err.value.message


def test_a_bad_value_in_the_environment_says_environment(tmp_path):
    with pytest.raises(ConfigError) as err:
        load(tmp_path, env={"VIBING_TRANSPORT": "carrier-pigeon"})
    assert err.value.message.startswith("environment: transport")


def test_range_checks_explain_the_rule(tmp_path):
    with pytest.raises(ConfigError, match="rate_limit_per_min must be at least 1"):
        load(tmp_path, toml="rate_limit_per_min = 0\n")


def test_unknown_setting_in_file_is_refused_with_the_known_ones(tmp_path):
    with pytest.raises(ConfigError, match="unknown setting 'rate_limt'"):
        load(tmp_path, toml="rate_limt = 3\n")


def test_broken_toml_is_reported_not_crashed_on(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(tmp_path, toml="this is = = not toml")


def test_dotenv_understands_quotes_comments_and_export(tmp_path):
    path = tmp_path / ".env"
    path.write_text('# comment\nexport VIBING_LOG="warning"\nVIBING_STOP_GRACE_S=2 # two seconds\n')
    assert config.read_dotenv(path) == {"VIBING_LOG": "warning", "VIBING_STOP_GRACE_S": "2"}


def test_dotenv_line_without_equals_is_reported_with_its_line(tmp_path):
    path = tmp_path / ".env"
    path.write_text("VIBING_LOG=info\nnonsense\n")
    with pytest.raises(ConfigError, match=r"\.env:2: expected KEY=VALUE"):
        config.read_dotenv(path)


def test_each_setting_knows_where_it_came_from_and_no_layer_can_forge_that(tmp_path):
    cfg = load(
        tmp_path,
        toml="restart_limit = 7\n",
        dotenv="ANTHROPIC_BASE_URL=http://127.0.0.1:9\nVIBING_RATE_LIMIT_PER_MIN=20\n",
        env={"VIBING_RATE_LIMIT_PER_MIN": "30"},
    )
    assert cfg.origins == {
        "restart_limit": "config file",
        "anthropic_base_url": ".env",
        "rate_limit_per_min": "environment",
    }
    with pytest.raises(ConfigError, match="unknown setting 'origins'"):
        load(tmp_path, toml='origins = {anthropic_base_url = "environment"}\n')
    assert "origins" not in config.FIELDS


def test_base_urls_compare_by_server_and_path():
    assert config.same_endpoint("https://api.anthropic.com", "HTTPS://API.anthropic.com:443/")
    assert not config.same_endpoint("https://api.anthropic.com", "https://api.anthropic.com.evil.example")
    assert not config.same_endpoint("https://api.anthropic.com", "http://api.anthropic.com")
    assert not config.same_endpoint("http://127.0.0.1:8000/v1", "http://127.0.0.1:8001/v1")


def test_the_config_folders_env_is_read_and_the_start_folders_env_wins_over_it(tmp_path):
    """A desktop launch starts in a folder the desktop chose, so the config folder's .env is the one that works."""
    config_dir, start_dir = tmp_path / "config", tmp_path / "project"
    config_dir.mkdir()
    start_dir.mkdir()
    (config_dir / ".env").write_text("VIBING_RATE_LIMIT_PER_MIN=20\nVIBING_RESTART_LIMIT=8\n")
    alone = config.load(config_file=config_dir / "config.toml", dotenv=start_dir / ".env", environ={})
    assert (alone.rate_limit_per_min, alone.restart_limit) == (20, 8)
    assert alone.origins["rate_limit_per_min"] == ".env"

    (start_dir / ".env").write_text("VIBING_RATE_LIMIT_PER_MIN=40\n")
    both = config.load(config_file=config_dir / "config.toml", dotenv=start_dir / ".env", environ={})
    assert (both.rate_limit_per_min, both.restart_limit) == (40, 8)
