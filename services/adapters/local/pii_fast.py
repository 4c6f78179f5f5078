"""The rules-only PII detector (provider "rules" of the pii capability): our linear recognisers of
``pii_rules.find_all`` and the same never-masked spans (order and tracking numbers, dates, amounts) and, since
session 12, the same filters after detection (``pii_presidio.finish``) as the default, without Presidio or the NER
model — about 0.3 ms a message instead of ~9 ms. It finds e-mails (plain, accented,
obfuscated), phones, cards, IBANs, SSNs, bank accounts, national IDs, dates of birth, street addresses and the names our cues and sign-offs mark; names with no
cue (which the default's NER model finds) it misses: docs/security.md has both detectors' figures. Meant for bulk
generation (``seed_history`` at 100,000 conversations: bench/analytics.py) and for deployments that cannot afford
the model, never silently: it is chosen by configuration (``FRONTLINE_PROVIDER_PII=rules``)."""

from __future__ import annotations

from services.adapters.local import (
    pii_address_lookalikes,
    pii_affiliations,
    pii_agent_intros,
    pii_asked_ids,
    pii_bank_more,
    pii_block_letters,
    pii_brand_mentions,
    pii_chat_addresses,
    pii_chat_words,
    pii_cjk_names,
    pii_cjk_person_cues,
    pii_common_words,
    pii_company_names,
    pii_cued_single_names,
    pii_family_names,
    pii_firm_namesakes,
    pii_firm_refs,
    pii_firm_senders,
    pii_greeted_firms,
    pii_group_greetings,
    pii_institution_names,
    pii_kept_numbers,
    pii_kin_names,
    pii_landmark_addresses,
    pii_letter_openings,
    pii_lower_cued_names,
    pii_name_edges,
    pii_name_shapes,
    pii_named_places,
    pii_notice_places,
    pii_org_cues,
    pii_owner_associations,
    pii_pets,
    pii_phone_answers,
    pii_place_cues,
    pii_product_models,
    pii_public_bodies,
    pii_ref_answers,
    pii_refs,
    pii_role_names,
    pii_rules,
    pii_script_given_names,
    pii_script_person_cues,
    pii_script_refs,
    pii_short_names,
    pii_speaker_names,
    pii_spelled_names,
    pii_street_places,
    pii_table_cells,
    pii_transcript_words,
    pii_unit_tails,
)
from services.adapters.local.pii_presidio import KEPT_OVER, _keep_spans, _merged, _overlaps, finish
from services.models import PiiSpan


