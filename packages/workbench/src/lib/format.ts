const numberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const integerFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** A number for tables: 4 significant digits, `–` for missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return Number.isInteger(value) && Math.abs(value) < 1e9
    ? integerFormat.format(value)
    : numberFormat.format(value);
}

/** Any feature or factor value: numbers as in `formatNumber`, `–` for missing, others as text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/**
 * A mean with its standard deviation, the deviation to 2 significant digits and the mean to
 * the same decimal place (`0.8503 ± 0.0086`): digits beyond the spread mean nothing.
 */
export function formatMeanSd(mean: number | null, sd: number | null): string {
  if (mean === null || sd === null || !Number.isFinite(mean) || !Number.isFinite(sd) || sd <= 0) {
    return `${formatNumber(mean)} ± ${formatNumber(sd)}`;
  }
  const decimals = Math.min(20, Math.max(0, 1 - Math.floor(Math.log10(sd))));
  return `${mean.toFixed(decimals)} ± ${sd.toFixed(decimals)}`;
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return percentFormat.format(value);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
