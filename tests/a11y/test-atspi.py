#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-atspi.py: the real kiosk as a screen reader sees it, through AT-SPI
# from another process: every control has a name in both languages, counts
# are in the names, the reading order follows the screen, no list item is
# left unnamed, and the idle warning is an alert.
#
# Runs under tests/lib/run-with-display (a private Xvfb and session bus).
# The suite turns the accessibility bridge off (NO_AT_BRIDGE=1); this test
# turns it on for the kiosk it starts, with an accessibility bus of its
# own (at-spi-bus-launcher, which starts at-spi2-registryd), and stops
# both afterwards, by the process group it made for them.
# Exit status: 0 all good, 1 failures (each listed), 77 pyatspi missing.

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

import importlib.util

# pyatspi reaches for the accessibility bus as soon as it is imported: it is
# imported once this test has started that bus (see main).
if importlib.util.find_spec("pyatspi") is None:
    print("SKIP: not installed here: pyatspi (python3-pyatspi) (packaging/dev/deps installs what is missing)")
    sys.exit(77)
pyatspi = None

LAUNCHER_DIRS = ["/usr/libexec", "/usr/lib/at-spi2-core", "/usr/lib/at-spi2"]
# The idle warning after 20 s without a touch (the configuration's least),
# then 20 s to answer: long enough for each part of the test, short enough
# to wait for.
IDLE_TIMEOUT = 20
IDLE_WARNING = 20

# Filled once pyatspi is imported: the roles of things a person acts on.
ACTIONABLE_ROLES = {}


def load_pyatspi():
    global pyatspi
    import pyatspi as module
    pyatspi = module
    ACTIONABLE_ROLES.update({
        pyatspi.ROLE_PUSH_BUTTON: "push button",
        pyatspi.ROLE_TOGGLE_BUTTON: "toggle button",
        pyatspi.ROLE_RADIO_BUTTON: "radio button",
        pyatspi.ROLE_CHECK_BOX: "check box",
        pyatspi.ROLE_COMBO_BOX: "combo box",
        pyatspi.ROLE_SPIN_BUTTON: "spin button",
        pyatspi.ROLE_SLIDER: "slider",
        pyatspi.ROLE_ENTRY: "entry",
        pyatspi.ROLE_PASSWORD_TEXT: "password text",
        pyatspi.ROLE_TEXT: "text",
        pyatspi.ROLE_LIST_ITEM: "list item",
    })


failures = []


def fail(where, what):
    failures.append("%s: %s" % (where, what))
    print("FAIL %s: %s" % (where, what), flush=True)


def wait_for(what, predicate, timeout=20.0):
    """Polls predicate until it returns something true; fails the test
    (raises) if it never does."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except Exception:  # an object gone while the page changes
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for " + what)
        time.sleep(0.1)


# --------------------------------------------------------------------------
# The accessible tree


def showing(acc):
    try:
        states = acc.getState()
        return states.contains(pyatspi.STATE_SHOWING) and states.contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def walk(acc, out=None):
    """Every showing object under acc, depth first, in the order a screen
    reader reads them (the order of the accessible children)."""
    if out is None:
        out = []
    try:
        n = acc.childCount
    except Exception:
        return out
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is None or not showing(child):
            continue
        out.append(child)
        walk(child, out)
    return out


def role_of(acc):
    try:
        return acc.getRole()
    except Exception:
        return None


def is_actionable(acc):
    role = role_of(acc)
    if role not in ACTIONABLE_ROLES:
        return False
    states = acc.getState()
    if role == pyatspi.ROLE_TEXT:
        return states.contains(pyatspi.STATE_EDITABLE)
    if role == pyatspi.ROLE_LIST_ITEM:
        return states.contains(pyatspi.STATE_FOCUSABLE) or states.contains(pyatspi.STATE_SELECTABLE)
    return True


def extents(acc):
    box = acc.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return (box.x, box.y, box.width, box.height)


def describe(acc):
    try:
        x, y, w, h = extents(acc)
        where = " at %d,%d %dx%d" % (x, y, w, h)
    except Exception:
        where = ""
    parent = acc.parent
    context = ""
    if parent is not None and parent.name:
        context = " in %s “%s”" % (parent.getRoleName(), parent.name)
    elif parent is not None:
        context = " in unnamed %s" % parent.getRoleName()
    return "%s “%s”%s%s" % (acc.getRoleName(), acc.name or "", where, context)


def find(root, name, roles=None):
    for acc in walk(root):
        if acc.name == name and (roles is None or role_of(acc) in roles):
            return acc
    return None


def find_prefix(root, prefix, roles=None):
    for acc in walk(root):
        if acc.name and acc.name.startswith(prefix) and (roles is None or role_of(acc) in roles):
            return acc
    return None


def press(root, name):
    """Does a button's first action (click) as a switch or a screen reader would."""
    acc = wait_for("“%s” on screen" % name, lambda: find(root, name))
    action = acc.queryAction()
    if action.nActions < 1:
        raise RuntimeError("“%s” has no action" % name)
    action.doAction(0)


