"""The passphrase envelope is exactly what doorway.guide.link documents.

Links sealed by the browser (Web Crypto, doorway.ui.crypto) are opened here in
CPython with the ``cryptography`` package, and links sealed here are opened by
the browser: PBKDF2-HMAC-SHA-256 over the UTF-8 passphrase with the
envelope's salt and iteration count gives a 256-bit key; AES-GCM with the
envelope's 12-byte IV and the header (prefix + iterations + salt + iv) as
associated data seals the body. Version-2 links pad the body to a fixed size
first and derive the key from the passphrase's standard form (NFC, lower case,
no whitespace), pinned here by test vectors; version-1 links keep the exact
bytes typed.
"""

import re
import struct
import unicodedata

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from flows import STEP_TIMEOUT, catalogue, make_invite, unlock, walk_to_results
from playwright.sync_api import expect

from doorway.guide import link
from doorway.guide.views import partner as partner_views

PASSPHRASE = "Kitchen table, 8pm ✓ é"


def derive(passphrase, salt, iterations):
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt,
                      iterations=iterations).derive(passphrase.encode("utf-8"))


def open_sealed(token, kind, passphrase):
    """Parse a sealed token and decrypt its body, as link.py describes (a version-2
    link derives its key from the passphrase's standard form)."""
    envelope = link.parse(token, kind)
    assert envelope.sealed
    prefix = token.split(".", 1)[0].encode()
    assert envelope.header == prefix + struct.pack(">I", envelope.iterations) + envelope.salt \
        + envelope.iv
    if envelope.version == link.V2:
        passphrase = standard(passphrase)
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
    url = make_invite(page, note=note, passphrase=PASSPHRASE, reasons=reasons, ask="checkup",
                      sender="Sam")
    token = url.split("#", 1)[1]
    assert token.startswith("i2p.")
    envelope, body = open_sealed(token, link.INVITE, PASSPHRASE)
    assert envelope.iterations == link.KDF_ITERATIONS
    assert len(envelope.salt) == 16 and len(envelope.iv) == 12
    assert len(body) in link.PAD_SIZES
    assert len(envelope.ciphertext) == len(body) + link.TAG_BYTES
    assert link.decode_invite_v2(cat, body, padded=True) == {
        "ask": "checkup", "reasons": reasons, "note": note, "sender": "Sam"}

    # The key really comes from the passphrase, and the header really is authenticated.
    aead = AESGCM(derive(standard(PASSPHRASE), envelope.salt, envelope.iterations))
    with pytest.raises(InvalidTag):
        AESGCM(derive(PASSPHRASE, envelope.salt, envelope.iterations)).decrypt(
            envelope.iv, envelope.ciphertext, envelope.header)
    header = envelope.header
    for changed in (b"r2p" + header[3:], header[:-1] + bytes([header[-1] ^ 1]),
                    header[:3] + struct.pack(">I", envelope.iterations + 1) + header[7:]):
        assert changed != envelope.header
        with pytest.raises(InvalidTag):
            aead.decrypt(envelope.iv, envelope.ciphertext, changed)

    # Every link gets its own salt and IV.
    again = make_invite(page, note=note, passphrase=PASSPHRASE, reasons=reasons, ask="checkup",
                        sender="Sam")
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
    expect(article.locator("[data-worry] summary")).to_have_text(
        [cat.reason(r)["partner"]["heading"] for r in reasons])
    expect(article.locator("[data-offer-text]")).to_have_text(
        partner_views.offer_of(cat, "few")["step"])
    expect(article.locator("[data-note]")).to_have_js_property("textContent", note)

    # The partner's sealed reply is a version-2 link: padded, key from the standard form.
    page.locator("#reply-yes_if").check()
    page.locator("#reply-if-one_session").check()
    page.locator("#reply-note").fill("Ok, one. \U0001f600")
    page.get_by_role("button", name=cat.partner["reply"]["make"]).click()
    reply_link = page.locator("#reply-link")
    expect(reply_link).to_have_value(
        re.compile(r"/reply/#r2p\."), timeout=STEP_TIMEOUT)
    envelope, reply_body = open_sealed(reply_link.input_value().split("#", 1)[1], link.REPLY,
                                       PASSPHRASE)
    assert envelope.iterations == link.KDF_ITERATIONS
    assert link.decode_reply_v2(cat, reply_body, padded=True) == {
        "choice": "yes_if", "conditions": ["one_session"], "period": None,
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


# Version 2: padded bodies and the passphrase's standard form ------------------

#: JavaScript's ``\s`` (ECMA-262 WhiteSpace and LineTerminator), which the
#: browser's standard form removes. Python's own ``\s`` differs (it has
#: U+001C-U+001F and U+0085, not U+FEFF), so the reference spells it out.
JS_WHITESPACE = set("\t\n\v\f\r \xa0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff"
                    + "".join(chr(c) for c in range(0x2000, 0x200B)))


def standard(passphrase):
    """The reference for doorway.ui.crypto.normalise_passphrase: NFC, lower, no spaces, NFC."""
    text = unicodedata.normalize("NFC", passphrase).lower()
    return unicodedata.normalize("NFC", "".join(c for c in text if c not in JS_WHITESPACE))


#: (typed, standard form): the test vectors of the standard form.
VECTORS = [
    ("café", "café"),
    ("Cafe\u0301", "café"),               # decomposed: e + combining acute
    ("café ", "café"),                     # trailing space
    ("CAFÉ", "café"),                      # upper case
    ("ca fé", "café"),
    ("ca\u3000fé", "café"),                # ideographic space
    ("\xa0café\t\ufeff", "café"),          # no-break space, tab, byte-order mark
    ("cafe \u0301", "café"),               # a space between a letter and its accent
    ("ca\u200bfé", "ca\u200bfé"),          # a zero-width space is not whitespace
    ("\u2126", "\u03c9"),                  # the ohm sign is omega under NFC
    ("STRAẞE straße", "straßestraße"),     # lower case, not case folding
    ("İSTANBUL", "i\u0307stanbul"),        # the same in every locale
    ("ΟΔΟΣ ΟΔΟΣ", "οδοςοδος"),             # final sigma
]


def test_the_standard_form_vectors():
    for typed, form in VECTORS:
        assert standard(typed) == form, (typed, standard(typed), form)
        assert standard(form) == form


def seal_v2(kind, body, typed, salt, iv, padded=None):
    """A version-2 sealed token made in CPython: padded body, key from the standard form."""
    padded = link.pad(body) if padded is None else padded
    header = link.sealed_header(kind, link.KDF_ITERATIONS, salt, iv, link.V2)
    key = derive(standard(typed), salt, link.KDF_ITERATIONS)
    ciphertext = AESGCM(key).encrypt(iv, padded, header)
    return link.sealed_token(kind, link.KDF_ITERATIONS, salt, iv, ciphertext, link.V2)


def _open_sealed_page(page, path, token):
    page.goto("about:blank")
    page.goto(path + "#" + token)
    expect(page.locator("#app")).to_have_attribute("data-view", "unlock", timeout=STEP_TIMEOUT)


def _refused(page, typed):
    """Type a passphrase that must not open the link (submitting clears the last message)."""
    unlock(page, typed)
    summary = page.locator('[data-form="unlock"] [data-error-summary]')
    # The reply page speaks to the person who chose the passphrase.
    wrong = "reply_wrong" if "/reply/" in page.url else "wrong"
    expect(summary).to_contain_text(catalogue().partner["unlock"][wrong], timeout=STEP_TIMEOUT)
    expect(page.locator("#app")).to_have_attribute("data-view", "unlock")
    expect(page.get_by_role("button", name="Open")).to_be_enabled()


def test_a_v2_invitation_opens_with_any_spelling_of_its_passphrase(page):
    cat = catalogue()
    body = link.encode_invite_v2(cat, "few", ["cost", "time"], "Sealed and padded 😀", "Sam")
    token = seal_v2(link.INVITE, body, "café table", bytes(range(16)), bytes(range(12)))
    assert token.startswith("i2p.")
    assert len(link.parse(token, link.INVITE).ciphertext) == link.PAD_SIZES[0] + link.TAG_BYTES
    article = page.locator('[data-part="invitation"]')
    _open_sealed_page(page, "invite/", token)
    for typed in ("cafetable", "café\u200btable"):
        _refused(page, typed)
    for typed in ("Cafe\u0301 table ", "CAFÉ\u3000TABLE", "\xa0café\ttable\ufeff",
                  "cafe \u0301table"):
        if typed != "Cafe\u0301 table ":
            _open_sealed_page(page, "invite/", token)
        unlock(page, typed)
        expect(page.locator("#app")).to_have_attribute("data-view", "invitation",
                                                       timeout=STEP_TIMEOUT)
        expect(article.locator("[data-note]")).to_have_text("Sealed and padded 😀")
        expect(article.locator("[data-worry] summary")).to_have_text(
            [cat.reason(r)["partner"]["heading"] for r in ("cost", "time")])
        assert "#" not in page.url


def test_a_v2_reply_derives_its_key_the_same_way_in_every_locale(page):
    cat = catalogue()
    body = link.encode_reply_v2(cat, "yes_if", ["choose_together", "online"], None, "Online.")
    token = seal_v2(link.REPLY, body, "İstanbul οδος", b"\xaa" * 16, b"\x55" * 12)
    _open_sealed_page(page, "reply/", token)
    _refused(page, "istanbul οδος")  # a dotless lower case i is another letter
    unlock(page, "İSTANBUL ΟΔΟΣ")
    expect(page.locator("#app")).to_have_attribute("data-view", "received", timeout=STEP_TIMEOUT)
    expect(page.locator("[data-said] li")).to_have_text(
        [cat.reply_choice("yes_if")["label"], cat.reply_condition("choose_together")["label"],
         cat.reply_condition("online")["label"]])
    expect(page.locator('[data-part="received"] [data-note]')).to_have_text("Online.")


def test_v1_links_still_derive_from_the_exact_bytes_typed(page):
    cat = catalogue()
    body = link.encode_invite(cat, "trial", ["cost"], "Old link")
    for kind, path, view in ((link.INVITE, "invite/", "invitation"),):
        token = seal(kind, body, "Café table", b"\x01" * 16, b"\x02" * 12)
        assert token.startswith("i1p.")
        _open_sealed_page(page, path, token)
        for typed in ("café table", "Cafe\u0301 table", "Café table ", "Cafétable"):
            _refused(page, typed)
        unlock(page, "Café table")
        expect(page.locator("#app")).to_have_attribute("data-view", view, timeout=STEP_TIMEOUT)
    reply = link.encode_reply(cat, ["yes", "no"], "")
    token = seal(link.REPLY, reply, "Café table", b"\x03" * 16, b"\x04" * 12)
    assert token.startswith("r1p.")
    _open_sealed_page(page, "reply/", token)
    _refused(page, "cafétable")
    unlock(page, "Café table")
    expect(page.locator("#app")).to_have_attribute("data-view", "received", timeout=STEP_TIMEOUT)
    expect(page.locator("[data-said] li")).to_have_text(
        [cat.reply_option("yes")["label"], cat.reply_option("no")["label"]])


@pytest.mark.parametrize("case", ["nonzero-padding", "larger-size", "unpadded-in-size"])
def test_a_v2_body_without_canonical_padding_is_damaged_after_unsealing(page, case):
    cat = catalogue()
    body = link.encode_invite_v2(cat, "trial", ["cost"], "hi")
    padded = bytearray(link.pad(body))
    if case == "nonzero-padding":
        padded[-1] = 1
    elif case == "larger-size":
        padded = bytearray(body + bytes(link.PAD_SIZES[1] - len(body)))
    else:  # the right size, but the content claims to end before a non-zero byte
        padded[len(body)] = 0x20
    token = seal_v2(link.INVITE, body, "correct horse", b"\x07" * 16, b"\x08" * 12,
                    bytes(padded))
    _open_sealed_page(page, "invite/", token)
    unlock(page, "correct horse")
    app = page.locator("#app")
    expect(app).to_have_attribute("data-view", "link-error", timeout=STEP_TIMEOUT)
    expect(app.locator("[data-error-reason]")).to_have_text(cat.partner["link_error"]["damaged"])
