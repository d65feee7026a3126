"""QR codes and flyers of a service lead to the official portal address, never the request host."""

from io import BytesIO
from PIL import Image
from PIL import ImageDraw
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from pypdf import PdfReader
import pytest
import re
import transaction
from xml.etree import ElementTree
import zxingcpp


PUBLIC_URL = "https://www.herne.de/serviceportal"
EDITOR = ("redaktion", "demo-redaktion-2026")
CITIZEN = ("buerger", "demo-buerger-2026")
MANAGER = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
DOWNLOADS = ("qr.png", "qr.svg", "flyer-a4.pdf", "flyer-a6.pdf")
MISSING = (
    "Die offizielle Adresse des Serviceportals ist noch nicht eingestellt "
    "(Einstellungen › Serviceportal)."
)


def set_public_url(value):
    if value is None:
        # plone.api refuses None; the control panel stores it when the field is emptied.
        api.portal.get_tool("portal_registry")["herne.portal.site.public_url"] = None
    else:
        api.portal.set_registry_record("herne.portal.site.public_url", value)
    transaction.commit()


@pytest.fixture()
def public_url(demo_functional):
    set_public_url(PUBLIC_URL)
    return PUBLIC_URL


@pytest.fixture()
def browser(demo_functional):
    def make(credentials=None):
        browser = Browser(demo_functional["app"])
        browser.handleErrors = False
        browser.addHeader("Accept-Language", "de")
        if credentials:
            browser.addHeader("Authorization", "Basic {}:{}".format(*credentials))
        return browser

    return make


@pytest.fixture()
def service(demo_functional):
    return demo_functional["portal"]["leistungen"]["hundesteuer"]


def download(browser, service, name):
    browser.open(f"{service.absolute_url()}/@@{name}")
    return browser.contents if isinstance(browser.contents, bytes) else browser.contents.encode()


def decode(image):
    return [result.text for result in zxingcpp.read_barcodes(image)]


def pdf_text(data):
    reader = PdfReader(BytesIO(data))
    return reader, "".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("credentials", [EDITOR, MANAGER])
def test_png_encodes_the_canonical_address(browser, service, public_url, credentials):
    client = browser(credentials)
    data = download(client, service, "qr.png")
    # The browser asks on another address than the canonical one the code must show.
    assert not service.absolute_url().startswith("https://www.herne.de/")
    assert client.headers["Content-Type"] == "image/png"
    assert 'filename="qr-hundesteuer.png"' in client.headers["Content-Disposition"]
    assert client.headers["Content-Disposition"].startswith("attachment")
    assert decode(Image.open(BytesIO(data))) == [
        "https://www.herne.de/serviceportal/leistungen/hundesteuer"
    ]


def test_trailing_slash_of_the_setting_is_ignored(browser, demo_functional):
    set_public_url("https://www.herne.de/serviceportal/")
    service = demo_functional["portal"]["leistungen"]["fuehrungszeugnis"]
    data = download(browser(EDITOR), service, "qr.png")
    assert decode(Image.open(BytesIO(data))) == [
        "https://www.herne.de/serviceportal/leistungen/fuehrungszeugnis"
    ]


def test_svg_is_valid_and_names_no_request_host(browser, service, public_url):
    client = browser(EDITOR)
    data = download(client, service, "qr.svg")
    assert client.headers["Content-Type"].startswith("image/svg+xml")
    assert 'filename="qr-hundesteuer.svg"' in client.headers["Content-Disposition"]
    root = ElementTree.fromstring(data)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.find("{http://www.w3.org/2000/svg}path") is not None
    assert b"nohost" not in data
    assert b"https://www.herne.de/serviceportal/leistungen/hundesteuer" in data


