/*
 * Agent console: plays the agent of any emulated back end through the sandbox API (/sandbox/api/...).
 * It polls the chat list; typing in the message box shows the customer that the agent is typing.
 */
(function () {
  'use strict';
  var selected = null; // {backend, id}
  var chats = [];
  var typingOff = null;
  var $ = function (id) { return document.getElementById(id); };

  function act(action, fields) {
    if (!selected) { return Promise.resolve(); }
    var body = new URLSearchParams(fields || {});
    return fetch('/sandbox/api/chats/' + selected.backend + '/' + encodeURIComponent(selected.id) + '/' + action,
      { method: 'POST', body: body }).then(refresh);
  }

  function current() {
    return chats.filter(function (c) { return selected && c.backend === selected.backend && c.id === selected.id; })[0];
  }

  function renderQueue() {
    var queue = $('queue');
    queue.textContent = '';
    $('queue-empty').hidden = chats.length > 0;
    chats.slice().reverse().forEach(function (c) {
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = c.customer;
      var small = document.createElement('small');
      small.textContent = c.backend + ' · ' + (c.ended ? 'ended' : c.agentJoined ? 'in progress' : 'waiting')
        + (c.userData.sandboxAgent === 'console' ? '' : ' · scripted');
      b.appendChild(small);
      if (selected && c.backend === selected.backend && c.id === selected.id) { b.setAttribute('aria-current', 'true'); }
      b.onclick = function () { selected = { backend: c.backend, id: c.id }; renderQueue(); renderChat(); };
      li.appendChild(b);
      queue.appendChild(li);
    });
  }

  function renderChat() {
    var c = current();
    $('composer').hidden = !c || c.ended;
    if (!c) { return; }
    $('chat-title').textContent = c.customer + ' (' + c.backend + ')';
    $('chat-status').textContent = c.ended ? 'This chat has ended.' : c.agentJoined ? 'You are in this chat.'
      : 'Waiting: accept to join.';
    $('accept').disabled = c.agentJoined || c.ended;
    $('customer-typing').textContent = c.customerTyping ? 'Customer is writing: ' + c.customerTyping : '';
    var list = $('transcript');
    if (list.childElementCount === c.transcript.length && list.dataset.chat === c.backend + c.id) { return; }
    list.textContent = '';
    list.dataset.chat = c.backend + c.id;
    c.transcript.forEach(function (line) {
      // "<Type> <FromType> <text>"
      var parts = line.split(' ');
      var type = parts[0], from = parts[1], text = parts.slice(2).join(' ');
      if (type === 'TypingStarted' || type === 'TypingStopped') { return; }
      var li = document.createElement('li');
      var who = from === 'Client' ? 'Customer' : from;
      li.className = type === 'ParticipantJoined' || type === 'ParticipantLeft' ? 'system'
        : from === 'Client' ? 'agent' : from === 'Agent' || from === 'Supervisor' ? 'me' : 'system';
      li.textContent = type === 'Message' ? text : type === 'ParticipantJoined' ? who + ' joined'
        : type === 'ParticipantLeft' ? who + ' left' : type + (text ? ': ' + text : '');
      list.appendChild(li);
    });
    list.scrollTop = list.scrollHeight;
  }

  function refresh() {
    return fetch('/sandbox/api/chats').then(function (r) { return r.json(); }).then(function (list) {
      chats = list;
      if (!selected && chats.length) {
        var waiting = chats.filter(function (c) { return !c.ended && c.userData.sandboxAgent === 'console'; });
        var pick = waiting.length ? waiting[waiting.length - 1] : null;
        if (pick) { selected = { backend: pick.backend, id: pick.id }; }
      }
      renderQueue();
      renderChat();
    });
  }

  $('accept').onclick = function () { act('join', { name: $('agent-name').value || 'Agent' }); };
  $('composer').onsubmit = function (e) {
    e.preventDefault();
    var text = $('agent-message').value.trim();
    if (!text) { return; }
    clearTimeout(typingOff);
    typingOff = null;
    act('say', { text: text });
    $('agent-message').value = '';
  };
  $('agent-message').addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); $('composer').requestSubmit(); return; }
    if (!typingOff) { act('typing', { on: 'true' }); } else { clearTimeout(typingOff); }
    typingOff = setTimeout(function () { typingOff = null; act('typing', { on: 'false' }); }, 3000);
  });
  $('agent-file').onchange = function () {
    var f = $('agent-file').files[0];
    if (!f) { return; }
    f.text().then(function (content) { act('file', { fileName: f.name, content: content }); });
    $('agent-file').value = '';
  };
  $('push-url').onclick = function () {
    var url = prompt('Link to push to the customer', 'https://example.org/help');
    if (url) { act('url', { url: url }); }
  };
  $('idle').onclick = function () { act('idle', { seconds: '30' }); };
  $('leave').onclick = function () { act('leave'); };
  $('end').onclick = function () { act('end'); };

  refresh();
  setInterval(refresh, 700);
})();
