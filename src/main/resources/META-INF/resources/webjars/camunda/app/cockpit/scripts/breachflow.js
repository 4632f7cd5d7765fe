/*
 * breachflow's additions to Camunda Cockpit, loaded through `customScripts` in config.js (an ES module whose
 * default export is a list of Cockpit plugins: {id, pluginPoint, priority, render(node, {api})}).
 *
 * 1. Management's overview (*Översikt*): a page of its own (plugin point cockpit.route, #/oversikt), a link in
 *    the navigation (cockpit.navigation) and its key figures on the dashboard (cockpit.dashboard). The figures
 *    come from breachflow's GET /api/overview (the controllers the viewer oversees, read with the Cockpit
 *    login), drawn with plain SVG and CSS: nothing loads from outside the application.
 * 2. Read only for everyone but administrators: breachflow refuses every change through the webapps' engine API
 *    to them (access/WebappEngineApiAllowList) and the engine's authorizations give management READ only. Cockpit
 *    would still offer its buttons and pages for changes, and pages whose data the engine gives only to those who
 *    may read every controller's tasks: those are not shown (below, READ_ONLY).
 */

const appRoot = document.querySelector('base').getAttribute('app-root') || '/camunda';
// The API lives beside the webapps: /api next to /camunda (under the same context path, if any).
const API = appRoot.replace(/\/[^/]*$/, '') + '/api';
const OVERVIEW_PATH = '/oversikt';

// ------------------------------------------------------------------------------------------ text and time

const MONTHS = ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];

const BANDS = [
  {key: 'overdue', label: 'Fristen har passerat', short: 'Försenade', colour: '#b00020'},
  {key: 'under24Hours', label: 'Mindre än 24 timmar kvar', short: 'Under 24 h', colour: '#d9480f'},
  {key: 'under48Hours', label: '24–48 timmar kvar', short: '24–48 h', colour: '#e0a800'},
  {key: 'later', label: 'Mer än 48 timmar kvar', short: 'Över 48 h', colour: '#2b8a3e'}
];

