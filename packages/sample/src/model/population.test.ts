import { describe, expect, it } from 'vitest';
import { buildPopulation } from './population.ts';
import { buildSchools } from './schools.ts';
import { yearData } from './year.ts';
import type { YearData } from './records.ts';

// Totals at the district's real size, computed in memory (no files written).
const pop = buildPopulation(28, 1);
const schools = buildSchools(28);
const years = new Map<number, YearData>([2020, 2022, 2024, 2025].map((y) => [y, yearData(pop, schools, y, 28)]));
const at = (y: number): YearData => years.get(y)!;
const dtts = (e: string): boolean => e !== '01';
const share = (part: number, whole: number): number => (100 * part) / whole;
const VAN_BAN = /^HGD030(70|79)/;

describe('population at scale 1', () => {
  it('has about 85,000 people in about 21,000 households, growing slightly', () => {
    const p2020 = at(2020).nhanKhau.length;
    const p2024 = at(2024).nhanKhau.length;
    expect(p2020).toBeGreaterThan(80_000);
    expect(p2020).toBeLessThan(90_000);
    expect(p2024).toBeGreaterThan(p2020);
    expect(p2024 / p2020).toBeLessThan(1.06);
    expect(at(2020).ho.length).toBeGreaterThan(19_000);
    expect(at(2020).ho.length).toBeLessThan(23_000);
  });

  it('adds the Văn Bàn communes (about 4,000 people) inside new Bảo Hà only in 2025', () => {
    const vanBan = (y: number): number => at(y).nhanKhau.filter((p) => VAN_BAN.test(p.maHo)).length;
    expect(vanBan(2020)).toBe(0);
    expect(vanBan(2024)).toBe(0);
    expect(vanBan(2025)).toBeGreaterThan(3_500);
    expect(vanBan(2025)).toBeLessThan(5_000);
    expect(new Set(at(2025).nhanKhau.filter((p) => VAN_BAN.test(p.maHo)).map((p) => p.communeCode))).toEqual(new Set(['02989']));
  });

  it('has the district ethnic mix', () => {
    const people = at(2020).nhanKhau;
    const pct = (code: string): number => share(people.filter((p) => p.ethnic === code).length, people.length);
    expect(pct('02')).toBeGreaterThan(31);
    expect(pct('02')).toBeLessThan(38);
    expect(pct('09')).toBeGreaterThan(21);
    expect(pct('01')).toBeGreaterThan(20);
    expect(pct('08')).toBeGreaterThan(10);
    expect(pct('08')).toBeLessThan(15);
    expect(pct('40')).toBeGreaterThan(0.5);
    for (const code of ['07', '25', '04', '03', '15', '06']) expect(pct(code), code).toBeGreaterThan(0.1);
  });

  it('moves DTTS rates toward the 2025 targets', () => {
    const rate = (y: number, f: (d: YearData) => [number, number]): number => {
      const [n, d] = f(at(y));
      return share(n, d);
    };
    const poor = (d: YearData): [number, number] => [d.hoNgheo.filter((r) => r.poverty === 'poor' && dtts(r.ethnic) && r.maHo.startsWith('HGD')).length, d.ho.filter((h) => dtts(h.ethnic)).length];
    expect(rate(2020, poor)).toBeGreaterThan(20);
    expect(rate(2022, poor)).toBeGreaterThan(rate(2020, poor) - 2); // the new standard's jump
    expect(rate(2025, poor)).toBeLessThan(rate(2022, poor) - 10);
    const grid = (d: YearData): [number, number] => [d.ho.filter((h) => dtts(h.ethnic) && h.grid).length, d.ho.filter((h) => dtts(h.ethnic)).length];
    expect(rate(2020, grid)).toBeLessThan(94);
    expect(rate(2025, grid)).toBeGreaterThan(95);
    const income = (d: YearData): number => {
      const known = d.ho.filter((h) => dtts(h.ethnic) && h.income !== null);
      return known.reduce((s, h) => s + h.income! * h.size, 0) / known.reduce((s, h) => s + h.size, 0);
    };
    expect(income(at(2025)) / income(at(2020))).toBeGreaterThan(1.8);
    expect(income(at(2025)) / income(at(2020))).toBeLessThan(2.4);
    const primary = (d: YearData): [number, number] => [
      d.hocSinh.filter((s) => dtts(s.ethnic) && s.level === 'TH' && d.year - s.birth.y >= 6 && d.year - s.birth.y <= 10).length,
      d.nhanKhau.filter((p) => dtts(p.ethnic) && p.age >= 6 && p.age <= 10).length,
    ];
    expect(rate(2020, primary)).toBeGreaterThan(95);
    expect(rate(2025, primary)).toBeLessThanOrEqual(100.5);
  });

  it('draws students from census children: a 10-year-old pupil is in Tiểu học at an existing school', () => {
    const d = at(2024);
    const codes = new Set(d.truong.map((t) => t.maTruong));
    expect(d.hocSinh.every((s) => codes.has(s.maTruong))).toBe(true);
    const tens = d.hocSinh.filter((s) => d.year - s.birth.y === 10);
    expect(tens.length).toBeGreaterThan(1000);
    expect(tens.every((s) => s.level === 'TH')).toBe(true);
    expect(d.truong.length).toBeGreaterThan(65);
    expect(d.truong.length).toBeLessThan(80);
  });

  it('lists health-insurance cards with two-card holders, repeated rows and expired cards', () => {
    const cards = at(2024).theBhyt;
    expect(cards.every((c) => c.maThe.length === 15)).toBe(true);
    const rows = new Set<string>();
    let repeated = 0;
    for (const c of cards) {
      const k = JSON.stringify(c);
      if (rows.has(k)) repeated++;
      rows.add(k);
    }
    expect(repeated).toBeGreaterThan(10);
    const byPerson = new Map<string, Set<string>>();
    for (const c of cards) if (c.cccd) byPerson.set(c.cccd, (byPerson.get(c.cccd) ?? new Set()).add(c.maThe));
    expect([...byPerson.values()].filter((s) => s.size > 1).length).toBeGreaterThan(10);
    expect(cards.filter((c) => c.to.y === 2024 && c.to.m === 9).length).toBeGreaterThan(100);
  });
});
