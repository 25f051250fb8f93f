#!/usr/bin/env python3
"""Packs the subset faces into one TrueType collection, the one font file both builds read.

    font_collection.py OUT REGULAR.ttf BOLD.ttf

Face 0 is the regular, face 1 the bold (ui/fonts.cpp asks for them by number). Tables the faces
have in common are stored once. The web page fetches this file beside the program.
"""
import os
import sys

from fontTools.ttLib import TTCollection, TTFont


def main(out, *faces):
    collection = TTCollection()
    collection.fonts = [TTFont(face) for face in faces]
    tmp = out + '.tmp'
    collection.save(tmp, shareTables=True)
    os.replace(tmp, out)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
