import { tcvn3ToUnicode } from '@dtts/vn-text';
import { describe, expect, it } from 'vitest';
import { unicodeToTcvn3 } from './tcvn3.ts';

describe('unicodeToTcvn3', () => {
  it('writes the reference examples byte for byte', () => {
    // From reference/name_encoding_examples.csv (tcvn3_as_latin1).
    expect(unicodeToTcvn3('Xã Tân Tiến')).toBe('X· T©n TiÕn');
    expect(unicodeToTcvn3('Thị trấn Phố Ràng')).toBe('ThÞ trÊn Phè Rµng');
    expect(unicodeToTcvn3('Xã Tân Dương')).toBe('X· T©n D\u00AD¬ng');
    expect(unicodeToTcvn3('Mông')).toBe('M«ng');
  });

  it('round-trips lower-case Vietnamese through @dtts/vn-text', () => {
    const text = 'nguyễn thị hương, hoàng văn đức, thôn nậm rịa, biết đọc biết viết, người lập biểu';
    expect(tcvn3ToUnicode(unicodeToTcvn3(text))).toBe(text);
    expect(tcvn3ToUnicode(unicodeToTcvn3('Đặng Văn Ước'))).toBe('Đặng Văn Ước');
    expect([...unicodeToTcvn3('Đặng Văn Ước')].every((c) => c.charCodeAt(0) <= 0xff)).toBe(true);
  });
});
