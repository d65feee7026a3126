"""Spelling-tolerant search: umlaut spellings (ue/ü, oe/ö, ae/ä, ss/ß) and typos against the service catalogue's words."""

from dataclasses import dataclass
from dataclasses import field
import difflib
from herne.portal.languages import german_only
from plone import api
from plone.base.utils import munge_search_term
import re


WORD = re.compile(r"\w+", re.UNICODE)
#: How close a typed word must be to a catalogue word to be taken for it (difflib ratio).
CUTOFF = 0.8
#: Shorter words are too ambiguous to correct.
MIN_LENGTH = 4
#: A search is a few words; more are not looked at (each word costs a comparison with the catalogue).
MAX_WORDS = 10
FOLDING = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))
UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


def fold(word):
    """One spelling for both ways of writing German: "Führung" and "Fuehrung" fold alike."""
    word = word.lower()
    for umlaut, spelled in FOLDING:
        word = word.replace(umlaut, spelled)
    return word


def spelled_with_umlauts(word):
    """The word with ae/oe/ue written as umlauts, for words the catalogue does not know by title."""
    for spelled, umlaut in UMLAUT_SPELLINGS:
        word = word.replace(spelled, umlaut)
    return word


@dataclass
class ServiceWords:
    """The words of the published services' titles and keywords, and which services carry them.

    Only these words are offered as corrections: the full-text lexicon also holds words of
    applications, which must never be suggested to anybody.
    """

    services: dict = field(default_factory=dict)  # folded word -> [(title, url)]
    spellings: dict = field(default_factory=dict)  # folded word -> {word as written}

    @classmethod
    def of_catalogue(cls):
        words = cls()
        for brain in api.content.find(
            portal_type="Service", sort_on="sortable_title", **german_only()
        ):
            texts = [brain.Title or "", *(brain.Subject or ())]
            for word in {w for text in texts for w in WORD.findall(text) if len(w) >= MIN_LENGTH}:
                folded = fold(word)
                words.spellings.setdefault(folded, set()).add(word.lower())
                entry = words.services.setdefault(folded, [])
                if (brain.Title, brain.getURL()) not in entry:
                    entry.append((brain.Title, brain.getURL()))
        return words

    def corrections(self, word):
        """Catalogue words (folded) the typed word stands for: the same word in another spelling, or close ones."""
        folded = fold(word)
        if folded in self.spellings:
            return [folded]
        if len(word) < MIN_LENGTH or word.isdigit():
            return []
        return difflib.get_close_matches(folded, list(self.spellings), n=3, cutoff=CUTOFF)


@dataclass
class TolerantTerm:
    query: str  # for ZCTextIndex
    suggestions: list  # [(title, url)] of services the term was taken to mean, if it was corrected


def tolerant_term(term, words=None):
    """The ZCTextIndex query for what a citizen typed, each word also in its other spellings."""
    words = words if words is not None else ServiceWords.of_catalogue()
    plain = re.sub(r'"[^"]*"', " ", term)
    phrases = munge_search_term(" ".join(re.findall(r'"[^"]*"', term)))
    parts = [phrases] if phrases else []
    suggestions = []
    for word in WORD.findall(plain)[:MAX_WORDS]:
        if word.lower() in ("and", "or", "not"):
            continue
        variants = {word.lower(), spelled_with_umlauts(word.lower())}
        for folded in words.corrections(word):
            variants |= words.spellings[folded]
            if folded != fold(word) or word.lower() not in words.spellings[folded]:
                suggestions.extend(s for s in words.services[folded] if s not in suggestions)
        parts.append("(" + " OR ".join(f"{variant}*" for variant in sorted(variants)) + ")")
    return TolerantTerm(query=" AND ".join(parts), suggestions=suggestions)
