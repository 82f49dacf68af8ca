"""Payment handles, crypto addresses and IBANs.

Crypto and IBAN vectors are built here from known bytes with encoders written in this file (independent of
the module under test), then checked to be found; one changed character must make them disappear.  The
only public examples used (the BIP-173 program, the EIP-55 addresses, the DE89 IBAN of the ISO examples)
have their checksums recomputed here.
"""

from __future__ import annotations

import hashlib
import random

import pytest

from unveil.extract import extract_ad
from unveil.extract.base import AdContext
from unveil.extract.crypto import CryptoExtractor, IbanExtractor, eip55, keccak256, valid_iban
from unveil.extract.handles import HandleExtractor
from unveil.extract.payments import PaymentExtractor

CTX = AdContext()
PAY = PaymentExtractor()
CRYPTO = CryptoExtractor()
IBAN = IbanExtractor()


def found(extractor: object, text: str) -> list[tuple[str, str]]:
    out = []
    for e in extractor.extract(text, "body", CTX):  # type: ignore[attr-defined]
        assert text[e.start : e.end] == e.text
        out.append((e.value, e.text))
    return out


# ---------------------------------------------------------------------------------------------------------
# Payment handles
# ---------------------------------------------------------------------------------------------------------

PAYMENTS = [
    ("cashapp: $AnnaB", [("cashapp:annab", "$AnnaB")]),
    ("Cash App $anna_b", [("cashapp:anna_b", "$anna_b")]),
    ("CashApp → $AnnaB", [("cashapp:annab", "$AnnaB")]),
    ("Deposit $AnnaB (Cash App) before we meet, $50 or $100", [("cashapp:annab", "$AnnaB")]),
    ("cash.app/$AnnaB", [("cashapp:annab", "cash.app/$AnnaB")]),
    ("https://cash.me/$annab", [("cashapp:annab", "https://cash.me/$annab")]),
    ("paypal.me/annab", [("paypal:annab", "paypal.me/annab")]),
    ("https://www.paypal.me/AnnaB", [("paypal:annab", "https://www.paypal.me/AnnaB")]),
    ("paypal.com/paypalme/annab", [("paypal:annab", "paypal.com/paypalme/annab")]),
    ("PayPal: @annab", [("paypal:annab", "@annab")]),
    ("revtag @annab", [("revolut:annab", "@annab")]),
    ("Revolut: @annab", [("revolut:annab", "@annab")]),
    ("Revolut: annab", [("revolut:annab", "annab")]),
    ("PayPal: rosie.hfx (deposit)", [("paypal:rosie.hfx", "rosie.hfx")]),  # a label: the account as written
    ("PayPal chloe.mrs13", [("paypal:chloe.mrs13", "chloe.mrs13")]),  # bare, in a handle's shape
    ("PP: vivianlane88", [("paypal:vivianlane88", "vivianlane88")]),
    ("Rev: siobhanxo", [("revolut:siobhanxo", "siobhanxo")]),
    ("cashtag: KiraMoon (deposit required)", [("cashapp:kiramoon", "KiraMoon")]),
    ("Cash App: £RubyJ for deposit", [("cashapp:rubyj", "£RubyJ")]),  # Cash App's tags in the UK
    ("revolut.me/annab", [("revolut:annab", "revolut.me/annab")]),
    ("venmo @anna-b-12", [("venmo:anna-b-12", "@anna-b-12")]),
    ("Venmo: anna-b-12", [("venmo:anna-b-12", "anna-b-12")]),
    ("venmo.com/u/anna-b-12", [("venmo:anna-b-12", "venmo.com/u/anna-b-12")]),
    ("venmo.com/annab12", [("venmo:annab12", "venmo.com/annab12")]),
    ("wise.com/pay/me/annab", [("wise:annab", "wise.com/pay/me/annab")]),
    ("Wise: @annab", [("wise:annab", "@annab")]),
    # French, Spanish, German, Italian, Dutch
    ("Acompte par PayPal : paypal.me/annab", [("paypal:annab", "paypal.me/annab")]),
    ("Depósito por Venmo: @anna-b-12", [("venmo:anna-b-12", "@anna-b-12")]),
    ("Anzahlung per Revolut: @annab", [("revolut:annab", "@annab")]),
    ("Deposito tramite cash app: $AnnaB", [("cashapp:annab", "$AnnaB")]),
    # A deposit asked in a "$tag" names the service by itself.
    ("$AnnaB for the deposit", [("cashapp:annab", "$AnnaB")]),
    ("Tips: ETH or $SierraRae", [("cashapp:sierrarae", "$SierraRae")]),  # ... and so does a tip
    ("paypal dot me slash annab", [("paypal:annab", "paypal dot me slash annab")]),
    ("Deposit $AnnaCash before we meet", [("cashapp:annacash", "$AnnaCash")]),
    ("Aanbetaling via Revolut @annab", [("revolut:annab", "@annab")]),
    # A space after the sigil; a Venmo name in a handle's shape after a space.
    ("cashapp $ annab", [("cashapp:annab", "$ annab")]),
    ("venmo anna-b", [("venmo:anna-b", "anna-b")]),
    ("Venmo AnnaB22 for the deposit", [("venmo:annab22", "AnnaB22")]),
    ("deposit required: $ BreeXO", [("cashapp:breexo", "$ BreeXO")]),
    # A bare Cash App name in a handle's shape, after a space or a label.
    ("CashApp anna22", [("cashapp:anna22", "anna22")]),
    ("Cash App: anna_b", [("cashapp:anna_b", "anna_b")]),
    # "$" or "@" for a letter in the service's name.
    ("Ca$hApp $annab", [("cashapp:annab", "$annab")]),
    ("C@sh app: $anna22", [("cashapp:anna22", "$anna22")]),
    ("V3nmo @anna-b-12", [("venmo:anna-b-12", "@anna-b-12")]),
    # Two services, two names in the same order: each name goes to the service of its sigil.
    ("Cashapp/Venmo: $annab / @anna-b22", [("cashapp:annab", "$annab"), ("venmo:anna-b22", "@anna-b22")]),
    # Chime's "$ChimeSign", which Cash App named elsewhere in the field does not take
    ("Chime: $CarmenLV (NOT cashapp)", [("chime:carmenlv", "$CarmenLV")]),
    ("Chime $Tasha-Jones-4", [("chime:tasha-jones-4", "$Tasha-Jones-4")]),
    ("$ChimeSign: $ZoeyK88", [("chime:zoeyk88", "$ZoeyK88")]),  # the label itself written with its "$"
    # the service's name with signs for letters
    ("Ca$h @pp: $SierraRae", [("cashapp:sierrarae", "$SierraRae")]),
    ("deposit on P@yPal: rosie.hfx", [("paypal:rosie.hfx", "rosie.hfx")]),
    # the service's own link spelled after its label is no name; the name after it is
    ("Revolut: revolut dot me slash annab", [("revolut:annab", "revolut dot me slash annab")]),
]

