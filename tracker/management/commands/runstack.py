"""Run the whole app on one machine: Redis (unless REDIS_URL is set), migrations, seeds, worker, web.

With --production the web server is gunicorn (workers sized to the cores, static files from whitenoise
after collectstatic) and no demo account or articles are made.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from tracker.embedded_redis import EmbeddedRedis
from tracker.processes import process_stop


class Command(BaseCommand):
    help = "Start Redis (if REDIS_URL is unset), migrate, load the seeds, run a Celery worker and the web server."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="Address the web server listens on.")
        parser.add_argument("--no-seeds", action="store_true", help="Do not load the demo articles.")
        parser.add_argument(
            "--production", action="store_true", help="Serve with gunicorn, collect static files, no demo data."
        )

    def handle(self, *args, addr, no_seeds, production, **options):
        redis = None
        env = dict(os.environ)
        if not os.environ.get("REDIS_URL"):
            redis = EmbeddedRedis().start()
            env["REDIS_URL"] = redis.url
            self.stdout.write(f"Started Redis on {redis.url} (set REDIS_URL to use your own).")
        # `kill` (SIGTERM) stops the stack as cleanly as Ctrl-C, children included.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        children: list[subprocess.Popen] = []
        try:
            if production:
                steps = [["migrate", "--no-input"], ["collectstatic", "--no-input"]]
            else:
                steps = [["migrate", "--no-input"], ["create_demo_users"]] + ([] if no_seeds else [["load_seeds"]])
            for step in steps:
                subprocess.run([*manage, *step], env=env, check=True)  # noqa: S603
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            worker = [
                sys.executable, "-m", "celery", "-A", "tracker", "worker", "--beat",
                "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
                "--loglevel", "INFO", "--concurrency", "2", "--queues", "extraction,light",
            ]  # fmt: skip
            children.append(subprocess.Popen(worker, env=env))  # noqa: S603
            web = web_server_command(addr) if production else [*manage, "runserver", addr, "--noreload"]
            children.append(subprocess.Popen(web, env=env))  # noqa: S603
            self.stdout.write(self.style.SUCCESS(f"Fact tracker on http://{addr}/ — Ctrl-C stops everything."))
            while all(child.poll() is None for child in children):
                time.sleep(0.5)
            return_code = next(child.returncode for child in children if child.returncode is not None)
            raise SystemExit(f"A process of the stack stopped (exit code {return_code}); stopping the rest.")
        except KeyboardInterrupt:
            self.stdout.write("Stopping…")
        except subprocess.CalledProcessError as error:
            raise SystemExit(f"Start-up step failed: {' '.join(error.cmd[2:])}") from error
        finally:
            for child in children:
                process_stop(child)
            if redis:
                redis.stop()


def web_server_command(addr: str) -> list[str]:
    """gunicorn with gunicorn's advice of 2 × cores + 1 workers, unless WEB_CONCURRENCY says otherwise."""
    workers = os.environ.get("WEB_CONCURRENCY") or str(2 * (os.cpu_count() or 1) + 1)
    return [
        sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind", addr, "--workers", workers,
        "--timeout", os.environ.get("WEB_TIMEOUT_SECONDS", "60"), "--access-logfile", "-",
    ]  # fmt: skip
