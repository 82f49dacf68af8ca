"""Ad images, served only from inside the folder of the ad's input file.

Image paths come from the ads, that is from strangers: ``../../etc/passwd``,
an absolute path, a symlink pointing out of the corpus or a URL must never be
read.  The path is resolved (symlinks followed) and must stay under the
resolved input folder, have an image extension and be a regular file.  Remote
images are never fetched.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
MAX_BYTES = 20 * 1024 * 1024


def resolve_image(ad: dict[str, Any], index: int) -> tuple[Path, str] | None:
    """``(file, media type)`` of the ad's ``index``-th image, or ``None`` when it must not be served."""
    images = ad.get("images") or []
    if not 0 <= index < len(images) or not ad.get("input_file"):
        return None
    rel = images[index]
    if not isinstance(rel, str) or not rel or "\x00" in rel or "://" in rel:
        return None
    if PurePosixPath(rel).is_absolute() or Path(rel).is_absolute() or rel.startswith("\\"):
        return None
    media = MEDIA_TYPES.get(Path(rel).suffix.lower())
    if media is None:
        return None
    try:
        base = Path(ad["input_file"]).parent.resolve(strict=True)
        target = (base / rel).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not target.is_relative_to(base) or not target.is_file():
        return None
    if target.stat().st_size > MAX_BYTES:
        return None
    return target, media