PAYMENT_NEGATIVES = [
    "PayPal: ask\nCashApp: N/A",
    "PayPal preferred",
    "Cash App £50 deposit first",
    "$ALL deposits are non-refundable",
    "$200 deposit via cash app",
    "deposit first, $pecial rates today",  # "$" for "s"
    "$AnnaB for the party",  # no Cash App and no deposit named
    "Small deposit $20, rest $FREE consultation",
    "Cash only, $150 per hour",
    "cash app only",
    "cash app $USD 200",
    "PayPal accepted",
    "PayPal: anna@example.com",
    "PayPal friends and family",
    "Revolut accepted",
    "revolut only",
    "Venmo accepted",
    "venmo or cash",
    "Venmo preferred",  # a bare word that only ends its phrase is prose on Venmo
    "Venmo required.",
    "cash app $ 200 deposit",
    "Be wise, book early",
    "Cashapp: preferred",  # a bare word after a label is prose on Cash App
    "Cash App: Zelle also fine",
    "CashApp 24/7",
    "Ca$h only, $150 per hour",
    "deposit anna22 first",  # "deposit" names Cash App only for a "$tag"
    "Deposit: Anna22",
    "Revolut : demandez le lien",
    "Revolut : oui",
    "Telegram @anna_vip",
    # an answer after a service's label in a list of how to pay
    "Rates: 150 USD/h. PayPal: not accepted.",
    "PayPal: see link in bio",
    "Payment options — PayPal: preferred, Revolut: fine, cash: always.",
    "Zahlung: bar oder PayPal: gerne.",
    "Plata: cash sau PayPal: da. Revolut: disponibil.",
    "Formas de pago — PayPal: consultar. Bizum: sí.",
    "PayPal: never. Revolut: sometimes. Cash: always.",
]


