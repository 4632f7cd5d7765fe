/*
 * breachflow's additions to Camunda Tasklist, loaded through `customScripts` in config.js (an ES module).
 *
 * 1. Receipt: when a report is submitted from its start form, Tasklist itself only says that "the process has
 *    started". The answer to the form's submission carries the process instance's business key, which is the
 *    incident number (PUI-2026-0001): it is shown until the reporter closes it.
 * 2. form-js, which draws the Camunda Forms, has its own texts in English only (validation messages, "Select",
 *    the calendar): they are put into Swedish where they appear.
 * 3. Links from a form to breachflow's documents open in a new tab, so that the form stays as it was.
 * 4. Dates are typed and shown as åååå-mm-dd whatever the browser's language (below, first); the calendar's
 *    week starts on Monday.
 * 5. Forms keep working: Start/Slutför is not left disabled by an error nobody can see; errors are shown after
 *    the first attempt to submit (not while tabbing past), and the first one is scrolled into view.
 * 6. The task list tells cases apart: each task shows the IMY deadline (and the CSIRT's, where the cyber track
 *    runs) in Stockholm time with the time left, red under 24 hours and when passed, and the risk level instead
 *    of Camunda's priority number. A form's deadline texts keep up while it is open.
 * 7. Closing the loops: after a task is completed, what happened and the next step (after the assessment, what
 *    the rules concluded and why); before a task is claimed, why it cannot be completed yet; the report's start
 *    dialog in plain words (Skicka rapport).
 * 8. With single sign-on, the password form gives way to breachflow's logout page.
 *
 * Everything read from breachflow's API is read with the Tasklist login (GET only, docs/adr/0006).
 */

// ------------------------------------------------------------------------------- 4. dates as åååå-mm-dd
// form-js orders the digits of a date field by the browser's default locale (`new Intl.DateTimeFormat('default')`):
// an English browser, or a Chromium that has only en-US (Debian's without chromium-l10n), shows mm/dd/yyyy,
// and "2026-12-01" typed there silently becomes another day. breachflow's dates are Swedish whatever the
// browser: on Tasklist's pages a date format asked for without a locale is a Swedish one. A format that names
// its locale is left alone. This runs when Tasklist loads its custom scripts, before any form is drawn.
const DATE_LOCALE = 'sv-SE';

function swedishDatesByDefault() {
  const BrowserDateTimeFormat = Intl.DateTimeFormat;
  if (BrowserDateTimeFormat.breachflowDateLocale) {
    return;
  }
  const DateTimeFormat = function DateTimeFormat(locales, options) {
    const chosen = locales === undefined || locales === 'default' ? DATE_LOCALE : locales;
    return new BrowserDateTimeFormat(chosen, options);
  };
  DateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
  DateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf;
  DateTimeFormat.breachflowDateLocale = DATE_LOCALE;
  Intl.DateTimeFormat = DateTimeFormat;
}

swedishDatesByDefault();

// ------------------------------------------------------------------------------- time, as people read it

const URGENT = 24 * 60 * 60 * 1000;
const STOCKHOLM_PARTS = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
  minute: '2-digit', hourCycle: 'h23'
});

// The engine's clock can differ from the browser's (a test moves it; a PC's clock drifts): a task form's values
// carry the server's "now" (shownAt), and the difference is kept for the times computed here.
let clockSkew = 0;

function serverNow() {
  return Date.now() + clockSkew;
}

function stockholmParts(date) {
  const at = {};
  STOCKHOLM_PARTS.formatToParts(date).forEach((part) => { at[part.type] = part.value; });
  return at;
}

/** For example 2026-12-01 kl. 08:24, in Stockholm time whatever the browser's zone and language. */
function stockholm(iso) {
  const at = stockholmParts(new Date(iso));
  return at.year + '-' + at.month + '-' + at.day + ' kl. ' + at.hour + ':' + at.minute;
}

/** The instant of a Stockholm wall-clock time (the offset of that moment, summer time included). */
function fromStockholm(year, month, day, hour, minute) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall;
  for (let i = 0; i < 2; i++) {
    const at = stockholmParts(new Date(instant));
    const shown = Date.UTC(+at.year, +at.month - 1, +at.day, +at.hour, +at.minute);
    instant += wall - shown;
  }
  return instant;
}

