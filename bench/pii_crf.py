"""Does a CRF token tagger (python-crfsuite) for PERSON and ADDRESS, added to the local PII detector, find names and
addresses the rules miss on text it was not trained on? One JSON line.

    PYTHONPATH=. python bench/pii_crf.py [--thresholds 0.5,0.6,0.7,0.8,0.9] [--out FILE.json]

PRE-REGISTERED EVALUATION (written and committed before any figure of this bench was looked at):

- Sets: tests/data/pii/*.jsonl. Groups: the session groups of the blind sets, blind9* (blind9, blind9b, blind9c),
  blind10*, …, blind19* — 11 groups. dev.jsonl is always in training. test.jsonl is NEVER in training (no fold).
- Leave one group out: for each group, train the CRF on every other set (dev.jsonl + the other 10 groups; never
  test.jsonl) and score the held-out group with (a) the current detector alone (`PresidioPiiDetector().find`),
  (b) detector ∪ CRF: the CRF's PERSON/ADDRESS spans (those overlapping a span the detector keeps, `_keep_spans`,
  dropped) added to the detector's spans, overlapping spans merged (`pii_presidio._merged`).
- Scoring: `services.pii_eval.score`, the one `python -m services eval-pii` uses: recall = recall_full (share of
  labelled spans every character of which is masked), precision = share of detected spans overlapping a labelled one;
  pooled = computed over all held-out messages of the 11 groups together (not a mean of groups). Also printed:
  recall_partial, keep_violations, and the figures per group.
- test.jsonl: scored once with the model trained on every other set (dev + all 11 groups), (a) and (b).
- The CRF emits a span when the mean marginal probability of its tokens' tags is >= T. T is chosen on the
  leave-one-group-out figures only (never on real traffic nor test.jsonl): the lowest T of the grid
  {0.5, 0.6, 0.7, 0.8, 0.9} whose pooled precision drop (a) − (b) is ≤ 0.005; if none, the grid's highest.
- SHIP RULE, at the chosen T: pooled recall (b) − (a) ≥ +0.010 AND pooled precision (a) − (b) ≤ 0.010.
  Otherwise the CRF is not wired into the detector; the bench and its figures are committed all the same.
- Caveat: the hand rules were tuned on these very groups (each blind batch's misses were fixed after it was scored),
  so (a) is optimistic and the measured gain of (b) over (a) is a lower bound of the gain on text nobody tuned on.
  The decisive look is the lead's, on fresh blind batches written after this bench.
- Real traffic (precision only, never training): bench/pii_real_masks.py --diff against main's output; the newly
  masked spans are listed outside the repository for review.
"""
