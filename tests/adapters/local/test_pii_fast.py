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
