"""`manage.py api_token create NAME --user U --access read|read_write`: a token for a newsroom tool."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.models import ApiToken
from core.services import api_token_create


class Command(BaseCommand):
    help = "Make an API token for a newsroom tool and print its key (shown this once only)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a token that acts as an existing account.")
        create.add_argument("name", help='The tool, e.g. "Live blog plugin".')
        create.add_argument("--user", required=True, help="The account (user name) whose role the tool has.")
        create.add_argument("--access", choices=ApiToken.Access.values, default=ApiToken.Access.READ)

    def handle(self, *args, **options) -> None:
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"No account named {options['user']!r}.")
        try:
            token, key = api_token_create(name=options["name"], user=user, access=options["access"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stderr.write(f"Token {token} made for {user.get_username()}. Copy the key now: it is not shown again.")
        self.stdout.write(key)
