"""An HTTP server answering from a daemon thread: the test stand-ins' and drills' way to serve."""

from http.server import ThreadingHTTPServer
import threading


class ThreadedHTTPServer(ThreadingHTTPServer):
    """Serves each request in a daemon thread; ``base_url`` is its address, ``stop()`` ends it."""

    daemon_threads = True
    base_url = ""

    def stop(self):
        """Stop serving and close the listening socket."""
        self.shutdown()
        self.server_close()


def serve_in_thread(handler, host="127.0.0.1", port=0):
    """A started ``ThreadedHTTPServer`` for ``handler`` on ``port`` (0: a free one)."""
    server = ThreadedHTTPServer((host, port), handler)
    server.base_url = f"http://{host}:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
