"""Images stored with their message (issue 20): saved, listed, loaded, forked, deleted, kept out of exports, and
carried by a backup into another home, over the real bus and the real CLI."""

from __future__ import annotations

import base64
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import start_app, vibing_env

from tests.fakes.images import b64, gif, png
from vibing.errors import InvalidRequest, LimitExceeded, NotFound
from vibing.schema.storage import (
    AddMessage,
    CreateProject,
    DeleteProject,
    DuplicateProject,
    ExportProject,
    FileWrite,
    GetMessage,
    LoadAttachment,
    LoadProject,
)
from vibing.schema.stream import ImageAttachment

RED = png(30, 20)
DOT = gif()


def _images() -> list[ImageAttachment]:
    return [
        ImageAttachment(media_type="image/png", data=b64(RED), width=30, height=20, name="red.png"),
        ImageAttachment(media_type="image/gif", data=b64(DOT), width=1, height=1),
    ]


def test_images_are_stored_with_their_message_listed_loaded_forked_and_deleted(tmp_path: Path) -> None:
    app = start_app(tmp_path / "home")
    try:
        bus = app.bus()
        project = bus.request(
            "storage", CreateProject(name="Shop", files=[FileWrite(path="index.html", content="<p>shop</p>\n")])
        ).project
        asked = bus.request(
            "storage", AddMessage(project_id=project.id, role="user", content="like this", images=_images())
        ).message
        bus.request("storage", AddMessage(project_id=project.id, role="assistant", content="done"))
        bus.request("storage", AddMessage(project_id=project.id, role="user", content="no image"))

        # listed, in order, with their facts and without their bytes
        messages = bus.request("storage", LoadProject(project_id=project.id)).messages
        listed = messages[0].attachments
        assert [(a.media_type, a.width, a.height, a.size_bytes, a.name) for a in listed] == [
            ("image/png", 30, 20, len(RED), "red.png"),
            ("image/gif", 1, 1, len(DOT), ""),
        ]
        assert messages[1].attachments == [] and messages[2].attachments == []
        assert asked.attachments == listed  # the AddMessage reply says the same
        assert bus.request("storage", GetMessage(message_id=asked.id)).message.attachments == listed

        # loaded byte for byte
        got = bus.request("storage", LoadAttachment(attachment_id=listed[0].id))
        assert (got.id, got.media_type, got.message_id, got.name) == (listed[0].id, "image/png", asked.id, "red.png")
        assert base64.b64decode(got.data) == RED
        with pytest.raises(NotFound):
            bus.request("storage", LoadAttachment(attachment_id="no-such-image"))

        # refused before anything is written
        with pytest.raises(InvalidRequest):
            bus.request(
                "storage",
                AddMessage(project_id=project.id, role="assistant", content="x", images=_images()[:1]),
            )
        svg = ImageAttachment(media_type="image/svg+xml", data=b64(b"<svg/>"))
        with pytest.raises(InvalidRequest):
            bus.request("storage", AddMessage(project_id=project.id, role="user", content="x", images=[svg]))
        with pytest.raises(LimitExceeded):
            bus.request("storage", AddMessage(project_id=project.id, role="user", content="x", images=_images() * 6))
        assert len(bus.request("storage", LoadProject(project_id=project.id)).messages) == 3

        # a fork copies them (new ids, the same bytes); the original's stay
        fork = bus.request("storage", DuplicateProject(project_id=project.id, name="Shop 2")).project
        copied = bus.request("storage", LoadProject(project_id=fork.id)).messages[0].attachments
        assert [(a.media_type, a.size_bytes, a.name) for a in copied] == [
            (a.media_type, a.size_bytes, a.name) for a in listed
        ]
        assert {a.id for a in copied}.isdisjoint(a.id for a in listed)
        assert base64.b64decode(bus.request("storage", LoadAttachment(attachment_id=copied[0].id)).data) == RED

        # the export is the project's files, and nothing else
        out = tmp_path / "shop.zip"
        bus.request("storage", ExportProject(project_id=project.id, path=str(out)))
        with zipfile.ZipFile(out) as zf:
            assert sorted(zf.namelist()) == [".vibing-project.json", "index.html"]
            everything = b"".join(zf.read(name) for name in zf.namelist())
        assert b64(RED).encode() not in everything and b"red.png" not in everything and RED not in everything

        # deleting the project deletes its images, not its fork's
        bus.request("storage", DeleteProject(project_id=project.id))
        for a in listed:
            with pytest.raises(NotFound):
                bus.request("storage", LoadAttachment(attachment_id=a.id))
        assert base64.b64decode(bus.request("storage", LoadAttachment(attachment_id=copied[1].id)).data) == DOT
    finally:
        app.stop()


def _cli(home: Path, vibing_home: Path, *args: str) -> subprocess.CompletedProcess:
    env = vibing_env(vibing_home, HOME=str(home))
    return subprocess.run(
        [sys.executable, "-m", "vibing", *args], env=env, capture_output=True, text=True, timeout=120, cwd=vibing_home
    )


def test_a_restored_backup_still_has_the_images(tmp_path: Path) -> None:
    home, vibing_home = tmp_path / "a" / "home", tmp_path / "a" / "vibing"
    home.mkdir(parents=True)
    app = start_app(vibing_home, HOME=str(home))
    try:
        bus = app.bus()
        project = bus.request("storage", CreateProject(name="Shown")).project
        asked = bus.request(
            "storage", AddMessage(project_id=project.id, role="user", content="like this", images=_images())
        ).message
        archive = tmp_path / "moving.zip"
        made = _cli(home, vibing_home, "backup", "create", str(archive))
        assert made.returncode == 0, made.stderr
    finally:
        app.stop()

    new_home, new_vibing = tmp_path / "b" / "home", tmp_path / "b" / "vibing"
    new_home.mkdir(parents=True)
    new_vibing.mkdir(parents=True)
    restored = _cli(new_home, new_vibing, "backup", "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    app = start_app(new_vibing, HOME=str(new_home))
    try:
        bus = app.bus()
        message = bus.request("storage", LoadProject(project_id=project.id)).messages[0]
        assert message.id == asked.id
        assert message.attachments == asked.attachments
        for attachment, raw in zip(message.attachments, (RED, DOT), strict=True):
            got = bus.request("storage", LoadAttachment(attachment_id=attachment.id))
            assert base64.b64decode(got.data) == raw
    finally:
        app.stop()
