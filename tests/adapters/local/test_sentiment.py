"""LocalSentimentAnalyzer trained on data/sentiment, emotion cues from data/emotions.yaml, and `eval-sentiment`."""

from __future__ import annotations

import json
import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.adapters.local import sentiment
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


@pytest.mark.parametrize("text", ["@RailCo great service as always #not", "@SkyRail super reliable as always #sarcasm",
                                  "@AltoJet love the new seats #NOT"])
def test_praise_marked_as_sarcasm_with_a_hashtag_is_negative(analyzer: LocalSentimentAnalyzer, text: str) -> None:
    """Session 9: the #not / #sarcasm cue; without it all three were read positive (p 0.71-0.82)."""
    assert analyzer.analyze(text).label == "negative"
    assert analyzer.analyze(text.rsplit(" ", 1)[0]).label == "positive"  # the same praise without the marker


# Session 10: the praise-shaped sarcasm cues ("what a treat", "thanks for making me…", "great job again", "love how…",
# "money well spent", "gracias por la…") fired on sincere praise too. Each pair: the same opening said sincerely and
# after a failure. On main (7dac559) every sincere one had a sarcasm score of 0.45-0.91, and all but the first three
# were read negative.
SARCASM_PAIRS = [
    ("what a treat, the new menu is great, thank you!", "what a treat, another 3 hour delay"),
    ("@AltoJet what a treat to be greeted by name at check-in, thanks team",
     "@AltoJet what a treat, stuck on the tarmac for 2 hours with no air con"),
    ("love how easy the new app is to use", "love how my flight got cancelled with no explanation"),
    ("such a pleasure dealing with your support, sorted in minutes", "such a joy to be on hold for 40 minutes again"),
    ("thanks for making me feel so welcome on board today", "thanks for making me miss my connection"),
    ("thank you for the hour you spent on the phone with me yesterday, all sorted now",
     "thanks for the 3 hours in the queue"),
    ("great job again team, smooth flight and early landing", "great job again, lost my bag for the second time"),
    ("glad we paid for the upgrade, worth every penny", "glad I paid extra for a seat that doesn't recline"),
    ("money well spent, the lounge was lovely", "money well spent, the lounge was closed and the wifi is down"),
    ("oh good, it's back up, thanks", "oh great, it's down again"),
    ("perfect, just what I needed, thanks for the quick refund",
     "perfect, just what I needed, a cancelled flight at midnight"),
    ("gracias por la ayuda, todo resuelto", "gracias por la espera de 3 horas, otra vez retrasado"),
]


@pytest.mark.parametrize(("sincere", "sarcastic"), SARCASM_PAIRS)
def test_praise_shaped_sarcasm_cues_need_a_failure_in_the_message(analyzer: LocalSentimentAnalyzer, sincere: str,
                                                                  sarcastic: str) -> None:
    assert analyzer.cues.sarcasm(sincere) == 0
    assert analyzer.analyze(sincere).label == "positive"
    assert analyzer.cues.sarcasm(sarcastic) > 0.3
    assert analyzer.analyze(sarcastic).label == "negative"


@pytest.mark.parametrize("text", ["thank you so much for the quick fix!", "thanks so much for sorting my refund",
                                  "thanks for keeping me updated the whole way", "congrats on another award",
                                  "the crew were amazing 👏👏", "as usual great service at the desk, thank you"])
def test_thanks_and_praise_after_a_fix_carry_no_sarcasm(analyzer: LocalSentimentAnalyzer, text: str) -> None:
    """"thank you so much for…" contained the cue "so much for"; "thanks for keeping me…", "congrats on another",
    👏 and "as usual" fired alone."""
    assert analyzer.cues.sarcasm(text) == 0
    assert analyzer.analyze(text).label == "positive"


