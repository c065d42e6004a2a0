"""The demo bureau for the browser tests of every role (issue 11): the
database ``bin/demo-db`` builds, copied for each test module so that the
journeys and the crawl never see each other's changes, and served by a real
Odoo server on a free port.

``bin/test`` builds the template in the background while the other tests run
(``AUX_DEMO_TEST_DB`` names it, ``AUX_DEMO_STATUS`` is the file its exit
status is written to); run on its own, pytest builds it first when missing.
"""
import configparser
import fcntl
import os
import shutil
import subprocess
import time
import uuid

from tests.odoo_server import ROOT, Server

BUILD_TIMEOUT = 40 * 60


def _psql(sql, database="postgres"):
    return subprocess.run(["psql", "-d", database, "-qAtc", sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def _exists(database):
    return _psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % database) == "1"


def template_database():
    """The name of the demo-bureau template, waiting for bin/test's
    background build or building it when missing."""
    database = os.environ.get("AUX_DEMO_TEST_DB") or "aux_test_demo"
    status = os.environ.get("AUX_DEMO_STATUS")
    if status:
        deadline = time.time() + BUILD_TIMEOUT
        while not os.path.exists(status):
            assert time.time() < deadline, "the demo database build did not end in time"
            time.sleep(2)
        with open(status) as handle:
            code = handle.read().strip()
        assert code == "0", "the demo database build failed (exit %s): see %s" % (
            code, os.environ.get("AUX_DEMO_LOG", "var/log/test-demo-db.log"))
    elif not _exists(database):
        subprocess.run([os.path.join(ROOT, "bin", "demo-db"), database], cwd=ROOT, check=True)
    assert _exists(database), "no demo database %s" % database
    return database


def filestore(database):
    """The folder of the database's attachments (assets, documents): a copy
    of the database needs its own copy of it."""
    config = configparser.ConfigParser()
    config.read(os.path.join(ROOT, "odoo.conf"))
    data_dir = config.get("options", "data_dir", fallback=None)
    if not data_dir:
        raise AssertionError("odoo.conf sets no data_dir")
    return os.path.join(ROOT, data_dir, "filestore", database)


def drop_database(database):
    _psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          " WHERE datname = '%s' AND pid <> pg_backend_pid()" % database)
    _psql('DROP DATABASE IF EXISTS "%s"' % database)
    shutil.rmtree(filestore(database), ignore_errors=True)


class DemoBureau:
    """A private copy of the demo bureau served on a free port:

        with DemoBureau("payroll") as bureau:
            bureau.server.url, bureau.server.rpc_as(("aux_finance", "aux_finance"), ...)
    """

    def __init__(self, name):
        self.template = template_database()
        self.database = "%s_%s_%s" % (self.template, name, uuid.uuid4().hex[:6])
        self.server = Server(self.database, log_name="server-%s.log" % name)

    def __enter__(self):
        # a copy is made of a database nobody is connected to: bin/test runs
        # the crawl and the journeys in two processes, which copy the
        # template one after the other (PostgreSQL refuses a copy of a
        # template another copy is reading)
        os.makedirs(os.path.join(ROOT, "var", "run"), exist_ok=True)
        with open(os.path.join(ROOT, "var", "run", "%s.copy.lock" % self.template), "w") \
                as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            _psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                  " WHERE datname = '%s' AND pid <> pg_backend_pid()" % self.template)
            _psql('CREATE DATABASE "%s" TEMPLATE "%s"' % (self.database, self.template))
            if os.path.isdir(filestore(self.template)):
                shutil.copytree(filestore(self.template), filestore(self.database),
                                dirs_exist_ok=True)
        try:
            self.server.start()
        except BaseException:
            drop_database(self.database)
            raise
        return self

    def __exit__(self, *exc):
        self.server.stop()
        drop_database(self.database)

    def logins(self):
        """The demo logins (password = login) and admin, in a stable order."""
        rows = self.server.rpc("ir.model.data", "search_read", [
            ("model", "=", "res.users"), ("module", "=", "aux_demo"),
            ("name", "=like", "user_%_demo")], fields=["res_id"])
        users = self.server.rpc("res.users", "read", [row["res_id"] for row in rows],
                                fields=["login"])
        return ["admin"] + sorted(user["login"] for user in users)