@pytest.mark.parametrize(("text", "expected"), PAYMENTS)
def test_payment_handles(text, expected):
    assert found(PAY, text) == expected


@pytest.mark.parametrize("text", PAYMENT_NEGATIVES)
def test_payment_hard_negatives(text):
    assert found(PAY, text) == []


def test_payment_and_messaging_names_do_not_leak_into_each_other():
    text = "Snap: anna_b, Venmo @annab"
    assert found(PAY, text) == [("venmo:annab", "@annab")]
    assert found(HandleExtractor(), text) == [("snapchat:anna_b", "anna_b")]


# ---------------------------------------------------------------------------------------------------------
# Encoders written for the tests
# ---------------------------------------------------------------------------------------------------------

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def sha256d(b: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def base58check(payload: bytes) -> str:
    raw = payload + sha256d(payload)[:4]
    n = int.from_bytes(raw, "big")
    s = ""
    while n > 0:
        n, r = divmod(n, 58)
        s = B58[r] + s
    return "1" * (len(raw) - len(raw.lstrip(b"\0"))) + s


def base58_valid(s: str) -> bool:
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    raw = b"\0" * (len(s) - len(s.lstrip("1"))) + n.to_bytes((n.bit_length() + 7) // 8, "big")
    return sha256d(raw[:-4])[:4] == raw[-4:]


def bech_polymod(values: list[int]) -> int:
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = ((chk & 0x1FFFFFF) << 5) ^ v
        for i in range(5):
            chk ^= gen[i] if (b >> i) & 1 else 0
    return chk


def segwit_address(version: int, program: bytes, const: int | None = None) -> str:
    hrp = "bc"
    bits = "".join(f"{byte:08b}" for byte in program)
    bits += "0" * (-len(bits) % 5)
    data = [version] + [int(bits[i : i + 5], 2) for i in range(0, len(bits), 5)]
    const = const if const is not None else (1 if version == 0 else 0x2BC830A3)
    expanded = [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]
    poly = bech_polymod(expanded + data + [0] * 6) ^ const
    check = [(poly >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH[d] for d in data + check)


def iban(country: str, bban: str) -> str:
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bban}"


def mutate(s: str, index: int, alphabet: str) -> str:
    c = s[index]
    repl = alphabet[(alphabet.index(c) + 7) % len(alphabet)] if c in alphabet else alphabet[0]
    return s[:index] + repl + s[index + 1 :]


RNG = random.Random(20240601)
HASHES = [bytes(RNG.randrange(256) for _ in range(20)) for _ in range(8)]


# ---------------------------------------------------------------------------------------------------------
# Bitcoin, Ethereum, Tron
# ---------------------------------------------------------------------------------------------------------


def test_keccak_is_keccak_not_sha3():
    # Known answers of the original Keccak-256 (Ethereum); SHA3-256 pads differently.
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
    assert keccak256(b"") != hashlib.sha3_256(b"").digest()
    assert len({keccak256(bytes(n)) for n in (135, 136, 137, 272)}) == 4  # padding at the block edges


@pytest.mark.parametrize("h160", HASHES)
def test_legacy_bitcoin_from_bytes(h160):
    for version, fmt in ((0x00, "p2pkh"), (0x05, "p2sh")):
        addr = base58check(bytes([version]) + h160)
        ents = list(CRYPTO.extract(f"BTC: {addr}.", "body", CTX))
        assert [(e.value, e.attrs["format"]) for e in ents] == [(f"btc:{addr}", fmt)]
        bad = mutate(addr, len(addr) // 2, B58)
        assert not base58_valid(bad)
        assert found(CRYPTO, f"BTC: {bad}") == []


def test_genesis_address_checksum_recomputed_here():
    addr = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
    assert base58_valid(addr)
    assert found(CRYPTO, f"tips to {addr} thanks") == [(f"btc:{addr}", addr)]


def test_address_glued_into_a_file_name_is_not_read():
    addr = base58check(b"\x05" + HASHES[1])
    assert found(CRYPTO, f"image_{addr}.jpg") == []
    assert found(CRYPTO, f"{addr}_small.png") == []


def test_wrong_version_byte_is_not_bitcoin():
    addr = base58check(bytes([0x30]) + HASHES[0])  # Litecoin-style version: starts with "L"
    assert found(CRYPTO, addr) == []


@pytest.mark.parametrize(("version", "size", "fmt"), [(0, 20, "p2wpkh"), (0, 32, "p2wsh"), (1, 32, "p2tr")])
def test_segwit_from_bytes(version, size, fmt):
    program = bytes(RNG.randrange(256) for _ in range(size))
    addr = segwit_address(version, program)
    for written in (addr, addr.upper()):
        ents = list(CRYPTO.extract(f"send to {written} please", "body", CTX))
        assert [(e.value, e.text, e.attrs["format"]) for e in ents] == [(f"btc:{addr}", written, fmt)]
    assert found(CRYPTO, mutate(addr, 10, BECH)) == []
    mixed = addr[:8] + addr[8:].upper()
    assert found(CRYPTO, mixed) == []
    wrong_constant = segwit_address(version, program, const=0x2BC830A3 if version == 0 else 1)
    assert found(CRYPTO, wrong_constant) == []


def test_bip173_example_program_gives_the_published_address():
    program = bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")
    addr = segwit_address(0, program)
    assert addr == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert found(CRYPTO, addr) == [(f"btc:{addr}", addr)]


@pytest.mark.parametrize("h160", HASHES[:4])
def test_tron_from_bytes(h160):
    addr = base58check(b"\x41" + h160)
    assert addr.startswith("T") and len(addr) == 34
    assert found(CRYPTO, f"USDT (TRC20): {addr}") == [(f"trx:{addr}", addr)]
    assert found(CRYPTO, mutate(addr, 20, B58)) == []


EIP55_EXAMPLES = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]


@pytest.mark.parametrize("addr", EIP55_EXAMPLES)
def test_eip55_examples_recomputed(addr):
    assert eip55(addr.lower()) == addr
    assert found(CRYPTO, f"ETH {addr}") == [(f"eth:{addr.lower()}", addr)]
    flipped = addr[:5] + addr[5].swapcase() + addr[6:] if addr[5].isalpha() else addr[:2] + addr[2:].swapcase()
    assert found(CRYPTO, flipped) == []


@pytest.mark.parametrize("h160", HASHES)
def test_ethereum_from_bytes(h160):
    lower = "0x" + h160.hex()
    mixed = eip55(lower)
    for written in (lower, "0x" + h160.hex().upper(), mixed):
        assert found(CRYPTO, f"eth: {written}") == [(f"eth:{lower}", written)]
    letters = [i for i, c in enumerate(mixed) if i > 1 and c.isalpha()]
    if any(mixed[i].islower() for i in letters) and any(mixed[i].isupper() for i in letters):
        i = letters[0]
        broken = mixed[:i] + mixed[i].swapcase() + mixed[i + 1 :]
        assert found(CRYPTO, broken) == []


@pytest.mark.parametrize(
    "text",
    [
        "0x" + "0" * 40,
        "0x" + "ab" * 19,
        "0x" + "ab" * 21,
        "tx 0x" + "5aae" * 16,
        "ref 1" + "A" * 33,
        "bc1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        "T" + "z" * 33,
    ],
)
def test_crypto_negatives(text):
    assert found(CRYPTO, text) == []


# ---------------------------------------------------------------------------------------------------------
# IBAN
# ---------------------------------------------------------------------------------------------------------

BBANS = {
    "DE": "370400440532013000",
    "GB": "WEST12345698765432",
    "FR": "20041010050500013M02606",
    "NL": "ABNA0417164300",
    "BE": "539007547034",
    "ES": "21000418450200051332",
    "IT": "X0542811101000000123456",
    "CH": "00762011623852957",
    "NO": "86011117947",
}


def grouped(s: str) -> str:
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4))


