"""The OpenAPI 3.1 description of herne.portal's REST endpoints (openapi.yaml) and its loader."""

from functools import lru_cache
from pathlib import Path
import yaml


#: The description kept in the repository (docs/openapi.yaml links here).
DESCRIPTION = Path(__file__).with_name("openapi.yaml")


@lru_cache(maxsize=1)
def description_text():
    """The description as written, YAML."""
    return DESCRIPTION.read_text(encoding="utf-8")


def description():
    """The description as a fresh dictionary (callers may change their copy)."""
    return yaml.safe_load(description_text())
