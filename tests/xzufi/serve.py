#!/usr/bin/python3
"""serve.py FOLDER: serves FOLDER over HTTP on 127.0.0.1 (a free port), for
the tests only: prints the port on the first line of standard output, then
serves until it is killed. No network beyond the loopback interface."""
import functools
import http.server
import sys


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
print(server.server_address[1], flush=True)
server.serve_forever()
