// One root of the secular equation 1 + ρ·Σᵢ zᵢ²/(dᵢ − λ) = 0 of a rank-one update D + ρ·z·zᵀ
// (Golub & Van Loan §8.4.3), as LAPACK dlaed4 finds it: the root is measured from its nearer pole,
// so every distance dᵢ − λ comes out to high relative accuracy, and each step solves a model that
// keeps the two nearest poles exactly and fits the rest by their value and slope (Li's "middle
// way"), guarded by bisection. Cost: O(k) per step, a handful of steps per root.

const epsilon = 2 ** -53;
const maxSteps = 200;

/**
 * Root j (0-based, ascending) for k ≥ 1 distinct ascending poles d, ρ > 0 and nonzero z. On
 * return distances[offset + i] = dᵢ − λⱼ for i < k; the result is the pole the root is measured
 * from, and `rootShift[0]` the root's offset from it (λⱼ = d[pole] + rootShift[0]).
 */
export function secularRoot(
  k: number,
  d: Float64Array,
  z: Float64Array,
  rho: number,
  j: number,
  distances: Float64Array,
  offset: number,
  rootShift: Float64Array,
): number {
  const last = j === k - 1;
  // An inner root starts at the middle of (d_j, d_{j+1}), measured from d_j; the sign of the
  // first value there says which half holds it, and so which pole to measure from.
  let pole = last ? k - 1 : j;
  let lower = 0;
  let upper: number;
  let tau: number;
  let half = 0;
  if (last) {
    // λ_max ≤ d_max + ρ·‖z‖².
    let squares = 0;
    for (let i = 0; i < k; i++) squares += z[i] * z[i];
    upper = rho * squares;
    tau = upper / 2;
  } else {
    half = (d[j + 1] - d[j]) / 2;
    upper = half;
    tau = half;
  }
  for (let i = 0; i < k; i++) distances[offset + i] = d[i] - d[pole];
  if (k === 1) {
    rootShift[0] = rho * z[0] * z[0];
    distances[offset] = -rootShift[0];
    return pole;
  }
  // The model's two poles: d_j, d_{j+1} inside; the last two for the largest root.
  const first = last ? k - 2 : j;
  const second = first + 1;
  for (let step = 0; step < maxSteps; step++) {
    let psi = 0;
    let psiSlope = 0;
    let phi = 0;
    let phiSlope = 0;
    for (let i = 0; i <= first; i++) {
      const ratio = z[i] / (distances[offset + i] - tau);
      psi += z[i] * ratio;
      psiSlope += ratio * ratio;
    }
    for (let i = second; i < k; i++) {
      const ratio = z[i] / (distances[offset + i] - tau);
      phi += z[i] * ratio;
      phiSlope += ratio * ratio;
    }
    psi *= rho;
    psiSlope *= rho;
    phi *= rho;
    phiSlope *= rho;
    const w = 1 + psi + phi;
    if (step === 0 && !last && w < 0) {
      // The root lies in the upper half: measure from d_{j+1} (the same point, other origin).
      pole = j + 1;
      for (let i = 0; i < k; i++) distances[offset + i] = d[i] - d[pole];
      tau = -half;
      lower = -half;
      upper = 0;
    }
    // The rounding error of evaluating w (as dlaed4's bound): stop once w is below it.
    const bound =
      epsilon *
      (8 * (Math.abs(psi) + Math.abs(phi)) + 8 + 4 * Math.abs(tau) * (psiSlope + phiSlope));
    if (Math.abs(w) <= bound) break;
    // The secular function increases with λ.
    if (w < 0) lower = tau;
    else upper = tau;
    if (upper - lower <= 2 * epsilon * Math.max(Math.abs(lower), Math.abs(upper))) break;
    const near = distances[offset + first] - tau;
    const far = distances[offset + second] - tau;
    // The model c + s/(near − h) + S/(far − h) = 0 as c·h² − a·h + b = 0 (h the step).
    const c = w - near * psiSlope - far * phiSlope;
    const a = (near + far) * w - near * far * (psiSlope + phiSlope);
    const b = near * far * w;
    const root = Math.sqrt(Math.abs(a * a - 4 * b * c));
    let h: number;
    if (!last) {
      // The root between the poles is (a − √·)/(2c), written without cancellation.
      if (a > 0) h = (2 * b) / (a + root);
      else h = c === 0 ? b / a : (a - root) / (2 * c);
    } else {
      // Beyond the last pole: the larger root, which exists when c > 0.
      if (c <= 0) h = Number.NaN;
      else h = a >= 0 ? (a + root) / (2 * c) : (2 * b) / (a - root);
    }
    let next = tau + h;
    if (!(next > lower && next < upper)) next = (lower + upper) / 2;
    if (next === tau) break;
    tau = next;
  }
  for (let i = 0; i < k; i++) distances[offset + i] -= tau;
  rootShift[0] = tau;
  return pole;
}
