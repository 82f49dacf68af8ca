"""Crypto addresses (Bitcoin, Ethereum, Tron) and IBANs, each accepted only if its checksum is right.

Deposits are increasingly asked for in crypto (USDT on Tron above all) or by bank transfer.  An address or
account number shared by several ads links them as strongly as a shared phone number, but a long random
looking string is also what an image id, a tracking code or a hash looks like.  Every format here carries
a checksum, so a candidate is reported only if it verifies:

* Bitcoin legacy P2PKH ("1...") and P2SH ("3..."): base58check, version byte 0x00 / 0x05, double SHA-256;
* Bitcoin SegWit ("bc1..."): bech32 (BIP-173) for version 0, bech32m (BIP-350) for versions 1-16;
* Ethereum ("0x" + 40 hex digits): an all-lower or all-upper address has no checksum and is accepted;
  a mixed-case one must match its EIP-55 checksum (Keccak-256, implemented below because ``hashlib``
  only has SHA3-256, which pads differently and gives other digests);
* Tron ("T..."): base58check with version byte 0x41;
* IBAN: the country's length (``patterns/iban.yaml``) and the ISO 13616 mod-97 check; written plain or
  in groups of four.

Values: ``btc:<address>`` (bech32 lower-case), ``eth:<address lower-case>``, ``trx:<address>``, and the
IBAN upper-case without spaces.  Candidates are found with patterns of one bounded character class, so
megabytes of hex or base58 are scanned in linear time.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from unveil.extract.base import AdContext
from unveil.extract.emails import TOP, PatternReader, lower_words, needs_fold, read_pattern_file
from unveil.normalise.deobfuscate import folded_text
from unveil.types import Entity

__all__ = [
    "CryptoExtractor",
    "IbanExtractor",
    "b58check_decode",
    "b58check_encode",
    "bech32_decode",
    "bech32_encode",
    "eip55",
    "find_crypto",
    "find_ibans",
    "iban_lengths",
    "keccak256",
    "segwit_decode",
    "segwit_encode",
    "valid_iban",
]

# ---------------------------------------------------------------------------------------------------------
# Base58check
# ---------------------------------------------------------------------------------------------------------

B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(B58_ALPHABET)}


def _sha256d(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def b58decode(text: str) -> bytes | None:
    """Decode base58 (Bitcoin alphabet); None if a character is not in the alphabet."""
    n = 0
    for c in text:
        d = _B58_INDEX.get(c)
        if d is None:
            return None
        n = n * 58 + d
    body = n.to_bytes((n.bit_length() + 7) // 8, "big")
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def b58encode(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = []
    while n:
        n, r = divmod(n, 58)
        out.append(B58_ALPHABET[r])
    zeros = len(data) - len(data.lstrip(b"\x00"))
    return "1" * zeros + "".join(reversed(out))


def b58check_decode(text: str) -> bytes | None:
    """The payload (version byte first) of a base58check string, or None if the checksum fails."""
    raw = b58decode(text)
    if raw is None or len(raw) < 5:
        return None
    payload, check = raw[:-4], raw[-4:]
    return payload if _sha256d(payload)[:4] == check else None


def b58check_encode(payload: bytes) -> str:
    return b58encode(payload + _sha256d(payload)[:4])


# ---------------------------------------------------------------------------------------------------------
# Bech32 / bech32m (BIP-173, BIP-350)
# ---------------------------------------------------------------------------------------------------------

BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_INDEX = {c: i for i, c in enumerate(BECH32_CHARSET)}
BECH32 = 1
BECH32M = 0x2BC830A3
_GEN = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: Sequence[int]) -> int:
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            if (top >> i) & 1:
                chk ^= _GEN[i]
    return chk


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def bech32_decode(text: str) -> tuple[str, list[int], int] | None:
    """``(hrp, data, constant)`` of a bech32/bech32m string with a valid checksum, else None."""
    if len(text) > 90 or any(ord(c) < 33 or ord(c) > 126 for c in text):
        return None
    if text.lower() != text and text.upper() != text:
        return None  # mixed case is invalid
    text = text.lower()
    pos = text.rfind("1")
    if pos < 1 or pos + 7 > len(text):
        return None
    hrp = text[:pos]
    data = [_BECH32_INDEX.get(c, -1) for c in text[pos + 1 :]]
    if -1 in data:
        return None
    const = _polymod(_hrp_expand(hrp) + data)
    if const not in (BECH32, BECH32M):
        return None
    return hrp, data[:-6], const


def bech32_encode(hrp: str, data: Sequence[int], const: int) -> str:
    values = _hrp_expand(hrp) + list(data)
    poly = _polymod([*values, 0, 0, 0, 0, 0, 0]) ^ const
    check = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in [*data, *check])


def _convertbits(data: Sequence[int], frombits: int, tobits: int, pad: bool) -> list[int] | None:
    acc = 0
    bits = 0
    out = []
    maxv = (1 << tobits) - 1
    for value in data:
        if value < 0 or value >> frombits:
            return None
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if pad:
        if bits:
            out.append((acc << (tobits - bits)) & maxv)
    elif bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None
    return out


def segwit_decode(hrp: str, addr: str) -> tuple[int, bytes] | None:
    """``(witness version, program)`` of a SegWit address for ``hrp`` ("bc"), or None if invalid."""
    dec = bech32_decode(addr)
    if dec is None or dec[0] != hrp or not dec[1]:
        return None
    _, data, const = dec
    version = data[0]
    prog = _convertbits(data[1:], 5, 8, False)
    if prog is None or not 2 <= len(prog) <= 40 or version > 16:
        return None
    if version == 0 and (len(prog) not in (20, 32) or const != BECH32):
        return None
    if version > 0 and const != BECH32M:
        return None
    return version, bytes(prog)


def segwit_encode(hrp: str, version: int, program: bytes) -> str:
    five = _convertbits(list(program), 8, 5, True)
    assert five is not None
    return bech32_encode(hrp, [version, *five], BECH32 if version == 0 else BECH32M)


# ---------------------------------------------------------------------------------------------------------
# Keccak-256 (the original Keccak padding used by Ethereum, not SHA3-256)
# ---------------------------------------------------------------------------------------------------------

_MASK64 = (1 << 64) - 1
# Rotation offsets r[x][y] of the rho step.
_ROT = ((0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14))


def _round_constants() -> tuple[int, ...]:
    """The 24 iota constants, generated by the Keccak LFSR (x^8 + x^6 + x^5 + x^4 + 1)."""
    out = []
    r = 1
    for _ in range(24):
        rc = 0
        for j in range(7):
            if r & 1:
                rc |= 1 << ((1 << j) - 1)
            r = ((r << 1) ^ 0x71) & 0xFF if r & 0x80 else r << 1
        out.append(rc)
    return tuple(out)


_RC = _round_constants()


def _rol(v: int, n: int) -> int:
    return ((v << n) | (v >> (64 - n))) & _MASK64 if n else v


def _keccak_f(a: list[int]) -> None:
    for rc in _RC:
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        b = [0] * 25
        for x in range(5):
            for y in range(5):
                b[y + 5 * ((2 * x + 3 * y) % 5)] = _rol(a[x + 5 * y] ^ d[x], _ROT[x][y])
        for y in range(0, 25, 5):
            row = b[y : y + 5]
            for x in range(5):
                a[y + x] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5])
        a[0] ^= rc


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as used by Ethereum (pad 0x01...0x80, rate 136 bytes)."""
    rate = 136
    msg = bytearray(data)
    msg.append(0x01)
    msg.extend(b"\x00" * (-len(msg) % rate))
    msg[-1] |= 0x80
    state = [0] * 25
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            state[i] ^= int.from_bytes(msg[off + 8 * i : off + 8 * i + 8], "little")
        _keccak_f(state)
    return b"".join(state[i].to_bytes(8, "little") for i in range(4))


