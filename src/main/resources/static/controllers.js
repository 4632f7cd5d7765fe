// The controllers' page (controllers.html): administrators list, add and change nämnder and bolag over
// GET /api/controllers and PUT /api/controllers/{id}. Changes need HTTP Basic credentials (the webapps' session only
// reads, ADR 0006): they are asked for on the page and kept in this page's memory only, never stored.
(function () {
  'use strict';

  const FIELDS = ['id', 'name', 'organisationNumber', 'postalAddress', 'dpo.name', 'dpo.email', 'dpo.phone',
    'retentionPeriod'];
  let credentials = null;
  let user = null;
  let editing = null;
  const byId = new Map();

  const $ = (id) => document.getElementById(id);

  function show(element, text) {
    element.textContent = text;
    element.hidden = !text;
  }

  async function call(method, path, body) {
    const headers = { Accept: 'application/json', Authorization: 'Basic ' + credentials };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    // Without cookies: the credentials typed here are the only login, and a refused one is this page's message,
    // never the browser's own password dialog (the Fetch standard prompts only for requests with credentials).
    const response = await fetch(path, { method, headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body) });
    let json = null;
    try {
      json = await response.json();
    } catch (notJson) {
      json = null;
    }
    return { status: response.status, json };
  }

  function encode(text) {
    // Basic credentials are UTF-8 (RFC 7617, charset="UTF-8" in the server's challenge).
    return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
  }

  function period(text) {
    if (!text) {
      return 'Standard';
    }
    const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text);
    if (!match) {
      return text;
    }
    const parts = [];
    const unit = (n, one, many) => n && parts.push(n + ' ' + (Number(n) === 1 ? one : many));
    unit(match[1], 'år', 'år');
    unit(match[2], 'månad', 'månader');
    unit(match[3], 'vecka', 'veckor');
    unit(match[4], 'dag', 'dagar');
    return parts.join(' ') || text;
  }

  function cell(row, text, label) {
    const td = document.createElement('td');
    td.textContent = text || '–';
    if (label) {
      td.dataset.label = label;
    }
    row.appendChild(td);
    return td;
  }

  async function load() {
    const answer = await call('GET', '/api/controllers');
    if (answer.status === 401) {
      credentials = null;
      show($('login-message'), 'Fel användarnamn eller lösenord.');
      return false;
    }
    if (answer.status === 403) {
      credentials = null;
      show($('login-message'), 'Du är inloggad men inte administratör. Bara administratörer kan ändra nämnder och bolag.');
      return false;
    }
    if (answer.status !== 200) {
      show($('login-message'), 'Nämnderna kunde inte hämtas. Försök igen om en stund.');
      return false;
    }
    const body = $('controllers');
    body.replaceChildren();
    byId.clear();
    for (const controller of answer.json) {
      byId.set(controller.id, controller);
      const row = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = controller.name;
      row.appendChild(name);
      cell(row, controller.id, 'Id');
      cell(row, controller.organisationNumber, 'Organisationsnummer');
      cell(row, controller.dpo ? [controller.dpo.name, controller.dpo.email, controller.dpo.phone]
        .filter(Boolean).join(', ') : '', 'Dataskyddsombud');
      cell(row, period(controller.retentionPeriod), 'Gallringsfrist');
      const actions = cell(row, '');
      actions.textContent = '';
      const change = document.createElement('button');
      change.type = 'button';
      change.className = 'secondary';
      change.textContent = 'Ändra';
      change.setAttribute('aria-label', 'Ändra ' + controller.name);
      change.addEventListener('click', () => edit(controller));
      actions.appendChild(change);
      body.appendChild(row);
    }
    return true;
  }

  function clearErrors() {
    show($('form-errors'), '');
    for (const field of FIELDS) {
      $('f-' + field).removeAttribute('aria-invalid');
      show($('f-' + field + '-error'), '');
    }
  }

  function edit(controller) {
    editing = controller ? controller.id : null;
    clearErrors();
    $('redigera-rubrik').textContent = controller ? 'Ändra ' + controller.name : 'Lägg till en nämnd eller ett bolag';
    const values = controller || {};
    const dpo = values.dpo || {};
    $('f-id').value = values.id || '';
    $('f-id').readOnly = Boolean(controller);
    $('f-name').value = values.name || '';
    $('f-organisationNumber').value = values.organisationNumber || '';
    $('f-postalAddress').value = values.postalAddress || '';
    $('f-dpo.name').value = dpo.name || '';
    $('f-dpo.email').value = dpo.email || '';
    $('f-dpo.phone').value = dpo.phone || '';
    $('f-retentionPeriod').value = values.retentionPeriod || '';
    $('redigera').hidden = false;
    show($('saved'), '');
    $('redigera').scrollIntoView({ block: 'start' });
    (controller ? $('f-name') : $('f-id')).focus();
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    const id = $('f-id').value.trim();
    const value = (field) => $('f-' + field).value.trim();
    const body = {
      name: value('name'), organisationNumber: value('organisationNumber'), postalAddress: value('postalAddress'),
      dpo: { name: value('dpo.name'), email: value('dpo.email'), phone: value('dpo.phone') },
      retentionPeriod: value('retentionPeriod') || null
    };
    if (!id) {
      fieldError('id', 'Ange ett id.');
      return;
    }
    $('save').disabled = true;
    try {
      const answer = await call('PUT', '/api/controllers/' + encodeURIComponent(id), body);
      if (answer.status === 200 || answer.status === 201) {
        $('redigera').hidden = true;
        await load();
        const saved = answer.json;
        show($('saved'), answer.status === 201
          ? saved.name + ' är tillagd och finns nu i rapportformuläret. Lägg till personer i grupperna '
            + saved.groups.join(', ') + ' i Admin.'
          : saved.name + ' är sparad.');
        $('saved').focus();
      } else if (answer.status === 400 && answer.json && answer.json.errors) {
        const unplaced = [];
        for (const error of answer.json.errors) {
          if (FIELDS.includes(error.field)) {
            fieldError(error.field, error.reason);
          } else {
            unplaced.push(error.reason);
          }
        }
        show($('form-errors'), 'Kontrollera de markerade fälten. ' + unplaced.join(' '));
        const first = answer.json.errors.map((e) => e.field).find((f) => FIELDS.includes(f));
        if (first) {
          $('f-' + first).focus();
        }
      } else if (answer.status === 401 || answer.status === 403) {
        show($('form-errors'), 'Du är inte inloggad som administratör. Logga in igen.');
      } else {
        show($('form-errors'), 'Det gick inte att spara. Försök igen om en stund.');
      }
    } finally {
      $('save').disabled = false;
    }
  }

  function fieldError(field, reason) {
    $('f-' + field).setAttribute('aria-invalid', 'true');
    show($('f-' + field + '-error'), reason);
  }

  async function login(event) {
    event.preventDefault();
    show($('login-message'), '');
    const name = $('login-user').value.trim();
    const password = $('login-password').value;
    if (!name || !password) {
      show($('login-message'), 'Ange användarnamn och lösenord.');
      return;
    }
    credentials = encode(name + ':' + password);
    if (await load()) {
      user = name;
      $('login-password').value = '';
      $('signed-in-user').textContent = user;
      $('inloggning').hidden = true;
      $('lista').hidden = false;
      $('add').focus();
    }
  }

  function logout() {
    credentials = null;
    user = null;
    $('lista').hidden = true;
    $('redigera').hidden = true;
    $('inloggning').hidden = false;
    $('login-user').focus();
  }

  $('saved').tabIndex = -1;
  $('login-form').addEventListener('submit', login);
  $('controller-form').addEventListener('submit', save);
  $('add').addEventListener('click', () => edit(null));
  $('cancel').addEventListener('click', () => { $('redigera').hidden = true; });
  $('logout').addEventListener('click', logout);
}());
