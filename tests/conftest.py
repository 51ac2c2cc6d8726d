"""Fixtures for the dataset tests: an isolated cache, generated data files, a local server.

Nothing here touches the user's cache or the network: ``data_env`` points ``NNSCRATCH_DATA``
at a temporary folder, unsets ``NNSCRATCH_CATALOG`` and empties the mirror table; downloads
go to an HTTP server on 127.0.0.1 that the ``http_server`` fixture starts in a thread.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import socket
import tarfile
import threading
import zipfile
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from nnscratch.datasets import specs


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def idx_bytes(array: np.ndarray) -> bytes:
    """The IDX encoding of a uint8 array: magic, one big-endian size per dimension, values."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(n).to_bytes(4, "big") for n in array.shape
    )
    return header + np.ascontiguousarray(array, dtype=np.uint8).tobytes()


def cifar_records(images: np.ndarray, labels: np.ndarray) -> bytes:
    """CIFAR-10 binary records from (N, 32, 32, 3) images: label, then R, G and B planes."""
    planes = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    return np.concatenate([labels[:, None].astype(np.uint8), planes], axis=1).tobytes()


def cifar_tar_gz(train: tuple, test: tuple, *, batches: int = 5) -> bytes:
    """A ``cifar-10-binary.tar.gz`` holding the training split in ``batches`` files."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        parts = np.array_split(np.arange(len(train[0])), batches)
        members = {
            f"data_batch_{i + 1}.bin": cifar_records(train[0][p], train[1][p])
            for i, p in enumerate(parts)
        }
        members["test_batch.bin"] = cifar_records(*test)
        members["batches.meta.txt"] = b"airplane\n"
        for name, data in members.items():
            info = tarfile.TarInfo(f"cifar-10-batches-bin/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def jpeg_zip(images: dict[str, list[tuple[str, np.ndarray]]], mode: str = "RGB") -> bytes:
    """A zip of ``<split>/<class>/<name>.jpg`` members, written in a shuffled order."""
    from PIL import Image

    members = []
    for split, items in images.items():
        for i, (cls, pixels) in enumerate(items):
            out = io.BytesIO()
            Image.fromarray(pixels, mode=mode).save(out, format="JPEG", quality=95)
            members.append((f"{split}/{cls}/{i:04d}.jpg", out.getvalue()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, data in reversed(members):  # the loader must sort
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def helpers() -> SimpleNamespace:
    """The generators above, for test modules (which cannot import conftest by name)."""
    return SimpleNamespace(
        sha256=sha256,
        idx_bytes=idx_bytes,
        cifar_records=cifar_records,
        cifar_tar_gz=cifar_tar_gz,
        jpeg_zip=jpeg_zip,
    )


@pytest.fixture
def data_env(tmp_path, monkeypatch) -> Path:
    """An empty cache folder, no catalog, no system copies, no mirrors: a clean slate."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("NNSCRATCH_DATA", str(cache))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("NNSCRATCH_CATALOG", raising=False)
    monkeypatch.setattr(specs, "SYSTEM_DIRS", {})
    monkeypatch.setattr(specs, "MIRRORS", {name: [] for name in specs.SPECS})
    return cache


@dataclass
class FakeIdx:
    """Small MNIST-like data, its official-style gz files, and a spec pinning them."""

    name: str
    arrays: dict[str, np.ndarray]
    raw: dict[str, bytes]  # decompressed IDX bytes by official file name
    gz: dict[str, bytes]  # gzipped bytes by official file name
    spec: specs.DatasetSpec


