"""The passphrase envelope is exactly what doorway.guide.link documents.

Links sealed by the browser (Web Crypto, doorway.ui.crypto) are opened here in
CPython with the ``cryptography`` package, and links sealed here are opened by
the browser: PBKDF2-HMAC-SHA-256 over the UTF-8 passphrase with the
envelope's salt and iteration count gives a 256-bit key; AES-GCM with the
envelope's 12-byte IV and the header (prefix + iterations + salt + iv) as
associated data seals the body.
"""

import re
import struct

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from flows import STEP_TIMEOUT, make_invite, unlock, walk_to_results
from playwright.sync_api import expect
from support import catalogue

from doorway.guide import link

PASSPHRASE = "Kitchen table, 8pm ✓ é"


def derive(passphrase, salt, iterations):
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                      iterations=iterations).derive(passphrase.encode("utf-8"))


def open_sealed(token, kind, passphrase):
    """Parse a sealed token and decrypt its body, as link.py describes."""
    envelope = link.parse(token, kind)
    assert envelope.sealed
    prefix = token.split(".", 1)[0].encode()
    assert envelope.header == prefix + struct.pack(">I", envelope.iterations) + envelope.salt \
        + envelope.iv
    key = derive(passphrase, envelope.salt, envelope.iterations)
    return envelope, AESGCM(key).decrypt(envelope.iv, envelope.ciphertext, envelope.header)


def seal(kind, body, passphrase, salt, iv, iterations=link.KDF_ITERATIONS):
    header = link.sealed_header(kind, iterations, salt, iv)
    ciphertext = AESGCM(derive(passphrase, salt, iterations)).encrypt(iv, body, header)
    return link.sealed_token(kind, iterations, salt, iv, ciphertext)


def test_a_link_sealed_in_the_browser_opens_in_cpython(page):
    cat = catalogue()
    reasons = [r["id"] for r in cat.reasons if r["id"] in ("blame", "time", "privacy")]
    walk_to_results(page, "hesitated", reasons)
    note = "Shall we try? \U0001f600 <b>no markup</b>"
    url = make_invite(page, note=note, passphrase=PASSPHRASE, reasons=reasons, ask="checkup")
    token = url.split("#", 1)[1]
    assert token.startswith("i1p.")
    envelope, body = open_sealed(token, link.INVITE, PASSPHRASE)
    assert envelope.iterations == link.KDF_ITERATIONS
    assert len(envelope.salt) == 16 and len(envelope.iv) == 12
    assert len(envelope.ciphertext) == len(body) + link.TAG_BYTES
    assert link.decode_invite(cat, body) == {"ask": "checkup", "reasons": reasons, "note": note}

    # The key really comes from the passphrase, and the header really is authenticated.
    aead = AESGCM(derive(PASSPHRASE, envelope.salt, envelope.iterations))
    with pytest.raises(InvalidTag):
        AESGCM(derive(PASSPHRASE + " ", envelope.salt, envelope.iterations)).decrypt(
            envelope.iv, envelope.ciphertext, envelope.header)
    header = envelope.header
    for changed in (b"r1p" + header[3:], header[:-1] + bytes([header[-1] ^ 1]),
                    header[:3] + struct.pack(">I", envelope.iterations + 1) + header[7:]):
        assert changed != envelope.header
        with pytest.raises(InvalidTag):
            aead.decrypt(envelope.iv, envelope.ciphertext, changed)

    # Every link gets its own salt and IV.
    again = make_invite(page, note=note, passphrase=PASSPHRASE, reasons=reasons, ask="checkup")
    second, body_again = open_sealed(again.split("#", 1)[1], link.INVITE, PASSPHRASE)
    assert body_again == body
    assert second.salt != envelope.salt and second.iv != envelope.iv


@pytest.mark.parametrize("iterations", [link.KDF_ITERATIONS, 700001])
def test_a_link_sealed_in_cpython_opens_in_the_browser(page, iterations):
    cat = catalogue()
    reasons = ["cost", "opening_up"]
    note = "Made far away \u202eok\u200b"
    body = link.encode_invite(cat, "few", reasons, note)
    salt, iv = bytes(range(16)), bytes(range(200, 212))
    token = seal(link.INVITE, body, PASSPHRASE, salt, iv, iterations)
    page.goto("invite/#" + token)
    app = page.locator("#app")
    expect(app).to_have_attribute("data-view", "unlock", timeout=STEP_TIMEOUT)
    unlock(page, PASSPHRASE[:-1])
    expect(page.locator('[data-form="unlock"] [data-error-summary]')).to_contain_text(
        cat.partner["unlock"]["wrong"], timeout=STEP_TIMEOUT)
    unlock(page, PASSPHRASE)
    expect(app).to_have_attribute("data-view", "invitation", timeout=STEP_TIMEOUT)
    article = page.locator('[data-part="invitation"]')
    expect(article.locator("[data-concerns] h3")).to_have_text(
        [cat.reason(r)["partner"]["heading"] for r in reasons])
    expect(article.locator("[data-offer-name]")).to_have_text(cat.ask("few")["name"])
    expect(article.locator("[data-note]")).to_have_js_property("textContent", note)

    # The partner's sealed reply uses the same envelope, and opens here too.
    page.locator("#reply-one_session").check()
    page.locator("#reply-note").fill("Ok, one. \U0001f600")
    page.get_by_role("button", name="Make my reply link").click()
    reply_link = page.locator("#reply-link")
    expect(reply_link).to_have_value(
        re.compile(r"/reply/#r1p\."), timeout=STEP_TIMEOUT)
    envelope, reply_body = open_sealed(reply_link.input_value().split("#", 1)[1], link.REPLY,
                                       PASSPHRASE)
    assert envelope.iterations == link.KDF_ITERATIONS
    assert link.decode_reply(cat, reply_body) == {"options": ["one_session"],
                                                  "note": "Ok, one. \U0001f600"}


def test_a_reply_sealed_in_cpython_opens_on_the_reply_page(page):
    cat = catalogue()
    body = link.encode_reply(cat, ["choose_together", "online"], "Together, online.")
    token = seal(link.REPLY, body, PASSPHRASE, b"\xaa" * 16, b"\x55" * 12)
    page.goto("reply/#" + token)
    expect(page.locator("#app")).to_have_attribute("data-view", "unlock", timeout=STEP_TIMEOUT)
    unlock(page, PASSPHRASE)
    expect(page.locator("#app")).to_have_attribute("data-view", "received", timeout=STEP_TIMEOUT)
    expect(page.locator("[data-said] li")).to_have_text(
        [cat.reply_option(o)["label"] for o in ("choose_together", "online")])
    expect(page.locator('[data-part="received"] [data-note]')).to_have_text("Together, online.")
    assert "#" not in page.url
