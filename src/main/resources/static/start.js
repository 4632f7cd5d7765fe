// "Mina rapporter" on the start page: the reports of the person logged in to Tasklist in this browser.
// Nothing is shown (and no password is asked for) to someone who is not logged in.
(function () {
  'use strict';

  var json = {credentials: 'same-origin', headers: {Accept: 'application/json'}};
  var when = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
  });

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
  }

  function show(page) {
    var section = document.getElementById('mina-rapporter');
    var body = section.querySelector('tbody');
    page.incidents.forEach(function (incident) {
      var row = document.createElement('tr');
      cell(row, incident.number);
      cell(row, incident.reportedAt ? when.format(new Date(incident.reportedAt)) : '');
      cell(row, incident.statusText || incident.status);
      body.appendChild(row);
    });
    section.querySelector('table').hidden = page.incidents.length === 0;
    section.querySelector('.empty').hidden = page.incidents.length !== 0;
    section.hidden = false;
  }

  // The webapps' own check of the login answers 404 without one (and never asks for a password); the API
  // then reads with the same login (GET only).
  fetch('/camunda/api/admin/auth/user/default', json)
    .then(function (me) { return me.ok ? fetch('/api/incidents?mine=true&size=10', json) : null; })
    .then(function (answer) { return answer && answer.ok ? answer.json() : null; })
    .then(function (page) { if (page) { show(page); } })
    .catch(function () { /* the list is a convenience: the page works without it */ });
}());