function amount(value, one, many) {
  return value + ' ' + (value === 1 ? one : many);
}

/** "2 dygn 5 tim", "3 tim 20 min", "12 minuter": how much, in the largest units that say it. */
function duration(millis) {
  const minutes = Math.floor(Math.abs(millis) / 60000);
  const hours = Math.floor(minutes / 60);
  if (hours >= 48) {
    return amount(Math.floor(hours / 24), 'dygn', 'dygn') + ' ' + (hours % 24) + ' tim';
  }
  if (hours >= 1) {
    return hours + ' tim ' + (minutes % 60) + ' min';
  }
  return amount(minutes, 'minut', 'minuter');
}

/** "om 3 tim 20 min" or "passerad för 2 tim 5 min sedan". */
function timeLeft(millis) {
  return millis < 0 ? 'passerad för ' + duration(millis) + ' sedan' : 'om ' + duration(millis);
}

// ------------------------------------------------------------------------- breachflow's API, read-only

const incidents = new Map();

/** The incident as the API shows it to this user (null if they may not see it); fresh ones read again. */
function incident(number, fresh) {
  const known = incidents.get(number);
  if (known && !fresh && Date.now() - known.at < 60000) {
    return known.answer;
  }
  const answer = fetch('/api/incidents/' + encodeURIComponent(number),
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  incidents.set(number, {at: Date.now(), answer});
  return answer;
}

const RISK = {NO_RISK: 'Ingen risk', RISK: 'Risk', HIGH_RISK: 'Hög risk'};

const SUBMIT_START_FORM = /\/process-definition\/[^/?]+\/submit-form(?:\?|$)/;
const INCIDENT_NUMBER = /^PUI-\d{4}-\d{4,}$/;
const SUPPLIER_INCIDENT_NUMBER = /^LEV-\d{4}-\d{4,}$/;

// ---------------------------------------------------------------------------------------------- 1. receipt

const RECEIPT_TEXT = '<p>Rapporten går nu till dataskyddssamordnaren för bedömning. Ange ärendenumret om du ' +
  'får veta något mer eller har frågor. Du får också en bekräftelse med numret via e-post.</p>' +
  '<p class="breachflow-receipt-urgency" hidden></p>' +
  '<p>Dina rapporter och hur långt de har kommit finns under <a href="/#mina-rapporter">Mina rapporter</a> på ' +
  'startsidan.</p>';
const SUPPLIER_RECEIPT_TEXT = '<p>Varje berörd nämnd eller bolag har fått ett eget ärende med egen frist för ' +
  'anmälan till IMY. Ärendena finns under <a href="/#leverantorsincidenter">Leverantörsincidenter</a> på ' +
  'startsidan.</p>';

function showReceipt(number, supplier) {
  document.querySelectorAll('.breachflow-receipt').forEach((old) => old.remove());
  const receipt = document.createElement('section');
  receipt.className = 'breachflow-receipt';
  receipt.setAttribute('role', 'status');
  receipt.setAttribute('aria-live', 'polite');
  receipt.innerHTML =
    (supplier ? '<h2>Leverantörsincidenten är registrerad.</h2>' : '<h2>Tack! Din rapport är registrerad.</h2>') +
    '<p>Ärendenummer: <strong class="breachflow-receipt-number"></strong></p>' +
    (supplier ? SUPPLIER_RECEIPT_TEXT : RECEIPT_TEXT) +
    '<button type="button" class="btn btn-default">Stäng</button>';
  receipt.querySelector('.breachflow-receipt-number').textContent = number;
  receipt.querySelector('button').addEventListener('click', () => receipt.remove());
  document.body.appendChild(receipt);
  receipt.querySelector('button').focus();
  if (!supplier) {
    urgency(receipt, number);
  }
}

/**
 * A report made close to (or after) its deadline does not get the calm receipt: the reporter is asked to call the
 * coordinator now. The deadline is the record's (discovery + 72 hours); the reporter's view of the incident has it.
 */
function urgency(receipt, number) {
  incident(number, true).then((found) => {
    if (!found || !found.authorityDeadline) {
      return;
    }
    const left = new Date(found.authorityDeadline).getTime() - serverNow();
    if (left >= URGENT) {
      return;
    }
    const line = receipt.querySelector('.breachflow-receipt-urgency');
    line.textContent = (left < 0
      ? 'Fristen för anmälan till IMY har redan gått ut (' + stockholm(found.authorityDeadline) + '). '
      : 'Det är bråttom: fristen för anmälan till IMY går ut ' + stockholm(found.authorityDeadline) + ' ('
        + timeLeft(left) + '). ')
      + 'Ring eller kontakta dataskyddssamordnaren direkt så att de vet att rapporten har kommit.';
    line.hidden = false;
    receipt.classList.add('breachflow-receipt-urgent');
  });
}

function receiptFrom(responseText) {
  try {
    const instance = JSON.parse(responseText);
    if (instance && typeof instance.businessKey === 'string' && INCIDENT_NUMBER.test(instance.businessKey)) {
      showReceipt(instance.businessKey, false);
    } else if (instance && typeof instance.businessKey === 'string'
        && SUPPLIER_INCIDENT_NUMBER.test(instance.businessKey)) {
      showReceipt(instance.businessKey, true);
    }
  } catch (notJson) {
    // Not an answer to a report: nothing to show.
  }
}

function watchStartForms() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.breachflowStartForm = String(method).toUpperCase() === 'POST' && SUBMIT_START_FORM.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.breachflowStartForm) {
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          receiptFrom(this.responseText);
        }
      });
    }
    return send.apply(this, args);
  };
}

