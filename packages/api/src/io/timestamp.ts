/**
 * ISO 8601 date-times as clients send them: `2010-12-01`, `2010-12-01 08:26`,
 * `2010-12-01T08:26:00.123+01:00`. Every field is checked against the calendar, because
 * `Date` would roll an impossible one over (2024-02-30 becomes 1 March) without a word.
 */
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(?:Z|([+-])(\d{2}):?(\d{2}))?$/i;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether each captured field is on the calendar and the clock (year 1 to 9999). */
function onTheCalendar(fields: (string | undefined)[]): boolean {
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = fields.map(
    (field) => (field === undefined ? 0 : Number(field)),
  ) as [number, number, number, number, number, number, number, number];
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/**
 * Parses an ISO 8601 date-time; one without an offset is taken as UTC (never as the
 * server's local time). Returns `undefined` when it is not a valid date-time.
 *
 * @example
 * parseTimestamp('2024-02-29 10:00'); // 2024-02-29T10:00:00.000Z
 * parseTimestamp('2023-02-29');       // undefined: 2023 is not a leap year
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction, sign, offsetHours, offsetMinutes] =
    match;
  if (!onTheCalendar([year, month, day, hour, minute, second, offsetHours, offsetMinutes])) {
    return undefined;
  }
  // Rewritten in the one form `Date` is specified to parse; milliseconds are all it keeps.
  const time = `${hour ?? '00'}:${minute ?? '00'}:${second ?? '00'}${(fraction ?? '').slice(0, 4)}`;
  const offset = sign === undefined ? 'Z' : `${sign}${offsetHours}:${offsetMinutes}`;
  return new Date(`${year}-${month}-${day}T${time}${offset}`);
}
