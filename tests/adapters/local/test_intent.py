"""The local intent classifier: the default model on our examples, custom models from a CSV, the two commands."""

from __future__ import annotations

import csv
import json
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from services import intents
from services.adapters.local.intent import LocalIntentClassifier, load_model, read_examples, save_model
from services.adapters.local.intent_features import normalize
from services.bootstrap import build_services
from services.cli import main
from services.config import Settings
from services.errors import ConfigError, InvalidInput, ProviderUnavailable
from tests.conftest import shared_data

TAXONOMY = {"General Inquiry", "Technical Support", "Billing Question", "Complaint", "Product Information",
            "Order Status", "Account Management", "Refund/Return", "Escalation Request", "Other"}

# Written for these tests; none of them is in data/intents (a test below checks).
FRESH = [
    ("Order Status", "any news on when BW-130045 will be delivered? it's been 6 days"),
    ("Order Status", "my courier tracking BWT208812345 hasnt updated since friday"),
    ("Billing Question", "why did you take £59.99 from my account twice this morning"),
    ("Billing Question", "can i get a tax invoice for the fridge i bought in march"),
    ("Refund/Return", "sent the vacuum back last week, when do i see the money"),
    ("Refund/Return", "how many days do I have to send back a blender i don't like"),
    ("Account Management", "i've forgotten my password, how can i reset it?"),
    ("Account Management", "please change the email address on my profile to my new one"),
    ("Technical Support", "the doorbell keeps going offline every few hours"),
    ("Technical Support", "my new kettle shows a flashing red light and won't heat"),
    # intent guide v3 (session 28): a sign-in that fails and a hacked account are Technical Support, a disputed
    # suspension a Complaint; Account Management is issue 3's create / edit / delete / switch / password recovery
    ("Technical Support", "I can't remember my login password and the reset link expired"),
    ("Technical Support", "somebody signed into my account from abroad last night and changed my email"),
    ("Complaint", "you suspended my account without any explanation, undo it now"),
    ("Product Information", "does the 6 litre air fryer have a window so i can see the food"),
    ("Product Information", "is the soundbar compatible with a samsung tv"),
    ("Escalation Request", "i'm done with this chat, get me a supervisor please"),
    ("Escalation Request", "can a real human pick this up"),
    ("Complaint", "the delivery driver was extremely rude and dumped the box in a puddle"),
    ("Complaint", "i am very disappointed with how my case has been handled so far"),
    ("General Inquiry", "do you deliver to jersey"),
    ("General Inquiry", "what time does your phone line close on saturday"),
]
OUT_OF_SCOPE = [
    "xkq zzpt vvvv wubba",
    "Boost your Instagram engagement by 500%! visit http://growfast.example now",
    "what's a good name for a goldfish",
    "thanks a lot, have a lovely evening",
]

BAKERY = {
    "cake_order": ["I'd like to order a birthday cake for saturday", "can you make a wedding cake for 80 people",
                   "order a chocolate cake with my son's name on it", "need a cake for friday, vanilla please",
                   "do a custom cake for my mum's 60th?", "two dozen cupcakes for an office party please",
                   "can I order a cake shaped like a dinosaur", "I want to book a cake for next week"],
    "opening_hours": ["what time do you open", "are you open on sunday", "when do you close today",
                      "opening hours over easter?", "are you open late on fridays", "what time does the shop shut",
                      "is the bakery open on bank holidays", "hours this weekend?"],
    "allergens": ["is the sourdough gluten free", "does the brownie contain nuts",
                  "which cakes are safe for a dairy allergy", "any vegan options without egg",
                  "do you list allergens for the croissants", "is there sesame in the rye bread",
                  "my daughter has a peanut allergy, what can she eat", "are the scones made with milk"],
    "none": ["lol", "who won the match", "buy cheap watches now", "thanks", "asdf qwer", "tell me a joke",
             "what's the weather", "hello there"],
}


def write_csv(path, rows, header=("message", "topic")):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def bakery_csv(tmp_path):
    return write_csv(tmp_path / "bakery.csv", [(t, label) for label, texts in BAKERY.items() for t in texts])


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def classifier(tmp_path_factory):
    settings = Settings(db_path=str(tmp_path_factory.mktemp("intent") / "frontline.db"))
    return build_services(settings).intent


def test_labels_are_exactly_our_ten_intents(classifier):
    assert set(classifier.labels()) == TAXONOMY
    assert len(classifier.labels()) == 10


def test_the_fresh_test_sentences_are_not_training_examples():
    examples = {t.lower() for t in read_examples()[0]}
    assert not [text for _, text in FRESH if text.lower() in examples]


