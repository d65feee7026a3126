"""--kill-during-write kills only when HAProxy shows a write in flight right before the signal; misses are counted and retried."""

from loadtest import cluster_drill
from types import SimpleNamespace


def _drill(monkeypatch, in_flight_answers):
    answers = iter(in_flight_answers)
    kills = []
    monkeypatch.setattr(cluster_drill, "writes_in_progress", lambda settings, number: next(answers))
    monkeypatch.setattr(
        cluster_drill, "kill_instance", lambda settings, number: kills.append(number) or 4242
    )
    monkeypatch.setattr(cluster_drill.random, "uniform", lambda low, high: 0)
    args = SimpleNamespace(
        kill_instance=2,
        kill_during_write=True,
        kill_instance_after=None,
        kill_instance_after_submissions=1,
        restart_killed=False,
        restart_pause=0,
    )
    drill = cluster_drill.cluster_drill(args, SimpleNamespace(instances=2), None)
    return drill.kill, kills


def test_a_write_answered_before_the_moment_is_a_miss_and_the_drill_tries_again(monkeypatch):
    # idle, a write starts, answered before the kill (miss), idle, another write, still in flight (hit)
    kill, kills = _drill(monkeypatch, [0, 1, 0, 0, 1, 1])
    killed = kill()
    assert kills == [2]
    assert killed["write_in_flight_at_kill"] is True
    assert (killed["hits"], killed["misses"]) == (1, 1)


def test_a_write_in_flight_at_the_moment_is_a_hit_at_once(monkeypatch):
    kill, kills = _drill(monkeypatch, [1, 2])
    killed = kill()
    assert kills == [2]
    assert (killed["hits"], killed["misses"], killed["writes_in_flight_at_kill"]) == (1, 0, 2)
