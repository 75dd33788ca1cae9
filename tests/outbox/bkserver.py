#!/usr/bin/env python3
# bkserver.py: the test servers the outbox delivers to, on 127.0.0.1
#
#   bkserver.py keys DIR                      make the test PKI in DIR (once)
#   bkserver.py fit-connect --keys DIR ...    a FIT-Connect Submission API v1
#   bkserver.py form --keys DIR --mode jwe|json-mtls ...   a county form server
#
# Test infrastructure, not product: the kiosk never starts a process. Each
# server listens with TLS (its own CA in DIR) on a free port and prints
# {"port": …, "admin": …} on its --ready-file once it is up. It decrypts
# what it receives with its own keys, checks the SHA-512 hashes in the
# metadata, the metadata's structure and the data against the form's schema
# (data/schemas/forms), counts each reference it accepts, and (FIT-Connect)
# emits status events signed with PS512. The admin port (plain HTTP) sets a
# fault on demand and reports the counts:
#
#   POST /fault {"name": …}   down, up, status (HTTP status for the next
#                             "count" requests, with "retry_after", only for
#                             "path" and "method" when given), slow
#                             ("delay" seconds), token-expired, wrong-key-ops,
#                             untrusted-key, rotate-key, bad-signature,
#                             reject (the next submissions are rejected),
#                             no-answer (no accept/reject event), clear
#   GET  /stats               {"submitted": {reference: count}, "accepted", …}
#
# SPDX-License-Identifier: GPL-3.0-or-later
import argparse
import base64
import datetime
import functools
import hashlib
import json
import os
import re
import socket
import ssl
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

try:
    import jsonschema
except ImportError:  # the schema check is then skipped, said on stderr
    jsonschema = None

DESTINATION_ID = '0c438057-ec3e-4ce0-b154-1683b5d3c2e8'
EVENT = 'https://schema.fitko.de/fit-connect/events/'
METADATA_SCHEMA = 'https://schema.fitko.de/fit-connect/metadata/1.0.0/metadata.schema.json'
SCHEMA_BASE = 'https://buergerkiosk.github.io/schema/forms/1.0.0/'


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


def unb64u(text):
    return base64.urlsafe_b64decode(text + '=' * (-len(text) % 4))


def int_b64u(n):
    return b64u(n.to_bytes((n.bit_length() + 7) // 8, 'big'))


# ---- the test PKI -----------------------------------------------------------

def _key(bits):
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def _name(cn):
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, 'Bürgerkiosk tests'),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject_key, cn, issuer_key, issuer_cert, ca=False, usage=None, server=False, client=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder()
               .subject_name(_name(cn))
               .issuer_name(issuer_cert.subject if issuer_cert else _name(cn))
               .public_key(subject_key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(days=1))
               .not_valid_after(now + datetime.timedelta(days=3650))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False),
                                        critical=True)
    elif usage == 'enc':
        builder = builder.add_extension(x509.KeyUsage(False, False, True, False, False, False, False, False, False),
                                        critical=True)
    elif usage == 'sig':
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, False, False, False, False),
                                        critical=True)
    if server:
        builder = builder.add_extension(x509.SubjectAlternativeName(
            [x509.DNSName('localhost'), x509.IPAddress(__import__('ipaddress').ip_address('127.0.0.1'))]),
            critical=False)
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
    if client:
        builder = builder.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
    return builder.sign(issuer_key or subject_key, hashes.SHA256())


def _write(path, data, private=False):
    with open(path, 'wb') as f:
        f.write(data)
    os.chmod(path, 0o600 if private else 0o644)


def _pem_key(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _pem_cert(cert):
    return cert.public_bytes(serialization.Encoding.PEM)


def make_keys(directory):
    """The CA, an intermediate, the destination's keys (4096 bits, as
    FIT-Connect requires), a second destination key, one from another CA,
    the service's event key, TLS server and client certificates. Made once
    in a folder of its own and renamed into place, so that tests running
    side by side share one set."""
    if os.path.exists(os.path.join(directory, 'done')):
        return
    os.makedirs(os.path.dirname(os.path.abspath(directory)), exist_ok=True)
    tmp = '%s.tmp-%d' % (directory, os.getpid())
    os.makedirs(tmp, exist_ok=True)
    _make_keys(tmp)
    try:
        os.rename(tmp, directory)
    except OSError:  # another one was faster
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)


