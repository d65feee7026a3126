"""REST @einwilligung-erneuern: the Digitallotse or the department records a new consent after a withdrawal."""
