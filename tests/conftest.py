"""Session set-up: the run's cache (nianbao.cache) goes to a fresh temporary
folder, so the tests neither read nor leave anything in the user's ~/.cache."""

import os
import tempfile

_CACHE = tempfile.TemporaryDirectory(prefix="nianbao-test-cache-")
os.environ["NIANBAO_CACHE_DIR"] = _CACHE.name
os.environ.pop("NIANBAO_NO_CACHE", None)
