#!/usr/bin/env bash
# A self-signed certificate for trying the production shape on your own machine:
#   deploy/make-dev-cert.sh [host-name]   -> deploy/certs/fullchain.pem and privkey.pem
# Browsers warn about it; for a real server put the certificate of your CA (or Let's Encrypt)
# in deploy/certs/ under the same names (see "Front door" in README.md).
set -eu
host="${1:-localhost}"
dir="$(cd "$(dirname "$0")" && pwd)/certs"
mkdir -p "$dir"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 \
  -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" \
  -subj "/CN=$host" -addext "subjectAltName=DNS:$host,DNS:localhost,IP:127.0.0.1" 2>/dev/null
chmod 600 "$dir/privkey.pem"
echo "Certificaat voor $host staat in $dir (alleen voor testen: browsers vertrouwen het niet)."
