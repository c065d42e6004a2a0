"""Print the demo logins of the demo database (one line each)."""
# The demo users and their roles are data of the addons' demo files; the
# passwords are the Odoo demo convention (password = login).
DEMO_LOGINS = [
    ("admin", "admin", "Administrator (all rights)"),
]

for login, password, role in DEMO_LOGINS:
    print("    %-22s %-14s %s" % (login, password, role))
