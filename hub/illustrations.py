"""Illustrations drawn by the project for the demo pages (nothing is downloaded, no binary file is committed).

Each motif is a flat drawing of what a page is about (a portal, a bill paid by phone, a building plan, a map with
pins...), made with Pillow's primitives on a 1200×675 canvas, drawn at twice the size and scaled down so that
edges are smooth. The page's slug varies the decoration, so two pages with the same motif still differ.
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable

from PIL import Image, ImageDraw

WIDTH, HEIGHT, SCALE = 1200, 675, 2

# motif → (background, ink, accent, light)
PALETTES = {
    "portal": ("#e3f1ea", "#1a6b4f", "#f2a93b", "#ffffff"),
    "payment": ("#e4ecf7", "#1e508c", "#2fa36b", "#ffffff"),
    "permit": ("#f6ebe4", "#96462a", "#2c6e9b", "#fffaf5"),
    "map": ("#ece8f4", "#5a3c82", "#e0524a", "#ffffff"),
    "complaint": ("#fdf1e1", "#9a5b12", "#2c7a7b", "#ffffff"),
    "archive": ("#eeeae2", "#5f4b32", "#c0392b", "#fffdf8"),
    "finance": ("#f5e6ea", "#78283c", "#2f7d5b", "#ffffff"),
    "open-data": ("#e5f2e7", "#28783c", "#2b5f9e", "#ffffff"),
    "plan": ("#e6eef5", "#24476b", "#e58e26", "#ffffff"),
    "contract": ("#f1ede4", "#4a4033", "#1f7a6d", "#ffffff"),
    "security": ("#e6e9f0", "#27324a", "#d94f3d", "#ffffff"),
    "bilingual": ("#e8f3f3", "#1d5e63", "#c2185b", "#ffffff"),
    "training": ("#f3eee2", "#6b4b12", "#1f6fb2", "#ffffff"),
    "conference": ("#e9efe6", "#2f5130", "#b8860b", "#ffffff"),
    "seminar": ("#eceaf6", "#3b3277", "#2e8b57", "#ffffff"),
    "workshop": ("#e3eef8", "#1b4f7a", "#e0702b", "#ffffff"),
    "calendar": ("#f4ece6", "#7a3b1d", "#1f6fb2", "#ffffff"),
}


class Canvas:
    """Drawing in 1200×675 units on a supersampled image."""

    def __init__(self, motif: str, seed: str):
        self.background, self.ink, self.accent, self.light = PALETTES[motif]
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), self.background)
        self.draw = ImageDraw.Draw(self.image)
        self.random = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))

    @staticmethod
    def _box(x0, y0, x1, y1):
        return [x0 * SCALE, y0 * SCALE, x1 * SCALE, y1 * SCALE]

    def rect(self, x0, y0, x1, y1, *, fill=None, outline=None, width=0, radius=0):
        self.draw.rounded_rectangle(
            self._box(x0, y0, x1, y1), radius=radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def ellipse(self, x0, y0, x1, y1, *, fill=None, outline=None, width=0):
        self.draw.ellipse(self._box(x0, y0, x1, y1), fill=fill, outline=outline, width=width * SCALE)

    def circle(self, x, y, r, **kwargs):
        self.ellipse(x - r, y - r, x + r, y + r, **kwargs)

    def line(self, points, *, fill, width):
        self.draw.line([(x * SCALE, y * SCALE) for x, y in points], fill=fill, width=width * SCALE, joint="curve")

    def polygon(self, points, *, fill=None, outline=None, width=0):
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill, outline=outline, width=width * SCALE)

    def pieslice(self, x0, y0, x1, y1, start, end, *, fill):
        self.draw.pieslice(self._box(x0, y0, x1, y1), start, end, fill=fill)

    def text_lines(self, x0, y, x1, count, *, gap=26, height=10, fill=None, rtl=False):
        """Grey bars that read as lines of text (no real words: the picture is the same in both languages)."""
        for i in range(count):
            length = (x1 - x0) * (0.55 + 0.45 * self.random.random())
            start, end = (x1 - length, x1) if rtl else (x0, x0 + length)
            self.rect(start, y + i * gap, end, y + i * gap + height, fill=fill or "#c9ced6", radius=height // 2)

    def decorate(self):
        """Soft circles and dots placed from the seed, behind the motif."""
        for _ in range(5):
            x, y = self.random.randint(0, WIDTH), self.random.randint(0, HEIGHT)
            r = self.random.randint(40, 140)
            self.circle(x, y, r, fill=_mix(self.background, self.light, 0.55))
        for _ in range(14):
            x, y = self.random.randint(20, WIDTH - 20), self.random.randint(20, HEIGHT - 20)
            self.circle(x, y, self.random.randint(4, 9), fill=_mix(self.background, self.ink, 0.18))

    def png(self) -> bytes:
        buffer = io.BytesIO()
        self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS).save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()


def _mix(a: str, b: str, t: float) -> str:
    ca, cb = (tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (a, b))
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(ca, cb, strict=True))


def _phone(c: Canvas, x, y, w=190, h=360):
    c.rect(x, y, x + w, y + h, fill=c.ink, radius=28)
    c.rect(x + 12, y + 34, x + w - 12, y + h - 40, fill=c.light, radius=10)
    c.circle(x + w / 2, y + h - 20, 9, fill=c.light)


def _pin(c: Canvas, x, y, r, colour):
    c.polygon([(x - r * 0.8, y - r * 0.6), (x + r * 0.8, y - r * 0.6), (x, y + r * 1.3)], fill=colour)
    c.circle(x, y - r, r, fill=colour)
    c.circle(x, y - r, r * 0.42, fill=c.light)


def _person(c: Canvas, x, y, colour, size=1.0):
    c.circle(x, y, 22 * size, fill=colour)
    c.pieslice(x - 42 * size, y + 26 * size, x + 42 * size, y + 110 * size, 180, 360, fill=colour)


# ---- motifs ----


def _portal(c: Canvas):
    c.rect(250, 110, 950, 570, fill=c.light, outline=c.ink, width=6, radius=24)
    c.rect(250, 110, 950, 175, fill=c.ink, radius=24)
    c.rect(250, 150, 950, 175, fill=c.ink)
    for i, colour in enumerate(("#e0524a", c.accent, "#5cc28a")):
        c.circle(290 + i * 34, 142, 11, fill=colour)
    c.rect(420, 128, 880, 156, fill=_mix(c.ink, c.light, 0.8), radius=14)
    for row in range(2):
        for col in range(3):
            x, y = 300 + col * 210, 215 + row * 170
            c.rect(x, y, x + 180, y + 140, fill=_mix(c.background, c.light, 0.4), outline=c.ink, width=3, radius=14)
            icon = (row * 3 + col) % 3
            if icon == 0:
                c.circle(x + 90, y + 60, 30, fill=c.accent)
            elif icon == 1:
                c.rect(x + 60, y + 30, x + 120, y + 90, fill=c.ink, radius=8)
            else:
                c.polygon([(x + 90, y + 25), (x + 125, y + 90), (x + 55, y + 90)], fill=c.accent)
            c.rect(x + 40, y + 108, x + 140, y + 118, fill="#c9ced6", radius=5)


def _payment(c: Canvas):
    _phone(c, 330, 140)
    c.rect(360, 200, 490, 260, fill=_mix(c.ink, c.light, 0.85), radius=8)
    c.text_lines(362, 290, 490, 4, gap=28)
    c.circle(425, 440, 34, fill=c.accent)
    c.line([(408, 440), (421, 454), (444, 426)], fill=c.light, width=8)
    c.rect(600, 250, 900, 440, fill=c.ink, radius=22)
    c.rect(600, 290, 900, 330, fill=_mix(c.ink, "#000000", 0.35))
    c.rect(630, 370, 700, 410, fill=c.accent, radius=6)
    c.text_lines(730, 380, 870, 1, fill=_mix(c.ink, c.light, 0.5))
    for i in range(4):
        c.ellipse(640 + i * 14, 470 - i * 18, 760 + i * 14, 500 - i * 18, fill=c.accent, outline=c.ink, width=3)


def _permit(c: Canvas):
    blueprint = "#2c5d8a"
    c.rect(220, 110, 980, 570, fill=blueprint, radius=10)
    for x in range(240, 980, 40):
        c.line([(x, 120), (x, 560)], fill=_mix(blueprint, "#ffffff", 0.15), width=2)
    for y in range(130, 570, 40):
        c.line([(230, y), (970, y)], fill=_mix(blueprint, "#ffffff", 0.15), width=2)
    white = "#f4f8fb"
    c.polygon([(400, 300), (560, 190), (720, 300)], outline=white, width=6)
    c.rect(430, 300, 690, 480, outline=white, width=6)
    c.rect(530, 380, 590, 480, outline=white, width=5)
    c.rect(455, 330, 510, 375, outline=white, width=4)
    c.rect(610, 330, 665, 375, outline=white, width=4)
    c.line([(430, 510), (690, 510)], fill=white, width=3)
    c.circle(830, 430, 80, outline=c.accent, width=10, fill=_mix(blueprint, c.accent, 0.25))
    c.line([(795, 430), (822, 458), (870, 405)], fill=white, width=12)


def _map(c: Canvas):
    c.rect(200, 100, 1000, 575, fill="#f7f4ea", outline=c.ink, width=5, radius=16)
    parcels = [
        [(220, 120), (470, 120), (430, 330), (220, 300)],
        [(470, 120), (760, 120), (720, 280), (430, 330)],
        [(760, 120), (980, 120), (980, 360), (720, 280)],
        [(220, 300), (430, 330), (400, 555), (220, 555)],
        [(430, 330), (720, 280), (740, 555), (400, 555)],
        [(720, 280), (980, 360), (980, 555), (740, 555)],
    ]
    tints = ["#dfe9d2", "#e9e1f2", "#f3e6cf", "#d9e8ef", "#efe0e0", "#e2efdc"]
    for points, tint in zip(parcels, tints, strict=True):
        c.polygon(points, fill=tint, outline=_mix(c.ink, "#ffffff", 0.5), width=3)
    c.line([(200, 430), (420, 400), (640, 420), (1000, 330)], fill="#ffffff", width=22)
    c.line([(200, 430), (420, 400), (640, 420), (1000, 330)], fill="#9aa3ad", width=3)
    c.line([(560, 100), (590, 300), (560, 575)], fill="#7fb2d9", width=14)
    for x, y in ((330, 250), (640, 220), (850, 470)):
        _pin(c, x, y, 28, c.accent)


def _complaint(c: Canvas):
    _phone(c, 250, 150)
    c.rect(275, 220, 415, 270, fill=c.accent, radius=18)
    c.rect(300, 290, 420, 330, fill=_mix(c.ink, c.light, 0.75), radius=16)
    c.rect(275, 350, 400, 400, fill=c.accent, radius=18)
    c.line([(760, 560), (760, 200), (860, 170)], fill=c.ink, width=14)
    c.polygon([(830, 160), (910, 160), (890, 200), (850, 200)], fill=c.ink)
    c.ellipse(835, 195, 905, 235, fill="#ffe27a")
    c.rect(700, 550, 820, 575, fill=c.ink, radius=6)
    _pin(c, 600, 330, 40, c.accent)
    c.rect(540, 500, 680, 560, fill=_mix(c.ink, c.background, 0.3), radius=10)
    c.rect(555, 470, 665, 505, fill=_mix(c.ink, c.background, 0.5), radius=8)


def _archive(c: Canvas):
    c.rect(250, 150, 560, 570, fill=c.ink, radius=12)
    for i in range(3):
        y = 175 + i * 130
        c.rect(275, y, 535, y + 110, fill=_mix(c.ink, c.light, 0.2), radius=8)
        c.rect(370, y + 45, 440, y + 62, fill=c.light, radius=6)
    for i in range(5):
        x, y = 640 + i * 22, 180 + i * 26
        c.rect(x, y, x + 250, y + 300, fill=c.light, outline=_mix(c.ink, c.light, 0.4), width=3, radius=6)
    c.text_lines(750, 310, 960, 6, gap=32, rtl=True)
    c.rect(700, 500, 1010, 540, fill=c.accent, radius=10)
    c.rect(690, 470, 1020, 480, fill=_mix(c.accent, "#ffffff", 0.5), radius=5)


def _finance(c: Canvas):
    c.rect(230, 130, 970, 560, fill=c.light, outline=c.ink, width=5, radius=18)
    c.line([(290, 500), (910, 500)], fill=c.ink, width=4)
    c.line([(290, 180), (290, 500)], fill=c.ink, width=4)
    heights = [120, 170, 150, 230, 210, 280]
    for i, height in enumerate(heights):
        x = 330 + i * 95
        c.rect(x, 500 - height, x + 55, 500, fill=_mix(c.ink, c.light, 0.25 + 0.08 * i), radius=6)
    points = [(357 + i * 95, 470 - height - 30) for i, height in enumerate(heights)]
    c.line(points, fill=c.accent, width=8)
    for x, y in points:
        c.circle(x, y, 11, fill=c.accent)


def _open_data(c: Canvas):
    c.rect(200, 150, 620, 540, fill=c.light, outline=c.ink, width=5, radius=14)
    c.rect(200, 150, 620, 210, fill=c.ink, radius=14)
    c.rect(200, 190, 620, 210, fill=c.ink)
    for row in range(5):
        y = 230 + row * 60
        c.line([(215, y + 45), (605, y + 45)], fill="#d7dbe0", width=2)
        for col in range(3):
            x = 225 + col * 130
            c.rect(x, y + 12, x + 100 - (row * col * 7) % 40, y + 26, fill="#b9c1cb", radius=7)
    c.pieslice(700, 170, 960, 430, -90, 60, fill=c.ink)
    c.pieslice(700, 170, 960, 430, 60, 200, fill=c.accent)
    c.pieslice(700, 170, 960, 430, 200, 270, fill=_mix(c.ink, c.light, 0.5))
    c.rect(770, 470, 890, 560, fill=c.accent, radius=14)
    c.line([(830, 485), (830, 535)], fill=c.light, width=10)
    c.polygon([(805, 520), (855, 520), (830, 548)], fill=c.light)


def _plan(c: Canvas):
    path = [(200, 480), (380, 420), (520, 470), (690, 330), (860, 360), (1000, 220)]
    c.line(path, fill=_mix(c.ink, c.background, 0.4), width=30)
    c.line(path, fill=c.light, width=4)
    for i, (x, y) in enumerate(path[1::2]):
        c.line([(x, y), (x, y - 150)], fill=c.ink, width=7)
        c.polygon([(x, y - 150), (x + 90, y - 125), (x, y - 100)], fill=c.accent if i == 2 else c.ink)
        c.circle(x, y, 20, fill=c.accent)
    c.rect(440, 95, 640, 255, fill=c.light, outline=c.ink, width=4, radius=12)
    for i in range(4):
        y = 117 + i * 33
        c.rect(460, y, 482, y + 22, outline=c.ink, width=3, radius=4)
        if i < 2:
            c.line([(464, y + 11), (471, y + 18), (482, y + 2)], fill=c.accent, width=5)
        c.rect(500, y + 6, 615 - i * 15, y + 16, fill="#c9ced6", radius=5)


def _contract(c: Canvas):
    c.rect(320, 100, 700, 580, fill=c.light, outline=c.ink, width=4, radius=10)
    c.text_lines(360, 150, 660, 9, gap=34)
    c.line([(380, 500), (420, 470), (450, 510), (490, 460), (530, 500)], fill=c.ink, width=5)
    c.circle(620, 495, 42, fill=c.accent)
    c.circle(620, 495, 28, outline=c.light, width=4)
    c.ellipse(760, 230, 900, 370, outline=c.ink, width=18)
    c.rect(855, 290, 1000, 312, fill=c.ink, radius=8)
    c.rect(950, 300, 970, 345, fill=c.ink, radius=4)
    c.rect(910, 300, 930, 335, fill=c.ink, radius=4)
    c.circle(830, 300, 26, fill=c.accent)


def _security(c: Canvas):
    c.polygon([(600, 110), (800, 180), (780, 400), (600, 560), (420, 400), (400, 180)], fill=c.ink)
    c.polygon([(600, 140), (770, 200), (752, 392), (600, 525), (448, 392), (430, 200)], fill=_mix(c.ink, c.light, 0.15))
    c.rect(530, 300, 670, 420, fill=c.accent, radius=14)
    c.ellipse(548, 225, 652, 335, outline=c.light, width=16)
    c.rect(530, 300, 670, 420, fill=c.accent, radius=14)
    c.circle(600, 350, 14, fill=c.light)
    c.rect(594, 355, 606, 390, fill=c.light, radius=4)
    for i in range(3):
        y = 230 + i * 95
        c.rect(860, y, 1040, y + 75, fill=c.light, outline=c.ink, width=4, radius=8)
        c.circle(890, y + 37, 9, fill="#5cc28a")
        c.rect(920, y + 30, 1010, y + 44, fill="#c9ced6", radius=6)
    c.rect(160, 300, 340, 440, fill=c.light, outline=c.ink, width=4, radius=10)
    c.rect(175, 315, 325, 395, fill=_mix(c.background, c.ink, 0.15), radius=6)
    c.rect(220, 440, 280, 470, fill=c.ink)


def _bilingual(c: Canvas):
    c.rect(230, 140, 580, 540, fill=c.light, outline=c.ink, width=5, radius=16)
    c.rect(620, 140, 970, 540, fill=c.light, outline=c.ink, width=5, radius=16)
    c.rect(230, 140, 580, 190, fill=c.ink, radius=16)
    c.rect(620, 140, 970, 190, fill=c.ink, radius=16)
    c.text_lines(260, 230, 550, 7, gap=40, rtl=True)  # right-to-left: lines end on the right
    c.text_lines(650, 230, 940, 7, gap=40)
    c.circle(600, 585, 58, fill=c.accent)
    c.circle(600, 560, 12, fill=c.light)
    c.line([(565, 578), (635, 578)], fill=c.light, width=7)
    c.line([(600, 575), (600, 605), (585, 630)], fill=c.light, width=7)
    c.line([(600, 605), (615, 630)], fill=c.light, width=7)


def _training(c: Canvas):
    c.polygon([(600, 120), (820, 200), (600, 280), (380, 200)], fill=c.ink)
    c.pieslice(480, 180, 720, 330, 0, 180, fill=c.ink)
    c.line([(820, 200), (820, 300)], fill=c.accent, width=6)
    c.circle(820, 310, 14, fill=c.accent)
    for i, x in enumerate((330, 480, 720, 870)):
        _person(c, x, 390, _mix(c.ink, c.background, 0.25 + 0.15 * (i % 2)), 1.2)
    c.rect(260, 520, 940, 560, fill=c.accent, radius=12)


def _conference(c: Canvas):
    c.rect(180, 110, 1020, 330, fill=c.ink, radius=14)
    c.rect(210, 140, 990, 300, fill=_mix(c.ink, c.light, 0.85), radius=8)
    c.polygon([(470, 180), (730, 180), (700, 270), (500, 270)], fill=c.accent)
    c.rect(545, 330, 655, 470, fill=_mix(c.ink, "#000000", 0.2), radius=8)
    c.line([(630, 330), (660, 290)], fill=c.ink, width=6)
    c.circle(662, 284, 10, fill=c.ink)
    for row in range(2):
        for col in range(9):
            x = 200 + col * 100 + (50 if row else 0)
            if x > 1000:
                continue
            _person(c, x, 520 + row * 60, _mix(c.ink, c.background, 0.2 + 0.1 * ((col + row) % 3)), 0.8)


def _seminar(c: Canvas):
    c.rect(220, 110, 980, 430, fill=c.light, outline=c.ink, width=6, radius=12)
    c.polygon([(260, 150), (520, 140), (560, 300), (280, 390)], fill="#dfe9d2")
    c.polygon([(520, 140), (940, 150), (940, 260), (560, 300)], fill="#e9e1f2")
    c.polygon([(560, 300), (940, 260), (940, 395), (280, 390)], fill="#f3e6cf")
    c.line([(260, 340), (600, 280), (940, 330)], fill="#9aa3ad", width=6)
    _pin(c, 470, 250, 26, c.accent)
    _pin(c, 780, 240, 26, c.accent)
    c.line([(600, 430), (600, 470)], fill=c.ink, width=8)
    for col in range(6):
        _person(c, 290 + col * 125, 520, _mix(c.ink, c.background, 0.2 + 0.12 * (col % 3)), 0.9)


def _workshop(c: Canvas):
    c.rect(300, 130, 900, 470, fill=c.ink, radius=18)
    c.rect(325, 155, 875, 445, fill=_mix(c.ink, c.light, 0.9), radius=8)
    c.polygon([(240, 470), (960, 470), (1010, 530), (190, 530)], fill=_mix(c.ink, "#000000", 0.15))
    for row in range(2):
        for col in range(3):
            x, y = 345 + col * 180, 175 + row * 135
            c.rect(x, y, x + 160, y + 120, fill=_mix(c.background, c.ink, 0.12 + 0.05 * col), radius=8)
            _person(c, x + 80, y + 40, c.accent if (row + col) % 2 else c.ink, 0.7)


def _calendar(c: Canvas):
    c.rect(300, 110, 900, 570, fill=c.light, outline=c.ink, width=6, radius=18)
    c.rect(300, 110, 900, 200, fill=c.ink, radius=18)
    c.rect(300, 170, 900, 200, fill=c.ink)
    for x in (400, 800):
        c.rect(x - 10, 85, x + 10, 140, fill=_mix(c.ink, "#000000", 0.3), radius=8)
    for row in range(5):
        for col in range(7):
            x, y = 330 + col * 80, 220 + row * 68
            week = row == 2 and 1 <= col <= 5
            c.rect(x, y, x + 60, y + 50, fill=c.accent if week else _mix(c.background, c.light, 0.3), radius=8)
    c.polygon([(800, 420), (930, 465), (800, 510), (670, 465)], fill=c.ink)
    c.pieslice(730, 455, 870, 545, 0, 180, fill=c.ink)
    c.line([(930, 465), (930, 530)], fill=c.accent, width=5)


MOTIFS: dict[str, Callable[[Canvas], None]] = {
    "portal": _portal,
    "payment": _payment,
    "permit": _permit,
    "map": _map,
    "complaint": _complaint,
    "archive": _archive,
    "finance": _finance,
    "open-data": _open_data,
    "plan": _plan,
    "contract": _contract,
    "security": _security,
    "bilingual": _bilingual,
    "training": _training,
    "conference": _conference,
    "seminar": _seminar,
    "workshop": _workshop,
    "calendar": _calendar,
}


def draw(*, motif: str, seed: str) -> bytes:
    """The PNG of `motif`, its decoration varied by `seed` (a page's slug)."""
    canvas = Canvas(motif, seed)
    canvas.decorate()
    MOTIFS[motif](canvas)
    return canvas.png()
