"""Keep the catalogues of the languages beside German in step with the templates and merge new translations.

German is the source language (our msgids are German, see fill_german_po.py). For every
other language the catalogue holds the msgids of the template (herne.portal) or of our
German plone.po (the plone-domain strings Plone does not translate itself). Entries that
already carry a translation keep it, obsolete entries are dropped, new ones stay empty
until a translation is merged:

    python scripts/sync_translations.py                  # sync every language's catalogues
    python scripts/sync_translations.py tr new.json      # sync tr, merge {domain: {msgid: msgstr}}

The completeness test (tests/setup/test_languages.py) fails on any empty msgstr.
"""

import json
from pathlib import Path
import polib
import re
import sys


LOCALES = Path(__file__).parents[1] / "src" / "herne" / "portal" / "locales"
#: The interface languages beside German, with their names in their own language.
LANGUAGES = {
    "en": ("English", "nplurals=2; plural=(n != 1);"),
    "tr": ("Türkçe", "nplurals=2; plural=(n > 1);"),
    "uk": (
        "Українська",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
        "(n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    "ar": (
        "العربية",
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 "
        ": n%100>=11 ? 4 : 5);",
    ),
}
MAPPING = re.compile(r"\$\{[^}]+\}")


def mappings(text):
    """The ${name} placeholders of ``text``, sorted, so that two texts can be compared."""
    return sorted(MAPPING.findall(text))


def plone_core_msgids(language):
    """Msgids Plone itself translates into ``language``: ours must never shadow them."""
    import plone.app.locales

    path = (
        Path(plone.app.locales.__file__).parent / "locales" / language / "LC_MESSAGES" / "plone.po"
    )
    if not path.exists():
        return set()
    return {entry.msgid for entry in polib.pofile(str(path)) if entry.msgstr}


def source_entries(domain, language):
    """The entries a ``language`` catalogue of ``domain`` must translate."""
    if domain == "herne.portal":
        text = (LOCALES / f"{domain}.pot").read_text(encoding="utf-8")
        return [e for e in polib.pofile(text[text.index('msgid ""') :]) if e.msgid]
    core = plone_core_msgids(language)
    german = polib.pofile(str(LOCALES / "de" / "LC_MESSAGES" / f"{domain}.po"))
    return [e for e in german if e.msgid and e.msgid not in core]


def catalogue_path(language, domain):
    return LOCALES / language / "LC_MESSAGES" / f"{domain}.po"


def sync(language, domain, translations=None):
    """Bring the ``language`` catalogue of ``domain`` in step; returns (entries, still empty)."""
    name, plurals = LANGUAGES[language]
    path = catalogue_path(language, domain)
    po = polib.pofile(str(path)) if path.exists() else polib.POFile()
    po.metadata = {
        "Project-Id-Version": "herne.portal",
        "Language": language,
        "Language-Code": language,
        "Language-Name": name,
        "Domain": domain,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plurals,
        "Preferred-Encodings": "utf-8",
    }
    known = {entry.msgid: entry for entry in po}
    wanted = source_entries(domain, language)
    for source in wanted:
        target = known.get(source.msgid)
        if target is None:
            target = polib.POEntry(msgid=source.msgid, msgstr="")
            po.append(target)
        target.occurrences = source.occurrences
        target.comment = source.comment
        new = (translations or {}).get(source.msgid)
        if new:
            if mappings(new) != mappings(source.msgid):
                raise ValueError(f"{language}: placeholders differ: {source.msgid!r} -> {new!r}")
            target.msgstr = new
    names = {e.msgid for e in wanted}
    for entry in [e for e in po if e.msgid not in names]:
        po.remove(entry)
    po.sort(key=lambda e: e.msgid)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return len(po), len([e for e in po if not e.msgstr])


if __name__ == "__main__":
    if len(sys.argv) == 3:
        language, source = sys.argv[1:]
        # {"herne.portal": {msgid: msgstr, ...}, "plone": {...}}
        for domain, translations in json.loads(Path(source).read_text(encoding="utf-8")).items():
            print(language, domain, sync(language, domain, translations))
    else:
        for language in LANGUAGES:
            for domain in ("herne.portal", "plone"):
                if catalogue_path(language, domain).exists() or len(sys.argv) == 2:
                    print(language, domain, sync(language, domain))
