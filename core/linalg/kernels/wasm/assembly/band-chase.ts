// Band → bidiagonal by Householder bulge chasing, the SIMD tier of core/linalg/kernels/band-chase.ts
// (which explains the sweeps and the band storage): entry (i, j) at band[j·ld + i − j + 2b − 1].
// Every column segment a reflector touches is contiguous, so each update runs two lanes at a time.
import { at, lanes } from './address';
import { madd } from './arithmetic';

// Results of the last reflector (module globals, so the chase allocates nothing).
let reflectorTau: f64 = 0;
let reflectorBeta: f64 = 0;

/** Vectors smaller than this are scaled up by 2^600 first (exact), as dlarfg does. */
const tiny: f64 = 1.2e-271; // about 2^-900

/** Σ x_i² over v[0:length], scaled by the largest entry when plain squares would over- or underflow. */
function norm(v: usize, length: i32): f64 {
  let sum: f64 = 0;
  for (let i = 0; i < length; i++) {
    const x = load<f64>(at(v, i));
    sum += x * x;
  }
  if (sum > 1e-290 && sum < 1e290) return Math.sqrt(sum);
  let largest: f64 = 0;
  for (let i = 0; i < length; i++) largest = Math.max(largest, Math.abs(load<f64>(at(v, i))));
  if (largest == 0) return 0;
  let scaled: f64 = 0;
  for (let i = 0; i < length; i++) {
    const x = load<f64>(at(v, i)) / largest;
    scaled += x * x;
  }
  return largest * Math.sqrt(scaled);
}

/** (I − tau·v·vᵀ) mapping v[0:length] onto beta·e₁, in place with v[0] = 1 (dlarfg). */
function householder(v: usize, length: i32): void {
  if (length <= 1 || norm(at(v, 1), length - 1) == 0) {
    reflectorTau = 0;
    reflectorBeta = load<f64>(v);
    store<f64>(v, 1);
    return;
  }
  let size = norm(v, length);
  let unscale: f64 = 1;
  if (size < tiny) {
    const up: f64 = 4.149515568880993e180; // 2^600
    for (let i = 0; i < length; i++) store<f64>(at(v, i), load<f64>(at(v, i)) * up);
    size = norm(v, length);
    unscale = 1 / up;
  }
  const alpha = load<f64>(v);
  const beta = alpha >= 0 ? -size : size;
  const scale = 1 / (alpha - beta);
  for (let i = 1; i < length; i++) store<f64>(at(v, i), load<f64>(at(v, i)) * scale);
  store<f64>(v, 1);
  reflectorTau = (beta - alpha) / beta;
  reflectorBeta = beta * unscale;
}

/** y[0:length] += alpha·x[0:length]. */
@inline
function addScaled(length: i32, alpha: f64, x: usize, y: usize): void {
  const scale = f64x2.splat(alpha);
  let i = 0;
  for (; i + 1 < length; i += 2) v128.store(at(y, i), madd(v128.load(at(x, i)), scale, v128.load(at(y, i))));
  for (; i < length; i++) store<f64>(at(y, i), load<f64>(at(y, i)) + alpha * load<f64>(at(x, i)));
}

@inline
function dotPairs(length: i32, x: usize, y: usize): f64 {
  let sum = f64x2.splat(0);
  let other = f64x2.splat(0);
  let i = 0;
  for (; i + 3 < length; i += 4) {
    sum = madd(v128.load(at(x, i)), v128.load(at(y, i)), sum);
    other = madd(v128.load(at(x, i + 2)), v128.load(at(y, i + 2)), other);
  }
  for (; i + 1 < length; i += 2) sum = madd(v128.load(at(x, i)), v128.load(at(y, i)), sum);
  let s = lanes(f64x2.add(sum, other));
  for (; i < length; i++) s += load<f64>(at(x, i)) * load<f64>(at(y, i));
  return s;
}

/**
 * One step of a sweep: the right reflector on columns [c, c+b) clears row r, the left one on rows
 * [c, c+b) clears column c below the diagonal. Returns false past the end of the matrix.
 */
