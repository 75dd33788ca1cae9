#!/usr/bin/env python3
# oparl-server.py: a small OParl 1.1 server on 127.0.0.1 for the sync's
# tests, its bench and `bash .ci/demo`.
#
# It serves the objects of one or more data folders (any *.json files:
# System, Body, single objects or list pages, as data/demo/oparl-auenbach
# or the bench generator writes them) under its own address: the scheme and
# host of the data's ids are replaced by http://127.0.0.1:PORT. The System
# names the body list; each Body names its organization, person, meeting
# and paper lists, served in pages (?page=N, links.next carries the
# filters) with modified_since/modified_until/created_since filters (deleted
# objects only with modified_since, as the spec wants). A File's accessUrl
# and downloadUrl serve files/<fileName> from the data folder with ETag and
# Last-Modified, and answer If-None-Match / If-Modified-Since with 304.
#
# It misbehaves on demand, each way documented in
# ../shared/research/integration.md §1.3, by --mode or GET /_control?mode=…
# (comma-separated, NAME or NAME:ARG):
#   loop            the last page of a list links back to its first page
#   repeat          every page after the first sends the first page again
#   endless         lists never end (empty pages with a next link)
#   error500:N      the next N list pages after the first answer 500 (N=0: always)
#   slow:S          list pages after the first take S seconds
#   ratelimit:N     the next N list pages answer 429 with Retry-After: 1
#   drop:N          the connection is closed without an answer at page N
#   html            list pages after the first are an HTML error page
#   truncated       page 2 of the paper list is cut off in the middle
#   error-object    the System is an OParl Error object (HTTP 200)
#   ignore-filter   modified_since is ignored
#   id-prefix       ids name …/oparl/…, but only …/ris/oparl/… answers (Karlsruhe)
#   sdnet           the System says Sternberg SD.NET; an empty modified_since
#                   window is HTTP 404 {"code": 802}; the body list is one
#                   Body; deleted objects have no type
#   somacos         the System says SessionNet; a modified_since with %2B is
#                   refused with 400 (SessionNet wants the "+" raw)
#   allris          the System says CC e-gov ALLRIS; pages hold raw control
#                   characters, "N/A" and an auxiliaryFile object
#   file-html       files answer with an HTML error page
#   file-410        files answer 410 Gone
#   file-big        files are 3 MiB of text
#   file-damaged    files are a damaged PDF
#   file-image      files are a PNG picture
# GET /_control also takes touch=ID (modified now, name=TEXT optional),
# delete=ID (deleted now), remove=ID (gone without a trace), reset (modes,
# changes and counts) and clear (the request log). GET /_requests is the log
# of requests as JSON. --today YYYY-MM-DD moves every date of the data by
# the days from --anchor (the data's own "today") to then, so that a demo
# always has upcoming meetings.
#
# Prints "PORT <n>" when it listens; stops on SIGTERM or when stdin closes
# (--stdin-watch).

import argparse
import datetime
import email.utils
import hashlib
import http.server
import json
import os
import re
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse

TYPE_BASE = "https://schema.oparl.org/1.1/"
LIST_KINDS = ("organization", "person", "meeting", "paper")
DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def shift_dates(text, days):
    if days == 0:
        return text

    def move(m):
        d = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d + datetime.timedelta(days=days)).isoformat()
    return DATE.sub(move, text)


def parse_time(value):
    if not value:
        return None
    try:
        t = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if t.tzinfo is None:
        t = t.replace(tzinfo=datetime.timezone.utc)
    return t


def type_name(obj):
    t = obj.get("type") or ""
    return t.rsplit("/", 1)[-1]