@pytest.mark.parametrize(("expected", "text"), FRESH)
def test_clear_messages_get_their_intent(classifier, expected, text):
    intent = classifier.classify(text)
    assert intent.label == expected
    assert 0.0 <= intent.confidence <= 1.0


@pytest.mark.parametrize("text", OUT_OF_SCOPE)
def test_gibberish_ads_and_thanks_are_other(classifier, text):
    assert classifier.classify(text).label == "Other"


def test_ranking_is_sorted_and_names_known_labels(classifier):
    ranking = classifier.classify("my refund still hasn't arrived").ranking
    scores = [score for _, score in ranking]
    assert scores == sorted(scores, reverse=True)
    assert {label for label, _ in ranking} <= TAXONOMY
    assert ranking[0][0] == "Refund/Return"


def test_an_empty_message_is_other_with_no_confidence(classifier):
    assert classifier.classify("   ").label == "Other"
    assert classifier.classify("").confidence == 0.0


def test_low_confidence_fallback_no_longer_relabels_a_clear_request_as_other(tmp_path):
    """The extra fallback to Other was wrong on 98 % of the dev rows it touched; intent_min_confidence now only marks
    a message unsure, and Other comes from the model's out-of-scope rule."""
    settings = Settings(db_path=str(tmp_path / "f.db"), intent_min_confidence=1.01)
    intent = build_services(settings).intent.classify("where is my order BW-100200")
    assert intent.label == "Order Status" and intent.confidence < settings.intent_min_confidence


def test_the_confidence_scale_softens_confidence_without_changing_labels(classifier):
    texts = [text for _, text in FRESH]
    sharp = LocalIntentClassifier(classifier.model, classifier._embedder, confidence_scale=1.0)
    soft = LocalIntentClassifier(classifier.model, classifier._embedder, confidence_scale=2.0)
    pairs = list(zip(sharp.classify_many(texts), soft.classify_many(texts), strict=True))
    assert [a.label for a, _ in pairs] == [b.label for _, b in pairs]
    in_scope = [(a, b) for a, b in pairs if a.label != "Other"]
    assert in_scope and all(b.confidence < a.confidence for a, b in in_scope)


def test_default_confidence_is_the_calibrated_probability_and_leads_the_ranking(classifier):
    """The default model reports the calibrator's probability that its answer is right (not a scaled softmax); the
    labels are the uncalibrated model's, and the ranking's top entry equals the confidence."""
    assert classifier.calibration is not None
    plain = LocalIntentClassifier(classifier.model, classifier._embedder)
    texts = [text for _, text in FRESH]
    for calibrated, raw in zip(classifier.classify_many(texts), plain.classify_many(texts), strict=True):
        assert calibrated.label == raw.label
        assert 0.0 < calibrated.confidence < 1.0
        assert dict(calibrated.ranking).get(calibrated.label) == pytest.approx(calibrated.confidence, abs=1e-3)
        assert sum(p for _, p in calibrated.ranking) <= 1.0 + 1e-3


def test_calibrated_confidence_is_lower_for_out_of_scope_answers_and_a_vote_that_disagrees(classifier):
    """The calibrator's signals move the confidence the way real traffic showed (docs/models.md, session 12): at the
    same top probability an out-of-scope answer, or one where the linear model and the nearest examples' vote pick
    different labels, gets less confidence; a surer model gets more."""
    from services.adapters.local import intent_features as fx

    def confidence(top: float, out_of_scope: float, agree: float) -> float:
        features = fx.calibration_features(np.array([[top, 1 - top]]), np.array([0.45]), np.array([out_of_scope]),
                                           np.array([0.0]), np.array([8]), np.array([agree]))
        return float(fx.calibrated_confidence(classifier.calibration.english, features)[0])

    assert confidence(0.9, 1.0, 1.0) < confidence(0.9, 0.0, 1.0)
    assert confidence(0.9, 0.0, 0.0) < confidence(0.9, 0.0, 1.0)
    assert confidence(0.6, 0.0, 1.0) < confidence(0.9, 0.0, 1.0)


# Written for this test in the manner of the Apple and blind11 sets (chatty, slangy, @handles; none is a shared row):
# the traffic session 10's calibrator was over-confident on by 0.10-0.25 (it gave these a mean confidence of 0.85).
SLANG_TWEETS = ["@applesupport yo this update is straight garbage lol fix ur shit",
                "@apple ngl the new emojis are kinda fire 🔥🔥",
                "wow @apple really said no headphone jack again smh",
                "@AppleSupport my phone been acting weird since yesterday idk",
                "@apple when is the next event?? hype",
                "lmao @apple stock tanking again",
                "@verizon y'all are a joke fr",
                "@AppleSupport icloud ate all my pics wtf"]


