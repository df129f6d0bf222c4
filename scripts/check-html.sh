#!/usr/bin/env bash
# Checks every HTML page bcpsim writes in a real browser (headless Chromium, 1280 px wide):
#   - no horizontal overflow (the page is at most 1,280 px wide),
#   - no clipped label (every SVG text lies inside its chart or map; no table cell overflows),
#   - the map of Tokyo is on the pages that must have one,
#   - the page is not blank (a screenshot with text and colour).
# The pages are written afresh by the built binary into ARTIFACTS (default .build/html-check, which
# git ignores): summary.html in Japanese and English (and with --suppress 10, as real data gets it),
# allocation.html, the workshop's facilitator, participant and MSEL pages, compare.html and
# registry.html. Screenshots (PNG) of every page are kept there as CI artifacts, never committed.
# Any other .html file the commands write is checked too (a new page is covered when it appears).
#
# Installs Debian's chromium if absent (needs root and apt); if it can be neither found nor
# installed, says so and exits 0 so that machines without a browser can still run CI.
#
#   bash scripts/check-html.sh [ARTIFACTS]      (BCPSIM=path/to/bcpsim to skip the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(realpath -m "${1:-.build/html-check}")"
find_browser() { command -v chromium || command -v chromium-browser || command -v google-chrome || true; }
B="$(find_browser)"
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

if [ -z "${BCPSIM:-}" ]; then
  swift build -c release --product bcpsim >&2
  BCPSIM="$(swift build -c release --show-bin-path)/bcpsim"
fi
rm -rf "$OUT"
mkdir -p "$OUT/pages" "$OUT/screenshots"
P="$OUT/pages"
S=Scenarios/tokyo-synthetic
"$BCPSIM" run "$S" --out "$P/run-ja" >/dev/null
"$BCPSIM" report "$P/run-ja/restricted/result.json" --out "$P/run-en" --lang en >/dev/null
"$BCPSIM" report "$P/run-ja/restricted/result.json" --out "$P/run-ja-suppressed" --suppress 10 >/dev/null
"$BCPSIM" report "$P/run-ja/restricted/result.json" --out "$P/run-en-suppressed" --suppress 10 --lang en >/dev/null
"$BCPSIM" allocation "$S" --out "$P/allocation-ja" --suppress 10 >/dev/null
"$BCPSIM" allocation "$S" --out "$P/allocation-en" --suppress 10 --lang en >/dev/null
"$BCPSIM" workshop "$S" --out "$P/workshop-ja" --suppress 10 >/dev/null
"$BCPSIM" workshop "$S" --out "$P/workshop-en" --suppress 10 --lang en >/dev/null
"$BCPSIM" compare "$S" "$S" --tier-b regional --out "$P/compare-en" --lang en --suppress 10 >/dev/null
"$BCPSIM" plan "$S" --budget 10000000 --replicas 3 --out "$P/plan-ja" >/dev/null
"$BCPSIM" plan "$S" --budget 10000000 --replicas 3 --objective gap --out "$P/plan-en" --lang en >/dev/null
"$BCPSIM" sensitivity "$S" --replicas 2 --samples 6 --out "$P/sensitivity-ja" >/dev/null
"$BCPSIM" sensitivity "$S" --replicas 2 --samples 6 --out "$P/sensitivity-en" --lang en >/dev/null
"$BCPSIM" registry --format html > "$P/registry-ja.html"
"$BCPSIM" registry --format html --lang en > "$P/registry-en.html"

# The pages that must carry the map of Tokyo.
needs_map() { case "$1" in */summary.html|*/allocation.html|*/facilitator.html|*/participant.html) return 0;; *) return 1;; esac; }

status=0
count=0
while IFS= read -r page; do
  count=$((count + 1))
  rel="${page#"$P"/}"
  name="$(echo "$rel" | tr '/' '_')"
  wrap="$OUT/wrap-$name"
  # A wrapper (the checker's own page, not a report) loads the report 1,280 px wide and measures it.
  cat > "$wrap" <<HTML
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" src="file://$page" style="border:0;width:1280px;height:900px"></iframe>
<pre id="out">PENDING</pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, problems = [];
  var width = d.documentElement.scrollWidth;
  if (width > 1280) problems.push('the page is ' + width + ' px wide at a 1280 px window (horizontal overflow)');
  d.querySelectorAll('svg').forEach(function (svg, i) {
    var r = svg.getBoundingClientRect();
    svg.querySelectorAll('text').forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width === 0) return;
      if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1)
        problems.push('svg ' + i + ': label "' + t.textContent + '" is clipped');
    });
  });
  d.querySelectorAll('td,th').forEach(function (c) {
    if (c.scrollWidth > c.clientWidth + 1) problems.push('table cell "' + c.textContent.slice(0, 40) + '" overflows');
  });
  document.getElementById('out').textContent = 'CHECK ' + JSON.stringify({width: width, maps: d.querySelectorAll('svg.map').length, problems: problems});
});
</script></body></html>
HTML
  result="$(timeout 120 "$B" --headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=15000 \
    --window-size=1280,900 --dump-dom "file://$wrap" 2>/dev/null | grep -o 'CHECK {.*}' | head -1 || true)"
  if [ -z "$result" ]; then
    echo "check-html: $rel: the page could not be measured" >&2; status=1; continue
  fi
  problems="$(echo "$result" | python3 -c 'import json,sys; r=json.loads(sys.stdin.read()[6:]); print("\n".join(r["problems"][:20])); print("MAPS", r["maps"])')"
  maps="$(echo "$problems" | sed -n 's/^MAPS //p')"
  problems="$(echo "$problems" | grep -v '^MAPS ' || true)"
  if [ -n "$problems" ]; then
    echo "check-html: $rel:" >&2; echo "$problems" | sed 's/^/  /' >&2; status=1
  fi
  if needs_map "$rel" && [ "$maps" -lt 1 ]; then
    echo "check-html: $rel: the map of Tokyo is missing" >&2; status=1
  fi
  # A screenshot of the first screens (kept as an artifact) must not be blank.
  png="$OUT/screenshots/${name%.html}.png"
  timeout 120 "$B" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 --screenshot="$png" "file://$page" >/dev/null 2>&1 || true
  if ! python3 - "$png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
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
colours, dark = set(), 0
for r in rows[::4]:
    for x in range(0, stride, bpp * 4):
        px = r[x:x + 3]; colours.add(px)
        if sum(px) < 200: dark += 1
if len(colours) < 4 or dark < 100: sys.exit("blank")
PY
  then
    echo "check-html: $rel: the page looks blank ($png)" >&2; status=1
  fi
done < <(find "$P" -name '*.html' | sort)

if [ "$count" -lt 19 ]; then echo "check-html: only $count pages were written" >&2; status=1; fi
[ "$status" -eq 0 ] && echo "check-html: OK, $count pages (screenshots in $OUT/screenshots)" >&2
exit "$status"
