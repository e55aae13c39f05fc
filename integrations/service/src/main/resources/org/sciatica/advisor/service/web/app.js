// The therapists' page: the intake form is built from the service's intake Questionnaire (so it asks every
// field the library knows), the answer is rendered as a report that prints cleanly.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  function buildForm(questionnaire) {
    const box = $('questions');
    box.textContent = '';
    questionnaire.item.forEach((item) => {
      const name = item.linkId;
      if (item.type === 'integer') {
        box.append(el('label', {}, item.text + ' ', el('input', {name: name, id: 'field-' + name, type: 'number', min: '0', max: '10', required: ''})));
        return;
      }
      const set = el('fieldset', {id: 'field-' + name}, el('legend', {}, item.text + (item.required ? ' (required)' : '')));
      if (!item.repeats && !item.required) {
        set.append(el('label', {}, el('input', {type: 'radio', name: name, value: '', checked: ''}), ' not reported'));
      }
      item.answerOption.forEach((option) => {
        const code = option.valueCoding.code;
        const attrs = {type: item.repeats ? 'checkbox' : 'radio', name: name, value: code, id: name + '-' + code};
        if (item.required) { attrs.required = ''; }
        set.append(el('label', {}, el('input', attrs), ' ' + option.valueCoding.display));
      });
      box.append(set);
    });
  }

  function assessment(form) {
    const data = new FormData(form);
    const out = {};
    const sets = new Set(Array.from(form.querySelectorAll('input[type=checkbox]')).map((i) => i.name));
    for (const [key, value] of data.entries()) {
      if (value === '') { continue; }
      if (sets.has(key)) { (out[key] = out[key] || []).push(value); } else { out[key] = value; }
    }
    ['age', 'painLevel'].forEach((k) => { if (k in out) { out[k] = Number(out[k]); } });
    if (out.clinicFindings) { out.clinicFindings = out.clinicFindings.split(',').map((s) => s.trim()).filter((s) => s); }
    return out;
  }

  function reasons(list) {
    return el('ul', {}, (list || []).map((r) => el('li', {}, r.text + ' ', el('span', {class: 'rule'}, '(' + r.ruleId + ')'))));
  }

  function render(answer) {
    const report = $('report');
    report.textContent = '';
    report.hidden = false;
    report.append(el('h2', {}, 'Report' + (answer.id ? ' for ' + answer.id : '')));
    const words = {PROCEED: 'Massage may proceed', PROCEED_WITH_CAUTION: 'Massage with caution', REFER: 'Refer: do not massage'};
    report.append(el('p', {class: 'disposition ' + answer.disposition, id: 'disposition'}, words[answer.disposition] || answer.disposition));
    if (answer.referral) {
      const how = answer.referral.urgency === 'EMERGENCY'
        ? 'Emergency: the client goes to an emergency department or calls the emergency number now.'
        : 'Urgent: a doctor sees the client today.';
      report.append(el('section', {id: 'referral'}, el('h3', {}, 'Referral (' + answer.referral.urgency + ')'), el('p', {}, how), reasons(answer.referral.reasons)));
    }
    if (answer.techniques.length) {
      report.append(el('h3', {}, 'Techniques, best first'), el('ol', {id: 'techniques'}, answer.techniques.map((t) =>
        el('li', {}, t.technique + ', ' + t.pressure.toLowerCase() + ' pressure', reasons(t.reasons)))));
    }
    if (answer.excluded.length) {
      report.append(el('h3', {}, 'Do not use'), el('ul', {id: 'excluded'}, answer.excluded.map((t) => el('li', {}, t.technique, reasons(t.reasons)))));
    }
    if (answer.warnings.length) {
      report.append(el('h3', {}, 'Warnings'), el('ul', {id: 'warnings'}, answer.warnings.map((w) =>
        el('li', {}, w.severity + ': ' + w.message + ' ', el('span', {class: 'rule'}, '(' + w.code + ', ' + w.ruleId + ')')))));
    }
    if (answer.focusAreas.length) {
      report.append(el('h3', {}, 'Focus areas'), el('ul', {}, answer.focusAreas.map((f) => el('li', {}, f.area, reasons(f.reasons)))));
    }
    if (answer.sessionPlan && answer.sessionPlan.steps.length) {
      report.append(el('h3', {}, 'Session plan'), el('ol', {}, answer.sessionPlan.steps.map((s) =>
        el('li', {}, s.text + ' ', el('span', {class: 'rule'}, '(' + s.ruleId + ')')))));
      const spw = answer.sessionPlan.sessionsPerWeek;
      if (spw) { report.append(el('p', {}, 'Sessions per week: ' + spw.min + ' to ' + spw.max)); }
    }
    if (answer.questions && answer.questions.length) {
      report.append(el('h3', {}, 'Ask the client'), el('ul', {}, answer.questions.map((q) => el('li', {}, q.field + ': ' + q.text))));
    }
    if (answer.sources && answer.sources.length) {
      report.append(el('h3', {}, 'Sources'), el('ol', {}, answer.sources.map((s) =>
        el('li', {}, s.title + ', ' + s.publisher + (s.year ? ' (' + s.year + ')' : '') + ' ', s.url ? el('a', {href: s.url}, s.url) : ''))));
    }
    report.append(el('p', {class: 'rule'}, 'Rules ' + answer.rulesVersion), el('button', {class: 'no-print', id: 'print', type: 'button'}, 'Print'));
    $('print').addEventListener('click', () => window.print());
  }

  async function submit(event) {
    event.preventDefault();
    const error = $('error');
    error.hidden = true;
    const response = await fetch('/advice', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify(assessment(event.target))});
    const body = await response.json();
    if (!response.ok) {
      error.textContent = body.error.message;
      error.hidden = false;
      return;
    }
    render(body);
  }

  async function show(section, load) {
    $(section).hidden = false;
    await load();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    $('intake').addEventListener('submit', submit);
    $('show-rules').addEventListener('click', () => show('rules', async () => {
      $('rules-text').textContent = await (await fetch('/rules')).text();
    }));
    $('show-matrix').addEventListener('click', () => show('matrix', async () => { $('matrix-image').src = '/decision-matrix.svg'; }));
    const match = location.pathname.match(/^\/reports\/([0-9a-f-]+)$/);
    if (match) {
      $('intake').hidden = true;
      const response = await fetch('/api/reports/' + match[1]);
      if (response.ok) { render(await response.json()); } else { $('report').hidden = false; $('report').textContent = 'No such report.'; }
      return;
    }
    buildForm(await (await fetch('/api/vocabulary')).json());
  });
}());
