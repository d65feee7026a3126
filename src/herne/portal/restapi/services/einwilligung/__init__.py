"""REST @einwilligung-widerrufen: the applicant or the department ends a Digitallotse's consent."""
