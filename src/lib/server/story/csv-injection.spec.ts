import { describe, expect, it } from 'vitest';
import { cell } from './csv';

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('neutralises text starting with =, +, -, @, a tab or a carriage return', () => {
    expect(cell('=HYPERLINK("https://evil.example","click")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""click"")"`,
    );
    for (const start of ['+', '-', '@', '\t', '\r']) {
      expect(cell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
    }
  });

  it('leaves ordinary text and negative coordinates alone', () => {
    expect(cell('Port of Karachi')).toBe('"Port of Karachi"');
    expect(cell(-149.9003)).toBe('"-149.9003"');
    expect(cell(undefined)).toBe('""');
  });
});
