"""A city's service catalogue as JSON files: read, checked and created in the site."""
