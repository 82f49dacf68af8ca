"""Language identification of the body, restricted to the languages of Europe and North America."""

from __future__ import annotations

import pytest

from unveil.extract.base import AdContext
from unveil.extract.language import LANGUAGES, LanguageExtractor, identify

LANG = LanguageExtractor()

TEXTS = [
    ("en", "Hello, I am Anna, new in town and available today for relaxing massage appointments."),
    ("fr", "Bonjour, je suis Léa, disponible à Paris pour un massage relaxant sur rendez-vous."),
    ("es", "Hola, soy María, tengo 25 años y estoy disponible en Madrid para masajes relajantes."),
    ("de", "Hallo, ich bin Lena, 25 Jahre alt, heute in Berlin für entspannende Massagen verfügbar."),
    ("it", "Ciao, sono Giulia, disponibile a Roma per massaggi rilassanti su appuntamento."),
    ("nl", "Hoi, ik ben Sanne en vandaag beschikbaar in Amsterdam voor een ontspannende massage."),
    ("pt", "Olá, sou a Inês, estou disponível em Lisboa para massagens relaxantes com marcação."),
    ("pl", "Cześć, jestem Kasia, dostępna dzisiaj w Warszawie na relaksujący masaż po umówieniu."),
    ("ro", "Bună, sunt Andreea, disponibilă astăzi în București pentru un masaj relaxant, cu programare."),
]


@pytest.mark.parametrize(("lang", "text"), TEXTS)
def test_language(lang: str, text: str) -> None:
    [e] = LANG.extract(text, "body", AdContext())
    assert e.kind == "language" and e.value == lang
    assert (e.start, e.end, e.text) == (0, 0, "")  # a whole-field attribute: empty span
    assert text[e.start:e.end] == e.text
    assert 0.5 <= e.attrs["confidence"] <= 1.0


def test_only_the_body_is_labelled() -> None:
    text = TEXTS[0][1]
    for field in ("title", "url", "email", "phone"):
        assert list(LANG.extract(text, field, AdContext())) == []


@pytest.mark.parametrize("text", ["", "Hi!", "Call 07700 900123", "£150 1h, 30min £80 🌹🌹🌹", "xx xx xx"])
def test_short_texts_are_not_guessed(text: str) -> None:
    assert list(LANG.extract(text, "body", AdContext())) == []


def test_declared_language_is_not_trusted() -> None:
    [e] = LANG.extract(TEXTS[1][1], "body", AdContext(lang="en"))
    assert e.value == "fr"


def test_languages_are_european_or_north_american() -> None:
    assert {"en", "fr", "es", "de", "it", "nl", "pt"} <= set(LANGUAGES)
    assert "zh" not in LANGUAGES and "ja" not in LANGUAGES
    assert identify("short") is None


def test_global_identifier_is_untouched() -> None:
    import py3langid

    LANG.extract(TEXTS[0][1], "body", AdContext())
    list(LANG.extract(TEXTS[0][1], "body", AdContext()))
    # The module-level identifier still knows every language (ours is a private instance).
    assert py3langid.classify("这是一个中文句子，用来测试语言识别。")[0] == "zh"


@pytest.mark.timeout(30)
def test_long_input() -> None:
    [e] = LANG.extract("Hello, I am available today. " * 40_000, "body", AdContext())
    assert e.value == "en"


def test_memoised_walk_scores_like_py3langid() -> None:
    """The memoised automaton walk gives exactly py3langid's language and confidence."""
    import json
    from pathlib import Path

    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from unveil.demo.generator import iter_ads
    from unveil.extract.language import LANGUAGES, MAX_CHARS, _identifier

    ref = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ref.set_languages(list(LANGUAGES))
    fast = _identifier()
    texts = [ad["body"][:MAX_CHARS] for ad in iter_ads(300, seed=3)]
    for path in sorted((Path(__file__).resolve().parents[1] / "data").glob("extraction_eval_*.jsonl")):
        texts += [json.loads(line)["text"][:MAX_CHARS] for line in path.read_text("utf-8").splitlines() if line]
    texts += ["", " ", "a  b", "x" * 300, "é" * 50, "  leading and trailing  ", "tab\tand\nnew line"]
    for text in texts + texts:  # twice: the second pass reads from the memo
        assert fast.classify(text) == ref.classify(text), text


def test_batch_scoring_matches_one_text_at_a_time_and_py3langid() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from unveil.extract.language import LANGUAGES, MAX_CHARS, MIN_CONFIDENCE, identify, identify_many

    texts = [
        "Bonjour, je suis disponible ce soir à Lyon, appelle-moi pour un rendez-vous.",
        "Hello gentlemen, I am new in town and available all week for dinner dates.",
        "Hola, soy nueva en la ciudad y estoy disponible toda la semana.",
        "short",
        "Hallo, ich bin neu in der Stadt und die ganze Woche verfügbar. Bis bald!",
        "Ciao, sono nuova in città e disponibile tutta la settimana per cena.",
    ]
    batch = identify_many(texts)
    assert batch == [identify(t) for t in texts] == identify_many(list(reversed(texts)))[::-1]
    ref = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ref.set_languages(list(LANGUAGES))
    for text, got in zip(texts, batch, strict=True):
        if got is None:
            continue
        lang, conf = ref.classify(text[:MAX_CHARS])
        assert conf >= MIN_CONFIDENCE and got == (lang, round(float(conf), 4))
    assert [g[0] if g else None for g in batch] == ["fr", "en", "es", None, "de", "it"]
