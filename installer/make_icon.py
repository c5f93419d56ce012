"""Draw the app icon (resources/icons/lkip-desktop.png and .ico) with Pillow.

The icon is committed; run this only to change it: ``python installer/make_icon.py``.
Drawn at 1024 px and scaled down, so small sizes stay smooth.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "DejaVuSansCondensed-Bold.ttf"
BLUE = (21, 94, 168, 255)  # a government-document blue, readable on light and dark taskbars
LIGHT = (255, 255, 255, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw(size: int = 1024) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pad = size // 16
    d.rounded_rectangle((pad, pad, size - pad, size - pad), radius=size // 6, fill=BLUE)
    # A thin bar chart under the word: the workbook is about targets and achievement.
    base = int(size * 0.80)
    bar_w = size // 11
    for i, h in enumerate((0.10, 0.16, 0.22)):
        x = size // 2 - 2 * bar_w + i * int(bar_w * 1.5)  # three bars span 4 bar widths
        d.rectangle((x, base - int(size * h), x + bar_w, base), fill=LIGHT)
    font = ImageFont.truetype(str(FONT), int(size * 0.30))
    d.text((size / 2, size * 0.36), "LKIP", font=font, fill=LIGHT, anchor="mm")
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "lkip-desktop.png", optimize=True)
    big.save(OUT / "lkip-desktop.ico", sizes=ICO_SIZES)
    print(f"Ikon ditulis ke {OUT}")


if __name__ == "__main__":
    main()