def _make_keys(directory):
    done = os.path.join(directory, 'done')
    root_key = _key(2048)
    root = _cert(root_key, 'Bürgerkiosk Test Root CA', None, None, ca=True)
    inter_key = _key(2048)
    inter = _cert(inter_key, 'Bürgerkiosk Test Intermediate CA', root_key, root, ca=True)
    rogue_key = _key(2048)
    rogue = _cert(rogue_key, 'Some Other CA', None, None, ca=True)
    _write(os.path.join(directory, 'ca.pem'), _pem_cert(root))
    _write(os.path.join(directory, 'intermediate.pem'), _pem_cert(inter))
    leaves = {
        'enc': (inter_key, inter, 'enc', 4096),
        'enc2': (inter_key, inter, 'enc', 4096),
        'enc-rogue': (rogue_key, rogue, 'enc', 4096),
        'sig': (inter_key, inter, 'sig', 4096),
        'service-sig': (None, None, 'sig', 2048),
        'form-enc': (inter_key, inter, 'enc', 4096),
    }
    for name, (issuer_key, issuer, usage, bits) in leaves.items():
        key = _key(bits)
        _write(os.path.join(directory, name + '.key'), _pem_key(key), private=True)
        if issuer is not None:
            cert = _cert(key, 'test ' + name, issuer_key, issuer, usage=usage)
            _write(os.path.join(directory, name + '.pem'), _pem_cert(cert) + _pem_cert(issuer))
    tls_key = _key(2048)
    _write(os.path.join(directory, 'tls.key'), _pem_key(tls_key), private=True)
    _write(os.path.join(directory, 'tls.pem'), _pem_cert(_cert(tls_key, '127.0.0.1', root_key, root, server=True)))
    client_key = _key(2048)
    _write(os.path.join(directory, 'client.key'), _pem_key(client_key), private=True)
    _write(os.path.join(directory, 'client.pem'), _pem_cert(_cert(client_key, 'kiosk', root_key, root, client=True)))
    # The form server's key as the kiosk is configured with it.
    with open(os.path.join(directory, 'form-key.jwk'), 'w') as f:
        json.dump(jwk_of(directory, 'form-enc', 'enc'), f)
    _write(done, b'')


@functools.lru_cache(maxsize=None)
def load_key(directory, name):
    # Loading (and so checking) a 4096-bit key takes a good part of a second
    # on a busy machine: once per key and process.
    with open(os.path.join(directory, name + '.key'), 'rb') as f:
        return serialization.load_pem_private_key(f.read(), None)


def load_chain(directory, name):
    with open(os.path.join(directory, name + '.pem'), 'rb') as f:
        data = f.read()
    return [x509.load_pem_x509_certificate(m.group(0))
            for m in re.finditer(rb'-----BEGIN CERTIFICATE-----.+?-----END CERTIFICATE-----', data, re.S)]


def jwk_of(directory, name, use, key_ops=None, chain_of=None):
    return json.loads(_jwk_of(directory, name, use, tuple(key_ops) if key_ops else None, chain_of))


@functools.lru_cache(maxsize=None)
def _jwk_of(directory, name, use, key_ops, chain_of):
    key = load_key(directory, name)
    numbers = key.public_key().public_numbers()
    jwk = {'kty': 'RSA', 'kid': name + '-' + hashlib.sha256(int_b64u(numbers.n).encode()).hexdigest()[:12],
           'n': int_b64u(numbers.n), 'e': int_b64u(numbers.e)}
    if use == 'enc':
        jwk.update(alg='RSA-OAEP-256', key_ops=list(key_ops or ['wrapKey']))
    else:
        jwk.update(alg='PS512', key_ops=list(key_ops or ['verify']))
    chain_name = chain_of or name
    if os.path.exists(os.path.join(directory, chain_name + '.pem')):
        jwk['x5c'] = [base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode()
                      for c in load_chain(directory, chain_name)]
    return json.dumps(jwk)


# ---- JOSE -------------------------------------------------------------------

