/**
 * Okabe–Ito: eight colours told apart under the common colour-vision deficiencies, ordered
 * so the first ones also contrast with a white background (yellow last but one).
 */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#000000',
  '#F0E442',
] as const;

/** Tableau 10, for more categories than Okabe–Ito has. */
export const TABLEAU_10 = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
] as const;

/** `n` categorical colours, colour-blind safe while n ≤ 8. */
export function categoricalColors(n: number): string[] {
  const base: readonly string[] = n <= OKABE_ITO.length ? OKABE_ITO : TABLEAU_10;
  return Array.from({ length: n }, (_, i) => base[i % base.length]!);
}

/** A diverging scheme readable with colour-vision deficiencies (purple ↔ orange). */
export const DIVERGING_SCHEME = 'PuOr';
