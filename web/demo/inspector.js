/*
 * Bus inspector: every WebChatService command (who sent it, with what, and how it settled) and every
 * WebChatService event with its data, newest first. It wraps registerPlugin so that it sees the commands of
 * plugins registered after it, and subscribes to the events the service declares.
 */
(function () {
  var bus = window.CXBus;
  if (!bus) { return; }
  var log = [];
  var listeners = [];
  function add(kind, text, data, state) {
    var entry = { kind: kind, text: text, data: data, state: state || '', time: new Date() };
    log.push(entry);
    listeners.forEach(function (l) { l(entry); });
    return entry;
  }
  function show(v) {
    if (v === undefined) { return ''; }
    try {
      return JSON.stringify(v, function (k, x) {
        if (x instanceof RegExp) { return String(x); }
        if (typeof Node !== 'undefined' && x instanceof Node) { return '<' + x.nodeName.toLowerCase() + '>'; }
        if (typeof File !== 'undefined' && x instanceof File) { return 'File ' + x.name; }
        if (typeof x === 'function') { return 'function'; }
        return x;
      });
    } catch (e) {
      return String(v);
    }
  }
  function watch(api) {
    if (!api || api.__inspected) { return api; }
    var original = api.command;
    api.command = function (name, data) {
      var promise = original.apply(this, arguments);
      if (typeof name === 'string' && name.indexOf('WebChatService.') === 0) {
        var entry = add('command', api.namespace() + ' → ' + name, data, 'pending');
        promise.done(function (r) { entry.state = 'resolved'; entry.result = r; listeners.forEach(function (l) { l(entry, true); }); });
        promise.fail(function (r) { entry.state = 'rejected'; entry.result = r; listeners.forEach(function (l) { l(entry, true); }); });
      }
      return promise;
    };
    api.__inspected = true;
    return api;
  }
  var register = bus.registerPlugin;
  bus.registerPlugin = function (name) { return watch(register.apply(bus, arguments)); };
  var quick = window._genesys && window._genesys.widgets && window._genesys.widgets.bus;
  if (quick) { quick.registerPlugin = bus.registerPlugin; }

  var self = register.call(bus, 'BusInspector');
  var events = ['ready', 'started', 'ended', 'messageReceived', 'restored', 'restoreFailed', 'restoreTimeout',
    'restoredOffline', 'error', 'agentConnected', 'agentDisconnected', 'clientConnected', 'clientDisconnected',
    'supervisorConnected', 'supervisorDisconnected', 'botConnected', 'botDisconnected', 'agentTypingStarted',
    'agentTypingStopped', 'agentTypingTimeout', 'clientTypingStarted', 'clientTypingStopped', 'pollingStarted',
    'pollingStopped', 'disconnected', 'reconnected', 'chatServerWentOffline', 'chatServerBackOnline',
    'connectionPending', 'connectionRestored', 'capabilitiesChanged', 'sessionLost', 'sleeping', 'waking',
    'data.sessionActive', 'data.agentTyping', 'data.capabilities', 'data.userData'];
  events.forEach(function (e) {
    self.subscribe('WebChatService.' + e, function (env) { add('event', env.event, env.data); });
  });

  window.busInspector = { log: log, onEntry: function (l) { listeners.push(l); } };

  document.addEventListener('DOMContentLoaded', function () {
    var list = document.getElementById('inspector-log');
    if (!list) { return; }
    function render(entry, update) {
      var item = entry.node || document.createElement('li');
      entry.node = item;
      item.className = entry.kind + ' ' + entry.state;
      item.textContent = entry.time.toLocaleTimeString() + '  ' + entry.text
        + (entry.data !== undefined ? '\n  data: ' + show(entry.data) : '')
        + (entry.kind === 'command' ? '\n  ' + entry.state + (entry.result !== undefined ? ': ' + show(entry.result) : '') : '');
      if (!update) { list.insertBefore(item, list.firstChild); }
    }
    log.forEach(function (e) { render(e); });
    listeners.push(render);
    document.getElementById('inspector-clear').onclick = function () { list.textContent = ''; };
  });
})();