# --------------------------------------------------------------------------
# Checks


def check_names(frame, where):
    """Every actionable object on screen has a name; every list item too."""
    seen = 0
    for acc in walk(frame):
        role = role_of(acc)
        if role == pyatspi.ROLE_LIST_ITEM and not (acc.name or "").strip():
            fail(where, "unnamed %s" % describe(acc))
            seen += 1
            continue
        if is_actionable(acc):
            seen += 1
            if not (acc.name or "").strip():
                fail(where, "unnamed actionable %s" % describe(acc))
    if seen < 4:
        fail(where, "only %d actionable objects found: is the bridge on?" % seen)


def visual_order(items):
    """Top to bottom, then left to right: objects whose vertical middles
    lie within each other's height share a row."""
    boxes = [(extents(acc), acc) for acc in items]
    boxes.sort(key=lambda b: b[0][1])
    rows = []
    for box, acc in boxes:
        middle = box[1] + box[3] / 2
        for row in rows:
            top, bottom = row[0]
            if top <= middle <= bottom:
                row[1].append((box, acc))
                break
        else:
            rows.append([(box[1], box[1] + box[3]), [(box, acc)]])
    order = []
    for row in rows:
        order += [acc for box, acc in sorted(row[1], key=lambda b: b[0][0])]
    return order


def check_order(items, where, what):
    items = [acc for acc in items if acc is not None]
    if len(items) < 2:
        fail(where, "reading order of %s: fewer than two objects found" % what)
        return
    expected = [acc.name for acc in visual_order(items)]
    read = [acc.name for acc in items]
    if read != expected:
        fail(where, "reading order of %s is %s; on screen it is %s" % (what, read, expected))


def check_reading_order_of(frame, names, where, what):
    """names in the order the tree gives them, against where they are drawn."""
    wanted = set(names)
    items = [acc for acc in walk(frame) if acc.name in wanted and is_actionable(acc)]
    check_order(items, where, what)


def check_keyboard_rows(frame, where):
    """Each row of keys, as drawn, is read left to right."""
    key_q = find(frame, "q", [pyatspi.ROLE_PUSH_BUTTON])
    if key_q is None:
        fail(where, "the on-screen keyboard's “q” key is not on screen")
        return
    keyboard = key_q.parent
    while keyboard is not None and find(keyboard, "Space") is None:
        keyboard = keyboard.parent
    keys = [acc for acc in walk(keyboard) if role_of(acc) in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)]
    rows = []
    for acc in keys:
        x, y, w, h = extents(acc)
        for row in rows:
            if row[0] <= y + h / 2 <= row[1]:
                row[2].append(acc)
                break
        else:
            rows.append([y, y + h, [acc]])
    rows.sort(key=lambda row: row[0])
    for n, row in enumerate(rows, 1):
        check_order(row[2], where, "keyboard row %d" % n)
    if len(rows) < 3:
        fail(where, "only %d keyboard rows found" % len(rows))


def check_alert(frame, where, button_name):
    button = wait_for("the idle warning", lambda: find(frame, button_name, [pyatspi.ROLE_PUSH_BUTTON]),
                      IDLE_TIMEOUT + 15)
    roles = []
    acc = button.parent
    while acc is not None and role_of(acc) != pyatspi.ROLE_FRAME:
        roles.append(acc.getRoleName())
        if role_of(acc) == pyatspi.ROLE_ALERT:
            return
        acc = acc.parent
    fail(where, "the idle warning is not an alert: around “%s” are %s" % (button_name, roles))


# --------------------------------------------------------------------------
# The kiosk and its accessibility bus


