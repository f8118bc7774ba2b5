"""WSGI app for the ceiling scenario: the project's settings with bench.ceiling_urls as the URL conf.

    gunicorn bench.ceiling_wsgi -w 2 ...   (GET /__ceiling__)

The app's own URLs stay untouched; only this process swaps the URL conf before Django is set up.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
settings.ROOT_URLCONF = "bench.ceiling_urls"
application = get_wsgi_application()
