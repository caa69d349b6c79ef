/*
 * The sandbox's configurations for each emulated back end, as a site would write them in
 * window._genesys.widgets.webchat. The choice comes from the query string and survives reloads. On a Genesys
 * Widgets page of your own (served under /byo/, where the sandbox adds this script) it rewrites only the back end.
 */
(function () {
  var params = new URLSearchParams(location.search);
  var backend = params.get('backend') || 'gms';
  var agent = params.get('agent') === 'console' ? 'console' : 'scripted';
  var origin = location.origin;
  var configs = {
    gms: { dataURL: origin + '/genesys/2/chat/customer-support', ajaxTimeout: 10000 },
    cometd: {
      cometD: {
        enabled: true, cometURL: origin + '/genesys/cometd', channel: '/service/chatV2/customer-support',
        apiURL: origin + '/genesys/2/chat-ntf'
      }
    },
    purecloud: {
      transport: {
        type: 'purecloud-v2-sockets', dataURL: origin, deploymentKey: '11111111-2222-4333-8444-555555555555',
        orgGuid: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', interactionData: { routing: { targetType: 'QUEUE', targetAddress: 'Sandbox' } }
      }
    },
    nexus: {
      transport: {
        type: 'pureengage-v3-rest', dataURL: origin + '/nexus/v3/chat/sessions', endpoint: 'sandbox_chat',
        headers: { 'x-api-key': 'sandbox-api-key' },
        async: {
          enabled: true,
          getSessionData: function (sessionData, Cookie, CookieOptions) {
            Cookie.set('sandbox-async-session', JSON.stringify(sessionData), CookieOptions);
          },
          setSessionData: function (Open, Cookie, CookieOptions) {
            return Cookie.get('sandbox-async-session');
          },
          deleteSessionData: function (errorData, Cookie, CookieOptions) {
            Cookie.remove('sandbox-async-session', CookieOptions);
          }
        }
      }
    },
    // PureConnect ICWS web chat through the emulator's proxy: two virtual servers, so a 503 can move the chat.
    // The agent choice goes as an additional attribute: these transports send no configured userData.
    pureconnect: {
      transport: {
        type: 'pureconnect-v4-rest', hosts: ['cic-a.example.test', 'cic-b.example.test'],
        reverseProxyUrl: origin + '/icws-proxy',
        interactionData: { routing: { targetName: 'Sandbox' }, additionalAttrs: { sandboxAgent: agent } }
      }
    },
    // PureConnect chat bots: the connector's REST and WebSocket, on the emulator instead of Genesys's cloud.
    pureconnectbots: {
      transport: {
        type: 'pureconnect-v4-chatbots', hosts: ['cic-a.example.test'],
        chatbotsRestBase: origin + '/pureconnect-bots/api/v1/start/',
        chatbotsSocketUrl: origin.replace(/^http/, 'ws') + '/pureconnect-bots/v1',
        chatBotData: 'sandbox-bot', additionalAttrs: { sandboxAgent: agent },
        interactionData: { routing: { targetName: 'Sandbox' } }
      }
    }
  };
  var webchat = configs[backend] || configs.gms;
  // ?pageSize=N: smaller history pages (Genesys Cloud, v3), to see paging on scroll without a long chat.
  var pageSize = Number(params.get('pageSize'));
  if (pageSize > 0 && webchat.transport) webchat.transport.maxMessagePageSize = pageSize;
  // The scripted agent leaves chats alone whose customer asked for a person.
  webchat.userData = { sandboxAgent: agent };
  var page = window._genesys && window._genesys.widgets && window._genesys.widgets.webchat;
  if (page) {
    // A Genesys Widgets page served under /byo/: keep its UI options, point its chat at the emulator.
    delete page.dataURL;
    delete page.cometD;
    delete page.transport;
    Object.keys(webchat).forEach(function (key) {
      if (key !== 'userData') page[key] = webchat[key];
    });
    page.userData = Object.assign({}, page.userData, webchat.userData);
  } else {
    window._genesys = { widgets: { webchat: webchat } };
  }
  window.sandboxDemo = { backend: backend, agent: agent };
})();