@pytest.mark.parametrize(("fixed", "not_fixed"), [
    ("what a treat, my lost bag turned up at the hotel, thanks!", "what a treat, my lost bag still hasn't turned up"),
    ("love how fast you fixed the billing error, thank you", "love how the billing error is still not fixed, thank you"),
    ("thanks for keeping me posted while the app was down, all good now",
     "thanks for keeping me posted while the app was down, still not sorted"),
    ("another fantastic flight with you, even the delay was handled well",
     "another fantastic flight with you, the delay was never explained"),
])
def test_praise_after_a_failure_that_was_put_right_is_sincere(analyzer: LocalSentimentAnalyzer, fixed: str,
                                                              not_fixed: str) -> None:
    """A praise-shaped cue with a failure in the message is sarcasm, unless the message also tells of the fix
    ("turned up", "fixed", "all good now", "handled well") with no negation just before it. On main (7dac559) all
    four fixed ones had sarcasm 0.55-0.70 and three were read negative."""
    assert analyzer.cues.sarcasm(fixed) == 0
    assert analyzer.analyze(fixed).label == "positive"
    assert analyzer.cues.sarcasm(not_fixed) > 0.3
    assert analyzer.analyze(not_fixed).label == "negative"


def test_a_sarcasm_cue_whose_match_holds_the_failure_needs_no_context(analyzer: LocalSentimentAnalyzer) -> None:
    """The failure inside the cue's own match counts: "thanks for losing my bag" is sarcasm on its own, and a
    praise-shaped cue is not helped by a failure word it swallowed itself ("thanks for the 3 hours" alone)."""
    assert analyzer.cues.sarcasm("thanks for losing my bag") > 0.5
    assert analyzer.cues.sarcasm("so much for next day delivery") > 0.3
    assert analyzer.cues.sarcasm("thanks for the 3 hours, lovely chat") == 0


@pytest.mark.parametrize("text", ["thanks @SkyJet for losing my bag", "thank you @NorthBank for the 2 hour hold",
                                  "thx @FibreNet 4 the outage"])
def test_a_thanks_that_complains_is_read_with_the_handle_inside_it(analyzer: LocalSentimentAnalyzer, text: str) -> None:
    """Session 10: the cues read the text with handles taken out, which left two spaces ("thanks  for losing"), so
    the sarcasm cue missed the owners' own example whenever the handle sat inside it. On main (7dac559) these were
    read negative at 0.63 / positive at 0.55 / negative at 0.48."""
    from services.adapters.local.sentiment_features import for_cues

    assert for_cues(text).startswith(("thanks for", "thank you for", "thx 4"))
    assert analyzer.cues.sarcasm(for_cues(text)) > 0.5
    scores = analyzer.analyze(text).scores
    assert scores["negative"] + scores["mixed"] >= 0.7


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


