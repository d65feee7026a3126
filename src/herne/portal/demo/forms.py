"""Demo application forms (collective.easyform models) of the six online services in DOMAIN.md."""

from xml.sax.saxutils import escape


TEXT = "zope.schema.TextLine"
LONGTEXT = "zope.schema.Text"
DATE = "zope.schema.Date"
CHOICE = "zope.schema.Choice"
BOOL = "zope.schema.Bool"
INT = "zope.schema.Int"
FILE = "plone.namedfile.field.NamedBlobFile"

PERSON = [
    ("first_name", TEXT, "Vorname", True, {}),
    ("last_name", TEXT, "Nachname", True, {}),
    ("birth_date", DATE, "Geburtsdatum", True, {"validators": "isPastDate"}),
    ("street", TEXT, "Straße und Hausnummer", True, {}),
    ("postcode", TEXT, "Postleitzahl", True, {"validators": "isGermanPostcode"}),
    ("city", TEXT, "Ort", True, {"default": "Herne"}),
    ("email", TEXT, "E-Mail für Rückfragen", False, {"validators": "isGermanEmail"}),
]
CONSENT = [
    (
        "privacy_consent",
        BOOL,
        "Ich willige ein, dass die Stadt Herne meine Angaben "
        "zur Bearbeitung dieses Antrags verarbeitet.",
        True,
        {"description": "Die Datenschutzhinweise finden Sie auf der Seite der Leistung."},
    ),
]

FORMS = {
    "hundesteuer": [
        (
            "registration_type",
            CHOICE,
            "Was möchten Sie tun?",
            True,
            {"values": ["Hund anmelden", "Hund abmelden"]},
        ),
        *PERSON,
        ("dog_name", TEXT, "Name des Hundes", True, {}),
        ("dog_breed", TEXT, "Rasse", True, {}),
        ("dog_since", DATE, "Hund gehalten seit / abgegeben am", True, {}),
        ("iban", TEXT, "IBAN für den Lastschrifteinzug", False, {"validators": "isIBAN"}),
        (
            "transfer_proof",
            FILE,
            "Nachweis über die Abgabe des Hundes (nur bei Abmeldung)",
            False,
            {},
        ),
        *CONSENT,
    ],
    "reitkennzeichen": [
        *PERSON,
        ("horse_name", TEXT, "Name des Pferdes", True, {}),
        ("horse_birth_year", INT, "Geburtsjahr des Pferdes", False, {}),
        ("horse_colour", TEXT, "Farbe und Abzeichen", False, {}),
        ("iban", TEXT, "IBAN für die Jahresgebühr", True, {"validators": "isIBAN"}),
        *CONSENT,
    ],
    "fuehrungszeugnis": [
        (
            "certificate_kind",
            CHOICE,
            "Art des Führungszeugnisses",
            True,
            {
                "values": [
                    "Privatführungszeugnis",
                    "Erweitertes Führungszeugnis",
                    "Führungszeugnis zur Vorlage bei einer Behörde",
                ]
            },
        ),
        *PERSON,
        ("birth_name", TEXT, "Geburtsname", False, {}),
        ("birth_place", TEXT, "Geburtsort", True, {}),
        ("nationality", TEXT, "Staatsangehörigkeit", True, {"default": "deutsch"}),
        (
            "authority",
            LONGTEXT,
            "Behörde mit Anschrift (nur bei Vorlage bei einer Behörde)",
            False,
            {},
        ),
        ("purpose", TEXT, "Verwendungszweck", False, {}),
        (
            "request_letter",
            FILE,
            "Aufforderungsschreiben der Organisation (nur für das erweiterte Führungszeugnis)",
            False,
            {},
        ),
        *CONSENT,
    ],
    "lebensbescheinigung": [
        *PERSON,
        ("pension_payer", TEXT, "Rentenversicherungsträger oder Versorgungswerk", True, {}),
        ("pension_number", TEXT, "Renten- oder Versicherungsnummer", True, {}),
        *CONSENT,
    ],
    "wohngeld": [
        *PERSON,
        (
            "wohngeld_kind",
            CHOICE,
            "Art des Wohngelds",
            True,
            {"values": ["Mietzuschuss", "Lastenzuschuss"]},
        ),
        ("household_size", INT, "Anzahl der Haushaltsmitglieder (mit Ihnen)", True, {}),
        (
            "household_members",
            LONGTEXT,
            "Weitere Haushaltsmitglieder (je Zeile: Name, Geburtsdatum, Verwandtschaft)",
            False,
            {},
        ),
        ("monthly_rent", TEXT, "Monatliche Miete ohne Heizkosten (Euro)", True, {}),
        ("living_space", TEXT, "Wohnfläche (m²)", True, {}),
        ("iban", TEXT, "IBAN für die Auszahlung", True, {"validators": "isIBAN"}),
        (
            "income_proof",
            FILE,
            "Einkommensnachweise (z. B. Gehaltsabrechnungen der letzten 3 Monate)",
            True,
            {},
        ),
        (
            "rent_certificate",
            FILE,
            "Mietbescheinigung der Vermieterin oder des Vermieters",
            True,
            {},
        ),
        ("id_document", FILE, "Personalausweis (Vorder- und Rückseite)", True, {}),
        *CONSENT,
    ],
    "bewohnerparkausweis": [
        *PERSON,
        (
            "parking_zone",
            CHOICE,
            "Bewohnerparkzone",
            True,
            {"values": ["Zone A – Herne-Mitte", "Zone B – Wanne-Mitte", "Zone C – Eickel"]},
        ),
        ("vehicle_plate", TEXT, "Amtliches Kennzeichen", True, {"validators": "isVehiclePlate"}),
        ("vehicle_registration", FILE, "Fahrzeugschein (Zulassungsbescheinigung Teil I)", True, {}),
        *CONSENT,
    ],
}


def _field(name, field_type, title, required, extra):
    attributes = f'name="{name}" type="{field_type}"'
    if extra.get("validators"):
        attributes = f'easyform:validators="{extra["validators"]}" ' + attributes
    parts = [f"    <field {attributes}>", f"      <title>{escape(title)}</title>"]
    if extra.get("description"):
        parts.append(f"      <description>{escape(extra['description'])}</description>")
    if not required:
        parts.append("      <required>False</required>")
    if extra.get("default"):
        parts.append(f"      <default>{escape(extra['default'])}</default>")
    if extra.get("values"):
        parts.append("      <values>")
        parts.extend(f"        <element>{escape(value)}</element>" for value in extra["values"])
        parts.append("      </values>")
    parts.append("    </field>")
    return "\n".join(parts)


def fields_model(service_id):
    fields = "\n".join(_field(*spec) for spec in FORMS[service_id])
    return (
        '<model xmlns="http://namespaces.plone.org/supermodel/schema"\n'
        '       xmlns:easyform="http://namespaces.plone.org/supermodel/easyform">\n'
        f"  <schema>\n{fields}\n  </schema>\n</model>\n"
    )


ACTIONS_MODEL = """<model xmlns="http://namespaces.plone.org/supermodel/schema">
  <schema>
    <field name="save_application" type="herne.portal.easyform.save_application.SaveApplication">
      <title>Als Antrag speichern</title>
      <consent_field>privacy_consent</consent_field>
      <name_fields>first_name last_name</name_fields>
    </field>
  </schema>
</model>
"""