def eip55(address: str) -> str:
    """The EIP-55 mixed-case form of a ``0x`` + 40 hex digit address."""
    hexpart = address[2:].lower()
    digest = keccak256(hexpart.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(hexpart))


# ---------------------------------------------------------------------------------------------------------
# Crypto addresses
# ---------------------------------------------------------------------------------------------------------


class CryptoMatch(NamedTuple):
    start: int
    end: int
    value: str
    attrs: dict[str, Any]


# Every address is one run of letters and digits of bounded length; one character class, bounded
# repetition and a boundary on each side: linear on megabytes of hex or base58.
# An underscore on either side means a file name or identifier ("image_<addr>.jpg"), not an address.
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_])[A-Za-z0-9]{26,90}(?![A-Za-z0-9_])")
_HEX = frozenset("0123456789abcdefABCDEF")
_SEGWIT_FORMAT = {(0, 20): "p2wpkh", (0, 32): "p2wsh", (1, 32): "p2tr"}


def classify_address(token: str) -> tuple[str, dict[str, Any]] | None:
    """``(value, attrs)`` if ``token`` is a valid BTC, ETH or TRX address, else None."""
    head = token[:3].lower()
    if head.startswith("0x"):
        if len(token) != 42 or not all(c in _HEX for c in token[2:]):
            return None
        hexpart = token[2:]
        checksummed = hexpart != hexpart.lower() and hexpart != hexpart.upper()
        if checksummed and eip55(token) != "0x" + hexpart:
            return None
        if len(set(hexpart.lower())) < 4:
            return None  # "0x000...0", "0xffff...": placeholders, not addresses
        return f"eth:0x{hexpart.lower()}", {"chain": "eth", "checksummed": checksummed}
    if head == "bc1":
        seg = segwit_decode("bc", token)
        if seg is None:
            return None
        version, prog = seg
        fmt = _SEGWIT_FORMAT.get((version, len(prog)), f"segwit_v{version}")
        return f"btc:{token.lower()}", {"chain": "btc", "format": fmt}
    first = token[0]
    if first in "13" and 26 <= len(token) <= 35:
        payload = b58check_decode(token)
        if payload is None or len(payload) != 21:
            return None
        if (first, payload[0]) == ("1", 0x00):
            return f"btc:{token}", {"chain": "btc", "format": "p2pkh"}
        if (first, payload[0]) == ("3", 0x05):
            return f"btc:{token}", {"chain": "btc", "format": "p2sh"}
        return None
    if first == "T" and len(token) == 34:
        payload = b58check_decode(token)
        if payload is None or len(payload) != 21 or payload[0] != 0x41:
            return None
        return f"trx:{token}", {"chain": "trx", "format": "base58"}
    return None


