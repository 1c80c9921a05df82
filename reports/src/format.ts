// Vietnamese display formats, applied in Node before data reaches Evidence:
// Evidence's formatter (SheetJS ssf) knows only en-US separators.
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1234.5 → "1.234,5"; null → "". */
export function formatNumber(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (decimals === 0) return integer.format(value);
  if (decimals === 1) return oneDecimal.format(value);
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A value in the indicator's unit: percent with one decimal and "%", VND as a whole number with "đ",
 * a count as a whole number (a count's target, 70% of last year's, may carry one decimal), yes/no
 * (1/0) as "Có"/"Không".
 */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (isVnd(unit)) return `${formatNumber(value, 0)} đ`;
  if (isPercent(unit)) return `${formatNumber(value, 1)}%`;
  if (isYesNo(unit)) return value >= 1 ? 'Có' : 'Không';
  if (isCount(unit)) return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  return formatNumber(value, 1);
}

export function isVnd(unit: string): boolean {
  return /vnd|đồng/i.test(unit);
}

export function isCount(unit: string): boolean {
  return unit === 'count';
}

export function isYesNo(unit: string): boolean {
  return unit === 'yes_no';
}

/** Counts and yes/no values: no denominator, no percent, no straight path from a baseline. */
export function isCountLike(unit: string): boolean {
  return isCount(unit) || isYesNo(unit);
}

export function isPercent(unit: string): boolean {
  return unit.trim() === '%' || /percent|phần trăm/i.test(unit);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "2025-10-01" or a Date → "01/10/2025". */
export function formatDate(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 10)}T00:00:00Z`) : value;
  if (Number.isNaN(d.getTime())) throw new Error(`formatDate: not a date: ${String(value)}`);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** ISO timestamp → "dd/mm/yyyy HH:mm" in Vietnam time (UTC+7, no daylight saving). */
export function formatDateTimeVn(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) throw new Error(`formatDateTimeVn: not a timestamp: ${iso}`);
  const vn = new Date(t.getTime() + 7 * 3600_000);
  return `${formatDate(vn)} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())}`;
}