def test_tweets_unlike_our_examples_are_reported_less_sure_and_clear_requests_stay_sure(classifier):
    """Session 12: the calibrator is fitted on the even halves of four real dev sets, so on chatty tweets unlike our
    examples it no longer reports near-certainty (on the Apple addressed set the model is right half the time and
    session 10's calibrator said 0.83 on average; on these tweets 0.85); the labels stay the model's own. A clear
    request written like our examples stays sure, above the thresholds that read the confidence."""
    from services.assist import KB_INTENT_CONFIDENCE

    plain = LocalIntentClassifier(classifier.model, classifier._embedder, language=classifier._language,
                                  foreign_embedder=classifier._foreign_embedder)
    answers = classifier.classify_many(SLANG_TWEETS)
    assert [a.label for a in answers] == [a.label for a in plain.classify_many(SLANG_TWEETS)]
    assert float(np.mean([a.confidence for a in answers])) < 0.72
    assert max(a.confidence for a in answers) < 0.96
    for text in ("where is my order BW-100200", "I want a refund for the broken kettle"):
        assert classifier.classify(text).confidence >= max(0.95, KB_INTENT_CONFIDENCE, Settings().assistant_min_confidence)


def test_defect_the_issues_own_two_request_example_shows_its_second_intent(classifier):
    """Defect: the second-intent candidates were read from the confidence shown, so a clause blurred by the rest of the
    message ("... and is my kettle still under warranty?") was never encoded alone and no second intent appeared."""
    intent = classifier.classify("I need to change the delivery address on my order and is my kettle still under warranty?")
    assert (intent.label, intent.secondary) == ("Order Status", "Product Information")


def test_classify_many_reports_what_classify_serves(classifier):
    """Defect: classify_many embedded its texts in batches, and int8 MiniLM scales activations per batch, so an
    evaluation measured other vectors than serving computes (care dev set: 0.709 batched, 0.694 served)."""
    texts = [text for _, text in FRESH if len(text.split()) < 12 and " and " not in text]
    many = classifier.classify_many(texts)
    for text, intent in zip(texts, many, strict=True):
        one = classifier.classify(text)
        assert (one.label, one.confidence) == (intent.label, pytest.approx(intent.confidence, abs=1e-5))


def test_clause_scores_from_the_fast_path_match_the_batch_path(classifier):
    clauses = ["I need a refund for the blender", "also how do I change my password"]
    embeddings = classifier._embed(clauses)
    batch = classifier.model.scores([normalize(c) for c in clauses], embeddings)
    one = np.stack([classifier.model.score_one(normalize(c), e) for c, e in zip(clauses, embeddings, strict=True)])
    np.testing.assert_allclose(one, batch, rtol=1e-4, atol=1e-4)


