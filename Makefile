# herne.portal: set-up, run and test. See README.rst.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PROJECT := $(CURDIR)
# Loopback only: the demo accounts have published passwords. HOST=0.0.0.0 opens it on purpose.
HOST ?= 127.0.0.1
PORT ?= 8080
# The demo's own mail server (every mail kept in var/mail/) and demo eID provider (Node.js).
MAIL_PORT ?= 8025
EID_PORT ?= 8090
PAYMENT_PORT ?= 8091
STAMP := $(VENV)/.installed
# The write queue of the instance (herne.portal.write_queue), off by default (slots = 0):
# HERNE_WRITE_QUEUE=on puts it in (slots = 1), as scripts/cluster.py then puts the
# cluster's write gate into HAProxy.
HERNE_WRITE_QUEUE ?= off
WRITE_SLOTS := $(if $(filter 1 on On ON yes Yes YES true True TRUE,$(strip $(HERNE_WRITE_QUEUE))),1,0)

.PHONY: FORCE start install instance site test test-fast lock buildout-versions lint i18n clean eid-provider payment-provider fit-connect-test-server start-cluster stop-cluster loadtest crashtest-filestorage crashtest-outbox backup restore backup-cluster restore-cluster booking-reminders

## Create the virtualenv and install everything from the committed lock.
install: $(STAMP)

$(STAMP): constraints.txt lock-requirements.txt setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check "pip==$$(grep -i '^pip==' constraints.txt | cut -d= -f3)"
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -r lock-requirements.txt -e ".[test,cluster,load]"
	touch $(STAMP)

## Zope instance configuration under instance/ with ZODB FileStorage and blobs under var/.
instance: install instance/etc/zope.conf instance/etc/zope.ini instance/etc/site.zcml

# Written on every start (a few lines of sed), so that HOST and PORT given on the command
# line take effect also for an instance that exists already.
instance/etc/%: etc/%.in Makefile FORCE
	mkdir -p instance/etc var/filestorage var/blobstorage var/log var/cache
	sed -e 's#@PROJECT@#$(PROJECT)#g' -e 's#@HOST@#$(HOST)#g' -e 's#@PORT@#$(PORT)#g' -e 's#@WRITE_SLOTS@#$(WRITE_SLOTS)#g' $< > $@

instance/etc/site.zcml: etc/site.zcml
	mkdir -p instance/etc
	cp $< $@

FORCE:

