"""REST @postausgang: the letters of a clerk's departments to print, and printing a batch."""
