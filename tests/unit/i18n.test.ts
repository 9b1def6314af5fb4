import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../electron/core/errors';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function get(o: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o);
}

describe('translations', () => {
  it('zh-CN and en have exactly the same keys, none empty', () => {
    const a = keys(en).sort();
    const b = keys(zhCN).sort();
    expect(b.filter((k) => !a.includes(k))).toEqual([]);
    expect(a.filter((k) => !b.includes(k))).toEqual([]);
    for (const k of a) {
      expect(typeof get(en, k), k).toBe('string');
      expect((get(en, k) as string).trim(), k).not.toBe('');
      expect((get(zhCN, k) as string).trim(), k).not.toBe('');
    }
  });

  it('the same placeholders appear in both languages', () => {
    for (const k of keys(en)) {
      const ph = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(ph(get(zhCN, k)), k).toEqual(ph(get(en, k)));
    }
  });

  it('every error code of the core has a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(typeof get(en, `errors.${code}`), code).toBe('string');
      expect(typeof get(zhCN, `errors.${code}`), code).toBe('string');
    }
  });

  it('every t() key with a literal name used in the renderer exists', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, f.name);
        if (f.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(f.name) && !p.includes(`${path.sep}i18n${path.sep}`)) files.push(p);
      }
    };
    walk(path.join(__dirname, '..', '..', 'renderer', 'src'));
    const missing: string[] = [];
    let seen = 0;
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.-]+)'/g)) {
        const key = m[1]!;
        seen += 1;
        const v = get(en, key) ?? get(en, `${key}_other`);
        if (v === undefined) missing.push(`${path.basename(f)}: ${key}`);
      }
    }
    expect(seen).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});
