"""collective.easyform integration: the action that files a submission as an application."""
