#!/usr/bin/env python3
# bench.py - the player against a Chromium kiosk on the same Xvfb screen:
# launch to first frame, steady CPU, memory (PSS). Called by bench/run.sh.
"""
DESIGN
One Xvfb screen (1920x1080) is started for the whole run. For every
repetition each (scene, program) pair is launched once, in an order that
rotates between repetitions so drift on a shared machine hits every
program alike. The programs: the player as built, the player with SDL's
software renderer (environment only), and Chromium in kiosk mode.

  1. frameprobe starts the program and samples the screen every 10 ms
     until SETTLE_S; it reports when the finished picture first appeared.
  2. CPU: utime+stime summed over the program's process tree (descendants,
     its process group, Chromium's crash handlers) across WINDOW_S, as % of
     one core; the X server's own CPU over the same window is reported
     beside it, since drawing work can land there.
  3. PSS from /proc/PID/smaps_rollup summed over the same tree.
  4. The tree is stopped (SIGTERM, then SIGKILL) by pid.

Every program and temporary directory this script starts or makes is
stopped or removed on exit, including on Ctrl+C. Only local files are
used; Chromium runs with its network features off and a fresh profile.
"""
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import urllib.parse
import zoneinfo

SETTLE_S = float(os.environ.get("BENCH_SETTLE_S", "5"))
WINDOW_S = float(os.environ.get("BENCH_WINDOW_S", "8"))
REPS = int(os.environ.get("BENCH_REPS", "5"))          # countdown, main pair
REPS_OTHER = int(os.environ.get("BENCH_REPS_OTHER", "3"))

# The player as shipped, the player told (through SDL's own environment
# variables, no code change) to draw in software straight into an X
# shared-memory image, and the browser.
PROGRAMS = ("player", "player-gl", "chromium")
# player-gl: the same binary told to draw through OpenGL, which without a
# GPU is Mesa's llvmpipe; "player" is the shipped setting (renderer = auto).
GL_FLAGS = ["--set", "renderer=gpu"]
WIDTH, HEIGHT = 1920, 1080
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024

CHROMIUM_FLAGS = [
    "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-features=Translate,MediaRouter",
    "--disable-default-apps", "--no-default-browser-check",
    "--password-store=basic", "--window-position=0,0",
    "--window-size=%d,%d" % (WIDTH, HEIGHT),
]

started = []       # pids of process groups we started, for the exit trap
temp_dirs = []


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- processes

def proc_table():
    """pid -> (ppid, pgid, utime+stime ticks, start tick, name) for every
    live process."""
    table = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                data = f.read()
        except OSError:
            continue
        comm = data[data.index("(") + 1:data.rindex(")")]
        fields = data[data.rindex(")") + 2:].split()
        table[int(name)] = (int(fields[1]), int(fields[2]),
                            int(fields[11]) + int(fields[12]), int(fields[19]), comm)
    return table


def tree(root, table=None):
    """The root's descendants plus its process group, plus Chromium's crash
    handlers: they leave both (parent 1, own session) but are started by
    this browser within seconds of it and exit with it."""
    table = table or proc_table()
    if root not in table:
        return set()
    members = {root}
    children = {}
    root_start = table[root][3]
    for pid, (ppid, pgid, _, start, comm) in table.items():
        children.setdefault(ppid, []).append(pid)
        if pgid == root:
            members.add(pid)
        if (comm.startswith("chrome_crashpad") and ppid == 1
                and 0 <= start - root_start <= 10 * CLK_TCK):
            members.add(pid)
    todo = list(members)
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in members:
                members.add(child)
                todo.append(child)
    return members


def cpu_ticks(pids, table):
    return sum(table[p][2] for p in pids if p in table)


def switches(pids):
    """Context switches of every thread of pids: how often they woke."""
    total = 0
    for pid in pids:
        try:
            tasks = os.listdir("/proc/%d/task" % pid)
        except OSError:
            continue
        for task in tasks:
            try:
                with open("/proc/%d/task/%s/status" % (pid, task)) as f:
                    for line in f:
                        if line.startswith("voluntary_ctxt_switches") or \
                                line.startswith("nonvoluntary_ctxt_switches"):
                            total += int(line.split()[1])
            except OSError:
                pass
    return total


