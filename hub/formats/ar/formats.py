# Django's Arabic formats have no DATETIME_FORMAT, so dates with a time fell back to the English "N j, Y, P"
# ("ديسمبر 1, 2026, 11:32 م"); and they group thousands with "." and use "," for decimals, which readers of
# Western digits in Palestine read the other way round ("25.000" as twenty-five).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d‏/m‏/Y"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
