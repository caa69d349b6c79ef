/*
 * A custom chat widget built only on WebChatService bus commands and events: the reference for custom widget
 * developers. No framework. Message text is always rendered as text (textContent), never as HTML.
 *
 *   var widget = ChatWidget.mount(element, { agent: 'scripted' | 'console' });
 */
var ChatWidget = (function () {
  'use strict';

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'class') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function time(ms) {
    var d = new Date(typeof ms === 'number' ? ms : Date.now());
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function mount(root, options) {
    var bus = window._genesys.widgets.bus.registerPlugin('DemoWidget');
    var state = { active: false, limits: null, typingTimer: null, agents: {} };

    // ---------------------------------------------------------------- markup
    root.innerHTML = '';
    var title = el('h2', { id: 'chat-title' }, 'Chat with us');
    var status = el('p', { class: 'status', role: 'status' }, 'Connecting…');
    var form = el('form', { class: 'prechat', novalidate: '' });
    [['firstname', 'First name', 'text', 'given-name'], ['lastname', 'Last name', 'text', 'family-name'],
     ['email', 'Email', 'email', 'email'], ['subject', 'Subject', 'text', 'off']].forEach(function (f) {
      var id = 'chat-' + f[0];
      form.appendChild(el('label', { for: id }, f[1]));
      form.appendChild(el('input', { id: id, name: f[0], type: f[2], autocomplete: f[3] }));
    });
    var start = el('button', { type: 'submit' }, 'Start chat');
    form.appendChild(start);
    var transcript = el('ol', { class: 'transcript', 'aria-live': 'polite', 'aria-label': 'Conversation' });
    var typing = el('p', { class: 'typing', 'aria-live': 'polite' });
    var composer = el('form', { class: 'composer' });
    composer.appendChild(el('label', { for: 'chat-message', class: 'visually-hidden' }, 'Your message'));
    var input = el('textarea', { id: 'chat-message', rows: '2', placeholder: 'Type a message and press Enter' });
    var send = el('button', { type: 'submit' }, 'Send');
    var fileLabel = el('label', { for: 'chat-file', class: 'file-button' }, 'Send a file');
    var file = el('input', { id: 'chat-file', type: 'file', class: 'visually-hidden' });
    var end = el('button', { type: 'button', class: 'secondary' }, 'End chat');
    [input, send, fileLabel, file, end].forEach(function (c) { composer.appendChild(c); });
    [title, status, form, transcript, typing, composer].forEach(function (c) { root.appendChild(c); });

    function view(active) {
      state.active = active;
      form.hidden = active;
      composer.hidden = !active;
    }
    view(false);

    // ---------------------------------------------------------------- transcript
    function line(kind, who, text, extra) {
      var item = el('li', { class: kind });
      if (who) { item.appendChild(el('span', { class: 'who' }, who)); }
      var body = el('span', { class: 'text' });
      if (text) { body.textContent = text; }
      if (extra) { body.appendChild(extra); }
      item.appendChild(body);
      item.appendChild(el('time', {}, time(extra && extra.timestamp)));
      transcript.appendChild(item);
      transcript.scrollTop = transcript.scrollHeight;
      return item;
    }

    function render(m, original) {
      var from = m.from || {};
      var who = from.name || from.type;
      var side = from.type === 'Client' ? 'me' : from.type === 'Bot' ? 'bot' : 'agent';
      switch ((m.type || '').toLowerCase()) {
        case 'message':
        case 'text':
          line(from.type === 'External' ? 'system' : side, from.type === 'External' ? '' : who, m.text);
          break;
        case 'pushurl':
          var link = el('a', { target: '_blank', rel: 'noopener noreferrer' }, m.text);
          if (/^https?:\/\//i.test(m.text)) { link.href = m.text; }
          line(side, who, 'sent a link: ', link);
          break;
        case 'participantjoined':
          line('system', '', from.type === 'Client' ? 'Chat started' : (who || 'Agent') + ' joined');
          break;
        case 'participantleft':
          line('system', '', (who || 'Agent') + ' left');
          break;
        case 'fileuploaded':
          var details = m.fileDetails || m.userData || {};
          var button = el('button', { type: 'button', class: 'link' }, 'Download ' + (details['file-name'] || 'file'));
          button.onclick = function () {
            command('downloadFile', { fileId: details['file-id'], fileName: details['file-name'] || '' });
          };
          line(side, who, 'sent a file (' + (details['file-size'] || '?') + ' bytes): ', button);
          break;
        case 'idlealert':
          var secs = m.userData && m.userData['next-idle-timer-secs'];
          line('system', '', 'Are you still there? This chat closes in ' + (secs || 'a few') + ' seconds without activity.');
          break;
        case 'idleclose':
          line('system', '', 'The chat was closed for inactivity.');
          break;
        default:
          break; // typing, notices and other types are not shown
      }
    }

    // ---------------------------------------------------------------- commands
    function command(name, data) {
      return bus.command('WebChatService.' + name, data || {}).fail(function (reason) {
        if (name !== 'restore' && name !== 'sendTyping' && name !== 'getFileLimits') {
          line('error', '', name + ' failed: ' + (typeof reason === 'string' ? reason : JSON.stringify(reason)));
        }
      });
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var data = { userData: {} };
      ['firstname', 'lastname', 'email', 'subject'].forEach(function (k) { data[k] = form.elements[k].value.trim(); });
      if (!data.firstname || !data.lastname) {
        status.textContent = 'Please give your first and last name.';
        (data.firstname ? form.elements.lastname : form.elements.firstname).focus();
        return;
      }
      data.form = { firstname: data.firstname, lastname: data.lastname, email: data.email, subject: data.subject };
      start.disabled = true;
      status.textContent = 'Starting…';
      command('startChat', data).always(function () { start.disabled = false; });
    });

    composer.addEventListener('submit', function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (!text) { return; }
      command('sendMessage', { message: text, type: 'text' }).done(function (r) {
        if (r && r.statusCode === 1) { status.textContent = 'Message not sent: the connection is down.'; return; }
        input.value = '';
      });
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        composer.requestSubmit ? composer.requestSubmit(send) : send.click();
      } else if (e.key.length === 1) {
        command('sendTyping');
      }
    });
    file.addEventListener('change', function () {
      var f = file.files[0];
      if (!f) { return; }
      var max = state.limits && +state.limits['upload-max-file-size'];
      if (max && f.size > max) {
        line('error', '', f.name + ' is too large (maximum ' + max + ' bytes).');
      } else {
        command('sendFile', { files: file });
      }
      file.value = '';
    });
    end.addEventListener('click', function () { command('endChat'); });

    function fileLimits() {
      command('getFileLimits').done(function (r) {
        var res = typeof r === 'string' ? JSON.parse(r) : r;
        var messages = (res && res.messages) || [];
        for (var i = messages.length - 1; i >= 0; i--) {
          if (messages[i].userData) { state.limits = messages[i].userData; break; }
        }
        if (state.limits && state.limits['upload-file-types']) {
          file.setAttribute('accept', state.limits['upload-file-types'].split(':').map(function (t) {
            return '.' + t; }).join(','));
        }
      });
    }

    // ---------------------------------------------------------------- events
    function on(name, fn) { bus.subscribe('WebChatService.' + name, function (e) { fn(e.data || {}); }); }

    // A chat restored before this script subscribed (its 'restored' event is gone) is picked up here:
    // verifySession waits for a restore in progress, and getTranscript has everything so far.
    function sync() {
      bus.command('WebChatService.verifySession').done(function (r) {
        if (!r.sessionActive) {
          if (!state.active) { status.textContent = 'Fill in the form to start a chat.'; }
          return;
        }
        view(true);
        if (!transcript.firstChild) {
          bus.command('WebChatService.getTranscript').done(function (t) {
            if (!transcript.firstChild) { t.messages.forEach(function (m) { render(m); }); }
          });
        }
      });
    }
    on('ready', sync);
    on('started', function () {
      transcript.textContent = '';
      view(true);
      status.textContent = options.agent === 'console'
        ? 'Waiting for an agent (answer in the agent console).' : 'Waiting for an agent…';
      input.focus();
      capabilities();
      fileLimits();
    });
    on('restored', function () {
      view(true);
      status.textContent = 'Chat restored.';
    });
    // Back ends without uploads say so in the capabilities data key.
    function capabilities() {
      var caps = bus.data('WebChatService.capabilities');
      var uploads = !caps || caps.fileUpload !== false;
      fileLabel.hidden = !uploads;
    }
    on('capabilitiesChanged', capabilities);
    on('messageReceived', function (d) {
      (d.messages || []).forEach(function (m, i) { render(m, (d.originalMessages || [])[i]); });
    });
    on('agentConnected', function (d) {
      status.textContent = 'Connected to an agent.';
      if (!d.message || !d.message.restoring) { fileLimits(); }
    });
    on('agentDisconnected', function (d) {
      if (!d.numAgentsConnected) { status.textContent = 'No agent is connected.'; }
    });
    on('agentTypingStarted', function (d) {
      typing.textContent = ((d.from && d.from.name) || 'The agent') + ' is typing…';
    });
    ['agentTypingStopped', 'agentTypingTimeout'].forEach(function (n) { on(n, function () { typing.textContent = ''; }); });
    on('disconnected', function () { status.textContent = 'Connection lost. Reconnecting…'; });
    on('reconnected', function () { status.textContent = 'Connection restored.'; });
    on('chatServerWentOffline', function () { status.textContent = 'The chat server is offline. Waiting…'; });
    on('chatServerBackOnline', function () { status.textContent = 'The chat server is back.'; });
    on('error', function (d) {
      var text = d.errors && d.errors[0] ? (d.errors[0].text || d.errors[0].code)
        : d.responseJSON && d.responseJSON.errors ? 'error ' + d.responseJSON.errors.map(function (x) { return x.code; }).join(', ')
        : d.status !== undefined ? 'HTTP ' + d.status : 'an error occurred';
      line('error', '', 'Problem: ' + text);
    });
    ['ended', 'restoreTimeout', 'restoreFailed', 'sessionLost'].forEach(function (n) {
      on(n, function () {
        if (state.active) { line('system', '', 'Chat ended'); }
        typing.textContent = '';
        view(false);
        status.textContent = n === 'ended' ? 'The chat has ended. You can start a new one.' : 'Your earlier chat could not be restored.';
      });
    });

    bus.command('WebChatService.registerTypingPreviewInput', { input: input });
    return { bus: bus, transcript: transcript, input: input };
  }

  return { mount: mount };
})();
