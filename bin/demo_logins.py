"""Print the logins of the demo database, one line each: login, password and
the groups that say what the user can do.

The demo users are made by the aux_demo addon (xmlids ``aux_demo.user_<login>_demo``);
their password is their login, as in Odoo's own demo data. The database
connection comes from the standard PG* environment (var/env)."""
import sys

import psycopg2

QUERY = """
SELECT u.login, string_agg(DISTINCT g.name, ', ' ORDER BY g.name)
  FROM ir_model_data d
  JOIN res_users u ON u.id = d.res_id
  LEFT JOIN res_groups_users_rel r ON r.uid = u.id
  LEFT JOIN res_groups g ON g.id = r.gid
  LEFT JOIN ir_module_category c ON c.id = g.category_id
 WHERE d.model = 'res.users' AND d.name LIKE 'user\\_%%\\_demo'
   AND d.module = 'aux_demo' AND c.name = 'Auxiliary Personnel'
 GROUP BY u.login ORDER BY u.login
"""


def main(database):
    print("    %-16s %-16s %s" % ("admin", "admin", "Administrator (every right)"))
    with psycopg2.connect(dbname=database) as connection, connection.cursor() as cursor:
        cursor.execute(QUERY)
        for login, groups in cursor.fetchall():
            print("    %-16s %-16s %s" % (login, login, groups))


if __name__ == "__main__":
    main(sys.argv[1])