def jwe_decrypt(key, compact):
    parts = compact.split('.')
    if len(parts) != 5:
        raise ValueError('not a JWE in compact serialization')
    header = json.loads(unb64u(parts[0]))
    if header.get('alg') != 'RSA-OAEP-256' or header.get('enc') != 'A256GCM':
        raise ValueError('wrong algorithms: %s' % header)
    cek = key.decrypt(unb64u(parts[1]), padding.OAEP(mgf=padding.MGF1(hashes.SHA256()),
                                                     algorithm=hashes.SHA256(), label=None))
    plain = AESGCM(cek).decrypt(unb64u(parts[2]), unb64u(parts[3]) + unb64u(parts[4]), parts[0].encode())
    return header, plain


def jws_sign(key, kid, payload, corrupt=False):
    header = b64u(json.dumps({'typ': 'secevent+jwt', 'alg': 'PS512', 'kid': kid}).encode())
    body = b64u(json.dumps(payload).encode())
    signature = key.sign((header + '.' + body).encode(),
                         padding.PSS(mgf=padding.MGF1(hashes.SHA512()), salt_length=64), hashes.SHA512())
    if corrupt:
        signature = bytes([signature[0] ^ 1]) + signature[1:]
    return header + '.' + body + '.' + b64u(signature)


# ---- checks ------------------------------------------------------------------

class Checker:
    def __init__(self, schemas):
        self.schemas = {}
        self.validators = {}
        if schemas and os.path.isdir(schemas):
            for name in os.listdir(schemas):
                if name.endswith('.schema.json'):
                    with open(os.path.join(schemas, name)) as f:
                        schema = json.load(f)
                    self.schemas[schema['$id']] = schema
        if jsonschema is None:
            print('bkserver: python3-jsonschema missing: data not checked against its schema', file=sys.stderr)

    def metadata(self, metadata):
        problems = []
        if metadata.get('$schema') != METADATA_SCHEMA:
            problems.append('metadata: $schema is not metadata 1.0.0')
        cs = metadata.get('contentStructure')
        if not isinstance(cs, dict) or not isinstance(cs.get('attachments'), list):
            return problems + ['metadata: contentStructure.attachments missing']
        data = cs.get('data') or {}
        if (data.get('hash') or {}).get('type') != 'sha512' or \
                not re.fullmatch('[a-f0-9]{128}', (data.get('hash') or {}).get('content', '')):
            problems.append('metadata: data hash is not sha512 hex')
        if (data.get('submissionSchema') or {}).get('mimeType') != 'application/json':
            problems.append('metadata: data schema mime type')
        for a in cs['attachments']:
            if not all(k in a for k in ('attachmentId', 'hash', 'purpose', 'mimeType')):
                problems.append('metadata: attachment incomplete')
            if a.get('purpose') not in ('form', 'attachment', 'report'):
                problems.append('metadata: attachment purpose')
        return problems

    def content(self, metadata, data_bytes, attachments):
        """attachments: {id: bytes}. Returns (reference, problems)."""
        problems = self.metadata(metadata)
        cs = metadata.get('contentStructure') or {}
        want = ((cs.get('data') or {}).get('hash') or {}).get('content')
        if hashlib.sha512(data_bytes).hexdigest() != want:
            problems.append('data: the SHA-512 hash does not match')
        listed = {a.get('attachmentId'): a for a in cs.get('attachments', [])}
        if set(listed) != set(attachments):
            problems.append('attachments: not those in the metadata')
        for aid, content in attachments.items():
            if aid in listed and hashlib.sha512(content).hexdigest() != (listed[aid].get('hash') or {}).get('content'):
                problems.append('attachment %s: the SHA-512 hash does not match' % aid)
            if not content.startswith(b'%PDF-'):
                problems.append('attachment %s: not a PDF' % aid)
        try:
            data = json.loads(data_bytes)
        except ValueError:
            return None, problems + ['data: not JSON']
        schema_uri = (cs.get('data') or {}).get('submissionSchema', {}).get('schemaUri')
        if data.get('$schema') != schema_uri:
            problems.append('data: $schema is not the schema named in the metadata')
        schema = self.schemas.get(schema_uri)
        if schema is None:
            problems.append('data: unknown schema %s' % schema_uri)
        elif jsonschema is not None:
            validator = self.validators.get(schema_uri)
            if validator is None:
                validator = self.validators[schema_uri] = jsonschema.Draft202012Validator(
                    schema, format_checker=jsonschema.FormatChecker())
            for e in validator.iter_errors(data):
                problems.append('data: %s: %s' % ('/'.join(str(p) for p in e.path), e.message))
        return data.get('reference'), problems