// --------------------------------------------------------------------------------------- 2. form-js texts

const EXACT = new Map([
  ['Field is required.', 'Fältet måste fyllas i.'],
  ['Field must be a valid email.', 'Ange en giltig e-postadress.'],
  ['Field must be a valid  international phone number. (e.g. +4930664040900)',
    'Ange ett telefonnummer i internationellt format (t.ex. +46701234567).'],
  ['Date and time must both be entered.', 'Ange både datum och klockslag.'],
  ['Select', 'Välj'],
  ['Search', 'Sök'],
  ['No results', 'Inga träffar'],
  ['All values selected', 'Alla värden är valda'],
  // The dynamic list (the supplier incident's controllers)
  ['Add new', 'Lägg till'],
  ['Collapse', 'Fäll ihop'],
  // The date field's placeholder (the order is Swedish whatever the browser: part 4 above).
  ['yyyy-mm-dd', 'åååå-mm-dd'],
  ['hh:mm', 'tt:mm'],
  ['Sunday', 'söndag'], ['Monday', 'måndag'], ['Tuesday', 'tisdag'], ['Wednesday', 'onsdag'],
  ['Thursday', 'torsdag'], ['Friday', 'fredag'], ['Saturday', 'lördag'],
  ['Sun', 'sön'], ['Mon', 'mån'], ['Tue', 'tis'], ['Wed', 'ons'], ['Thu', 'tor'], ['Fri', 'fre'], ['Sat', 'lör'],
  ['January', 'januari'], ['February', 'februari'], ['March', 'mars'], ['April', 'april'], ['May', 'maj'],
  ['June', 'juni'], ['July', 'juli'], ['August', 'augusti'], ['September', 'september'],
  ['October', 'oktober'], ['November', 'november'], ['December', 'december']
]);

const PATTERNS = [
  [/^Field must have minimum length of (\d+)\.$/, 'Skriv minst $1 tecken.'],
  [/^Field must have maximum length of (\d+)\.$/, 'Skriv högst $1 tecken.'],
  [/^Field must have minimum value of (.+)\.$/, 'Det minsta tillåtna värdet är $1.'],
  [/^Field must have maximum value of (.+)\.$/, 'Det största tillåtna värdet är $1.'],
  [/^Field must match pattern .+\.$/, 'Uppgiften har fel format.'],
  [/^Expand all \((\d+)\)$/, 'Visa alla ($1)'],
  [/^Remove list item (\d+)$/, 'Ta bort rad $1']
];

// Only inside the forms (and form-js's calendar, which it attaches to the page): nothing else of Tasklist.
const FORM_PARTS = '.fjs-container, .flatpickr-calendar';

