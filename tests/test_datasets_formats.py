"""The decoders: IDX, CIFAR-10 binary records, JPEG folders in a zip, and npz."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile

import numpy as np
import pytest

from nnscratch.datasets import formats


def test_idx_round_trip_raw_and_gzipped(tmp_path, helpers):
    images = np.arange(2 * 28 * 28, dtype=np.uint32).astype(np.uint8).reshape(2, 28, 28)
    raw = tmp_path / "images-idx3-ubyte"
    raw.write_bytes(helpers.idx_bytes(images))
    packed = tmp_path / "images-idx3-ubyte.gz"
    packed.write_bytes(gzip.compress(helpers.idx_bytes(images)))
    for path in (raw, packed):
        decoded = formats.read_idx(path, kind="images")
        assert decoded.dtype == np.uint8
        np.testing.assert_array_equal(decoded, images)
        assert decoded.flags.writeable


def test_idx_wrong_magic_names_expected_magic(helpers):
    labels = helpers.idx_bytes(np.arange(5, dtype=np.uint8))
    with pytest.raises(ValueError, match=r"expected magic 0x00000803 .*got 0x00000801"):
        formats.parse_idx(labels, kind="images", what="train-images")


def test_idx_short_header_names_expected_shape():
    with pytest.raises(ValueError, match=r"16-byte header.*\(count, rows, columns\).*got only 3"):
        formats.parse_idx(b"\x00\x00\x08", kind="images")


def test_idx_size_mismatch_names_shape(helpers):
    data = helpers.idx_bytes(np.zeros((3,), dtype=np.uint8))[:-1]
    with pytest.raises(ValueError, match=r"shape \(3,\) needs 3 bytes .* got 2"):
        formats.parse_idx(data, kind="labels")


def test_idx_broken_gzip(tmp_path):
    path = tmp_path / "labels.gz"
    path.write_bytes(gzip.compress(b"\x00" * 100)[:20])
    with pytest.raises(ValueError, match="not a valid gzip file"):
        formats.read_idx(path, kind="labels")


def test_cifar_records_are_label_then_red_green_blue_planes(helpers):
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (4, 32, 32, 3), dtype=np.uint8)
    labels = np.array([9, 0, 3, 3], dtype=np.uint8)
    data = helpers.cifar_records(images, labels)
    assert data[1:1025] == images[0, :, :, 0].tobytes()  # the red plane comes first
    decoded_images, decoded_labels = formats.parse_cifar_binary(data)
    np.testing.assert_array_equal(decoded_images, images)
    np.testing.assert_array_equal(decoded_labels, labels)


@pytest.mark.parametrize("size", [0, 3072, 3074])
def test_cifar_records_must_be_whole(size):
    with pytest.raises(ValueError, match="whole number of 3073-byte records"):
        formats.parse_cifar_binary(bytes(size))


def test_cifar_records_labels_in_range():
    with pytest.raises(ValueError, match="labels must be 0..9, found 10"):
        formats.parse_cifar_binary(bytes([10]) + bytes(3072))


def test_cifar_tar_concatenates_five_batches(tmp_path, helpers):
    rng = np.random.default_rng(1)
    train = (rng.integers(0, 256, (11, 32, 32, 3), dtype=np.uint8), np.arange(11) % 10)
    test = (rng.integers(0, 256, (3, 32, 32, 3), dtype=np.uint8), np.arange(3, dtype=np.uint8))
    path = tmp_path / "cifar.tar.gz"
    path.write_bytes(helpers.cifar_tar_gz(train, test))
    (x_train, t_train), (x_test, t_test) = formats.read_cifar_binary_tar(path)
    np.testing.assert_array_equal(x_train, train[0])
    np.testing.assert_array_equal(t_train, train[1])
    np.testing.assert_array_equal(x_test, test[0])
    assert t_test.dtype == np.uint8


def test_cifar_tar_without_batches_is_refused(tmp_path):
    path = tmp_path / "other.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("readme.txt")
        archive.addfile(info, io.BytesIO(b""))
    with pytest.raises(
        ValueError, match=r"not the CIFAR-10 binary release, missing \['data_batch_1"
    ):
        formats.read_cifar_binary_tar(path)


def _colour_images(n, seed=0):
    # Smooth images, so that JPEG's loss stays small and pixels can be compared.
    rng = np.random.default_rng(seed)
    ramp = np.linspace(0, 60, 32)[:, None, None] + np.linspace(0, 60, 32)[None, :, None]
    return [(rng.integers(0, 190, 3) + ramp).astype(np.uint8) for _ in range(n)]


def test_image_folder_zip_sorted_members_and_labels(tmp_path, helpers):
    classes = ("cat", "dog")
    train = [("dog", img) for img in _colour_images(3)] + [
        ("cat", img) for img in _colour_images(2, 1)
    ]
    test = [("cat", img) for img in _colour_images(1, 2)]
    path = tmp_path / "images.zip"
    path.write_bytes(helpers.jpeg_zip({"train": train, "test": test}))
    (x_train, t_train), (x_test, t_test) = formats.decode_image_folder_zip(
        path, classes=classes, image_shape=(32, 32, 3)
    )
    assert x_train.shape == (5, 32, 32, 3)
    assert x_train.dtype == np.uint8
    assert t_train.tolist() == [0, 0, 1, 1, 1]  # train/cat/* sorts before train/dog/*
    assert x_test.shape == (1, 32, 32, 3)
    assert t_test.tolist() == [0]
    # JPEG is lossy, but at quality 95 the decoded pixels stay close to the originals.
    first_dog = train[0][1].astype(int)
    assert np.abs(x_train[2].astype(int) - first_dog).mean() < 4


def test_image_folder_zip_grey_images(tmp_path, helpers):
    grey = [("0", np.full((28, 28), 200, dtype=np.uint8)), ("1", np.zeros((28, 28), np.uint8))]
    path = tmp_path / "grey.zip"
    path.write_bytes(helpers.jpeg_zip({"train": grey, "test": grey[:1]}, mode="L"))
    (x_train, t_train), _ = formats.decode_image_folder_zip(
        path, classes=("0", "1"), image_shape=(1, 28, 28)
    )
    assert x_train.shape == (2, 1, 28, 28)
    assert abs(int(x_train[0].mean()) - 200) <= 2
    assert t_train.tolist() == [0, 1]


def test_image_folder_zip_converts_other_modes(tmp_path, helpers):
    grey = [("a", np.full((32, 32), 90, dtype=np.uint8))]
    path = tmp_path / "grey-for-colour.zip"
    path.write_bytes(helpers.jpeg_zip({"train": grey, "test": grey}, mode="L"))
    (x_train, _), _ = formats.decode_image_folder_zip(path, classes=("a",), image_shape=(32, 32, 3))
    assert x_train.shape == (1, 32, 32, 3)


def _zip(tmp_path, members: dict[str, bytes]):
    path = tmp_path / "custom.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_image_folder_zip_unknown_class(tmp_path, helpers):
    path = tmp_path / "images.zip"
    path.write_bytes(helpers.jpeg_zip({"train": [("cow", _colour_images(1)[0])], "test": []}))
    with pytest.raises(ValueError, match=r"train/cow/0000.jpg is not train/<class>/<image>"):
        formats.decode_image_folder_zip(path, classes=("cat",), image_shape=(32, 32, 3))


def test_image_folder_zip_needs_both_splits(tmp_path, helpers):
    path = tmp_path / "images.zip"
    path.write_bytes(helpers.jpeg_zip({"train": [("cat", _colour_images(1)[0])]}))
    with pytest.raises(ValueError, match=r"no test/<class>/ images"):
        formats.decode_image_folder_zip(path, classes=("cat",), image_shape=(32, 32, 3))


def test_image_folder_zip_wrong_size(tmp_path, helpers):
    big = np.zeros((40, 32, 3), dtype=np.uint8)
    path = tmp_path / "images.zip"
    path.write_bytes(helpers.jpeg_zip({"train": [("cat", big)], "test": [("cat", big)]}))
    with pytest.raises(ValueError, match=r"has shape \(40, 32, 3\), expected \(32, 32, 3\)"):
        formats.decode_image_folder_zip(path, classes=("cat",), image_shape=(32, 32, 3))


def test_image_folder_zip_undecodable_image(tmp_path):
    path = _zip(tmp_path, {"train/cat/0.jpg": b"not a jpeg", "test/cat/0.jpg": b"x"})
    with pytest.raises(ValueError, match="cannot decode image train/cat/0.jpg"):
        formats.decode_image_folder_zip(path, classes=("cat",), image_shape=(32, 32, 3))


def _npz(tmp_path, **arrays):
    path = tmp_path / "data.npz"
    np.savez(path, **arrays)
    return path


def test_npz_reshapes_images_and_reads_one_hot_labels(tmp_path):
    x = np.arange(3 * 784, dtype=np.int64).astype(np.uint8).reshape(3, 784)
    one_hot = np.eye(10)[[4, 0, 9]]
    path = _npz(tmp_path, x_train=x, t_train=one_hot, x_test=x[:1], t_test=np.array([2]))
    (x_train, t_train), (x_test, t_test) = formats.read_npz(
        path, image_shape=(1, 28, 28), num_classes=10
    )
    assert x_train.shape == (3, 1, 28, 28)
    np.testing.assert_array_equal(x_train.reshape(3, -1), x)
    assert t_train.tolist() == [4, 0, 9]
    assert t_train.dtype == np.uint8
    assert x_test.shape == (1, 1, 28, 28)
    assert t_test.tolist() == [2]


def test_npz_missing_arrays(tmp_path):
    path = _npz(tmp_path, x_train=np.zeros((1, 784), np.uint8))
    with pytest.raises(ValueError, match=r"missing \['t_train', 'x_test', 't_test'\]"):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)


def test_npz_float_pixels_are_refused(tmp_path):
    x = np.zeros((1, 784), np.float32)
    path = _npz(tmp_path, x_train=x, t_train=[0], x_test=x, t_test=[0])
    with pytest.raises(
        ValueError, match=r"x_train must hold uint8 pixels 0..255, got dtype float32"
    ):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)


def test_npz_wrong_image_size(tmp_path):
    x = np.zeros((2, 10), np.uint8)
    path = _npz(tmp_path, x_train=x, t_train=[0, 1], x_test=x, t_test=[0, 1])
    with pytest.raises(ValueError, match=r"images of 784 values .* got shape \(2, 10\)"):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)


def test_npz_label_count_must_match(tmp_path):
    x = np.zeros((2, 784), np.uint8)
    path = _npz(tmp_path, x_train=x, t_train=[0], x_test=x, t_test=[0, 1])
    with pytest.raises(ValueError, match="must have 2 entries"):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)


def test_npz_object_arrays_are_never_unpickled(tmp_path):
    x = np.zeros((1, 784), np.uint8)
    labels = np.array([{"label": 1}], dtype=object)
    path = _npz(tmp_path, x_train=x, t_train=labels, x_test=x, t_test=[0])
    with pytest.raises(ValueError, match="object arrays, which would need unpickling"):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)


def test_npz_not_a_zip(tmp_path):
    path = tmp_path / "broken.npz"
    path.write_bytes(b"PK\x03\x04 but not really")
    with pytest.raises(ValueError, match="not a readable .npz file"):
        formats.read_npz(path, image_shape=(1, 28, 28), num_classes=10)
