// Vietnamese display of numbers (1.234,5) and dates (dd/mm/yyyy) in the forms' text.
const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatNumberVi(n: number): string {
  return numberVi.format(n);
}

/** ISO yyyy-mm-dd → dd/mm/yyyy. */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function addDays(iso: string, days: number): string {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