def test_eval_sentiment_on_a_folder_is_a_clear_error_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by the slow CLI fuzz: `--csv` naming a directory raised IsADirectoryError out of the command."""
    assert main(["eval-sentiment", "--csv", str(tmp_path), "--text-col", "text", "--label-col", "label"]) == 2
    assert "cannot read" in capsys.readouterr().err


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


# Customer tweets to support accounts (issue 12), fresh: not in data/sentiment/*.yaml.
@pytest.mark.parametrize(("text", "label"), [
    ("@SkyJetAir thanks for losing my bag", "negative"),
    ("@PeakMobile thanks for the four hour outage, really helpful", "negative"),
    ("@ZoomRail great job cancelling the only train home", "negative"),
    ("@FlyGlobe love waiting 3 hours for a gate agent", "negative"),
])
def test_thanks_and_praise_that_are_complaints_are_negative(analyzer: LocalSentimentAnalyzer, text: str,
                                                             label: str) -> None:
    assert analyzer.analyze(text).label == label


@pytest.mark.parametrize(("text", "label"), [
    ("@FlyGlobe can I change my flight to tomorrow?", "neutral"),
    ("@StreamOne is the documentary on the android app yet?", "neutral"),
    ("@FlyGlobe thank you so much, the crew was amazing today", "positive"),
    ("@BankOwl the new app is not good at all", "negative"),
    ("@FlyGlobe the flight was not bad at all, thanks", "positive"),
    ("@BankOwl fix your damn website", "negative"),
    ("@PeakMobile 😡😡😡", "negative"),
    ("@FlyGlobe NO ONE IS ANSWERING THE PHONE", "negative"),
    ("@FlyGlobe my flight was delayed and nobody told us anything", "negative"),
    ("@ShopBee I haven't received my refund and it's been a month", "negative"),
    ("@FlyGlobe vuelo cancelado y nadie contesta", "negative"),
    ("@FlyGlobe voo atrasado três horas, ninguém explica nada", "negative"),
    ("@FlyGlobe wie kann ich einen Sitzplatz reservieren?", "neutral"),
])
def test_support_tweets_read_like_a_customer_means_them(analyzer: LocalSentimentAnalyzer, text: str,
                                                        label: str) -> None:
    assert analyzer.analyze(text).label == label


# Issue 12: a service failure told flatly or politely is an unhappy customer (crowd annotators label it negative);
# the same words negated are praise; a status question with no failure yet is neutral. Fresh sentences.
@pytest.mark.parametrize(("text", "label"), [
    ("@FlyGlobe flight 902 delayed three hours", "negative"),
    ("@PeakMobile hi, my broadband has been off since Tuesday, could you look into it please? thanks", "negative"),
    ("@ShopBee the order shows delivered but it's not here. thank you", "negative"),
    ("@BankOwl why can't I log in to the app today?", "negative"),
    ("@StreamOne shout out to you for another evening of endless buffering", "negative"),
    ("garbage app and garbage support", "negative"),
    ("@FlyGlobe no complaints, smooth flight and early landing", "positive"),
    ("@PeakMobile can't complain, signal has been great all week", "positive"),
    ("@FlyGlobe is flight 12 on schedule this afternoon?", "neutral"),
])
def test_a_failure_told_politely_is_negative_and_a_negated_complaint_is_praise(
        analyzer: LocalSentimentAnalyzer, text: str, label: str) -> None:
    assert analyzer.analyze(text).label == label


# Issue 12, session 5: a complaint needs no angry word (a rhetorical question, a wish, a flat report with a question),
# praise may tell of a problem someone solved, and a question about what would happen if something failed is not a
# failure. Fresh sentences, not in data/sentiment.
@pytest.mark.parametrize(("text", "label"), [
    ("@TrailAir it would be great if the app showed the gate before boarding closes", "negative"),
    ("@PeakMobile since when does a SIM swap take a week?", "negative"),
    ("@FlyGlobe since when do you charge to print a boarding pass at the desk?", "negative"),
    ("@ShopBee is it really that hard to deliver to the right house?", "negative"),
    ("@TrailAir how many emails until someone reads my compensation claim?", "negative"),
    ("@FlyGlobe bag came out at the carousel with the lock ripped off. who do I speak to?", "negative"),
    ("@FlyGlobe huge thanks to the agent in Lisbon who rebooked us after the cancellation, absolute star", "positive"),
    ("@FlyGlobe if a flight is cancelled for weather, do you book a hotel or is that on me?", "neutral"),
    ("@ShopBee what happens to my order if the seller closes their shop?", "neutral"),
    ("@BankOwl how many cards can I have on one account?", "neutral"),
])
def test_a_complaint_without_angry_words_is_negative_and_a_hypothetical_failure_is_not(
        analyzer: LocalSentimentAnalyzer, text: str, label: str) -> None:
    assert analyzer.analyze(text).label == label


# Issue 12, session 11: a failure told in passing and then a calm "what now?" question is a complaint (main read these
# three neutral), and exasperation with no failure word is one too (main read "wow. just wow." as praise). The same
# questions before anything failed, a sincere "wow" and a sincere thanks are not. Fresh sentences, not in
# data/sentiment.
@pytest.mark.parametrize(("text", "label"), [
    ("@PeakMobile calls keep going straight to voicemail since Monday, is there a setting to check?", "negative"),
    ("@GridLite smart meter screen has been blank for a week, do I need to book an engineer?", "negative"),
    ("@ShopBee the size I got is not the one I ordered, what's the process?", "negative"),
    ("@TrailAir wow. just wow.", "negative"),
    ("@AirNorth tried the new lounge in Denver and wow. just wow", "positive"),
    ("@PeakMobile is there a setting to send calls to voicemail at night?", "neutral"),
    ("@TrailAir who do I contact if my bag is delayed?", "neutral"),
    ("@FlyGlobe wow, the new business seats are amazing, thank you!", "positive"),
    ("@FlyGlobe thank you so much for the help at the gate today, you were lovely", "positive"),
    ("@ShopBee hi, can you tell me the status of order 48213?", "neutral"),
])
def test_a_failure_then_a_calm_question_and_bare_exasperation_are_complaints(
        analyzer: LocalSentimentAnalyzer, text: str, label: str) -> None:
    assert analyzer.analyze(text).label == label


# Issue 12, session 11: a bare "thanks" / "cheers" closing a failure report is the complaint the issue names ("thanks
# for losing my bag" without the "for"); main read these three as praise (buffering, a power cut and an outage had no
# problem cue, and a closing thanks was not read against the failure before it). The same closing thanks after praise,
# after a fix or under a plain question stays what it was.
@pytest.mark.parametrize(("text", "label"), [
    ("@StreamOne buffering all night. thanks team", "negative"),
    ("@GridLite power out again, thanks so much", "negative"),
    ("@PeakMobile internet down during my exam. thank you", "negative"),
    ("@AirNorth great flight today, thanks guys", "positive"),
    ("@AirNorth crew on 22 were so kind to my kids. thank you", "positive"),
    ("@AirNorth had a problem with my booking but Sarah on the phone fixed it in minutes, thanks!", "positive"),
    ("@AirNorth can you tell me the baggage allowance for economy? thanks", "neutral"),
])
def test_a_closing_thanks_after_a_failure_is_a_complaint_and_after_praise_is_thanks(
        analyzer: LocalSentimentAnalyzer, text: str, label: str) -> None:
    assert analyzer.analyze(text).label == label


def test_a_closing_thanks_is_read_as_sarcasm_only_after_an_unresolved_failure(analyzer: LocalSentimentAnalyzer) -> None:
    cues = analyzer.cues
    assert cues.sarcasm("late flight, missed the rehearsal. thanks guys") > 0.5
    assert cues.sarcasm("the bag turned up this morning after the delay, thanks guys") == 0.0
    assert cues.sarcasm("lovely flight. thanks guys") == 0.0
    assert cues.problem_weight("buffering and the picture froze") >= 0.7
    # a failure put right before the thanks, a failure that never happened, or "late" as a time of day: sincere
    assert cues.sarcasm("parcel was stuck at the depot but it was delivered to my door today, thank you") == 0.0
    assert cues.sarcasm("your agent turned a horrible trip around, thank you") == 0.0
    assert cues.sarcasm("never had an outage in 4 years, thanks") == 0.0
    assert cues.sarcasm("could I get a late checkout on friday? thank you") == 0.0


def test_which_company_is_addressed_does_not_change_the_sentiment(analyzer: LocalSentimentAnalyzer) -> None:
    texts = [f"{handle} my order never arrived, see https://t.co/{code}"
             for handle, code in (("@ShopBee", "a1"), ("@MegaMart_Help", "zz9"), ("@x", "q"))]
    results = [analyzer.analyze(text) for text in texts]
    assert results == [results[0]] * 3
    assert results[0].label == "negative"


def _eval_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, *options: str) -> dict:
    csv_file = tmp_path / "labelled.csv"
    csv_file.write_bytes(content.encode("latin-1"))
    assert main(["eval-sentiment", "--csv", str(csv_file), *options]) == 0
    return json.loads(capsys.readouterr().out)


def test_eval_sentiment_folds_mixed_into_negative_on_a_three_class_csv(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = _eval_csv(tmp_path, capsys, "text,airline_sentiment,other\n"
                       "\"@AirX nice blender, awful delivery\",negative,1\n"
                       "\"@AirX can I change my seat?\",neutral,2\n"
                       "\"@AirX thank you, lovely crew!\",positive,3\n",
                       "--text-col", "text", "--label-col", "airline_sentiment")
    assert result["predicted_mixed_before_fold"] == 1
    assert result["fold"].startswith("mixed folded into negative")
    assert result["accuracy"] == 1.0
    assert result["confusion"] == {"negative": {"negative": 1, "neutral": 0, "positive": 0},
                                   "neutral": {"negative": 0, "neutral": 1, "positive": 0},
                                   "positive": {"negative": 0, "neutral": 0, "positive": 1}}
    assert set(result["per_class"]) == {"negative", "neutral", "positive"}
    assert 0.0 <= result["ece"] <= 1.0


def test_eval_sentiment_keeps_mixed_when_the_csv_has_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = _eval_csv(tmp_path, capsys, "text,label\n\"nice blender, awful delivery\",mixed\n\"hi\",neutral\n",
                       "--text-col", "text", "--label-col", "label")
    assert result["fold"].startswith("none")
    assert "mixed" in result["confusion"]


def test_eval_sentiment_reads_a_semicolon_latin1_file_with_a_title_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = _eval_csv(tmp_path, capsys, "Some title;;\nid;sentiment;text\n1;1;the café app is garbage, crashes again\n"
                       "2;5;love the new café menu in the app!\n3;not_relevant;stock news\n",
                       "--text-col", "text", "--label-col", "sentiment", "--sep", ";", "--encoding", "latin-1",
                       "--skip-rows", "1", "--label-map", "1=negative,3=neutral,5=positive")
    assert (result["n"], result["skipped"], result["accuracy"]) == (2, 1, 1.0)


def test_eval_sentiment_rejects_a_label_map_to_an_unknown_label(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "l.csv").write_text("text,label\nhi,1\n", encoding="utf-8")
    assert main(["eval-sentiment", "--csv", str(tmp_path / "l.csv"), "--text-col", "text", "--label-col", "label",
                 "--label-map", "1=angry"]) == 2
    assert "angry" in capsys.readouterr().err


def test_eval_sentiment_names_the_encoding_when_a_file_cannot_be_decoded(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "l.csv").write_bytes("text,label\ncaf\xe9,neutral\n".encode("latin-1"))
    assert main(["eval-sentiment", "--csv", str(tmp_path / "l.csv"), "--text-col", "text", "--label-col",
                 "label"]) == 2
    assert "latin-1" in capsys.readouterr().err


def test_expected_calibration_error() -> None:
    from services.adapters.local.sentiment_eval import expected_calibration_error

    assert expected_calibration_error([0.95, 0.95], [True, True]) == pytest.approx(0.05)
    assert expected_calibration_error([0.9, 0.9, 0.3], [True, False, False]) == pytest.approx((2 * 0.4 + 0.3) / 3)
    assert expected_calibration_error([], []) == 0.0


def test_a_data_folder_with_two_labels_gives_two_label_scores(tmp_path: Path) -> None:
    folder = tmp_path / "sentiment"
    folder.mkdir()
    (folder / "pos.yaml").write_text("label: positive\nexamples: ['love it', 'great help, thanks', 'works perfectly']\n",
                                     encoding="utf-8")
    (folder / "neg.yaml").write_text("label: negative\nexamples: ['broken again', 'awful service', 'still no refund']\n",
                                     encoding="utf-8")
    sentiment = LocalSentimentAnalyzer(Settings(data_dir=str(tmp_path))).analyze("still broken, awful")
    assert sentiment.label == "negative"
    assert sentiment.scores["neutral"] == sentiment.scores["mixed"] == 0.0
    assert math.isclose(sentiment.scores["positive"] + sentiment.scores["negative"], 1.0, abs_tol=1e-3)


# ---- the on-disk cache of the fitted model -------------------------------------------------------------------------

def _two_label_folder(root: Path, extra: str = "") -> Path:
    folder = root / "sentiment"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pos.yaml").write_text("label: positive\nexamples: ['love it', 'great help, thanks', 'works perfectly'"
                                     f"{extra}]\n", encoding="utf-8")
    (folder / "neg.yaml").write_text("label: negative\nexamples: ['broken again', 'awful service', 'still no refund']\n",
                                     encoding="utf-8")
    return folder


SAMPLES = ["Thank you, the new toaster works brilliantly!", "garbage product and garbage support",
           "does the heater have a thermostat", "nice blender, awful delivery 🙄", "@acme order 12345 still not here",
           "x" * 5000]


def test_cached_model_gives_the_same_probabilities_as_a_fresh_fit(tmp_path: Path) -> None:
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    examples = sentiment.data_file(tmp_path, sentiment.EXAMPLES_DIR)
    fresh = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    [folder] = (tmp_path / "models").glob("sentiment-default-*")
    assert {p.name for p in folder.iterdir()} == {"manifest.json", "vocab.json", "model.npz"}
    cached = sentiment.load_model(folder, cues)
    assert cached is not fresh
    assert cached.scores(SAMPLES) == fresh.scores(SAMPLES)


def test_a_second_process_loads_the_cache_instead_of_training(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    first = sentiment._cached_or_trained(tmp_path / "models", examples, cues)

    def no_training(*_: object) -> None:
        raise AssertionError("trained although the cache matched")

    monkeypatch.setattr(sentiment, "train", no_training)
    again = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    assert again.scores(["still broken, awful"]) == first.scores(["still broken, awful"])


def test_edited_examples_retrain_and_replace_the_cached_model(tmp_path: Path) -> None:
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    [old] = (tmp_path / "models").glob("sentiment-default-*")
    _two_label_folder(tmp_path, extra=", 'superb parcel tracker'")
    model = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    [new] = (tmp_path / "models").glob("sentiment-default-*")
    assert new != old
    assert "superb" in json.loads((new / "vocab.json").read_text(encoding="utf-8"))["words"]
    assert "superb" in model.features.words.vocabulary


def test_a_changed_temperature_is_served_not_the_cached_models_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defect (session 6): the temperature was not in the cache key, so editing TEMPERATURE kept serving the cached
    model's old scores until someone deleted data/models by hand."""
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    first = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    monkeypatch.setattr(sentiment, "TEMPERATURE", sentiment.TEMPERATURE * 3)
    again = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    assert again.temperature == sentiment.TEMPERATURE
    before, after = first.scores(["still broken, awful"])[0], again.scores(["still broken, awful"])[0]
    assert after["negative"] < before["negative"]  # a hotter softmax is less sure of the same answer
    assert max(after, key=after.get) == max(before, key=before.get) == "negative"
    [folder] = (tmp_path / "models").glob("sentiment-default-*")  # the stale model is replaced, not kept beside
    assert json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["temperature"] == sentiment.TEMPERATURE


