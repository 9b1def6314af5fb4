import common from './common';
import errors from './errors';
import setup from './setup';
import login from './login';
import checkin from './checkin';
import tags from './tags';
import members from './members';
import settings from './settings';
import staff from './staff';
import audit from './audit';
import bar from './bar';
import barReport from './barReport';
import visitors from './visitors';
import incidents from './incidents';
import shift from './shift';
import notes from './notes';
import calls from './calls';
import receipt from './receipt';
import station from './station';

export default {
  common,
  errors,
  setup,
  login,
  checkin,
  tags,
  members,
  settings,
  staff,
  audit,
  bar,
  barReport,
  visitors,
  incidents,
  shift,
  notes,
  calls,
  receipt,
  station,
};
