"""Phone numbers as E.164, with libphonenumber deciding what a number is.

The ad's ``country`` is the default region for numbers written without a
country code; an explicit ``+CC`` always wins.  Numbers whose country code
differs from the ad's country are kept and marked ``foreign``.
``confidence`` is ``valid`` when libphonenumber knows the number range and
``possible`` when only the length fits (fiction ranges such as UK 07700 900xxx
are possible, not valid).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from unveil.extract.base import AdContext
from unveil.types import Entity

# A field with fewer digits than the shortest phone number we accept cannot hold
# one; this cheap test saves the (comparatively slow) matcher on most fields.
MIN_DIGITS = 7


def _digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _region(country: str | None) -> str:
    if country and country in phonenumbers.SUPPORTED_REGIONS:
        return country
    return "ZZ"  # unknown region: only numbers with an explicit +CC are read


class PhoneExtractor:
    name = "phones"
    kinds: tuple[str, ...] = ("phone",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        if _digit_count(text) < MIN_DIGITS:
            return
        region = _region(ctx.country)
        home_cc = phonenumbers.country_code_for_region(region) if region != "ZZ" else 0
        for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE, max_tries=10_000):
            number = match.number
            if not plausible(number):
                continue
            yield Entity(
                kind="phone",
                value=phonenumbers.format_number(number, PhoneNumberFormat.E164),
                field=field,
                start=match.start,
                end=match.end,
                text=text[match.start : match.end],
                attrs=_attrs(number, home_cc),
            )


# A number libphonenumber calls "possible" only needs a plausible length, and
# that includes local-only numbers of four or five digits: a reference number or
# a price would pass.  Keep a possible-but-not-valid number only when it is
# dialable as a whole (IS_POSSIBLE, not IS_POSSIBLE_LOCAL_ONLY) and long enough.
MIN_POSSIBLE_NATIONAL_DIGITS = 8


def plausible(number: phonenumbers.PhoneNumber) -> bool:
    if phonenumbers.is_valid_number(number):
        return True
    reason = phonenumbers.is_possible_number_with_reason(number)
    return bool(
        reason == phonenumbers.ValidationResult.IS_POSSIBLE
        and len(phonenumbers.national_significant_number(number)) >= MIN_POSSIBLE_NATIONAL_DIGITS
    )


def _attrs(number: phonenumbers.PhoneNumber, home_cc: int) -> dict[str, Any]:
    valid = phonenumbers.is_valid_number(number)
    return {
        "obfuscated": False,
        "foreign": bool(home_cc) and number.country_code != home_cc,
        "confidence": "valid" if valid else "possible",
        "region": phonenumbers.region_code_for_number(number) if valid else None,
    }
