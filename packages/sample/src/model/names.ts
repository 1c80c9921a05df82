import type { Rng } from '../rng.ts';

// Invented but typical names of the district's groups. Family names follow the father.
const FAMILY: Record<string, readonly string[]> = {
  '01': ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Đặng', 'Ngô', 'Phan'],
  '02': ['Hoàng', 'Nông', 'Ma', 'Lương', 'La', 'Hà', 'Vi', 'Lường', 'Nguyễn', 'Đàm', 'Hoàng'],
  '03': ['Lò', 'Lường', 'Cầm', 'Vì'],
  '04': ['Lương', 'Trương', 'Hoàng'],
  '06': ['Bùi', 'Đinh', 'Quách'],
  '07': ['Hoàng', 'Nông', 'Lục', 'Vi', 'Lăng'],
  '08': ['Giàng', 'Vàng', 'Sùng', 'Thào', 'Lù', 'Hầu', 'Lý', 'Mua'],
  '09': ['Triệu', 'Bàn', 'Lý', 'Đặng', 'Phùng', 'Chảo', 'Tẩn', 'Triệu'],
  '15': ['Trần', 'Lục', 'Hoàng'],
  '25': ['Lò', 'Hoàng', 'Vương', 'Lồ'],
  '40': ['Lò', 'Vàng', 'Sần', 'Pờ'],
};

const MALE = ['Hùng', 'Dũng', 'Minh', 'Sơn', 'Thắng', 'Tuấn', 'Cường', 'Hải', 'Long', 'Quân', 'Phúc', 'Tài', 'Thành', 'Vinh', 'Kiên', 'Đức', 'Hưng', 'Bình', 'Toàn', 'Khánh'];
const FEMALE = ['Lan', 'Hoa', 'Hương', 'Mai', 'Thu', 'Hà', 'Linh', 'Nga', 'Phương', 'Thảo', 'Yến', 'Liên', 'Dung', 'Hằng', 'Huyền', 'Nhung', 'Chiên', 'Quyên'];
const MONG_MALE = ['Páo', 'Chứ', 'Dế', 'Sính', 'Lử', 'Tủa', 'Pó', 'Chá', 'Nủ', 'Vần', 'Sểnh'];
const MONG_FEMALE = ['Mai', 'Dợ', 'Mỷ', 'Pà', 'Sua', 'Chu', 'Súa', 'Dua', 'Chía'];
const DAO_MIDDLE = ['Văn', 'Kim', 'Tiến', 'Quý', 'Văn'];

export function familyName(rng: Rng, ethnic: string): string {
  return rng.pick(FAMILY[ethnic] ?? FAMILY['01']!);
}

/** Full name: Mông men take "A", women "Thị"; others mostly "Văn"/"Thị" or a Kinh middle name. */
export function fullName(rng: Rng, family: string, ethnic: string, sex: 1 | 2): string {
  if (ethnic === '08') return `${family} ${sex === 1 ? 'A' : 'Thị'} ${rng.pick(sex === 1 ? MONG_MALE : MONG_FEMALE)}`;
  const given = rng.pick(sex === 1 ? MALE : FEMALE);
  if (ethnic === '09' && sex === 1) return `${family} ${rng.pick(DAO_MIDDLE)} ${given}`;
  if (ethnic === '01') {
    const middle = sex === 1 ? rng.pick(['Văn', 'Đức', 'Minh', 'Quang', 'Xuân']) : rng.pick(['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh']);
    return `${family} ${middle} ${given}`;
  }
  return `${family} ${sex === 1 ? 'Văn' : 'Thị'} ${given}`;
}

const THON = ['Bản Lằng', 'Khuổi Phường', 'Nậm Kỳ', 'Nà Pồng', 'Bản Mạ', 'Làng Lúc', 'Khe Mạ', 'Trung Tâm', 'Tát Ngà', 'Nặm Rịa', 'Nà Khương', 'Bản Bon', 'Khuổi Cù', 'Pác Bó', 'Nà Đình', 'Bản Tâm', 'Làng Chạp', 'Đồng Tâm', 'Mai Đào', 'Bản Cuông', 'Nà Lốc', 'Khuổi Vèng', 'Phìn Hồ', 'Nặm Khòa'];

/** Hamlets of a commune: "Tổ dân phố n" in the town, named villages elsewhere. */
export function hamlets(rng: Rng, town: boolean, count: number): string[] {
  if (town) return Array.from({ length: count }, (_, i) => `Tổ dân phố ${i + 1}`);
  const pool = [...THON];
  const out: string[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) {
    const j = Math.floor(rng.next() * pool.length);
    out.push(`Thôn ${pool.splice(j, 1)[0]!}`);
  }
  return out;
}
