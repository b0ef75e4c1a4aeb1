#!/usr/bin/env python3
"""Writes the binary files of examples/webapp/files/truststore/, byte for byte the same on every run:

- internal-root-ca.der: a self-signed Ed25519 CA certificate (DER), from a fixed seed,
  serial and validity, so signing (Ed25519 is deterministic) gives the same bytes;
- truststore.p12: that certificate in a password-less PKCS#12 truststore as the JDK's
  keytool writes one (no encryption, no MAC, the friendlyName and Oracle's
  trusted-key-usage attribute on the certificate bag), so nothing random goes in.

Both are binary on purpose: they hold NUL bytes and bytes that are not valid UTF-8, which
`.Files.Get … | b64enc` must pass through unchanged. The CA key is derived from a public
seed: it is an example, never trust it.

    python3 scripts/make-webapp-truststore.py          # needs the `cryptography` package
"""
import datetime
import hashlib
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.x509.oid import NameOID

OUT = Path(__file__).resolve().parent.parent / "examples" / "webapp" / "files" / "truststore"
SEED = hashlib.sha256(b"chartunit examples/webapp internal root CA").digest()
ALIAS = "internal-root-ca"


def certificate():
    key = ed25519.Ed25519PrivateKey.from_private_bytes(SEED)
    name = x509.Name([
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Corp"),
        x509.NameAttribute(NameOID.COMMON_NAME, "Example Corp Internal Root CA"),
    ])
    public = key.public_key()
    cert = (x509.CertificateBuilder()
            .subject_name(name).issuer_name(name).public_key(public)
            .serial_number(0x0C4A7EB1)
            .not_valid_before(datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc))
            .not_valid_after(datetime.datetime(2035, 1, 1, tzinfo=datetime.timezone.utc))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                         key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, key_cert_sign=True, crl_sign=True,
                                         encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
            .sign(key, None))
    return cert.public_bytes(serialization.Encoding.DER)


# DER, just what PKCS#12 needs.
def tlv(tag, body):
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + body


def seq(*items):
    return tlv(0x30, b"".join(items))


def set_of(*items):
    return tlv(0x31, b"".join(sorted(items)))


def oid(dotted):
    parts = [int(p) for p in dotted.split(".")]
    body = bytes([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        body += bytes(reversed(chunk))
    return tlv(0x06, body)


def explicit0(inner):
    return tlv(0xA0, inner)


def octets(b):
    return tlv(0x04, b)


DATA = "1.2.840.113549.1.7.1"
CERT_BAG = "1.2.840.113549.1.12.10.1.3"
X509_CERTIFICATE = "1.2.840.113549.1.9.22.1"
FRIENDLY_NAME = "1.2.840.113549.1.9.20"
ORACLE_TRUSTED_KEY_USAGE = "2.16.840.1.113894.746875.1.1"
ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0"


def truststore(der):
    bag = seq(
        oid(CERT_BAG),
        explicit0(seq(oid(X509_CERTIFICATE), explicit0(octets(der)))),
        set_of(
            seq(oid(FRIENDLY_NAME), set_of(tlv(0x1E, ALIAS.encode("utf-16-be")))),
            seq(oid(ORACLE_TRUSTED_KEY_USAGE), set_of(oid(ANY_EXTENDED_KEY_USAGE))),
        ),
    )
    safe_contents = seq(bag)
    authenticated_safe = seq(seq(oid(DATA), explicit0(octets(safe_contents))))
    return seq(tlv(0x02, b"\x03"), seq(oid(DATA), explicit0(octets(authenticated_safe))))


def main():
    der = certificate()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in ((ALIAS + ".der", der), ("truststore.p12", truststore(der))):
        path = OUT / name
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        print("%s: %d bytes, sha256 %s" % (path.relative_to(OUT.parent.parent.parent.parent), len(data),
                                          hashlib.sha256(data).hexdigest()))


if __name__ == "__main__":
    main()