@pytest.fixture
def fake_idx(monkeypatch):
    """Factory: replace a dataset's spec by one pinning small generated IDX files."""

    def make(name: str = "mnist", n_train: int = 30, n_test: int = 20, seed: int = 0) -> FakeIdx:
        rng = np.random.default_rng(seed)
        arrays = {
            "train_images": rng.integers(0, 256, (n_train, 28, 28), dtype=np.uint8),
            "train_labels": (np.arange(n_train) % 10).astype(np.uint8),
            "test_images": rng.integers(0, 256, (n_test, 28, 28), dtype=np.uint8),
            "test_labels": (np.arange(n_test)[::-1] % 10).astype(np.uint8),
        }
        real = specs.SPECS[name]
        raw, gz, files = {}, {}, []
        for official in real.files:
            raw[official.filename] = idx_bytes(arrays[official.key])
            gz[official.filename] = gzip.compress(raw[official.filename], mtime=0)
            files.append(
                specs.OfficialFile(
                    official.key,
                    official.filename,
                    sha256(gz[official.filename]),
                    sha256(raw[official.filename]),
                )
            )
        spec = specs.DatasetSpec(**{**real.__dict__, "files": tuple(files)})
        monkeypatch.setitem(specs.SPECS, name, spec)
        return FakeIdx(name, arrays, raw, gz, spec)

    return make


@dataclass
class FakeCifar:
    train: tuple[np.ndarray, np.ndarray]
    test: tuple[np.ndarray, np.ndarray]
    archive: bytes
    spec: specs.DatasetSpec


@pytest.fixture
def fake_cifar(monkeypatch):
    """Factory: replace CIFAR-10's spec by one pinning a small generated binary archive."""

    def make(n_train: int = 25, n_test: int = 10, seed: int = 1) -> FakeCifar:
        rng = np.random.default_rng(seed)
        train = (
            rng.integers(0, 256, (n_train, 32, 32, 3), dtype=np.uint8),
            (np.arange(n_train) % 10).astype(np.uint8),
        )
        test = (
            rng.integers(0, 256, (n_test, 32, 32, 3), dtype=np.uint8),
            (np.arange(n_test) % 10).astype(np.uint8),
        )
        archive = cifar_tar_gz(train, test)
        real = specs.SPECS["cifar10"]
        official = real.files[0]
        spec = specs.DatasetSpec(
            **{
                **real.__dict__,
                "files": (specs.OfficialFile(official.key, official.filename, sha256(archive)),),
            }
        )
        monkeypatch.setitem(specs.SPECS, "cifar10", spec)
        return FakeCifar(train, test, archive, spec)

    return make


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    truncate: bool = False  # send the full Content-Length, then close halfway through


@dataclass
class LocalServer:
    """An HTTP server on 127.0.0.1 serving the routes a test sets."""

    port: int
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, int]] = field(default_factory=list)

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.port}/{path}"

    def serve(self, path: str, body: bytes = b"", **options) -> None:
        self.routes["/" + path.lstrip("/")] = Route(body, **options)


@pytest.fixture
def http_server():
    """Start a threaded HTTP server on a free port; shut it down and close it afterwards."""
    state: dict[str, LocalServer] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            server = state["server"]
            route = server.routes.get(self.path, Route(b"not found", 404))
            server.log.append((self.path, route.status))
            self.send_response(route.status)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            if route.truncate:
                self.wfile.write(route.body[: len(route.body) // 2])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(route.body)

        def log_message(self, format, *args):  # keep the test output clean
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state["server"] = LocalServer(port=httpd.server_address[1])
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.fixture
def write_catalog(tmp_path):
    """Factory: write a catalog.toml and its files into a folder; return the catalog path."""

    def make(tables: dict[str, dict], files: dict[str, bytes], folder: Path | None = None) -> Path:
        folder = folder or tmp_path / "catalog"
        folder.mkdir(parents=True, exist_ok=True)
        for relative, data in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        lines = []
        for name, table in tables.items():
            lines.append(f"[{name}]")
            for key, value in table.items():
                if isinstance(value, dict):
                    inner = ", ".join(f'{k} = "{v}"' for k, v in value.items())
                    lines.append(f"{key} = {{ {inner} }}")
                elif isinstance(value, list):
                    lines.append(f"{key} = [{', '.join(repr(v) for v in value)}]".replace("'", '"'))
                else:
                    lines.append(f'{key} = "{value}"')
        path = folder / "catalog.toml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return make
