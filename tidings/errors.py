"""User-facing messages in one catalogue (as spaCy's errors.py): a code and a sentence each.

Raise ``TidingsError(Errors.E001, path=...)``; the CLI prints the one line, never a traceback.
"""

from __future__ import annotations


class Errors:
    # reading input (E0xx)
    E001 = "E001 empty input: the file has no text"
    E002 = "E002 binary input: the file is not text (found NUL bytes or an unknown byte order)"
    E003 = "E003 undecodable text: not valid UTF-8, UTF-16 or Latin-1"
    E004 = "E004 input too large: {size} bytes exceeds the limit of {limit} bytes"
    E005 = "E005 malformed JSON at line {line}: {detail}"
    E006 = "E006 record without text at line {line}: a JSON record needs a non-empty 'text' field"
    E007 = "E007 not English: the text looks like another language ({detail})"
    E008 = "E008 unsupported input: {detail}"
    E009 = "E009 no such file or directory"
    E010 = "E010 bad date {value!r}: use YYYY-MM-DD"
    E011 = "E011 corrupt or truncated archive or compressed file: {detail}"
    E012 = "E012 could not fetch {url}: {detail}"
    # data files: codebooks, actor lists, gazetteer (E1xx)
    E101 = "E101 {path}:{line}: {detail}"
    # store (E2xx)
    E201 = "E201 no event store at {path}: run `tidings ingest` first"
    E202 = "E202 bad filter {name}={value!r}: {detail}"
    E203 = "E203 event store {path} has schema version {found}; this tidings reads version {expected}"
    E204 = "E204 event {event_id} cannot be stored with article {article_id}: {detail}"
    E205 = "E205 unknown export format {name!r}: choose one of {choices}"
    E206 = "E206 cannot open event store {path}: {detail}"
    E207 = "E207 event store {path} is open read-only: open it with read_only=False to write"
    # evaluation (E3xx)
    E301 = "E301 gold file {path} line {line}: {detail}"
    # PETRARCH-format dictionaries (E4xx)
    E401 = "E401 {path}:{line}: {detail}"
    E402 = "E402 dictionaries folder {path}: {detail}"
    # the HTTP server (E5xx)
    E501 = "E501 bad parameter {name}={value!r}: {detail}"
    E502 = "E502 writes are disabled: start the server with --write-token (or TIDINGS_WRITE_TOKEN)"
    E503 = "E503 missing credentials: send the header 'Authorization: Bearer <write token>'"
    E504 = "E504 wrong write token"
    E505 = "E505 no {kind} with id {id!r}"
    E506 = "E506 cannot code the text: {detail}"


class TidingsError(Exception):
    """An error the user can fix; its message is one line from ``Errors``."""

    def __init__(self, template: str, **fields: object) -> None:
        self.code = template.split(" ", 1)[0]
        super().__init__(template.format(**fields))


class SkippedInput(TidingsError):
    """An input that is reported, counted and skipped; the rest of the batch goes on."""

    def __init__(self, source: str, template: str, **fields: object) -> None:
        super().__init__(template, **fields)
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {super().__str__()}"
