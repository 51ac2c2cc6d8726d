"""What the official releases are: file names, pinned hashes, mirrors and class names.

Where each pin was cross-checked (every SHA-256 below agrees with at least two independent
public sources, and the content hashes were also measured on the copies in ``shared/data``):

- MNIST ``.gz`` files: the torchvision prototype datasets (``pytorch/vision``,
  ``torchvision/prototype/datasets/_builtin/mnist.py``) and ``Britefury/batchup``
  (``batchup/datasets/mnist.py``); both list the same four SHA-256 values.
- Fashion-MNIST ``.gz`` files: ``pytorch/vision`` (same file as above), ``Britefury/batchup``
  (``batchup/datasets/fashion_mnist.py``) and ``shared/data/catalog.toml`` (byte-identical copies).
- IDX content hashes (SHA-256 of the decompressed bytes): ``shared/data/README.md``, re-measured
  here with ``gzip -dc FILE | sha256sum``, and several public loaders that pin the raw IDX files.
- CIFAR-10 ``cifar-10-binary.tar.gz`` (170,052,171 bytes, official MD5
  ``c32a1d4ab5d03f1284b67883e8d87530``): SHA-256 ``c4a38c50...a59bca1dd`` is pinned identically by
  ``JuliaML/MLDatasets.jl`` (``src/datasets/vision/cifar10.jl``) and ``ankane/torchvision-ruby``
  (``lib/torchvision/datasets/cifar10.rb``); a third public write-up records it beside the MD5.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MNIST_CLASSES = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")
FASHION_MNIST_CLASSES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)
CIFAR10_CLASSES = (
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
)

IDX_KEYS = ("train_images", "train_labels", "test_images", "test_labels")


@dataclass(frozen=True)
class OfficialFile:
    """One file of an official release: its name on the mirrors and its pins."""

    key: str
    filename: str
    sha256: str
    content_sha256: str | None = None  # of the decompressed bytes, for the gzipped IDX files


@dataclass(frozen=True)
class DatasetSpec:
    """One dataset: how its images look and where its official files live."""

    name: str
    title: str
    classes: tuple[str, ...]
    image_shape: tuple[int, ...]  # of one image in the canonical layout
    official_format: str  # "idx-gz" or "cifar-binary"
    files: tuple[OfficialFile, ...]
    description: str


def _idx_files(pins: dict[str, tuple[str, str]]) -> tuple[OfficialFile, ...]:
    names = {
        "train_images": "train-images-idx3-ubyte.gz",
        "train_labels": "train-labels-idx1-ubyte.gz",
        "test_images": "t10k-images-idx3-ubyte.gz",
        "test_labels": "t10k-labels-idx1-ubyte.gz",
    }
    return tuple(OfficialFile(key, names[key], *pins[key]) for key in IDX_KEYS)


SPECS: dict[str, DatasetSpec] = {
    "mnist": DatasetSpec(
        name="mnist",
        title="MNIST",
        classes=MNIST_CLASSES,
        image_shape=(1, 28, 28),
        official_format="idx-gz",
        description="MNIST: the official IDX files (Y. LeCun, C. Cortes, C. Burges)",
        files=_idx_files(
            {
                "train_images": (
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                    "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
                ),
                "train_labels": (
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                    "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
                ),
                "test_images": (
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                    "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
                ),
                "test_labels": (
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                    "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
                ),
            }
        ),
    ),
    "fashion_mnist": DatasetSpec(
        name="fashion_mnist",
        title="Fashion-MNIST",
        classes=FASHION_MNIST_CLASSES,
        image_shape=(1, 28, 28),
        official_format="idx-gz",
        description="Fashion-MNIST: the official IDX files (Zalando SE, MIT licence)",
        files=_idx_files(
            {
                "train_images": (
                    "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                ),
                "train_labels": (
                    "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                ),
                "test_images": (
                    "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                ),
                "test_labels": (
                    "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
                ),
            }
        ),
    ),
    "cifar10": DatasetSpec(
        name="cifar10",
        title="CIFAR-10",
        classes=CIFAR10_CLASSES,
        image_shape=(32, 32, 3),
        official_format="cifar-binary",
        description="CIFAR-10: the official binary release (A. Krizhevsky)",
        files=(
            OfficialFile(
                "archive",
                "cifar-10-binary.tar.gz",
                "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd",
            ),
        ),
    ),
}

# Base URLs tried in order; a file's URL is the base followed by its file name. Tests replace
# this table to point at a server on 127.0.0.1.
MIRRORS: dict[str, list[str]] = {
    "mnist": [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ],
    "fashion_mnist": ["http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"],
    "cifar10": ["https://www.cs.toronto.edu/~kriz/"],
}

# Folders that system packages fill; a file there is used only when its content hash matches.
SYSTEM_DIRS: dict[str, list[Path]] = {
    "fashion_mnist": [Path("/usr/share/datasets/fashion-mnist")],
}

_ALIASES = {"fashion": "fashion_mnist", "cifar_10": "cifar10"}


def spec_for(name: object) -> DatasetSpec:
    """Return the spec of dataset ``name`` (``"mnist"``, ``"fashion_mnist"`` or ``"cifar10"``).

    Hyphens and case are forgiven: ``"Fashion-MNIST"`` and ``"cifar-10"`` work too.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a dataset name (str), got {type(name).__name__}")
    key = name.strip().lower().replace("-", "_")
    key = _ALIASES.get(key, key)
    if key not in SPECS:
        choices = ", ".join(repr(n) for n in SPECS)
        raise ValueError(f"unknown dataset {name!r}; choose one of {choices}")
    return SPECS[key]
