#!/usr/bin/env bash
# Build the Linux PyInstaller bundle and smoke-test the BUNDLED executable (not the source tree):
#   (c) every file the app needs is inside the bundle (fonts, demo data, forms/*.ui, babel locale),
#   (a) CLI: build the demo workbook, `summary` shows the OPD average 112,23, export a PDF,
#   (b) GUI: start offscreen with --demo to a real window and quit by itself (exit 0).
# Non-interactive (no stdin), offline, a few minutes on 2 cores. Env:
#   PYTHON=python3           interpreter with the project and PyInstaller installed (pip install -e .[build])
#   LKIP_BUNDLE_OUT=DIR      build here and keep it (default: a temp dir, removed at the end)
#   LKIP_SMOKE_SKIP_BUILD=1  reuse an existing bundle in $LKIP_BUNDLE_OUT/dist
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
cd "$ROOT"

if [[ -n "${LKIP_BUNDLE_OUT:-}" ]]; then
    OUT="$LKIP_BUNDLE_OUT"
    mkdir -p "$OUT"
else
    OUT="$(mktemp -d -t lkip-bundle.XXXXXX)"
    trap 'rm -rf "$OUT"' EXIT
fi
BUNDLE="$OUT/dist/lkip-desktop"
EXE="$BUNDLE/lkip-desktop"
RUN="$OUT/run"  # working folder and a private HOME: the smoke never touches the real profile
rm -rf "$RUN" && mkdir -p "$RUN/home"

export QT_QPA_PLATFORM=offscreen
export HOME="$RUN/home" XDG_DATA_HOME="$RUN/home/data" XDG_CONFIG_HOME="$RUN/home/config" XDG_CACHE_HOME="$RUN/home/cache"
export LC_ALL=C.UTF-8 PYTHONUNBUFFERED=1
unset PYTHONPATH  # the bundle must not borrow modules from the source tree

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'BUNDLE SMOKE FAILED: %s\n' "$*" >&2; exit 1; }

# Run the bundled executable with no stdin and a time limit; output goes to the log and stdout.
bundled() {
    local limit="$1"; shift
    (cd "$RUN" && timeout --kill-after=10 "$limit" "$EXE" "$@" </dev/null)
}

if [[ "${LKIP_SMOKE_SKIP_BUILD:-}" != "1" ]]; then
    step "Build the bundle (PyInstaller, one-folder) in $OUT"
    start=$(date +%s)
    "$PYTHON" build_installer.py --dist "$OUT/dist" --work "$OUT/work" </dev/null
    echo "build took $(( $(date +%s) - start )) s"
fi
[[ -x "$EXE" ]] || fail "no executable at $EXE"

step "(c) Files the app needs are in the bundle"
"$PYTHON" build_installer.py --verify "$BUNDLE" || fail "bundle is missing required files (list above)"
# The executable must not find the source tree: it runs from a folder outside the repository.
case "$RUN" in "$ROOT"/*) fail "run folder is inside the source tree";; esac

step "(a) CLI: demo workbook and summary"
bundled 60 --version
bundled 120 demo demo.lkip
bundled 60 summary demo.lkip | tee "$RUN/summary.txt"
grep -q "112,23" "$RUN/summary.txt" || fail "summary does not show the OPD average 112,23"

step "(a) CLI: export a PDF"
help_text="$(bundled 60 --help)"  # captured first: grep -q in a pipe would SIGPIPE the app under pipefail
if grep -qE '^\s+export\s' <<<"$help_text"; then
    bundled 300 export demo.lkip --pdf out.pdf
    [[ -s "$RUN/out.pdf" ]] || fail "export wrote no PDF"
    head -c 5 "$RUN/out.pdf" | grep -q '%PDF-' || fail "out.pdf is not a PDF"
    echo "PDF: $(stat -c %s "$RUN/out.pdf") bytes"
    export_help="$(bundled 60 export --help)"
    if grep -q -- '--xlsx' <<<"$export_help"; then
        bundled 300 export demo.lkip --xlsx out.xlsx
        head -c 2 "$RUN/out.xlsx" | grep -q 'PK' || fail "out.xlsx is not an XLSX (zip)"
        echo "XLSX: $(stat -c %s "$RUN/out.xlsx") bytes"
    fi
    if grep -q -- '--docx' <<<"$export_help"; then
        # python-docx reads its template from package data: proves the bundle carries it.
        bundled 300 export demo.lkip --docx out.docx
        head -c 2 "$RUN/out.docx" | grep -q 'PK' || fail "out.docx is not a DOCX (zip)"
        echo "DOCX: $(stat -c %s "$RUN/out.docx") bytes"
    fi
else
    echo "SKIPPED: the bundle has no 'export' command yet (lkip_desktop/cli); PDF export not smoke-tested."
fi

step "(a) CLI: Perjanjian Kinerja PDF with a PNG logo, and the budget XLSX template"
# Exercises reportlab + the bundled TTFs + Pillow (PNG) + openpyxl inside the bundle, whatever
# the state of the export command.
if grep -qE '^\s+pk\s' <<<"$help_text"; then
    cp "$BUNDLE/_internal/resources/icons/lkip-desktop.png" "$RUN/logo.png"
    bundled 120 pk demo.lkip --pdf pk.pdf --logo logo.png
    head -c 5 "$RUN/pk.pdf" | grep -q '%PDF-' || fail "pk.pdf is not a PDF"
    echo "PK PDF: $(stat -c %s "$RUN/pk.pdf") bytes"
else
    echo "SKIPPED: no 'pk' command in this build."
fi
if grep -qE '^\s+template\s' <<<"$help_text"; then
    bundled 120 template demo.lkip template.xlsx
    head -c 2 "$RUN/template.xlsx" | grep -q 'PK' || fail "template.xlsx is not an XLSX (zip)"
    echo "XLSX template: $(stat -c %s "$RUN/template.xlsx") bytes"
else
    echo "SKIPPED: no 'template' command in this build."
fi

step "(b) GUI: start offscreen with --demo, quit after 3 s"
if [[ -f "$ROOT/lkip_desktop/ui/app.py" ]]; then
    set +e
    LKIP_SMOKE_EXIT_MS=3000 bundled 90 --demo > "$RUN/gui.log" 2>&1
    rc=$?
    set -e
    cat "$RUN/gui.log"
    [[ $rc -eq 0 ]] || fail "GUI exited with $rc (124 = did not quit within 90 s)"
    if grep -qE "Traceback|could not load the Qt platform plugin|Cannot load library" "$RUN/gui.log"; then
        fail "GUI log shows an error"
    fi
    # --demo copies the demo workbook into the user's data folder: proof the GUI really opened it.
    find "$XDG_DATA_HOME" -name '*.lkip' | grep -q . || fail "GUI --demo left no demo workbook in $XDG_DATA_HOME"
    echo "GUI started, opened the demo and quit with exit 0"
else
    echo "SKIPPED: lkip_desktop/ui/app.py does not exist yet; GUI start not smoke-tested."
fi

step "Bundle size"
du -sh "$BUNDLE" | sed 's/^/bundle: /'
echo "BUNDLE SMOKE PASSED"