# ---- a restartable TLS listener with faults -----------------------------------

class State:
    def __init__(self):
        self.lock = threading.RLock()
        self.faults = {}
        self.submitted = {}      # reference -> count
        self.accepted = 0
        self.rejected = []
        self.problems = []
        self.requests = 0
        self.idempotent = {}     # Idempotency-Key -> stored answer
        self.announced = 0
        self.in_flight = 0       # requests being answered now
        self.max_in_flight = 0   # the most at once (the kiosk's concurrency bound)


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'bkserver'

    def log_message(self, fmt, *args):
        if os.environ.get('BK_SERVER_VERBOSE'):
            sys.stderr.write('bkserver: ' + fmt % args + '\n')

    def body(self):
        length = int(self.headers.get('Content-Length') or 0)
        return self.rfile.read(length) if length else b''

    def setup(self):
        super().setup()
        # Small answers go out at once (no Nagle wait for the client's ACK).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def send(self, status, obj=None, headers=None, content_type='application/json'):
        data = b'' if obj is None else (obj if isinstance(obj, bytes) else json.dumps(obj).encode())
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if data or status not in (204,):
            self.send_header('Content-Type', content_type)
            self.send_header('Content-Length', str(len(data)))
        # Head and body in one write: one TLS record, no wait between them.
        self._headers_buffer.append(b'\r\n')
        self.answered()
        self.wfile.write(b''.join(self._headers_buffer) + data)
        self._headers_buffer = []

    def problem(self, status, title, detail=None, headers=None):
        self.send(status, {'type': 'about:blank', 'title': title, 'detail': detail}, headers,
                  'application/problem+json')

    def fault(self):
        """Applies the fault of the moment; True when it answered."""
        app = self.server.app
        with app.state.lock:
            app.state.requests += 1
            f = app.state.faults
            delay = f.get('slow', 0)
            status = None
            if f.get('status_count', 0) > 0 and \
                    (f.get('status_path') is None or self.path.split('?')[0] == f['status_path']) and \
                    (f.get('status_method') is None or self.command == f['status_method']):
                f['status_count'] -= 1
                status = (f['status'], f.get('retry_after'))
        if delay:
            time.sleep(delay)
        if status:
            headers = {'Retry-After': str(status[1])} if status[1] is not None else {}
            self.problem(status[0], 'fault on demand', headers=headers)
            return True
        return False

    def counted(self, method):
        state = self.server.app.state
        with state.lock:
            state.in_flight += 1
            state.max_in_flight = max(state.max_in_flight, state.in_flight)
        self.in_flight = True
        try:
            if not self.fault():
                method(self)
        finally:
            self.answered()

    def answered(self):
        # Before the answer goes out: a client may send its next request the
        # moment it has this one's answer, before this thread runs on.
        if getattr(self, 'in_flight', False):
            self.in_flight = False
            with self.server.app.state.lock:
                self.server.app.state.in_flight -= 1

    def do_GET(self):
        self.counted(self.server.app.get)

    def do_POST(self):
        self.counted(self.server.app.post)

    def do_PUT(self):
        self.counted(self.server.app.put)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up (a timeout on its side) is no failure here.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, ssl.SSLError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class Listener:
    def __init__(self, app, port, tls):
        self.app, self.port, self.tls = app, port, tls
        self.httpd = None

    def up(self):
        if self.httpd is not None:
            return
        httpd = Server(('127.0.0.1', self.port), Handler)
        httpd.app = self.app
        httpd.socket = self.tls.wrap_socket(httpd.socket, server_side=True)
        self.port = httpd.server_address[1]
        self.httpd = httpd
        threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def down(self):
        """Connections are refused from now on (the port is closed)."""
        if self.httpd is None:
            return
        self.httpd.shutdown()
        self.httpd.server_close()
        self.httpd = None


