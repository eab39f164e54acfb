#!/usr/bin/env bash
# Leave-one-generator-out evaluation of the supervised detector: for each
# generator, train without it, then measure AUC on it (unseen) against the
# real photos the model did not train on. Usage:
#   scripts/logo_eval.sh [DATA_DIR] [BUILD_DIR] [extra train-classifier options]
set -euo pipefail
data=${1:-../shared/data/dev}
build=${2:-build}
shift $(( $# > 2 ? 2 : $# ))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for gen in $(ls "$data/fake"); do
  n=$(ls "$data/fake/$gen" | wc -l)
  [ "$n" -ge 20 ] || continue
  "$build/bin/clipflow" train-classifier --data "$data" --exclude partial --exclude "$gen" --out "$out/m.safetensors" "$@" \
    --json 2>/dev/null > "$out/train.json"
  "$build/bin/clipflow" eval --model "$out/m.safetensors" --real "$data/real" --fake "$data/fake/$gen" --json > "$out/eval.json"
  /usr/bin/python3 - "$gen" "$out/train.json" "$out/eval.json" <<'PY'
import json, sys
gen, t, e = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3]))
a, l = e["as_is"]["overall"], e["laundered"]["overall"]
print(json.dumps({"held_out": gen, "real": a["real"], "fake": a["fake"], "auc": a["auc"], "tpr_at_5pct_fpr": a["tpr_at_5pct_fpr"],
                  "auc_laundered": l["auc"], "tpr5_laundered": l["tpr_at_5pct_fpr"],
                  "val_auc_seen_generators": round(t["val_auc"], 4)}))
PY
done
