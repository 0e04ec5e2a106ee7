/**
 * The engine's only source of randomness: a seeded xoshiro128** generator. Same seed, same
 * stream, on every platform, so every result that involves sampling is reproducible.
 *
 * @example
 * const rng = createRng(42);
 * rng.nextFloat(); // 0 <= x < 1, identical on every run
 */
export interface Rng {
  /** Uniform in [0, 1). */
  nextFloat(): number;
  /** Uniform integer in [0, maxExclusive). */
  nextInt(maxExclusive: number): number;
  /** Standard normal (Box–Muller). */
  nextNormal(): number;
  /** A 32-bit seed for a child generator, so parallel parts stay reproducible. */
  nextSeed(): number;
}

/** splitmix32 expands one seed into well-mixed state words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  const mix = splitmix32(Math.floor(seed));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  let spareNormal: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const nextFloat = (): number => nextUint32() / 4294967296;

  return {
    nextFloat,
    nextInt: (maxExclusive) => Math.floor(nextFloat() * maxExclusive),
    nextNormal: () => {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      let u = 0;
      while (u === 0) u = nextFloat();
      const v = nextFloat();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    nextSeed: nextUint32,
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Fisher–Yates shuffle of `0..n-1`, seeded. */
export function shuffledIndices(n: number, rng: Rng): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = order[i]!;
    order[i] = order[j]!;
    order[j] = tmp;
  }
  return order;
}

/** `size` distinct indices from `0..n-1` (all of them, in order, when `size >= n`). */
export function sampleIndices(n: number, size: number, rng: Rng): Int32Array {
  if (size >= n) return Int32Array.from({ length: n }, (_, i) => i);
  return shuffledIndices(n, rng).slice(0, size).sort();
}
