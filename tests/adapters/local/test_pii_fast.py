"""The rules-only PII provider ("rules"): our recognisers without Presidio or the NER model."""

from __future__ import annotations

from services.bootstrap import build_services
from services.config import Settings
from services.privacy import mask


def test_chosen_by_configuration_it_masks_what_the_rules_find_and_keeps_order_numbers(tmp_path):
    services = build_services(Settings(db_path=str(tmp_path / "f.db"), providers={"pii": "rules"}))
    text = "Order BW-123456 placed 10 days ago. Mail me at josé.garcía@correo.es or +44 20 7946 0958.\nRegards,\nana"
    masked = mask(text, services.pii.find(text))
    assert "BW-123456" in masked and "10 days ago" in masked
    assert "josé" not in masked and "7946" not in masked and "ana" not in masked.split("Regards,")[1]


def test_a_number_after_its_reference_label_stays_and_a_phone_beside_it_is_masked():
    # session 42: the rules-only provider drops numbers that follow a reference's name (pii_refs), as the default does
    from services.adapters.local.pii_fast import RulesPiiDetector

    detector = RulesPiiDetector()
    texts = [
        "Viitenumero: 5029417736\nEräpäivä 15.5.2025. Soita tarvittaessa 040 718 2290",
        "Высылаем счёт, обращение № 31-0522-7718, перезвоните мне: +7 916 204 55 18",
        "agent: account number bata dein\ncaller: 0500 2871 4409\nagent: aur aapka mobile?\ncaller: 98204 17736",
    ]
    for text, kept, phone in zip(texts, ["5029417736", "31-0522-7718", "0500 2871 4409"],
                                 ["040 718 2290", "+7 916 204 55 18", "98204 17736"], strict=True):
        masked = mask(text, detector.find(text))
        assert kept in masked, masked
        assert phone not in masked, masked
