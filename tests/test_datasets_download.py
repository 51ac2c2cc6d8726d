"""Downloads through mirrors, against a real HTTP server on 127.0.0.1 started by the tests."""

from __future__ import annotations

import gzip
import hashlib
import sys
from typing import ClassVar

import numpy as np
import pytest

from nnscratch.datasets import (
    DataUnavailableError,
    describe,
    download,
    load_cifar10,
    load_fashion_mnist,
    load_mnist,
    locations,
    specs,
)

pytestmark = [pytest.mark.usefixtures("data_env"), pytest.mark.network]


def _serve_idx(server, fake, prefix="a/"):
    for filename, data in fake.gz.items():
        server.serve(prefix + filename, data)


def _leftovers(folder):
    """Files in the cache other than complete, verified downloads and decoded arrays."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and "decoded" not in p.parts and not p.name.endswith(".gz")
    )


def test_good_download_then_cache(monkeypatch, http_server, fake_idx, data_env):
    fake = fake_idx("mnist")
    _serve_idx(http_server, fake)
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/")])
    assert describe("mnist").source == "download"
    (x_train, _t_train), (_x_test, t_test) = load_mnist(normalize=False, flatten=False)
    np.testing.assert_array_equal(x_train[:, 0], fake.arrays["train_images"])
    np.testing.assert_array_equal(t_test, fake.arrays["test_labels"])
    for filename, data in fake.gz.items():
        assert (data_env / "mnist" / filename).read_bytes() == data
    assert _leftovers(data_env) == []
    requests_made = len(http_server.log)
    assert requests_made == 4
    source = describe("mnist")
    assert source.source == "cache"
    assert source.location == str(data_env / "mnist")
    load_mnist()
    assert len(http_server.log) == requests_made  # served from the cache


def test_hash_mismatch_is_refused(monkeypatch, http_server, fake_idx, data_env):
    fake = fake_idx("mnist")
    _serve_idx(http_server, fake)
    tampered = bytearray(fake.gz["train-images-idx3-ubyte.gz"])
    tampered[-10] ^= 0xFF
    http_server.serve("a/train-images-idx3-ubyte.gz", bytes(tampered))
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/")])
    with pytest.raises(DataUnavailableError) as caught:
        load_mnist()
    message = str(caught.value)
    assert "SHA-256 mismatch for train-images-idx3-ubyte.gz" in message
    assert fake.spec.files[0].sha256 in message
    assert hashlib.sha256(bytes(tampered)).hexdigest() in message
    assert not (data_env / "mnist" / "train-images-idx3-ubyte.gz").exists()
    assert _leftovers(data_env) == []


def test_first_mirror_404_then_second_works(monkeypatch, http_server, fake_idx):
    fake = fake_idx("fashion_mnist")
    _serve_idx(http_server, fake, prefix="b/")
    monkeypatch.setitem(
        specs.MIRRORS, "fashion_mnist", [http_server.url("a/"), http_server.url("b/")]
    )
    (x_train, _), _ = load_fashion_mnist()
    assert x_train.shape == (30, 784)
    assert x_train.dtype == np.float32
    assert http_server.log[:2] == [
        ("/a/train-images-idx3-ubyte.gz", 404),
        ("/b/train-images-idx3-ubyte.gz", 200),
    ]


def test_truncated_download_is_retried_from_the_next_mirror(
    monkeypatch, http_server, fake_idx, data_env
):
    fake = fake_idx("mnist")
    _serve_idx(http_server, fake, prefix="b/")
    for filename, data in fake.gz.items():
        http_server.serve("a/" + filename, data, truncate=True)
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/"), http_server.url("b/")])
    (x_train, _), _ = load_mnist(normalize=False)
    np.testing.assert_array_equal(x_train.reshape(-1, 28, 28), fake.arrays["train_images"])
    assert ("/b/train-images-idx3-ubyte.gz", 200) in http_server.log
    assert _leftovers(data_env) == []


def test_truncated_download_alone_fails_cleanly(monkeypatch, http_server, fake_idx, data_env):
    fake = fake_idx("mnist")
    for filename, data in fake.gz.items():
        http_server.serve("a/" + filename, data, truncate=True)
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/")])
    with pytest.raises(DataUnavailableError) as caught:
        load_mnist()
    assert "network error" in str(caught.value) or "connection closed" in str(caught.value)
    assert _leftovers(data_env) == []
    assert not (data_env / "mnist" / "train-images-idx3-ubyte.gz").exists()


def test_short_body_without_a_broken_connection(monkeypatch, fake_idx, tmp_path):
    """A server that announces more bytes than it sends, without closing early."""

    class Response:
        headers: ClassVar[dict[str, str]] = {"content-length": "100"}

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def raise_for_status(self):
            pass

        def iter_content(self, chunk_size):
            yield b"x" * 10

    import requests

    monkeypatch.setattr(requests, "get", lambda *a, **k: Response())
    fetcher = download._Downloader(sha256="0" * 64, progress=False, label="f")
    with pytest.raises(OSError, match="connection closed after 10 of 100 bytes"):
        fetcher("http://example.invalid/f", tmp_path / "f", None)


def test_corrupt_cached_file_is_fetched_again(monkeypatch, http_server, fake_idx, data_env):
    fake = fake_idx("mnist")
    _serve_idx(http_server, fake)
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/")])
    cached = data_env / "mnist" / "t10k-labels-idx1-ubyte.gz"
    cached.parent.mkdir(parents=True)
    cached.write_bytes(b"garbage left by an interrupted program")
    for filename in fake.gz:
        if filename != cached.name:
            (data_env / "mnist" / filename).write_bytes(fake.gz[filename])
    _, (_x_test, t_test) = load_mnist()
    np.testing.assert_array_equal(t_test, fake.arrays["test_labels"])
    assert cached.read_bytes() == fake.gz[cached.name]
    assert http_server.log == [("/a/t10k-labels-idx1-ubyte.gz", 200)]


def test_every_place_tried_is_listed(monkeypatch, http_server, fake_idx, closed_port_url, data_env):
    fake_idx("mnist")
    http_server.serve("forbidden/train-images-idx3-ubyte.gz", b"no", status=403)
    monkeypatch.setitem(
        specs.MIRRORS,
        "mnist",
        [http_server.url("forbidden/"), http_server.url("a/"), closed_port_url],
    )
    with pytest.raises(DataUnavailableError) as caught:
        load_mnist()
    message = str(caught.value)
    assert "catalog: none configured" in message
    assert f"cache {data_env / 'mnist' / 'train-images-idx3-ubyte.gz'}: not present" in message
    assert f"{http_server.url('forbidden/train-images-idx3-ubyte.gz')}: HTTP 403" in message
    assert f"{http_server.url('a/train-images-idx3-ubyte.gz')}: HTTP 404" in message
    assert f"{closed_port_url}train-images-idx3-ubyte.gz: network error: ConnectionError" in message
    assert "NNSCRATCH_CATALOG" in message
    assert "NNSCRATCH_DATA" in message


def test_cifar10_binary_release(monkeypatch, http_server, fake_cifar):
    fake = fake_cifar()
    http_server.serve("kriz/cifar-10-binary.tar.gz", fake.archive)
    monkeypatch.setitem(specs.MIRRORS, "cifar10", [http_server.url("kriz/")])
    (x_train, t_train), (x_test, _t_test) = load_cifar10(normalize=False, flatten=False)
    np.testing.assert_array_equal(x_train, fake.train[0])
    np.testing.assert_array_equal(t_train, fake.train[1])
    np.testing.assert_array_equal(x_test, fake.test[0])
    (flat, one_hot), _ = load_cifar10(one_hot_label=True, dtype=np.float64)
    assert flat.shape == (25, 3072)
    assert flat.dtype == np.float64
    np.testing.assert_allclose(flat[0], fake.train[0][0].reshape(-1) / 255)
    assert one_hot.shape == (25, 10)
    assert one_hot.dtype == np.float64
    np.testing.assert_array_equal(one_hot.argmax(axis=1), fake.train[1])
    assert describe("cifar10").source == "cache"


def test_progress_bar_while_downloading(monkeypatch, http_server, fake_cifar, capsys):
    fake = fake_cifar()
    http_server.serve("kriz/cifar-10-binary.tar.gz", fake.archive)
    monkeypatch.setitem(specs.MIRRORS, "cifar10", [http_server.url("kriz/")])
    from nnscratch.datasets import sources

    sources.load_uint8("cifar10", progress=True)
    assert "cifar-10-binary.tar.gz" in capsys.readouterr().err


def test_progress_follows_the_terminal(monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert download._want_progress(None) is False
    monkeypatch.setitem(sys.modules, "tqdm", None)
    assert download._want_progress(True) is False


def test_without_pooch_says_how_to_install_it(monkeypatch, fake_idx):
    fake_idx("mnist")
    monkeypatch.setitem(specs.MIRRORS, "mnist", ["http://127.0.0.1:9/"])
    monkeypatch.setitem(sys.modules, "pooch", None)
    with pytest.raises(
        DataUnavailableError, match=r"pooch is not installed.*pip install 'nnscratch\[datasets\]'"
    ):
        load_mnist()


def test_without_a_writable_folder_nothing_is_downloaded(monkeypatch, fake_idx):
    fake_idx("mnist")
    monkeypatch.setattr(locations, "_can_write", lambda folder: False)
    with pytest.raises(DataUnavailableError, match="no writable cache folder"):
        load_mnist()


def test_debian_copy_is_accepted_by_content_hash(monkeypatch, tmp_path, fake_idx):
    fake = fake_idx("fashion_mnist")
    system = tmp_path / "usr-share-datasets-fashion-mnist"
    system.mkdir()
    for filename, raw in fake.raw.items():
        # Debian's gzip headers differ from upstream: different .gz bytes, same content.
        data = gzip.compress(raw, mtime=123456)
        assert data != fake.gz[filename]
        (system / filename).write_bytes(data)
    (system / "train-labels-idx1-ubyte.gz").unlink()
    (system / "train-labels-idx1-ubyte").write_bytes(fake.raw["train-labels-idx1-ubyte.gz"])
    monkeypatch.setitem(specs.SYSTEM_DIRS, "fashion_mnist", [system])
    (x_train, t_train), _ = load_fashion_mnist(normalize=False, flatten=False)
    np.testing.assert_array_equal(x_train[:, 0], fake.arrays["train_images"])
    np.testing.assert_array_equal(t_train, fake.arrays["train_labels"])
    source = describe("fashion_mnist")
    assert (source.source, source.location) == ("system", str(system))
    assert "the system copy at" in str(source)


def test_debian_copy_with_other_content_is_skipped(monkeypatch, tmp_path, fake_idx, data_env):
    fake = fake_idx("fashion_mnist")
    system = tmp_path / "system"
    system.mkdir()
    (system / "train-images-idx3-ubyte.gz").write_bytes(gzip.compress(b"other content"))
    monkeypatch.setitem(specs.SYSTEM_DIRS, "fashion_mnist", [system])
    with pytest.raises(DataUnavailableError) as caught:
        load_fashion_mnist()
    assert f"is not the official {fake.spec.files[0].content_sha256}" in str(caught.value)
    assert (system / "train-images-idx3-ubyte.gz").exists()  # never deleted: not ours


def test_bad_file_in_a_catalog_folder_is_never_deleted(
    monkeypatch, tmp_path, fake_idx, write_catalog
):
    fake_idx("mnist")
    home = tmp_path / "home"
    write_catalog({}, {"mnist/train-images-idx3-ubyte.gz": b"someone's file"}, folder=home)
    with pytest.raises(DataUnavailableError, match="SHA-256 mismatch"):
        load_mnist(data_home=home)
    assert (home / "mnist" / "train-images-idx3-ubyte.gz").read_bytes() == b"someone's file"


def test_data_home_receives_downloads(monkeypatch, http_server, fake_idx, tmp_path, data_env):
    fake = fake_idx("mnist")
    _serve_idx(http_server, fake)
    monkeypatch.setitem(specs.MIRRORS, "mnist", [http_server.url("a/")])
    home = tmp_path / "my-data"
    load_mnist(data_home=home)
    assert sorted(p.name for p in (home / "mnist").iterdir()) == sorted(fake.gz)
    assert (home / "decoded").is_dir()
    assert not (data_env / "mnist").exists()
    assert describe("mnist", data_home=home).location == str(home / "mnist")


def test_empty_system_folder_is_reported(monkeypatch, tmp_path, fake_idx):
    fake_idx("fashion_mnist")
    monkeypatch.setitem(specs.SYSTEM_DIRS, "fashion_mnist", [tmp_path])
    with pytest.raises(DataUnavailableError) as caught:
        load_fashion_mnist()
    assert f"system copy {tmp_path / 'train-images-idx3-ubyte.gz'}: not present" in str(
        caught.value
    )


def test_a_file_is_not_a_writable_folder(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert locations._can_write(blocker) is False
    assert locations._can_write(tmp_path / "new" / "folder") is True