@pytest.mark.parametrize(("country", "bban"), sorted(BBANS.items()))
def test_iban_built_here_is_found_plain_and_grouped(country, bban):
    value = iban(country, bban)
    assert valid_iban(value)
    for written in (value, grouped(value)):
        ents = list(IBAN.extract(f"IBAN: {written}, BIC on request", "body", CTX))
        assert [(e.value, e.text, e.attrs["country"]) for e in ents] == [(value, written, country)]
    broken = value[:-3] + str((int(value[-3]) + 1) % 10) + value[-2:]
    assert found(IBAN, broken) == []


def test_the_iso_example_iban_checks():
    assert iban("DE", "370400440532013000") == "DE89370400440532013000"
    assert found(IBAN, "DE89 3704 0044 0532 0130 00") == [("DE89370400440532013000", "DE89 3704 0044 0532 0130 00")]
    # typed in lower case: read, reported upper case, and its digit groups are no phone
    assert found(IBAN, "iban de89 3704 0044 0532 0130 00") == [
        ("DE89370400440532013000", "de89 3704 0044 0532 0130 00")]
    # ... or with its country code capitalised as a word
    assert found(IBAN, "Konto: De89 3704 0044 0532 0130 00") == [
        ("DE89370400440532013000", "De89 3704 0044 0532 0130 00")]
    assert [e for e in extract_ad({"body": "Konto: De89 3704 0044 0532 0130 00", "country": "DE"})
            if e.kind == "phone"] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("IBAN ES30 2100 3731 32 3960115988", "ES3021003731323960115988"),
        ("IBAN: IT 97 U 03062 63045 617612645502", "IT97U0306263045617612645502"),
        ("Rekening: NL 51 ABNA 3962991387", "NL51ABNA3962991387"),
        ("DE89 3704 00 44 0532 0130 00", "DE89370400440532013000"),
    ],
)
def test_ibans_in_national_groupings_are_read_when_they_check(text: str, value: str) -> None:
    assert [v for v, _ in found(IBAN, text)] == [value]
    # ... and their digits are no phones
    country = value[:2]
    assert [e for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"] == []


@pytest.mark.parametrize(
    "text",
    [
        "DE89370400440532013001",  # check fails
        "DE8937040044053201300",  # one short
        "DE893704004405320130001",  # one long
        "XX89370400440532013000",  # no such country
        "dE89370400440532013000",  # mixed case is not read
        "DE89370400440532013000ABC",  # glued to more text
        "DE89 3704 00 44 0532 0130 01",  # spaces not in groups of four, and the check fails
        "DE00370400440532013000",  # check digits 00 are never issued
    ],
)
def test_iban_negatives(text):
    assert found(IBAN, text) == []


@pytest.mark.parametrize("sep", ["\t", "\n", "-", "\u00a0", "\u202f", "."])
def test_iban_groups_split_by_a_tab_a_line_break_or_a_dash(sep):
    value = iban("DE", BBANS["DE"])
    assert [v for v, _ in found(IBAN, "IBAN " + sep.join(grouped(value).split(" ")))] == [value]


def test_polish_account_without_pl_is_the_iban_in_a_polish_ad():
    value = iban("PL", "109010140000071219812874")
    nrb = value[2:4] + " " + grouped(value[4:])
    pl = AdContext(country="PL")
    assert [(e.value, e.text) for e in IBAN.extract(f"Nr konta: {nrb}", "body", pl)] == [(value, nrb)]
    assert [e.value for e in IBAN.extract(f"Nr konta: {nrb}", "body", CTX)] == []  # elsewhere, no "PL" to add
    mistyped = nrb[:-1] + str((int(nrb[-1]) + 1) % 10)
    assert [e.value for e in IBAN.extract(f"Nr konta: {mistyped}", "body", pl)] == []


def test_iban_start_inside_other_text_is_still_found():
    value = iban("NL", BBANS["NL"])
    assert [v for v, _ in found(IBAN, f"AB12 {grouped(value)} ok")] == [value]


# ---------------------------------------------------------------------------------------------------------
# Hostile input
# ---------------------------------------------------------------------------------------------------------

MB = 1_000_000


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "text",
    [
        (B58 * (MB // len(B58) + 1))[:MB],
        ("0123456789abcdef" * (MB // 16)),
        "0x" + "ab" * (MB // 2),
        ("1" * 33 + " ") * (MB // 34),
        ("0x" + "a" * 40 + " ") * (MB // 43),
        "bc1" + "q" * MB,
        ("DE89 " * (MB // 5)),
        ("$a " * (MB // 3)) + "cash app",
        "cash app " + "$" * MB,
        ("paypal.me/" * (MB // 10)),
    ],
    ids=["base58", "hex", "0xhex", "ones", "eth-like", "bc1", "iban-heads", "cashtags", "dollars", "paypal.me"],
)
def test_hostile_input_finishes(text):
    for extractor in (CRYPTO, IBAN, PAY):
        for e in extractor.extract(text, "body", CTX):
            assert e.end - e.start <= 120


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("IBAN: DE73 3704 0044 8882 3130 937", "DE"),  # a digit too many
        ("IBAN: IT15 X030 6909 6061 7893 3826 99", "IT"),
        ("Nr konta: PL25 1090 1014 6582 3664 1221 184", "PL"),
    ],
)
def test_an_account_number_in_an_ibans_shape_gives_no_phone(text: str, country: str) -> None:
    assert [e for e in extract_ad({"body": text, "country": country}) if e.kind == "phone"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dep: $KhloeK • no dep no appt", [("cashapp:khloek", "$KhloeK")]),
        ("Depósito: $YesiRD, el resto en efectivo.", [("cashapp:yesird", "$YesiRD")]),
    ],
)
def test_short_and_spanish_deposit_cues_for_a_cashtag(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(PAY, text) == expected


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        # a wallet's address or a hash holds no price, age or town by chance
        ("Atlanta 💎 $250/hr. BTC deposit: bc1q73gvqtnulxur7jke845as9z2lx2jyxj896h6cd", "US", "price",
         ["250 USD/60min"]),
        ("I'm 27, new in Chicago. Bitcoin deposit bc1qtnf22ucwnlsdmdfx629lq8ajv80ar8vxl6xu3e", "US", "age", ["27"]),
        ("Bitcoin: 1NYt92Yo4Trr2aNqpdRjWgmjAySaRLZnyW", "US", "age", []),
        ("USDT (TRC20): TEtE4j6LxzAsZFDbubYPp78UU1xCNQBQYd", "PT", "city", []),
        ("Paid, tx 0xca43d643bef1f20d35813bf7d5953f85ff30bcc7039cad22f7a2b9aaee4465ea – see you at 8", "CA", "price",
         []),
        # answers after a service's label, crypto tickers and amounts in words after "$"
        ("PayPal : disponible.", "FR", "payment", []),
        ("Venmo: private, ask me", "US", "payment", []),
        ("Revolut: tylko znajomi", "PL", "payment", []),
        ("Deposit in $BTC or $ETH only", "US", "payment", []),
        ("Deposit: $fifty to hold your slot", "US", "payment", []),
        # a platform word followed by a name of its own names that one, not the name before it
        ("IG @sofia.ldn | Revolut @sofialdn", "GB", "payment", ["revolut:sofialdn"]),
        ("Twitter @lilyrose_nyc | Venmo @LilyRose-NYC", "US", "payment", ["venmo:lilyrose-nyc"]),
        ("pay @annab on venmo", "US", "payment", ["venmo:annab"]),
    ],
)
def test_payments_and_identifiers_are_not_read_into_prose(body: str, country: str, kind: str,
                                                           values: list[str]) -> None:
    assert sorted({e.value for e in extract_ad({"body": body, "country": country}) if e.kind == kind}) == values


@pytest.mark.parametrize(
    ("body", "country", "kind", "values"),
    [
        ("Venmo for deposits: brooke-nash", "US", "payment", ["venmo:brooke-nash"]),
        ("Revolut pentru avans: @ioana.m", "RO", "payment", ["revolut:ioana.m"]),
        ("Snapchat for pics: brooke.nash", "US", "handle", ["snapchat:brooke.nash"]),
        ("Telegram for bookings & info: @lola_vip", "US", "handle", ["telegram:lola_vip"]),
        # the aside's name is no web address too
        ("Insta pour les photos : lola.vip", "FR", "url", []),
        ("Insta pour les photos : lola.vip", "FR", "handle", ["instagram:lola.vip"]),
        # an aside ending in a word that is no name, or running past its line, names nobody
        ("Snap for fun: no", "US", "handle", []),
        ("Available on Telegram for regulars: text first", "US", "handle", []),
        ("Venmo for the\ndeposit: ask me", "US", "payment", []),
    ],
)
def test_an_aside_between_a_platform_and_its_colon_is_skipped(body: str, country: str, kind: str,
                                                               values: list[str]) -> None:
    assert sorted({e.value for e in extract_ad({"body": body, "country": country}) if e.kind == kind}) == values
