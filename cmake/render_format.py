#!/usr/bin/python3
"""Writes platform/render_format.h: the renderers' one shader source (src/platform/render/imgui.vert
and imgui.frag) and the render worker's frame format (frame_format.json) as C++ constants, from
the files web/render/worker.mjs imports too, so the two renderers cannot drift apart.
Usage: render_format.py SOURCE_DIR OUTPUT_HEADER"""
import json
import os
import re
import sys


def body(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    return re.sub(r'^//[^\n]*\n', '', text, flags=re.M)  # the comments are for people


def words(name, keys):
    names = ''.join(f'k{k[0].upper()}{k[1:]}, ' for k in keys)
    return f'namespace {name} {{\nenum : size_t {{ {names}kWords }};\n}}\n'


def main(src, out):
    fmt = json.load(open(os.path.join(src, 'frame_format.json'), encoding='utf-8'))
    v = fmt['vertex']
    text = ('// Made by cmake/render_format.py from src/platform/render/: do not edit.\n#pragma once\n#include <cstddef>\n\n'
            'namespace platform::frame {\n' + words('header', fmt['header']) +
            f'constexpr size_t kProjectionWords = {fmt["projectionWords"]};\n' + words('list', fmt['list']) +
            words('command', fmt['command']) +
            f'constexpr size_t kVertexStride = {v["stride"]}, kVertexPosition = {v["position"]}, kVertexUv = {v["uv"]}, '
            f'kVertexColor = {v["color"]};\n}}  // namespace platform::frame\n\n'
            'namespace platform::shader {\n'
            f'constexpr const char* kVertex = R"glsl({body(os.path.join(src, "imgui.vert"))})glsl";\n'
            f'constexpr const char* kFragment = R"glsl({body(os.path.join(src, "imgui.frag"))})glsl";\n'
            '}  // namespace platform::shader\n')
    os.makedirs(os.path.dirname(out), exist_ok=True)
    try:
        if open(out, encoding='utf-8').read() == text:
            return
    except FileNotFoundError:
        pass
    with open(out, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
