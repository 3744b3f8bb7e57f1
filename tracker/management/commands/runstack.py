"""Run the whole app on one machine: Redis (unless REDIS_URL is set), migrations, seeds, worker, web."""

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

    def handle(self, *args, addr, no_seeds, **options):
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
            for step in (["migrate", "--no-input"], ["create_demo_users"]) + (() if no_seeds else (["load_seeds"],)):
                subprocess.run([*manage, *step], env=env, check=True)  # noqa: S603
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            worker = [
                sys.executable, "-m", "celery", "-A", "tracker", "worker", "--beat",
                "--schedule", str(settings.VAR_DIR / "celerybeat-schedule"),
                "--loglevel", "INFO", "--concurrency", "2", "--queues", "extraction,light",
            ]  # fmt: skip
            children.append(subprocess.Popen(worker, env=env))  # noqa: S603
            children.append(subprocess.Popen([*manage, "runserver", addr, "--noreload"], env=env))  # noqa: S603
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
