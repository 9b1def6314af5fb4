/** What other areas (and the composition in app.ts) may use of the complaints area. */
export { complaintHandlers, fileComplaintAftercare, openComplaints } from './handlers';
