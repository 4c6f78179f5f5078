"""The CRF name and address tagger (services/adapters/local/pii_crf.py) in the local PII detector: the pii_crf setting
(FRONTLINE_PII_CRF, on by default since session 16) adds the names and addresses it finds that the rules and the NER miss, through the
detector's own filters; its model file is checked (SHA-256) and rebuilt to the same bytes from our labelled sets.

The sentences here are new (in no tests/data/pii set); each is first checked to be missed with the setting off.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from services.adapters.local import pii_crf
from services.adapters.local.pii_presidio import PresidioPiiDetector
from services.bootstrap import build_services
from services.config import Settings, load_settings
from services.errors import ProviderUnavailable

pytest.importorskip("pycrfsuite")


@pytest.fixture(scope="module")
def off() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def on() -> PresidioPiiDetector:
    detector = PresidioPiiDetector(crf=True)
    detector.warm_up()
    return detector


def masked(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value masked?"""
    start = text.index(value)
    return any(s.start <= start and s.end >= start + len(value) for s in detector.find(text))


NAMES_THE_RULES_MISS = [
    ("the parcel is for ysolde marchetti-brandt, she's my lodger", "ysolde marchetti-brandt"),
    ("leave it with my lodger Ysolde, she's in all day", "Ysolde"),
    ("ok so the account holder is wenceslas dubrovnik-haye", "wenceslas dubrovnik-haye"),
]
# the rules mask the street but not the town after it
ADDRESSES_THE_RULES_MISS = [
    ("ship to 9 Ravensworth Drive Thornaby", "9 Ravensworth Drive Thornaby"),
]


@pytest.mark.parametrize(("text", "value"), NAMES_THE_RULES_MISS + ADDRESSES_THE_RULES_MISS)
def test_pii_crf_on_masks_names_and_addresses_the_rules_miss(off, on, text, value):
    assert not masked(off, text, value)
    assert masked(on, text, value)


LOOK_ALIKES = [
    "Apple CEO Tim Cook unveils new iPhone at Cupertino event",  # a public figure in a headline
    "Tim Cook says Apple Vision Pro sales beat expectations",
    "Goldman Sachs raises price target on Netflix",  # companies
    "Hargreaves Lansdown charged me twice this month",
    "I bought the Dyson V15 Detect last week and it stopped working",  # products
    "Is the Samsung Galaxy Buds Pro compatible with my laptop?",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_pii_crf_on_does_not_newly_mask_companies_public_figures_or_products(off, on, text):
    assert on.find(text) == off.find(text)


def test_pii_crf_off_is_the_detector_alone_and_never_loads_the_tagger(monkeypatch, tmp_path):
    monkeypatch.setattr(pii_crf, "_loaded", [])
    monkeypatch.setattr(pii_crf, "MODEL_FILE", tmp_path / "missing.crfsuite")  # on, this would refuse to load
    services = build_services(Settings(db_path=str(tmp_path / "f.db"), pii_crf=False))  # on by default
    detector = services.get("pii")
    plain = PresidioPiiDetector()
    for text, _ in NAMES_THE_RULES_MISS + ADDRESSES_THE_RULES_MISS:
        assert detector.find(text) == plain.find(text)  # type: ignore[attr-defined]
    assert pii_crf._loaded == []


def test_pii_crf_setting_turns_the_tagger_on_in_the_configured_detector(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db"), pii_crf=True))
    text, value = NAMES_THE_RULES_MISS[1]
    assert masked(services.get("pii"), text, value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("1", True), ("on", True), ("false", False),
                                                  ("0", False), ("maybe", False)])
def test_pii_crf_setting_is_read_like_the_other_boolean_settings(value, expected, tmp_path):
    assert load_settings(tmp_path / "none.yaml", environ={}).pii_crf is True  # on by default since session 16
    assert load_settings(tmp_path / "none.yaml", environ={"FRONTLINE_PII_CRF": value}).pii_crf is expected


def test_pii_crf_a_changed_or_missing_model_file_is_refused(monkeypatch, tmp_path):
    changed = tmp_path / "changed.crfsuite"
    shutil.copyfile(pii_crf.MODEL_FILE, changed)
    data = bytearray(changed.read_bytes())
    data[len(data) // 2] ^= 1
    changed.write_bytes(bytes(data))
    with pytest.raises(ProviderUnavailable, match="not the one we checked"):
        pii_crf.open_tagger(changed)
    with pytest.raises(ProviderUnavailable, match="cannot be read"):
        pii_crf.open_tagger(tmp_path / "missing.crfsuite")
    # the detector with the setting on refuses too, rather than tagging with an unknown model
    monkeypatch.setattr(pii_crf, "_loaded", [])
    monkeypatch.setattr(pii_crf, "MODEL_FILE", changed)
    with pytest.raises(ProviderUnavailable, match="train-pii-crf"):
        PresidioPiiDetector(crf=True).find("ok so the account holder is wenceslas dubrovnik-haye")


def test_pii_crf_committed_model_is_the_checked_one():
    assert hashlib.sha256(pii_crf.MODEL_FILE.read_bytes()).hexdigest() == pii_crf.MODEL_SHA256
    pii_crf.verify_model()


@pytest.mark.slow
def test_pii_crf_rebuilding_from_the_labelled_sets_gives_the_same_bytes(tmp_path):
    """crfsuite's training is deterministic: the sets named in pii_crf.TRAINING_SETS give the committed file (~20 s)."""
    out = tmp_path / "rebuilt.crfsuite"
    result = pii_crf.build_model(out)
    assert result["sha256"] == pii_crf.MODEL_SHA256
    assert out.read_bytes() == Path(pii_crf.MODEL_FILE).read_bytes()


def test_pii_crf_train_command_refuses_an_output_it_cannot_write_and_leaves_no_file(tmp_path, capsys):
    from services.cli import main

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["train-pii-crf", "--out", str(blocker / "model.crfsuite")]) == 2
    assert "cannot write the model" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [blocker]


def test_pii_crf_reads_at_most_the_first_5000_characters():
    tagger = pii_crf.tagger()
    name = "ok so the account holder is wenceslas dubrovnik-haye. "
    text = "x " * 2_600 + name  # the name starts after character 5,000
    assert all(end <= pii_crf.MAX_CHARS for _, _, end, _ in tagger.find(text, threshold=0.0))
    assert pii_crf.tokens(text)[-1][1] <= pii_crf.MAX_CHARS