function swedish(text) {
  const trimmed = text.trim();
  if (EXACT.has(trimmed)) {
    return text.replace(trimmed, EXACT.get(trimmed));
  }
  for (const [pattern, replacement] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function translate(part) {
  const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = swedish(node.nodeValue);
    if (text !== null && text !== node.nodeValue) {
      node.nodeValue = text;
    }
  }
  part.querySelectorAll('[aria-label]').forEach((element) => {
    const text = swedish(element.getAttribute('aria-label'));
    if (text) {
      element.setAttribute('aria-label', text);
    }
  });
  part.querySelectorAll('input[placeholder]').forEach((input) => {
    const text = swedish(input.getAttribute('placeholder'));
    if (text) {
      input.setAttribute('placeholder', text);
    }
  });
  part.querySelectorAll('a[href^="/api/"]').forEach((link) => {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  });
}

/** Each form, and each calendar outside a form, once: not the rest of Tasklist's page. */
function translateForms() {
  document.querySelectorAll(FORM_PARTS).forEach((part) => {
    if (!part.parentElement || !part.parentElement.closest(FORM_PARTS)) {
      translate(part);
    }
  });
}

function watchForms() {
  let pending = false;
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      // Once per animation frame: form-js re-renders a field on every keystroke.
      requestAnimationFrame(() => {
        pending = false;
        translateForms();
      });
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true});
}

// ---------------------------------------------------------------------------------- 5. forms keep working
// Tasklist 7.24 disables the form's Start/Slutför button while form-js's `errors` has any key. Some keys stay
// after the field is fine or gone: a field inside a dynamic list (the supplier incident's controllers) leaves an
// array of cleared entries; a field that a condition hides again ("Vilken leverantör?" after "Har incidenten
// skett hos en leverantör" is unticked) keeps its "required" error. The button then stayed disabled with nothing
// on the screen saying why. form-js checks every visible field again when the form is submitted and shows what
// is wrong, so the button is enabled again whenever no submission is under way — except for a task that is not
// yet claimed (Tasklist's own reason, which the notice of part 7 explains).
const SUBMIT_BUTTON = '.modal-footer button.btn-primary[type="submit"], .form-pane .form-actions button.btn-primary';
let submitting = 0;

function watchSubmissions() {
  const send = XMLHttpRequest.prototype.send;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.breachflowSubmission = String(method).toUpperCase() === 'POST' && /\/(submit-form|complete)(?:\?|$)/.test(String(url));
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (this.breachflowSubmission) {
      submitting++;
      // Angular no longer disables a button enabled here: one submission at a time.
      document.querySelectorAll(SUBMIT_BUTTON).forEach((button) => { button.disabled = true; });
      this.addEventListener('loadend', () => {
        submitting--;
        requestAnimationFrame(enableForms);
      });
    }
    return send.apply(this, args);
  };
}

/** Whether the task on the screen has to be claimed first (Tasklist then marks its form `disabled-form`). */
function claimNeeded() {
  return Boolean(document.querySelector('.form-pane .disabled-form'));
}

function enableForms() {
  document.querySelectorAll(SUBMIT_BUTTON).forEach((button) => {
    const dialog = button.closest('.modal-content') || document;
    const form = dialog.querySelector('.fjs-container');
    if (!button.disabled || !form || submitting > 0) {
      return;
    }
    if (!button.closest('.modal-footer') && claimNeeded()) {
      return;
    }
    button.disabled = false;
  });
}

function watchButtons() {
  new MutationObserver(() => requestAnimationFrame(enableForms))
    .observe(document.body, {subtree: true, attributes: true, attributeFilter: ['disabled', 'class']});
}

// Errors are for after an attempt to submit: form-js marks a required field red as soon as the cursor leaves it,
// which reads as a reproach before the person has had a chance to answer. From the first click on Start/Slutför
// the form shows them (user-styles.css hides them until then), and the first one is scrolled into view.
function firstError(form) {
  const field = form.querySelector('.fjs-form-field.fjs-has-errors');
  if (!field) {
    return false;
  }
  field.scrollIntoView({block: 'center'});
  // A list (form-js's select) opens when it gets the focus and would cover the next questions: only scrolled to.
  const input = field.classList.contains('fjs-form-field-select') ? null : field.querySelector('input, textarea');
  if (input) {
    input.focus({preventScroll: true});
  }
  return true;
}

