/*
 * breachflow's additions to Camunda Tasklist, loaded through `customScripts` in config.js (an ES module).
 *
 * 1. Receipt: when a report is submitted from its start form, Tasklist itself only says that "the process has
 *    started". The answer to the form's submission carries the process instance's business key, which is the
 *    incident number (PUI-2026-0001): it is shown until the reporter closes it.
 * 2. form-js, which draws the Camunda Forms, has its own texts in English only (validation messages, "Select",
 *    the calendar): they are put into Swedish where they appear.
 * 3. Links from a form to breachflow's documents open in a new tab, so that the form stays as it was.
 * 4. Dates are typed and shown as åååå-mm-dd whatever the browser's language (below, first).
 * 6. With single sign-on, the password form gives way to breachflow's logout page.
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

const SUBMIT_START_FORM = /\/process-definition\/[^/?]+\/submit-form(?:\?|$)/;
const INCIDENT_NUMBER = /^PUI-\d{4}-\d{4,}$/;
const SUPPLIER_INCIDENT_NUMBER = /^LEV-\d{4}-\d{4,}$/;

// ---------------------------------------------------------------------------------------------- 1. receipt

const RECEIPT_TEXT = '<p>Rapporten går nu till dataskyddssamordnaren för bedömning. Ange ärendenumret om du ' +
  'får veta något mer eller har frågor. Du får också en bekräftelse med numret via e-post.</p>';
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

// ------------------------------------------------------------------------- 5. forms with a dynamic list
// Tasklist 7.24 disables the form's Start/Complete button while form-js's `errors` has any key. A field inside
// a dynamic list (the supplier incident's controllers) leaves its key behind once it is valid again (an array
// of cleared entries), so after the first edit of a row the button stayed disabled for good. form-js checks
// every field again when the form is submitted and shows what is wrong, so the button is enabled again while
// the form shows no error and no submission is under way.
const SUBMIT_BUTTON = '.modal-footer button.btn-primary[type="submit"], .cam-tasklist-form-footer button.btn-primary';
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
        requestAnimationFrame(enableListForms);
      });
    }
    return send.apply(this, args);
  };
}

function enableListForms() {
  document.querySelectorAll(SUBMIT_BUTTON).forEach((button) => {
    const dialog = button.closest('.modal-content') || document;
    const list = dialog.querySelector('.fjs-container .fjs-repeat-row-container');
    if (button.disabled && list && submitting === 0 && !dialog.querySelector('.fjs-has-errors')) {
      button.disabled = false;
    }
  });
}

function watchListForms() {
  new MutationObserver(() => requestAnimationFrame(enableListForms))
    .observe(document.body, {subtree: true, attributes: true, attributeFilter: ['disabled', 'class']});
}

// ------------------------------------------------------------------ 6. single sign-on: no password form
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
watchStartForms();
watchForms();
watchListForms();
watchForThePasswordForm();

// Tasklist imports custom scripts as modules and registers what they export as plugins: nothing here.
export default [];
