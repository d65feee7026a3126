"""Malformed typed request values (``b_start:int=abc``) are a bad request (400), not a server error."""

from zExceptions import BadRequest
from ZPublisher import Converters


def _refusing_bad_input(converter):
    def convert(value):
        try:
            return converter(value)
        except BadRequest:
            raise
        except Exception as error:  # a converter only parses what the browser sent
            raise BadRequest(str(error)) from error

    convert.binary = getattr(converter, "binary", False)
    convert.refuses_bad_input = True
    return convert


def install():
    """Wrap Zope's request value converters once (they are process-wide, for every site)."""
    for name, converter in list(Converters.type_converters.items()):
        if not getattr(converter, "refuses_bad_input", False):
            Converters.type_converters[name] = _refusing_bad_input(converter)


install()
