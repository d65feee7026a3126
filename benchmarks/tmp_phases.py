from benchmarks.bench_submissions import *  # noqa
from benchmarks import bench_submissions as b
from collections import defaultdict
import time, statistics


def wrap(owner, name, label, acc):
    orig = getattr(owner, name)

    def wrapper(*a, **k):
        t = time.thread_time()
        try:
            return orig(*a, **k)
        finally:
            acc[label].append(time.thread_time() - t)

    setattr(owner, name, wrapper)
    return lambda: setattr(owner, name, orig)


def test_phases(demo_functional):
    from aiosmtpd.controller import Controller

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            return "250 OK"

    smtp = Controller(Sink(), hostname="127.0.0.1", port=8025)
    smtp.start()
    api.portal.set_registry_record("plone.smtp_host", "127.0.0.1")
    api.portal.set_registry_record("plone.smtp_port", 8025)
    portal = demo_functional["portal"]
    portal._p_jar.db().setCacheSize(30000)
    service = portal["leistungen"]["hundesteuer"]
    with api.env.adopt_roles(["Manager"]):
        savedata_form = api.content.copy(source=service["antrag"], target=service, id="savedata")
        savedata_form.actions_model = b.SAVEDATA_ACTIONS
        api.content.transition(obj=savedata_form, transition="publish")
    transaction.commit()
    browser = Browser(demo_functional["app"])
    browser.handleErrors = False
    browser.addHeader("Authorization", "Basic buerger:demo-buerger-2026")
    from ZPublisher import WSGIPublisher
    from herne.portal.browser import application_form, application
    from herne.portal.easyform import save_application
    from collective.easyform.actions import SaveData
    from herne.portal.conflicts import index_after_commit
    import transaction._transaction as tt
    from plone.transformchain import zpublisher as tc

    for url in (service["antrag"].absolute_url(), savedata_form.absolute_url()):
        for _ in range(3):
            browser.open(url)
            b.fill(browser)
            browser.getControl(name="form.buttons.submit").click()
    for url in (service["antrag"].absolute_url(), savedata_form.absolute_url()):
        acc = defaultdict(list)
        undo = [
            wrap(WSGIPublisher, "publish_module", "publish_module (whole request)", acc),
            wrap(WSGIPublisher, "publish", "publish (traverse+call, no commit)", acc),
            wrap(application_form.ApplicationFormView, "__call__", "form view call", acc)
            if hasattr(application_form, "ApplicationFormView")
            else (lambda: None),
            wrap(save_application.SaveApplication, "onSuccess", "our onSuccess", acc),
            wrap(SaveData, "onSuccess", "SaveData onSuccess", acc),
            wrap(application.ApplicationView, "__call__", "application page view", acc),
            wrap(index_after_commit, "index_now", "catalog after commit", acc),
            wrap(tt.Transaction, "commit", "transaction commit (all)", acc),
            wrap(tc, "applyTransform", "transform chain", acc),
        ]
        n = 20
        for _ in range(n):
            browser.open(url)
            b.fill(browser)
            acc_len = {k: len(v) for k, v in acc.items()}
            browser.getControl(name="form.buttons.submit").click()
        for u in undo:
            u()
        print("\n==", url)
        for k, v in acc.items():
            print(f"  {k:<40} calls/sub {len(v) / n:5.2f}  ms/sub {sum(v) / n * 1000:7.2f}")
    smtp.stop()
