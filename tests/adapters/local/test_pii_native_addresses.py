"""Session 42 (candidate 42-2): addresses in native scripts and national layouts are masked whole (Chinese, Japanese,
Korean, Greek, Cyrillic, Hebrew, Hindi, a Thai house number, the Saudi short address, Irish townland lines and
Eircodes, Singapore postal codes and units, also read aloud); a city or a street alone, a branch, a landmark, another
door's unit and a code without the short address's name stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


@pytest.fixture(scope="module")
def rules() -> RulesPiiDetector:
    return RulesPiiDetector()


def masked(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value masked (by one span or by several)?"""
    start = text.index(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)))


def touched(detector: PresidioPiiDetector | RulesPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


FOUND = [
    ("请寄到成都市武侯区人民南路四段27号商鼎国际2栋1单元1503室，谢谢", "成都市武侯区人民南路四段27号商鼎国际2栋1单元1503室"),
    ("客服：新地址是？\n客户：南京市鼓楼区中山北路88号金轮大厦12楼1206室", "南京市鼓楼区中山北路88号金轮大厦12楼1206室"),
    ("住所は神奈川県横浜市港北区日吉本町3丁目12-5 サンハイツ日吉201号室です", "神奈川県横浜市港北区日吉本町3丁目12-5 サンハイツ日吉201号室"),
    ("배송지를 부산광역시 해운대구 센텀중앙로 79, 1502호로 보내주세요", "부산광역시 해운대구 센텀중앙로 79, 1502호"),
    ("기사님, 주소가 신림동 1432-7 203호 맞아요", "신림동 1432-7 203호"),
    ("Παρακαλώ στείλτε το στην Ερμού 45, Θεσσαλονίκη 546 24 μέχρι την Παρασκευή", "Ερμού 45, Θεσσαλονίκη 546 24"),
    ("Адреса: Цара Душана 17, стан 6, 21000 Нови Сад. Хвала", "Цара Душана 17, стан 6, 21000 Нови Сад"),
    ("Доставката е за гр. Бургас, ж.к. Славейков, бл. 42, вх. А, ет. 6, ап. 17 утре сутринта.",
     "гр. Бургас, ж.к. Славейков, бл. 42, вх. А, ет. 6, ап. 17"),
    ("پتہ: مکان نمبر 14، گلی 9، بلاک سی، لاہور۔ شکریہ", "مکان نمبر 14، گلی 9، بلاک سی، لاہور"),
    ("נא לשלוח לרחוב ביאליק 22 דירה 4, רמת גן.", "רחוב ביאליק 22 דירה 4, רמת גן"),
    ("पता: ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033। धन्यवाद", "ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033"),
    ("ส่งผิดบ้านค่ะ บ้านเลขที่ 123/45 นะคะ", "123/45"),
    ("my parcel never came, short address JEDA 7421, mobile 0551 234 987", "JEDA 7421"),
    ("السلام عليكم، العنوان الوطني المختصر: RJHA4418 والطلب ما وصل", "RJHA4418"),
    ("موظف: العنوان الوطني المختصر؟\nعميل: DMKA 3317\nموظف: تمام", "DMKA 3317"),
    ("please post the new card to Derrylahan, Kilcar, Co. Donegal, thanks", "Derrylahan, Kilcar, Co. Donegal"),
    ("hi can ye send it to ballyroe, tralee, co kerry pls", "ballyroe, tralee, co kerry"),
    ("Ainm: Máire Ní Bhriain\nSeoladh: Baile an Chaisleáin, Co. na Gaillimhe\nÉirchód: H91 K2T7",
     "Baile an Chaisleáin, Co. na Gaillimhe"),
    ("Ainm: Máire Ní Bhriain\nSeoladh: Baile an Chaisleáin, Co. na Gaillimhe\nÉirchód: H91 K2T7", "H91 K2T7"),
    ("agent: and the eircode for the line?\ncaller: F92 X2K7\nagent: thanks", "F92 X2K7"),
    # 42-7: a village line with its post office and no PIN, a PIN in Devanagari digits, an Irish home "in" a townland
    ("नया पता: ग्राम रामपुर, पोस्ट बिलारी, तहसील बिलारी, जिला मुरादाबाद। धन्यवाद",
     "ग्राम रामपुर, पोस्ट बिलारी, तहसील बिलारी, जिला मुरादाबाद"),
    ("पता: ग्राम सिरसा, पोस्ट हांसी, जिला हिसार १२५०३३। धन्यवाद", "ग्राम सिरसा, पोस्ट हांसी, जिला हिसार १२५०३३"),
    ("I live in Knockaun, Clonmel, Co. Tipperary since May, please update the bill", "Knockaun, Clonmel, Co. Tipperary"),
    ("Hi, NRIC S8812345D, my new postal code is 310145, unit #05-112. Thanks", "310145"),
    ("Hi, NRIC S8812345D, my new postal code is 310145, unit #05-112. Thanks", "#05-112"),
    ("agent: block and street?\ncaller: block one four five, lorong two toa payoh\nagent: postal code?\n"
     "caller: three one oh one four five\nagent: unit number?\ncaller: hash oh five dash one one two",
     "three one oh one four five"),
    ("agent: block and street?\ncaller: block one four five, lorong two toa payoh\nagent: postal code?\n"
     "caller: three one oh one four five\nagent: unit number?\ncaller: hash oh five dash one one two",
     "hash oh five dash one one two"),
]


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_native_address_is_masked_whole(detector: PresidioPiiDetector, text: str, address: str) -> None:
    assert masked(detector, text, address)


@pytest.mark.parametrize(("text", "address"), FOUND)
def test_rules_only_detector_masks_it_too(rules: RulesPiiDetector, text: str, address: str) -> None:
    assert masked(rules, text, address)


@pytest.mark.parametrize(("text", "address", "kept"), [
    # a city and district named alone
    ("我在上海市浦东新区工作，请寄到上海市徐汇区漕溪北路88弄3号1202室", "上海市徐汇区漕溪北路88弄3号1202室", "浦东新区工作"),
    # a branch's line is kept, the customer's home line masked
    ("please post it to Derrylahan, Kilcar, Co. Donegal as our branch at Main Street, Letterkenny, Co. Donegal is shut",
     "Derrylahan, Kilcar, Co. Donegal", "Letterkenny"),
    # a firm's name before its premises' lines
    ("Please return the faulty heater to Kelly Hardware Ltd, Drumcoora, Ballinamore, Co. Leitrim by Friday.",
     "Drumcoora, Ballinamore, Co. Leitrim", "Kelly Hardware Ltd"),
    # four letters and four digits without the short address's name
    ("my short address is RHMA4417 and the order is ORDR5521", "RHMA4417", "ORDR5521"),
    # another door's unit the driver's photo shows
    ("Hi, my postal code is 310145, unit #05-112. The photo shows #05-121 instead", "#05-112", "#05-121"),
    # a street named alone in an outage report, then a home address
    ("יש הפסקת חשמל ברחוב הרצל מאז 14:00. אני גר ברחוב ביאליק 22 דירה 4, רמת גן.", "רחוב ביאליק 22 דירה 4, רמת גן", "הרצל"),
])
def test_look_alikes_stay_readable(detector: PresidioPiiDetector, text: str, address: str, kept: str) -> None:
    assert masked(detector, text, address)
    assert not touched(detector, text, kept)


# 42-7: places named in passing (the conventions keep each a PLACE) beside the writer's home, and a village line's end
PASSING = [
    ("नाम रामप्रसाद यादव, गाँव बेलहरा, ज़िला बाराबंकी। किस्त का पता: ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033।",
     "ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033", "बाराबंकी"),
    ("नाम रामप्रसाद यादव, गाँव बेलहरा, ज़िला बाराबंकी। किस्त का पता: ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033।",
     "ग्राम सिरसा, पोस्ट हांसी, जिला हिसार 125033", "बेलहरा"),
    ("Офисът е в гр. София, ж.к. Младост, кв. Лозенец, а доставката е за гр. Бургас, ж.к. Славейков, бл. 42, вх. А, "
     "ет. 6, ап. 17.", "гр. Бургас, ж.к. Славейков, бл. 42, вх. А, ет. 6, ап. 17", "Младост"),
    ("서울 중구 을지로3가에서 만나고, 택배는 부산광역시 해운대구 센텀중앙로 79, 1502호로 보내주세요", "부산광역시 해운대구 센텀중앙로 79, 1502호",
     "을지로3가"),
    ("We spent a week near Ennis, Lahinch, Co. Clare; please post the bill to Derrylahan, Kilcar, Co. Donegal",
     "Derrylahan, Kilcar, Co. Donegal", "Lahinch"),
    ("नया पता: ग्राम रामपुर, पोस्ट बिलारी, जिला मुरादाबाद। धन्यवाद", "ग्राम रामपुर, पोस्ट बिलारी, जिला मुरादाबाद", "धन्यवाद"),
]


@pytest.mark.parametrize(("text", "address", "kept"), PASSING)
def test_places_named_in_passing_stay_readable(detector: PresidioPiiDetector, text: str, address: str, kept: str) -> None:
    assert masked(detector, text, address)
    assert not touched(detector, text, kept)


@pytest.mark.parametrize(("text", "address", "kept"), PASSING)
def test_rules_only_detector_leaves_them_too(rules: RulesPiiDetector, text: str, address: str, kept: str) -> None:
    assert masked(rules, text, address)
    assert not touched(rules, text, kept)


def test_long_input_is_fast(rules: RulesPiiDetector) -> None:
    text = ("my short address is JEDA 7421. " + "上海市" * 400 + "Co. Cork, " * 300 + "short address " * 200 + "hash one dash " * 200 + "서울시 " * 300
            + "רחוב " * 300)
    start = time.perf_counter()
    assert masked(rules, text, "JEDA 7421")
    assert time.perf_counter() - start < 5.0
