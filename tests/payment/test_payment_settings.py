"""Which services take payment online: the site switch, the service's switch and a department endpoint."""

from herne.portal.payment.errors import NOT_CONFIGURED
from herne.portal.payment.errors import PaymentServiceError
from herne.portal.payment.provider import PENDING
from herne.portal.payment.settings import endpoint_for
from herne.portal.payment.settings import payment_configured
from herne.portal.payment.settings import provider_for
from herne.portal.reporting.maturity import facts_of
from herne.portal.reporting.maturity import maturity_level
from herne.portal.security_headers import security_headers
from plone import api
import pytest
from tests.fixtures.browsers import open_control_panel
from tests.fixtures.payment import ENDPOINT
from tests.fixtures.payment import PREFIX
from tests.fixtures.payment import configure_payment
import transaction


def test_payment_needs_the_site_switch_the_service_switch_and_an_endpoint(demo):
    service = demo["portal"]["leistungen"]["gewerbe-anmelden"]  # Ordnungsamt
    assert not payment_configured(service)
    configure_payment("http://127.0.0.1:9", endpoints=[f"ordnungsamt={ENDPOINT}"])
    assert not payment_configured(service)  # the service is not switched on
    service.payment_enabled = True
    assert payment_configured(service)
    api.portal.set_registry_record(f"{PREFIX}.enabled", False)
    assert not payment_configured(service)


def test_a_department_without_its_own_endpoint_uses_the_citys(demo):
    portal = demo["portal"]
    configure_payment(
        "http://127.0.0.1:9", endpoints=["ordnungsamt=herne-ordnungsamt"], default="05916000"
    )
    ordnungsamt = portal["leistungen"]["gewerbe-anmelden"].department_object()
    standesamt = portal["leistungen"]["geburtsurkunde"].department_object()
    assert endpoint_for(ordnungsamt) == "herne-ordnungsamt"
    assert endpoint_for(standesamt) == "05916000"
    api.portal.set_registry_record(f"{PREFIX}.default_endpoint_id", "")
    service = portal["leistungen"]["geburtsurkunde"]
    service.payment_enabled = True
    assert not payment_configured(service)


def test_the_provider_of_a_service_talks_to_its_departments_endpoint(demo, payment_service):
    service = demo["portal"]["leistungen"]["gewerbe-anmelden"]
    with pytest.raises(PaymentServiceError) as raised:
        provider_for(service)
    assert raised.value.message == NOT_CONFIGURED
    configure_payment(payment_service.url, endpoints=[f"ordnungsamt={ENDPOINT}"])
    service.payment_enabled = True
    provider = provider_for(service)
    opened = provider.initiate("26.00", "HER-2026-000001", "Gewerbeanmeldung", "http://x.invalid/")
    assert provider.status(opened.transaction_id).state == PENDING
    assert payment_service.client().status(opened.transaction_id).state == PENDING


def test_forms_may_post_to_the_payment_service_only_while_e_payment_is_on(demo):
    configure_payment("https://epay.example:8443/api/v1")
    policy = security_headers(demo["request"])["Content-Security-Policy"]
    assert "form-action 'self' https://epay.example:8443" in policy
    api.portal.set_registry_record(f"{PREFIX}.enabled", False)
    policy = security_headers(demo["request"])["Content-Security-Policy"]
    assert "epay.example" not in policy


def test_a_service_paid_online_reaches_the_top_maturity_level(demo):
    service = demo["portal"]["leistungen"]["hundesteuer"]  # a form, fees, basic log-in
    service.result_delivery = "download"
    assert maturity_level(facts_of(service, eid_available=True)) == 3
    configure_payment("https://epay.example/api", default="05916000")
    service.payment_enabled = True
    facts = facts_of(service, eid_available=True)
    assert facts.epayment and maturity_level(facts) == 4


def test_saving_the_payment_settings_updates_the_listed_maturity(demo_functional):
    portal = demo_functional["portal"]
    portal["leistungen"]["hundesteuer"].payment_enabled = True
    transaction.commit()
    brain = api.content.find(UID=portal["leistungen"]["hundesteuer"].UID())[0]
    assert brain.service_facts["epayment"] is False
    browser = open_control_panel(demo_functional, "@@herne-payment-controlpanel", language=None)
    browser.getControl(name="form.widgets.enabled:list").value = ["selected"]
    browser.getControl(name="form.widgets.base_url").value = "https://epay.example/api"
    browser.getControl(name="form.widgets.originator_id").value = "herne"
    browser.getControl(name="form.widgets.default_endpoint_id").value = "05916000"
    browser.getControl(name="form.buttons.save").click()
    transaction.abort()
    brain = api.content.find(UID=portal["leistungen"]["hundesteuer"].UID())[0]
    assert brain.service_facts["epayment"] is True
