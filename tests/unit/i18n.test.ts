import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUTH_REASON_CODES,
  GENDERS,
  IMPORT_FIELDS,
  OP_NAMES,
  STAFF_GENDERS,
  TAG_STATUSES,
} from '../../electron/core/contract';
import { ERROR_CODES } from '../../electron/core/errors';
import en from '../../renderer/src/i18n/en';
import zhCN from '../../renderer/src/i18n/zh-CN';

function keys(o: unknown, prefix = ''): string[] {
  if (typeof o !== 'object' || o === null) return [prefix];
  return Object.entries(o).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** The .ts/.tsx files under `dir` (recursively), but not the dictionaries. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) return f.name === 'i18n' || f.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name) ? [p] : [];
  });
}
const ROOT = path.join(__dirname, '..', '..');
const rendererFiles = () => sourceFiles(path.join(ROOT, 'renderer', 'src'));

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
    const missing: string[] = [];
    let seen = 0;
    for (const f of rendererFiles()) {
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

/**
 * Unused keys. A key counts as used when the renderer (not the dictionaries) has:
 * - the key as a whole string literal: t('a.b'), i18nKey="a.b", a key in a list or a ternary;
 *   a plural form (key_one, key_other…) is used through its base key, and so is a context variant
 *   (key_shop: the pro shop's words, `t(key, { context: point })`, see CONTEXTS);
 * - a template literal matching it, each ${…} standing for one or more characters without a dot:
 *   t(`incidents.kinds.${kind}`). tsc checks that such a template only reaches existing keys
 *   (the placeholder is typed by the enum or union, see renderer/src/i18n/keys.ts);
 * - or the key is in a DATA FAMILY: a group whose names only data can tell, read through
 *   wordIn('<group>', name, fallback) or, for errors, through the error code. Every such group is
 *   listed in FAMILIES below and checked against the values it stands for, both ways where the
 *   core exports them as values.
 */
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The i18next contexts the renderer passes: the sales point (`{ context: point }`; the bar is the base key). */
const CONTEXTS = ['shop'] as const;
const CONTEXT = new RegExp(`_(${CONTEXTS.join('|')})$`);

/**
 * Templates on a group that also holds other words: the names they stand for, so that the rest
 * of the group is not counted as used. t(`common.${gender}`), t(`common.${'yes' | 'no'}`).
 */
const WIDE: Record<string, readonly string[]> = {
  // MemberGender is GENDERS or 'unknown'
  'common.': [...new Set([...GENDERS, ...STAFF_GENDERS]), 'unknown', 'yes', 'no'],
};

/** Each quoted string in the core and shared code (for families without an exported enum). */
function coreLiterals(): Set<string> {
  const out = new Set<string>();
  for (const f of sourceFiles(path.join(ROOT, 'electron'))) {
    for (const m of fs.readFileSync(f, 'utf8').matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g))
      out.add(m[1] ?? m[2]!);
  }
  return out;
}

type Family = {
  /** names the group must have words for */
  required: readonly string[];
  /** is this name (of a key in the group) a value the group stands for? */
  allowed: (name: string) => boolean;
};

/** Audit entries the core writes under names that are no operation of the contract. */
const CORE_AUDIT_OPS = [
  'checkin.blocked',
  'members.import',
  'staff.pinWrong',
  'staff.locked',
  'staff.authPinWrong',
  'staff.pinShared',
  'visitors.noShow',
];

