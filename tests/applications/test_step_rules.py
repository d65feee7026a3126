"""Each rule of a step lives once: the page, perform() and the workflow tool give the same answer."""

from herne.portal.applications import processing
from herne.portal.applications.limits import MAX_TEXT
from herne.portal.applications.processing import CommentRefused
from herne.portal.applications.processing import ProcessingRefused
from herne.portal.applications.processing import perform
from herne.portal.applications.processing import refusal
from herne.portal.i18n import in_german
from herne.portal.workflow.application import send_by_post_refusal
from plone import api
import pytest
from tests.fixtures.applications import CLERK
import transaction


def click_step(browser, application, title, comment="", internal=False):
    browser.open(application.absolute_url())
    form = browser.getForm(action="@@process")
    form.getControl(name="comment").value = comment
    if internal:
        form.getControl(name="internal").value = True
    return form.getControl(title)


def test_the_step_page_asks_refusal_once(submitted_application, browser_as, monkeypatch):
    application = submitted_application("fuehrungszeugnis")
    clerk = browser_as(*CLERK)
    button = click_step(clerk, application, "Bearbeitung beginnen")
    asked = []

    def counting_refusal(application, transition_id):
        asked.append(transition_id)
        return refusal(application, transition_id)

    monkeypatch.setattr(processing, "refusal", counting_refusal)
    clerk.followRedirects = False  # only the POST, not the page shown after it
    button.click()
    assert asked == ["accept"]
    transaction.abort()
    assert api.content.get_state(application) == "in_progress"


@pytest.mark.parametrize(
    "step, comment, internal, message",
    [
        ("reject", "", False, "Bitte begründen Sie die Ablehnung."),
        (
            "request_info",
            "  ",
            False,
            "Bitte schreiben Sie, welche Angaben oder Unterlagen fehlen.",
        ),
        ("reject", "Kein Wohnsitz in Herne.", True, "kann nicht intern sein"),
        ("accept", "x" * (MAX_TEXT + 1), False, f"höchstens {MAX_TEXT} Zeichen"),
    ],
)
def test_comment_rules_are_the_same_for_every_channel(
    submitted_application, browser_as, step, comment, internal, message
):
    application = submitted_application("fuehrungszeugnis")
    with api.env.adopt_user(username="sachbearbeitung"):
        if step != "accept":
            perform(application, "accept")
        transaction.commit()
        # perform(), as the page and the worklist use it: at the comment field
        with pytest.raises(ProcessingRefused) as refused:
            perform(application, step, comment, internal=internal)
        assert refused.value.field == "comment"
        assert message in in_german(refused.value.message)
        # the workflow tool itself, as plone.restapi's @workflow calls it
        with pytest.raises(CommentRefused) as raised:
            api.portal.get_tool("portal_workflow").doActionFor(
                application, step, comment=comment, internal=internal
            )
        assert message in str(raised.value)
    transaction.abort()
    clerk = browser_as(*CLERK)
    titles = {"reject": "Ablehnen", "request_info": "Unterlagen nachfordern"}
    click_step(
        clerk, application, titles.get(step, "Bearbeitung beginnen"), comment, internal
    ).click()
    assert message in clerk.contents
    transaction.abort()
    assert api.content.get_state(application) == (
        "submitted" if step == "accept" else "in_progress"
    )


def test_refusal_gives_the_guards_reason(submitted_application):
    application = submitted_application("fuehrungszeugnis", address="")
    with api.env.adopt_user(username="sachbearbeitung"):
        perform(application, "accept")
        perform(application, "approve")
        reason = refusal(application, "send_by_post")
        assert reason is not None
        assert reason == send_by_post_refusal(application)
        assert "keine Zustelladresse" in in_german(reason)
        assert application.restrictedTraverse("@@herne-guard-send-by-post")() is False
    transaction.abort()
