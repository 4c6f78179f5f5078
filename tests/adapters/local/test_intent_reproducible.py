"""Issue 12, session 14: the default model is rebuilt on every fresh clone, so its fit must not depend on numpy's
global random state (LinearSVC's dual solver shuffles rows with it unless given a seed). Fails before the seed:
two fits of the same rows differed in the weights."""

from __future__ import annotations

import numpy as np
from scipy import sparse

from services.adapters.local import intent_features as fx


def test_two_fits_of_the_same_rows_give_the_same_model_whatever_numpys_global_state():
    # more features than rows, as n-gram rows are: the solver works on the dual problem, which it shuffles
    x = sparse.random(300, 2000, density=0.02, random_state=1, format="csr", dtype=np.float32)
    y = np.random.default_rng(0).integers(0, 10, 300)
    np.random.seed(1)
    w1, b1 = fx.fit_svm(x, y, 10, fx.TrainConfig())
    np.random.seed(2)
    w2, b2 = fx.fit_svm(x, y, 10, fx.TrainConfig())
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
