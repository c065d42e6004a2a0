from . import aux_training_session_xlsx