def test_batch_single_and_threaded_answers_agree(classifier):
    texts = [text for _, text in FRESH]
    single = [classifier.classify(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        threaded = list(pool.map(classifier.classify, texts * 3))
    assert [i.label for i in classifier.classify_many(texts)] == [i.label for i in single]
    assert [i.label for i in threaded] == [i.label for i in single] * 3


def test_a_saved_model_answers_like_the_original(classifier, tmp_path):
    folder = save_model(classifier.model, tmp_path / "copy")
    copy = intents.classifier_for(build_services(Settings(db_path=str(tmp_path / "f.db"))), load_model(folder))
    original = LocalIntentClassifier(classifier.model, classifier._embedder)  # a loaded model: no confidence scale
    assert copy.model.knn == classifier.model.knn and copy.model.knn is not None
    for _, text in FRESH[:6]:
        assert copy.classify(text).ranking == original.classify(text).ranking


def test_train_intents_then_serve_the_custom_model(tmp_path, capsys):
    out = tmp_path / "bakery-model"
    code, stdout, _ = run_cli(capsys, "train-intents", "--csv", str(bakery_csv(tmp_path)), "--text-col", "message",
                              "--label-col", "topic", "--out", str(out), "--oos-label", "none")
    summary = json.loads(stdout)
    assert code == 0
    assert summary["labels"] == sorted(BAKERY)
    assert (out / "manifest.json").exists()
    custom = build_services(Settings(db_path=str(tmp_path / "f.db"), intent_model_dir=str(out))).intent
    assert custom.labels() == sorted(BAKERY)
    assert custom.classify("could you bake a lemon cake for my party on sunday").label == "cake_order"
    assert custom.classify("do the muffins have any tree nuts in them").label == "allergens"


def test_train_intents_refuses_to_overwrite_a_folder_that_is_not_a_model(tmp_path, capsys):
    keep = tmp_path / "notes" / "keep.txt"
    keep.parent.mkdir()
    keep.write_text("mine")
    code, _, err = run_cli(capsys, "train-intents", "--csv", str(bakery_csv(tmp_path)), "--text-col", "message",
                           "--label-col", "topic", "--out", str(keep.parent))
    assert code == 2
    assert "not an intent model folder" in err
    assert keep.read_text() == "mine"


def test_a_missing_model_folder_is_a_config_error(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db"), intent_model_dir=str(tmp_path / "nope")))
    with pytest.raises(ConfigError, match="train-intents"):
        services.intent.labels()


def test_an_empty_training_csv_is_invalid_input(tmp_path):
    path = write_csv(tmp_path / "empty.csv", [])
    with pytest.raises(InvalidInput, match="no rows"):
        intents.train_from_csv(build_services(Settings(db_path=str(tmp_path / "f.db"))), path, "message", "topic",
                               tmp_path / "out")


def test_a_missing_column_is_named_in_the_error(tmp_path, capsys):
    code, _, err = run_cli(capsys, "train-intents", "--csv", str(bakery_csv(tmp_path)), "--text-col", "body",
                           "--label-col", "topic", "--out", str(tmp_path / "out"))
    assert code == 2
    assert "no column 'body'" in err and "message, topic" in err


def test_one_label_only_cannot_be_trained(tmp_path):
    data = intents.read_labelled_csv(write_csv(tmp_path / "one.csv", [("hello", "greeting"), ("hi", "greeting")]),
                                     "message", "topic")
    with pytest.raises(InvalidInput, match="two different labels"):
        intents.train_model(build_services(Settings(db_path=str(tmp_path / "f.db"))), data)


def test_eval_intents_trains_and_reports_the_documented_keys(tmp_path, capsys):
    test = write_csv(tmp_path / "test.csv", [("do you do a gluten free birthday cake order", "cake_order"),
                                             ("are you open on monday morning", "opening_hours"),
                                             ("what's the capital of peru", "none")])
    code, stdout, _ = run_cli(capsys, "eval-intents", "--train", str(bakery_csv(tmp_path)), "--test", str(test),
                              "--text-col", "message", "--label-col", "topic", "--oos-label", "none")
    result = json.loads(stdout)
    assert code == 0
    assert {"accuracy", "macro_f1", "oos_recall", "in_scope_accuracy", "n", "train_seconds",
            "predict_seconds"} <= set(result)
    assert result["n"] == 3


def test_eval_intents_maps_labels_for_the_default_model(tmp_path, capsys):
    test = write_csv(tmp_path / "mapped.csv", [("where the heck is my parcel", "track"),
                                               ("need to reset my password", "login"),
                                               ("what is your favourite film", "chitchat")])
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"track": "Order Status", "login": "Account Management"}))
    code, stdout, _ = run_cli(capsys, "eval-intents", "--test", str(test), "--text-col", "message",
                              "--label-col", "topic", "--label-map", str(mapping))
    result = json.loads(stdout)
    assert code == 0
    assert (result["n"], result["skipped"], result["accuracy"]) == (2, 1, 1.0)


def test_a_small_banking77_slice_trains_to_a_useful_accuracy(tmp_path):
    train = intents.read_labelled_csv(shared_data("banking77/banking_data/train.csv"), "text", "category")
    test = intents.read_labelled_csv(shared_data("banking77/banking_data/test.csv"), "text", "category")
    services = build_services(Settings(db_path=str(tmp_path / "f.db")))
    result = intents.train_and_evaluate(services, first_per_label(train, 12), (test[0][::10], test[1][::10]))
    assert result["n"] == 308
    assert result["accuracy"] >= 0.75


def first_per_label(data, k):
    kept: dict[str, list[str]] = {}
    for text, label in zip(*data, strict=True):
        if len(kept.setdefault(label, [])) < k:
            kept[label].append(text)
    return [t for texts in kept.values() for t in texts], [lab for lab, texts in kept.items() for _ in texts]


class FakeWideEmbedder:
    def embed(self, texts):
        return np.ones((len(texts), 1024), dtype=np.float32) / 32


def test_an_embedder_of_another_size_is_refused_clearly(classifier):
    with pytest.raises(ProviderUnavailable, match="640-dim"):
        LocalIntentClassifier(classifier.model, FakeWideEmbedder()).classify("where is my order")


