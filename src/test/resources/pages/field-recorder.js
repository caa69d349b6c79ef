/*
 * The recorder of the field pages: every event in order (window.seen), every message text (window.texts), every
 * transcript item as its type, sender's role and text (window.items), and when each text was first heard
 * (window.heard: text to Date.now()).
 */
(function () {
  window.seen = [];
  window.texts = [];
  window.items = [];
  window.heard = {};
  window.errors = [];
  // The QuickBus on a standalone page, the page's own CXBus on a Genesys-like one.
  var widget = (window._genesys.widgets.bus || window.CXBus).registerPlugin('FieldPage');
  ['ready', 'started', 'restored', 'restoreFailed', 'restoreTimeout', 'messageReceived', 'agentConnected',
   'pollingStarted', 'error', 'ended'].forEach(function (name) {
    widget.subscribe('WebChatService.' + name, function (e) {
      window.seen.push(name);
      if (name === 'error') {
        window.errors.push(e.data && e.data.errorReason || '');
      }
      ((e.data && e.data.messages) || []).forEach(function (m) {
        window.items.push(m.type + ' ' + (m.from && m.from.type) + ' ' + (m.text === undefined ? '' : m.text));
        if (m.text) {
          window.texts.push(m.text);
          if (!(m.text in window.heard)) {
            window.heard[m.text] = Date.now();
          }
        }
      });
    });
  });
  /** Runs a command; resolves {ok, value} either way. */
  window.cmd = function (name, data) {
    return new Promise(function (resolve) {
      widget.command('WebChatService.' + name, data || {})
        .done(function (r) { resolve({ ok: true, value: r }); })
        .fail(function (e) { resolve({ ok: false, value: e }); });
    });
  };
})();