def pss_kb(pids):
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/smaps_rollup" % pid) as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def stop_tree(root):
    """SIGTERM the tree, give it 3 s, SIGKILL what is left."""
    pids = tree(root)
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            pids = {p for p in pids if os.path.exists("/proc/%d" % p)
                    and not is_zombie(p)}
            if not pids:
                return
            time.sleep(0.05)


def is_zombie(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            data = f.read()
        return data[data.rindex(")") + 2] == "Z"
    except OSError:
        return True


def cleanup():
    for pid in reversed(started):
        stop_tree(pid)
    started.clear()
    for d in temp_dirs:
        shutil.rmtree(d, ignore_errors=True)


# ---------------------------------------------------------------- content

def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    return struct.unpack(">II", head[16:24])


def local_instant(text, zone):
    """A manifest date or date-time as an aware datetime."""
    if len(text) == 10:
        return datetime.datetime.fromisoformat(text).replace(tzinfo=zone)
    return datetime.datetime.fromisoformat(text)


def absolute_files(node, base):
    """Every {"file": relative} in the manifest made absolute, since the
    copy is packed from another directory."""
    if isinstance(node, dict):
        f = node.get("file")
        if isinstance(f, str) and not os.path.isabs(f):
            node["file"] = os.path.abspath(os.path.join(base, f))
        for value in node.values():
            absolute_files(value, base)
    elif isinstance(node, list):
        for value in node:
            absolute_files(value, base)


def make_bundle(build, work):
    """A copy of the demo's source manifest whose playlist is one countdown
    and one screen-shaped infographic, each lasting an hour, packed."""
    src_dir = os.path.join(build, "demo-src")
    with open(os.path.join(src_dir, "manifest.in.json"), encoding="utf-8") as f:
        manifest = json.load(f)

    countdown = None
    picture = None
    for item in manifest["playlist"]:
        if item.get("type") == "countdown" and not item.get("schedule") and not countdown:
            countdown = dict(item)
        if item.get("type") == "image" and not picture:
            path = os.path.join(src_dir, item["media"]["file"])
            w, h = png_size(path)
            if w > 0 and 0.5 < w / h < 3:
                picture = dict(item)
                picture["media"] = dict(item["media"], file=os.path.abspath(path))
    if not countdown or not picture:
        raise SystemExit("bench: the demo has no plain countdown or infographic item")
    for item in (countdown, picture):
        item["duration_s"] = 3600
        item.pop("schedule", None)
    manifest["playlist"] = [countdown, picture]
    absolute_files(manifest, src_dir)

    os.makedirs(os.path.join(work, "src"))
    src = os.path.join(work, "src", "manifest.in.json")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    bundle = os.path.join(work, "bundle")
    subprocess.run([os.path.join(build, "bangtin-pack"), src, bundle], check=True,
                   stdout=subprocess.DEVNULL)
    return manifest, countdown, picture


def page_params(manifest, picture, qr_png):
    """The query string that gives the HTML pages the same words, times
    and notices as the player shows."""
    e = manifest["election"]
    zone = zoneinfo.ZoneInfo(e.get("time_zone", "Asia/Ho_Chi_Minh"))
    day = datetime.date.fromisoformat(e["day"])
    opens = datetime.datetime.combine(
        day, datetime.time.fromisoformat(e["polls_open"]), zone)
    closes = datetime.datetime.combine(
        day, datetime.time.fromisoformat(e["polls_close"]), zone)
    published = local_instant(manifest["published_at"], zone).astimezone(zone)

    now = datetime.datetime.now(zone)
    active = [n for n in manifest.get("notices", [])
              if local_instant(n["from"], zone) <= now < local_instant(n["until"], zone)]
    active.sort(key=lambda n: not n.get("urgent", False))
    notices = [{"title": n["title"], "body": n["body"].split("\n")[0],
                "urgent": bool(n.get("urgent"))} for n in active]

    common = {
        "zone": str(zone),
        "commission": manifest["commission"],
        "version": str(manifest["version"]),
        "updated": published.strftime("%d/%m/%Y %H:%M"),
        "notices": json.dumps(notices, ensure_ascii=False),
    }
    if qr_png:
        common["qr"] = "file://" + urllib.parse.quote(qr_png)
    countdown = dict(common, election=e["name"], open=opens.isoformat(),
                     close=closes.isoformat())
    image = dict(common, img="file://" + urllib.parse.quote(picture["media"]["file"]))
    return urllib.parse.urlencode(countdown), urllib.parse.urlencode(image)


def corner_qr(build, bundle, item_id, work):
    """The player's own corner QR, cropped from a headless screenshot with
    bangtin-probe, so the pages show the same code."""
    shot = os.path.join(work, "headless.png")
    data = tempfile.mkdtemp(prefix="data-", dir=work)
    subprocess.run([os.path.join(build, "bangtin"), "--headless", "--size",
                    "%dx%d" % (WIDTH, HEIGHT), "--content", bundle, "--data-dir", data,
                    "--speed", "0", "--run-for", "2", "--screenshot", "1:" + shot,
                    "--start-item", item_id, "--log-level", "warn"],
                   check=True, stderr=subprocess.DEVNULL)
    # layout.c: 12 % of the short side, at least the footer's height.
    side = max((min(WIDTH, HEIGHT) * 120 + 500) // 1000,
               (min(WIDTH, HEIGHT) * 80 + 500) // 1000)
    out = os.path.join(work, "qr.png")
    subprocess.run([os.path.join(build, "bangtin-probe"), "--crop", shot,
                    str(WIDTH - side), str(HEIGHT - side), str(side), str(side), "1",
                    out], check=True)
    return out


# ---------------------------------------------------------------- screen

def start_xvfb():
    for n in range(90, 100):
        if os.path.exists("/tmp/.X%d-lock" % n) or os.path.exists("/tmp/.X11-unix/X%d" % n):
            continue
        p = subprocess.Popen(["Xvfb", ":%d" % n, "-screen", "0",
                              "%dx%dx24" % (WIDTH, HEIGHT), "-nolisten", "tcp", "-noreset"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        started.append(p.pid)
        for _ in range(100):
            if os.path.exists("/tmp/.X11-unix/X%d" % n):
                return p.pid, ":%d" % n
            if p.poll() is not None:
                break
            time.sleep(0.05)
        stop_tree(p.pid)
        started.remove(p.pid)
    raise SystemExit("bench: could not start Xvfb on :90 to :99")


def screenshot(display, path):
    if shutil.which("import"):
        subprocess.run(["import", "-display", display, "-window", "root", path],
                       stderr=subprocess.DEVNULL)


# ---------------------------------------------------------------- one run

def run_once(probe, cmd, env, xvfb_pid, log_path, shot=None):
    """Launches cmd under frameprobe; returns a dict of measurements."""
    t_launch = time.monotonic()
    with open(log_path, "w") as err:
        p = subprocess.Popen([probe, "-i", "10", "-s", str(int(SETTLE_S * 1000)), "--"]
                             + cmd, stdout=subprocess.PIPE, stderr=err, env=env,
                             text=True)
        pid = None
        lines = {}
        for line in p.stdout:
            key, _, value = line.strip().partition(" ")
            lines[key] = value
            if key == "pid":
                pid = int(value)
                started.append(pid)
        p.wait()
    result = {"first_frame_ms": None}
    try:
        if pid is None or int(lines.get("first_frame_ms", "-1")) < 0:
            log("no first frame (see %s)" % log_path)
            return result
        result["first_frame_ms"] = int(lines["first_frame_ms"])
        if int(lines.get("pre_match", "0")) >= 995:
            log("warning: the screen already looked finished before launch")

        table = proc_table()
        pids = tree(pid, table)
        t0 = time.monotonic()
        c0 = cpu_ticks(pids, table)
        x0 = cpu_ticks({xvfb_pid}, table)
        s0 = switches(pids)
        time.sleep(WINDOW_S)
        table = proc_table()
        wall = time.monotonic() - t0
        result["wakeups_s"] = (switches(pids) - s0) / wall
        pids |= tree(pid, table)
        result["cpu_pct"] = 100.0 * (cpu_ticks(pids, table) - c0) / CLK_TCK / wall
        result["xcpu_pct"] = 100.0 * (cpu_ticks({xvfb_pid}, table) - x0) / CLK_TCK / wall
        result["pss_mb"] = pss_kb(tree(pid)) / 1024.0
        result["procs"] = len(tree(pid))
        if shot:
            screenshot(env["DISPLAY"], shot)
    finally:
        if pid is not None:
            lifetime = time.monotonic() - t_launch
            stop_tree(pid)
            started.remove(pid)
    with open(log_path) as f:
        for line in f:
            if "first frame drawn" in line:
                result["own_first_frame_ms"] = int(line.split("drawn ")[1].split()[0])
            if "stopping after" in line and pid is not None:
                frames = int(line.split("stopping after ")[1].split()[0])
                result["frames_s"] = frames / lifetime
    time.sleep(0.5)    # let the X server drop the window
    return result


# ---------------------------------------------------------------- report

def spread(values, fmt):
    values = [v for v in values if v is not None]
    if not values:
        return "n/a"
    med = statistics.median(values)
    if min(values) == max(values):
        return fmt % med
    return (fmt + " (" + fmt + "–" + fmt + ")") % (med, min(values), max(values))


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def machine():
    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    try:
        with open("/etc/debian_version") as f:
            debian = "Debian " + f.read().strip()
    except OSError:
        debian = platform.system()
    chromium = subprocess.run(["chromium", "--version"], capture_output=True,
                              text=True).stdout.strip()
    return "%s, %d cores, %.0f GB RAM, %s, Linux %s; %s; Xvfb 1920x1080x24" % (
        cpu, os.cpu_count(), mem_gb, debian, platform.release(), chromium)


def report(results, renderer):
    out = []
    out.append("| scene | program | runs | first frame (ms) | CPU (% of a core) | "
               "X server CPU (%) | wakeups/s | redraws/s | PSS (MB) | processes |")
    out.append("|---|---|---|---|---|---|---|---|---|---|")
    for scene in ("countdown", "infographic"):
        for prog in PROGRAMS:
            runs = results[(scene, prog)]
            out.append("| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                scene, prog, len(runs),
                spread([r.get("first_frame_ms") for r in runs], "%.0f"),
                spread([r.get("cpu_pct") for r in runs], "%.2f"),
                spread([r.get("xcpu_pct") for r in runs], "%.2f"),
                spread([r.get("wakeups_s") for r in runs], "%.0f"),
                spread([r.get("frames_s") for r in runs], "%.2f"),
                spread([r.get("pss_mb") for r in runs], "%.1f"),
                spread([r.get("procs") for r in runs], "%.0f")))

    def ratio(scene, prog, key):
        p = median([r.get(key) for r in results[(scene, prog)]])
        c = median([r.get(key) for r in results[(scene, "chromium")]])
        if p is None or not c:
            return None
        return p / c

    out.append("")
    out.append("| ratio to Chromium (medians) | player | player-gl | target |")
    out.append("|---|---|---|---|")
    for name, scene, key, target in (
            ("first frame, countdown", "countdown", "first_frame_ms", 0.25),
            ("first frame, infographic", "infographic", "first_frame_ms", 0.25),
            ("PSS, countdown", "countdown", "pss_mb", 0.10),
            ("PSS, infographic", "infographic", "pss_mb", 0.10),
            ("CPU, countdown", "countdown", "cpu_pct", None),
            ("CPU, infographic", "infographic", "cpu_pct", None)):
        cells = []
        for prog in ("player", "player-gl"):
            v = ratio(scene, prog, key)
            if v is None:
                cells.append("n/a")
            elif target is None:
                cells.append("%.2f" % v)
            else:
                cells.append("%.3f %s" % (v, "(met)" if v <= target else "(**not met**)"))
        out.append("| %s | %s | %s | %s |" % (
            name, cells[0], cells[1], "≤ %.2f" % target if target else "–"))
    static = [median([r.get("cpu_pct") for r in results[("infographic", prog)]])
              for prog in ("player", "player-gl")]
    out.append("| CPU on the static infographic, %% of a core | %s | %s | near 0 |" % tuple(
        "n/a" if v is None else "%.2f" % v for v in static))

    own = [r.get("own_first_frame_ms") for r in results[("countdown", "player")]]
    own_sw = [r.get("own_first_frame_ms") for r in results[("countdown", "player-gl")]]
    out.append("")
    out.append("The player's own log line \"first frame drawn N ms after start\" "
               "(counted from app_run, after the bundle import), countdown: player %s ms, "
               "player-gl %s ms. Player display: %s" % (
                   spread(own, "%.0f"), spread(own_sw, "%.0f"), renderer))
    out.append("Figures are median (min–max) over the runs shown; CPU, wakeups "
               "(context switches of all threads) and redraws over %.0f s after "
               "%.0f s from launch; PSS at the end of that window." % (WINDOW_S, SETTLE_S))
    return "\n".join(out)


# ---------------------------------------------------------------- main

def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: bench.py BUILD_DIR")
    build = os.path.abspath(sys.argv[1])
    bench_dir = os.path.dirname(os.path.abspath(__file__))
    probe = os.path.join(build, "bench", "frameprobe")
    player = os.path.join(build, "bangtin")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("bench: chromium is not installed")

    work = tempfile.mkdtemp(prefix="bangtin-bench-")
    temp_dirs.append(work)
    out_dir = os.path.join(build, "bench")
    os.makedirs(out_dir, exist_ok=True)

    manifest, countdown, picture = make_bundle(build, work)
    bundle = os.path.join(work, "bundle")
    qr = corner_qr(build, bundle, countdown["id"], work)
    q_countdown, q_image = page_params(manifest, picture, qr)
    pages = {
        "countdown": ("file://%s/countdown.html?%s" % (bench_dir, q_countdown),
                      countdown["id"]),
        "infographic": ("file://%s/infographic.html?%s" % (bench_dir, q_image),
                        picture["id"]),
    }

    xvfb_pid, display = start_xvfb()
    env = dict(os.environ, DISPLAY=display)
    env.pop("WAYLAND_DISPLAY", None)
    log("Xvfb on %s; countdown item %s, infographic item %s" % (
        display, countdown["id"], picture["id"]))

    def command(scene, prog):
        url, item = pages[scene]
        if prog.startswith("player"):
            data = tempfile.mkdtemp(prefix="data-", dir=work)
            extra = GL_FLAGS if prog == "player-gl" else []
            return [player, "--content", bundle, "--data-dir", data,
                    "--start-item", item, "--set", "fade_ms=0"] + extra
        profile = tempfile.mkdtemp(prefix="chromium-", dir=work)
        return [chromium] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, url]

    # Interleaved, the order turning each repetition, so a busy spell on
    # the shared machine does not fall on one program only.
    results = {(sc, p): [] for sc in pages for p in PROGRAMS}
    plan = []
    for rep in range(max(REPS, REPS_OTHER)):
        for scene in pages:
            progs = [p for p in PROGRAMS if rep < (REPS if scene == "countdown"
                                                   and p != "player-gl" else REPS_OTHER)]
            shift = rep % len(progs) if progs else 0
            plan += [(rep, scene, p) for p in progs[shift:] + progs[:shift]]
    renderer = "unknown"
    t_start = time.monotonic()
    for i, (rep, scene, prog) in enumerate(plan):
        log_path = os.path.join(out_dir, "%s-%s-%d.log" % (scene, prog, rep + 1))
        shot = os.path.join(out_dir, "%s-%s.png" % (scene, prog)) if rep == 0 else None
        run_env = env
        r = run_once(probe, command(scene, prog), run_env, xvfb_pid, log_path, shot)
        results[(scene, prog)].append(r)
        if prog == "player" and renderer == "unknown":
            with open(log_path) as f:
                for line in f:
                    if "display:" in line and "textures up to" in line:
                        renderer = line.split("display: ", 1)[1].strip()
        log("%d/%d %s %s #%d: first frame %s ms, CPU %s %%, PSS %s MB" % (
            i + 1, len(plan), scene, prog, rep + 1, r.get("first_frame_ms"),
            "%.2f" % r["cpu_pct"] if "cpu_pct" in r else "n/a",
            "%.1f" % r["pss_mb"] if "pss_mb" in r else "n/a"))

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    table = report(results, renderer)
    text = "\n".join([
        "# bangtin vs Chromium kiosk",
        "",
        "Run %s on %s." % (datetime.datetime.now().astimezone().strftime(
            "%Y-%m-%d %H:%M %Z"), machine()),
        "Load average at the end: %s. Bench time %.0f s." % (
            load, time.monotonic() - t_start),
        "",
        table,
        "",
    ])
    with open(os.path.join(out_dir, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)
    with open(os.path.join(out_dir, "results.json"), "w") as f:
        json.dump({"%s/%s" % k: v for k, v in results.items()}, f, indent=1)
    print(text)
    log("logs and first-run screenshots in %s" % out_dir)


if __name__ == "__main__":
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, lambda s, f: sys.exit(128 + s))
    try:
        main()
    finally:
        cleanup()