def _scan_crypto(text: str) -> list[CryptoMatch]:
    out = []
    for m in _CANDIDATE.finditer(text):
        found = classify_address(m.group())
        if found is not None:
            out.append(CryptoMatch(m.start(), m.end(), found[0], found[1]))
    split = _split_addresses(text, out)
    return sorted(out + split) if split else out


# An address cut into groups by spaces, dashes, dots, bars or line breaks, as posters split it to get past
# filters ("1A1zP1eP 5QGefi2D MPTfTL5S Lmv7DivfNa", "0x5aAeb605...\n...BeAed"): a start that an address
# may have, then more groups.  The separators and the groups share no character, so a match is read once.
# The first group mixes letters and digits as an address's does, so "1500 per hour" or "Tonight at ten"
# start nothing.
# A bech32 address in a wallet's groups of four starts with "bc1q" alone; the longest fills 16 such groups.
_SPLIT_GROUPS = r"(?:(?:[ \t.|·-]{1,3}|[ \t]{0,3}\r?\n[ \t]{0,3})[A-Za-z0-9]{2,}){1,20}"
_SPLIT_ADDRESS = re.compile(
    r"(?<![A-Za-z0-9])(?:(?:bc1|BC1)[A-Za-z0-9]{1,}|0x[0-9A-Fa-f]{2,}|[13](?=[0-9]{0,11}[A-Za-z])[A-Za-z0-9]{3,}"
    r"|T(?=[A-Za-z]{0,11}[0-9])[A-Za-z0-9]{3,})" + _SPLIT_GROUPS)
