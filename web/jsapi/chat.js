/*
 * The Chat Service JS API demo: restore first, else offer a start form; then a transcript, a composer, typing
 * notifications, leave, and the Extended API. Built only on window._genesys.chatService and its session object.
 */
(function () {
  var params = new URLSearchParams(location.search);
  var backend = params.get('backend') || sessionStorage.getItem('jsapi-backend') || 'gms';
  var storageKind = params.get('storage') || sessionStorage.getItem('jsapi-storage') || 'cookie';
  sessionStorage.setItem('jsapi-backend', backend);
  sessionStorage.setItem('jsapi-storage', storageKind);
  var agent = params.get('agent') === 'console' ? 'console' : 'scripted';
  var api = window._genesys.chatService;
  var $ = function (id) { return document.getElementById(id); };
  var session = null;

  // A custom stateStorage (the seed's pattern): the state as JSON, here in sessionStorage.
  var sessionStorageState = {
    write: function (state) {
      if (state) sessionStorage.setItem('chatSessionState', JSON.stringify(state));
      else sessionStorage.removeItem('chatSessionState');
    },
    read: function () { return sessionStorage.getItem('chatSessionState'); }
  };

  function connection() {
    var o = backend === 'cometd'
      ? { serverUrl: location.origin + '/genesys/cometd/' }
      : { dataURL: location.origin + '/genesys/2/chat/customer-support', ajaxTimeout: 10000 };
    if (storageKind === 'session') o.stateStorage = sessionStorageState;
    return o;
  }

  $('mode').textContent = '(now: ' + (backend === 'cometd' ? 'GMS CometD' : 'GMS REST') + ', state in ' +
    (storageKind === 'session' ? 'sessionStorage' : 'the cookie') + ')';

  function log(line) {
    var div = document.createElement('div');
    div.textContent = line;
    $('log').appendChild(div);
  }

  function failed(what) {
    return function (event) {
      log(what + ' failed: ' + (event && event.error ? event.error.code + ' ' + event.error.description : '(no error)'));
    };
  }

  function add(text, cls, restoring) {
    var li = document.createElement('li');
    li.textContent = text;
    if (cls) li.className = cls;
    if (restoring) li.classList.add('restoring');
    $('transcript').appendChild(li);
    $('transcript').scrollTop = $('transcript').scrollHeight;
  }

  function who(event) {
    return event.party ? event.party.nickname || event.party.type : 'System';
  }

  function attach(s) {
    session = s;
    $('start').hidden = true;
    $('session').hidden = false;
    $('status').textContent = '';
    s.onAgentConnected(function (e) { add(who(e) + ' joined', 'notice', e.restoring); })
      .onAgentDisconnected(function (e) { add(who(e) + ' left', 'notice', e.restoring); })
      .onMessageReceived(function (e) {
        var text = e.messageType === 'FileUploaded' ? '[file ' + (e.userData && e.userData['file-name']) + ']' : e.text;
        add(who(e) + ': ' + text, e.party && e.party.type === 'Client' ? 'mine' : '', e.restoring);
      })
      .onNoticeReceived(function (e) { add(who(e) + ' (' + e.noticeType + ') ' + (e.text || ''), 'notice', e.restoring); })
      .onAgentTypingStarted(function () { $('typing').hidden = false; })
      .onAgentTypingStopped(function () { $('typing').hidden = true; })
      .onInterrupted(function (e) { $('status').textContent = 'Connection interrupted (' + e.cause + ')…'; })
      .onContinued(function () { $('status').textContent = ''; })
      .onError(function (e) { log('error ' + e.error.code + ' ' + e.error.description); })
      .onSessionEnded(function (e) {
        add('Chat ended (' + e.reason + ')', 'notice');
        $('composer').hidden = true;
        session = null;
        setTimeout(function () { $('start').hidden = false; }, 0);
      });
    $('composer').hidden = false;
  }

  $('start').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('transcript').textContent = '';
    var o = connection();
    o.username = $('firstname').value + ' ' + $('lastname').value;
    o.userData = { FirstName: $('firstname').value, LastName: $('lastname').value, sandboxAgent: agent };
    api.startSession(o).done(attach).fail(failed('startSession'));
  });

  $('composer').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('message').value;
    if (!session || !text.trim()) return;
    session.sendMessage(text).done(function () { $('message').value = ''; }).fail(failed('sendMessage'));
  });
  $('message').addEventListener('input', function () { if (session) session.sendTyping(); });
  $('leave').addEventListener('click', function () {
    if (session) session.leave().done(function (e) { log('left, serverConfirmed=' + e.serverConfirmed); });
  });

  $('ud-set').addEventListener('click', function () {
    var data = {};
    data[$('ud-key').value] = $('ud-value').value;
    session.setUserData(data).done(function () { log('setUserData done'); }).fail(failed('setUserData'));
  });
  $('ud-get').addEventListener('click', function () {
    session.getUserData($('ud-key').value).done(function (e) { log('getUserData ' + JSON.stringify(e.userData)); })
      .fail(failed('getUserData'));
  });
  $('ud-delete').addEventListener('click', function () {
    session.deleteUserData($('ud-key').value).done(function () { log('deleteUserData done'); })
      .fail(failed('deleteUserData'));
  });
  $('notice').addEventListener('click', function () {
    session.sendCustomNotice('cb-ready').done(function (e) { log('notice acknowledged at ' + e.timestamp); })
      .fail(failed('sendCustomNotice'));
  });

  // Restore first; with no error there is nothing to restore: offer a new chat (the seed's pattern).
  api.restoreSession(connection()).done(attach).fail(function (event) {
    if (event.error) failed('restoreSession')(event);
    $('start').hidden = false;
  });
}());
