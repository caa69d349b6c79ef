/*
 * For the shared-tabs pages: ?tabs=false turns tab sharing off; every request this page makes to a back end (XHR,
 * fetch, beacon, WebSocket) is recorded with its time (window.requests: {at: Date.now(), kind, url}), so that a test
 * sees which tab talks to the server and when it began to. Loaded after the configuration, before the plugin.
 */
(function () {
  if (new URLSearchParams(location.search).get('tabs') === 'false') {
    window._genesys.widgets.webchat.tabs = false;
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
