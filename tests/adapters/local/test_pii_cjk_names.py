"""Names in Chinese, Japanese, Korean and Thai script shown to be a person's by the message's own words (session 42,
candidate 42-3)."""

from __future__ import annotations

import pytest

from services.adapters.local.pii_fast import RulesPiiDetector
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector()


def _persons(detector: PresidioPiiDetector | RulesPiiDetector, text: str) -> list[str]:
    return [text[s.start:s.end] for s in detector.find(text) if s.kind == "PERSON"]


_FOUND = [
    # the answer to a question for a name, with more after it
    ("客服: 您好，请问收件人姓名和手机号？\n客户: 周美玲，138 2291 4470\n客服: 好的，已登记", ["周美玲"]),
    ("オペレーター：ご契約者様のお名前をお願いいたします。\nお客様：松本 優子です。\nオペレーター：ありがとうございます。",
     ["松本 優子"]),
    ("オペレーター：お名前をお願いします。\nお客様：キムラ タクヤです。\nオペレーター：承知しました。", ["キムラ タクヤ"]),
    ("オペレーター：ご契約者様のお名前と生年月日をお願いします\nお客様：藤田健一、平成3年5月2日です\nオペレーター：ありがとうございます",
     ["藤田健一"]),
    # Chinese: a name before a number, a sign-off, a nickname, 师傅, a confirmation, a correction, a relative
    ("您好，我要办理过户，新户主：郑家豪，身份证号 310104199204128836，谢谢", ["郑家豪"]),
    ("包裹一直没收到，快递单号 YT7781209344，电话 0755 8822 1034。唔該 梁嘉慧", ["梁嘉慧"]),
    ("客服：您好，这里是顺捷物流，我是客服小陈，请问有什么可以帮您？", ["小陈"]),
    ("我的空调坏了，维修的孙师傅说明天上午过来", ["孙"]),
    ("客服：请问是赵志刚先生吗？\n客户：是的", ["赵志刚"]),
    ("机票上的名字打错了，写成了何丽萍，应该是何丽苹，订单号 CA88120944", ["何丽萍", "何丽苹"]),
    ("我帮我妈妈韩淑珍改一下预约时间，改到下周三上午", ["韩淑珍"]),
    ("我要投诉，空调装好第二天就漏水，师傅一直不接电话。\n潘晓东\n电话 139 8821 4470", ["潘晓东"]),
    ("本人曹文静，身份证 440106199303214427，申请挂失银行卡", ["曹文静"]),
    # Japanese: "です" opening a clause, a signature, 様 after a particle, a katakana name after 名義は
    ("いつもお世話になっております。予約番号Q8RT2Lの井上 大輔です。日程を変更したいです。", ["井上 大輔"]),
    ("注文した本が届きません。注文番号 503-2281-7740 をご確認ください。小林真由美", ["小林真由美"]),
    ("昨日お電話で石田様にお伝えした件です。よろしくお願いします。", ["石田"]),
    ("はじめまして。私は中川です。来月の予約を取り消したいのですが、可能でしょうか。", ["中川"]),
    ("口座振替の件です。名義はタナカ ハルミです。", ["タナカ ハルミ"]),
    # Korean: a holder's word, a relative, the agent's firm
    ("분실 신고합니다. 예금주는 윤서진입니다. 계좌 정지 부탁드려요", ["윤서진"]),
    ("안녕하세요, 남편 조현우의 카드를 분실해서 정지 요청드립니다", ["조현우"]),
    ("상담원: 한빛은행 강민재입니다\n고객: 카드 재발급 문의드려요", ["강민재"]),
    # Thai: a name closing the message after a particle, the agent's own name, a name changed
    ("พัสดุยังไม่มาถึงเลยค่ะ ช่วยติดตามให้ด้วยนะคะ วรรณา", ["วรรณา"]),
    ("พนักงาน: ดีแทค สวัสดีครับ อนุชาให้บริการครับ\nลูกค้า: สวัสดีค่ะ", ["อนุชา"]),
    ("ขอเปลี่ยนนามสกุลเป็น รุ่งเรือง หลังแต่งงานค่ะ กรมธรรม์ TL-0099812", ["รุ่งเรือง"]),
]


@pytest.mark.parametrize(("text", "names"), _FOUND)
def test_names_found(detector: PresidioPiiDetector, text: str, names: list[str]) -> None:
    found = _persons(detector, text)
    assert all(name in found for name in names), found


@pytest.mark.parametrize(("text", "names"), [_FOUND[0], _FOUND[6], _FOUND[9], _FOUND[11], _FOUND[15], _FOUND[19], _FOUND[21]])
def test_rules_only_finds_them_too(text: str, names: list[str]) -> None:
    found = _persons(RulesPiiDetector(), text)
    assert all(name in found for name in names), found


@pytest.mark.parametrize(("text", "word"), [
    ("客服：请问收件人姓名？\n客户：同上，139 1234 5678", "同上"),
    ("你好，周一，13812345678 这个号码打不通", "周一"),
    ("地址写成了王府井，应该是王府街，麻烦改一下", "王府街"),
    ("请问是马上发货吗？不是，是明天", "明天"),
    ("我妈妈马上到，你等一下", "马上"),
    ("お世話になっております。確認です。担当様にお伝えください。", "担当"),
    ("오늘 예금주는 변경이고 나머지는 그대로예요", "변경"),
    ("เบอร์ 081-274-9963 ด่วนค่ะ", "ด่วน"),
    ("โอนแล้วค่ะ ขอบคุณมาก", "ขอบคุณมาก"),
])
def test_look_alikes_stay(detector: PresidioPiiDetector, text: str, word: str) -> None:
    assert not any(word in name for name in _persons(detector, text))
