// "Mina rapporter" on the start page: the reports of the person logged in to Tasklist in this browser, and
// "Leverantörsincidenter" for those who may see them. Nothing is shown (and no password is asked for) to someone
// who is not logged in.
(function () {
  'use strict';

  var json = {credentials: 'same-origin', headers: {Accept: 'application/json'}};

  // Each cell names its column (data-label): on a phone the table is shown as one card per report (start.css).
  function cell(row, label, text) {
    var td = document.createElement('td');
    td.setAttribute('data-label', label);
    td.textContent = text;
    row.appendChild(td);
  }

  function show(page) {
    var section = document.getElementById('mina-rapporter');
    var body = section.querySelector('tbody');
    page.incidents.forEach(function (incident) {
      var row = document.createElement('tr');
      cell(row, 'Ärendenummer', incident.number);
      cell(row, 'Rapporterad', incident.reportedAt ? stockholm(incident.reportedAt) : '');
      cell(row, 'Status', incident.statusText || incident.status);
      body.appendChild(row);
    });
    section.querySelector('table').hidden = page.incidents.length === 0;
    section.querySelector('.empty').hidden = page.incidents.length !== 0;
    section.hidden = false;
    toLinked(section);
  }

  // A link to a section (the receipt's "Mina rapporter") arrives before the section is shown: go there now.
  function toLinked(section) {
    if (location.hash === '#' + section.id) {
      section.scrollIntoView();
    }
  }

  // "Leverantörsincidenter": for those who may see them (the controllers' coordinators, DPOs, decision makers,
  // management; administrators) the supplier incidents with each linked case; for those who may register one
  // (coordinators, DPOs, administrators: Tasklist offers them the start form) a link to it.
  var parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    hourCycle: 'h23'
  });

  // Always åååå-mm-dd tt:mm in Stockholm time, whatever locale data the browser has.
  function stockholm(iso) {
    var at = {};
    parts.formatToParts(new Date(iso)).forEach(function (part) { at[part.type] = part.value; });
    return at.year + '-' + at.month + '-' + at.day + ' ' + at.hour + ':' + at.minute;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function supplierIncident(incident) {
    var item = element('li', 'supplier');
    var facts = incident.facts || {};
    item.appendChild(element('h3', null, incident.number + ' – ' + (facts.processor || '')));
    var cases = element('ul', 'cases');
    (incident.cases || []).forEach(function (linked) {
      var line = element('li');
      line.appendChild(element('span', 'case-number', linked.number));
      line.appendChild(element('span', 'controller', linked.controllerName || linked.controllerId));
      line.appendChild(document.createTextNode(' · '));
      line.appendChild(element('span', 'status', linked.statusText || linked.status));
      if (linked.authorityDeadline) {
        var deadline = element('span', 'deadline' + (linked.late ? ' late' : ''), 'Frist för anmälan till IMY: ');
        var at = element('time', null, stockholm(linked.authorityDeadline));
        at.setAttribute('datetime', linked.authorityDeadline);
        deadline.appendChild(at);
        if (linked.late) {
          deadline.appendChild(document.createTextNode(' (passerad)'));
        }
        line.appendChild(deadline);
      }
      cases.appendChild(line);
    });
    item.appendChild(cases);
    if (incident.hiddenCases > 0) {
      item.appendChild(element('p', 'hidden-cases', incident.hiddenCases === 1
        ? 'Ytterligare 1 ärende hos en nämnd eller ett bolag som du inte har behörighet till.'
        : 'Ytterligare ' + incident.hiddenCases + ' ärenden hos nämnder eller bolag som du inte har behörighet till.'));
    }
    return item;
  }

  function showSuppliers(incidents, mayRegister) {
    if (!incidents.length && !mayRegister) {
      return;
    }
    var section = document.getElementById('leverantorsincidenter');
    var list = section.querySelector('.suppliers');
    incidents.forEach(function (incident) { list.appendChild(supplierIncident(incident)); });
    list.hidden = incidents.length === 0;
    section.querySelector('.empty').hidden = incidents.length !== 0;
    section.querySelector('.register').hidden = !mayRegister;
    section.hidden = false;
    toLinked(section);
  }

  function read(url) {
    return fetch(url, json).then(function (answer) { return answer.ok ? answer.json() : null; });
  }

  function suppliers() {
    return Promise.all([
      read('/api/supplier-incidents'),
      read('/camunda/api/engine/engine/default/process-definition?key=supplier-incident&latestVersion=true' +
        '&active=true&startableInTasklist=true&startablePermissionCheck=true')
    ]).then(function (answers) {
      var incidents = Array.isArray(answers[0]) ? answers[0] : [];
      showSuppliers(incidents, Array.isArray(answers[1]) && answers[1].length > 0);
    });
  }

  // The webapps' own check of the login answers 404 without one (and never asks for a password); the API
  // then reads with the same login (GET only).
  fetch('/camunda/api/admin/auth/user/default', json)
    .then(function (me) {
      if (!me.ok) {
        return null;
      }
      suppliers().catch(function () { /* a convenience too */ });
      return fetch('/api/incidents?mine=true&size=10', json);
    })
    .then(function (answer) { return answer && answer.ok ? answer.json() : null; })
    .then(function (page) { if (page) { show(page); } })
    .catch(function () { /* the list is a convenience: the page works without it */ });
}());
