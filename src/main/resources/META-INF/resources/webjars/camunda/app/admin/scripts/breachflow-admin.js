/*
 * breachflow's additions to Camunda Admin, loaded through `customScripts` in config.js (an ES module).
 *
 * 1. The dashboard links to the page where administrators add and change nämnder and bolag (/controllers.html):
 *    a controller is no longer configuration, and its groups are made there, not here.
 * 2. "A group created in Admin does nothing, and nothing says so": the group pages say, in Swedish, which groups
 *    give a role in breachflow, and a group's own page says whether it is one of them. The roles are read from
 *    GET /api/controllers (with Admin's login, which reads the API; ADR 0006).
 */

const CONTROLLERS_PAGE = '/controllers.html';
const FIXED_ROLES = {
  'camunda-admin': 'administratörer: allt i Tasklist, Cockpit och Admin',
  staff: 'medarbetare: rapporterar incidenter',
  monitoring: 'övervakning: läser /actuator/prometheus'
};
const CONTROLLER_ROLES = [
  ['coordinator-', 'dataskyddssamordnare'],
  ['dpo-', 'dataskyddsombud'],
  ['decision-maker-', 'beslutsfattare'],
  ['security-', 'informationssäkerhetssamordnare'],
  ['management-', 'ledning (läser i Cockpit)']
];

let controllers = null;

async function loadControllers() {
  if (controllers) {
    return controllers;
  }
  try {
    const response = await fetch('/api/controllers', { headers: { Accept: 'application/json' } });
    controllers = response.ok ? await response.json() : [];
  } catch (e) {
    controllers = [];
  }
  return controllers;
}

/** What the group gives in breachflow, or null when it gives nothing. */
function roleOf(groupId, known) {
  if (FIXED_ROLES[groupId]) {
    return FIXED_ROLES[groupId];
  }
  for (const [prefix, role] of CONTROLLER_ROLES) {
    if (groupId.startsWith(prefix)) {
      const controller = known.find(c => c.id === groupId.substring(prefix.length));
      if (controller) {
        return role + ' för ' + controller.name;
      }
    }
  }
  return null;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text) {
    node.textContent = text;
  }
  return node;
}

function generalNote() {
  const note = element('div', 'alert alert-info breachflow-group-note');
  note.setAttribute('role', 'note');
  note.appendChild(element('strong', null, 'Grupper i breachflow. '));
  note.appendChild(document.createTextNode('En grupp som skapas här ger ingen roll i breachflow. Rollerna är '
    + 'grupperna staff (medarbetare), camunda-admin och monitoring, och för varje nämnd eller bolag '
    + 'coordinator-<id>, dpo-<id>, decision-maker-<id>, security-<id> och management-<id>. Lägg personer i de '
    + 'grupperna. En ny nämnd eller ett nytt bolag läggs till under '));
  const link = element('a', null, 'Nämnder och bolag');
  link.href = CONTROLLERS_PAGE;
  note.appendChild(link);
  note.appendChild(document.createTextNode(', som skapar dess grupper.'));
  return note;
}

async function groupNote(groupId) {
  const role = roleOf(groupId, await loadControllers());
  const note = element('div', 'alert breachflow-group-note ' + (role ? 'alert-info' : 'alert-warning'));
  note.setAttribute('role', 'note');
  note.textContent = role
    ? 'Gruppen ' + groupId + ' är en roll i breachflow: ' + role + '.'
    : 'Gruppen ' + groupId + ' ger ingen roll i breachflow: dess medlemmar ser och gör inget där som de inte redan '
      + 'får genom andra grupper. Rollerna är staff, camunda-admin, monitoring och en nämnds grupper '
      + '(coordinator-<id>, dpo-<id>, decision-maker-<id>, security-<id>, management-<id>).';
  return note;
}

let shownFor = null;

async function annotateGroupPages() {
  const hash = window.location.hash;
  const onGroupPage = /^#\/(groups|group-create)(\/|\?|$)/.test(hash);
  const header = document.querySelector('.section-content > header');
  if (!onGroupPage || !header) {
    return;
  }
  if (header.parentNode.querySelector('.breachflow-group-note') && shownFor === hash) {
    return;
  }
  shownFor = hash;
  header.parentNode.querySelectorAll('.breachflow-group-note').forEach(old => old.remove());
  const single = /^#\/groups\/([^?/]+)/.exec(hash);
  const note = single ? await groupNote(decodeURIComponent(single[1])) : generalNote();
  if (!header.parentNode.querySelector('.breachflow-group-note')) {
    header.insertAdjacentElement('afterend', note);
  }
}

new MutationObserver(() => requestAnimationFrame(annotateGroupPages))
  .observe(document.documentElement, { childList: true, subtree: true });
window.addEventListener('hashchange', () => requestAnimationFrame(annotateGroupPages));

export default [
  {
    id: 'breachflow.controllers',
    pluginPoint: 'admin.dashboard.section',
    priority: 100,
    render: node => {
      const text = element('p', null, 'Lägg till eller ändra de nämnder och bolag som incidenter rapporteras för: '
        + 'namn, organisationsnummer, postadress, dataskyddsombud och gallringsfrist. En ny nämnd finns i '
        + 'rapportformuläret direkt och får sina grupper, som du sedan lägger personer i under Grupper.');
      const link = element('a', 'btn btn-default breachflow-controllers-link', 'Nämnder och bolag');
      link.href = CONTROLLERS_PAGE;
      node.appendChild(text);
      node.appendChild(link);
    },
    properties: {
      label: 'Nämnder och bolag'
    }
  }
];
