"""Indicator sharing between labs: STIX 2.1 bundles over TAXII 2.1, without leaking users.

* :mod:`.export` turns a detection output folder into a STIX 2.1 bundle (``share export``);
* :mod:`.privacy` decides, value by value, what may leave and says why (``--explain``);
* :mod:`.keys` holds the sharing group's key and the keyed hashes made with it;
* :mod:`.bundles` reads and validates a partner's bundle, :mod:`.partners` stores it;
* :mod:`.match` links this lab's accounts to partners' campaigns during ``detect``;
* :mod:`.taxii` pushes and pulls bundles to and from a TAXII 2.1 collection.

See ``docs/sharing.md`` for what leaves, what does not, and how matching works.
"""
