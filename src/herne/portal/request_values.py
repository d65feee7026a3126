"""Malformed typed request values (``b_start:int=abc``) and forms are a bad request (400), not a server error."""

from zExceptions import BadRequest
from ZPublisher import Converters
from ZPublisher.HTTPRequest import HTTPRequest


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


def _refusing_bad_forms(process_inputs):
    def processInputs(self, *args, **kwargs):
        try:
            return process_inputs(self, *args, **kwargs)
        except BadRequest:
            raise
        except (AttributeError, TypeError, ValueError, KeyError, IndexError) as error:
            # Zope's form parser fails on some mixes it never meant to take
            # (``a:records=1&b:record=x``): the browser sent a malformed form.
            raise BadRequest(f"malformed form: {error}") from error

    processInputs.refuses_bad_input = True
    return processInputs


def install():
    """Wrap Zope's request value converters and form parser once (process-wide, for every site)."""
    for name, converter in list(Converters.type_converters.items()):
        if not getattr(converter, "refuses_bad_input", False):
            Converters.type_converters[name] = _refusing_bad_input(converter)
    if not getattr(HTTPRequest.processInputs, "refuses_bad_input", False):
        HTTPRequest.processInputs = _refusing_bad_forms(HTTPRequest.processInputs)


install()
