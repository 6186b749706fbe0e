"""Debian's nginx serving a built site through deploy/nginx.conf on a loopback port.

Used by tests/browser/test_nginx.py (is the shipped server block right?) and by the
benchmark scripts/bench_browser.py (what does a reader download from a real host?).

    with NginxHost(site, https=True, access_log=True) as host:
        host.url          # "https://127.0.0.1:PORT"
        host.log_lines()  # [(end time, status, bytes sent, request URI), ...] so far

It edits only the two lines an operator edits (listen, root), includes the block in a
minimal nginx.conf of its own (loading the brotli static module as Debian's
modules-enabled/ would), and starts nginx in the foreground. With https=True it writes a
self-signed certificate for 127.0.0.1 into its temp dir (openssl) and puts the TLS lines
beside `listen`, as the block's own comment tells an operator to (browsers offer brotli
only over HTTPS). ./scripts/test installs nginx, the brotli module and openssl.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / "deploy" / "nginx.conf"
NGINX = "/usr/sbin/nginx"
OPENSSL = "/usr/bin/openssl"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"

MAIN_CONF = """\
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
{user}
load_module {module};
events {{ worker_connections 256; }}
http {{
    {access_log}
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/yqxs.conf;
}}
"""
# One line per answer, written when it has been sent: $msec is that moment (epoch seconds,
# ms resolution) and $bytes_sent what went on the wire (headers + the encoded body).
ACCESS_LOG = "log_format bench '$msec $status $bytes_sent $request_uri'; access_log {tmp}/access.log bench;"


def operator_edit(text: str, port: int, site: Path, tls: tuple[Path, Path] | None = None,
                  http2: bool = True) -> str:
    """What the README asks of an operator: change the listen and root lines, nothing else
    (with TLS, the certificate lines go beside listen)."""
    listen = f"listen 127.0.0.1:{port};"
    if tls:
        cert, key = tls
        listen = (f"listen 127.0.0.1:{port} ssl{' http2' if http2 else ''}; ssl_certificate {cert}; "
                  f"ssl_certificate_key {key};")
    text, listens = re.subn(r"^(\s*)listen [^;]+;", lambda m: m[1] + listen, text, flags=re.M)
    text, roots = re.subn(r"^(\s*)root [^;]+;", lambda m: f"{m[1]}root {site};", text, flags=re.M)
    if (listens, roots) != (1, 1):
        raise ValueError("deploy/nginx.conf must have exactly one listen and one root line")
    return text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def self_signed(tmp: Path) -> tuple[Path, Path]:
    """A throwaway certificate for 127.0.0.1."""
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


def spki_hash(cert: Path) -> str:
    """base64(sha256(SubjectPublicKeyInfo)): what Chromium's
    --ignore-certificate-errors-spki-list takes. Chromium then treats the certificate as
    valid; with the blanket --ignore-certificate-errors it keeps the error on the response
    and stores nothing in the HTTP cache, so no second visit would ever be warm."""
    pub = subprocess.run([OPENSSL, "x509", "-in", str(cert), "-pubkey", "-noout"],
                         check=True, capture_output=True).stdout
    der = subprocess.run([OPENSSL, "pkey", "-pubin", "-outform", "der"], input=pub,
                         check=True, capture_output=True).stdout
    return base64.b64encode(hashlib.sha256(der).digest()).decode()


class NginxHost:
    """nginx with deploy/nginx.conf on a free loopback port; a context manager."""

    def __init__(self, site: Path, *, https: bool = False, access_log: bool = False, http2: bool = True):
        self.site = Path(site).resolve()
        self.https = https
        self.access_log = access_log
        self.http2 = http2
        self.port = 0
        self.tmp: Path | None = None
        self.spki = ""  # with https: the certificate's SPKI hash, for Chromium (spki_hash)
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.https else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> NginxHost:
        for need, what in ((NGINX, "nginx"), (BROTLI_MODULE, "libnginx-mod-http-brotli-static")):
            if not Path(need).exists():
                raise RuntimeError(f"{what} is missing: ./scripts/test installs Debian's {what}")
        self.tmp = Path(tempfile.mkdtemp(prefix="yqxs-nginx-"))
        tmp = self.tmp
        self.port = free_port()
        tls = self_signed(tmp) if self.https else None
        self.spki = spki_hash(tls[0]) if tls else ""
        (tmp / "yqxs.conf").write_text(
            operator_edit(CONF.read_text(encoding="utf-8"), self.port, self.site, tls, self.http2))
        user = "user root;" if os.geteuid() == 0 else ""  # workers must read the build where it is
        log = ACCESS_LOG.format(tmp=tmp) if self.access_log else "access_log off;"
        (tmp / "nginx.conf").write_text(
            MAIN_CONF.format(tmp=tmp, user=user, module=BROTLI_MODULE, access_log=log))
        check = subprocess.run([NGINX, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                               capture_output=True, text=True)
        if check.returncode != 0 or "[warn]" in check.stderr or "[emerg]" in check.stderr:
            raise RuntimeError(f"nginx -t: {check.stderr}")
        self.proc = subprocess.Popen(
            [NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode()}") from None
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("nginx did not start listening") from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    def log_lines(self) -> list[tuple[float, int, int, str]]:
        """(epoch seconds the answer was sent, status, bytes on the wire, request URI)."""
        if not (self.tmp and self.access_log):
            return []
        path = self.tmp / "access.log"
        if not path.exists():
            return []
        rows = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split(" ", 3)
            if len(parts) == 4:
                rows.append((float(parts[0]), int(parts[1]), int(parts[2]), parts[3]))
        return rows

    def __enter__(self) -> NginxHost:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
