# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
import re
import zipfile
import zlib

from odoo.exceptions import AccessError

from .payroll_run_common import PayrollRunCase


def xlsx_cells(content):
    """{(row, column letters): value} of the first sheet of an XLSX file
    (numbers as floats, shared strings resolved); enough for assertions."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    strings = []
    if "xl/sharedStrings.xml" in archive.namelist():
        xml = archive.read("xl/sharedStrings.xml").decode("utf-8")
        strings = [re.sub(r"<[^>]+>", "", s) for s in re.findall(r"<si>(.*?)</si>", xml, re.S)]
    xml = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    cells = {}
    for ref, attrs, value in re.findall(
            r'<c r="([A-Z]+\d+)"([^>]*)>(?:<f>[^<]*</f>)?<v>([^<]*)</v></c>', xml):
        column, row = re.match(r"([A-Z]+)(\d+)", ref).groups()
        cells[(int(row), column)] = strings[int(value)] if 't="s"' in attrs else float(value)
    return cells


class TestPayrollOutputs(PayrollRunCase):

    @classmethod
    def setUpClass(cls):
        super(TestPayrollOutputs, cls).setUpClass()
        bank = cls.env["res.bank"].create({"name": "示范银行"})
        partner = cls.env["res.partner"].create({"name": cls.emp_a.name})
        cls.emp_a.bank_account_id = cls.env["res.partner.bank"].create({
            "acc_number": "6222000011112222", "partner_id": partner.id, "bank_id": bank.id})
        cls.pay_run = cls.new_run(cls.unit_a)
        cls.pay_run.action_aux_generate()
        cls.Register = cls.env["report.aux_payroll.payroll_register_xlsx"]

    def _slip_totals(self, slips):
        totals = {}
        for line in slips.mapped("line_ids"):
            totals[line.code] = totals.get(line.code, 0.0) + line.total
        return totals

    def test_register_totals_equal_payslips(self):
        register = self.Register._aux_register(self.pay_run)
        self.assertEqual(register["count"], 3)
        expected = self._slip_totals(self.pay_run.slip_ids)
        self.assertEqual(set(register["total"]), set(expected))
        for code, amount in expected.items():
            self.assertAlmostEqual(register["total"][code], amount, places=2, msg=code)
        # columns in rule sequence order
        rules = self.pay_run.slip_ids.mapped("line_ids.salary_rule_id")
        sequence = {r.code: r.sequence for r in rules}
        codes = [c for c, _n, _k in register["columns"]]
        self.assertEqual(codes, sorted(codes, key=lambda c: (sequence[c], c)))
        # subtotals per unit: unit A and sub-unit A1
        units = {name: subtotal for name, _rows, subtotal in register["units"]}
        self.assertEqual(len(units), 2)
        a1 = self.pay_run.slip_ids.filtered(lambda s: s.employee_id == self.emp_a1)
        self.assertAlmostEqual(units[self.unit_a1.display_name]["NET"],
                               self._slip_totals(a1)["NET"], places=2)
        self.assertAlmostEqual(self.pay_run.aux_total_net, expected["NET"], places=2)

    def test_register_xlsx(self):
        content, kind = self.env.ref("aux_payroll.aux_payroll_register_xlsx_report") \
            .render_xlsx(self.pay_run.ids, {})
        self.assertEqual(kind, "xlsx")
        cells = xlsx_cells(content)
        total_row = max(row for (row, col), value in cells.items() if value == "Total")
        header = {value.split("\n")[0]: col for (row, col), value in cells.items()
                  if row == 3 and isinstance(value, str)}
        expected = self._slip_totals(self.pay_run.slip_ids)
        self.assertAlmostEqual(cells[(total_row, header["NET"])], expected["NET"], places=2)
        names = {value for (row, col), value in cells.items() if col == "B"}
        self.assertTrue({self.emp_a.name, self.emp_a2.name, self.emp_a1.name} <= names)

    def test_register_refused_to_unit_leader(self):
        with self.assertRaises(AccessError):
            self.Register.sudo(self.user_leader_a)._aux_register(
                self.pay_run.sudo(self.user_leader_a))

    def test_bank_transfer_list(self):
        Bank = self.env["report.aux_payroll.bank_transfer_xlsx"]
        rows, total = Bank._aux_transfers(self.pay_run)
        nets = {s.employee_id.name: self._slip_totals(s)["NET"] for s in self.pay_run.slip_ids}
        self.assertEqual({r["name"]: r["net"] for r in rows}, nets)
        self.assertAlmostEqual(total, sum(nets.values()), places=2)
        with_account = [r for r in rows if r["account"]]
        self.assertEqual([(r["name"], r["account"], r["bank"]) for r in with_account],
                         [(self.emp_a.name, "6222000011112222", "示范银行")])
        self.assertFalse(rows[0]["account"], "people without a bank account come first")
        content, _kind = self.env.ref("aux_payroll.aux_bank_transfer_xlsx_report") \
            .render_xlsx(self.pay_run.ids, {})
        self.assertIn("6222000011112222", xlsx_cells(content).values())

    def test_payslip_pdf_chinese(self):
        report = self.env.ref("aux_payroll.aux_payslip_pdf_report")
        slip = self.pay_run.slip_ids.filtered(lambda s: s.employee_id == self.emp_a)
        html = report.render_qweb_html(slip.ids)[0].decode("utf-8")
        self.assertIn("工资单 Payslip", html)
        self.assertIn("金额 Amount", html)
        # render_qweb_pdf answers HTML under a test cursor; run wkhtmltopdf on
        # that HTML the way it does outside tests
        bodies, _ids, header, footer, args = report.with_context(debug=False)._prepare_html(
            html)
        pdf = report._run_wkhtmltopdf(bodies, header=header, footer=footer,
                                      specific_paperformat_args=args)
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:300])
        self.assertIn(b"CJK", pdf, "the Noto CJK font is embedded")
        # the Chinese glyphs are in the PDF: its ToUnicode maps (plain or
        # deflated) hold 资 (U+8D44) of 工资单 and 姓名 (U+59D3 U+540D)
        unicode_maps = (pdf + b"".join(
            zlib.decompress(stream) for stream in re.findall(
                rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
            if self._inflates(stream))).upper()
        self.assertIn(b"<8D44>", unicode_maps)
        self.assertIn(b"<59D3> <540D>", unicode_maps)

    @staticmethod
    def _inflates(stream):
        try:
            zlib.decompress(stream)
        except zlib.error:
            return False
        return True
