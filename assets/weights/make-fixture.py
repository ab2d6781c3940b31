"""Writes tiny-model.safetensors: a few layers of KNOWN rank in several dtypes, and
tiny-model.expected.json with their shapes and ranks. Run once: python3 make-fixture.py

Every matrix is a product of small-integer factors scaled by a power of two, so it is stored
exactly in F16, BF16, F32 and F64 (|entries| <= 64 before scaling) and its rank is exactly the
inner width. One layer adds Gaussian noise to a planted rank, for the noise-edge rank.
safetensors is written by hand: 8-byte little-endian header length, JSON header, packed data.
"""
import json
import os
import struct

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20260)


def integer_low_rank(rows, cols, rank, scale):
    left = rng.integers(-2, 3, size=(rows, rank))
    right = rng.integers(-2, 3, size=(rank, cols))
    product = (left @ right).astype(np.float64)
    assert np.abs(product).max() <= 64
    assert np.linalg.matrix_rank(product) == rank
    return product * scale


def bfloat16_bytes(values):
    # Exact: every value here is representable in bfloat16, so truncation loses nothing.
    bits = np.asarray(values, dtype=np.float32).view(np.uint32)
    assert np.all(bits & 0xFFFF == 0), 'value not exact in bfloat16'
    return (bits >> 16).astype('<u2').tobytes()


def encode(dtype, values):
    if dtype == 'F64':
        return np.asarray(values, dtype='<f8').tobytes()
    if dtype == 'F32':
        return np.asarray(values, dtype='<f4').tobytes()
    if dtype == 'F16':
        encoded = np.asarray(values, dtype='<f2')
        assert np.array_equal(encoded.astype(np.float64), values), 'value not exact in float16'
        return encoded.tobytes()
    if dtype == 'BF16':
        return bfloat16_bytes(values)
    raise ValueError(dtype)


layers = []  # (name, dtype, array, expected dict)


def add(name, dtype, array, **expected):
    layers.append((name, dtype, array, expected))


# Attention projections: rank 6 (F32) and rank 12 (F16).
add('layers.0.attention.query.weight', 'F32', integer_low_rank(64, 48, 6, 1 / 16), rank=6)
add('layers.0.attention.key.weight', 'F16', integer_low_rank(48, 64, 12, 1 / 8), rank=12)
# A rank-3 MLP weight in bfloat16.
add('layers.0.mlp.up.weight', 'BF16', integer_low_rank(96, 32, 3, 1 / 4), rank=3)
add('layers.0.mlp.up.bias', 'F32', rng.integers(-4, 5, size=96) / 8.0, skipped=True)
# A full-rank output projection in float64: an integer matrix with a unit diagonal dominance.
full = rng.integers(-2, 3, size=(40, 40)).astype(np.float64) + 16 * np.eye(40)
assert np.linalg.matrix_rank(full) == 40
add('layers.0.mlp.down.weight', 'F64', full / 32, rank=40)
# A 4-D convolution kernel out x in x kh x kw = 16 x 8 x 3 x 3 of rank 4 once reshaped to 16 x 72.
add('conv.weight', 'F32', integer_low_rank(16, 72, 4, 1 / 2).reshape(16, 8, 3, 3), rank=4, matrixShape=[16, 72])
# Planted rank 5 plus Gaussian noise (float64): full numerical rank, noise-edge rank 5.
planted = rng.standard_normal((80, 5)) @ rng.standard_normal((5, 60)) * 3
noise = 0.01 * rng.standard_normal((80, 60))
add('layers.1.noisy.weight', 'F64', planted + noise, rank=60, noiseRank=5)

header = {'__metadata__': {'format': 'pt', 'generator': 'assets/weights/make-fixture.py'}}
data = bytearray()
for name, dtype, array, _ in layers:
    encoded = encode(dtype, np.ascontiguousarray(array))
    header[name] = {'dtype': dtype, 'shape': list(array.shape), 'data_offsets': [len(data), len(data) + len(encoded)]}
    data += encoded

header_bytes = json.dumps(header, separators=(',', ':')).encode('utf-8')
header_bytes += b' ' * ((8 - len(header_bytes) % 8) % 8)  # align the data to 8 bytes
with open(os.path.join(here, 'tiny-model.safetensors'), 'wb') as file:
    file.write(struct.pack('<Q', len(header_bytes)))
    file.write(header_bytes)
    file.write(data)

expected = {'file': 'tiny-model.safetensors', 'tensors': []}
for name, dtype, array, facts in layers:
    entry = {'name': name, 'dtype': dtype, 'shape': list(array.shape)}
    if facts.get('skipped'):
        entry['skipped'] = True
    else:
        matrix = array.reshape(array.shape[0], -1)
        values = np.linalg.svd(matrix, compute_uv=False)
        entry['rows'], entry['cols'] = matrix.shape
        entry['rank'] = facts['rank']
        assert np.linalg.matrix_rank(matrix) == facts['rank'], name
        if 'noiseRank' in facts:
            entry['noiseRank'] = facts['noiseRank']
        entry['sigmaMax'] = float(values[0])
        entry['stableRank'] = float((values ** 2).sum() / values[0] ** 2)
    expected['tensors'].append(entry)
with open(os.path.join(here, 'tiny-model.expected.json'), 'w') as file:
    json.dump(expected, file, indent=2)
    file.write('\n')
print(f'{len(layers)} tensors, {8 + len(header_bytes) + len(data)} bytes')
