"""Demo catalogue of Herne: departments and services (example values, editors own the real ones)."""

DEPARTMENTS = [
    {
        "id": "buergerdienste-herne-mitte",
        "title": "Bürgerdienste Herne-Mitte",
        "description": (
            "Meldeangelegenheiten, Ausweise, Pässe und Bescheinigungen für alle Herner Bürgerinnen "
            "und Bürger im Rathaus Herne."
        ),
        "address": "Rathaus Herne\nFriedrich-Ebert-Platz 2\n44623 Herne",
        "opening_hours": (
            "Mo, Di 8:00–16:00 Uhr\n"
            "Do 8:00–18:00 Uhr\n"
            "Mi, Fr 8:00–12:00 Uhr\n"
            "Termine nach Vereinbarung"
        ),
        "phone": "02323 16-2100",
        "email": "buergerdienste@herne.de",
    },
    {
        "id": "buergerdienste-wanne",
        "title": "Bürgerdienste Wanne",
        "description": (
            "Meldeangelegenheiten, Ausweise, Pässe und Bescheinigungen im Rathaus Wanne; zuständig "
            "für alle Herner Bürgerinnen und Bürger."
        ),
        "address": "Rathaus Wanne\nRathausstraße 6\n44649 Herne",
        "opening_hours": (
            "Mo, Di 8:00–16:00 Uhr\n"
            "Mi 8:00–12:00 Uhr\n"
            "Do 8:00–18:00 Uhr\n"
            "Fr 8:00–12:00 Uhr\n"
            "Termine nach Vereinbarung"
        ),
        "phone": "02323 16-2200",
        "email": "buergerdienste-wanne@herne.de",
    },
    {
        "id": "steuern",
        "title": "Steuern und Abgaben",
        "description": (
            "Der Fachbereich Finanzen erhebt die städtischen Steuern wie Hundesteuer und "
            "Grundsteuer."
        ),
        "address": (
            "Rathaus Herne\n"
            "Fachbereich Finanzen, 2. Obergeschoss\n"
            "Friedrich-Ebert-Platz 2\n"
            "44623 Herne"
        ),
        "opening_hours": "Mo–Do 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr\nTermine nach Vereinbarung",
        "phone": "02323 16-2530",
        "email": "steuern@herne.de",
    },
    {
        "id": "umwelt",
        "title": "Umwelt und Stadtgrün",
        "description": (
            "Zuständig für Naturschutz, Baumschutz, Immissionsschutz, Abfallberatung und die "
            "Reitkennzeichen in Herne."
        ),
        "address": "Technisches Rathaus\nLangekampstraße 36\n44652 Herne",
        "opening_hours": "Mo–Fr 8:30–12:00 Uhr\nDo 14:00–17:00 Uhr\nTermine nach Vereinbarung",
        "phone": "02323 16-3450",
        "email": "umwelt@herne.de",
    },
    {
        "id": "wohngeld",
        "title": "Wohngeld und Wohnberechtigung",
        "description": (
            "Die Wohngeldstelle berät zu Wohngeld und stellt Wohnberechtigungsscheine für "
            "geförderte Wohnungen aus."
        ),
        "address": "Dienstgebäude Freiligrathstraße 12\n1. Obergeschoss\n44623 Herne",
        "opening_hours": (
            "Mo, Di, Fr 8:30–12:00 Uhr\n"
            "Do 8:30–12:00 Uhr und 14:00–17:00 Uhr\n"
            "Mi geschlossen\n"
            "Termine nach Vereinbarung"
        ),
        "phone": "02323 16-2870",
        "email": "wohngeld@herne.de",
    },
    {
        "id": "soziales",
        "title": "Soziales und Teilhabe",
        "description": (
            "Der Fachbereich Soziales ist zuständig für Schwerbehindertenausweise und Leistungen "
            "für Bildung und Teilhabe."
        ),
        "address": "Dienstgebäude Freiligrathstraße 12\nErdgeschoss\n44623 Herne",
        "opening_hours": (
            "Mo, Di, Do, Fr 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr\nTermine nach Vereinbarung"
        ),
        "phone": "02323 16-2820",
        "email": "soziales@herne.de",
    },
    {
        "id": "strassenverkehr",
        "title": "Straßenverkehr und Parken",
        "description": (
            "Die Straßenverkehrsbehörde erteilt Parkausweise, Halteverbote und Erlaubnisse für die "
            "Nutzung öffentlicher Straßen."
        ),
        "address": "Straßenverkehrsamt Herne\nHauptstraße 241\n44649 Herne",
        "opening_hours": (
            "Mo, Di, Fr 7:30–12:30 Uhr\nDo 7:30–12:30 Uhr und 14:00–17:30 Uhr\nMi geschlossen"
        ),
        "phone": "02323 16-3120",
        "email": "strassenverkehr@herne.de",
    },
    {
        "id": "kfz-zulassung",
        "title": "Kfz-Zulassungsstelle",
        "description": (
            "Die Zulassungsstelle lässt Fahrzeuge zu, schreibt sie um und meldet sie ab."
        ),
        "address": "Straßenverkehrsamt Herne\nHauptstraße 241, Erdgeschoss\n44649 Herne",
        "opening_hours": (
            "Mo, Di, Fr 7:30–12:30 Uhr\n"
            "Do 7:30–12:30 Uhr und 14:00–17:30 Uhr\n"
            "Mi geschlossen\n"
            "Nur mit Termin"
        ),
        "phone": "02323 16-3180",
        "email": "zulassungsstelle@herne.de",
    },
    {
        "id": "fahrerlaubnisbehoerde",
        "title": "Fahrerlaubnisbehörde",
        "description": (
            "Die Führerscheinstelle erteilt Fahrerlaubnisse und tauscht alte Führerscheine um."
        ),
        "address": "Straßenverkehrsamt Herne\nHauptstraße 241, 1. Obergeschoss\n44649 Herne",
        "opening_hours": (
            "Mo, Di, Fr 7:30–12:30 Uhr\n"
            "Do 7:30–12:30 Uhr und 14:00–17:30 Uhr\n"
            "Mi geschlossen\n"
            "Nur mit Termin"
        ),
        "phone": "02323 16-3160",
        "email": "fuehrerscheinstelle@herne.de",
    },
    {
        "id": "standesamt",
        "title": "Standesamt",
        "description": (
            "Das Standesamt beurkundet Geburten, Eheschließungen und Sterbefälle und stellt "
            "Personenstandsurkunden aus; Trauungen finden auch im Schloss Strünkede statt."
        ),
        "address": "Rathaus Herne\nStandesamt, Erdgeschoss\nFriedrich-Ebert-Platz 2\n44623 Herne",
        "opening_hours": (
            "Mo, Di, Do 8:00–12:00 Uhr\n"
            "Do 14:00–16:00 Uhr\n"
            "Fr 8:00–12:00 Uhr\n"
            "Anmeldung zur Eheschließung nur mit Termin"
        ),
        "phone": "02323 16-2300",
        "email": "standesamt@herne.de",
    },
    {
        "id": "bauordnung",
        "title": "Bauordnung",
        "description": "Die Bauaufsicht prüft Bauanträge und berät zu Bauvorhaben in Herne.",
        "address": "Technisches Rathaus\nLangekampstraße 36\n44652 Herne",
        "opening_hours": (
            "Di 8:30–12:00 Uhr\n"
            "Do 8:30–12:00 Uhr und 14:00–16:00 Uhr\n"
            "Bauberatung nach Vereinbarung"
        ),
        "phone": "02323 16-3710",
        "email": "bauordnung@herne.de",
    },
    {
        "id": "jugend-familie",
        "title": "Kinder, Jugend und Familie",
        "description": (
            "Der Fachbereich Kinder, Jugend und Familie vermittelt Kita-Plätze, berät Eltern und "
            "beurkundet Vaterschaftsanerkennungen."
        ),
        "address": "Dienstgebäude Bebelstraße 18\n44623 Herne",
        "opening_hours": "Mo–Fr 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr\nTermine nach Vereinbarung",
        "phone": "02323 16-2650",
        "email": "jugendamt@herne.de",
    },
    {
        "id": "ordnungsamt",
        "title": "Gewerbe und öffentliche Ordnung",
        "description": (
            "Das Ordnungsamt nimmt Gewerbeanzeigen entgegen, erteilt Gaststätten- und "
            "Taxigenehmigungen und betreut Veranstaltungen und das Fundbüro."
        ),
        "address": "Dienstgebäude Kirchhofstraße 5\n44623 Herne",
        "opening_hours": (
            "Mo, Di, Do, Fr 8:00–12:00 Uhr\nDo 14:00–16:00 Uhr\nTermine nach Vereinbarung"
        ),
        "phone": "02323 16-2480",
        "email": "ordnungsamt@herne.de",
    },
    {
        "id": "auslaenderbehoerde",
        "title": "Ausländerbehörde",
        "description": (
            "Die Ausländerbehörde erteilt und verlängert Aufenthaltstitel für Menschen aus dem "
            "Ausland."
        ),
        "address": "Dienstgebäude Westring 285\n44629 Herne",
        "opening_hours": "Mo, Di, Do 8:00–12:00 Uhr\nDo 14:00–16:00 Uhr\nNur mit Termin",
        "phone": "02323 16-2410",
        "email": "auslaenderbehoerde@herne.de",
    },
    {
        "id": "gesundheit",
        "title": "Gesundheit",
        "description": (
            "Der Fachbereich Gesundheit berät zu Infektionsschutz, Hygiene und Gesundheitsvorsorge."
        ),
        "address": "Dienstgebäude Rathausstraße 18\n44649 Herne",
        "opening_hours": "Mo–Fr 8:30–12:00 Uhr\nDo 14:00–16:00 Uhr",
        "phone": "02323 16-3540",
        "email": "gesundheit@herne.de",
    },
    {
        "id": "schule",
        "title": "Schule und Weiterbildung",
        "description": (
            "Der Fachbereich Schule ist Schulträger der städtischen Schulen und berät zur "
            "Schulanmeldung."
        ),
        "address": "Kulturzentrum Herne\nBerliner Platz 11\n44623 Herne",
        "opening_hours": "Mo–Fr 8:30–12:00 Uhr\nTermine nach Vereinbarung",
        "phone": "02323 16-2960",
        "email": "schule@herne.de",
    },
    {
        "id": "wahlen",
        "title": "Wahlbüro",
        "description": (
            "Das Wahlbüro organisiert Wahlen in Herne und stellt Wahlscheine für die Briefwahl aus."
        ),
        "address": "Rathaus Herne\nWahlbüro, Raum 112\nFriedrich-Ebert-Platz 2\n44623 Herne",
        "opening_hours": "Mo–Fr 8:00–12:00 Uhr\nVor Wahlen erweiterte Öffnungszeiten",
        "phone": "02323 16-2090",
        "email": "wahlen@herne.de",
    },
]


