"""Reading a customer's mail safely (services/email_parse.py): HTML reduced to its visible text with nothing executed,
quoted history and signatures stripped for the analysis, attachments listed, and bad MIME, headers and charsets read
without an exception."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from services.email_parse import html_to_text, parse, strip_history_and_signature
from services.errors import InvalidInput


def mail(text: str = "Hello", html: str = "", **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = headers.pop("From", "Ann Lee <Ann@Example.com>")
    message["To"] = "support@example.test"
    message["Subject"] = headers.pop("Subject", "Order")
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message.as_bytes()


def test_html_keeps_the_visible_text_and_drops_scripts_styles_and_embedded_objects():
    text = html_to_text("<html><head><title>T</title><style>p{color:red}</style><script>alert('x')</script></head>"
                        "<body><p>Hi&nbsp;there &amp; thanks</p><script>document.cookie</script>"
                        "<img src='http://tracker.example/p.gif' onerror='steal()'><iframe src='x'>inner</iframe>"
                        "<ul><li>one</li><li>two</li></ul><!-- hidden --><div>Bye</div></body></html>")
    assert text == "Hi there & thanks\n\n- one\n- two\n\nBye"
    for never in ("alert", "cookie", "tracker", "steal", "inner", "hidden", "color"):
        assert never not in text


def test_an_unclosed_script_hides_the_rest_and_a_blockquote_becomes_quoted_lines():
    assert html_to_text("<p>Keep</p><script>var a = '<p>not text</p>'") == "Keep"
    assert html_to_text("<div>New</div><blockquote><p>old line</p></blockquote>") == "New\n\n> old line"


def test_an_html_only_mail_is_read_as_text_and_its_quote_stripped():
    parsed = parse(mail("", html="<p>Where is <b>BW-100001</b>?</p><div class=gmail_quote>On Mon, 1 Dec 2026 "
                                  "Support &lt;s@x&gt; wrote:<blockquote>Old answer</blockquote></div>"))
    assert parsed.new_text == "Where is BW-100001?"
    assert "Old answer" in parsed.text


@pytest.mark.parametrize("body, new", [
    ("Thanks, it works.\n\nOn Tue, 1 Dec 2026 at 10:00, Support <s@x.test> wrote:\n> Try again.\n> Bye",
     "Thanks, it works."),
    ("Thanks.\n\nOn Tue, 1 Dec 2026 at 10:00, Brightwave Support <support@brightwavehome.example>\nwrote:\n> old",
     "Thanks."),
    ("Still broken.\n\n________________________________\nFrom: Support <s@x.test>\nSent: Monday, 1 December 2026"
     "\nTo: Ann\nSubject: RE: order\n\nTry again.", "Still broken."),
    ("Still broken.\n\n-----Original Message-----\nFrom: s@x.test\nTry again.", "Still broken."),
    ("Le problème continue.\n\nLe mar. 1 déc. 2026 à 10:00, Support <s@x.test> a écrit :\n> Essayez",
     "Le problème continue."),
    ("Hi\n> quoted in the middle\nmy answer", "Hi\nmy answer"),
    ("The charger is faulty.\n\n-- \nAnn Lee\nACME Ltd, +44 20 7946 0000", "The charger is faulty."),
    ("The charger is faulty.\n\nSent from my iPhone", "The charger is faulty."),
    ("The charger is faulty.\n\nGet Outlook for Android", "The charger is faulty."),
    ("The charger is faulty, please help.\n\nKind regards,\nAnn Lee\nHead of Ops", "The charger is faulty, please help."),
    ("The charger is faulty.\nThanks!\nAnn", "The charger is faulty."),
])
def test_quoted_history_and_signatures_are_stripped(body, new):
    assert strip_history_and_signature(body) == new


def test_a_sign_off_in_the_middle_or_alone_is_kept():
    assert strip_history_and_signature("Thanks") == "Thanks"
    assert strip_history_and_signature("Thanks,\nAnn") == "Thanks,\nAnn"  # nothing before it: it is the message
    assert strip_history_and_signature("> quoted only\n> more") == ""  # the caller then keeps the whole text
    body = "Thanks for the quick answer.\nBut the parcel has a long story that I will tell you now in full detail."
    assert strip_history_and_signature(body) == body


def test_headers_thread_ids_and_sender_are_read():
    parsed = parse(mail(Message_ID="<m2@ex.test>", In_Reply_To="<r1@support.test>",
                        References="<m1@ex.test> <r1@support.test>", Reply_To="Ann <ann.home@example.com>",
                        Subject="=?utf-8?q?R=C3=BCckgabe?="))
    assert (parsed.message_id, parsed.in_reply_to, parsed.references) == (
        "<m2@ex.test>", ("<r1@support.test>",), ("<m1@ex.test>", "<r1@support.test>"))
    assert (parsed.sender, parsed.sender_name, parsed.reply_to, parsed.subject) == (
        "ann@example.com", "Ann Lee", "ann.home@example.com", "Rückgabe")


def test_a_mail_without_message_id_gets_one_from_its_bytes():
    raw = mail("Hello there")
    assert parse(raw).message_id == parse(raw).message_id != parse(mail("Hello again")).message_id
    assert parse(raw).message_id.endswith("@frontline.invalid>")


def test_attachments_are_listed_by_name_type_and_size_and_never_read_as_text():
    message = EmailMessage()
    message["From"], message["Subject"] = "ann@example.com", "Broken"
    message.set_content("See the photo.")
    message.add_attachment(b"\x89PNG" + b"\0" * 96, maintype="image", subtype="png", filename="photo.png")
    message.add_attachment(b"MZ\x90\0evil", maintype="application", subtype="x-msdownload", filename="setup.exe")
    message.add_attachment("<script>alert(1)</script>", subtype="html", filename="page.html")
    parsed = parse(message.as_bytes())
    assert [(a.name, a.content_type, a.size) for a in parsed.attachments] == [
        ("photo.png", "image/png", 100), ("setup.exe", "application/x-msdownload", 8),
        ("page.html", "text/html", 26)]
    assert parsed.text == "See the photo." and "alert" not in parsed.text


def test_a_wrong_or_unknown_charset_is_read_with_replacements_not_an_error():
    raw = (b"From: ann@example.com\r\nSubject: =?x-unknown?q?caf=E9?=\r\nContent-Type: text/plain; "
           b"charset=x-unknown\r\n\r\nCaf\xe9 cr\xe8me, order BW-100001\r\n")
    parsed = parse(raw)
    assert "order BW-100001" in parsed.text and parsed.text.startswith("Caf")
    wrong = b"From: ann@example.com\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nna\xefve \xff\xfe text\r\n"
    assert "text" in parse(wrong).text


def test_garbage_mime_is_read_as_far_as_it_goes_and_what_is_not_a_mail_is_refused():
    broken = (b"From: ann@example.com\r\nContent-Type: multipart/mixed; boundary=\"zz\"\r\n\r\n--zz\r\n"
              b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--zz")
    parsed = parse(broken)
    assert parsed.sender == "ann@example.com" and parsed.defects >= 0
    for junk in (b"", b"   ", b"\x00\x01\x02 binary junk without headers"):
        with pytest.raises(InvalidInput):
            parse(junk)


def test_a_mime_bomb_is_walked_only_to_the_part_limit():
    parts = b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\npart %d\r\n" % i for i in range(5000))
    raw = b"From: a@example.com\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n" + parts + b"--b--\r\n"
    parsed = parse(raw)
    assert "part 0" in parsed.text and "part 4999" not in parsed.text


def test_automatic_replies_are_recognised():
    assert parse(mail(Auto_Submitted="auto-replied")).auto_reply
    assert parse(mail(From="MAILER-DAEMON@example.com")).auto_reply
    assert not parse(mail()).auto_reply
