#!/usr/bin/env python3
"""Writes a gzipped man page for a program from its --help (like help2man).

  scripts/gen_manpage.py PROGRAM NAME "SUMMARY" OUT.1.gz [SEE-ALSO...]

The page's date is the project's version date, not today, so builds are
reproducible (the gzip header carries no time either).
"""
import gzip
import subprocess
import sys


def roff(text):
    out = []
    for line in text.split("\n"):
        line = line.replace("\\", "\\e").replace("-", "\\-")
        if line.startswith((".", "'")):
            line = "\\&" + line
        out.append(line)
    return "\n".join(out)


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    program, name, summary, out = sys.argv[1:5]
    see_also = sys.argv[5:]
    help_text = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=60,
                               env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}).stdout
    if not help_text.strip():
        sys.exit(f"{program} --help printed nothing")
    page = [f'.TH {name.upper()} 1 "2026-11-23" "ClipFlow Forensics 0.1.0" "User Commands"',
            ".SH NAME", f"{name} \\- {roff(summary)}",
            ".SH DESCRIPTION", ".nf", roff(help_text.rstrip("\n")), ".fi",
            ".SH SEE ALSO",
            ", ".join(f".BR {s} (1)" if False else f"\\fB{s}\\fR(1)" for s in see_also) or "clipflow(1)",
            ".PP", "The user guide and method notes: /usr/share/doc/clipflow\\-forensics/.", ""]
    with open(out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write("\n".join(page).encode("utf-8"))


if __name__ == "__main__":
    main()
