#!/usr/bin/env bash
# Rewrites the seed corpora of the `result` and `partial` fuzz targets (Fuzz/corpus/result and
# Fuzz/corpus/partial) from real outputs of the current bcpsim, so that the seeds decode when the
# result document gains fields (docs/RELIABILITY.md, "Fuzzing"). Seeds the decoder refuses would
# only exercise its first error.
#
#   bash scripts/fuzz-seeds.sh
#
# The runs: a generated roster of 150 patients (seed 2025, hokkaido2018) run once without
# what-if, with 3 replicas and 2 what-if municipalities, with 2 replicas at tier regional in
# English (1 what-if municipality); the minimal fixture with 2 replicas; the 3-replica run split
# into shards 1/2 and 2/2, and a 2-replica 1/1 shard in English with --bom. Each result is reduced
# to three municipalities (the what-if ones first, then the first by code), their areas, one
# patient each, their ensemble counts and what-if entries, so that one input decodes and renders
# in milliseconds; the shards' municipality and replica lines are cut to match. Deterministic:
# the same bcpsim writes the same seeds.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product bcpsim >&2
BIN="$(swift build --show-bin-path)/bcpsim"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$BIN" generate --out "$TMP/g" --patients 150 --seed 2025 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/single" --what-if 0 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/ensemble" --replicas 3 --what-if 2 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/regional" --replicas 2 --what-if 1 --tier regional --lang en >/dev/null
"$BIN" run Tests/Fixtures/valid/minimal --out "$TMP/minimal" --replicas 2 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/shard1" --replicas 3 --what-if 2 --shard 1/2 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/shard2" --replicas 3 --what-if 2 --shard 2/2 >/dev/null
"$BIN" run "$TMP/g" --out "$TMP/enbom" --replicas 2 --what-if 1 --shard 1/1 --lang en --bom >/dev/null

python3 - "$TMP" <<'EOF'
import json, os, sys

tmp = sys.argv[1]

def keep_codes(doc):
    """The what-if municipalities first, then the first by code, three in all, in result order."""
    cf = (doc.get("report") or {}).get("counterfactual") or {}
    wanted = [e["code"] for e in cf.get("entries", [])][:3]
    for m in doc["municipalities"]:
        if len(wanted) == 3:
            break
        if m["code"] not in wanted:
            wanted.append(m["code"])
    return [m["code"] for m in doc["municipalities"] if m["code"] in wanted]

def reduce(doc, codes):
    doc = dict(doc)
    doc["municipalities"] = [m for m in doc["municipalities"] if m["code"] in codes]
    areas = {m["area"] for m in doc["municipalities"]}
    doc["areas"] = [a for a in doc["areas"] if a["nameJa"] in areas]
    seen, patients = set(), []
    for p in doc["patients"]:
        if p["municipality"] in codes and p["municipality"] not in seen:
            seen.add(p["municipality"])
            patients.append(p)
    doc["patients"] = patients
    if "ensemble" in doc:
        e = dict(doc["ensemble"])
        e["municipalities"] = [m for m in e["municipalities"] if m["code"] in codes]
        doc["ensemble"] = e
    cf = (doc.get("report") or {}).get("counterfactual")
    if cf:
        cf = dict(cf)
        cf["entries"] = [x for x in cf["entries"] if x["code"] in codes]
        doc["report"] = dict(doc["report"], counterfactual=cf)
    return doc

def compact(doc):
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

def result(run):
    with open(os.path.join(tmp, run, "restricted", "result.json"), encoding="utf-8") as f:
        return json.load(f)

out = "Fuzz/corpus/result"
for name in os.listdir(out):
    os.remove(os.path.join(out, name))
for run, name in [("single", "tokyo150-single.json"), ("ensemble", "tokyo150-ensemble-whatif.json"),
                  ("regional", "tokyo150-en-regional.json"), ("minimal", "minimal-ensemble.json")]:
    doc = result(run)
    write(os.path.join(out, name), compact(reduce(doc, keep_codes(doc))).encode("utf-8"))

def read_partial(run):
    """partial.txt as (lines before the result, replica 0's result or None)."""
    with open(os.path.join(tmp, run, "partial.txt"), "rb") as f:
        data = f.read()
    head, doc, pos = [], None, 0
    while pos < len(data):
        nl = data.index(b"\n", pos)
        l = data[pos:nl].decode("utf-8")
        pos = nl + 1
        if l.startswith("result "):
            size = int(l.split()[1])
            doc = json.loads(data[pos:pos + size].decode("utf-8"))
            pos += size + 1
            continue
        if l != "end":
            head.append(l)
    return head, doc

def partial(run, codes):
    """partial.txt cut to `codes`: the municipalities line, each replica line's two count lists
    and replica 0's result."""
    head, doc = read_partial(run)
    out, all_codes = [], []
    for l in head:
        if l.startswith("municipalities "):
            all_codes = l.split()[2:]
            out.append("municipalities %d %s" % (len(codes), " ".join(codes)))
        elif l.startswith("replica "):
            first, u, g = l.split(" | ")
            pick = [all_codes.index(c) for c in codes]
            u, g = u.split(), g.split()
            out.append(" | ".join([first, " ".join(u[k] for k in pick), " ".join(g[k] for k in pick)]))
        else:
            out.append(l)
    if doc is not None:
        text = compact(reduce(doc, codes))
        out += ["result %d" % len(text.encode("utf-8")), text]
    out.append("end")
    return ("\n".join(out) + "\n").encode("utf-8")

whole = result("ensemble")
codes = keep_codes(whole)
one, two = partial("shard1", codes), partial("shard2", codes)
out = "Fuzz/corpus/partial"
for name in os.listdir(out):
    os.remove(os.path.join(out, name))
write(os.path.join(out, "two-shards"), one + b"\x1e" + two)
write(os.path.join(out, "two-shards-reversed"), two + b"\x1e" + one)
write(os.path.join(out, "shard-without-result"), two)
# The 1/1 shard's result has its own what-if municipality.
write(os.path.join(out, "one-shard-en-bom"), partial("enbom", keep_codes(read_partial("enbom")[1])))
EOF
ls -l Fuzz/corpus/result Fuzz/corpus/partial >&2
