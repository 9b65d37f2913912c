"""video-summary.py - the tables of bench/video.sh from its rows.

Usage: python3 bench/video-summary.py ROWS.tsv
Each row: program, clip, CPU %, PSS MB, frames presented, frames decoded
('-' where the program cannot tell). Prints the medians per program and
clip, then the player against Chromium with the issue's targets.
"""
import statistics
import sys

CPU_TARGET = 1.0        # player CPU at most Chromium's
PSS_TARGET = 0.25       # player PSS at most a quarter of Chromium's
FRAMES_TARGET = 0.99    # at least 99 % of decoded frames presented

PLAYER = "bangtin (app, overlay)"
CHROMIUM = "chromium --kiosk"


def read_rows(path):
    runs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 6:
                continue
            program, clip, cpu, pss, presented, decoded = fields
            runs.setdefault((program, clip), []).append(
                (float(cpu), float(pss), presented, decoded))
    return runs


def frames_of(samples):
    """Presented and decoded summed over the runs that could tell."""
    known = [(int(p), int(d)) for _, _, p, d in samples
             if p.isdigit() and d.isdigit()]
    if not known:
        return None
    return sum(p for p, _ in known), sum(d for _, d in known)


def span(values):
    med = statistics.median(values)
    if len(values) == 1:
        return f"{med:.1f}"
    return f"{med:.1f} ({min(values):.1f}–{max(values):.1f})"


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    runs = read_rows(sys.argv[1])
    clips = sorted({clip for _, clip in runs}, key=lambda c: int(c.rstrip("p")))
    programs = []
    for program, _ in runs:
        if program not in programs:
            programs.append(program)

    print("| program | clip | runs | CPU % | PSS MB | frames presented |")
    print("|---|---|---|---|---|---|")
    for clip in clips:
        for program in programs:
            samples = runs.get((program, clip))
            if not samples:
                continue
            frames = frames_of(samples)
            shown = f"{frames[0]} of {frames[1]}" if frames else "–"
            print(f"| {program} | {clip} | {len(samples)} "
                  f"| {span([s[0] for s in samples])} "
                  f"| {span([s[1] for s in samples])} | {shown} |")

    print()
    print("| player against Chromium (medians) | "
          + " | ".join(clips) + " | target |")
    print("|---|" + "---|" * len(clips) + "---|")
    cpu_cells, pss_cells, frame_cells = [], [], []
    for clip in clips:
        mine = runs.get((PLAYER, clip))
        theirs = runs.get((CHROMIUM, clip))
        if not mine or not theirs:
            cpu_cells.append("–")
            pss_cells.append("–")
            frame_cells.append("–")
            continue
        cpu_mine = statistics.median(s[0] for s in mine)
        cpu_theirs = statistics.median(s[0] for s in theirs)
        pss_mine = statistics.median(s[1] for s in mine)
        pss_theirs = statistics.median(s[1] for s in theirs)
        if cpu_theirs > 0:
            ratio = cpu_mine / cpu_theirs
            cpu_cells.append(f"{ratio:.2f} ({verdict(ratio <= CPU_TARGET)})")
        else:
            cpu_cells.append("–")
        ratio = pss_mine / pss_theirs if pss_theirs > 0 else float("inf")
        pss_cells.append(f"{ratio:.3f} ({verdict(ratio <= PSS_TARGET)})")
        frames = frames_of(mine)
        if frames and frames[1] > 0:
            share = frames[0] / frames[1]
            frame_cells.append(
                f"{100 * share:.1f} % ({verdict(share >= FRAMES_TARGET)})")
        else:
            frame_cells.append("–")
    print("| CPU | " + " | ".join(cpu_cells) + f" | ≤ {CPU_TARGET:g} |")
    print("| PSS | " + " | ".join(pss_cells) + f" | ≤ {PSS_TARGET:g} |")
    print("| frames presented of decoded | " + " | ".join(frame_cells)
          + f" | ≥ {100 * FRAMES_TARGET:g} % |")


if __name__ == "__main__":
    main()
