"""Start Odoo's command line with odoo.conf and the master password.

The Python 3.11 compatibility layer is already active: the virtual
environment's ``odoo_py311.pth`` installs it at interpreter start.
"""
import os
import sys

import odoo
import odoo.cli
from odoo.tools import config

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_parse_config = config._parse_config


def _parse_config_with_secrets(args=None):
    """Parse as Odoo does, then take the master password from the environment.

    The database role comes from PGUSER when odoo.conf names none: libpq
    would find it anyway, but Odoo itself lists "the user's databases" with
    ``db_user`` or else the name of the operating-system account; without it
    the web client's module list is computed from no database and the
    assets ship ``odoo._modules = ["web"]`` (every other addon's templates
    missing in the browser)."""
    result = _parse_config(args)
    if os.environ.get("ODOO_ADMIN_PASSWD"):
        config["admin_passwd"] = os.environ["ODOO_ADMIN_PASSWD"]
    if not config.get("db_user") and os.environ.get("PGUSER"):
        config["db_user"] = os.environ["PGUSER"]
    return result


def main():
    config._parse_config = _parse_config_with_secrets
    args = sys.argv[1:]
    if "-c" not in args and "--config" not in args and not any(
            arg.startswith("--config=") for arg in args):
        command = []
        if args and not args[0].startswith("-"):
            command, args = [args[0]], args[1:]
        args = command + ["-c", os.path.join(ROOT, "odoo.conf")] + args
    sys.argv = ["odoo"] + args
    odoo.cli.main()


if __name__ == "__main__":
    main()
