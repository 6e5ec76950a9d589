"""The builder tests check the build of the fixture content (tests/fixtures/content).

``site`` here is the session's ``fixture_site``: pages, golden files and the
about page's sources come from the small fixture tree, so rewording
site/content breaks no builder test. The real content's own checks live in
tests/content/.
"""

import pytest


@pytest.fixture(scope="session")
def site(fixture_site):
    return fixture_site