class Admin(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, fmt, *args):
        pass

    def reply(self, obj):
        data = json.dumps(obj).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        app = self.server.app
        with app.state.lock:
            self.reply({'submitted': app.state.submitted, 'accepted': app.state.accepted,
                        'rejected': app.state.rejected, 'problems': app.state.problems,
                        'requests': app.state.requests, 'announced': app.state.announced,
                        'max_in_flight': app.state.max_in_flight,
                        'duplicates': sum(c - 1 for c in app.state.submitted.values() if c > 1),
                        'up': app.listener.httpd is not None})

    def do_POST(self):
        app = self.server.app
        length = int(self.headers.get('Content-Length') or 0)
        fault = json.loads(self.rfile.read(length) or b'{}')
        name = fault.get('name')
        with app.state.lock:
            f = app.state.faults
            if name == 'down':
                app.listener.down()
            elif name == 'up':
                app.listener.up()
            elif name == 'status':
                f.update(status=fault.get('status', 500), status_count=fault.get('count', 1),
                         retry_after=fault.get('retry_after'), status_path=fault.get('path'),
                         status_method=fault.get('method'))
            elif name == 'slow':
                f['slow'] = fault.get('delay', 5)
            elif name == 'clear':
                f.clear()
                app.listener.up()
            elif name == 'reset-counts':
                app.state.submitted.clear()
                app.state.accepted = 0
                app.state.rejected.clear()
                app.state.problems.clear()
                app.state.announced = 0
                app.state.requests = 0
                app.state.max_in_flight = 0
            else:
                f[name] = fault.get('value', True)
            app.fault_changed(name)
        self.reply({'ok': True})


def tls_context(keys, client_auth=False):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(os.path.join(keys, 'tls.pem'), os.path.join(keys, 'tls.key'))
    if client_auth:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(os.path.join(keys, 'ca.pem'))
    return context


# ---- FIT-Connect ------------------------------------------------------------------