function escape(text) {
  return String(text == null ? '' : text).replace(/[&<>"']/g, (c) =>
    ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

/** 2026-12-01 kl. 14:05, Stockholm time, whatever the browser's zone. */
function stockholm(iso) {
  const parts = {};
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit',
    minute: '2-digit', hourCycle: 'h23'
  }).formatToParts(new Date(iso)).forEach((p) => { parts[p.type] = p.value; });
  return `${parts.year}-${parts.month}-${parts.day} kl. ${parts.hour}:${parts.minute}`;
}

/** "12 tim kvar", "försenad 8 tim", counted from the overview's own clock (the engine's). */
function timeLeft(incident, now) {
  if (!incident.owed) {
    return 'Ingen anmälan väntar';
  }
  const minutes = Math.round((Date.parse(incident.authorityDeadline) - Date.parse(now)) / 60000);
  const amount = (m) => (Math.abs(m) < 60 ? `${Math.abs(m)} min` : `${Math.floor(Math.abs(m) / 60)} tim`);
  return minutes < 0 ? `Försenad ${amount(minutes)}` : `${amount(minutes)} kvar`;
}

function month(key) {
  const [year, number] = key.split('-');
  return `${MONTHS[Number(number) - 1]} ${year}`;
}

function percent(share) {
  return share == null ? '–' : `${Math.round(share * 100)} %`;
}

function caseLink(incident) {
  const number = escape(incident.number);
  return incident.processInstanceId
    ? `<a class="bf-case" href="#/process-instance/${encodeURIComponent(incident.processInstanceId)}/runtime">${number}</a>`
    : number;
}

// ----------------------------------------------------------------------------------------------- drawing

const STYLE = `
.bf-overview { padding: 16px 20px 40px; max-width: 1200px; }
.bf-overview h1 { font-size: 24px; margin: 0 0 4px; }
.bf-overview h2 { font-size: 18px; margin: 28px 0 10px; }
.bf-overview .bf-lead { color: #555; margin: 0 0 16px; }
.bf-figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; padding: 0; list-style: none; }
.bf-figures li { flex: 1 1 150px; border: 1px solid #ccc; border-left: 6px solid var(--bf-colour, #777);
  border-radius: 4px; padding: 8px 12px; background: #fff; }
.bf-figures .bf-number { display: block; font-size: 28px; font-weight: bold; line-height: 1.2; }
.bf-figures .bf-label { display: block; color: #333; }
.bf-bar { display: block; width: 100%; height: 28px; margin: 12px 0 4px; }
.bf-table { width: 100%; border-collapse: collapse; background: #fff; }
.bf-table th, .bf-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #ddd; vertical-align: top; }
.bf-table tr.bf-overdue td { background: #fdecee; }
.bf-table tr.bf-overdue td.bf-left { color: #b00020; font-weight: bold; }
.bf-table tr.bf-under24Hours td.bf-left { color: #d9480f; font-weight: bold; }
.bf-rows { margin: 0; padding: 0; list-style: none; }
.bf-rows li { display: grid; grid-template-columns: minmax(120px, 34%) 1fr 5em; gap: 8px; align-items: center;
  padding: 3px 0; }
.bf-rows .bf-track { background: #eee; height: 18px; border-radius: 2px; overflow: hidden; display: flex; }
.bf-rows .bf-open { background: #4263eb; height: 100%; }
.bf-rows .bf-late { background: #b00020; height: 100%; }
.bf-rows .bf-count { text-align: right; font-variant-numeric: tabular-nums; }
.bf-legend { color: #555; font-size: 13px; margin: 4px 0 0; }
.bf-legend span::before { content: ''; display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px;
  background: var(--bf-colour); }
.bf-months { width: 100%; height: auto; max-width: 900px; }
.bf-links a { margin-right: 16px; display: inline-block; }
.bf-empty { color: #555; }
.bf-dashboard { padding: 8px 15px 16px; }
.bf-dashboard .bf-figures li { flex-basis: 130px; }
@media (max-width: 640px) {
  .bf-overview { padding: 12px 10px 32px; }
  .bf-table thead { display: none; }
  .bf-table, .bf-table tbody, .bf-table tr, .bf-table td { display: block; width: 100%; }
  .bf-table tr { border-bottom: 1px solid #bbb; padding: 6px 0; }
  .bf-table td { border: 0; padding: 2px 4px; }
  .bf-table td::before { content: attr(data-label) ': '; font-weight: bold; }
  .bf-rows li { grid-template-columns: 1fr 4em; }
  .bf-rows .bf-track { grid-column: 1 / span 2; grid-row: 2; }
}
/* On a phone, Cockpit's instance and definition pages put their information above the diagram and the tabs,
   not beside them (a 280 px sidebar leaves a 390 px screen 110 px for the rest). */
@media (max-width: 640px) {
  .ctn-fixed-view .ctn-content-container > .ctn-sidebar { right: 0 !important; width: auto !important;
    bottom: auto !important; height: 30% !important; border-bottom: 1px solid #ccc; }
  .ctn-fixed-view .ctn-content-container > .ctn-content { top: 30% !important; left: 0 !important;
    width: auto !important; }
}
html.breachflow-read-only .dashboard section.actual { display: none; }
html.breachflow-read-only .ctn-view.dashboard { display: flex; flex-direction: column; }
html.breachflow-read-only .ctn-view.dashboard section.deprecate { order: -1; }
html.breachflow-read-only [cam-widget-variables-table] td.actions { display: none; }
html.breachflow-read-only .process-definitions-list tr > :nth-child(2),
html.breachflow-read-only .process-definitions-list tr > :nth-child(3),
html.breachflow-read-only .deployed-processes .instances,
html.breachflow-read-only .deployed-processes .incidents { display: none; }
html.breachflow-read-only .cam-table td.actions button,
html.breachflow-read-only .job-definitions-table .actions,
html.breachflow-read-only .incidents-tab .actions { display: none; }
`;

function style() {
  if (!document.getElementById('breachflow-cockpit-style')) {
    const element = document.createElement('style');
    element.id = 'breachflow-cockpit-style';
    element.textContent = STYLE;
    document.head.appendChild(element);
  }
}

function figures(overview) {
  return '<ul class="bf-figures">' +
    `<li style="--bf-colour:#4263eb"><span class="bf-number" data-figure="open">${overview.open}</span>` +
    '<span class="bf-label">Öppna incidenter</span></li>' +
    BANDS.map((band) => `<li style="--bf-colour:${band.colour}" data-band="${band.key}">` +
      `<span class="bf-number" data-figure="${band.key}">${overview.timeLeft[band.key]}</span>` +
      `<span class="bf-label">${band.label}</span></li>`).join('') +
    '</ul>';
}

/** The owed notifications as one bar, split by the time left. */
function bandBar(overview) {
  const total = overview.owed;
  if (!total) {
    return '<p class="bf-empty">Ingen anmälan till IMY väntar.</p>';
  }
  let x = 0;
  const parts = BANDS.map((band) => {
    const width = (100 * overview.timeLeft[band.key]) / total;
    const rect = width ? `<rect x="${x}%" y="0" width="${width}%" height="28" fill="${band.colour}">` +
      `<title>${band.label}: ${overview.timeLeft[band.key]}</title></rect>` : '';
    x += width;
    return rect;
  }).join('');
  return `<svg class="bf-bar" role="img" aria-label="Anmälningar som väntar, efter tid kvar till fristen">${parts}</svg>` +
    '<p class="bf-legend">' + BANDS.map((band) =>
      `<span style="--bf-colour:${band.colour}">${band.short}</span>`).join('') + '</p>';
}

function caseTable(cases, now, id) {
  if (!cases.length) {
    return `<p class="bf-empty" data-table="${id}">Inga ärenden.</p>`;
  }
  return `<table class="bf-table" data-table="${id}"><thead><tr><th>Ärende</th><th>Nämnd eller bolag</th>` +
    '<th>Orsak</th><th>Status</th><th>Frist för anmälan till IMY</th><th>Tid kvar</th></tr></thead><tbody>' +
    cases.map((c) => `<tr class="bf-${c.timeLeft || 'none'}" data-number="${escape(c.number)}">` +
      `<td data-label="Ärende">${caseLink(c)}</td>` +
      `<td data-label="Nämnd eller bolag">${escape(c.controllerName)}</td>` +
      `<td data-label="Orsak">${escape(c.causeText)}</td>` +
      `<td data-label="Status">${escape(c.statusText)}</td>` +
      `<td data-label="Frist">${stockholm(c.authorityDeadline)}</td>` +
      `<td data-label="Tid kvar" class="bf-left">${timeLeft(c, now)}</td></tr>`).join('') +
    '</tbody></table>';
}

/** Open (blue) and overdue (red) per row, as bars on one scale. */
function rows(counts, id) {
  if (!counts.length) {
    return `<p class="bf-empty" data-rows="${id}">Inga öppna incidenter.</p>`;
  }
  const max = Math.max(1, ...counts.map((c) => c.open));
  return `<ul class="bf-rows" data-rows="${id}">` + counts.map((c) =>
    `<li data-key="${escape(c.key)}"><span>${escape(c.label)}</span>` +
    `<span class="bf-track" aria-hidden="true"><span class="bf-late" style="width:${(100 * c.overdue) / max}%"></span>` +
    `<span class="bf-open" style="width:${(100 * (c.open - c.overdue)) / max}%"></span></span>` +
    `<span class="bf-count"><span data-figure="open">${c.open}</span>` +
    `${c.overdue ? ` (<span data-figure="overdue">${c.overdue}</span> förs.)` : ''}</span></li>`).join('') +
    '</ul><p class="bf-legend"><span style="--bf-colour:#4263eb">Öppna</span>' +
    '<span style="--bf-colour:#b00020">Varav försenade (förs.)</span></p>';
}

/** The share notified within 72 hours, month by month, as columns; months without a notification are empty. */
function monthChart(months) {
  const width = 900;
  const height = 220;
  const bottom = 170;
  const column = width / months.length;
  const bars = months.map((m, i) => {
    const x = i * column + column * 0.2;
    const w = column * 0.6;
    const h = m.share == null ? 0 : Math.max(2, 140 * m.share);
    const label = `${month(m.month)}: ${m.notified ? `${m.notifiedInTime} av ${m.notified} anmälda i tid` :
      'ingen anmäld'}`;
    return `<g data-month="${m.month}"><title>${label}</title>` +
      `<rect x="${x}" y="${bottom - h}" width="${w}" height="${h}" fill="${m.share === 1 ? '#2b8a3e' : '#e0a800'}"></rect>` +
      `<text x="${x + w / 2}" y="${bottom - h - 6}" text-anchor="middle" font-size="14">${percent(m.share)}</text>` +
      `<text x="${x + w / 2}" y="${bottom + 20}" text-anchor="middle" font-size="13">${month(m.month)}</text>` +
      `<text x="${x + w / 2}" y="${bottom + 40}" text-anchor="middle" font-size="12" fill="#555">` +
      `${m.notifiedInTime}/${m.notified}</text></g>`;
  }).join('');
  return `<svg class="bf-months" viewBox="0 0 ${width} ${height}" role="img" ` +
    'aria-label="Andel anmälda till IMY inom 72 timmar, per månad">' +
    `<line x1="0" y1="${bottom}" x2="${width}" y2="${bottom}" stroke="#999"></line>${bars}</svg>` +
    '<p class="bf-legend">Per månad då incidenten rapporterades: andelen av dem som anmäldes till IMY som ' +
    'anmäldes inom 72 timmar (i tid / anmälda).</p>';
}

function registerLinks() {
  return '<p class="bf-links">' +
    `<a href="${API}/register" target="_blank" rel="noopener">Registret över personuppgiftsincidenter (PDF)</a>` +
    `<a href="${API}/register?format=csv">Registret som CSV (för Excel)</a></p>`;
}

/** The overview; {@code query} '?cases=0' when only the figures are needed (the dashboard). */
async function load(query = '') {
  const response = await fetch(`${API}/overview${query}`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  if (!response.ok) {
    let detail = '';
    try {
      detail = (await response.json()).detail || '';
    } catch (e) {
      // not JSON: say only that it failed
    }
    throw new Error(detail || `Översikten kunde inte hämtas (${response.status}).`);
  }
  return response.json();
}

function failed(node, error) {
  node.innerHTML = `<div class="bf-overview"><p class="bf-empty" role="alert">${escape(error.message)}</p></div>`;
}

function renderOverview(node) {
  style();
  node.innerHTML = '<div class="bf-overview"><p class="bf-empty">Hämtar översikten …</p></div>';
  load().then((overview) => {
    const overdue = overview.cases.filter((c) => c.timeLeft === 'overdue');
    node.innerHTML = '<div class="bf-overview" data-overview="page">' +
      '<h1>Översikt över personuppgiftsincidenter</h1>' +
      `<p class="bf-lead">${escape(overview.controllers.map((c) => c.name).join(', '))} · läget ` +
      `${stockholm(overview.now)} · fristen är 72 timmar från upptäckten (GDPR art. 33).</p>` +
      figures(overview) +
      '<h2>Anmälningar till IMY som väntar, efter tid kvar</h2>' +
      `<p><span data-figure="owed">${overview.owed}</span> av ${overview.open} öppna incidenter väntar på ` +
      'anmälan till IMY (inte anmälda, och inget beslut om att inte anmäla).</p>' + bandBar(overview) +
      `<h2>Försenade ärenden (<span data-figure="overdue-list">${overview.timeLeft.overdue}</span>)</h2>` +
      caseTable(overdue, overview.now, 'overdue') + shownOf(overdue.length, overview.timeLeft.overdue) +
      '<h2>Öppna ärenden, närmast fristen först</h2>' + caseTable(overview.cases, overview.now, 'open') +
      shownOf(overview.cases.length, overview.cases.length + overview.casesLeftOut) +
      '<h2>Per nämnd eller bolag</h2>' + rows(overview.byController, 'controller') +
      '<h2>Per orsak</h2>' + rows(overview.byCause, 'cause') +
      '<h2>Anmälda till IMY inom 72 timmar, per månad</h2>' + monthChart(overview.notifiedByMonth) +
      '<h2>Registret</h2>' + registerLinks() +
      '</div>';
  }).catch((error) => failed(node, error));
}

/** Says that a list shows only the most urgent cases (the server sends the first 100). */
function shownOf(shown, all) {
  return shown < all ? `<p class="bf-legend" data-shown="${shown}">Visar de ${shown} närmast fristen av ${all}. ` +
    'Alla finns i registret nedan.</p>' : '';
}

function renderDashboard(node) {
  style();
  load('?cases=0').then((overview) => {
    node.innerHTML = '<div class="bf-dashboard" data-overview="dashboard">' + figures(overview) +
      `<p class="bf-links" style="margin-top:12px"><a href="#${OVERVIEW_PATH}">Till översikten</a></p></div>`;
  }).catch((error) => failed(node, error));
}

// ------------------------------------------------------------------------------------------- 2. read only

/**
 * Everyone but administrators (who may use Admin) sees Cockpit read only. Not shown to them:
 * - the pages for changes and administration: Uppgifter (#/tasks: Camunda's task report needs READ on every task of
 *   every controller, which management of one controller must not have; where each case stands is on the
 *   overview), Batcher and Driftsättningar, the reports page;
 * - every action plugin (suspend, cancel, add a variable, retry, delete a deployment, …) and the variable table's
 *   edit and delete buttons;
 * - an instance's tab of user tasks, which would be empty (the engine lets only a task's candidate groups read it;
 *   the overview says where each case stands), and the tabs of jobs and job definitions: the process's timers, with
 *   buttons to move, suspend and retry them (the deadlines are on the overview);
 * - the dashboard's "right now" counts and the process list's counts of running instances and technical errors,
 *   which Camunda counts over every controller's instances (or, for tasks, none of them, since the engine grants
 *   tasks to their candidate groups only): the overview's figures replace them.
 * The server refuses all those changes anyway; this only keeps the screens honest.
 */
const READ_ONLY_HIDDEN_PAGES = ['tasks', 'batch', 'deployments', 'reports'];
const READ_ONLY_ROUTES = /^\/(tasks|batch|repository|reports)(\/|$)/;

function readOnly(authentication) {
  return !!authentication && !(authentication.authorizedApps || []).includes('admin');
}

function hiddenWhenReadOnly(component, provider) {
  return (component === 'cockpit.navigation' && READ_ONLY_HIDDEN_PAGES.includes(provider.id)) ||
    // An instance's user tasks: the engine lets only their candidate groups read them, so it would list none.
    (component === 'cockpit.processInstance.runtime.tab' && provider.id === 'user-tasks-tab') ||
    // The process's timers and their definitions, with their buttons to move, suspend and retry them.
    (component === 'cockpit.processInstance.runtime.tab' && provider.id === 'jobs-tab') ||
    (component === 'cockpit.processDefinition.runtime.tab' && provider.id === 'job-definition-table') ||
    /\.action$/.test(component);
}

const angular = window.angular;
if (angular) {
  angular.module('cam.cockpit').run(['$rootScope', '$location', 'Views', function($rootScope, $location, Views) {
    const providers = Views.getProviders.bind(Views);
    Views.getProviders = function(options) {
      const found = providers(options);
      if (!readOnly($rootScope.authentication) || !options || !options.component) {
        return found;
      }
      return found.filter((provider) => !hiddenWhenReadOnly(options.component, provider));
    };
    const mark = () => document.documentElement.classList.toggle('breachflow-read-only',
      readOnly($rootScope.authentication));
    $rootScope.$watch('authentication', mark);
    $rootScope.$on('$locationChangeStart', () => {
      if (readOnly($rootScope.authentication) && READ_ONLY_ROUTES.test($location.path())) {
        $location.path(OVERVIEW_PATH).search({});
      }
    });
    style();
  }]);
}

// ------------------------------------------------------------------------------ 3. the decisions' viewer
// dmn-js, which draws the decision tables and literal expressions, has its own English texts (no locale file
// reaches them, and Cockpit passes it no translation module): those a reader meets are put into Swedish where they
// appear.
const DMN_TEXTS = {
  'When': 'När', 'And': 'Och', 'Then': 'Så', 'Annotations': 'Anteckningar', 'Hit policy:': 'Träffpolicy:',
  'Input': 'Indata', 'Output': 'Utdata', 'Variable name:': 'Variabelns namn:', 'Variable type:': 'Variabelns typ:',
  'Expression language:': 'Uttrycksspråk:', 'Unique': 'Unik', 'First': 'Första', 'Priority': 'Prioritet',
  'Any': 'Valfri', 'Collect': 'Samla', 'Rule order': 'Regelordning', 'Output order': 'Utdataordning',
  'Yes': 'Ja', 'No': 'Nej'
};

function swedishDecisions(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const swedish = DMN_TEXTS[text.nodeValue.trim()];
    if (swedish) {
      text.nodeValue = text.nodeValue.replace(text.nodeValue.trim(), swedish);
    }
  }
}

new MutationObserver((mutations) => {
  const viewers = new Set();
  mutations.forEach((mutation) => {
    const element = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentElement;
    const viewer = element && element.closest('[cam-widget-dmn-viewer]');
    if (viewer) {
      viewers.add(viewer);
    }
  });
  viewers.forEach(swedishDecisions);
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

// ---------------------------------------------------------------------------------------------- plugins

export default [
  {
    id: 'breachflow-overview-navigation',
    pluginPoint: 'cockpit.navigation',
    // Before Camunda's Processer (100): the first thing management looks at.
    priority: 110,
    checkActive: (path) => path.indexOf('#' + OVERVIEW_PATH) > -1,
    render: (node) => {
      node.innerHTML = `<a href="#${OVERVIEW_PATH}">Översikt</a>`;
    }
  },
  {
    id: 'breachflow-overview',
    pluginPoint: 'cockpit.route',
    properties: {path: OVERVIEW_PATH},
    render: renderOverview
  },
  {
    id: 'breachflow-overview-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderDashboard
  }
];
