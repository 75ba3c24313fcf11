"""What the operating system offers clsm, and a switch to do without it.

Most coordinators use Windows: every POSIX-only feature (fcntl locks, chmod of cellule/, fsync of
folders, fork) has a fallback. ``CLSM_SANS_POSIX=1`` makes clsm take those fallbacks on any
system, so that CI exercises them on Linux: the lock becomes an exclusively created lock file,
permissions are not set (and ``verifier`` cannot check them), folders are not fsynced and no
process is forked.
"""

from __future__ import annotations

import os


def sans_posix() -> bool:
    """True when CLSM_SANS_POSIX asks to behave as on a system without POSIX features."""
    return os.environ.get("CLSM_SANS_POSIX", "") not in ("", "0")


def posix() -> bool:
    """POSIX permissions, fsync of folders and fcntl locks are available and wanted."""
    return os.name == "posix" and not sans_posix()


def fork_possible() -> bool:
    """Starting a helper process by fork is possible and wanted."""
    return posix() and hasattr(os, "fork")


def verrouillage() -> str:
    """How the folder's lock is taken: « fcntl » (POSIX), « msvcrt » (Windows), or « fichier »
    (an exclusively created lock file: any system, and the fallback the switch exercises)."""
    if sans_posix():
        return "fichier"
    if os.name == "nt":
        return "msvcrt"
    try:
        import fcntl  # noqa: F401
    except ImportError:
        return "fichier"
    return "fcntl"


def processus_vivant(pid: int) -> bool | None:
    """Whether process ``pid`` still runs (None when this system cannot tell)."""
    if pid == os.getpid():
        return True
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0: only asks whether the process exists
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        noyau = ctypes.windll.kernel32  # type: ignore[attr-defined]
        poignee = noyau.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not poignee:
            return False
        try:
            code = ctypes.c_ulong()
            if not noyau.GetExitCodeProcess(poignee, ctypes.byref(code)):
                return None
            return code.value == 259  # STILL_ACTIVE
        finally:
            noyau.CloseHandle(poignee)
    return None
