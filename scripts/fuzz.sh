#!/usr/bin/env bash
# Builds and runs one libFuzzer target over the input code (docs/RELIABILITY.md).
#
#   bash scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is csv, json, loader, curve (the input code), result or partial (the files `report` and
# `merge` read). The target is compiled with swiftc directly (-sanitize=fuzzer,address): BCPText,
# BCPEngine, BCPModel and BCPInput as modules, for result and partial also BCPSimulator,
# BCPAnalysis, BCPRegistry and BCPReports, then the harness Fuzz/*Fuzz.swift.
# It runs for SECONDS (0: until stopped) from the seed corpus Fuzz/corpus/TARGET; new inputs it
# finds go to .build/fuzz/TARGET/corpus (never into the repository), a crash to
# .build/fuzz/TARGET/crash-*. Exit status is libFuzzer's: 0 when no crash was found.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { echo "usage: bash scripts/fuzz.sh csv|json|loader|curve|result|partial SECONDS [libFuzzer flags]" >&2; exit 64; }
[ $# -ge 2 ] || usage
target=$1; seconds=$2; shift 2
# Inputs up to max_len bytes: 8 KiB for the input code; the result and partial seeds are real
# outputs reduced to three municipalities (10-31 KB), so those two take up to 32 KiB.
max_len=8192
analysis=no
case "$target" in
    csv) harness=CSVReaderFuzz ;;
    json) harness=JSONHeaderFuzz ;;
    loader) harness=ScenarioLoaderFuzz ;;
    curve) harness=CurveFuzz ;;
    result) harness=ResultDocumentFuzz; analysis=yes; max_len=32768 ;;
    partial) harness=PartialResultFuzz; analysis=yes; max_len=32768 ;;
    *) usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

# The fuzzer and AddressSanitizer runtimes ship with the Swift toolchain (its clang resource
# folder); only a toolchain without them needs Debian's libclang-rt (the clang runtime package).
swiftc=$(command -v swiftc) || { echo "fuzz.sh: swiftc not found" >&2; exit 69; }
resource=$(dirname "$(dirname "$(readlink -f "$swiftc")")")/lib/clang
if ! ls "$resource"/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 \
    && ! ls "$resource"/*/lib/*/libclang_rt.fuzzer.a >/dev/null 2>&1; then
    echo "fuzz.sh: the toolchain has no libFuzzer runtime; installing Debian's clang runtime" >&2
    if command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libclang-rt-dev >/dev/null \
            || { echo "fuzz.sh: could not install libclang-rt-dev" >&2; exit 69; }
    else
        echo "fuzz.sh: no apt-get to install a libFuzzer runtime" >&2; exit 69
    fi
fi

build=$root/.build/fuzz
mkdir -p "$build/$target/corpus"
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6)

# Rebuild the modules when a source is newer than the build (cheap check, no build system).
# BCPInput depends on BCPModel, BCPEngine and BCPText; each becomes a module and one object file.
stamp=$build/modules.stamp
newest=$(find "$root/Sources/BCPText" "$root/Sources/BCPEngine" "$root/Sources/BCPModel" "$root/Sources/BCPInput" "$root/Fuzz/Support" \
    -name '*.swift' -newer "$stamp" 2>/dev/null | head -1 || true)
if [ ! -f "$stamp" ] || [ -n "$newest" ]; then
    echo "fuzz.sh: compiling BCPText, BCPEngine, BCPModel and BCPInput with -sanitize=fuzzer,address" >&2
    for module in BCPText BCPEngine BCPModel BCPInput; do
        sources=("$root/Sources/$module"/*.swift)
        testing=()
        if [ "$module" = BCPInput ]; then
            # Fuzz/Support/BundleModule.swift stands in for the Bundle.module accessor SwiftPM
            # generates; -enable-testing lets the harnesses reach internal readers.
            sources+=("$root/Fuzz/Support/BundleModule.swift")
            testing=(-enable-testing)
        fi
        # Absolute paths: #filePath, which BundleModule.swift and the loader harness use to find
        # files, is the path as given to swiftc.
        swiftc "${flags[@]}" "${testing[@]}" -wmo -module-name "$module" -I "$build" -emit-module \
            -emit-module-path "$build/$module.swiftmodule" -c "${sources[@]}" -o "$build/$module.o"
    done
    touch "$stamp"
fi
objects=("$build/BCPText.o" "$build/BCPEngine.o" "$build/BCPModel.o" "$build/BCPInput.o")
newest_stamp=$stamp
if [ "$analysis" = yes ]; then
    # The modules above the input code, on their own stamp: rebuilt when one of their sources, or
    # the input modules they import, changed. BCPRegistry reads its bundled registry through
    # Fuzz/Support/RegistryBundleModule.swift, as BCPInput through BundleModule.swift.
    astamp=$build/analysis.stamp
    newest=$(find "$root/Sources/BCPSimulator" "$root/Sources/BCPAnalysis" "$root/Sources/BCPRegistry" "$root/Sources/BCPReports" \
        "$root/Fuzz/Support" -name '*.swift' -newer "$astamp" 2>/dev/null | head -1 || true)
    if [ ! -f "$astamp" ] || [ -n "$newest" ] || [ "$stamp" -nt "$astamp" ]; then
        echo "fuzz.sh: compiling BCPSimulator, BCPAnalysis, BCPRegistry and BCPReports with -sanitize=fuzzer,address" >&2
        for module in BCPSimulator BCPAnalysis BCPRegistry BCPReports; do
            sources=()
            while IFS= read -r f; do sources+=("$f"); done < <(find "$root/Sources/$module" -name '*.swift' | sort)
            [ "$module" = BCPRegistry ] && sources+=("$root/Fuzz/Support/RegistryBundleModule.swift")
            swiftc "${flags[@]}" -wmo -module-name "$module" -I "$build" -emit-module \
                -emit-module-path "$build/$module.swiftmodule" -c "${sources[@]}" -o "$build/$module.o"
        done
        touch "$astamp"
    fi
    objects+=("$build/BCPSimulator.o" "$build/BCPAnalysis.o" "$build/BCPRegistry.o" "$build/BCPReports.o")
    newest_stamp=$astamp
fi
binary=$build/$target/fuzz-$target
if [ ! -x "$binary" ] || [ "$root/Fuzz/$harness.swift" -nt "$binary" ] || [ "$newest_stamp" -nt "$binary" ]; then
    echo "fuzz.sh: linking $binary" >&2
    swiftc "${flags[@]}" -use-ld=lld -I "$build" "$root/Fuzz/$harness.swift" "${objects[@]}" -o "$binary"
fi

# Keep memory bounded (-rss_limit_mb, and one allocation at most as much) and each input quick
# (-timeout, seconds): an input that takes longer or needs more is reported like a crash.
# LeakSanitizer is off (-detect_leaks=0): Swift keeps enum tags in the spare bits of pointers,
# which LSan cannot follow, so it reports live globals (the loader's fixture) as leaks.
extra=()
[ "$seconds" -gt 0 ] && extra+=(-max_total_time="$seconds")
dict=$root/Fuzz/$target.dict
[ -f "$dict" ] && extra+=(-dict="$dict")
# Swift's own crash backtracer would wait on a crashed fuzzer: libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
# -detect_leaks=0 stops libFuzzer's leak checks; ASan's own check at exit needs this too.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
cd "$build/$target"
exec "./fuzz-$target" -rss_limit_mb=2048 -timeout=10 -detect_leaks=0 -max_len="$max_len" -print_final_stats=1 \
    "${extra[@]}" "$@" corpus "$root/Fuzz/corpus/$target"
