import io

import numpy as np
import pytest

from nnscratch.networks import TwoLayerNet
from nnscratch.optim import Adam
from nnscratch.training import History, train


@pytest.fixture
def blobs():
    rng = np.random.default_rng(0)
    centers = np.array([[2.0, 0.0], [-2.0, 0.0], [0.0, 2.5]])
    t = rng.integers(0, 3, 600)
    x = (centers[t] + rng.standard_normal((600, 2))).astype(np.float32)
    return x, t


def test_training_learns_and_records(blobs):
    x, t = blobs
    net = TwoLayerNet(2, 10, 3, weight_init_std="he", rng=0)
    history = train(
        net, x[:500], t[:500], x_test=x[500:], t_test=t[500:], iters=300, batch_size=50, rng=0
    )
    assert isinstance(history, History)
    assert history.loss.shape == (300,)
    assert history.epoch_size == 10
    assert history.eval_iterations.tolist() == list(range(0, 301, 10))
    assert history.train_accuracy.shape == history.test_accuracy.shape == (31,)
    assert history.loss[-50:].mean() < history.loss[:10].mean() / 2
    assert history.final_test_accuracy > 0.85
    assert 0 < history.eval_time < history.wall_time
    assert "300 iterations" in str(history)


def test_same_seed_same_run(blobs):
    x, t = blobs
    runs = [train(TwoLayerNet(2, 5, 3, rng=1), x, t, iters=50, rng=7) for _ in range(2)]
    np.testing.assert_array_equal(runs[0].loss, runs[1].loss)
    other = train(TwoLayerNet(2, 5, 3, rng=1), x, t, iters=50, rng=8)
    assert not np.array_equal(runs[0].loss, other.loss)


def test_eval_every_and_final_evaluation(blobs):
    x, t = blobs
    history = train(TwoLayerNet(2, 5, 3, rng=1), x, t, iters=25, eval_every=10, rng=0)
    assert history.eval_iterations.tolist() == [0, 10, 20, 25]
    assert history.test_accuracy is None
    assert np.isnan(history.final_test_accuracy)


def test_every_sample_once_per_epoch():
    x = np.arange(12, dtype=np.float32).reshape(12, 1)
    t = np.zeros(12, dtype=int)
    seen = []

    class Recorder(TwoLayerNet):
        def loss_and_gradient(self, xb, tb):
            seen.extend(xb[:, 0].tolist())
            return super().loss_and_gradient(xb, tb)

    train(Recorder(1, 2, 2, rng=0), x, t, iters=8, batch_size=3, rng=0)
    assert sorted(seen[:12]) == list(range(12))
    assert sorted(seen[12:]) == list(range(12))


def test_other_optimizer_and_one_hot_labels(blobs):
    x, t = blobs
    history = train(
        TwoLayerNet(2, 10, 3, rng=0),
        x,
        np.eye(3)[t],
        iters=200,
        batch_size=30,
        optimizer=Adam(0.01),
        rng=0,
    )
    assert history.final_train_accuracy > 0.85


def test_784_50_10_on_random_data_runs_without_warnings():
    rng = np.random.default_rng(0)
    x = rng.random((2000, 784), dtype=np.float32)
    t = rng.integers(0, 10, 2000)
    history = train(TwoLayerNet(784, 50, 10, rng=0), x, t, iters=1000, rng=0)
    assert np.all(np.isfinite(history.loss))


def test_divergence_stops_with_a_clear_error(blobs):
    x, t = blobs
    net = TwoLayerNet(2, 10, 3, weight_init_std=10.0, rng=0)
    with pytest.raises(FloatingPointError, match=r"at iteration \d+ with learning rate 1e\+30"):
        train(net, x * 1e10, t, iters=100, lr=1e30, rng=0)


def test_progress_bar_when_asked(blobs, monkeypatch):
    x, t = blobs
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    train(TwoLayerNet(2, 5, 3, rng=0), x, t, iters=200, progress=True, rng=0)
    assert "200/200" in stream.getvalue()
    stream.truncate(0)
    train(TwoLayerNet(2, 5, 3, rng=0), x, t, iters=20, rng=0)  # not a terminal: silent
    assert stream.getvalue() == ""


def test_bad_arguments(blobs):
    x, t = blobs
    net = TwoLayerNet(2, 5, 3, rng=0)
    with pytest.raises(ValueError, match="lr must be a finite number >= 0, got -0.1"):
        train(net, x, t, lr=-0.1)
    with pytest.raises(ValueError, match="t_train must have 600 entries"):
        train(net, x, t[:10])
    with pytest.raises(ValueError, match="label 3, outside the 3 classes"):
        train(net, x, t + 1)
    with pytest.raises(ValueError, match="batch_size must be at most the training-set size 600"):
        train(net, x, t, batch_size=601)
    with pytest.raises(ValueError, match="give both x_test and t_test"):
        train(net, x, t, x_test=x)
    with pytest.raises(ValueError, match="x_train must have shape"):
        train(net, x[:, 0], t)
    with pytest.raises(TypeError, match="x_train must be numeric"):
        train(net, np.array([["a", "b"]] * 600), t)
    with pytest.raises(TypeError, match="iters must be an integer"):
        train(net, x, t, iters=10.5)
    with pytest.raises(ValueError, match="eval_every must be >= 1"):
        train(net, x, t, eval_every=0)
