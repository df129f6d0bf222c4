#!/usr/bin/env bash
# Opens a summary.html in headless Chromium, takes a screenshot and fails on a blank page or a
# rendering error. Installs Debian's chromium if absent (needs root and apt); if it can be neither
# found nor installed, says so and exits 0 so that machines without a browser can still run CI.
#
#   bash scripts/check-html.sh [HTML] [PNG]     (defaults: Reports/tokyo-synthetic/summary.html, a temp file)
set -euo pipefail
cd "$(dirname "$0")/.."
HTML="$(realpath "${1:-Reports/tokyo-synthetic/summary.html}")"
PNG="${2:-$(mktemp -d)/summary.png}"
find_browser() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }
B="$(find_browser)"
# Japanese text needs a CJK font, or every character renders as an empty box.
if [ -n "$B" ] && ! fc-list 2>/dev/null | grep -qi "cjk\|ipa\|takao\|vl gothic" && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1) || echo "check-html: no CJK font (Japanese shows as boxes)" >&2
fi
if [ -z "$B" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "check-html: installing chromium (apt-get)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) || true
  B="$(find_browser)"
fi
if [ -z "$B" ]; then
  echo "check-html: SKIPPED (no chromium, and it cannot be installed here)" >&2
  exit 0
fi
LOG="$(mktemp)"
# A tall window shows the headline, the tables and the first charts.
if ! timeout 120 "$B" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,2400 \
    --screenshot="$PNG" "file://$HTML" >"$LOG" 2>&1; then
  echo "check-html: chromium failed:" >&2; cat "$LOG" >&2; exit 1
fi
[ -s "$PNG" ] || { echo "check-html: no screenshot written" >&2; cat "$LOG" >&2; exit 1; }
# Console errors reported by the page (there are no scripts, so any is a problem).
if grep -qiE "Uncaught|ERROR:.*(CONSOLE|render)" "$LOG"; then
  echo "check-html: rendering errors:" >&2; grep -iE "Uncaught|ERROR:" "$LOG" >&2; exit 1
fi
# Blank page: count distinct colours and dark pixels of the PNG (Python's zlib, no packages).
python3 - "$PNG" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, chunks = 8, {}
idat = b""
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b"IHDR": w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
    if kind == b"IDAT": idat += body
    pos += 12 + n
bpp = {2: 3, 6: 4}[ctype]
raw = zlib.decompress(idat)
stride = w * bpp
rows, prev, i = [], bytearray(stride), 0
for _ in range(h):
    f = raw[i]; line = bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); prev = line
colours, dark, red = set(), 0, 0
for r in rows[::4]:
    for x in range(0, stride, bpp * 4):
        px = r[x:x + 3]; colours.add(px)
        if sum(px) < 200: dark += 1
        if px[0] > 150 and px[1] < 90 and px[2] < 90: red += 1
print(f"check-html: {w}x{h}, {len(colours)} colours, {dark} dark samples, {red} red (chart) samples", file=sys.stderr)
if len(colours) < 8 or dark < 200: sys.exit("check-html: the page looks blank")
if red < 20: sys.exit("check-html: no chart bars visible")
PY
echo "check-html: OK ($PNG)" >&2
