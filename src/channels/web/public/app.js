// Local web chat of Wijkwijs: posts questions to /api/chat and renders the Reply with clickable citations,
// its buttons and forms; messages Wijkwijs sends on its own come from /api/notifications.
const messages = document.getElementById('messages');
const form = document.getElementById('ask');
const input = document.getElementById('question');
const sendButton = document.getElementById('send');
let conversationId = sessionStorage.getItem('wijkwijs.conversation') || undefined;

function token() {
  return localStorage.getItem('wijkwijs.token') || '';
}

async function post(path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  const response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
  const data = await response.json().catch(() => ({}));
  if (response.status === 401) {
    const given = prompt('Deze Wijkwijs vraagt om een toegangscode:');
    if (given) {
      localStorage.setItem('wijkwijs.token', given.trim());
      return post(path, body);
    }
  }
  if (!response.ok) throw new Error(data.error?.message || 'Er ging iets mis. Probeer het zo nog eens.');
  return data;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A new bubble at the end, or in the place of `replace` (a reply that replaces the message with its button). */
function addMessage(role, build, replace) {
  document.getElementById('welcome')?.remove();
  const message = element('article', `message ${role}`);
  build(message);
  if (replace?.isConnected) {
    replace.replaceWith(message);
  } else {
    messages.append(message);
    message.scrollIntoView({ behavior: 'smooth', block: 'end' });
  }
  return message;
}

/** Answer text with [n] markers turned into buttons that open the cited passage. */
function renderAnswerText(container, text, openSource) {
  for (const line of text.split('\n')) {
    const p = element('p');
    for (const part of line.split(/(\[\d+\])/)) {
      const marker = /^\[(\d+)\]$/.exec(part);
      if (marker) {
        const button = element('button', 'marker', part);
        button.type = 'button';
        button.setAttribute('aria-label', `Bron ${marker[1]} tonen`);
        button.addEventListener('click', () => openSource(Number(marker[1])));
        p.append(button);
      } else if (part) {
        p.append(document.createTextNode(part));
      }
    }
    container.append(p);
  }
}

function renderSources(container, citations) {
  const list = element('ol', 'sources');
  const items = new Map();
  for (const c of citations) {
    const item = element('li', 'source');
    item.value = c.n;
    const toggle = element('button', 'source-title', `${c.title} — ${c.location}`);
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', 'false');
    const about = [];
    if (c.details) about.push(element('p', 'source-details', c.details));
    if (c.warning) about.push(element('p', 'source-warning', c.warning));
    const passage = element('blockquote', 'passage');
    passage.hidden = true;
    passage.append(element('p', '', c.passage));
    if (c.reference) passage.append(element('p', 'reference', `Gebaseerd op: ${c.reference}`));
    passage.append(element('p', 'reference', `Bestand: ${c.source}`));
    toggle.addEventListener('click', () => {
      passage.hidden = !passage.hidden;
      toggle.setAttribute('aria-expanded', String(!passage.hidden));
    });
    item.append(toggle, ...about, passage);
    list.append(item);
    items.set(c.n, { passage, toggle, item });
  }
  container.append(element('h2', 'sources-heading', 'Bronnen'), list);
  return (n) => {
    const found = items.get(n);
    if (!found) return;
    found.passage.hidden = false;
    found.toggle.setAttribute('aria-expanded', 'true');
    found.item.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };
}

function renderFeedback(container, reply) {
  const bar = element('div', 'feedback');
  const status = element('span', 'feedback-status');
  const send = async (rating, comment) => {
    try {
      const result = await post('/api/feedback', { answerId: reply.answerId, rating, comment, conversationId });
      status.textContent = result.text;
    } catch (error) {
      status.textContent = error.message;
    }
  };
  for (const action of reply.actions.filter((a) => a.id.startsWith('feedback.'))) {
    const button = element('button', 'feedback-button', action.label);
    button.type = 'button';
    describe(button, action);
    button.addEventListener('click', () => {
      if (action.id === 'feedback.up') return send('up');
      const form = element('form', 'feedback-comment');
      const comment = element('input');
      comment.placeholder = 'Wat klopte er niet? (optioneel)';
      comment.maxLength = 1000;
      const submit = element('button', '', 'Verstuur');
      submit.type = 'submit';
      form.append(comment, submit);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        form.remove();
        send('down', comment.value || undefined);
      });
      bar.after(form);
      comment.focus();
    });
    bar.append(button);
  }
  bar.append(status);
  container.append(bar);
}

