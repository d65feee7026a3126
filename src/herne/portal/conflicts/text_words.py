"""A text index word keeps its documents in a BTree from its first document, so concurrent writes merge.

Products.ZCTextIndex keeps the documents of a word in a plain dict inside the
bucket of ``_wordinfo`` until the word has ten documents. The ZODB cannot merge
two concurrent changes of a bucket holding dicts (BTrees compare values to
merge, and dicts have no order), and nearly every bucket holds some: reference
numbers and names are words of one or two applications. So any two submissions
that added words to the same bucket conflicted, and Zope redid one of them
(the first line of the conflict map in docs/benchmarks.md). Here a new word
gets its IIBTree at once (ZCTextIndex's own type for words with many documents),
and adding a document to a known word writes only that word's tree, not the
bucket. Search and ranking read both kinds alike. Applied to every ZCTextIndex
(SearchableText, Title, Description) by collective.monkeypatcher
(``configure.zcml``); the upgrade to 1030 converts the dicts already stored.
"""

from BTrees.IIBTree import IIBTree


def _tree_for(index, wid):
    """The word's document tree, made (and stored in ``_wordinfo``) when it has none yet."""
    doc2score = index._wordinfo.get(wid)
    if doc2score is None:
        doc2score = IIBTree()
        index._wordinfo[wid] = doc2score
        return doc2score, True
    if isinstance(doc2score, dict):
        doc2score = IIBTree(doc2score)
        index._wordinfo[wid] = doc2score
    return doc2score, False


def add_wordinfo(self, wid, f, docid):
    """Replacement of ``BaseIndex._add_wordinfo``."""
    doc2score, new = _tree_for(self, wid)
    if new:
        self.length.change(1)
    doc2score[docid] = f


def mass_add_wordinfo(self, wid2weight, docid):
    """Replacement of ``BaseIndex._mass_add_wordinfo``."""
    new_words = 0
    for wid, weight in wid2weight.items():
        doc2score, new = _tree_for(self, wid)
        new_words += new
        doc2score[docid] = weight
    self.length.change(new_words)


def del_wordinfo(self, wid, docid):
    """Replacement of ``BaseIndex._del_wordinfo``: a tree is written, not stored again."""
    doc2score = self._wordinfo[wid]
    del doc2score[docid]
    if not doc2score:
        del self._wordinfo[wid]
        self.length.change(-1)
    elif isinstance(doc2score, dict):
        self._wordinfo[wid] = doc2score  # a dict is part of the bucket's state


def convert_stored_words(index):
    """Turn the dicts an index stored before into trees; returns how many were converted."""
    converted = 0
    for wid, doc2score in list(index._wordinfo.items()):
        if isinstance(doc2score, dict):
            index._wordinfo[wid] = IIBTree(doc2score)
            converted += 1
    return converted