SERVICES = [
    # ------------------------------------------------------------------
    # Online-Antrag (online_form)
    # ------------------------------------------------------------------
    {
        "id": "hundesteuer",
        "title": "Hundesteuer an- und abmelden",
        "description": (
            "Wer in Herne einen Hund hält, muss ihn innerhalb von zwei Wochen zur Hundesteuer "
            "anmelden. Auch die Abmeldung, etwa nach Abgabe oder Tod des Hundes, erledigen Sie "
            "online."
        ),
        "service_key": "99018005000000",
        "life_situations": ["pets_animals", "taxes_fees"],
        "department": "steuern",
        "prerequisites": (
            "<p>Sie halten einen Hund und wohnen in Herne. Die Anmeldung ist innerhalb von zwei "
            "Wochen nach Aufnahme des Hundes oder nach Ihrem Zuzug nötig.</p>"
            "<p>Für die Abmeldung geben Sie an, seit wann Sie den Hund nicht mehr halten und wohin "
            "er abgegeben wurde.</p>"
        ),
        "required_documents": [
            {
                "name": "Nachweis über die Abgabe des Hundes",
                "note": "nur bei Abmeldung",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "5.00", "purpose": "Ersatz-Hundesteuermarke bei Verlust"}],
        "processing_time": "etwa 2 Wochen",
        "legal_basis": "Hundesteuersatzung der Stadt Herne\nKommunalabgabengesetz NRW (KAG NRW)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": (
            "Fachbereich Finanzen, Steuern und Abgaben, Telefon 02323 16-2530, steuern@herne.de"
        ),
        "plain_language_summary": (
            "Sie haben einen Hund?\n"
            "Dann bezahlen Sie für den Hund eine Steuer an die Stadt.\n"
            "Die Steuer heißt: Hunde-Steuer.\n"
            "Sie melden Ihren Hund bei der Stadt Herne an.\n"
            "Das machen Sie im Internet.\n"
            "Sie haben dafür 2 Wochen Zeit.\n"
            "Die Stadt schickt Ihnen einen Brief und eine Marke für den Hund.\n"
            "Sie haben keinen Hund mehr?\n"
            "Dann melden Sie den Hund ab.\n"
            "Das machen Sie auch im Internet."
        ),
        "subjects": ["Hund", "Steuer", "Hundesteuermarke"],
    },
    {
        "id": "hundesteuerbefreiung",
        "title": "Hundesteuer: Befreiung oder Ermäßigung beantragen",
        "description": (
            "Für Assistenzhunde, Hunde aus dem Tierheim und Menschen mit geringem Einkommen kann "
            "die Hundesteuer ermäßigt oder erlassen werden."
        ),
        "service_key": "99018005012000",
        "life_situations": ["pets_animals", "taxes_fees", "social_benefits"],
        "department": "steuern",
        "prerequisites": (
            "<p>Der Hund ist bei der Stadt Herne zur Hundesteuer angemeldet. Eine Befreiung oder "
            "Ermäßigung ist zum Beispiel möglich für</p>"
            "<ul>"
            "<li>Blindenführhunde und andere Assistenzhunde,</li>"
            "<li>Hunde, die Sie aus einem Tierheim aufgenommen haben (befristet),</li>"
            "<li>Halterinnen und Halter, die Bürgergeld, Sozialhilfe oder Grundsicherung "
            "erhalten.</li></ul><p>Die Vergünstigung gilt ab dem Monat, in dem der Antrag "
            "eingeht.</p>"
        ),
        "required_documents": [
            {
                "name": "Aktueller Leistungsbescheid",
                "note": "bei Bürgergeld, Sozialhilfe oder Grundsicherung",
                "provision": "upload",
            },
            {
                "name": "Nachweis der Ausbildung als Assistenzhund",
                "note": "bei Assistenzhunden",
                "provision": "upload",
            },
            {
                "name": "Übernahmevertrag des Tierheims",
                "note": "bei Hunden aus dem Tierheim",
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 3 Wochen",
        "legal_basis": (
            "Hundesteuersatzung der Stadt Herne (Steuerbefreiungen und Steuerermäßigungen)"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": (
            "Fachbereich Finanzen, Steuern und Abgaben, Telefon 02323 16-2530, steuern@herne.de"
        ),
        "subjects": ["Hund", "Steuer", "Ermäßigung", "Assistenzhund"],
    },
    {
        "id": "reitkennzeichen",
        "title": "Reitkennzeichen beantragen",
        "description": (
            "Wer in Nordrhein-Westfalen in der freien Landschaft reitet, braucht für sein Pferd "
            "ein gültiges Reitkennzeichen. Sie beantragen es online und erhalten die Plakette per "
            "Post."
        ),
        "service_key": "99128004000000",
        "life_situations": ["pets_animals", "leisure_culture"],
        "department": "umwelt",
        "prerequisites": (
            "<p>Sie halten ein Pferd in Herne und möchten damit außerhalb von Reitanlagen in Wald "
            "und Flur reiten.</p>"
            "<p>Das Kennzeichen gilt jeweils für ein Kalenderjahr; die "
            "Reitabgabe wird jährlich fällig. Es muss beim Ausritt gut sichtbar auf beiden Seiten "
            "am Zaumzeug angebracht sein.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "25.00", "purpose": "Jährliche Reitabgabe je Pferd"}],
        "processing_time": "etwa 1 Woche",
        "legal_basis": "§§ 58 und 59 Landesnaturschutzgesetz NRW (LNatSchG NRW)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Untere Naturschutzbehörde, Telefon 02323 16-3450, umwelt@herne.de",
        "subjects": ["Pferd", "Reiten", "Reitabgabe", "Naturschutz"],
    },
    {
        "id": "fuehrungszeugnis",
        "title": "Führungszeugnis beantragen",
        "description": (
            "Das Führungszeugnis zeigt, ob Sie vorbestraft sind. Sie beantragen ein privates, ein "
            "erweitertes oder ein Führungszeugnis zur Vorlage bei einer Behörde online mit Ihrem "
            "eID-Konto."
        ),
        "service_key": "99035001000000",
        "life_situations": ["identity_documents", "work_business"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Sie sind mindestens 14 Jahre alt und in Herne gemeldet. Für den Online-Antrag "
            "melden Sie sich mit einem Servicekonto auf substanziellem Vertrauensniveau an, zum "
            "Beispiel mit der Online-Ausweisfunktion Ihres Personalausweises.</p>"
            "<p>Ein erweitertes Führungszeugnis erhalten Sie nur, wenn eine Stelle es schriftlich "
            "von Ihnen verlangt, etwa für die Arbeit mit Kindern und Jugendlichen.</p>"
            "<p>Das Bundesamt für Justiz schickt das Führungszeugnis per Post an Sie oder direkt "
            "an die Behörde, die es angefordert hat.</p>"
        ),
        "required_documents": [
            {
                "name": "Aufforderungsschreiben der anfordernden Stelle",
                "note": "nur für das erweiterte Führungszeugnis",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "13.00", "purpose": "Gebühr je Führungszeugnis"}],
        "processing_time": "etwa 1 bis 2 Wochen",
        "legal_basis": (
            "§ 30 Bundeszentralregistergesetz (BZRG)\n"
            "§ 30a BZRG (erweitertes Führungszeugnis)\n"
            "Justizverwaltungskostengesetz (JVKostG)"
        ),
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de",
        "subjects": ["Führungszeugnis", "Bundeszentralregister", "Ehrenamt", "Arbeit"],
    },
    {
        "id": "wohngeld",
        "title": "Wohngeld beantragen",
        "description": (
            "Wohngeld ist ein Zuschuss zur Miete oder zu den Kosten für selbst genutztes "
            "Wohneigentum. Sie stellen den Antrag online und laden Ihre Nachweise direkt hoch."
        ),
        "service_key": "99108001000000",
        "life_situations": ["social_benefits", "moving_housing", "retirement_age"],
        "department": "wohngeld",
        "prerequisites": (
            "<p>Sie wohnen in Herne zur Miete oder im eigenen Haus oder in der eigenen Wohnung und "
            "Ihr Einkommen reicht für die Wohnkosten nicht aus. Wer Bürgergeld, Grundsicherung "
            "oder Sozialhilfe erhält, bekommt die Wohnkosten dort und kann kein Wohngeld "
            "erhalten.</p>"
            "<p>Wohngeld gibt es ab dem Monat, in dem Ihr Antrag eingeht. Stellen Sie "
            "den Antrag deshalb frühzeitig, auch wenn noch nicht alle Nachweise vorliegen. Häufig "
            "fordert die Wohngeldstelle weitere Unterlagen nach; diese laden Sie in Ihrem Postkorb "
            "hoch.</p>"
        ),
        "required_documents": [
            {
                "name": "Einkommensnachweise aller Haushaltsmitglieder",
                "note": "zum Beispiel Lohnabrechnungen der letzten 12 Monate, Rentenbescheid",
                "provision": "upload",
            },
            {
                "name": "Mietbescheinigung",
                "note": "vom Vermieter ausgefüllt, Vordruck der Stadt Herne",
                "provision": "upload",
            },
            {"name": "Personalausweis", "note": "Vorder- und Rückseite", "provision": "upload"},
        ],
        "fees": [],
        "processing_time": "etwa 6 bis 8 Wochen",
        "legal_basis": "Wohngeldgesetz (WoGG)\nWohngeldverordnung (WoGV)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Wohngeldstelle, Telefon 02323 16-2870, wohngeld@herne.de",
        "plain_language_summary": (
            "Wohngeld ist Geld für die Miete.\n"
            "Oder Geld für die Kosten von Ihrer eigenen Wohnung.\n"
            "Sie bekommen Wohngeld, wenn Ihr Geld nicht reicht.\n"
            "Sie stellen den Antrag im Internet.\n"
            "Dafür brauchen Sie Ihren Online-Ausweis.\n"
            "Sie schicken Nachweise mit.\n"
            "Zum Beispiel: Ihre Lohn-Abrechnung.\n"
            "Stellen Sie den Antrag früh.\n"
            "Denn es gibt Wohngeld erst ab dem Monat von Ihrem Antrag.\n"
            "Die Stadt schickt Ihnen die Antwort mit der Post."
        ),
        "subjects": ["Wohngeld", "Miete", "Zuschuss", "Lastenzuschuss"],
    },
    {
        "id": "bewohnerparkausweis",
        "title": "Bewohnerparkausweis beantragen",
        "description": (
            "Mit dem Bewohnerparkausweis parken Sie in Ihrer Bewohnerparkzone ohne Parkschein. Sie "
            "beantragen ihn online; der Ausweis kommt per Post."
        ),
        "service_key": "99086011000000",
        "life_situations": ["mobility_traffic", "moving_housing"],
        "department": "strassenverkehr",
        "prerequisites": (
            "<p>Sie sind mit Hauptwohnsitz oder Nebenwohnsitz in einer Bewohnerparkzone in Herne "
            "gemeldet und das Fahrzeug ist auf Sie zugelassen oder Ihnen dauerhaft zur Nutzung "
            "überlassen, etwa als Firmenwagen.</p>"
            "<p>Je Person wird ein Ausweis für ein Fahrzeug "
            "ausgestellt. Er gilt ein Jahr.</p>"
        ),
        "required_documents": [
            {
                "name": "Fahrzeugschein (Zulassungsbescheinigung Teil I)",
                "note": "",
                "provision": "upload",
            },
            {
                "name": "Bestätigung des Arbeitgebers über die Nutzung",
                "note": "nur bei Firmenwagen",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "30.00", "purpose": "Bewohnerparkausweis für ein Jahr"}],
        "processing_time": "etwa 1 Woche",
        "legal_basis": (
            "§ 45 Abs. 1b Satz 1 Nr. 2a Straßenverkehrs-Ordnung (StVO)\n"
            "Gebührensatzung für Bewohnerparkausweise der Stadt Herne"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Straßenverkehrsbehörde, Telefon 02323 16-3120, strassenverkehr@herne.de",
        "subjects": ["Parken", "Anwohnerparken", "Parkausweis", "Auto"],
    },
    {
        "id": "meldebescheinigung",
        "title": "Meldebescheinigung beantragen",
        "description": (
            "Die Meldebescheinigung bestätigt Ihre aktuelle Anschrift, zum Beispiel für den "
            "Arbeitgeber oder eine Behörde. Sie können sie online beantragen und direkt "
            "herunterladen."
        ),
        "service_key": "99115001000000",
        "life_situations": ["identity_documents", "moving_housing"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Sie sind in Herne gemeldet. Eine Meldebescheinigung erhalten Sie nur über sich "
            "selbst; für andere Personen brauchen Sie eine schriftliche Vollmacht.</p>"
            "<p>Die einfache Meldebescheinigung enthält Name, Geburtsdatum und Anschrift; auf "
            "Wunsch stellen wir eine erweiterte Meldebescheinigung mit weiteren Daten aus.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "10.00", "purpose": "Meldebescheinigung"}],
        "processing_time": "sofort nach Bezahlung",
        "legal_basis": "§ 18 Bundesmeldegesetz (BMG)",
        "result_delivery": "download",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de",
        "subjects": ["Meldebescheinigung", "Anschrift", "Wohnsitz"],
    },
    {
        "id": "wohnsitz-abmelden",
        "title": "Wohnsitz abmelden (Wegzug ins Ausland)",
        "description": (
            "Wenn Sie ins Ausland ziehen und in Deutschland keine Wohnung behalten, melden Sie "
            "sich innerhalb von zwei Wochen nach dem Auszug ab. Das geht online."
        ),
        "service_key": "99115006000000",
        "life_situations": ["moving_housing"],
        "department": "buergerdienste-wanne",
        "prerequisites": (
            "<p>Sie ziehen aus Herne ins Ausland oder geben eine Nebenwohnung in Herne auf. Bei "
            "einem Umzug innerhalb Deutschlands müssen Sie sich nicht abmelden; die Anmeldung am "
            "neuen Wohnort genügt.</p>"
            "<p>Die Abmeldung ist frühestens eine Woche vor dem Auszug "
            "möglich.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "etwa 3 Werktage",
        "legal_basis": "§ 17 Abs. 2 Bundesmeldegesetz (BMG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de",
        "subjects": ["Abmeldung", "Wegzug", "Ausland", "Wohnsitz"],
    },
    {
        "id": "auskunftssperre",
        "title": "Auskunftssperre im Melderegister beantragen",
        "description": (
            "Wenn Ihnen durch die Herausgabe Ihrer Anschrift eine Gefahr droht, kann die "
            "Meldebehörde eine Auskunftssperre eintragen. Dann erhalten Dritte keine Auskunft über "
            "Ihre Adresse."
        ),
        "service_key": "99115012000000",
        "life_situations": ["identity_documents", "moving_housing"],
        "department": "buergerdienste-wanne",
        "prerequisites": (
            "<p>Es müssen Tatsachen vorliegen, die annehmen lassen, dass Ihnen oder einer anderen "
            "Person durch eine Melderegisterauskunft eine Gefahr für Leben, Gesundheit, "
            "persönliche Freiheit oder ähnliche schutzwürdige Interessen droht, etwa bei Stalking "
            "oder häuslicher Gewalt.</p>"
            "<p>Die Sperre gilt zwei Jahre und kann auf Antrag "
            "verlängert werden.</p>"
        ),
        "required_documents": [
            {
                "name": "Nachweise über die Gefährdung",
                "note": (
                    "zum Beispiel Strafanzeige, gerichtliche Schutzanordnung oder Stellungnahme "
                    "einer Beratungsstelle"
                ),
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 1 Woche",
        "legal_basis": "§ 51 Bundesmeldegesetz (BMG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de",
        "subjects": ["Auskunftssperre", "Melderegister", "Schutz", "Datenschutz"],
    },
    {
        "id": "uebermittlungssperre",
        "title": "Übermittlungssperre einrichten (Widerspruch gegen Datenweitergabe)",
        "description": (
            "Sie können der Weitergabe Ihrer Meldedaten widersprechen, zum Beispiel an Parteien "
            "vor Wahlen, an Adressbuchverlage, an Religionsgesellschaften oder an die Bundeswehr."
        ),
        "service_key": "99115014000000",
        "life_situations": ["identity_documents"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Sie sind in Herne gemeldet. Eine Begründung ist nicht nötig. Die Sperre gilt, bis "
            "Sie sie widerrufen, und bleibt auch nach einem Umzug innerhalb Hernes bestehen.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "wenige Tage",
        "legal_basis": "§ 36 Abs. 2, § 42 Abs. 3 und § 50 Abs. 5 Bundesmeldegesetz (BMG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de",
        "subjects": ["Übermittlungssperre", "Widerspruch", "Datenschutz", "Meldedaten"],
    },
    {
        "id": "geburtsurkunde",
        "title": "Geburtsurkunde beantragen",
        "description": (
            "Das Standesamt Herne stellt Geburtsurkunden für alle Geburten aus, die in Herne "
            "beurkundet wurden. Sie beantragen die Urkunde online und erhalten sie per Post."
        ),
        "service_key": "99063001000000",
        "life_situations": ["family_children", "identity_documents"],
        "department": "standesamt",
        "prerequisites": (
            "<p>Die Geburt wurde in Herne beurkundet. Urkunden erhalten die Person selbst, ihre "
            "Eltern, Ehegatten, Kinder und Enkel; andere Personen müssen ein rechtliches Interesse "
            "nachweisen.</p>"
        ),
        "required_documents": [
            {
                "name": "Vollmacht",
                "note": "nur wenn Sie die Urkunde für eine andere Person beantragen",
                "provision": "upload",
            },
        ],
        "fees": [
            {"amount": "12.00", "purpose": "Geburtsurkunde"},
            {"amount": "6.00", "purpose": "jede weitere Ausfertigung im selben Antrag"},
        ],
        "processing_time": "etwa 1 Woche",
        "legal_basis": "§§ 55, 59 und 62 Personenstandsgesetz (PStG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Standesamt Herne, Telefon 02323 16-2300, standesamt@herne.de",
        "subjects": ["Geburtsurkunde", "Urkunde", "Standesamt", "Geburt"],
    },
    {
        "id": "sterbeurkunde",
        "title": "Sterbeurkunde beantragen",
        "description": (
            "Nach einem Todesfall brauchen Angehörige Sterbeurkunden, etwa für Rentenversicherung, "
            "Versicherungen und Banken. Weitere Ausfertigungen beantragen Sie online."
        ),
        "service_key": "99063003000000",
        "life_situations": ["death_burial"],
        "department": "standesamt",
        "prerequisites": (
            "<p>Der Sterbefall wurde beim Standesamt Herne beurkundet. In der Regel zeigt das "
            "Bestattungsunternehmen den Sterbefall an und erhält die ersten Urkunden.</p>"
            "<p>Urkunden erhalten Ehegatten, Eltern, Kinder und Enkel der verstorbenen Person; "
            "andere Personen müssen ein rechtliches Interesse nachweisen.</p>"
        ),
        "required_documents": [
            {
                "name": "Nachweis des rechtlichen Interesses",
                "note": "nur wenn Sie nicht zu den nahen Angehörigen gehören",
                "provision": "upload",
            },
        ],
        "fees": [
            {"amount": "12.00", "purpose": "Sterbeurkunde"},
            {"amount": "6.00", "purpose": "jede weitere Ausfertigung im selben Antrag"},
        ],
        "processing_time": "etwa 1 Woche",
        "legal_basis": "§§ 28 bis 31, 55 und 62 Personenstandsgesetz (PStG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Standesamt Herne, Telefon 02323 16-2300, standesamt@herne.de",
        "subjects": ["Sterbeurkunde", "Todesfall", "Standesamt", "Urkunde"],
    },
    {
        "id": "sperrmuell",
        "title": "Sperrmüll zur Abholung anmelden",
        "description": (
            "Möbel und andere sperrige Gegenstände aus Ihrem Haushalt werden nach Anmeldung "
            "abgeholt. Den Abholtermin erhalten Sie nach dem Online-Antrag zum Herunterladen."
        ),
        "service_key": "99001003000000",
        "life_situations": ["environment_waste", "moving_housing"],
        "department": "umwelt",
        "prerequisites": (
            "<p>Sie wohnen in Herne und Ihr Grundstück ist an die städtische Abfallentsorgung "
            "angeschlossen. Bis zu fünf Kubikmeter Sperrmüll je Abholung sind gebührenfrei.</p>"
            "<p>Elektrogeräte, Bauschutt, Autoreifen und Sondermüll gehören nicht in den "
            "Sperrmüll.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "Abholung in der Regel innerhalb von 3 Wochen",
        "legal_basis": "Abfallsatzung der Stadt Herne\nKreislaufwirtschaftsgesetz (KrWG)",
        "result_delivery": "download",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Abfallberatung, Telefon 02323 16-3470, abfallberatung@herne.de",
        "subjects": ["Sperrmüll", "Abfall", "Möbel", "Umzug"],
    },
    {
        "id": "gewerbe-anmelden",
        "title": "Gewerbe anmelden",
        "description": (
            "Wer in Herne ein Gewerbe beginnt, muss es beim Ordnungsamt anmelden. Die "
            "Gewerbeanmeldung erledigen Sie online; die Bestätigung steht danach zum Herunterladen "
            "bereit."
        ),
        "service_key": "99050012104000",
        "life_situations": ["work_business"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Sie beginnen ein Gewerbe, eröffnen eine Zweigniederlassung oder eine "
            "unselbstständige Zweigstelle in Herne. Freie Berufe wie Ärztinnen, Rechtsanwälte oder "
            "Künstlerinnen melden kein Gewerbe an.</p>"
            "<p>Für manche Gewerbe brauchen Sie "
            "zusätzlich eine Erlaubnis, zum Beispiel für Gaststätten mit Alkoholausschank, "
            "Bewachung oder Versicherungsvermittlung.</p>"
        ),
        "required_documents": [
            {
                "name": "Auszug aus dem Handelsregister",
                "note": "nur bei eingetragenen Firmen",
                "provision": "upload",
            },
            {
                "name": "Erlaubnis oder Handwerkskarte",
                "note": "nur bei erlaubnispflichtigen Gewerben und zulassungspflichtigem Handwerk",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "26.00", "purpose": "Gewerbeanmeldung"}],
        "processing_time": "etwa 3 Werktage",
        "legal_basis": "§ 14 Gewerbeordnung (GewO)",
        "result_delivery": "download",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Gewerbeangelegenheiten, Telefon 02323 16-2480, ordnungsamt@herne.de",
        "subjects": ["Gewerbe", "Gewerbeanmeldung", "Selbstständigkeit", "Existenzgründung"],
    },
    {
        "id": "gewerbe-abmelden",
        "title": "Gewerbe abmelden",
        "description": (
            "Wenn Sie Ihr Gewerbe aufgeben oder aus Herne wegverlegen, melden Sie es ab. Die "
            "Abmeldebestätigung erhalten Sie zum Herunterladen."
        ),
        "service_key": "99050012106000",
        "life_situations": ["work_business"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Ihr Gewerbe ist in Herne angemeldet und Sie geben es auf oder verlegen den Betrieb "
            "in eine andere Stadt. Die Abmeldung muss gleichzeitig mit der Aufgabe erfolgen.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "15.00", "purpose": "Gewerbeabmeldung"}],
        "processing_time": "etwa 3 Werktage",
        "legal_basis": "§ 14 Gewerbeordnung (GewO)",
        "result_delivery": "download",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Gewerbeangelegenheiten, Telefon 02323 16-2480, ordnungsamt@herne.de",
        "subjects": ["Gewerbe", "Gewerbeabmeldung", "Betriebsaufgabe"],
    },
    {
        "id": "baugenehmigung",
        "title": "Baugenehmigung beantragen",
        "description": (
            "Für den Bau, die Änderung oder die Nutzungsänderung vieler Gebäude brauchen Sie eine "
            "Baugenehmigung. Ihre Entwurfsverfasserin oder Ihr Entwurfsverfasser reicht den "
            "Bauantrag online ein."
        ),
        "service_key": "99010003000000",
        "life_situations": ["building_property"],
        "department": "bauordnung",
        "prerequisites": (
            "<p>Das Vorhaben ist genehmigungspflichtig und das Grundstück liegt in Herne. Den "
            "Bauantrag muss eine bauvorlageberechtigte Person unterschreiben, etwa eine "
            "Architektin oder ein Bauingenieur.</p>"
            "<p>Nutzen Sie vorab die Bauberatung: Dort "
            "klären Sie, ob Ihr Vorhaben genehmigungsfrei ist und welche Unterlagen nötig sind.</p>"
        ),
        "required_documents": [
            {"name": "Bauantragsformular", "note": "", "provision": "upload"},
            {
                "name": "Lageplan",
                "note": "auf Grundlage der amtlichen Liegenschaftskarte",
                "provision": "upload",
            },
            {"name": "Bauzeichnungen und Baubeschreibung", "note": "", "provision": "upload"},
            {"name": "Standsicherheitsnachweis", "note": "je nach Vorhaben", "provision": "upload"},
        ],
        "fees": [
            {
                "amount": "150.00",
                "purpose": "Mindestgebühr; die Gebühr richtet sich nach den Rohbaukosten",
            },
        ],
        "processing_time": "etwa 6 bis 12 Wochen nach Eingang der vollständigen Unterlagen",
        "legal_basis": (
            "§§ 64, 65 und 70 Bauordnung für das Land Nordrhein-Westfalen (BauO NRW 2018)\n"
            "Allgemeine Verwaltungsgebührenordnung NRW (AVwGebO NRW)"
        ),
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bauordnung, Telefon 02323 16-3710, bauordnung@herne.de",
        "subjects": ["Bauen", "Bauantrag", "Baugenehmigung", "Haus"],
    },
    {
        "id": "kita-platz",
        "title": "Kita-Platz oder Kindertagespflege anmelden",
        "description": (
            "Ihr Kind hat ab dem ersten Geburtstag Anspruch auf einen Platz in einer Kita oder in "
            "der Kindertagespflege. Sie melden Ihren Bedarf online an und wählen Ihre Wunsch-Kitas."
        ),
        "service_key": "99051001000000",
        "life_situations": ["family_children", "school_education"],
        "department": "jugend-familie",
        "prerequisites": (
            "<p>Ihr Kind wohnt in Herne. Melden Sie Ihren Betreuungsbedarf möglichst sechs Monate "
            "vor dem gewünschten Beginn an; die meisten Plätze werden zum 1. August vergeben.</p>"
            "<p>Die Elternbeiträge richten sich nach Ihrem Einkommen und werden gesondert "
            "festgesetzt.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "Zusage in der Regel bis Ende März für das folgende Kita-Jahr",
        "legal_basis": (
            "§ 24 Achtes Buch Sozialgesetzbuch (SGB VIII)\nKinderbildungsgesetz NRW (KiBiz)"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Kita-Service, Telefon 02323 16-2650, jugendamt@herne.de",
        "subjects": ["Kita", "Kindergarten", "Kindertagespflege", "Betreuung"],
    },
    {
        "id": "sondernutzung-strasse",
        "title": "Sondernutzung öffentlicher Straßen beantragen",
        "description": (
            "Wer Gehweg oder Straße mehr als üblich nutzen will, etwa für einen Container, ein "
            "Gerüst, Außengastronomie oder einen Infostand, braucht eine Sondernutzungserlaubnis."
        ),
        "service_key": "99136001000000",
        "life_situations": ["mobility_traffic", "work_business", "building_property"],
        "department": "strassenverkehr",
        "prerequisites": (
            "<p>Stellen Sie den Antrag mindestens zwei Wochen vor Beginn der Nutzung. Geben Sie "
            "Ort, Fläche und Dauer genau an.</p>"
            "<p>Für Container und Gerüste ist zusätzlich eine "
            "verkehrsrechtliche Anordnung nötig; sie wird mit dem Antrag geprüft.</p>"
        ),
        "required_documents": [
            {"name": "Lageskizze mit Maßangaben", "note": "", "provision": "upload"},
        ],
        "fees": [
            {"amount": "50.00", "purpose": "Verwaltungsgebühr"},
            {
                "amount": "2.00",
                "purpose": "Sondernutzungsgebühr je Quadratmeter und Woche (Beispielwert)",
            },
        ],
        "processing_time": "etwa 2 Wochen",
        "legal_basis": (
            "§ 18 Straßen- und Wegegesetz NRW (StrWG NRW)\nSondernutzungssatzung der Stadt Herne"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Straßenverkehrsbehörde, Telefon 02323 16-3120, strassenverkehr@herne.de",
        "subjects": ["Sondernutzung", "Gehweg", "Container", "Gerüst", "Außengastronomie"],
    },
    {
        "id": "halteverbot-umzug",
        "title": "Halteverbot für einen Umzug beantragen",
        "description": (
            "Für Ihren Umzugswagen können Sie vor der Haustür eine vorübergehende Halteverbotszone "
            "einrichten lassen. Den Antrag stellen Sie online."
        ),
        "service_key": "99086021000000",
        "life_situations": ["moving_housing", "mobility_traffic"],
        "department": "strassenverkehr",
        "prerequisites": (
            "<p>Stellen Sie den Antrag mindestens zwei Wochen vor dem Umzugstag. Die Schilder "
            "müssen spätestens 72 Stunden vorher aufgestellt werden, zum Beispiel von einem "
            "Verleihunternehmen.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "55.00", "purpose": "Verkehrsrechtliche Anordnung"}],
        "processing_time": "etwa 1 Woche",
        "legal_basis": "§ 45 Abs. 1 und 6 Straßenverkehrs-Ordnung (StVO)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Straßenverkehrsbehörde, Telefon 02323 16-3120, strassenverkehr@herne.de",
        "subjects": ["Umzug", "Halteverbot", "Parken"],
    },
    {
        "id": "laermbeschwerde",
        "title": "Lärmbeschwerde einreichen",
        "description": (
            "Wenn Sie dauerhaft durch Lärm aus Gewerbebetrieben, Baustellen oder Anlagen gestört "
            "werden, können Sie sich online beschweren. Die Stadt prüft den Fall und informiert "
            "Sie über das Ergebnis."
        ),
        "service_key": "99121002000000",
        "life_situations": ["environment_waste", "health"],
        "department": "umwelt",
        "prerequisites": (
            "<p>Beschreiben Sie möglichst genau, woher der Lärm kommt, zu welchen Zeiten er "
            "auftritt und wie lange schon. Ein Lärmprotokoll hilft bei der Prüfung.</p>"
            "<p>Bei akuter nächtlicher Ruhestörung wenden Sie sich an die Polizei unter 110.</p>"
        ),
        "required_documents": [
            {
                "name": "Lärmprotokoll",
                "note": "freiwillig, Vorlage auf der Seite der Stadt",
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 4 Wochen",
        "legal_basis": (
            "Landesimmissionsschutzgesetz NRW (LImschG)\nBundes-Immissionsschutzgesetz (BImSchG)"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Immissionsschutz, Telefon 02323 16-3460, umwelt@herne.de",
        "subjects": ["Lärm", "Beschwerde", "Ruhestörung", "Immissionsschutz"],
    },
    {
        "id": "baumfaellgenehmigung",
        "title": "Baumfällgenehmigung beantragen",
        "description": (
            "Geschützte Bäume auf Privatgrundstücken dürfen Sie nur mit Genehmigung fällen oder "
            "stark zurückschneiden. Den Antrag stellen Sie online mit Fotos des Baumes."
        ),
        "service_key": "99123005000000",
        "life_situations": ["environment_waste", "building_property"],
        "department": "umwelt",
        "prerequisites": (
            "<p>Sie sind Eigentümerin oder Eigentümer des Grundstücks oder haben deren "
            "Einverständnis. Geschützt sind nach der Baumschutzsatzung vor allem Laubbäume mit "
            "einem Stammumfang ab 80 Zentimetern, gemessen in einem Meter Höhe.</p>"
            "<p>Vom 1. März bis 30. September dürfen Bäume wegen der Brutzeit grundsätzlich nicht "
            "gefällt werden.</p>"
        ),
        "required_documents": [
            {"name": "Fotos des Baumes", "note": "", "provision": "upload"},
            {"name": "Lageplan mit Standort des Baumes", "note": "", "provision": "upload"},
            {
                "name": "Einverständnis der Eigentümerin oder des Eigentümers",
                "note": "nur wenn Sie nicht selbst Eigentümer sind",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "40.00", "purpose": "Bearbeitungsgebühr je Antrag"}],
        "processing_time": "etwa 4 Wochen",
        "legal_basis": (
            "Baumschutzsatzung der Stadt Herne\n§ 39 Abs. 5 Bundesnaturschutzgesetz (BNatSchG)"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Untere Naturschutzbehörde, Telefon 02323 16-3450, umwelt@herne.de",
        "subjects": ["Baum", "Baumschutz", "Fällung", "Garten"],
    },
    {
        "id": "veranstaltung-anmelden",
        "title": "Veranstaltung im Freien anmelden",
        "description": (
            "Straßenfeste, Flohmärkte, Konzerte und andere Veranstaltungen im Freien müssen Sie "
            "beim Ordnungsamt anmelden. Das Ordnungsamt beteiligt Feuerwehr, Polizei und "
            "Straßenverkehrsbehörde."
        ),
        "service_key": "99072002000000",
        "life_situations": ["leisure_culture", "work_business"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Melden Sie die Veranstaltung mindestens sechs Wochen vorher an, bei "
            "Großveranstaltungen mit mehr als 5.000 Besucherinnen und Besuchern mindestens drei "
            "Monate vorher.</p>"
            "<p>Für den Ausschank von Alkohol ist zusätzlich eine Gestattung "
            "nötig.</p>"
        ),
        "required_documents": [
            {"name": "Lageplan der Veranstaltungsfläche", "note": "", "provision": "upload"},
            {
                "name": "Sicherheitskonzept",
                "note": "nur bei Großveranstaltungen",
                "provision": "upload",
            },
            {
                "name": "Nachweis der Veranstalterhaftpflichtversicherung",
                "note": "",
                "provision": "upload",
            },
        ],
        "fees": [
            {"amount": "35.00", "purpose": "Bearbeitungsgebühr (je nach Aufwand bis 500,00 Euro)"},
        ],
        "processing_time": "etwa 4 Wochen",
        "legal_basis": (
            "Ordnungsbehördengesetz NRW (OBG NRW)\n"
            "§ 29 Abs. 2 Straßenverkehrs-Ordnung (StVO)\n"
            "Landesimmissionsschutzgesetz NRW (LImschG)"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Ordnungsamt, Veranstaltungen, Telefon 02323 16-2490, ordnungsamt@herne.de",
        "subjects": ["Veranstaltung", "Straßenfest", "Flohmarkt", "Konzert"],
    },
    {
        "id": "schwerbehindertenausweis",
        "title": "Schwerbehindertenausweis und Grad der Behinderung beantragen",
        "description": (
            "Die Stadt Herne stellt den Grad der Behinderung fest und stellt ab einem Grad von 50 "
            "einen Schwerbehindertenausweis aus. Den Antrag stellen Sie online und laden ärztliche "
            "Unterlagen hoch."
        ),
        "service_key": "99134001000000",
        "life_situations": ["health", "social_benefits", "retirement_age"],
        "department": "soziales",
        "prerequisites": (
            "<p>Sie wohnen in Herne und haben eine gesundheitliche Beeinträchtigung, die "
            "voraussichtlich länger als sechs Monate andauert.</p>"
            "<p>Nennen Sie im Antrag Ihre behandelnden Ärztinnen und Ärzte; wir holen dort mit "
            "Ihrem Einverständnis Befundberichte ein.</p>"
        ),
        "required_documents": [
            {
                "name": "Aktuelle ärztliche Befunde und Krankenhausberichte",
                "note": "nicht älter als zwei Jahre",
                "provision": "upload",
            },
            {
                "name": "Digitales Passfoto",
                "note": "erst ab einem Grad der Behinderung von 50 und ab dem 10. Lebensjahr",
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 3 bis 4 Monate",
        "legal_basis": (
            "§ 152 Neuntes Buch Sozialgesetzbuch (SGB IX)\n"
            "Schwerbehindertenausweisverordnung (SchwbAwV)"
        ),
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Schwerbehindertenrecht, Telefon 02323 16-2820, soziales@herne.de",
        "subjects": ["Schwerbehinderung", "Behinderung", "Ausweis", "Nachteilsausgleich"],
    },
    {
        "id": "wohnberechtigungsschein",
        "title": "Wohnberechtigungsschein beantragen",
        "description": (
            "Für eine öffentlich geförderte Wohnung brauchen Sie einen Wohnberechtigungsschein "
            "(WBS). Sie beantragen ihn online; der Schein kommt per Post."
        ),
        "service_key": "99140001000000",
        "life_situations": ["moving_housing", "social_benefits"],
        "department": "wohngeld",
        "prerequisites": (
            "<p>Ihr Haushaltseinkommen liegt unter den Einkommensgrenzen des Landes "
            "Nordrhein-Westfalen. Alle Personen, die mit Ihnen einziehen, werden im Antrag "
            "angegeben.</p>"
            "<p>Der Wohnberechtigungsschein gilt ein Jahr und in ganz "
            "Nordrhein-Westfalen.</p>"
        ),
        "required_documents": [
            {
                "name": "Einkommensnachweise aller Haushaltsmitglieder",
                "note": "der letzten 12 Monate",
                "provision": "upload",
            },
            {
                "name": "Personalausweis oder Aufenthaltstitel",
                "note": "aller volljährigen Haushaltsmitglieder",
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 3 Wochen",
        "legal_basis": (
            "§ 18 Gesetz zur Förderung und Nutzung von Wohnraum für das Land NRW (WFNG NRW)"
        ),
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Wohngeldstelle, Wohnberechtigung, Telefon 02323 16-2880, wohngeld@herne.de",
        "subjects": ["Wohnberechtigungsschein", "WBS", "Sozialwohnung", "Wohnen"],
    },
    {
        "id": "bildung-und-teilhabe",
        "title": "Leistungen für Bildung und Teilhabe beantragen",
        "description": (
            "Kinder aus Familien mit geringem Einkommen erhalten Zuschüsse für Schulausflüge, "
            "Mittagessen, Nachhilfe, Schulbedarf sowie Sport und Musik im Verein."
        ),
        "service_key": "99105001000000",
        "life_situations": ["social_benefits", "family_children", "school_education"],
        "department": "soziales",
        "prerequisites": (
            "<p>Ihre Familie erhält Wohngeld, Kinderzuschlag, Sozialhilfe oder Leistungen nach dem "
            "Asylbewerberleistungsgesetz. Wer Bürgergeld erhält, wendet sich an das Jobcenter "
            "Herne.</p>"
            "<p>Die Kinder und Jugendlichen sind jünger als 25 Jahre und besuchen eine "
            "allgemein- oder berufsbildende Schule oder eine Kita.</p>"
        ),
        "required_documents": [
            {
                "name": "Aktueller Bescheid über Wohngeld, Kinderzuschlag oder Sozialhilfe",
                "note": "",
                "provision": "upload",
            },
            {
                "name": "Bestätigung der Schule oder Kita",
                "note": "bei Ausflügen, Klassenfahrten und Nachhilfe",
                "provision": "upload",
            },
        ],
        "fees": [],
        "processing_time": "etwa 3 Wochen",
        "legal_basis": (
            "§ 6b Bundeskindergeldgesetz (BKGG)\n"
            "§§ 34 bis 34b Zwölftes Buch Sozialgesetzbuch (SGB "
            "XII)"
        ),
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Bildung und Teilhabe, Telefon 02323 16-2830, soziales@herne.de",
        "subjects": ["Bildung und Teilhabe", "BuT", "Schule", "Zuschuss", "Kinder"],
    },
    {
        "id": "kfz-umschreibung",
        "title": "Fahrzeug nach Umzug ummelden (Adressänderung)",
        "description": (
            "Nach einem Umzug innerhalb Hernes oder nach Herne müssen Sie die neue Anschrift in "
            "den Fahrzeugpapieren eintragen lassen. Mit dem Online-Ausweis erledigen Sie das "
            "internetbasiert."
        ),
        "service_key": "99036004000000",
        "life_situations": ["mobility_traffic", "moving_housing"],
        "department": "kfz-zulassung",
        "prerequisites": (
            "<p>Sie haben Ihren neuen Wohnsitz bereits angemeldet. Für die Online-Zulassung "
            "brauchen Sie einen Personalausweis mit Online-Ausweisfunktion und die "
            "Zulassungsbescheinigung Teil I mit freigelegtem Sicherheitscode.</p>"
            "<p>Bei einem Zuzug aus einem anderen Zulassungsbezirk können Sie Ihr bisheriges "
            "Kennzeichen behalten.</p>"
        ),
        "required_documents": [
            {
                "name": "Zulassungsbescheinigung Teil I (Fahrzeugschein)",
                "note": "mit Sicherheitscode",
                "provision": "upload",
            },
        ],
        "fees": [{"amount": "10.80", "purpose": "Adressänderung in der Zulassungsbescheinigung"}],
        "processing_time": "wenige Tage",
        "legal_basis": (
            "Fahrzeug-Zulassungsverordnung (FZV)\n"
            "Gebührenordnung für Maßnahmen im Straßenverkehr "
            "(GebOSt)"
        ),
        "result_delivery": "post",
        "trust_level": "high",
        "online_availability": "online_form",
        "contact": "Kfz-Zulassungsstelle, Telefon 02323 16-3180, zulassungsstelle@herne.de",
        "subjects": ["Kfz", "Auto", "Umzug", "Zulassung", "i-Kfz"],
    },
    {
        "id": "kfz-abmeldung",
        "title": "Fahrzeug abmelden (Außerbetriebsetzung)",
        "description": (
            "Sie können Ihr Fahrzeug online außer Betrieb setzen. Die Bestätigung für Versicherung "
            "und Kfz-Steuer erhalten Sie zum Herunterladen."
        ),
        "service_key": "99036002000000",
        "life_situations": ["mobility_traffic"],
        "department": "kfz-zulassung",
        "prerequisites": (
            "<p>Das Fahrzeug wurde ab dem 1. Januar 2015 zugelassen, die Kennzeichenschilder "
            "tragen Stempelplaketten mit verdecktem Sicherheitscode und die "
            "Zulassungsbescheinigung Teil I hat einen Sicherheitscode.</p>"
            "<p>Für die Anmeldung brauchen Sie die Online-Ausweisfunktion Ihres "
            "Personalausweises.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "5.70", "purpose": "Außerbetriebsetzung (online)"}],
        "processing_time": "sofort",
        "legal_basis": (
            "§ 14 Fahrzeug-Zulassungsverordnung (FZV)\n"
            "Gebührenordnung für Maßnahmen im "
            "Straßenverkehr (GebOSt)"
        ),
        "result_delivery": "download",
        "trust_level": "high",
        "online_availability": "online_form",
        "contact": "Kfz-Zulassungsstelle, Telefon 02323 16-3180, zulassungsstelle@herne.de",
        "subjects": ["Kfz", "Auto", "Abmeldung", "Außerbetriebsetzung", "i-Kfz"],
    },
    {
        "id": "briefwahl",
        "title": "Briefwahl beantragen (Wahlschein)",
        "description": (
            "Wenn Sie nicht im Wahllokal wählen möchten, beantragen Sie online einen Wahlschein "
            "mit Briefwahlunterlagen. Die Unterlagen kommen per Post."
        ),
        "service_key": "99142001000000",
        "life_situations": ["leisure_culture", "retirement_age"],
        "department": "wahlen",
        "prerequisites": (
            "<p>Sie sind in Herne wahlberechtigt und im Wählerverzeichnis eingetragen. Die Angaben "
            "Ihrer Wahlbenachrichtigung helfen beim Ausfüllen; eine Anmeldung mit Benutzerkonto "
            "ist nicht nötig.</p>"
            "<p>Der Online-Antrag ist bis zum zweiten Tag vor der Wahl, 18:00 "
            "Uhr, möglich. Der Wahlbrief muss spätestens am Wahltag um 18:00 Uhr beim Wahlbüro "
            "eingehen.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "wenige Tage",
        "legal_basis": (
            "Bundeswahlordnung (BWO), Europawahlordnung (EuWO) und Kommunalwahlordnung NRW "
            "(KWahlO), je nach Wahl"
        ),
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "online_form",
        "contact": "Wahlbüro, Telefon 02323 16-2090, wahlen@herne.de",
        "subjects": ["Wahl", "Briefwahl", "Wahlschein"],
    },
    {
        "id": "infektionsschutzbelehrung",
        "title": "Belehrung nach dem Infektionsschutzgesetz",
        "description": (
            "Wer gewerbsmäßig mit Lebensmitteln arbeitet, braucht vor Arbeitsbeginn eine Belehrung "
            "des Gesundheitsamts. Sie nehmen online teil und laden die Bescheinigung herunter."
        ),
        "service_key": "99044001000000",
        "life_situations": ["health", "work_business"],
        "department": "gesundheit",
        "prerequisites": (
            "<p>Sie beginnen eine Tätigkeit, bei der Sie mit Lebensmitteln in Berührung kommen, "
            "zum Beispiel in Gastronomie, Bäckerei oder Gemeinschaftsverpflegung.</p>"
            "<p>Sie verstehen die Belehrung auf Deutsch oder in einer der angebotenen Sprachen. "
            "Die Bescheinigung darf bei Arbeitsbeginn nicht älter als drei Monate sein.</p>"
        ),
        "required_documents": [],
        "fees": [{"amount": "25.00", "purpose": "Belehrung und Bescheinigung"}],
        "processing_time": "sofort nach der Online-Belehrung",
        "legal_basis": "§ 43 Infektionsschutzgesetz (IfSG)",
        "result_delivery": "download",
        "trust_level": "basic",
        "online_availability": "online_form",
        "contact": "Fachbereich Gesundheit, Telefon 02323 16-3540, gesundheit@herne.de",
        "subjects": ["Gesundheitszeugnis", "Infektionsschutz", "Lebensmittel", "Gastronomie"],
    },
    {
        "id": "taxi-genehmigung",
        "title": "Genehmigung für Taxiverkehr beantragen",
        "description": (
            "Wer in Herne ein Taxiunternehmen betreiben will, braucht für jedes Taxi eine "
            "Genehmigung. Den Antrag stellen Sie online mit den nötigen Nachweisen."
        ),
        "service_key": "99089003000000",
        "life_situations": ["work_business", "mobility_traffic"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Sie sind zuverlässig, fachlich geeignet und Ihr Betrieb ist finanziell "
            "leistungsfähig. Die fachliche Eignung weisen Sie mit der Fachkundeprüfung der IHK "
            "nach.</p>"
            "<p>Die Zahl der Taxigenehmigungen in Herne ist begrenzt; neue Anträge kommen "
            "auf eine Vormerkliste.</p>"
        ),
        "required_documents": [
            {"name": "Fachkundenachweis der IHK", "note": "", "provision": "upload"},
            {
                "name": "Führungszeugnis zur Vorlage bei einer Behörde",
                "note": "wird direkt an die Stadt geschickt",
                "provision": "none",
            },
            {
                "name": (
                    "Unbedenklichkeitsbescheinigungen von Finanzamt, Krankenkasse und "
                    "Berufsgenossenschaft"
                ),
                "note": "",
                "provision": "upload",
            },
            {"name": "Eigenkapitalbescheinigung", "note": "", "provision": "upload"},
        ],
        "fees": [{"amount": "250.00", "purpose": "Erteilung der Genehmigung je Fahrzeug"}],
        "processing_time": "etwa 3 Monate",
        "legal_basis": "§§ 2, 13 und 47 Personenbeförderungsgesetz (PBefG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form",
        "contact": "Gewerbeangelegenheiten, Telefon 02323 16-2480, ordnungsamt@herne.de",
        "subjects": ["Taxi", "Personenbeförderung", "Gewerbe"],
    },
    # ------------------------------------------------------------------
    # Online-Antrag, Originale vor Ort vorzeigen (online_form_originals)
    # ------------------------------------------------------------------
    {
        "id": "lebensbescheinigung",
        "title": "Lebensbescheinigung für den Rentenversicherungsträger",
        "description": (
            "Viele Rentenversicherungsträger, besonders im Ausland, verlangen regelmäßig eine "
            "amtliche Lebensbescheinigung. Sie beantragen sie online und zeigen den "
            "Original-Vordruck kurz vor Ort vor."
        ),
        "service_key": "99115003000000",
        "life_situations": ["retirement_age", "identity_documents"],
        "department": "buergerdienste-wanne",
        "prerequisites": (
            "<p>Sie sind in Herne gemeldet und haben von Ihrem Rentenversicherungsträger einen "
            "Vordruck erhalten, den eine Behörde bestätigen muss.</p>"
            "<p>Nach dem Online-Antrag bringen Sie den Original-Vordruck und Ihren Ausweis kurz in "
            "den Bürgerdiensten vorbei. Wir stempeln den Vordruck und schicken ihn per Post an Sie "
            "zurück. Hilfe beim Online-Antrag bekommen Sie auch in den Seniorentreffs.</p>"
        ),
        "required_documents": [
            {
                "name": "Original-Vordruck des Rentenversicherungsträgers",
                "note": "",
                "provision": "original",
            },
            {"name": "Personalausweis oder Reisepass", "note": "", "provision": "original"},
        ],
        "fees": [],
        "processing_time": "etwa 1 Woche nach Vorlage des Vordrucks",
        "legal_basis": (
            "Bundesmeldegesetz (BMG)\nAnforderung des jeweiligen Rentenversicherungsträgers"
        ),
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form_originals",
        "contact": "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de",
        "subjects": ["Rente", "Lebensbescheinigung", "Senioren", "Ausland"],
    },
    {
        "id": "fischereischein",
        "title": "Fischereischein beantragen",
        "description": (
            "Zum Angeln in Nordrhein-Westfalen brauchen Sie einen Fischereischein. Sie beantragen "
            "ihn online und zeigen das Zeugnis über die Fischerprüfung im Original vor."
        ),
        "service_key": "99025001000000",
        "life_situations": ["leisure_culture", "pets_animals"],
        "department": "umwelt",
        "prerequisites": (
            "<p>Sie wohnen in Herne, sind mindestens 10 Jahre alt und haben die Fischerprüfung "
            "bestanden. Für die Verlängerung eines Fischereischeins ist keine neue Prüfung "
            "nötig.</p>"
            "<p>Zusätzlich zum Fischereischein brauchen Sie die Erlaubnis des "
            "Fischereirechtsinhabers für das jeweilige Gewässer.</p>"
        ),
        "required_documents": [
            {
                "name": "Zeugnis über die bestandene Fischerprüfung",
                "note": "nur beim ersten Fischereischein",
                "provision": "original",
            },
            {
                "name": "Bisheriger Fischereischein",
                "note": "nur bei Verlängerung",
                "provision": "original",
            },
            {"name": "Digitales Passfoto", "note": "", "provision": "upload"},
        ],
        "fees": [
            {"amount": "32.00", "purpose": "Fischereischein für fünf Jahre"},
            {"amount": "30.00", "purpose": "Fischereiabgabe für fünf Jahre"},
        ],
        "processing_time": "etwa 1 Woche nach Vorlage der Originale",
        "legal_basis": "§§ 31 ff. Landesfischereigesetz NRW (LFischG NRW)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form_originals",
        "contact": "Untere Fischereibehörde, Telefon 02323 16-3455, umwelt@herne.de",
        "subjects": ["Angeln", "Fischereischein", "Fischerprüfung", "Freizeit"],
    },
    {
        "id": "parkausweis-behinderung",
        "title": "Parkausweis für Menschen mit Behinderung beantragen",
        "description": (
            "Mit dem blauen EU-Parkausweis dürfen Menschen mit außergewöhnlicher Gehbehinderung "
            "und blinde Menschen auf Behindertenparkplätzen parken. Sie beantragen ihn online und "
            "zeigen den Schwerbehindertenausweis im Original vor."
        ),
        "service_key": "99086013000000",
        "life_situations": ["mobility_traffic", "health"],
        "department": "strassenverkehr",
        "prerequisites": (
            "<p>In Ihrem Schwerbehindertenausweis ist das Merkzeichen aG (außergewöhnliche "
            "Gehbehinderung) oder Bl (blind) eingetragen. Für andere Gruppen gibt es in "
            "Nordrhein-Westfalen eine Parkerleichterung mit eigenem Ausweis.</p>"
            "<p>Bei der Vorlage der Originale erhalten Sie Ihren alten Ausweis sofort zurück; der "
            "neue Parkausweis kommt per Post.</p>"
        ),
        "required_documents": [
            {
                "name": "Schwerbehindertenausweis",
                "note": "mit Merkzeichen aG oder Bl",
                "provision": "original",
            },
            {"name": "Digitales Passfoto", "note": "", "provision": "upload"},
        ],
        "fees": [],
        "processing_time": "etwa 2 Wochen",
        "legal_basis": "§ 46 Abs. 1 Nr. 11 Straßenverkehrs-Ordnung (StVO)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form_originals",
        "contact": "Straßenverkehrsbehörde, Telefon 02323 16-3120, strassenverkehr@herne.de",
        "subjects": ["Parken", "Behinderung", "Parkausweis", "Schwerbehinderung"],
    },
    {
        "id": "personenbefoerderungsschein",
        "title": "Fahrerlaubnis zur Fahrgastbeförderung (P-Schein) beantragen",
        "description": (
            "Wer Fahrgäste im Taxi, Mietwagen oder Krankenwagen befördert, braucht zusätzlich zum "
            "Führerschein eine Fahrerlaubnis zur Fahrgastbeförderung. Sie beantragen sie online "
            "und legen Originale vor."
        ),
        "service_key": "99028013000000",
        "life_situations": ["work_business", "mobility_traffic"],
        "department": "fahrerlaubnisbehoerde",
        "prerequisites": (
            "<p>Sie sind mindestens 21 Jahre alt und haben seit mindestens zwei Jahren die "
            "Fahrerlaubnis der Klasse B. Sie erfüllen die gesundheitlichen Anforderungen und sind "
            "zuverlässig.</p>"
        ),
        "required_documents": [
            {"name": "Führerschein", "note": "", "provision": "original"},
            {
                "name": "Ärztliches Gutachten und Sehtest",
                "note": "nicht älter als ein Jahr",
                "provision": "original",
            },
            {
                "name": "Führungszeugnis zur Vorlage bei einer Behörde",
                "note": "wird direkt an die Fahrerlaubnisbehörde geschickt",
                "provision": "none",
            },
            {"name": "Digitales Passfoto", "note": "", "provision": "upload"},
        ],
        "fees": [
            {"amount": "42.60", "purpose": "Erteilung der Fahrerlaubnis zur Fahrgastbeförderung"},
        ],
        "processing_time": "etwa 4 Wochen",
        "legal_basis": "§ 48 Fahrerlaubnis-Verordnung (FeV)",
        "result_delivery": "post",
        "trust_level": "basic",
        "online_availability": "online_form_originals",
        "contact": "Fahrerlaubnisbehörde, Telefon 02323 16-3160, fuehrerscheinstelle@herne.de",
        "subjects": ["Taxi", "P-Schein", "Fahrgastbeförderung", "Führerschein"],
    },
    {
        "id": "gaststaettenerlaubnis",
        "title": "Gaststättenerlaubnis beantragen",
        "description": (
            "Wer in einer Gaststätte alkoholische Getränke ausschenkt, braucht eine "
            "Gaststättenerlaubnis. Sie stellen den Antrag online und legen einzelne Nachweise im "
            "Original vor."
        ),
        "service_key": "99041001000000",
        "life_situations": ["work_business"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Sie sind zuverlässig, die Räume sind für den Betrieb geeignet und baurechtlich "
            "genehmigt. Sie haben an der Unterrichtung über lebensmittelrechtliche Vorschriften "
            "bei der IHK teilgenommen.</p>"
            "<p>Für einen vorübergehenden Ausschank, etwa bei einem "
            "Straßenfest, genügt eine Gestattung.</p>"
        ),
        "required_documents": [
            {"name": "Unterrichtungsnachweis der IHK", "note": "", "provision": "original"},
            {"name": "Miet- oder Pachtvertrag", "note": "", "provision": "upload"},
            {"name": "Grundriss der Betriebsräume", "note": "", "provision": "upload"},
            {
                "name": "Führungszeugnis zur Vorlage bei einer Behörde",
                "note": "wird direkt an die Stadt geschickt",
                "provision": "none",
            },
        ],
        "fees": [
            {
                "amount": "300.00",
                "purpose": "Gaststättenerlaubnis (je nach Betriebsgröße bis 1.500,00 Euro)",
            },
            {"amount": "50.00", "purpose": "Gestattung für einen vorübergehenden Ausschank"},
        ],
        "processing_time": "etwa 6 Wochen",
        "legal_basis": "§§ 2, 4 und 12 Gaststättengesetz (GastG)",
        "result_delivery": "post",
        "trust_level": "substantial",
        "online_availability": "online_form_originals",
        "contact": "Gewerbeangelegenheiten, Telefon 02323 16-2480, ordnungsamt@herne.de",
        "subjects": ["Gaststätte", "Gastronomie", "Ausschank", "Gewerbe"],
    },
    # ------------------------------------------------------------------
    # Nur vor Ort mit Termin (on_site_only)
    # ------------------------------------------------------------------
    {
        "id": "personalausweis",
        "title": "Personalausweis beantragen",
        "description": (
            "Den Personalausweis beantragen Sie persönlich mit Termin in den Bürgerdiensten "
            "Herne-Mitte oder Wanne. Abholen müssen Sie ihn ebenfalls persönlich."
        ),
        "service_key": "99102010001000",
        "life_situations": ["identity_documents"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Sie sind Deutsche oder Deutscher und in Herne gemeldet. Ab 16 Jahren sind Sie "
            "verpflichtet, einen gültigen Personalausweis oder Reisepass zu besitzen.</p>"
            "<p>Für den Antrag werden Ihre Fingerabdrücke erfasst; deshalb müssen Sie persönlich "
            "kommen. Kinder unter 16 Jahren kommen mit allen Sorgeberechtigten oder mit einer "
            "Vollmacht.</p>"
            "<p>Seit Mai 2025 werden nur noch digitale Passfotos angenommen. Sie "
            "können das Foto auch direkt bei uns aufnehmen lassen.</p>"
        ),
        "required_documents": [
            {
                "name": "Biometrisches Passfoto",
                "note": "digital vom zertifizierten Fotostudio oder im Bürgerbüro aufgenommen",
                "provision": "original",
            },
            {
                "name": "Bisheriger Personalausweis oder Reisepass",
                "note": "",
                "provision": "original",
            },
            {
                "name": "Geburtsurkunde",
                "note": "nur beim ersten Ausweis oder wenn kein gültiges Dokument vorliegt",
                "provision": "original",
            },
        ],
        "fees": [
            {"amount": "46.00", "purpose": "Personalausweis ab 24 Jahren (10 Jahre gültig)"},
            {"amount": "27.60", "purpose": "Personalausweis unter 24 Jahren (6 Jahre gültig)"},
            {"amount": "10.00", "purpose": "Vorläufiger Personalausweis"},
            {"amount": "6.00", "purpose": "Passfoto im Bürgerbüro"},
        ],
        "processing_time": "etwa 3 bis 4 Wochen",
        "legal_basis": (
            "Personalausweisgesetz (PAuswG)\n"
            "Personalausweisverordnung (PAuswV)\n"
            "Personalausweisgebührenverordnung (PAuswGebV)"
        ),
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": (
            "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de\n"
            "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de"
        ),
        "plain_language_summary": (
            "Sie brauchen einen neuen Personal-Ausweis?\n"
            "Dann gehen Sie zu den Bürger-Diensten.\n"
            "Die Bürger-Dienste sind im Rathaus Herne und im Rathaus Wanne.\n"
            "Sie brauchen vorher einen Termin.\n"
            "Sie müssen selbst hingehen.\n"
            "Denn die Stadt nimmt Ihre Finger-Abdrücke.\n"
            "Bringen Sie ein Pass-Foto mit.\n"
            "Und Ihren alten Ausweis.\n"
            "Der Ausweis kostet Geld.\n"
            "Sie holen den neuen Ausweis selbst ab."
        ),
        "subjects": ["Personalausweis", "Ausweis", "eID", "Online-Ausweis"],
    },
    {
        "id": "reisepass",
        "title": "Reisepass beantragen",
        "description": (
            "Den Reisepass beantragen Sie persönlich mit Termin in den Bürgerdiensten Herne-Mitte "
            "oder Wanne. Der fertige Pass muss persönlich abgeholt werden."
        ),
        "service_key": "99102022001000",
        "life_situations": ["identity_documents", "leisure_culture"],
        "department": "buergerdienste-wanne",
        "prerequisites": (
            "<p>Sie sind Deutsche oder Deutscher und in Herne gemeldet. Für Kinder beantragen die "
            "Sorgeberechtigten den Reisepass; seit 2024 gibt es keinen Kinderreisepass mehr.</p>"
            "<p>Ihre Fingerabdrücke werden bei der Antragstellung erfasst. Seit Mai 2025 werden "
            "nur noch digitale Passfotos angenommen.</p>"
            "<p>Wenn es eilt, ist ein Express-Reisepass "
            "möglich; er liegt nach wenigen Werktagen zur Abholung bereit.</p>"
        ),
        "required_documents": [
            {
                "name": "Biometrisches Passfoto",
                "note": "digital vom zertifizierten Fotostudio oder im Bürgerbüro aufgenommen",
                "provision": "original",
            },
            {
                "name": "Bisheriger Reisepass oder Personalausweis",
                "note": "",
                "provision": "original",
            },
            {
                "name": "Geburtsurkunde",
                "note": "nur beim ersten Pass oder wenn kein gültiges Dokument vorliegt",
                "provision": "original",
            },
        ],
        "fees": [
            {"amount": "70.00", "purpose": "Reisepass ab 24 Jahren (10 Jahre gültig)"},
            {"amount": "37.50", "purpose": "Reisepass unter 24 Jahren (6 Jahre gültig)"},
            {"amount": "32.00", "purpose": "Zuschlag für den Express-Reisepass"},
            {"amount": "22.00", "purpose": "Zuschlag für 48 statt 32 Seiten"},
        ],
        "processing_time": "etwa 4 bis 6 Wochen, im Expressverfahren wenige Werktage",
        "legal_basis": "Passgesetz (PassG)\nPassverordnung (PassV)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": (
            "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de\n"
            "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de"
        ),
        "subjects": ["Reisepass", "Pass", "Reise", "Ausland"],
    },
    {
        "id": "fuehrerschein",
        "title": "Führerschein beantragen (Ersterteilung)",
        "description": (
            "Den Antrag auf Ihren ersten Führerschein stellen Sie persönlich bei der "
            "Fahrerlaubnisbehörde, meist gemeinsam mit Ihrer Fahrschule. Den fertigen Führerschein "
            "holen Sie persönlich ab."
        ),
        "service_key": "99028001000000",
        "life_situations": ["mobility_traffic", "identity_documents"],
        "department": "fahrerlaubnisbehoerde",
        "prerequisites": (
            "<p>Sie wohnen in Herne und haben das Mindestalter für die gewünschte Klasse erreicht "
            "(Klasse B: 18 Jahre, begleitetes Fahren ab 17 Jahren).</p>"
            "<p>Stellen Sie den Antrag etwa drei Monate vor der geplanten Prüfung. Nach "
            "bestandener Prüfung erhalten Sie den Führerschein bei der Prüfung oder holen ihn "
            "persönlich bei uns ab.</p>"
        ),
        "required_documents": [
            {"name": "Personalausweis oder Reisepass", "note": "", "provision": "original"},
            {"name": "Biometrisches Passfoto", "note": "digital", "provision": "original"},
            {
                "name": "Sehtestbescheinigung",
                "note": "nicht älter als zwei Jahre",
                "provision": "original",
            },
            {
                "name": "Bescheinigung über die Erste-Hilfe-Schulung",
                "note": "",
                "provision": "original",
            },
        ],
        "fees": [{"amount": "43.40", "purpose": "Ersterteilung der Fahrerlaubnis Klasse B"}],
        "processing_time": "etwa 4 bis 6 Wochen bis zur Prüfungsreife",
        "legal_basis": (
            "Straßenverkehrsgesetz (StVG)\n"
            "Fahrerlaubnis-Verordnung (FeV)\n"
            "Gebührenordnung für Maßnahmen im Straßenverkehr (GebOSt)"
        ),
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Fahrerlaubnisbehörde, Telefon 02323 16-3160, fuehrerscheinstelle@herne.de",
        "subjects": ["Führerschein", "Fahrerlaubnis", "Fahrschule", "Auto"],
    },
    {
        "id": "fuehrerschein-umtausch",
        "title": "Führerschein umtauschen (Pflichtumtausch)",
        "description": (
            "Alte Papier- und Kartenführerscheine müssen nach Stichtagen in den "
            "EU-Kartenführerschein umgetauscht werden. Der neue Führerschein wird nur persönlich "
            "ausgehändigt."
        ),
        "service_key": "99028007000000",
        "life_situations": ["mobility_traffic", "identity_documents"],
        "department": "fahrerlaubnisbehoerde",
        "prerequisites": (
            "<p>Ihr Führerschein wurde vor dem 19. Januar 2013 ausgestellt. Die Frist richtet sich "
            "nach Ihrem Geburtsjahr oder nach dem Ausstellungsjahr des Kartenführerscheins.</p>"
            "<p>Bei der Abholung geben Sie Ihren alten Führerschein ab.</p>"
        ),
        "required_documents": [
            {"name": "Bisheriger Führerschein", "note": "", "provision": "original"},
            {"name": "Personalausweis oder Reisepass", "note": "", "provision": "original"},
            {"name": "Biometrisches Passfoto", "note": "digital", "provision": "original"},
            {
                "name": "Karteikartenabschrift der ausstellenden Behörde",
                "note": "nur wenn der Führerschein nicht in Herne ausgestellt wurde",
                "provision": "original",
            },
        ],
        "fees": [{"amount": "25.30", "purpose": "Umtausch in den EU-Kartenführerschein"}],
        "processing_time": "etwa 4 Wochen",
        "legal_basis": "§ 24a und Anlage 8e Fahrerlaubnis-Verordnung (FeV)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Fahrerlaubnisbehörde, Telefon 02323 16-3160, fuehrerscheinstelle@herne.de",
        "subjects": ["Führerschein", "Umtausch", "Kartenführerschein"],
    },
    {
        "id": "wohnsitz-anmelden",
        "title": "Wohnsitz anmelden",
        "description": (
            "Wenn Sie nach Herne ziehen oder innerhalb Hernes umziehen, melden Sie sich innerhalb "
            "von zwei Wochen an. Die Anmeldung erfolgt persönlich mit Termin; dabei wird die "
            "Anschrift im Ausweis geändert."
        ),
        "service_key": "99115005000000",
        "life_situations": ["moving_housing"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Sie sind in eine Wohnung in Herne eingezogen. Die Meldepflicht gilt innerhalb von "
            "zwei Wochen nach dem Einzug, auch bei einem Umzug innerhalb Hernes.</p>"
            "<p>Sie können auch eine andere Person mit einer schriftlichen Vollmacht schicken.</p>"
        ),
        "required_documents": [
            {
                "name": "Personalausweis oder Reisepass",
                "note": "aller umziehenden Personen",
                "provision": "original",
            },
            {
                "name": "Wohnungsgeberbestätigung",
                "note": "vom Vermieter ausgefüllt",
                "provision": "original",
            },
        ],
        "fees": [],
        "processing_time": "sofort beim Termin",
        "legal_basis": "§§ 17 und 19 Bundesmeldegesetz (BMG)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": (
            "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de\n"
            "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de"
        ),
        "subjects": ["Anmeldung", "Ummeldung", "Umzug", "Wohnsitz"],
    },
    {
        "id": "eheschliessung-anmelden",
        "title": "Eheschließung anmelden",
        "description": (
            "Wenn Sie heiraten möchten, melden Sie die Eheschließung gemeinsam beim Standesamt an. "
            "Das Standesamt prüft die Ehefähigkeit und vereinbart mit Ihnen den Trautermin."
        ),
        "service_key": "99063005000000",
        "life_situations": ["marriage_partnership"],
        "department": "standesamt",
        "prerequisites": (
            "<p>Sie sind beide volljährig und nicht mit einer anderen Person verheiratet. "
            "Mindestens eine Person wohnt in Herne; sonst melden Sie die Eheschließung am Wohnort "
            "an.</p>"
            "<p>Die Anmeldung ist frühestens sechs Monate vor der Trauung möglich. "
            "Trauungen finden im Rathaus Herne und im Schloss Strünkede statt.</p>"
        ),
        "required_documents": [
            {
                "name": "Personalausweis oder Reisepass",
                "note": "beider Verlobten",
                "provision": "original",
            },
            {
                "name": "Beglaubigter Ausdruck aus dem Geburtenregister",
                "note": "nicht älter als sechs Monate",
                "provision": "original",
            },
            {
                "name": "Erweiterte Meldebescheinigung",
                "note": "nur wenn Sie nicht in Herne wohnen",
                "provision": "original",
            },
            {
                "name": "Nachweis über die Auflösung früherer Ehen",
                "note": "nur wenn Sie bereits verheiratet waren",
                "provision": "original",
            },
        ],
        "fees": [
            {"amount": "60.00", "purpose": "Anmeldung der Eheschließung"},
            {"amount": "90.00", "purpose": "Anmeldung mit Auslandsbezug"},
            {
                "amount": "120.00",
                "purpose": "Trauung außerhalb der Dienstzeit oder im Schloss Strünkede",
            },
        ],
        "processing_time": "Trautermin nach Vereinbarung",
        "legal_basis": (
            "§§ 1310 ff. Bürgerliches Gesetzbuch (BGB)\n§§ 12 und 13 Personenstandsgesetz (PStG)"
        ),
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Standesamt Herne, Telefon 02323 16-2300, standesamt@herne.de",
        "subjects": ["Heirat", "Hochzeit", "Eheschließung", "Trauung"],
    },
    {
        "id": "vaterschaftsanerkennung",
        "title": "Vaterschaft anerkennen",
        "description": (
            "Sind die Eltern nicht miteinander verheiratet, kann der Vater die Vaterschaft "
            "kostenlos beim Jugendamt anerkennen, schon vor der Geburt. Die Beurkundung erfolgt "
            "persönlich."
        ),
        "service_key": "99063011000000",
        "life_situations": ["family_children", "marriage_partnership"],
        "department": "jugend-familie",
        "prerequisites": (
            "<p>Die Mutter des Kindes ist nicht mit einem anderen Mann verheiratet und die Mutter "
            "stimmt der Anerkennung zu. Beide Eltern erscheinen persönlich zur Beurkundung.</p>"
            "<p>Bei diesem Termin können Sie auch die gemeinsame elterliche Sorge erklären.</p>"
        ),
        "required_documents": [
            {
                "name": "Personalausweis oder Reisepass",
                "note": "beider Eltern",
                "provision": "original",
            },
            {
                "name": "Mutterpass oder Geburtsurkunde des Kindes",
                "note": "",
                "provision": "original",
            },
        ],
        "fees": [],
        "processing_time": "sofort beim Termin",
        "legal_basis": (
            "§§ 1592 und 1594 bis 1598 Bürgerliches Gesetzbuch (BGB)\n"
            "§ 59 Abs. 1 Achtes Buch Sozialgesetzbuch (SGB VIII)"
        ),
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Beurkundungsstelle, Telefon 02323 16-2660, jugendamt@herne.de",
        "subjects": ["Vaterschaft", "Sorgerecht", "Eltern", "Kind"],
    },
    {
        "id": "beglaubigung",
        "title": "Amtliche Beglaubigung von Kopien und Unterschriften",
        "description": (
            "Die Bürgerdienste beglaubigen Kopien von Zeugnissen und Bescheinigungen sowie "
            "Unterschriften zur Vorlage bei Behörden. Dazu bringen Sie das Original mit."
        ),
        "service_key": "99003001000000",
        "life_situations": ["identity_documents", "work_business"],
        "department": "buergerdienste-wanne",
        "prerequisites": (
            "<p>Die Beglaubigung dient der Vorlage bei einer deutschen Behörde. "
            "Personenstandsurkunden und notarielle Dokumente beglaubigen wir nicht.</p>"
            "<p>Für eine Unterschriftsbeglaubigung unterschreiben Sie vor der Mitarbeiterin oder "
            "dem Mitarbeiter der Bürgerdienste.</p>"
        ),
        "required_documents": [
            {"name": "Originaldokument", "note": "", "provision": "original"},
            {
                "name": "Personalausweis oder Reisepass",
                "note": "bei Unterschriftsbeglaubigung",
                "provision": "original",
            },
        ],
        "fees": [{"amount": "5.00", "purpose": "je Beglaubigung"}],
        "processing_time": "sofort",
        "legal_basis": "§§ 33 und 34 Verwaltungsverfahrensgesetz NRW (VwVfG NRW)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Bürgerdienste Wanne, Telefon 02323 16-2200, buergerdienste-wanne@herne.de",
        "subjects": ["Beglaubigung", "Kopie", "Unterschrift", "Zeugnis"],
    },
    {
        "id": "aufenthaltstitel-verlaengern",
        "title": "Aufenthaltserlaubnis verlängern",
        "description": (
            "Die Verlängerung Ihrer Aufenthaltserlaubnis beantragen Sie rechtzeitig vor Ablauf bei "
            "der Ausländerbehörde. Für den elektronischen Aufenthaltstitel kommen Sie persönlich "
            "und holen die Karte persönlich ab."
        ),
        "service_key": "99009003000000",
        "life_situations": ["identity_documents", "work_business"],
        "department": "auslaenderbehoerde",
        "prerequisites": (
            "<p>Sie wohnen in Herne und Ihre Aufenthaltserlaubnis läuft ab. Vereinbaren Sie "
            "spätestens acht Wochen vor Ablauf einen Termin.</p>"
            "<p>Bei der Vorsprache werden Fingerabdrücke erfasst; deshalb ist ein persönlicher "
            "Termin nötig.</p>"
        ),
        "required_documents": [
            {"name": "Gültiger Reisepass", "note": "", "provision": "original"},
            {"name": "Bisheriger Aufenthaltstitel", "note": "", "provision": "original"},
            {"name": "Biometrisches Passfoto", "note": "digital", "provision": "original"},
            {
                "name": "Nachweise über Einkommen und Krankenversicherung",
                "note": "",
                "provision": "original",
            },
        ],
        "fees": [
            {"amount": "96.00", "purpose": "Verlängerung um bis zu ein Jahr"},
            {"amount": "93.00", "purpose": "Verlängerung um mehr als ein Jahr"},
        ],
        "processing_time": "etwa 4 bis 6 Wochen",
        "legal_basis": "Aufenthaltsgesetz (AufenthG)\n§ 45 Aufenthaltsverordnung (AufenthV)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Ausländerbehörde, Telefon 02323 16-2410, auslaenderbehoerde@herne.de",
        "subjects": ["Aufenthaltserlaubnis", "Aufenthaltstitel", "eAT", "Ausländerbehörde"],
    },
    {
        "id": "schulanmeldung",
        "title": "Kind an einer Grundschule anmelden",
        "description": (
            "Kinder, die bis zum 30. September sechs Jahre alt werden, sind zum 1. August "
            "schulpflichtig. Sie melden Ihr Kind persönlich an der gewünschten Grundschule an."
        ),
        "service_key": "99104001000000",
        "life_situations": ["school_education", "family_children"],
        "department": "schule",
        "prerequisites": (
            "<p>Ihr Kind wohnt in Herne und wird im kommenden Schuljahr schulpflichtig. Im Herbst "
            "erhalten Sie von der Stadt ein Schreiben mit den Anmeldeterminen.</p>"
            "<p>Zur Anmeldung kommen Sie gemeinsam mit Ihrem Kind in die Schule; die Schule lernt "
            "Ihr Kind dabei kennen.</p>"
        ),
        "required_documents": [
            {
                "name": "Geburtsurkunde oder Personalausweis des Kindes",
                "note": "",
                "provision": "original",
            },
            {"name": "Anmeldeschreiben der Stadt Herne", "note": "", "provision": "original"},
            {
                "name": "Nachweis über den Masernschutz",
                "note": "zum Beispiel Impfpass",
                "provision": "original",
            },
        ],
        "fees": [],
        "processing_time": "Zusage in der Regel bis Ende Februar",
        "legal_basis": "§§ 35 und 46 Schulgesetz NRW (SchulG NRW)",
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "on_site_only",
        "contact": "Fachbereich Schule und Weiterbildung, Telefon 02323 16-2960, schule@herne.de",
        "subjects": ["Schule", "Grundschule", "Einschulung", "Schulanmeldung"],
    },
    # ------------------------------------------------------------------
    # Nur Information (info_only)
    # ------------------------------------------------------------------
    {
        "id": "kinderreisepass",
        "title": "Kinderreisepass: Hinweise zu Reisedokumenten für Kinder",
        "description": (
            "Seit dem 1. Januar 2024 werden keine Kinderreisepässe mehr ausgestellt oder "
            "verlängert. Hier erfahren Sie, welche Dokumente Ihr Kind für Reisen braucht."
        ),
        "service_key": "99102022107000",
        "life_situations": ["family_children", "identity_documents"],
        "department": "buergerdienste-herne-mitte",
        "prerequisites": (
            "<p>Bereits ausgestellte Kinderreisepässe bleiben bis zum aufgedruckten Ablaufdatum "
            "gültig.</p>"
            "<p>Für Reisen beantragen Sie für Ihr Kind einen Personalausweis oder einen "
            "Reisepass. Prüfen Sie vor der Reise die Einreisebestimmungen des Ziellandes.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "",
        "legal_basis": "Passgesetz (PassG)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "info_only",
        "contact": "Bürgerdienste Herne-Mitte, Telefon 02323 16-2100, buergerdienste@herne.de",
        "subjects": ["Kinderreisepass", "Reisepass", "Kinder", "Reise"],
    },
    {
        "id": "elterngeld",
        "title": "Elterngeld: Informationen und Beratung",
        "description": (
            "Elterngeld unterstützt Familien nach der Geburt eines Kindes. Den Antrag stellen Sie "
            "online über ElterngeldDigital; die Elterngeldstelle Herne berät Sie und bearbeitet "
            "den Antrag."
        ),
        "service_key": "99016001000000",
        "life_situations": ["family_children", "social_benefits"],
        "department": "jugend-familie",
        "prerequisites": (
            "<p>Sie betreuen Ihr Kind nach der Geburt selbst, wohnen mit ihm zusammen und arbeiten "
            "nicht mehr als 32 Stunden in der Woche.</p>"
            "<p>Elterngeld wird rückwirkend nur für die "
            "letzten drei Lebensmonate vor dem Antragsmonat gezahlt. Stellen Sie den Antrag "
            "deshalb bald nach der Geburt.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "etwa 4 bis 6 Wochen nach Eingang des vollständigen Antrags",
        "legal_basis": "Bundeselterngeld- und Elternzeitgesetz (BEEG)",
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "info_only",
        "contact": "Elterngeldstelle, Telefon 02323 16-2670, elterngeld@herne.de",
        "subjects": ["Elterngeld", "Elternzeit", "Geburt", "Familie"],
    },
    {
        "id": "grundsteuer",
        "title": "Grundsteuer: Informationen zum Bescheid",
        "description": (
            "Die Stadt Herne erhebt die Grundsteuer auf der Grundlage des Messbescheids des "
            "Finanzamts. Hier finden Sie Hebesätze, Fälligkeiten und Hinweise zum Einspruch."
        ),
        "service_key": "99067001000000",
        "life_situations": ["taxes_fees", "building_property"],
        "department": "steuern",
        "prerequisites": (
            "<p>Die Grundsteuer zahlen Eigentümerinnen und Eigentümer von Grundstücken in Herne; "
            "Vermieter dürfen sie über die Nebenkosten umlegen.</p>"
            "<p>Die Grundsteuer wird in vierteljährlichen Raten am 15. Februar, 15. Mai, 15. "
            "August und 15. November fällig. Einwände gegen den Wert Ihres Grundstücks richten Sie "
            "an das Finanzamt, nicht an die Stadt.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "",
        "legal_basis": "Grundsteuergesetz (GrStG)\nHebesatzsatzung der Stadt Herne",
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "info_only",
        "contact": (
            "Fachbereich Finanzen, Steuern und Abgaben, Telefon 02323 16-2540, steuern@herne.de"
        ),
        "subjects": ["Grundsteuer", "Steuer", "Grundstück", "Hebesatz"],
    },
    {
        "id": "hilfe-online-antraege",
        "title": "Hilfe bei Online-Anträgen in den Seniorentreffs",
        "description": (
            "In den Herner Seniorentreffs helfen geschulte Ehrenamtliche älteren Menschen bei "
            "Online-Anträgen der Stadt. Dort erfahren Sie auch, wie Sie gefälschte Internetseiten "
            "erkennen."
        ),
        "service_key": "99130007000000",
        "life_situations": ["retirement_age", "leisure_culture"],
        "department": "soziales",
        "prerequisites": (
            "<p>Das Angebot ist kostenlos und richtet sich an ältere Menschen aus Herne. Bringen "
            "Sie Ihr Smartphone oder Tablet, Ihren Personalausweis und die Unterlagen für Ihren "
            "Antrag mit.</p>"
            "<p>Stellen Sie Anträge nur auf der offiziellen Internetseite der Stadt "
            "Herne. Die Stadt fragt niemals per E-Mail oder SMS nach Passwörtern oder "
            "Bankdaten.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "",
        "legal_basis": "",
        "result_delivery": "post",
        "trust_level": "none",
        "online_availability": "info_only",
        "contact": "Seniorenberatung, Telefon 02323 16-2850, senioren@herne.de",
        "subjects": ["Senioren", "Hilfe", "Online-Antrag", "Phishing"],
    },
    {
        "id": "fundsachen",
        "title": "Fundbüro: Fundsachen abgeben und Verlorenes suchen",
        "description": (
            "Das Fundbüro der Stadt Herne bewahrt gefundene Gegenstände auf. Hier erfahren Sie, "
            "wie Sie Verlorenes suchen und wie Sie Fundsachen abgeben."
        ),
        "service_key": "99037001000000",
        "life_situations": ["leisure_culture", "identity_documents"],
        "department": "ordnungsamt",
        "prerequisites": (
            "<p>Fundsachen werden sechs Monate aufbewahrt. Meldet sich in dieser Zeit niemand, "
            "kann die Finderin oder der Finder die Sache erhalten.</p>"
            "<p>Gefundene Ausweise geben wir an die ausstellende Behörde weiter. Für die Abholung "
            "Ihrer Fundsache bringen Sie Ihren Ausweis und einen Nachweis mit, dass die Sache "
            "Ihnen gehört.</p>"
        ),
        "required_documents": [],
        "fees": [],
        "processing_time": "",
        "legal_basis": "§§ 965 bis 984 Bürgerliches Gesetzbuch (BGB)",
        "result_delivery": "pickup",
        "trust_level": "none",
        "online_availability": "info_only",
        "contact": "Fundbüro, Telefon 02323 16-2495, fundbuero@herne.de",
        "subjects": ["Fundbüro", "Fundsache", "Verlust"],
    },
]


DEMO_USERS = [
    {
        "username": "redaktion",
        "fullname": "Renate Redlich",
        "email": "redaktion@example.org",
        "password": "demo-redaktion-2026",
        "groups": ["catalogue-editors"],
        "description": (
            "Redakteurin: pflegt Leistungsseiten und Antragsformulare, sieht keine Anträge."
        ),
    },
    {
        "username": "freigabe",
        "fullname": "Frank Freitag",
        "email": "freigabe@example.org",
        "password": "demo-freigabe-2026",
        "groups": ["catalogue-reviewers"],
        "description": "Freigabe: prüft und veröffentlicht Leistungsseiten der Redaktion.",
    },
    {
        "username": "sachbearbeitung",
        "fullname": "Sabine Sander",
        "email": "sachbearbeitung@example.org",
        "password": "demo-sachbearbeitung-2026",
        "groups": ["clerks-buergerdienste-herne-mitte"],
        "description": "Sachbearbeiterin der Bürgerdienste Herne-Mitte: bearbeitet deren Anträge.",
    },
    {
        "username": "sachbearbeitung-wohngeld",
        "fullname": "Wolfgang Wiesner",
        "email": "sachbearbeitung-wohngeld@example.org",
        "password": "demo-sachbearbeitung-wohngeld-2026",
        "groups": ["clerks-wohngeld"],
        "description": "Sachbearbeiter der Wohngeldstelle: bearbeitet Wohngeldanträge.",
    },
    {
        "username": "buerger",
        "fullname": "Bernd Bergmann",
        "email": "buerger@example.org",
        "password": "demo-buerger-2026",
        "groups": [],
        "description": "Bürger aus Herne-Sodingen: stellt Anträge und verfolgt sie im Postkorb.",
    },
    {
        "username": "buergerin",
        "fullname": "Ayşe Yılmaz",
        "email": "buergerin@example.org",
        "password": "demo-buergerin-2026",
        "groups": [],
        "description": (
            "Bürgerin aus Wanne-Eickel: zweite Antragstellerin, sieht nur ihre eigenen Anträge."
        ),
    },
    {
        "username": "digitalisierung",
        "fullname": "Dana Digital",
        "email": "digitalisierung@example.org",
        "password": "demo-digitalisierung-2026",
        "groups": [],
        "roles": ["DigitalisationUnit"],
        "description": "Stabsstelle Digitalisierung: liest das OZG-Dashboard und die Statistik.",
    },
]
