"""python -m bench.usage FILE COMMAND...: run COMMAND; write its wall and CPU seconds and peak
memory to FILE as JSON; exit with its code.

Linux counts a parent's memory at the fork in its child's peak (ru_maxrss, the larger of the
two: a build started by the bench, itself over 100 MiB, would read at least that), so each
build is started by this small process. It imports nothing of the bench or of the site."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    file, command = Path(argv[0]), argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: becomes the command
        try:
            os.execv(command[0], command)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)  # this child's own usage, not this process's
    seconds = time.perf_counter() - start
    figures = {
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mib": usage.ru_maxrss / 1024,  # KiB on Linux
    }
    file.write_text(json.dumps(figures), encoding="utf-8")
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
