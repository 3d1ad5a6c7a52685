"""tidings: political event data from news."""