# A Tron address whose first group holds no digit ("TNPeeaaF B7K9cmo4 ..."), looked for only in a field that
# names Tron or USDT: elsewhere a capitalised word ("Tonight at ten") would start one.
_SPLIT_TRON = re.compile(r"(?<![A-Za-z0-9])T[A-Za-z0-9]{1,}" + _SPLIT_GROUPS)
_TRON_WORDS = frozenset({"trx", "tron", "trc20", "usdt", "tether"})
_GROUP = re.compile(r"[A-Za-z0-9]+")
_MAX_ADDRESS = 62  # bech32 addresses are the longest read here


# Words that name a coin or a wallet: a split address is looked for only in a field with one of them, or with
# "0x" or "bc1" (the pattern costs about 25 µs on a field of 1,000 characters, and most ads hold none).
_COIN_WORDS = frozenset({
    "btc", "bitcoin", "eth", "ether", "ethereum", "usdt", "tether", "trx", "tron", "trc20", "erc20", "crypto",
    "wallet", "portefeuille", "cartera", "monedero", "carteira", "portafoglio", "portemonnee", "portofel",
    "portfel", "kripto", "krypto", "cripto"})


def _split_addresses(text: str, taken: list[CryptoMatch]) -> list[CryptoMatch]:
    """Addresses whose groups the poster set apart: the longest join of groups, from a group that may start
    an address, that passes its checksum (a checksum makes a chance join of other groups all but
    impossible; an all-lower-case Ethereum address has none, and needs exactly 40 hex digits after "0x")."""
    out: list[CryptoMatch] = []
    low, words = lower_words(text)
    if "0x" not in low and "bc1" not in low and _COIN_WORDS.isdisjoint(words):
        return out
    matches = list(_SPLIT_ADDRESS.finditer(text))
    if not _TRON_WORDS.isdisjoint(words):
        # a Tron start inside a match above is read there (the matches are in order and do not overlap)
        starts = [o.start() for o in matches]
        matches += [m for m in _SPLIT_TRON.finditer(text)
                    if (k := bisect.bisect_right(starts, m.start()) - 1) < 0 or matches[k].end() <= m.start()]
    for m in matches:
        groups = [g.span() for g in _GROUP.finditer(text, m.start(), m.end())]
        i = 0
        while i < len(groups):
            best = None
            joined = ""
            for j in range(i, len(groups)):
                joined += text[groups[j][0]:groups[j][1]]
                if len(joined) > _MAX_ADDRESS:
                    break
                if j > i and len(joined) >= 26:
                    found = classify_address(joined)
                    if found is not None:
                        best = (j, found)
            if best is None:
                i += 1
                continue
            j, (value, attrs) = best
            start, end = groups[i][0], groups[j][1]
            if not any(c.start < end and start < c.end for c in (*taken, *out)):
                out.append(CryptoMatch(start, end, value, {**attrs, "split": True}))
            i = j + 1
    return out


# Cheap test on unfolded text: an address needs a long run of word characters (full-width and look-alike
# letters are word characters too, so folding cannot create a run that is not there).
_LONG_RUN = re.compile(r"[^\W_]{26}")


