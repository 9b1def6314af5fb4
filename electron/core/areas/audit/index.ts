/** What the composition in app.ts uses of the audit area. */
export { auditHandlers } from './handlers';
