"""The letters a title is filed and sorted under: Latin, Turkish, Ukrainian and Arabic alphabets."""

from herne.portal.i18n import GERMAN
from plone.i18n.normalizer.base import baseNormalize
import string
import unicodedata


LATIN = tuple(string.ascii_uppercase)
#: The Turkish alphabet: Ç, Ğ, İ, Ö, Ş and Ü are letters of their own (no Q, W, X).
TURKISH = tuple("ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ")
#: Turkish upper case of the dotted and the dotless i (Python's own upper() is not Turkish).
TURKISH_UPPER = {"i": "İ", "ı": "I"}
#: The Ukrainian alphabet in its order (Ь starts no word but sorts inside words).
UKRAINIAN = tuple("АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ")
#: The Arabic alphabet in its usual (hijāʾī) order.
ARABIC = tuple("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
#: Written forms filed under their base letter (hamza carriers, alif maqsura, ta marbuta).
ARABIC_BASE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ء": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
}
#: Letters that begin no word: sorted, never an index letter.
NEVER_FIRST = frozenset({"Ь", "Ğ"})
#: Titles beginning with a digit or a sign.
OTHER = "#"

#: The alphabet a language's titles are written in, where it is not the Latin one.
ALPHABETS = {"uk": UKRAINIAN, "ar": ARABIC, "tr": TURKISH}

_POSITIONS = {
    **{letter: index for index, letter in enumerate(UKRAINIAN)},
    **{letter: index for index, letter in enumerate(ARABIC)},
}
_TURKISH_POSITIONS = {letter: index for index, letter in enumerate(TURKISH)}


def _script(char):
    """ "latin", "cyrillic", "arabic" or None for a letter; None for digits, signs, marks."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC"):
        if name.startswith(script):
            return script.lower()
    return None


def _base(char, language=GERMAN):
    """The letter ``char`` is filed under: upper case, umlauts and accents without their marks
    (in Turkish, its own letters such as Ç and İ stay what they are)."""
    script = _script(char)
    if script == "cyrillic":
        return char.upper()
    if script == "arabic":
        return ARABIC_BASE.get(char, char)
    if script == "latin":
        if language == "tr":
            upper = TURKISH_UPPER.get(char, char.upper())
            if upper in _TURKISH_POSITIONS:
                return upper
        return baseNormalize(char).upper()[:1]
    return None


def initial_letter(title, language=GERMAN):
    """The index letter of ``title``: its first letter in its own alphabet, else ``OTHER``."""
    first = (title or "").strip()[:1]
    letter = _base(first, language) if first else None
    if letter in LATIN or letter in _POSITIONS:
        return letter
    if language == "tr" and letter in _TURKISH_POSITIONS:
        return letter
    return OTHER


def index_letters(language, used=()):
    """The letters of the index in ``language``: its alphabet, the Latin letters in ``used``
    (German pages not translated yet) where it has another alphabet, then ``OTHER``."""
    own = ALPHABETS.get(language, LATIN)
    letters = [letter for letter in own if letter not in NEVER_FIRST]
    letters += [letter for letter in LATIN if letter in used and letter not in letters]
    letters += sorted(letter for letter in set(used) - set(letters) - {OTHER})
    return [*letters, OTHER]


def sort_key(title, language=GERMAN):
    """Sorts titles in the alphabet order of ``language``: its own letters before the others."""
    own = {"uk": "cyrillic", "ar": "arabic"}.get(language, "latin")
    key = []
    for char in (title or "").strip():
        script = _script(char)
        if script is None:
            if unicodedata.category(char).startswith("M"):
                continue  # Arabic vowel marks and other combining marks do not sort
            key.append((0, ord(char.lower())))
            continue
        letter = _base(char, language)
        rank = 1 if script == own else 2 if script == "latin" else 3
        if language == "tr" and letter in _TURKISH_POSITIONS:
            value = _TURKISH_POSITIONS[letter]
        elif language == "tr" and script == "latin":
            value = len(TURKISH) + ord(letter.lower())  # Q, W, X after Z
        else:
            value = _POSITIONS.get(letter, ord(letter.lower()) if letter else ord(char))
        key.append((rank, value))
    return key
