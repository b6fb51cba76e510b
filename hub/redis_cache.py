"""Django's own RedisCache, with one redis-py client per connection pool instead of one per command.

Django's `RedisCacheClient.get_client()` builds a new `redis.Redis` on every call, and redis-py 5+ builds its table of
response callbacks in each constructor: about 0.1-0.2 ms of CPU per cache command on this machine, more than the
command itself over a local socket. A page-cache hit is one command (two for a signed-in reader, with the session),
so that cost was a large part of a hit (docs/performance.md, "Caching"). A `redis.Redis` is safe to share: it takes
a connection from its pool for each command. Only `get_client` changes; pools, serialisation and every command are
Django's."""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(DjangoRedisCache):
    """`django.core.cache.backends.redis.RedisCache` whose client objects are reused (see the module)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
