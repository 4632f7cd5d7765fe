// The start page's choice "Nämnder och bolag" (index.html, #administration) is shown only to administrators: those
// logged in to the webapps in this browser whose login may read GET /api/controllers. The webapps' own check of the
// login answers 404 without one and never asks for a password; only then is the API asked (with that login).
(function () {
  'use strict';
  var choice = document.getElementById('administration');
  var json = {credentials: 'same-origin', headers: {Accept: 'application/json'}};
  if (!choice) {
    return;
  }
  fetch('/camunda/api/admin/auth/user/default', json)
    .then(function (me) { return me.ok ? me.json() : null; })
    .then(function (me) {
      return me && (me.authorizedApps || []).indexOf('admin') >= 0 ? fetch('/api/controllers', json) : null;
    })
    .then(function (answer) { choice.hidden = !(answer && answer.ok); })
    .catch(function () { choice.hidden = true; });
}());
