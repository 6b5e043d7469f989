// The practice managers' dashboard: figures from /api/reports, charts by Apache ECharts (served by the
// application), no inline script (the page's content security policy allows its own files only).
'use strict';

const charts = {};
// the signed-in user's credentials live in this page's memory only: a reload asks again
let authorization = null;

const $ = (id) => document.getElementById(id);

function base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

/** A date as the browser's calendar shows it (not UTC's, which is tomorrow on a US evening). */
function isoDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
}

function daysAgo(days) {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return isoDate(date);
}

async function api(path) {
  const answer = await fetch(path, {
    headers: { Authorization: authorization, Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'omit',
  });
  if (answer.status === 401) {
    signOut('Your user or password was not accepted.');
    throw new Error('not signed in');
  }
  if (answer.status === 403) {
    signOut('The figures are for practice managers and administrators.');
    throw new Error('not allowed');
  }
  const body = await answer.json();
  if (!answer.ok) {
    const fields = (body.errors || body.problems || []).map((p) => p.field + ' ' + p.message).join('; ');
    throw new Error(fields || body.detail || body.title);
  }
  return body;
}

function signOut(problem) {
  authorization = null;
  $('figures').hidden = true;
  $('sign-in').hidden = false;
  const shown = $('sign-in-problem');
  shown.textContent = problem || '';
  shown.hidden = !problem;
  $('user').focus();
}

function percent(share) {
  return share === null || share === undefined ? '–' : Math.round(share * 100) + '%';
}

function minutes(value) {
  if (value === null || value === undefined) return '–';
  const whole = Math.round(value);
  return whole < 60 ? whole + ' min' : Math.floor(whole / 60) + ' h ' + (whole % 60) + ' min';
}

function tiles(summary) {
  const requests = summary.overall.requests;
  const items = [
    ['Requests received', requests.received],
    ['First call, median', minutes(requests.firstAttempt.medianMinutes)],
    ['First call, 90th percentile', minutes(requests.firstAttempt.p90Minutes)],
    ['Inside the response window', percent(requests.firstAttempt.insideWindowShare)],
    ['Missed response windows', requests.missedWindows],
    ['Reached', percent(requests.reachRate)],
    ['Booked', percent(requests.bookingRate)],
    ['Still open', requests.unresolved],
    ['Wrong numbers', requests.wrongNumbers],
    ['Unreachable', requests.unreachable],
    ['Referral questions', requests.referralQuestions],
    ['Opt-outs', summary.overall.messages.optOuts],
  ];
  const container = $('tiles');
  container.replaceChildren(...items.map(([label, value]) => {
    const tile = document.createElement('div');
    tile.className = 'tile';
    const number = document.createElement('div');
    number.className = 'value';
    number.textContent = String(value);
    const name = document.createElement('div');
    name.className = 'label';
    name.textContent = label;
    tile.append(number, name);
    return tile;
  }));
}

/** One chart, its text alternative for screen readers, drawn as SVG (crisp when printed). */
function draw(id, option, description) {
  const element = $(id);
  element.setAttribute('aria-label', description);
  charts[id] = charts[id] || echarts.init(element, null, { renderer: 'svg' });
  charts[id].setOption({ animation: false, tooltip: { trigger: 'axis' }, grid: { left: 48, right: 16, top: 32, bottom: 52 },
    ...option }, true);
  element.dataset.drawn = 'true';
}

function bars(id, labels, values, description, name) {
  draw(id, {
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, overflow: 'break', width: 72 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name, data: values, label: { show: true, position: 'top' } }],
  }, description + ': ' + labels.map((label, i) => label + ' ' + values[i]).join(', '));
}