class FitConnect:
    """Submission API v1 with an OAuth token endpoint, one destination."""

    def __init__(self, args):
        self.keys = args.keys
        self.state = State()
        self.checker = Checker(args.schemas)
        self.client_id, self.client_secret = args.client_id, args.client_secret
        self.token_lifetime = args.token_lifetime
        self.accept_delay = args.accept_delay
        self.tokens = {}
        self.enc_name = 'enc'
        self.sig_key = load_key(self.keys, 'sig')
        self.sig_jwk = jwk_of(self.keys, 'sig', 'sig')
        self.service_key = load_key(self.keys, 'service-sig')
        self.service_jwk = jwk_of(self.keys, 'service-sig', 'sig')
        self.submissions = {}   # id -> dict
        self.cases = {}         # case id -> [event tokens]
        self.base = None

    def fault_changed(self, name):
        if name == 'rotate-key':
            self.enc_name = 'enc2' if self.enc_name == 'enc' else 'enc'

    def enc_jwk(self):
        f = self.state.faults
        if f.get('untrusted-key'):
            return jwk_of(self.keys, 'enc-rogue', 'enc')
        return jwk_of(self.keys, self.enc_name, 'enc', key_ops=['verify'] if f.get('wrong-key-ops') else None)

    def authorized(self, h):
        auth = h.headers.get('Authorization', '')
        token = auth[7:] if auth.startswith('Bearer ') else None
        with self.state.lock:
            expires = self.tokens.get(token)
            if self.state.faults.pop('token-expired', None):
                self.tokens.clear()
                expires = None
        if expires is None or expires < time.time():
            h.send(401, {'error': 'invalid_token'}, {'WWW-Authenticate': 'Bearer error="invalid_token"'})
            return False
        return True

    def event(self, case, submission, name, issuer_is_service, payload=None):
        claims = {'$schema': 'https://schema.fitko.de/fit-connect/set-payload/1.0.0/set-payload.schema.json',
                  'jti': str(uuid.uuid4()), 'iat': int(time.time()),
                  'sub': 'submission:' + submission, 'txn': 'case:' + case,
                  'events': {EVENT + name: payload or {}}}
        corrupt = bool(self.state.faults.get('bad-signature'))
        if issuer_is_service:
            claims['iss'] = self.base
            token = jws_sign(self.service_key, self.service_jwk['kid'], claims, corrupt)
        else:
            claims['iss'] = DESTINATION_ID
            token = jws_sign(self.sig_key, self.sig_jwk['kid'], claims, corrupt)
        self.cases.setdefault(case, []).append(token)

    def wait_opened(self, sid=None, case=None):
        """Waits while the submission (or those of the case) is being opened."""
        with self.state.lock:
            waiting = [s for i, s in self.submissions.items() if i == sid or s['case'] == case]
        for s in waiting:
            with s['opening']:
                pass

    def get(self, h):
        path = h.path.split('?')[0]
        m = re.fullmatch(r'/v1/destinations/([^/]+)(?:/keys/([^/]+))?', path)
        if path == '/.well-known/jwks.json':
            return h.send(200, {'keys': [self.service_jwk]})
        if not self.authorized(h):
            return
        if m:
            if m.group(1) != DESTINATION_ID:
                return h.problem(404, 'destination not found')
            with self.state.lock:
                enc = self.enc_jwk()
            if m.group(2) is None:
                return h.send(200, {'destinationId': DESTINATION_ID, 'status': 'active',
                                    'encryptionKid': enc['kid'], 'metadataVersions': ['1.0.0']})
            kid = m.group(2)
            listed = [enc, self.sig_jwk]
            # A rotated-out key stays listed (to decrypt what was sealed for
            # it) unless the fault drop-old-key says otherwise.
            if not self.state.faults.get('drop-old-key'):
                listed += [jwk_of(self.keys, name, 'enc') for name in ('enc', 'enc2') if name != self.enc_name]
            for candidate in listed:
                if candidate['kid'] == kid:
                    return h.send(200, candidate)
            return h.problem(404, 'key not found')
        m = re.fullmatch(r'/v1/cases/([^/]+)/events', path)
        if m:
            self.wait_opened(case=m.group(1))
            with self.state.lock:
                if m.group(1) not in self.cases:
                    return h.problem(404, 'case not found')
                return h.send(200, {'eventLog': list(self.cases[m.group(1)])})
        m = re.fullmatch(r'/v1/submissions/([^/]+)', path)
        if m and m.group(1) in self.submissions:
            s = self.submissions[m.group(1)]
            return h.send(200, {'submissionId': m.group(1), 'caseId': s['case'], 'status': s['status']})
        h.problem(404, 'not found')

    def post(self, h):
        path = h.path.split('?')[0]
        body = h.body()
        if path == '/token':
            form = dict(p.split('=', 1) for p in body.decode().split('&') if '=' in p)
            from urllib.parse import unquote_plus
            form = {k: unquote_plus(v) for k, v in form.items()}
            if form.get('grant_type') != 'client_credentials' or form.get('client_id') != self.client_id or \
                    form.get('client_secret') != self.client_secret:
                return h.send(401, {'error': 'invalid_client'})
            token = b64u(os.urandom(24))
            with self.state.lock:
                self.tokens[token] = time.time() + self.token_lifetime
            return h.send(200, {'access_token': token, 'token_type': 'Bearer', 'expires_in': self.token_lifetime})
        if not self.authorized(h):
            return
        if path != '/v1/submissions':
            return h.problem(404, 'not found')
        request = json.loads(body)
        if request.get('destinationId') != DESTINATION_ID:
            return h.problem(404, 'destination not found')
        identifier = (request.get('serviceType') or {}).get('identifier', '')
        if not re.fullmatch(r'urn:[a-z0-9][a-z0-9-]{0,31}:.+', identifier):
            return h.problem(422, 'serviceType.identifier is not a URN', identifier)
        key = h.headers.get('Idempotency-Key')
        with self.state.lock:
            if key and key in self.state.idempotent:
                return h.send(201, self.state.idempotent[key])
            sid, case = str(uuid.uuid4()), str(uuid.uuid4())
            self.submissions[sid] = {'case': case, 'announced': set(request.get('announcedAttachments', [])),
                                     'attachments': {}, 'status': 'incomplete',
                                     # held while it is being opened (outside the server's lock)
                                     'opening': threading.Lock()}
            answer = {'destinationId': DESTINATION_ID, 'submissionId': sid, 'caseId': case}
            if key:
                self.state.idempotent[key] = answer
            self.state.announced += 1
        h.send(201, answer)

    def put(self, h):
        path = h.path.split('?')[0]
        body = h.body()
        if not self.authorized(h):
            return
        m = re.fullmatch(r'/v1/submissions/([^/]+)/attachments/([^/]+)', path)
        if m:
            self.wait_opened(m.group(1))
            with self.state.lock:
                s = self.submissions.get(m.group(1))
                if s is None:
                    return h.problem(404, 'submission not found')
                if m.group(2) not in s['announced']:
                    return h.problem(422, 'attachment not announced')
                if s['status'] != 'incomplete':
                    return h.problem(409, 'submission-state-invalid', 'already submitted')
                s['attachments'][m.group(2)] = body.decode()
            return h.send(204)
        m = re.fullmatch(r'/v1/submissions/([^/]+)', path)
        if not m:
            return h.problem(404, 'not found')
        with self.state.lock:
            s = self.submissions.get(m.group(1))
        if s is None:
            return h.problem(404, 'submission not found')
        # Decrypting (RSA-4096) and checking run outside the server's lock, so
        # that it answers several submissions at once (a real one is not one
        # Python thread), but under the submission's own: a second PUT of it,
        # an upload or its case's event log wait until it is submitted, as
        # they would with a server that submits in one step.
        with s['opening']:
            with self.state.lock:
                if s['status'] != 'incomplete':
                    return h.problem(409, 'submission-state-invalid', 'already submitted')
                if set(s['attachments']) != s['announced']:
                    return h.problem(422, 'missing attachments')
                attachments = dict(s['attachments'])
            request = json.loads(body)
            reference, problems = self.open(request, attachments)
            with self.state.lock:
                s['status'] = 'submitted'
                self.event(s['case'], m.group(1), 'submit-submission', True)
                if reference:
                    self.state.submitted[reference] = self.state.submitted.get(reference, 0) + 1
                if self.state.faults.get('reject'):
                    problems = problems + ['rejected on demand']
                if problems:
                    self.state.problems.extend(problems)
                answer_now = not self.state.faults.get('no-answer')
        if answer_now:
            threading.Timer(self.accept_delay, self.answer, (m.group(1), reference, problems)).start()
        h.send(200, {'submissionId': m.group(1), 'caseId': s['case'], 'destinationId': DESTINATION_ID})

    def answer(self, sid, reference, problems):
        with self.state.lock:
            s = self.submissions[sid]
            if problems:
                s['status'] = 'rejected'
                self.state.rejected.append(reference)
                self.event(s['case'], sid, 'reject-submission', False,
                           {'problems': [{'type': 'https://schema.fitko.de/fit-connect/events/problems/x',
                                          'title': p.split(':')[0], 'detail': p} for p in problems[:5]]})
            else:
                s['status'] = 'accepted'
                self.state.accepted += 1
                self.event(s['case'], sid, 'accept-submission', False)

    def open(self, request, sealed_attachments):
        """Decrypts with the destination key the data was sealed for."""
        problems = []
        try:
            header, metadata_bytes = self.decrypt(request['encryptedMetadata'])
            _, data_bytes = self.decrypt(request['encryptedData'])
            attachments = {aid: self.decrypt(jwe)[1] for aid, jwe in sealed_attachments.items()}
            metadata = json.loads(metadata_bytes)
            reference, content_problems = self.checker.content(metadata, data_bytes, attachments)
            if (metadata.get('additionalReferenceInfo') or {}).get('senderReference') != reference:
                problems.append('metadata: senderReference is not the data\'s reference')
            return reference, problems + content_problems
        except Exception as e:  # noqa: BLE001 - every failure is a problem to report
            return None, ['decryption: %s' % e]

    def decrypt(self, compact):
        header = json.loads(unb64u(compact.split('.')[0]))
        for name in ('enc', 'enc2'):
            if jwk_of(self.keys, name, 'enc')['kid'] == header.get('kid'):
                return jwe_decrypt(load_key(self.keys, name), compact)
        raise ValueError('sealed for an unknown key %s' % header.get('kid'))


