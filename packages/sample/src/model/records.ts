/** One calendar date; month and day are 1-based. */
export interface Ymd { y: number; m: number; d: number }

/** Canonical values of each table's row, before a file's style spells them out. */
export interface HoRecord {
  maHo: string;
  /** Code of the commune in the year's frame (2020 frame up to 2024, new communes in 2025). */
  communeCode: string;
  /** A code the commune office still writes although the unit was abolished (02995 in 2020, 02980 in 2025). */
  legacyCode: string | null;
  thon: string;
  headName: string;
  income: number | null;
  grid: boolean | null;
  water: boolean | null;
  atRisk: boolean | null;
  resettled: boolean | null;
  ethnic: string;
  size: number;
  poverty: 'poor' | 'near' | null;
}

export interface NhanKhauRecord {
  maHo: string;
  communeCode: string;
  stt: number;
  name: string;
  cccd: string;
  sex: 1 | 2;
  birth: Ymd;
  ethnic: string;
  relation: string | null;
  literate: boolean | null;
  trained: boolean | null;
  /** Link back to the model person, for drawing students and cards. */
  personId: number;
  age: number;
}

export type SchoolType = 'MN' | 'TH' | 'THCS' | 'TH&THCS' | 'THPT' | 'THCS&THPT' | 'PTDTNT' | 'PTDTBT';
export type Level = 'MN' | 'TH' | 'THCS' | 'THPT';

export interface TruongRecord {
  maTruong: string;
  tenTruong: string;
  communeCode: string;
  type: SchoolType;
  standard: boolean;
  rooms: number;
  solidRooms: number;
  semiBoarding: boolean;
}

export interface HocSinhRecord {
  id: string;
  name: string;
  birth: Ymd;
  sex: 1 | 2;
  ethnic: string;
  communeCode: string;
  maTruong: string;
  level: Level;
  grade: string;
  boarding: 'Nội trú' | 'Bán trú' | null;
}

export interface TheBhytRecord {
  maThe: string;
  name: string;
  cccd: string | null;
  birth: Ymd;
  sex: 1 | 2;
  ethnic: string;
  communeCode: string;
  from: Ymd;
  to: Ymd;
  /** Student cards (group HS) go to a separate file in one year. */
  group: string;
}

export interface HoNgheoRecord {
  maHo: string;
  headName: string;
  communeCode: string;
  thon: string;
  ethnic: string;
  size: number;
  poverty: 'poor' | 'near';
  deprivations: number;
}

export interface YearData {
  year: number;
  ho: HoRecord[];
  nhanKhau: NhanKhauRecord[];
  truong: TruongRecord[];
  hocSinh: HocSinhRecord[];
  theBhyt: TheBhytRecord[];
  hoNgheo: HoNgheoRecord[];
}