def test_a_changed_calibration_is_served_not_the_cached_models_old_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    monkeypatch.setattr(sentiment, "CALIBRATION", (1.0, 0.0))
    plain = sentiment._cached_or_trained(tmp_path / "models", examples, cues).scores(["still broken, awful"])[0]
    monkeypatch.setattr(sentiment, "CALIBRATION", (0.5, 0.0))
    again = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    assert again.calibration == (0.5, 0.0)
    assert 0.5 < again.scores(["still broken, awful"])[0]["negative"] < plain["negative"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0.0, 1.0), min_size=2, max_size=4).filter(lambda row: sum(row) > 1e-6))
def test_the_shipped_calibration_keeps_the_label_and_sums_to_one(row: list[float]) -> None:
    import numpy as np

    p = np.array([row]) / sum(row)
    out = sentiment.calibrate(p, *sentiment.CALIBRATION)
    assert out.sum() == pytest.approx(1.0)
    assert (out >= 0).all()
    assert p[0, out.argmax()] == p.max()  # the label (the highest score) is the same one, ties included
    assert sentiment.calibrate(p, 1.0, 0.0) is p


def test_a_damaged_cached_model_is_retrained_not_served(tmp_path: Path) -> None:
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    first = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    [folder] = (tmp_path / "models").glob("sentiment-default-*")
    (folder / "model.npz").write_bytes(b"not an npz")
    with pytest.raises(ConfigError):
        sentiment.load_model(folder, cues)
    again = sentiment._cached_or_trained(tmp_path / "models", examples, cues)
    assert again.scores(["awful service"]) == first.scores(["awful service"])
    assert sentiment.load_model(folder, cues).scores(["awful service"]) == first.scores(["awful service"])


