"""Local accounts: anyone registers, confirms by the link in a real e-mail, and counts as basic."""

from email import message_from_bytes
from email import policy
from plone.testing.zope import Browser
import re
import time


def wait_for_mail(messages, timeout=5):
    deadline = time.time() + timeout
    while not messages and time.time() < deadline:
        time.sleep(0.05)
    return messages


def test_self_registration_with_email_confirmation(demo_functional, mailbox):
    portal = demo_functional["portal"]
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Accept-Language", "de")
    browser.open(f"{portal.absolute_url()}/@@register")
    assert "form.widgets.password" not in browser.contents  # chosen only through the e-mail link
    browser.getControl(name="form.widgets.fullname").value = "Hanna Neu"
    browser.getControl(name="form.widgets.username").value = "hanna"
    browser.getControl(name="form.widgets.email").value = "hanna.neu@example.org"
    browser.getControl(name="form.buttons.register").click()

    message = wait_for_mail(mailbox)[0]
    assert "hanna.neu@example.org" in message.rcpt_tos
    body = (
        message_from_bytes(message.content, policy=policy.default)
        .get_body(("plain",))
        .get_content()
    )
    link = re.search(r"(http://\S+/passwordreset/\S+)", body).group(1)

    browser.open(link)
    browser.getControl(name="userid").value = "hanna"
    browser.getControl(name="password").value = "Herne-2026-sicher"
    browser.getControl(name="password2").value = "Herne-2026-sicher"
    browser.getControl("Passwort festlegen").click()

    login = Browser(demo_functional["app"])
    login.handleErrors = False
    login.open(f"{portal.absolute_url()}/login")
    login.getControl(name="__ac_name").value = "hanna"
    login.getControl(name="__ac_password").value = "Herne-2026-sicher"
    login.getControl(name="buttons.login").click()
    # a local account is basic: the dog tax form yes, the certificate of good conduct no
    login.open(portal["leistungen"]["hundesteuer"]["antrag"].absolute_url())
    assert "form.buttons.submit" in login.contents
    login.open(portal["leistungen"]["fuehrungszeugnis"]["antrag"].absolute_url())
    assert "form.buttons.submit" not in login.contents
    assert "Online-Ausweis (eID)" in login.contents
