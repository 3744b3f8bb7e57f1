"""Stopping the child processes the Quickstart and the tests start."""

import subprocess


def process_stop(process: subprocess.Popen | None, *, timeout: float = 15) -> None:
    """SIGTERM for a clean shutdown (a worker finishes its task), SIGKILL if it takes longer than `timeout`."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)
