/** What other areas (and the composition in app.ts) may use of the call list. */
export { callsHandlers } from './handlers';
