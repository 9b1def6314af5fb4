/** Turns any failure into one clear sentence in the user's language. */
import i18next from 'i18next';
import { ApiCallError } from './api';
import { wordIn } from './i18n/keys';
import { fmtDateTime, fmtMoney } from './format';

/** Error parameters the core sends in cents, shown as money. */
const MONEY_PARAMS = ['amount', 'paid', 'due', 'balance'];

/** Codes the desk answers on the shift screen: cash needs an open shift whose drawer is not counted. */
const SHIFT_CODES = new Set(['SHIFT_NOT_OPEN', 'DRAWER_COUNTED']);
const shiftTexts = new Set<string>();

/** The error line says cash needs the shift screen (open the shift, or have a recount authorised). */
export function needsShiftScreen(text: string | null | undefined): boolean {
  return !!text && shiftTexts.has(text);
}

export function errorText(e: unknown): string {
  const text = errorTextOf(e);
  if (e instanceof ApiCallError && SHIFT_CODES.has(e.code)) shiftTexts.add(text);
  return text;
}

function errorTextOf(e: unknown): string {
  if (!(e instanceof ApiCallError)) return i18next.t('errors.INTERNAL');
  const params: Record<string, unknown> = { ...e.params };
  if (typeof params.until === 'string') params.until = fmtDateTime(params.until);
  for (const k of MONEY_PARAMS) if (typeof params[k] === 'number') params[k] = fmtMoney(params[k]);
  if (e.code === 'PIN_WRONG' && typeof params.attemptsLeft === 'number' && params.attemptsLeft >= 0) {
    return i18next.t('errors.PIN_WRONG_left', params);
  }
  if (typeof params.status === 'string') params.status = wordIn('tags.status', params.status, params.status);
  if (e.code === 'IMPORT_MAPPING_INVALID' || e.code === 'IMPORT_HAS_PROBLEMS')
    Object.assign(params, importWords(params));
  let name = e.code;
  if (!i18next.exists(`errors.${name}`)) return i18next.t('errors.INTERNAL');
  // a sentence of its own for a reason, when there is one (IMPORT_FILE_INVALID_unclosed_quote …)
  if (typeof params.reason === 'string' && i18next.exists(`errors.${name}_${params.reason}`))
    name = `${name}_${params.reason}`;
  if (e.code === 'IMPORT_HAS_PROBLEMS' && params.valid === 0) name = 'IMPORT_HAS_PROBLEMS_none';
  let text = wordIn('errors', name, i18next.t('errors.INTERNAL'), params);
  if (e.code === 'IMPORT_MAPPING_INVALID' && typeof params.count === 'number' && params.count > 1)
    text += i18next.t('errors.IMPORT_MAPPING_more', { count: params.count - 1 });
  return text;
}

/** The column (number and header), the field and the problem of a roster-import error, in words. */
function importWords(p: Record<string, unknown>): Record<string, string> {
  const field = (f: unknown) => (typeof f === 'string' ? wordIn('members.importField', f, f) : '');
  const n = typeof p.column === 'number' ? p.column : null;
  const header = typeof p.header === 'string' ? p.header : '';
  const col =
    n === null
      ? field(p.field)
      : header
        ? i18next.t('members.import.columnRef', { n, header })
        : i18next.t('members.import.columnRefNoHeader', { n });
  const problemText =
    typeof p.problem === 'string'
      ? wordIn('members.problem', p.problem, i18next.t('members.problem.OTHER'), p)
      : '';
  return { col, fieldLabel: field(p.field), otherLabel: field(p.other), problemText };
}

/** Field paths that failed validation (for highlighting form fields). */
export function invalidFields(e: unknown): string[] {
  if (!(e instanceof ApiCallError) || e.code !== 'VALIDATION') return [];
  const issues = e.params.issues;
  if (!Array.isArray(issues)) return [];
  return issues.map((i) => String((i as { path?: unknown }).path ?? ''));
}
