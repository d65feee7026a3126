"""The A-Z index on /tr, /uk and /ar files Turkish, Cyrillic and Arabic titles under their own letters, in alphabet order."""

from herne.portal.alphabets import initial_letter
from herne.portal.alphabets import sort_key
import pytest
import re


DOG_TAX = {
    "uk": ("Р", "Реєстрація собаки для податку на собак і зняття з реєстрації"),
    "ar": ("ت", "تسجيل الكلب لضريبة الكلاب وإلغاء تسجيله"),
}
ID_CARD = {
    "uk": ("О", "Оформлення посвідчення особи (Personalausweis)"),
    "ar": ("ط", "طلب بطاقة الهوية الشخصية (Personalausweis)"),
}


def sections(page):
    """{letter: the text of its section} of the index page."""
    found = re.findall(
        r'<section class="herne-letter"\s+id="buchstabe-([^"]+)">(.*?)</section>', page, re.S
    )
    return dict(found)


def nav_letters(page):
    nav = page.split('class="herne-letters', 1)[1].split("</nav>", 1)[0]
    return [letter.strip() for letter in re.findall(r">\s*([^<\s]+)\s*</(?:a|span)>", nav)]


@pytest.mark.parametrize("language", ["uk", "ar"])
def test_translated_titles_stand_under_their_own_letter(anon_browser, demo_portal, language):
    anon_browser.open(f"{demo_portal.absolute_url()}/{language}/@@leistungen-a-z")
    page = anon_browser.contents
    found = sections(page)
    for letter, title in (DOG_TAX[language], ID_CARD[language]):
        assert title in found[letter]
        assert f'href="#buchstabe-{letter}"' in page
    assert not any(title in found.get("0", "") for _letter, title in DOG_TAX.values())
    # German pages not yet translated stay under their Latin letters, after the own alphabet
    assert "Reitkennzeichen beantragen" in found["R"]
    letters = nav_letters(page)
    assert letters.index(DOG_TAX[language][0]) < letters.index("R") < letters.index("#")


def test_ukrainian_letters_in_the_order_of_the_ukrainian_alphabet(anon_browser, demo_portal):
    anon_browser.open(f"{demo_portal.absolute_url()}/uk/@@leistungen-a-z")
    letters = nav_letters(anon_browser.contents)
    assert letters[:8] == ["А", "Б", "В", "Г", "Ґ", "Д", "Е", "Є"]
    assert letters.index("І") < letters.index("Ї") < letters.index("Й")
    assert "Ь" not in letters  # begins no word


def test_turkish_letters_of_their_own_have_their_own_section(anon_browser, demo_portal):
    anon_browser.open(f"{demo_portal.absolute_url()}/tr/@@leistungen-a-z")
    page = anon_browser.contents
    found = sections(page)
    assert "İkamet adresi kaydı (Anmeldung)" in found["İ"]
    assert "İkamet adresi kaydı" not in found.get("I", "")
    letters = nav_letters(page)
    assert letters.index("I") < letters.index("İ") < letters.index("J")
    assert letters.index("C") < letters.index("Ç") < letters.index("D")
    assert "Ğ" not in letters  # begins no word
    assert "Q" not in letters  # not a Turkish letter, and no title begins with it


def test_turkish_dotted_and_dotless_i():
    assert initial_letter("ilçe", "tr") == "İ"
    assert initial_letter("ırmak", "tr") == "I"
    assert initial_letter("Çevre ve Kent Yeşili", "tr") == "Ç"
    assert initial_letter("Çevre ve Kent Yeşili") == "C"  # German files it under C


def test_the_german_index_keeps_umlauts_with_their_base_letter():
    assert initial_letter("Änderung der Meldeadresse") == "A"
    assert initial_letter("Übermittlungssperre einrichten") == "U"
    assert initial_letter("115 – Behördennummer") == "#"


@pytest.mark.parametrize(
    "language, titles",
    [
        ("uk", ["Гараж", "Ґанок", "Енергія", "Єдиний", "Іспит", "Їжа", "Яблуко", "Reise"]),
        ("ar", ["إعانة", "بطاقة", "تسجيل", "طلب", "يوم", "Reise"]),
        ("de", ["Abmelden", "Änderung", "Bär", "Zoo"]),
        ("tr", ["Cadde", "Çevre", "Dilekçe", "Irmak", "İkamet", "Sokak", "Şehir", "Zabıta"]),
    ],
)
def test_titles_sort_in_the_alphabet_of_the_language(language, titles):
    rotated = titles[2:] + titles[:2]
    assert sorted(rotated, key=lambda title: sort_key(title, language)) == titles
