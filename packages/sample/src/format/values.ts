import { communeUnits } from '@dtts/reference';
import type { Ymd } from '../model/records.ts';
import type { FileStyle } from './style.ts';

/** A cell as written: xlsx keeps the type, CSV writes it as text. */
export type Cell = string | number | boolean | Date | null;

const pad = (n: number): string => String(n).padStart(2, '0');

// How commune offices write the name of a unit when there is no code column.
const NAME_FORMS: Record<string, (unit: { name: string; nameShort: string; ascii: string }) => string[]> = {
  'Thị trấn': (u) => [`TT ${u.nameShort}`, u.name, `TT. ${u.nameShort}`, u.nameShort],
  'Xã': (u) => [u.name, u.nameShort, `xã ${u.nameShort}`, u.ascii],
};

const ETHNIC_NAMES: Record<string, readonly string[]> = {
  '01': ['Kinh'], '02': ['Tày'], '03': ['Thái'], '04': ['Hoa'], '06': ['Mường'], '07': ['Nùng'],
  '08': ['Mông', "H'Mông", 'HMông', 'Hmông', 'Mèo'], '09': ['Dao'], '15': ['Sán Chay'], '25': ['Giáy'],
  '40': ['Phù Lá', 'Xá Phó'],
};

export function ethnicNames(code: string): readonly string[] {
  const names = ETHNIC_NAMES[code];
  if (!names) throw new Error(`sample: no name for ethnic group ${code}`);
  return names;
}

function ascii(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Swaps the two accepted tone placements of oa/oe/uy words: Hoà ↔ Hòa, Thuỷ ↔ Thủy. */
export function otherTonePlacement(s: string): string {
  const pairs: [string, string][] = [['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'], ['uỷ', 'ủy'], ['uý', 'úy']];
  return s.replace(/(oà|oá|oả|oã|oạ|uỷ|uý|òa|óa|ỏa|õa|ọa|ủy|úy)(?![\p{L}])/gu, (m) => {
    const hit = pairs.find(([a, b]) => a === m || b === m)!;
    return hit[0] === m ? hit[1] : hit[0];
  });
}

/** Spells canonical values in one file's style. `key` varies the spelling from row to row. */
export class Formatter {
  constructor(readonly style: FileStyle, readonly frame: '2020' | '2025') {}

  private get xlsx(): boolean {
    return this.style.format === 'xlsx';
  }

  date(d: Ymd): Cell {
    switch (this.style.dates) {
      case 'iso': return `${d.y}-${pad(d.m)}-${pad(d.d)}`;
      case 'dmy_short': return `${d.d}/${d.m}/${d.y}`;
      case 'excel': return this.xlsx ? new Date(Date.UTC(d.y, d.m - 1, d.d)) : `${pad(d.d)}/${pad(d.m)}/${d.y}`;
      default: return `${pad(d.d)}/${pad(d.m)}/${d.y}`;
    }
  }

  birth(d: Ymd): Cell {
    if (this.style.dates === 'year') return this.xlsx ? d.y : String(d.y);
    return this.date(d);
  }

  bool(b: boolean | null): Cell {
    if (b === null) return null;
    switch (this.style.bools) {
      case 'co_khong': return b ? 'Có' : 'Không';
      case 'x': return b ? 'x' : null;
      case 'one_zero': return this.xlsx ? (b ? 1 : 0) : b ? '1' : '0';
      case 'true_false': return this.xlsx ? b : b ? 'TRUE' : 'FALSE';
    }
  }

  sex(s: 1 | 2): Cell {
    if (this.style.sex === 'name') return s === 1 ? 'Nam' : 'Nữ';
    return this.xlsx ? s : String(s);
  }

  ethnic(code: string, key: number): Cell {
    if (this.style.ethnic === 'code2') return code;
    if (this.style.ethnic === 'code1') return this.xlsx ? Number(code) : String(Number(code));
    const names = ethnicNames(code);
    return names[key % names.length]!;
  }

  communeCode(code: string): Cell {
    if (this.style.commune === 'number') return this.xlsx ? Number(code) : String(Number(code));
    if (this.style.commune === 'nozero') return String(Number(code));
    return code;
  }

  communeName(code: string, key: number): Cell {
    // The year's frame first: code 02998 is Phúc Khánh from 2020 and was Long Khánh before it.
    const unit = communeUnits.find((u) => u.code === code && u.frame === this.frame) ?? communeUnits.find((u) => u.code === code && u.frame === '2019');
    if (!unit) throw new Error(`sample: no ${this.frame} unit ${code}`);
    let name = unit.name;
    if (this.style.commune === 'name') {
      const forms = NAME_FORMS[unit.type]?.({ name: unit.name, nameShort: unit.nameShort, ascii: ascii(unit.nameShort) }) ?? [unit.name];
      name = forms[key % forms.length]!;
    }
    return this.style.toneVariant ? otherTonePlacement(name) : name;
  }

  money(n: number | null): Cell {
    if (n === null) return null;
    if (this.xlsx) return n;
    const grouped = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, this.style.numbers === 'dots' ? '.' : this.style.numbers === 'spaces' ? ' ' : '');
    return (n < 0 ? '-' : '') + grouped;
  }

  int(n: number): Cell {
    return this.xlsx ? n : String(n);
  }

  /** Kilograms to 0.1: `12,5` with a decimal comma (dots/spaces styles, text in xlsx too), else `12.5` or a number cell. */
  kg(n: number): Cell {
    const comma = this.style.numbers !== 'plain';
    if (this.xlsx && !comma) return n;
    const text = n.toFixed(1);
    return comma ? text.replace('.', ',') : text;
  }

  /** An enumeration: its canonical spelling (first), or with `abbreviations` one of the others by row. */
  choice(spellings: readonly string[], key: number): Cell {
    if (!this.style.abbreviations || spellings.length < 2) return spellings[0]!;
    const others = spellings.slice(1);
    return others[key % others.length]!;
  }

  /**
   * A village: as the census names it, or varied row by row — `Bản Nà Pồng`, `Nà Pồng`,
   * `THÔN NÀ PỒNG`, `thôn nà pồng`, `TDP 3`. A name that itself starts with a prefix word
   * (`Thôn Bản Lằng`) keeps `Thôn `: stripping would change it.
   */
  village(name: string, key: number): Cell {
    if (this.style.villages === 'census') return name;
    const town = /^Tổ dân phố (.+)$/u.exec(name);
    if (town) return [`TDP ${town[1]}`, name, `tổ dân phố ${town[1]}`][key % 3]!;
    const bare = name.replace(/^Thôn /u, '');
    if (/^(Thôn|Bản|Tổ dân phố|TDP)\s/iu.test(bare)) return [name, name.toLocaleUpperCase('vi')][key % 2]!;
    return [`Bản ${bare}`, bare, name.toLocaleUpperCase('vi'), name.toLocaleLowerCase('vi'), name][key % 5]!;
  }

  /** The former commune of a 2025 village: its 2020-frame (or Văn Bàn) name, or its code, by row. */
  formerCommune(code: string, key: number): Cell {
    const unit = communeUnits.find((u) => u.code === code && (u.frame === '2020' || u.frame === 'van_ban'));
    if (!unit) throw new Error(`sample: no former commune ${code}`);
    return key % 3 === 2 || this.style.headers === 'snake' ? code : unit.name;
  }

  /** A name with commune words in it (a party organisation), in the file's tone placement. */
  placeName(name: string): Cell {
    return this.style.toneVariant ? otherTonePlacement(name) : name;
  }
}
