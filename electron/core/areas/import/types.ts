/**
 * The import area's values and result types: the fields a roster column can be imported as, what a
 * column looks like, every problem a row can have, the reasons a file or a mapping is refused, the
 * error codes it throws, and what its operations answer. No zod here: the renderer imports these
 * (through electron/core/contract) without loading the schemas.
 */

// ---- enums and error codes ------------------------------------------------------------------

/**
 * The fields a roster column can be imported as. Besides these, any column can be added to the
 * notes ("header: value"), see ImportOptions.noteColumns.
 */
export const IMPORT_FIELDS = [
  'cardNo',
  'name',
  'gender',
  'phone',
  'birthDate',
  'cardType',
  'startDate',
  'expiryDate',
  'visitsLeft',
  'status',
  'frozenFrom',
  'frozenTo',
  'storedValue',
  'consultant',
  'nationalId',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Fields a roster must have a column for (a roster without gender imports with gender unknown). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['cardNo', 'name', 'cardType', 'startDate'];

/**
 * What a column is, from its header. Money and identity columns are never guessed: a price paid is
 * never suggested (nor accepted) as a stored-value balance, another money column (金额, 充值金额) is
 * only taken when a manager maps it by hand, and a national ID number only when a manager maps it
 * and confirms the club keeps them.
 */
export const IMPORT_COLUMN_KINDS = [
  /** recognised as `suggestion` */
  'field',
  /** a second column for a field another column already takes (suggested for the notes) */
  'repeat',
  /** a price paid (实收金额, 售价): not a balance, not imported */
  'price',
  /** money whose meaning is not a balance or is unclear (金额, 充值金额, 消费金额): not imported unless mapped by hand */
  'money',
  /** a national ID number (身份证号): not imported unless a manager chooses to keep them */
  'identity',
  /** the file's own row numbers (序号) */
  'index',
  /** no value in any row */
  'empty',
  /** not recognised: suggested for the notes, so nothing is lost */
  'other',
] as const;
export type ImportColumnKind = (typeof IMPORT_COLUMN_KINDS)[number];

/** What is wrong with a row's value (IMPORT_HAS_PROBLEMS names the first; the report lists them all). */
export const IMPORT_PROBLEM_CODES = [
  'REQUIRED',
  'INVALID_CARD_NO',
  'DUPLICATE_IN_FILE',
  'CARD_NO_EXISTS',
  'TOO_LONG',
  'INVALID_GENDER',
  'INVALID_PHONE',
  'INVALID_DATE',
  'BIRTH_DATE_IN_FUTURE',
  'EXPIRY_BEFORE_START',
  'EXTRA_CELLS',
  'UNKNOWN_CARD_TYPE',
  'CARD_TYPE_INACTIVE',
  'INVALID_NUMBER',
  'NEGATIVE_NUMBER',
  'VISITS_REQUIRED',
  'VISITS_ON_TIME_CARD',
  'INVALID_AMOUNT',
  'DECIMAL_COMMA',
  'NEGATIVE_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'INVALID_STATUS',
  'EXPIRED_NOT_PASSED',
  'EXPIRED_WITHOUT_DATE',
  'FREEZE_END_BEFORE_START',
  'FREEZE_DATES_INCOMPLETE',
  'FROZEN_ENDED',
  'FROZEN_NO_END',
  'FROZEN_AFTER_EXPIRY',
  'FROZEN_STARTS_LATER',
  'FREEZE_NOT_IN_STATUS',
  'UNKNOWN_CONSULTANT',
  'AMBIGUOUS_CONSULTANT',
  'INVALID_NATIONAL_ID',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** Why a file cannot be read (IMPORT_FILE_INVALID's `reason`). */
export const IMPORT_FILE_PROBLEMS = [
  'empty',
  'binary',
  'xls_old',
  'xlsx_unreadable',
  'too_many_rows',
  'too_many_columns',
  'unclosed_quote',
  'no_header',
  'no_rows',
] as const;

/** Why a mapping is refused (IMPORT_MAPPING_INVALID's `reason`, for each of its issues). */
export const IMPORT_MAPPING_REASONS = [
  'required',
  'no_such_column',
  'column_twice',
  'identity_elsewhere',
  'price_not_balance',
  'keep_not_confirmed',
  'identity_in_notes',
] as const;
export type ImportMappingReason = (typeof IMPORT_MAPPING_REASONS)[number];

export const IMPORT_ERROR_CODES = [
  'IMPORT_JOB_UNKNOWN',
  'IMPORT_FILE_INVALID',
  'IMPORT_HAS_DUPLICATES',
  'IMPORT_MAPPING_INVALID',
  'IMPORT_HAS_PROBLEMS',
] as const;

// ---- result types ---------------------------------------------------------------------------

export interface ImportColumn {
  index: number;
  header: string;
  kind: ImportColumnKind;
  /** The suggested target: a field, 'notes' (added to the notes as "header: value") or null (not imported). */
  suggestion: ImportField | 'notes' | null;
  /** For 'repeat': the field the column looks like. */
  sameAs: ImportField | null;
  /** Rows with a value in this column. */
  filled: number;
}

export interface ImportPreview {
  jobId: string;
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk';
  headers: string[];
  /** The spreadsheet row of the header (a title line above it is skipped). */
  headerRow: number;
  sampleRows: string[][];
  totalRows: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
  /** Columns suggested for the notes. */
  suggestedNoteColumns: number[];
  /** Every column with what it looks like and what is suggested for it. */
  columns: ImportColumn[];
}

export interface ImportProblem {
  /** 1-based row number as the user sees it in the spreadsheet (the header is usually row 1). */
  row: number;
  field: ImportField | 'row';
  /** The file's column (0-based) the problem is in; null when the field has no column (e.g. required but unmapped). */
  column: number | null;
  code: ImportProblemCode;
  value: string;
  /** What the reason refers to, e.g. { start: '2026-03-01' } for EXPIRY_BEFORE_START, { firstRow: '2' }. */
  params?: Record<string, string>;
}

/** A name in the file that matches nothing in the club, with the number of rows that use it. */
export interface ImportUnmatched {
  name: string;
  rows: number;
  /** For card types: a card type of that name exists but is inactive. */
  inactive?: boolean;
  /** For consultants: several active staff members have that name. */
  ambiguous?: boolean;
}

/** What the rows that can be imported bring. */
export interface ImportSummary {
  members: number;
  storedValueCents: number;
  withBalance: number;
  frozen: number;
  expired: number;
  deactivated: number;
  withConsultant: number;
  genderUnknown: number;
  nationalIds: number;
}

export interface ImportValidation {
  jobId: string;
  total: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** At most 5,000 (the counts cover every row). */
  problems: ImportProblem[];
  /** Problems of every row counted by field and code. */
  problemCounts: { field: ImportField | 'row'; code: ImportProblemCode; count: number }[];
  unknownCardTypes: ImportUnmatched[];
  unknownConsultants: ImportUnmatched[];
  summary: ImportSummary;
}

export interface ImportResult extends ImportSummary {
  imported: number;
  skipped: number;
}