function families(): Record<string, Family> {
  const core = coreLiterals();
  const codes: readonly string[] = ERROR_CODES;
  const inCore = (name: string) => core.has(name);
  return {
    // errorText(): the code's words; a variant `<CODE>_<reason>` for a reason param the core sends,
    // and the plural/special forms errorText picks (PIN_WRONG_left, IMPORT_HAS_PROBLEMS_none, …).
    // CONNECTION_LOST is the renderer's own (api.ts, when the core cannot be reached).
    errors: {
      required: [...codes, 'CONNECTION_LOST'],
      allowed: (n) =>
        codes.includes(n) ||
        n === 'CONNECTION_LOST' ||
        codes.some((c) => n.startsWith(`${c}_`) && /^[A-Za-z_]+$/.test(n.slice(c.length + 1))),
    },
    // the preset reason of an authorisation (the audit log shows the stored code in words)
    'checkin.auth.reasons': {
      required: AUTH_REASON_CODES,
      allowed: (n) => (AUTH_REASON_CODES as readonly string[]).includes(n),
    },
    // a tag's status in an error's params
    'tags.status': {
      required: TAG_STATUSES,
      allowed: (n) => (TAG_STATUSES as readonly string[]).includes(n),
    },
    // the field of a roster-import problem ('row': the whole row)
    'members.importField': {
      required: [...IMPORT_FIELDS, 'row'],
      allowed: (n) => n === 'row' || (IMPORT_FIELDS as readonly string[]).includes(n),
    },
    // the operation of an audit entry: words for every operation of the contract, and for the
    // entries the core writes itself (staff.pinWrong, checkin.blocked…)
    'audit.ops': {
      required: [...OP_NAMES, ...CORE_AUDIT_OPS],
      allowed: (n) => (OP_NAMES as readonly string[]).includes(n) || inCore(n),
    },
    // the codes the roster import gives a problem (OTHER: the words for a code without words)
    'members.problem': { required: ['OTHER'], allowed: (n) => n === 'OTHER' || inCore(n) },
    // why a backup was made (BackupReason in the core)
    'settings.backups.reasons': { required: [], allowed: inCore },
    'setup.backupReason': { required: [], allowed: inCore },
    // the built-in items of the shift checklists ("@music") in the club's settings
    'shift.checklistItems': { required: [], allowed: inCore },
    // the built-in places of the repair log ("@showers") in the club's settings
    'notes.places': { required: [], allowed: inCore },
    // a consultant's presence state from the core (being_called is the renderer's own)
    'visitors.state': { required: [], allowed: (n) => n === 'being_called' || inCore(n) },
  };
}

/** The keys of the dictionaries the renderer never uses (given the families above). */
function unusedKeys(dict: unknown): { unused: string[]; wordInGroups: Set<string> } {
  const all = keys(dict);
  const used = new Set<string>();
  const patterns: RegExp[] = [];
  const wordInGroups = new Set<string>();
  const esc = (s: string) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
  const fam = families();
  for (const f of rendererFiles()) {
    const src = fs.readFileSync(f, 'utf8');
    // key-shaped strings in quotes (inside templates too) and key-shaped templates
    for (const m of src.matchAll(/(['"])([a-zA-Z]+\.[\w.@-]+)\1/g)) used.add(m[2]!);
    for (const m of src.matchAll(/`([a-zA-Z]+\.(?:[\w.@-]|\$\{[^}`]*\})*)`/g)) {
      const parts = m[1]!.split(/\$\{[^}]*\}/);
      if (parts.length === 1) used.add(m[1]!);
      // a template on a data family's group is that family's (checked against its values)
      else if (parts.length === 2 && parts[1] === '' && parts[0]! in WIDE)
        for (const n of WIDE[parts[0]!]!) used.add(`${parts[0]}${n}`);
      else if (!Object.keys(fam).some((g) => parts[0] === `${g}.`))
        patterns.push(new RegExp(`^${parts.map(esc).join('[^.]+')}$`));
    }
    for (const m of src.matchAll(/\bwordIn\(\s*'([^']+)'/g)) wordInGroups.add(m[1]!);
  }
  const inFamily = (k: string) => {
    const group = Object.keys(fam).find((g) => k.startsWith(`${g}.`));
    return (
      group !== undefined &&
      fam[group]!.allowed(
        k
          .slice(group.length + 1)
          .replace(PLURAL, '')
          .replace(CONTEXT, ''),
      )
    );
  };
  const unused = all.filter((k) => {
    const base = k.replace(PLURAL, '').replace(CONTEXT, '');
    return !(inFamily(k) || used.has(k) || used.has(base) || patterns.some((p) => p.test(k) || p.test(base)));
  });
  return { unused, wordInGroups };
}

describe('unused translation keys', () => {
  it('every key is used by the renderer (statically, by a typed template or in a data family)', () => {
    const { unused } = unusedKeys(en);
    expect(unused).toEqual([]);
  });

  it('every context variant (key_shop) has its base key, in both languages', () => {
    for (const dict of [en, zhCN]) {
      const variants = keys(dict).filter((k) => CONTEXT.test(k.replace(PLURAL, '')));
      expect(variants.length).toBeGreaterThan(10);
      for (const k of variants) {
        const base = k.replace(PLURAL, '').replace(CONTEXT, '');
        expect(get(dict, base) ?? get(dict, `${base}_other`), k).toBeTypeOf('string');
      }
    }
  });

  it('every data family is documented and has words for each value it must have', () => {
    const { wordInGroups } = unusedKeys(en);
    const fam = families();
    // each group read with wordIn() is documented here (and so checked)
    expect([...wordInGroups].filter((g) => !(g in fam))).toEqual([]);
    for (const [group, f] of Object.entries(fam)) {
      for (const name of f.required) {
        expect(typeof get(en, `${group}.${name}`), `${group}.${name}`).toBe('string');
        expect(typeof get(zhCN, `${group}.${name}`), `${group}.${name}`).toBe('string');
      }
    }
  });
});
