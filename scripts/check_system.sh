#!/usr/bin/env bash
# Check (and, as root on Debian, install) the system packages the portal needs.
#   scripts/check_system.sh run    -> what `make run` needs (WeasyPrint's libraries)
#   scripts/check_system.sh test   -> also Chromium, poppler-utils, redis-server and PostgreSQL for the tests
#   scripts/check_system.sh bench  -> also wrk for the benchmarks
set -u
mode="${1:-run}"
missing=()

# WeasyPrint needs Pango (and HarfBuzz, via Pango) from the system.
if ! ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so"; then missing+=(libpango-1.0-0); fi
if ! ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so"; then missing+=(libpangoft2-1.0-0); fi
if ! ldconfig -p 2>/dev/null | grep -q "libharfbuzz-subset.so"; then missing+=(libharfbuzz-subset0); fi
if ! fc-list 2>/dev/null | grep -qi "dejavu"; then missing+=(fonts-dejavu-core); fi

if [ "$mode" = "test" ] || [ "$mode" = "bench" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  # `nginx -t` checks deploy/nginx.conf, the proxy of the production shape.
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
fi
if [ "$mode" = "bench" ]; then
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installeren van systeempakketten: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    && exit 0
  echo "Installeren is mislukt." >&2
fi

cat >&2 <<MSG
Er ontbreken systeempakketten die het portaal nodig heeft:
    ${missing[*]}
Installeer ze op Debian of Ubuntu met:
    sudo apt-get install ${missing[*]}
(WeasyPrint maakt de PDF's met Pango; de tests gebruiken Chromium, pdftotext, redis-server en nginx.)
MSG
exit 1
