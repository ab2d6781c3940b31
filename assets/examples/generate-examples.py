"""Generates the numeric example projects in assets/examples ONCE (seeded), with numpy and SymPy.
The hand-written ones (welcome.json, reduce-fractions.json, subspaces-3x3.json) are not touched.
core/project/examples.test.ts checks every example validates and shows what its note claims.
Run: python3 assets/examples/generate-examples.py"""
import json
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(2026)


def text(value):
    """Six significant digits: enough to see the spectrum, short enough to read in the editor."""
    return f"{value:.6g}".replace("e-0", "e-").replace("e+0", "e")


def grid(matrix):
    return [[text(value) for value in row] for row in matrix]


def project(title, matrices, notes, selected=None):
    return {
        "type": "rankscope",
        "version": 2,
        "title": title,
        "selectedMatrixId": selected or matrices[0]["id"],
        "matrices": matrices,
        "views": {},
        "sessions": [],
        "notes": notes,
    }


def save(name, document):
    with open(os.path.join(here, name), "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


# Spectrum: rank 5 plus noise. Singular values 100, 60, 30, 15, 8 then a noise floor near 0.1·√60.
m, n, r = 60, 40, 5
left, _ = np.linalg.qr(rng.standard_normal((m, r)))
right, _ = np.linalg.qr(rng.standard_normal((n, r)))
signal = left @ np.diag([100.0, 60.0, 30.0, 15.0, 8.0]) @ right.T
noisy = signal + 0.01 * rng.standard_normal((m, n))
save(
    "spectrum-noisy-low-rank.json",
    project(
        "Spectrum: a rank-5 signal under noise",
        [
            {
                "id": "noisy-low-rank",
                "name": "Rank 5 + noise (60×40)",
                "entries": grid(noisy),
                "note": "Five singular values (100, 60, 30, 15, 8) stand far above a noise floor near 0.1: "
                "the numerical rank is 5 under a spectral-gap or noise-edge policy, while numpy's "
                "default tolerance counts every column (40).",
            }
        ],
        "Open the Spectrum view: the scree plot shows the gap after σ₅; compare the rank policies.",
    ),
)

# Approximate: a 32×32 smooth "image" (sum of a few separable bumps) plus a thin diagonal stroke,
# so a rank-3 approximation keeps the bumps and loses the stroke.
x = np.linspace(-1, 1, 32)
image = (
    np.outer(np.exp(-4 * x**2), np.exp(-4 * x**2))
    + 0.6 * np.outer(np.cos(2 * x), np.sin(3 * x) ** 2)
    + 0.3 * np.outer(x, np.ones(32))
)
image += 0.25 * np.eye(32)
save(
    "approximate-image.json",
    project(
        "Approximate: an image at low rank",
        [
            {
                "id": "image",
                "name": "Image (32×32)",
                "entries": grid(image),
                "note": "Three smooth separable layers (rank 3) plus a diagonal stroke (full rank, "
                "small): the Eckart–Young error ‖A − A_k‖₂ = σ_{k+1} falls sharply after k = 3.",
            }
        ],
        "Open the Approximate view and move the rank slider from 1 to 6.",
    ),
)

# Grassmann: two planes in R⁴ with principal angles 30° and 60°.
basis, _ = np.linalg.qr(rng.standard_normal((4, 4)))
angles = np.radians([30.0, 60.0])
first = basis[:, :2]
second = basis[:, :2] @ np.diag(np.cos(angles)) + basis[:, 2:] @ np.diag(np.sin(angles))
mix = np.array([[2.0, 1.0], [-1.0, 1.0]])  # a non-orthonormal basis of the same plane
save(
    "grassmann-planes.json",
    project(
        "Grassmann: two planes in R⁴",
        [
            {
                "id": "plane-u",
                "name": "U (plane)",
                "entries": grid(first @ np.array([[1.0, 0.5], [0.0, 2.0]])),
                "note": "Columns span a plane in R⁴.",
            },
            {
                "id": "plane-v",
                "name": "V (plane)",
                "entries": grid(second @ mix),
                "note": "Principal angles to U: 30° and 60°, so the geodesic Grassmann distance is "
                "√(θ₁² + θ₂²) ≈ 1.1707 rad.",
            },
        ],
        "Open the Grassmann view with U and V: the principal angles are 30° and 60°.",
    ),
)

# Lab: a LoRA update ΔW = B·A of rank 4 on a 32×24 weight, and the fine-tuned weight.
d_out, d_in, lora_rank = 32, 24, 4
base = rng.standard_normal((d_out, d_in)) / np.sqrt(d_in)
b = rng.standard_normal((d_out, lora_rank)) * 0.5
a = rng.standard_normal((lora_rank, d_in)) * 0.5
save(
    "lora.json",
    project(
        "Lab: a LoRA update of rank 4",
        [
            {"id": "lora-b", "name": "B (32×4)", "entries": grid(b), "note": "LoRA factor B."},
            {"id": "lora-a", "name": "A (4×24)", "entries": grid(a), "note": "LoRA factor A."},
            {
                "id": "weight-before",
                "name": "W₀ (32×24)",
                "entries": grid(base),
                "note": "The pretrained weight: full rank (24).",
            },
            {
                "id": "weight-after",
                "name": "W₀ + BA (32×24)",
                "entries": grid(base + b @ a),
                "note": "The fine-tuned weight: W₁ − W₀ = BA has rank 4 (up to the six-digit rounding).",
            },
        ],
        "Open the Lab view: analyse ΔW from the factors or from the two checkpoints; both give rank 4.",
        selected="weight-after",
    ),
)
