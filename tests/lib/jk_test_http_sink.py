# SPDX-License-Identifier: GPL-3.0-or-later
# jk_test_http_sink.py: an HTTP receiver on 127.0.0.1 for tests; writes each
# POST's headers and body to a folder. Usage: FOLDER PORT. A file "status"
# in the folder holds the status to answer (200 without it); a request is
# written down whatever the answer, as a real receiver would log it.
import http.server
import os
import sys

folder = sys.argv[1]
port = int(sys.argv[2])


class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        status = 200
        try:
            with open(os.path.join(folder, "status")) as f:
                status = int(f.read().strip())
        except (OSError, ValueError):
            pass
        n = 1 + sum(1 for name in os.listdir(folder) if name.endswith(".body"))
        base = os.path.join(folder, "%03d" % n)
        with open(base + ".headers.tmp", "w") as f:
            f.write("POST %s\n" % self.path)
            for key, value in self.headers.items():
                f.write("%s: %s\n" % (key.lower(), value))
        os.rename(base + ".headers.tmp", base + ".headers")
        # The body last: its file says the request is whole.
        with open(base + ".body.tmp", "wb") as f:
            f.write(body)
        os.rename(base + ".body.tmp", base + ".body")
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


http.server.HTTPServer.protocol_version = "HTTP/1.1"
http.server.HTTPServer(("127.0.0.1", port), Sink).serve_forever()