function watchAttempts() {
  document.addEventListener('click', (event) => {
    const button = event.target.closest && event.target.closest(SUBMIT_BUTTON);
    if (!button) {
      return;
    }
    const dialog = button.closest('.modal-content') || document;
    const form = dialog.querySelector('.fjs-container');
    if (!form) {
      return;
    }
    form.classList.add('breachflow-tried');
    // form-js draws the errors after the submission it is asked for: look for the first one until it is there.
    let tries = 0;
    const look = () => {
      if (!firstError(form) && ++tries < 20) {
        setTimeout(look, 50);
      }
    };
    setTimeout(look, 0);
  }, true);
}

// The calendar's week starts on Monday, as in Sweden (flatpickr, which form-js uses, starts on Sunday).
function mondayFirst() {
  document.querySelectorAll('.fjs-container input').forEach((input) => {
    const picker = input._flatpickr;
    if (picker && picker.l10n && picker.l10n.firstDayOfWeek !== 1) {
      picker.set('locale', Object.assign({}, picker.l10n, {firstDayOfWeek: 1}));
    }
  });
}

// ----------------------------------------------------------------------------------- 6. the task list
// Each task of the list gets a line with the IMY deadline in Stockholm time and the time left, the CSIRT's where
// the cyber track runs, and the risk level; the incident number and the nämnd are the filters' variables. Red
// under 24 hours and when passed. Camunda's priority number ("50") means nothing to anyone: user-styles.css hides
// it, the risk level takes its place.
const NUMBER_IN_TEXT = /PUI-\d{4}-\d{4,}/;

function deadlineLine(label, deadline, done) {
  const line = document.createElement('span');
  line.className = 'breachflow-deadline';
  if (done) {
    line.textContent = label + ': ' + done;
    return line;
  }
  const left = new Date(deadline).getTime() - serverNow();
  line.textContent = label + ': ' + stockholm(deadline) + ' (' + timeLeft(left) + ')';
  if (left < 0) {
    line.classList.add('breachflow-late');
    line.textContent += ' – försenad';
  } else if (left < URGENT) {
    line.classList.add('breachflow-urgent');
  }
  return line;
}

function imyLine(found) {
  if (found.imyNotifiedAt) {
    return deadlineLine('IMY', null, 'anmäld ' + stockholm(found.imyNotifiedAt));
  }
  if (found.decision && (found.decision.notABreach || !found.decision.notifyImy)) {
    return deadlineLine('IMY', null, 'ingen anmälan (beslutat)');
  }
  return deadlineLine('Frist IMY', found.authorityDeadline);
}

function cyberLine(cyber) {
  if (!cyber || cyber.significant !== true) {
    return null;
  }
  if (!cyber.earlyWarningFiledAt && cyber.earlyWarningDeadline) {
    return deadlineLine('Upplysning enligt cybersäkerhetslagen', cyber.earlyWarningDeadline);
  }
  if (!cyber.notificationFiledAt && cyber.notificationDeadline) {
    return deadlineLine('Incidentanmälan enligt cybersäkerhetslagen', cyber.notificationDeadline);
  }
  if (!cyber.finalReportFiledAt && cyber.finalReportDeadline) {
    return deadlineLine('Slutrapport enligt cybersäkerhetslagen', cyber.finalReportDeadline);
  }
  return null;
}

function drawTask(item, found) {
  let box = item.querySelector('.breachflow-task-deadlines');
  if (!box) {
    box = document.createElement('div');
    box.className = 'breachflow-task-deadlines';
    const names = item.querySelector('.names');
    if (names) {
      names.after(box);
    } else {
      item.appendChild(box);
    }
  }
  const lines = [imyLine(found), cyberLine(found.cyber)].filter(Boolean);
  const assessment = found.finalAssessment || found.preliminaryAssessment;
  if (assessment && RISK[assessment.riskLevel]) {
    const risk = document.createElement('span');
    risk.className = 'breachflow-risk breachflow-risk-' + assessment.riskLevel.toLowerCase().replace('_', '-');
    risk.textContent = (found.finalAssessment ? 'Risknivå: ' : 'Preliminär risknivå: ') + RISK[assessment.riskLevel];
    lines.push(risk);
  }
  const text = lines.map((line) => line.textContent).join('|');
  if (box.dataset.text !== text) {
    box.replaceChildren(...lines);
    box.dataset.text = text;
  }
  item.classList.toggle('breachflow-task-late', lines.some((line) => line.classList.contains('breachflow-late')));
  item.classList.toggle('breachflow-task-urgent', lines.some((line) => line.classList.contains('breachflow-urgent')));
}

