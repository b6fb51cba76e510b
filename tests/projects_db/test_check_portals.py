"""`manage.py check_portals` against a local HTTP server: nothing leaves the machine."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from tests.projects_db.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


class Portals(BaseHTTPRequestHandler):
    def _answer(self, head: bool):
        if self.path == "/ok":
            self.send_response(200)
        elif self.path == "/no-head":
            self.send_response(405 if head else 200)
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif self.path == "/slow":
            time.sleep(1.5)
            self.send_response(200)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_HEAD(self):  # noqa: N802
        self._answer(head=True)

    def do_GET(self):  # noqa: N802
        self._answer(head=False)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Portals)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_check_portals_records_status_and_time_of_every_portal(server, capsys):
    cases = {"ok": "/ok", "no-head": "/no-head", "moved": "/moved", "broken": "/broken", "slow": "/slow"}
    towns = {name: MunicipalityFactory(slug=f"town-{name}", portal_url=server + path) for name, path in cases.items()}
    MunicipalityFactory(slug="no-portal", portal_url="")
    call_command("check_portals", timeout=0.5)
    assert "5 portal check(s) queued." in capsys.readouterr().out
    for town in towns.values():
        town.refresh_from_db()
        assert town.portal_checked_at is not None
    assert towns["ok"].portal_ok and towns["ok"].portal_status == "200 HEAD"
    assert towns["no-head"].portal_ok and towns["no-head"].portal_status == "200 GET"
    assert towns["moved"].portal_ok
    assert not towns["broken"].portal_ok and towns["broken"].portal_status == "HTTP 500"
    assert not towns["slow"].portal_ok and "timed out" in towns["slow"].portal_status


def test_running_again_replaces_the_previous_result(server):
    town = MunicipalityFactory(slug="town-again", portal_url=server + "/broken")
    call_command("check_portals")
    town.portal_url = server + "/ok"
    town.save()
    call_command("check_portals", municipality=["town-again"])
    town.refresh_from_db()
    assert town.portal_ok is True
