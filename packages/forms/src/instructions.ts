// The instructions sheet, in Vietnamese: who fills the form, by when, what a row is, each column,
// and what is personal data and how it is protected. Everything comes from the declaration.
import type { Connector, TableSpec } from '@dtts/ingest-core';
import type { FormColumn } from './columns.ts';
import { formatDateVi } from './vi-format.ts';

export interface InstructionRow {
  cells: string[];
  bold?: boolean;
  size?: number;
}

export function instructionRows(f: {
  connector: Connector; table: TableSpec; year: number; columns: FormColumn[]; due: string; prefilled: number; previousYear?: number;
}): InstructionRow[] {
  const { connector, table, year, columns } = f;
  const referenceDate = formatDateVi(connector.referenceDate(year));
  const title = table.vi?.title ?? table.name;
  const personal = columns.filter((c) => c.personal);
  const hashed = personal.filter((c) => c.personal === 'hash').map((c) => c.header);
  const dropped = personal.filter((c) => c.personal === 'drop').map((c) => c.header);
  const line = (label: string, text: string): InstructionRow => ({ cells: [label, '', text] });
  const rows: InstructionRow[] = [
    { cells: [`HƯỚNG DẪN ĐIỀN BIỂU: ${title.toUpperCase()} NĂM ${year}`], bold: true, size: 14 },
    { cells: [] },
    line('Ai điền', `${connector.owner}: cán bộ được giao phụ trách số liệu của đơn vị.`),
    line('Hạn gửi', `Trước ngày ${formatDateVi(f.due)}, gửi cho cán bộ phụ trách kho dữ liệu của huyện.`),
    line('Số liệu tính đến', `Ngày ${referenceDate} (ngày tham chiếu): ghi tình trạng tại ngày này.`),
    line('Mỗi dòng', `${table.vi?.row ?? table.description}. Mỗi dòng chỉ ghi một lần; không để dòng trống xen giữa.`),
    line('Cách ghi', `Điền vào trang "${table.name}" từ dòng 8. Không sửa, không xoá, không chèn dòng phía trên dòng tiêu đề cột; không đổi tên cột. `
      + 'Bấm vào một ô để xem hướng dẫn và ví dụ của cột; cột có danh sách thì chọn bằng mũi tên bên phải ô. '
      + `Số ghi dạng 1.500.000; ngày ghi dạng dd/mm/yyyy (ví dụ 15/03/${year}).`),
    line('Cột bắt buộc', 'Tiêu đề tô màu cam và có chữ "Bắt buộc" phía trên. "Bắt buộc (một trong)": ghi ít nhất một trong các cột cùng nhóm.'),
    line('Nhiều tệp', `Có thể gửi mỗi xã một tệp. Giữ tên tệp bắt đầu bằng "${table.prefixes?.[0] ?? table.name}_", ví dụ ${table.prefixes?.[0] ?? table.name}_xa_bao_ha.xlsx.`),
    line('Dòng bị trả lại', 'Dòng có giá trị không đọc được không bị bỏ mất: dòng đó được tách riêng kèm số dòng, tên cột và lý do, và đơn vị sẽ được đề nghị sửa lại.'),
  ];
  if (f.prefilled > 0) {
    rows.push(line('Đã điền sẵn', `${f.prefilled} dòng đầu lấy từ số liệu năm ${f.previousYear}: kiểm tra, sửa nếu đã thay đổi, xoá dòng không còn, thêm dòng mới bên dưới, rồi điền các cột còn trống.`));
  }
  rows.push(
    { cells: [] },
    { cells: ['DỮ LIỆU CÁ NHÂN'], bold: true },
    line('Cột chứa dữ liệu cá nhân', personal.length > 0 ? personal.map((c) => c.header).join(', ') : 'Biểu này không có cột dữ liệu cá nhân.'),
  );
  if (dropped.length > 0) rows.push(line('Họ tên', `${dropped.join(', ')}: chỉ dùng để đơn vị tự đối chiếu; kho dữ liệu không đọc vào, không lưu.`));
  if (hashed.length > 0) {
    rows.push(line('Số định danh, số thẻ', `${hashed.join(', ')}: kho dữ liệu chỉ lưu một mã hoá một chiều có khoá bí mật (không đọc ngược được ra số gốc), dùng để đếm mỗi người một lần.`));
  }
  rows.push(
    line('Bảo vệ', 'Báo cáo và trang web chỉ công bố số tổng hợp; ô có ít người bị ẩn. Chỉ gửi tệp qua đường công văn hoặc hộp thư công vụ, không gửi qua mạng xã hội; xoá bản sao trên máy cá nhân sau khi gửi.'),
    { cells: [] },
    { cells: ['CÁC CỘT'], bold: true },
    { cells: ['Cột', 'Bắt buộc', 'Cách ghi', 'Ví dụ'], bold: true },
    ...columns.map((c) => ({
      cells: [c.header, c.required === 'yes' ? 'Có' : c.required === 'one-of' ? `Một trong: ${[c.header, ...c.alternatives].join(' / ')}` : 'Không', c.hint, c.example ?? ''],
    })),
  );
  return rows;
}
