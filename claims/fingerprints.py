"""MinHash signatures of texts' word shingles (datasketch), to find copies of the same wire story.

Plain Python: no Django here. Two texts' estimated Jaccard similarity is the share of their five-word
shingles they have in common, which stays high when outlets add their own intro or ending to a dispatch.
"""

import hashlib
import re
from functools import cache

import numpy as np

# datasketch (and the SciPy it loads, about 0.9 s and tens of MB) is imported where a signature is made or
# compared: only workers do that, and web processes and commands importing the claims app start without it.
NUM_PERM = 128
# Named, not left to datasketch's default: stored signatures are only comparable under the scheme that made them.
SCHEME = "affine32"
SHINGLE_WORDS = 5
WORD = re.compile(r"\w+")


@cache
def band_ranges(threshold: float) -> list[tuple[int, int]]:
    """datasketch's choice of bands for this threshold (it weighs false positives and negatives equally)."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def shingles(text: str) -> set[bytes]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def text_signature(text: str) -> list[int]:
    from datasketch import MinHash

    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return [int(value) for value in minhash.digest()]


def band_keys(signature: list[int], threshold: float) -> list[tuple[int, str]]:
    values = np.asarray(signature, dtype=np.uint64)
    return [
        (band, hashlib.blake2b(values[start:end].tobytes(), digest_size=16).hexdigest())
        for band, (start, end) in enumerate(band_ranges(threshold))
    ]


def similarity(first: list[int], second: list[int]) -> float:
    from datasketch import MinHash

    stored = [MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME) for values in (first, second)]
    return stored[0].jaccard(stored[1])
