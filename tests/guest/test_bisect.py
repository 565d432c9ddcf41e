#!/usr/bin/env python3
"""`git bisect run scripts/check-kernel --kernel-tree ...` finds the
commit that made arch_dma_prep_coherent() clean only. A throw-away
repository stands in for a kernel history: each commit names the built
kernel tree it stands for (a variant of guest/kernel/variants, whose
Image and own DTB check-kernel takes), two a tree whose build failed (no
Image: check-kernel must say 125, "cannot test", and bisect skip them),
and the culprit is the first clean-only commit. A second history has
commits whose kernels break in ways no model explains (an unrelated
WARN at boot, rpmhpd without PM_OPP): 125 too, skipped, not blamed."""

import os
import shutil
import subprocess
import tempfile

import qms

# (variant, subject); the culprit's index; the commits bisect must skip
# (125), never judge
HISTORIES = {
    "a history with commits that do not build": ([
        ("stock", "Linux 6.1 as Debian ships it"),
        ("stock", "docs: an unrelated change"),
        ("missing", "a commit whose kernel does not build"),
        ("missing", "the fix of the build, in two steps"),
        ("stock", "mm: an unrelated change"),
        ("clean-only", "arm64: dma: Drop cache invalidation from arch_dma_prep_coherent()"),
        ("clean-only", "an unrelated change after the culprit"),
        ("clean-only", "another one"),
    ], 5, (2, 3)),
    # commits that break something the models do not explain: an
    # unrelated WARN at boot, rpmhpd without PM_OPP (the modem's supplier
    # never probes); blaming either would name the wrong commit
    "a history with unrelated breakage": ([
        ("stock", "Linux 6.1 as Debian ships it"),
        ("stock", "docs: an unrelated change"),
        ("stock", "mm: an unrelated change"),
        ("warn-late", "init: a late initcall that warns"),
        ("no-pm-opp", "configs: drop PM_DEVFREQ, and PM_OPP with it"),
        ("stock", "the fixes of both"),
        ("clean-only", "arm64: dma: Drop cache invalidation from arch_dma_prep_coherent()"),
        ("clean-only", "an unrelated change after the culprit"),
    ], 6, (3, 4)),
}


def bisect(tap, what, history, culprit, skipped_ok):
    with tempfile.TemporaryDirectory(prefix="qms-bisect-") as repo:
        def git(*args):
            return subprocess.run(["git", "-C", repo] + list(args), capture_output=True,
                                  text=True, env=dict(os.environ, GIT_AUTHOR_NAME="qms",
                                                      GIT_AUTHOR_EMAIL="qms@invalid",
                                                      GIT_COMMITTER_NAME="qms",
                                                      GIT_COMMITTER_EMAIL="qms@invalid"))
        git("init", "-q")
        commits = []
        for variant, subject in history:
            with open(os.path.join(repo, "variant"), "w") as f:
                f.write(variant + "\n")
            git("add", "variant")
            git("commit", "-q", "--allow-empty", "-m", subject)
            commits.append(git("rev-parse", "HEAD").stdout.strip())

        # The script bisect runs: the tree the checked-out commit builds;
        # a failed build leaves a tree without an Image.
        script = os.path.join(repo, "..", os.path.basename(repo) + "-run.sh")
        failed = os.path.join(repo, "..", os.path.basename(repo) + "-failed-build")
        os.makedirs(os.path.join(failed, "arch", "arm64", "boot"), exist_ok=True)
        with open(script, "w") as f:
            f.write('#!/bin/sh\ntree="%s/linux-$(cat variant)"\n[ "$(cat variant)" = missing ] '
                    '&& tree="%s"\nexec "%s" --timeout 120 --kernel-tree "$tree"\n'
                    % (qms.GUEST, failed, os.path.join(qms.TOP, "scripts", "check-kernel")))
        os.chmod(script, 0o755)
        try:
            git("bisect", "start", commits[-1], commits[0])
            r = git("bisect", "run", script)
            log = git("bisect", "log").stdout
        finally:
            git("bisect", "reset")
            os.unlink(script)
            shutil.rmtree(failed)

    tap.check(r.returncode == 0, "%s: git bisect run completes" % what, r.stdout + r.stderr)
    tap.check("%s is the first bad commit" % commits[culprit] in r.stdout,
              "%s: bisect names the clean-only commit as the first bad one" % what,
              r.stdout + r.stderr)
    judged = [l for l in log.splitlines() if l.startswith(("# good:", "# bad:"))]
    skipped = [l for l in log.splitlines() if l.startswith("# skip:")]
    tap.check(skipped and all(any(commits[i] in l for i in skipped_ok) for l in skipped)
              and not any(commits[i] in l for l in judged for i in skipped_ok),
              "%s: the kernels that cannot be tested are skipped (exit 125), not judged"
              % what, log)
    tap.check(len(judged) >= 2, "%s: bisect judged %d commits by check-kernel's verdict"
              % (what, len(judged)), log)


tap = qms.Tap()
for what, (history, culprit, skipped_ok) in HISTORIES.items():
    bisect(tap, what, history, culprit, skipped_ok)
tap.done()
