/*
 * For the shared-tabs pages: ?tabs=false turns tab sharing off; every request this page makes to a back end (XHR,
 * fetch, beacon, WebSocket) is recorded with its time (window.requests: {at: Date.now(), kind, url}), so that a test
 * sees which tab talks to the server and when it began to. ?holdIntervals=N runs this page's setInterval timers no
 * more often than every N ms, as Chromium holds back a hidden tab's timers (to once a minute after five minutes
 * hidden); the page's setTimeout timers, its messages and its requests are left alone. Loaded after the
 * configuration, before the plugin.
 */
(function () {
  var query = new URLSearchParams(location.search);
  if (query.get('tabs') === 'false') {
    window._genesys.widgets.webchat.tabs = false;
  }
  var held = Number(query.get('holdIntervals') || 0);
  if (held > 0) {
    var setInterval = window.setInterval;
    window.setInterval = function (task, ms) {
      return setInterval.call(window, task, Math.max(held, ms || 0));
    };
  }
  window.requests = [];
  function note(kind, url) {
    window.requests.push({ at: Date.now(), kind: kind, url: String(url && url.url || url) });
  }
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    note('xhr', url);
    return open.apply(this, arguments);
  };
  var fetch = window.fetch;
  window.fetch = function (input) {
    note('fetch', input);
    return fetch.apply(this, arguments);
  };
  var beacon = navigator.sendBeacon;
  navigator.sendBeacon = function (url) {
    note('beacon', url);
    return beacon.apply(navigator, arguments);
  };
  var Socket = window.WebSocket;
  window.WebSocket = class extends Socket {
    constructor(url, protocols) {
      note('ws', url);
      if (protocols === undefined) {
        super(url);
      } else {
        super(url, protocols);
      }
    }
  };
  // The Performance API's record of the same requests, as a second witness: keep every entry.
  performance.setResourceTimingBufferSize(100000);
})();
