"""Names in Korean, Chinese, Japanese and Thai script after a cue of the message's own words (session 44, candidate
44-5)."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


_FOUND = [
    # Korean: a sign-off, a self-introduction, a role word, the agent's speaker label, a booking, an answer in "이요"
    ("배송지 변경 부탁드립니다. 부산시 해운대구 우동 12, 803호\n연락처 010-5521-3380\n한서윤 드림", "한서윤"),
    ("안녕하세요 조민혁입니다. 지난주 주문한 노트북 환불 문의드려요.", "조민혁"),
    ("실손보험 청구합니다. 피보험자 서지훈, 진료일 5월 3일, 영수증 첨부합니다.", "서지훈"),
    ("현관 비밀번호는 1234입니다. 받는 사람은 윤하린이에요. 부재 시 경비실에 맡겨 주세요.", "윤하린"),
    ("상담사 임도윤: 안녕하세요 고객님, 무엇을 도와드릴까요?\n고객: 요금 문의요", "임도윤"),
    ("안녕하세요 내일 오후 2시 예약한 강예린인데요, 시간 변경 가능할까요?", "강예린"),
    ("상담원: 명의자분 성함이요?\n고객: 한지민이요\n상담원: 확인되었습니다", "한지민"),
    ("고객: 네, 저 오세훈인데요, 카드 분실 신고하려고요", "오세훈"),
    ("상담원: 성함이 어떻게 되세요?\n고객: 네 남궁민요. 카드 분실했어요", "남궁민"),
    ("예금주 문재원으로 입금했어요. 확인 부탁드립니다.", "문재원"),
    # Chinese: a holder's word, a Cantonese self-introduction, a nickname after a role, an answer going on
    ("客服：请提供户号。\n用户：5520 1184。\n客服：户名是郭海涛吗？\n用户：对。", "郭海涛"),
    ("这个月水费¥420，明显不对。户主孙明辉，请尽快核查。", "孙明辉"),
    ("筆數轉錯咗，交易編號FT20250412。我個名係梁詠詩，唔該幫手查下。", "梁詠詩"),
    ("外卖一直没到，骑手是小王，他的电话打不通。", "小王"),
    ("快递三天没动了，麻烦尽快处理。\n此致\n敬礼\n郑晓峰 拜上", "郑晓峰"),
    ("订单一直没发货，请查一下，谢谢。\n孙丽华敬上", "孙丽华"),
    ("我係李家豪，想問下張單點解未退款。", "李家豪"),
    ("客服：请问您贵姓？\n客户：免贵姓何，何志明", "何志明"),
    ("客服小林：您好，请问有什么可以帮您？\n客户：我要退货", "小林"),
    ("客服：持卡人姓名是吴小燕吗？\n客户：是的", "吴小燕"),
    ("客服：请问机主姓名？\n用户：许文博，你叫我小许就行\n客服：好的", "许文博"),
    # Japanese: an answer going on after "です。", a katakana read-back, a katakana name changed
    ("オペレーター: 乗車日とお名前とご連絡先をお願いします。\nお客様: 松本です。ゼロキュウゼロ、ヨンヨンニーイチ、ハチサンゴーナナ\n"
     "オペレーター: ありがとうございます。", "松本"),
    ("荷物がまだ届きません。確認をお願いします。\n岡田より", "岡田"),
    ("担当 中村：お電話ありがとうございます。\nお客様：解約したいです", "中村"),
    ("受取人：木村 沙織（キムラ サオリ）\n住所：大阪府大阪市北区梅田1-2-3", "キムラ サオリ"),
    ("お名前（フリガナ）：ハヤシ ケンタ\n電話番号：080-1234-5678", "ハヤシ ケンタ"),
    ("オペレーター：ご予約のお名前を頂戴できますか。\nお客様：ヤマダ ハナコです。予約を確認したいのですが。", "ヤマダ ハナコ"),
    ("オペレーター：カタカナで確認いたします、コバヤシ ミホ様でよろしいでしょうか。\nお客様：はい。", "コバヤシ ミホ"),
    ("予約番号 RT-220914 の件です。宿泊者名をイノウエ ケンタからイノウエ サキに変更したいです。", "イノウエ サキ"),
    # Thai: a role word, an honorific after a space, a transfer's payee before a phone's word
    ("ส่งพัสดุไปที่ 55/2 ถ.สุขุมวิท กรุงเทพฯ 10110 ผู้รับ ณัฐพล บุญมา เบอร์ 086-221-4470 ค่ะ", "ณัฐพล บุญมา"),
    ("โอนเงินเข้าพร้อมเพย์ 081 220 4471 ชื่อบัญชี นางสาว จิราพร มั่นคง ค่ะ", "จิราพร มั่นคง"),
    ("รบกวนส่งเอกสารให้ น.ส. กาญจนา สุขใจ เบอร์ 081 222 3344 ค่ะ", "กาญจนา สุขใจ"),
    ("ผมชื่อ นาย ประเสริฐ บุญมี ครับ ต้องการแจ้งบัตรหาย", "ประเสริฐ บุญมี"),
    ("ผู้รับคือคุณมาลัย ทองแท้ เบอร์ 089 111 2222", "มาลัย ทองแท้"),
    ("พนักงาน: ขอชื่อผู้ติดต่อด้วยค่ะ\nลูกค้า: อรวรรณ สายทอง ค่ะ เบอร์ 081 222 3333", "อรวรรณ สายทอง"),
    ("โอนผิดเบอร์ค่ะ ต้องโอนให้อารีรัตน์เบอร์ 089 330 4412 ยอด 1,500 บาท", "อารีรัตน์"),
]


@pytest.mark.parametrize(("text", "name"), _FOUND)
def test_name_after_cue(detector: PresidioPiiDetector, text: str, name: str) -> None:
    assert name in _persons(detector, text)


@pytest.mark.parametrize(("text", "name"), _FOUND)
def test_name_after_cue_rules_only(text: str, name: str) -> None:
    assert name in _persons(RulesPiiDetector(), text)


_NOT_NAMES = [
    ("안녕하세요 고객센터입니다. 무엇을 도와드릴까요?", ["고객센"]),
    ("받는 사람은 경비실이에요. 부재 시 맡겨 주세요.", ["경비실"]),
    ("客服：户名是什么？\n用户：不记得了", ["什么"]),
    ("这个月电费太高了，户主姓名和电话都没变。", ["姓名和"]),
    ("ソフトバンク様からのお知らせです。", ["ソフトバンク"]),
    ("オペレーター：ご用件をお伺いします。\nお客様：カード ローンです。返済日を変えたいです。", ["カード", "ローン"]),
    ("荷物の件、確認しました。\n中村屋より", ["中村"]),
    ("ผู้รับ ด่วนมาก ค่ะ", ["ด่วนมาก"]),
    ("ผมชื่อ นาย ประเสริฐ บุญมี ครับ", ["นาย"]),  # the honorific stays outside
    ("บริษัทนายหน้า ประกันภัย จำกัด", ["หน้า", "ประกันภัย"]),
    ("持卡人本人到柜台办理即可。", ["本人"]),
    ("พนักงาน: ขอชื่อธนาคารปลายทางค่ะ\nลูกค้า: กรุงศรี ค่ะ เลขบัญชี 123-4-56789-0", ["กรุงศรี"]),
    ("ส่งให้ร้านเบอร์ 089 222 1111 ค่ะ", ["ร้าน"]),
]


@pytest.mark.parametrize(("text", "words"), _NOT_NAMES)
def test_look_alikes_stay(detector: PresidioPiiDetector, text: str, words: list[str]) -> None:
    found = " ".join(_persons(detector, text))
    assert not any(word in found for word in words)