function drawTaskList() {
  document.querySelectorAll('.tasks-list li.task').forEach((item) => {
    const number = (item.textContent.match(NUMBER_IN_TEXT) || [])[0];
    if (!number) {
      return;
    }
    incident(number, false).then((found) => {
      if (found && item.isConnected) {
        drawTask(item, found);
      }
    });
  });
}

// A form's deadline texts ("2026-12-01 kl. 08:24 (om 4 minuter)") are written by the server when the form is
// shown; while it stays open they are counted on here, so that a form left open does not say "om 4 minuter"
// half an hour after the deadline.
const DEADLINE_IN_TEXT = /(\d{4})-(\d{2})-(\d{2}) kl\. (\d{2}):(\d{2}) \((?:om [^)]*|passerad för [^)]* sedan(?: – ärendet är försenat)?)\)/g;

function keepDeadlinesUp() {
  document.querySelectorAll('.fjs-container').forEach((form) => {
    const walker = document.createTreeWalker(form, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.nodeValue.includes(' kl. ')) {
        continue;
      }
      const text = node.nodeValue.replace(DEADLINE_IN_TEXT, (all, year, month, day, hour, minute) => {
        const left = fromStockholm(+year, +month, +day, +hour, +minute) - serverNow();
        return year + '-' + month + '-' + day + ' kl. ' + hour + ':' + minute + ' ('
          + (left < 0 ? 'passerad för ' + duration(left) + ' sedan – ärendet är försenat' : 'om ' + duration(left)) + ')';
      });
      if (text !== node.nodeValue) {
        node.nodeValue = text;
      }
    }
  });
}

// ------------------------------------------------------------------------------- 7. closing the loops

const tasksSeen = new Map();
const ASSESS = 'userTask_assessIncident';

function watchTasks() {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const verb = String(method).toUpperCase();
    const address = String(url);
    const variables = address.match(/\/task\/([^/?]+)\/form-variables(?:\?|$)/);
    const task = address.match(/\/task\/([^/?]+)(?:\?|$)/);
    const completed = address.match(/\/task\/([^/?]+)\/(?:submit-form|complete)(?:\?|$)/);
    this.breachflowTask = verb === 'GET' && variables ? {kind: 'variables', id: variables[1]}
      : verb === 'GET' && task ? {kind: 'task', id: task[1]}
        : verb === 'POST' && completed ? {kind: 'completed', id: completed[1]} : null;
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const watched = this.breachflowTask;
    if (watched) {
      this.addEventListener('load', () => {
        if (this.status < 200 || this.status >= 300) {
          return;
        }
        const seen = tasksSeen.get(watched.id) || {};
        tasksSeen.set(watched.id, seen);
        try {
          if (watched.kind === 'variables') {
            const values = JSON.parse(this.responseText);
            if (values.shownAt && values.shownAt.value) {
              clockSkew = new Date(values.shownAt.value).getTime() - Date.now();
            }
            if (values.incidentNumber && values.incidentNumber.value) {
              seen.number = values.incidentNumber.value;
            }
            if (values.identifiability && values.confidentialityLoss) {
              seen.key = seen.key || ASSESS; // the risk factors are the assessment's alone
            }
          } else if (watched.kind === 'task') {
            const task = JSON.parse(this.responseText);
            seen.name = task.name;
            seen.key = task.taskDefinitionKey;
          } else if (seen.number) {
            confirmation(seen);
          }
        } catch (notJson) {
          // Not an answer this script reads.
        }
      });
    }
    return send.apply(this, args);
  };
}

