"""`vibing bench` in an install without the test extras: the rows it cannot measure are marked, never a traceback.

Nothing is uninstalled: each case runs in a fresh interpreter where the optional packages are blocked
(``sys.modules[name] = None`` makes ``import name`` raise ImportError, as if it were not installed).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import ROOT, vibing_env

BLOCKED = ("playwright", "anthropic", "psycopg", "llama_cpp")


def _run(tmp_path, code: str, *blocked: str) -> subprocess.CompletedProcess:
    prelude = "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in blocked)
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        cwd=ROOT,
        env=vibing_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_table_marks_the_rows_a_missing_package_cannot_measure(tmp_path):
    result = _run(tmp_path, "from vibing.cli import main; sys.exit(main(['bench', '--only', 'local.']))", *BLOCKED)

    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = [line for line in result.stdout.splitlines() if " local." in line]
    assert [line.split()[0] for line in rows] == [
        "local.cold_start_to_first_token_ms",
        "local.first_token_ms",
        "local.tokens_per_s",
        "local.model_rss_mb",
    ]
    for line in rows:
        assert "skipped (needs: llama-cpp-python" in line
        assert "(misses target)" not in line
    assert "4 rows skipped" in result.stdout


def test_row_modules_fail_soft_on_a_blocked_import_and_on_a_module_not_in_this_install(tmp_path):
    (tmp_path / "rows_needing_playwright.py").write_text("import playwright\nPREFIX = 'browser.'\n")
    code = f"""
        import json
        sys.path.insert(0, {str(tmp_path)!r})
        from vibing import bench
        from vibing.bench import importer, shell

        bench.ROW_MODULES[:] = ["vibing.bench.local", "rows_needing_playwright", "vibing.bench.not_written_yet"]
        rows = [row for module in bench.modules() for row in bench.run_module(module, {str(tmp_path)!r})]
        rows += importer.run({str(tmp_path)!r}) + shell._ui_rows(None, "")
        print(json.dumps([[row.id, row.skipped, row.meets_target] for row in rows]))
    """
    result = _run(tmp_path, code, *BLOCKED)

    assert result.returncode == 0, result.stderr
    rows = {row_id: (needs, meets) for row_id, needs, meets in json.loads(result.stdout)}
    needs, meets = rows["local.tokens_per_s"]
    assert needs.startswith("llama-cpp-python") and meets is None
    assert rows["rows_needing_playwright.*"] == ("playwright", None)
    assert rows["not_written_yet.*"] == ("vibing.bench.not_written_yet (not in this install)", None)
    assert rows["import.rows_per_s"] == ("psycopg", None) and rows["import.rerun_s"] == ("psycopg", None)
    for row_id in ("shell.ui_longest_render_ms", "shell.enter_to_first_token_ms", "shell.ui_longest_task_ms"):
        assert "playwright" in rows[row_id][0]


def test_missing_names_only_what_cannot_be_imported(tmp_path):
    code = """
        from vibing import bench
        print(bench.missing("json", "playwright", "llama_cpp", "PySide6.QtWebEngineWidgets", "Xvfb"))
    """
    result = _run(tmp_path, code, "playwright", "llama_cpp", "PySide6")

    assert result.returncode == 0, result.stderr
    found = eval(result.stdout)  # a printed list of str
    assert found[:3] == ["playwright", "llama-cpp-python", "PySide6-WebEngine"]
    assert "json" not in found
