#!/usr/bin/env bash
# Install smoke test (packaging): run the app as a user who installed it, from a temp folder outside the checkout.
#   packaging/smoke.sh wheel          build the wheel, install it into a fresh venv (pip's cache reused)
#   packaging/smoke.sh bundle DIR     use the desktop bundle in DIR (from `make dist`)
# Then: --version, `list --json` (the two seeds), `lookup 行 --json`, `screenshot 1`, and the reader window
# started offscreen for a few seconds. Each step prints one line; the first failure stops with its output.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
MODE="${1:?usage: smoke.sh wheel | smoke.sh bundle DIR}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/bilingual-reader-smoke.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
export READER_DATA_DIR="$WORK/data" READER_CONFIG_DIR="$WORK/config" READER_CACHE_DIR="$WORK/cache"
export QT_QPA_PLATFORM=offscreen PYTHONPATH="" PYTHONNOUSERSITE=1
unset READER_DB
t0=$(date +%s)
step() { printf '  %-52s' "$1"; }
fail() { echo "FAILED"; echo "$1" >&2; exit 1; }

if [ "$MODE" = wheel ]; then
    step "build the wheel"
    # from a copy of the source without build leftovers (setuptools reuses build/lib, stale files and all)
    mkdir "$WORK/src"
    tar -C "$ROOT" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist --exclude='*.egg-info' \
        --exclude=__pycache__ --exclude=.hypothesis --exclude=.pytest_cache --exclude=.ruff_cache -cf - . \
        | tar -C "$WORK/src" -xf -
    "$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/wheel" "$WORK/src" >"$WORK/build.log" 2>&1 \
        || fail "$(tail -20 "$WORK/build.log")"
    WHEEL="$(ls "$WORK"/wheel/*.whl)"
    echo "$(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KB)"
    step "install it into a fresh venv"
    "$PYTHON" -m venv "$WORK/venv"
    "$WORK/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$WHEEL" >"$WORK/pip.log" 2>&1 \
        || fail "$(tail -20 "$WORK/pip.log")"
    echo "ok ($(( $(date +%s) - t0 )) s so far)"
    CLI=("$WORK/venv/bin/bilingual-reader-cli")
    GUI=("$WORK/venv/bin/bilingual-reader")
    step "the package is the installed one"
    where="$(cd "$WORK" && "$WORK/venv/bin/python" -c 'import reader, reader.core.paths as p; print(reader.__file__, p.SEEDS_DIR)')"
    case "$where" in "$WORK/venv/"*" $WORK/venv/"*) echo ok ;; *) fail "found elsewhere: $where" ;; esac
elif [ "$MODE" = bundle ]; then
    DIR="$(cd "${2:?usage: smoke.sh bundle DIR}" && pwd)"
    CLI=("$DIR/bilingual-reader")
    GUI=("$DIR/bilingual-reader")
    echo "  bundle $DIR ($(du -sh "$DIR" | cut -f1))"
else
    fail "unknown mode $MODE"
fi

cd "$WORK"
step "--version"
out="$("${CLI[@]}" --version 2>&1)" || fail "$out"
echo "$out"

step "list --json: the two seeds"
"${CLI[@]}" list --json >"$WORK/list.json" 2>"$WORK/err" || fail "$(cat "$WORK/err")"
"$PYTHON" - "$WORK/list.json" <<'PY' || fail "$(cat "$WORK/list.json")"
import json, sys
articles = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(articles) == 2 and all(a["title_en"] and a["chars"] > 3000 for a in articles), articles
print("ok:", ", ".join(a["title_en"][:24] for a in articles))
PY

step "lookup 行 --json: CC-CEDICT"
"${CLI[@]}" lookup 行 --json >"$WORK/lookup.json" 2>"$WORK/err" || fail "$(cat "$WORK/err")"
"$PYTHON" - "$WORK/lookup.json" <<'PY' || fail "$(head -c 600 "$WORK/lookup.json")"
import json, sys
entries = json.load(open(sys.argv[1], encoding="utf-8"))
readings = {e["reading"] for e in entries}
assert {"xing2", "hang2"} <= readings, readings
print("ok:", len(entries), "entries,", ", ".join(sorted(readings)))
PY

step "screenshot 1"
"${CLI[@]}" screenshot 1 -o "$WORK/shot.png" >"$WORK/out" 2>"$WORK/err" || fail "$(cat "$WORK/err")"
size=$(stat -c %s "$WORK/shot.png")
[ "$size" -gt 50000 ] || fail "screenshot only $size bytes"
echo "ok ($(cat "$WORK/out"))"
[ -z "${SMOKE_KEEP_SHOT:-}" ] || cp "$WORK/shot.png" "$SMOKE_KEEP_SHOT"

step "the reader window starts (offscreen, 6 s)"
rc=0
timeout -s TERM 6 "${GUI[@]}" >"$WORK/gui.log" 2>&1 || rc=$?
[ "$rc" = 124 ] || fail "it exited with code $rc before 6 s: $(tail -20 "$WORK/gui.log")"
echo "ok (still running; stopped)"
echo "  smoke test ($MODE) passed in $(( $(date +%s) - t0 )) s"