## The Herne site with demo content, created once.
site: instance
	test -f var/.site-created || (HERNE_PUBLIC_URL=http://localhost:$(PORT)/herne HERNE_DEMO_MAIL_PORT=$(MAIL_PORT) HERNE_DEMO_EID_PORT=$(EID_PORT) $(BIN)/zconsole run instance/etc/zope.conf scripts/create_site.py && touch var/.site-created)

## Serve http://localhost:8080/herne (set-up included), with the demo mail server
## (mails in var/mail/) and, when Node.js 20+ is present, the demo eID provider;
## both stop with the instance (herne.portal.demo.background).
start: site
	@if [ "$(HERNE_PAYMENT)" = 1 ]; then HERNE_DEMO_PAYMENT_PORT=$(PAYMENT_PORT) $(BIN)/zconsole run instance/etc/zope.conf scripts/configure_demo_payment.py; fi
	@echo "Serving http://localhost:$(PORT)/herne (log-ins: see README.rst)"
	$(BIN)/python -m herne.portal.demo.background $(PORT) $(MAIL_PORT) $(EID_PORT) -- $(BIN)/runwsgi instance/etc/zope.ini

## Cluster mode: Zope instances on RelStorage/PostgreSQL behind HAProxy, Varnish in front
## for anonymous public pages (CLUSTER_ARGS=--no-cache: none), in the foreground (Ctrl-C
## stops all). Settings: HERNE_CLUSTER_* variables or CLUSTER_ARGS, see README.rst.
start-cluster: install
	$(BIN)/python scripts/cluster.py start $(CLUSTER_ARGS)

## Stop a cluster started by `make start-cluster` in another terminal.
stop-cluster:
	$(BIN)/python scripts/cluster.py stop $(CLUSTER_ARGS)

## The load test (50 citizens, 500 submissions; LOADTEST_ARGS="--users 5 --submissions 30"
## for less) against the running cluster, or one started for the run. Crash drill:
## LOADTEST_ARGS="--kill-instance-after 20 --kill-during-write --restart-killed" (README.rst).
loadtest: install
	$(BIN)/python loadtest/run.py --start-cluster $(LOADTEST_ARGS)

## Crash drill on FileStorage: one instance of the make start layout (in a temporary folder)
## killed while citizens submit, then fstest, zodbverify, restart, checks (CRASH_ARGS).
crashtest-filestorage: install
	$(BIN)/python loadtest/crash_filestorage.py $(CRASH_ARGS)

## Outbox crash drill: the same layout with FIT-Connect delivery on; the instance (and its
## outbox worker) killed twice inside outbox steps; every delivery and mail exactly once (CRASH_ARGS).
crashtest-outbox: install
	$(BIN)/python loadtest/crash_outbox.py $(CRASH_ARGS)

## Back up the ZODB of `make start` into var/backup/: repozo (incremental once a full one
## exists; BACKUP_ARGS=--full for a full one) and a copy of the blobs. See README.rst.
backup: install
	$(BIN)/python scripts/backup.py backup $(BACKUP_ARGS)

## Restore it and check it (fstest, blobs), e.g. BACKUP_ARGS="--into var/restored" or
## "--into var/restored --date 2026-05-04-03"; "--into var --force" replaces the site's own.
restore: install
	$(BIN)/python scripts/backup.py restore $(BACKUP_ARGS)

## The daily booking job (cron): reminders for tomorrow, expiry, retention. The FileStorage
## instance must be stopped; ZOPE_CONF=var/cluster/etc/zope.conf runs it next to the cluster.
ZOPE_CONF ?= instance/etc/zope.conf
booking-reminders: install
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/booking_reminders.py

## Back up the cluster: pg_dump of its database, then a copy of its shared blob directory.
backup-cluster: install
	$(BIN)/python scripts/backup.py backup --storage relstorage $(BACKUP_ARGS)

## Restore a cluster backup, e.g. BACKUP_ARGS="--into var/restored-cluster --database herne_restored".
restore-cluster: install
	$(BIN)/python scripts/backup.py restore --storage relstorage $(BACKUP_ARGS)

## A real OpenID provider for trying the eID log-in locally (Node.js and npm needed).
eid-provider:
	cd eid-provider && (test -d node_modules/oidc-provider || npm ci --no-audit --no-fund)
	cd eid-provider && OP_PORT=8090 OP_REDIRECT_URIS=http://localhost:$(PORT)/herne/acl_users/oidc/callback OP_POST_LOGOUT_URIS=http://localhost:$(PORT)/herne/logged-out node provider.mjs

## The test payment service (XBezahldienste) for trying e-payment locally: pay page with Bezahlen/Abbrechen/Fehlschlagen.
payment-provider:
	$(BIN)/python -m herne.portal.payment.sandbox --port 8091 --hooks

## The FIT-Connect test server (token, destinations, submissions, signed event log) on port 8092.
fit-connect-test-server:
	$(BIN)/python -m herne.portal.fitconnect.test_server --port 8092

## Run the whole test suite (browser journeys, cluster, crash and backup drills included);
## the 25 slowest tests are listed at the end so that a slow one shows itself.
test: install
	$(BIN)/pytest --durations=25 $(PYTEST_ARGS)

## The edit-test loop: everything but the browser journeys and the drills that start
## processes of their own (cluster, crash, backup, retention on a real storage).
test-fast: install
	$(BIN)/pytest -m "not slow and not browser" --durations=10 $(PYTEST_ARGS)

## Regenerate the lock from a fresh resolve of setup.py (stable releases only).
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -r lock-requirements.txt -e ".[test,cluster,load]"
	.lock-venv/bin/pip freeze --all --exclude-editable --exclude herne.portal | grep -v '^-e' | sort -f > constraints.txt
	rm -rf .lock-venv
	$(MAKE) buildout-versions

## versions.cfg for buildout, generated from constraints.txt.
buildout-versions: versions.cfg

versions.cfg: constraints.txt scripts/lock_to_versions.py
	$(PYTHON) scripts/lock_to_versions.py constraints.txt > versions.cfg

lint:
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

## Extract messages and complete the German catalogues (msgids are German).
i18n: install
	$(BIN)/i18ndude rebuild-pot --pot src/herne/portal/locales/herne.portal.pot --create herne.portal src/herne/portal
	$(BIN)/i18ndude rebuild-pot --pot src/herne/portal/locales/plone.pot --create plone src/herne/portal/profiles
	$(BIN)/python scripts/fill_german_po.py
	$(BIN)/python scripts/sync_translations.py

clean:
	rm -rf $(VENV) instance
