from . import test_roster
from . import test_punch_import
from . import test_exception
from . import test_leave
from . import test_payslip
from . import test_security
from . import test_reports