def a11y_bus_up():
    """Whether org.a11y.Bus (the launcher) answers on the session bus."""
    from gi.repository import Gio, GLib
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    reply = bus.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                          "NameHasOwner", GLib.Variant("(s)", ("org.a11y.Bus",)), None,
                          Gio.DBusCallFlags.NONE, -1, None)
    return reply.unpack()[0]


def find_launcher():
    for folder in LAUNCHER_DIRS:
        path = os.path.join(folder, "at-spi-bus-launcher")
        if os.access(path, os.X_OK):
            return path
    return None


def write_config(folder):
    data = os.environ.get("JOBKIOSK_DATADIR")
    if not data:
        raise RuntimeError("JOBKIOSK_DATADIR is not set (run through meson test)")
    demo = os.path.join(data, "demo")
    path = os.path.join(folder, "jobkiosk.conf")
    with open(path, "w") as conf:
        conf.write(
            "[kiosk]\n"
            "center-name = Riverside American Job Center (demo)\n"
            "language = en\n"
            "idle-timeout = %d\n"
            "idle-warning = %d\n"
            "area = 43215\n"
            "location = 43215\n"
            "zip-centroids = %s\n"
            "[display]\n"
            "fullscreen = false\n"
            "[source demo]\n"
            "url = %s\n"
            "format = job-xml\n"
            "refresh = 60\n" % (IDLE_TIMEOUT, IDLE_WARNING, os.path.join(demo, "zcta-demo.txt"),
                               os.path.join(demo, "jobs.xml")))
    return path


