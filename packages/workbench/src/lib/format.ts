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

/** Any attribute or feature value: numbers as in `formatNumber`, others as text. */
export function formatValue(value: unknown): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
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
