"""A self-signed certificate for 127.0.0.1, so a loopback fake can serve HTTPS (the bench's
measure of what a TLS handshake per call costs, and the client's `ssl` option in tests)."""
from __future__ import annotations

import datetime
import ipaddress
import ssl
import tempfile
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

HOST = "127.0.0.1"


@lru_cache(maxsize=1)
def certificate() -> tuple[str, str]:
    """(certificate file, key file), PEM, made once per process."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(HOST))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    folder = Path(tempfile.mkdtemp(prefix="fake-tls-"))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return str(folder / "cert.pem"), str(folder / "key.pem")


def server_context() -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate())
    return context


def client_context() -> ssl.SSLContext:
    """A client's context that trusts the certificate (and checks it, host name included)."""
    return ssl.create_default_context(cafile=certificate()[0])


@lru_cache(maxsize=1)
def system_bundle() -> str:
    """The system's CA bundle with the certificate added: point SSL_CERT_FILE at it, and a
    client that is given no SSL context (as the bot's) trusts the fake the way it trusts
    Slack, loading as many certificates."""
    system = ssl.get_default_verify_paths()
    path = Path(certificate()[0]).with_name("bundle.pem")
    path.write_text((Path(system.cafile).read_text() if system.cafile else "")
                    + Path(certificate()[0]).read_text())
    return str(path)
