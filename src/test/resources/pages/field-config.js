/*
 * The configuration of the field pages, for the back end named by ?backend= (gms, cometd, purecloud, v3, pureconnect,
 * pureconnectbots), every URL on the page's own origin, so that the page works under whatever host name the browser
 * was given. An external file, so that pages with a strict Content-Security-Policy (no inline script) can use it.
 */
(function () {
  var o = location.origin, backend = new URLSearchParams(location.search).get('backend') || 'gms';
  var configs = {
    gms: { dataURL: o + '/genesys/2/chat/customer-support', ajaxTimeout: 5000 },
    cometd: { cometD: { enabled: true, cometURL: o + '/genesys/cometd', apiURL: o + '/genesys/2/chat-ntf' } },
    purecloud: { transport: { type: 'purecloud-v2-sockets', dataURL: o + '/',
      deploymentKey: '11111111-2222-4333-8444-555555555555', orgGuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      socketReconnectInterval: 200, interactionData: { routing: { targetType: 'QUEUE', targetAddress: 'Support' } } } },
    v3: { ajaxTimeout: 5000, transport: { type: 'pureengage-v3-rest', dataURL: o + '/nexus/v3/chat/sessions',
      endpoint: 'sandbox_chat', headers: { 'x-api-key': 'sandbox-api-key' } } },
    pureconnect: { ajaxTimeout: 5000, transport: { type: 'pureconnect-v4-rest',
      hosts: ['cic-a.example.test', 'cic-b.example.test'], reverseProxyUrl: o + '/icws-proxy',
      interactionData: { routing: { targetName: 'Support' } } } },
    pureconnectbots: { transport: { type: 'pureconnect-v4-chatbots', hosts: ['cic-a.example.test'],
      chatbotsRestBase: o + '/pureconnect-bots/api/v1/start/',
      chatbotsSocketUrl: o.replace(/^http/, 'ws') + '/pureconnect-bots/v1', chatBotData: 'sandbox-bot',
      interactionData: { routing: { targetName: 'Support' } } } }
  };
  window._genesys = { widgets: { webchat: configs[backend] } };
  // What the page's Content-Security-Policy refused, if anything (a strict page must see none of ours).
  window.violations = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.violations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  // Uncaught errors, as window.onerror sees them.
  window.uncaught = [];
  window.addEventListener('error', function (e) {
    window.uncaught.push(String(e.error && e.error.message !== undefined ? e.error.message : e.message));
  });
})();
