"""Writing export files (core layer): atomically, through a temporary file in the same folder, keeping the mode;
through a symbolic link (the link stays) and straight into a device or a pipe (never replaced by a file)."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from reader.core.errors import ReaderError


def _umask() -> int:
    """The process umask, read without changing it where the system tells it (Linux), else set and restored."""
    try:
        for row in Path("/proc/self/status").read_text().splitlines():
            if row.startswith("Umask:"):
                return int(row.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode(path: Path) -> int:
    """Mode for a file written in place of `path`: the old file's, else what a new file gets (0644 under 022)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()


def is_stream(path: Path) -> bool:
    """Whether `path` is a device or a named pipe (`/dev/stdout` …): written into, never replaced."""
    return path.exists() and not path.is_file() and not path.is_dir()


def output_target(path: Path) -> Path:
    """The file a finished export replaces: the one a symbolic link points to (the link itself stays)."""
    return Path(os.path.realpath(path)) if path.is_symlink() and not is_stream(path) else path


def place(tmp: str | Path, target: Path) -> None:
    """Put the finished temporary file at `target` (see `output_target`): renamed over a file, copied into a
    device or a pipe. Raises OSError."""
    if is_stream(target):
        with open(tmp, "rb") as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst)
        os.unlink(tmp)
    else:
        os.replace(tmp, target)


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write UTF-8 text (or bytes) to `path` through a temporary file in the same folder and os.replace.

    A symbolic link is written through (the file it points to is replaced, the link stays). A device or a
    named pipe (`-o /dev/stdout`) is written to directly: replacing it would put a plain file in its place.
    """
    data = text.encode("utf-8") if isinstance(text, str) else text
    shown = path
    if is_stream(path):  # a device or a pipe (links followed)
        try:
            with open(path, "wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise ReaderError(f"cannot write {shown}: {exc.strerror or exc}") from exc
        return
    path = output_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ReaderError(f"cannot write {shown}: the folder {folder} does not exist")
    if path.is_dir():
        raise ReaderError(f"cannot write {shown}: it is a folder")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ReaderError(f"cannot write {shown}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, file_mode(path))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ReaderError(f"cannot write {shown}: {exc.strerror}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