BAKERY_OUT_OF_SCOPE = ["who won the football last night", "what's the weather like in paris tomorrow",
                       "tell me a joke about cats", "how do I fix a flat bicycle tyre",
                       "recommend a good sci-fi novel", "what is the capital of peru"]
BAKERY_IN_SCOPE = [("do you do a gluten free birthday cake order", "cake_order"),
                   ("are you open on monday morning", "opening_hours"),
                   ("is there any soy in the bagels", "allergens"),
                   ("could I order a carrot cake for tuesday", "cake_order")]


def test_eval_intents_runs_when_the_oos_label_never_occurs_in_training(tmp_path, capsys):
    """Defect: `eval-intents --oos-label X` refused to run when X was absent from the training labels."""
    train = write_csv(tmp_path / "train.csv", [(t, label) for label, texts in BAKERY.items() if label != "none"
                                               for t in texts])
    test = write_csv(tmp_path / "test.csv", BAKERY_IN_SCOPE + [(t, "NO_NODES_DETECTED") for t in BAKERY_OUT_OF_SCOPE])
    code, stdout, err = run_cli(capsys, "eval-intents", "--train", str(train), "--test", str(test), "--text-col",
                                "message", "--label-col", "topic", "--oos-label", "NO_NODES_DETECTED")
    assert code == 0, err
    result = json.loads(stdout)
    assert result["n"] == 10
    assert result["oos_recall"] >= 0.5  # rejection fitted without a single out-of-scope example
    assert result["in_scope_accuracy"] >= 0.75


def test_a_model_without_oos_examples_rejects_unrelated_messages(tmp_path):
    texts = [t for label, items in BAKERY.items() if label != "none" for t in items]
    labels = [label for label, items in BAKERY.items() if label != "none" for _ in items]
    services = build_services(Settings(db_path=str(tmp_path / "f.db")))
    model = intents.train_model(services, (texts, labels), oos_label="none")
    assert model.labels == ("allergens", "cake_order", "none", "opening_hours")
    assert model.manifest["heldout_metrics"]["oos_from_unseen_labels"] is True
    assert "held out as stand-ins" in model.manifest["oos_rule"]
    classifier = intents.classifier_for(services, model)
    rejected = [classifier.classify(t).label == "none" for t in BAKERY_OUT_OF_SCOPE]
    kept = [classifier.classify(t).label == label for t, label in BAKERY_IN_SCOPE]
    assert sum(rejected) >= 3 and sum(kept) >= 3


def test_eval_intents_reports_the_calibration_error(tmp_path, capsys):
    code, stdout, _ = run_cli(capsys, "eval-intents", "--test", str(write_csv(tmp_path / "t.csv", [
        (text, label) for label, text in FRESH])), "--text-col", "message", "--label-col", "topic")
    result = json.loads(stdout)
    assert code == 0
    assert 0.0 <= result["ece"] <= 1.0


def test_expected_calibration_error_of_known_cases():
    from services.adapters.local.intent_features import expected_calibration_error

    assert expected_calibration_error(np.array([0.9] * 10), np.array([True] * 9 + [False])) == pytest.approx(0.0)
    assert expected_calibration_error(np.array([1.0] * 4), np.array([True, False, True, False])) == pytest.approx(0.5)


def test_two_requests_in_one_message_give_a_secondary_intent(classifier):
    intent = classifier.classify("I need to change the email on my account and is my kettle still under warranty?")
    assert intent.label in {"Account Management", "Product Information"}
    assert intent.secondary in {"Account Management", "Product Information"} - {intent.label}
    assert 0.5 <= intent.secondary_confidence <= 1.0


def test_a_tweet_with_two_requests_and_a_handle_still_shows_its_second_intent(classifier):
    intent = classifier.classify("@ShopLane where is my order? also how do I change my password on my account")
    assert {intent.label, intent.secondary} == {"Order Status", "Account Management"}


@pytest.mark.parametrize("text", ["@TelcoOne fuck yo shit", "bluetooth sucks on the new update @NovaPhone"])
def test_a_slangy_english_tweet_is_analysed_as_english(classifier, text):
    # the same answer as the English path's (before session 11 these went to the other-language mix)
    assert classifier.classify(text).label == classifier.classify_many_english([text])[0].label
    assert not classifier._is_foreign(text)
    assert classifier._is_foreign("mi cuenta no funciona desde ayer")


