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

export type PlaceOfDelivery = 'facility' | 'home_with_staff' | 'home_without_staff' | 'other';

export interface SinhDeRecord {
  soPhieu: string;
  motherName: string;
  motherCccd: string;
  motherBirth: Ymd;
  motherEthnic: string;
  communeCode: string;
  delivered: Ymd;
  birthOrder: number;
  /** Antenatal visits; null = unknown. */
  visits: number | null;
  place: PlaceOfDelivery;
}

export interface CanTreRecord {
  maTre: string;
  name: string;
  birth: Ymd;
  sex: 1 | 2;
  ethnic: string;
  communeCode: string;
  weighed: Ymd;
  /** Kilograms to 0.1. */
  kg: number;
  /** Weight-for-age z of the written weight (WHO 2006), for expected values. */
  z: number;
}

export interface HonNhanRecord {
  soThuTu: string;
  communeCode: string;
  date: Ymd;
  husbandName: string;
  wifeName: string;
  husbandBirth: Ymd;
  wifeBirth: Ymd;
  husbandEthnic: string;
  wifeEthnic: string;
  registered: boolean;
  consanguineous: boolean;
}

export type StaffKind = 'Cán bộ' | 'Công chức' | 'Viên chức';
export type Qualification = 'Tiến sĩ' | 'Thạc sĩ' | 'Đại học' | 'Cao đẳng' | 'Trung cấp' | 'Sơ cấp' | 'Chưa qua đào tạo';

export interface CanBoRecord {
  maCanBo: string;
  name: string;
  cccd: string;
  sex: 1 | 2;
  birth: Ymd;
  ethnic: string;
  level: 'Huyện' | 'Xã';
  /** null for a district post. */
  communeCode: string | null;
  kind: StaffKind;
  teacher: boolean;
  /** null = unknown. */
  qualification: Qualification | null;
  key: boolean;
  economicTraining: boolean;
}

export type RoadSurface = 'Nhựa' | 'Bê tông' | 'Cấp phối' | 'Đất';

export interface ThonRecord {
  communeCode: string;
  /** The census name, `Thôn Nà Pồng` or `Tổ dân phố 3`. */
  name: string;
  /** 2025 on: the 2020-frame (or Văn Bàn) commune the village belonged to. */
  formerCommune: string | null;
  road: RoadSurface;
  troupe: boolean;
  troupeActive: boolean | null;
  cultured: boolean;
  media: boolean;
}

export interface XaRecord {
  communeCode: string;
  troupe: boolean;
  media: boolean;
}

export interface ToChucDangRecord {
  name: string;
  plan: boolean;
  issued: Ymd | null;
}

export type ActivityKind = 'Nêu gương' | 'Đối thoại người có uy tín' | 'Kiểm tra, giám sát' | 'Điều tra DTTS';

export interface HoatDongRecord {
  soThuTu: string;
  date: Ymd;
  kind: ActivityKind;
  level: 'Huyện' | 'Xã';
  communeCode: string | null;
  /** null = blank (counts as 1). */
  count: number | null;
  text: string;
}

export interface YearData {
  year: number;
  ho: HoRecord[];
  nhanKhau: NhanKhauRecord[];
  truong: TruongRecord[];
  hocSinh: HocSinhRecord[];
  theBhyt: TheBhytRecord[];
  hoNgheo: HoNgheoRecord[];
  sinhDe: SinhDeRecord[];
  canTre: CanTreRecord[];
  honNhan: HonNhanRecord[];
  canBo: CanBoRecord[];
  thon: ThonRecord[];
  xa: XaRecord[];
  /** Empty from 2025 (no district party committee). */
  toChucDang: ToChucDangRecord[];
  hoatDong: HoatDongRecord[];
}
