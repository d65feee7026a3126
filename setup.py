"""Installer for the herne.portal package."""

from setuptools import find_namespace_packages
from setuptools import setup


long_description = "\n\n".join(
    [
        open("README.rst", encoding="utf-8").read(),
        open("CHANGES.rst", encoding="utf-8").read(),
    ]
)


setup(
    name="herne.portal",
    version="1.0.0.dev0",
    description="Online service portal of the city of Herne, built on Plone 6.",
    long_description=long_description,
    long_description_content_type="text/x-rst",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Python Plone CMS OZG e-government",
    author="Stadt Herne, Stabsstelle Verwaltungsdigitalisierung",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["herne.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Babel",
        "Products.CMFPlone",
        "plone.api",
        "plone.app.dexterity",
        "plone.app.relationfield",
        "plone.restapi",
        "collective.z3cform.datagridfield",
        "collective.easyform",
        "plone.app.iterate",
        "reportlab",
        # Arabic letters joined and right-to-left lines ordered in the PDFs (pdf_fonts.py).
        "arabic-reshaper",
        "python-bidi",
        "pas.plugins.oidc",
        "segno",
        # NRW public holidays for appointment booking (docs/decisions/0001).
        "holidays",
        # FIT-Connect (issue 21): JWE/JWS for the end-to-end encryption, JSON Schema checks.
        "jwcrypto",
        "jsonschema",
        # The OpenAPI description (issue 21) is YAML, served as YAML and JSON.
        "PyYAML",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "pytest",
            "pytest-plone",
            "zope.testrunner",
            "i18ndude",
            "polib",
            "aiosmtpd",
            "packaging",
            "zxing-cpp",
            "pypdf",
            "playwright",
            # Fuzz tests of every parameter (tests/fuzz).
            "hypothesis",
            # The crash drill on FileStorage (tests/crash): every record of Data.fs loads.
            "zodbverify",
        ],
        # Cluster mode (make start-cluster): ZODB on PostgreSQL. RelStorage's PostgreSQL
        # driver is the psycopg2 module; the binary wheel needs no compiler or libpq-dev.
        "cluster": [
            "RelStorage",
            "psycopg2-binary",
        ],
        # The load test against the cluster (make loadtest), headless locust.
        "load": [
            "locust",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    """,
)
