#!/usr/bin/python3
"""Save a spreadsheet in another format with LibreOffice (headless, through UNO).

Used by make-bad-inputs.js to produce the two files that need a real office suite:
a BIFF8 .xls and a password-protected (ECMA-376 encrypted) .xlsx.

  lo-save.py SRC DST FILTER [PASSWORD]   e.g. FILTER "MS Excel 97" or "Calc MS Excel 2007 XML"
  lo-save.py --read SRC [PASSWORD]       print the first sheet's used rows, tab separated

Needs LibreOffice Calc and its Python bridge (Debian: libreoffice-calc-nogui, python3-uno).
Run it with the system python (/usr/bin/python3), which is the one that can import uno.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def named(name, value):
    v = NamedValue()
    v.Name = name
    v.Value = value
    return v


def start_office():
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "complaints_fixtures_%d" % os.getpid()
    proc = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            return proc, profile, desktop
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    stop_office(proc, profile, None)
    raise SystemExit("lo-save: could not start or reach LibreOffice (soffice)")


def stop_office(proc, profile, desktop):
    if desktop is not None:
        try:
            desktop.terminate()
        except Exception:
            pass
    try:
        proc.wait(timeout=30)
    except Exception:
        # soffice is a launcher script: end the whole process group it started
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    shutil.rmtree(profile, ignore_errors=True)


def load(desktop, path, password=None):
    props = [prop("Hidden", True), prop("ReadOnly", True)]
    if password:
        props.append(prop("Password", password))
    doc = desktop.loadComponentFromURL(
        uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0, tuple(props)
    )
    if doc is None:
        raise SystemExit("lo-save: LibreOffice could not open %s" % path)
    return doc


def save(desktop, src, dst, filter_name, password):
    doc = load(desktop, src)
    try:
        props = [prop("FilterName", filter_name), prop("Overwrite", True)]
        if password:
            # OOXML encryption: LibreOffice's "Standard" engine (ECMA-376 standard encryption,
            # AES-128), written as an OLE compound file with EncryptionInfo/EncryptedPackage.
            data = (named("OOXPassword", password), named("CryptoType", "Standard"))
            props.append(prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue", data)))
        uno.invoke(
            doc,
            "storeToURL",
            (
                uno.systemPathToFileUrl(os.path.abspath(dst)),
                uno.Any("[]com.sun.star.beans.PropertyValue", tuple(props)),
            ),
        )
    finally:
        doc.close(True)


def read(desktop, src, password):
    doc = load(desktop, src, password)
    try:
        sheet = doc.Sheets.getByIndex(0)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.RangeAddress
        for r in range(end.EndRow + 1):
            cells = [sheet.getCellByPosition(c, r).String for c in range(end.EndColumn + 1)]
            print("\t".join(cells))
    finally:
        doc.close(True)


def main(argv):
    if len(argv) >= 2 and argv[0] == "--read":
        src, password = argv[1], (argv[2] if len(argv) > 2 else None)
        action = lambda desktop: read(desktop, src, password)
    elif len(argv) in (3, 4):
        src, dst, filter_name = argv[0], argv[1], argv[2]
        password = argv[3] if len(argv) == 4 else None
        action = lambda desktop: save(desktop, src, dst, filter_name, password)
    else:
        raise SystemExit(__doc__)
    proc, profile, desktop = start_office()
    try:
        action(desktop)
    finally:
        stop_office(proc, profile, desktop)


if __name__ == "__main__":
    main(sys.argv[1:])
