"""Small synthetic "photos" for the demo corpus, drawn with Pillow.

An image is fully described by its file name and the corpus seed, so rendering needs no state from the ad
generator:

* ``n003_p1_v0.jpg``: photo 1 of network 3, as first uploaded; ``_v1``... are the same photo re-uploaded
  with a perturbation (resize, JPEG re-compression, colour shift, small crop), as happens when a network
  reposts its pictures on another site;
* ``i0412_p2.png``: photo 2 of independent poster 412;
* ``stock_1.jpg``: a stock picture used by many unrelated posters.

Pictures are abstract (gradients, shapes, a little texture): distinct enough for perceptual hashing to tell
them apart, and nothing a person could be recognised in.
"""

from __future__ import annotations

import io
import random
import re
from typing import Final

from PIL import Image, ImageDraw, ImageOps

WIDTH: Final = 96
HEIGHT: Final = 128
_NAME_RE: Final = re.compile(r"^(?P<base>(?:n\d+_p\d+|i\d+_p\d+|stock_\d+))(?:_v(?P<variant>\d+))?\.(?P<ext>jpg|png)$")


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def render_base(key: str) -> Image.Image:
    """Draw the original picture identified by ``key``.

    Args:
        key: Any string; the same key always gives the same picture.

    Returns:
        An RGB image of :data:`WIDTH` x :data:`HEIGHT` pixels.
    """
    rng = random.Random(key)
    grad = Image.linear_gradient("L").rotate(rng.choice((0, 90, 180, 270, 45))).resize((WIDTH, HEIGHT))
    img = ImageOps.colorize(grad, _colour(rng), _colour(rng)).convert("RGB")
    draw = ImageDraw.Draw(img)
    for _ in range(rng.randint(3, 7)):
        x0, y0 = rng.randrange(-20, WIDTH), rng.randrange(-20, HEIGHT)
        x1, y1 = x0 + rng.randint(12, 70), y0 + rng.randint(12, 90)
        shape = rng.random()
        if shape < 0.45:
            draw.ellipse((x0, y0, x1, y1), fill=_colour(rng))
        elif shape < 0.8:
            draw.rectangle((x0, y0, x1, y1), fill=_colour(rng))
        else:
            pts = [(rng.randrange(WIDTH), rng.randrange(HEIGHT)) for _ in range(3)]
            draw.polygon(pts, fill=_colour(rng))
    # Coarse texture, drawn from our own random stream: Pillow's effect_noise uses C rand() and would make
    # the bytes depend on the process history.
    noise = Image.frombytes("L", (WIDTH // 4, HEIGHT // 4), rng.randbytes((WIDTH // 4) * (HEIGHT // 4)))
    noise_rgb = noise.resize((WIDTH, HEIGHT), Image.Resampling.BILINEAR).convert("RGB")
    return Image.blend(img, noise_rgb, 0.12)


def perturb(img: Image.Image, key: str) -> tuple[Image.Image, int]:
    """Apply the re-upload changes of one variant.

    Args:
        img: The original picture.
        key: Variant key; the same key always gives the same changes.

    Returns:
        The changed picture and the JPEG quality to save it with.
    """
    rng = random.Random(key)
    quality = 85
    ops = rng.sample(("resize", "recompress", "shift", "crop"), rng.randint(1, 2))
    out = img
    for op in ops:
        if op == "resize":
            scale = rng.choice((0.75, 0.8, 1.2, 1.25))
            out = out.resize((round(out.width * scale), round(out.height * scale)), Image.Resampling.BICUBIC)
        elif op == "recompress":
            quality = rng.randint(35, 60)
        elif op == "shift":
            offsets = [rng.randint(-14, 14) for _ in range(3)]
            bands = [
                band.point(lambda v, o=o: max(0, min(255, v + o))) for band, o in zip(out.split(), offsets, strict=True)
            ]
            out = Image.merge("RGB", bands)
        else:
            left, top = rng.randint(1, 5), rng.randint(1, 5)
            right, bottom = rng.randint(1, 5), rng.randint(1, 5)
            out = out.crop((left, top, out.width - right, out.height - bottom))
    return out, quality


def render_file(name: str, seed: int) -> bytes:
    """Encode the picture a corpus file name stands for.

    Args:
        name: File name as generated (``n003_p1_v2.jpg``, ``i0412_p1.png``, ``stock_1.jpg``), without the
            ``images/`` folder.
        seed: Corpus seed, so two corpora with different seeds have different pictures.

    Returns:
        The encoded file content.

    Raises:
        ValueError: If the name is not one the generator produces.
    """
    match = _NAME_RE.match(name)
    if match is None:
        raise ValueError(f"not a demo image name: {name!r}")
    base_key = f"{seed}:{match['base']}"
    img = render_base(base_key)
    quality = 82
    variant = int(match["variant"] or 0)
    if variant:
        img, quality = perturb(img, f"{base_key}:v{variant}")
    buf = io.BytesIO()
    if match["ext"] == "png":
        img.save(buf, format="PNG")
    else:
        img.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()
