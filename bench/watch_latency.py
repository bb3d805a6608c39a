#!/usr/bin/env python3
"""Save-to-output latency of `vexil watch`: how long after a design is saved its new PNG is on disk.

Starts `vexil watch DESIGN -o OUT.png --width W`, then saves the design N times — alternately in
place and as editors do, by writing a new file and renaming it over — each save changing a colour,
and times each save to the moment OUT.png's bytes change. Prints the median and the range, in ms.

Usage: bench/watch_latency.py [path/to/vexil] [design] [saves] [width]
"""
import os, shutil, statistics, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
vexil = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "vexil")
design = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "designs", "japan.toml")
saves = int(sys.argv[3]) if len(sys.argv) > 3 else 20
width = sys.argv[4] if len(sys.argv) > 4 else "600"

work = tempfile.mkdtemp()
try:
    path = os.path.join(work, "design.toml")
    out = os.path.join(work, "out.png")
    text = open(design).read()
    shutil.copy(design, path)
    watch = subprocess.Popen([vexil, "watch", path, "-o", out, "--width", width],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not os.path.exists(out):
        time.sleep(0.005)
    time.sleep(0.3)
    latencies = []
    for i in range(saves):
        before = open(out, "rb").read()
        # Another colour each time, so the output's bytes change.
        changed = text + f'\n[[layer]]\nkind = "rect"\nat = [0.05, 0.05]\nsize = [0.05, 0.05]\ncolor = "#{i * 12:02x}3366"\n'
        start = time.perf_counter()
        if i % 2:
            with open(path, "w") as f:
                f.write(changed)
        else:
            fresh = path + ".new"
            with open(fresh, "w") as f:
                f.write(changed)
            os.replace(fresh, path)
        while True:
            try:
                if open(out, "rb").read() != before:
                    break
            except FileNotFoundError:
                pass
            time.sleep(0.0005)
        latencies.append((time.perf_counter() - start) * 1000)
        time.sleep(0.1)
    watch.terminate()
    watch.wait()
    print(f"save to output, {os.path.basename(design)} at {width} px, {saves} saves: "
          f"median {statistics.median(latencies):.1f} ms (min {min(latencies):.1f}, max {max(latencies):.1f})")
finally:
    shutil.rmtree(work)