@inline
function chaseStep(band: usize, n: i32, b: i32, ld: i32, r: i32, c: i32, v: usize, w: usize): bool {
  const up = 2 * b - 1;
  const e = min(c + b, n);
  const length = e - c;
  if (length <= 1) return false;
  // Right reflector: clear row r past column c (a row of the band is strided by ld − 1).
  for (let j = 0; j < length; j++) store<f64>(at(v, j), load<f64>(at(band, (c + j) * ld + r - (c + j) + up)));
  householder(v, length);
  const rightTau = reflectorTau;
  store<f64>(at(band, c * ld + r - c + up), reflectorBeta);
  for (let j = 1; j < length; j++) store<f64>(at(band, (c + j) * ld + r - (c + j) + up), 0);
  if (rightTau != 0) {
    const rows = e - r - 1;
    memory.fill(w, 0, <usize>rows << 3);
    for (let j = 0; j < length; j++) {
      addScaled(rows, load<f64>(at(v, j)), at(band, (c + j) * ld + r + 1 - (c + j) + up), w);
    }
    for (let j = 0; j < length; j++) {
      addScaled(rows, -rightTau * load<f64>(at(v, j)), w, at(band, (c + j) * ld + r + 1 - (c + j) + up));
    }
  }
  // Left reflector: clear column c below the diagonal (the bulge the right one made).
  const top = at(band, c * ld + up);
  memory.copy(v, top, <usize>length << 3);
  householder(v, length);
  const leftTau = reflectorTau;
  store<f64>(top, reflectorBeta);
  memory.fill(top + 8, 0, <usize>(length - 1) << 3);
  if (leftTau != 0) {
    const last = min(c + 2 * b, n);
    for (let j = c + 1; j < last; j++) {
      const column = at(band, j * ld + c - j + up);
      addScaled(length, -leftTau * dotPairs(length, v, column), v, column);
    }
  }
  return true;
}

/**
 * Sweeps firstSweep … lastSweep − 1 of the chase on the n×n band (bandwidth b, leading dimension
 * ld ≥ 3b − 1); work holds 3b doubles.
 */
export function chaseBand(
  band: usize, n: i32, b: i32, ld: i32, firstSweep: i32, lastSweep: i32, work: usize,
): void {
  for (let s = firstSweep; s < lastSweep; s++) {
    let r = s;
    for (let c = s + 1; c < n; c += b) {
      if (!chaseStep(band, n, b, ld, r, c, work, at(work, b))) break;
      r = c;
    }
  }
}

/** A step count that stands for "this sweep is finished". */
const finished: i32 = 0x7fffffff;

/**
 * Thread `thread` of `threads` takes sweeps firstSweep + thread, + threads, …, pipelined behind
 * the sweep before it (Haidar, Ltaief & Dongarra): step k of sweep s touches rows [c − b, c + b)
 * and columns [c, c + 2b), c = s + 1 + k·b, so it may start once sweep s − 1 has done steps
 * 0 … k + 2. progress holds, per thread, the sweep it is on and the steps it has done (i32 pairs,
 * set up by the caller: sweep = firstSweep + thread − threads, steps finished). Equal, step for
 * step, to the one-thread chase.
 */
export function chaseBandTeam(
  band: usize, n: i32, b: i32, ld: i32, firstSweep: i32, lastSweep: i32, work: usize,
  progress: usize, thread: i32, threads: i32,
): void {
  if (!ASC_FEATURE_THREADS) return;
  const own = progress + (<usize>thread << 3);
  const before = progress + (<usize>((thread + threads - 1) % threads) << 3);
  for (let s = firstSweep + thread; s < lastSweep; s += threads) {
    // Steps first, then the sweep: a reader that sees sweep s reads this sweep's steps.
    atomic.store<i32>(own, 0, 4);
    atomic.store<i32>(own, s, 0);
    let r = s;
    let k = 0;
    for (let c = s + 1; c < n; c += b) {
      // Wait for sweep s − 1 to be three steps ahead (or done).
      if (s > firstSweep) {
        let looks = 0;
        for (;;) {
          const sweep = atomic.load<i32>(before, 0);
          if (sweep > s - 1) break;
          if (sweep == s - 1 && atomic.load<i32>(before, 4) >= k + 3) break;
          if (++looks > 2000) memory.atomic.wait32(before + 4, atomic.load<i32>(before, 4), 50000);
        }
      }
      if (!chaseStep(band, n, b, ld, r, c, work, at(work, b))) break;
      atomic.store<i32>(own, ++k, 4);
      r = c;
    }
    atomic.store<i32>(own, finished, 4);
  }
}
