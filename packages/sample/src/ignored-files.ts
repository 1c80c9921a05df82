import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Year whose census folder also holds files every reader must ignore with a warning. */
export const IGNORED_FILES_YEAR = 2023;

/** A README, an Excel lock file and a Word document, as people leave them in shared folders. */
export async function writeIgnoredFiles(dir: string, year: number): Promise<string[]> {
  const folder = `census/${year}`;
  await mkdir(join(dir, folder), { recursive: true });
  const files: [string, Buffer][] = [
    ['README.txt', Buffer.from('Thư mục số liệu điều tra dân số năm 2023.\r\nMỗi xã một tệp hộ và một tệp nhân khẩu.\r\n', 'utf8')],
    // Excel's owner file: the user name in a fixed 165-byte record.
    ['~$ho_xa_tan_tien.xlsx', Buffer.concat([Buffer.from([10]), Buffer.from('canbo.thongke'.padEnd(53, ' '), 'latin1'), Buffer.alloc(111, 0)])],
    ['bao_cao_tong_hop.docx', Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(60, 0)])],
  ];
  for (const [name, bytes] of files) await writeFile(join(dir, folder, name), bytes);
  return files.map(([name]) => `${folder}/${name}`);
}
