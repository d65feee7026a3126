"""What `make start` runs next to the demo instance: the demo mail server and, with Node.js, the demo eID provider."""

from dataclasses import dataclass
from dataclasses import field
import os
from pathlib import Path
import shutil
import signal
import subprocess
import sys


#: the oldest Node.js the demo OpenID provider (npm oidc-provider) runs on
NODE_MAJOR = 20
EID_CLIENT_ID = "herne-portal"
EID_CLIENT_SECRET = "herne-secret"


@dataclass
class Plan:
    """The commands to start, and why something stays off."""

    commands: list = field(default_factory=list)
    notices: list = field(default_factory=list)


def node_version(node):
    """The major version of ``node``, or None when it does not run."""
    try:
        result = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=10, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    try:
        return int(result.stdout.strip().lstrip("v").split(".")[0])
    except ValueError:
        return None


def eid_off_reason(provider_dir, which=shutil.which):
    """Why the demo eID provider cannot run here, for the console of `make start`; None when it can."""
    if not (Path(provider_dir) / "provider.mjs").is_file():
        return f"the demo provider is missing ({provider_dir}/provider.mjs)"
    node = which("node")
    if node is None:
        return f"Node.js is not installed (node not found on PATH); install Node.js {NODE_MAJOR}+ to try it"
    major = node_version(node)
    if major is None or major < NODE_MAJOR:
        return f"Node.js {NODE_MAJOR} or newer is needed, found {major or 'an unusable node'}; install Node.js {NODE_MAJOR}+ to try it"
    if (
        not (Path(provider_dir) / "node_modules" / "oidc-provider").is_dir()
        and which("npm") is None
    ):
        return "npm is not installed and eid-provider/node_modules is missing"
    return None


def eid_issuer(port):
    return f"http://127.0.0.1:{port}"


def eid_environment(site_port, eid_port):
    """The provider's settings: its client is the demo site, reached as localhost or 127.0.0.1."""
    portals = [f"http://{host}:{site_port}/herne" for host in ("localhost", "127.0.0.1")]
    return {
        "OP_HOST": "127.0.0.1",
        "OP_PORT": str(eid_port),
        "OP_CLIENT_ID": EID_CLIENT_ID,
        "OP_CLIENT_SECRET": EID_CLIENT_SECRET,
        "OP_REDIRECT_URIS": ",".join(f"{url}/acl_users/oidc/callback" for url in portals),
        "OP_POST_LOGOUT_URIS": ",".join(f"{url}/logged-out" for url in portals),
    }


def payment_port(environ):
    """The test payment service's port when asked for (``HERNE_PAYMENT=1``), else None."""
    if environ.get("HERNE_PAYMENT") not in ("1", "yes", "true"):
        return None
    return int(environ.get("PAYMENT_PORT") or 8091)


def payment_commands(python, environ):
    port = payment_port(environ)
    if port is None:
        return []
    args = [python, "-m", "herne.portal.payment.sandbox", "--port", str(port), "--hooks"]
    return [{"name": "payment", "args": args, "cwd": None, "env": {}}]


def payment_notices(environ):
    port = payment_port(environ)
    if port is None:
        return []
    return [
        f"E-payment: test payment service at http://127.0.0.1:{port} (Site Setup → E-Payment: "
        "that address, originator herne, user herne, password herne-pay-secret)"
    ]


def plan(
    project,
    site_port,
    mail_port,
    eid_port,
    python=sys.executable,
    which=shutil.which,
    environ=os.environ,
):
    """What to start for the demo in ``project`` (the checkout) and what to tell the person starting it."""
    project = Path(project)
    result = Plan()
    mail_dir = project / "var" / "mail"
    result.commands.append(
        {
            "name": "mail",
            "args": [
                python,
                "-m",
                "herne.portal.demo.mailserver",
                "--port",
                str(mail_port),
                "--directory",
                str(mail_dir),
            ],
            "cwd": str(project),
            "env": {},
        }
    )
    result.notices.append(
        f"Mail: every mail the portal sends is kept in {mail_dir}/ (one .eml file each)"
    )
    result.commands += payment_commands(python, environ)
    result.notices += payment_notices(environ)
    provider_dir = project / "eid-provider"
    reason = eid_off_reason(provider_dir, which=which)
    if reason:
        result.notices.append(
            f"eID log-in is off: {reason}. Install Node.js {NODE_MAJOR}+ to try it."
        )
        return result
    if not (provider_dir / "node_modules" / "oidc-provider").is_dir():
        result.commands.append(
            {
                "name": "npm ci",
                "args": [which("npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error"],
                "cwd": str(provider_dir),
                "env": {},
                "wait": True,
            }
        )
    result.commands.append(
        {
            "name": "eid",
            "args": [which("node"), "provider.mjs"],
            "cwd": str(provider_dir),
            "env": eid_environment(site_port, eid_port),
        }
    )
    result.notices.append(
        f"eID: demo OpenID provider at {eid_issuer(eid_port)} (test persons erika and max)"
    )
    return result


def _stop(signum, frame):
    # `kill` on `make start` ends like Ctrl-C: the instance and the helpers stop.
    raise KeyboardInterrupt


def run(project, site_port, mail_port, eid_port, server_args):
    """Start the helpers, serve the site in the foreground, stop the helpers when it ends."""
    started = []
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        current = plan(project, site_port, mail_port, eid_port)
        for command in current.commands:
            env = {**os.environ, **command["env"]}
            if command.get("wait"):
                if subprocess.run(command["args"], cwd=command["cwd"], env=env).returncode:
                    print("eID log-in is off: npm ci in eid-provider/ failed")
                    current.notices = [n for n in current.notices if not n.startswith("eID:")]
                    break
                continue
            started.append(subprocess.Popen(command["args"], cwd=command["cwd"], env=env))
        for notice in current.notices:
            print(notice, flush=True)
        server = subprocess.Popen(server_args)
        started.insert(0, server)
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        for process in started:
            if process.poll() is None:
                process.terminate()
        for process in started:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
        signal.signal(signal.SIGTERM, previous)


def main(argv=None):
    """``python -m herne.portal.demo.background SITE_PORT MAIL_PORT EID_PORT -- runwsgi ...``"""
    argv = sys.argv[1:] if argv is None else argv
    separator = argv.index("--")
    site_port, mail_port, eid_port = argv[:separator]
    sys.exit(run(os.getcwd(), site_port, mail_port, eid_port, argv[separator + 1 :]))


if __name__ == "__main__":
    main()
