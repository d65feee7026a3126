"""Create or complete the German catalogues: our msgids are German, so msgstr defaults to msgid.

Run after `make i18n` has synced the .po files with the .pot templates; entries that
already carry a translation are left alone.
"""

from pathlib import Path
import polib
import sys


LOCALES = Path(__file__).parents[1] / "src" / "herne" / "portal" / "locales"
#: Translator comment of the msgids Plone shows but leaves untranslated in German: they
#: are kept by hand in our plone.po, no template of ours extracts them.
UPSTREAM_GAP = "Plone leaves this untranslated"


def plone_core_msgids():
    """Msgids Plone itself translates in its domain: ours must never shadow them."""
    import plone.app.locales

    path = Path(plone.app.locales.__file__).parent / "locales" / "de" / "LC_MESSAGES" / "plone.po"
    return {entry.msgid for entry in polib.pofile(str(path)) if entry.msgstr}


def fill(domain):
    # i18ndude starts its templates with "#---"-style banner lines that polib does not parse.
    text = (LOCALES / f"{domain}.pot").read_text(encoding="utf-8")
    text = text[text.index('msgid ""') :]
    pot = polib.pofile(text)
    po_path = LOCALES / "de" / "LC_MESSAGES" / f"{domain}.po"
    po = polib.pofile(str(po_path)) if po_path.exists() else polib.POFile()
    po.metadata = {
        "Project-Id-Version": "herne.portal",
        "Language": "de",
        "Language-Code": "de",
        "Language-Name": "Deutsch",
        "Domain": domain,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
        "Preferred-Encodings": "utf-8",
    }
    known = {entry.msgid: entry for entry in po}
    core = plone_core_msgids() if domain == "plone" else set()
    pot = [entry for entry in pot if entry.msgid and entry.msgid not in core]
    for entry in pot:
        target = known.get(entry.msgid)
        if target is None:
            target = polib.POEntry(msgid=entry.msgid)
            po.append(target)
        target.occurrences = entry.occurrences
        target.comment = entry.comment
        if not target.msgstr:
            target.msgstr = entry.msgid
    wanted = {entry.msgid for entry in pot}
    for entry in [e for e in po if e.msgid not in wanted and UPSTREAM_GAP not in e.tcomment]:
        po.remove(entry)
    po.sort(key=lambda e: e.msgid)
    po_path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(po_path))
    return len(po)


if __name__ == "__main__":
    for name in sys.argv[1:] or ["herne.portal", "plone"]:
        print(name, fill(name))
