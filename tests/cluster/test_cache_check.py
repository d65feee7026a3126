"""The load test and the crash drill fail when a citizen's page came from the caching proxy."""

from loadtest.cluster_checks import check_nothing_personal_from_cache


def test_a_page_from_the_cache_fails_the_run():
    results = []
    check_nothing_personal_from_cache(results, {"from_cache": ["GET form"]})
    check_nothing_personal_from_cache(results, {"from_cache": []})
    assert [result["ok"] for result in results] == [False, True]
    assert "GET form" in results[0]["detail"]
