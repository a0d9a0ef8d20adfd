"""One shell: the bus client, the bridge, the UI server and the preview server.

Both front doors use it: ``vibing web`` (a browser) and the pywebview window
(:mod:`shell.window`), which adds native intents (dialogs, geometry) and the native
confirmation that changing a provider address needs (:attr:`Shell.confirm`).

What the page sends to the settings is checked here, because the page is the least
trusted part of the shell: a new agent folder or data folder must be one the user
picked or allowed (:mod:`shell.folders`), and a provider address (where the API key
goes) changes only after the person said yes in a dialog page script cannot reach.

The preview's network permission is per project (``preview.network``): stored in the
shell's settings, loaded into the preview server at start and set there on every
change, so the next page served for that project gets the CSP that matches.  The
"every project" switch in Settings (``preview_allow_network``) stays, off by default.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from vibing import __version__, log
from vibing import config as config_mod
from vibing import paths as paths_mod
from vibing.bus import Bus
from vibing.errors import ConfigError, InvalidRequest, NotFound
from vibing.schema.storage import GetProject
from vibing.shell.bridge import Bridge
from vibing.shell.folders import DIALOG_KINDS, FOLDER, FolderAccess
from vibing.shell.preview import PreviewServer
from vibing.shell.server import UiServer
from vibing.shell.settings import (
    KEY_NAMES,
    PROVIDER_NAMES,
    Settings,
    WindowState,
    address_setting,
    check_address,
    check_project_id,
    keychain_state,
)

logger = log.get("shell")
#: A crash report is a traceback and some log lines; more than this is cut when copied.
MAX_REPORT_BYTES = 256 * 1024


def app_paths() -> paths_mod.Paths:
    try:
        config = config_mod.load()
        return paths_mod.resolve(config.data_dir or None)
    except ConfigError:
        return paths_mod.resolve()


class Shell:
    def __init__(
        self,
        bus_file: Path | None = None,
        *,
        port: int = 0,
        preview_port: int = 0,
        mode: str = "web",
        sender: str = "shell",
        allow_folders: Iterable[str | Path] = (),
    ) -> None:
        self.started = time.perf_counter()
        self.mode = mode
        self.paths = app_paths()
        self.bus = Bus.connect_running(bus_file or self.paths.bus_file, sender)
        #: In the window, paths come from its native dialogs; in a browser, from ``--allow-folder``.
        self.folders = FolderAccess(allow_folders, dialogs=mode == "window")
        self.bridge = Bridge(self.bus, self.folders)
        self.settings = Settings(self.paths)
        self.state = WindowState(self.paths)
        allow_net = bool(self.settings.get()["values"].get("preview_allow_network"))
        self.preview = PreviewServer(self.bus, preview_port, allow_network=allow_net, call=self.bridge.call)
        self.preview.network_projects = set(self.settings.network_projects())
        self.server = UiServer(self.bridge, port, preview_origin=self.preview.origin)
        self.preview.ui_origin = f"http://127.0.0.1:{self.server.port} http://localhost:{self.server.port}"
        self.native: dict[str, Callable[[dict[str, Any]], Any]] = {}
        #: The native yes/no dialog, ``confirm(title, message) -> bool`` (the window sets it; ``vibing web`` has
        #: none).  Its answer is the person's: nothing the page sends can stand for it.
        self.confirm: Callable[[str, str], bool] | None = None
        self._confirming = threading.Lock()
        self.ready_info: dict[str, Any] = {}
        if mode == "window":
            self.native["open_crash_folder"] = self._open_crash_folder
        self._register()

    # -- intents ----------------------------------------------------------------------

    def _register(self) -> None:
        s = self.server

        @s.intent("info")
        def info(_: dict[str, Any]) -> dict[str, Any]:
            return {
                "mode": self.mode,
                "version": __version__,
                "data_folder": str(self.paths.data),
                "native": sorted(self.native),
                "confirm": self.confirm is not None,
                "allowed_folders": [str(folder) for folder in self.folders.allowed],
                "recent": self.state.load().get("recent", []),
                "crash_folder": str(self.paths.crash_dir),
            }

        @s.intent("ready")
        def ready(data: dict[str, Any]) -> dict[str, Any]:
            self.ready_info = {"ms": round((time.perf_counter() - self.started) * 1000, 1), **data}
            logger.info("shell.ui_ready", mode=self.mode, ms=self.ready_info["ms"])
            self.bridge.mark_ready(self.ready_info)
            return {"ms": self.ready_info["ms"]}

        @s.intent("preview.url")
        def preview_url(data: dict[str, Any]) -> str:
            project_id = data.get("project_id")
            if not isinstance(project_id, str) or not project_id:
                raise InvalidRequest("Which project? (project_id)")
            return self.preview.base_url(project_id)

        @s.intent("preview.network")
        def preview_network(data: dict[str, Any]) -> dict[str, Any]:
            """Allow or revoke the network for one project's previews (the bar's and Settings' buttons)."""
            project_id = check_project_id(data.get("project_id"))
            allow = data.get("allow")
            if allow is True:  # only a project that exists is remembered
                self.bridge.call(lambda: self.bus.request("storage", GetProject(project_id=project_id), timeout=5))
            projects = self.settings.set_network(project_id, allow)
            self.preview.network_projects = set(projects)
            logger.info("shell.preview_network", project_id=project_id, allowed=allow)
            return self._network_state(project_id)

        @s.intent("settings.get")
        def settings_get(data: dict[str, Any]) -> dict[str, Any]:
            settings = self.settings.get()
            if data.get("keychain"):
                # Where the API key can live here, asked when Settings or the first-run screen opens (not at
                # start: opening the keychain takes a moment), so a machine without one is told before a key is
                # typed.  The .env named is the config folder's, which every start reads (vibing.config), however
                # Vibing was launched.
                settings.update(keychain=keychain_state(), dotenv_file=str(self.paths.config_file.parent / ".env"))
            return settings

        @s.intent("crash.report")
        def crash_report(data: dict[str, Any]) -> dict[str, Any]:
            """The text of one crash report, for the notice's Copy button (the page cannot read files)."""
            return {"text": self._crash_report_text(data.get("path"))}

        @s.intent("settings.update")
        def settings_update(data: dict[str, Any]) -> dict[str, Any]:
            changes = data.get("values")
            if not isinstance(changes, dict):
                raise InvalidRequest("Expected {values: {...}}.")
            changes = self._check_folders(changes)
            result = self.settings.update(changes)
            self.preview.allow_network = bool(result["values"].get("preview_allow_network"))
            return result

        @s.intent("settings.export")
        def settings_export(_: dict[str, Any]) -> dict[str, Any]:
            return self.settings.export()

        @s.intent("settings.import")
        def settings_import(data: dict[str, Any]) -> dict[str, Any]:
            document = data.get("document") or {}
            if isinstance(document, dict) and isinstance(document.get("values"), dict):
                document = {**document, "values": self._check_folders(document["values"])}
            result = self.settings.import_(document)
            self.preview.allow_network = bool(result["values"].get("preview_allow_network"))
            return result

        @s.intent("settings.address")
        def settings_address(data: dict[str, Any]) -> dict[str, Any]:
            return self._change_address(data.get("provider", "anthropic"), data.get("url"))

        @s.intent("recent.add")
        def recent_add(data: dict[str, Any]) -> list[str]:
            project_id = str(data.get("project_id", ""))
            recent = [p for p in self.state.load().get("recent", []) if p != project_id]
            if project_id:
                recent.insert(0, project_id)
            self.state.save(recent=recent[:12])
            return recent[:12]

        @s.intent("native")
        def native(data: dict[str, Any]) -> Any:
            name = str(data.get("name", ""))
            handler = self.native.get(name)
            if handler is None:
                raise InvalidRequest(f"{name[:80]!r} needs the desktop window.")
            result = handler(data)
            if name in DIALOG_KINDS and isinstance(result, str) and result:
                self.folders.grant(result, DIALOG_KINDS[name])  # the user picked it: the page may now use it
            return result

        @s.intent("metrics")
        def metrics(_: dict[str, Any]) -> dict[str, Any]:
            return {"events_seen": self.bridge.events_seen, "ready": self.ready_info}

    def _crash_report_text(self, path: object) -> str:
        """A report from the crash folder, by the path Status gave; nothing outside that folder is read.

        Reports are redacted when written (``vibing.supervision.CrashRecords``); they are redacted again
        here, so a report written by an older version never hands a key to the clipboard.
        """
        folder = self.paths.crash_dir.resolve()
        if not isinstance(path, str) or not path:
            raise InvalidRequest("Which crash report? (path, as the status lists it)")
        report = Path(path)
        if report.suffix != ".txt" or report.resolve().parent != folder:
            raise InvalidRequest(f"Only the reports in {folder} can be read from the window.")
        try:
            with report.resolve().open("rb") as file:
                raw = file.read(MAX_REPORT_BYTES + 1)
        except FileNotFoundError:
            raise NotFound(f"The crash report {report.name} is gone (deleted since it was listed).") from None
        except OSError as exc:
            raise InvalidRequest(f"The crash report {report.name} cannot be read ({exc.strerror}).") from None
        text = log.redact_text(raw[:MAX_REPORT_BYTES].decode("utf-8", errors="replace"))
        return text + ("\n[… cut: the report is longer]" if len(raw) > MAX_REPORT_BYTES else "")

    def _open_crash_folder(self, _: dict[str, Any]) -> str:
        """The window's "Open report folder": the desktop's file manager, on the crash folder (a fixed path)."""
        folder = self.paths.crash_dir
        opener = shutil.which("xdg-open") or shutil.which("open")
        if opener is None:
            raise InvalidRequest(f"No program here opens folders (xdg-open); the reports are in {folder}.")
        paths_mod.private_dir(folder)
        opened = subprocess.Popen(  # noqa: S603 - a fixed program and a path of ours, nothing from the page
            [opener, str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        threading.Thread(target=opened.wait, name="open-folder", daemon=True).start()  # reaped, no zombie
        return str(folder)

    def _network_state(self, project_id: str) -> dict[str, Any]:
        """What the page shows about the network: this project's permission, the global switch, every allowed id."""
        return {
            "project_id": project_id,
            "allowed": self.preview.network_allowed(project_id),
            "project_allowed": project_id in self.preview.network_projects,
            "everywhere": self.preview.allow_network,
            "projects": self.settings.network_projects(),
        }

    def _check_folders(self, values: dict[str, Any]) -> dict[str, Any]:
        """``values`` from the page, with every new folder in them one the user picked or allowed.

        Agent folders are read at every start, and the data folder is where the next start reads and writes
        everything, so a folder typed by page script would be used later.  Folders already in the settings
        stay as they are; a new data folder is stored resolved (a symlink swapped later does not move it).
        """
        values = dict(values)
        current = self.settings.get()["values"]
        folders = values.get("agent_dirs")
        if folders is not None:
            if isinstance(folders, str):
                folders = [line.strip() for line in folders.splitlines() if line.strip()]
            if not isinstance(folders, list):
                raise InvalidRequest("Agent folders must be a list of folder paths.")
            known = current.get("agent_dirs") or []
            self.folders.check_new_folders([f for f in folders if f not in known], "Adding an agent folder")
        data_dir = values.get("data_dir")
        if data_dir is not None and data_dir != "" and data_dir != current.get("data_dir"):
            values["data_dir"] = self.folders.check(
                data_dir,
                FOLDER,
                "Moving the data folder",
                elsewhere=f"or set data_dir in {self.paths.config_file} yourself",
            )
        return values

    def _change_address(self, provider: object, url: object) -> dict[str, Any]:
        """Change where a provider's API key is sent, only after the person confirmed it in a native dialog."""
        setting = address_setting(provider)
        provider = str(provider)
        url = check_address(provider, url)
        name = PROVIDER_NAMES[provider]
        if config_mod.same_endpoint(url, self.settings.address_in_force(provider)):
            return {
                "changed": False,
                "message": f"The {name} address is already {url}.",
                "settings": self.settings.get(),
            }
        if self.confirm is None:
            raise InvalidRequest(
                f"Changing the {name} address from the browser is not possible: your API key is sent to that "
                f"address, and only you can confirm that, which a web page cannot do on your behalf. In a terminal, "
                f"run `vibing config set-address {provider} URL` (it asks you to confirm), then restart Vibing.",
                setting=setting,
            )
        if not self._confirming.acquire(blocking=False):
            raise InvalidRequest("A confirmation is already open in the window; answer it first.")
        try:
            answer = self.confirm(
                f"Send your API key to {url}?",
                f"Vibing will send your {KEY_NAMES[provider]} to\n\n    {url}\n\nwith every request from now on "
                f"(it was {self.settings.address_in_force(provider)}). Only say yes if you set up or trust "
                "this server. The change applies after Vibing restarts.",
            )
        finally:
            self._confirming.release()
        if answer is not True:  # only an explicit yes
            logger.info("shell.address_declined", setting=setting)
            return {
                "changed": False,
                "message": f"Not changed: you said no. The {name} address stays "
                f"{self.settings.address_in_force(provider)}.",
                "settings": self.settings.get(),
            }
        result = self.settings.set_address(provider, url, confirm=True)
        logger.info("shell.address_changed", setting=setting)
        return {
            "changed": True,
            "message": f"The {name} address is now {url}. Restart Vibing to use it.",
            "settings": result,
        }

    # -- life -------------------------------------------------------------------------

    def start(self) -> Shell:
        self.bridge.start()
        self.preview.start()
        self.server.start()
        logger.info("shell.serving", mode=self.mode, port=self.server.port, preview_port=self.preview.port)
        return self

    def stop(self) -> None:
        for stop in (self.server.stop, self.preview.stop, self.bridge.stop, self.bus.close):
            try:
                stop()
            except Exception:
                logger.exception("shell.stop_failed")

    @property
    def url(self) -> str:
        """The UI's address, with no secret in it (see ``server.sign_in_url`` and ``server.token_url``)."""
        return self.server.url