/** The reasons of the rules, with the ENISA formula said in words a coordinator reads. */
function plainReason(reason) {
  return reason.replace(/= DPC ([\d,]+) × EI ([\d,]+) \+ CB ([\d,]+)/,
    '= uppgifternas känslighet i sitt sammanhang ($1) × hur lätt personerna kan identifieras ($2) + '
    + 'omständigheterna kring incidenten ($3)');
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function nextSteps(found) {
  const open = found.openTasks || [];
  if (open.length) {
    return 'Nästa steg: ' + open.map((task) => task.name).join(', ') + '.';
  }
  return 'Ärendets status: ' + (found.statusText || found.status) + '.';
}

/** What happened, once the person has completed a task: Tasklist itself only removes it from the list. */
function confirmation(task) {
  document.querySelectorAll('.breachflow-done').forEach((old) => old.remove());
  const box = element('section', 'breachflow-receipt breachflow-done');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.appendChild(element('h2', null, (task.name || 'Uppgiften') + ' är klar'));
  const caseLine = element('p', 'breachflow-done-case', 'Ärende ' + task.number);
  box.appendChild(caseLine);
  const loading = element('p', null, 'Hämtar vad som händer nu …');
  box.appendChild(loading);
  const close = element('button', 'btn btn-default', 'Stäng');
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  document.body.appendChild(box);
  box.appendChild(close);
  close.focus();

  const assessment = task.key === ASSESS;
  let tries = 0;
  const read = () => incident(task.number, true).then((found) => {
    // The rules and the next task follow the completion in the engine's own transaction, or just after it.
    if (found && ((assessment && !found.finalAssessment) || !(found.openTasks || []).length) && ++tries < 10) {
      setTimeout(read, 500);
      return;
    }
    loading.remove();
    if (!found) {
      return;
    }
    if (found.controllerName) {
      caseLine.textContent = 'Ärende ' + task.number + ' – ' + found.controllerName;
    }
    if (assessment && found.finalAssessment) {
      const result = found.finalAssessment;
      box.insertBefore(element('p', 'breachflow-done-risk', 'Regelverkets bedömning: ' + (RISK[result.riskLevel] || result.riskLevel)
        + ' – rekommendationen är att ' + recommendation(result) + '.'), close);
      box.insertBefore(element('p', null, 'Skälen:'), close);
      const reasons = element('ul', 'breachflow-done-reasons');
      (result.reasons || []).forEach((reason) => reasons.appendChild(element('li', null, plainReason(reason))));
      box.insertBefore(reasons, close);
      box.insertBefore(element('p', 'breachflow-done-note', 'Regelverket rekommenderar; dataskyddsombudet ger sitt råd '
        + 'och nämnden eller bolaget beslutar.'), close);
    }
    box.insertBefore(element('p', 'breachflow-done-next', nextSteps(found)), close);
  });
  read();
}

function recommendation(result) {
  return (result.notifyAuthority ? 'anmäla till IMY' : 'inte anmäla till IMY') + ' och '
    + (result.notifyDataSubjects ? 'informera de registrerade' : 'inte informera de registrerade');
}

// A task that is not claimed cannot be completed (Tasklist disables Slutför): say so above the form and where the
// button is, and keep the fields from being filled in for nothing.
const CLAIM_NOTICE = 'Ta uppgiften först (Ta uppgiften, uppe till höger i uppgiften) – sedan kan du fylla i '
  + 'formuläret och slutföra.';

function claimNotice() {
  const footer = document.querySelector('.form-pane .form-actions');
  const form = document.querySelector('.form-pane .fjs-container');
  const needed = Boolean(footer && form && claimNeeded());
  const notices = document.querySelectorAll('.breachflow-claim-notice');
  if (needed && notices.length === 0) {
    form.before(element('p', 'breachflow-claim-notice', CLAIM_NOTICE));
    footer.before(element('p', 'breachflow-claim-notice', CLAIM_NOTICE));
  } else if (!needed) {
    notices.forEach((notice) => notice.remove());
  }
  if (form) {
    form.classList.toggle('breachflow-unclaimed', needed);
  }
}

// The report's start dialog speaks of the report, not of "processes".
const START_DIALOGS = [
  {title: /^Starta process: Personuppgiftsincident$/, heading: 'Rapportera en personuppgiftsincident', button: 'Skicka rapport'},
  {title: /^Starta process: Leverantörsincident$/, heading: 'Registrera en leverantörsincident', button: 'Registrera'}
];

function plainStartDialogs() {
  document.querySelectorAll('.modal-content').forEach((dialog) => {
    const title = dialog.querySelector('.modal-title');
    if (!title || !dialog.querySelector('.fjs-container')) {
      return;
    }
    const known = START_DIALOGS.find((start) => start.title.test(title.textContent.trim()) || title.textContent.trim() === start.heading);
    if (!known) {
      return;
    }
    if (title.textContent.trim() !== known.heading) {
      title.textContent = known.heading;
    }
    const button = dialog.querySelector('.modal-footer button.btn-primary');
    if (button && button.textContent.trim() !== known.button) {
      button.textContent = known.button;
    }
    // Submitted with questions unanswered, Tasklist only says that it did not work: say what to do.
    dialog.querySelectorAll('.alert-danger').forEach((alert) => {
      const status = alert.querySelector('.status');
      const message = alert.querySelector('.message');
      if (status && dialog.querySelector('.fjs-has-errors') && (!message || !message.textContent.trim())
          && status.textContent !== UNANSWERED) {
        status.textContent = UNANSWERED;
      }
    });
  });
}

const UNANSWERED = 'Några frågor behöver besvaras eller rättas – de är markerade nedan.';

// The close buttons' text for screen readers is Camunda's English ("Close").
function closeLabels() {
  document.querySelectorAll('.sr-only').forEach((hidden) => {
    if (hidden.textContent.trim() === 'Close') {
      hidden.textContent = 'Stäng';
    }
  });
}

// The list's sorting is Tasklist's URL parameter, "created, newest first" unless someone chooses another: the
// soonest deadline first is what the people working the cases need (the filters sort so too, for the API).
// Once per browser tab, so that a sorting the person chooses stays.
// Only after Tasklist has loaded its first list: a hash changed while it still starts up (with single sign-on
// it starts logged in, without a login page in between) could leave it with an empty page.
const DEADLINE_FIRST = JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]);
const TASKLIST_DEFAULT = JSON.stringify([{sortBy: 'created', sortOrder: 'desc'}]);
const TASK_LIST_REQUEST = /\/filter\/[^/?]+\/list(?:\?|$)/;
let taskListLoaded = false;

