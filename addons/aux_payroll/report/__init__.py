from . import aux_payroll_register_xlsx
from . import aux_bank_transfer_xlsx
from . import aux_payslip_report
