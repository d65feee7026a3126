"""The words of the reference numbers ahead of the counter are in the lexicon before any submission uses them."""

import datetime
from herne.portal.applications import reference
import transaction


def _open(db):
    manager = transaction.TransactionManager()
    connection = db.open(transaction_manager=manager)
    manager.begin()
    return manager, connection, connection.root()["Application"]["plone"]


def _lexicon(portal):
    catalog = portal.portal_catalog
    return getattr(catalog, catalog._catalog.indexes["SearchableText"].lexicon_id)


def _block(db):
    """Draw a block as a submission does; the first number of it."""
    reference.forget_blocks()
    manager, connection, portal = _open(db)
    number = int(reference.next_reference_number(portal["antraege"])[-6:])
    manager.commit()
    connection.close()
    return number


def _text(number, name):
    """An application's full text as the index reads it: number, name, service."""
    return f"{reference.format_number(datetime.date.today().year, number)} {name} Hundesteuer"


def test_a_submission_adds_no_word_for_its_number(demo_functional):
    db = demo_functional["zodbDB"]
    first = _block(db)
    manager, connection, portal = _open(db)
    lexicon = _lexicon(portal)
    known = lexicon.length()
    new_name = "konflikt" not in lexicon._wids

    # the blocks after the drawn one, as later submissions index them
    ahead = first + reference.BLOCK_SIZE
    for number in range(ahead, ahead + reference.WORDS_AHEAD):
        lexicon.sourceToWordIds(_text(number, "Konflikt"))

    # entered with the earlier block: the submissions only read them
    assert lexicon.length() == known + new_name
    manager.abort()
    connection.close()


def _known_names(db, *names):
    """Enter citizens' names into the lexicon, as earlier applications did; its word count after."""
    manager, connection, portal = _open(db)
    lexicon = _lexicon(portal)
    lexicon.sourceToWordIds(" ".join(names))
    manager.commit()
    known = lexicon.length()
    connection.close()
    return known


def test_two_submissions_with_the_next_numbers_both_commit(demo_functional):
    db = demo_functional["zodbDB"]
    first = _block(db)
    # Names the lexicon knows already: a citizen's new name is a new word, inserted at a
    # random word id, and a bucket split by one insert ends a concurrent one (retried);
    # what is asserted here is that the numbers' words add nothing of that kind.
    known = _known_names(db, "Bergmann", "Mustermann")
    (one, one_connection, one_portal), (two, two_connection, two_portal) = _open(db), _open(db)

    ahead = first + reference.BLOCK_SIZE  # the next block's numbers
    one_ids = _lexicon(one_portal).sourceToWordIds(_text(ahead, "Bergmann"))
    two_ids = _lexicon(two_portal).sourceToWordIds(_text(ahead + 1, "Mustermann"))
    # neither wrote a word: the lexicon only read
    assert _lexicon(one_portal).length() == known
    assert _lexicon(two_portal).length() == known
    one.commit()
    two.commit()

    check, connection, portal = _open(db)
    lexicon = _lexicon(portal)
    assert lexicon.sourceToWordIds(_text(ahead, "Bergmann")) == one_ids
    assert lexicon.sourceToWordIds(_text(ahead + 1, "Mustermann")) == two_ids
    assert one_ids[:2] == two_ids[:2]  # "her" and the year: one word each
    assert len(set(one_ids) | set(two_ids)) == len(one_ids) + len(two_ids) - 3
    check.abort()
    for opened in (one_connection, two_connection, connection):
        opened.close()
