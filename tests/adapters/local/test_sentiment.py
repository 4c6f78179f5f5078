"""LocalSentimentAnalyzer trained on data/sentiment, emotion cues from data/emotions.yaml, and `eval-sentiment`."""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.adapters.local.sentiment import LABELS, LocalSentimentAnalyzer, load_examples
from services.cli import main
from services.config import PROJECT_ROOT, Settings
from services.errors import ConfigError

EMOTION_KEYS = {"anger", "frustration", "confusion", "gratitude", "urgency"}


@pytest.fixture(scope="module")
def analyzer() -> LocalSentimentAnalyzer:
    return LocalSentimentAnalyzer(Settings())


# Fresh sentences, not in data/sentiment/*.yaml.
@pytest.mark.parametrize(("text", "label"), [
    ("Thank you, the new toaster works brilliantly and arrived early!", "positive"),
    ("Really pleased with the kettle, thanks for the quick swap", "positive"),
    ("The speaker broke after one week and nobody replies to my emails.", "negative"),
    ("garbage product and garbage support", "negative"),
    ("Can you tell me if the fan has a timer function?", "neutral"),
    ("does the heater have a thermostat", "neutral"),
    ("The mixer is fantastic, but the courier dumped it on the driveway.", "mixed"),
    ("nice blender, awful delivery", "mixed"),
])
def test_clear_messages_get_the_right_label(analyzer: LocalSentimentAnalyzer, text: str, label: str) -> None:
    assert analyzer.analyze(text).label == label


@pytest.mark.parametrize("text", ["oh wonderful, my parcel is late again 🙄",
                                  "perfect, just perfect. the lock died and I'm locked out 🙃"])
def test_sarcasm_is_negative(analyzer: LocalSentimentAnalyzer, text: str) -> None:
    assert analyzer.analyze(text).label == "negative"


def test_scores_cover_the_four_labels_and_sum_to_one(analyzer: LocalSentimentAnalyzer) -> None:
    scores = analyzer.analyze("love the grill but the box was soaked").scores
    assert set(scores) == set(LABELS)
    assert math.isclose(sum(scores.values()), 1.0, abs_tol=1e-3)
    assert max(scores, key=scores.get) == analyzer.analyze("love the grill but the box was soaked").label


def test_empty_text_is_neutral(analyzer: LocalSentimentAnalyzer) -> None:
    assert analyzer.analyze("  ").label == "neutral"


def test_100_kb_message_is_analyzed(analyzer: LocalSentimentAnalyzer) -> None:
    text = ("This is ridiculous, the vacuum broke again and nobody answers. " * 1600)[:100_000]
    assert analyzer.analyze(text).label == "negative"
    assert analyzer.emotions(text)["frustration"] > 0.5


def test_shouting_repeat_contact_is_angry_and_frustrated(analyzer: LocalSentimentAnalyzer) -> None:
    emotions = analyzer.emotions("THIS IS THE THIRD TIME I'M ASKING")
    assert set(emotions) == EMOTION_KEYS
    assert emotions["anger"] >= 0.5
    assert emotions["frustration"] >= 0.5
    assert emotions["gratitude"] <= 0.1


def test_thanks_is_gratitude(analyzer: LocalSentimentAnalyzer) -> None:
    emotions = analyzer.emotions("thanks so much!!")
    assert emotions["gratitude"] >= 0.5
    assert emotions["anger"] == 0.0


def test_asap_urgent_is_urgent(analyzer: LocalSentimentAnalyzer) -> None:
    assert analyzer.emotions("asap urgent")["urgency"] >= 0.7


def test_no_rush_is_not_urgent(analyzer: LocalSentimentAnalyzer) -> None:
    assert analyzer.emotions("no rush, reply whenever you can today")["urgency"] == 0.0


def test_confusion_cue(analyzer: LocalSentimentAnalyzer) -> None:
    assert analyzer.emotions("I'm confused, the app says delivered but that doesn't make sense")["confusion"] >= 0.5


def test_sarcastic_thanks_is_not_gratitude(analyzer: LocalSentimentAnalyzer) -> None:
    assert analyzer.emotions("thanks for nothing")["gratitude"] == 0.0


def test_plain_question_has_no_emotion(analyzer: LocalSentimentAnalyzer) -> None:
    assert max(analyzer.emotions("where is my order BW-104233?").values()) == 0.0


def test_threads_get_the_same_answers(analyzer: LocalSentimentAnalyzer) -> None:
    texts = ["thx!!", "where is my parcel", "broken AGAIN", "nice kettle, rude driver"] * 10
    expected = [analyzer.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(analyzer.analyze, texts)) == expected


def test_our_examples_cover_every_label() -> None:
    _, labels = load_examples(PROJECT_ROOT / "data" / "sentiment")
    assert {label: labels.count(label) >= 80 for label in LABELS} == dict.fromkeys(LABELS, True)


def test_example_file_with_unknown_label_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "angry.yaml").write_text("label: angry\nexamples: ['grr']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="angry"):
        load_examples(tmp_path)


def test_eval_sentiment_command_on_a_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "labelled.csv"
    csv_file.write_text("message,tone\n\"thank you, all sorted!\",Positive\n\"where is my refund, 3 weeks now!!\",negative\n"
                        "\"what time do you open\",neutral\n\"hmm\",sarcastic\n", encoding="utf-8")
    assert main(["eval-sentiment", "--csv", str(csv_file), "--text-col", "message", "--label-col", "tone"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["n"], result["skipped"], result["accuracy"], result["macro_f1"]) == (3, 1, 1.0, 1.0)


def test_eval_sentiment_names_a_missing_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv_file = tmp_path / "labelled.csv"
    csv_file.write_text("text,label\nhi,neutral\n", encoding="utf-8")
    assert main(["eval-sentiment", "--csv", str(csv_file), "--text-col", "message", "--label-col", "label"]) == 2
    assert "message" in capsys.readouterr().err


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gets_a_label_and_bounded_emotions(text: str) -> None:
    analyzer = LocalSentimentAnalyzer(Settings())
    sentiment = analyzer.analyze(text)
    emotions = analyzer.emotions(text)
    assert sentiment.label in LABELS
    assert math.isclose(sum(sentiment.scores.values()), 1.0, abs_tol=1e-3)
    assert set(emotions) == EMOTION_KEYS
    assert all(0.0 <= value <= 1.0 for value in emotions.values())
