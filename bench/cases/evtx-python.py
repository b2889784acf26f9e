# Debian's python3-evtx (python-evtx 0.6.1) on the same file as bench/cases/evtx.ts: the file is
# opened afresh `repeat` times (python-evtx memoizes per open file, and a long-lived one slows
# down), and every record is rendered to XML, as evtx_dump.py does.
# Run with /usr/bin/python3; prints one JSON line like the TypeScript cases.
import json, resource, sys, time
import Evtx.Evtx as evtx

path, repeat = sys.argv[1], int(sys.argv[2])
records = 0
started = time.perf_counter()
for _ in range(repeat):
    with evtx.Evtx(path) as log:
        for record in log.records():
            record.xml()
            records += 1
ms = (time.perf_counter() - started) * 1000
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({'ms': ms, 'lines': records, 'events': records, 'maxRssMb': rss}))
