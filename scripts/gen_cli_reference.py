#!/usr/bin/env python3
"""Regenerates the usage blocks of docs/cli.md from the programs' own --help.

Every heading "## `clipflow CMD`" is followed (before the next heading) by a
fenced block holding `clipflow CMD --help`; "## `clipflow`" holds `clipflow
--help`. Prose around the blocks is kept.

  scripts/gen_cli_reference.py build/bin docs/cli.md          rewrite the file
  scripts/gen_cli_reference.py build/bin docs/cli.md --check  exit 1 if stale
"""
import re
import subprocess
import sys


def help_text(bin_dir, command):
    args = [f"{bin_dir}/clipflow"] + ([command] if command else []) + ["--help"]
    out = subprocess.run(args, capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        sys.exit(f"{' '.join(args)} exited with {out.returncode}: {out.stderr}")
    return out.stdout.rstrip("\n")


def regenerate(text, bin_dir):
    lines = text.split("\n")
    out, i = [], 0
    heading = re.compile(r"^## `clipflow( [a-z-]+)?`\s*$")
    while i < len(lines):
        m = heading.match(lines[i])
        out.append(lines[i])
        i += 1
        if not m:
            continue
        command = (m.group(1) or "").strip()
        # Copy prose up to the first fence of this section and replace that block.
        while i < len(lines) and not lines[i].startswith("#") and lines[i] != "```":
            out.append(lines[i])
            i += 1
        if i < len(lines) and lines[i] == "```":
            end = lines.index("```", i + 1)
            out += ["```"] + help_text(bin_dir, command).split("\n") + ["```"]
            i = end + 1
    return "\n".join(out)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    bin_dir, doc = sys.argv[1], sys.argv[2]
    text = open(doc, encoding="utf-8").read()
    new = regenerate(text, bin_dir)
    if "--check" in sys.argv[3:]:
        if new != text:
            sys.exit(f"{doc} is out of date with --help: run scripts/gen_cli_reference.py {bin_dir} {doc}")
        print(f"{doc} matches every command's --help")
        return
    open(doc, "w", encoding="utf-8").write(new)


if __name__ == "__main__":
    main()
