from . import aux_team_composition_report
from . import aux_team_composition_xlsx
