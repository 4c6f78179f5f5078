"""Session 36 (candidate 36-3, issue 21): addresses written as South-East and South Asia, the Middle East and Turkey
write them are masked whole, from the first element to the town or postcode; a shop, a branch, a landmark or a street
named alone and order, tracking or meter numbers stay readable."""

from __future__ import annotations

import time

import pytest

from services.adapters.local import pii_asian_addresses
from services.adapters.local.pii_presidio import PresidioPiiDetector


@pytest.fixture(scope="module")
def detector() -> PresidioPiiDetector:
    return PresidioPiiDetector(crf=True, person_check=True)


def masked(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    """Is every character of the value masked (by one span or by several)?"""
    start = text.index(value)
    spans = detector.find(text)
    return all(any(s.start <= i < s.end for s in spans) for i in range(start, start + len(value)))


def touched(detector: PresidioPiiDetector, text: str, value: str) -> bool:
    start = text.index(value)
    return any(s.start < start + len(value) and start < s.end for s in detector.find(text))


@pytest.mark.parametrize(("text", "address"), [
    # Vietnamese: số / ngõ / ngách / hẻm, phường / quận, the town
    ("Shop ơi giao hàng giúp mình tới số 9 ngách 14/3 ngõ 80 Chùa Láng, Đống Đa, Hà Nội nhé",
     "số 9 ngách 14/3 ngõ 80 Chùa Láng, Đống Đa, Hà Nội"),
    ("Địa chỉ mới: 215/40 hẻm 12 Lê Văn Sỹ, Phường 13, Quận Phú Nhuận, TP.HCM. Cảm ơn shop",
     "215/40 hẻm 12 Lê Văn Sỹ, Phường 13, Quận Phú Nhuận, TP.HCM"),
    # Indonesian: Jl. / Gg. / No. / RT/RW / Kel. / Kec., postcode
    ("Kak tolong kirim ke Gg. Mawar No. 5 RT 02/RW 11, Kel. Tegalsari, Kec. Candisari, Semarang 50252 ya",
     "Gg. Mawar No. 5 RT 02/RW 11, Kel. Tegalsari, Kec. Candisari, Semarang 50252"),
    ("alamat rumah saya jalan anggrek nomor lima belas rt dua rw empat, tebet, jakarta selatan",
     "jalan anggrek nomor lima belas rt dua rw empat, tebet, jakarta selatan"),
    # Malaysian: No / Jalan / Taman + postcode and state
    ("Sila hantar ke No 31, Jalan Kenari 5, Taman Puchong Jaya, 47100 Puchong, Selangor. Terima kasih",
     "No 31, Jalan Kenari 5, Taman Puchong Jaya, 47100 Puchong, Selangor"),
    # Thai: house number / ซอย / ถนน / แขวง / เขต / province / postcode
    ("ที่อยู่จัดส่ง 45/7 ซอยอารีย์ 2 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400 ค่ะ",
     "45/7 ซอยอารีย์ 2 ถนนพหลโยธิน แขวงสามเสนใน เขตพญาไท กรุงเทพฯ 10400"),
    # Hindi, Tamil and Bengali
    ("कृपया पार्सल यहाँ भेजें: फ्लैट 504, गोकुल धाम सोसाइटी, सेक्टर 9, वाशी, नवी मुंबई 400703",
     "फ्लैट 504, गोकुल धाम सोसाइटी, सेक्टर 9, वाशी, नवी मुंबई 400703"),
    ("என் முகவரி 7, 2வது குறுக்கு தெரு, அண்ணா நகர், மதுரை 625020",
     "7, 2வது குறுக்கு தெரு, அண்ணா நகர், மதுரை 625020"),
    ("আমার ঠিকানা বাড়ি ১৫, রোড ৩, গুলশান, ঢাকা", "বাড়ি ১৫, রোড ৩, গুলশান, ঢাকা"),
    # Indian addresses in Latin letters
    ("Pls deliver to H.No 8-3-167/4, Yousufguda, Hyderabad 500045 before 6pm",
     "H.No 8-3-167/4, Yousufguda, Hyderabad 500045"),
    # Arabic, Persian, Urdu and Egyptian Arabizi
    ("العنوان: ٨ شارع جامعة الدول العربية، المهندسين، الجيزة، الدور الثالث شقة ١٢ والرقم ٠١٢٢٥٥٥٠١٩٣",
     "٨ شارع جامعة الدول العربية، المهندسين، الجيزة، الدور الثالث شقة ١٢"),
    ("لطفا بسته را به این آدرس بفرستید: تهران، خیابان شریعتی، کوچه یاس، پلاک ۱۸، واحد ۴",
     "تهران، خیابان شریعتی، کوچه یاس، پلاک ۱۸، واحد ۴"),
    ("el address 7 share3 el tahrir, el dokki, giza w el mobile 01115550192",
     "7 share3 el tahrir, el dokki, giza"),
    # Turkish: mahallesi / caddesi / sokak / no / daire, district and town
    ("Kargom yanlış adrese gitti, doğru adres Fenerbahçe Mah. Bağdat Cad. No:120 D:5, Kadıköy/İstanbul",
     "Fenerbahçe Mah. Bağdat Cad. No:120 D:5, Kadıköy/İstanbul"),
    ("adresim kızılay mahallesi gazi mustafa kemal bulvarı no 33 daire 9 çankaya ankara teşekkürler",
     "kızılay mahallesi gazi mustafa kemal bulvarı no 33 daire 9 çankaya ankara"),
])
def test_these_layouts_are_masked_whole(detector: PresidioPiiDetector, text: str, address: str) -> None:
    assert masked(detector, text, address), [text[s.start:s.end] for s in detector.find(text)]


@pytest.mark.parametrize(("text", "kept"), [
    ("Cửa hàng ở phố Huế có còn mẫu này không ạ?", "phố Huế"),  # a street named alone
    ("Saya sudah jalan kaki ke kantor pos tapi paketnya belum ada", "jalan kaki"),  # "jalan" the verb
    ("dari rumah saya jalan 5 menit ke halte", "jalan 5 menit"),
    ("Cho em hỏi áo size số 2 Màu Đen, Xanh còn hàng không ạ", "số 2 Màu Đen"),  # a size, no address
    ("ราคา 500 บาท ส่งฟรีไหมคะ", "500"),  # a price
    ("ऑर्डर 4471, 3 दिन से कोई जवाब नहीं, कृपया देखें", "4471"),  # an order number
    ("Cabang Jl. Sudirman buka jam berapa ya kak?", "Sudirman"),  # a branch named by its street
    ("รถติดมากแถวซอยสุขุมวิท 21 วันนี้ค่ะ", "ซอยสุขุมวิท 21"),  # a soi named alone
    ("الطلب رقم ٤٤٨٢١ من فرع شارع التحرير لسه ما وصل", "شارع التحرير"),  # a branch's street
    ("الطلب رقم ٤٤٨٢١ من فرع شارع التحرير لسه ما وصل", "٤٤٨٢١"),  # an order number
    ("Đơn hàng 44821 ở chi nhánh 12 Nguyễn Huệ chưa giao", "12 Nguyễn Huệ"),  # a branch
    ("Moda Caddesi'ndeki şubeniz kaçta açılıyor?", "Moda Caddesi"),  # a branch's street
    ("Kargo takip no 7241088351 hala dağıtımda görünüyor", "7241088351"),  # a tracking number
    ("Order no. 44821 from Jalan Jalan Travel is late", "44821"),
])
def test_streets_branches_and_numbers_alone_stay_readable(detector: PresidioPiiDetector, text: str,
                                                          kept: str) -> None:
    assert not touched(detector, text, kept), [text[s.start:s.end] for s in detector.find(text)]


def test_long_inputs_stay_fast() -> None:
    text = ("số 1 ngõ 2 " * 4000 + "Jl. A No. 1 RT 1/RW 2, " * 3000 + "12 شارع " * 4000 + "99/1 ซอย 2 " * 4000
            + "no 1 daire 2 mah. " * 3000 + " " * 20000)[:200_000]
    started = time.perf_counter()
    found = list(pii_asian_addresses.find_asian_addresses(text))
    assert len(found) <= pii_asian_addresses.CAP
    assert time.perf_counter() - started < 5
