/**
 * How a suggestion's explanation writes one of its factors, `feature = value`: numbers to
 * four significant digits, text as it is, no value (or no finite number) as `missing`.
 *
 * @example
 * factorText('monetary', 1234.5678); // 'monetary = 1235'
 * factorText('contract', 'Month-to-month'); // 'contract = Month-to-month'
 */
export function factorText(feature: string, value: number | string | boolean | null): string {
  const shown =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? String(Number(value.toPrecision(4)))
        : 'missing'
      : value === null
        ? 'missing'
        : String(value);
  return `${feature} = ${shown}`;
}
