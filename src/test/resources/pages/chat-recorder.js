/*
 * What a custom widget keeps, for the GMS chat pages: every named WebChatService event in order (window.seen), and
 * the transcript as shown (window.lines). cmd(name, data) runs a command and resolves {ok, value} either way.
 */
function recordChat(events) {
  window.seen = [];
  window.lines = []; // a join's text is left out, as the original leaves it: shown as ''
  var widget = window._genesys.widgets.bus.registerPlugin('MyPlugin');
  events.forEach(function (name) {
    widget.subscribe('WebChatService.' + name, function (e) {
      window.seen.push(name);
      if (name === 'messageReceived') {
        e.data.messages.forEach(function (msg) {
          window.lines.push(msg.index + ' ' + msg.type + ' ' + msg.from.type + ' ' + (msg.text === undefined ? '' : msg.text)
            + (msg.restoring ? ' (restoring)' : ''));
        });
      }
    });
  });
  window.cmd = function (name, data) {
    return new Promise(function (resolve) {
      widget.command('WebChatService.' + name, data || {})
        .done(function (r) { resolve({ ok: true, value: r }); })
        .fail(function (e) { resolve({ ok: false, value: e }); });
    });
  };
}
