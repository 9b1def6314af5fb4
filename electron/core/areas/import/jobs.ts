/**
 * Import jobs: a file read by the preview, kept in memory for the validate and commit steps of the
 * manager who read it (at most a few at a time, two hours each). Nothing of it is in the database.
 */
import crypto from 'node:crypto';
import type { Ctx } from '../../kernel/ctx';
import { AppError } from '../../kernel/errors';
import type { ImportColumn } from './types';

const MAX_JOBS = 8;
const JOB_TTL_MS = 2 * 60 * 60 * 1000;

export interface Job {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'gbk';
  headers: string[];
  columns: ImportColumn[];
  rows: string[][];
  /** Each row's number as a spreadsheet shows it (blank rows skipped but counted). */
  rowNumbers: number[];
  createdAt: number;
  staffId: number;
}

const jobs = new Map<string, Job>();

function prune(now: number): void {
  for (const [id, j] of jobs) if (now - j.createdAt > JOB_TTL_MS) jobs.delete(id);
  while (jobs.size >= MAX_JOBS) jobs.delete(jobs.keys().next().value!);
}

/** Keeps a job (the oldest go first); its id. */
export function addJob(job: Job): string {
  prune(job.createdAt);
  const jobId = crypto.randomBytes(16).toString('hex');
  jobs.set(jobId, job);
  return jobId;
}

/** The caller's own job (IMPORT_JOB_UNKNOWN otherwise: gone, or another manager's). */
export function getJob(ctx: Ctx, jobId: string): Job {
  const j = jobs.get(jobId);
  if (!j || j.staffId !== ctx.requireActor().id) throw new AppError('IMPORT_JOB_UNKNOWN');
  return j;
}

export function dropJob(jobId: string): void {
  jobs.delete(jobId);
}
