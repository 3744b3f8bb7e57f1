"""The demo account the Quickstart prints: an editor who may also review and manage data in the admin."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

DEMO_ROLES = ["editor", "reviewer", "admin"]


class Command(BaseCommand):
    help = "Create (or reset) the demo account and print how to sign in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username, **options):
        password = os.environ.get("DEMO_PASSWORD", "tracker-demo")
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.is_staff = True
        user.set_password(password)
        user.save()
        user.groups.add(*Group.objects.filter(name__in=DEMO_ROLES))
        self.stdout.write(self.style.SUCCESS(f"Sign in as {username!r} with password {password!r}."))
