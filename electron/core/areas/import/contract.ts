/**
 * The import area's contract: the roster import in three steps — preview (read the file, say what
 * each column looks like), validate (every problem of every row for a mapping), commit (one
 * transaction) or cancel — and the roster export. The operations keep their names under `members.`.
 * Every operation is declared here once: its input, its result, its kind and who may call it. The
 * renderer imports these types and lists through electron/core/contract.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { MANAGERS } from '../../kernel/roles';
import { Empty, Id } from '../../contract/common';
import { IMPORT_FIELDS, type ImportPreview, type ImportResult, type ImportValidation } from './types';

export * from './types';

// ---- operations -----------------------------------------------------------------------------

const ImportMapping = z
  .object(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, z.number().int().min(0).max(200).optional()])))
  .strict();

const JobId = z.string().regex(/^[a-f0-9]{32}$/, 'jobId');

/** A file column (0-based). */
const ColumnIndex = z.number().int().min(0).max(200);
const ImportOptions = z
  .object({
    /** Columns added to the notes as "header: value" (any number of them). */
    noteColumns: z.array(ColumnIndex).max(200).optional(),
    /** The club keeps national ID numbers: required to import a column mapped as nationalId. */
    keepNationalId: z.boolean().optional(),
    /**
     * Consultant names of the file that match no active staff member (or several): the staff member
     * to use, or null to import those members without a consultant.
     */
    consultants: z
      .array(z.object({ name: z.string().trim().min(1).max(100), staffId: Id.nullable() }).strict())
      .max(1000)
      .optional(),
  })
  .strict();

export const importContract = {
  /** Reads a CSV (UTF-8 or GBK) or .xlsx file and suggests what each column is; writes nothing. */
  'members.importPreview': command({
    input: z
      .object({
        /** the file's bytes, base64 (a 100,000-member roster is well under this limit) */
        fileBase64: z.string().min(1).max(40_000_000),
        encoding: z.enum(['auto', 'utf-8', 'gbk']).optional(),
      })
      .strict(),
    output: out<ImportPreview>(),
    access: MANAGERS,
    tx: 'manual',
    maxBytes: 40_100_000,
  }),
  /** Every problem of every row for a mapping; writes nothing. */
  'members.importValidate': query({
    input: z.object({ jobId: JobId, mapping: ImportMapping, options: ImportOptions.optional() }).strict(),
    output: out<ImportValidation>(),
    access: MANAGERS,
  }),
  /**
   * Imports in one transaction: every row, or — when rows have problems — the rows without problems
   * only if `skipInvalid` says the manager chose to after seeing them; otherwise nothing
   * (IMPORT_HAS_PROBLEMS names the first row). "Import nothing" is importCancel.
   */
  'members.importCommit': command({
    input: z
      .object({
        jobId: JobId,
        mapping: ImportMapping,
        options: ImportOptions.optional(),
        skipInvalid: z.boolean().optional(),
      })
      .strict(),
    output: out<ImportResult>(),
    access: MANAGERS,
  }),
  'members.importCancel': command({
    input: z.object({ jobId: JobId }).strict(),
    output: out<{ ok: true }>(),
    access: MANAGERS,
  }),
  'members.exportCsv': command({
    input: Empty,
    output: out<{ filename: string; csv: string; count: number }>(),
    access: MANAGERS,
    announce: false,
  }),
} as const;