class RulesPiiDetector:
    def find(self, text: str) -> list[PiiSpan]:
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if not text.strip():
            return []
        keep = _keep_spans(text)
        # since session 12 the same filters as the default's after detection (business and product names, places
        # after a name, titles, other mentions of a name) and overlapping spans merged
        spans = finish(text, [PiiSpan(kind, start, end, score) for kind, start, end, score in pii_rules.find_all(text)
                              if not (kind in KEPT_OVER and _overlaps(keep, start, end))], keep)
        spans = pii_chat_addresses.drop_chat_addresses(text, spans, keep)  # session 43 (43-1): as the default
        spans = pii_refs.drop_references(text, spans)  # session 42: a number after a reference's name, as the default
        spans = pii_asked_ids.with_asked_ids(text, spans, keep)  # session 47 (47-4): as the default
        # session 47 (47-1): a phone answering a phone's question, after a callback word, glued to CJK, as the default
        answered = [PiiSpan(*f) for f in pii_phone_answers.find_phone_answers(text) if not _overlaps(keep, f[1], f[2])]
        spans = _merged(spans + answered) if answered else spans
        spans = pii_script_refs.drop_script_references(text, spans)  # session 43 (43-2): as the default
        spans = pii_ref_answers.drop_reference_answers(text, spans)  # session 38: a reference read back, as the default
        spans = pii_kept_numbers.drop_kept_numbers(text, spans)  # session 46 (46-4): as the default
        spans = pii_bank_more.with_bank_more(text, spans, keep)  # session 47 (47-2): as the default
        spans = pii_institution_names.without_institutions(text, spans)  # session 39: as the default (39-3)
        spans = pii_transcript_words.without_transcript_words(text, spans)  # session 38: as the default
        spans = pii_role_names.without_roles(text, spans)  # session 42 (42-4): as the default
        spans = pii_group_greetings.without_group_greetings(text, spans)  # session 44 (44-2): as the default
        spans = pii_street_places.drop_street_places(text, spans, wide=True)  # session 39 (48-4 wide): as the default
        spans = pii_notice_places.drop_notice_places(text, spans)  # session 45 (45-1): as the default
        spans = pii_place_cues.drop_place_persons(text, spans)  # session 43 (43-7): as the default
        spans = pii_product_models.drop_product_models(text, spans)  # session 44 (44-3): as the default
        spans = pii_owner_associations.keep_association_names(text, spans)  # session 40: as the default
        spans = pii_unit_tails.with_unit_tails(text, spans, keep)  # session 42: an address's units, as the default
        spans = pii_landmark_addresses.with_landmark_addresses(text, spans, keep)  # session 44: as the default
        spans = pii_kin_names.with_kin_names(text, spans, keep)  # session 37: as the default
        spans = pii_letter_openings.with_letter_openings(text, spans, keep)  # session 44 (44-7): as the default
        spans = pii_cued_single_names.with_cued_single_names(text, spans, keep)  # session 49 (49-2): as the default
        spans = pii_name_shapes.with_name_shapes(text, spans, keep)  # session 39: as the default
        spans = pii_short_names.with_short_names(text, spans, keep)  # session 39: as the default (39-9)
        spans = pii_spelled_names.with_spelled_names(text, spans, keep)  # session 43: as the default (43-9)
        spans = pii_cjk_names.with_cjk_names(text, spans, keep)  # session 42: as the default (42-3)
        spans = pii_cjk_person_cues.with_cjk_person_cues(text, spans, keep)  # session 44: as the default (44-5)
        spans = pii_script_person_cues.with_script_person_cues(text, spans, keep)  # session 43: as the default (43-4)
        spans = pii_script_given_names.with_script_given_names(text, spans, keep)  # s. 45: as the default (45-12)
        spans = pii_table_cells.with_table_cells(text, spans, keep)  # session 38: as the default
        spans = pii_family_names.with_family_names(text, spans, keep)  # session 44: as the default (44-8)
        spans = pii_agent_intros.with_agent_intros(text, spans, keep)  # session 36: the agent's own name, as the default
        spans = pii_speaker_names.with_speaker_names(text, spans, keep)  # session 45 (45-4): as the default
        spans = pii_public_bodies.without_public_bodies(text, spans)  # session 44 (44-1): as the default
        spans = pii_company_names.without_company_names(text, spans)  # session 45 (45-3): as the default
        spans = pii_org_cues.without_org_cues(text, spans)  # session 46 (46-3): as the default
        spans = pii_brand_mentions.without_brand_mentions(text, spans)  # session 48 (48-3): as the default
        spans = pii_affiliations.without_affiliations(text, spans)  # session 48 (48-6): as the default
        spans = pii_firm_senders.without_firm_senders(text, spans)  # session 50 (50-3): as the default
        spans = pii_greeted_firms.without_greeted_firms(text, spans)  # session 50 (50-7): as the default
        spans = pii_firm_namesakes.with_firm_namesakes(text, spans, keep)  # session 46 (46-5): as the default
        spans = pii_pets.without_pets(text, spans)  # session 45 (45-7): as the default
        spans = pii_block_letters.drop_block_letters(text, spans)  # session 46 (46-2): as the default
        spans = pii_common_words.without_common_words(text, spans)  # session 46 (46-1): as the default
        spans = pii_firm_refs.drop_firm_references(text, spans)  # session 49 (49-1): as the default
        spans = pii_address_lookalikes.drop_address_lookalikes(text, spans)  # session 50 (50-1/50-8): as the default
        spans = pii_named_places.drop_named_places(text, spans)  # session 50 (50-4): as the default
        spans = pii_lower_cued_names.with_lower_cued_names(text, spans, keep)  # session 50 (50-6): as the default
        spans = pii_chat_words.without_chat_words(text, spans)  # session 43 (43-6): as the default
        return pii_name_edges.trim_name_edges(text, spans)  # session 50 (50-5): as the default
