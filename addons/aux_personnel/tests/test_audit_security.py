# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Audit and login security (OCA auditlog, auth_brute_force,
password_security, auth_session_timeout): the shipped configuration is
active, a change of an ID number is logged with who, what, before and
after, only the office manager reads the logs, a weak password is refused
and repeated failed logins block the login."""
from threading import current_thread

from odoo import SUPERUSER_ID, api
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from .common import AuxPersonnelCase, make_id

SECURITY_ADDONS = ["auditlog", "auth_brute_force", "password_security", "auth_session_timeout"]


def audit_logs(env, record, method):
    return env["auditlog.log"].search([
        ("model_id.model", "=", record._name), ("res_id", "=", record.id),
        ("method", "=", method)])


def log_line(logs, field_name):
    return logs.mapped("line_ids").filtered(lambda line: line.field_id.name == field_name)


class TestSecurityConfiguration(AuxPersonnelCase):

    def test_security_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", SECURITY_ADDONS)])
        self.assertEqual(sorted(modules.mapped("name")), sorted(SECURITY_ADDONS))
        self.assertEqual(set(modules.mapped("state")), {"installed"})

    def test_shipped_audit_rules_are_subscribed_and_active(self):
        rules = self.env["auditlog.rule"].search([])
        by_model = {rule.model_id.model: rule for rule in rules}
        for model in ("hr.employee", "hr.contract"):
            self.assertEqual(by_model[model].state, "subscribed", model)
            self.assertTrue(getattr(type(self.env[model]), "auditlog_ruled_write", False),
                            "%s.write is not logged" % model)
        self.assertTrue(by_model["hr.employee"].log_read)
        self.assertTrue(getattr(type(self.env["hr.employee"]), "auditlog_ruled_read", False))
        self.assertFalse(by_model["hr.contract"].log_read)
        self.assertEqual(by_model["hr.employee"].log_type, "full")

    def test_login_security_defaults_are_data(self):
        company = self.env.ref("base.main_company")
        self.assertGreaterEqual(company.password_length, 8)
        for minimum in ("password_lower", "password_upper", "password_numeric",
                        "password_special"):
            self.assertGreaterEqual(company[minimum], 1, minimum)
        self.assertEqual(company.password_expiration, 90)
        get_param = self.env["ir.config_parameter"].sudo().get_param
        self.assertEqual(get_param("auth_brute_force.max_by_ip_user"), "5")
        self.assertEqual(get_param("inactive_session_time_out_delay"), "1800")
        self.assertEqual(
            self.env["ir.config_parameter"]._auth_timeout_get_parameter_delay(), 1800)


class TestEmployeeAuditLog(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestEmployeeAuditLog, cls).setUpClass()
        cls.officer = cls._user("audit_officer", cls.group_user)
        cls.manager = cls._user("audit_manager", cls.group_manager)
        cls.leader = cls._user("audit_leader", cls.group_leader)
        cls.person = cls._employee("Audit Person", cls.squad_a1)

    def test_id_number_change_is_logged_with_user_field_old_and_new_value(self):
        old_number = self.person.identification_id
        new_number = make_id(region="310101", birthday="19920202", seq=77)
        self.person.sudo(self.officer).write({"identification_id": new_number})
        log = audit_logs(self.env, self.person, "write")
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.officer)
        self.assertEqual(log.name, "Audit Person")
        line = log_line(log, "identification_id")
        self.assertEqual(len(line), 1, log.line_ids.mapped("field_id.name"))
        self.assertEqual(line.old_value_text, old_number)
        self.assertEqual(line.new_value_text, new_number)

    def test_reading_a_personnel_file_is_logged(self):
        self.person.sudo(self.officer).read(["name", "identification_id"])
        log = audit_logs(self.env, self.person, "read")
        self.assertEqual(log.user_id, self.officer)
        line = log_line(log, "identification_id")
        self.assertEqual(line.old_value_text, self.person.identification_id)

    def test_the_orm_loading_its_cache_is_not_a_read(self):
        """Odoo 11 loads fields into its cache through read(): server code
        touching employee.name is not logged as a read of the file."""
        person = self.Employee.sudo(self.officer).browse(self.person.id)
        self.assertTrue(person.identification_id)
        self.assertFalse(audit_logs(self.env, self.person, "read"))

    def test_contract_change_is_logged_without_reads(self):
        contract = self.env["hr.contract"].create({
            "name": "Audit contract", "employee_id": self.person.id, "wage": 3000.0})
        self.assertTrue(audit_logs(self.env, contract, "create"))
        contract.read(["wage"])
        self.assertFalse(audit_logs(self.env, contract, "read"))
        contract.write({"wage": 3200.0})
        line = log_line(audit_logs(self.env, contract, "write"), "wage")
        self.assertEqual((line.old_value_text, line.new_value_text), ("3000.0", "3200.0"))

    def test_only_the_office_manager_reads_the_logs(self):
        self.person.sudo(self.officer).write({"emergency_contact_name": "Sister"})
        log = audit_logs(self.env, self.person, "write")
        self.assertTrue(log.sudo(self.manager).read(["user_id", "line_ids"]))
        self.assertTrue(log.line_ids.sudo(self.manager).read(["old_value_text"]))
        self.assertTrue(self.env["auditlog.log"].sudo(self.manager).search(
            [("id", "=", log.id)]))
        for user in (self.officer, self.leader):
            with self.assertRaises(AccessError, msg=user.login):
                self.env["auditlog.log"].sudo(user).search([("id", "=", log.id)])
            with self.assertRaises(AccessError, msg=user.login):
                log.line_ids.sudo(user).read(["old_value_text"])
        with self.assertRaises(AccessError):
            log.sudo(self.manager).unlink()
        with self.assertRaises(AccessError):
            log.line_ids.sudo(self.manager).write({"new_value_text": "forged"})

    def test_audit_menu_for_the_manager_only(self):
        menu = self.env.ref("aux_personnel.auditlog_log_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu, Menu.sudo(self.manager).search([("id", "=", menu.id)]))
        self.assertNotIn(menu, Menu.sudo(self.officer).search([("id", "=", menu.id)]))
        # what the menu opens, as the manager: the list, the form and its lines
        self.person.sudo(self.officer).write({"emergency_contact_name": "Brother"})
        Log = self.env[menu.action.res_model].sudo(self.manager)
        for view_type in ("tree", "form", "search"):
            self.assertTrue(Log.fields_view_get(view_type=view_type)["arch"], view_type)
        rows = Log.search_read([("model_id.model", "=", "hr.employee"),
                                ("res_id", "=", self.person.id), ("method", "=", "write")],
                               ["name", "model_id", "method", "user_id", "line_ids",
                                "http_session_id", "http_request_id"])
        self.assertEqual(rows[0]["user_id"][0], self.officer.id)
        self.assertTrue(self.env["auditlog.log.line"].sudo(self.manager).browse(
            rows[0]["line_ids"]).read(["field_description", "field_name", "old_value_text",
                                       "new_value_text"]))

    def test_failed_login_form_sends_no_address_to_geolocation(self):
        """auth_brute_force computes "Remote IP metadata" by querying a public
        web service with the address: the form does not show the field."""
        arch = self.env["res.authentication.attempt"].fields_view_get(
            view_type="form")["arch"]
        self.assertNotIn("remote_metadata", arch)


class TestPasswordPolicy(AuxPersonnelCase):

    @classmethod
    def setUpClass(cls):
        super(TestPasswordPolicy, cls).setUpClass()
        cls.user = cls._user("policy_user", cls.group_self)

    def test_too_short_password_is_refused(self):
        with self.assertRaises(UserError):
            self.user.write({"password": "Ab1#xy"})

    def test_password_without_every_class_is_refused(self):
        # the demo passwords (login as password) would not pass a change
        for weak in ("aux_leader", "auxleader2026", "AUXLEADER#2026", "Auxleader2026"):
            with self.assertRaises(UserError, msg=weak):
                self.user.write({"password": weak})

    def test_administrator_reset_through_the_wizard_is_checked(self):
        wizard = self.env["change.password.wizard"].create({"user_ids": [(0, 0, {
            "user_id": self.user.id, "user_login": self.user.login,
            "new_passwd": "short"})]})
        with self.assertRaises(UserError):
            wizard.change_password_button()

    def test_conforming_password_is_accepted_and_not_reused(self):
        self.user.write({"password": "Aux#leader8"})
        self.user.write({"password": "Aux#leader9"})
        with self.assertRaises(UserError):
            self.user.write({"password": "Aux#leader8"})


class TestLoginLockout(TransactionCase):
    """auth_brute_force counts failed logins per client address in their own
    transactions (a failure must survive the refused login); the registry's
    test mode gives them one cursor that is rolled back after the test."""

    REMOTE = "192.0.2.10"        # TEST-NET-1 addresses: documentation only
    OTHER_REMOTE = "192.0.2.11"
    LOGIN = "aux_lockout_test"
    PASSWORD = "Lock#out2026"

    def setUp(self):
        super(TestLoginLockout, self).setUp()
        self.registry.enter_test_mode()
        self.addCleanup(self.registry.leave_test_mode)
        self.addCleanup(self._set_remote, None)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.users"].with_context(no_reset_password=True).create({
                "name": "Lockout Test", "login": self.LOGIN, "password": self.PASSWORD})
            self.limit = int(env["ir.config_parameter"].get_param(
                "auth_brute_force.max_by_ip_user"))

    @staticmethod
    def _set_remote(address):
        """The address auth_brute_force reads: what its WSGI hook leaves on
        the thread for each request."""
        if address:
            current_thread().environ = {"REMOTE_ADDR": address}
        elif hasattr(current_thread(), "environ"):
            del current_thread().environ

    def _login(self, password, remote=None):
        self._set_remote(remote or self.REMOTE)
        return self.registry["res.users"].authenticate(
            self.registry.db_name, self.LOGIN, password, {})

    def _spread_attempts_in_time(self):
        """The addon counts the failures stamped after the last success (to
        the second), and every row of this one transaction has the same
        stamp: stamp the attempts so far a second apart, ending a minute ago,
        as a person typing would have made them."""
        with self.registry.cursor() as cr:
            cr.execute("""
                UPDATE res_authentication_attempt attempt
                   SET create_date = (now() at time zone 'UTC') - interval '1 minute'
                                     + interval '1 second' * earlier.rank
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS rank
                          FROM res_authentication_attempt WHERE remote = %s) earlier
                 WHERE attempt.id = earlier.id""", [self.REMOTE])

    def _attempts(self, remote):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            return env["res.authentication.attempt"].search(
                [("remote", "=", remote)]).mapped("result")

    def test_blocked_after_repeated_failures_even_with_the_right_password(self):
        self.assertEqual(self.limit, 5)
        for _attempt in range(self.limit):
            self.assertFalse(self._login("wrong password"))
        self.assertFalse(self._login(self.PASSWORD), "the login is blocked")
        self.assertEqual(sorted(self._attempts(self.REMOTE)),
                         ["banned"] + ["failed"] * self.limit)
        self.assertTrue(self._login(self.PASSWORD, self.OTHER_REMOTE),
                        "the block is per address")

    def test_a_success_before_the_limit_resets_the_count(self):
        for _attempt in range(self.limit - 1):
            self.assertFalse(self._login("wrong password"))
        self.assertTrue(self._login(self.PASSWORD))
        self._spread_attempts_in_time()
        for _attempt in range(self.limit - 1):
            self.assertFalse(self._login("wrong password"))
        self.assertTrue(self._login(self.PASSWORD))

    def test_unblocked_when_the_failed_attempts_are_deleted(self):
        for _attempt in range(self.limit):
            self._login("wrong password")
        self.assertFalse(self._login(self.PASSWORD))
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["res.authentication.attempt"].search([
                ("remote", "=", self.REMOTE), ("login", "=", self.LOGIN),
                ("result", "!=", "successful")]).unlink()
        self.assertTrue(self._login(self.PASSWORD))