def test_two_processes_saving_the_same_model_at_once_both_end_with_a_whole_one(tmp_path: Path) -> None:
    examples = _two_label_folder(tmp_path)
    cues = sentiment.EmotionCues(sentiment.data_file(tmp_path, sentiment.CUES_FILE))
    model = sentiment.train(*sentiment.load_examples(examples), cues)
    folder = tmp_path / "models" / "sentiment-default-abc"
    with ThreadPoolExecutor(4) as pool:
        saved = list(pool.map(lambda _: sentiment.save_model(model, folder, "abc"), range(8)))
    assert saved == [folder] * 8
    assert [p.name for p in (tmp_path / "models").iterdir()] == [folder.name]  # no staging folder left behind
    assert sentiment.load_model(folder, cues).scores(SAMPLES) == model.scores(SAMPLES)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("ab cD!é\t\n😀?.'"), max_size=40), min_size=1, max_size=4))
def test_serving_tfidf_matches_scikit_learn(texts: list[str]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from services.adapters.local.sentiment_features import NgramTfidf

    train = ["Love it, works great!", "broken again... awful   service", "é café déjà-vu ?", "ab cd ab cd ab!"]
    for kind, vectorizer in [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b|[^\w\s]")),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True))]:
        vectorizer.fit(train + texts[:1])
        ours = NgramTfidf(kind, dict(vectorizer.vocabulary_), vectorizer.idf_).transform(texts)
        assert ours.shape == (len(texts), len(vectorizer.idf_))
        assert abs(ours.toarray() - vectorizer.transform(texts).toarray()).max() < 1e-12


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab cD!é\t\n😀?.'@:/0"), max_size=60))
def test_one_message_path_gives_the_same_scores_as_the_sparse_transform(text: str) -> None:
    """The per-message path (no sparse matrices, cached word n-grams) must score exactly like the batch matrix."""
    import numpy as np

    analyzer = LocalSentimentAnalyzer(Settings())
    model = sentiment._shared_model(PROJECT_ROOT / "data", analyzer.cues, analyzer.encoder)
    vector = sentiment.embed_one_by_one(analyzer.encoder, [text])
    columns, values = model.features.row(text, vector[0])
    dense = np.zeros(model.features.width())
    np.add.at(dense, columns, values)
    assert abs(dense - model.features.transform([text], vector).toarray()[0]).max() < 1e-12
    for _ in range(2):  # the second time the word cache answers
        expected = (np.asarray(model.features.transform([text], vector) @ model.coef.T)[0] + model.intercept)
        row_columns, row_values = model.features.row(text, vector[0])
        assert abs(row_values @ model.coef.T[row_columns] + model.intercept - expected).max() < 1e-9


AIRLINE_SHAPED = Path(__file__).parent / "fixtures" / "airline_shaped_sentiment.csv"


def test_eval_sentiment_runs_the_owners_command_on_an_airline_shaped_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """The owners' exact command (`--text-col text --label-col airline_sentiment`) on a file shaped like their 3-class
    set: a UTF-8 BOM, CRLF line ends, many other columns, a quoted tweet spanning two lines, emoji and `&amp;`."""
    assert main(["eval-sentiment", "--csv", str(AIRLINE_SHAPED), "--text-col", "text",
                 "--label-col", "airline_sentiment"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["n"], result["skipped"]) == (9, 0)  # the two-line tweet is one row
    assert result["fold"].startswith("mixed folded into negative")
    assert set(result["confusion"]) == {"negative", "neutral", "positive"}
    assert all(set(row) == {"negative", "neutral", "positive"} for row in result["confusion"].values())
    assert sum(sum(row.values()) for row in result["confusion"].values()) == 9
    assert {name: stats["n"] for name, stats in result["per_class"].items()} == {"negative": 4, "neutral": 3, "positive": 2}
    assert result["accuracy"] >= 8 / 9  # plain tweets of each class, sarcasm ("thanks for losing my bag") included


def test_the_calibration_floor_shrinks_with_the_size_of_the_test_set() -> None:
    """`ece_if_calibrated`: what sampling alone adds to the ECE. A few hundred rows cannot show an ECE much below ~0.05
    even for a perfectly calibrated model; fourteen thousand can."""
    from services.adapters.local.sentiment_eval import ece_if_calibrated

    small, large = ece_if_calibrated([0.6, 0.75, 0.9] * 57), ece_if_calibrated([0.6, 0.75, 0.9] * 4880)
    assert 0.02 < small < 0.08
    assert large < 0.01
    assert ece_if_calibrated([0.6, 0.75, 0.9] * 57) == small  # seeded: the same figure on every run


def test_emotion_scores_remembered_for_a_text_equal_a_fresh_reading() -> None:
    """The pipeline asks for a message's cue scores twice (sentiment features, then emotions); the second answer
    comes from memory and must be the same numbers, and a caller changing its dict must not change the memory."""
    from services.adapters.local.sentiment_cues import RECENT, EmotionCues

    path = PROJECT_ROOT / "data" / "emotions.yaml"
    cues = EmotionCues(path)
    texts = ["THIS IS THE THIRD TIME I ASK!! where is my refund??", "thanks so much, love it 😍", "ok", ""]
    for text in texts:
        first = cues.scores(text)
        first["anger"] = 99.0
        assert cues.scores(text) == EmotionCues(path).scores(text) != first
    for i in range(RECENT + 3):
        cues.scores(f"message number {i} is urgent")
    assert len(cues._recent) <= RECENT
    assert cues.scores(texts[0]) == EmotionCues(path).scores(texts[0])


@pytest.mark.parametrize("text", [
    "THANK YOU so much!!", "tHaNkS fOr NoThInG 🙄", "xugh ugh", "UGHHH seriously??", "unthankful thanks",
    "KEIN INTERNET seit gestern", "Frechheit!", "ſorry, ſeriously", "İnternet yok", "Kelvin K thanks",
    "Merci Pour Rien", "ÉNORME retard", "😡😡 worst", "", "b" + "a" * 2500 + " ugh", "thanks" * 400,
    "love it #NOT", "#nothing to see", "sure thing /s", "a/s b",
])
def test_cue_twins_find_exactly_what_the_case_insensitive_cues_find(text: str) -> None:
    """The sentiment step searches each cue's case-sensitive twin in the lower-cased text (faster); every cue must be
    found exactly where its own case-insensitive pattern finds it, also for non-ASCII letters (the original path)
    and for words that only contain a cue (the look-behind checked per candidate)."""
    from services.adapters.local.sentiment_cues import EmotionCues, found, lowered_if_exact, twin_of

    cues = EmotionCues(PROJECT_ROOT / "data" / "emotions.yaml")
    every = [p for group in [*cues.cues.values(), cues.sarcasm_cues, cues.context_sarcasm_cues, cues.problem_cues]
             for p, _ in group]
    lowered = lowered_if_exact(text)
    assert [found(p, twin_of(p), text, lowered) for p in every] == [p.search(text) is not None for p in every]
    assert (lowered is None) == any(not ch.isascii() and ch.lower() + ch.upper() != ch + ch for ch in text)
