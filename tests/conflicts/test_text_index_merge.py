"""Two submissions that add new words to the text index at the same time both commit."""

from Products.ZCTextIndex.Lexicon import CaseNormalizer
from Products.ZCTextIndex.Lexicon import Lexicon
from Products.ZCTextIndex.Lexicon import Splitter
from Products.ZCTextIndex.OkapiIndex import OkapiIndex
import transaction
import ZODB
from ZODB.FileStorage import FileStorage


def test_new_words_of_concurrent_documents_merge(demo, tmp_path):
    # ``demo`` loads the portal's configuration, which patches every ZCTextIndex.
    db = ZODB.DB(FileStorage(str(tmp_path / "Data.fs")))
    first_manager = transaction.TransactionManager()
    first = db.open(transaction_manager=first_manager)
    lexicon = Lexicon(Splitter(), CaseNormalizer())
    first.root()["index"] = OkapiIndex(lexicon)
    for docid in range(1, 21):  # reference numbers: words of one document each
        first.root()["index"].index_doc(docid, f"HER-2026-{docid:06d} Hundesteuer")
    first_manager.commit()

    second_manager = transaction.TransactionManager()
    second = db.open(transaction_manager=second_manager)
    first.root()["index"].index_doc(101, "HER-2026-000101 Bernd Bergmann Hundesteuer")
    second.root()["index"].index_doc(102, "HER-2026-000102 Erika Mustermann Hundesteuer")
    first_manager.commit()
    second_manager.commit()  # Products.ZCTextIndex alone: ConflictError (a bucket of dicts)

    check = db.open()
    index = check.root()["index"]
    assert [docid for docid, _score in index.search("bergmann").items()] == [101]
    assert [docid for docid, _score in index.search("mustermann").items()] == [102]
    assert len(index.search("hundesteuer")) == 22
    check.close()
    db.close()
