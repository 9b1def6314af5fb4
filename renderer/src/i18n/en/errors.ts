/** Messages for the core's structured error codes (params interpolated). */
export default {
  VALIDATION: 'Some of what was entered is not valid. Please check the highlighted fields.',
  UNKNOWN_OPERATION: 'This action is not available.',
  UNAUTHENTICATED: 'Please log in first.',
  SESSION_LOCKED: 'The counter is locked. Enter your PIN to continue.',
  FORBIDDEN: 'Your role is not allowed to do this.',
  NOT_FOUND: 'Not found. It may have been removed or changed.',
  CONFLICT: 'This was changed at the same time by someone else. Please try again.',
  PIN_WRONG: 'Wrong PIN.',
  PIN_WRONG_left: 'Wrong PIN. {{attemptsLeft}} tries left before this computer must wait 15 minutes.',
  STAFF_LOCKED:
    'Too many wrong PINs from several places: this staff member is locked until {{until}}. A manager can unlock them on the Staff page.',
  CLIENT_LOCKED:
    'Too many wrong PINs from this computer: try again in {{minutes}} minutes, or ask a manager to unlock on the Staff page.',
  STAFF_INACTIVE: 'This staff member has been deactivated.',
  ALREADY_SET_UP: 'The club is already set up.',
  NOT_SET_UP: 'The club has not been set up yet.',
  DATABASE_BROKEN: 'The club database cannot be read. Restore the latest backup.',
  DATABASE_TOO_NEW: 'The club database was written by a newer version of Front Desk. Please update the app.',
  DATABASE_READONLY: 'The club database cannot be written (read-only or no permission). Nothing was changed.',
  DISK_FULL: 'The disk is full. Nothing was changed. Free some space and try again.',
  CARD_NO_TAKEN: 'Another member already has this card number.',
  CARD_TYPE_NAME_TAKEN: 'A card type with this name already exists.',
  MEMBER_UNKNOWN_CARD: 'No member has this card number.',
  PIN_IN_USE:
    'Another staff member already has this PIN. Choose a different one (a PIN must name one person).',
  AUTH_PIN_WRONG:
    'No shift lead or manager has this PIN. {{attemptsLeft}} tries left before authorisations at this desk pause for 5 minutes.',
  PIN_AMBIGUOUS:
    'This PIN belongs to more than one staff member, so it cannot authorise anything. A manager must give one of them a new PIN.',
  AUTH_PAUSED: 'Too many wrong PINs: authorisations at this desk are paused until {{until}}.',
  OVERRIDE_NOT_ALLOWED: 'Only a shift lead or a manager can authorise this.',
  TAG_UNKNOWN: 'There is no key tag {{number}}.',
  TAG_IN_USE: 'Key tag {{number}} is already issued.',
  TAG_NOT_AVAILABLE: 'Key tag {{number}} cannot be issued now ({{status}}).',
  NO_FREE_TAG: 'All key tags are out.',
  TAG_NUMBER_TAKEN: 'Key tag number {{number}} already exists.',
  TAG_NOT_ISSUED: 'Key tag {{number}} is not issued to anyone.',
  VISIT_CLOSED: 'This visit has already been checked out.',
  VISIT_NOT_FOUND: 'Nobody inside matches this.',
  ALREADY_INSIDE: 'Already inside.',
  FREEZE_INVALID: 'The freeze dates are not valid (the end must not be before the start).',
  NOT_FROZEN: 'This membership is not frozen.',
  FREEZE_AFTER_EXPIRY:
    'The card has ended by the first frozen day (it expired on {{expiry}}): there is nothing to freeze.',
  MEMBER_DEACTIVATED: 'This card is deactivated: a manager must reactivate it first.',
  MEMBER_FROZEN: 'The card is frozen until {{until}}: unfreeze it before an upgrade.',
  FREE_CARD_NEEDS_AUTHORIZATION:
    'A card given without payment needs a shift lead’s or manager’s PIN and the reason.',
  VISITOR_ALREADY_SOLD: 'A card was already sold at the desk to this visitor.',
  IMPORT_JOB_UNKNOWN: 'This import has expired. Please choose the file again.',
  IMPORT_FILE_INVALID: 'This file could not be read as a CSV or Excel (.xlsx) file.',
  IMPORT_FILE_INVALID_empty: 'The file is empty.',
  IMPORT_FILE_INVALID_no_rows: 'The file has a header row but no member rows.',
  IMPORT_FILE_INVALID_no_header:
    'No header row in the first rows of the file: the first row must name the columns (card number, name, …).',
  IMPORT_FILE_INVALID_binary: 'This is not a CSV or Excel (.xlsx) file.',
  IMPORT_FILE_INVALID_unclosed_quote:
    'Row {{row}}: a value in quotes (starting with ") is never closed, so the rest of the file cannot be read. Correct that row in the file.',
  IMPORT_FILE_INVALID_too_many_rows: 'The file has more than {{max}} rows: split it into smaller files.',
  IMPORT_FILE_INVALID_too_many_columns: 'Row {{row}} has more than {{max}} columns.',
  IMPORT_FILE_INVALID_xlsx_unreadable:
    'This Excel file could not be opened: save it again as .xlsx (or CSV) and try again.',
  IMPORT_FILE_INVALID_xls_old:
    'This is an old Excel file (.xls): open it in Excel or WPS and save it as .xlsx or CSV.',
  IMPORT_HAS_DUPLICATES: 'The file has duplicate card numbers.',
  IMPORT_MAPPING_INVALID: 'The {{col}} cannot be imported as “{{fieldLabel}}”.',
  IMPORT_MAPPING_INVALID_required:
    'No column is chosen for “{{fieldLabel}}”: choose the column of the file that holds it.',
  IMPORT_MAPPING_INVALID_column_twice:
    'The {{col}} is chosen both for “{{otherLabel}}” and for “{{fieldLabel}}”: a column can be only one of them.',
  IMPORT_MAPPING_INVALID_no_such_column: 'The file has no {{col}} (chosen for “{{fieldLabel}}”).',
  IMPORT_MAPPING_INVALID_keep_not_confirmed:
    'The {{col}} holds national ID numbers: tick “The club keeps national ID numbers” to import them (managers only), or leave the column out.',
  IMPORT_MAPPING_INVALID_identity_elsewhere:
    'The {{col}} holds national ID numbers: it can only be kept as the national ID number (managers only), not as “{{fieldLabel}}”.',
  IMPORT_MAPPING_INVALID_identity_in_notes:
    'The {{col}} holds national ID numbers: they never go into the notes, which the desk sees.',
  IMPORT_MAPPING_INVALID_price_not_balance:
    'The {{col}} is a price paid, not a stored-value balance: it cannot be imported as the balance.',
  IMPORT_MAPPING_more_one: ' (and {{count}} more column to fix, marked in red)',
  IMPORT_MAPPING_more_other: ' (and {{count}} more columns to fix, marked in red)',
  IMPORT_HAS_PROBLEMS:
    'Nothing was imported: {{invalid}} rows have problems. The first is row {{row}}, {{col}}: {{problemText}}. Correct the file, or choose to import the valid rows and skip these.',
  IMPORT_HAS_PROBLEMS_none:
    'Nothing can be imported: every row has a problem. The first is row {{row}}, {{col}}: {{problemText}}.',
  BACKUP_FAILED: 'The backup could not be made. The desk keeps working; it is tried again in a few minutes.',
  BACKUP_FAILED_DISK_FULL:
    'The backup could not be made: the disk is full. Free some space; it is tried again in a few minutes.',
  BACKUP_FAILED_FOLDER_UNWRITABLE: 'The backup could not be made: the backup folder does not accept files.',
  BACKUP_FAILED_FOLDER_MISSING: 'The backup could not be made: the backup folder cannot be reached.',
  BACKUP_FAILED_COPY_MISMATCH: 'The backup copy did not match the original and was discarded.',
  BACKUP_FAILED_COPY_DAMAGED: 'The backup copy failed its check and was discarded.',
  BACKUP_FOLDER_UNUSABLE: 'That folder cannot take backups.',
  BACKUP_FOLDER_UNUSABLE_NOT_ABSOLUTE:
    'Give the full path of the folder, for example E:\\FrontDesk or /media/usb/frontdesk.',
  BACKUP_FOLDER_UNUSABLE_INSIDE_DATA_FOLDER:
    "Choose a folder outside the app's data folder (another disk or a network share).",
  BACKUP_FOLDER_UNUSABLE_FOLDER_MISSING: 'That folder does not exist or cannot be reached.',
  BACKUP_FOLDER_UNUSABLE_FOLDER_UNWRITABLE: 'That folder does not accept files (read-only or no permission).',
  BACKUP_NOT_FOUND: 'That backup does not exist.',
  LAST_MANAGER: 'At least one active manager must remain.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  TAB_UNPAID:
    'The tab of {{amount}} (bar and shop) must be settled before the tag is freed (or a shift lead lets the member leave with it unpaid).',
  PAYMENT_MISMATCH: 'The payments add up to {{paid}}, but {{due}} is due. They must match to the cent.',
  CASH_TENDERED_SHORT: 'The cash handed over is less than the cash amount.',
  STORED_VALUE_INSUFFICIENT: 'Not enough stored value: the balance is {{balance}}.',
  STORED_VALUE_GUEST: 'Only members have stored value.',
  NOTHING_TO_PAY: 'There is nothing to pay.',
  LINE_NOT_CORRECTABLE:
    'This line can no longer be corrected (paid, voided, or the member has left): only a void can change it.',
  LINE_VOIDED: 'This line is already voided.',
  CORRECTION_WINDOW_PASSED:
    'The slip was written more than {{minutes}} minutes ago: it can no longer be corrected on the spot. To remove or reduce it, void it with a shift lead’s or the customer-service manager’s PIN.',
  VOID_NEEDS_MANAGER: 'The member has already left: only a manager can authorise this void.',
  CASH_BACK_NEEDS_MANAGER:
    'This was paid from stored value and goes back to stored value. Paying it back in cash needs a manager’s PIN.',
  BAR_ITEM_NAME_TAKEN: 'An item with this name already exists.',
  BAR_ITEM_INACTIVE: '{{name}} is not on sale.',
  ITEM_OTHER_POINT:
    '“{{name}}” belongs to the other sales point: bar staff sell, receive and count the bar’s items, reception the shop’s.',
  ITEM_OTHER_POINT_count:
    'That stocktake is not yours: bar staff count the bar, reception counts the shop (a shift lead or manager may count either).',
  RANGE_INVALID: 'The end date must not be before the start date (at most 366 days).',
  INCIDENT_CLOSED: 'This incident is closed and can no longer be changed. Add an addendum instead.',
  INCIDENT_REPORT_INCOMPLETE:
    'The incident cannot be closed yet: {{count}} items of the required steps or the written report are missing, or follow-ups are not done.',
  FOLLOW_UP_DONE: 'This follow-up is already done.',
  ATTACHMENT_TOO_LARGE: 'The file is too large (at most {{maxBytes}} bytes).',
  ATTACHMENT_TYPE_INVALID: 'Only photos (JPEG, PNG, WebP) and PDF scans can be attached.',
  ATTACHMENT_TAMPERED:
    'The attachment file does not match what was stored: it has been changed or damaged since. It is not shown.',
  ATTACHMENT_MISSING: 'The attachment file is missing from the data folder.',
  COMPLAINT_STEP_INVALID: 'This step cannot be done yet: the complaint is not at the right stage.',
  COMPLAINT_ESCALATED: 'This complaint was escalated: only the store manager can resolve it.',
  COMPLAINT_CLOSED: 'This complaint is closed. Add a follow-up note instead.',
  COMPLAINT_OUTCOME_MISSING:
    'The complaint cannot be closed yet: record what the member wants and what was agreed with the member.',
  NOT_A_CONSULTANT: 'Only a membership consultant can do this.',
  CONSULTANT_NOT_SIGNED_IN: '{{name}} has not signed in today.',
  CONSULTANT_ALREADY_SIGNED_IN: '{{name}} has already signed in today.',
  CONSULTANT_BUSY: '{{name}} is with a visitor or being called; finish that first.',
  NOT_YOURS: 'This belongs to another consultant.',
  VISITOR_WRONG_STATE: 'This cannot be done for the visitor now.',
  PAGE_LIMIT: 'Already paged {{maxPages}} times: call the next consultant.',
  CALL_NOT_OVERDUE: 'The consultant still has time to come to the desk.',
  NO_CONSULTANT_AVAILABLE: 'No consultant is available right now.',
  WRONG_CONSULTANT: '{{name}} was called for this visitor, not you.',
  DISPUTE_DECIDED: 'This dispute has already been decided.',
  CARD_TYPE_REQUIRED: 'Choose the card type that was sold.',
  INQUIRY_ASSIGNED: 'This inquiry has already been passed to a consultant.',
  CONSULTANT_PIN_REQUIRED:
    '{{name}} confirms the appointment with their own PIN: an appointment makes the lead theirs.',
  VISITOR_ALREADY_HERE:
    '{{name}} with this phone number is already registered today and still being received: one visitor, one consultant. No second registration.',
  ANNOUNCEMENT_PASSED: 'It is too late: the class has started.',
  ANNOUNCEMENT_DONE: 'This has already been announced.',
  SHIFT_ALREADY_OPEN: 'A shift is already open: close it before opening another.',
  SHIFT_CLOSED: 'This shift is closed and cannot be changed. Add a correction instead.',
  SHIFT_NOT_CLOSED: 'This shift is still open.',
  SHIFT_STAFF_INVALID: 'Only active desk staff can be on duty for a shift.',
  SHIFT_NOT_COUNTED: 'Count the cash first.',
  SHIFT_ALREADY_COUNTED:
    "The cash has already been counted for this shift. A recount needs a shift lead's PIN.",
  CASH_CHANGED_SINCE_COUNT: 'Cash was taken or paid out after the count: count the cash again.',
  DIFFERENCE_REASON_REQUIRED: 'The cash does not match: write down the reason.',
  TAG_COUNT_REASON_REQUIRED:
    'The used tags counted ({{counted}}) differ from the tags issued ({{issued}}): write down the reason.',
  FLOAT_REASON_REQUIRED: 'The float differs from what was handed over: write down the reason.',
  FLOAT_EXCEEDS_CASH: 'The float handed over cannot be more than the cash counted.',
  HANDOVER_NOT_ACKNOWLEDGED: 'Read and acknowledge the previous handover first.',
  SIGNER_INVALID: 'This person cannot sign here (the two signatures must be two different desk staff).',
  CHECKLIST_INCOMPLETE: 'Tick every item of the checklist first.',
  DAY_ALREADY_CLOSED:
    'This day has already been closed. A manager can reopen it (Shift handover → Day close).',
  DAY_HAS_OPEN_SHIFT: 'A shift is still open ({{names}}): close it first.',
  DAY_NOT_CLOSED: 'This day has not been closed yet.',
  SHIFT_NOT_OPEN: 'No shift is open: cash can only be taken in an open shift. Open the shift first.',
  DRAWER_COUNTED:
    "This shift's cash has been counted: no cash can be taken or paid out until a shift lead authorises a recount (Shift handover → Recount).",
  RECOUNT_PENDING: 'A recount is already authorised: count the cash again.',
  DAY_STOCKTAKE_MISSING:
    "The bar's stocktake of this day is missing (not counted: {{names}}). The bar counts its stock first.",
  DROP_WITNESS_SELF: 'You cannot witness your own cash drop: another member of staff types their PIN.',
  DROP_SLIP_USED: 'Deposit slip {{slipNo}} is already recorded for this destination. Check the slip number.',
  SETTLE_NOTHING_OPEN: 'This shift has nothing of this kind still open to settle.',
  SETTLE_TOO_MUCH: 'More than is still open: at most {{due}} can be settled for this shift.',
  SETTLE_SELF: 'Someone else receives the money: you cannot record your own hand-in or make-good.',
  FLOAT_COUNT_MISMATCH: 'The notes counted come to {{amount}}, not {{due}}. Count again.',
  FLOAT_AUTH_REQUIRED:
    'The float differs from the one handed over by more than {{amount}}: a shift lead or manager must accept it with their PIN.',
  MANAGER_PIN_REQUIRED: 'Only a manager (customer-service, duty or store manager) can authorise this.',
  INTERNAL: 'Something went wrong. Nothing was changed. Please try again.',
  CONNECTION_LOST: 'Lost the connection to Front Desk. Please try again.',
  MESSAGE_ADDRESSEE_INVALID: 'Choose a member of staff who is still working here.',
  MESSAGE_ALREADY_DONE: 'This message was already marked done.',
  RECEIPT_NONE: 'This payment has no receipt (a refund is recorded on its own slip).',
  REPAIR_CLOSED: 'This item is already closed (fixed or written off); nothing more can be recorded on it.',
  REPAIR_STEP_INVALID: 'That step cannot follow the current one.',
  CALL_WINDOW_CLOSED:
    'Calls are made only in the call windows (not on holidays). The next window opens {{nextDate}} at {{nextTime}}.',
  CALL_ENTRY_CLOSED: 'This call is already finished; nothing more can be recorded on it.',
  CALL_SATISFACTION_REQUIRED: 'After a complaint, ask whether the member is satisfied and record the answer.',
  CALL_NO_PHONE: '{{name}} has no phone number on file: an appointment needs one.',
  CALL_SETTINGS_INVALID:
    'Call windows must not overlap (each ends after it starts), and each holiday is listed once.',
  NETWORK_OFF: 'The club network is off. A manager turns it on in Settings.',
  PAIRING_CODE_WRONG:
    'That pairing code is wrong or has expired. Show a new code at the front desk and try again.',
  DEVICE_NOT_PENDING: 'This station is no longer waiting to be paired.',
  DEVICE_NOT_ACTIVE: 'This station is not paired (refused or already revoked).',
};