def find_crypto(text: str) -> list[CryptoMatch]:
    """Every checksum-valid crypto address in ``text`` with offsets into ``text``."""
    if not needs_fold(text):
        return _scan_crypto(text)
    if not _LONG_RUN.search(text) and _SPLIT_ADDRESS.search(text) is None:
        return []  # (a non-ASCII field: rare enough for the split pattern's cost)
    nt = folded_text(text)
    out = []
    for m in _scan_crypto(nt.text):
        start, end = nt.to_original(m.start, m.end)
        out.append(m._replace(start=start, end=end))
    return out


class CryptoExtractor:
    """Bitcoin, Ethereum and Tron addresses (kind ``crypto``), checksum-validated."""

    name = "crypto"
    kinds: tuple[str, ...] = ("crypto",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        if len(text) < 26:
            return
        for m in find_crypto(text):
            yield Entity("crypto", m.value, field, m.start, m.end, text[m.start : m.end], m.attrs)


# ---------------------------------------------------------------------------------------------------------
# IBAN
# ---------------------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def iban_lengths() -> Mapping[str, int]:
    """Country code -> IBAN length, from ``patterns/iban.yaml``."""
    label, data = read_pattern_file("iban.yaml")
    r = PatternReader(label)
    top = r.mapping(data, TOP, allowed=("lengths",), required=("lengths",))
    lengths = r.mapping(top["lengths"], "lengths")
    out = {}
    for cc, n in lengths.items():
        if not re.fullmatch(r"[A-Z]{2}", cc):
            r.fail(f"lengths.{cc}", "country code must be two capital letters (quote NO: YAML reads it as false)")
        out[cc] = r.integer(n, f"lengths.{cc}", 15, 34)
    return out


def valid_iban(iban: str) -> bool:
    """ISO 13616: known country, its length, check digits 02-98 and the mod-97 remainder 1."""
    iban = iban.replace(" ", "").upper()
    if len(iban) < 15 or not iban.isascii() or not iban.isalnum():
        return False
    if iban_lengths().get(iban[:2]) != len(iban) or not iban[2:4].isdigit() or not 2 <= int(iban[2:4]) <= 98:
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


# Where an IBAN may start: a country code and check digits at a word boundary.  The rest is counted out
# in Python for the country's length (at most 34 characters plus spaces), so each start costs a bounded
# walk and one start never swallows the next ("AB12 DE89 3704 ...").
# Upper case as printed, or all lower case as some posters type it ("pt50 0002 ..."); never mixed.
# A space after the country code only in capitals: "IT 97 U 03062 ..." (a national grouping), not "me 31".
_IBAN_START = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z]{2} ?|[a-z]{2}|[A-Z][a-z])[0-9]{2}")  # "DE89", "de89", "De89"
_IBAN_HINT = re.compile(r"[^\W\d_]{2}\d{2}")  # the same on unfolded text (full-width letters and digits)


_IBAN_GROUP_SEPS = frozenset(" \t\n-.\u00a0\u202f\u2009")  # no-break and thin spaces of scraped pages
# A Polish account number (NRB) is the IBAN without its "PL": 26 digits, printed 2 + 6 groups of four.
_NRB = re.compile(r"(?<![\w/-])(?<![0-9][.,])[0-9]{2}(?:[ \t]?[0-9]{4}){6}(?![\w/-])(?![.,][0-9])")


class IbanMatch(NamedTuple):
    start: int
    end: int
    value: str
    country: str


def _scan_ibans(text: str, checksum: bool = True) -> list[IbanMatch]:
    """IBANs in ``text``: the country's length and, with ``checksum``, a valid mod-97 check."""
    lengths = iban_lengths()
    out = []
    for m in _IBAN_START.finditer(text):
        start = m.start()
        size = lengths.get(text[start : start + 2].upper())
        if size is None:
            continue
        # The printed form, a space after every four characters; else a national grouping ("ES30 2100 3731
        # 32 3960115988", "IT 97 U 03062 63045 ...", "NL 51 ABNA 3962991387"), which must pass the check
        # even where only the shape is asked for: a space anywhere would otherwise run into the next number.
        for fours in (True, False):
            found = _iban_at(text, start, size, fours)
            if found is None:
                continue
            iban, end = found
            if (not checksum and fours) or valid_iban(iban):
                out.append(IbanMatch(start, end, iban, iban[:2]))
                break
    return out