function render(summary, unresolved) {
  tiles(summary);
  const requests = summary.overall.requests;

  const channels = [...new Set(summary.daily.flatMap((day) => Object.keys(day.byChannel)))].sort();
  draw('chart-daily', {
    legend: { top: 0 },
    xAxis: { type: 'category', data: summary.daily.map((day) => day.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: channels.map((channel) => ({ type: 'bar', stack: 'requests', name: channel,
      data: summary.daily.map((day) => day.byChannel[channel] || 0) })),
  }, 'Requests per day: ' + summary.daily.map((day) =>
    day.date + ' ' + Object.values(day.byChannel).reduce((a, b) => a + b, 0)).join(', '));

  const wait = requests.firstAttempt.distribution;
  bars('chart-wait', Object.keys(wait), Object.values(wait), 'Requests by time to first call', 'requests');

  bars('chart-funnel', ['Received', 'Called', 'Reached', 'Booked'],
    [requests.received, requests.attempted, requests.reached, requests.booked], 'From request to booking', 'requests');

  const parts = summary.overall.attempts.byDayPart;
  draw('chart-day-parts', {
    xAxis: { type: 'category', data: parts.map((p) => p.name) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', name: 'reached', data: parts.map((p) => p.reachRate === null ? 0 : Math.round(p.reachRate * 100)),
      label: { show: true, position: 'top', formatter: (p) => p.value + '% of ' + parts[p.dataIndex].made } }],
  }, 'Reach by part of the patient\'s day: ' + parts.map((p) => p.name + ' ' + percent(p.reachRate) + ' of ' + p.made + ' calls').join(', '));

  const attempts = summary.overall.attempts.byAttemptNumber;
  draw('chart-attempts', {
    xAxis: { type: 'category', data: attempts.map((a) => 'attempt ' + a.name) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'bar', name: 'reached', data: attempts.map((a) => a.reachRate === null ? 0 : Math.round(a.reachRate * 100)),
      label: { show: true, position: 'top', formatter: (p) => p.value + '% of ' + attempts[p.dataIndex].made } }],
  }, 'Reach by attempt: ' + attempts.map((a) => 'attempt ' + a.name + ' ' + percent(a.reachRate)).join(', '));

  const ages = { 'under 4 hours': 0, '4 to 24 hours': 0, '1 to 3 days': 0, 'over 3 days': 0 };
  unresolved.requests.forEach((open) => {
    const hours = open.ageHours;
    ages[hours < 4 ? 'under 4 hours' : hours < 24 ? '4 to 24 hours' : hours < 72 ? '1 to 3 days' : 'over 3 days'] += 1;
  });
  bars('chart-unresolved', Object.keys(ages), Object.values(ages), 'Open requests by age (now): ' + unresolved.count
    + ' open, the oldest ' + (unresolved.oldestAgeHours === null ? '–' : unresolved.oldestAgeHours + ' hours'), 'open requests');

  const handOffs = summary.overall.escalations;
  bars('chart-escalations', ['Raised', 'Taken by a clinician', 'Escalated: not taken in its window'],
    [handOffs.raised, handOffs.accepted, handOffs.unaccepted],
    'Clinical hand-offs (median time to acceptance ' + minutes(handOffs.medianMinutesToAcceptance) + ')', 'hand-offs');

  $('period-note').textContent = 'Practice time zone ' + summary.timeZone + '; ladder version '
    + (summary.ladderVersions.join(', ') || '–');
}

async function show(event) {
  if (event) event.preventDefault();
  const from = $('from').value;
  const to = $('to').value;
  $('problem').hidden = true;
  try {
    const [summary, unresolved] = await Promise.all([
      api('/api/reports/summary?from=' + from + '&to=' + to),
      api('/api/reports/unresolved'),
    ]);
    $('sign-in').hidden = true;
    $('figures').hidden = false;
    render(summary, unresolved);
  } catch (problem) {
    if (authorization) {
      $('problem').textContent = problem.message;
      $('problem').hidden = false;
    }
  }
}

async function compare(event) {
  event.preventDefault();
  const query = new URLSearchParams({ beforeFrom: $('before-from').value, beforeTo: $('before-to').value,
    afterFrom: $('after-from').value, afterTo: $('after-to').value });
  try {
    const comparison = await api('/api/reports/compare?' + query);
    const rows = comparison.changes.map((change) => {
      const row = document.createElement('tr');
      [change.figure, change.before, change.after, change.change].forEach((value, i) => {
        const cell = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) cell.scope = 'row'; else cell.className = 'number';
        cell.textContent = value === null || value === undefined ? '–' : String(value);
        row.append(cell);
      });
      return row;
    });
    $('changes').tBodies[0].replaceChildren(...rows);
    $('changes').hidden = false;
    $('versions').textContent = 'Ladder versions: before ' + (comparison.before.ladderVersions.join(', ') || '–')
      + '; after ' + (comparison.after.ladderVersions.join(', ') || '–');
  } catch (problem) {
    $('problem').textContent = problem.message;
    $('problem').hidden = false;
  }
}

function start() {
  $('from').value = daysAgo(27);
  $('to').value = daysAgo(0);
  $('before-from').value = daysAgo(55);
  $('before-to').value = daysAgo(28);
  $('after-from').value = daysAgo(27);
  $('after-to').value = daysAgo(0);
  $('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    authorization = 'Basic ' + base64($('user').value + ':' + $('password').value);
    $('password').value = '';
    show();
  });
  $('period').addEventListener('submit', show);
  $('compare').addEventListener('submit', compare);
  $('sign-out').addEventListener('click', () => signOut());
  window.addEventListener('resize', () => Object.values(charts).forEach((chart) => chart.resize()));
  $('user').focus();
}

document.addEventListener('DOMContentLoaded', start);
