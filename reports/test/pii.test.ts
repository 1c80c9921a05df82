import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { collectPii, findIn } from './pii.ts';

describe('the PII scan', () => {
  it('collects names and ids under their headers and finds them in text', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pii-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'census', '2025'), { recursive: true });
    await writeFile(join(dir, 'census', '2025', 'nhan_khau.csv'),
      'UBND XÃ BẢO HÀ;;\nMã hộ;Họ và tên;Số định danh;Dân tộc\nHGD1;Phan Minh Tuấn;010056222128;Kinh\nHGD2;Lò Thị Mai;010056222999;Tày\n');
    const pii = await collectPii(dir);
    expect([...pii].sort()).toEqual(['010056222128', '010056222999', 'Lò Thị Mai', 'Phan Minh Tuấn']);
    expect(findIn('<td>Xã Bảo Hà</td><td>Ông Phan Minh Tuấn, 010056222128</td>', pii).sort()).toEqual(['010056222128', 'Phan Minh Tuấn']);
    expect(findIn('Tày, Kinh, 95,1%', pii)).toEqual([]);
  });
});