@pytest.mark.parametrize(
    "name, size",
    [("flyer-a4.pdf", (595, 842)), ("flyer-a6.pdf", (298, 420))],
)
def test_flyer_names_title_and_address_on_the_right_page(browser, service, public_url, name, size):
    client = browser(EDITOR)
    data = download(client, service, name)
    assert data.startswith(b"%PDF")
    assert client.headers["Content-Type"] == "application/pdf"
    disposition = client.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f'filename="flyer-hundesteuer-{name[6:8]}.pdf"' in disposition
    reader, text = pdf_text(data)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    flat = re.sub(r"\s+", "", text)
    assert "https://www.herne.de/serviceportal/leistungen/hundesteuer" in flat
    assert re.sub(r"\s+", "", service.title) in flat
    assert "Smartphones" in text
    assert "offizielle Adresse der Stadt Herne" in re.sub(r"\s+", " ", text)
    assert "nohost" not in text


def test_flyer_renders_umlauts(browser, demo_functional, public_url):
    service = demo_functional["portal"]["leistungen"]["fuehrungszeugnis"]
    _reader, text = pdf_text(download(browser(EDITOR), service, "flyer-a6.pdf"))
    assert "ü" in service.title
    assert re.sub(r"\s+", "", service.title) in re.sub(r"\s+", "", text)


def test_long_address_is_wrapped_within_the_page(browser, service):
    set_public_url("https://www.herne.de/" + "sehr-lange-adresse-" * 6 + "serviceportal")
    _reader, text = pdf_text(download(browser(EDITOR), service, "flyer-a6.pdf"))
    expected = "https://www.herne.de/" + "sehr-lange-adresse-" * 6
    expected += "serviceportal/leistungen/hundesteuer"
    assert expected in re.sub(r"\s+", "", text)


def test_flyer_qr_code_decodes(public_url):
    """The drawing placed on the flyer, painted module by module, scans as the address."""
    from herne.portal.browser.qr import make_qr
    from herne.portal.browser.qr import qr_drawing

    url = PUBLIC_URL + "/leistungen/hundesteuer"
    size = 400
    drawing = qr_drawing(make_qr(url), size)
    image = Image.new("L", (size, size), 255)
    paint = ImageDraw.Draw(image)
    for rect in drawing.contents:
        top = size - rect.y - rect.height
        paint.rectangle(
            [
                round(rect.x),
                round(top),
                round(rect.x + rect.width) - 1,
                round(top + rect.height) - 1,
            ],
            fill=0,
        )
    assert decode(image) == [url]


@pytest.mark.parametrize("name", DOWNLOADS)
def test_without_public_url_conflict_and_no_code(browser, service, demo_functional, name):
    set_public_url(None)
    client = browser(EDITOR)
    client.raiseHttpErrors = False
    client.open(f"{service.absolute_url()}/@@{name}")
    assert client.headers["status"].startswith("409")
    assert client.headers["Content-Type"].startswith("text/plain")
    assert MISSING in client.contents
    assert "nohost" not in client.contents


@pytest.mark.parametrize("name", DOWNLOADS)
@pytest.mark.parametrize(
    "credentials, landing",
    [(None, "/plone/login?came_from="), (CITIZEN, "/plone/insufficient-privileges")],
)
def test_anonymous_and_citizens_get_nothing(
    browser, service, public_url, name, credentials, landing
):
    """Plone's usual answer: the log-in or the "insufficient privileges" page, no code."""
    client = browser(credentials)
    client.handleErrors = True
    client.raiseHttpErrors = False
    client.open(f"{service.absolute_url()}/@@{name}")
    assert landing in client.url
    assert client.headers["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in client.headers
    assert "herne.de/serviceportal" not in client.contents


def test_service_page_offers_the_downloads_to_editors_only(browser, service, demo_functional):
    editor = browser(EDITOR)
    editor.open(service.absolute_url())
    assert "Für die Redaktion: QR-Code und Flyer" in editor.contents
    for name in ("qr.png", "qr.svg", "flyer-a4.pdf", "flyer-a6.pdf"):
        assert f"{service.absolute_url()}/@@{name}" in editor.contents
    anonymous = Browser(demo_functional["app"])
    anonymous.open(service.absolute_url())
    assert "@@flyer-a4.pdf" not in anonymous.contents
