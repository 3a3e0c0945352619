"""A start imports only what a start needs: what a report, a typed date or a migration needs
is imported when it is first used (bench/results.md measures the start itself)."""
import subprocess
import sys

PROBE = """
import sys
from app.cli import main
sys.argv = ["review-desk", "run", "--env-file", "/nonexistent"]
try:
    main()
except SystemExit:
    pass
from desk.advice.coach import avoid
print("loaded:", " ".join(sorted(m for m in ("numpy", "matplotlib", "dateparser", "alembic")
                                 if m in sys.modules)))
print("compiled:", getattr(avoid.DEFENSIVE, "_compiled", True) is not None)
"""


def start(tmp_path) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.db'}"}
    run = lambda: subprocess.run([sys.executable, "-c", PROBE], input="quit\n", env=env,  # noqa: E731
                                 capture_output=True, text=True, timeout=120)
    assert run().returncode == 0  # the first start creates the schema
    result = run()
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_start_with_a_current_schema_loads_no_heavy_library(tmp_path):
    out = start(tmp_path)
    assert "review-desk console" in out
    assert "loaded: \n" in out
    assert "compiled: False" in out
