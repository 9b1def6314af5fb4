/** What other areas (and the composition in app.ts) may use of the repair log. */
export { openRepairsAt, repairsHandlers } from './handlers';
