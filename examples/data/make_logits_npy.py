"""Writes logits.npy, the sample input of `cargo run --release --example classify`.

Standard library only: the .npy v1.0 format is a magic string, a version, a little-endian u16
header length, a Python-dict header padded with spaces to a multiple of 64 bytes and ending in a
newline, then the raw little-endian data in C order.
Run from this directory: python3 make_logits_npy.py
"""

import struct

# 4 images x 10 CIFAR-10 classes (see labels.txt): made-up scores of a classifier.
ROWS = [
    # a confident cat
    [-1.2, -2.0, 0.4, 6.1, 0.9, 2.8, 0.2, -0.5, -1.8, -2.2],
    # unsure: dog or cat, perhaps deer
    [-0.8, -1.5, 0.3, 2.2, 1.4, 2.4, 0.1, 1.1, -1.0, -1.3],
    # logits in the thousands (a naive exp overflows): a ship, a close airplane
    [1996.5, 1990.0, 1985.0, 1980.0, 1979.0, 1978.0, 1977.0, 1982.0, 1998.0, 1991.0],
    # a tie between automobile and truck: the lower index comes first
    [0.5, 3.0, -1.0, -0.5, -2.0, -1.5, -1.0, 0.0, 1.0, 3.0],
]


def main():
    rows, cols = len(ROWS), len(ROWS[0])
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }" % (rows, cols)
    # magic (6) + version (2) + header length (2) + header + "\n", to a multiple of 64.
    pad = -(10 + len(header) + 1) % 64
    header = header + " " * pad + "\n"
    with open("logits.npy", "wb") as f:
        f.write(b"\x93NUMPY\x01\x00")
        f.write(struct.pack("<H", len(header)))
        f.write(header.encode("latin1"))
        for row in ROWS:
            f.write(struct.pack("<%df" % cols, *row))


if __name__ == "__main__":
    main()
