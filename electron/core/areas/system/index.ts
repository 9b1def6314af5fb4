/** What the composition in app.ts uses of the system area. */
export { systemHandlers } from './handlers';
export { BackupSchedule } from './backupSchedule';
