// The scoreboard: polls /api/v1/scoreboard and redraws. Plain DOM, no build step. Every value from the API is set
// with textContent, never as HTML: campaign ids, reasons and rep ids come from outside and must not become markup.
(function () {
  'use strict';

  var params = new URLSearchParams(window.location.search);
  var form = document.getElementById('filters');
  var timer = null;

  ['from', 'to', 'model'].forEach(function (name) {
    if (params.get(name)) { document.getElementById(name).value = params.get(name); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var next = new URLSearchParams();
    ['from', 'to', 'model'].forEach(function (name) {
      var value = document.getElementById(name).value;
      if (value) { next.set(name, value); }
    });
    window.history.replaceState(null, '', '?' + next.toString());
    params = next;
    refresh();
  });

  function query() {
    var q = new URLSearchParams();
    ['from', 'to', 'model'].forEach(function (name) { if (params.get(name)) { q.set(name, params.get(name)); } });
    return q.toString();
  }

  function refresh() {
    if (timer) { window.clearTimeout(timer); }
    fetch('/api/v1/scoreboard?' + query(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            throw new Error(problem.detail || ('HTTP ' + response.status));
          });
        }
        return response.json();
      })
      .then(function (board) {
        render(board);
        document.body.dataset.state = 'ready';
        status('Updated ' + new Date(board.generatedAt).toLocaleTimeString() + '; refreshes every ' +
          board.refreshSeconds + ' s.');
        timer = window.setTimeout(refresh, board.refreshSeconds * 1000);
      })
      .catch(function (error) {
        document.body.dataset.state = 'error';
        status('Could not load the numbers: ' + error.message + '. Retrying…');
        timer = window.setTimeout(refresh, 5000);
      });
  }

  function status(text) { document.getElementById('status').textContent = text; }

  function render(board) {
    if (!params.get('model')) { document.getElementById('model').value = board.model; }
    document.getElementById('model-name').textContent = board.model;
    renderGoal(board.goal);
    renderFunnel(board.campaigns);
    renderAttribution(board.campaigns, board.model, board.goal.currency);
    renderReasons(board.rejectionReasons);
    renderReps(board.reps);
  }

  function renderGoal(goal) {
    var progress = document.getElementById('goal-progress');
    progress.value = Math.min(1, Number(goal.progress || 0));
    var text = document.getElementById('goal-text');
    text.dataset.won = goal.won;
    text.dataset.amount = goal.amount;
    text.textContent = money(goal.currency, goal.won) + ' won of ' + money(goal.currency, goal.amount) +
      (goal.progress == null ? '' : ' (' + percent(goal.progress) + ')');
  }

  function renderFunnel(campaigns) {
    var body = replaceRows('funnel-rows', campaigns.length, 13, 'No leads in these days yet.');
    campaigns.forEach(function (c) {
      var tr = row(body, c.value, 'campaign');
      ['captured', 'qualified', 'handedOff', 'accepted', 'rejected', 'contacted', 'contactedWithinSla', 'meetings',
        'opportunities', 'won'].forEach(function (metric) { cell(tr, metric, c[metric], String(c[metric])); });
      var rate = c.conversion['captured→won'];
      cell(tr, 'capturedToWon', rate, percent(rate));
      cell(tr, 'revenue', revenueKey(c.revenue), revenueText(c.revenue));
    });
  }

  function renderAttribution(campaigns, model, goalCurrency) {
    var withRevenue = campaigns.filter(function (c) { return c.attributedRevenue[model]; });
    var body = replaceRows('attribution-rows', withRevenue.length, 3, 'No revenue won yet.');
    var max = 0;
    withRevenue.forEach(function (c) {
      max = Math.max(max, Number((c.attributedRevenue[model] || {})[goalCurrency] || 0));
    });
    withRevenue.forEach(function (c) {
      var amounts = c.attributedRevenue[model];
      var tr = row(body, c.value, 'campaign');
      cell(tr, 'attributed', revenueKey(amounts), revenueText(amounts));
      var td = document.createElement('td');
      td.className = 'bar-cell';
      td.setAttribute('aria-hidden', 'true');
      var bar = document.createElement('div');
      bar.className = 'bar';
      bar.style.width = (max > 0 ? (100 * Number(amounts[goalCurrency] || 0) / max) : 0) + '%';
      td.appendChild(bar);
      tr.appendChild(td);
    });
  }

  function renderReasons(reasons) {
    var codes = Object.keys(reasons).sort(function (a, b) { return reasons[b] - reasons[a] || a.localeCompare(b); });
    var body = replaceRows('reason-rows', codes.length, 2, 'No rejections.');
    codes.forEach(function (code) {
      var tr = row(body, code, 'reason');
      cell(tr, 'rejected', reasons[code], String(reasons[code]));
    });
  }

  function renderReps(reps) {
    var body = replaceRows('rep-rows', reps.length, 6, 'No lead handed off yet.');
    reps.forEach(function (r) {
      var tr = row(body, r.value, 'rep');
      cell(tr, 'handedOff', r.handedOff, String(r.handedOff));
      cell(tr, 'acceptanceRate', r.acceptanceRate, percent(r.acceptanceRate));
      cell(tr, 'slaCompliance', r.slaCompliance, percent(r.slaCompliance));
      cell(tr, 'medianMinutesToFirstTouch', r.medianMinutesToFirstTouch,
        r.medianMinutesToFirstTouch == null ? '–' : String(r.medianMinutesToFirstTouch));
      cell(tr, 'winRate', r.winRate, percent(r.winRate));
    });
  }

  function replaceRows(id, count, columns, emptyText) {
    var body = document.getElementById(id);
    while (body.firstChild) { body.removeChild(body.firstChild); }
    if (count === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = columns;
      td.className = 'empty';
      td.textContent = emptyText;
      tr.appendChild(td);
      body.appendChild(tr);
    }
    return body;
  }

  function row(body, key, kind) {
    var tr = document.createElement('tr');
    tr.dataset[kind] = key;
    var th = document.createElement('th');
    th.scope = 'row';
    th.textContent = key;
    tr.appendChild(th);
    body.appendChild(tr);
    return tr;
  }

  function cell(tr, metric, raw, text) {
    var td = document.createElement('td');
    td.dataset.metric = metric;
    td.dataset.value = raw == null ? '' : String(raw);
    td.textContent = text;
    tr.appendChild(td);
  }

  function revenueKey(amounts) {
    return Object.keys(amounts || {}).sort().map(function (c) { return c + '=' + amounts[c]; }).join(';');
  }

  function revenueText(amounts) {
    var currencies = Object.keys(amounts || {}).sort();
    return currencies.length === 0 ? '–' : currencies.map(function (c) { return money(c, amounts[c]); }).join(', ');
  }

  function money(currency, amount) {
    var value = Number(amount);
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency: currency }).format(value);
    } catch (e) {
      return currency + ' ' + value.toFixed(2);
    }
  }

  function percent(rate) {
    return rate == null ? '–' : (Number(rate) * 100).toFixed(1) + '%';
  }

  refresh();
}());
