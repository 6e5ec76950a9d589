"""What the share step may offer for a link: sealed or plain, QR code or copy only.

Pure decisions, so the share step (``doorway.ui``) only has to ask:

- A sealed link needs Web Crypto, which browsers give only to a secure page
  (https, or this device's own address). Opened over plain http from another
  device, the page can still make a plain link, and must say why it cannot
  seal one (``partner.share.no_seal`` in the content).
- A link is shown as a QR code only when a phone can read that code from a
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

SEALED = "sealed"
PLAIN = "plain"

QR_LEVEL = "L"
QR_MAX_VERSION = 32


def link_kinds(web_crypto):
    """The kinds of link the share step offers, the default first.

    ``web_crypto``: the page can seal (``window.isSecureContext`` and
    ``crypto.subtle`` both there). Without it only a plain link is possible.
    """
    return [SEALED, PLAIN] if web_crypto else [PLAIN]


def qr_fits(url):
    """True when ``url`` fits a QR code a phone can read from a screen."""
    return len(url.encode("utf-8")) <= qr.capacity(QR_MAX_VERSION, QR_LEVEL)
