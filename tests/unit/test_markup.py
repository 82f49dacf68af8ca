"""Scraped markup (HTML character references, formatting tags) is read decoded, with stored offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unveil.extract import extract_ad
from unveil.normalise.markup import decode_link_escapes, decode_markup


@pytest.mark.parametrize(
    ("text", "decoded"),
    [
        ("Call me&nbsp;020&nbsp;7946&nbsp;0123", "Call me\xa0020\xa07946\xa00123"),
        ("Tel:&amp;nbsp;020&amp;nbsp;7946", "Tel:\xa0020\xa07946"),  # escaped twice
        ("Text me <b>(702) 555-0147</b> &amp; ask", "Text me (702) 555-0147 & ask"),
        ("Call<br>020 7946 0345<br/>No", "Call\n020 7946 0345\nNo"),
        ('<span class="ph">0491</span> <span class="ph">570</span>', "0491 570"),
        ("anna&#64;example.com &#x2B;44", "anna@example.com +44"),
        ("&bogus; stays", "&bogus; stays"),
        ("Tel:&amp;amp;nbsp;020", "Tel:\xa0020"),  # escaped three times
        ("anna&#64example.com", "anna@example.com"),  # a decimal reference without its ";", as browsers read it
        ("020 7946<!-- -->0356 <!--$-->x", "020 79460356 x"),  # a renderer's empty comments
    ],
)
def test_markup_is_decoded(text: str, decoded: str) -> None:
    nt = decode_markup(text)
    assert nt is not None
    assert nt.text == decoded


@pytest.mark.parametrize("text", ["plain text", "<anna@example.com>", "I <3 you", "a < b > c", "R&B night",
                                  "<!-- call 020 7946 0111 -->",
                                  "<a href='https://wa.me/447700900318'>WhatsApp</a>"])
def test_text_without_formatting_markup_is_left_alone(text: str) -> None:
    nt = decode_markup(text)
    assert nt is None or nt.text == text


@pytest.mark.parametrize(
    ("text", "kind", "value", "written"),
    [
        ("Call me&nbsp;020&nbsp;7946&nbsp;0123&nbsp;anytime", "phone", "+442079460123",
         "020&nbsp;7946&nbsp;0123"),
        ("WhatsApp: &#43;44 20 7946 0231", "phone", "+442079460231", "&#43;44 20 7946 0231"),
        ("Tel:&amp;nbsp;020&amp;nbsp;7946&amp;nbsp;0920", "phone", "+442079460920",
         "020&amp;nbsp;7946&amp;nbsp;0920"),
        ("Call<br>020<br>7946<br>0356<br>thanks", "phone", "+442079460356", "020<br>7946<br>0356"),
        ("Write to anna.k&#64;example.com", "email", "anna.k@example.com", "anna.k&#64;example.com"),
        ("Rates: &pound;150 1hr", "price", "150 GBP/60min", "&pound;150 1hr"),
    ],
)
def test_entities_in_markup_point_at_the_stored_text(text: str, kind: str, value: str, written: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": "GB"}) if e.kind == kind]
    assert [(e.value, e.text) for e in found] == [(value, written)]
    for e in found:
        assert text[e.start : e.end] == e.text


def test_markup_is_not_obfuscation() -> None:
    [ph] = [e for e in extract_ad({"body": "Call 020&nbsp;7946&nbsp;0123", "country": "GB"}) if e.kind == "phone"]
    assert ph.attrs["obfuscated"] is False


_PIECES = st.sampled_from(["&nbsp;", "&amp;", "&#43;", "&#x40;", "<br>", "<b>", "</b>", "&amp;nbsp;", "<p>",
                           "020", " 7946 ", "anna", "@", "&", "<", ">", ";", "#", "x", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_every_decoded_character_maps_inside_the_stored_text(text: str) -> None:
    nt = decode_markup(text)
    if nt is None:
        return
    for i in range(len(nt.text)):
        assert 0 <= nt.starts[i] < nt.ends[i] <= len(text)
    for e in extract_ad({"body": text, "country": "GB"}):
        assert text[e.start : e.end] == e.text


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", ["&nbsp;", "<b ", "&amp;" * 3 + "nbsp;", "<span class='x'>", "&#"])
def test_a_megabyte_of_markup_finishes(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    nt = decode_markup(text)
    assert nt is None or len(nt.text) <= len(text)


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("Chiama: tel:%2B39%20312%20345%206740", "+393123456740", "%2B39%20312%20345%206740"),
        ("https://api.whatsapp.com/send?phone=1%20416%20555%200144", "+14165550144", "1%20416%20555%200144"),
        ("https://api.whatsapp.com/send?phone=%2B1%28416%29555-0155", "+14165550155", "%2B1%28416%29555-0155"),
        ("https://wa.me/49%201512%203456777", "+4915123456777", "49%201512%203456777"),
        ("Katalog: https://wa.me/c/4915123456709", "+4915123456709", "4915123456709"),  # a catalogue link
        ("tg://resolve?phone=4915123456701", "+4915123456701", "4915123456701"),
    ],
)
def test_phone_links_are_read_with_their_escapes_decoded(text: str, value: str, written: str) -> None:
    found = [e for e in extract_ad({"body": text, "country": "DE"}) if e.kind == "phone"]
    assert [(e.value, e.text) for e in found] == [(value, written)]


def test_a_phone_link_stays_as_written_for_the_other_extractors() -> None:
    text = "https://api.whatsapp.com/send?phone=%2B48%20512%20345%20681&text=Cze%C5%9B%C4%87"
    found = {(e.kind, e.value) for e in extract_ad({"body": text, "country": "PL"}) if e.kind != "language"}
    assert found == {("phone", "+48512345681"), ("url", text.removeprefix("https://"))}


def test_the_message_a_link_fills_in_holds_no_phone() -> None:
    text = "https://api.whatsapp.com/send?phone=393123456703&text=Ciao%20ho%20visto%20il%20annuncio%20n.%20884512"
    assert [e.value for e in extract_ad({"body": text, "country": "IT"}) if e.kind == "phone"] == ["+393123456703"]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("unit", ["%20", "tel:%2B", "?phone=%20%28"])
def test_a_megabyte_of_link_escapes_finishes(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    nt = decode_link_escapes(text)
    assert nt is None or len(nt.text) <= len(text)
