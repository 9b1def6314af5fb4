/** What the composition in app.ts uses of the import area. */
export { importHandlers } from './handlers';