def stop(process):
    """Ends a process group this test made (the process and what it started)."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass


def kiosk_frame(pid):
    def look():
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    for j in range(app.childCount):
                        frame = app.getChildAtIndex(j)
                        if frame is not None and role_of(frame) == pyatspi.ROLE_FRAME and showing(frame):
                            return frame
            except Exception:
                continue
        return None
    return wait_for("the kiosk's window on the accessibility bus", look, 30)


def run(frame):
    # Home, in English then Spanish.
    wait_for("home", lambda: find(frame, "Find a job", [pyatspi.ROLE_PUSH_BUTTON]))
    check_names(frame, "home en")
    check_reading_order_of(frame, ["Find a job", "Pay and careers", "Build a resume", "Check in"], "home en",
                           "the home tiles")
    check_reading_order_of(frame, ["Back", "Home", "Finish and clear my information", "Help"], "home en",
                           "the bottom bar")
    press(frame, "Español")
    wait_for("Spanish", lambda: find(frame, "Buscar trabajo", [pyatspi.ROLE_PUSH_BUTTON]))
    check_names(frame, "home es")
    check_reading_order_of(frame, ["Buscar trabajo", "Sueldos y carreras", "Hacer un currículum",
                                   "Registrar mi llegada"], "home es", "the home tiles")
    # The visit changed the language, so Finish asks first, as an alert.
    press(frame, "Terminar y borrar mi información")
    question = wait_for("the Finish question", lambda: find(frame, "¿Borrar todo y empezar de nuevo?"))
    if role_of(question) != pyatspi.ROLE_ALERT:
        fail("finish es", "the question “¿Borrar todo y empezar de nuevo?” is a %s, not an alert"
             % question.getRoleName())
    press(frame, "Sí, borrar todo")
    wait_for("English again", lambda: find(frame, "Find a job", [pyatspi.ROLE_PUSH_BUTTON]))
    try:
        wait_for("the cleared notice", lambda: find(frame, "Your information was cleared"), 5)
    except RuntimeError:
        fail("home en", "no “Your information was cleared” after Finish")

    # Find a job: the results, then typing with the keyboard open.
    press(frame, "Find a job")
    wait_for("the results", lambda: find_prefix(frame, "What kind of work", [pyatspi.ROLE_TEXT]))
    check_names(frame, "search en")
    entry = find_prefix(frame, "What kind of work", [pyatspi.ROLE_TEXT])
    # Typed first, so the count is on screen before the keyboard takes room.
    # A word being typed is looked for in titles: the three Line Cook postings.
    entry.queryEditableText().setTextContents("cook")
    try:
        wait_for("“3 jobs”", lambda: find(frame, "3 jobs"), 10)
    except RuntimeError:
        named = [acc.name for acc in walk(frame) if role_of(acc) == pyatspi.ROLE_LABEL]
        fail("search en", "nothing named “3 jobs” after typing cook; the labels on screen: %s" % named)
    entry.queryComponent().grabFocus()
    wait_for("the keyboard", lambda: find(frame, "q", [pyatspi.ROLE_PUSH_BUTTON]))
    check_names(frame, "search en, keyboard open")
    check_keyboard_rows(frame, "search en, keyboard open")
    press(frame, "Español")
    wait_for("Spanish", lambda: find_prefix(frame, "¿Qué tipo de trabajo", [pyatspi.ROLE_TEXT]))
    check_names(frame, "search es")
    press(frame, "English")

    # A job saved: my list counts it, in its name.
    press(frame, "Hide keyboard")
    card = wait_for("a result", lambda: find_prefix(frame, "Line Cook", [pyatspi.ROLE_LIST_ITEM]))
    # GTK 3 gives a list row no action; the kiosk's cards have "activate".
    try:
        card.queryAction()
        has_action = True
    except NotImplementedError:
        has_action = False
        fail("search en", "the result card %s has no action: a switch or screen reader user cannot open it"
             % describe(card))
    if has_action:
        card.queryAction().doAction(0)
    else:
        x, y, w, h = extents(card)
        pyatspi.Registry.generateMouseEvent(x + w // 2, y + h // 2, pyatspi.MOUSE_B1C)
    try:
        wait_for("the job's page", lambda: find(frame, "Save to my list",
                                                [pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON]), 5)
    except RuntimeError:
        fail("search en", "the job's page did not open from the result card; My list's count not checked")
    else:
        check_names(frame, "job en")
        press(frame, "Save to my list")
        press(frame, "Back")
        my_list = wait_for("My list", lambda: find_prefix(frame, "My list", [pyatspi.ROLE_PUSH_BUTTON]))
        if "1" not in my_list.name:
            fail("search en, one job saved", "the My list button is named “%s”, without its count (1)"
                 % my_list.name)
    press(frame, "Finish and clear my information")
    press(frame, "Yes, clear everything")
    wait_for("home", lambda: find(frame, "Find a job", [pyatspi.ROLE_PUSH_BUTTON]))

    # The idle warning, away from home with nothing touched.
    press(frame, "Find a job")
    check_alert(frame, "idle warning en", "I need more time")
    check_names(frame, "idle warning en")
    press(frame, "I need more time")


def main():
    launcher_path = find_launcher()
    program = os.environ.get("JK_JOBKIOSK")
    if launcher_path is None:
        print("at-spi-bus-launcher (at-spi2-core) is missing: packaging/dev/deps installs it", file=sys.stderr)
        return 1
    if not program:
        print("JK_JOBKIOSK is not set (run through meson test)", file=sys.stderr)
        return 1
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        print("no session bus: run through tests/lib/run-with-display (dbus-run-session)", file=sys.stderr)
        return 1

    folder = tempfile.mkdtemp(prefix="jk-atspi-")
    env = dict(os.environ)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    # No printer: a closed port on loopback, not the machine's cupsd.
    env["CUPS_SERVER"] = "127.0.0.1:9"
    launcher = kiosk = None
    try:
        config = write_config(folder)
        # Its own process group, so it and the bus and registry it starts end together.
        launcher = subprocess.Popen([launcher_path, "--launch-immediately"], env=env, start_new_session=True,
                                    stdout=subprocess.DEVNULL)
        wait_for("the accessibility bus", lambda: a11y_bus_up(), 20)
        load_pyatspi()
        # The registry up (activated on the accessibility bus) before the kiosk registers with it.
        wait_for("the registry", lambda: pyatspi.Registry.getDesktop(0) is not None, 20)
        log = open(os.path.join(folder, "kiosk.log"), "w")
        kiosk = subprocess.Popen([program, "--windowed", "--config", config, "--db",
                                  os.path.join(folder, "jobkiosk.db")], env=env, start_new_session=True,
                                 stdout=log, stderr=subprocess.STDOUT)
        frame = kiosk_frame(kiosk.pid)
        run(frame)
    except Exception as error:
        traceback.print_exc()
        fail("test", "stopped: %r" % error)
        if os.path.exists(os.path.join(folder, "kiosk.log")):
            with open(os.path.join(folder, "kiosk.log")) as log:
                print("the kiosk's log:\n" + log.read()[-4000:])
    finally:
        stop(kiosk)
        stop(launcher)
        shutil.rmtree(folder, ignore_errors=True)

    if failures:
        print("%d failures:" % len(failures))
        for line in failures:
            print("  " + line)
        return 1
    print("all good")
    return 0


if __name__ == "__main__":
    sys.exit(main())
