"""Whether the share step may show a link as a QR code, or offer it for copying only.

A pure decision, so the share step (``doorway.ui``) only has to ask. (Whether
it may seal a link is :func:`doorway.guide.link_forms.protections`: kept
apart, because the partner's page checks its reply form with that module and
must not bring the QR encoder.)

A link is shown as a QR code only when a phone can read that code from a
screen: error-correction level L, at most version 32 (145 modules a side).
A screen shows the code flat, clean and evenly lit, so the damage that
higher levels repair does not happen, and a lower level keeps each module
larger for the same link. Version 32 is the smallest that holds the longest
sealed link (the largest padding size), also under a longer ``--base``
path; the smaller sizes need versions 10-19. What a camera needs is pixels
per module: in a simulation (zxing-cpp reading a version-32 link after
blur, noise, a slight turn and resampling), every frame with 3 or more
camera pixels a module decoded, and few with 2. With 153 modules including
the quiet zone, that is a code filling about half the short side of a
1080p camera frame: readable, if held close. A longer link (a very long
site address, or a plain link with a long note in four-byte characters)
is offered for copying only (``partner.share.qr_too_long``).
"""

from . import qr

QR_LEVEL = "L"
QR_MAX_VERSION = 32


def qr_fits(url):
    """True when ``url`` fits a QR code a phone can read from a screen."""
    return len(url.encode("utf-8")) <= qr.capacity(QR_MAX_VERSION, QR_LEVEL)
