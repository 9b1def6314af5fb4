/**
 * Every word the renderer shows comes from the dictionaries (renderer/src/i18n): text written
 * straight into a component would show in one language whatever the desk chose. The flow specs run
 * in one language each (tests/e2e/i18n.ts flowLangs), so this check stands in for the other
 * language's run: it reads every .tsx file of the renderer and fails on JSX text, or a text
 * attribute a person reads or hears (aria-label, title, placeholder, alt, label), written as a
 * literal with words in it (Latin or Chinese). Symbols, digits, punctuation and abbreviations in
 * capitals may stand as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../renderer/src');
const SPOKEN = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description']);
// a lower-case Latin letter or a Chinese character: abbreviations in capitals (PDF, GBK, UTF-8,
// YYYY-MM, the FD mark) read the same in both languages
const WORDS = /[a-z\u3400-\u9fff]/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) return f.name === 'i18n' ? [] : files(p);
    return f.name.endsWith('.tsx') ? [p] : [];
  });
}

function literals(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (n: ts.Node) =>
    `${path.relative(ROOT, file)}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isJsxText(n) && WORDS.test(n.text)) found.push(`${where(n)} ${n.text.trim()}`);
    if (ts.isJsxAttribute(n) && SPOKEN.has(n.name.getText(src))) {
      const v = n.initializer;
      const text =
        v && ts.isStringLiteral(v)
          ? v.text
          : v && ts.isJsxExpression(v) && v.expression && ts.isStringLiteralLike(v.expression)
            ? v.expression.text
            : undefined;
      if (text !== undefined && WORDS.test(text)) found.push(`${where(n)} ${n.name.getText(src)}="${text}"`);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return found;
}

describe('text in the renderer', () => {
  const all = files(ROOT);

  it('reads the renderer', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('no component shows words written outside the dictionaries', () => {
    expect(all.flatMap((f) => literals(f))).toEqual([]);
  });

  it('would catch a word written into a component', () => {
    const probe = 'export const A = () => <p title="Close" aria-label="PDF">Save ¥ {1}<b>关闭</b></p>;\n';
    expect(literals(path.join(ROOT, 'probe.tsx'), probe).map((l) => l.replace(/^\S+ /, ''))).toEqual([
      'title="Close"',
      'Save ¥',
      '关闭',
    ]);
  });
});
