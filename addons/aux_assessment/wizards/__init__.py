from . import aux_assessment_generate
from . import aux_assessment_sheet_reopen
from . import aux_discipline_case_revoke
from . import aux_situation_pack
from . import aux_assessment_score
