/** What the composition in app.ts uses of the session area. */
export { sessionHandlers } from './handlers';
