#!/usr/bin/env python3
"""Each bare-metal program under guest/baremetal runs on qcom-sm8250,
reports "bm: PASS" and powers off through PSCI (QEMU exits 0)."""

import glob
import os

import qms

tap = qms.Tap()
progs = sorted(glob.glob(os.path.join(qms.GUEST, "baremetal", "*.elf")))
tap.check(bool(progs), "bare-metal programs were built")
for elf in progs:
    name = os.path.basename(elf)
    r = qms.run_qemu(["-M", "qcom-sm8250", "-smp", "1", "-kernel", elf], timeout=60)
    ok = (not r.timed_out and r.returncode == 0 and r.lines("bm: PASS") == [""]
          and not r.lines("bm: FAIL"))
    tap.check(ok, "%s passes and powers off" % name,
              "exit %s timed out %s\n%s" % (r.returncode, r.timed_out, r.output))
tap.done()