def _iban_at(text: str, start: int, size: int, fours: bool) -> tuple[str, int] | None:
    """The ``size`` characters of an IBAN written from ``start`` (upper case, all lower case, or with its
    country code capitalised as a word) and where it ends; with ``fours`` a separator only after every four
    characters, else a single one anywhere."""
    chars: list[str] = []
    i = start
    while len(chars) < size:
        c = text[i] if i < len(text) else ""
        if c in _IBAN_GROUP_SEPS and chars and (not fours or len(chars) % 4 == 0) and i + 1 < len(text) \
                and text[i + 1].isalnum():
            i += 1  # a space between groups (or a tab, a dash, a line break)
            continue
        if not (c.isascii() and c.isalnum()):
            return None
        chars.append(c)
        i += 1
    if i < len(text) and text[i].isalnum():
        return None
    iban = "".join(chars)
    if iban.lower() == iban or (iban[1].islower() and iban[2:].upper() == iban[2:]):
        iban = iban.upper()  # "de89 ...", and a country code written as a word, "De89 3704 ..."
    return (iban, i) if iban.upper() == iban else None


# The longest IBAN in its printed form: 34 characters and a space after every four.
_MAX_PRINTED_IBAN = 34 + 8


def may_be_in_iban(text: str, start: int, end: int) -> bool:
    """Whether an IBAN-shaped span or a Polish account number could overlap ``text[start:end]``: one must
    start close enough before.

    A search of a few dozen characters, where :func:`iban_shaped_spans` reads the whole field.
    """
    lo = max(0, start - _MAX_PRINTED_IBAN)
    hi = min(len(text), end + 4)
    return _IBAN_START.search(text, lo, hi) is not None or _NRB.search(text, lo, min(len(text), end + 32)) is not None


def iban_shaped_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` written as an IBAN (country code, check digits, the country's length), valid or
    mistyped, and Polish account numbers: their digits are an account, never a phone number (ask
    :func:`may_be_in_iban` first)."""
    return [(m.start, m.end) for m in (*_scan_ibans(text, checksum=False), *_scan_nrb(text, checksum=False))]


def _scan_nrb(text: str, checksum: bool = True) -> list[IbanMatch]:
    """Polish account numbers written without "PL" ("61 1090 1014 0000 0712 ..."); with ``checksum``, only
    those whose IBAN check holds."""
    out = []
    for m in _NRB.finditer(text):
        iban = "PL" + m.group().replace(" ", "").replace("\t", "")
        if not checksum or valid_iban(iban):
            out.append(IbanMatch(m.start(), m.end(), iban, "PL"))
    return out


def find_ibans(text: str) -> list[IbanMatch]:
    """Every valid IBAN in ``text`` (plain or in groups of four) with offsets into ``text``."""
    if not needs_fold(text):
        return _scan_ibans(text)
    if not _IBAN_HINT.search(text):
        return []
    nt = folded_text(text)
    out = []
    for m in _scan_ibans(nt.text):
        start, end = nt.to_original(m.start, m.end)
        out.append(m._replace(start=start, end=end))
    return out


class IbanExtractor:
    """Bank accounts as IBANs (kind ``iban``), checked against the country length and mod 97."""

    name = "iban"
    kinds: tuple[str, ...] = ("iban",)

    def extract(self, text: str, field: str, ctx: AdContext) -> Iterator[Entity]:
        if len(text) < 15:
            return
        found = find_ibans(text)
        if ctx.reading_country == "PL":  # at home the "PL" is left out: the account number alone is the IBAN
            found += _scan_nrb(text)
        for m in found:
            yield Entity("iban", m.value, field, m.start, m.end, text[m.start : m.end], {"country": m.country})
