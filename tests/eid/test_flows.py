"""Log-ins in progress: expired records are removed as new log-ins start."""

from herne.portal.eid import flows


def test_expired_log_ins_are_pruned_oldest_first(integration, monkeypatch):
    request = integration["request"]
    clock = {"now": 1_800_000_000.0}
    monkeypatch.setattr(flows.time, "time", lambda: clock["now"])
    old = []
    for _ in range(30):
        clock["now"] += 1
        old.append(flows.start_flow(request, "http://nohost/plone").state)
    store = flows._store()
    assert len(store) == 30
    clock["now"] += flows.FLOW_SECONDS + 1
    fresh = flows.start_flow(request, "http://nohost/plone").state
    # one start removes at most PRUNE_PER_START records, the oldest first
    assert len(store) == 30 - flows.PRUNE_PER_START + 1
    assert all(state not in store for state in old[: flows.PRUNE_PER_START])
    assert fresh in store
    assert len(flows._store(flows.EXPIRY_KEY)) == len(store)


def test_expired_log_in_cannot_be_completed(integration, monkeypatch):
    request = integration["request"]
    now = 1_800_000_000.0
    monkeypatch.setattr(flows.time, "time", lambda: now)
    flow = flows.start_flow(request, "http://nohost/plone")
    request.cookies[flows.BINDING_COOKIE] = flow.state
    now += flows.FLOW_SECONDS + 1
    assert flows.consume_flow(request, flow.state) is None
    assert flow.state not in flows._store()
