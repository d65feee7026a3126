"""The cluster's configuration with Varnish in front and without: who listens where, who sets X-Forwarded-For."""

from pathlib import Path
import sys


ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.cluster import Settings  # noqa: E402
from scripts.cluster import write_configs  # noqa: E402


def settings_for(directory, cache):
    return Settings(
        dsn="host=127.0.0.1 dbname=unused",
        instances=2,
        host="0.0.0.0",
        port=18080,
        first_port=18081,
        directory=directory,
        cache=cache,
    )


def test_with_the_cache_varnish_takes_the_public_port_and_haproxy_hides_behind(tmp_path):
    settings = settings_for(tmp_path, cache=True)
    write_configs(settings)
    haproxy = (tmp_path / "etc" / "haproxy.cfg").read_text()
    vcl = (tmp_path / "etc" / "varnish.vcl").read_text()
    assert "bind 127.0.0.1:18083" in haproxy
    # Varnish sets X-Forwarded-For to the visitor's address; HAProxy keeps it.
    assert "del-header X-Forwarded-For" not in haproxy
    assert "set req.http.X-Forwarded-For = client.ip;" in vcl
    assert '.port = "18083";' in vcl
    assert settings.cache_url == "http://127.0.0.1:18080"


def test_without_the_cache_haproxy_takes_the_public_port(tmp_path):
    settings = settings_for(tmp_path, cache=False)
    write_configs(settings)
    haproxy = (tmp_path / "etc" / "haproxy.cfg").read_text()
    assert "bind 0.0.0.0:18080" in haproxy
    assert "http-request del-header X-Forwarded-For" in haproxy
    assert not (tmp_path / "etc" / "varnish.vcl").exists()
    assert settings.cache_url is None