# ---- the form server ------------------------------------------------------------------

class FormServer:
    def __init__(self, args):
        self.keys = args.keys
        self.mode = args.mode
        self.state = State()
        self.checker = Checker(args.schemas)
        self.key = load_key(self.keys, 'form-enc')
        self.asynchronous = args.asynchronous
        self.status = {}
        self.base = None

    def fault_changed(self, name):
        pass

    def get(self, h):
        m = re.fullmatch(r'/status/([^/]+)', h.path)
        with self.state.lock:
            if not m or m.group(1) not in self.status:
                return h.problem(404, 'not found')
            if self.state.faults.get('no-answer'):
                return h.send(200, {'status': 'submitted', 'statusUrl': self.base + h.path})
            return h.send(200, self.status[m.group(1)])

    def put(self, h):
        h.problem(405, 'method not allowed')

    def post(self, h):
        if h.path != '/submissions':
            return h.problem(404, 'not found')
        key = h.headers.get('Idempotency-Key')
        if not key:
            return h.problem(400, 'Idempotency-Key missing')
        body = json.loads(h.body())
        with self.state.lock:
            if key in self.state.idempotent:
                return h.send(200, self.state.idempotent[key])
            reference, problems = self.open(body)
            if reference:
                self.state.submitted[reference] = self.state.submitted.get(reference, 0) + 1
            if self.state.faults.get('reject'):
                problems = problems + ['rejected on demand']
            sid = str(uuid.uuid4())
            if problems:
                self.state.problems.extend(problems)
                self.state.rejected.append(reference)
                final = {'status': 'rejected', 'id': sid, 'reason': '; '.join(problems[:3])}
            else:
                self.state.accepted += 1
                final = {'status': 'accepted', 'id': sid}
            self.status[sid] = final
            answer = {'status': 'submitted', 'id': sid, 'statusUrl': '%s/status/%s' % (self.base, sid)} \
                if self.asynchronous else final
            self.state.idempotent[key] = answer
        h.send(202 if self.asynchronous else 201, answer)

    def open(self, body):
        try:
            if self.mode == 'jwe':
                _, metadata_bytes = jwe_decrypt(self.key, body['encryptedMetadata'])
                _, data_bytes = jwe_decrypt(self.key, body['encryptedData'])
                attachments = {a['attachmentId']: jwe_decrypt(self.key, a['encryptedContent'])[1]
                               for a in body.get('attachments', [])}
                metadata = json.loads(metadata_bytes)
            else:
                metadata = body['metadata']
                data_bytes = json.dumps(body['data']).encode()
                attachments = {a['attachmentId']: base64.b64decode(a['content']) for a in body.get('attachments', [])}
                # The hash is over the data as the kiosk wrote it: check it
                # on the structure (the server's own serialization differs).
                metadata = dict(metadata)
                cs = dict(metadata['contentStructure'])
                cs['data'] = dict(cs['data'], hash={'type': 'sha512',
                                                    'content': hashlib.sha512(data_bytes).hexdigest()})
                metadata['contentStructure'] = cs
            return self.checker.content(metadata, data_bytes, attachments)
        except Exception as e:  # noqa: BLE001
            return None, ['decryption: %s' % e]