@pytest.mark.parametrize(("expected", "text"), [
    ("Complaint", "worst phone company in the country, cancelling tomorrow @TelcoOne"),
    ("Technical Support", "my internet keeps dropping every hour @HomeNet"),
    ("Product Information", "is the premium plan available in portugal @StreamSpot"),
])
def test_tweets_with_the_handle_at_the_end_get_their_intent(classifier, expected, text):
    assert classifier.classify(text).label == expected


def test_one_request_has_no_secondary_intent(classifier):
    for _, text in FRESH[:8]:
        intent = classifier.classify(text)
        assert intent.secondary is None and intent.secondary_confidence is None


def test_the_analysis_json_shows_the_secondary_intent(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("FRONTLINE_DB_PATH", str(tmp_path / "f.db"))
    code, stdout, _ = run_cli(capsys, "analyze",
                              "my refund for the blender never arrived. also how do I reset my password?")
    intent = json.loads(stdout)["intent"]
    assert code == 0
    assert {"label", "confidence", "secondary", "secondary_confidence"} <= set(intent)
    assert {intent["label"], intent["secondary"]} == {"Refund/Return", "Account Management"}


@pytest.mark.parametrize("with_vote", [True, False])
def test_the_out_of_scope_rule_decides_exactly_like_the_full_nearest_pass(classifier, with_vote):
    # Without the nearest examples' vote, decide() skips the pass over every training embedding when a bound shows the
    # rule cannot flip the message; with it (the default model), that pass is made anyway and gives the exact cosine.
    # Either way the rule reads the linear model's probabilities, and the vote only picks among in-scope answers.
    from dataclasses import replace

    from services.adapters.local import intent_features as fx

    model = classifier.model if with_vote else replace(classifier.model, knn=None)
    assert (model.knn is not None) == with_vote
    texts = [t for _, t in FRESH] + OUT_OF_SCOPE + ["ok", "hm", "refund??", "lol my app", "hi can u help",
                                                    "xkcd lorem ipsum dolor", "zzz qqq", "mmm pie"]
    embeddings = classifier._embed(texts)
    scores = model.scores([normalize(t) for t in texts], embeddings)
    probs, choice, confidence = model.decide(scores, embeddings)
    linear = fx.softmax(scores, model.temperature)
    oos = model.labels.index(model.oos_label)
    reject = fx.reject_probability(model.rejector, linear, fx.nearest(embeddings, model.train_embeddings), oos)
    flip = (reject > model.threshold) & (linear.argmax(axis=1) != oos)
    assert choice.tolist() == np.where(flip, oos, probs.argmax(axis=1)).tolist()
    assert (choice == oos).any() and (choice != oos).any()
    np.testing.assert_allclose(confidence[flip], reject[flip])
    if not with_vote:
        np.testing.assert_allclose(probs, linear)


def test_the_nearest_examples_vote_follows_the_closest_examples():
    from services.adapters.local import intent_features as fx

    labels = np.array([0, 0, 1, 1, 2])
    sims = np.array([[0.90, 0.89, 0.50, 0.40, 0.10],   # two close examples of label 0
                     [0.60, 0.10, 0.95, 0.20, 0.94]])  # a near tie between labels 1 and 2, far from 0
    vote = fx.knn_vote(sims, labels, 3, k=3, tau=0.02)
    np.testing.assert_allclose(vote.sum(axis=1), 1.0)
    assert vote[0].argmax() == 0 and vote[0, 0] > 0.99
    assert vote[1, 0] < 1e-6 and abs(vote[1, 1] - vote[1, 2]) < 0.3
    assert fx.knn_vote(sims, labels, 3, k=1, tau=0.02)[1].tolist() == [0.0, 1.0, 0.0]
    assert fx.knn_vote(sims, labels, 3, k=99, tau=0.02).shape == (2, 3)  # k larger than the pool: all of it


def test_the_default_model_blends_the_vote_of_its_nearest_examples(classifier):
    # a message that is one of our examples word for word gets that example's label from the vote
    from dataclasses import replace

    from services.adapters.local import intent_features as fx

    model = classifier.model
    assert model.knn is not None and model.train_labels is not None
    assert model.knn == type(model.knn)(**model.manifest["knn"])
    assert len(model.train_labels) == len(model.train_embeddings)
    texts, labels = read_examples()
    sample = list(range(0, len(texts), 97))
    embeddings = np.vstack([classifier._embed([texts[i]]) for i in sample])
    scores = model.scores([normalize(texts[i]) for i in sample], embeddings)
    probs, choice, _ = model.decide(scores, embeddings)
    linear, _, _ = replace(model, knn=None).decide(scores, embeddings)
    vote = (probs - (1 - model.knn.weight) * linear) / model.knn.weight
    assert [model.labels[i] for i in vote.argmax(axis=1)] == [labels[i] for i in sample]
    np.testing.assert_allclose(vote.sum(axis=1), 1.0, atol=1e-5)
    assert fx.DEFAULT_MODEL_CONFIG.knn_weight == model.knn.weight and fx.CUSTOMER_CONFIG.knn_weight == 0


def test_retraining_reuses_cached_example_embeddings(tmp_path):
    from services.adapters.local.intent import CachedEmbedder

    class Counting:
        name, dim, calls = "counting", 2, []

        def embed(self, texts):
            self.calls.append(list(texts))
            return np.array([[len(t), 1.0] for t in texts], np.float32)

    inner = Counting()
    first = CachedEmbedder(inner, tmp_path).embed(["a", "bb", "ccc"])
    again = CachedEmbedder(inner, tmp_path).embed(["bb", "dddd", "a"])
    assert inner.calls == [["a", "bb", "ccc"], ["dddd"]]  # only the new text is embedded the second time
    np.testing.assert_array_equal(again, [[2, 1], [4, 1], [1, 1]])
    np.testing.assert_array_equal(first[:2], again[[2, 0]])
    CachedEmbedder(inner, tmp_path).path.write_bytes(b"damaged")
    assert CachedEmbedder(inner, tmp_path).embed(["a"]).tolist() == [[1.0, 1.0]]  # a damaged file is re-made


def test_an_encoder_that_changed_under_the_same_name_never_gets_the_old_vectors_back(tmp_path):
    from services.adapters.local.intent import CachedEmbedder, embedder_identity

    class Encoder:
        name, dim = "minilm", 2

        def __init__(self, key, scale):
            self.key, self.scale = key, scale

        def embed(self, texts):
            return np.array([[len(t) * self.scale, 1.0] for t in texts], np.float32)

    old, new = Encoder("format-1", 1.0), Encoder("format-2", 10.0)  # e.g. a new graph format, same model name
    assert CachedEmbedder(old, tmp_path).embed(["abc"]).tolist() == [[3.0, 1.0]]
    assert CachedEmbedder(new, tmp_path).embed(["abc"]).tolist() == [[30.0, 1.0]]  # not the cached 3.0
    assert embedder_identity(old) != embedder_identity(new)  # so the default model's cache key changes too


def test_the_default_model_embeds_examples_one_by_one_like_serving(tmp_path):
    # int8 MiniLM scales activations per batch: alone, a text gets exactly the vector classify() computes for it
    from services.adapters.local.intent import CachedEmbedder

    class Recording:
        name, dim, calls = "recording", 1, []

        def embed(self, texts):
            self.calls.append(list(texts))
            return np.ones((len(texts), 1), np.float32)

    inner = Recording()
    CachedEmbedder(inner, tmp_path, one_by_one=True).embed(["a", "b", "c"])
    assert inner.calls == [["a"], ["b"], ["c"]]


def test_character_ngram_ids_remembered_per_word_are_the_analysers_own():
    """The per-word cache of character n-gram ids (most words of a message were seen before) must give exactly the
    ids of the analyser over the whole text, repeats and order included, for serving and for training matrices."""
    from services.adapters.local.intent_features import ANALYSERS, NgramBlock

    corpus = ["where is my order 0", "wheeere is my ordr", "refund refund refund pls", "a b", "héllo wörld ✨ ok"]
    block = NgramBlock.fit("char", corpus)
    for text in [*corpus, "order order where", "never seen words here", ""]:
        expected = [i for i in map(block.vocab.get, ANALYSERS["char"](text)) if i is not None]
        assert block.ids(text) == expected
        assert block.ids(text) == expected  # the second time from the cache
    assert "order" in block._word_ids
    fitted = NgramBlock.fit("char", corpus)  # a fresh block: nothing cached yet
    index, values = block.row("where is my order 0 order")
    fresh_index, fresh_values = fitted.row("where is my order 0 order")
    assert np.array_equal(index, fresh_index) and np.array_equal(values, fresh_values)


def test_the_default_models_out_of_scope_threshold_barely_moves_when_a_few_tail_rows_go():
    # session 9: the tolerance rule sat on the last 1 % of right in-scope rows, so losing three of them moved it a lot
    from services.adapters.local import intent_features as fx

    # right in-scope rows: a bulk plus a sparse tail of 8 that look out of scope (as our held-out rows do); 40 Other
    rng = np.random.default_rng(9)
    logits = np.concatenate([rng.normal(-2.5, 0.8, 400), np.linspace(-0.5, 1.5, 8), rng.normal(2.0, 1.0, 40)])
    reject = 1 / (1 + np.exp(-logits))
    is_oos = np.arange(448) >= 408
    correct = ~is_oos
    top3 = np.argsort(np.where(is_oos, -np.inf, reject))[-3:]
    kept = np.setdiff1d(np.arange(448), top3)
    tolerance = [fx.choose_threshold(reject[r], correct[r], is_oos[r], 0.01) for r in (np.arange(448), kept)]
    sigma = [fx.sigma_threshold(reject[r], correct[r], is_oos[r], 3.5) for r in (np.arange(448), kept)]
    assert abs(tolerance[1] - tolerance[0]) > 0.15  # the old rule jumps (0.59 -> 0.39)
    assert abs(sigma[1] - sigma[0]) < abs(tolerance[1] - tolerance[0]) / 3
    z = logits[:408]
    assert sigma[0] == pytest.approx(1 / (1 + np.exp(-(z.mean() + 3.5 * z.std()))), abs=1e-4)


def test_the_sigma_threshold_reads_only_right_in_scope_rows():
    from services.adapters.local import intent_features as fx

    reject = np.array([0.1, 0.2, 0.3, 0.99, 0.98, 0.97])
    correct = np.array([True, True, True, False, True, True])
    is_oos = np.array([False, False, False, False, True, True])
    base = fx.sigma_threshold(reject[:3], correct[:3], is_oos[:3], 2.0)
    assert fx.sigma_threshold(reject, correct, is_oos, 2.0) == base  # a wrong answer and out-of-scope rows: ignored
    assert fx.sigma_threshold(reject[:3], correct[:3], is_oos[:3], 3.0) > base
    assert fx.sigma_threshold(reject[:1], correct[:1], is_oos[:1], 2.0) == 1.0  # too few rows: reject nothing


def test_repeated_folds_hold_every_row_out_once_per_repeat():
    from dataclasses import replace

    from services.adapters.local import intent_features as fx

    y = np.repeat(np.arange(3), 10)
    one = fx._splits(y, fx.TrainConfig())
    three = fx._splits(y, replace(fx.TrainConfig(), oos_repeats=3))
    assert len(three) == 3 * len(one) == 15
    assert np.bincount(np.concatenate([test for _, test in three]), minlength=30).tolist() == [3] * 30
    assert all((a[1] == b[1]).all() for a, b in zip(one, three[:5], strict=True))  # the first repeat is the old split
    assert fx.DEFAULT_MODEL_CONFIG.oos_repeats == 3 and fx.CUSTOMER_CONFIG.oos_sigmas is None


def test_the_served_confidence_skips_only_signals_the_calibrator_gives_no_weight(classifier, monkeypatch):
    """decide() leaves the probe cosine and the unknown-word / @handle signals at 0 when the calibrator weighs them 0
    (session 12's does), without the passes they cost, and the confidence is the one all nine signals give."""
    from services.adapters.local import intent as intent_module
    from services.adapters.local import intent_features as fx

    model, weights = classifier.model, classifier.calibration.english
    assert weights[1] == 0 and not np.any(weights[7:9])  # the shipped calibrator: no probe cosine, words or marks
    texts = [t for _, t in FRESH] + SLANG_TWEETS
    normalized = [normalize(t) for t in texts]
    embeddings = classifier._embed(texts)
    scores = model.scores(normalized, embeddings)
    words = np.array([len(t.split()) for t in texts])
    probs, choice, _, flip, probe, vote = model._decide(scores, embeddings)
    every = model.calibration_features(probs, choice, flip, probe, embeddings, words, scores, normalized, vote)
    assert np.any(every[:, 7:9])  # computed when nothing says they are not needed
    passes: list[int] = []
    monkeypatch.setattr(intent_module, "nearest_example", lambda *a: passes.append(1) or np.ones(len(texts)))
    monkeypatch.setattr(fx, "unknown_and_marks", lambda *a: passes.append(2) or (np.ones(len(texts)),) * 2)
    weighed = model.calibration_features(probs, choice, flip, None, embeddings, words, scores, normalized, vote,
                                         weights)
    assert passes == [] and not np.any(weighed[:, [1, 7, 8]])
    assert fx.calibrated_confidence(weights, weighed) == pytest.approx(fx.calibrated_confidence(weights, every),
                                                                       abs=1e-12)
    monkeypatch.undo()
    _, _, served = model.decide(scores, embeddings, 1.0, weights, words, normalized)
    assert served == pytest.approx(fx.calibrated_confidence(weights, every), abs=1e-12)
