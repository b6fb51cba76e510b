"""The hub's date and number formats per language (FORMAT_MODULE_PATH), where Django's own do not fit a Palestinian
reader: Arabic dates in Arabic order and Western digits grouped with a comma, as in "25,000 USD"."""
