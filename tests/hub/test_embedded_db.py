"""The embedded PostgreSQL: starts on an empty folder, is reused, stops, and says clearly why it cannot start."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psutil
import psycopg2
import pytest
from django.conf import settings

from hub import embedded_db

# Short folders under the project's var/: the server's Unix socket path must stay under ~100 characters.
VAR = Path(settings.BASE_DIR) / "var"


@pytest.fixture
def folder():
    VAR.mkdir(exist_ok=True)
    parent = Path(tempfile.mkdtemp(prefix="edb-", dir=VAR))
    yield parent / "pg"
    if (parent / "pg" / "postmaster.pid").exists():
        embedded_db.stop(parent / "pg")
    shutil.rmtree(parent, ignore_errors=True)


def server_pid(data_dir: Path) -> int:
    return int((data_dir / "postmaster.pid").read_text().split("\n", 1)[0])


def test_an_empty_folder_gets_a_running_server_with_the_database(folder):
    connection = embedded_db.ensure_running(folder, database="hub_probe")
    assert (folder / "PG_VERSION").read_text().strip() == embedded_db.SUPPORTED_MAJOR
    conn = psycopg2.connect(dbname="hub_probe", user=connection.user, host=connection.host, port=connection.port)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_database(), current_setting('server_encoding')")
            assert cursor.fetchone() == ("hub_probe", "UTF8")
    finally:
        conn.close()


def ensure_running_in_another_process(folder: Path) -> list[str]:
    """What a second `manage.py` does: ensure_running in a new process; returns [server pid, database]."""
    code = (
        "import sys; from pathlib import Path; from hub import embedded_db; "
        "c = embedded_db.ensure_running(Path(sys.argv[1])); "
        "print((Path(sys.argv[1]) / 'postmaster.pid').read_text().split()[0], c.name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_another_process_reuses_the_running_server_and_leaves_it_running(folder):
    embedded_db.ensure_running(folder)
    pid = server_pid(folder)
    assert ensure_running_in_another_process(folder) == [str(pid), "hub"]
    # The other process has exited; the server this process asked for first is still the same one.
    assert psutil.pid_exists(pid) and server_pid(folder) == pid


def test_stop_stops_the_server_and_a_crash_leftover_lock_does_not_block_the_next_start(folder):
    embedded_db.ensure_running(folder)
    pid = server_pid(folder)
    assert embedded_db.stop(folder) is True
    assert not (folder / "postmaster.pid").exists()
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    assert embedded_db.stop(folder) is False

    # A postmaster.pid left by a crash, naming a process that no longer exists, is replaced on the next start.
    gone = subprocess.Popen(["true"])
    gone.wait()
    (folder / "postmaster.pid").write_text(f"{gone.pid}\n{folder}\n0\n5432\n{folder}\n\n0 0\nready\n")
    new_pid, database = ensure_running_in_another_process(folder)
    assert database == "hub" and int(new_pid) != gone.pid and psutil.pid_exists(int(new_pid))


def test_a_folder_from_another_postgresql_version_is_refused_clearly(folder):
    folder.mkdir(parents=True)
    (folder / "PG_VERSION").write_text("16\n")
    with pytest.raises(embedded_db.EmbeddedDatabaseError, match="made by PostgreSQL 16, but this project runs"):
        embedded_db.ensure_running(folder)


def test_a_corrupt_folder_is_refused_clearly(folder):
    folder.mkdir(parents=True)
    (folder / "PG_VERSION").write_text(embedded_db.SUPPORTED_MAJOR + "\n")
    with pytest.raises(embedded_db.EmbeddedDatabaseError, match="looks corrupt .*'global' folder is missing"):
        embedded_db.ensure_running(folder)


def test_a_folder_locked_by_another_process_is_refused_and_that_process_is_left_alone(folder):
    folder.mkdir(parents=True)
    (folder / "PG_VERSION").write_text(embedded_db.SUPPORTED_MAJOR + "\n")
    (folder / "global").mkdir()
    holder = subprocess.Popen(["sleep", "30"])
    try:
        lock = f"{holder.pid}\n{folder}\n1700000000\n5432\n{folder}\n\n0 0\nready\n"
        (folder / "postmaster.pid").write_text(lock)
        with pytest.raises(embedded_db.EmbeddedDatabaseError) as error:
            embedded_db.ensure_running(folder)
        message = str(error.value)
        assert f"is locked: its postmaster.pid names process {holder.pid} (sleep)" in message
        assert "delete" in message and "postmaster.pid" in message
        with pytest.raises(embedded_db.EmbeddedDatabaseError, match="is locked"):
            embedded_db.stop(folder)
        assert holder.poll() is None, "the process holding the folder must not be signalled"
        assert (folder / "postmaster.pid").read_text() == lock
    finally:
        holder.kill()
        holder.wait()
        (folder / "postmaster.pid").unlink()


def test_a_damaged_folder_that_postgresql_cannot_open_is_refused_with_its_log(folder):
    folder.mkdir(parents=True)
    (folder / "PG_VERSION").write_text(embedded_db.SUPPORTED_MAJOR + "\n")
    (folder / "global").mkdir()  # looks like a data folder, but its files are gone
    with pytest.raises(embedded_db.EmbeddedDatabaseError) as error:
        embedded_db.ensure_running(folder)
    message = str(error.value)
    assert message.startswith(f"Could not start the embedded PostgreSQL in {folder}")
    assert "postgresql.conf" in message  # the last lines of the server's own log say what is missing
    assert "move it away and run again" in message


def test_manage_py_says_what_is_wrong_with_the_folder_without_a_traceback(folder):
    folder.mkdir(parents=True)
    (folder / "PG_VERSION").write_text("16\n")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.dev",
        "DATABASE_URL": "",
        "EMBEDDED_DB_DIR": str(folder),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: The embedded database in {folder} was made by PostgreSQL 16")
    assert "Traceback" not in result.stderr


def test_processes_killed_without_cleaning_up_do_not_keep_the_server_or_break_the_next_start(folder):
    embedded_db.ensure_running(folder)
    pid = server_pid(folder)
    handles = folder / ".handle_pids.json"
    gone = subprocess.Popen(["true"])
    gone.wait()
    # A killed process stays listed; the next start forgets it, keeping only the processes still alive.
    handles.write_text(json.dumps([gone.pid, os.getpid()]))
    assert ensure_running_in_another_process(folder) == [str(pid), "hub"]
    assert json.loads(handles.read_text()) == [os.getpid()]
    # A write cut short by a kill leaves the list empty; the next process still starts (who else used the
    # server is lost with the list, so that process, exiting last, stops it).
    handles.write_text("")
    new_pid, database = ensure_running_in_another_process(folder)
    assert database == "hub" and json.loads(handles.read_text()) == []


def test_the_server_gets_the_shared_buffers_a_search_table_needs_from_its_next_start(folder):
    """The default 128 MB would make every search of a large hub read its table from the system's cache."""
    assert 128 <= embedded_db.shared_buffers_mb() <= 1024
    embedded_db.ensure_running(folder)
    assert embedded_db.stop(folder) is True
    code = (
        "import sys; from pathlib import Path; import psycopg2; from hub import embedded_db; "
        "c = embedded_db.ensure_running(Path(sys.argv[1])); "
        "k = psycopg2.connect(dbname=c.name, user=c.user, host=c.host, port=c.port); cur = k.cursor(); "
        "cur.execute(\"SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'\"); "
        "print(cur.fetchone()[0])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(folder)], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == [str(embedded_db.shared_buffers_mb())], result.stderr
