# Copyright 2026 Auxiliary Personnel Project
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Import of the CSV export of a clock-in terminal.

The file has a header line; the mapping (``aux.duty.punch.mapping``) names
the columns: the person's number (Badge ID by default), the date and time
(one column, or two), optionally the terminal.  The shipped mapping reads::

    工号,姓名,打卡时间,设备
    10023,张三,2026-03-02 07:58:12,东门指纹机

The import is all or nothing: every row is checked first (unknown or
unreachable person, bad date), and the first bad row is named with its line
number before anything is written.  A punch already imported (same person,
same second) is skipped, so importing the same file again changes nothing.
The exceptions of the days covered are then recomputed.
"""
import base64
import csv
import io
from datetime import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..models.aux_duty_shift import duty_timezone

ISO_PATTERN = "%Y-%m-%d %H:%M:%S"


def _iso_strptime(stamp, _pattern, parse=datetime.fromisoformat):
    """``strptime(stamp, ISO_PATTERN)`` by the C parser (about ten times
    faster), as strict on the length and the separator."""
    if len(stamp) != 19 or stamp[10] != " ":
        raise ValueError(stamp)
    return parse(stamp)


class AuxDutyPunchImport(models.TransientModel):
    _name = "aux.duty.punch.import"
    _description = "Import Clock-in File"

    mapping_id = fields.Many2one(
        "aux.duty.punch.mapping", string="File Format", required=True,
        default=lambda self: self.env.ref("aux_duty.punch_mapping_default",
                                          raise_if_not_found=False))
    data = fields.Binary(string="File", required=True)
    filename = fields.Char()
    compute_exceptions = fields.Boolean(
        default=True, help="Recompute the attendance exceptions of the days in the file.")
    result = fields.Text(readonly=True)

    @api.multi
    def action_import(self):
        self.ensure_one()
        text = base64.b64decode(self.data or b"")
        summary = self._import_bytes(text, self.filename or "",
                                     compute=self.compute_exceptions)
        self.result = summary["message"]
        return {"type": "ir.actions.act_window", "res_model": self._name,
                "res_id": self.id, "view_mode": "form", "target": "new"}

    @api.model
    def _parse(self, content, mapping):
        """[(line number, employee key, naive local datetime, device)] of the
        file, or UserError naming the first bad line."""
        try:
            text = content.decode(mapping.encoding)
        except UnicodeDecodeError:
            raise UserError(_("The file is not in the encoding of format %(format)s "
                              "(%(encoding)s).") % {"format": mapping.name,
                                                    "encoding": mapping.encoding})
        reader = csv.reader(io.StringIO(text), delimiter=mapping.delimiter or ",")
        header = [h.strip() for h in next(reader, [])]
        wanted = [mapping.employee_column] + (
            [mapping.datetime_column] if mapping.datetime_column
            else [mapping.date_column, mapping.time_column])
        missing = [name for name in wanted if name not in header]
        if missing:
            raise UserError(_("The file has no column %(columns)s (format %(format)s; its "
                              "header is: %(header)s).") % {
                "columns": ", ".join(missing), "format": mapping.name,
                "header": ", ".join(header)})
        index = {name: header.index(name) for name in header}
        device_at = index.get(mapping.device_column) if mapping.device_column else None
        # the mapping's values read once: a field of a record costs an ORM
        # lookup, and the loop runs once per line (600,000 in a month)
        key_at = index[mapping.employee_column]
        stamp_at = index[mapping.datetime_column] if mapping.datetime_column else None
        date_at = index[mapping.date_column] if stamp_at is None else None
        time_at = index[mapping.time_column] if stamp_at is None else None
        pattern = mapping.datetime_format
        delimiter = mapping.delimiter
        strptime = _iso_strptime if pattern == ISO_PATTERN else datetime.strptime
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            try:
                key = cells[key_at].strip()
                if stamp_at is not None:
                    stamp = cells[stamp_at].strip()
                else:
                    stamp = "%s %s" % (cells[date_at].strip(), cells[time_at].strip())
                moment = strptime(stamp, pattern)
            except (IndexError, ValueError):
                raise UserError(_(
                    "Line %(line)s of the file is not a punch of format %(format)s "
                    "(date and time as %(pattern)s): %(content)s") % {
                    "line": number, "format": mapping.name, "pattern": pattern,
                    "content": delimiter.join(cells)})
            if not key:
                raise UserError(_("Line %(line)s of the file has no person's number: "
                                  "%(content)s") % {"line": number,
                                                    "content": delimiter.join(cells)})
            device = cells[device_at].strip() if device_at is not None \
                and device_at < len(cells) else None
            rows.append((number, key, moment, device))
        if not rows:
            raise UserError(_("The file holds no punch."))
        return rows

    @api.model
    def _employees_by_key(self, mapping, keys):
        """{key: employee id} of the people the user may see (his record
        rules: a unit leader imports his unit's punches only).  The key
        field may be private (resident ID): it is read in SQL among the
        people the user's rules let him see, and not through read(), which
        the audit log records person by person."""
        field = mapping.employee_key
        Employee = self.env["hr.employee"]
        if field == "id":
            valid = [int(k) for k in keys if k.isdigit()]
            return {str(e.id): e.id for e in Employee.search([("id", "in", valid)])}
        column = {"barcode": "barcode", "identification_id": "identification_id"}[field]
        # the people the user's read rules show, as a subquery
        query = Employee._where_calc([])
        Employee._apply_ir_rules(query, "read")
        tables, where, params = query.get_sql()
        # parameterised; the column name comes from the selection above, the
        # subquery from the ORM
        self.env.cr.execute(
            'SELECT "%s", id FROM hr_employee WHERE "%s" = ANY(%%s) '
            "AND id IN (SELECT hr_employee.id FROM %s WHERE %s)"
            % (column, column, tables, where or "TRUE"), [list(keys)] + params)
        return dict(self.env.cr.fetchall())

    @api.model
    def _import_bytes(self, content, filename="", mapping=None, compute=True):
        """Import the file ``content``: returns {"new", "known", "message"}."""
        mapping = mapping or self.mapping_id or self.env.ref("aux_duty.punch_mapping_default")
        Punch = self.env["aux.duty.punch"]
        Punch.check_access_rights("create")
        rows = self._parse(content, mapping)
        employees = self._employees_by_key(mapping, {row[1] for row in rows})
        for number, key, _moment, _device in rows:
            if key not in employees:
                raise UserError(_(
                    "Line %(line)s of the file: nobody you manage has %(field)s %(key)s.")
                    % {"line": number, "key": key,
                       "field": dict(mapping._fields["employee_key"]._description_selection(
                           self.env))[mapping.employee_key]})
        tz = pytz.timezone(duty_timezone(self.env))
        offsets = {}  # UTC offset of each local hour (pytz's localize is slow)

        def to_utc(moment):
            hour = moment.replace(minute=0, second=0, microsecond=0)
            if hour not in offsets:
                offsets[hour] = tz.localize(hour).utcoffset()
            return moment - offsets[hour]

        values = []
        seen = set()
        for _number, key, moment, device in rows:
            utc = to_utc(moment)
            if (employees[key], utc) in seen:
                continue
            seen.add((employees[key], utc))
            values.append((employees[key], utc, device, "terminal", filename or None,
                           self.env.uid, self.env.uid))
        # COPY into a temporary table, then one set INSERT: the unique
        # (person, time) makes a re-import add nothing.  Parameterised: the
        # values travel as COPY data, never in the SQL text.
        cr = self.env.cr
        cr.execute("CREATE TEMP TABLE IF NOT EXISTS aux_duty_punch_in (employee_id int, "
                   "punch_time timestamp, device varchar) ON COMMIT DROP")
        cr.execute("TRUNCATE aux_duty_punch_in")
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        for emp_id, utc, device, _source, _ref, _uid, _uid2 in values:
            writer.writerow((emp_id, utc.strftime("%Y-%m-%d %H:%M:%S"),
                             "" if device is None else device))
        buffer.seek(0)
        cr.copy_expert("COPY aux_duty_punch_in FROM STDIN WITH (FORMAT csv)", buffer)
        cr.execute("""
            INSERT INTO aux_duty_punch (employee_id, punch_time, device, source,
                import_ref, create_uid, write_uid, create_date, write_date)
            SELECT employee_id, punch_time, NULLIF(device, ''), 'terminal', %s, %s, %s,
                   now() at time zone 'UTC', now() at time zone 'UTC'
              FROM aux_duty_punch_in
            ON CONFLICT (employee_id, punch_time) DO NOTHING""",
                   (filename or None, self.env.uid, self.env.uid))
        inserted = range(cr.rowcount)
        new = len(inserted)
        Punch.invalidate_cache()
        added = 0
        if compute and new:
            local_days = [row[2].date() for row in rows]
            people = self.env["hr.employee"].browse(sorted(set(employees.values())))
            added = self.env["aux.duty.exception"].sudo()._aux_compute(
                fields.Date.to_string(min(local_days)), fields.Date.to_string(max(local_days)),
                employees=people if len(people) < 5000 else None)
        message = _("%(rows)s punches read: %(new)s new, %(known)s already imported; "
                    "%(exceptions)s new exceptions.") % {
            "rows": len(rows), "new": new, "known": len(rows) - new, "exceptions": added}
        return {"new": new, "known": len(rows) - new, "exceptions": added,
                "message": message}
