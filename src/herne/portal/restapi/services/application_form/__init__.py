"""REST @antragsformular: a service's application form, read and submitted like the page."""
