"""bench/dev_eval.py's pooled calibration figure over the real-traffic intent sets (session 29): one ECE over every
set's rows, and over each half, so that the even halves the default calibrator was fitted on and the odd halves it
never read are reported apart."""

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import dev_eval  # noqa: E402


def test_pool_reports_every_set_and_keeps_the_halves_apart():
    pool = dev_eval.Pool()
    # care: even rows confident and right, odd rows confident and wrong; fresh: right at 0.6 in both halves
    pool.add("care", [(True, 0.9, 0), (False, 0.9, 1)] * 20)
    pool.add("fresh", [(True, 0.6, 0), (True, 0.6, 1)] * 10)
    report = pool.report()
    assert report["sets"] == ["care", "fresh"]
    assert (report["all"]["n"], report["even"]["n"], report["odd"]["n"]) == (60, 30, 30)
    assert report["even"]["accuracy"] == 1.0
    assert report["odd"]["accuracy"] == round(10 / 30, 4)
    odd_rows = [(False, 0.9)] * 20 + [(True, 0.6)] * 10
    assert report["odd"]["ece"] == dev_eval.ece([c for _, c in odd_rows], [r for r, _ in odd_rows])
    assert report["odd"]["ece"] > report["even"]["ece"]
    assert np.isclose(report["all"]["mean_confidence"], (40 * 0.9 + 20 * 0.6) / 60, atol=1e-4)