function watchTaskListLoads() {
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (TASK_LIST_REQUEST.test(String(url))) {
      this.addEventListener('loadend', () => {
        taskListLoaded = true;
        requestAnimationFrame(deadlineFirst);
      });
    }
    return open.call(this, method, url, ...rest);
  };
}

function deadlineFirst() {
  if (!taskListLoaded || sessionStorage.getItem('breachflowSorted')
      || !document.querySelector('.tasks-list, [cam-tasks]')) {
    return;
  }
  const hash = location.hash.replace(/^#/, '');
  const at = hash.indexOf('?');
  const path = at < 0 ? hash : hash.slice(0, at);
  if (path !== '/' && path !== '') {
    return;
  }
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  if (params.has('processStart')) {
    return; // a start form is open: the list follows when it is closed
  }
  const sorting = params.get('sorting');
  sessionStorage.setItem('breachflowSorted', 'true');
  if (!sorting || sorting === TASKLIST_DEFAULT) {
    params.set('sorting', DEADLINE_FIRST);
    location.replace('#/?' + params.toString());
  }
}

function everyFrame() {
  let pending = false;
  const run = () => {
    pending = false;
    deadlineFirst();
    mondayFirst();
    keepDeadlinesUp();
    drawTaskList();
    claimNotice();
    plainStartDialogs();
    closeLabels();
  };
  new MutationObserver(() => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(run);
    }
  }).observe(document.body, {childList: true, subtree: true});
  // Time passes with nothing on the page changing.
  setInterval(run, 30000);
}

// ------------------------------------------------------------------ 8. single sign-on: no password form
// With single sign-on (oidc profile) nobody has a password, and the password form (#/login, after the logout
// button or an expired session) leads nowhere: Tasklist sends the browser to breachflow's logout page instead,
// which logs out of the municipality's login too or logs in again. Only there does GET /logout answer (the page).
function leaveThePasswordForm() {
  if (!/^#\/login\b/.test(window.location.hash)) {
    return;
  }
  fetch('/logout', {method: 'HEAD', credentials: 'same-origin'})
    .then((answer) => { if (answer.ok) { window.location.assign('/logout'); } })
    .catch(() => {});
}

function watchForThePasswordForm() {
  window.addEventListener('hashchange', leaveThePasswordForm);
  leaveThePasswordForm();
}

watchSubmissions();
watchTaskListLoads();
watchStartForms();
watchTasks();
watchForms();
watchButtons();
watchAttempts();
everyFrame();
watchForThePasswordForm();

// Tasklist imports custom scripts as modules and registers what they export as plugins: nothing here.
export default [];
