"""bench/answers.py: a contradicted claim that the composer assembled from corpus pieces (a list under
its heading, a table row with its column names) is told apart from a rule made up."""

from bench.answers import _pieces_quoted, _squash


def test_a_rendered_list_or_table_row_counts_as_quoted_only_when_every_piece_is() -> None:
    corpus = _squash("ID we accept | a passport | a photocard driving licence | Slot type Peak When Saturday Fee 5.50")
    assert _pieces_quoted("ID we accept: a passport; a photocard driving licence.", corpus)
    assert _pieces_quoted("Slot type: Peak; When: Saturday", corpus)
    assert not _pieces_quoted("ID we accept: a passport; a student card.", corpus)
    assert not _pieces_quoted("a passport", corpus)  # one piece: the verbatim rule decides
