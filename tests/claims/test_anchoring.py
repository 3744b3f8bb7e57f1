"""Re-anchoring a claim's quote after its text is corrected: plain Python, no database."""

from claims.anchoring import Outcome, Quote, TextCorrection, paragraph_ranges

OLD = "Le sommet s'est tenu à Londres.\nPlus de 30 pays ont envoyé des soldats. Le 9 novembre, deux mois plus tard."


def quote(text: str, body: str = OLD, occurrence: int = 0) -> Quote:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    end = start + len(text)
    return Quote(start, end, text, body[max(0, start - 30) : start], body[end : end + 30])


def test_a_typo_fixed_before_a_claim_moves_it_onto_the_same_words():
    new = OLD.replace("s'est tenu", "s’est tenu hier")

    placement = TextCorrection(OLD, new).place(quote("Plus de 30 pays"))

    assert placement.outcome == Outcome.KEPT
    assert new[placement.start : placement.end] == "Plus de 30 pays"


def test_a_claim_whose_words_were_edited_follows_them():
    new = OLD.replace("Plus de 30 pays", "Plus de 32 pays")

    placement = TextCorrection(OLD, new).place(quote("Plus de 30 pays"))

    assert placement.outcome == Outcome.CHANGED
    assert (placement.text, new[placement.start : placement.end]) == ("Plus de 32 pays", "Plus de 32 pays")


def test_a_claim_whose_sentence_was_deleted_is_lost_not_moved():
    new = OLD.replace(" Le 9 novembre, deux mois plus tard.", "")

    assert TextCorrection(OLD, new).place(quote("deux mois")).outcome == Outcome.LOST


def test_a_claim_rewritten_beyond_recognition_is_lost():
    new = OLD.replace("Plus de 30 pays", "Une coalition inédite")

    assert TextCorrection(OLD, new).place(quote("Plus de 30 pays")).outcome == Outcome.LOST


def test_a_repeated_quote_is_told_apart_by_its_context():
    old = "Lundi, 30 pays ont voté. Mardi, 30 pays ont signé."
    new = "Mardi, 30 pays ont signé. Lundi, 30 pays ont voté."  # the two sentences swapped

    placement = TextCorrection(old, new).place(quote("30 pays", body=old, occurrence=1))

    assert placement.outcome == Outcome.KEPT
    assert new[placement.start - 7 : placement.start] == "Mardi, "


def test_a_correction_notice_added_on_top_shifts_every_claim():
    new = "Correction : le sommet a eu lieu jeudi.\n\n" + OLD

    correction = TextCorrection(OLD, new)

    for text in ["Plus de 30 pays", "Le 9 novembre", "deux mois"]:
        placement = correction.place(quote(text))
        assert (placement.outcome, new[placement.start : placement.end]) == (Outcome.KEPT, text)


def test_only_the_paragraphs_a_correction_touched_are_returned():
    new = OLD.replace("Londres", "Paris")

    passages = paragraph_ranges(new, TextCorrection(OLD, new).changed_ranges())

    assert [new[start:end] for start, end in passages] == ["Le sommet s'est tenu à Paris."]
