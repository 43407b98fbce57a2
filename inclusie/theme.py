"""The gemeente's huisstijl as NL Design System design tokens.

The portal's look comes from the vendored NL Design System components
(static/vendor/nlds/), which read design tokens (CSS custom properties). The
neutral base theme sets every component token in terms of a few "basis" colour
tokens; this module derives those from the one primary colour on the gemeente
profile, so buttons, links, the header and focus rings follow the gemeente's
huisstijl. The tokens are served as a small stylesheet (`/huisstijl/thema.css`,
inclusie.views.theme_css) because the Content-Security-Policy allows no inline
styles.

The profile refuses a primary colour with less than 4.5:1 contrast against white
(GemeenteProfiel.clean): white text on a primary button and primary links on a
white page both need it. Text tokens on the light tints are darkened further
until they keep 4.5:1 on those tints too.
"""

from __future__ import annotations

DEFAULT_PRIMARY = "#00466e"
MIN_CONTRAST = 4.5

_Rgb = tuple[float, float, float]


def _rgb(colour: str) -> _Rgb:
    colour = colour.lstrip("#")
    return (int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16))


def _hex(rgb: _Rgb) -> str:
    return "#" + "".join(f"{round(max(0, min(255, c))):02x}" for c in rgb)


def mix(colour: str, other: str, amount: float) -> str:
    """`colour` with `amount` (0..1) of `other` mixed in, in sRGB."""
    a, b = _rgb(colour), _rgb(other)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def luminance(colour: str) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: str, two: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(colour: str, background: str) -> str:
    """`colour`, darkened just enough to keep 4.5:1 on `background`."""
    step = 0.0
    candidate = colour
    while contrast(candidate, background) < MIN_CONTRAST and step < 1:
        step += 0.05
        candidate = mix(colour, "#000000", step)
    return candidate


def palette(primary: str) -> dict[str, str]:
    """A shade scale around the primary colour (500), as the base theme's palettes have."""
    return {
        "700": mix(primary, "#000000", 0.5),
        "600": mix(primary, "#000000", 0.25),
        "500": primary,
        "400": primary,
        "300": mix(primary, "#ffffff", 0.6),
        "200": mix(primary, "#ffffff", 0.8),
        "100": mix(primary, "#ffffff", 0.9),
        "50": mix(primary, "#ffffff", 0.96),
    }


def tokens(primary: str | None) -> dict[str, str]:
    """The design tokens (without the leading `--`) that carry the gemeente's colour."""
    primary = (primary or DEFAULT_PRIMARY).lower()
    shade = palette(primary)
    text = readable_on(primary, shade["100"])
    result: dict[str, str] = {"portaal-primair": primary, "portaal-primair-donker": shade["600"]}
    # accent-1 is the base theme's brand colour (action-1 follows it); action-2 is the
    # colour of links. Both become the gemeente's.
    for group in ("accent-1", "action-2"):
        base = f"basis-color-{group}"
        result |= {
            f"{base}-color-document": shade["700"],
            f"{base}-color-subtle": text,
            f"{base}-color-active": readable_on(shade["600"], shade["200"]),
            f"{base}-color-hover": readable_on(shade["600"], shade["200"]),
            f"{base}-color-default": text,
            f"{base}-border-active": primary,
            f"{base}-border-hover": primary,
            f"{base}-border-default": primary,
            f"{base}-border-subtle": shade["300"],
            f"{base}-bg-active": shade["200"],
            f"{base}-bg-hover": shade["200"],
            f"{base}-bg-default": shade["100"],
            f"{base}-bg-subtle": shade["50"],
            f"{base}-bg-document": "#ffffff",
            f"{base}-inverse-color-document": "#ffffff",
            f"{base}-inverse-color-subtle": shade["300"],
            f"{base}-inverse-color-active": "#ffffff",
            f"{base}-inverse-color-hover": "#ffffff",
            f"{base}-inverse-color-default": "#ffffff",
            f"{base}-inverse-border-active": shade["200"],
            f"{base}-inverse-border-hover": shade["200"],
            f"{base}-inverse-border-default": shade["300"],
            f"{base}-inverse-border-subtle": primary,
            f"{base}-inverse-bg-active": shade["700"],
            f"{base}-inverse-bg-hover": shade["600"],
            f"{base}-inverse-bg-default": primary,
            f"{base}-inverse-bg-subtle": shade["700"],
            f"{base}-inverse-bg-document": shade["600"],
        }
    result["basis-color-action-1-inverse-bg-default"] = primary
    return result


def stylesheet(primary: str | None) -> str:
    """The tokens as a stylesheet for the `.portaal-theme` class on <html>."""
    lines = "\n".join(f"  --{name}: {value};" for name, value in tokens(primary).items())
    return f"/* Huisstijl van de gemeente (inclusie/theme.py) */\n.portaal-theme {{\n{lines}\n}}\n"
