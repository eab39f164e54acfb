#!/usr/bin/env bash
# Leave-one-generator-out evaluation of the supervised detector: for each
# generator with at least 20 images, train without it, then measure
#  - AUC and TPR at 5% FPR on it (unseen) against the real photos the model
#    did not train on, as-is, laundered, on 256 px centre crops and on those
#    crops as JPEG 85;
#  - open-set attribution: of its images the model flags (its level above
#    natural: p_ai >= 0.5 as trained), the share called "unknown"; and of the
#    known generators' images it did not train on and flags, the share given
#    their right name.
# LOGO_CALIBRATE="DIR..." first reads each round's model against those natural
# photos (clipflow recalibrate), as the shipped model is, so "flags" is its
# calibrated level. One JSON line per held-out generator. Usage:
#   scripts/logo_eval.sh [DATA_DIR] [BUILD_DIR] [extra train-classifier options]
# e.g. scripts/logo_eval.sh ../shared/data/dev build --backbone forensic-v2
set -euo pipefail
data=${1:-../shared/data/dev}
build=${2:-build}
shift $(( $# > 2 ? 2 : $# ))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A forensic-v2 model finds its backbone weights beside itself.
for a in "$@"; do
  case $a in forensic-v2:*) cp "${a#forensic-v2:}" "$out/forensic-v2.safetensors" ;; esac
done
for gen in $(ls "$data/fake"); do
  n=$(ls "$data/fake/$gen" | wc -l)
  [ "$n" -ge 20 ] || continue
  "$build/bin/clipflow" train-classifier --data "$data" --exclude partial --exclude "$gen" --out "$out/m.safetensors" "$@" \
    --json 2>/dev/null > "$out/train.json"
  if [ -n "${LOGO_CALIBRATE:-}" ]; then
    # shellcheck disable=SC2086 # several folders
    "$build/bin/clipflow" recalibrate --model "$out/m.safetensors" --out "$out/m.safetensors" --natural $LOGO_CALIBRATE \
      2>/dev/null >/dev/null
  fi
  "$build/bin/clipflow" eval --model "$out/m.safetensors" --real "$data/real" --fake "$data/fake/$gen" \
    --condition asis,laundered,crop,cropjpg --json 2>/dev/null > "$out/eval.json"
  "$build/bin/clipflow" score --detector supervised --model "$out/m.safetensors" --json "$data/fake" 2>/dev/null \
    > "$out/scores.jsonl" || true
  # LOGO_KEEP=DIR keeps each round's scores (DIR/<held-out>.jsonl), e.g. to study the open-set rule.
  if [ -n "${LOGO_KEEP:-}" ]; then mkdir -p "$LOGO_KEEP"; cp "$out/scores.jsonl" "$LOGO_KEEP/$gen.jsonl"; cp "$out/train.json" "$LOGO_KEEP/$gen.train.json"; fi
  /usr/bin/python3 - "$gen" "$out/train.json" "$out/eval.json" "$out/scores.jsonl" "$data/fake" <<'PY'
import json, os, sys
gen, t, e = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
fake = os.path.abspath(sys.argv[5])
held = {"flagged": 0, "unknown": 0}
known = {"flagged": 0, "right": 0}
for line in open(sys.argv[4]):
    s = json.loads(line)
    if "p_ai" not in s or s.get("seen_in_training"):
        continue
    folder = os.path.relpath(os.path.abspath(s["file"]), fake).split(os.sep)[0]
    if s["level_code"] == "natural":  # the model's own level: p_ai >= 0.5 unless calibrated
        continue
    if folder == gen:
        held["flagged"] += 1
        held["unknown"] += s.get("generator") == "unknown"
    elif folder in t["classes"]:
        known["flagged"] += 1
        known["right"] += s.get("generator") == folder
row = {"held_out": gen, "real": e["as_is"]["overall"]["real"], "fake": e["as_is"]["overall"]["fake"],
       "val_auc_seen_generators": round(t["val_auc"], 4)}
for key, name in (("as_is", "asis"), ("laundered", "laundered"), ("crop", "crop"), ("crop_jpeg", "cropjpg")):
    o = e[key]["overall"]
    row[f"auc_{name}"] = round(o["auc"], 4)
    row[f"tpr5_{name}"] = round(o["tpr_at_5pct_fpr"], 4)
row["held_out_flagged"] = held["flagged"]
row["held_out_called_unknown"] = round(held["unknown"] / held["flagged"], 4) if held["flagged"] else None
row["known_flagged"] = known["flagged"]
row["known_right_generator"] = round(known["right"] / known["flagged"], 4) if known["flagged"] else None
print(json.dumps(row))
PY
done