def serve(app, args, client_auth=False):
    listener = Listener(app, args.port, tls_context(args.keys, client_auth))
    app.listener = listener
    listener.up()
    app.base = 'https://127.0.0.1:%d' % listener.port
    app.state.faults.clear()
    admin = ThreadingHTTPServer(('127.0.0.1', args.admin_port), Admin)
    admin.daemon_threads = True
    admin.app = app
    threading.Thread(target=admin.serve_forever, daemon=True).start()
    ready = {'port': listener.port, 'admin': admin.server_address[1], 'base': app.base}
    if args.ready_file:
        tmp = args.ready_file + '.tmp'
        with open(tmp, 'w') as f:
            json.dump(ready, f)
        os.replace(tmp, args.ready_file)
    print(json.dumps(ready), flush=True)
    # Ends with the test that started it, even when that one crashed.
    parent = os.getppid()
    try:
        while os.getppid() == parent:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest='command', required=True)
    keys = sub.add_parser('keys')
    keys.add_argument('dir')
    for name in ('fit-connect', 'form'):
        p = sub.add_parser(name)
        p.add_argument('--keys', required=True)
        p.add_argument('--schemas')
        p.add_argument('--port', type=int, default=0)
        p.add_argument('--admin-port', type=int, default=0)
        p.add_argument('--ready-file')
    fc = sub.choices['fit-connect']
    fc.add_argument('--client-id', default='kiosk-test')
    fc.add_argument('--client-secret', default='s3cret')
    fc.add_argument('--token-lifetime', type=int, default=1800)
    fc.add_argument('--accept-delay', type=float, default=0.0)
    form = sub.choices['form']
    form.add_argument('--mode', choices=['jwe', 'json-mtls'], default='jwe')
    form.add_argument('--asynchronous', action='store_true')
    args = parser.parse_args()
    if args.command == 'keys':
        make_keys(args.dir)
        return
    make_keys(args.keys)
    if args.command == 'fit-connect':
        serve(FitConnect(args), args)
    else:
        serve(FormServer(args), args, client_auth=args.mode == 'json-mtls')


if __name__ == '__main__':
    main()