/**
 * A form from the core (e.g. the anonymised case text to check): its fields prefilled, submit and
 * cancel posted to /api/action with the form's id as value; the answer to that is a new reply.
 */
let formCount = 0;

/** The input for one field kind; a date is "YYYY-MM-DD" and a time "HH:mm", as the browser's own inputs use. */
function fieldInput(field) {
  const value = field.value || '';
  switch (field.kind) {
    case 'select': {
      const select = element('select', 'reply-form-input');
      if (field.optional || !field.options?.some((o) => o.value === value)) {
        const empty = element('option', '', 'Maak een keuze');
        empty.value = '';
        select.append(empty);
      }
      for (const o of field.options || []) {
        const option = element('option', '', o.label);
        option.value = o.value;
        select.append(option);
      }
      select.value = value;
      return select;
    }
    case 'date':
    case 'time':
    case 'number': {
      const input = element('input', 'reply-form-input');
      input.type = field.kind;
      if (field.kind === 'number') input.step = '1';
      input.value = value;
      return input;
    }
    default: {
      const input = element(field.multiline ? 'textarea' : 'input', 'reply-form-input');
      input.value = value;
      if (field.multiline) input.rows = Math.min(20, Math.max(6, value.split('\n').length + 2));
      return input;
    }
  }
}

/** A button whose label alone says little gets the action's description for screen readers. */
function describe(button, action) {
  if (!action.description) return;
  button.setAttribute('aria-label', action.description);
  button.title = action.description;
}

/** Questions to ask next: a click asks them. */
function renderSuggestions(container, suggestions) {
  const bar = element('div', 'follow-ups');
  bar.append(element('span', 'follow-ups-label', 'Vraag verder:'));
  for (const question of suggestions) {
    const button = element('button', 'follow-up', question);
    button.type = 'button';
    button.addEventListener('click', () => ask(question));
    bar.append(button);
  }
  container.append(bar);
}

/**
 * A Reply's own buttons (not the feedback): the click goes to /api/action; a reply that replaces its source
 * takes the place of this bubble, any other comes as a new one.
 */
function renderActions(container, reply, source) {
  const actions = (reply.actions || []).filter((a) => !a.id.startsWith('feedback.'));
  if (!actions.length) return;
  const bar = element('div', 'reply-actions');
  const status = element('span', 'reply-actions-status');
  for (const action of actions) {
    const button = element('button', `reply-action${action.style ? ` reply-action-${action.style}` : ''}`, action.label);
    button.type = 'button';
    describe(button, action);
    button.addEventListener('click', async () => {
      const all = [...bar.querySelectorAll('button')];
      for (const b of all) b.disabled = true;
      status.textContent = '';
      try {
        const answer = await post('/api/action', { actionId: action.id, value: action.value, conversationId, teamId: source.teamId });
        renderReply(answer, answer.replacesSource ? source : {});
      } catch (error) {
        status.textContent = error.message;
      } finally {
        for (const b of all) b.disabled = false;
      }
    });
    bar.append(button);
  }
  bar.append(status);
  container.append(bar);
}

function renderForm(container, form, source) {
  // The same form (e.g. a draft shown again) can appear twice: element ids must still be unique.
  formCount += 1;
  const el = element('form', 'reply-form');
  el.append(element('h2', 'reply-form-title', form.title));
  const inputs = [];
  for (const [i, field] of form.fields.entries()) {
    const id = `form-${formCount}-${i}`;
    const label = element('label', 'reply-form-label', field.optional ? `${field.label} (optioneel)` : field.label);
    label.htmlFor = id;
    const input = fieldInput(field);
    input.id = id;
    input.name = field.name;
    input.required = !field.optional;
    inputs.push(input);
    el.append(label, input);
    if (field.hint) {
      const hint = element('p', 'reply-form-hint', field.hint);
      hint.id = `${id}-hint`;
      input.setAttribute('aria-describedby', hint.id);
      el.append(hint);
    }
  }
  const buttons = element('div', 'reply-form-buttons');
  const submit = element('button', 'reply-form-submit', form.submit.label);
  submit.type = 'submit';
  buttons.append(submit);
  let cancel;
  if (form.cancel) {
    cancel = element('button', 'reply-form-cancel', form.cancel.label);
    cancel.type = 'button';
    buttons.append(cancel);
  }
  const status = element('span', 'reply-form-status');
  buttons.append(status);
  el.append(buttons);

  const controls = () => [...inputs, submit, ...(cancel ? [cancel] : [])];
  const send = async (actionId, fields) => {
    for (const c of controls()) c.disabled = true;
    status.textContent = '';
    try {
      const reply = await post('/api/action', { actionId, value: form.id, fields, conversationId, teamId: source.teamId });
      // This form is done: the answer (stored, cancelled, or the form to check again) comes as a new
      // reply, or in the place of the message with the form when the reply says so.
      el.classList.add('done');
      renderReply(reply, reply.replacesSource ? source : {});
    } catch (error) {
      status.textContent = error.message;
      for (const c of controls()) c.disabled = false;
    }
  };
  el.addEventListener('submit', (event) => {
    event.preventDefault();
    send(form.submit.id, Object.fromEntries(inputs.map((input) => [input.name, input.value])));
  });
  cancel?.addEventListener('click', () => send(form.cancel.id));
  container.append(el);
}

