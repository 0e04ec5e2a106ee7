const numberFormat = new Intl.NumberFormat('en', { maximumSignificantDigits: 4 });
const integerFormat = new Intl.NumberFormat('en');
const percentFormat = new Intl.NumberFormat('en', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const fixedFormats = new Map<number, Intl.NumberFormat>();

/** The minus sign (U+2212), as typeset and as the charts' axes write it. */
export const MINUS = '\u2212';

/** A formatted number with the minus sign for negatives and never a negative zero (`-0.0`). */
function signed(text: string): string {
  if (!text.startsWith('-')) return text;
  return /[1-9]/.test(text) ? MINUS + text.slice(1) : text.slice(1);
}

/** A number for tables: 4 significant digits, `–` for missing. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return signed(
    Number.isInteger(value) && Math.abs(value) < 1e9
      ? integerFormat.format(value)
      : numberFormat.format(value),
  );
}

/** A count with its noun, singular for one: `1 suggestion`, `1,060 suggestions`. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`;
}

/**
 * An effect on the log-odds, read down a column: 2 decimals, with a `+` on increases so the
 * sign always shows (none on an effect that rounds to zero).
 */
export function formatEffect(value: number | null | undefined): string {
  const text = formatFixed(value, 2);
  return typeof value === 'number' && value > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/**
 * A number to a fixed number of decimals (`formatFixed(-0.04, 1)` is `0.0`, `formatFixed(-1.25,
 * 1)` is `−1.3`): for z-scores and other values read side by side.
 */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  let format = fixedFormats.get(decimals);
  if (format === undefined) {
    format = new Intl.NumberFormat('en', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    fixedFormats.set(decimals, format);
  }
  return signed(format.format(value));
}

/**
 * A quality metric (AUC, Brier score, calibration error, lift, PSI, silhouette): 3 decimals,
 * a value too small to show as `< 0.001` rather than a row of zeros.
 *
 * @example formatMetric(0.65961) // '0.660'; formatMetric(0.0006405) // '< 0.001'
 */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (value !== 0 && Math.abs(value) < 0.0005) return value > 0 ? '< 0.001' : `> ${MINUS}0.001`;
  return formatFixed(value, 3);
}

/** A metric over folds: its mean and standard deviation, both to 3 decimals (`0.850 ± 0.009`). */
export function formatMetricSpread(mean: number | null, sd: number | null): string {
  return `${formatMetric(mean)} ± ${formatFixed(sd, 3)}`;
}

/**
 * A duration for people: `0.4 s` under ten seconds, whole seconds under a minute, then
 * `1 min 12 s` and `1 h 5 min`.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return '–';
  }
  if (seconds < 0.05) return '< 0.1 s';
  if (Math.round(seconds * 10) < 100) return `${formatFixed(seconds, 1)} s`;
  const total = Math.round(seconds);
  if (total < 60) return `${total} s`;
  if (total < 3600) {
    const s = total % 60;
    return `${Math.floor(total / 60)} min${s === 0 ? '' : ` ${s} s`}`;
  }
  const minutes = Math.round(total / 60);
  const m = minutes % 60;
  return `${Math.floor(minutes / 60)} h${m === 0 ? '' : ` ${m} min`}`;
}

/** Any feature or factor value: numbers as in `formatNumber`, `–` for missing, others as text. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

/**
 * A share as a percentage to one decimal, always written (`86.0%`, not `86%`), so a column
 * of them lines up; a missing value reads –.
 */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return percentFormat.format(value);
}

/**
 * A text from the API with its timestamps written for people: `changed
 * 2026-11-24T13:05:00.000Z` reads `changed 24 Nov 2026, 13:05` (in the browser's time zone).
 */
export function humanizeTimestamps(text: string): string {
  return text.replace(
    /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g,
    (iso) => formatDateTime(iso),
  );
}

export function formatDateTime(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
