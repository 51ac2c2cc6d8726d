"""Decoders from file formats to uint8 arrays: IDX, a zip of JPEG folders, npz, CIFAR binary.

Every decoder returns images as ``uint8`` in the dataset's canonical layout and labels as a
1-D ``uint8`` array. None of them can run code stored in a file: npz is read with
``allow_pickle=False`` and the CIFAR-10 archive is parsed from fixed-size binary records.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from pathlib import Path

import numpy as np

from .._checks import as_labels
from .integrity import GZIP_MAGIC

IDX_UBYTE = 0x08
IMAGE_MAGIC = 0x00000803  # unsigned bytes, 3 dimensions
LABEL_MAGIC = 0x00000801  # unsigned bytes, 1 dimension

CIFAR_RECORD = 1 + 32 * 32 * 3
CIFAR_TRAIN_MEMBERS = tuple(f"data_batch_{i}.bin" for i in range(1, 6))
CIFAR_TEST_MEMBER = "test_batch.bin"
NPZ_KEYS = ("x_train", "t_train", "x_test", "t_test")

Split = tuple[np.ndarray, np.ndarray]


def read_idx(path: Path, *, kind: str, what: str | None = None) -> np.ndarray:
    """Read an IDX file (gzipped or raw) of ``kind`` ``"images"`` or ``"labels"``.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from nnscratch.datasets.formats import read_idx
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "labels-idx1-ubyte"
    ...     _ = path.write_bytes(bytes([0, 0, 8, 1, 0, 0, 0, 3, 7, 2, 1]))
    ...     read_idx(path, kind="labels")
    array([7, 2, 1], dtype=uint8)
    """
    data = Path(path).read_bytes()
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as error:
            raise ValueError(f"{what or path}: not a valid gzip file ({error})") from error
    return parse_idx(data, kind=kind, what=str(what or path))


def parse_idx(data: bytes, *, kind: str, what: str = "IDX data") -> np.ndarray:
    """Parse the bytes of an IDX file: a big-endian header, then the values as unsigned bytes."""
    expected_magic, ndim = (IMAGE_MAGIC, 3) if kind == "images" else (LABEL_MAGIC, 1)
    layout = "(count, rows, columns)" if ndim == 3 else "(count,)"
    header_size = 4 + 4 * ndim
    magic = int.from_bytes(data[:4], "big") if len(data) >= 4 else None
    if magic is not None and magic != expected_magic:
        raise ValueError(
            f"corrupt IDX header in {what}: expected magic 0x{expected_magic:08x} "
            f"(unsigned bytes, {ndim}-D {kind}), got 0x{magic:08x}"
        )
    if len(data) < header_size:
        raise ValueError(
            f"corrupt IDX header in {what}: expected a {header_size}-byte header "
            f"(magic 0x{expected_magic:08x}, shape {layout}), got only {len(data)} bytes"
        )
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim))
    size = int(np.prod(shape))
    if len(data) - header_size != size:
        raise ValueError(
            f"corrupt IDX data in {what}: the header's shape {shape} needs {size} bytes "
            f"after the header, got {len(data) - header_size}"
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header_size).reshape(shape).copy()


def decode_image_folder_zip(
    path: Path, *, classes: tuple[str, ...], image_shape: tuple[int, ...]
) -> tuple[Split, Split]:
    """Decode a zip of ``train/<class>/*.jpg`` and ``test/<class>/*.jpg`` with Pillow.

    Members are read in sorted path order; a label is the index of the member's folder in
    ``classes``. ``image_shape`` is ``(H, W, 3)`` for colour or ``(1, H, W)`` for grey images.
    """
    Image = _pillow()
    grey = image_shape[0] == 1
    mode = "L" if grey else "RGB"
    pixel_shape = image_shape[1:] if grey else image_shape
    index = {name: i for i, name in enumerate(classes)}
    result = []
    with zipfile.ZipFile(path) as archive:
        members = sorted(
            (info for info in archive.infolist() if not info.is_dir()), key=lambda i: i.filename
        )
        for split in ("train", "test"):
            chosen = [m for m in members if m.filename.startswith(f"{split}/")]
            if not chosen:
                raise ValueError(f"{path}: no {split}/<class>/ images in the archive")
            images = np.empty((len(chosen), *image_shape), dtype=np.uint8)
            labels = np.empty(len(chosen), dtype=np.uint8)
            for i, member in enumerate(chosen):
                parts = member.filename.split("/")
                if len(parts) != 3 or parts[1] not in index:
                    raise ValueError(
                        f"{path}: member {member.filename} is not {split}/<class>/<image> "
                        f"with a class among {list(classes)}"
                    )
                labels[i] = index[parts[1]]
                pixels = _decode_image(Image, archive.read(member), mode, member.filename)
                if pixels.shape != pixel_shape:
                    raise ValueError(
                        f"{path}: image {member.filename} has shape {pixels.shape}, "
                        f"expected {pixel_shape}"
                    )
                images[i] = pixels.reshape(image_shape)
            result.append((images, labels))
    return result[0], result[1]


def _decode_image(Image, data: bytes, mode: str, name: str) -> np.ndarray:
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.mode != mode:
                image = image.convert(mode)
            return np.asarray(image, dtype=np.uint8)
    except (OSError, SyntaxError) as error:  # Pillow's errors for undecodable images
        raise ValueError(f"cannot decode image {name}: {error}") from error


def _pillow():
    try:
        from PIL import Image
    except ImportError as error:  # pragma: no cover - Pillow is a test dependency
        raise ImportError(
            "decoding the JPEG copy of a dataset needs Pillow: pip install pillow "
            "(or pip install 'nnscratch[datasets]')"
        ) from error
    return Image


def read_npz(path: Path, *, image_shape: tuple[int, ...], num_classes: int) -> tuple[Split, Split]:
    """Read arrays ``x_train, t_train, x_test, t_test`` from an ``.npz``, never unpickling.

    Images must be ``uint8`` pixels; any layout with the right number of values per image is
    reshaped to ``image_shape``. Labels may be integers or one-hot rows.
    """
    try:
        # np.load leaks its own file handle when the archive is broken; ours is always closed.
        with open(path, "rb") as stream, np.load(stream, allow_pickle=False) as arrays:
            missing = [key for key in NPZ_KEYS if key not in arrays.files]
            if missing:
                raise ValueError(
                    f"{path}: an npz dataset needs arrays {list(NPZ_KEYS)}, missing {missing}"
                )
            loaded = {key: arrays[key] for key in NPZ_KEYS}
    except (OSError, zipfile.BadZipFile) as error:
        raise ValueError(f"{path}: not a readable .npz file ({error})") from error
    except ValueError as error:
        if "pickle" in str(error):
            raise ValueError(
                f"{path}: holds object arrays, which would need unpickling; save plain "
                "numeric arrays instead (see the data-sources page)"
            ) from error
        raise
    result = []
    for split in ("train", "test"):
        x, t = loaded[f"x_{split}"], loaded[f"t_{split}"]
        if x.dtype != np.uint8:
            raise ValueError(
                f"{path}: x_{split} must hold uint8 pixels 0..255, got dtype {x.dtype}; "
                "convert with np.round(x * 255).astype(np.uint8) if it holds values in [0, 1]"
            )
        per_image = int(np.prod(image_shape))
        if x.ndim == 0 or x.size != len(x) * per_image:
            raise ValueError(
                f"{path}: x_{split} must hold images of {per_image} values "
                f"({image_shape}), got shape {x.shape}"
            )
        labels = as_labels(t, f"t_{split} in {path}", num_classes, length=len(x))
        result.append((x.reshape(len(x), *image_shape), labels.astype(np.uint8)))
    return result[0], result[1]


def parse_cifar_binary(data: bytes, *, what: str = "CIFAR-10 batch") -> Split:
    """Parse CIFAR-10 binary records: 1 label byte, then 1024 red, green and blue bytes each.

    Returns images of shape ``(N, 32, 32, 3)`` and their labels.

    Examples
    --------
    >>> from nnscratch.datasets.formats import parse_cifar_binary
    >>> record = bytes([3]) + bytes(1024) + bytes([255] * 1024) + bytes(1024)
    >>> images, labels = parse_cifar_binary(record)
    >>> images.shape, labels.tolist(), images[0, 0, 0].tolist()
    ((1, 32, 32, 3), [3], [0, 255, 0])
    """
    if len(data) == 0 or len(data) % CIFAR_RECORD:
        raise ValueError(
            f"corrupt {what}: expected a whole number of {CIFAR_RECORD}-byte records, "
            f"got {len(data)} bytes"
        )
    records = np.frombuffer(data, dtype=np.uint8).reshape(-1, CIFAR_RECORD)
    labels = records[:, 0].copy()
    if labels.max() > 9:
        raise ValueError(f"corrupt {what}: labels must be 0..9, found {labels.max()}")
    images = records[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1).copy()
    return images, labels


def read_cifar_binary_tar(path: Path) -> tuple[Split, Split]:
    """Read ``cifar-10-binary.tar.gz``: five training batches and one test batch."""
    batches: dict[str, bytes] = {}
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            base = member.name.rsplit("/", 1)[-1]
            if member.isfile() and base in (*CIFAR_TRAIN_MEMBERS, CIFAR_TEST_MEMBER):
                with archive.extractfile(member) as stream:
                    batches[base] = stream.read()
    missing = [m for m in (*CIFAR_TRAIN_MEMBERS, CIFAR_TEST_MEMBER) if m not in batches]
    if missing:
        raise ValueError(f"{path}: not the CIFAR-10 binary release, missing {missing}")
    train = [parse_cifar_binary(batches[m], what=m) for m in CIFAR_TRAIN_MEMBERS]
    test = parse_cifar_binary(batches[CIFAR_TEST_MEMBER], what=CIFAR_TEST_MEMBER)
    x_train = np.concatenate([x for x, _ in train])
    t_train = np.concatenate([t for _, t in train])
    return (x_train, t_train), test