/**
 * One reply as a bubble. `place.replace` is the bubble it takes the place of; `place.notification`
 * marks a message Wijkwijs sent on its own (kept, so a later update of it replaces this bubble too).
 */
function renderReply(reply, place = {}) {
  const source = { notification: place.notification, teamId: place.teamId ?? place.notification?.teamId ?? undefined };
  const role = `assistant mode-${reply.mode}${source.notification ? ' notification' : ''}`;
  const message = addMessage(
    role,
    (message) => {
      if (source.notification) {
        message.append(element('p', 'notification-label', source.notification.teamId ? 'Bericht van Wijkwijs aan je team' : 'Bericht van Wijkwijs'));
      }
      for (const notice of reply.notices || []) message.append(element('p', 'notice', notice));
      const body = element('div', 'answer');
      message.append(body);
      let openSource = () => {};
      renderAnswerText(body, reply.text, (n) => openSource(n));
      if (reply.origin) message.append(element('p', 'origin', reply.origin));
      if (reply.citations?.length) openSource = renderSources(message, reply.citations);
      if (reply.form) renderForm(message, reply.form, source);
      renderActions(message, reply, source);
      if (reply.answerId) renderFeedback(message, reply);
      if (reply.suggestions?.length) renderSuggestions(message, reply.suggestions);
    },
    place.replace,
  );
  source.replace = message;
  if (source.notification) notificationBubbles.set(source.notification.id, message);
  return message;
}

// ---- Messages Wijkwijs sends on its own (announcements, reminders, requests from colleagues) ----
const notificationBubbles = new Map();
const POLL_MS = 10_000;
// At load the last day is shown; after that, what changed since the newest one seen.
let notificationsSince = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
let polling = false;

async function pollNotifications() {
  if (polling) return;
  polling = true;
  try {
    const headers = token() ? { Authorization: `Bearer ${token()}` } : {};
    const response = await fetch(`/api/notifications?since=${encodeURIComponent(notificationsSince)}`, { headers });
    if (!response.ok) return;
    const { notifications } = await response.json();
    for (const n of notifications) {
      renderReply(n.reply, { notification: { id: n.id, teamId: n.teamId }, replace: notificationBubbles.get(n.id) });
      if (n.updatedAt > notificationsSince) notificationsSince = n.updatedAt;
    }
  } catch {
    // Offline for a moment: the next poll tries again.
  } finally {
    polling = false;
  }
}

pollNotifications();
setInterval(pollNotifications, POLL_MS);
// Coming back to the tab shows what arrived meanwhile at once.
window.addEventListener('focus', pollNotifications);

async function ask(text) {
  addMessage('user', (message) => message.append(element('p', '', text)));
  const waiting = /^\s*\/casus\b/i.test(text) ? 'Even de persoonsgegevens eruit halen…' : 'Ik zoek in het handboek…';
  const pending = addMessage('assistant pending', (message) => message.append(element('p', '', waiting)));
  sendButton.disabled = true;
  try {
    const reply = await post('/api/chat', { text, conversationId });
    // Replies outside a conversation (such as a case to check) leave the current one going.
    if (reply.conversationId) {
      conversationId = reply.conversationId;
      sessionStorage.setItem('wijkwijs.conversation', conversationId);
    }
    pending.remove();
    renderReply(reply);
  } catch (error) {
    pending.remove();
    addMessage('assistant error', (message) => message.append(element('p', '', error.message)));
  } finally {
    sendButton.disabled = false;
    input.focus();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  ask(text);
});

input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey) {
    event.preventDefault();
    form.requestSubmit();
  }
});

for (const button of document.querySelectorAll('.suggestion')) {
  button.addEventListener('click', () => ask(button.textContent));
}
