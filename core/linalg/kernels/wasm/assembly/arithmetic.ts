// Lane arithmetic shared by the kernels. The module is compiled twice (scripts/build-wasm.mjs):
// with relaxed SIMD, a·b + c may be fused into one rounding (FMA) where the engine offers it;
// without, it is a multiply and an add. ASC_FEATURE_RELAXED_SIMD is a compile-time constant.

/** a·b + c on pairs of doubles. */
@inline
export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}
