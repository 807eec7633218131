"""The package's build backend: maturin's PEP 517 hooks, after the ``govreport`` command line
is built and copied into the package (``govreport/bin/govreport``), so that ``pip install .``
from a clone gives a working ``govreport.run``.

The command line is built with the command ``make build`` runs (``cargo build --release
--locked``, binary only), so after ``make build`` or ``make pipeline`` it is up to date and
nothing is compiled again. ``GOVREPORT_PYTHON_NO_CLI=1`` skips it: a small, fast build of the
extension alone, whose ``run`` needs ``govreport`` on ``PATH`` or ``GOVREPORT_BIN``.
"""

import os
import shutil
import subprocess
from pathlib import Path

import maturin
from maturin import *  # noqa: F401,F403  (every other hook is maturin's own)

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "python" / "govreport" / "bin"


def _bundle_cli() -> None:
    shutil.rmtree(BUNDLED, ignore_errors=True)
    if os.environ.get("GOVREPORT_PYTHON_NO_CLI"):
        return
    cargo = os.environ.get("CARGO", "cargo")
    subprocess.run(
        [cargo, "build", "--release", "--locked", "--bin", "govreport"], cwd=ROOT, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
    if not target.is_absolute():
        target = ROOT / target
    BUNDLED.mkdir(parents=True)
    copy = BUNDLED / "govreport"
    shutil.copy2(target / "release" / "govreport", copy)
    # The release binary keeps its symbols (for perf); the wheel's copy does not need them.
    strip = shutil.which("strip")
    if strip:
        subprocess.run([strip, str(copy)], check=False)


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    _bundle_cli()
    return maturin.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    _bundle_cli()
    return maturin.build_editable(wheel_directory, config_settings, metadata_directory)