class Store:
    """The served objects, by kind, in a stable order."""

    def __init__(self, folders, origin, days):
        self.lock = threading.Lock()
        self.origin = origin
        self.system = None
        self.bodies = []
        self.lists = {k: [] for k in LIST_KINDS}
        self.files = {}              # path of accessUrl/downloadUrl -> (folder, fileName, mime, modified)
        self.objects = {}            # path -> object (single fetches)
        self.source_host = None
        for folder in folders:
            self.load(folder, days)
        if self.system is None:
            self.system = {"id": origin + "/oparl/v1/system", "type": TYPE_BASE + "System",
                           "oparlVersion": TYPE_BASE, "name": "OParl test server",
                           "body": origin + "/oparl/v1/bodies"}
        self.index()

    def load(self, folder, days):
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json") or name == "dataset.json":
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            text = shift_dates(text, days)
            doc = json.loads(text)
            host = self.host_of(doc)
            if host and host != self.origin:
                text = text.replace(host, self.origin)
                doc = json.loads(text)
            objs = doc["data"] if isinstance(doc, dict) and "data" in doc else [doc]
            for obj in objs:
                self.add(obj, folder)

    def host_of(self, doc):
        obj = doc["data"][0] if isinstance(doc, dict) and doc.get("data") else doc
        if not isinstance(obj, dict) or "id" not in obj:
            return None
        u = urllib.parse.urlsplit(obj["id"])
        return f"{u.scheme}://{u.netloc}"

    def add(self, obj, folder):
        kind = type_name(obj)
        if kind == "System":
            self.system = obj
        elif kind == "Body":
            self.bodies.append(obj)
        elif kind.lower() in self.lists:
            self.lists[kind.lower()].append(obj)
        elif obj.get("deleted") and "/paper/" in obj.get("id", ""):
            self.lists["paper"].append(obj)
        self.collect_files(obj, folder)

    def collect_files(self, value, folder):
        if isinstance(value, dict):
            if type_name(value) == "File" and value.get("fileName"):
                for key in ("accessUrl", "downloadUrl"):
                    if value.get(key):
                        self.files[urllib.parse.urlsplit(value[key]).path] = (
                            folder, value["fileName"], value.get("mimeType"), value.get("modified"))
            for v in value.values():
                self.collect_files(v, folder)
        elif isinstance(value, list):
            for v in value:
                self.collect_files(v, folder)

    def index(self):
        # per list: each object with its times and its JSON, made once
        self.prepared = {}
        for kind in ("body",) + LIST_KINDS:
            items = self.bodies if kind == "body" else self.lists[kind]
            self.prepared[kind] = [(o, parse_time(o.get("modified")), parse_time(o.get("created")),
                                    json.dumps(o, ensure_ascii=False)) for o in items]
        self.objects = {}
        for obj in [self.system] + self.bodies + [o for k in LIST_KINDS for o in self.lists[k]]:
            self.objects[urllib.parse.urlsplit(obj["id"]).path] = obj
        # the list URLs the System and the Bodies name
        self.list_paths = {urllib.parse.urlsplit(self.system["body"]).path: "body"}
        for body in self.bodies:
            for kind in LIST_KINDS:
                if body.get(kind):
                    self.list_paths[urllib.parse.urlsplit(body[kind]).path] = kind
        self.cache = {}

    def find(self, object_id):
        for kind in LIST_KINDS:
            for i, obj in enumerate(self.lists[kind]):
                if obj.get("id") == object_id:
                    return kind, i
        return None, None

    def now(self):
        return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()

    def touch(self, object_id, name=None):
        with self.lock:
            kind, i = self.find(object_id)
            if kind is None:
                return False
            obj = dict(self.lists[kind][i])
            obj["modified"] = self.now()
            if name:
                obj["name"] = name
            # a changed object goes to the end, as a server sorted by modified does
            del self.lists[kind][i]
            self.lists[kind].append(obj)
            self.index()
            return True

    def delete(self, object_id):
        with self.lock:
            kind, i = self.find(object_id)
            if kind is None:
                return False
            old = self.lists[kind][i]
            del self.lists[kind][i]
            self.lists[kind].append({"id": old["id"], "type": old.get("type"), "deleted": True,
                                     "created": old.get("created"), "modified": self.now()})
            self.index()
            return True

    def remove(self, object_id):
        with self.lock:
            kind, i = self.find(object_id)
            if kind is None:
                return False
            del self.lists[kind][i]
            self.index()
            return True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_handler(state):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # headers and body go out in two writes: without this, keep-alive
        # requests wait for the peer's delayed ACK (40 ms each)
        disable_nagle_algorithm = True

        def log_message(self, fmt, *args):
            if state["verbose"]:
                sys.stderr.write("oparl-server: " + fmt % args + "\n")

        # ---- answers ---------------------------------------------------------

        def send(self, status, body, content_type="application/json; charset=utf-8", headers=None):
            if isinstance(body, str):
                body = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def send_json(self, value, status=200):
            self.send(status, json.dumps(value, ensure_ascii=False))

        # ---- the modes ---------------------------------------------------------

        def mode(self, name):
            return state["modes"].get(name)

        def take(self, name):
            """A counted mode: True while it has uses left (0 = always)."""
            with state["lock"]:
                left = state["modes"].get(name)
                if left is None:
                    return False
                if left == 0:
                    return True
                if left == 1:
                    del state["modes"][name]
                else:
                    state["modes"][name] = left - 1
                return True

        # ---- requests ----------------------------------------------------------

        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            raw = url.query
            if self.mode("somacos") is not None:
                # SessionNet reads "+" as itself, not as a space
                raw = raw.replace("+", "%2B") if "%2B" not in raw.upper() else raw
            query = urllib.parse.parse_qs(raw, keep_blank_values=True)
            path = url.path
            with state["lock"]:
                state["requests"].append({"path": path, "query": url.query,
                                          "user_agent": self.headers.get("User-Agent", "")})
            if path == "/_control":
                return self.control(query)
            if path == "/_requests":
                with state["lock"]:
                    return self.send_json(state["requests"])

            if self.mode("id-prefix") is not None:
                # only …/ris/oparl/… answers; ids say …/oparl/…
                if not path.startswith("/ris/"):
                    return self.send(404, "not here")
                path = path[len("/ris"):]

            store = state["store"]
            if path in store.files:
                return self.file(path)
            if path == urllib.parse.urlsplit(store.system["id"]).path:
                return self.system()
            kind = store.list_paths.get(path)
            if kind is not None:
                return self.list_page(kind, path, url.query, query)
            obj = store.objects.get(path)
            if obj is not None:
                return self.send_json(self.out(obj))
            return self.send_json({"type": TYPE_BASE + "Error", "message": "Not found", "debug": path}, 404)

        def control(self, query):
            store = state["store"]
            with state["lock"]:
                if "reset" in query:
                    state["modes"] = {}
                    state["requests"] = []
                if "clear" in query:
                    state["requests"] = []
                for spec in ",".join(query.get("mode", [])).split(","):
                    if spec:
                        name, _, arg = spec.partition(":")
                        state["modes"][name] = int(arg) if arg else 0
            ok = True
            if "touch" in query:
                ok = store.touch(query["touch"][0], (query.get("name") or [None])[0])
            if "delete" in query:
                ok = store.delete(query["delete"][0])
            if "remove" in query:
                ok = store.remove(query["remove"][0])
            self.send_json({"ok": ok, "modes": state["modes"]})

        def out(self, obj):
            """An object as this server sends it."""
            return obj

        def system(self):
            if self.mode("error-object") is not None:
                return self.send_json({"type": "https://schema.oparl.org/1.1/Error",
                                       "message": "OParl is not active", "debug": "test"})
            system = dict(state["store"].system)
            if self.mode("sdnet") is not None:
                system["vendor"] = "https://www.sitzungsdienst.net/"
                system["contactName"] = "STERNBERG Software GmbH & Co. KG"
            elif self.mode("somacos") is not None:
                system["vendor"] = "https://www.somacos.de/"
                system["product"] = "https://www.somacos.de/loesungen/sitzungsmanagement/session/"
            elif self.mode("allris") is not None:
                system["vendor"] = "http://cc-egov.de/"
                system["product"] = "http://cc-egov.de/produkte/allris"
                system["website"] = "N/A"
            # with id-prefix the System names itself without /ris, as Karlsruhe's does
            return self.send_json(system)

        def file(self, path):
            store = state["store"]
            folder, name, mime, modified = store.files[path]
            if self.mode("file-410") is not None:
                return self.send(410, "Gone", "text/plain")
            if self.mode("file-html") is not None:
                return self.send(200, "<!DOCTYPE html><html><body>Fehler: Sitzung abgelaufen</body></html>",
                                 "text/html; charset=utf-8")
            if self.mode("file-damaged") is not None:
                return self.send(200, b"%PDF-1.4\n1 0 obj << /Type /Catalog", "application/pdf")
            if self.mode("file-image") is not None:
                return self.send(200, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image/png")
            if self.mode("file-big") is not None:
                data = ("Stadtrat\n" + "x" * 80 + "\n") * (3 * 1024 * 1024 // 90)
                return self.send(200, data, "text/plain; charset=utf-8")
            full = os.path.join(folder, "files", name)
            if not os.path.isfile(full):
                return self.send(404, "no such file", "text/plain")
            with open(full, "rb") as f:
                data = f.read()
            etag = '"' + hashlib.sha1(data).hexdigest() + '"'
            stamp = parse_time(modified) or datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
            last_modified = email.utils.format_datetime(stamp.astimezone(datetime.timezone.utc), usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", mime or "application/octet-stream",
                                 {"ETag": etag, "Last-Modified": last_modified})
            with state["lock"]:
                state["file_fetches"] = state.get("file_fetches", 0) + 1
            return self.send(200, data, mime or "application/octet-stream",
                             {"ETag": etag, "Last-Modified": last_modified})

        def list_page(self, kind, path, raw_query, query):
            store = state["store"]
            page = int((query.get("page") or ["1"])[0] or 1)

            if self.mode("somacos") is not None and "%2B" in raw_query.upper():
                return self.send(400, "Bad Request: invalid date", "text/plain")

            if page > 1:
                if self.mode("drop") is not None and self.mode("drop") == page:
                    del state["modes"]["drop"]
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if self.take("error500"):
                    return self.send(500, "Internal Server Error", "text/plain")
                if self.take("ratelimit"):
                    return self.send(429, "Too Many Requests", "text/plain", {"Retry-After": "1"})
                if self.mode("slow") is not None:
                    time.sleep(self.mode("slow"))
                if self.mode("html") is not None:
                    return self.send(200, "<!DOCTYPE html><html><head><title>Wartung</title></head>"
                                          "<body>Das Ratsinformationssystem wird gewartet.</body></html>",
                                     "text/html; charset=utf-8")

            prepared = store.prepared[kind]
            since = parse_time((query.get("modified_since") or [None])[0])
            until = parse_time((query.get("modified_until") or [None])[0])
            created_since = parse_time((query.get("created_since") or [None])[0])
            if since is None and (query.get("modified_since") or [None])[0]:
                return self.send(400, "Bad Request: modified_since", "text/plain")
            ignore = self.mode("ignore-filter") is not None
            key = (kind, since, until, created_since, ignore)
            sel = store.cache.get(key)
            if sel is None:
                sel = []
                for entry in prepared:
                    o, m, c, _ = entry
                    if o.get("deleted") and (since is None or ignore):
                        continue
                    if not ignore:
                        if since is not None and (m is None or m < since):
                            continue
                        if until is not None and (m is None or m > until):
                            continue
                        if created_since is not None and (c is None or c < created_since):
                            continue
                    sel.append(entry)
                store.cache[key] = sel

            if self.mode("sdnet") is not None:
                if since is not None and not sel:
                    return self.send_json({"code": 802, "type": "SD.NET RIM Webservice",
                                           "message": "Keine Daten gefunden"}, 404)
                if kind == "body" and len(sel) == 1:
                    return self.send_json(self.out(sel[0][0]))
                sel = [((o2 := {k: v for k, v in e[0].items() if k != "type"}), e[1], e[2],
                        json.dumps(o2, ensure_ascii=False)) if e[0].get("deleted") else e for e in sel]

            size = state["page_size"]
            pages = max(1, (len(sel) + size - 1) // size)
            if self.mode("repeat") is not None and page > 1:
                chunk = sel[:size]
            else:
                chunk = sel[(page - 1) * size: page * size]
            data = None
            if self.mode("allris") is not None:
                data = [json.loads(e[3]) for e in chunk]
                for o in data:
                    if type_name(o) == "Paper":
                        o["name"] = o.get("name", "") + "\x07"
                        o["paperType"] = o.get("paperType", "N/A")
                        if o.get("auxiliaryFile"):
                            o["auxiliaryFile"] = o["auxiliaryFile"][0]
                        o["web"] = "N/A"
                        o["keyword"] = ["St@LATIN1-AE@dtebau"]

            # links name …/oparl/… with id-prefix too, as Karlsruhe's do
            base = state["origin"] + path
            params = {k: v[0] for k, v in query.items() if k != "page"}

            def link(n):
                p = dict(params)
                p["page"] = str(n)
                q = urllib.parse.urlencode(p, safe=":")
                if self.mode("somacos") is not None:
                    q = q.replace("%2B", "+")
                return base + "?" + q
            links = {"first": link(1), "self": link(page)}
            if page < pages or (self.mode("endless") is not None) or \
               (self.mode("repeat") is not None and page < max(pages, 3)):
                links["next"] = link(page + 1)
            elif self.mode("loop") is not None and pages > 1:
                # back to the list's first page, as it was asked for
                q = urllib.parse.urlencode(params, safe=":")
                links["next"] = base + ("?" + q if q else "")
            rest = json.dumps({"pagination": {"totalElements": len(sel), "elementsPerPage": size,
                                              "currentPage": page, "totalPages": pages},
                               "links": links}, ensure_ascii=False)
            objects = (json.dumps(o, ensure_ascii=False) for o in data) if data is not None else (e[3] for e in chunk)
            text = '{"data": [' + ", ".join(objects) + '], ' + rest[1:]
            if self.mode("truncated") is not None and kind == "paper" and page == 2:
                text = text[: len(text) // 2]
            body = text.encode("utf-8")
            if self.mode("allris") is not None:
                # raw control characters and a Latin-1 byte inside strings:
                # invalid JSON, as ALLRIS sends it
                body = body.replace(b"\\u0007", b"\x07").replace(b"@LATIN1-AE@", b"\xe4")
            self.send(200, body)

    return Handler


def main():
    parser = argparse.ArgumentParser(description="A small OParl server for tests and demos")
    parser.add_argument("--data", action="append", required=True, help="a folder of OParl JSON files")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--page-size", type=int, default=10)
    parser.add_argument("--mode", default="", help="misbehaviours, comma-separated")
    parser.add_argument("--anchor", help="the data's own today (YYYY-MM-DD)")
    parser.add_argument("--today", help="move every date so that --anchor becomes this day ('now': today)")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve HTTPS")
    parser.add_argument("--stdin-watch", action="store_true", help="stop when stdin closes")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    days = 0
    if args.anchor and args.today:
        today = datetime.date.today() if args.today == "now" else datetime.date.fromisoformat(args.today)
        days = (today - datetime.date.fromisoformat(args.anchor)).days

    state = {"lock": threading.Lock(), "modes": {}, "requests": [], "page_size": args.page_size,
             "verbose": args.verbose}
    for spec in args.mode.split(","):
        if spec:
            name, _, arg = spec.partition(":")
            state["modes"][name] = int(arg) if arg else 0

    server = Server(("127.0.0.1", args.port), make_handler(state))
    port = server.server_address[1]
    scheme = "https" if args.tls else "http"
    state["origin"] = f"{scheme}://127.0.0.1:{port}"
    state["store"] = Store(args.data, state["origin"], days)
    if args.tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)

    if args.stdin_watch:
        def watch():
            sys.stdin.read()
            server.shutdown()
        threading.Thread(target=watch, daemon=True).start()

    print(f"PORT {port}", flush=True)
    print(f"SYSTEM {state['store'].system['id']}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
