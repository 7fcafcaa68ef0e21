#!/usr/bin/env bash
# Fills fuzz/corpus/<target>/ with seed inputs taken from the repository:
# articles and the bad-input fixtures for `document`, the JSON Lines fixtures
# for `json_lines`, rule files for `rules`,
# the conformance phrases (with their placeholder byte) for `normalize`.
# fuzz/corpus/ is not committed (see .gitignore); run this before `cargo fuzz run`.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/document corpus/json_lines corpus/normalize corpus/rules

name() { cksum < "$1" | cut -d' ' -f1; }

for f in "$root"/corpus/*.md "$root"/tests/fixtures/*/*.md "$root"/tests/fixtures/bad/* "$root"/tests/fixtures/bad/x.md/*; do
    [ -f "$f" ] && cp "$f" "corpus/document/$(name "$f")"
done
# Each line of an archive alone, and the whole archive.
for f in "$root"/tests/fixtures/jsonl/*.jsonl; do
    cp "$f" "corpus/json_lines/$(name "$f")"
    while IFS= read -r line; do
        out=$(mktemp corpus/json_lines/seed.XXXXXX)
        printf '%s\n' "$line" > "$out"
    done < "$f"
done
for f in "$root"/rules/*.yaml "$root"/tests/fixtures/bad-rules/*/*.yaml; do
    cp "$f" "corpus/rules/$(name "$f")"
done

# The first byte picks the placeholder (byte % 5: count, number, ordinal,
# duration, date) and the publication date (byte / 8 % 4: none, 2025-07-22,
# 2024-02-29, 1900-01-01): see normalize_bytes in src/harness.rs.
seed() {
    local selector=$1 file=$2 text out
    grep -v '^#' "$file" | cut -f1 | while IFS= read -r text; do
        [ -n "$text" ] || continue
        out=$(mktemp corpus/normalize/seed.XXXXXX)
        { printf "\\$(printf %o "$selector")"; printf %s "$text"; } > "$out"
    done
}
phrases="$root/tests/conformance/duckling-fr"
seed 0 "$phrases/numeral.tsv"      # count
seed 1 "$phrases/numeral.tsv"      # number
seed 2 "$phrases/ordinal.tsv"      # ordinal
seed 3 "$phrases/duration.tsv"     # duration
seed 4 "$phrases/time.tsv"         # date, no publication date
seed 14 "$phrases/time.tsv"        # date, published 2025-07-22
echo "seeds: $(ls corpus/document | wc -l) documents, $(ls corpus/normalize | wc -l) phrases, $(ls corpus/rules | wc -l) rule files"
