#!/usr/bin/env python3
"""Makes the photos banka-photos ships and tests with (run by hand; the outputs are committed).

- tests/images/portrait-*.jpg (ok, backdrop, phone, cmyk): from scikit-image's `astronaut.png` (NASA portrait of Eileen Collins,
  public domain), the backdrop replaced by white for the good card photos.
- assets/default-child.jpg: the default cartoon card photo for children under 7, drawn here.

Needs Pillow, numpy, scipy and the scikit-image wheel:
  pip download --no-deps scikit-image && unzip -o scikit_image-*.whl 'skimage/data/*'
  python3 scripts/gen-test-photos.py skimage/data/astronaut.png
"""
import io
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter
from scipy import ndimage

CRATE = Path(__file__).resolve().parent.parent / "src-tauri/crates/banka-photos"
IMAGES, ASSETS = CRATE / "tests/images", CRATE / "assets"
W, H = 358, 441


def white_backdrop(rgb: np.ndarray) -> np.ndarray:
    """The light studio backdrop (connected to the top and sides) turned white, edges feathered."""
    backdrop = np.array([198, 189, 186])
    near = np.linalg.norm(rgb.astype(float) - backdrop, axis=2) < 60
    labels, _ = ndimage.label(near)
    border = set(labels[0, :]) | set(labels[:, 0]) | set(labels[:, -1])
    border.discard(0)
    mask = np.isin(labels, list(border))
    mask = ndimage.binary_opening(mask, iterations=1)
    soft = np.asarray(Image.fromarray((mask * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(1.2))) / 255.0
    out = rgb * (1 - soft[..., None]) + 255 * soft[..., None]
    return out.clip(0, 255).astype(np.uint8)


def save_jpeg(img: Image.Image, path: Path, quality=92, exif=None):
    img.save(path, "JPEG", quality=quality, exif=exif or b"")
    print(path.relative_to(CRATE), img.size, path.stat().st_size)


def phone_exif(orientation: int) -> bytes:
    """EXIF as a phone writes it: orientation, camera and a GPS position (which a fix must remove)."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "BankaTestCam"
    exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)}
    return exif.tobytes()


def portraits(astronaut: Path):
    src = np.asarray(Image.open(astronaut).convert("RGB"))
    white = Image.fromarray(white_backdrop(src))
    # The face box rustface finds in astronaut.png is x 173..272, y 68..167 (99 px): scale it to
    # 207 px and put the top of the hair (y 15) 14 px below the top edge, as GA 461 asks.
    s = 207 / 99
    left, top = 222.5 - (W / 2) / s, 15 - 14 / s
    box = (left, top, left + W / s, top + H / s)
    spec = white.transform((W, H), Image.EXTENT, box, Image.BICUBIC)
    save_jpeg(spec, IMAGES / "portrait-ok.jpg")
    # The same person with the studio backdrop: not plain white.
    # The good photo saved as a CMYK JPEG (as print software does): must read as colour.
    spec.convert("CMYK").save(IMAGES / "portrait-cmyk.jpg", quality=92)
    save_jpeg(Image.fromarray(src).transform((W, H), Image.EXTENT, box, Image.BICUBIC), IMAGES / "portrait-backdrop.jpg")
    # A phone photo: 4× larger, on a white wall, held sideways (EXIF orientation 6), with GPS.
    big = white.crop((60, 0, 400, 420)).resize((1360, 1680), Image.LANCZOS)
    stored = big.transpose(Image.ROTATE_90)  # what the sensor stored; orientation 6 turns it back
    save_jpeg(stored, IMAGES / "portrait-phone.jpg", quality=90, exif=phone_exif(6))


def cartoon():
    """A friendly child's face, drawn to the card photo geometry on white (for children under 7)."""
    img = Image.new("RGB", (W, H), "white")
    d = ImageDraw.Draw(img)
    cx = W // 2
    d.ellipse((cx - 150, 330, cx + 150, 560), fill=(86, 156, 214))  # shoulders
    d.rectangle((cx - 30, 290, cx + 30, 345), fill=(230, 186, 150))  # neck
    d.ellipse((cx - 120, 14, cx + 120, 250), fill=(70, 45, 30))  # hair
    d.ellipse((cx - 115, 125, cx - 90, 175), fill=(226, 180, 146))  # ears
    d.ellipse((cx + 90, 125, cx + 115, 175), fill=(226, 180, 146))
    d.ellipse((cx - 103, 70, cx + 103, 320), fill=(238, 192, 156))  # face, 207 px wide
    d.chord((cx - 110, 20, cx + 110, 150), 180, 360, fill=(70, 45, 30))  # fringe
    for ex in (cx - 45, cx + 45):
        d.ellipse((ex - 16, 170, ex + 16, 202), fill=(240, 240, 236), outline=(60, 40, 30), width=2)
        d.ellipse((ex - 8, 178, ex + 8, 196), fill=(50, 35, 25))
        d.arc((ex - 22, 150, ex + 22, 170), 200, 340, fill=(70, 45, 30), width=4)  # brows
    d.ellipse((cx - 70, 215, cx - 40, 235), fill=(246, 170, 160))  # cheeks
    d.ellipse((cx + 40, 215, cx + 70, 235), fill=(246, 170, 160))
    d.arc((cx - 10, 200, cx + 10, 225), 20, 160, fill=(200, 140, 110), width=3)  # nose
    d.chord((cx - 38, 235, cx + 38, 285), 0, 180, fill=(200, 70, 80))  # smile
    # Shading as a painted face has it (darker round the edge of the face, under the brows and
    # beside the nose), which is also what a face detector looks for.
    a = np.asarray(img).astype(float)
    yy, xx = np.mgrid[0:H, 0:W]
    face = ((xx - cx) / 103) ** 2 + ((yy - 195) / 125) ** 2
    inside = face < 1
    a[inside] *= (1 - 0.22 * face[inside] ** 2)[:, None]
    shade = np.zeros((H, W))
    for ex in (cx - 45, cx + 45):
        shade += 0.14 * np.exp(-(((xx - ex) / 26) ** 2 + ((yy - 180) / 18) ** 2))
    shade += 0.10 * np.exp(-(((xx - cx - 9) / 6) ** 2 + ((yy - 205) / 20) ** 2))
    a[inside] *= (1 - shade[inside])[:, None]
    rng = np.random.default_rng(7)
    paper = (np.asarray(img).min(axis=2) > 250)[..., None]
    out = np.where(paper, 255, a + rng.normal(0, 2.0, a.shape)).clip(0, 255).astype(np.uint8)
    save_jpeg(Image.fromarray(out), ASSETS / "default-child.jpg", quality=95)


if __name__ == "__main__":
    IMAGES.mkdir(parents=True, exist_ok=True)
    ASSETS.mkdir(parents=True, exist_ok=True)
    portraits(Path(sys.argv[1]))
    cartoon()
